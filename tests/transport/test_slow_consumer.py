"""A connection that stops reading is cut off with ``slow_consumer``; nobody else waits.

The last test is the attack itself (issue 7, point 9): a client that never reads, with the
buffers the server's kernel gives it, must be cut within seconds and its socket freed.

To make "stops reading" deterministic, the slow client's receive buffer and the server's send
buffer for that one socket are shrunk (as on a congested mobile link), and the client library
stops reading after one queued frame. Then the server's bounded outbox must overflow.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
from collections.abc import Callable
from typing import Any

from harness import (
    FRAMES_PER_CONNECTION,
    PROFILE,
    Client,
    Connector,
    Launcher,
    Server,
    eventually,
    in_room,
    open_ws,
    posters,
)
from websockets.client import ClientProtocol
from websockets.frames import Frame as WsFrame
from websockets.frames import Opcode
from websockets.uri import parse_uri

from causette.transport.web.listener import CLOSE_TIMEOUT

SLOW = {
    "limits": {
        "outbox_max_bytes": 16384,
        "burst": 1000,
        "rate_per_second": 1000,
        "network_burst": 10_000,
        "network_rate_per_second": 10_000,
        "message_max": 1000,
        "connections_per_ip": 20,
    }
}
POSTERS = 6


def shrink_server_send_buffer(server: Server, client_port: int) -> None:
    for connection in server.uvicorn.server_state.connections:
        transport = getattr(connection, "transport", None)
        if transport is None:
            continue
        if transport.get_extra_info("peername")[1] == client_port:
            transport.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
            transport.set_write_buffer_limits(high=4096)
            return
    raise AssertionError("the slow client's server-side socket was not found")


async def slow_client(server: Server, connect_client: Connector) -> Client:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", server.port))
    sock.setblocking(False)
    ws = await open_ws(server.ws_url, "slow-device", sock=sock, max_queue=1)
    client = Client(ws, "slow-device")
    connect_client.clients.append(client)
    client.hello = await client.next_event("hello")
    shrink_server_send_buffer(server, sock.getsockname()[1])
    await client.enter("Lent")
    await client.request("join", room="general")
    return client


async def test_a_reader_that_stops_reading_is_disconnected_as_slow_consumer(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(SLOW)
    (marc,) = await in_room(connect_client, server, "general", "Marc")
    senders = await posters(connect_client, server, "general", POSTERS)
    slow = await slow_client(server, connect_client)
    for client in (marc, *senders):
        await client.next_event("joined", lambda f: f["user"]["nick"] == "Lent")
    received_by_marc: list[int] = []
    per_sender = FRAMES_PER_CONNECTION - 5
    total = POSTERS * per_sender  # 120 messages of 1 kB, several times every buffer on the way
    caught_up = asyncio.Event()

    async def keep_reading() -> None:
        while True:
            received_by_marc.append((await marc.next_event("message", timeout=30))["id"])
            if len(received_by_marc) == total:
                caught_up.set()

    reader = asyncio.create_task(keep_reading())
    posted: list[int] = []
    say = {"type": "say", "room": "general", "text": "x" * 1000}
    try:
        for n in range(per_sender):
            for sender in senders:
                await sender.send({**say, "id": n})
            for sender in senders:
                ack = await sender.reply(n, timeout=5)
                assert ack["type"] == "ack", ack
                posted.append(ack["message_id"])
                sender.buffer.clear()
        # Others kept receiving everything, in order, while the slow one did not read.
        async with asyncio.timeout(5):
            await caught_up.wait()
        assert received_by_marc == sorted(posted)
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
    posted.sort()

    # When it reads again, it finds what fitted in the buffers, then why it was cut off.
    disconnect = await slow.next_event("disconnect", timeout=10)
    assert disconnect["code"] == "slow_consumer"
    await slow.closed(timeout=5)
    assert slow.ws.close_code == 1008
    got = [f["id"] for f in slow.received() if f["type"] == "message"]
    assert len(got) < len(posted)
    assert got == posted[: len(got)]

    # Nothing is lost for good: resuming replays what it missed, each message once.
    again = await connect_client(server, slow.device)
    last = got[-1] if got else 0
    ack = await again.request("resume", token=slow.token, last_event_id=last)
    assert ack["me"] == slow.me
    replayed: list[int] = []
    while len(replayed) < len(posted) - len(got):
        replayed.append((await again.next_event("message", timeout=5))["id"])
    assert replayed == posted[len(got) :]


async def test_resume_replays_more_than_the_outbox_budget(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(SLOW)
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    senders = await posters(connect_client, server, "general", 3)
    zoe.abort()
    posted = [
        (await sender.say("general", "z" * 1000))["message_id"]
        for _ in range(20)
        for sender in senders
    ]
    again = await connect_client(server, zoe.device)
    await again.request("resume", token=zoe.token, last_event_id=0)
    replayed = [(await again.next_event("message"))["id"] for _ in posted]
    assert replayed == posted  # 60 kB of replay through a 16 kB outbox
    await again.no_event("disconnect")
    await senders[0].say("general", "et ensuite")
    assert (await again.next_event("message"))["text"] == "et ensuite"


# -- a client that never reads, with the buffers the kernel gives it -------------------------

NEVER_READS = {
    "limits": {
        "message_max": 1000,
        "burst": 1000,
        "rate_per_second": 1000,
        "network_burst": 100_000,
        "network_rate_per_second": 100_000,
        "requests_burst": 100_000,
        "requests_per_second": 100_000,
        "connections_per_ip": 20,
        "send_timeout_seconds": 1.0,
    }
}
CUT_WITHIN = 1.0 + CLOSE_TIMEOUT + 5.0  # the send timeout, the close attempt, and slack


class RawClient:
    """A WebSocket client over a plain socket that reads only when told to: the attacker of
    issue 7 (point 9), who enters, joins a busy room and then never reads again."""

    def __init__(self, server: Server) -> None:
        self.sock = socket.create_connection(("127.0.0.1", server.port))
        # A small receive window, as a client may ask for: the attack fills buffers sooner.
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.port: int = self.sock.getsockname()[1]
        self.ws = ClientProtocol(parse_uri(server.ws_url))
        request = self.ws.connect()
        request.headers["Cookie"] = "causette_device=raw-device"
        self.ws.send_request(request)
        self._flush()
        self.sock.settimeout(5)
        self.frames: list[dict[str, Any]] = []

    def _flush(self) -> None:
        self.sock.sendall(b"".join(self.ws.data_to_send()))

    def send(self, obj: dict[str, Any]) -> None:
        self.ws.send_text(json.dumps(obj).encode())
        self._flush()

    def read_until(self, pred: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """Read (blocking, in a thread) until a frame matches ``pred``."""
        while True:
            for frame in self.frames:
                if pred(frame):
                    self.frames.remove(frame)
                    return frame
            data = self.sock.recv(65536)
            assert data, "closed by the server"
            self.ws.receive_data(data)
            for event in self.ws.events_received():
                if isinstance(event, WsFrame) and event.opcode == Opcode.TEXT:
                    self.frames.extend(json.loads(line) for line in event.data.decode().split("\n"))

    def is_reset_or_closed(self) -> bool:
        """Drain what the buffers held: True once the server has reset or closed the socket."""
        self.sock.settimeout(0.2)
        try:
            while self.sock.recv(65536):
                pass
        except TimeoutError:
            return False
        except OSError:  # ECONNRESET: the server reset the connection
            return True
        return True  # end of stream


async def test_a_client_that_never_reads_is_cut_and_its_socket_freed(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(NEVER_READS)
    (marc,) = await in_room(connect_client, server, "general", "Marc")
    senders = await posters(connect_client, server, "general", 3)
    raw = RawClient(server)
    await asyncio.to_thread(raw.read_until, lambda f: f["type"] == "hello")
    raw.send({"type": "enter", "id": 1, "nickname": "Muet", **PROFILE})
    raw.send({"type": "join", "id": 2, "room": "general"})
    await asyncio.to_thread(raw.read_until, lambda f: f.get("re") == 2)
    for client in (marc, *senders):
        await client.next_event("joined", lambda f: f["user"]["nick"] == "Muet")
    web = server.app.web
    (link,) = [link for link in web.links if link.port == raw.port]
    assert link.guest_id is not None
    (protocol,) = [
        c
        for c in server.uvicorn.server_state.connections
        if getattr(c, "client", None) == ("127.0.0.1", raw.port)
    ]
    transport: asyncio.Transport = protocol.transport  # type: ignore[attr-defined]

    # From now on it reads nothing; the room stays busy, and Marc's messages keep arriving.
    say = {"type": "say", "room": "general", "text": "x" * 1000}
    latencies: list[float] = []
    started = time.monotonic()
    n = 0
    while link in web.links:
        assert time.monotonic() - started < CUT_WITHIN, "the silent reader was not cut off"
        n += 1
        for sender in senders:
            await sender.send({**say, "id": n})
        sent = time.monotonic()
        for sender in senders:
            ack = await sender.reply(n, timeout=5)
            assert ack["type"] == "ack", ack
            sender.buffer.clear()
        for _ in senders:
            await marc.next_event("message", timeout=5)
        latencies.append(time.monotonic() - sent)
    cut_after = time.monotonic() - started

    assert cut_after < CUT_WITHIN
    assert link.outbox.closed == "slow_consumer"
    # Its memory is freed: no outbox in the hub, no connection in uvicorn, no buffers.
    await eventually(lambda: not server.app.hub.is_attached(link.guest_id or ""))
    await eventually(lambda: protocol not in server.uvicorn.server_state.connections)
    assert transport.is_closing()
    assert transport.get_write_buffer_size() == 0
    assert await asyncio.to_thread(raw.is_reset_or_closed)
    # Nobody else waited on it: Marc got every message while the silent reader was stuck.
    assert latencies
    await marc.no_event("disconnect")
    raw.sock.close()
