"""The storage contract the core relies on.

The database is the source of truth: live memory is rebuilt from it at start-up. Every method
is a coroutine so that a networked backend (PostgreSQL) fits the same contract as SQLite.
Times are UTC epoch seconds (floats).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from causette.domain.models import Gender, IgnoreEntry, Message, Privacy, Room


@dataclass(frozen=True, slots=True)
class Declaration:
    """What a device last declared at entry: used to pre-fill the form and keep age sticky."""

    nickname: str
    age: int
    gender: Gender
    postal_code: str
    declared_at: float


@dataclass(frozen=True, slots=True)
class StoredGuest:
    """A live session as persisted, enough to rebuild it after a restart."""

    id: str
    token_hash: str
    device: str
    nickname: str
    age: int
    gender: Gender
    postal_code: str
    privacy: Privacy
    lang: str
    rooms: tuple[str, ...]
    privates: tuple[str, ...]
    created_at: float
    last_seen: float
    network: str = ""
    ended_at: float | None = None
    disclosed_minor: bool = False  # said they are a minor: in the teen band for good
    possible_minor: bool = False  # entered from a network refused for age (a risk signal)


class Store(Protocol):
    async def open(self) -> None:
        """Connect and apply pending migrations."""

    async def close(self) -> None: ...

    async def max_message_id(self) -> int:
        """The highest message id ever stored, even if that message was purged since."""

    async def append_messages(self, messages: Sequence[Message]) -> None:
        """Persist messages in one transaction; returns once they are durable."""

    async def room_history(
        self, room: str, limit: int, since: float, before: int | None = None
    ) -> list[Message]:
        """The last ``limit`` messages of a room posted at or after ``since`` (and, with
        ``before``, whose id is lower), oldest first."""

    async def messages_after(
        self, after_id: int, rooms: Sequence[str], guest_id: str, limit: int
    ) -> list[Message]:
        """Messages with id > ``after_id`` in ``rooms`` or private to/from ``guest_id``."""

    async def purge_messages(self, before: float) -> int:
        """Delete messages posted before ``before``; returns how many went."""

    async def get_message(self, message_id: int) -> Message | None:
        """A stored message, deleted or not (evidence needs both)."""

    async def messages_around(self, message: Message, before: int, after: int) -> list[Message]:
        """The conversation around ``message`` (same room, or same private pair), oldest
        first, including ``message`` and messages deleted by moderators."""

    async def recent_messages(
        self, room: str | None, guest_id: str | None, limit: int
    ) -> list[Message]:
        """The last ``limit`` messages of a room, or sent or received by a guest, oldest first."""

    async def delete_message(self, message_id: int, at: float) -> None:
        """Hide a message from history and resume (a moderator removed it)."""

    async def guests_between(self, start: float, end: float) -> list[StoredGuest]:
        """Sessions that were live at some time in ``[start, end)`` (ended or not)."""

    async def guests_named(self, nickname: str) -> list[StoredGuest]:
        """Sessions that used ``nickname`` (case-insensitive), for a legal request."""

    async def purge_guests(self, ended_before: float) -> int:
        """Delete session identification data of sessions that ended before the time."""

    async def purge_declarations(self, declared_before: float, now: float) -> int:
        """Forget entry declarations made before ``declared_before`` (the form's pre-fill and
        sticky age), and entry blocks that ended before ``now``."""

    async def get_declaration(self, device: str) -> Declaration | None: ...

    async def put_declaration(self, device: str, declaration: Declaration) -> None: ...

    async def get_block(self, key: str) -> float | None:
        """Until when entry is refused to ``key`` (a device or a keyed network hash)."""

    async def put_block(self, key: str, until: float) -> None: ...

    async def save_guest(self, guest: StoredGuest) -> None:
        """Insert or replace a live session."""

    async def end_guest(self, guest_id: str, ended_at: float) -> None: ...

    async def live_guests(self) -> list[StoredGuest]: ...

    async def save_room(self, room: Room) -> None:
        """Insert or replace a user room (official rooms come from configuration)."""

    async def delete_room(self, room_id: str) -> None: ...

    async def user_rooms(self) -> list[Room]: ...

    async def ignores_of(self, device: str) -> list[IgnoreEntry]: ...

    async def add_ignore(self, device: str, entry: IgnoreEntry) -> None: ...

    async def remove_ignore(self, device: str, entry_id: str) -> None: ...

    async def forget_ignores(self, device: str) -> int:
        """Delete the ignores made by ``device`` and those aimed at it (a device that
        cannot come back); how many went."""
