"""The message journal: makes posted messages durable in id order, then announces them.

Messages get their id when posted (synchronously, so ids follow posting order). A single
writer task takes everything queued, stores it in one transaction (group commit), and only
then calls ``on_durable`` for each message in id order. So a message is never seen before it
is stored, and every recipient sees messages in increasing id order, which is what lets a
client resume from "the last id I saw". Each batch's connection data (IP, port, protocol and
time, LCEN) is written in the same group commit, before the messages.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from causette.domain.models import Message
from causette.store.chat import Store
from causette.store.connections import ConnectionLog, ConnectionRecord

log = logging.getLogger(__name__)


class Journal:
    def __init__(
        self,
        store: Store,
        on_durable: Callable[[Message], None],
        connections: ConnectionLog | None = None,
    ) -> None:
        self._store = store
        self._connections = connections
        self._on_durable = on_durable
        self._queue: list[tuple[Message, ConnectionRecord | None, asyncio.Future[None]]] = []
        self._wake = asyncio.Event()
        self._last_id = 0
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    async def start(self) -> None:
        self._last_id = await self._store.max_message_id()
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
        self._last_id += 1
        return self._last_id

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
        try:
            # Connection data first: a message is never stored without it (a record whose
            # message failed to store is harmless).
            if records and self._connections is not None:
                await self._connections.record(records)
            await self._store.append_messages([m for m, _, _ in batch])
        except Exception as exc:
            log.exception("journal write failed", extra={"messages": len(batch)})
            for _, _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        for message, _, future in batch:
            try:
                self._on_durable(message)
            except Exception:
                # A fan-out bug must not lose the acknowledgement of a stored message.
                log.exception("fan-out failed", extra={"message_id": message.id})
            if not future.done():
                future.set_result(None)
