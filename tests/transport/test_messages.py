"""Messages in rooms: delivery to every member, ids, actions and the text rules."""

from __future__ import annotations

import re

from harness import Connector, Launcher, Server, entered, in_room

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


async def test_room_message_reaches_every_member_with_the_same_id(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc, iris = await in_room(connect_client, server, "general", "Zoé", "Marc", "Iris")
    ack = await zoe.say("general", "bonjour à tous")
    assert ISO_UTC.match(ack["ts"])
    for client in (zoe, marc, iris):
        message = await client.next_event("message")
        assert message["id"] == ack["message_id"]
        assert message["ts"] == ack["ts"]
        assert (message["room"], message["to"], message["text"], message["action"]) == (
            "general",
            None,
            "bonjour à tous",
            False,
        )
        assert message["from"] == zoe.me


async def test_sender_gets_its_message_before_the_ack(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    ack = await zoe.say("general", "premier")
    received = zoe.received()
    message_at = next(
        i for i, f in enumerate(received) if f["type"] == "message" and f["id"] == ack["message_id"]
    )
    ack_at = next(i for i, f in enumerate(received) if f["type"] == "ack" and f["re"] == ack["re"])
    assert message_at < ack_at


async def test_message_ids_increase_across_rooms_and_senders(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    await zoe.request("join", room="musique")
    await marc.request("join", room="musique")
    acks = [
        await zoe.say("general", "un"),
        await marc.say("musique", "deux"),
        await zoe.say("musique", "trois"),
        await marc.say("general", "quatre"),
    ]
    ids = [a["message_id"] for a in acks]
    assert ids == sorted(ids)
    assert len(set(ids)) == 4
    seen = [(await zoe.next_event("message"))["id"] for _ in range(4)]
    assert seen == ids


async def test_action_is_delivered_as_an_action(server: Server, connect_client: Connector) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    await zoe.say("general", "danse", action=True)
    message = await marc.next_event("message")
    assert (message["text"], message["action"]) == ("danse", True)
    error = await zoe.refused("say", room="general", text="x", action="yes")
    assert error["code"] == "bad_request"


async def test_message_longer_than_message_max_is_refused(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"message_max": 20}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    assert zoe.hello["limits"]["message_max"] == 20
    error = await zoe.refused("say", room="general", text="x" * 21)
    assert (error["code"], error["field"], error["params"]["max"]) == (
        "message_too_long",
        "text",
        20,
    )
    await zoe.say("general", "y" * 20)
    assert (await marc.next_event("message"))["text"] == "y" * 20


async def test_empty_or_blank_message_is_refused(server: Server, connect_client: Connector) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    for text in ("", "   ", "\n\t "):
        error = await zoe.refused("say", room="general", text=text)
        assert (error["code"], error["field"]) == ("message_empty", "text")
    await marc.no_event("message")


async def test_say_in_a_room_one_is_not_in_is_refused(
    server: Server, connect_client: Connector
) -> None:
    (marc,) = await in_room(connect_client, server, "general", "Marc")
    zoe = await entered(connect_client, server, "Zoé")
    assert (await zoe.refused("say", room="general", text="coucou"))["code"] == "not_in_room"
    assert (await zoe.refused("say", room="nulle-part", text="x"))["code"] == "room_not_found"
    await marc.no_event("message")


async def test_say_needs_exactly_one_of_room_and_to(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    both = await zoe.refused("say", room="general", to=marc.me["id"], text="x")
    assert both["code"] == "bad_request"
    assert (await zoe.refused("say", text="x"))["code"] == "bad_request"


async def test_markup_is_delivered_byte_for_byte_as_text(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    text = "<script>alert(\"x\")</script> &amp; <b onclick='x()'>é</b> \\n 😀"
    await zoe.say("general", text)
    assert (await marc.next_event("message"))["text"] == text
    iris = await entered(connect_client, server, "Iris")
    history = (await iris.request("join", room="general"))["room"]["history"]
    assert history[-1]["text"] == text
