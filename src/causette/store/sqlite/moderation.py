"""SQLite implementation of ``ModerationStore``.

It shares an opened chat store's connection and thread (``SqliteStore.run``): one writer, calls
served in the order they were made, and the tables come from the same migrations. Writes that
touch several rows run in one explicit transaction, since the connection is in autocommit mode.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from causette.domain.accounts import Account, ConsoleSession
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    Appeal,
    AppealStatus,
    Case,
    CaseStatus,
    Category,
    Decision,
    EmergencyLevel,
    Evidence,
    Report,
    RoomModeration,
    Sanction,
)
from causette.errors import Refused
from causette.store.moderation import FiledNotice
from causette.store.sqlite.rows import (
    account_of,
    appeal_of,
    audit_of,
    case_of,
    column_of,
    columns_of,
    decision_of,
    evidence_of,
    report_of,
    room_of,
    sanction_of,
    session_of,
    username_key,
)

T = TypeVar("T")
V = TypeVar("V")


class SqliteRunner(Protocol):
    """What this store needs of ``SqliteStore``: its connection, on its thread.

    Named structurally so that only ``app.py`` names the concrete chat store.
    """

    async def run(self, fn: Callable[[sqlite3.Connection], T]) -> T: ...

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...

    async def write(self, sql: str, params: Sequence[Any] = ()) -> None: ...


def _insert_row(db: sqlite3.Connection, table: str, columns: Mapping[str, object]) -> int:
    """Insert one row on ``db`` and return the id SQLite gave it (AUTOINCREMENT: never reused)."""
    # Table and column names come from this module and the dataclasses, never from input.
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    row_id = db.execute(sql, tuple(columns.values())).lastrowid
    assert row_id is not None
    return row_id


def _open_or_join(db: sqlite3.Connection, case: Case) -> tuple[Case, bool]:
    """The upsert behind ``open_or_join_case``, inside the caller's transaction.

    The partial unique index ``mod_case_one_open`` (migration 003) makes the insert conflict
    with the subject's open case, which is then updated instead: no read-then-write window.
    """
    if case.status is not CaseStatus.OPEN or case.id != 0:
        raise ValueError("open_or_join_case takes a new open case")
    columns = columns_of(case)
    # In SET, mod_case.* is the row before the update and excluded.* the one proposed.
    rows = db.execute(
        f"INSERT INTO mod_case ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        " ON CONFLICT (subject) WHERE status = 'open' DO UPDATE SET"
        " category = CASE WHEN excluded.priority < mod_case.priority"
        " THEN excluded.category ELSE mod_case.category END,"
        " priority = MIN(mod_case.priority, excluded.priority),"
        " trusted = MAX(mod_case.trusted, excluded.trusted)"
        " RETURNING *",
        tuple(columns.values()),
    ).fetchall()
    stored = case_of(rows[0])
    return stored, stored.code == case.code


# ``Report.reporter`` in SQL: the network, else the device, else the console account.
REPORTER_KEY = (
    "COALESCE('network:' || reporter_network, 'device:' || reporter_device,"
    " 'account:' || reporter_account)"
)


class SqliteModerationStore:
    """A ``ModerationStore`` in the chat store's SQLite file, on its connection and thread."""

    def __init__(self, chat: SqliteRunner) -> None:
        self._chat = chat

    async def _insert(self, table: str, columns: Mapping[str, object]) -> int:
        """Insert one row and return the id SQLite gave it (AUTOINCREMENT: never reused)."""

        def run(db: sqlite3.Connection) -> int:
            with db:
                return _insert_row(db, table, columns)

        return await self._chat.run(run)

    async def _delete(self, sql: str, params: Sequence[object]) -> int:
        def run(db: sqlite3.Connection) -> int:
            with db:
                return db.execute(sql, params).rowcount

        return await self._chat.run(run)

    async def _one(
        self, decode: Callable[[sqlite3.Row], V], sql: str, params: Sequence[object]
    ) -> V | None:
        rows = await self._chat.rows(sql, params)
        return decode(rows[0]) if rows else None

    async def _all(
        self, decode: Callable[[sqlite3.Row], V], sql: str, params: Sequence[object] = ()
    ) -> list[V]:
        return [decode(r) for r in await self._chat.rows(sql, params)]

    # -- cases, reports, evidence ----------------------------------------------------------

    async def add_case(self, case: Case) -> Case:
        return dataclasses.replace(case, id=await self._insert("mod_case", columns_of(case)))

    async def open_or_join_case(self, case: Case) -> tuple[Case, bool]:
        """The subject's open case, joined, or ``case`` opened (see ``CaseStore``)."""

        def run(db: sqlite3.Connection) -> tuple[Case, bool]:
            with db:
                db.execute("BEGIN IMMEDIATE")
                return _open_or_join(db, case)

        return await self._chat.run(run)

    async def file_notice(
        self, case: Case, report: Report, evidence: Sequence[Evidence]
    ) -> FiledNotice:
        """Case, report and evidence in one transaction (see ``CaseStore``)."""

        def run(db: sqlite3.Connection) -> FiledNotice:
            with db:  # BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error
                db.execute("BEGIN IMMEDIATE")
                stored, opened = _open_or_join(db, case)
                filed = dataclasses.replace(report, case_id=stored.id)
                filed = dataclasses.replace(filed, id=_insert_row(db, "report", columns_of(filed)))
                for item in evidence:
                    item = dataclasses.replace(item, case_id=stored.id, report_id=filed.id)
                    _insert_row(db, "evidence", columns_of(item))
            return FiledNotice(stored, filed, opened)

        return await self._chat.run(run)

    async def update_case(self, case: Case) -> None:
        columns = columns_of(case)
        assignments = ", ".join(f"{name} = ?" for name in columns)
        await self._chat.write(
            f"UPDATE mod_case SET {assignments} WHERE id = ?", (*columns.values(), case.id)
        )

    async def reopen_case(self, case_id: int) -> Case | None:
        """The case back in the queue, or joined to its subject's open case (see ``CaseStore``)."""

        def run(db: sqlite3.Connection) -> Case | None:
            with db:
                db.execute("BEGIN IMMEDIATE")
                row = db.execute("SELECT * FROM mod_case WHERE id = ?", (case_id,)).fetchone()
                if row is None:
                    return None
                closed = case_of(row)
                if closed.status is CaseStatus.OPEN:
                    return closed
                current = db.execute(
                    "SELECT * FROM mod_case WHERE subject = ? AND status = ?",
                    (closed.subject, CaseStatus.OPEN.value),
                ).fetchone()
                if current is None:
                    db.execute(
                        "UPDATE mod_case SET status = ?, closed_at = NULL, outcome = NULL,"
                        " hold_until = NULL WHERE id = ?",
                        (CaseStatus.OPEN.value, case_id),
                    )
                    return dataclasses.replace(
                        closed,
                        status=CaseStatus.OPEN,
                        closed_at=None,
                        outcome=None,
                        hold_until=None,
                    )
                open_id = current["id"]
                for table in ("report", "evidence"):
                    db.execute(
                        f"UPDATE {table} SET case_id = ? WHERE case_id = ?", (open_id, case_id)
                    )
                db.execute(
                    "UPDATE mod_case SET"
                    " category = CASE WHEN ? < priority THEN ? ELSE category END,"
                    " priority = MIN(priority, ?), trusted = MAX(trusted, ?) WHERE id = ?",
                    (
                        closed.priority,
                        closed.category.value,
                        closed.priority,
                        int(closed.trusted),
                        open_id,
                    ),
                )
                joined = db.execute("SELECT * FROM mod_case WHERE id = ?", (open_id,)).fetchone()
                return case_of(joined)

        return await self._chat.run(run)

    async def get_case(self, case_id: int) -> Case | None:
        return await self._one(case_of, "SELECT * FROM mod_case WHERE id = ?", (case_id,))

    async def open_case_for(self, subject: str) -> Case | None:
        """The open case about ``subject`` ("device:<hash>" or "room:<id>"), if any."""
        return await self._one(
            case_of,
            "SELECT * FROM mod_case WHERE subject = ? AND status = ? ORDER BY id LIMIT 1",
            (subject, CaseStatus.OPEN.value),
        )

    @staticmethod
    def _open_where(category: Category | None, reporter: str | None) -> tuple[str, list[object]]:
        where = "status = ?"
        params: list[object] = [CaseStatus.OPEN.value]
        if category is not None:
            where += " AND category = ?"
            params.append(category.value)
        if reporter is not None:
            where += f" AND id IN (SELECT case_id FROM report WHERE {REPORTER_KEY} = ?)"
            params.append(reporter)
        return where, params

    async def open_cases(
        self,
        category: Category | None = None,
        limit: int = 200,
        offset: int = 0,
        *,
        reporter: str | None = None,
    ) -> list[Case]:
        """Open cases in queue order: priority, trusted flaggers first, then oldest."""
        where, params = self._open_where(category, reporter)
        return await self._all(
            case_of,
            f"SELECT * FROM mod_case WHERE {where}"
            " ORDER BY priority, trusted DESC, created_at, id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )

    async def count_open_cases(
        self, category: Category | None = None, reporter: str | None = None
    ) -> int:
        where, params = self._open_where(category, reporter)
        rows = await self._chat.rows(f"SELECT COUNT(*) FROM mod_case WHERE {where}", params)
        return int(rows[0][0])

    async def open_cases_per_reporter(self) -> dict[str, int]:
        rows = await self._chat.rows(
            "SELECT reporter, COUNT(*) FROM ("
            f" SELECT r.case_id, MIN({REPORTER_KEY}) AS reporter FROM report r"
            " JOIN mod_case c ON c.id = r.case_id WHERE c.status = ?"
            f" GROUP BY r.case_id HAVING COUNT(DISTINCT {REPORTER_KEY}) = 1"
            f" AND COUNT({REPORTER_KEY}) = COUNT(*)"
            ") GROUP BY reporter",
            (CaseStatus.OPEN.value,),
        )
        return {str(r[0]): int(r[1]) for r in rows}

    async def cases_of_subject(self, subject: str) -> list[Case]:
        """Every case about a subject, newest first (a person's previous cases)."""
        return await self._all(
            case_of,
            "SELECT * FROM mod_case WHERE subject = ? ORDER BY created_at DESC, id DESC",
            (subject,),
        )

    async def add_report(self, report: Report) -> Report:
        return dataclasses.replace(report, id=await self._insert("report", columns_of(report)))

    async def get_report(self, report_id: int) -> Report | None:
        return await self._one(report_of, "SELECT * FROM report WHERE id = ?", (report_id,))

    async def reports_of_case(self, case_id: int) -> list[Report]:
        return await self._all(
            report_of, "SELECT * FROM report WHERE case_id = ? ORDER BY id", (case_id,)
        )

    async def reports_of_account(self, account_id: int, limit: int = 200) -> list[Report]:
        return await self._all(
            report_of,
            "SELECT * FROM report WHERE reporter_account = ? ORDER BY id DESC LIMIT ?",
            (account_id, limit),
        )

    async def report_by_code(self, code: str) -> Report | None:
        return await self._one(report_of, "SELECT * FROM report WHERE code = ?", (code,))

    async def add_evidence(self, evidence: Evidence) -> Evidence:
        new_id = await self._insert("evidence", columns_of(evidence))
        return dataclasses.replace(evidence, id=new_id)

    async def evidence_of_case(self, case_id: int) -> list[Evidence]:
        return await self._all(
            evidence_of, "SELECT * FROM evidence WHERE case_id = ? ORDER BY id", (case_id,)
        )

    async def purge_evidence(self, now: float) -> int:
        """Delete the evidence of closed cases whose hold ended before ``now``.

        A closed case without ``hold_until`` keeps its evidence: nothing is deleted on doubt.
        """
        return await self._delete(
            "DELETE FROM evidence WHERE case_id IN"
            " (SELECT id FROM mod_case WHERE status = ? AND hold_until < ?)",
            (CaseStatus.CLOSED.value, now),
        )

    # -- decisions, sanctions, appeals, strikes --------------------------------------------

    async def add_decision(self, decision: Decision, subject_device: str) -> Decision:
        columns = columns_of(decision, subject_device=subject_device)
        return dataclasses.replace(decision, id=await self._insert("decision", columns))

    async def get_decision(self, decision_id: int) -> Decision | None:
        return await self._one(decision_of, "SELECT * FROM decision WHERE id = ?", (decision_id,))

    async def decision_by_code(self, code: str) -> Decision | None:
        return await self._one(decision_of, "SELECT * FROM decision WHERE code = ?", (code,))

    async def decisions_of_device(self, device: str) -> list[Decision]:
        """Every decision about a device, newest first."""
        return await self._all(
            decision_of,
            "SELECT * FROM decision WHERE subject_device = ? ORDER BY created_at DESC, id DESC",
            (device,),
        )

    async def decisions_between(self, start: float, end: float) -> list[Decision]:
        """Decisions with ``start <= created_at < end``, in id order."""
        return await self._all(
            decision_of,
            "SELECT * FROM decision WHERE created_at >= ? AND created_at < ? ORDER BY id",
            (start, end),
        )

    async def subject_of_decision(self, decision_id: int) -> str | None:
        rows = await self._chat.rows(
            "SELECT subject_device FROM decision WHERE id = ?", (decision_id,)
        )
        return str(rows[0]["subject_device"]) if rows else None

    async def submissions(self) -> dict[int, str]:
        rows = await self._chat.rows("SELECT decision_id, puid FROM dsa_submission")
        return {int(r["decision_id"]): str(r["puid"]) for r in rows}

    async def record_submission(self, decision_id: int, puid: str, at: float) -> None:
        await self._chat.write(
            "INSERT INTO dsa_submission (decision_id, puid, sent_at) VALUES (?, ?, ?)",
            (decision_id, puid, at),
        )

    async def reverse_decision(self, decision_id: int, at: float) -> None:
        """Mark the decision reversed and revoke its sanctions, in one transaction.

        Earlier times stand: reversing twice, or a sanction revoked before, keeps the first.
        """

        def run(db: sqlite3.Connection) -> None:
            with db:  # autocommit connection: BEGIN here, COMMIT or ROLLBACK on leaving
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "UPDATE decision SET reversed_at = ? WHERE id = ? AND reversed_at IS NULL",
                    (at, decision_id),
                )
                db.execute(
                    "UPDATE sanction SET revoked_at = ? WHERE decision_id = ?"
                    " AND revoked_at IS NULL",
                    (at, decision_id),
                )

        await self._chat.run(run)

    async def add_sanction(self, sanction: Sanction) -> Sanction:
        return dataclasses.replace(
            sanction, id=await self._insert("sanction", columns_of(sanction))
        )

    async def active_sanctions(self, now: float) -> list[Sanction]:
        """Sanctions in force at ``now`` (as ``Sanction.active`` says), in id order."""
        return await self._all(
            sanction_of,
            "SELECT * FROM sanction WHERE revoked_at IS NULL AND starts_at <= ?"
            " AND (expires_at IS NULL OR expires_at > ?) ORDER BY id",
            (now, now),
        )

    async def exempt_from_network(self, sanction_id: int, device: str) -> Sanction | None:
        """Spare ``device`` from the sanction's network binding, in one transaction."""

        def run(db: sqlite3.Connection) -> Sanction | None:
            with db:
                db.execute("BEGIN IMMEDIATE")
                row = db.execute("SELECT * FROM sanction WHERE id = ?", (sanction_id,)).fetchone()
                if row is None:
                    return None
                sanction = sanction_of(row)
                exempt = sanction.network_exempt | {device}
                db.execute(
                    "UPDATE sanction SET network_exempt = ? WHERE id = ?",
                    (column_of(exempt), sanction_id),
                )
                return dataclasses.replace(sanction, network_exempt=exempt)

        return await self._chat.run(run)

    async def sanctions_of_decision(self, decision_id: int) -> list[Sanction]:
        return await self._all(
            sanction_of, "SELECT * FROM sanction WHERE decision_id = ? ORDER BY id", (decision_id,)
        )

    async def add_appeal(self, appeal: Appeal) -> Appeal:
        return dataclasses.replace(appeal, id=await self._insert("appeal", columns_of(appeal)))

    async def get_appeal(self, appeal_id: int) -> Appeal | None:
        return await self._one(appeal_of, "SELECT * FROM appeal WHERE id = ?", (appeal_id,))

    async def appeal_by_code(self, code: str) -> Appeal | None:
        return await self._one(appeal_of, "SELECT * FROM appeal WHERE code = ?", (code,))

    async def appeals(self, status: AppealStatus | None = None) -> list[Appeal]:
        """Appeals, oldest first, optionally of one status."""
        if status is None:
            return await self._all(appeal_of, "SELECT * FROM appeal ORDER BY created_at, id")
        return await self._all(
            appeal_of,
            "SELECT * FROM appeal WHERE status = ? ORDER BY created_at, id",
            (status.value,),
        )

    async def decide_appeal(
        self, appeal_id: int, status: AppealStatus, by: int, answer: str, at: float
    ) -> None:
        await self._chat.write(
            "UPDATE appeal SET status = ?, decided_by = ?, answer = ?, decided_at = ? WHERE id = ?",
            (status.value, by, answer, at, appeal_id),
        )

    async def add_strike(self, device: str, kind: str, case_id: int | None, at: float) -> None:
        """Record a misuse strike (Art. 23): "illegal_post" or "unfounded_report"."""
        columns = {"device": device, "kind": kind, "case_id": case_id, "created_at": at}
        await self._insert("misuse_strike", columns)

    async def count_strikes(self, device: str, kind: str, since: float) -> int:
        """Strikes of one kind against a device at or after ``since``."""
        rows = await self._chat.rows(
            "SELECT COUNT(*) FROM misuse_strike WHERE device = ? AND kind = ? AND created_at >= ?",
            (device, kind, since),
        )
        return int(rows[0][0])

    # -- rooms and emergency switches ------------------------------------------------------

    async def room_moderation(self) -> list[RoomModeration]:
        return await self._all(room_of, "SELECT * FROM room_moderation ORDER BY room")

    async def save_room_moderation(self, room: RoomModeration) -> None:
        await self._chat.write(
            "INSERT INTO room_moderation (room, moderated, closed, voiced) VALUES (?,?,?,?)"
            " ON CONFLICT (room) DO UPDATE SET moderated = excluded.moderated,"
            " closed = excluded.closed, voiced = excluded.voiced",
            tuple(columns_of(room).values()),
        )

    async def emergency_levels(self) -> dict[EmergencyLevel, bool]:
        """Every level ever switched, with its state: empty until the first switch."""
        rows = await self._chat.rows("SELECT level, enabled FROM emergency ORDER BY level")
        return {EmergencyLevel(r["level"]): bool(r["enabled"]) for r in rows}

    async def set_emergency(
        self, level: EmergencyLevel, enabled: bool, at: float, by: int | None
    ) -> None:
        await self._chat.write(
            "INSERT INTO emergency (level, enabled, changed_at, changed_by) VALUES (?,?,?,?)"
            " ON CONFLICT (level) DO UPDATE SET enabled = excluded.enabled,"
            " changed_at = excluded.changed_at, changed_by = excluded.changed_by",
            (level.value, int(enabled), at, by),
        )

    # -- console accounts and sessions -----------------------------------------------------

    async def add_account(self, account: Account) -> Account:
        """Raise ``Refused("username_taken")`` if the username exists, whatever its case."""
        columns = columns_of(account, username_key=username_key(account.username))
        sql = f"INSERT INTO account ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

        def run(db: sqlite3.Connection) -> int:
            with db:  # check and insert in one write transaction
                db.execute("BEGIN IMMEDIATE")
                taken = db.execute(
                    "SELECT 1 FROM account WHERE username_key = ?", (columns["username_key"],)
                ).fetchone()
                if taken is not None:
                    raise Refused("username_taken", field="username")
                row_id = db.execute(sql, tuple(columns.values())).lastrowid
            assert row_id is not None
            return row_id

        return dataclasses.replace(account, id=await self._chat.run(run))

    async def account_by_username(self, username: str) -> Account | None:
        """The account of that username, whatever its case."""
        return await self._one(
            account_of, "SELECT * FROM account WHERE username_key = ?", (username_key(username),)
        )

    async def get_account(self, account_id: int) -> Account | None:
        return await self._one(account_of, "SELECT * FROM account WHERE id = ?", (account_id,))

    async def accounts(self) -> list[Account]:
        return await self._all(account_of, "SELECT * FROM account ORDER BY id")

    async def set_login_state(
        self, account_id: int, failed_logins: int, locked_until: float | None
    ) -> None:
        await self._chat.write(
            "UPDATE account SET failed_logins = ?, locked_until = ? WHERE id = ?",
            (failed_logins, locked_until, account_id),
        )

    async def set_totp(self, account_id: int, secret: str | None) -> None:
        await self._chat.write(
            "UPDATE account SET totp_secret = ? WHERE id = ?", (secret, account_id)
        )

    async def add_session(self, session: ConsoleSession) -> None:
        await self._insert("console_session", columns_of(session))

    async def get_session(self, token_hash: str) -> ConsoleSession | None:
        return await self._one(
            session_of, "SELECT * FROM console_session WHERE token_hash = ?", (token_hash,)
        )

    async def touch_session(self, token_hash: str, at: float) -> None:
        await self._chat.write(
            "UPDATE console_session SET last_seen = ? WHERE token_hash = ?", (at, token_hash)
        )

    async def delete_session(self, token_hash: str) -> None:
        await self._chat.write("DELETE FROM console_session WHERE token_hash = ?", (token_hash,))

    async def purge_sessions(self, idle_before: float) -> int:
        """Delete the sessions last seen before ``idle_before``; return how many."""
        return await self._delete("DELETE FROM console_session WHERE last_seen < ?", (idle_before,))

    # -- audit log -------------------------------------------------------------------------

    async def append(self, entry: AuditEntry) -> AuditEntry:
        return dataclasses.replace(entry, id=await self._insert("audit", columns_of(entry)))

    async def entries(self, start: float, end: float) -> list[AuditEntry]:
        """Entries with ``start <= ts < end``, in order."""
        return await self._all(
            audit_of, "SELECT * FROM audit WHERE ts >= ? AND ts < ? ORDER BY id", (start, end)
        )

    async def entries_of_case(self, case_id: int) -> list[AuditEntry]:
        return await self._all(
            audit_of, "SELECT * FROM audit WHERE case_id = ? ORDER BY id", (case_id,)
        )
