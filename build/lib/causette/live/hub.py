"""Live fan-out: which connection is attached to which guest, and their bounded outboxes.

Delivery is the hot path. An event is encoded once per wire format and the same string is
appended to each recipient's outbox; an outbox wakes its writer, which sends everything queued
in one write on the next loop tick. An outbox over its byte budget is closed with
``slow_consumer``: a reader that cannot keep up is cut off, never allowed to stall others.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from causette.domain.events import Delivery, Event, MessagePosted
from causette.domain.models import Message, RoomInfo


class Codec(Protocol):
    """How one transport writes events (the web's JSON lines, later IRC lines)."""

    def event_frame(self, event: Event) -> str: ...

    def room_list_frame(self, rooms: Iterable[RoomInfo]) -> str: ...


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
        "max_bytes",
    )

    def __init__(self, codec: Codec, max_bytes: int) -> None:
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

    def release(self, replayed_up_to: int) -> None:
        """Send frames held during a resume, minus messages the replay already carried."""
        held, self._held = self._held or [], None
        for message_id, frame in held:
            if message_id == 0 or message_id > replayed_up_to:
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
        """Wait for frames and return them as one text (one JSON object per line).

        Returns None once the outbox is closed and drained; ``closed`` then says why.
        """
        while not self.frames:
            if self.closed is not None:
                return None
            self._wake.clear()
            await self._wake.wait()
        frames, self.frames, self._size = self.frames, [], 0
        return frames[0] if len(frames) == 1 else "\n".join(frames)


class Hub:
    """Guest id to attached outbox; the place where deliveries become bytes."""

    def __init__(self) -> None:
        self.outboxes: dict[str, Outbox] = {}

    def attach(self, guest_id: str, outbox: Outbox) -> Outbox | None:
        """Attach a connection to a guest; returns the one it replaces, if any."""
        previous = self.outboxes.get(guest_id)
        self.outboxes[guest_id] = outbox
        return previous if previous is not outbox else None

    def detach(self, guest_id: str, outbox: Outbox) -> bool:
        """Detach ``outbox`` if it is still the guest's; True when it was."""
        if self.outboxes.get(guest_id) is outbox:
            del self.outboxes[guest_id]
            return True
        return False

    def is_attached(self, guest_id: str) -> bool:
        return guest_id in self.outboxes

    def deliver(self, delivery: Delivery) -> None:
        event = delivery.event
        message_id = event.message.id if isinstance(event, MessagePosted) else 0
        encoded: dict[int, str] = {}
        outboxes = self.outboxes
        for guest_id in delivery.recipients:
            outbox = outboxes.get(guest_id)
            if outbox is None:
                continue
            key = id(outbox.codec)
            frame = encoded.get(key)
            if frame is None:
                frame = encoded[key] = outbox.codec.event_frame(event)
            outbox.push(frame, message_id)

    def deliver_all(self, deliveries: Iterable[Delivery]) -> None:
        for delivery in deliveries:
            self.deliver(delivery)

    def broadcast(self, encode: Callable[[Codec], str]) -> None:
        """Send one frame to every attached connection (room list updates)."""
        encoded: dict[int, str] = {}
        for outbox in self.outboxes.values():
            key = id(outbox.codec)
            frame = encoded.get(key)
            if frame is None:
                frame = encoded[key] = encode(outbox.codec)
            outbox.push(frame)

    def replay(self, outbox: Outbox, first: str, messages: Iterable[Message]) -> None:
        """Send ``first`` (the resume answer), the missed messages, then what was held."""
        outbox.push(first, now=True)
        last = 0
        for m in messages:
            outbox.push(outbox.codec.event_frame(MessagePosted(m)), m.id, now=True)
            last = m.id
        outbox.release(last)
