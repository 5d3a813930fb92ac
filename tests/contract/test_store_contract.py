"""The Store contract, written once and run against every backend.

Each backend is a ``make_store`` parameter: a factory of unopened stores that all share the
same data, so that a test can close a store and open another on what it left. PostgreSQL joins
as another parameter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from causette.domain.departements import location_by_code
from causette.domain.models import (
    Gender,
    IgnoreEntry,
    Message,
    Privacy,
    Room,
    RoomKind,
    UserView,
)
from causette.store.chat import Declaration, Store, StoredGuest
from causette.store.sqlite.chat import SqliteStore, migrations

MakeStore = Callable[[], Store]

ZOE = UserView("zoe", "Zoé", 34, Gender.WOMAN, location_by_code("75"))
BOB = UserView("bob", "Bob", 40, Gender.MAN, location_by_code("2A"))
EVE = UserView("eve", "Eve", 25, Gender.OTHER, location_by_code("etranger"))
MAX = UserView("max", "Max", 50, Gender.MAN, location_by_code("971"))


@pytest.fixture(params=["sqlite"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> MakeStore:
    if request.param == "sqlite":
        return lambda: SqliteStore(tmp_path / "db" / "causette.sqlite3")
    raise AssertionError(request.param)


@pytest.fixture
async def store(make_store: MakeStore) -> AsyncIterator[Store]:
    opened = make_store()
    await opened.open()
    yield opened
    await opened.close()


async def reopen(store: Store, make_store: MakeStore) -> Store:
    await store.close()
    again = make_store()
    await again.open()
    return again


def room_msg(mid: int, ts: float, room: str, sender: UserView = ZOE) -> Message:
    return Message(mid, ts, sender, f"dev-{sender.id}", f"texte {mid}", room=room)


def private_msg(mid: int, ts: float, sender: UserView, recipient: UserView) -> Message:
    return Message(
        mid, ts, sender, f"dev-{sender.id}", f"privé {mid}", action=True, recipient=recipient
    )


def stored_guest(gid: str = "zoe", **changes: object) -> StoredGuest:
    fields: dict[str, object] = {
        "id": gid,
        "token_hash": f"hash-{gid}",
        "device": f"dev-{gid}",
        "nickname": gid.capitalize(),
        "age": 34,
        "gender": Gender.WOMAN,
        "postal_code": "75011",
        "privacy": Privacy.EVERYONE,
        "lang": "en",
        "rooms": ("general", "musique"),
        "privates": ("bob",),
        "created_at": 100.0,
        "last_seen": 150.0,
    }
    fields.update(changes)
    return StoredGuest(**fields)  # type: ignore[arg-type]


def room_fields(rooms: list[Room]) -> list[tuple[str, str, str, RoomKind, str | None]]:
    return [(r.id, r.name, r.topic, r.kind, r.owner) for r in rooms]


# -- migrations ------------------------------------------------------------------------------


async def test_open_applies_migrations_and_reopening_is_harmless(
    store: Store, make_store: MakeStore
) -> None:
    assert await store.max_message_id() == 0
    await store.append_messages([room_msg(1, 100.0, "general")])
    store = await reopen(store, make_store)
    try:
        assert await store.max_message_id() == 1
    finally:
        await store.close()


async def test_sqlite_records_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "causette.sqlite3"
    for _ in range(2):
        store = SqliteStore(path)
        await store.open()
        await store.close()
    with sqlite3.connect(path) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    assert version == migrations()[-1][0] >= 1


# -- messages --------------------------------------------------------------------------------


@pytest.fixture
async def messages(store: Store) -> list[Message]:
    batch = [
        room_msg(1, 100.0, "general"),
        room_msg(2, 200.0, "musique", BOB),
        private_msg(3, 250.0, ZOE, BOB),
        room_msg(4, 300.0, "general", BOB),
        private_msg(5, 320.0, BOB, ZOE),
        private_msg(6, 330.0, EVE, MAX),
        room_msg(7, 400.0, "general", EVE),
    ]
    await store.append_messages(batch[:3])
    await store.append_messages(batch[3:])
    return batch


async def test_messages_round_trip_exactly(store: Store, messages: list[Message]) -> None:
    assert await store.max_message_id() == 7
    got = await store.messages_after(0, ["general", "musique"], "zoe", 100)
    assert got == [m for m in messages if m.id != 6]


async def test_room_history_is_the_latest_oldest_first_without_privates(
    store: Store, messages: list[Message]
) -> None:
    history = await store.room_history("general", 10, 0.0)
    assert [m.id for m in history] == [1, 4, 7]
    assert [m.id for m in await store.room_history("general", 2, 0.0)] == [4, 7]
    assert [m.id for m in await store.room_history("general", 10, 300.0)] == [4, 7]
    assert [m.id for m in await store.room_history("musique", 10, 0.0)] == [2]
    assert await store.room_history("general", 0, 0.0) == []
    assert await store.room_history("nowhere", 10, 0.0) == []


async def test_messages_after_covers_rooms_and_own_privates_in_id_order(
    store: Store, messages: list[Message]
) -> None:
    got = await store.messages_after(1, ["general"], "zoe", 100)
    assert [m.id for m in got] == [3, 4, 5, 7]
    assert [m.id for m in await store.messages_after(1, ["general"], "zoe", 2)] == [3, 4]
    assert [m.id for m in await store.messages_after(0, [], "bob", 100)] == [3, 5]
    assert [m.id for m in await store.messages_after(0, [], "max", 100)] == [6]
    assert [m.id for m in await store.messages_after(0, ["musique"], "eve", 100)] == [2, 6]
    assert await store.messages_after(7, ["general"], "zoe", 100) == []


async def test_purge_removes_older_messages(store: Store, messages: list[Message]) -> None:
    assert await store.purge_messages(250.0) == 2
    assert [m.id for m in await store.messages_after(0, ["general", "musique"], "zoe", 100)] == [
        3,
        4,
        5,
        7,
    ]
    assert await store.purge_messages(250.0) == 0
    # Ids keep increasing after a purge: the maximum is what remains.
    assert await store.max_message_id() == 7


# -- devices ---------------------------------------------------------------------------------


async def test_declarations(store: Store) -> None:
    assert await store.get_declaration("dev-zoe") is None
    first = Declaration("Zoé", 34, Gender.WOMAN, "75011", 100.0)
    await store.put_declaration("dev-zoe", first)
    assert await store.get_declaration("dev-zoe") == first
    assert await store.get_declaration("dev-bob") is None
    second = Declaration("Zozo", 35, Gender.OTHER, "etranger", 200.0)
    await store.put_declaration("dev-zoe", second)
    assert await store.get_declaration("dev-zoe") == second


async def test_blocks(store: Store) -> None:
    assert await store.get_block("dev-kid") is None
    await store.put_block("dev-kid", 1000.5)
    await store.put_block("net:abc", 2000.0)
    assert await store.get_block("dev-kid") == 1000.5
    await store.put_block("dev-kid", 3000.0)
    assert await store.get_block("dev-kid") == 3000.0
    assert await store.get_block("net:abc") == 2000.0


# -- guests ----------------------------------------------------------------------------------


async def test_guests_round_trip_and_end(store: Store) -> None:
    assert await store.live_guests() == []
    zoe = stored_guest("zoe")
    bob = stored_guest("bob", created_at=50.0, rooms=(), privates=(), privacy=Privacy.NOBODY)
    await store.save_guest(zoe)
    await store.save_guest(bob)
    assert await store.live_guests() == [bob, zoe]
    moved = stored_guest("zoe", nickname="Zed", rooms=("general",), last_seen=180.0)
    await store.save_guest(moved)
    assert await store.live_guests() == [bob, moved]
    await store.end_guest("bob", 200.0)
    assert await store.live_guests() == [moved]
    await store.end_guest("ghost", 200.0)
    assert await store.live_guests() == [moved]


# -- rooms -----------------------------------------------------------------------------------


async def test_user_rooms_save_replace_delete(store: Store) -> None:
    assert await store.user_rooms() == []
    await store.save_room(Room("jardin", "Jardin", "Tomates", RoomKind.USER, owner="zoe"))
    await store.save_room(Room("echecs", "Échecs", "", RoomKind.USER, owner="bob"))
    await store.save_room(Room("jardin", "Jardin", "Courgettes", RoomKind.USER, owner="zoe"))
    assert room_fields(await store.user_rooms()) == [
        ("echecs", "Échecs", "", RoomKind.USER, "bob"),
        ("jardin", "Jardin", "Courgettes", RoomKind.USER, "zoe"),
    ]
    await store.delete_room("echecs")
    await store.delete_room("nowhere")
    assert [r.id for r in await store.user_rooms()] == ["jardin"]


# -- ignores ---------------------------------------------------------------------------------


async def test_ignores_add_list_remove(store: Store) -> None:
    assert await store.ignores_of("dev-zoe") == []
    first = IgnoreEntry("i1", "dev-bob", "Bob")
    second = IgnoreEntry("i2", "dev-eve", "Eve")
    await store.add_ignore("dev-zoe", first)
    await store.add_ignore("dev-zoe", second)
    await store.add_ignore("dev-max", IgnoreEntry("i1", "dev-bob", "Bobby"))
    assert await store.ignores_of("dev-zoe") == [first, second]
    await store.remove_ignore("dev-zoe", "i1")
    assert await store.ignores_of("dev-zoe") == [second]
    # Another device's entry with the same id is untouched.
    assert await store.ignores_of("dev-max") == [IgnoreEntry("i1", "dev-bob", "Bobby")]


async def test_one_entry_per_id_and_several_may_name_one_device(store: Store) -> None:
    # A later session of a device already ignored gets an entry of its own (the answer to
    # the ignorer must not reveal it is the same device); adding an id again replaces it.
    await store.add_ignore("dev-zoe", IgnoreEntry("i1", "dev-bob", "Bob", "u1"))
    await store.add_ignore("dev-zoe", IgnoreEntry("i1", "dev-bob", "Bob", "u1"))
    await store.add_ignore("dev-zoe", IgnoreEntry("i3", "dev-eve", "Eve", "u3"))
    await store.add_ignore("dev-zoe", IgnoreEntry("i2", "dev-bob", "Robert", "u2"))
    entries = await store.ignores_of("dev-zoe")
    assert [e.id for e in entries] == ["i1", "i3", "i2"]
    assert [e.ignored_device for e in entries] == ["dev-bob", "dev-eve", "dev-bob"]


# -- durability ------------------------------------------------------------------------------


async def test_everything_survives_close_and_reopen(store: Store, make_store: MakeStore) -> None:
    batch = [room_msg(1, 100.0, "general"), private_msg(2, 200.0, ZOE, BOB)]
    declaration = Declaration("Zoé", 34, Gender.WOMAN, "75011", 100.0)
    guest = stored_guest("zoe")
    entry = IgnoreEntry("i1", "dev-bob", "Bob")
    await store.append_messages(batch)
    await store.put_declaration("dev-zoe", declaration)
    await store.put_block("dev-kid", 5000.0)
    await store.save_guest(guest)
    await store.save_room(Room("jardin", "Jardin", "Tomates", RoomKind.USER, owner="zoe"))
    await store.add_ignore("dev-zoe", entry)

    store = await reopen(store, make_store)
    try:
        assert await store.max_message_id() == 2
        assert await store.messages_after(0, ["general"], "zoe", 10) == batch
        assert await store.get_declaration("dev-zoe") == declaration
        assert await store.get_block("dev-kid") == 5000.0
        assert await store.live_guests() == [guest]
        assert room_fields(await store.user_rooms()) == [
            ("jardin", "Jardin", "Tomates", RoomKind.USER, "zoe")
        ]
        assert await store.ignores_of("dev-zoe") == [entry]
    finally:
        await store.close()


async def test_forget_ignores_removes_those_made_by_and_aimed_at_a_device(store: Store) -> None:
    await store.add_ignore("dev-anon", IgnoreEntry("i1", "dev-bob", "Bob"))
    await store.add_ignore("dev-zoe", IgnoreEntry("i2", "dev-anon", "Anon"))
    await store.add_ignore("dev-zoe", IgnoreEntry("i3", "dev-bob", "Bob"))
    assert await store.forget_ignores("dev-anon") == 2
    assert await store.ignores_of("dev-anon") == []
    assert [e.id for e in await store.ignores_of("dev-zoe")] == ["i3"]
