"""The moderation store's contract for network bindings (a site ban's network, the devices a
moderator spared) and the migration that bound older measures to the device alone. Written
against the fixtures of ``test_moderation_store_contract``, so every backend runs it."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from test_moderation_store_contract import backend, chat_and_store, decision, sanction, store

from causette.domain.models import IgnoreEntry
from causette.domain.moderation import SanctionKind
from causette.store.moderation import ModerationStore
from causette.store.sqlite.chat import SqliteStore, migrations
from causette.store.sqlite.moderation import SqliteModerationStore

__all__ = ["backend", "chat_and_store", "store"]  # fixtures, used by name


async def test_a_network_binding_round_trips_and_spares_devices_one_by_one(
    store: ModerationStore,
) -> None:
    d = await store.add_decision(decision(kind=SanctionKind.SITE_BAN), "dev-zoe")
    ban = await store.add_sanction(
        sanction(d.id, kind=SanctionKind.SITE_BAN, room=None, network_until=900.0)
    )
    assert (await store.sanctions_of_decision(d.id)) == [ban]
    spared = await store.exempt_from_network(ban.id, "dev-flatmate")
    assert spared == dataclasses.replace(ban, network_exempt=frozenset({"dev-flatmate"}))
    again = await store.exempt_from_network(ban.id, "dev-sister")
    assert again is not None
    assert again.network_exempt == {"dev-flatmate", "dev-sister"}
    assert await store.active_sanctions(300.0) == [again]
    assert await store.exempt_from_network(ban.id + 100, "dev-x") is None


async def test_migration_binds_old_mutes_to_the_device_alone(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for number, script in migrations():
        if number < 7:
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
    with db:
        for n, kind in enumerate(("mute", "room_ban", "site_ban"), 1):
            db.execute(
                "INSERT INTO decision (code, kind, facts, ground, source, automated_detection,"
                " automated_decision, subject_nickname, created_at, subject_device)"
                " VALUES (?, ?, 'f', 'g', 'visitor', 0, 0, 'Zoé', 1.0, 'dev-zoe')",
                (f"D{n}", kind),
            )
            db.execute(
                "INSERT INTO sanction (kind, device, network, nickname, starts_at, expires_at,"
                " decision_id) VALUES (?, 'dev-zoe', 'net-zoe', 'Zoé', 1.0, 9000.0, ?)",
                (kind, n),
            )
        db.execute(
            "INSERT INTO ignore_entry (device, id, ignored_device, nick) VALUES"
            " ('dev-zoe', 'i1', 'dev-bob', 'Bob')"
        )
    db.close()
    chat = SqliteStore(path)
    await chat.open()
    try:
        store = SqliteModerationStore(chat)
        mute, room_ban, site_ban = await store.active_sanctions(10.0)
        assert (mute.person.network, room_ban.person.network) == ("", "")
        assert not mute.binds("dev-family", "net-zoe", 10.0)
        # A site ban keeps the network it had, for as long as the ban.
        assert site_ban.person.network == "net-zoe"
        assert site_ban.network_until is None
        assert site_ban.binds("dev-family", "net-zoe", 8999.0)
        await chat.add_ignore("dev-zoe", IgnoreEntry("i2", "dev-bob", "Robert", "u2"))
        assert [e.id for e in await chat.ignores_of("dev-zoe")] == ["i1", "i2"]
    finally:
        await chat.close()
