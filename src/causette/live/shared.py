"""The SharedState port: the small facts every node must agree on, each with its expiry.

One process keeps these in dictionaries today; several nodes need one answer for all of them
(a nickname is taken or not, a guest is attached somewhere or nowhere, a budget is spent
whoever spends it). Every method is async because the shared implementation is Redis; every
operation is atomic on its own (a Redis script or a single command), so no caller ever needs a
lock around one, and none offers a transaction across several.

Keys are opaque strings chosen by callers (already casefolded, hashed or prefixed by them);
the families below live in separate namespaces, so one key may be used in two families.

Time: TTLs and windows are seconds, measured by the implementation (``Clock.monotonic`` in
process, the server's clock in Redis), never by the caller's wall clock. Every TTL, window,
burst and rate must be > 0 (``ValueError`` otherwise): anything stored therefore expires, and
memory stays bounded by what is live. Nothing here is durable: losing it all (a Redis restart)
frees nicknames, forgets presence and resume tokens, refills budgets and unlocks logins, which
is why none of it decides anything the database must remember.

``tests/contract/test_shared_state_contract.py`` holds every implementation to this text.
"""

from __future__ import annotations

from typing import Protocol

from causette.types import GuestId, NodeId


class SharedState(Protocol):
    """Nickname claims, presence, rate buckets, resume tokens, failure counters, one-time use."""

    # --- nickname claims ---------------------------------------------------------------------

    async def claim_nick(self, key: str, owner: str, ttl: float | None = None) -> bool:
        """Claim nickname ``key`` (its folded form) for ``owner`` (a guest id).

        True if the key was free or is already ``owner``'s (claiming again renews it); False if
        someone else holds it, and nothing changes. Without ``ttl`` a claim lasts until
        released; with one, it lapses unless claimed again within ``ttl`` seconds, so that a
        node which dies does not keep its guests' nicknames forever.
        """

    async def release_nick(self, key: str, owner: str) -> None:
        """Free ``key`` if ``owner`` holds it; a release by anyone else is ignored."""

    async def nick_owner(self, key: str) -> str | None:
        """Who holds ``key`` now, or None."""

    # --- presence ----------------------------------------------------------------------------

    async def set_present(self, guest_id: GuestId, node: NodeId, ttl: float) -> None:
        """Record that ``guest_id`` is attached on ``node`` for ``ttl`` seconds.

        A heartbeat is the same call again before ``ttl`` runs out. The latest call wins: a
        guest resumed on another node is present there from then on.
        """

    async def clear_present(self, guest_id: GuestId, node: NodeId) -> None:
        """Forget the guest's presence if it is on ``node``; ignored if it has moved on.

        So a node detaching late cannot erase the attachment another node has just made.
        """

    async def present_on(self, guest_id: GuestId) -> NodeId | None:
        """The node the guest is attached on, or None (never attached, cleared, or expired)."""

    # --- rate buckets ------------------------------------------------------------------------

    async def take(self, key: str, burst: float, rate: float, cost: float = 1) -> float:
        """Take ``cost`` tokens from bucket ``key``: 0.0 if taken, else seconds to wait.

        A bucket starts full with ``burst`` tokens and refills at ``rate`` tokens a second up
        to ``burst``. When fewer than ``cost`` tokens are left nothing is taken and the answer
        is the time until there will be enough (``math.inf`` if ``cost > burst``). A bucket
        that has refilled is forgotten: a full bucket and no bucket are the same thing. The
        parameters come with each call; calls on one key should agree on them.
        """

    async def peek(self, key: str, burst: float, rate: float, cost: float = 1) -> float:
        """What ``take`` would answer now, taking nothing."""

    # --- resume tokens -----------------------------------------------------------------------

    async def put_token(self, token_hash: str, guest_id: GuestId, ttl: float) -> None:
        """Let ``token_hash`` resume ``guest_id`` for ``ttl`` seconds (replacing any binding)."""

    async def token_guest(self, token_hash: str) -> GuestId | None:
        """The guest the token resumes, or None (unknown, dropped or expired)."""

    async def drop_token(self, token_hash: str) -> None:
        """Forget the token (used, or its guest quit). Dropping an unknown token is a no-op."""

    # --- failure counters (login locks) ------------------------------------------------------

    async def count_failure(self, key: str, window: float) -> int:
        """Record one failure under ``key``; return how many are within their window, this one
        included.

        Each failure counts for ``window`` seconds after it happened (a sliding window), so
        ``count_failure(k, 900) >= 5`` reads "five failures in the last fifteen minutes". To
        stay bounded in memory an implementation may stop counting past a bound far above any
        lock threshold (at least 1000): the count then stays at the bound.
        """

    async def failures(self, key: str) -> int:
        """How many of ``key``'s failures still count, recording nothing."""

    async def clear_failures(self, key: str) -> None:
        """Forget every failure under ``key`` (a successful login)."""

    # --- one-time use (TOTP replay) ----------------------------------------------------------

    async def use_once(self, key: str, ttl: float) -> bool:
        """True the first time ``key`` is used; False again until ``ttl`` seconds have passed.

        A refused use does not extend the ttl. Once it has run out, the next use is the first
        again (and starts a new ttl).
        """
