"""The rules gate in the wired server: real detectors, risk and policy behind ``say``, with the
composition root's moderation (cases), SQLite and outboxes; no sockets.

The policy decides, so most tests give the server a policy file of their own and check that
``say`` does what it says (hold, close, refuse, nudge, case); the last ones run the shipped
policy on what it must catch whatever the tuning (a self-disclosure, a phone number).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from visitors import MakeApp

from causette import config
from causette.app import App
from causette.domain.moderation import Source
from causette.errors import CausetteError, ConfigError, NotFound, Refused
from causette.live.hub import Outbox
from causette.protocol import web
from causette.safety.gate import AllowAll
from causette.safety.pipeline import RuleGate
from causette.services.chat import Link
from causette.types import Subject

PHONE = "mon num c'est le 06 12 34 56 78"
# In a room, one's own number scores under a hold (the sender's to give): a bare one does not.
ROOM_PHONE = "le 06 12 34 56 78 ce soir"

POLICY = """
[[action]]
name = "ambush.advice"
enabled = false

[[action]]
name = "contact.room"
enabled = false

[[action]]
name = "test.hold"
rules = ["contact.phone"]
pairing = ["private"]
verdict = "hold"
case = "doxxing"
explanation = "Numéro tenu."

[[action]]
name = "test.refuse"
rules = ["contact.phone"]
pairing = ["room"]
verdict = "refuse"
reason = "phone"
mute_seconds = 60
case = "spam"

[[action]]
name = "test.close"
rules = ["contact.phone"]
pairing = ["minor_adult"]
verdict = "close"
nudge_minor = "minor_help"
case = "child_abuse"
explanation = "Numéro donné entre un mineur et un adulte."
"""


@dataclass
class Person:
    link: Link
    id: str

    def frames(self) -> list[dict[str, Any]]:
        """Everything queued for this person since the last call, decoded."""
        frames, self.link.outbox.frames = self.link.outbox.frames, []
        return [json.loads(line) for frame in frames for line in frame.split("\n")]


async def person(app: App, nick: str, n: int, age: int = 30) -> Person:
    link = Link(f"192.0.2.{n}", f"device-{nick}", Outbox(web.CODEC, 1_000_000))
    app.chat.sessions.admit(link)
    entered = await app.chat.sessions.enter(link, nick, age, "woman", "75011")
    await app.chat.people.set_privacy(link, "everyone")
    found = Person(link, entered.guest.id)
    found.frames()
    return found


def possibly_minor(app: App, someone: Person) -> Person:
    """As if they had entered from a network refused for age within the cooling period: a
    declared adult that the gate counts as a possible minor (a declared minor and a declared
    adult never reach each other in private: the age bands refuse it first)."""
    app.chat.chat.state.guests[someone.id].possible_minor = True
    return someone


async def cases_of(app: App, subject: Person) -> list[Any]:
    guest = app.chat.chat.state.guests[subject.id]
    return await app.moderation_store.cases_of_subject(str(Subject.device(guest.device)))


async def test_the_server_runs_the_rules_unless_disabled(make_app: MakeApp) -> None:
    assert isinstance((await make_app()).chat.messages.gate, RuleGate)
    assert isinstance((await make_app(enabled=False)).chat.messages.gate, AllowAll)


def test_a_bad_policy_file_stops_the_start_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[[action]]\nname = "x"\nrules = ["threat"]\nverdict = "ban"\n', "utf-8")
    settings = config.parse(
        {"server": {"data_dir": str(tmp_path)}, "safety": {"policy": str(path)}}
    )
    with pytest.raises(ConfigError) as caught:
        App(settings)
    assert caught.value.params["key"] == f"{path}: action[0] (x).verdict"


async def test_hold_as_the_policy_says_with_a_case_naming_the_rule(make_app: MakeApp) -> None:
    app = await make_app(POLICY)
    zoe, marc = await person(app, "Zoe", 1), await person(app, "Marc", 2)
    message = await app.chat.messages.say(zoe.link, PHONE, None, marc.id, False)
    assert message.held_at is not None
    assert [f["type"] for f in zoe.frames() if f.get("type") == "message_held"] == ["message_held"]
    assert not [f for f in marc.frames() if f.get("type") == "message"]
    (case,) = await cases_of(app, zoe)
    assert case.category == "doxxing"
    (report,) = await app.moderation_store.reports_of_case(case.id)
    assert report.source is Source.AUTOMATED
    assert "contact.phone" in (report.automated_rule or "")
    assert "test.hold" in (report.automated_rule or "")
    assert "Numéro tenu." in report.explanation


async def test_refuse_in_a_room_as_the_policy_says(make_app: MakeApp) -> None:
    app = await make_app(POLICY)
    zoe = await person(app, "Zoe", 1)
    await app.chat.rooms.join(zoe.link, "general")
    with pytest.raises(Refused) as refused:
        await app.chat.messages.say(zoe.link, ROOM_PHONE, "general", None, False)
    assert refused.value.code == "message_refused"
    assert refused.value.params["reason"] == "phone"
    (case,) = await cases_of(app, zoe)
    assert case.category == "spam"
    # The policy's short mute is an automated decision: Zoe is told, with its statement.
    (sanction,) = [f for f in zoe.frames() if f.get("type") == "sanction"]
    assert sanction["decision"]["automated_decision"] is True
    with pytest.raises(Refused, match="muted"):
        await app.chat.messages.say(zoe.link, "bonjour à tous", "general", None, False)
    # What passes the rules still goes.
    marc = await person(app, "Marc", 2)
    await app.chat.rooms.join(marc.link, "general")
    said = await app.chat.messages.say(marc.link, "bonjour à tous", "general", None, False)
    assert said.held_at is None


async def test_the_age_bands_come_before_the_rules(make_app: MakeApp) -> None:
    app = await make_app(POLICY)
    adult, teen = await person(app, "Marc", 1, age=34), await person(app, "Lea", 2, age=15)
    with pytest.raises(NotFound, match="user_not_found"):
        await app.chat.messages.say(adult.link, "salut ça va ?", None, teen.id, False)
    assert await cases_of(app, adult) == []


async def test_close_between_a_possible_minor_and_an_adult(make_app: MakeApp) -> None:
    app = await make_app(POLICY)
    adult = await person(app, "Marc", 1, age=34)
    teen = possibly_minor(app, await person(app, "Lea", 2, age=19))
    await app.chat.messages.say(adult.link, "salut ça va ?", None, teen.id, False)
    message = await app.chat.messages.say(adult.link, PHONE, None, teen.id, False)
    assert message.held_at is not None
    closed = [f for f in teen.frames() if f.get("type") == "private_closed"]
    assert closed
    assert any(f.get("type") == "private_closed" for f in adult.frames())
    (case,) = await cases_of(app, adult)
    assert case.category == "child_abuse"
    with pytest.raises(Refused, match="private_closed"):
        await app.chat.messages.say(adult.link, "allo ?", None, teen.id, False)


async def test_the_minor_is_told_where_to_find_help(make_app: MakeApp) -> None:
    app = await make_app(POLICY)
    adult = await person(app, "Marc", 1, age=34)
    teen = possibly_minor(app, await person(app, "Lea", 2, age=19))
    await app.chat.messages.say(adult.link, PHONE, None, teen.id, False)
    tips = [f["advice"] for f in teen.frames() if f.get("type") == "safety_tip"]
    assert tips == ["minor_help"]
    assert not [f for f in adult.frames() if f.get("type") == "safety_tip"]


async def test_shipped_policy_self_disclosure_opens_a_priority_case(make_app: MakeApp) -> None:
    app = await make_app()
    adult, teen = await person(app, "Marc", 1, age=34), await person(app, "Lea", 2, age=19)
    await app.chat.messages.say(adult.link, "tu fais quoi ce soir ?", None, teen.id, False)
    said = await app.chat.messages.say(teen.link, "j'ai 14 ans en vrai", None, adult.id, False)
    assert said.held_at is None  # the minor's own words still reach the conversation
    tips = [f["advice"] for f in teen.frames() if f.get("type") == "safety_tip"]
    assert "minor_help" in tips
    (case,) = await cases_of(app, teen)
    assert case.category == "child_abuse"
    (report,) = await app.moderation_store.reports_of_case(case.id)
    assert "age.disclosure" in (report.automated_rule or "")


async def test_shipped_policy_a_number_in_private_brings_ambush_advice(make_app: MakeApp) -> None:
    app = await make_app()
    zoe, marc = await person(app, "Zoe", 1), await person(app, "Marc", 2)
    await app.chat.messages.say(zoe.link, "on se voit au café samedi ?", None, marc.id, False)
    marc.frames()
    said = await app.chat.messages.say(zoe.link, PHONE, None, marc.id, False)
    assert said.held_at is None
    received = marc.frames()
    assert [f["text"] for f in received if f.get("type") == "message"] == [PHONE]
    assert "ambush" in [f["advice"] for f in received if f.get("type") == "safety_tip"]
    assert await cases_of(app, zoe) == []


async def test_shipped_policy_a_disclosure_closes_the_private_conversation(
    make_app: MakeApp,
) -> None:
    """A declared adult says they are 14: the conversation with the adult closes on both sides
    at once, and the adult is named in a case of their own."""
    app = await make_app()
    adult, teen = await person(app, "Marc", 1, age=34), await person(app, "Lea", 2, age=19)
    say = app.chat.messages.say
    await say(adult.link, "salut ça va ?", None, teen.id, False)
    await say(teen.link, "oui j'ai 14 ans en vrai", None, adult.id, False)
    assert any(f.get("type") == "private_closed" for f in teen.frames())
    assert any(f.get("type") == "private_closed" for f in adult.frames())
    (case,) = await cases_of(app, adult)
    assert case.category == "child_abuse"
    with pytest.raises(CausetteError):
        await say(adult.link, "t'es seule chez toi ce soir ?", None, teen.id, False)


async def test_shipped_policy_grooming_of_a_possible_minor_closes(make_app: MakeApp) -> None:
    """The pattern of SAFETY.md 6: the adult checks a possible minor is alone (a case), then
    asks for secrecy: the sequence closes the conversation on both sides, though neither
    message names anything sexual."""
    app = await make_app()
    adult = await person(app, "Marc", 1, age=34)
    teen = possibly_minor(app, await person(app, "Lea", 2, age=19))
    say = app.chat.messages.say
    await say(adult.link, "salut ça va ?", None, teen.id, False)
    await say(teen.link, "oui et toi", None, adult.id, False)
    checked = await say(adult.link, "t'es seule chez toi ce soir ?", None, teen.id, False)
    assert checked.held_at is None
    (case,) = await cases_of(app, adult)
    assert case.category == "child_abuse"
    secret = await say(
        adult.link, "c'est notre secret, dis rien à tes parents", None, teen.id, False
    )
    assert secret.held_at is not None
    assert any(f.get("type") == "private_closed" for f in teen.frames())
    assert any(f.get("type") == "private_closed" for f in adult.frames())
    rules = " ".join(
        r.automated_rule or "" for r in await app.moderation_store.reports_of_case(case.id)
    )
    assert "secrecy" in rules
    assert "alone.check" in rules
    with pytest.raises(Refused, match="private_closed"):
        await say(adult.link, "allo ?", None, teen.id, False)


async def test_shipped_policy_an_adult_inviting_a_minor_out_of_a_room(make_app: MakeApp) -> None:
    """Each person's risk in a room is their own, but the room remembers who said they are a
    minor: an adult's invitation to private after that opens a case about the adult."""
    app = await make_app()
    adult, teen = await person(app, "Marc", 1, age=34), await person(app, "Lea", 2, age=19)
    other = await person(app, "Jordan", 3, age=30)
    for someone in (adult, teen, other):
        await app.chat.rooms.join(someone.link, "general")
    say = app.chat.messages.say
    await say(other.link, "viens en mp si tu veux", "general", None, False)
    assert await cases_of(app, other) == []  # among adults, an invitation is nothing
    await say(teen.link, "j'ai 15 ans en vrai", "general", None, False)
    await say(adult.link, "viens en mp, je t'aide pour tes devoirs", "general", None, False)
    (case,) = await cases_of(app, adult)
    assert case.category == "child_abuse"


async def test_shipped_policy_ones_own_number_in_a_room_among_adults(make_app: MakeApp) -> None:
    """One's own number in an adults' room is the sender's to give: delivered, the sender
    reminded that everyone reads it, no case; someone else's number is held."""
    app = await make_app()
    zoe, marc = await person(app, "Zoe", 1), await person(app, "Marc", 2)
    for someone in (zoe, marc):
        await app.chat.rooms.join(someone.link, "general")
    zoe.frames()
    own = "je vends mon vélo, appelez-moi au 06 12 34 56 78"
    said = await app.chat.messages.say(zoe.link, own, "general", None, False)
    assert said.held_at is None
    assert "safety" in [f["advice"] for f in zoe.frames() if f.get("type") == "safety_tip"]
    assert await cases_of(app, zoe) == []
    other = "voilà le numéro de mon voisin, 06 98 76 54 32, appelez-le tous"
    held = await app.chat.messages.say(marc.link, other, "general", None, False)
    assert held.held_at is not None


async def test_shipped_policy_a_number_in_a_room_where_a_minor_spoke(make_app: MakeApp) -> None:
    """After a minor said so in a room, an adult's own number there is held and opens a
    priority case: it is an open door to that minor."""
    app = await make_app()
    adult, teen = await person(app, "Marc", 1, age=34), await person(app, "Lea", 2, age=19)
    for someone in (adult, teen):
        await app.chat.rooms.join(someone.link, "general")
    say = app.chat.messages.say
    await say(teen.link, "jsuis en 3e au collège", "general", None, False)
    held = await say(adult.link, "appelez-moi au 06 12 34 56 78", "general", None, False)
    assert held.held_at is not None
    (case,) = await cases_of(app, adult)
    assert case.category == "child_abuse"


async def test_shipped_policy_a_teenagers_own_number_in_a_teen_room(make_app: MakeApp) -> None:
    """A teenager's own number in a room reaches strangers: held for a moderator, the sender
    told why; a message without one goes through."""
    app = await make_app()
    lea, tom = await person(app, "Lea", 1, age=15), await person(app, "Tom", 2, age=16)
    for someone in (lea, tom):
        await app.chat.rooms.join(someone.link, "ados")
    say = app.chat.messages.say
    assert (await say(lea.link, "qui a fini le dm de maths ?", "ados", None, False)).held_at is None
    lea.frames()
    held = await say(lea.link, "écrivez-moi au 06 12 34 56 78", "ados", None, False)
    assert held.held_at is not None
    assert "safety" in [f["advice"] for f in lea.frames() if f.get("type") == "safety_tip"]
