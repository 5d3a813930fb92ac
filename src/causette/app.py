"""Composition root: reads settings, builds the stores, hub, services and listeners, runs them.

Only this module names concrete backends.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import secrets
import socket
import struct
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.types import ASGIApp
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.http11 import Request as Handshake

from causette import logs
from causette.config import SafetySettings, Settings
from causette.domain.models import AgeBand, Rules
from causette.domain.moderation import MisusePolicy
from causette.domain.names import DEFAULT_FORBIDDEN, DEFAULT_RESERVED, NICK_MAX, NICK_MIN
from causette.domain.state import ChatState
from causette.errors import ConfigError
from causette.jobs.activity import ActivitySummary
from causette.jobs.periodic import every
from causette.jobs.presence import HEARTBEAT_INTERVAL, PresenceHeartbeat
from causette.jobs.retention import Retention
from causette.jobs.room_list import RoomListBroadcast
from causette.live.hub import Hub
from causette.live.ids import CounterAllocator
from causette.live.inprocess import InProcessBus, InProcessSharedState
from causette.safety import policy as safety_policy
from causette.safety.gate import AllowAll, SafetyGate
from causette.safety.model import MessageModel, ModelError
from causette.safety.pipeline import RuleGate
from causette.safety.review import ModelReview
from causette.services.accounts import AccountService
from causette.services.budgets import Allowance, BudgetPolicy
from causette.services.chat import Pacing
from causette.services.moderation.automated import AutomatedMutes, AutomatedNotices
from causette.services.moderation.service import (
    ModerationPolicy,
    ModerationService,
    build_moderation,
)
from causette.services.verbs import ChatServices, build_chat
from causette.store.chat import Store
from causette.store.connections import ConnectionLog
from causette.store.moderation import ModerationStore
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.connections import SqliteConnectionLog, load_connection_key
from causette.store.sqlite.moderation import SqliteModerationStore
from causette.transport.console.routes import Console
from causette.transport.web.legal import LegalPages
from causette.transport.web.listener import ABORT_EXTENSION, DEVICE_MAX_AGE, WebListener
from causette.types import Clock, FakeClock, NodeId, SystemClock

log = logging.getLogger(__name__)

ROOM_LIST_INTERVAL = 1.0
SLOW_READER_CHECK = 0.5  # how often stuck sends are looked for
PURGE_INTERVAL = 600.0


def load_secret(data_dir: Path) -> bytes:
    """The server's key for network hashes, created on first start (kept private)."""
    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(32))
    secret = path.read_bytes()
    if len(secret) < 16:
        raise RuntimeError(f"{path} is too short to be a key; delete it to make a new one")
    return secret


def node_id() -> NodeId:
    """This process's name among nodes: host, process and a random part (a restarted
    process is a new node)."""
    return NodeId(f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}")


def rules_of(settings: Settings) -> Rules:
    e, lim = settings.entry, settings.limits
    return Rules(
        min_age=e.min_age,
        adult_age=e.adult_age,
        rooms_max=lim.rooms_max,
        message_max=lim.message_max,
        user_rooms_max=lim.user_rooms_max,
        reserved_names=DEFAULT_RESERVED | frozenset(e.reserved_names),
        forbidden_names=DEFAULT_FORBIDDEN + e.forbidden_names,
    )


def pacing_of(settings: Settings) -> Pacing:
    lim, h, s = settings.limits, settings.history, settings.session
    minute = 60.0
    return Pacing(
        requests_burst=lim.requests_burst,
        requests_rate=lim.requests_per_second,
        strikes=lim.strikes_to_disconnect,
        strike_window=lim.strike_window_seconds,
        connections_per_network=lim.connections_per_ip,
        grace=s.grace_seconds,
        grace_per_network=lim.grace_sessions_per_network,
        age_cooldown=settings.entry.age_cooldown_hours * 3600,
        network_age_block=settings.entry.network_age_block_minutes * minute,
        kick_ban=lim.kick_ban_seconds,
        history_count=h.count,
        history_age=h.max_age_hours * 3600,
        budgets=BudgetPolicy(
            message=Allowance(lim.burst, lim.rate_per_second),
            network_message=Allowance(lim.network_burst, lim.network_rate_per_second),
            entry=Allowance(lim.entries_per_minute, lim.entries_per_minute / minute),
            network_entry=Allowance(
                lim.network_entries_per_minute, lim.network_entries_per_minute / minute
            ),
            report=Allowance(lim.reports_burst, lim.reports_per_minute / minute),
            network_report=Allowance(
                lim.network_reports_burst, lim.network_reports_per_minute / minute
            ),
        ),
    )


def policy_of(settings: Settings) -> ModerationPolicy:
    m, day = settings.moderation, 24 * 3600.0
    return ModerationPolicy(
        evidence_before=m.evidence_before,
        evidence_after=m.evidence_after,
        evidence_hold=settings.retention.evidence_hold_days * day,
        automated_mute_max=m.automated_mute_max_minutes * 60,
        misuse=MisusePolicy(
            window=m.misuse_window_days * day,
            warn_after=m.misuse_warn_after,
            suspend_after=m.misuse_suspend_after,
            suspension=m.misuse_suspension_days * day,
        ),
        territorial_scope=frozenset(settings.dsa.territorial_scope),
        content_language=settings.server.lang,
    )


def gates_of(settings: Settings) -> Callable[[], SafetyGate]:
    """Makes the configured safety gate, the policy read once: the rules with the operator's
    policy over the shipped one (``ConfigError`` naming the key if that file is wrong), or
    none when disabled. Each gate made has a memory of its own (the eval's replays)."""
    if not settings.safety.enabled:
        return AllowAll
    policy = safety_policy.load(settings.safety.policy)
    return lambda: RuleGate(policy)


def gate_of(settings: Settings) -> SafetyGate:
    """The configured safety gate (see ``gates_of``)."""
    return gates_of(settings)()


def chat_state_of(settings: Settings) -> ChatState:
    """The chat's rules and the operator's rooms, each in its age band."""
    state = ChatState(rules_of(settings))
    for spec in settings.rooms:
        state.add_official_room(spec.name, spec.topic, AgeBand(spec.band))
    return state


def model_of(settings: Settings) -> MessageModel | None:
    """The model that reviews delivered messages, or none when it (or the protection) is
    off; ``ConfigError`` naming ``safety.model_file`` when that file is bad."""
    safety = settings.safety
    if not (safety.enabled and safety.model):
        return None
    try:
        return MessageModel.load(safety.model_file) if safety.model_file else MessageModel.shipped()
    except ModelError as error:
        raise ConfigError("config_invalid", key="safety.model_file", problem=str(error)) from error


def wire_protection(
    chat: ChatServices,
    moderation: ModerationService,
    moderation_store: SqliteModerationStore,
    model: MessageModel | None,
    safety: SafetySettings,
) -> None:
    """What the safety gate's verdicts become, the same for the server and the eval's replay;
    with a model, the review of delivered messages that files its flags as cases."""
    # What the gate asks to be looked at becomes a case like any notice.
    notices = AutomatedNotices(moderation.cases.report)
    chat.messages.file_case = notices.file
    if model is not None:
        chat.messages.review = ModelReview(
            model,
            notices.file_flag,
            chat.chat.spawn,
            safety.model_threshold,
            workers=safety.model_workers,
        )
    # A verdict's short mute is a decision of automation, within the policy's cap.
    chat.messages.mute = AutomatedMutes(moderation.decisions, moderation_store.open_case_for).mute


class App:
    """One causette server: everything wired, with its background jobs."""

    def __init__(
        self, settings: Settings, gate: SafetyGate | None = None, clock: Clock | None = None
    ) -> None:
        self.settings = settings
        gate = gate if gate is not None else gate_of(settings)
        data_dir = settings.server.data_dir
        self.store = SqliteStore(data_dir / "causette.sqlite3")
        self.hub = Hub()
        # One process: the bus and the id counter live in it (Redis and a PostgreSQL
        # sequence take their place when several nodes share the work).
        self.bus = InProcessBus()
        # Another clock only for a history made up in advance (``causette admin seed-demo``).
        self.clock: Clock = clock or SystemClock()
        self.shared = InProcessSharedState(self.clock)
        state = chat_state_of(settings)
        secret = load_secret(data_dir)
        # Connection data (LCEN): a file of its own, addresses sealed with a key kept apart.
        # The key path is relative to data_dir unless absolute: ``/`` keeps an absolute path.
        self.connections = SqliteConnectionLog(
            data_dir / "connections.sqlite3",
            load_connection_key(data_dir / settings.retention.connection_key_file),
        )
        self.chat = build_chat(
            state,
            self.store,
            self.hub,
            self.bus,
            self.shared,
            self.clock,
            pacing_of(settings),
            secret,
            connections=self.connections,
            gate=gate,
            ids=CounterAllocator(self.store.max_message_id),
            node=node_id(),
        )
        self.moderation_store = SqliteModerationStore(self.store)
        self.moderation = build_moderation(
            self.chat, self.store, self.moderation_store, policy_of(settings), self.clock
        )
        wire_protection(
            self.chat,
            self.moderation,
            self.moderation_store,
            model_of(settings),
            settings.safety,
        )
        self.retention = Retention(
            self.store,
            self.connections,
            settings.history,
            settings.retention,
            cases=self.moderation_store,
            accounts=self.moderation_store,
        )
        # Moderators' accounts and the console at /moderation (SAFETY.md 22).
        # Logins are throttled per network, by the same keyed hash as network sanctions.
        self.accounts = AccountService(
            self.moderation_store,
            self.moderation_store,
            self.shared,
            self.clock.wall,
            network_secret=secret,
        )
        self.console = Console(self.moderation, self.accounts, self.connections, self.clock.wall)
        lim = settings.limits
        self.web = WebListener(
            self.chat,
            self.moderation,
            limits={
                "message_max": lim.message_max,
                "rooms_max": lim.rooms_max,
                "nick_min": NICK_MIN,
                "nick_max": NICK_MAX,
                "min_age": settings.entry.min_age,
                "adult_age": settings.entry.adult_age,
                "history_count": settings.history.count,
                "grace_seconds": settings.session.grace_seconds,
            },
            default_lang=settings.server.lang,
            outbox_max_bytes=lim.outbox_max_bytes,
            idle_timeout=settings.session.idle_timeout_seconds,
            send_timeout=lim.send_timeout_seconds,
        )
        self._jobs: list[asyncio.Task[None]] = []
        self.activity = ActivitySummary(self.store, self.moderation_store, self.clock)
        self.room_list = RoomListBroadcast(self.chat.rooms, self.bus)
        self.presence = PresenceHeartbeat(self.chat.chat)

    async def start(self) -> None:
        await self.store.open()
        await self.connections.open()
        await self.bus.start()
        await self.chat.start()
        await self.moderation.start()
        self._jobs = [
            asyncio.create_task(
                every(ROOM_LIST_INTERVAL, self.room_list.send_if_changed, "room-list"),
                name="room-list",
            ),
            asyncio.create_task(
                every(HEARTBEAT_INTERVAL, self.presence.beat, "presence"), name="presence"
            ),
            asyncio.create_task(
                every(SLOW_READER_CHECK, self.web.cut_slow_readers, "slow-readers"),
                name="slow-readers",
            ),
            asyncio.create_task(every(PURGE_INTERVAL, self.purge_once, "purge"), name="purge"),
            asyncio.create_task(
                every(PURGE_INTERVAL, self.activity.record_once, "activity"), name="activity"
            ),
        ]
        log.info("started", extra={"rooms": len(self.chat.chat.state.rooms)})

    async def stop(self) -> None:
        for job in self._jobs:
            job.cancel()
        for job in self._jobs:
            with contextlib.suppress(asyncio.CancelledError):
                await job
        self.web.close_all("server_shutdown")
        if self.chat.messages.review is not None:
            # What the model still has queued is filed before the stores close.
            await self.chat.messages.review.drain()
        await self.chat.stop()
        await self.bus.stop()
        await self.store.close()
        await self.connections.close()
        log.info("stopped")

    async def purge_once(self) -> dict[str, int]:
        """Delete everything past its retention period; how many of each kind went."""
        return await self.retention.purge(self.clock.wall())

    def asgi(self) -> ASGIApp:
        @contextlib.asynccontextmanager
        async def lifespan(_: Starlette) -> AsyncIterator[None]:
            await self.start()
            try:
                yield
            finally:
                await self.stop()

        legal = LegalPages(self.settings, DEVICE_MAX_AGE // 86400)
        return self.web.app(lifespan, [*self.console.routes(), *legal.routes()])


def bind(host: str, port: int) -> socket.socket:
    """Bind the listening socket ourselves, so that port 0 can be reported once chosen."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must say TCP: asyncio disables Nagle (TCP_NODELAY) only on sockets that do, and
    # accepted sockets inherit it. Without it, a frame right after another waits ~40 ms.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


GRACEFUL_SECONDS = 5


def abort_transport(transport: asyncio.Transport) -> None:
    """Drop a connection now, with whatever it still has to send.

    ``transport.close()`` waits for the buffer to drain, which never happens when the peer
    has stopped reading; ``abort()`` drops asyncio's buffer, and a zero linger makes the
    kernel reset the connection and free its own send buffer (megabytes) instead of keeping
    an orphaned socket that retries for minutes.
    """
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


class _WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's websockets-sansio protocol with two bounds on a peer that stops reading.

    Its socket's send buffer is fixed at ``send_buffer`` bytes (the kernel otherwise grows
    it to megabytes, all held for a reader that may never read), and the application gets
    a way to drop the connection (``ABORT_EXTENSION`` in the scope's extensions), which
    ASGI does not have: ``websocket.close`` only queues a close frame behind what the peer
    is not reading. ``make_server`` subclasses it with the configured size.
    """

    send_buffer = 262_144

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.send_buffer)
        super().connection_made(transport)

    def handle_connect(self, event: Handshake) -> None:
        super().handle_connect(event)
        # The application's task is created but has not run yet: it sees the extension.
        scope = getattr(self, "scope", None)
        if scope is not None:
            transport = self.transport
            scope["extensions"][ABORT_EXTENSION] = {"abort": lambda: abort_transport(transport)}


class _Server(uvicorn.Server):
    """uvicorn's server, telling WebSocket clients why they are cut before it cuts them."""

    def __init__(self, config: uvicorn.Config, app: App) -> None:
        super().__init__(config)
        self.chat = app

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # uvicorn closes WebSockets (code 1012, no frame) before the lifespan shutdown, so
        # ``App.stop`` would come too late to send ``server_shutdown``. Stop accepting first.
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        self.chat.console.close()  # live console streams would hold the shutdown open
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(GRACEFUL_SECONDS / 2):
                await self.chat.web.shut_down()
        await super().shutdown(sockets)


@contextlib.asynccontextmanager
async def account_service(settings: Settings) -> AsyncIterator[AccountService]:
    """The console accounts of a server's database, opened as the server opens it (for
    ``causette admin``; safe while the server runs: SQLite serialises the writers)."""
    store = SqliteStore(settings.server.data_dir / "causette.sqlite3")
    await store.open()
    try:
        moderation_store = SqliteModerationStore(store)
        yield AccountService(
            moderation_store, moderation_store, InProcessSharedState(SystemClock()), time.time
        )
    finally:
        await store.close()


def make_server(settings: Settings) -> tuple[App, uvicorn.Server]:
    """The wired application and the HTTP server that runs it (``serve`` and tests share it)."""
    app = App(settings)
    logs.quiet_bad_input()
    config = uvicorn.Config(
        app.asgi(),
        lifespan="on",
        log_config=None,
        ws=type(
            "WebSocketProtocol",
            (_WebSocketProtocol,),
            {"send_buffer": settings.limits.send_buffer_bytes},
        ),
        ws_max_size=64 * 1024,
        ws_ping_interval=None,
        server_header=False,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )
    return app, _Server(config, app)


async def serve(settings: Settings, sock: socket.socket | None = None) -> None:
    """Run the server until it is told to stop (SIGINT or SIGTERM)."""
    sock = sock or bind(settings.server.host, settings.server.port)
    host, port = sock.getsockname()[:2]
    _, server = make_server(settings)
    log.info("listening", extra={"host": host, "port": port, "url": f"http://{host}:{port}/"})
    await server.serve(sockets=[sock])


def with_overrides(
    settings: Settings, host: str | None, port: int | None, data_dir: Path | None
) -> Settings:
    server = settings.server
    return replace(
        settings,
        server=replace(
            server,
            host=host if host is not None else server.host,
            port=port if port is not None else server.port,
            data_dir=data_dir if data_dir is not None else server.data_dir,
        ),
    )


@dataclass(frozen=True, slots=True)
class Replay:
    """A chat wired as ``App`` wires it, for replaying conversations (``causette safety
    eval``): same services, gate and moderation, with SQLite in memory and a fake clock."""

    chat: ChatServices
    moderation_store: ModerationStore
    clock: FakeClock


@contextlib.asynccontextmanager
async def replay_chat(
    settings: Settings, gate: SafetyGate, model: MessageModel | None = None
) -> AsyncIterator[Replay]:
    """A second composition root, for the eval only: nothing touches the disk (SQLite in
    memory, no connection log, since where a replayed message came from is not evidence of
    anything) and time moves only when the replay says so."""
    store = SqliteStore(Path(":memory:"))
    clock = FakeClock()
    bus = InProcessBus()
    state = chat_state_of(settings)
    chat = build_chat(
        state,
        store,
        Hub(),
        bus,
        InProcessSharedState(clock),
        clock,
        pacing_of(settings),
        b"replay-network-secret-0123456789",
        gate=gate,
        ids=CounterAllocator(store.max_message_id),
    )
    moderation_store = SqliteModerationStore(store)
    moderation = build_moderation(chat, store, moderation_store, policy_of(settings), clock)
    wire_protection(chat, moderation, moderation_store, model, settings.safety)
    await store.open()
    await bus.start()
    await chat.start()
    await moderation.start()
    try:
        yield Replay(chat, moderation_store, clock)
    finally:
        if chat.messages.review is not None:
            await chat.messages.review.drain()
        await chat.stop()
        await bus.stop()
        await store.close()


@dataclass(frozen=True, slots=True)
class DataStores:
    """The stores of a data folder, without a chat server (the ``causette admin`` commands)."""

    chat: Store
    moderation: ModerationStore
    connections: ConnectionLog | None


@contextlib.asynccontextmanager
async def open_data_stores(
    settings: Settings, *, connections: bool = False
) -> AsyncIterator[DataStores]:
    """Open the stores of an existing data folder (the connection log only if asked).

    Unlike ``App`` it creates nothing: pointed at the wrong folder, it raises
    ``FileNotFoundError`` naming the missing file rather than start an empty database or a
    new connection key.
    """
    data_dir = settings.server.data_dir
    key_path = data_dir / settings.retention.connection_key_file
    needed = [data_dir / "causette.sqlite3"]
    if connections:
        needed += [data_dir / "connections.sqlite3", key_path]
    for path in needed:
        if not path.is_file():
            raise FileNotFoundError(errno.ENOENT, "not found", str(path))
    async with contextlib.AsyncExitStack() as stack:
        chat = SqliteStore(data_dir / "causette.sqlite3")
        await chat.open()
        stack.push_async_callback(chat.close)
        log_store: ConnectionLog | None = None
        if connections:
            log_store = SqliteConnectionLog(
                data_dir / "connections.sqlite3", load_connection_key(key_path)
            )
            stack.push_async_callback(log_store.close)
            await log_store.open()
        yield DataStores(chat, SqliteModerationStore(chat), log_store)
