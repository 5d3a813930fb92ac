"""Age bands (SAFETY.md 1, 5): on a site with a teen band, a declared minor and a declared
adult never see each other in room lists, user lists, ``whois``, never open or continue a
private conversation, and never join each other's rooms. Below every transport."""

from __future__ import annotations

from typing import Any

import pytest
from visitors import MakeSite, Site, Visitor, received

from causette import config
from causette.domain.events import RoomListChanged
from causette.domain.models import AgeBand
from causette.errors import ConfigError, NotFound, Refused

TEEN_SITE: dict[str, Any] = {
    "entry": {"min_age": 15, "adult_age": 18},
    "rooms": [
        {"name": "Ados", "topic": "15-17 ans", "band": "teen"},
        {"name": "Lycée", "topic": "", "band": "teen"},
        {"name": "general", "topic": ""},
    ],
}


@pytest.fixture
async def teen_site(make_site: MakeSite) -> Site:
    return await make_site(TEEN_SITE)


async def people(site: Site) -> tuple[Visitor, Visitor, Visitor]:
    """Lea (16) and Tom (17) are teens, Marc (35) an adult; all accept private messages."""
    lea = await site.enter("Lea", age=16)
    tom = await site.enter("Tom", age=17)
    marc = await site.enter("Marc", age=35)
    for v in (lea, tom, marc):
        await site.services.people.set_privacy(v.link, "everyone")
        await received(v)
    return lea, tom, marc


def config_error(document: dict[str, Any]) -> tuple[str, str]:
    with pytest.raises(ConfigError) as caught:
        config.parse(document)
    return str(caught.value.params["key"]), str(caught.value.params["problem"])


def test_a_teen_room_needs_a_teen_band_and_a_teen_band_needs_a_teen_room() -> None:
    key, _ = config_error({"rooms": [{"name": "Ados", "topic": "", "band": "teen"}]})
    assert key == "rooms[0].band"
    key, problem = config_error(
        {"entry": {"min_age": 15}, "rooms": [{"name": "general", "topic": ""}]}
    )
    assert (key, "teen" in problem) == ("rooms", True)
    key, problem = config_error({"rooms": [{"name": "general", "topic": "", "band": "kids"}]})
    assert (key, "must be one of" in problem) == ("rooms[0].band", True)
    settings = config.parse(TEEN_SITE)
    assert [r.band for r in settings.rooms] == ["teen", "teen", "adult"]
    assert config.parse({}).entry.adult_age == 18


async def test_each_band_sees_only_its_rooms(teen_site: Site) -> None:
    lea, _, marc = await people(teen_site)
    rooms = teen_site.services.rooms
    assert [r.id for r in rooms.room_list(lea.link)] == ["ados", "lycee"]
    assert [r.id for r in rooms.room_list(marc.link)] == ["general"]
    entered = await teen_site.entered(teen_site.connect(), "Nina", age=15)
    assert [r.id for r in entered.rooms] == ["ados", "lycee"]


async def test_nobody_joins_a_room_of_the_other_band(teen_site: Site) -> None:
    lea, _, marc = await people(teen_site)
    rooms = teen_site.services.rooms
    with pytest.raises(Refused) as adult_room:
        await rooms.join(lea.link, "general")
    assert adult_room.value.code == "room_band_adult"
    with pytest.raises(Refused) as teen_room:
        await rooms.join(marc.link, "Ados")
    assert teen_room.value.code == "room_band_teen"
    assert (await rooms.join(lea.link, "ados")).room.id == "ados"
    assert lea.id not in teen_site.services.chat.state.rooms["general"].members


async def test_user_lists_hold_one_band(teen_site: Site) -> None:
    lea, tom, marc = await people(teen_site)
    rooms = teen_site.services.rooms
    await rooms.join(lea.link, "ados")
    joined = await rooms.join(tom.link, "ados")
    assert {u.id for u in joined.members} == {lea.id, tom.id}
    assert [f["type"] for f in await received(lea)] == ["joined"]
    # The adult hears nothing of it.
    await rooms.join(marc.link, "general")
    assert all(f.get("room") != "ados" for f in await received(marc))


async def test_whois_of_the_other_band_finds_nobody(teen_site: Site) -> None:
    lea, tom, marc = await people(teen_site)
    whois = teen_site.services.people.whois
    assert whois(lea.link, tom.id)[0].nick == "Tom"
    for viewer, target in ((marc, lea), (lea, marc)):
        with pytest.raises(NotFound) as hidden:
            whois(viewer.link, target.id)
        assert hidden.value.code == "user_not_found"
    with pytest.raises(NotFound, match="user_not_found"):
        await teen_site.services.people.ignore(marc.link, lea.id)


async def test_no_private_conversation_opens_across_bands(teen_site: Site) -> None:
    lea, tom, marc = await people(teen_site)
    for sender, target in ((marc, lea), (lea, marc)):
        with pytest.raises(NotFound, match="user_not_found"):
            await teen_site.tell(sender, target, "salut")
    assert await received(lea) == []
    assert await received(marc) == []
    await teen_site.tell(lea, tom, "coucou")
    assert [f["type"] for f in await received(tom)] == ["message"]


async def test_no_private_conversation_continues_across_bands(teen_site: Site) -> None:
    """A conversation both took part in (restored from before a band changed) stays shut."""
    lea, _, marc = await people(teen_site)
    state = teen_site.services.chat.state
    state.guests[lea.id].privates[marc.id] = None
    state.guests[marc.id].privates[lea.id] = None
    for sender, target in ((marc, lea), (lea, marc)):
        with pytest.raises(NotFound, match="user_not_found"):
            await teen_site.tell(sender, target, "tu es là ?")


async def test_a_visitor_room_takes_its_creators_band(teen_site: Site) -> None:
    lea, tom, marc = await people(teen_site)
    rooms = teen_site.services.rooms
    created = await rooms.create_room(lea.link, "Les potes", "")
    assert created.room.band is AgeBand.TEEN
    assert "les-potes" in {r.id for r in rooms.room_list(tom.link)}
    assert "les-potes" not in {r.id for r in rooms.room_list(marc.link)}
    with pytest.raises(Refused, match="room_band_teen"):
        await rooms.join(marc.link, "les-potes")
    adults = await rooms.create_room(marc.link, "Apéro", "")
    assert adults.room.band is AgeBand.ADULT
    with pytest.raises(Refused, match="room_band_adult"):
        await rooms.join(tom.link, "apero")
    # The band is stored with the room, for a restart.
    stored = {r.id: r.band for r in await teen_site.store.user_rooms()}
    assert stored == {"les-potes": AgeBand.TEEN, "apero": AgeBand.ADULT}


async def test_the_room_list_broadcast_is_one_list_per_band(teen_site: Site) -> None:
    lea, tom, marc = await people(teen_site)
    rooms = teen_site.services.rooms
    await rooms.join(lea.link, "ados")
    updates = rooms.take_room_list_updates()
    assert updates is not None
    by_band = {}
    for update in updates:
        assert isinstance(update.event, RoomListChanged)
        by_band[frozenset(update.recipients)] = [r.id for r in update.event.rooms]
    assert by_band == {
        frozenset({marc.id}): ["general"],
        frozenset({lea.id, tom.id}): ["ados", "lycee"],
    }
    assert rooms.take_room_list_updates() is None


async def test_without_teens_the_list_goes_to_every_connection(site: Site) -> None:
    await site.enter("Zoe")
    updates = site.services.rooms.take_room_list_updates()
    assert updates is not None
    assert len(updates) == 1
    assert updates[0].recipients == ()


async def test_the_minors_flags_are_kept_with_the_session(teen_site: Site) -> None:
    marc = await teen_site.enter("Marc", age=35)
    guest = teen_site.services.chat.state.guests[marc.id]
    guest.disclosed_minor = True
    guest.possible_minor = True
    await teen_site.services.chat.persist(guest)
    (stored,) = await teen_site.store.live_guests()
    assert (stored.disclosed_minor, stored.possible_minor) == (True, True)
    assert teen_site.services.chat.state.band(guest) is AgeBand.TEEN
