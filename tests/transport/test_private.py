"""Private conversations and who may open them (privacy: everyone, shared_room, nobody)."""

from __future__ import annotations

from harness import Connector, Server, entered, in_room


async def test_default_privacy_refuses_someone_sharing_no_room(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    await zoe.request("join", room="general")
    await marc.request("join", room="musique")
    error = await marc.refused("say", to=zoe.me["id"], text="salut")
    assert error["code"] == "private_refused_shared_room"
    await zoe.no_event("message")


async def test_default_privacy_accepts_someone_sharing_a_room(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    ack = await marc.request("say", to=zoe.me["id"], text="salut")
    message = await zoe.next_event("message")
    assert message["id"] == ack["message_id"]
    assert (message["room"], message["text"]) == (None, "salut")
    assert message["from"] == marc.me
    assert message["to"] == zoe.me


async def test_both_sides_receive_the_same_private_message(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc, iris = await in_room(connect_client, server, "general", "Zoé", "Marc", "Iris")
    await marc.request("say", to=zoe.me["id"], text="rien que pour toi")
    assert await marc.next_event("message") == await zoe.next_event("message")
    await iris.no_event("message")


async def test_privacy_nobody_refuses_even_a_shared_room(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    assert (await zoe.request("set_privacy", privacy="nobody"))["privacy"] == "nobody"
    error = await marc.refused("say", to=zoe.me["id"], text="salut")
    assert error["code"] == "private_refused_nobody"
    await zoe.no_event("message")


async def test_privacy_everyone_accepts_a_stranger(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    await zoe.request("set_privacy", privacy="everyone")
    await marc.request("say", to=zoe.me["id"], text="salut")
    assert (await zoe.next_event("message"))["text"] == "salut"


async def test_recipient_may_reply_once_the_conversation_exists(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")  # shared_room, in no room
    await zoe.request("set_privacy", privacy="everyone")
    # Zoé cannot open a conversation with Marc...
    assert (await zoe.refused("say", to=marc.me["id"], text="x"))["code"] == (
        "private_refused_shared_room"
    )
    # ... but once Marc wrote to her, she may answer.
    await marc.request("say", to=zoe.me["id"], text="salut")
    await zoe.next_event("message")
    await zoe.request("say", to=marc.me["id"], text="re")
    assert (await marc.next_event("message", lambda f: f["text"] == "re"))["to"] == marc.me


async def test_writing_to_oneself_or_to_nobody_is_refused(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    assert (await zoe.refused("say", to=zoe.me["id"], text="x"))["code"] == "private_self"
    assert (await zoe.refused("say", to="0000000000", text="x"))["code"] == "user_not_found"


async def test_unknown_privacy_is_bad_request(server: Server, connect_client: Connector) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    error = await zoe.refused("set_privacy", privacy="friends")
    assert (error["code"], error["field"]) == ("bad_request", "privacy")


async def test_a_closed_conversation_is_not_resumed_and_needs_privacy_again(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    await zoe.request("set_privacy", privacy="everyone")
    await marc.request("say", to=zoe.me["id"], text="salut")
    await zoe.next_event("message")
    await zoe.request("set_privacy", privacy="nobody")
    # An open conversation goes on whatever the privacy setting...
    await marc.request("say", to=zoe.me["id"], text="tu es là ?")
    await zoe.next_event("message", lambda f: f["text"] == "tu es là ?")
    # ... until Zoé closes it: then her setting applies again.
    await zoe.request("close_private", user=marc.me["id"])
    assert (await marc.refused("say", to=zoe.me["id"], text="allô"))["code"] == (
        "private_refused_nobody"
    )
    zoe.abort()
    again = await connect_client(server, zoe.device)
    ack = await again.request("resume", token=zoe.token, last_event_id=0)
    assert ack["privates"] == []
