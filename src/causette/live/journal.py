"""The message journal: makes posted messages durable in id order, then announces them.

Messages get their id when posted (synchronously, so ids follow posting order). A single
writer task takes everything queued, stores it in one transaction (group commit), and only
then tells each observer about each message in id order. So a message is never seen before it
is stored, and every recipient sees messages in increasing id order, which is what lets a
client resume from "the last id I saw". Each batch's connection data (IP, port, protocol and
time, LCEN) is written in the same group commit, before the messages.

A failure of one message never fails another's: when a group write fails for a reason other
than the store's I/O, each message is written again alone and its future gets its own result.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from causette.domain.models import Message
from causette.live.ids import CounterAllocator, IdAllocator
from causette.store.chat import Store
from causette.store.connections import ConnectionLog, ConnectionRecord

log = logging.getLogger(__name__)

# A queued message, its connection data (LCEN) and the future its poster awaits.
Entry = tuple[Message, ConnectionRecord | None, "asyncio.Future[None]"]


class Journal:
    def __init__(
        self,
        store: Store,
        connections: ConnectionLog | None = None,
        ids: IdAllocator | None = None,
    ) -> None:
        self._store = store
        # One process over SQLite counts on from the largest stored id; several nodes get
        # their ids from a shared sequence instead.
        self._ids = ids or CounterAllocator(store.max_message_id)
        self._connections = connections
        self._observers: list[Callable[[Message], None]] = []
        self._queue: list[Entry] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def observe(self, observer: Callable[[Message], None]) -> None:
        """Be told of every message once it is stored, in id order (fan-out, safety)."""
        self._observers.append(observer)

    async def start(self) -> None:
        await self._ids.start()
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="journal")

    async def stop(self) -> None:
        """Write what is queued, then stop."""
        if self._task is None:
            return
        # Let the writer end by itself: cancelling it could abandon a write in progress,
        # leaving its messages unannounced and their futures pending forever.
        self._stopping = True
        self._wake.set()
        await self._task
        self._task = None

    def next_id(self) -> int:
        """The id of the next posted message (synchronous: ids follow posting order)."""
        return self._ids.next_id()

    def append(
        self, message: Message, connection: ConnectionRecord | None = None
    ) -> asyncio.Future[None]:
        """Queue a message (and its connection data, LCEN); the future resolves once both
        are stored and the message is announced."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append((message, connection, future))
        self._wake.set()
        return future

    async def _run(self) -> None:
        while self._queue or not self._stopping:
            await self._wake.wait()
            self._wake.clear()
            await self._flush()

    async def _flush(self) -> None:
        batch, self._queue = self._queue, []
        if not batch:
            return
        records = [r for _, r, _ in batch if r is not None]
        records_stored = False
        try:
            # Connection data first: a message is never stored without it (a record whose
            # message failed to store is harmless).
            if records and self._connections is not None:
                await self._connections.record(records)
            records_stored = True
            await self._store.append_messages([m for m, _, _ in batch])
        except OSError as exc:
            # The store's I/O failed (disk, network): that is no message's fault and writing
            # them one by one would fail the same way, multiplying the load when it hurts.
            log.exception("journal write failed", extra={"messages": len(batch)})
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        except Exception:
            # One bad message (a value the store cannot hold) must not fail everyone else's:
            # each is written again on its own and answered for itself. The failed
            # transaction rolled back; records already stored are not written twice.
            log.warning(
                "journal group write failed; writing one by one", extra={"messages": len(batch)}
            )
            for entry in batch:
                await self._write_alone(entry, records_stored)
            return
        for entry in batch:
            self._announce(entry)

    async def _write_alone(self, entry: Entry, record_stored: bool) -> None:
        message, record, future = entry
        try:
            if record is not None and self._connections is not None and not record_stored:
                await self._connections.record([record])
            await self._store.append_messages([message])
        except Exception as exc:
            log.exception("journal write failed", extra={"message_id": message.id})
            if not future.done():
                future.set_exception(exc)
            return
        self._announce(entry)

    def _announce(self, entry: Entry) -> None:
        message, _, future = entry
        for observer in self._observers:
            try:
                observer(message)
            except Exception:
                # A fan-out bug must not lose the acknowledgement of a stored message.
                log.exception("fan-out failed", extra={"message_id": message.id})
        if not future.done():
            future.set_result(None)
