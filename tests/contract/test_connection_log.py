"""The connection-data log: sealed at rest, whole or loudly broken, purged on time."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from causette.errors import ConfigError
from causette.store.connections import ConnectionLog, ConnectionRecord, SealBroken
from causette.store.sqlite.connections import KEY_SIZE, SqliteConnectionLog, load_connection_key

KEY = bytes(range(KEY_SIZE))

RECORDS = [
    ConnectionRecord(1, "zoe", "203.0.113.7", 51234, "web", 1000.0),
    ConnectionRecord(2, "bob", "2001:db8::42", 40000, "web", 1001.5),
    ConnectionRecord(3, "zoe", "203.0.113.7", 51234, "web", 1002.0),
    ConnectionRecord(4, "eve", "198.51.100.23", 6697, "irc", 1003.0),
    ConnectionRecord(5, "zoe", "192.0.2.199", 443, "web", 2000.0),
]
IPS = sorted({r.ip for r in RECORDS})


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "connections.sqlite3"


@pytest.fixture
async def log(path: Path) -> AsyncIterator[SqliteConnectionLog]:
    opened = SqliteConnectionLog(path, KEY)
    await opened.open()
    yield opened
    await opened.close()


async def reopen(path: Path, key: bytes = KEY) -> SqliteConnectionLog:
    log = SqliteConnectionLog(path, key)
    await log.open()
    return log


def test_implements_the_protocol(path: Path) -> None:
    log: ConnectionLog = SqliteConnectionLog(path, KEY)
    assert log is not None


async def test_round_trip_survives_a_restart(log: SqliteConnectionLog, path: Path) -> None:
    await log.record(RECORDS)
    await log.close()
    again = await reopen(path)
    try:
        assert await again.of_messages([r.message_id for r in RECORDS]) == RECORDS
    finally:
        await again.close()


async def test_a_whole_number_time_reads_back(log: SqliteConnectionLog) -> None:
    # The time is part of the associated data: 1000 and 1000.0 must seal alike.
    record = ConnectionRecord(9, "zoe", "203.0.113.7", 1, "web", 1000)
    await log.record([record])
    assert await log.of_messages([9]) == [record]


async def test_recording_nothing_is_a_no_op(log: SqliteConnectionLog) -> None:
    await log.record([])
    assert await log.of_guests(["zoe"], 0.0, 1e12) == []


async def test_the_file_never_holds_an_address_in_clear(
    log: SqliteConnectionLog, path: Path
) -> None:
    await log.record(RECORDS)
    await log.record([ConnectionRecord(6, "max", "10.20.30.40", 55555, "web", 3000.0)])
    await log.close()
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    raw = b"".join(p.read_bytes() for p in files)
    assert b"zoe" in raw  # the file was read, and guest ids are not sealed
    for ip in [*IPS, "10.20.30.40"]:
        assert ip.encode() not in raw
        assert ip.encode("utf-16-le") not in raw
    for port in (b"51234", b"55555", b"40000"):
        assert port not in raw


async def test_each_record_has_its_own_nonce(log: SqliteConnectionLog, path: Path) -> None:
    same = [ConnectionRecord(i, "zoe", "203.0.113.7", 1, "web", 5.0) for i in (1, 1)]
    await log.record(same)
    await log.close()
    with sqlite3.connect(path) as db:
        sealed = [r[0] for r in db.execute("SELECT sealed FROM connection")]
    db.close()
    assert len(sealed) == 2
    assert sealed[0][:12] != sealed[1][:12]
    assert sealed[0] != sealed[1]


def _tamper(path: Path, sql: str, *params: object) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute(sql, params)
    db.close()


def _sealed(path: Path, message_id: int) -> bytes:
    db = sqlite3.connect(path)
    (sealed,) = db.execute(
        "SELECT sealed FROM connection WHERE message_id = ?", (message_id,)
    ).fetchone()
    db.close()
    return bytes(sealed)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _flip(blob: bytes, index: int) -> bytes:
    return blob[:index] + bytes([blob[index] ^ 1]) + blob[index + 1 :]


SET_SEALED = "UPDATE connection SET sealed = ? WHERE message_id = 1"


@pytest.mark.parametrize(
    ("sql", "blob"),
    [
        (SET_SEALED, lambda b: _flip(b, 0)),  # the nonce
        (SET_SEALED, lambda b: _flip(b, 14)),  # the ciphertext
        (SET_SEALED, lambda b: _flip(b, len(b) - 1)),  # the tag
        (SET_SEALED, lambda b: b[:8]),  # truncated
        # associated data changed: the record pinned on another guest, message, time, protocol
        ("UPDATE connection SET guest_id = 'bob' WHERE message_id = 1", None),
        ("UPDATE connection SET message_id = 99 WHERE message_id = 1", None),
        ("UPDATE connection SET ts = 1000.5 WHERE message_id = 1", None),
        ("UPDATE connection SET protocol = 'irc' WHERE message_id = 1", None),
    ],
)
async def test_tampering_is_refused_loudly(
    log: SqliteConnectionLog, path: Path, sql: str, blob: Callable[[bytes], bytes] | None
) -> None:
    await log.record(RECORDS)
    await log.close()
    if blob is None:
        _tamper(path, sql)
    else:
        _tamper(path, sql, blob(_sealed(path, 1)))
    again = await reopen(path)
    try:
        with pytest.raises(SealBroken, match=r"connection record 1 failed authentication"):
            await again.of_guests(["zoe", "bob"], 0.0, 1e12)
        # Records that were not touched still read.
        assert await again.of_messages([4]) == [RECORDS[3]]
    finally:
        await again.close()


async def test_swapping_sealed_blobs_between_rows_is_refused(
    log: SqliteConnectionLog, path: Path
) -> None:
    await log.record(RECORDS)
    await log.close()
    # Bob's address put on Zoé's message and the other way round.
    zoe, bob = _sealed(path, 1), _sealed(path, 2)
    _tamper(path, "UPDATE connection SET sealed = ? WHERE message_id = 1", bob)
    _tamper(path, "UPDATE connection SET sealed = ? WHERE message_id = 2", zoe)
    again = await reopen(path)
    try:
        for mid in (1, 2):
            with pytest.raises(SealBroken):
                await again.of_messages([mid])
    finally:
        await again.close()


async def test_another_key_cannot_read(log: SqliteConnectionLog, path: Path) -> None:
    await log.record(RECORDS[:1])
    await log.close()
    other = await reopen(path, bytes(KEY_SIZE))
    try:
        with pytest.raises(SealBroken, match="another key"):
            await other.of_messages([1])
    finally:
        await other.close()


async def test_of_guests_is_a_half_open_time_window(log: SqliteConnectionLog) -> None:
    await log.record(list(reversed(RECORDS)))  # stored out of order, read in time order
    assert await log.of_guests(["zoe"], 1000.0, 2000.0) == [RECORDS[0], RECORDS[2]]
    assert await log.of_guests(["zoe"], 1000.0, 2000.001) == [RECORDS[0], RECORDS[2], RECORDS[4]]
    assert await log.of_guests(["zoe"], 1000.001, 1e12) == [RECORDS[2], RECORDS[4]]
    assert await log.of_guests(["zoe", "eve", "zoe"], 1000.0, 1003.5) == [
        RECORDS[0],
        RECORDS[2],
        RECORDS[3],
    ]
    assert await log.of_guests(["nobody"], 0.0, 1e12) == []
    assert await log.of_guests([], 0.0, 1e12) == []


async def test_of_guests_with_many_ids(log: SqliteConnectionLog) -> None:
    records = [ConnectionRecord(i, f"g{i}", "192.0.2.1", i, "web", float(i)) for i in range(1200)]
    await log.record(records)
    found = await log.of_guests([f"g{i}" for i in range(1200)], 0.0, 1e12)
    assert found == records


async def test_of_messages(log: SqliteConnectionLog) -> None:
    await log.record(RECORDS)
    assert await log.of_messages([4, 2]) == [RECORDS[1], RECORDS[3]]
    assert await log.of_messages([42]) == []
    assert await log.of_messages([]) == []


async def test_purge_deletes_strictly_older_records(log: SqliteConnectionLog) -> None:
    await log.record(RECORDS)
    assert await log.purge(1001.5) == 1
    assert await log.purge(1001.5) == 0
    remaining = await log.of_guests(["zoe", "bob", "eve"], 0.0, 1e12)
    assert remaining == RECORDS[1:]
    assert await log.purge(1e12) == 4
    assert await log.of_messages([1, 2, 3, 4, 5]) == []


# -- the key -----------------------------------------------------------------------------------


def test_key_is_created_private_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "new" / "connection.key"
    key = load_connection_key(path)
    assert len(key) == KEY_SIZE
    assert _mode(path) == 0o600
    assert load_connection_key(path) == key
    assert load_connection_key(tmp_path / "other.key") != key


@pytest.mark.parametrize("size", [0, 16, 31, 33, 64])
def test_a_key_of_the_wrong_size_is_refused_naming_the_file(tmp_path: Path, size: int) -> None:
    path = tmp_path / "connection.key"
    path.write_bytes(b"k" * size)
    with pytest.raises(ConfigError) as caught:
        load_connection_key(path)
    assert caught.value.code == "config_invalid"
    assert caught.value.params["key"] == str(path)
    assert f"holds {size} bytes" in caught.value.params["problem"]
    assert "32" in caught.value.params["problem"]
    assert str(path) in str(caught.value)  # readable in a traceback too
    assert path.read_bytes() == b"k" * size  # never replaced: records may depend on it


def test_an_unreadable_key_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "connection.key"
    path.mkdir()
    with pytest.raises(ConfigError) as caught:
        load_connection_key(path)
    assert caught.value.params["key"] == str(path)
    assert "cannot be read" in caught.value.params["problem"]


def test_the_log_refuses_a_short_key(path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        SqliteConnectionLog(path, b"short")


async def test_the_database_file_is_private(log: SqliteConnectionLog, path: Path) -> None:
    await log.record(RECORDS[:1])
    assert _mode(path) == 0o600
