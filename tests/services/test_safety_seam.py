"""The safety seam, end to end below the transports: each verdict a gate can give, with the
whole composition root (SQLite store, journal, moderation) and real outboxes, no sockets."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from scripted import ScriptedGate, Visitor

from causette import config
from causette.app import App
from causette.domain.moderation import Source
from causette.errors import NotFound, Refused
from causette.live.hub import Outbox
from causette.live.inprocess import InProcessBus
from causette.protocol import web
from causette.services.chat import Link


@pytest.fixture
async def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[App]:
    # Every bus message crosses its wire encoding, as between two nodes.
    monkeypatch.setattr("causette.app.InProcessBus", lambda: InProcessBus(roundtrip=True))
    settings = config.parse({"server": {"data_dir": str(tmp_path)}})
    wired = App(settings, gate=ScriptedGate())
    await wired.start()
    yield wired
    await wired.stop()


async def visitor(app: App, nick: str, ip: str) -> Visitor:
    link = Link(ip, "device-" + nick, Outbox(web.CODEC, 1_000_000))
    app.chat.sessions.admit(link)
    entered = await app.chat.sessions.enter(link, nick, 30, "woman", "75011")
    await app.chat.people.set_privacy(link, "everyone")
    return Visitor(link, entered.guest.id)


@pytest.fixture
async def pair(app: App) -> tuple[Visitor, Visitor]:
    zoe, marc = await visitor(app, "Zoe", "192.0.2.1"), await visitor(app, "Marc", "192.0.2.2")
    zoe.events(), marc.events()
    return zoe, marc


def gate_of(app: App) -> ScriptedGate:
    gate = app.chat.messages.gate
    assert isinstance(gate, ScriptedGate)
    return gate


async def test_allow_delivers_and_the_gate_sees_the_conversation(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    say = app.chat.messages.say
    await say(zoe.link, "bonjour", None, marc.id, False)
    await say(marc.link, "salut", None, zoe.id, False)
    assert [e["text"] for e in marc.events() if e["type"] == "message"] == ["bonjour", "salut"]
    draft, conversation = gate_of(app).seen[-1]
    assert draft.sender.user.id == marc.id
    assert draft.recipient is not None
    assert draft.recipient.declared_age == 30
    assert [m.text for m in conversation.recent] == ["bonjour"]
    assert conversation.key == f"private:{min(zoe.id, marc.id)}:{max(zoe.id, marc.id)}"


async def test_nudge_reaches_the_named_recipient_after_the_message(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    await app.chat.messages.say(zoe.link, "#nudge on se voit où ?", None, marc.id, False)
    got = marc.events()
    assert [e["type"] for e in got] == ["message", "safety_tip"]
    assert got[1]["advice"] == "ambush"
    assert got[1]["user"]["id"] == zoe.id
    assert "safety_tip" not in zoe.types()


async def test_hold_shows_the_sender_only_and_queues_a_case(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    held = await app.chat.messages.say(zoe.link, "#hold hmm", None, marc.id, False)
    assert held.held_at is not None
    assert zoe.types() == ["message_held"]
    assert marc.events() == []
    stored = await app.store.get_message(held.id)
    assert stored is not None
    assert stored.held_at is not None
    assert await app.store.messages_after(0, [], marc.id, 100) == []
    cases = await app.moderation_store.open_cases()
    assert len(cases) == 1
    reports = await app.moderation_store.reports_of_case(cases[0].id)
    assert reports[0].source is Source.AUTOMATED
    assert reports[0].automated_rule == "test.rule"
    assert reports[0].locator.message_id == held.id


async def test_release_posts_a_held_message_anew_and_remove_tells_the_sender(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    messages = app.chat.messages
    first = await messages.say(zoe.link, "#hold un", None, marc.id, False)
    second = await messages.say(zoe.link, "#hold deux", None, marc.id, False)
    zoe.events()
    posted = await messages.release_held(first.id)
    assert posted.id > second.id
    assert posted.held_at is None
    assert [(e["type"], e.get("id")) for e in zoe.events()] == [
        ("held_released", first.id),
        ("message", posted.id),
    ]
    assert [e["text"] for e in marc.events()] == ["#hold un"]
    await messages.remove_held(second.id)
    assert zoe.events() == [{"type": "held_removed", "id": second.id}]
    assert marc.events() == []
    with pytest.raises(NotFound) as caught:
        await messages.release_held(second.id)
    assert caught.value.code == "report_target_not_found"


async def test_refuse_stores_nothing_and_says_why(app: App, pair: tuple[Visitor, Visitor]) -> None:
    zoe, marc = pair
    before = await app.store.max_message_id()
    with pytest.raises(Refused) as caught:
        await app.chat.messages.say(zoe.link, "#refuse non", None, marc.id, False)
    assert caught.value.code == "message_refused"
    assert await app.store.max_message_id() == before
    assert marc.events() == []
    cases = await app.moderation_store.open_cases()
    reports = await app.moderation_store.reports_of_case(cases[0].id)
    assert reports[0].locator.user_id == zoe.id
    assert reports[0].locator.message_id is None


async def test_close_ends_the_private_conversation_for_both(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    say = app.chat.messages.say
    await say(zoe.link, "coucou", None, marc.id, False)
    zoe.events(), marc.events()
    await say(zoe.link, "#close viens", None, marc.id, False)
    assert zoe.types() == ["message_held", "private_closed"]
    closed = marc.events()
    assert closed == [{"type": "private_closed", "user": closed[0]["user"], "reason": "safety"}]
    assert closed[0]["user"]["id"] == zoe.id
    for me, other in ((zoe, marc), (marc, zoe)):
        with pytest.raises(Refused) as caught:
            await say(me.link, "encore", None, other.id, False)
        assert caught.value.code == "private_closed"
    assert len(await app.moderation_store.open_cases()) == 1


async def test_a_case_alone_delivers_the_message(app: App, pair: tuple[Visitor, Visitor]) -> None:
    zoe, marc = pair
    message = await app.chat.messages.say(zoe.link, "#case bof", None, marc.id, False)
    assert [e["id"] for e in marc.events() if e["type"] == "message"] == [message.id]
    assert len(await app.moderation_store.open_cases()) == 1


async def test_a_failing_gate_lets_the_message_through(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    await app.chat.messages.say(zoe.link, "#crash", None, marc.id, False)
    assert [e["type"] for e in marc.events()] == ["message"]


async def test_room_messages_pass_the_gate_with_their_room_window(
    app: App, pair: tuple[Visitor, Visitor]
) -> None:
    zoe, marc = pair
    for v in pair:
        await app.chat.rooms.join(v.link, "general")
    marc.events()
    await app.chat.messages.say(zoe.link, "un", "general", None, False)
    await app.chat.messages.say(zoe.link, "#hold deux", "general", None, False)
    assert [e["text"] for e in marc.events() if e["type"] == "message"] == ["un"]
    draft, conversation = gate_of(app).seen[-1]
    assert draft.room == "general"
    assert conversation.key == "room:general"
    assert [m.text for m in conversation.recent] == ["un"]
