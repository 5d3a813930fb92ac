"""Entering the chat: the declared profile, its refusals, age rules and the pre-filled form."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from harness import PROFILE, Connector, Server, entered


async def test_enter_returns_a_token_and_me_with_the_departement(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    ack = await client.enter("Zoé", age=34, gender="woman", postal_code="75011")
    assert isinstance(ack["token"], str)
    assert len(ack["token"]) >= 32
    me = ack["me"]
    assert me["nick"] == "Zoé"
    assert (me["age"], me["gender"]) == (34, "woman")
    assert me["dept"] == {"code": "75", "name": "Paris"}
    assert ack["privacy"] == "shared_room"
    assert ack["ignores"] == []
    assert any(r["id"] == "general" for r in ack["rooms"])


async def test_abroad_and_corsica_postal_codes_give_their_departement(
    server: Server, connect_client: Connector
) -> None:
    abroad = await (await connect_client(server)).enter("Expat", postal_code="etranger")
    assert abroad["me"]["dept"]["code"] == "etranger"
    corsica = await (await connect_client(server)).enter("Corsu", postal_code="20000")
    assert corsica["me"]["dept"]["code"] == "2A"


async def test_postal_code_never_reaches_anyone(server: Server, connect_client: Connector) -> None:
    watcher = await entered(connect_client, server, "Watcher", postal_code="13001")
    await watcher.request("join", room="general")
    zoe = await entered(connect_client, server, "Zoé", postal_code="75011")
    joined = await zoe.request("join", room="general")
    members = {m["nick"]: m["id"] for m in joined["room"]["members"]}
    await watcher.next_event("joined")
    await zoe.say("general", "salut")
    await zoe.request("say", to=members["Watcher"], text="coucou")
    await watcher.next_event("message", lambda f: f["to"] is not None)
    whois = await watcher.request("whois", user=members["Zoé"])
    assert whois["user"]["dept"] == {"code": "75", "name": "Paris"}
    await zoe.request("set_nick", nickname="Zoe2")
    await watcher.next_event("user_updated")
    await watcher.next_event("room_list")  # broadcast about once a second
    assert not [frame for frame in watcher.raw if "75011" in frame]
    # Not even to the person who declared it (only their own device's form pre-fill has it).
    assert not [frame for frame in zoe.raw if "75011" in frame]


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"nickname": "ab"}, "nickname_length", "nickname"),
        ({"nickname": "x" * 21}, "nickname_length", "nickname"),
        ({"nickname": "Zoé!"}, "nickname_chars", "nickname"),
        ({"nickname": "Zоé"}, "nickname_chars", "nickname"),  # Cyrillic о
        ({"nickname": "Admin"}, "nickname_reserved", "nickname"),
        ({"nickname": "M0d-o"}, "nickname_reserved", "nickname"),
        ({"age": 0}, "age_invalid", "age"),
        ({"age": 121}, "age_invalid", "age"),
        ({"age": "trente"}, "age_invalid", "age"),
        ({"age": True}, "age_invalid", "age"),
        ({"gender": "robot"}, "gender_invalid", "gender"),
        ({"gender": None}, "gender_invalid", "gender"),
        ({"postal_code": "7501"}, "postal_code_invalid", "postal_code"),
        ({"postal_code": "ABCDE"}, "postal_code_invalid", "postal_code"),
        ({"postal_code": 75011}, "postal_code_invalid", "postal_code"),
    ],
)
async def test_enter_refuses_each_bad_field_with_its_code(
    server: Server, connect_client: Connector, fields: dict[str, Any], code: str, field: str
) -> None:
    client = await connect_client(server)
    request = {"nickname": "Valide", **PROFILE, **fields}
    error = await client.refused("enter", **request)
    assert (error["code"], error.get("field")) == (code, field)
    assert error["message"]
    # Nothing was created: the same connection can still enter.
    assert (await client.enter("Valide"))["me"]["nick"] == "Valide"


@pytest.mark.parametrize(("first", "second"), [("Zoé", "zoe"), ("Iris", "1ris"), ("Marc", "rnarc")])
async def test_look_alike_of_a_live_nickname_is_taken(
    server: Server, connect_client: Connector, first: str, second: str
) -> None:
    await entered(connect_client, server, first)
    client = await connect_client(server)
    error = await client.refused("enter", nickname=second, **PROFILE)
    assert (error["code"], error["field"]) == ("nickname_taken", "nickname")


async def test_nickname_is_free_again_after_quit(server: Server, connect_client: Connector) -> None:
    first = await entered(connect_client, server, "Zoé")
    await first.request("quit")
    await first.closed()
    again = await connect_client(server)
    assert (await again.enter("zoe"))["me"]["nick"] == "zoe"


async def test_second_enter_on_a_connection_is_already_entered(
    server: Server, connect_client: Connector
) -> None:
    client = await entered(connect_client, server, "Zoé")
    assert (await client.refused("enter", nickname="Autre", **PROFILE))["code"] == "already_entered"


async def test_age_below_minimum_blocks_the_device(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    error = await client.refused("enter", nickname="Petit", **{**PROFILE, "age": 15})
    assert (error["code"], error["field"]) == ("age_below_minimum", "age")
    until = error["params"]["until"]
    assert until.endswith("Z")
    retry = await client.refused("enter", nickname="Petit", **{**PROFILE, "age": 30})
    assert retry["code"] == "age_cooldown"
    assert retry["params"]["until"] == until


async def test_age_block_is_announced_in_hello_on_a_new_connection(
    server: Server, connect_client: Connector
) -> None:
    device = secrets.token_urlsafe(16)
    client = await connect_client(server, device)
    await client.refused("enter", nickname="Petit", **{**PROFILE, "age": 15})
    again = await connect_client(server, device)
    assert again.hello["age_blocked_until"] is not None
    assert again.hello["age_blocked_until"].endswith("Z")
    assert (await again.refused("enter", nickname="Grand", **PROFILE))["code"] == "age_cooldown"


async def test_age_block_reaches_another_device_of_the_network_only_briefly(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    await client.refused("enter", nickname="Petit", **{**PROFILE, "age": 15})
    other = await connect_client(server)  # another cookie, same 127.0.0.1
    assert other.hello["age_blocked_until"] is not None
    assert other.hello["age_blocked_scope"] == "network"
    error = await other.refused("enter", nickname="Adulte", **PROFILE)
    assert (error["code"], error["field"]) == ("age_network_cooldown", "age")
    assert "ce réseau" in error["message"]
    assert "n'est pas bloqué" in error["message"]
    # The refused device itself is told it is this device, for the cooling period.
    same = await connect_client(server, client.device)
    assert same.hello["age_blocked_scope"] == "device"


async def test_declaring_another_age_from_the_same_device_is_refused(
    server: Server, connect_client: Connector
) -> None:
    device = secrets.token_urlsafe(16)
    first = await entered(connect_client, server, "Zoé", device=device, age=30)
    await first.request("quit")
    second = await connect_client(server, device)
    error = await second.refused("enter", nickname="Zoé", **{**PROFILE, "age": 25})
    assert (error["code"], error["field"]) == ("age_cooldown", "age")
    # The age first declared is still accepted.
    assert (await second.enter("Zoé", age=30))["me"]["age"] == 30


async def test_hello_prefills_the_form_from_the_last_entry_on_this_device(
    server: Server, connect_client: Connector
) -> None:
    device = secrets.token_urlsafe(16)
    first = await entered(
        connect_client, server, "Zoé", device=device, age=34, gender="woman", postal_code="75011"
    )
    await first.request("quit")
    again = await connect_client(server, device)
    assert again.hello["prefill"] == {
        "nickname": "Zoé",
        "age": 34,
        "gender": "woman",
        "postal_code": "75011",
    }
    stranger = await connect_client(server)
    assert stranger.hello["prefill"] is None


async def test_connection_without_cookie_has_no_prefill_and_no_memory(
    server: Server, connect_client: Connector
) -> None:
    first = await connect_client(server, None)
    await first.enter("Zoé", age=34)
    await first.request("quit")
    again = await connect_client(server, None)
    assert again.hello["prefill"] is None
    # A new device identity: declaring another age is not a change of age.
    assert (await again.enter("Zoé", age=40))["me"]["age"] == 40


async def test_quit_ends_the_session_for_everyone(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    await zoe.request("join", room="general")
    marc = await entered(connect_client, server, "Marc")
    await marc.request("join", room="general")
    await zoe.request("quit")
    await zoe.closed()
    assert zoe.ws.close_code == 1000
    left = await marc.next_event("left")
    assert (left["user"]["id"], left["reason"]) == (zoe.me["id"], "quit")
    again = await connect_client(server, zoe.device)
    assert (await again.refused("resume", token=zoe.token, last_event_id=0))["code"] == (
        "session_expired"
    )
