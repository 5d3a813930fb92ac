"""Rate limits with an injected clock, so that tests can drive time by hand.

``TokenBucket`` shapes traffic (a burst, then a steady rate); ``StrikeCounter`` notices a guest
who keeps hitting a limit and should be disconnected rather than merely slowed down.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

Clock = Callable[[], float]
"""Monotonic seconds, such as ``time.monotonic``."""

# Float refills land a hair under an integer (0.1 * 10 < 1.0); without this slack, waiting
# exactly ``retry_after`` seconds could still be refused.
_EPSILON = 1e-9


class TokenBucket:
    """A bucket of ``capacity`` tokens that starts full and refills at ``rate`` tokens a second.

    State is two floats, refilled lazily on each call: O(1) time and memory.
    """

    __slots__ = ("_capacity", "_clock", "_rate", "_tokens", "_updated")

    def __init__(self, capacity: float, rate: float, clock: Clock) -> None:
        if capacity <= 0 or rate < 0:
            raise ValueError("a token bucket needs capacity > 0 and rate >= 0")
        self._capacity = capacity
        self._rate = rate
        self._clock = clock
        self._tokens = capacity
        self._updated = clock()

    def try_take(self, cost: float = 1.0) -> bool:
        """Take ``cost`` tokens and return True, or take nothing and return False."""
        self._refill()
        if self._tokens + _EPSILON < cost:
            return False
        self._tokens = max(0.0, self._tokens - cost)
        return True

    def retry_after(self, cost: float = 1.0) -> float:
        """Return the seconds until ``cost`` tokens are available: 0 if now, inf if never."""
        self._refill()
        missing = cost - self._tokens
        if missing <= _EPSILON:
            return 0.0
        if cost > self._capacity + _EPSILON or self._rate == 0:
            return math.inf
        return missing / self._rate

    def _refill(self) -> None:
        now = self._clock()
        # A clock that steps back (it should not) must not drain the bucket.
        elapsed = max(0.0, now - self._updated)
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        self._updated = now


class StrikeCounter:
    """Counts violations; says when ``limit`` of them fell within ``window`` seconds."""

    __slots__ = ("_clock", "_limit", "_strikes", "_window")

    def __init__(self, limit: int, window: float, clock: Clock) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("a strike counter needs limit >= 1 and window > 0")
        self._limit = limit
        self._window = window
        self._clock = clock
        # Only the last ``limit`` strikes can decide, so older ones fall off the left.
        self._strikes: deque[float] = deque(maxlen=limit)

    def strike(self) -> bool:
        """Record one violation; return True if it is the ``limit``-th within ``window``."""
        now = self._clock()
        self._strikes.append(now)
        return len(self._strikes) == self._limit and now - self._strikes[0] < self._window
