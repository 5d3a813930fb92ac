"""Rooms: joining, history, the live room list, limits, and rooms created by visitors."""

from __future__ import annotations

from typing import Any

import pytest
from harness import Connector, Launcher, Server, entered, in_room


def count_of(frame: dict[str, Any], room_id: str) -> int | None:
    return next((r["count"] for r in frame["rooms"] if r["id"] == room_id), None)


async def test_join_returns_the_room_with_its_members(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("join", room="general")
    marc = await entered(connect_client, server, "Marc")
    room = (await marc.request("join", room="Général"))["room"]  # by name, too
    assert (room["id"], room["name"], room["kind"], room["owner"]) == (
        "general",
        "Général",
        "official",
        None,
    )
    assert room["topic"]
    assert [m["nick"] for m in room["members"]] == ["Zoé", "Marc"]
    assert room["history"] == []


async def test_members_hear_who_joins_but_not_the_joiner(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("join", room="general")
    marc = await entered(connect_client, server, "Marc")
    ack = await marc.request("join", room="general")
    joined = await zoe.next_event("joined")
    assert joined["room"] == "general"
    assert joined["user"]["nick"] == "Marc"
    assert joined["user"]["id"] == ack["room"]["members"][-1]["id"]
    await marc.no_event("joined")


async def test_part_tells_the_others_with_reason_part(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    await marc.request("part", room="general")
    left = await zoe.next_event("left")
    assert (left["room"], left["user"]["nick"], left["reason"]) == ("general", "Marc", "part")
    assert (await marc.refused("say", room="general", text="x"))["code"] == "not_in_room"
    assert (await marc.refused("part", room="general"))["code"] == "not_in_room"


async def test_history_holds_exactly_the_last_n_messages_in_order(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"history": {"count": 3}})
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    ids = [(await zoe.say("general", f"message {n}"))["message_id"] for n in range(1, 6)]
    marc = await entered(connect_client, server, "Marc")
    history = (await marc.request("join", room="general"))["room"]["history"]
    assert [m["text"] for m in history] == ["message 3", "message 4", "message 5"]
    assert [m["id"] for m in history] == ids[2:]
    assert all(m["from"]["nick"] == "Zoé" and m["room"] == "general" for m in history)


async def test_history_of_a_room_is_only_that_room(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    await zoe.request("join", room="musique")
    await zoe.say("musique", "ailleurs")
    await zoe.say("general", "ici")
    marc = await entered(connect_client, server, "Marc")
    history = (await marc.request("join", room="general"))["room"]["history"]
    assert [m["text"] for m in history] == ["ici"]


async def test_room_list_events_carry_live_counts(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    ack = await zoe.request("join", room="general")
    assert ack["room"]["members"]
    marc = await entered(connect_client, server, "Marc")
    await marc.request("join", room="general")
    update = await zoe.next_event("room_list", lambda f: count_of(f, "general") == 2, timeout=3)
    assert count_of(update, "musique") == 0
    await marc.request("part", room="general")
    await zoe.next_event("room_list", lambda f: count_of(f, "general") == 1, timeout=3)
    listed = await zoe.request("list_rooms")
    assert count_of(listed, "general") == 1


async def test_joining_beyond_rooms_max_is_refused(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"rooms_max": 2}})
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("join", room="general")
    await zoe.request("join", room="musique")
    error = await zoe.refused("join", room="ouest")
    assert error["code"] == "rooms_max"
    assert error["params"]["max"] == 2
    # Joining a room one is already in is not a new room.
    await zoe.request("join", room="general")
    assert (await zoe.refused("create_room", name="Les Potes", topic=""))["code"] == "rooms_max"


async def test_join_unknown_room_is_room_not_found(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    assert (await zoe.refused("join", room="nulle-part"))["code"] == "room_not_found"


async def test_create_room_makes_the_creator_owner_and_member(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    ack = await zoe.request("create_room", name="Les Potes", topic="Entre amis")
    room = ack["room"]
    assert (room["id"], room["name"], room["topic"], room["kind"]) == (
        "les-potes",
        "Les Potes",
        "Entre amis",
        "user",
    )
    assert [m["nick"] for m in room["members"]] == ["Zoé"]
    assert room["owner"] == room["members"][0]["id"] == zoe.me["id"]
    await zoe.say("les-potes", "bienvenue")


async def test_created_room_shows_in_the_room_list(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    owner = (await zoe.request("create_room", name="Les Potes", topic="Entre amis"))["room"]
    update = await marc.next_event("room_list", lambda f: count_of(f, "les-potes") == 1, timeout=3)
    line = next(r for r in update["rooms"] if r["id"] == "les-potes")
    assert (line["kind"], line["owner"], line["topic"]) == ("user", owner["owner"], "Entre amis")
    assert count_of(await marc.request("list_rooms"), "les-potes") == 1


async def test_look_alike_room_names_are_room_exists(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="")
    for name in ("les potes", "Les-P0tes", "LES_POTES", "Generai"):
        error = await zoe.refused("create_room", name=name, topic="")
        assert (error["code"], error["field"]) == ("room_exists", "room"), name


async def test_topic_change_by_the_owner_reaches_members(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="avant")
    marc = await entered(connect_client, server, "Marc")
    await marc.request("join", room="les-potes")
    await zoe.request("set_topic", room="les-potes", topic="après")
    for client in (zoe, marc):
        topic = await client.next_event("topic")
        assert (topic["room"], topic["topic"], topic["by"]["nick"]) == ("les-potes", "après", "Zoé")
    joined = await (await entered(connect_client, server, "Iris")).request("join", room="les-potes")
    assert joined["room"]["topic"] == "après"


async def test_topic_change_by_a_non_owner_is_refused(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="avant")
    marc = await entered(connect_client, server, "Marc")
    await marc.request("join", room="les-potes")
    error = await marc.refused("set_topic", room="les-potes", topic="pirate")
    assert error["code"] == "not_room_owner"
    await zoe.no_event("topic")
    # Nobody owns an official room.
    await marc.request("join", room="general")
    assert (await marc.refused("set_topic", room="general", topic="x"))["code"] == "not_room_owner"


async def test_owner_kicks_a_guest_who_hears_it(server: Server, connect_client: Connector) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="")
    marc = await entered(connect_client, server, "Marc")
    marc_id = (await marc.request("join", room="les-potes"))["room"]["members"][-1]["id"]
    await zoe.next_event("joined")
    await zoe.request("kick", room="les-potes", user=marc_id)
    for client in (marc, zoe):
        left = await client.next_event("left")
        assert (left["room"], left["user"]["id"], left["reason"]) == (
            "les-potes",
            marc_id,
            "kicked",
        )
        assert left["by"]["nick"] == "Zoé"
    assert (await marc.refused("say", room="les-potes", text="x"))["code"] == "not_in_room"
    await zoe.say("les-potes", "tranquille")
    await marc.no_event("message")


async def test_only_the_owner_may_kick(server: Server, connect_client: Connector) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    zoe_room = (await zoe.request("create_room", name="Les Potes", topic=""))["room"]
    marc = await entered(connect_client, server, "Marc")
    await marc.request("join", room="les-potes")
    error = await marc.refused("kick", room="les-potes", user=zoe_room["owner"])
    assert error["code"] == "not_room_owner"
    await marc.no_event("left")


async def test_user_room_disappears_when_its_last_member_parts(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    await zoe.request("create_room", name="Les Potes", topic="")
    await marc.next_event("room_list", lambda f: count_of(f, "les-potes") == 1, timeout=3)
    await zoe.request("part", room="les-potes")
    await marc.next_event("room_list", lambda f: count_of(f, "les-potes") is None, timeout=3)
    assert (await marc.refused("join", room="les-potes"))["code"] == "room_not_found"
    # The name is free again.
    assert (await marc.request("create_room", name="Les Potes", topic=""))["room"]["owner"]


async def test_user_room_disappears_when_its_last_member_quits(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="")
    await zoe.request("quit")
    marc = await entered(connect_client, server, "Marc")
    assert (await marc.refused("join", room="les-potes"))["code"] == "room_not_found"


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
    server: Server, connect_client: Connector, name: str, topic: str, code: str, field: str
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    error = await zoe.refused("create_room", name=name, topic=topic)
    assert (error["code"], error["field"]) == (code, field)
    assert not [r for r in (await zoe.request("list_rooms"))["rooms"] if r["kind"] == "user"]


async def test_user_rooms_max_caps_the_rooms_visitors_create(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"user_rooms_max": 1}})
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="")
    marc = await entered(connect_client, server, "Marc")
    assert (await marc.refused("create_room", name="Autre", topic=""))["code"] == "user_rooms_max"


async def test_owner_cannot_kick_themself(server: Server, connect_client: Connector) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("create_room", name="Les Potes", topic="")
    error = await zoe.refused("kick", room="les-potes", user=zoe.me["id"])
    assert error["code"] == "cannot_kick_self"
