"""Storage contracts for notice and action: cases, evidence, decisions, sanctions, appeals,
moderator accounts and the append-only audit log.

Narrow protocols, one concern each, so that a backend implements them separately (SQLite
today, PostgreSQL later). Inserts take a value whose ``id`` is 0 and return it with the id
the store gave it. Times are UTC epoch seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from causette.domain.moderation import (
    Appeal,
    AppealStatus,
    Case,
    Category,
    Decision,
    EmergencyLevel,
    Report,
    Sanction,
)
from causette.errors import Refused


@dataclass(frozen=True, slots=True)
class Evidence:
    id: int
    case_id: int
    report_id: int | None
    kind: str  # "conversation", "session" or "room"
    body: Mapping[str, Any]  # JSON-serialisable
    created_at: float


@dataclass(frozen=True, slots=True)
class RoomModeration:
    room: str
    moderated: bool = False
    closed: bool = False
    voiced: frozenset[str] = frozenset()  # device hashes allowed to speak in a moderated room


class CaseStore(Protocol):
    async def add_case(self, case: Case) -> Case: ...

    async def update_case(self, case: Case) -> None: ...

    async def get_case(self, case_id: int) -> Case | None: ...

    async def open_case_for(self, subject: str) -> Case | None:
        """The open case about ``subject`` ("device:<hash>" or "room:<id>"), if any."""

    async def open_cases(self, category: Category | None = None, limit: int = 200) -> list[Case]:
        """Open cases in queue order: priority, trusted flaggers first, then oldest."""

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

    async def add_sanction(self, sanction: Sanction) -> Sanction: ...

    async def active_sanctions(self, now: float) -> list[Sanction]: ...

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


class Role(StrEnum):
    MODERATOR = "moderator"
    ADMINISTRATOR = "administrator"
    TRUSTED_FLAGGER = "trusted_flagger"


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    username: str
    password_hash: str
    role: Role
    totp_secret: str | None
    failed_logins: int
    locked_until: float | None
    created_at: float
    disabled_at: float | None = None

    def require(self, *roles: Role) -> None:
        """Refuse (``forbidden``) unless the account has one of ``roles``."""
        if self.role not in roles:
            raise Refused("forbidden")


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    token_hash: str
    account_id: int
    csrf_token: str
    created_at: float
    last_seen: float


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


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log (who, what, when, why)."""

    id: int
    ts: float
    actor_kind: str  # moderator, administrator, trusted_flagger, system, automated, visitor
    actor_id: str | None
    action: str
    case_id: int | None = None
    decision_id: int | None = None
    category: str | None = None
    source: str | None = None
    automated: bool = False
    reason: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)


class AuditLog(Protocol):
    async def append(self, entry: AuditEntry) -> AuditEntry: ...

    async def entries(self, start: float, end: float) -> list[AuditEntry]:
        """Entries with ``start <= ts < end``, in order."""

    async def entries_of_case(self, case_id: int) -> list[AuditEntry]: ...


class ModerationStore(CaseStore, DecisionStore, RoomControlStore, AccountStore, AuditLog, Protocol):
    """All of the above, as one backend provides them."""
