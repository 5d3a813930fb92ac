"""Hub and Outbox: encode once per codec, several connections per guest, bounded outboxes,
framing by the codec, resume without duplicates."""

from __future__ import annotations

import asyncio

import pytest

from causette.domain.departements import location_by_code
from causette.domain.events import Delivery, Event, GuestJoined, MessagePosted, RoomListChanged
from causette.domain.models import Gender, Message, RoomInfo, RoomKind, UserView
from causette.live.hub import Hub, Outbox

ZOE = UserView("zoe", "Zoé", 30, Gender.WOMAN, location_by_code("75"))
BIG = 1 << 20


class CountingCodec:
    """Encodes an event as a short tag and counts how often it is asked to; frames a batch
    as lines, or as CRLF-terminated lines like IRC."""

    def __init__(self, tag: str = "web", *, echo: bool = True, crlf: bool = False) -> None:
        self.tag = tag
        self.calls = 0
        self.echo = echo
        self.crlf = crlf

    def event_frame(self, event: Event) -> str:
        self.calls += 1
        if isinstance(event, MessagePosted):
            return f"{self.tag}:m{event.message.id}"
        if isinstance(event, RoomListChanged):
            return f"{self.tag}:rooms"
        return f"{self.tag}:{type(event).__name__}"

    def batch(self, frames: list[str]) -> str:
        if self.crlf:
            return "".join(f"{f}\r\n" for f in frames)
        return "\n".join(frames)


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
    outbox.release({4, 5})
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


async def test_broadcast_encodes_an_event_once_per_codec() -> None:
    web, irc = CountingCodec("web"), CountingCodec("irc")
    hub = Hub()
    boxes = [Outbox(web, BIG) for _ in range(5)]
    for i, box in enumerate(boxes):
        hub.attach(f"g{i}", box)
    irc_box = Outbox(irc, BIG)
    hub.attach("g0", irc_box)  # the same person, also on IRC
    info = RoomInfo("general", "Général", "", 3, RoomKind.OFFICIAL, None)
    hub.broadcast(RoomListChanged((info,)))
    assert (web.calls, irc.calls) == (1, 1)
    assert [b.frames for b in boxes] == [["web:rooms"]] * 5
    assert irc_box.frames == ["irc:rooms"]


async def test_a_guest_has_several_connections_and_each_gets_every_event() -> None:
    hub = Hub()
    codec = CountingCodec()
    tab1, tab2 = Outbox(codec, BIG), Outbox(codec, BIG)
    hub.attach("zoe", tab1)
    hub.attach("zoe", tab2)
    hub.attach("zoe", tab1)  # again: no duplicate
    assert hub.outboxes_of("zoe") == (tab1, tab2)
    hub.deliver(posted(1, "zoe"))
    assert tab1.frames == tab2.frames == ["web:m1"]
    assert tab1.frames[0] is tab2.frames[0]
    assert codec.calls == 1


async def test_detach_says_whether_it_was_the_last_connection() -> None:
    hub = Hub()
    tab1, tab2 = Outbox(CountingCodec(), BIG), Outbox(CountingCodec(), BIG)
    hub.attach("zoe", tab1)
    hub.attach("zoe", tab2)
    assert hub.detach("zoe", tab1) is False
    assert hub.is_attached("zoe")
    hub.deliver(posted(2, "zoe"))
    assert (tab1.frames, tab2.frames) == ([], ["web:m2"])
    assert hub.detach("zoe", tab1) is False  # no longer attached: changes nothing
    assert hub.detach("zoe", tab2) is True
    assert not hub.is_attached("zoe")
    assert hub.outboxes_of("zoe") == ()


async def test_each_connection_is_bounded_on_its_own() -> None:
    hub = Hub()
    slow, fast = Outbox(CountingCodec(), max_bytes=12), Outbox(CountingCodec(), BIG)
    hub.attach("zoe", slow)
    hub.attach("zoe", fast)
    for mid in range(1, 5):
        hub.deliver(posted(mid, "zoe"))
        await fast.take()
    assert slow.closed == "slow_consumer"
    assert fast.closed is None


async def test_the_origin_gets_its_own_message_only_if_its_codec_echoes() -> None:
    hub = Hub()
    quiet_codec = CountingCodec("irc", echo=False)
    web_tab, irc_origin, irc_other = (
        Outbox(CountingCodec(), BIG),
        Outbox(quiet_codec, BIG),
        Outbox(quiet_codec, BIG),
    )
    for box in (web_tab, irc_origin, irc_other):
        hub.attach("zoe", box)
    hub.deliver(posted(1, "zoe"), origin=irc_origin.key)
    # Zoé's other connections see what she sent from IRC; that IRC connection does not.
    assert (web_tab.frames, irc_origin.frames, irc_other.frames) == (["web:m1"], [], ["irc:m1"])
    hub.deliver(posted(2, "zoe"), origin=web_tab.key)
    assert (web_tab.frames[-1], irc_origin.frames) == ("web:m2", ["irc:m2"])


async def test_the_codec_frames_what_is_written() -> None:
    outbox = Outbox(CountingCodec("irc", crlf=True), BIG)
    outbox.push(":a PRIVMSG #g :x")
    outbox.push(":b PART #g")
    assert await outbox.take() == ":a PRIVMSG #g :x\r\n:b PART #g\r\n"


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
