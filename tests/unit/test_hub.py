"""Hub and Outbox: encode once per codec, bounded outboxes, resume without duplicates."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

import pytest

from causette.domain.departements import location_by_code
from causette.domain.events import Delivery, Event, GuestJoined, MessagePosted
from causette.domain.models import Gender, Message, RoomInfo, UserView
from causette.live.hub import Codec, Hub, Outbox

ZOE = UserView("zoe", "Zoé", 30, Gender.WOMAN, location_by_code("75"))
BIG = 1 << 20


class CountingCodec:
    """Encodes an event as a short tag and counts how often it is asked to."""

    def __init__(self, tag: str = "web") -> None:
        self.tag = tag
        self.calls = 0

    def event_frame(self, event: Event) -> str:
        self.calls += 1
        if isinstance(event, MessagePosted):
            return f"{self.tag}:m{event.message.id}"
        return f"{self.tag}:{type(event).__name__}"

    def room_list_frame(self, rooms: Iterable[RoomInfo]) -> str:
        return f"{self.tag}:rooms"


def message(mid: int) -> Message:
    return Message(mid, 1000.0 + mid, ZOE, "dev-zoe", f"text {mid}", room="general")


def posted(mid: int, *recipients: str) -> Delivery:
    return Delivery(MessagePosted(message(mid)), recipients)


# -- Outbox ----------------------------------------------------------------------------------


async def test_frames_are_batched_into_one_take() -> None:
    outbox = Outbox(CountingCodec(), BIG)
    for frame in ("a", "b", "c"):
        outbox.push(frame)
    assert await outbox.take() == "a\nb\nc"
    outbox.push("d")
    assert await outbox.take() == "d"


async def test_take_waits_for_a_frame() -> None:
    outbox = Outbox(CountingCodec(), BIG)
    waiting = asyncio.create_task(outbox.take())
    await asyncio.sleep(0)
    assert not waiting.done()
    outbox.push("late")
    async with asyncio.timeout(1):
        assert await waiting == "late"


async def test_outbox_over_budget_closes_as_slow_consumer_and_discards() -> None:
    outbox = Outbox(CountingCodec(), max_bytes=10)
    outbox.push("12345")
    outbox.push("12345")
    assert outbox.closed is None
    outbox.push("x")
    assert outbox.closed == "slow_consumer"
    assert outbox.frames == []
    outbox.push("after")
    assert await outbox.take() is None


async def test_take_frees_the_budget() -> None:
    outbox = Outbox(CountingCodec(), max_bytes=10)
    outbox.push("12345678")
    await outbox.take()
    outbox.push("12345678")
    assert outbox.closed is None


async def test_closed_outbox_drains_then_returns_none() -> None:
    outbox = Outbox(CountingCodec(), BIG)
    outbox.push("bye-frame")
    outbox.close("server_shutdown")
    outbox.push("ignored")
    outbox.close("other_reason")
    assert outbox.closed == "server_shutdown"
    assert await outbox.take() == "bye-frame"
    assert await outbox.take() is None


async def test_close_wakes_a_waiting_writer() -> None:
    outbox = Outbox(CountingCodec(), BIG)
    waiting = asyncio.create_task(outbox.take())
    await asyncio.sleep(0)
    outbox.close("gone", discard=True)
    async with asyncio.timeout(1):
        assert await waiting is None


async def test_release_skips_replayed_messages_but_keeps_other_frames() -> None:
    outbox = Outbox(CountingCodec(), BIG)
    outbox.hold()
    outbox.push("m4", 4)
    outbox.push("joined", 0)
    outbox.push("m5", 5)
    outbox.push("m6", 6)
    assert outbox.frames == []
    outbox.push("answer", now=True)
    outbox.release(5)
    assert outbox.frames == ["answer", "joined", "m6"]
    # Released: live frames flow again.
    outbox.push("m7", 7)
    assert outbox.frames[-1] == "m7"


# -- Hub -------------------------------------------------------------------------------------


async def test_deliver_encodes_once_per_codec() -> None:
    web, irc = CountingCodec("web"), CountingCodec("irc")
    hub = Hub()
    outboxes = {f"w{i}": Outbox(web, BIG) for i in range(50)}
    outboxes |= {f"i{i}": Outbox(irc, BIG) for i in range(20)}
    for gid, outbox in outboxes.items():
        hub.attach(gid, outbox)
    hub.deliver(posted(7, *outboxes, "not-attached"))
    assert (web.calls, irc.calls) == (1, 1)
    frames = {gid: outbox.frames for gid, outbox in outboxes.items()}
    assert frames["w0"] == ["web:m7"]
    assert frames["i19"] == ["irc:m7"]
    # The very same string object goes to every recipient of a codec.
    assert all(f[0] is frames["w0"][0] for gid, f in frames.items() if gid.startswith("w"))


async def test_deliver_reaches_only_the_recipients() -> None:
    hub = Hub()
    a, b = Outbox(CountingCodec(), BIG), Outbox(CountingCodec(), BIG)
    hub.attach("a", a)
    hub.attach("b", b)
    hub.deliver_all([Delivery(GuestJoined("general", ZOE), ["a"]), posted(1, "a", "b")])
    assert a.frames == ["web:GuestJoined", "web:m1"]
    assert b.frames == ["web:m1"]


async def test_broadcast_encodes_once_per_codec() -> None:
    codec = CountingCodec()
    hub = Hub()
    boxes = [Outbox(codec, BIG) for _ in range(5)]
    for i, box in enumerate(boxes):
        hub.attach(f"g{i}", box)
    calls: list[object] = []

    def encode(c: Codec) -> str:
        calls.append(c)
        return c.room_list_frame([])

    hub.broadcast(encode)
    assert calls == [codec]
    assert [b.frames for b in boxes] == [["web:rooms"]] * 5


async def test_attach_returns_the_replaced_outbox() -> None:
    hub = Hub()
    first, second = Outbox(CountingCodec(), BIG), Outbox(CountingCodec(), BIG)
    assert hub.attach("zoe", first) is None
    assert hub.attach("zoe", first) is None
    assert hub.attach("zoe", second) is first
    assert hub.outboxes["zoe"] is second


async def test_detach_only_the_current_outbox() -> None:
    hub = Hub()
    old, new = Outbox(CountingCodec(), BIG), Outbox(CountingCodec(), BIG)
    hub.attach("zoe", old)
    hub.attach("zoe", new)
    # The replaced connection closing late must not detach its successor.
    assert hub.detach("zoe", old) is False
    assert hub.is_attached("zoe")
    assert hub.detach("zoe", new) is True
    assert not hub.is_attached("zoe")
    assert hub.detach("zoe", new) is False


@pytest.mark.parametrize("replayed", [[], [1, 2, 3]])
async def test_replay_sends_answer_then_missed_then_held(replayed: list[int]) -> None:
    codec = CountingCodec()
    hub = Hub()
    outbox = Outbox(codec, BIG)
    outbox.hold()
    hub.attach("zoe", outbox)
    # Live traffic while the resume reads storage: message 3 is also in the replay.
    hub.deliver(posted(3, "zoe"))
    hub.deliver(Delivery(GuestJoined("general", ZOE), ["zoe"]))
    hub.deliver(posted(4, "zoe"))
    hub.replay(outbox, "answer", [message(i) for i in replayed])
    expected_replay = [f"web:m{i}" for i in replayed]
    live = ["web:GuestJoined", "web:m4"] if replayed else ["web:m3", "web:GuestJoined", "web:m4"]
    assert await outbox.take() == "\n".join(["answer", *expected_replay, *live])
