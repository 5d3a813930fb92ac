"""One SQLite connection, owned by one dedicated thread.

SQLite serialises writers anyway; a single thread keeps the event loop free and runs calls in
the order they were made (so messages become durable in id order). Every SQLite backend of
causette (chat store, connection log) sits on one of these.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class SqliteThread:
    def __init__(self, name: str) -> None:
        self._name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._db: sqlite3.Connection | None = None

    async def open(self, connect: Callable[[], sqlite3.Connection]) -> None:
        """Run ``connect`` on the thread and keep the connection it returns."""
        self._db = await asyncio.get_running_loop().run_in_executor(self._executor, connect)

    async def close(self) -> None:
        if self._db is not None:
            db = self._db
            await self.run(lambda _: db.close())
            self._db = None
        self._executor.shutdown(wait=True)

    async def run(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn(connection)`` on the thread."""

        def call() -> T:
            assert self._db is not None, f"{self._name} not opened"
            return fn(self._db)

        return await asyncio.get_running_loop().run_in_executor(self._executor, call)

    async def write(self, sql: str, params: Sequence[Any] = ()) -> None:
        """One statement in its own transaction."""

        def run(db: sqlite3.Connection) -> None:
            with db:
                db.execute(sql, params)

        await self.run(run)

    async def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return await self.run(lambda db: db.execute(sql, params).fetchall())
