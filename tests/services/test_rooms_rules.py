"""Rooms: joining and parting, limits, visitor rooms and their owners, the room list, and
the history a newcomer is given."""

from __future__ import annotations

import pytest
from visitors import MakeSite, Site, events, received

from causette.errors import CausetteError, LimitExceeded, NotFound, Refused

HOUR = 3600.0


async def test_join_by_name_gives_the_room_with_its_members(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.join(zoe.link, "general")
    marc = await site.enter("Marc")
    joined = await site.services.rooms.join(marc.link, "Général")  # by name, too
    room = joined.room
    assert (room.id, room.name, room.kind.value, room.owner) == (
        "general",
        "Général",
        "official",
        None,
    )
    assert [m.nick for m in joined.members] == ["Zoé", "Marc"]
    assert joined.history == []


async def test_members_hear_who_joins_but_not_the_joiner(site: Site) -> None:
    (zoe,) = await site.in_room("general", "Zoé")
    outsider = await site.enter("Iris")
    marc = await site.enter("Marc")
    await site.services.rooms.join(marc.link, "general")
    joined = await events(zoe, "joined")
    assert [(f["room"], f["user"]["id"]) for f in joined] == [("general", marc.id)]
    assert await events(marc, "joined") == []
    assert await events(outsider, "joined") == []
    # Joining again is a no-op: nobody hears it twice.
    await site.services.rooms.join(marc.link, "general")
    assert await events(zoe, "joined") == []


async def test_part_tells_the_others_with_reason_part(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.services.rooms.part(marc.link, "general")
    left = await events(zoe, "left")
    assert [(f["room"], f["user"]["id"], f["reason"]) for f in left] == [
        ("general", marc.id, "part")
    ]
    with pytest.raises(Refused, match="not_in_room"):
        await site.say(marc, "general", "x")
    with pytest.raises(Refused, match="not_in_room"):
        await site.services.rooms.part(marc.link, "general")


async def test_joining_beyond_rooms_max_is_refused(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"rooms_max": 2}})
    zoe = await site.enter("Zoé")
    await site.services.rooms.join(zoe.link, "general")
    await site.services.rooms.join(zoe.link, "musique")
    with pytest.raises(LimitExceeded) as refused:
        await site.services.rooms.join(zoe.link, "ouest")
    assert (refused.value.code, refused.value.params["max"]) == ("rooms_max", 2)
    assert "ouest" not in site.services.chat.state.guests[zoe.id].rooms
    # Joining a room one is already in is not a new room.
    await site.services.rooms.join(zoe.link, "general")
    with pytest.raises(LimitExceeded, match="rooms_max"):
        await site.services.rooms.create_room(zoe.link, "Les Potes", "")


async def test_an_unknown_room_is_room_not_found(site: Site) -> None:
    zoe = await site.enter("Zoé")
    with pytest.raises(NotFound, match="room_not_found"):
        await site.services.rooms.join(zoe.link, "nulle-part")


async def test_create_room_makes_the_creator_owner_and_member_and_stores_it(site: Site) -> None:
    zoe = await site.enter("Zoé")
    joined = await site.services.rooms.create_room(zoe.link, "Les Potes", "Entre amis")
    room = joined.room
    assert (room.id, room.name, room.topic, room.kind.value) == (
        "les-potes",
        "Les Potes",
        "Entre amis",
        "user",
    )
    assert room.owner == zoe.id
    assert [m.id for m in joined.members] == [zoe.id]
    assert [r.id for r in await site.store.user_rooms()] == ["les-potes"]
    await site.say(zoe, "les-potes", "bienvenue")


@pytest.mark.parametrize(
    ("name", "topic", "code", "field"),
    [
        ("a", "", "room_name_length", "room"),
        ("x" * 31, "", "room_name_length", "room"),
        ("<script>", "", "room_name_chars", "room"),
        ("Modo", "", "room_name_reserved", "room"),
        ("Les Potes", "t" * 201, "topic_length", "topic"),
    ],
)
async def test_create_room_refuses_bad_names_and_topics(
    site: Site, name: str, topic: str, code: str, field: str
) -> None:
    zoe = await site.enter("Zoé")
    with pytest.raises(CausetteError) as refused:
        await site.services.rooms.create_room(zoe.link, name, topic)
    assert (refused.value.code, refused.value.params["field"]) == (code, field)
    assert not [r for r in site.services.rooms.room_list(zoe.link) if r.kind.value == "user"]


async def test_look_alike_room_names_are_room_exists(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    for name in ("les potes", "Les-P0tes", "LES_POTES", "Generai"):
        with pytest.raises(Refused) as refused:
            await site.services.rooms.create_room(zoe.link, name, "")
        assert (refused.value.code, refused.value.params["field"]) == ("room_exists", "room")


async def test_user_rooms_max_caps_the_rooms_visitors_create(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"user_rooms_max": 1}})
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    marc = await site.enter("Marc")
    with pytest.raises(LimitExceeded, match="user_rooms_max"):
        await site.services.rooms.create_room(marc.link, "Autre", "")


async def test_the_owner_changes_the_topic_and_members_hear_it(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "avant")
    marc = await site.enter("Marc")
    outsider = await site.enter("Iris")
    await site.services.rooms.join(marc.link, "les-potes")
    await site.services.rooms.set_topic(zoe.link, "les-potes", "après")
    for visitor in (zoe, marc):
        topics = await events(visitor, "topic")
        assert [(f["room"], f["topic"], f["by"]["id"]) for f in topics] == [
            ("les-potes", "après", zoe.id)
        ]
    assert await events(outsider, "topic") == []
    assert [r.topic for r in await site.store.user_rooms()] == ["après"]


async def test_only_the_owner_of_a_visitor_room_sets_its_topic(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "avant")
    marc = await site.enter("Marc")
    await site.services.rooms.join(marc.link, "les-potes")
    await received(zoe)
    with pytest.raises(Refused, match="not_room_owner"):
        await site.services.rooms.set_topic(marc.link, "les-potes", "pirate")
    assert site.services.chat.state.rooms["les-potes"].topic == "avant"
    assert await events(zoe, "topic") == []
    # Nobody owns an official room.
    await site.services.rooms.join(marc.link, "general")
    with pytest.raises(Refused, match="not_room_owner"):
        await site.services.rooms.set_topic(marc.link, "general", "x")


async def test_the_owner_kicks_a_guest_who_hears_it(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    marc = await site.enter("Marc")
    await site.services.rooms.join(marc.link, "les-potes")
    await received(zoe)
    await site.services.rooms.kick(zoe.link, "les-potes", marc.id)
    for visitor in (marc, zoe):
        left = await events(visitor, "left")
        assert [(f["room"], f["user"]["id"], f["reason"], f["by"]["id"]) for f in left] == [
            ("les-potes", marc.id, "kicked", zoe.id)
        ]
    with pytest.raises(Refused, match="not_in_room"):
        await site.say(marc, "les-potes", "x")
    await site.say(zoe, "les-potes", "tranquille")
    assert await events(marc, "message") == []


async def test_only_the_owner_kicks_and_not_themself(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    marc = await site.enter("Marc")
    await site.services.rooms.join(marc.link, "les-potes")
    with pytest.raises(Refused, match="not_room_owner"):
        await site.services.rooms.kick(marc.link, "les-potes", zoe.id)
    with pytest.raises(Refused, match="cannot_kick_self"):
        await site.services.rooms.kick(zoe.link, "les-potes", zoe.id)
    assert list(site.services.chat.state.rooms["les-potes"].members) == [zoe.id, marc.id]


async def test_a_visitor_room_is_deleted_when_its_last_member_parts(site: Site) -> None:
    zoe = await site.enter("Zoé")
    marc = await site.enter("Marc")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    await site.services.rooms.part(zoe.link, "les-potes")
    assert await site.store.user_rooms() == []
    with pytest.raises(NotFound, match="room_not_found"):
        await site.services.rooms.join(marc.link, "les-potes")
    # The name is free again.
    assert (await site.services.rooms.create_room(marc.link, "Les Potes", "")).room.owner == marc.id


async def test_a_visitor_room_is_deleted_when_its_last_member_leaves_the_chat(
    site: Site,
) -> None:
    zoe = await site.enter("Zoé")
    iris = await site.enter("Iris")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    await site.services.rooms.create_room(iris.link, "Autre Salon", "")
    await site.services.sessions.quit(zoe.link)
    await site.drop(iris)
    await site.advance(site.settings.session.grace_seconds + 1)
    assert await site.store.user_rooms() == []
    assert not {"les-potes", "autre-salon"} & set(site.services.chat.state.rooms)


async def test_an_official_room_stays_when_emptied(site: Site) -> None:
    (zoe,) = await site.in_room("general", "Zoé")
    await site.services.rooms.part(zoe.link, "general")
    assert "general" in site.services.chat.state.rooms


async def test_the_room_list_change_flag_is_raised_by_each_change_and_taken_once(
    site: Site,
) -> None:
    rooms = site.services.rooms
    assert rooms.take_room_list_change() is not None  # the first broadcast
    assert rooms.take_room_list_change() is None
    zoe = await site.enter("Zoé")
    changed = rooms.take_room_list_change()
    assert changed is not None
    await rooms.join(zoe.link, "general")
    counts = {r.id: r.count for r in rooms.take_room_list_change() or []}
    assert counts["general"] == 1
    assert rooms.take_room_list_change() is None
    await rooms.create_room(zoe.link, "Les Potes", "")
    listed = rooms.take_room_list_change() or []
    assert [(r.id, r.count, r.owner) for r in listed if r.id == "les-potes"] == [
        ("les-potes", 1, zoe.id)
    ]
    await rooms.part(zoe.link, "general")
    assert {r.id: r.count for r in rooms.take_room_list_change() or []}["general"] == 0
    await site.services.sessions.quit(zoe.link)
    assert "les-potes" not in {r.id for r in rooms.take_room_list_change() or []}
    # A refused verb changes nothing.
    marc = await site.enter("Marc")
    rooms.take_room_list_change()
    with pytest.raises(NotFound):
        await rooms.join(marc.link, "nulle-part")
    assert rooms.take_room_list_change() is None


# -- history -----------------------------------------------------------------------------


async def test_history_holds_exactly_the_last_n_messages_of_that_room_in_order(
    make_site: MakeSite,
) -> None:
    site = await make_site({"history": {"count": 3}})
    (zoe,) = await site.in_room("general", "Zoé")
    await site.services.rooms.join(zoe.link, "musique")
    said = [await site.say(zoe, "general", f"message {n}") for n in range(1, 6)]
    await site.say(zoe, "musique", "ailleurs")
    marc = await site.enter("Marc")
    history = (await site.services.rooms.join(marc.link, "general")).history
    assert [m.id for m in history] == [m.id for m in said[2:]]
    assert [m.text for m in history] == ["message 3", "message 4", "message 5"]
    assert all(m.room == "general" and m.sender.id == zoe.id for m in history)


async def test_history_holds_only_messages_younger_than_its_max_age(
    make_site: MakeSite,
) -> None:
    site = await make_site({"history": {"max_age_hours": 2}})
    (zoe,) = await site.in_room("general", "Zoé")
    await site.say(zoe, "general", "trop vieux")
    await site.advance(1 * HOUR)
    kept = await site.say(zoe, "general", "encore là")
    await site.advance(1 * HOUR + 1)
    marc = await site.enter("Marc")
    history = (await site.services.rooms.join(marc.link, "general")).history
    assert [m.id for m in history] == [kept.id]


async def test_history_on_join_hides_messages_of_ignored_people(site: Site) -> None:
    zoe, bob = await site.in_room("general", "Zoé", "Bob")
    await site.services.people.ignore(zoe.link, bob.id)
    iris = await site.enter("Iris")
    for visitor in (bob, iris):
        await site.services.rooms.join(visitor.link, "musique")
    await site.say(bob, "musique", "de Bob")
    kept = await site.say(iris, "musique", "d'Iris")
    history = (await site.services.rooms.join(zoe.link, "musique")).history
    assert [m.id for m in history] == [kept.id]
