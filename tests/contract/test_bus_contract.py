"""The Bus contract, written once and run against every implementation.

``BACKENDS`` is the registry: each entry opens an unstarted ``Bus`` (tests subscribe, then
start it) and stops it afterwards. A networked bus delivers in the background, so the tests
wait for what they expect with ``Recorder.wait_for`` and, before asserting that nothing more came,
call ``Backend.settle`` (nothing to wait for in process; a short sleep for a networked bus).
``inprocess-roundtrip`` sends every message through the wire encoding, as Redis will.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

import pytest

from causette.domain.departements import location_by_code
from causette.domain.events import Delivery, GuestJoined, RoomClosed
from causette.domain.models import Gender, UserView
from causette.domain.moderation import EmergencyLevel, RoomModeration
from causette.live.bus import (
    Bus,
    BusMessage,
    ConsoleUpdated,
    Delivered,
    EmergencyChanged,
    PresenceChanged,
    RoomControlChanged,
    SanctionRevoked,
)
from causette.live.inprocess import InProcessBus
from causette.types import GuestId, NodeId


@dataclass(frozen=True)
class Backend:
    bus: Bus
    settle: Callable[[], Awaitable[None]]


async def _nothing_to_wait_for() -> None:
    return None


def _inprocess(roundtrip: bool) -> Callable[[], AbstractAsyncContextManager[Backend]]:
    @asynccontextmanager
    async def open_bus() -> AsyncIterator[Backend]:
        bus = InProcessBus(roundtrip=roundtrip)
        yield Backend(bus, _nothing_to_wait_for)
        await bus.stop()

    return open_bus


@asynccontextmanager
async def _redis() -> AsyncIterator[Backend]:
    # The scale issue replaces this with a Redis bus on a throwaway channel, whose settle
    # sleeps long enough for a message in flight to arrive (0.2 s on a local server).
    pytest.skip("no Redis implementation of Bus yet: this suite will run on it as is")
    yield Backend(InProcessBus(), _nothing_to_wait_for)


BACKENDS: dict[str, Callable[[], AbstractAsyncContextManager[Backend]]] = {
    "inprocess": _inprocess(roundtrip=False),
    "inprocess-roundtrip": _inprocess(roundtrip=True),
    "redis": _redis,
}


@pytest.fixture(params=sorted(BACKENDS))
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async with BACKENDS[request.param]() as opened:
        yield opened


@pytest.fixture
def bus(backend: Backend) -> Bus:
    return backend.bus


ZOE = UserView("g-zoe", "Zoé", 34, Gender.WOMAN, location_by_code("75"))
MESSAGES: list[BusMessage] = [
    Delivered(Delivery(GuestJoined("paris", ZOE), ("g-bob", "g-eve"))),
    PresenceChanged(GuestId("g-zoe"), NodeId("node-a"), True),
    RoomControlChanged(RoomModeration("paris", moderated=True, voiced=frozenset({"d1"}))),
    EmergencyChanged(EmergencyLevel.CLOSE_ENTRIES, True),
    SanctionRevoked(119),
    ConsoleUpdated("report", 42),
]


class Recorder:
    """A subscriber that keeps what it receives and lets a test wait for it."""

    def __init__(self) -> None:
        self.got: list[BusMessage] = []
        self._arrived = asyncio.Event()

    def __call__(self, message: BusMessage) -> None:
        self.got.append(message)
        self._arrived.set()

    async def wait_for(self, count: int) -> list[BusMessage]:
        """What arrived once ``count`` messages have (at once, in process); fails after 2 s."""
        async with asyncio.timeout(2):
            while len(self.got) < count:
                self._arrived.clear()
                await self._arrived.wait()
        return self.got


async def test_every_subscriber_gets_every_message_in_publish_order(bus: Bus) -> None:
    recorders = [Recorder() for _ in range(3)]
    for recorder in recorders:
        bus.subscribe(recorder)
    await bus.start()
    for message in MESSAGES:
        bus.publish(message)
    for recorder in recorders:
        assert await recorder.wait_for(len(MESSAGES)) == MESSAGES  # equal, in order, once


async def test_many_messages_keep_their_order(backend: Backend, bus: Bus) -> None:
    recorder = Recorder()
    bus.subscribe(recorder)
    await bus.start()
    sent = [ConsoleUpdated("report", i) for i in range(500)]
    for message in sent:
        bus.publish(message)
    await recorder.wait_for(len(sent))
    await backend.settle()
    assert recorder.got == sent


async def test_a_failing_subscriber_stops_neither_the_others_nor_itself(
    bus: Bus, caplog: pytest.LogCaptureFixture
) -> None:
    before, after, failing_saw = Recorder(), Recorder(), Recorder()

    def failing(message: BusMessage) -> None:
        failing_saw(message)
        raise RuntimeError("subscriber bug")

    bus.subscribe(before)
    bus.subscribe(failing)
    bus.subscribe(after)
    await bus.start()
    bus.publish(MESSAGES[0])
    bus.publish(MESSAGES[1])
    assert await after.wait_for(2) == MESSAGES[:2]
    assert await before.wait_for(2) == MESSAGES[:2]
    assert await failing_saw.wait_for(2) == MESSAGES[:2]
    assert "bus subscriber failed" in caplog.text


async def test_a_message_published_by_a_subscriber_queues_behind_the_current_one(
    bus: Bus,
) -> None:
    first, second = Recorder(), Recorder()
    follow_up = RoomControlChanged(RoomModeration("paris", closed=True))

    def republishing(message: BusMessage) -> None:
        if isinstance(message, Delivered):
            bus.publish(follow_up)

    bus.subscribe(first)
    bus.subscribe(republishing)
    bus.subscribe(second)
    await bus.start()
    closed = Delivered(Delivery(RoomClosed("paris"), ("g-zoe",)))
    bus.publish(closed)
    # Had the follow-up been delivered at once, ``second`` would see it before ``closed``.
    assert await second.wait_for(2) == [closed, follow_up]
    assert await first.wait_for(2) == [closed, follow_up]


async def test_publishing_before_start_is_a_wiring_error(bus: Bus) -> None:
    with pytest.raises(RuntimeError, match="not started"):
        bus.publish(MESSAGES[0])


async def test_start_twice_delivers_once(backend: Backend, bus: Bus) -> None:
    recorder = Recorder()
    bus.subscribe(recorder)
    await bus.start()
    await bus.start()
    bus.publish(MESSAGES[0])
    await recorder.wait_for(1)
    await backend.settle()
    assert recorder.got == MESSAGES[:1]


async def test_after_stop_messages_are_dropped_quietly(backend: Backend, bus: Bus) -> None:
    recorder = Recorder()
    bus.subscribe(recorder)
    await bus.start()
    bus.publish(MESSAGES[0])
    await recorder.wait_for(1)
    await bus.stop()
    bus.publish(MESSAGES[1])  # no error: shutdown order must not crash a service
    await bus.stop()  # idempotent
    await backend.settle()
    assert recorder.got == MESSAGES[:1]
