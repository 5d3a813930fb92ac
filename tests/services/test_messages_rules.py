"""Messages: text rules, who receives them, their order and ids, pacing, private
conversations and who may open them, and ignores bound to a device."""

from __future__ import annotations

import asyncio

import pytest
from visitors import MakeSite, Site, Visitor, events, received

from causette.errors import InvalidInput, LimitExceeded, NotFound, Refused


async def say(site: Site, visitor: Visitor, text: str, room: str = "general") -> None:
    await site.services.messages.say(visitor.link, text, room, None, False)


# -- text --------------------------------------------------------------------------------


async def test_a_message_longer_than_message_max_is_refused(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"message_max": 20}})
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    with pytest.raises(InvalidInput) as refused:
        await say(site, zoe, "x" * 21)
    assert (refused.value.code, refused.value.params["field"], refused.value.params["max"]) == (
        "message_too_long",
        "text",
        20,
    )
    await say(site, zoe, "y" * 20)
    assert [f["text"] for f in await events(marc, "message")] == ["y" * 20]


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x07\x1b"])
async def test_an_empty_or_blank_message_is_refused(site: Site, text: str) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    with pytest.raises(InvalidInput) as refused:
        await say(site, zoe, text)
    assert (refused.value.code, refused.value.params["field"]) == ("message_empty", "text")
    assert await events(marc, "message") == []


async def test_control_characters_are_stripped_and_markup_kept_as_text(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    markup = "<script>alert(\"x\")</script> &amp; <b onclick='x()'>é</b> 😀"
    await say(site, zoe, f"  {markup}\x00\x1b  ")
    assert [f["text"] for f in await events(marc, "message")] == [markup]
    iris = await site.enter("Iris")
    history = (await site.services.rooms.join(iris.link, "general")).history
    assert [m.text for m in history] == [markup]


async def test_say_needs_exactly_one_of_room_and_recipient(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    with pytest.raises(InvalidInput, match="bad_request"):
        await site.services.messages.say(zoe.link, "x", "general", marc.id, False)
    with pytest.raises(InvalidInput, match="bad_request"):
        await site.services.messages.say(zoe.link, "x", None, None, False)
    assert await events(marc, "message") == []


# -- rooms -------------------------------------------------------------------------------


async def test_a_room_message_reaches_its_members_only_with_one_id(site: Site) -> None:
    zoe, marc, iris = await site.in_room("general", "Zoé", "Marc", "Iris")
    (elsewhere,) = await site.in_room("musique", "Léo")
    message = await site.services.messages.say(zoe.link, "bonjour à tous", "general", None, True)
    for visitor in (zoe, marc, iris):
        frames = await events(visitor, "message")
        assert [(f["id"], f["room"], f["to"], f["text"], f["action"]) for f in frames] == [
            (message.id, "general", None, "bonjour à tous", True)
        ]
        assert frames[0]["from"]["id"] == zoe.id
        assert "postal_code" not in frames[0]["from"]
    assert await received(elsewhere) == []
    # Durable before it was announced: it is in storage.
    stored = await site.store.get_message(message.id)
    assert stored is not None
    assert (stored.text, stored.sender_device) == ("bonjour à tous", zoe.device)


async def test_saying_in_a_room_one_is_not_in_is_refused(site: Site) -> None:
    (marc,) = await site.in_room("general", "Marc")
    zoe = await site.enter("Zoé")
    with pytest.raises(Refused, match="not_in_room"):
        await say(site, zoe, "coucou")
    with pytest.raises(NotFound, match="room_not_found"):
        await say(site, zoe, "x", room="nulle-part")
    assert await events(marc, "message") == []


async def test_message_ids_increase_across_rooms_and_senders(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for visitor in (zoe, marc):
        await site.services.rooms.join(visitor.link, "musique")
    await received(zoe)
    said = [
        await site.say(zoe, "general", "un"),
        await site.say(marc, "musique", "deux"),
        await site.say(zoe, "musique", "trois"),
        await site.say(marc, "general", "quatre"),
    ]
    ids = [m.id for m in said]
    assert ids == sorted(set(ids))
    assert [f["id"] for f in await events(zoe, "message")] == ids


async def test_messages_sent_together_are_stored_and_delivered_in_id_order(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    said = await asyncio.gather(
        *(site.say(v, "general", f"m{n}") for n in range(4) for v in (zoe, marc))
    )
    ids = [m.id for m in said]
    assert [f["id"] for f in await events(zoe, "message")] == sorted(ids)
    history = await site.store.room_history("general", 50, 0)
    assert [m.id for m in history] == sorted(ids)


async def test_each_message_records_its_connection_apart_from_the_chat_store(site: Site) -> None:
    (zoe,) = await site.in_room("general", "Zoé")
    message = await site.say(zoe, "general", "trace")
    (record,) = await site.connections.of_messages([message.id])
    assert (record.guest_id, record.ip, record.protocol) == (zoe.id, zoe.link.ip, "web")
    assert record.ts == site.clock.wall()


# -- pacing ------------------------------------------------------------------------------


async def test_messages_beyond_the_burst_are_rate_limited_then_refill(
    make_site: MakeSite,
) -> None:
    site = await make_site({"limits": {"burst": 3, "rate_per_second": 0.5}})
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for n in range(3):
        await say(site, zoe, f"m{n}")
    with pytest.raises(LimitExceeded) as refused:
        await say(site, zoe, "de trop")
    assert refused.value.code == "rate_limited"
    assert refused.value.params["retry_after"] == pytest.approx(2.0)
    await site.advance(1.9)
    with pytest.raises(LimitExceeded):
        await say(site, zoe, "encore trop tôt")
    await site.advance(0.1)
    await say(site, zoe, "m3")
    with pytest.raises(LimitExceeded):
        await say(site, zoe, "de trop")
    assert [f["text"] for f in await events(marc, "message")] == ["m0", "m1", "m2", "m3"]
    # The bucket is per guest: Marc still has his whole burst.
    for n in range(3):
        await say(site, marc, f"marc{n}")


# -- private conversations ---------------------------------------------------------------


async def test_default_privacy_accepts_only_someone_sharing_a_room(site: Site) -> None:
    (zoe,) = await site.in_room("general", "Zoé")
    (marc,) = await site.in_room("musique", "Marc")
    with pytest.raises(Refused, match="private_refused_shared_room"):
        await site.tell(marc, zoe, "salut")
    assert await received(zoe) == []
    await site.services.rooms.join(marc.link, "general")
    message = await site.tell(marc, zoe, "salut")
    frames = await events(zoe, "message")
    assert [(f["id"], f["room"], f["to"]["id"], f["from"]["id"]) for f in frames] == [
        (message.id, None, zoe.id, marc.id)
    ]


async def test_both_sides_and_only_they_receive_a_private_message(site: Site) -> None:
    zoe, marc, iris = await site.in_room("general", "Zoé", "Marc", "Iris")
    await site.tell(marc, zoe, "rien que pour toi")
    assert await events(marc, "message") == await events(zoe, "message") != []
    assert await events(iris, "message") == []


async def test_privacy_nobody_refuses_even_a_shared_room(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    assert (await site.services.people.set_privacy(zoe.link, "nobody")).value == "nobody"
    with pytest.raises(Refused, match="private_refused_nobody"):
        await site.tell(marc, zoe, "salut")
    assert await events(zoe, "message") == []


async def test_privacy_everyone_accepts_a_stranger(site: Site) -> None:
    zoe = await site.enter("Zoé")
    marc = await site.enter("Marc")
    await site.services.people.set_privacy(zoe.link, "everyone")
    await site.tell(marc, zoe, "salut")
    assert [f["text"] for f in await events(zoe, "message")] == ["salut"]


async def test_the_recipient_may_reply_once_the_conversation_exists(site: Site) -> None:
    zoe = await site.enter("Zoé")
    marc = await site.enter("Marc")  # shared_room, in no room
    await site.services.people.set_privacy(zoe.link, "everyone")
    with pytest.raises(Refused, match="private_refused_shared_room"):
        await site.tell(zoe, marc, "x")
    await site.tell(marc, zoe, "salut")
    await site.tell(zoe, marc, "re")
    assert [f["text"] for f in await events(marc, "message")] == ["salut", "re"]
    # Both sessions remember the conversation, so a restart or a resume keeps it.
    stored = {g.id: g.privates for g in await site.store.live_guests()}
    assert stored == {zoe.id: (marc.id,), marc.id: (zoe.id,)}


async def test_writing_to_oneself_or_to_nobody_is_refused(site: Site) -> None:
    zoe = await site.enter("Zoé")
    with pytest.raises(Refused, match="private_self"):
        await site.tell(zoe, zoe, "x")
    with pytest.raises(NotFound, match="user_not_found"):
        await site.services.messages.say(zoe.link, "x", None, "0000000000", False)


# -- ignores -----------------------------------------------------------------------------


async def test_an_ignored_persons_room_messages_reach_everyone_but_the_ignorer(
    site: Site,
) -> None:
    zoe, bob, iris = await site.in_room("general", "Zoé", "Bob", "Iris")
    await site.services.people.ignore(zoe.link, bob.id)
    await say(site, bob, "tu m'entends ?")
    assert [f["text"] for f in await events(iris, "message")] == ["tu m'entends ?"]
    assert [f["text"] for f in await events(bob, "message")] == ["tu m'entends ?"]
    assert await events(zoe, "message") == []


async def test_a_private_message_from_an_ignored_person_is_refused(site: Site) -> None:
    zoe, bob = await site.in_room("general", "Zoé", "Bob")
    await site.services.people.set_privacy(zoe.link, "everyone")
    await site.services.people.ignore(zoe.link, bob.id)
    with pytest.raises(Refused, match="private_refused_nobody"):
        await site.tell(bob, zoe, "psst")
    assert await events(zoe, "message") == []


async def test_an_ignore_binds_the_device_across_a_nickname_change_and_a_new_session(
    site: Site,
) -> None:
    zoe, bob, iris = await site.in_room("general", "Zoé", "Bob", "Iris")
    await site.services.people.set_privacy(zoe.link, "everyone")
    await site.services.people.ignore(zoe.link, bob.id)
    await site.services.people.set_nick(bob.link, "Robert")
    await say(site, bob, "c'est encore moi")
    assert len(await events(iris, "message")) == 1
    assert await events(zoe, "message") == []

    await site.services.sessions.quit(bob.link)
    toto = await site.enter("Toto", device=bob.device)
    await site.services.rooms.join(toto.link, "general")
    await say(site, toto, "nouveau pseudo")
    assert [f["from"]["id"] for f in await events(iris, "message")] == [toto.id]
    assert await events(zoe, "message") == []
    with pytest.raises(Refused, match="private_refused_nobody"):
        await site.tell(toto, zoe, "x")
    # Someone else from another device is not hidden.
    await say(site, iris, "moi aussi")
    assert [f["text"] for f in await events(zoe, "message")] == ["moi aussi"]
