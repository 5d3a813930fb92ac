"""Retention: what is deleted and what is kept, at the edge of every period.

Real stores, explicit timestamps and a fake ``now``: nothing sleeps. Each period is probed just
outside (deleted), exactly on (kept: purges delete what is strictly older) and just inside.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from causette import config
from causette.app import App
from causette.config import HistorySettings, RetentionSettings, Settings
from causette.domain.accounts import Account, ConsoleSession, Role
from causette.domain.departements import location_by_code
from causette.domain.models import Gender, Message, Privacy, UserView
from causette.domain.moderation import Case, CaseStatus, Category, Evidence, Outcome
from causette.errors import ConfigError
from causette.jobs.retention import CONSOLE_IDLE, DAY, Retention
from causette.store.chat import StoredGuest
from causette.store.connections import ConnectionRecord
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.connections import SqliteConnectionLog
from causette.store.sqlite.moderation import SqliteModerationStore

NOW = 1_700_000_000.0
HOUR = 3600.0
YEAR = 365 * DAY
EPS = 1.0  # "just": one second either side of a boundary

ZOE = UserView("zoe", "Zoé", 34, Gender.WOMAN, location_by_code("75"))


@dataclass
class Stores:
    chat: SqliteStore
    moderation: SqliteModerationStore
    connections: SqliteConnectionLog

    def retention(self, history: HistorySettings | None = None, **periods: Any) -> Retention:
        return Retention(
            self.chat,
            self.connections,
            history or HistorySettings(),
            RetentionSettings(**periods),
            cases=self.moderation,
            accounts=self.moderation,
        )


@pytest.fixture
async def stores(tmp_path: Path) -> AsyncIterator[Stores]:
    chat = SqliteStore(tmp_path / "causette.sqlite3")
    connections = SqliteConnectionLog(tmp_path / "connections.sqlite3", bytes(32))
    await chat.open()
    await connections.open()
    yield Stores(chat, SqliteModerationStore(chat), connections)
    await connections.close()
    await chat.close()


# -- seeding -----------------------------------------------------------------------------------


async def seed_messages(chat: SqliteStore, stamps: dict[int, float]) -> None:
    await chat.append_messages(
        [
            Message(mid, ts, ZOE, "dev-zoe", f"texte {mid}", room="general")
            for mid, ts in stamps.items()
        ]
    )


async def seed_guest(chat: SqliteStore, gid: str, created: float, ended: float | None) -> None:
    await chat.save_guest(
        StoredGuest(
            id=gid,
            token_hash=f"hash-{gid}",
            device=f"dev-{gid}",
            nickname=gid.capitalize(),
            age=34,
            gender=Gender.WOMAN,
            postal_code="75011",
            privacy=Privacy.EVERYONE,
            lang="fr",
            rooms=("general",),
            privates=(),
            created_at=created,
            last_seen=created,
        )
    )
    if ended is not None:
        await chat.end_guest(gid, ended)


async def seed_case(
    moderation: SqliteModerationStore, code: str, closed_at: float | None, hold_until: float | None
) -> int:
    case = await moderation.add_case(
        Case(
            id=0,
            code=code,
            subject=f"device:{code}",
            category=Category.HARASSMENT,
            priority=2,
            trusted=False,
            status=CaseStatus.OPEN if closed_at is None else CaseStatus.CLOSED,
            created_at=NOW - 3 * YEAR,
            closed_at=closed_at,
            outcome=None if closed_at is None else Outcome.ACTIONED,
            hold_until=hold_until,
        )
    )
    await moderation.add_evidence(
        Evidence(0, case.id, None, "conversation", {"messages": [f"copie {code}"]}, NOW - 3 * YEAR)
    )
    return case.id


async def message_ids(chat: SqliteStore) -> list[int]:
    return sorted(m.id for m in await chat.recent_messages("general", None, 1000))


async def guest_ids(chat: SqliteStore) -> list[str]:
    return sorted(g.id for g in await chat.guests_between(0.0, 10 * NOW))


# -- each period at its boundary ---------------------------------------------------------------


async def test_history_retention(stores: Stores) -> None:
    cutoff = NOW - 24 * HOUR  # history.retention_hours = 24 by default
    await seed_messages(
        stores.chat, {1: 0.0, 2: cutoff - EPS, 3: cutoff, 4: cutoff + EPS, 5: NOW, 6: NOW + EPS}
    )
    counts = await stores.retention().purge(NOW)
    assert counts["messages"] == 2
    assert await message_ids(stores.chat) == [3, 4, 5, 6]


async def test_history_retention_follows_the_setting(stores: Stores) -> None:
    await seed_messages(stores.chat, {1: NOW - 2 * HOUR - EPS, 2: NOW - 2 * HOUR})
    history = HistorySettings(max_age_hours=1, retention_hours=2)
    assert (await stores.retention(history).purge(NOW))["messages"] == 1
    assert await message_ids(stores.chat) == [2]


async def test_connection_data_is_kept_one_year(stores: Stores) -> None:
    cutoff = NOW - YEAR
    stamps = {1: cutoff - EPS, 2: cutoff, 3: cutoff + EPS, 4: NOW}
    await stores.connections.record(
        [
            ConnectionRecord(mid, "zoe", "203.0.113.7", 5000 + mid, "web", ts)
            for mid, ts in stamps.items()
        ]
    )
    counts = await stores.retention().purge(NOW)
    assert counts["connections"] == 1
    kept = await stores.connections.of_messages(list(stamps))
    assert [r.message_id for r in kept] == [2, 3, 4]


async def test_connection_period_follows_the_setting(stores: Stores) -> None:
    await stores.connections.record(
        [
            ConnectionRecord(1, "zoe", "203.0.113.7", 1, "web", NOW - 30 * DAY - EPS),
            ConnectionRecord(2, "zoe", "203.0.113.7", 1, "web", NOW - 30 * DAY),
        ]
    )
    assert (await stores.retention(connection_days=30).purge(NOW))["connections"] == 1


async def test_ended_sessions_are_kept_one_year_and_live_ones_always(stores: Stores) -> None:
    cutoff = NOW - YEAR
    old = NOW - 3 * YEAR
    await seed_guest(stores.chat, "gone", old, cutoff - EPS)
    await seed_guest(stores.chat, "edge", old, cutoff)
    await seed_guest(stores.chat, "inside", old, cutoff + EPS)
    await seed_guest(stores.chat, "recent", NOW - HOUR, NOW - 1)
    await seed_guest(stores.chat, "live", old, None)  # live for three years: never purged
    counts = await stores.retention().purge(NOW)
    assert counts["sessions"] == 1
    assert await guest_ids(stores.chat) == ["edge", "inside", "live", "recent"]
    assert [g.id for g in await stores.chat.live_guests()] == ["live"]


async def test_evidence_of_a_closed_case_is_kept_until_its_hold_ends(stores: Stores) -> None:
    retention = stores.retention()
    # Closed one hold ago (and a second more): the hold ended just before now.
    expired = await seed_case(
        stores.moderation, "expired", NOW - YEAR - EPS, retention.hold_until(NOW - YEAR - EPS)
    )
    on_edge = await seed_case(
        stores.moderation, "edge", NOW - YEAR, retention.hold_until(NOW - YEAR)
    )
    held = await seed_case(stores.moderation, "held", NOW - DAY, retention.hold_until(NOW - DAY))
    open_case = await seed_case(stores.moderation, "open", None, None)  # three years old
    counts = await retention.purge(NOW)
    assert counts["evidence"] == 1
    assert await stores.moderation.evidence_of_case(expired) == []
    for case_id in (on_edge, held, open_case):
        assert len(await stores.moderation.evidence_of_case(case_id)) == 1


async def test_evidence_outlives_the_messages_it_copied(stores: Stores) -> None:
    # A report froze message 1; the history purge deletes the message, not the evidence.
    await seed_messages(stores.chat, {1: NOW - 2 * YEAR})
    case_id = await seed_case(stores.moderation, "open", None, None)
    counts = await stores.retention().purge(NOW)
    assert counts["messages"] == 1
    assert await stores.chat.get_message(1) is None
    (evidence,) = await stores.moderation.evidence_of_case(case_id)
    assert evidence.body == {"messages": ["copie open"]}


def test_hold_until_follows_the_setting() -> None:
    retention = Retention(
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        HistorySettings(),
        RetentionSettings(evidence_hold_days=30),
    )
    assert retention.hold_until(NOW) == NOW + 30 * DAY


async def test_idle_console_sessions_go_after_a_day(stores: Stores) -> None:
    account = await stores.moderation.add_account(
        Account(0, "modo", "$argon2id$x", Role.MODERATOR, None, 0, None, NOW - YEAR)
    )
    for name, last_seen in [
        ("idle", NOW - CONSOLE_IDLE - EPS),
        ("edge", NOW - CONSOLE_IDLE),
        ("active", NOW - HOUR),
    ]:
        await stores.moderation.add_session(
            ConsoleSession(name, account.id, "csrf", NOW - 2 * DAY, last_seen)
        )
    counts = await stores.retention().purge(NOW)
    assert counts["console_sessions"] == 1
    assert await stores.moderation.get_session("idle") is None
    assert await stores.moderation.get_session("edge") is not None
    assert await stores.moderation.get_session("active") is not None


# -- the whole run -----------------------------------------------------------------------------


async def test_one_run_applies_every_period_and_a_second_finds_nothing(
    stores: Stores, caplog: pytest.LogCaptureFixture
) -> None:
    retention = stores.retention()
    await seed_messages(stores.chat, {1: NOW - 25 * HOUR, 2: NOW - HOUR})
    await stores.connections.record(
        [
            ConnectionRecord(1, "zoe", "203.0.113.7", 51234, "web", NOW - YEAR - EPS),
            ConnectionRecord(2, "zoe", "203.0.113.7", 51234, "web", NOW - HOUR),
        ]
    )
    await seed_guest(stores.chat, "zoe", NOW - 2 * YEAR, NOW - YEAR - EPS)
    await seed_guest(stores.chat, "bob", NOW - HOUR, None)
    await seed_case(stores.moderation, "expired", NOW - 2 * YEAR, NOW - EPS)
    await seed_case(stores.moderation, "open", None, None)

    with caplog.at_level(logging.INFO, logger="causette.jobs.retention"):
        counts = await retention.purge(NOW)
    assert counts == {
        "messages": 1,
        "connections": 1,
        "sessions": 1,
        "declarations": 0,
        "evidence": 1,
        "console_sessions": 0,
    }
    (line,) = [r for r in caplog.records if r.name == "causette.jobs.retention"]
    assert line.levelno == logging.INFO
    assert {k: getattr(line, k) for k in counts} == counts
    # Counts only: no address, nickname, guest or case identifier.
    text = repr(vars(line))
    for personal in ("203.0.113.7", "51234", "Zoe", "zoe", "bob", "expired"):
        assert personal not in text

    again = await retention.purge(NOW)
    assert again == dict.fromkeys(counts, 0)


async def test_without_the_moderation_store_its_kinds_are_skipped(stores: Stores) -> None:
    await seed_case(stores.moderation, "expired", NOW - 2 * YEAR, NOW - EPS)
    retention = Retention(stores.chat, stores.connections, HistorySettings(), RetentionSettings())
    counts = await retention.purge(NOW)
    assert set(counts) == {"messages", "connections", "sessions", "declarations"}


class BrokenLog:
    """A connection log whose purge fails (a full disk, a corrupt file)."""

    async def open(self) -> None: ...

    async def close(self) -> None: ...

    async def record(self, records: Any) -> None: ...

    async def of_guests(self, guest_ids: Any, start: float, end: float) -> list[Any]:
        return []

    async def of_messages(self, message_ids: Any) -> list[Any]:
        return []

    async def purge(self, before: float) -> int:
        raise OSError("disk I/O error")


async def test_one_failing_kind_does_not_keep_the_others(stores: Stores) -> None:
    await seed_messages(stores.chat, {1: NOW - 2 * YEAR})
    await seed_guest(stores.chat, "zoe", NOW - 3 * YEAR, NOW - 2 * YEAR)
    retention = Retention(stores.chat, BrokenLog(), HistorySettings(), RetentionSettings())
    with pytest.raises(ExceptionGroup) as caught:
        await retention.purge(NOW)
    assert caught.group_contains(OSError, match="disk I/O error")
    assert await message_ids(stores.chat) == []
    assert await guest_ids(stores.chat) == []


# -- configuration -----------------------------------------------------------------------------


def test_retention_settings_default_to_one_year() -> None:
    settings = config.parse({})
    assert settings.retention == RetentionSettings()
    assert settings.retention == RetentionSettings(365, 365, 365, Path("connection.key"))


def test_retention_settings_override_key_by_key() -> None:
    settings = config.parse({"retention": {"session_days": 400, "connection_key_file": "/k"}})
    assert settings.retention == RetentionSettings(session_days=400, connection_key_file=Path("/k"))


@pytest.mark.parametrize(
    ("table", "key", "problem"),
    [
        ({"connection_days": 0}, "retention.connection_days", "between 1 and 3650"),
        ({"session_days": 3651}, "retention.session_days", "between 1 and 3650"),
        ({"evidence_hold_days": -1}, "retention.evidence_hold_days", "between 0 and 3650"),
        ({"connection_days": 365.5}, "retention.connection_days", "whole number"),
        ({"connection_key_file": ""}, "retention.connection_key_file", "non-empty string"),
        ({"connection_key": "x"}, "retention.connection_key", "unknown key"),
    ],
)
def test_retention_settings_are_checked(table: dict[str, Any], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config.parse({"retention": table})
    assert caught.value.params["key"] == key
    assert problem in caught.value.params["problem"]


# -- wiring ------------------------------------------------------------------------------------


def settings_in(data_dir: Path, **retention: Any) -> Settings:
    settings = config.parse({})
    return replace(
        settings,
        server=replace(settings.server, data_dir=data_dir),
        retention=replace(settings.retention, **retention),
    )


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


async def test_the_app_keeps_connection_data_apart_and_purges_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = App(settings_in(data))
    await app.start()
    try:
        await app.connections.record(
            [ConnectionRecord(1, "zoe", "203.0.113.7", 1, "web", app.clock.wall() - 2 * YEAR)]
        )
        # The purge job started with the app may get there first: check the outcome.
        counts = await app.purge_once()
        assert set(counts) == {
            "messages",
            "connections",
            "sessions",
            "declarations",
            "evidence",
            "console_sessions",
        }
        assert await app.connections.of_messages([1]) == []
    finally:
        await app.stop()
    assert _mode(data / "connection.key") == 0o600
    assert (data / "connections.sqlite3").exists()


def test_an_absolute_key_path_is_used_as_is(tmp_path: Path) -> None:
    key = tmp_path / "keys" / "conn.key"
    App(settings_in(tmp_path / "data", connection_key_file=key))
    assert _mode(key) == 0o600
    assert not (tmp_path / "data" / "connection.key").exists()


def test_a_bad_key_file_stops_the_start_naming_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "connection.key").write_bytes(b"too short")
    with pytest.raises(ConfigError, match=r"connection\.key: holds 9 bytes"):
        App(settings_in(data))


async def test_declarations_and_ended_blocks_are_forgotten_after_their_period(
    tmp_path: Path,
) -> None:
    """The form's pre-fill (nickname, age, postal code) lives session_days; blocks their time."""
    from causette.domain.models import Gender
    from causette.store.chat import Declaration
    from causette.store.sqlite.chat import SqliteStore

    store = SqliteStore(tmp_path / "c.sqlite3")
    await store.open()
    try:
        now, day = 1_000 * 86400.0, 86400.0
        await store.put_declaration(
            "old", Declaration("Old", 30, Gender.MAN, "75011", now - 366 * day)
        )
        await store.put_declaration(
            "new", Declaration("New", 30, Gender.MAN, "75011", now - 364 * day)
        )
        await store.put_block("ended", now - 1)
        await store.put_block("running", now + 3600)
        assert await store.purge_declarations(now - 365 * day, now) == 2
        assert await store.get_declaration("old") is None
        assert await store.get_declaration("new") is not None
        assert await store.get_block("ended") is None
        assert await store.get_block("running") == now + 3600
    finally:
        await store.close()
