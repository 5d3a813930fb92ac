"""The services tier's harness: a chat wired as ``causette.app`` wires it, without sockets.

The tests import it as ``visitors``; ``conftest.py`` holds the fixtures. A ``Site`` is the
chat services over a SQLite store in memory, a connection log under ``tmp_path``, a ``Hub``
and a ``FakeClock``. A ``Visitor`` is one connection of a guest: a ``Link`` whose ``Outbox``
encodes with the real web codec (``causette.protocol.web``), as a WebSocket would.

``received`` is the one function that reads an outbox: when the hub or the outbox change
shape (several connections per guest, framing in the codec), only it needs to follow.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from causette.app import App
from causette.config import Settings
from causette.domain.models import Message
from causette.live.hub import Hub, Outbox
from causette.protocol import web
from causette.services.chat import Link
from causette.services.sessions import Entered, Resumed
from causette.services.verbs import ChatServices
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.connections import SqliteConnectionLog
from causette.types import FakeClock

Frame = dict[str, Any]

PROFILE: dict[str, Any] = {"age": 30, "gender": "woman", "postal_code": "75011"}


@dataclass(eq=False)
class Visitor:
    """One connection of a guest; ``id``, ``nick`` and ``token`` as given at entry."""

    link: Link
    id: str
    nick: str
    token: str
    device: str


async def received(visitor: Visitor) -> list[Frame]:
    """What the visitor's connection was sent since the last call, decoded, oldest first.

    Reading empties the outbox, so each frame is seen once.
    """
    outbox = visitor.link.outbox
    if not outbox.frames:
        return []
    text = await outbox.take()  # does not wait: there are frames
    if text is None:
        return []
    return [json.loads(line) for line in text.split("\n") if line]


def closed_reason(visitor: Visitor) -> str | None:
    """Why the server closed the visitor's connection, or None while it is open."""
    return visitor.link.outbox.closed


async def events(visitor: Visitor, kind: str) -> list[Frame]:
    """The frames of one type among what the visitor received since the last read (the
    others are read too, and dropped)."""
    return [f for f in await received(visitor) if f.get("type") == kind]


@dataclass(eq=False)
class Site:
    """A wired chat and the means to drive it: connect, enter, drop, resume, move time."""

    services: ChatServices
    clock: FakeClock
    hub: Hub
    store: SqliteStore
    connections: SqliteConnectionLog
    settings: Settings
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def connect(self, ip: str | None = None, device: str | None = None) -> Link:
        """A new connection, admitted (counted against its address); each visitor gets its
        own address and device unless told otherwise."""
        n = next(self._numbers)
        link = Link(
            ip=ip or f"10.0.{n // 250}.{n % 250 + 1}",
            device=device or f"device-{n}",
            outbox=Outbox(web.CODEC, self.settings.limits.outbox_max_bytes),
        )
        self.services.sessions.admit(link)
        return link

    async def enter(
        self,
        nickname: str,
        *,
        ip: str | None = None,
        device: str | None = None,
        link: Link | None = None,
        **profile: Any,
    ) -> Visitor:
        """Connect (unless ``link`` is given) and enter with ``PROFILE`` and overrides."""
        link = link or self.connect(ip, device)
        entered = await self.entered(link, nickname, **profile)
        guest = entered.guest
        return Visitor(link, guest.id, guest.profile.nickname, entered.token, link.device)

    async def entered(self, link: Link, nickname: str, **profile: Any) -> Entered:
        fields = {**PROFILE, **profile}
        return await self.services.sessions.enter(
            link, nickname, fields["age"], fields["gender"], fields["postal_code"]
        )

    async def in_room(self, room: str, *nicknames: str) -> list[Visitor]:
        """Visitors entered and joined to ``room``, with what they received so far read."""
        visitors = [await self.enter(nick) for nick in nicknames]
        for visitor in visitors:
            await self.services.rooms.join(visitor.link, room)
        for visitor in visitors:
            await received(visitor)
        return visitors

    async def say(self, visitor: Visitor, room: str, text: str) -> Message:
        """A room message, returned once stored and announced."""
        return await self.services.messages.say(visitor.link, text, room, None, False)

    async def tell(self, visitor: Visitor, to: Visitor, text: str) -> Message:
        """A private message, returned once stored and announced."""
        return await self.services.messages.say(visitor.link, text, None, to.id, False)

    async def drop(self, visitor: Visitor) -> None:
        """The connection is lost without a quit (the transport's ``finally``)."""
        await self.services.sessions.disconnected(visitor.link)

    async def resume(
        self, old: Visitor, last_event_id: int, ip: str | None = None
    ) -> tuple[Visitor, Resumed]:
        """A new connection from ``old``'s device resuming its session, answered as the web
        transport answers (the ack, then the missed messages, then what came meanwhile)."""
        link = self.connect(ip, old.device)
        resumed = await self.services.sessions.resume(link, old.token, last_event_id)
        answer = web.ack_frame("r", {"token": old.token, "me": web.user(resumed.guest.view)})
        self.services.sessions.finish_resume(link, answer, resumed)
        return Visitor(link, old.id, resumed.guest.profile.nickname, old.token, old.device), resumed

    async def settle(self) -> None:
        """Let the background work the services spawned (grace expiry, flood ends) finish."""
        tasks = self.services.chat._tasks
        while tasks:
            await asyncio.gather(*list(tasks))

    async def advance(self, seconds: float) -> None:
        """Move the fake clock (running the timers that fall due), then settle."""
        self.clock.advance(seconds)
        await self.settle()

    def present(self, visitor: Visitor) -> bool:
        """Whether the visitor's guest is still in the chat."""
        return visitor.id in self.services.chat.state.guests


MakeSite = Callable[..., Awaitable[Site]]
# Makes a whole ``App`` with a [safety] section (``make_app`` in conftest.py).
MakeApp = Callable[..., Awaitable[App]]
"""The ``make_site`` fixture: ``await make_site({"limits": {...}})`` is a started site."""
