"""One person, several connections (browser tabs): each live with its own stream and its own
replay, kept in step with the others; away while none is left; quit from one quits them all.
Also the older history a tab loads when scrolled up, and the short ban a room owner's kick
leaves."""

from __future__ import annotations

import pytest
from visitors import MakeSite, Site, Visitor, closed_reason, events, received

from causette.errors import InvalidInput, Refused


async def second_tab(site: Site, zoe: Visitor, last_event_id: int = 0) -> Visitor:
    """Zoé opens another tab: a new connection from her browser resumes her session."""
    tab, _ = await site.resume(zoe, last_event_id)
    await received(tab)
    return tab


async def test_a_second_tab_joins_the_session_and_both_stay_live(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    tab = await second_tab(site, zoe)
    assert (closed_reason(zoe), closed_reason(tab)) == (None, None)
    said = await site.say(marc, "general", "pour tous les onglets")
    assert [f["id"] for f in await events(zoe, "message")] == [said.id]
    assert [f["id"] for f in await events(tab, "message")] == [said.id]
    # Both speak for her, as the same person.
    mine = await site.say(tab, "general", "depuis le second onglet")
    assert [f["from"]["id"] for f in await events(marc, "message")] == [marc.id, zoe.id]
    assert [f["id"] for f in await events(zoe, "message")] == [mine.id]
    await site.say(zoe, "general", "depuis le premier")
    # Nobody saw her leave or come back; the people list has her once.
    assert [f["type"] for f in await received(marc)] == ["message"]
    assert list(site.services.chat.state.rooms["general"].members) == [zoe.id, marc.id]


async def test_closing_one_tab_leaves_the_session_live_in_the_other(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    tab = await second_tab(site, zoe)
    await site.drop(zoe)
    await site.advance(site.settings.session.grace_seconds + 1)
    assert site.present(zoe)
    assert await events(marc, "user_updated") == []  # never shown as away
    said = await site.say(marc, "general", "toujours là ?")
    assert [f["id"] for f in await events(tab, "message")] == [said.id]


async def test_each_connection_resumes_from_its_own_position(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    tab = await second_tab(site, zoe)
    first = await site.say(marc, "general", "vu par les deux")
    await received(tab)
    await site.drop(zoe)  # the first tab loses its connection; the second stays
    missed = await site.say(marc, "general", "pendant la coupure du premier")
    assert [f["id"] for f in await events(tab, "message")] == [missed.id]
    back, resumed = await site.resume(zoe, first.id)
    assert [m.id for m in resumed.missed] == [missed.id]
    assert [f["id"] for f in await events(back, "message")] == [missed.id]
    # The tab that stayed is not sent the replay again.
    assert await events(tab, "message") == []


async def test_a_fresh_tab_gets_each_room_recent_history_and_only_its_privates(
    site: Site,
) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    said = [await site.say(marc, "general", f"m{n}") for n in range(3)]
    private = await site.tell(marc, zoe, "en privé")
    link = site.connect(device=zoe.device)
    resumed = await site.services.sessions.resume(link, zoe.token, 0, fresh=True)
    (general,) = resumed.joined
    assert [m.id for m in general.history] == [m.id for m in said]
    assert [m.id for m in resumed.missed] == [private.id]
    answer = '{"type":"ack","re":"r"}'
    site.services.sessions.finish_resume(link, answer, resumed)
    frames = await received(Visitor(link, zoe.id, zoe.nick, zoe.token, zoe.device))
    assert [(f["type"], f.get("id")) for f in frames] == [("ack", None), ("message", private.id)]


async def test_quit_from_one_tab_ends_the_session_and_closes_the_others(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    tab = await second_tab(site, zoe)
    await site.services.sessions.quit(tab.link)
    assert not site.present(zoe)
    assert closed_reason(zoe) == "session_ended"
    assert not site.hub.is_attached(zoe.id)
    left = await events(marc, "left")
    assert [(f["user"]["id"], f["reason"]) for f in left] == [(zoe.id, "quit")]
    # The closed tab can no longer act for her, even with a request in flight.
    with pytest.raises(Refused, match="not_entered"):
        await site.say(zoe, "general", "trop tard")
    await site.drop(zoe)  # its socket closing afterwards changes nothing
    assert await events(marc, "left") == []


async def test_what_one_tab_does_reaches_the_others(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    tab = await second_tab(site, zoe)
    rooms = site.services.rooms
    await rooms.join(zoe.link, "18-25")
    assert [f["room"] for f in await events(tab, "room_entered")] == ["18-25"]
    assert await events(zoe, "room_entered") == []  # the answer told the first tab
    # The other tab joins in its turn to get the room's state: nothing changes for others.
    joined = await rooms.join(tab.link, "18-25")
    assert [v.id for v in joined.members] == [zoe.id]
    await rooms.part(tab.link, "18-25")
    left = await events(zoe, "left")
    assert [(f["room"], f["user"]["id"], f["reason"]) for f in left] == [("18-25", zoe.id, "part")]
    assert await events(tab, "left") == []
    await rooms.create_room(tab.link, "Les Potes", "")
    assert [f["room"] for f in await events(zoe, "room_entered")] == ["les-potes"]

    people = site.services.people
    await site.tell(marc, tab, "coucou")
    await received(zoe)
    await people.close_private(zoe.link, marc.id)
    assert [f["user"] for f in await events(tab, "private_dismissed")] == [marc.id]
    await people.set_privacy(tab.link, "nobody")
    assert [f["privacy"] for f in await events(zoe, "privacy")] == ["nobody"]
    await people.ignore(zoe.link, marc.id)
    (ignores,) = await events(tab, "ignores")
    assert [e["user"] for e in ignores["ignores"]] == [marc.id]
    await people.set_nick(tab.link, "Zoéline")
    assert [f["user"]["nick"] for f in await events(zoe, "user_updated")] == ["Zoéline"]


async def test_people_in_the_grace_period_are_shown_away_then_back(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    (away,) = await events(marc, "user_updated")
    assert (away["user"]["id"], away["user"].get("away"), away["old_nick"]) == (
        zoe.id,
        True,
        zoe.nick,
    )
    late = await site.enter("Iris")
    joined = await site.services.rooms.join(late.link, "general")
    assert {v.id: v.away for v in joined.members} == {zoe.id: True, marc.id: False, late.id: False}
    back, resumed = await site.resume(zoe, 0)
    assert not resumed.guest.view.away
    (returned,) = await events(marc, "user_updated")
    assert (returned["user"]["id"], "away" in returned["user"]) == (zoe.id, False)
    # Her own messages never carry presence.
    await site.say(back, "general", "me revoilà")
    (message,) = await events(marc, "message")
    assert "away" not in message["from"]


async def test_older_history_pages_back_within_the_shown_age(make_site: MakeSite) -> None:
    site = await make_site({"history": {"count": 3, "max_age_hours": 1}, "limits": {"burst": 100}})
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    old = await site.say(marc, "general", "trop ancien")
    await site.advance(2 * 3600)
    said = [await site.say(marc, "general", f"m{n}") for n in range(7)]
    await site.services.people.ignore(zoe.link, marc.id)
    iris = await site.enter("Iris")
    await site.services.rooms.join(iris.link, "general")
    rooms = site.services.rooms
    page = await rooms.history_before(iris.link, "general", said[4].id)
    assert [m.id for m in page] == [m.id for m in said[1:4]]
    page = await rooms.history_before(iris.link, "general", said[1].id)
    assert [m.id for m in page] == [said[0].id]  # not the message past the shown age
    assert old.id < said[0].id
    # Those one ignores stay out; one must be in the room; the id must be one.
    assert await rooms.history_before(zoe.link, "general", said[6].id) == []
    with pytest.raises(Refused, match="not_in_room"):
        await rooms.history_before(iris.link, "18-25", said[6].id)
    with pytest.raises(InvalidInput, match="bad_request"):
        await rooms.history_before(iris.link, "general", 0)


async def test_a_kicked_person_may_not_rejoin_before_the_kick_ban_ends(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    marc = await site.enter("Marc")
    rooms = site.services.rooms
    await rooms.join(marc.link, "les-potes")
    await rooms.kick(zoe.link, "les-potes", marc.id)
    with pytest.raises(Refused, match="room_kick_banned") as refused:
        await rooms.join(marc.link, "les-potes")
    until = refused.value.params["until"]
    assert (
        until
        == site.clock.wall() + site.settings.limits.kick_ban_seconds
        == (site.clock.wall() + 300)
    )
    # Bound to the device: a new session from the same browser is kept out too.
    await site.services.sessions.quit(marc.link)
    again = await site.enter("Marco", device=marc.device)
    with pytest.raises(Refused, match="room_kick_banned"):
        await rooms.join(again.link, "les-potes")
    await rooms.join(again.link, "general")  # other rooms are open
    await site.advance(301)
    await rooms.join(again.link, "les-potes")
    assert again.id in site.services.chat.state.rooms["les-potes"].members


async def test_a_kick_ban_of_zero_lets_the_person_back_at_once(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"kick_ban_seconds": 0}})
    zoe = await site.enter("Zoé")
    await site.services.rooms.create_room(zoe.link, "Les Potes", "")
    marc = await site.enter("Marc")
    await site.services.rooms.join(marc.link, "les-potes")
    await site.services.rooms.kick(zoe.link, "les-potes", marc.id)
    await site.services.rooms.join(marc.link, "les-potes")
