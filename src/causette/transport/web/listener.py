"""The web listener: the page, its static files, ``/healthz`` and the WebSocket at ``/ws``.

A thin adapter: socket I/O, the device cookie, the origin check. Each WebSocket runs two
tasks: a reader that hands frames to the request loop (``transport.session``, over the web's
command table in ``commands.py``) and a writer that drains the connection's outbox, one send
per wake-up. Whatever happens to one connection stays with it: errors close that socket,
never the server.

A peer that stops reading fills the kernel's buffers (megabytes) and then blocks the writer
in ``send``: a send that does not complete within ``send_timeout`` closes the connection with
``slow_consumer``, and a connection whose close cannot be delivered either is aborted through
the server's ``ABORT_EXTENSION`` (set by ``causette.app``), which frees the socket and its
buffers at once rather than leave them to an orderly close that would never finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from causette import __version__
from causette.domain.identity import new_token, token_hash
from causette.errors import LimitExceeded
from causette.live.hub import Outbox
from causette.protocol import web
from causette.services.chat import Link
from causette.services.moderation.service import ModerationService
from causette.services.verbs import ChatServices
from causette.transport.session import RequestLoop
from causette.transport.web.assets import REVALIDATE, Assets, respond
from causette.transport.web.commands import ANSWERS, COMMANDS, Web

log = logging.getLogger(__name__)

DEVICE_COOKIE = "causette_device"
DEVICE_MAX_AGE = 400 * 24 * 3600  # the longest lifetime browsers accept
STATIC_DIR = Path(__file__).resolve().parents[2] / "web" / "static"
# The client's bundle (build/bundle.mjs), served beside the static files as /static/app.js.
DIST_DIR = STATIC_DIR.parent / "dist"
# The bundle's sources: the page loads the bundle, never these.
BUNDLED = ("js/", "i18n/")

# Nothing the page loads may come from elsewhere (no CDN), and nothing may frame it.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

# Close codes: 1000 normal, 1008 policy violation, 1013 try again later.
CLOSE_TIMEOUT = 2.0
CLOSE_CODES = {"quit": 1000, "session_ended": 1000, "server_shutdown": 1001}
# The scope extension through which the HTTP server lets us drop a connection outright.
ABORT_EXTENSION = "causette.abort"


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class WebListener:
    """Builds the Starlette application around a ``ChatService``."""

    def __init__(
        self,
        chat: ChatServices,
        moderation: ModerationService,
        limits: dict[str, int | float],
        default_lang: str,
        outbox_max_bytes: int,
        idle_timeout: float,
        send_timeout: float = 5.0,
    ) -> None:
        self.chat = chat
        self.moderation = moderation
        self.limits = limits
        self.default_lang = default_lang
        self.outbox_max_bytes = outbox_max_bytes
        self.idle_timeout = idle_timeout
        self.send_timeout = send_timeout
        self.links: set[Link] = set()
        self._sockets: dict[Link, WebSocket] = {}
        # When each connection's pending send started, while one is pending.
        self._sending: dict[Link, float] = {}
        self._no_links = asyncio.Event()
        self._no_links.set()
        self.assets = Assets.from_dirs("/static", STATIC_DIR, DIST_DIR, exclude=BUNDLED)
        self.index_page = self.assets.page(
            "index.html", (STATIC_DIR / "index.html").read_text(encoding="utf-8")
        )

    def app(
        self,
        lifespan: Callable[[Starlette], Any] | None = None,
        extra_routes: Sequence[BaseRoute] = (),
    ) -> ASGIApp:
        """The ASGI application; ``extra_routes`` (the moderation console) get the same
        security headers."""
        routes = [
            Route("/", self.index),
            Route("/healthz", self.healthz),
            WebSocketRoute("/ws", self.websocket),
            *extra_routes,
            Mount("/static", app=self.assets, name="static"),
        ]
        return SecurityHeaders(Starlette(routes=routes, lifespan=lifespan))

    async def index(self, request: Request) -> Response:
        # Not cached without asking: the next release's page names the next release's files.
        response = respond(request, self.index_page, REVALIDATE)
        if not request.cookies.get(DEVICE_COOKIE):
            response.set_cookie(
                DEVICE_COOKIE,
                new_token(),
                max_age=DEVICE_MAX_AGE,
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
            )
        return response

    async def healthz(self, request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    async def cut_slow_readers(self) -> None:
        """Close with ``slow_consumer`` every connection whose send has waited more than
        ``send_timeout`` (its reader stopped reading and its buffers are full); one still
        stuck ``CLOSE_TIMEOUT`` later, unable to take even the reason, is reset, which frees
        its buffers and ends the pending send."""
        now = time.monotonic()
        for link, started in list(self._sending.items()):
            waited = now - started
            if waited > self.send_timeout:
                link.outbox.close("slow_consumer", discard=True)
            if waited > self.send_timeout + CLOSE_TIMEOUT:
                ws = self._sockets.get(link)
                if ws is not None:
                    abort(ws)

    def close_all(self, reason: str) -> None:
        """Tell every connection why it is closing (server shutdown)."""
        for link in list(self.links):
            link.outbox.close(reason)

    async def shut_down(self) -> None:
        """Send every connection ``server_shutdown`` and wait until all are closed (callers
        bound the wait). Run before the HTTP server cuts them, which would say nothing."""
        self.close_all("server_shutdown")
        await self._no_links.wait()

    async def websocket(self, ws: WebSocket) -> None:
        if not self._same_origin(ws):
            # A page on another site must not ride on this browser's device cookie.
            await ws.close(code=1008)
            return
        await ws.accept()
        cookie = ws.cookies.get(DEVICE_COOKIE)
        device = token_hash(cookie if cookie else new_token())
        ip = ws.client.host if ws.client else "unknown"
        outbox = Outbox(web.CODEC, self.outbox_max_bytes)
        port = ws.client.port if ws.client else 0
        link = Link(ip, device, outbox, lang=self.default_lang, port=port, ephemeral=not cookie)
        if ws.query_params.get("v") != str(web.VERSION):
            await self._refuse(ws, link, "protocol_unsupported")
            return
        try:
            self.chat.sessions.admit(link)
        except LimitExceeded as refusal:
            await self._refuse(ws, link, refusal.code, refusal.params)
            return
        self.links.add(link)
        self._sockets[link] = ws
        self._no_links.clear()
        writer = asyncio.create_task(self._write(ws, link), name="ws-writer")
        reader = asyncio.create_task(self._greet_and_read(ws, link), name="ws-reader")
        try:
            await asyncio.wait({reader, writer}, return_when=asyncio.FIRST_COMPLETED)
            # Reader done: let the writer flush what is queued (a quit's ack, an idle
            # notice) for a moment. Writer done: the socket is closed, stop reading.
            if not writer.done():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(writer), 5.0)
        finally:
            # A writer that did not finish its close (stuck behind a peer that stopped
            # reading) leaves a socket nobody would ever free: drop it.
            closed_cleanly = (
                writer.done()
                and not writer.cancelled()
                and writer.exception() is None
                and writer.result()
            )
            self.links.discard(link)
            self._sockets.pop(link, None)
            self._sending.pop(link, None)
            if not self.links:
                self._no_links.set()
            outbox.close("gone", discard=True)
            if not closed_cleanly:
                abort(ws)
            for task in (reader, writer):
                task.cancel()
            for task in (reader, writer):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            await self.chat.sessions.disconnected(link)

    async def _greet_and_read(self, ws: WebSocket, link: Link) -> None:
        declaration, block = await self.chat.sessions.prefill(link)
        prefill = None
        if declaration is not None:
            prefill = {
                "nickname": declaration.nickname,
                "age": declaration.age,
                "gender": declaration.gender.value,
                "postal_code": declaration.postal_code,
            }
        # How many people are in (a count, never who): the entry page shows the site alive.
        online = len(self.chat.chat.state.guests)
        hello = web.hello_frame(
            f"causette/{__version__}",
            link.lang,
            self.limits,
            prefill,
            block.until if block else None,
            block.scope if block else None,
            online,
        )
        link.outbox.push(hello)
        await self._read(ws, link)

    def _same_origin(self, ws: WebSocket) -> bool:
        origin = ws.headers.get("origin")
        if origin is None:
            return True  # not a browser: no ambient cookie to abuse
        host = ws.headers.get("host", "")
        return origin.split("://", 1)[-1] == host

    async def _refuse(
        self, ws: WebSocket, link: Link, code: str, params: dict[str, Any] | None = None
    ) -> None:
        await ws.send_text(web.disconnect_frame(code, link.lang, params))
        await ws.close(code=1008)

    async def _read(self, ws: WebSocket, link: Link) -> None:
        context = Web(self.chat, self.moderation, link)
        loop = RequestLoop(COMMANDS, web.decode_request, ANSWERS, self.chat.sessions, link, context)
        outbox = link.outbox
        while outbox.closed is None:
            try:
                async with asyncio.timeout(self.idle_timeout):
                    message = await ws.receive()
            except TimeoutError:
                outbox.close("idle_timeout")
                return
            if message["type"] == "websocket.disconnect":
                outbox.close("gone", discard=True)
                return
            # A binary frame is no request: the codec refuses it, and it costs like one.
            text = message.get("text")
            frame: str | bytes = text if text is not None else message.get("bytes") or b""
            await loop.handle(frame)

    async def _write(self, ws: WebSocket, link: Link) -> bool:
        """Drain the outbox to the socket, then say why it closes and close it.

        True when the connection was closed (or the peer went away); False when the peer
        stopped reading, so that the caller aborts the socket.
        """
        outbox = link.outbox
        try:
            sending = self._sending
            while (data := await outbox.take()) is not None:
                # A send completes as soon as the socket's buffers take it; one still
                # pending after ``send_timeout`` means the peer stopped reading, and
                # ``cut_slow_readers`` acts on it (a timer per send would cost the hot path).
                sending[link] = time.monotonic()
                await ws.send_text(data)
                del sending[link]
            reason = outbox.closed or "gone"
            if reason == "gone":
                return True
            # A peer that stopped reading would block these forever: give it a moment only.
            async with asyncio.timeout(CLOSE_TIMEOUT):
                if reason != "quit":
                    frame = web.disconnect_frame(reason, link.lang, outbox.close_params)
                    await ws.send_text(frame)
                await ws.close(code=CLOSE_CODES.get(reason, 1008))
            return True
        except TimeoutError:
            outbox.close("gone", discard=True)
            return False
        except (WebSocketDisconnect, RuntimeError, OSError):
            # The peer went away mid-write; the reader notices and cleans up.
            outbox.close("gone", discard=True)
            return True


def abort(ws: WebSocket) -> None:
    """Drop the connection at once, unsent data and all, when the server offers the means
    (``ABORT_EXTENSION``); otherwise the server's own close has to do."""
    extension = ws.scope.get("extensions", {}).get(ABORT_EXTENSION)
    if extension is not None:
        extension["abort"]()
