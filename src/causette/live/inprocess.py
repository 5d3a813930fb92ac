"""The bus and the shared state of a single node, held in this process's memory.

``InProcessBus`` calls subscribers synchronously, in publish order. With ``roundtrip=True``
every message is encoded and decoded through ``causette.live.wire`` before subscribers see it,
so that a test run proves no subscriber depends on sharing objects with the publisher: what
passes here would pass across processes.

``InProcessSharedState`` keeps each family in a dictionary with expiry times on the injected
clock's monotonic time. Each method runs without awaiting, so it is atomic on the event loop
like its Redis counterpart's script. Expired entries are dropped when read and by a sweep that
runs at most once every ``sweep_every`` seconds, from whichever call comes first after that:
memory is bounded by what is live plus what expired since the last sweep.
"""

from __future__ import annotations

import bisect
import logging
import math
from collections import deque
from typing import TYPE_CHECKING

from causette.live import wire
from causette.live.bus import Bus, BusMessage, Handler
from causette.live.shared import SharedState
from causette.types import Clock, FakeClock, GuestId, NodeId

log = logging.getLogger(__name__)

# Float refills land a hair under an integer (0.1 * 10 < 1.0); without this slack, waiting
# exactly the advertised seconds could still be refused (as in domain.ratelimit).
_EPSILON = 1e-9
# Failures kept per key: far above any lock threshold, so counts below it are exact, and a
# flood of failures on one key cannot grow memory without bound.
FAILURES_KEPT = 1024
_FOREVER = math.inf


class InProcessBus:
    """A bus within one process: ``publish`` returns once every subscriber has been called."""

    def __init__(self, *, roundtrip: bool = False) -> None:
        self._roundtrip = roundtrip
        self._handlers: list[Handler] = []
        self._pending: deque[BusMessage] = deque()
        self._delivering = False
        self._started = False
        self._stopped = False

    def publish(self, message: BusMessage) -> None:
        """Deliver ``message`` to every subscriber now (after any message being delivered)."""
        if not self._started:
            raise RuntimeError("bus not started: publish called before start")
        if self._stopped:
            log.debug("bus stopped: message dropped", extra={"type": type(message).__name__})
            return
        if self._roundtrip:
            message = wire.decode(wire.encode(message))
        self._pending.append(message)
        # A subscriber publishing while it handles a message must not overtake that message
        # for the subscribers after it: the outer call delivers the queue in order.
        if self._delivering:
            return
        self._delivering = True
        try:
            while self._pending:
                current = self._pending.popleft()
                for handler in tuple(self._handlers):
                    try:
                        handler(current)
                    except Exception:
                        log.exception(
                            "bus subscriber failed", extra={"type": type(current).__name__}
                        )
        finally:
            self._delivering = False

    def subscribe(self, handler: Handler) -> None:
        """Call ``handler`` with every message published from now on."""
        self._handlers.append(handler)

    async def start(self) -> None:
        """Begin delivering."""
        self._started = True
        self._stopped = False

    async def stop(self) -> None:
        """Stop delivering: later messages are dropped."""
        self._stopped = True


def _positive(name: str, value: float) -> None:
    if not value > 0:  # also refuses NaN
        raise ValueError(f"{name} must be > 0, got {value!r}")


class InProcessSharedState:
    """``SharedState`` for one node, on ``clock.monotonic()``."""

    def __init__(self, clock: Clock, *, sweep_every: float = 60.0) -> None:
        _positive("sweep_every", sweep_every)
        self._clock = clock
        self._sweep_every = sweep_every
        self._next_sweep = clock.monotonic() + sweep_every
        # Each value ends with its expiry (monotonic seconds; inf for a claim without ttl).
        self._nicks: dict[str, tuple[str, float]] = {}
        self._presence: dict[GuestId, tuple[NodeId, float]] = {}
        self._tokens: dict[str, tuple[GuestId, float]] = {}
        self._used: dict[str, float] = {}
        # Bucket: tokens left, when counted, when full again (then it is forgotten).
        self._buckets: dict[str, tuple[float, float, float]] = {}
        # Failure expiry times, sorted.
        self._failures: dict[str, list[float]] = {}

    def size(self) -> int:
        """How many entries are held, expired or not (tests check that memory is bounded)."""
        return (
            len(self._nicks)
            + len(self._presence)
            + len(self._tokens)
            + len(self._used)
            + len(self._buckets)
            + sum(len(f) for f in self._failures.values())
        )

    def _now(self) -> float:
        now = self._clock.monotonic()
        if now >= self._next_sweep:
            self._sweep(now)
        return now

    def _sweep(self, now: float) -> None:
        self._next_sweep = now + self._sweep_every
        self._nicks = {k: v for k, v in self._nicks.items() if v[1] > now}
        self._presence = {k: v for k, v in self._presence.items() if v[1] > now}
        self._tokens = {k: v for k, v in self._tokens.items() if v[1] > now}
        self._used = {k: v for k, v in self._used.items() if v > now}
        self._buckets = {k: v for k, v in self._buckets.items() if v[2] > now}
        for key in list(self._failures):
            self._prune_failures(key, now)

    # --- nickname claims ---------------------------------------------------------------------

    async def claim_nick(self, key: str, owner: str, ttl: float | None = None) -> bool:
        """See ``SharedState.claim_nick``."""
        if ttl is not None:
            _positive("ttl", ttl)
        now = self._now()
        held = self._nicks.get(key)
        if held is not None and held[1] > now and held[0] != owner:
            return False
        self._nicks[key] = (owner, _FOREVER if ttl is None else now + ttl)
        return True

    async def release_nick(self, key: str, owner: str) -> None:
        """See ``SharedState.release_nick``."""
        self._now()
        held = self._nicks.get(key)
        if held is not None and held[0] == owner:
            del self._nicks[key]

    async def nick_owner(self, key: str) -> str | None:
        """See ``SharedState.nick_owner``."""
        now = self._now()
        held = self._nicks.get(key)
        if held is None:
            return None
        if held[1] <= now:
            del self._nicks[key]
            return None
        return held[0]

    # --- presence ----------------------------------------------------------------------------

    async def set_present(self, guest_id: GuestId, node: NodeId, ttl: float) -> None:
        """See ``SharedState.set_present``."""
        _positive("ttl", ttl)
        self._presence[guest_id] = (node, self._now() + ttl)

    async def clear_present(self, guest_id: GuestId, node: NodeId) -> None:
        """See ``SharedState.clear_present``."""
        self._now()
        held = self._presence.get(guest_id)
        if held is not None and held[0] == node:
            del self._presence[guest_id]

    async def present_on(self, guest_id: GuestId) -> NodeId | None:
        """See ``SharedState.present_on``."""
        now = self._now()
        held = self._presence.get(guest_id)
        if held is None:
            return None
        if held[1] <= now:
            del self._presence[guest_id]
            return None
        return held[0]

    # --- rate buckets ------------------------------------------------------------------------

    def _level(self, key: str, burst: float, rate: float, cost: float, now: float) -> float:
        _positive("burst", burst)
        _positive("rate", rate)
        if not cost >= 0:
            raise ValueError(f"cost must be >= 0, got {cost!r}")
        state = self._buckets.get(key)
        if state is None:
            return burst
        tokens, counted_at, _ = state
        # A clock that steps back (it should not) must not drain the bucket.
        return min(burst, tokens + max(0.0, now - counted_at) * rate)

    @staticmethod
    def _wait(level: float, burst: float, rate: float, cost: float) -> float:
        missing = cost - level
        if missing <= _EPSILON:
            return 0.0
        if cost > burst + _EPSILON:
            return math.inf
        return missing / rate

    async def take(self, key: str, burst: float, rate: float, cost: float = 1) -> float:
        """See ``SharedState.take``."""
        now = self._now()
        level = self._level(key, burst, rate, cost, now)
        wait = self._wait(level, burst, rate, cost)
        if wait > 0:
            return wait
        left = max(0.0, level - cost)
        if left >= burst - _EPSILON:
            self._buckets.pop(key, None)  # a free take: the bucket stays full
        else:
            self._buckets[key] = (left, now, now + (burst - left) / rate)
        return 0.0

    async def peek(self, key: str, burst: float, rate: float, cost: float = 1) -> float:
        """See ``SharedState.peek``."""
        now = self._now()
        return self._wait(self._level(key, burst, rate, cost, now), burst, rate, cost)

    # --- resume tokens -----------------------------------------------------------------------

    async def put_token(self, token_hash: str, guest_id: GuestId, ttl: float) -> None:
        """See ``SharedState.put_token``."""
        _positive("ttl", ttl)
        self._tokens[token_hash] = (guest_id, self._now() + ttl)

    async def token_guest(self, token_hash: str) -> GuestId | None:
        """See ``SharedState.token_guest``."""
        now = self._now()
        held = self._tokens.get(token_hash)
        if held is None:
            return None
        if held[1] <= now:
            del self._tokens[token_hash]
            return None
        return held[0]

    async def drop_token(self, token_hash: str) -> None:
        """See ``SharedState.drop_token``."""
        self._now()
        self._tokens.pop(token_hash, None)

    # --- failure counters --------------------------------------------------------------------

    def _prune_failures(self, key: str, now: float) -> list[float] | None:
        expiries = self._failures.get(key)
        if expiries is None:
            return None
        del expiries[: bisect.bisect_right(expiries, now)]
        if not expiries:
            del self._failures[key]
            return None
        return expiries

    async def count_failure(self, key: str, window: float) -> int:
        """See ``SharedState.count_failure``."""
        _positive("window", window)
        now = self._now()
        expiries = self._prune_failures(key, now)
        if expiries is None:
            expiries = self._failures[key] = []
        bisect.insort(expiries, now + window)
        if len(expiries) > FAILURES_KEPT:
            del expiries[0]  # the one that would stop counting first
        return len(expiries)

    async def failures(self, key: str) -> int:
        """See ``SharedState.failures``."""
        expiries = self._prune_failures(key, self._now())
        return 0 if expiries is None else len(expiries)

    async def clear_failures(self, key: str) -> None:
        """See ``SharedState.clear_failures``."""
        self._now()
        self._failures.pop(key, None)

    # --- one-time use ------------------------------------------------------------------------

    async def use_once(self, key: str, ttl: float) -> bool:
        """See ``SharedState.use_once``."""
        _positive("ttl", ttl)
        now = self._now()
        until = self._used.get(key)
        if until is not None and until > now:
            return False
        self._used[key] = now + ttl
        return True


if TYPE_CHECKING:
    # mypy checks src/ only: these lines make it prove both classes fulfil their ports.
    _bus: Bus = InProcessBus()
    _state: SharedState = InProcessSharedState(FakeClock())
