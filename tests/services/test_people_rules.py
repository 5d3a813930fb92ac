"""People: ignores and their list, closing a private conversation, privacy, nickname changes
and a person's card."""

from __future__ import annotations

import pytest
from visitors import Site, Visitor, events

from causette.errors import InvalidInput, NotFound, Refused


async def test_ignore_lists_the_person_by_nick_with_an_entry_id_of_its_own(site: Site) -> None:
    zoe = await site.enter("Zoé")
    bob = await site.enter("Bob")
    entries = await site.services.people.ignore(zoe.link, bob.id)
    assert [(e.nick, e.user_id, e.ignored_device) for e in entries] == [("Bob", bob.id, bob.device)]
    assert entries[0].id != bob.id
    # Ignoring twice keeps one entry.
    assert await site.services.people.ignore(zoe.link, bob.id) == entries
    assert await site.store.ignores_of(zoe.device) == entries


async def test_unignore_restores_delivery_and_is_stored(site: Site) -> None:
    zoe, bob = await site.in_room("general", "Zoé", "Bob")
    (entry,) = await site.services.people.ignore(zoe.link, bob.id)
    assert await site.services.people.unignore(zoe.link, entry.id) == []
    assert await site.store.ignores_of(zoe.device) == []
    await site.say(bob, "general", "me revoilà")
    assert [f["text"] for f in await events(zoe, "message")] == ["me revoilà"]
    with pytest.raises(NotFound, match="user_not_found"):
        await site.services.people.unignore(zoe.link, entry.id)


async def test_ignores_come_back_when_the_ignorer_enters_again_from_the_same_device(
    site: Site,
) -> None:
    zoe, bob, iris = await site.in_room("general", "Zoé", "Bob", "Iris")
    entries = await site.services.people.ignore(zoe.link, bob.id)
    await site.services.sessions.quit(zoe.link)
    link = site.connect(device=zoe.device)
    entered = await site.entered(link, "Zoé")
    assert entered.ignores == entries
    await site.services.rooms.join(link, "general")
    await site.say(bob, "general", "toujours là")
    again = Visitor(link, entered.guest.id, "Zoé", entered.token, zoe.device)
    assert await events(again, "message") == []
    assert len(await events(iris, "message")) == 1


async def test_ignoring_oneself_or_ones_own_device_is_refused(site: Site) -> None:
    zoe = await site.enter("Zoé")
    twin = await site.enter("Jumelle", device=zoe.device)
    for target in (zoe, twin):
        with pytest.raises(Refused, match="cannot_ignore_self"):
            await site.services.people.ignore(zoe.link, target.id)
    with pytest.raises(NotFound, match="user_not_found"):
        await site.services.people.ignore(zoe.link, "0000000000")


async def test_a_closed_conversation_needs_the_privacy_setting_again(site: Site) -> None:
    zoe = await site.enter("Zoé")
    marc = await site.enter("Marc")
    await site.services.people.set_privacy(zoe.link, "everyone")
    await site.tell(marc, zoe, "salut")
    await site.services.people.set_privacy(zoe.link, "nobody")
    # An open conversation goes on whatever the privacy setting...
    await site.tell(marc, zoe, "tu es là ?")
    assert [f["text"] for f in await events(zoe, "message")] == ["salut", "tu es là ?"]
    # ... until Zoé closes it: then her setting applies again, and it is not resumed.
    await site.services.people.close_private(zoe.link, marc.id)
    with pytest.raises(Refused, match="private_refused_nobody"):
        await site.tell(marc, zoe, "allô")
    await site.drop(zoe)
    _, resumed = await site.resume(zoe, 0)
    assert resumed.privates == []


async def test_set_privacy_takes_the_three_settings_only(site: Site) -> None:
    zoe = await site.enter("Zoé")
    for value in ("everyone", "nobody", "shared_room"):
        assert (await site.services.people.set_privacy(zoe.link, value)).value == value
    with pytest.raises(InvalidInput) as refused:
        await site.services.people.set_privacy(zoe.link, "friends")
    assert (refused.value.code, refused.value.params["field"]) == ("bad_request", "privacy")
    assert site.services.chat.state.guests[zoe.id].privacy.value == "shared_room"
    assert [g.privacy.value for g in await site.store.live_guests()] == ["shared_room"]


async def test_a_nickname_change_reaches_roommates_and_private_peers_with_the_old_nick(
    site: Site,
) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    peer = await site.enter("Léo")
    stranger = await site.enter("Iris")
    await site.services.people.set_privacy(peer.link, "everyone")
    await site.tell(zoe, peer, "coucou")
    guest = await site.services.people.set_nick(zoe.link, "Zozo")
    assert (guest.id, guest.view.nick) == (zoe.id, "Zozo")
    for visitor in (marc, peer, zoe):
        updates = await events(visitor, "user_updated")
        assert [(f["user"]["id"], f["user"]["nick"], f["old_nick"]) for f in updates] == [
            (zoe.id, "Zozo", "Zoé")
        ]
    assert await events(stranger, "user_updated") == []
    message = await site.say(zoe, "general", "nouveau nom")
    assert message.sender.nick == "Zozo"


async def test_a_nickname_change_follows_the_entry_rules(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.enter("Iris")
    with pytest.raises(Refused) as taken:
        await site.services.people.set_nick(zoe.link, "1ris")
    assert (taken.value.code, taken.value.params["field"]) == ("nickname_taken", "nickname")
    with pytest.raises(InvalidInput, match="nickname_reserved"):
        await site.services.people.set_nick(zoe.link, "Admin")
    assert site.services.chat.state.guests[zoe.id].profile.nickname == "Zoé"
    # One's own nickname in another spelling is fine, and the old one is free again.
    assert (await site.services.people.set_nick(zoe.link, "ZOE")).view.nick == "ZOE"
    await site.services.people.set_nick(zoe.link, "Zozo")
    assert (await site.enter("Zoé")).nick == "Zoé"


async def test_whois_shows_the_person_and_only_the_rooms_shared(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for visitor in (zoe, marc):
        await site.services.rooms.join(visitor.link, "musique")
    await site.services.rooms.join(zoe.link, "ouest")
    view, shared = site.services.people.whois(marc.link, zoe.id)
    assert (view.id, view.nick, view.location.code) == (zoe.id, "Zoé", "75")
    assert sorted(shared) == ["general", "musique"]
    with pytest.raises(NotFound, match="user_not_found"):
        site.services.people.whois(marc.link, "0000000000")
