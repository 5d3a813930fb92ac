"""Moderator accounts and their roles, a console session (who is logged in), and the
``Actor`` a moderation step is taken by: an account, or the platform itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from causette.errors import Refused


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


class ActorKind(StrEnum):
    """Who took a step, as the audit log writes it (``AuditEntry.actor_kind``)."""

    MODERATOR = "moderator"
    ADMINISTRATOR = "administrator"
    TRUSTED_FLAGGER = "trusted_flagger"
    SYSTEM = "system"  # a policy of the platform (Art. 23 misuse)
    AUTOMATED = "automated"  # automatic detection


@dataclass(frozen=True, slots=True)
class Actor:
    """Who takes a moderation step: a console account, or the platform with no account.

    Role checks apply to accounts. The system acts by construction (only code that applies
    a policy of the platform builds ``Actor.system()``); automatic detection may notice, never
    restrict: a person confirms (SAFETY.md 9).
    """

    kind: ActorKind
    account: Account | None = None

    def __post_init__(self) -> None:
        role = self.account.role.value if self.account is not None else None
        if (role is None) != (self.kind in (ActorKind.SYSTEM, ActorKind.AUTOMATED)) or (
            role is not None and role != self.kind.value
        ):
            raise ValueError(f"actor {self.kind.value} does not match its account")

    @classmethod
    def of(cls, account: Account) -> Actor:
        return cls(ActorKind(account.role.value), account)

    @classmethod
    def system(cls) -> Actor:
        return cls(ActorKind.SYSTEM)

    @classmethod
    def automated(cls) -> Actor:
        return cls(ActorKind.AUTOMATED)

    @property
    def account_id(self) -> int | None:
        return self.account.id if self.account is not None else None

    @property
    def id(self) -> str | None:
        """The audit log's ``actor_id``: the account's id, None for the platform."""
        return str(self.account.id) if self.account is not None else None

    def require(self, *roles: Role) -> None:
        """Refuse (``forbidden``) an account without one of ``roles``, and automation."""
        if self.account is not None:
            self.account.require(*roles)
        elif self.kind is ActorKind.AUTOMATED:
            raise Refused("forbidden")
