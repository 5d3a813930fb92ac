"""The IdAllocator port: where a posted message gets its id.

Ids are handed out synchronously when a message is posted, so that within one process ids
follow posting order with no await in between (the journal and resume rely on it). Today one
counter starts after the largest id in the store. With several nodes a PostgreSQL sequence
allocator can reserve a block of ids in ``start`` and refill ahead of need in the background,
so that ``next_id`` still never waits; ids stay unique cluster-wide and increasing per node.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol


class IdAllocator(Protocol):
    """Unique message ids, increasing in the order they are asked for within one process."""

    async def start(self) -> None:
        """Prepare to hand out ids (read the store's maximum, reserve a block...)."""

    def next_id(self) -> int:
        """A new id, larger than every id handed out by this allocator and every id stored
        before ``start``. Never blocks; ``RuntimeError`` before ``start``."""


class CounterAllocator:
    """A counter that continues after the store's largest message id: right for one node."""

    __slots__ = ("_last", "_max_id")

    def __init__(self, max_id: Callable[[], Awaitable[int]]) -> None:
        self._max_id = max_id  # the store's ``max_message_id``
        self._last: int | None = None

    async def start(self) -> None:
        """Read the largest stored id; ids continue after it. Idempotent once started."""
        if self._last is None:
            self._last = await self._max_id()

    def next_id(self) -> int:
        """The next id after the last one handed out."""
        if self._last is None:
            # Handing out ids from 1 before knowing the store's maximum would reuse ids.
            raise RuntimeError("CounterAllocator.next_id called before start")
        self._last += 1
        return self._last


if TYPE_CHECKING:
    # mypy checks src/ only: this line makes it prove the counter fulfils the port.
    async def _no_ids() -> int: ...

    _allocator: IdAllocator = CounterAllocator(_no_ids)
