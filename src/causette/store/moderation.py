"""Storage contracts for notice and action: cases, evidence, decisions, sanctions, appeals,
moderator accounts and the append-only audit log.

Narrow protocols, one concern each, so that a backend implements them separately (SQLite
today, PostgreSQL later). Inserts take a value whose ``id`` is 0 and return it with the id
the store gave it. Times are UTC epoch seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from causette.domain.accounts import Account, ConsoleSession
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    Appeal,
    AppealStatus,
    Case,
    Category,
    Decision,
    EmergencyLevel,
    Evidence,
    Report,
    RoomModeration,
    Sanction,
)


@dataclass(frozen=True, slots=True)
class FiledNotice:
    """A report as ``file_notice`` stored it, with its case and whether it opened it."""

    case: Case
    report: Report
    opened: bool


class CaseStore(Protocol):
    async def add_case(self, case: Case) -> Case: ...

    async def open_or_join_case(self, case: Case) -> tuple[Case, bool]:
        """The open case about ``case.subject``, or ``case`` (open, id 0) inserted as one.

        Joining an open case keeps the more urgent category and priority of the two (the
        open case's on a tie) and the trusted mark of either; the bool says whether ``case``
        was opened. One transaction: concurrent calls about one subject yield one case.
        """

    async def file_notice(
        self, case: Case, report: Report, evidence: Sequence[Evidence]
    ) -> FiledNotice:
        """``open_or_join_case(case)``, then the report and its evidence in that case.

        One transaction: a failure leaves nothing behind, no empty case. The ``case_id`` of
        the report and the evidence, and the evidence's ``report_id``, are filled in here.
        """

    async def update_case(self, case: Case) -> None: ...

    async def reopen_case(self, case_id: int) -> Case | None:
        """Put a closed case back in the queue (a reporter's appeal was well-founded).

        If its subject has an open case meanwhile, the closed case's reports and evidence
        join that one instead (one open case per subject), which is returned. One transaction.
        """

    async def get_case(self, case_id: int) -> Case | None: ...

    async def open_case_for(self, subject: str) -> Case | None:
        """The open case about ``subject`` ("device:<hash>" or "room:<id>"), if any."""

    async def open_cases(
        self,
        category: Category | None = None,
        limit: int = 200,
        offset: int = 0,
        *,
        reporter: str | None = None,
    ) -> list[Case]:
        """Open cases in queue order: priority, trusted flaggers first, then oldest; with
        ``reporter`` (a ``Report.reporter`` key), only those it filed a report in."""

    async def count_open_cases(
        self, category: Category | None = None, reporter: str | None = None
    ) -> int:
        """How many open cases ``open_cases`` would list over all its pages."""

    async def open_cases_per_reporter(self) -> dict[str, int]:
        """For each reporter key, the open cases whose every report it filed alone."""

    async def cases_of_subject(self, subject: str) -> list[Case]:
        """Every case about a subject, newest first (a person's previous cases)."""

    async def add_report(self, report: Report) -> Report: ...

    async def reports_of_case(self, case_id: int) -> list[Report]: ...

    async def report_by_code(self, code: str) -> Report | None: ...

    async def get_report(self, report_id: int) -> Report | None: ...

    async def reports_of_account(self, account_id: int, limit: int = 200) -> list[Report]:
        """A console account's reports (trusted flaggers, moderators), newest first."""

    async def add_evidence(self, evidence: Evidence) -> Evidence: ...

    async def evidence_of_case(self, case_id: int) -> list[Evidence]: ...

    async def purge_evidence(self, now: float) -> int:
        """Delete the evidence of closed cases whose hold ended before ``now``."""


class DecisionStore(Protocol):
    async def add_decision(self, decision: Decision, subject_device: str) -> Decision: ...

    async def get_decision(self, decision_id: int) -> Decision | None: ...

    async def decision_by_code(self, code: str) -> Decision | None: ...

    async def decisions_of_device(self, device: str) -> list[Decision]:
        """Every decision about a device, newest first."""

    async def decisions_between(self, start: float, end: float) -> list[Decision]: ...

    async def reverse_decision(self, decision_id: int, at: float) -> None:
        """Mark the decision reversed and revoke its sanctions."""

    async def subject_of_decision(self, decision_id: int) -> str | None:
        """The device a decision is about (who appeals it), None for no such decision."""

    async def submissions(self) -> dict[int, str]:
        """Decisions already sent to the Transparency Database, with their puid."""

    async def record_submission(self, decision_id: int, puid: str, at: float) -> None:
        """A statement was accepted by the database under ``puid``; never sent again."""

    async def add_sanction(self, sanction: Sanction) -> Sanction: ...

    async def active_sanctions(self, now: float) -> list[Sanction]: ...

    async def exempt_from_network(self, sanction_id: int, device: str) -> Sanction | None:
        """Spare a device from a sanction's network binding; the sanction as it now is."""

    async def sanctions_of_decision(self, decision_id: int) -> list[Sanction]: ...

    async def add_appeal(self, appeal: Appeal) -> Appeal: ...

    async def get_appeal(self, appeal_id: int) -> Appeal | None: ...

    async def appeal_by_code(self, code: str) -> Appeal | None: ...

    async def appeals(self, status: AppealStatus | None = None) -> list[Appeal]:
        """Appeals, oldest first, optionally of one status."""

    async def decide_appeal(
        self, appeal_id: int, status: AppealStatus, by: int, answer: str, at: float
    ) -> None: ...

    async def add_strike(self, device: str, kind: str, case_id: int | None, at: float) -> None:
        """Record a misuse strike (Art. 23): "illegal_post" or "unfounded_report"."""

    async def count_strikes(self, device: str, kind: str, since: float) -> int: ...


class RoomControlStore(Protocol):
    async def room_moderation(self) -> list[RoomModeration]: ...

    async def save_room_moderation(self, room: RoomModeration) -> None: ...

    async def emergency_levels(self) -> dict[EmergencyLevel, bool]: ...

    async def set_emergency(
        self, level: EmergencyLevel, enabled: bool, at: float, by: int | None
    ) -> None: ...


class AccountStore(Protocol):
    async def add_account(self, account: Account) -> Account:
        """Raise ``Refused("username_taken")`` if the username exists."""

    async def account_by_username(self, username: str) -> Account | None: ...

    async def get_account(self, account_id: int) -> Account | None: ...

    async def accounts(self) -> list[Account]: ...

    async def set_login_state(
        self, account_id: int, failed_logins: int, locked_until: float | None
    ) -> None: ...

    async def set_totp(self, account_id: int, secret: str | None) -> None: ...

    async def add_session(self, session: ConsoleSession) -> None: ...

    async def get_session(self, token_hash: str) -> ConsoleSession | None: ...

    async def touch_session(self, token_hash: str, at: float) -> None: ...

    async def delete_session(self, token_hash: str) -> None: ...

    async def purge_sessions(self, idle_before: float) -> int: ...


class AuditLog(Protocol):
    async def append(self, entry: AuditEntry) -> AuditEntry: ...

    async def entries(self, start: float, end: float) -> list[AuditEntry]:
        """Entries with ``start <= ts < end``, in order."""

    async def entries_of_case(self, case_id: int) -> list[AuditEntry]: ...


class ModerationStore(CaseStore, DecisionStore, RoomControlStore, AccountStore, AuditLog, Protocol):
    """All of the above, as one backend provides them."""
