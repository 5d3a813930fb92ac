"""Moderator, administrator and trusted-flagger accounts: passwords, TOTP, console sessions
(SAFETY.md 22).

Passwords are hashed with argon2id, which costs 64 MiB and tens of milliseconds a try by
design: so a login is throttled before anything is hashed. Each network (an IPv4 address or
an IPv6 /64, by its keyed hash) has a bucket of ``network_burst`` attempts refilling at
``network_rate`` a second (``login_throttled`` when empty); at most ``hash_concurrency``
hashes run at once and ``hash_queue`` more may wait (``login_busy`` beyond: try later).

A failed login counts against the pair (username, network): ``max_failures`` within
``lockout`` seconds lock that username for that network only, so nobody can lock a moderator
out from elsewhere; the username need not exist, so a lock says nothing about who does. A
slower guard counts every network's failures on one account: ``account_max_failures`` within
``account_window`` seconds lock it for everyone, since a /64 is cheap and many networks could
otherwise guess without end. While locked, even the right password is refused, without
hashing. Any wrong combination (unknown user, wrong password, missing or wrong code) answers
the same ``login_failed`` and counts the same failure. A console session is a bearer token
(its SHA-256 is stored) with a CSRF token; it ends after ``session_idle`` seconds without
use. The audit log records logins and failures, never a password or an address.

One-time codes are RFC 6238 TOTP through ``pyotp``, with what every authenticator app
assumes: SHA-1, 6 digits, a 30-second step; a code of the step before or after is accepted
(clock drift), and a step once accepted is never accepted again for the account (replay).
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import secrets
from collections.abc import Callable
from typing import NoReturn
from urllib.parse import urlencode

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from causette.domain.accounts import Account, ConsoleSession, Role
from causette.domain.audit import AuditEntry
from causette.domain.identity import network_hash, token_hash
from causette.errors import InvalidInput, LimitExceeded, Refused
from causette.live.shared import SharedState
from causette.store.moderation import AccountStore, AuditLog

log = logging.getLogger(__name__)

USERNAME = re.compile(r"[a-z0-9._-]{3,32}")
PASSWORD_MIN = 12
PASSWORD_MAX = 1024  # argon2 takes anything, but a megabyte "password" is an attack


TOTP_STEP = 30  # seconds: RFC 6238's X
TOTP_DIGITS = 6
TOTP_WINDOW = 1  # steps of clock drift accepted either side of now


def normalise_username(raw: str) -> str:
    return raw.strip().lower()


def new_totp_secret() -> str:
    """A fresh random TOTP secret: 32 base32 characters (160 bits, as RFC 4226 recommends)."""
    return pyotp.random_base32()


def _totp(secret: str, digits: int = TOTP_DIGITS) -> pyotp.TOTP:
    # Spaces and case do not matter and padding is optional, as people copy secrets by hand.
    text = "".join(secret.split()).upper().rstrip("=")
    try:
        return pyotp.TOTP(text, digits=digits, interval=TOTP_STEP)
    except ValueError:  # binascii.Error is one: not base32, or too short a key
        raise InvalidInput("totp_secret_invalid", field="secret") from None


def totp_code(secret: str, t: float, digits: int = TOTP_DIGITS) -> str:
    """The code an authenticator shows at time ``t`` (UTC epoch seconds)."""
    return _totp(secret, digits).at(t)


def totp_step(
    secret: str, code: str, t: float, window: int = TOTP_WINDOW, digits: int = TOTP_DIGITS
) -> int | None:
    """The time step (RFC 6238's T) whose code is ``code``, within ``window`` steps of ``t``,
    or None. A caller refusing replays remembers the last step it accepted."""
    code = "".join(code.split())
    # ASCII digits only: pyotp compares after NFKC, which would take fullwidth digits.
    if len(code) != digits or not (code.isascii() and code.isdigit()):
        return None
    try:
        return _totp(secret, digits).verify_and_get_timecode(code, for_time=t, valid_window=window)
    except pyotp.exceptions.OTPVerificationError:
        return None
    except ValueError:  # a window reaching before the epoch: not a time anyone logs in at
        return None


def provisioning_uri(secret: str, username: str, issuer: str = "causette") -> str:
    """The ``otpauth://`` URI an authenticator app reads (usually from a QR code)."""
    totp = _totp(secret)
    uri = totp.provisioning_uri(name=username, issuer_name=issuer)
    # pyotp leaves out what equals the Key URI format's defaults; stating them costs nothing
    # and lets an app that does not assume the defaults still compute the same codes.
    extra = urlencode({"algorithm": "SHA1", "digits": TOTP_DIGITS, "period": TOTP_STEP})
    return f"{uri}&{extra}"


class AccountService:
    """Creates accounts, logs people in and keeps their console sessions."""

    def __init__(
        self,
        store: AccountStore,
        audit: AuditLog,
        shared: SharedState,
        wall: Callable[[], float],
        session_idle: float = 1800,
        max_failures: int = 5,
        lockout: float = 900,
        hasher: PasswordHasher | None = None,
        *,
        network_secret: bytes | None = None,
        network_burst: float = 10,
        network_rate: float = 1 / 6,
        hash_concurrency: int = 2,
        hash_queue: int = 8,
        account_max_failures: int = 50,
        account_window: float = 3600,
    ) -> None:
        self.store = store
        self.audit = audit
        self._wall = wall
        # Public knobs: tests shorten them on a running server.
        self.session_idle = session_idle
        self.max_failures = max_failures
        self.lockout = lockout
        self.network_burst = network_burst
        self.network_rate = network_rate
        self.hash_queue = hash_queue
        self.account_max_failures = account_max_failures
        self.account_window = account_window
        # Public so that tests can wrap it (to count hashes).
        self.hasher = hasher or PasswordHasher()  # argon2id, RFC 9106 low-memory profile
        self._dummy: str | None = None
        # Failure counts, budgets and TOTP steps already used, shared by every node.
        self._shared = shared
        # Without the server's key (the admin commands, which log nobody in) a process key.
        self._network_secret = network_secret or secrets.token_bytes(32)
        self._hashing = asyncio.Semaphore(hash_concurrency)
        self._hash_concurrency = hash_concurrency
        self._in_line = 0  # logins hashing or waiting to: changed only between awaits

    async def _hash(self, password: str) -> str:
        # argon2 takes tens of milliseconds of CPU by design: keep it off the event loop.
        return await asyncio.to_thread(self.hasher.hash, password)

    async def _verify(self, stored: str, password: str) -> bool:
        def check() -> bool:
            try:
                return self.hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                return False

        # Each hash holds 64 MiB and a core: a few at a time, whatever the number of logins.
        async with self._hashing:
            return await asyncio.to_thread(check)

    async def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = await self._hash(secrets.token_urlsafe(16))
        return self._dummy

    # -- accounts ------------------------------------------------------------------------

    async def create(
        self, username: str, password: str, role: Role, totp: bool = False
    ) -> tuple[Account, str | None]:
        """A new account; with ``totp``, also the TOTP secret to give its owner."""
        name = normalise_username(username)
        if not USERNAME.fullmatch(name):
            raise InvalidInput("username_invalid", field="username", min=3, max=32)
        if len(password) < PASSWORD_MIN:
            raise InvalidInput("password_too_short", field="password", min=PASSWORD_MIN)
        if len(password) > PASSWORD_MAX:
            raise InvalidInput("password_too_long", field="password", max=PASSWORD_MAX)
        if await self.store.account_by_username(name) is not None:
            raise Refused("username_taken", field="username")
        secret = new_totp_secret() if totp else None
        now = self._wall()
        account = await self.store.add_account(
            Account(0, name, await self._hash(password), role, secret, 0, None, now)
        )
        await self.audit.append(
            AuditEntry(
                0,
                now,
                "system",
                None,
                "account_created",
                details={"account": account.id, "role": role.value, "totp": secret is not None},
            )
        )
        return account, secret

    # -- logging in ----------------------------------------------------------------------

    async def login(
        self, username: str, password: str, totp_code: str, address: str = "unknown"
    ) -> tuple[Account, str, str]:
        """Check the credentials from ``address`` (the client's IP); on success a new
        session: ``(account, token, csrf)``.

        Refuses, before any hashing, with ``login_throttled`` (``retry_after`` seconds) when
        the address's network has spent its attempts, ``login_busy`` when too many hashes
        wait, ``account_locked`` while the username is locked for this network or the
        account for all; then with ``login_failed`` whatever was wrong (unknown user, wrong
        password, missing or wrong code), or ``account_locked`` when that failure locks it.
        """
        network = network_hash(address, self._network_secret)
        wait = await self._shared.take(f"login:{network}", self.network_burst, self.network_rate)
        if wait > 0:
            raise LimitExceeded("login_throttled", retry_after=max(1, math.ceil(wait)))
        # Checked and counted with no await in between, so concurrent logins cannot all pass.
        if self._in_line >= self._hash_concurrency + self.hash_queue:
            raise LimitExceeded("login_busy", retry_after=1)
        self._in_line += 1
        try:
            return await self._attempt(normalise_username(username), password, totp_code, network)
        finally:
            self._in_line -= 1

    async def _attempt(
        self, name: str, password: str, totp_code: str, network: str
    ) -> tuple[Account, str, str]:
        now = self._wall()
        password = password[:PASSWORD_MAX]
        account = await self.store.account_by_username(name) if USERNAME.fullmatch(name) else None
        if account is not None and account.disabled_at is not None:
            account = None
        # The pair is keyed by the name as typed (folded), known or not: an unknown name
        # locks like a known one, so a lock does not tell who has an account.
        pair = f"login-pair:{name}:{network}"
        whole = f"login-account:{account.id}" if account is not None else None
        if await self._shared.failures(pair) >= self.max_failures or (
            whole is not None and await self._shared.failures(whole) >= self.account_max_failures
        ):
            await self._audit_failure(account, now, "locked")
            raise Refused("account_locked")
        # Counted before hashing, so that parallel guesses share one count; a success
        # clears it.
        failures = await self._shared.count_failure(pair, self.lockout)
        if failures > self.max_failures:
            await self._audit_failure(account, now, "locked")
            raise Refused("account_locked")
        if account is None:
            await self._verify(await self._dummy_hash(), password)
            await self._failed(None, now, "unknown_user", failures)
        if not await self._verify(account.password_hash, password):
            await self._failed(account, now, "password", failures)
        if account.totp_secret is not None:
            # A missing code is a failure like a wrong one: the answer must not tell that
            # the password was right.
            step = totp_step(account.totp_secret, totp_code, now)
            # A step stays acceptable for the whole window around it: remember it as long.
            used_for = (2 * TOTP_WINDOW + 2) * TOTP_STEP
            if step is None or not await self._shared.use_once(
                f"totp:{account.id}:{step}", used_for
            ):
                await self._failed(
                    account, now, "totp" if totp_code.strip() else "totp_missing", failures
                )
        await self._shared.clear_failures(pair)
        if self.hasher.check_needs_rehash(account.password_hash):
            log.info("password hash parameters are outdated", extra={"account": account.id})
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        await self.store.add_session(ConsoleSession(token_hash(token), account.id, csrf, now, now))
        await self.audit.append(AuditEntry(0, now, account.role.value, str(account.id), "login"))
        return account, token, csrf

    async def _failed(
        self, account: Account | None, now: float, why: str, failures: int
    ) -> NoReturn:
        """Record a failure (the pair's is already counted); the ``max_failures``-th
        answers ``account_locked``. Always raises."""
        locked = failures >= self.max_failures
        if account is not None:
            whole = await self._shared.count_failure(
                f"login-account:{account.id}", self.account_window
            )
            if whole >= self.account_max_failures:
                locked = True
                log.warning(
                    "console account locked for every network", extra={"account": account.id}
                )
        await self._audit_failure(account, now, why, failures, locked)
        if locked:
            raise Refused("account_locked")
        raise Refused("login_failed")

    async def _audit_failure(
        self,
        account: Account | None,
        now: float,
        why: str,
        failures: int | None = None,
        locked: bool = False,
    ) -> None:
        details: dict[str, object] = {"why": why}
        if failures is not None:
            details.update(failures=failures, locked=locked)
        await self.audit.append(
            AuditEntry(
                0,
                now,
                account.role.value if account else "unknown",
                str(account.id) if account else None,
                "login_failed",
                details=details,
            )
        )

    # -- sessions ------------------------------------------------------------------------

    async def session(self, token: str, touch: bool = True) -> tuple[Account, ConsoleSession]:
        """The account behind a console token; refuses an unknown or idle session.

        ``touch`` marks the session used (a person did something); background requests
        such as live updates pass False, so an unattended console still times out.
        """
        if not token:
            raise Refused("session_invalid")
        digest = token_hash(token)
        session = await self.store.get_session(digest)
        if session is None:
            raise Refused("session_invalid")
        now = self._wall()
        if now - session.last_seen > self.session_idle:
            await self.store.delete_session(digest)
            raise Refused("session_expired")
        account = await self.store.get_account(session.account_id)
        if account is None or account.disabled_at is not None:
            await self.store.delete_session(digest)
            raise Refused("session_invalid")
        if touch:
            await self.store.touch_session(digest, now)
        return account, session

    async def logout(self, token: str) -> None:
        digest = token_hash(token)
        session = await self.store.get_session(digest)
        if session is None:
            return
        await self.store.delete_session(digest)
        account = await self.store.get_account(session.account_id)
        await self.audit.append(
            AuditEntry(
                0,
                self._wall(),
                account.role.value if account else "unknown",
                str(session.account_id),
                "logout",
            )
        )

    async def usernames(self) -> dict[int, str]:
        """Account ids to usernames, to show who acted in an audit trail."""
        return {a.id: a.username for a in await self.store.accounts()}
