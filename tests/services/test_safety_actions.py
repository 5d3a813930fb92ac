"""What the services do with a verdict beyond the message's fate (SAFETY.md 3, 9, 10): a
self-disclosure makes the sender a minor at once, a warning reaches the sender only, a short
mute is an automated decision with its statement, a nudge reaches the person it is for.

The whole composition root (SQLite, journal, moderation) with a scripted gate, a legitimate
double of the ``SafetyGate`` port: it answers by the message's first word."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from scripted import ScriptedGate, Visitor

from causette import config
from causette.app import App
from causette.domain.models import AgeBand
from causette.domain.moderation import Category, SanctionKind, Source
from causette.errors import NotFound, Refused
from causette.live.hub import Outbox
from causette.live.inprocess import InProcessBus
from causette.protocol import web
from causette.safety.gate import (
    Band,
)
from causette.services.chat import Link
from causette.types import Subject


def settings_of(tmp_path: Path, teens: bool = False) -> config.Settings:
    document: dict[str, Any] = {"server": {"data_dir": str(tmp_path)}}
    if teens:
        document["entry"] = {"min_age": 15, "adult_age": 18}
        document["rooms"] = [
            {"name": "general", "topic": ""},
            {"name": "Ados", "topic": "", "band": "teen"},
        ]
    return config.parse(document)


@pytest.fixture
async def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[App]:
    monkeypatch.setattr("causette.app.InProcessBus", lambda: InProcessBus(roundtrip=True))
    wired = App(settings_of(tmp_path), gate=ScriptedGate())
    await wired.start()
    yield wired
    await wired.stop()


async def visitor(app: App, nick: str, age: int = 30, device: str | None = None) -> Visitor:
    link = Link(
        "192.0.2." + str(len(app.chat.chat.state.guests) + 1),
        device or "dev-" + nick,
        Outbox(web.CODEC, 1_000_000),
    )
    app.chat.sessions.admit(link)
    entered = await app.chat.sessions.enter(link, nick, age, "woman", "75011")
    await app.chat.people.set_privacy(link, "everyone")
    link.outbox.frames.clear()
    return Visitor(link, entered.guest.id)


def of_type(events: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in events if e.get("type") == kind]


async def test_a_disclosure_makes_the_sender_a_minor_at_once(app: App) -> None:
    say = app.chat.messages.say
    lea, marc, paul, anna = [await visitor(app, n) for n in ("Lea", "Marc", "Paul", "Anna")]
    for v in (lea, anna):
        await app.chat.rooms.join(v.link, "general")
    await say(marc.link, "salut", None, lea.id, False)
    await say(paul.link, "coucou", None, lea.id, False)
    for v in (lea, marc, paul, anna):
        v.events()

    message = await say(lea.link, "#disclose j'ai 14 ans", None, marc.id, False)

    guest = app.chat.chat.state.guests[lea.id]
    assert guest.disclosed_minor
    assert app.chat.chat.state.band(guest) is AgeBand.TEEN
    # Her private conversations with adults close, on both sides, in neutral words.
    mine = lea.events()
    closed = of_type(mine, "private_closed")
    assert {(e["user"]["id"], e["reason"]) for e in closed} == {
        (marc.id, "age_band"),
        (paul.id, "age_band"),
    }
    for adult in (marc, paul):
        told = of_type(adult.events(), "private_closed")
        assert [(e["user"]["id"], e["reason"]) for e in told] == [(lea.id, "age_band")]
    # She leaves the adult room and hears why; the others see a plain leave.
    assert [(e["room"], e["reason"]) for e in of_type(mine, "left")] == [("general", "age_band")]
    assert [(e["user"]["id"], e["reason"]) for e in of_type(anna.events(), "left")] == [
        (lea.id, "part")
    ]
    assert of_type(mine, "room_list")[-1]["rooms"] == []  # no teen room on this site
    # She is shown help, in the conversation she wrote in.
    tips = of_type(mine, "safety_tip")
    assert [(t["advice"], t["user"]["id"]) for t in tips] == [("minor_help", marc.id)]
    # A priority case about her message names both adults; each adult has a case too.
    cases = await app.moderation_store.open_cases()
    subjects = {c.subject: c for c in cases}
    assert set(subjects) == {
        str(Subject.device("dev-Lea")),
        str(Subject.device("dev-Marc")),
        str(Subject.device("dev-Paul")),
    }
    assert all(c.priority == 0 and c.category is Category.CHILD_ABUSE for c in cases)
    view = await app.moderation.cases.case_view(subjects[str(Subject.device("dev-Lea"))].id)
    (report,) = view.reports
    assert report.source is Source.AUTOMATED
    assert report.locator.message_id == message.id
    assert "Marc" in report.explanation
    assert "Paul" in report.explanation
    assert {p["nickname"] for p in view.named} == {"Marc", "Paul"}
    assert [s["text"] for s in view.detections_of(message.id)] == ["j'ai 14 ans"]
    adult_view = await app.moderation.cases.case_view(subjects[str(Subject.device("dev-Marc"))].id)
    assert adult_view.reports[0].locator.user_id == marc.id
    assert lea.id in adult_view.reports[0].explanation
    # From now on she is a minor everywhere.
    for adult in (marc, paul):
        with pytest.raises((Refused, NotFound)):
            await say(lea.link, "re", None, adult.id, False)
        with pytest.raises((Refused, NotFound)):
            await say(adult.link, "re", None, lea.id, False)
        with pytest.raises(NotFound, match="user_not_found"):
            app.chat.people.whois(adult.link, lea.id)
    with pytest.raises(Refused, match="room_band_adult"):
        await app.chat.rooms.join(lea.link, "general")
    assert app.chat.rooms.room_list(lea.link) == []
    (stored,) = [g for g in await app.store.live_guests() if g.id == lea.id]
    assert stored.disclosed_minor


async def test_on_a_teen_site_a_disclosed_minor_joins_the_teens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("causette.app.InProcessBus", lambda: InProcessBus(roundtrip=True))
    app = App(settings_of(tmp_path, teens=True), gate=ScriptedGate())
    await app.start()
    try:
        lea, marc = await visitor(app, "Lea", age=19), await visitor(app, "Marc", age=40)
        tom = await visitor(app, "Tom", age=16)
        with pytest.raises(NotFound, match="user_not_found"):
            await app.chat.messages.say(lea.link, "salut", None, tom.id, False)
        before = gate_of(app).seen
        await app.chat.messages.say(lea.link, "#disclose j'ai 14 ans", None, marc.id, False)
        assert (before[-1][0].sender.band, before[-1][0].sender.disclosed_minor) == (
            Band.ADULT,
            False,
        )
        assert [r["id"] for r in of_type(lea.events(), "room_list")[-1]["rooms"]] == ["ados"]
        await app.chat.rooms.join(lea.link, "ados")
        await app.chat.messages.say(lea.link, "salut", None, tom.id, False)
        shown, _ = gate_of(app).seen[-1]
        assert (shown.sender.band, shown.sender.disclosed_minor) == (Band.MINOR, True)
        assert app.chat.people.whois(tom.link, lea.id)[0].nick == "Lea"
        with pytest.raises(NotFound, match="user_not_found"):
            app.chat.people.whois(marc.link, lea.id)
    finally:
        await app.stop()


async def test_a_disclosure_survives_a_restart_and_marks_the_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("causette.app.InProcessBus", lambda: InProcessBus(roundtrip=True))
    first = App(settings_of(tmp_path), gate=ScriptedGate())
    await first.start()
    try:
        lea, marc = await visitor(first, "Lea"), await visitor(first, "Marc")
        await first.chat.messages.say(lea.link, "#disclose j'ai 14 ans", None, marc.id, False)
    finally:
        await first.stop()
    second = App(settings_of(tmp_path), gate=ScriptedGate())
    await second.start()
    try:
        guest = second.chat.chat.state.guests[lea.id]
        assert guest.disclosed_minor
        assert second.chat.chat.state.band(guest) is AgeBand.TEEN
        assert marc.id not in guest.privates
    finally:
        await second.stop()


async def test_a_new_session_of_a_disclosed_device_is_a_possible_minor(app: App) -> None:
    lea, marc = await visitor(app, "Lea", device="dev-lea"), await visitor(app, "Marc")
    await app.chat.messages.say(lea.link, "#disclose j'ai 14 ans", None, marc.id, False)
    await app.chat.sessions.quit(lea.link)
    again = await visitor(app, "Lea2", device="dev-lea")
    guest = app.chat.chat.state.guests[again.id]
    assert guest.possible_minor
    await app.chat.messages.say(again.link, "bonjour", None, marc.id, False)
    assert gate_of(app).seen[-1][0].sender.possible_minor


async def test_a_warning_reaches_the_sender_only_and_the_message_still_goes(app: App) -> None:
    zoe, marc = await visitor(app, "Zoe"), await visitor(app, "Marc")
    await app.chat.messages.say(zoe.link, "#warn 06 12 34 56 78", None, marc.id, False)
    warned = of_type(zoe.events(), "safety_warning")
    assert [(w["warning"], w["user"]["id"], w["room"]) for w in warned] == [
        ("personal_info", marc.id, None)
    ]
    got = marc.events()
    assert [e["type"] for e in got] == ["message"]


async def test_a_short_mute_is_an_automated_decision_with_its_statement(app: App) -> None:
    zoe, marc = await visitor(app, "Zoe"), await visitor(app, "Marc")
    await app.chat.messages.say(zoe.link, "#mute hmm", None, marc.id, False)
    (statement,) = [e["decision"] for e in of_type(zoe.events(), "sanction")]
    assert statement["kind"] == "mute"
    assert statement["duration_seconds"] == 120
    assert statement["automated_decision"] is True
    assert statement["automated_detection"] is True
    assert "test.rule" in statement["facts"]
    with pytest.raises(Refused, match="muted"):
        await app.chat.messages.say(zoe.link, "encore", None, marc.id, False)
    (decision,) = await app.moderation_store.decisions_of_device("dev-Zoe")
    assert decision.moderator_account is None
    assert decision.automated_decision
    entries = await app.moderation_store.entries_of_case(decision.case_id or 0)
    applied = [e for e in entries if e.action == "restriction_applied"]
    assert [(e.actor_kind, e.details["automated_decision"]) for e in applied] == [
        ("automated", True)
    ]


async def test_an_automated_mute_is_capped_and_never_more(app: App) -> None:
    zoe, marc = await visitor(app, "Zoe"), await visitor(app, "Marc")
    with pytest.raises(Refused, match="message_refused"):
        await app.chat.messages.say(zoe.link, "#longmute hmm", None, marc.id, False)
    (decision,) = await app.moderation_store.decisions_of_device("dev-Zoe")
    assert (decision.kind, decision.duration) == (SanctionKind.MUTE, 3600)


async def test_a_nudge_reaches_the_recipient_in_the_room(app: App) -> None:
    zoe, marc = await visitor(app, "Zoe"), await visitor(app, "Marc")
    for v in (zoe, marc):
        await app.chat.rooms.join(v.link, "general")
        v.events()
    await app.chat.messages.say(zoe.link, "#nudge rdv ce soir", "general", None, False)
    tips = of_type(zoe.events(), "safety_tip")
    assert [(t["advice"], t["room"]) for t in tips] == [("ambush", "general")]
    assert of_type(marc.events(), "safety_tip") == []


def gate_of(app: App) -> ScriptedGate:
    gate = app.chat.messages.gate
    assert isinstance(gate, ScriptedGate)
    return gate
