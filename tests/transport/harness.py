"""Integration harness: the real server on a random port, and a small protocol client.

The tests import it as ``harness``; conftest.py holds the fixtures.

``launch`` starts ``causette.app.make_server`` in-process (the same uvicorn configuration as
``causette serve``) on a data directory under ``tmp_path``; it can start again on the same
directory, which is how restart tests work. ``Client`` speaks docs/protocol.md: it splits
server frames into JSON lines, matches acks to requests and buffers every other object.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from causette import config
from causette.app import App, bind, make_server

Frame = dict[str, Any]
Pred = Callable[[Frame], bool]

PROFILE: dict[str, Any] = {"age": 30, "gender": "woman", "postal_code": "75011"}


@dataclass
class Server:
    """A running server: its URLs, its wired ``App`` and how to stop it."""

    app: App
    uvicorn: uvicorn.Server
    task: asyncio.Task[None]
    data_dir: Path
    port: int

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?v=1"

    async def stop(self) -> None:
        """Graceful stop, as on SIGTERM."""
        if self.task.done():
            return
        self.uvicorn.should_exit = True
        await asyncio.wait_for(self.task, 15)


class Launcher:
    """Starts servers with configuration overrides; stops whatever is left at teardown."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.running: list[Server] = []

    async def start(
        self, overrides: dict[str, Any] | None = None, data_dir: Path | None = None
    ) -> Server:
        settings = config.parse(overrides or {})
        folder = data_dir or self.data_dir
        settings = replace(settings, server=replace(settings.server, data_dir=folder))
        app, server = make_server(settings)
        sock = bind("127.0.0.1", 0)
        port = sock.getsockname()[1]
        task = asyncio.create_task(server.serve(sockets=[sock]), name="causette-server")
        async with asyncio.timeout(10):
            while not server.started:
                if task.done():
                    task.result()
                    raise RuntimeError("the server stopped before it started")
                await asyncio.sleep(0.005)
        running = Server(app, server, task, folder, port)
        self.running.append(running)
        return running

    async def stop_all(self) -> None:
        for running in self.running:
            await running.stop()


class RequestFailed(Exception):
    def __init__(self, frame: Frame) -> None:
        super().__init__(f"{frame.get('code')}: {frame.get('message')}")
        self.frame = frame
        self.code: str = frame.get("code", "")


@dataclass
class Client:
    """One WebSocket connection speaking protocol v1."""

    ws: ClientConnection
    device: str | None
    hello: Frame = field(default_factory=dict)
    me: Frame = field(default_factory=dict)
    token: str = ""
    raw: list[str] = field(default_factory=list)
    buffer: list[Frame] = field(default_factory=list)
    _next_id: int = 0

    # -- receiving ---------------------------------------------------------------------

    async def _read(self) -> None:
        """Wait for one frame and buffer its objects; raises ConnectionClosed at the end."""
        data = await self.ws.recv()
        assert isinstance(data, str), "the server sends text frames only"
        self.raw.append(data)
        self.buffer.extend(json.loads(line) for line in data.split("\n"))

    def _take(self, pred: Pred) -> Frame | None:
        for index, frame in enumerate(self.buffer):
            if pred(frame):
                return self.buffer.pop(index)
        return None

    async def wait_for(
        self,
        pred: Pred,
        timeout: float = 2.0,  # noqa: ASYNC109 (a deadline per wait reads best in tests)
        what: str = "frame",
    ) -> Frame:
        try:
            async with asyncio.timeout(timeout):
                while (found := self._take(pred)) is None:
                    await self._read()
        except TimeoutError:
            raise AssertionError(f"no {what} within {timeout}s; {self._summary()}") from None
        except ConnectionClosed:
            found = self._take(pred)
            if found is None:
                raise AssertionError(f"closed before {what}; {self._summary()}") from None
        return found

    def _summary(self) -> str:
        kinds = [f.get("code") or f.get("type") for f in self.buffer]
        return f"buffered: {kinds[:20]}{' ...' if len(kinds) > 20 else ''}"

    async def next_event(
        self,
        type_: str,
        pred: Pred | None = None,
        timeout: float = 2.0,  # noqa: ASYNC109
    ) -> Frame:
        """The first buffered or coming object of ``type_`` (matching ``pred``); removed."""
        return await self.wait_for(
            lambda f: f.get("type") == type_ and (pred is None or pred(f)), timeout, type_
        )

    async def drain(self, within: float = 0.3) -> None:
        """Buffer whatever arrives during ``within`` seconds."""
        with contextlib.suppress(TimeoutError, ConnectionClosed):
            async with asyncio.timeout(within):
                while True:
                    await self._read()

    async def no_event(self, type_: str, pred: Pred | None = None, within: float = 0.3) -> None:
        """Assert that no object of ``type_`` (matching ``pred``) arrives within ``within``."""
        await self.drain(within)
        unwanted = [f for f in self.buffer if f.get("type") == type_ and (pred is None or pred(f))]
        assert not unwanted, f"unexpected {type_}: {unwanted}"

    async def closed(self, timeout: float = 2.0) -> None:  # noqa: ASYNC109
        """Wait until the server closes the connection (reading whatever comes first)."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    await self._read()
        except ConnectionClosed:
            return
        except TimeoutError:
            raise AssertionError(f"still open after {timeout}s") from None

    def received(self) -> list[Frame]:
        """Every object received so far, in arrival order (consumed or not)."""
        return [json.loads(line) for data in self.raw for line in data.split("\n")]

    def events(self, type_: str) -> list[Frame]:
        return [f for f in self.buffer if f.get("type") == type_]

    # -- requests ----------------------------------------------------------------------

    async def send(self, obj: Frame | str) -> None:
        await self.ws.send(obj if isinstance(obj, str) else json.dumps(obj))

    async def answer(self, type_: str, timeout: float = 2.0, **fields: Any) -> Frame:  # noqa: ASYNC109
        """Send a request and return its ack or its error frame."""
        self._next_id += 1
        rid = self._next_id
        await self.send({"type": type_, "id": rid, **fields})
        return await self.reply(rid, timeout)

    async def reply(self, rid: int | str, timeout: float = 2.0) -> Frame:  # noqa: ASYNC109
        """The answer (ack or error) to a request sent with ``send`` and id ``rid``."""

        def answers(frame: Frame) -> bool:
            return frame.get("type") in ("ack", "error") and frame.get("re") == rid

        return await self.wait_for(answers, timeout, f"answer to #{rid}")

    async def request(self, type_: str, timeout: float = 2.0, **fields: Any) -> Frame:  # noqa: ASYNC109
        """Send a request and return its ack; an error frame raises ``RequestFailed``."""
        frame = await self.answer(type_, timeout, **fields)
        if frame["type"] == "error":
            raise RequestFailed(frame)
        return frame

    async def refused(self, type_: str, **fields: Any) -> Frame:
        """Send a request that must fail; return the error frame."""
        frame = await self.answer(type_, **fields)
        assert frame["type"] == "error", f"{type_} was accepted: {frame}"
        return frame

    async def enter(self, nickname: str, **fields: Any) -> Frame:
        """Enter with ``PROFILE`` unless told otherwise; keeps ``me`` and ``token``."""
        ack = await self.request("enter", nickname=nickname, **{**PROFILE, **fields})
        self.me, self.token = ack["me"], ack["token"]
        return ack

    async def say(self, room: str, text: str, **fields: Any) -> Frame:
        return await self.request("say", room=room, text=text, **fields)

    async def close(self) -> None:
        await self.ws.close()

    def abort(self) -> None:
        """Drop the TCP connection without a closing handshake (a lost network)."""
        self.ws.transport.abort()


async def open_ws(url: str, device: str | None, **kwargs: Any) -> ClientConnection:
    headers = {"Cookie": f"causette_device={device}"} if device else {}
    return await connect(
        url,
        additional_headers=headers,
        proxy=None,
        compression=None,
        ping_interval=None,
        max_size=None,
        close_timeout=1,
        **kwargs,
    )


class Connector:
    """Opens clients on one server, each with its own device cookie unless given one."""

    def __init__(self) -> None:
        self.clients: list[Client] = []

    async def __call__(
        self, server: Server, device: str | None = "new", *, hello: bool = True
    ) -> Client:
        cookie = secrets.token_urlsafe(16) if device == "new" else device
        client = Client(await open_ws(server.ws_url, cookie), cookie)
        self.clients.append(client)
        if hello:
            client.hello = await client.next_event("hello")
        return client

    async def close_all(self) -> None:
        for client in self.clients:
            with contextlib.suppress(Exception):
                await client.close()


async def entered(
    connect_client: Connector, server: Server, nickname: str, **fields: Any
) -> Client:
    """A client that has entered with ``nickname``; ``device`` may be given in ``fields``."""
    device = fields.pop("device", "new")
    client = await connect_client(server, device)
    await client.enter(nickname, **fields)
    return client


async def in_room(
    connect_client: Connector, server: Server, room: str, *nicknames: str
) -> list[Client]:
    """Clients that have entered and joined ``room``, with their join events consumed."""
    clients: list[Client] = []
    for nick in nicknames:
        client = await entered(connect_client, server, nick)
        await client.request("join", room=room)
        for other in clients:
            joined = await other.next_event("joined")
            assert joined["user"]["nick"] == nick
        clients.append(client)
    return clients


# Every frame of a connection counts against a bucket of 30 (5 more a second), whatever the
# configured message limits: tests that need volume spread it over several connections.
FRAMES_PER_CONNECTION = 25


async def posters(connect_client: Connector, server: Server, room: str, count: int) -> list[Client]:
    """``count`` more clients in ``room`` (others' join events consumed), to post in volume."""
    return await in_room(connect_client, server, room, *(f"Poster{n}" for n in range(count)))


async def eventually(
    check: Callable[[], bool | Awaitable[bool]],
    timeout: float = 2.0,  # noqa: ASYNC109
) -> None:
    """Poll ``check`` until it holds (for server-side state with no frame to wait for)."""
    async with asyncio.timeout(timeout):
        while True:
            result = check()
            if isinstance(result, Awaitable):
                result = await result
            if result:
                return
            await asyncio.sleep(0.01)


# A second loopback address: people sanctioned in a test connect from it, so that a
# network-bound sanction does not reach the others (who come from 127.0.0.1).
OTHER_NETWORK = "127.0.0.2"


async def connect_from(
    connect_client: Connector, server: Server, ip: str, device: str | None = "new"
) -> Client:
    """A client whose connection comes from ``ip`` (a loopback address), with ``device``."""
    cookie = secrets.token_urlsafe(16) if device == "new" else device
    client = Client(await open_ws(server.ws_url, cookie, local_addr=(ip, 0)), cookie)
    connect_client.clients.append(client)
    client.hello = await client.next_event("hello")
    return client


async def offender_in(
    connect_client: Connector, server: Server, room: str, nickname: str, *others: Client
) -> Client:
    """``nickname`` enters from ``OTHER_NETWORK`` and joins ``room``; ``others`` see it."""
    client = await connect_from(connect_client, server, OTHER_NETWORK)
    await client.enter(nickname)
    await client.request("join", room=room)
    for other in others:
        await other.next_event("joined", lambda f: f["user"]["nick"] == nickname)
    return client
