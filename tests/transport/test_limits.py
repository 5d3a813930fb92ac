"""Rate limits, flood disconnection and the per-network connection limit."""

from __future__ import annotations

import json

from harness import Connector, Launcher, Server, eventually, in_room, open_ws
from websockets.exceptions import ConnectionClosed


async def admitted(server: Server) -> bool:
    """Whether a new connection gets its hello (and not too_many_connections)."""
    ws = await open_ws(server.ws_url, None)
    try:
        return bool(json.loads(await ws.recv())["type"] == "hello")
    finally:
        await ws.close()


FLOODABLE = {"limits": {"burst": 3, "rate_per_second": 0.5, "strikes_to_disconnect": 3}}


async def test_messages_beyond_the_burst_are_rate_limited(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"burst": 3, "rate_per_second": 0.5}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    for n in range(3):
        await zoe.say("general", f"m{n}")
    error = await zoe.refused("say", room="general", text="de trop")
    assert error["code"] == "rate_limited"
    assert isinstance(error["params"]["retry_after"], int)
    assert 1 <= error["params"]["retry_after"] <= 2
    texts = [(await marc.next_event("message"))["text"] for _ in range(3)]
    assert texts == ["m0", "m1", "m2"]
    await marc.no_event("message")


async def test_rate_limit_refills_at_the_configured_rate(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"burst": 1, "rate_per_second": 20}})
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    await zoe.say("general", "un")
    assert (await zoe.refused("say", room="general", text="deux"))["code"] == "rate_limited"
    await zoe.drain(0.1)  # two tokens' worth of time
    await zoe.say("general", "deux")


async def test_persistent_flooding_ends_with_a_flood_disconnect(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(FLOODABLE)
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    for n in range(3):
        await zoe.say("general", f"m{n}")
    for n in range(2):
        assert (await zoe.refused("say", room="general", text=f"x{n}"))["code"] == "rate_limited"
    await zoe.send({"type": "say", "id": "last", "room": "general", "text": "x2"})
    disconnect = await zoe.next_event("disconnect")
    assert disconnect["code"] == "flood"
    assert disconnect["message"]
    await zoe.closed()
    assert zoe.ws.close_code == 1008
    left = await marc.next_event("left")
    assert (left["user"]["id"], left["room"]) == (zoe.me["id"], "general")


async def test_flood_ends_the_session_for_good(launch: Launcher, connect_client: Connector) -> None:
    server = await launch.start(FLOODABLE)
    zoe, _ = await in_room(connect_client, server, "general", "Zoé", "Marc")
    for n in range(6):
        await zoe.send({"type": "say", "id": n, "room": "general", "text": f"m{n}"})
    await zoe.next_event("disconnect", lambda f: f["code"] == "flood")
    again = await connect_client(server)
    error = await again.refused("resume", token=zoe.token, last_event_id=0)
    assert error["code"] == "session_expired"


async def test_third_connection_from_one_network_is_refused(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"connections_per_ip": 2}})
    first = await connect_client(server)
    await connect_client(server)
    ws = await open_ws(server.ws_url, None)
    frame = json.loads(await ws.recv())
    assert frame["type"] == "disconnect"
    assert frame["code"] == "too_many_connections"
    assert frame["params"]["max"] == 2
    try:
        extra = await ws.recv()
        raise AssertionError(f"expected a close, got {extra!r}")
    except ConnectionClosed:
        pass
    # A closed connection frees its slot.
    await first.close()
    await eventually(lambda: admitted(server))


async def test_refused_connections_do_not_use_up_the_limit(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"connections_per_ip": 1}})
    first = await connect_client(server)
    for _ in range(3):
        ws = await open_ws(server.ws_url, None)
        assert json.loads(await ws.recv())["code"] == "too_many_connections"
        await ws.close()
    await first.close()
    await eventually(lambda: admitted(server))
