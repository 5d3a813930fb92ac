"""Live fan-out: which connections a guest has, and their bounded outboxes.

A guest (the person) has one or more connections, each with its own outbox, as Ergo's client
has several sessions. Whether a new connection takes over the others is the session service's
choice; the hub delivers to all of them.

Delivery is the hot path. An event is encoded once per codec and the same string is appended
to each recipient connection's outbox; an outbox wakes its writer, which sends everything
queued in one write on the next loop tick, framed by its codec. An outbox over its byte
budget is closed with ``slow_consumer``: a reader that cannot keep up is cut off, never
allowed to stall others.
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
from collections.abc import Collection, Iterable, Mapping
from typing import Protocol

from causette.domain.events import Delivery, Event, MessagePosted
from causette.domain.models import Message

# Connection keys: a random prefix per process keeps them unique across nodes.
_PROCESS = secrets.token_hex(4)
_KEYS = itertools.count(1)


class Codec(Protocol):
    """How one kind of connection writes (the web's JSON lines, later IRC lines)."""

    @property
    def echo(self) -> bool:
        """Whether the connection a message was sent from receives it too."""
        ...

    def event_frame(self, event: Event) -> str:
        """One event as one frame; called once per codec per event."""
        ...

    def batch(self, frames: list[str]) -> str:
        """Queued frames (at least one) as the text of one write on the wire."""
        ...


class Outbox:
    """One connection's queue of encoded frames, bounded in bytes."""

    __slots__ = (
        "_held",
        "_size",
        "_wake",
        "close_params",
        "closed",
        "codec",
        "frames",
        "key",
        "max_bytes",
    )

    def __init__(self, codec: Codec, max_bytes: int) -> None:
        # Names this connection in a delivery from any node (the sender's own connection).
        self.key = f"{_PROCESS}.{next(_KEYS)}"
        self.codec = codec
        self.max_bytes = max_bytes
        self.frames: list[str] = []
        self._size = 0
        self._wake = asyncio.Event()
        # While a session is being resumed, live frames wait here with their message id so
        # that the replay can go first and nothing is sent twice.
        self._held: list[tuple[int, str]] | None = None
        self.closed: str | None = None
        self.close_params: dict[str, object] = {}

    def push(self, frame: str, message_id: int = 0, *, now: bool = False) -> None:
        """Queue a frame; over budget, the outbox closes itself with ``slow_consumer``.

        During a resume, frames wait until ``release`` unless ``now`` (the replay itself).
        """
        if self.closed is not None:
            return
        if self._held is not None and not now:
            self._held.append((message_id, frame))
            return
        self.frames.append(frame)
        # A resume's replay is bounded by its query, not by this reader's pace: counting it
        # would cut off, on every attempt, whoever missed more than the budget holds.
        if not now:
            self._size += len(frame)
            if self._size > self.max_bytes:
                self.close("slow_consumer", discard=True)
        self._wake.set()

    def hold(self) -> None:
        self._held = []

    def release(self, replayed: Collection[int] = ()) -> None:
        """Send frames held during a resume, minus messages the resume already carried
        (``replayed``: their ids, in the replay or in the answer's histories)."""
        held, self._held = self._held or [], None
        for message_id, frame in held:
            if message_id == 0 or message_id not in replayed:
                self.push(frame, message_id)

    def close(
        self, reason: str, *, discard: bool = False, params: Mapping[str, object] | None = None
    ) -> None:
        """Stop accepting frames; ``discard`` drops what is queued (the reader is gone or
        too slow), otherwise the writer sends it before closing. ``params`` go with the
        reason to the peer (a decision code)."""
        if self.closed is None:
            self.closed = reason
            self.close_params = dict(params or {})
            if discard:
                self.frames, self._size = [], 0
            self._wake.set()

    async def take(self) -> str | None:
        """Wait for frames and return them as one write, framed by the codec.

        Returns None once the outbox is closed and drained; ``closed`` then says why.
        """
        while not self.frames:
            if self.closed is not None:
                return None
            self._wake.clear()
            await self._wake.wait()
        frames, self.frames, self._size = self.frames, [], 0
        return self.codec.batch(frames)


class Hub:
    """Guest id to its attached connections' outboxes; where deliveries become text."""

    def __init__(self) -> None:
        self.connections: dict[str, list[Outbox]] = {}

    def attach(self, guest_id: str, outbox: Outbox) -> None:
        """Add a connection to a guest (again is a no-op); the others stay attached."""
        outboxes = self.connections.setdefault(guest_id, [])
        if outbox not in outboxes:
            outboxes.append(outbox)

    def detach(self, guest_id: str, outbox: Outbox) -> bool:
        """Detach one connection; True when it was the guest's last one (False when it was
        not attached, so a connection that closes late changes nothing)."""
        outboxes = self.connections.get(guest_id)
        if outboxes is None or outbox not in outboxes:
            return False
        outboxes.remove(outbox)
        if outboxes:
            return False
        del self.connections[guest_id]
        return True

    def outboxes_of(self, guest_id: str) -> tuple[Outbox, ...]:
        """The guest's attached connections, oldest first (a copy: safe to detach from)."""
        return tuple(self.connections.get(guest_id, ()))

    def is_attached(self, guest_id: str) -> bool:
        return guest_id in self.connections

    def holds(self, guest_id: str, outbox: Outbox) -> bool:
        """Whether ``outbox`` is one of the guest's attached connections right now."""
        return outbox in self.connections.get(guest_id, ())

    def deliver(
        self, delivery: Delivery, origin: str | None = None, others_only: bool = False
    ) -> None:
        """Append the event, encoded once per codec, to every recipient's connections;
        ``origin`` (the key of the connection a message came from) is skipped unless its
        codec echoes, and always with ``others_only``."""
        event = delivery.event
        message_id = event.message.id if isinstance(event, MessagePosted) else 0
        encoded: dict[Codec, str] = {}
        # Nearly every connection shares one codec: remember the last one's frame rather
        # than look it up per recipient.
        last: Codec | None = None
        frame = ""
        connections = self.connections
        for guest_id in delivery.recipients:
            outboxes = connections.get(guest_id)
            if outboxes is None:
                continue
            for outbox in outboxes:
                codec = outbox.codec
                if codec is not last:
                    found = encoded.get(codec)
                    if found is None:
                        found = encoded[codec] = codec.event_frame(event)
                    last, frame = codec, found
                if origin is None or outbox.key != origin or (codec.echo and not others_only):
                    outbox.push(frame, message_id)

    def deliver_all(self, deliveries: Iterable[Delivery], origin: str | None = None) -> None:
        for delivery in deliveries:
            self.deliver(delivery, origin)

    def broadcast(self, event: Event) -> None:
        """Send one event to every attached connection (room list updates)."""
        encoded: dict[Codec, str] = {}
        for outboxes in self.connections.values():
            for outbox in outboxes:
                codec = outbox.codec
                frame = encoded.get(codec)
                if frame is None:
                    frame = encoded[codec] = codec.event_frame(event)
                outbox.push(frame)

    def replay(
        self,
        outbox: Outbox,
        first: str,
        messages: Iterable[Message],
        answered: Iterable[int] = (),
    ) -> None:
        """Send ``first`` (the resume answer), the missed messages, then what was held,
        except messages already sent (replayed, or ``answered``: in ``first`` itself)."""
        outbox.push(first, now=True)
        sent = set(answered)
        for m in messages:
            outbox.push(outbox.codec.event_frame(MessagePosted(m)), m.id, now=True)
            sent.add(m.id)
        outbox.release(sent)
