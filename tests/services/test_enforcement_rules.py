"""Moderation as the chat enforces it: emergency levels, sanctions at entry, join and
message, and room controls (moderated rooms, voice, closing)."""

from __future__ import annotations

import itertools

import pytest
from visitors import Site, Visitor, closed_reason, events, received

from causette.domain.identity import network_hash
from causette.domain.moderation import EmergencyLevel, Person, Sanction, SanctionKind
from causette.errors import NotFound, Refused

_ids = itertools.count(1)


def sanction_on(
    site: Site,
    visitor: Visitor,
    kind: SanctionKind,
    *,
    room: str | None = None,
    duration: float | None = None,
) -> str:
    """Enforce a sanction on the visitor's device and network; returns its decision code
    (``D-TEST`` and the decision id)."""
    guest = site.services.chat.state.guests[visitor.id]
    number = next(_ids)
    now = site.clock.wall()
    sanction = Sanction(
        id=number,
        kind=kind,
        person=Person(guest.device, guest.network, guest.profile.nickname),
        room=room,
        starts_at=now,
        expires_at=now + duration if duration is not None else None,
        decision_id=number,
    )
    code = f"D-TEST{number:04d}"
    site.services.enforcement.add_sanction(sanction, code)
    return code


# -- emergency levels --------------------------------------------------------------------


async def test_closed_entries_refuse_newcomers_but_not_those_inside(site: Site) -> None:
    (zoe,) = await site.in_room("general", "Zoé")
    enforcement = site.services.enforcement
    enforcement.set_emergency(EmergencyLevel.CLOSE_ENTRIES, True)
    link = site.connect()
    with pytest.raises(Refused, match="entries_closed"):
        await site.entered(link, "Iris")
    assert link.guest_id is None
    await site.say(zoe, "general", "toujours là")
    enforcement.set_emergency(EmergencyLevel.CLOSE_ENTRIES, False)
    assert (await site.entered(link, "Iris")).guest.profile.nickname == "Iris"


async def test_all_rooms_moderated_silences_every_room_but_the_voiced(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.services.enforcement.control_room("general", voice=zoe.id)
    await site.services.enforcement.control_room("general", moderated=False)
    (iris,) = await site.in_room("musique", "Iris")
    site.services.enforcement.set_emergency(EmergencyLevel.ALL_ROOMS_MODERATED, True)
    for visitor, room in ((marc, "general"), (iris, "musique")):
        with pytest.raises(Refused, match="room_moderated"):
            await site.say(visitor, room, "allô")
    await site.say(zoe, "general", "j'ai la parole")
    await site.tell(marc, zoe, "en privé, oui")  # private messages are not rooms
    site.services.enforcement.set_emergency(EmergencyLevel.ALL_ROOMS_MODERATED, False)
    await site.say(marc, "general", "allô")


async def test_private_messages_only_with_a_shared_room(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    stranger = await site.enter("Iris")
    await site.services.people.set_privacy(zoe.link, "everyone")
    await site.tell(stranger, zoe, "avant")  # a conversation exists
    site.services.enforcement.set_emergency(EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY, True)
    # Whatever the settings or the history of the conversation.
    with pytest.raises(Refused, match="private_refused_emergency"):
        await site.tell(stranger, zoe, "salut")
    with pytest.raises(Refused, match="private_refused_emergency"):
        await site.tell(zoe, stranger, "re")
    await site.tell(marc, zoe, "on partage un salon")
    site.services.enforcement.set_emergency(EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY, False)
    await site.tell(stranger, zoe, "salut")


# -- sanctions ---------------------------------------------------------------------------


async def test_a_site_ban_refuses_entry_from_the_device_and_network_with_its_decision(
    site: Site,
) -> None:
    marc = await site.enter("Marc", ip="192.0.2.9", device="dev-marc")
    code = sanction_on(site, marc, SanctionKind.SITE_BAN, duration=3600)
    await site.services.sessions.quit(marc.link)
    with pytest.raises(Refused) as refused:
        await site.entered(site.connect(ip="198.51.100.4", device="dev-marc"), "Marc2")
    assert refused.value.code == "banned"
    assert refused.value.params == {
        "decision": code,
        "kind": "site_ban",
        "until": site.clock.wall() + 3600,
    }
    # Another device on the network: the truth, without the decision.
    with pytest.raises(Refused) as other:
        await site.entered(site.connect(ip="192.0.2.9", device="dev-other"), "Marc2")
    assert (other.value.code, other.value.params) == (
        "network_restricted",
        {"until": site.clock.wall() + 3600},
    )
    with pytest.raises(Refused, match="banned"):
        site.services.sessions.check_not_banned(site.connect(device="dev-marc"))
    assert (await site.enter("Ailleurs", ip="203.0.113.5")).nick == "Ailleurs"
    # A ban for an hour ends after an hour.
    await site.advance(3600)
    assert (await site.enter("Marc", device="dev-marc")).nick == "Marc"


async def test_a_site_ban_refuses_a_resume_and_a_reversed_decision_lifts_it(
    site: Site,
) -> None:
    marc = await site.enter("Marc")
    code = sanction_on(site, marc, SanctionKind.SITE_BAN)
    await site.drop(marc)
    with pytest.raises(Refused, match="banned"):
        await site.resume(marc, 0)
    site.services.enforcement.revoke_decision(int(code.removeprefix("D-TEST")))
    again, _ = await site.resume(marc, 0)
    assert again.link.guest_id == marc.id


async def test_ending_a_banned_persons_session_closes_it_and_tells_the_room(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    code = sanction_on(site, marc, SanctionKind.SITE_BAN)
    await site.services.enforcement.end_session(marc.id, "banned", {"decision": code})
    assert closed_reason(marc) == "banned"
    assert not site.present(marc)
    left = await events(zoe, "left")
    assert [(f["user"]["id"], f["reason"]) for f in left] == [(marc.id, "kicked")]
    with pytest.raises(NotFound, match="session_expired"):
        await site.resume(marc, 0)


async def test_a_room_ban_refuses_joining_that_room_only(site: Site) -> None:
    marc = await site.enter("Marc")
    code = sanction_on(site, marc, SanctionKind.ROOM_BAN, room="general")
    with pytest.raises(Refused) as refused:
        await site.services.rooms.join(marc.link, "Général")
    assert (refused.value.code, refused.value.params["decision"]) == ("room_banned", code)
    assert "general" not in site.services.chat.state.guests[marc.id].rooms
    assert (await site.services.rooms.join(marc.link, "musique")).room.id == "musique"


async def test_a_mute_refuses_posting_but_not_reading(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    code = sanction_on(site, marc, SanctionKind.MUTE, duration=600)
    with pytest.raises(Refused) as refused:
        await site.say(marc, "general", "je peux parler ?")
    assert (refused.value.code, refused.value.params["decision"]) == ("muted", code)
    with pytest.raises(Refused, match="muted"):
        await site.tell(marc, zoe, "et en privé ?")
    await site.say(zoe, "general", "toujours là")
    assert [f["text"] for f in await events(marc, "message")] == ["toujours là"]
    await site.advance(600)
    await site.say(marc, "general", "de retour")


async def test_a_room_mute_silences_that_room_only(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.services.rooms.join(marc.link, "musique")
    sanction_on(site, marc, SanctionKind.MUTE, room="general")
    with pytest.raises(Refused, match="muted"):
        await site.say(marc, "general", "x")
    await site.say(marc, "musique", "ici oui")
    await site.tell(marc, zoe, "en privé aussi")


async def test_a_site_ban_binds_the_network_a_person_entered_from(site: Site) -> None:
    marc = await site.enter("Marc", ip="192.0.2.20")
    flatmate = await site.enter("Coloc", ip="192.0.2.20")
    await site.services.rooms.join(flatmate.link, "general")
    guest = site.services.chat.state.guests[marc.id]
    assert guest.network == network_hash("192.0.2.20", site.services.chat.secret)
    sanction_on(site, marc, SanctionKind.SITE_BAN)
    # The flat-mate's session is not ended here, but the network binding acts at the next
    # request, as at the door (``Decisions`` ends it at once).
    with pytest.raises(Refused, match="network_restricted"):
        site.services.sessions.check_not_banned(flatmate.link)


async def test_a_mute_even_with_a_network_in_its_record_silences_the_device_alone(
    site: Site,
) -> None:
    marc = await site.enter("Marc", ip="192.0.2.20")
    flatmate = await site.enter("Coloc", ip="192.0.2.20")
    await site.services.rooms.join(flatmate.link, "general")
    await site.services.rooms.join(marc.link, "general")
    sanction_on(site, marc, SanctionKind.MUTE)
    await site.say(flatmate, "general", "moi je peux")
    with pytest.raises(Refused, match="muted"):
        await site.say(marc, "general", "et moi ?")


# -- room controls -----------------------------------------------------------------------


async def test_a_moderated_room_tells_its_members_who_may_speak(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    (outsider,) = await site.in_room("musique", "Iris")
    control = site.services.enforcement.control_room
    state = await control("general", moderated=True)
    assert (state.room, state.moderated, state.voiced) == ("general", True, frozenset())
    for visitor in (zoe, marc):
        told = await events(visitor, "room_moderation")
        assert [(f["room"], f["moderated"], f["may_speak"]) for f in told] == [
            ("general", True, False)
        ]
    assert await received(outsider) == []
    with pytest.raises(Refused, match="room_moderated"):
        await site.say(marc, "general", "allô")

    await control("general", voice=marc.id)
    assert [f["may_speak"] for f in await events(marc, "room_moderation")] == [True]
    assert [f["may_speak"] for f in await events(zoe, "room_moderation")] == [False]
    await site.say(marc, "general", "j'ai la parole")
    with pytest.raises(Refused, match="room_moderated"):
        await site.say(zoe, "general", "et moi ?")

    # Nothing changed, nobody is told.
    await control("general", moderated=True)
    assert await events(zoe, "room_moderation") == []
    await control("general", moderated=False)
    for visitor in (zoe, marc):
        assert [f["may_speak"] for f in await events(visitor, "room_moderation")] == [True]
    await site.say(zoe, "general", "enfin")


async def test_voice_binds_the_device_across_a_new_session(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    control = site.services.enforcement.control_room
    await control("general", moderated=True, voice=marc.id)
    with pytest.raises(Refused, match="room_moderated"):
        await site.say(zoe, "general", "pas moi")
    await site.services.sessions.quit(marc.link)
    again = await site.enter("Marco", device=marc.device)
    await site.services.rooms.join(again.link, "general")
    await site.say(again, "general", "toujours la parole")
    await control("general", unvoice=again.id)
    with pytest.raises(Refused, match="room_moderated"):
        await site.say(again, "general", "plus maintenant")


async def test_a_closed_room_is_emptied_and_cannot_be_joined_until_reopened(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    state = await site.services.enforcement.control_room("general", closed=True)
    assert state.closed
    for visitor in (zoe, marc):
        left = {f["user"]["id"]: f["reason"] for f in await events(visitor, "left")}
        assert left.get(visitor.id) == "kicked"
    assert site.services.chat.state.rooms["general"].members == {}
    with pytest.raises(Refused, match="room_closed"):
        await site.services.rooms.join(zoe.link, "general")
    await site.services.enforcement.control_room("general", closed=False)
    assert (await site.services.rooms.join(zoe.link, "general")).room.id == "general"


async def test_a_visitor_room_emptied_by_a_moderator_is_deleted_from_storage(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    await site.services.enforcement.remove_from_room(zoe.id, "les-potes")
    assert "les-potes" not in site.services.chat.state.rooms
    assert await site.store.user_rooms() == []


async def test_a_removed_message_disappears_from_screens_and_history(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    kept = await site.say(zoe, "general", "on parle de quoi ?")
    said = await site.say(marc, "general", "contenu à retirer")
    await received(zoe)
    await site.services.enforcement.remove_message(said)
    for visitor in (zoe, marc):
        assert await events(visitor, "message_deleted") == [
            {"type": "message_deleted", "id": said.id, "room": "general"}
        ]
    iris = await site.enter("Iris")
    history = (await site.services.rooms.join(iris.link, "general")).history
    assert [m.id for m in history] == [kept.id]
