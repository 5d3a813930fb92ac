"""Nickname changes and whois, as the people around you see them."""

from __future__ import annotations

from harness import Connector, Server, entered, in_room


async def test_nickname_change_reaches_roommates_with_the_old_nick(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    stranger = await entered(connect_client, server, "Iris")
    ack = await zoe.request("set_nick", nickname="Zozo")
    assert ack["me"] == {**zoe.me, "nick": "Zozo"}
    for client in (marc, zoe):
        update = await client.next_event("user_updated")
        assert (update["user"]["id"], update["user"]["nick"], update["old_nick"]) == (
            zoe.me["id"],
            "Zozo",
            "Zoé",
        )
    await stranger.no_event("user_updated")
    await zoe.say("general", "nouveau nom")
    assert (await marc.next_event("message"))["from"]["nick"] == "Zozo"


async def test_nickname_change_to_a_look_alike_of_another_is_taken(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await entered(connect_client, server, "Iris")
    error = await zoe.refused("set_nick", nickname="1ris")
    assert (error["code"], error["field"]) == ("nickname_taken", "nickname")
    assert (await zoe.refused("set_nick", nickname="Admin"))["code"] == "nickname_reserved"
    # One's own nickname in another spelling is fine.
    assert (await zoe.request("set_nick", nickname="ZOE"))["me"]["nick"] == "ZOE"


async def test_old_nickname_is_free_after_a_change(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("set_nick", nickname="Zozo")
    assert (await (await connect_client(server)).enter("Zoé"))["me"]["nick"] == "Zoé"


async def test_whois_shows_the_user_and_shared_rooms(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    await zoe.request("join", room="musique")
    await marc.request("join", room="musique")
    await zoe.request("join", room="ouest")
    ack = await marc.request("whois", user=zoe.me["id"])
    assert ack["user"] == zoe.me
    assert sorted(ack["shared_rooms"]) == ["general", "musique"]
    assert (await marc.refused("whois", user="0000000000"))["code"] == "user_not_found"
