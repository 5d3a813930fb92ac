"""SQLite implementation of ``Store``.

One connection, used by one dedicated thread: SQLite serialises writers anyway, and a single
thread keeps the event loop free while preserving the order in which calls were made (so
messages become durable in id order). WAL with ``synchronous=NORMAL`` survives a crash or
restart of the process; only a power loss may lose the last transactions.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from causette.domain.departements import location_by_code
from causette.domain.models import (
    AgeBand,
    Gender,
    IgnoreEntry,
    Message,
    Privacy,
    Room,
    RoomKind,
    UserView,
)
from causette.store.chat import Declaration, StoredGuest
from causette.store.sqlite.thread import SqliteThread

ABOVE_EVERY_ID = 2**63 - 1  # ``before`` when a history has no upper bound

MESSAGE_COLUMNS = (
    "id, ts, room, sender, sender_device, recipient, text, action, deleted_at, held_at"
)
GUEST_COLUMNS = (
    "id, token_hash, device, nickname, age, gender, postal_code, privacy, lang,"
    " rooms, privates, created_at, last_seen, network, ended_at, disclosed_minor, possible_minor"
)


def _guest(r: sqlite3.Row) -> StoredGuest:
    return StoredGuest(
        id=r[0],
        token_hash=r[1],
        device=r[2],
        nickname=r[3],
        age=r[4],
        gender=Gender(r[5]),
        postal_code=r[6],
        privacy=Privacy(r[7]),
        lang=r[8],
        rooms=tuple(json.loads(r[9])),
        privates=tuple(json.loads(r[10])),
        created_at=r[11],
        last_seen=r[12],
        network=r[13],
        ended_at=r[14],
        disclosed_minor=bool(r[15]),
        possible_minor=bool(r[16]),
    )


def _user_json(user: UserView) -> str:
    return json.dumps(
        [user.id, user.nick, user.age, user.gender.value, user.location.code],
        ensure_ascii=False,
    )


def _user(raw: str) -> UserView:
    uid, nick, age, gender, code = json.loads(raw)
    return UserView(uid, nick, age, Gender(gender), location_by_code(code))


def _message(row: sqlite3.Row) -> Message:
    return Message(
        id=row["id"],
        ts=row["ts"],
        room=row["room"],
        sender=_user(row["sender"]),
        sender_device=row["sender_device"],
        recipient=_user(row["recipient"]) if row["recipient"] else None,
        text=row["text"],
        action=bool(row["action"]),
        deleted_at=row["deleted_at"],
        held_at=row["held_at"],
    )


def migrations() -> list[tuple[int, str]]:
    """The numbered SQL scripts shipped with the package, in order."""
    folder = resources.files("causette.store.sqlite").joinpath("migrations")
    scripts = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            scripts.append((int(item.name.split("_", 1)[0]), item.read_text("utf-8")))
    return sorted(scripts)


class SqliteStore:
    """A ``Store`` in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread = SqliteThread("sqlite")
        # The moderation store shares this connection and thread.
        self.run = self._thread.run
        self.rows = self._thread.rows
        self.write = self._thread.write

    async def open(self) -> None:
        def connect() -> sqlite3.Connection:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in migrations():
                if number > version:
                    # executescript commits on its own; the version bump rides in the script
                    # so that a crash mid-migration leaves the old version recorded.
                    db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
            return db

        await self._thread.open(connect)

    async def close(self) -> None:
        await self._thread.close()

    # -- messages --------------------------------------------------------------------------

    async def max_message_id(self) -> int:
        rows = await self.rows(
            "SELECT MAX(COALESCE((SELECT MAX(id) FROM message), 0),"
            " COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'message'), 0))"
        )
        return int(rows[0][0])

    async def append_messages(self, messages: Sequence[Message]) -> None:
        params = [
            (
                m.id,
                m.ts,
                m.room,
                m.sender.id,
                m.sender_device,
                _user_json(m.sender),
                m.recipient.id if m.recipient else None,
                _user_json(m.recipient) if m.recipient else None,
                m.text,
                int(m.action),
                m.held_at,
            )
            for m in messages
        ]

        def run(db: sqlite3.Connection) -> None:
            with db:
                db.executemany(
                    "INSERT INTO message (id, ts, room, sender_id, sender_device, sender,"
                    " recipient_id, recipient, text, action, held_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    params,
                )

        await self.run(run)

    async def room_history(
        self, room: str, limit: int, since: float, before: int | None = None
    ) -> list[Message]:
        rows = await self.rows(
            f"SELECT {MESSAGE_COLUMNS} FROM message WHERE room = ? AND ts >= ? AND id < ?"
            " AND deleted_at IS NULL AND held_at IS NULL ORDER BY id DESC LIMIT ?",
            (room, since, ABOVE_EVERY_ID if before is None else before, limit),
        )
        return [_message(r) for r in reversed(rows)]

    async def messages_after(
        self, after_id: int, rooms: Sequence[str], guest_id: str, limit: int
    ) -> list[Message]:
        marks = ",".join("?" * len(rooms)) or "NULL"
        rows = await self.rows(
            f"SELECT {MESSAGE_COLUMNS} FROM message"
            " WHERE id > ? AND deleted_at IS NULL AND held_at IS NULL AND ("
            f" room IN ({marks})"
            " OR (room IS NULL AND (sender_id = ? OR recipient_id = ?)))"
            " ORDER BY id LIMIT ?",
            (after_id, *rooms, guest_id, guest_id, limit),
        )
        return [_message(r) for r in rows]

    async def purge_messages(self, before: float) -> int:
        def run(db: sqlite3.Connection) -> int:
            with db:
                return db.execute("DELETE FROM message WHERE ts < ?", (before,)).rowcount

        return await self.run(run)

    async def get_message(self, message_id: int) -> Message | None:
        rows = await self.rows(f"SELECT {MESSAGE_COLUMNS} FROM message WHERE id = ?", (message_id,))
        return _message(rows[0]) if rows else None

    def _conversation(self, m: Message) -> tuple[str, tuple[Any, ...]]:
        if m.room is not None:
            return "room = ?", (m.room,)
        assert m.recipient is not None
        a, b = m.sender.id, m.recipient.id
        return (
            "room IS NULL AND ((sender_id = ? AND recipient_id = ?)"
            " OR (sender_id = ? AND recipient_id = ?))",
            (a, b, b, a),
        )

    async def messages_around(self, message: Message, before: int, after: int) -> list[Message]:
        where, params = self._conversation(message)
        older = await self.rows(
            f"SELECT {MESSAGE_COLUMNS} FROM message WHERE {where} AND id < ?"
            " ORDER BY id DESC LIMIT ?",
            (*params, message.id, before),
        )
        newer = await self.rows(
            f"SELECT {MESSAGE_COLUMNS} FROM message WHERE {where} AND id > ? ORDER BY id LIMIT ?",
            (*params, message.id, after),
        )
        return [_message(r) for r in reversed(older)] + [message] + [_message(r) for r in newer]

    async def recent_messages(
        self, room: str | None, guest_id: str | None, limit: int
    ) -> list[Message]:
        params: tuple[str | None, ...]
        if room is not None:
            where, params = "room = ?", (room,)
        else:
            where, params = "(sender_id = ? OR recipient_id = ?)", (guest_id, guest_id)
        rows = await self.rows(
            f"SELECT {MESSAGE_COLUMNS} FROM message WHERE {where} ORDER BY id DESC LIMIT ?",
            (*params, limit),
        )
        return [_message(r) for r in reversed(rows)]

    async def delete_message(self, message_id: int, at: float) -> None:
        await self.write(
            "UPDATE message SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
            (at, message_id),
        )

    # -- devices ---------------------------------------------------------------------------

    async def get_declaration(self, device: str) -> Declaration | None:
        rows = await self.rows(
            "SELECT nickname, age, gender, postal_code, declared_at FROM declaration"
            " WHERE device = ?",
            (device,),
        )
        if not rows:
            return None
        r = rows[0]
        return Declaration(r[0], r[1], Gender(r[2]), r[3], r[4])

    async def put_declaration(self, device: str, declaration: Declaration) -> None:
        d = declaration
        await self.write(
            "INSERT OR REPLACE INTO declaration VALUES (?,?,?,?,?,?)",
            (device, d.nickname, d.age, d.gender.value, d.postal_code, d.declared_at),
        )

    async def get_block(self, key: str) -> float | None:
        rows = await self.rows("SELECT until FROM entry_block WHERE key = ?", (key,))
        return float(rows[0][0]) if rows else None

    async def put_block(self, key: str, until: float) -> None:
        await self.write("INSERT OR REPLACE INTO entry_block VALUES (?, ?)", (key, until))

    # -- guests ----------------------------------------------------------------------------

    async def save_guest(self, guest: StoredGuest) -> None:
        g = guest
        await self.write(
            "INSERT OR REPLACE INTO guest (id, token_hash, device, nickname, age, gender,"
            " postal_code, privacy, lang, rooms, privates, created_at, last_seen, network,"
            " ended_at, disclosed_minor, possible_minor)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?)",
            (
                g.id,
                g.token_hash,
                g.device,
                g.nickname,
                g.age,
                g.gender.value,
                g.postal_code,
                g.privacy.value,
                g.lang,
                json.dumps(g.rooms),
                json.dumps(g.privates),
                g.created_at,
                g.last_seen,
                g.network,
                int(g.disclosed_minor),
                int(g.possible_minor),
            ),
        )

    async def end_guest(self, guest_id: str, ended_at: float) -> None:
        await self.write(
            "UPDATE guest SET ended_at = ?, last_seen = ? WHERE id = ? AND ended_at IS NULL",
            (ended_at, ended_at, guest_id),
        )

    async def live_guests(self) -> list[StoredGuest]:
        rows = await self.rows(
            f"SELECT {GUEST_COLUMNS} FROM guest WHERE ended_at IS NULL ORDER BY created_at"
        )
        return [_guest(r) for r in rows]

    async def guests_between(self, start: float, end: float) -> list[StoredGuest]:
        rows = await self.rows(
            f"SELECT {GUEST_COLUMNS} FROM guest WHERE created_at < ?"
            " AND (ended_at IS NULL OR ended_at >= ?) ORDER BY created_at",
            (end, start),
        )
        return [_guest(r) for r in rows]

    async def guests_named(self, nickname: str) -> list[StoredGuest]:
        rows = await self.rows(
            f"SELECT {GUEST_COLUMNS} FROM guest WHERE lower(nickname) = lower(?)"
            " ORDER BY created_at",
            (nickname,),
        )
        return [_guest(r) for r in rows]

    async def purge_declarations(self, declared_before: float, now: float) -> int:
        def run(db: sqlite3.Connection) -> int:
            with db:
                gone = db.execute(
                    "DELETE FROM declaration WHERE declared_at < ?", (declared_before,)
                ).rowcount
                return gone + db.execute("DELETE FROM entry_block WHERE until < ?", (now,)).rowcount

        return await self.run(run)

    async def purge_guests(self, ended_before: float) -> int:
        def run(db: sqlite3.Connection) -> int:
            with db:
                return db.execute(
                    "DELETE FROM guest WHERE ended_at IS NOT NULL AND ended_at < ?",
                    (ended_before,),
                ).rowcount

        return await self.run(run)

    # -- rooms -----------------------------------------------------------------------------

    async def save_room(self, room: Room) -> None:
        await self.write(
            "INSERT OR REPLACE INTO user_room (id, name, topic, owner, band)"
            " VALUES (?, ?, ?, ?, ?)",
            (room.id, room.name, room.topic, room.owner, room.band.value),
        )

    async def delete_room(self, room_id: str) -> None:
        await self.write("DELETE FROM user_room WHERE id = ?", (room_id,))

    async def user_rooms(self) -> list[Room]:
        rows = await self.rows("SELECT id, name, topic, owner, band FROM user_room ORDER BY id")
        return [Room(r[0], r[1], r[2], RoomKind.USER, owner=r[3], band=AgeBand(r[4])) for r in rows]

    # -- ignores ---------------------------------------------------------------------------

    async def ignores_of(self, device: str) -> list[IgnoreEntry]:
        rows = await self.rows(
            "SELECT id, ignored_device, nick, user_id FROM ignore_entry WHERE device = ?"
            " ORDER BY rowid",
            (device,),
        )
        return [IgnoreEntry(r[0], r[1], r[2], r[3]) for r in rows]

    async def add_ignore(self, device: str, entry: IgnoreEntry) -> None:
        await self.write(
            "INSERT OR REPLACE INTO ignore_entry (device, id, ignored_device, nick, user_id)"
            " VALUES (?, ?, ?, ?, ?)",
            (device, entry.id, entry.ignored_device, entry.nick, entry.user_id),
        )

    async def remove_ignore(self, device: str, entry_id: str) -> None:
        await self.write("DELETE FROM ignore_entry WHERE device = ? AND id = ?", (device, entry_id))

    async def forget_ignores(self, device: str) -> int:
        def run(db: sqlite3.Connection) -> int:
            with db:
                return db.execute(
                    "DELETE FROM ignore_entry WHERE device = ? OR ignored_device = ?",
                    (device, device),
                ).rowcount

        return await self.run(run)
