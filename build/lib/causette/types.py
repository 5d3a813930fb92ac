"""The contracts by name: identifiers, what a case is about, and the clock.

Identifiers are ``NewType``s over ``str`` so that a device hash cannot be passed where a guest
id is expected without saying so. ``Subject`` is the one place where "device:<hash>" and
"room:<id>" are written and parsed. ``Clock`` is injected everywhere time matters: wall time
(UTC epoch seconds, for storage and logs), monotonic time (for budgets and timers) and timers
themselves, so that a test can move time forward without sleeping.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import NewType, Protocol

GuestId = NewType("GuestId", str)  # a live session's public id
DeviceHash = NewType("DeviceHash", str)  # SHA-256 of the browser's device cookie
NetworkHash = NewType("NetworkHash", str)  # keyed hash of an IPv4 address or IPv6 /64
RoomId = NewType("RoomId", str)  # a room's slug
NodeId = NewType("NodeId", str)  # one server process among several


class SubjectKind(StrEnum):
    DEVICE = "device"
    ROOM = "room"


@dataclass(frozen=True, slots=True)
class Subject:
    """What a case is about: a person (by device) or a room. Written ``kind:key``."""

    kind: SubjectKind
    key: str

    @classmethod
    def device(cls, device: str) -> Subject:
        return cls(SubjectKind.DEVICE, device)

    @classmethod
    def room(cls, room: str) -> Subject:
        return cls(SubjectKind.ROOM, room)

    @classmethod
    def parse(cls, raw: str) -> Subject:
        """The inverse of ``str()``; ``ValueError`` for anything else."""
        kind, sep, key = raw.partition(":")
        if not sep or not key:
            raise ValueError(f"not a subject: {raw!r}")
        return cls(SubjectKind(kind), key)

    @property
    def is_device(self) -> bool:
        return self.kind is SubjectKind.DEVICE

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.key}"


class Timer(Protocol):
    def cancel(self) -> None: ...


class Clock(Protocol):
    """Time as the services see it."""

    def wall(self) -> float:
        """UTC epoch seconds."""

    def monotonic(self) -> float:
        """Seconds that never go back (budgets, timeouts)."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        """Run ``callback`` once, ``delay`` seconds from now."""


class SystemClock:
    """The real clock; timers run on the running asyncio loop."""

    def wall(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        return asyncio.get_running_loop().call_later(delay, callback)


class _FakeTimer:
    __slots__ = ("cancelled",)

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class FakeClock:
    """A clock that moves only when told to: ``advance`` runs the timers that fall due."""

    def __init__(self, wall: float = 1_700_000_000.0, monotonic: float = 1000.0) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self._timers: list[tuple[float, int, _FakeTimer, Callable[[], None]]] = []
        self._order = itertools.count()

    def wall(self) -> float:
        return self._wall

    def monotonic(self) -> float:
        return self._monotonic

    def call_later(self, delay: float, callback: Callable[[], None]) -> Timer:
        timer = _FakeTimer()
        heapq.heappush(self._timers, (self._monotonic + delay, next(self._order), timer, callback))
        return timer

    def advance(self, seconds: float) -> None:
        """Move time forward, running every timer due by then in order."""
        end = self._monotonic + seconds
        while self._timers and self._timers[0][0] <= end:
            due, _, timer, callback = heapq.heappop(self._timers)
            self._wall += due - self._monotonic
            self._monotonic = due
            if not timer.cancelled:
                callback()
        self._wall += end - self._monotonic
        self._monotonic = end
