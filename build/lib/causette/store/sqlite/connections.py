"""SQLite implementation of ``ConnectionLog``, sealed with AES-256-GCM (SAFETY.md 20).

A file of its own (``connections.sqlite3``), apart from the chat data, so that it can be
backed up, restricted and purged on its own schedule. The IP address and source port of each
record are sealed: ``sealed = nonce (12 bytes) || AES-GCM(ip, port)``, with a fresh random
nonce per record and the record's other fields (guest id, message id, time, protocol) as
associated data, so a sealed blob moved to another row, or a row whose fields were edited,
fails authentication instead of naming the wrong person. A record that fails is never
skipped: reading raises ``SealBroken``, because an export on a legal request must be whole.

Like ``SqliteStore``: one connection, used by one dedicated thread, WAL with
``synchronous=NORMAL``. ``secure_delete`` is on so purged rows are overwritten, not left in
free pages.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from causette.errors import ConfigError
from causette.store.connections import ConnectionRecord, SealBroken
from causette.store.sqlite.thread import SqliteThread

log = logging.getLogger(__name__)

T = TypeVar("T")

KEY_SIZE = 32  # AES-256
NONCE_SIZE = 12
# Well under SQLite's limit on bound parameters (999 before 3.32).
CHUNK = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS connection (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ts         REAL    NOT NULL,
    guest_id   TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    protocol   TEXT    NOT NULL,
    sealed     BLOB    NOT NULL   -- nonce || AES-256-GCM([ip, port]), fields above as AAD
);
CREATE INDEX IF NOT EXISTS connection_ts ON connection (ts);
CREATE INDEX IF NOT EXISTS connection_guest ON connection (guest_id, ts);
CREATE INDEX IF NOT EXISTS connection_message ON connection (message_id);
"""

COLUMNS = "id, ts, guest_id, message_id, protocol, sealed"


class ConnectionKeyError(ConfigError):
    """The connection key file is unusable; raised at start-up, naming the file."""

    def __str__(self) -> str:
        # Readable in a traceback too, where a bare code would say nothing.
        return f"{self.params['key']}: {self.params['problem']}"


def load_connection_key(path: Path) -> bytes:
    """The AES-256 key of the connection log, created (mode 0600) if the file is missing."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(AESGCM.generate_key(bit_length=KEY_SIZE * 8))
                f.flush()
                os.fsync(f.fileno())
            log.info("connection key created", extra={"path": str(path)})
        key = path.read_bytes()
        mode = path.stat().st_mode & 0o777
    except OSError as exc:
        raise ConnectionKeyError(
            "config_invalid", key=str(path), problem=f"cannot be read: {exc.strerror or exc}"
        ) from exc
    if len(key) != KEY_SIZE:
        raise ConnectionKeyError(
            "config_invalid",
            key=str(path),
            problem=(
                f"holds {len(key)} bytes, but the connection-log key is exactly {KEY_SIZE}"
                " random bytes; restore the right file from a backup (records sealed with a"
                " lost key cannot be read), or remove it only if connections.sqlite3 is empty"
            ),
        )
    if mode & 0o077:
        log.warning("connection key readable by others", extra={"path": str(path)})
    return key


def _aad(guest_id: str, message_id: int, ts: float, protocol: str) -> bytes:
    # json renders floats with repr(), which round-trips exactly through SQLite's REAL.
    # float(): a record made with an int time must match the REAL read back.
    return json.dumps([guest_id, int(message_id), float(ts), protocol]).encode()


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class SqliteConnectionLog:
    """A ``ConnectionLog`` in one SQLite file, addresses sealed with ``key``."""

    def __init__(self, path: Path, key: bytes) -> None:
        if len(key) != KEY_SIZE:
            raise ValueError(f"the connection-log key must be {KEY_SIZE} bytes")
        self.path = path
        self._aead = AESGCM(key)
        self._thread = SqliteThread("sqlite-conn")
        self._run = self._thread.run

    async def open(self) -> None:
        def connect() -> sqlite3.Connection:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Created private; SQLite gives the -wal and -shm files the same mode.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
            db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA secure_delete=ON")
            db.executescript(SCHEMA)
            return db

        await self._thread.open(connect)

    async def close(self) -> None:
        await self._thread.close()

    # -- sealing ---------------------------------------------------------------------------

    def _seal(self, r: ConnectionRecord) -> bytes:
        nonce = os.urandom(NONCE_SIZE)
        plain = json.dumps([r.ip, r.port]).encode()
        aad = _aad(r.guest_id, r.message_id, r.ts, r.protocol)
        return nonce + self._aead.encrypt(nonce, plain, aad)

    def _open_row(self, row: tuple[Any, ...]) -> ConnectionRecord:
        row_id, ts, guest_id, message_id, protocol, sealed = row
        aad = _aad(guest_id, message_id, ts, protocol)
        try:
            plain = self._aead.decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], aad)
        except (InvalidTag, ValueError) as exc:
            raise SealBroken(
                f"connection record {row_id} failed authentication: its row was altered,"
                " its sealed data moved from another row, or it was sealed with another key"
            ) from exc
        ip, port = json.loads(plain)
        return ConnectionRecord(
            message_id=message_id, guest_id=guest_id, ip=ip, port=port, protocol=protocol, ts=ts
        )

    # -- the protocol ----------------------------------------------------------------------

    async def record(self, records: Sequence[ConnectionRecord]) -> None:
        """Store records in one transaction (sealed before they reach the database thread)."""
        params = [
            (float(r.ts), r.guest_id, r.message_id, r.protocol, self._seal(r)) for r in records
        ]
        if not params:
            return

        def run(db: sqlite3.Connection) -> None:
            with db:
                db.executemany(
                    "INSERT INTO connection (ts, guest_id, message_id, protocol, sealed)"
                    " VALUES (?,?,?,?,?)",
                    params,
                )

        await self._run(run)

    async def _select(self, where: str, keys: Sequence[Any], extra: Sequence[Any]) -> list[Any]:
        def run(db: sqlite3.Connection) -> list[Any]:
            rows: list[Any] = []
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                rows += db.execute(
                    f"SELECT {COLUMNS} FROM connection WHERE {where.format(marks=marks)}",
                    (*chunk, *extra),
                ).fetchall()
            return rows

        rows = await self._run(run) if keys else []
        rows.sort(key=lambda r: (r[1], r[0]))  # time order, then insertion order
        return rows

    async def of_guests(
        self, guest_ids: Sequence[str], start: float, end: float
    ) -> list[ConnectionRecord]:
        """Records of these sessions with ``start <= ts < end``, in time order."""
        rows = await self._select(
            "guest_id IN ({marks}) AND ts >= ? AND ts < ?",
            list(dict.fromkeys(guest_ids)),
            (start, end),
        )
        return [self._open_row(r) for r in rows]

    async def of_messages(self, message_ids: Sequence[int]) -> list[ConnectionRecord]:
        """Records of these messages, in time order."""
        rows = await self._select("message_id IN ({marks})", list(dict.fromkeys(message_ids)), ())
        return [self._open_row(r) for r in rows]

    async def purge(self, before: float) -> int:
        """Delete records older than ``before``; returns how many went."""

        def run(db: sqlite3.Connection) -> int:
            with db:
                return db.execute("DELETE FROM connection WHERE ts < ?", (before,)).rowcount

        return await self._run(run)
