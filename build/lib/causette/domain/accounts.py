"""Moderator accounts and their roles, and a console session (who is logged in)."""

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
