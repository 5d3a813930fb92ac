"""The page, the health check, the hello frame and what happens to malformed requests."""

from __future__ import annotations

import asyncio
import json
import socket
import urllib.request
from email.message import Message
from http.cookies import SimpleCookie

import pytest
from harness import Connector, Server, open_ws
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.typing import Origin


async def http_get(url: str, cookie: str | None = None) -> tuple[int, Message, bytes]:
    def fetch() -> tuple[int, Message, bytes]:
        request = urllib.request.Request(url)
        if cookie:
            request.add_header("Cookie", cookie)
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()

    return await asyncio.to_thread(fetch)


async def test_hello_is_the_first_frame_with_limits_and_no_prefill(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server, hello=False)
    first = json.loads(await client.ws.recv())
    assert first["type"] == "hello"
    assert first["protocol"] == 1
    assert first["server"].startswith("causette/")
    assert first["lang"] == "fr"
    assert first["prefill"] is None
    assert first["age_blocked_until"] is None
    assert first["age_blocked_scope"] is None
    assert set(first["limits"]) == {
        "message_max",
        "rooms_max",
        "nick_min",
        "nick_max",
        "min_age",
        "adult_age",
        "history_count",
        "grace_seconds",
    }
    assert first["limits"]["message_max"] == 500


async def test_page_sets_an_httponly_lax_device_cookie(server: Server) -> None:
    status, headers, body = await http_get(server.base_url + "/")
    assert status == 200
    assert b"<html" in body.lower()
    cookies = headers.get_all("set-cookie") or []
    device = [c for c in cookies if c.startswith("causette_device=")]
    assert len(device) == 1
    parsed = SimpleCookie(device[0])["causette_device"]
    assert len(parsed.value) >= 32
    assert parsed["httponly"]
    assert parsed["samesite"].lower() == "lax"
    assert int(parsed["max-age"]) > 30 * 24 * 3600


async def test_page_keeps_an_existing_device_cookie(server: Server) -> None:
    _, headers, _ = await http_get(server.base_url + "/", cookie="causette_device=abc")
    assert not [c for c in headers.get_all("set-cookie") or [] if "causette_device" in c]


async def test_page_has_security_headers_and_a_self_only_csp(server: Server) -> None:
    _, headers, _ = await http_get(server.base_url + "/")
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    for foreign in ("http:", "https:", "*"):
        assert foreign not in csp
    # Every source list names only the page's own origin (and data: images).
    for directive in csp.split(";"):
        sources = directive.split()[1:]
        assert set(sources) <= {"'self'", "'none'", "data:"}, directive
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


async def test_healthz_answers_ok(server: Server) -> None:
    status, headers, body = await http_get(server.base_url + "/healthz")
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"


async def test_unknown_protocol_version_is_refused_with_a_disconnect(server: Server) -> None:
    for query in ("?v=2", ""):
        ws = await open_ws(server.ws_url.replace("?v=1", query), None)
        frame = json.loads(await ws.recv())
        assert frame["type"] == "disconnect"
        assert frame["code"] == "protocol_unsupported"
        try:
            extra = await asyncio.wait_for(ws.recv(), 2)
            raise AssertionError(f"expected the connection to close, got {extra!r}")
        except ConnectionClosed:
            pass


async def test_bad_json_is_answered_bad_request_and_the_connection_lives(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    await client.send("{not json")
    error = await client.next_event("error")
    assert error["code"] == "bad_request"
    assert error["re"] is None
    assert (await client.request("ping"))["type"] == "ack"


async def test_request_without_id_is_bad_request(server: Server, connect_client: Connector) -> None:
    client = await connect_client(server)
    await client.send({"type": "ping"})
    error = await client.next_event("error")
    assert (error["code"], error["re"]) == ("bad_request", None)
    assert (await client.request("ping"))["type"] == "ack"


async def test_non_object_frame_and_long_id_are_bad_request(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    await client.send("[1, 2]")
    assert (await client.next_event("error"))["code"] == "bad_request"
    await client.send({"type": "ping", "id": "x" * 33})
    assert (await client.next_event("error"))["code"] == "bad_request"
    assert (await client.request("ping"))["type"] == "ack"


async def test_unknown_type_is_bad_request_with_its_id(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    await client.send({"type": "teleport", "id": "t1"})
    error = await client.next_event("error")
    assert (error["code"], error["re"]) == ("bad_request", "t1")
    assert (await client.request("ping"))["type"] == "ack"


async def test_requests_before_enter_get_not_entered(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    for kind, fields in [
        ("list_rooms", {}),
        ("join", {"room": "general"}),
        ("say", {"room": "general", "text": "hi"}),
        ("set_nick", {"nickname": "Zoé"}),
        ("quit", {}),
    ]:
        error = await client.refused(kind, **fields)
        assert error["code"] == "not_entered", kind
    assert (await client.request("set_lang", lang="en"))["lang"] == "en"
    assert (await client.request("ping"))["type"] == "ack"


async def test_error_messages_follow_the_chosen_language(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    french = (await client.refused("join", room="general"))["message"]
    await client.request("set_lang", lang="en")
    english = (await client.refused("join", room="general"))["message"]
    assert french != english
    assert (await client.refused("set_lang", lang="de"))["code"] == "lang_invalid"


async def test_server_side_sockets_disable_nagle(server: Server, connect_client: Connector) -> None:
    # With Nagle on, an ack written right after its message waits for the peer's delayed
    # ACK: every `say` took ~40 ms to be acknowledged.
    await connect_client(server)
    connections = list(server.uvicorn.server_state.connections)
    assert connections
    for connection in connections:
        sock = connection.transport.get_extra_info("socket")
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


async def test_websocket_from_another_site_is_refused(server: Server) -> None:
    # A page elsewhere must not ride on this browser's device cookie.
    with pytest.raises(InvalidStatus) as refused:
        await open_ws(server.ws_url, "stolen", origin=Origin("https://evil.example"))
    assert refused.value.response.status_code == 403
    host = server.base_url.removeprefix("http://")
    ws = await open_ws(server.ws_url, "mine", origin=Origin(f"http://{host}"))
    assert json.loads(await ws.recv())["type"] == "hello"
    await ws.close()
