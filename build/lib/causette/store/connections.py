"""The connection-data log (LCEN art. 6, décret 2021-1362; SAFETY.md 20).

For every message posted: the connection's IP address and source port, the protocol and the
time. Kept apart from chat data, encrypted at rest, purged after a year, and read only by an
audited export on a legal request or an Art. 18 package. No web page ever shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ConnectionRecord:
    message_id: int
    guest_id: str
    ip: str
    port: int
    protocol: str  # "web", later "irc"
    ts: float


class SealBroken(Exception):
    """A sealed record failed authentication: tampered with, moved, or sealed with another
    key. Raised rather than skipped, so an export is never silently incomplete."""


class ConnectionLog(Protocol):
    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def record(self, records: Sequence[ConnectionRecord]) -> None:
        """Store records (in one transaction)."""

    async def of_guests(
        self, guest_ids: Sequence[str], start: float, end: float
    ) -> list[ConnectionRecord]:
        """Records of these sessions with ``start <= ts < end``, in time order."""

    async def of_messages(self, message_ids: Sequence[int]) -> list[ConnectionRecord]: ...

    async def purge(self, before: float) -> int:
        """Delete records older than ``before``; returns how many went."""
