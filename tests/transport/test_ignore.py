"""Ignoring a person: bound to their device, across nickname changes and new sessions."""

from __future__ import annotations

import secrets

from harness import Client, Connector, Server, entered, in_room


async def ignore(ignorer: Client, target: Client) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = (await ignorer.request("ignore", user=target.me["id"]))[
        "ignores"
    ]
    return entries


async def test_ignored_room_messages_reach_everyone_but_the_ignorer(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob, iris = await in_room(connect_client, server, "general", "Zoé", "Bob", "Iris")
    entries = await ignore(zoe, bob)
    assert [e["nick"] for e in entries] == ["Bob"]
    assert entries[0]["id"] != bob.me["id"]
    await bob.say("general", "tu m'entends ?")
    assert (await iris.next_event("message"))["text"] == "tu m'entends ?"
    assert (await bob.next_event("message"))["text"] == "tu m'entends ?"
    await zoe.no_event("message")


async def test_private_message_from_an_ignored_person_is_refused(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    await zoe.request("set_privacy", privacy="everyone")
    await ignore(zoe, bob)
    error = await bob.refused("say", to=zoe.me["id"], text="psst")
    assert error["code"] == "private_refused_nobody"
    await zoe.no_event("message")


async def test_ignore_survives_the_ignored_persons_nickname_change(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob, iris = await in_room(connect_client, server, "general", "Zoé", "Bob", "Iris")
    await ignore(zoe, bob)
    await bob.request("set_nick", nickname="Robert")
    await bob.say("general", "c'est encore moi")
    await iris.next_event("message")
    await zoe.no_event("message")


async def test_ignore_survives_the_ignored_person_reentering_from_the_same_device(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    await zoe.request("set_privacy", privacy="everyone")
    await ignore(zoe, bob)
    await bob.request("quit")
    await bob.closed()
    bob2 = await entered(connect_client, server, "Toto", device=bob.device)
    await bob2.request("join", room="general")
    await bob2.say("general", "nouveau pseudo")
    await zoe.no_event("message")
    assert (await bob2.refused("say", to=zoe.me["id"], text="x"))["code"] == (
        "private_refused_nobody"
    )


async def test_ignore_lasts_across_the_ignorers_own_reentry(
    server: Server, connect_client: Connector
) -> None:
    device = secrets.token_urlsafe(16)
    zoe = await entered(connect_client, server, "Zoé", device=device)
    await zoe.request("join", room="general")
    bob, iris = await in_room(connect_client, server, "general", "Bob", "Iris")
    entries = await ignore(zoe, bob)
    await zoe.request("quit")
    await zoe.closed()
    zoe2 = await connect_client(server, device)
    ack = await zoe2.enter("Zoé")
    assert ack["ignores"] == entries
    await zoe2.request("join", room="general")
    await bob.say("general", "toujours là")
    await iris.next_event("message")
    await zoe2.no_event("message")


async def test_history_on_join_hides_ignored_peoples_messages(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    await ignore(zoe, bob)
    iris = await entered(connect_client, server, "Iris")
    for client in (bob, iris):
        await client.request("join", room="musique")
    await bob.say("musique", "de Bob")
    await iris.say("musique", "d'Iris")
    history = (await zoe.request("join", room="musique"))["room"]["history"]
    assert [m["text"] for m in history] == ["d'Iris"]


async def test_unignore_restores_delivery(server: Server, connect_client: Connector) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    entries = await ignore(zoe, bob)
    ack = await zoe.request("unignore", user=entries[0]["id"])
    assert ack["ignores"] == []
    await bob.say("general", "me revoilà")
    assert (await zoe.next_event("message"))["text"] == "me revoilà"


async def test_unignore_survives_the_ignorers_reentry(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    entries = await ignore(zoe, bob)
    await zoe.request("unignore", user=entries[0]["id"])
    await zoe.request("quit")
    again = await connect_client(server, zoe.device)
    assert (await again.enter("Zoé"))["ignores"] == []


async def test_ignoring_oneself_or_ones_own_device_is_refused(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    assert (await zoe.refused("ignore", user=zoe.me["id"]))["code"] == "cannot_ignore_self"
    twin = await entered(connect_client, server, "Jumelle", device=zoe.device)
    assert (await zoe.refused("ignore", user=twin.me["id"]))["code"] == "cannot_ignore_self"


async def test_ignoring_a_new_session_of_someone_ignored_answers_as_for_a_stranger(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob, iris = await in_room(connect_client, server, "general", "Zoé", "Bob", "Iris")
    await ignore(zoe, bob)
    await bob.request("quit")
    await bob.closed()
    toto = await entered(connect_client, server, "Toto", device=bob.device)
    # Toto is Bob's browser again, Iris a stranger: both answers have the same shape.
    with_toto = await ignore(zoe, toto)
    with_iris = await ignore(zoe, iris)
    assert [e["nick"] for e in with_toto] == ["Bob", "Toto"]
    assert [e["nick"] for e in with_iris] == ["Bob", "Toto", "Iris"]
    added_toto, added_iris = with_iris[1], with_iris[2]
    assert (added_toto["user"], added_iris["user"]) == (toto.me["id"], iris.me["id"])
    assert set(added_toto) == set(added_iris)
    # Zoé's next session lists the same entries, in the same order.
    await zoe.request("quit")
    await zoe.closed()
    again = await connect_client(server, zoe.device)
    ack = await again.enter("Zoé")
    assert [e["nick"] for e in ack["ignores"]] == ["Bob", "Toto", "Iris"]


async def test_the_ignored_person_gets_the_refusal_of_the_privacy_setting(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob, max_ = await in_room(connect_client, server, "general", "Zoé", "Bob", "Max")
    await zoe.request("set_privacy", privacy="everyone")
    await ignore(zoe, bob)
    await max_.request("set_privacy", privacy="nobody")
    ignored = await bob.refused("say", to=zoe.me["id"], text="psst")
    private = await bob.refused("say", to=max_.me["id"], text="psst")
    assert ignored["code"] == private["code"] == "private_refused_nobody"
    assert ignored["message"] == private["message"]
