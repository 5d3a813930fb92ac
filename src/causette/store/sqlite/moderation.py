"""SQLite implementation of ``ModerationStore``.

It shares an opened chat store's connection and thread (``SqliteStore.run``): one writer, calls
served in the order they were made, and the tables come from the same migrations. Writes that
touch several rows run in one explicit transaction, since the connection is in autocommit mode.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from causette.domain.accounts import Account, ConsoleSession, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    Appeal,
    AppealStatus,
    Appellant,
    Case,
    CaseStatus,
    Category,
    Decision,
    EmergencyLevel,
    Evidence,
    Locator,
    Outcome,
    Person,
    Report,
    RoomModeration,
    Sanction,
    SanctionKind,
    Source,
)
from causette.errors import Refused
from causette.store.moderation import FiledNotice

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
V = TypeVar("V")
D = TypeVar("D", bound="DataclassInstance")
E = TypeVar("E", bound=Enum)


class SqliteRunner(Protocol):
    """What this store needs of ``SqliteStore``: its connection, on its thread.

    Named structurally so that only ``app.py`` names the concrete chat store.
    """

    async def run(self, fn: Callable[[sqlite3.Connection], T]) -> T: ...

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...

    async def write(self, sql: str, params: Sequence[Any] = ()) -> None: ...


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _username_key(username: str) -> str:
    """What makes two usernames the same account (stored in ``account.username_key``)."""
    return username.lower()


# -- values to rows and back -------------------------------------------------------------------
#
# Invariant: a value's field names are its table's column names; a nested value (a report's
# Locator, a sanction's Person) spreads its fields into columns of the same names. The contract
# tests round-trip every value: renaming a field or a column on one side only fails there.


def _column(value: object) -> object:
    """A field as SQLite stores it: enums by value, flags as 0/1, collections as JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, frozenset):
        return _json(sorted(value))
    if isinstance(value, Mapping):
        return _json(dict(value))
    return value


def _columns(value: DataclassInstance, **extra: object) -> dict[str, object]:
    """The columns of a value other than its id, plus ``extra`` ones the value lacks."""
    out: dict[str, object] = {}
    for f in dataclasses.fields(value):
        field_value = getattr(value, f.name)
        if dataclasses.is_dataclass(field_value) and not isinstance(field_value, type):
            out.update(_columns(field_value))
        elif f.name != "id":
            out[f.name] = _column(field_value)
    out.update({name: _column(v) for name, v in extra.items()})
    return out


def _value(cls: type[D], row: sqlite3.Row, **converted: object) -> D:
    """A ``cls`` from the row's columns named like its fields, ``converted`` ones replaced."""
    plain = {f.name: row[f.name] for f in dataclasses.fields(cls) if f.name not in converted}
    return cls(**plain, **converted)


def _maybe(enum: Callable[[str], E], raw: str | None) -> E | None:
    return None if raw is None else enum(raw)


def _case(r: sqlite3.Row) -> Case:
    return _value(
        Case,
        r,
        category=Category(r["category"]),
        trusted=bool(r["trusted"]),
        status=CaseStatus(r["status"]),
        outcome=_maybe(Outcome, r["outcome"]),
    )


def _report(r: sqlite3.Row) -> Report:
    return _value(
        Report,
        r,
        category=Category(r["category"]),
        source=Source(r["source"]),
        locator=Locator(r["message_id"], r["user_id"], r["room"]),
        good_faith=bool(r["good_faith"]),
    )


def _evidence(r: sqlite3.Row) -> Evidence:
    return _value(Evidence, r, body=json.loads(r["body"]))


def _decision(r: sqlite3.Row) -> Decision:
    return _value(
        Decision,
        r,
        kind=SanctionKind(r["kind"]),
        source=Source(r["source"]),
        automated_detection=bool(r["automated_detection"]),
        automated_decision=bool(r["automated_decision"]),
    )


def _sanction(r: sqlite3.Row) -> Sanction:
    # The person's fields are the sanction table's device, network and nickname columns.
    person = Person(r["device"], r["network"], r["nickname"])
    return _value(Sanction, r, kind=SanctionKind(r["kind"]), person=person)


def _appeal(r: sqlite3.Row) -> Appeal:
    return _value(Appeal, r, appellant=Appellant(r["appellant"]), status=AppealStatus(r["status"]))


def _room(r: sqlite3.Row) -> RoomModeration:
    return RoomModeration(
        r["room"], bool(r["moderated"]), bool(r["closed"]), frozenset(json.loads(r["voiced"]))
    )


def _account(r: sqlite3.Row) -> Account:
    return _value(Account, r, role=Role(r["role"]))


def _session(r: sqlite3.Row) -> ConsoleSession:
    return _value(ConsoleSession, r)


def _audit(r: sqlite3.Row) -> AuditEntry:
    return _value(AuditEntry, r, automated=bool(r["automated"]), details=json.loads(r["details"]))


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
    columns = _columns(case)
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
    stored = _case(rows[0])
    return stored, stored.code == case.code


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
        return dataclasses.replace(case, id=await self._insert("mod_case", _columns(case)))

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
                filed = dataclasses.replace(filed, id=_insert_row(db, "report", _columns(filed)))
                for item in evidence:
                    item = dataclasses.replace(item, case_id=stored.id, report_id=filed.id)
                    _insert_row(db, "evidence", _columns(item))
            return FiledNotice(stored, filed, opened)

        return await self._chat.run(run)

    async def update_case(self, case: Case) -> None:
        columns = _columns(case)
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
                closed = _case(row)
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
                return _case(joined)

        return await self._chat.run(run)

    async def get_case(self, case_id: int) -> Case | None:
        return await self._one(_case, "SELECT * FROM mod_case WHERE id = ?", (case_id,))

    async def open_case_for(self, subject: str) -> Case | None:
        """The open case about ``subject`` ("device:<hash>" or "room:<id>"), if any."""
        return await self._one(
            _case,
            "SELECT * FROM mod_case WHERE subject = ? AND status = ? ORDER BY id LIMIT 1",
            (subject, CaseStatus.OPEN.value),
        )

    async def open_cases(self, category: Category | None = None, limit: int = 200) -> list[Case]:
        """Open cases in queue order: priority, trusted flaggers first, then oldest."""
        where, params = "status = ?", [CaseStatus.OPEN.value]
        if category is not None:
            where += " AND category = ?"
            params.append(category.value)
        return await self._all(
            _case,
            f"SELECT * FROM mod_case WHERE {where}"
            " ORDER BY priority, trusted DESC, created_at, id LIMIT ?",
            (*params, limit),
        )

    async def cases_of_subject(self, subject: str) -> list[Case]:
        """Every case about a subject, newest first (a person's previous cases)."""
        return await self._all(
            _case,
            "SELECT * FROM mod_case WHERE subject = ? ORDER BY created_at DESC, id DESC",
            (subject,),
        )

    async def add_report(self, report: Report) -> Report:
        return dataclasses.replace(report, id=await self._insert("report", _columns(report)))

    async def get_report(self, report_id: int) -> Report | None:
        return await self._one(_report, "SELECT * FROM report WHERE id = ?", (report_id,))

    async def reports_of_case(self, case_id: int) -> list[Report]:
        return await self._all(
            _report, "SELECT * FROM report WHERE case_id = ? ORDER BY id", (case_id,)
        )

    async def reports_of_account(self, account_id: int, limit: int = 200) -> list[Report]:
        return await self._all(
            _report,
            "SELECT * FROM report WHERE reporter_account = ? ORDER BY id DESC LIMIT ?",
            (account_id, limit),
        )

    async def report_by_code(self, code: str) -> Report | None:
        return await self._one(_report, "SELECT * FROM report WHERE code = ?", (code,))

    async def add_evidence(self, evidence: Evidence) -> Evidence:
        new_id = await self._insert("evidence", _columns(evidence))
        return dataclasses.replace(evidence, id=new_id)

    async def evidence_of_case(self, case_id: int) -> list[Evidence]:
        return await self._all(
            _evidence, "SELECT * FROM evidence WHERE case_id = ? ORDER BY id", (case_id,)
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
        columns = _columns(decision, subject_device=subject_device)
        return dataclasses.replace(decision, id=await self._insert("decision", columns))

    async def get_decision(self, decision_id: int) -> Decision | None:
        return await self._one(_decision, "SELECT * FROM decision WHERE id = ?", (decision_id,))

    async def decision_by_code(self, code: str) -> Decision | None:
        return await self._one(_decision, "SELECT * FROM decision WHERE code = ?", (code,))

    async def decisions_of_device(self, device: str) -> list[Decision]:
        """Every decision about a device, newest first."""
        return await self._all(
            _decision,
            "SELECT * FROM decision WHERE subject_device = ? ORDER BY created_at DESC, id DESC",
            (device,),
        )

    async def decisions_between(self, start: float, end: float) -> list[Decision]:
        """Decisions with ``start <= created_at < end``, in id order."""
        return await self._all(
            _decision,
            "SELECT * FROM decision WHERE created_at >= ? AND created_at < ? ORDER BY id",
            (start, end),
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
        return dataclasses.replace(sanction, id=await self._insert("sanction", _columns(sanction)))

    async def active_sanctions(self, now: float) -> list[Sanction]:
        """Sanctions in force at ``now`` (as ``Sanction.active`` says), in id order."""
        return await self._all(
            _sanction,
            "SELECT * FROM sanction WHERE revoked_at IS NULL AND starts_at <= ?"
            " AND (expires_at IS NULL OR expires_at > ?) ORDER BY id",
            (now, now),
        )

    async def sanctions_of_decision(self, decision_id: int) -> list[Sanction]:
        return await self._all(
            _sanction, "SELECT * FROM sanction WHERE decision_id = ? ORDER BY id", (decision_id,)
        )

    async def add_appeal(self, appeal: Appeal) -> Appeal:
        return dataclasses.replace(appeal, id=await self._insert("appeal", _columns(appeal)))

    async def get_appeal(self, appeal_id: int) -> Appeal | None:
        return await self._one(_appeal, "SELECT * FROM appeal WHERE id = ?", (appeal_id,))

    async def appeal_by_code(self, code: str) -> Appeal | None:
        return await self._one(_appeal, "SELECT * FROM appeal WHERE code = ?", (code,))

    async def appeals(self, status: AppealStatus | None = None) -> list[Appeal]:
        """Appeals, oldest first, optionally of one status."""
        if status is None:
            return await self._all(_appeal, "SELECT * FROM appeal ORDER BY created_at, id")
        return await self._all(
            _appeal,
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
        return await self._all(_room, "SELECT * FROM room_moderation ORDER BY room")

    async def save_room_moderation(self, room: RoomModeration) -> None:
        await self._chat.write(
            "INSERT INTO room_moderation (room, moderated, closed, voiced) VALUES (?,?,?,?)"
            " ON CONFLICT (room) DO UPDATE SET moderated = excluded.moderated,"
            " closed = excluded.closed, voiced = excluded.voiced",
            tuple(_columns(room).values()),
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
        columns = _columns(account, username_key=_username_key(account.username))
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
            _account, "SELECT * FROM account WHERE username_key = ?", (_username_key(username),)
        )

    async def get_account(self, account_id: int) -> Account | None:
        return await self._one(_account, "SELECT * FROM account WHERE id = ?", (account_id,))

    async def accounts(self) -> list[Account]:
        return await self._all(_account, "SELECT * FROM account ORDER BY id")

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
        await self._insert("console_session", _columns(session))

    async def get_session(self, token_hash: str) -> ConsoleSession | None:
        return await self._one(
            _session, "SELECT * FROM console_session WHERE token_hash = ?", (token_hash,)
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
        return dataclasses.replace(entry, id=await self._insert("audit", _columns(entry)))

    async def entries(self, start: float, end: float) -> list[AuditEntry]:
        """Entries with ``start <= ts < end``, in order."""
        return await self._all(
            _audit, "SELECT * FROM audit WHERE ts >= ? AND ts < ? ORDER BY id", (start, end)
        )

    async def entries_of_case(self, case_id: int) -> list[AuditEntry]:
        return await self._all(
            _audit, "SELECT * FROM audit WHERE case_id = ? ORDER BY id", (case_id,)
        )
