"""Fixtures of the services tier: the chat services wired as ``causette.app.App`` wires them.

Same settings parser, same ``rules_of`` and ``pacing_of``, the configured official rooms, and
``build_chat`` with a connection log; only the backends and the clock differ:

- both SQLite backends are in memory (``Path(":memory:")``): each keeps one connection on
  one thread, so the database lives as long as the store. ``SqliteStore`` accepts it as is
  (checked: it makes no file). ``SqliteConnectionLog.open`` first creates its file (mode
  0600), which for ``":memory:"`` is an empty file of that name in the working directory,
  so each test runs from its own ``tmp_path``. On disk, the log's WAL and fsyncs cost more
  than all the rest of a test's set-up;
- time is a ``FakeClock``: rate buckets, the grace period and history ages move only when a
  test calls ``site.advance``.

The harness itself (``Site``, ``Visitor``, and ``received``, the one reader of an outbox) is
in ``visitors.py``, as the integration tier keeps its own in ``harness.py``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from visitors import MakeApp, MakeSite, Site

from causette import config
from causette.app import App, chat_state_of, pacing_of
from causette.live.hub import Hub
from causette.live.inprocess import InProcessBus, InProcessSharedState
from causette.services.moderation.service import (
    ModerationPolicy,
    ModerationService,
    build_moderation,
)
from causette.services.verbs import build_chat
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.connections import KEY_SIZE, SqliteConnectionLog
from causette.store.sqlite.moderation import SqliteModerationStore
from causette.types import FakeClock

SECRET = b"services-tier-secret-0123456789ab"


@functools.cache
def _settings(document: str) -> config.Settings:
    return config.parse(json.loads(document))


@pytest.fixture
async def make_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[MakeSite]:
    """A factory of started sites; ``overrides`` are configuration sections, as in TOML."""
    monkeypatch.chdir(tmp_path)
    started: list[Site] = []

    async def make(overrides: dict[str, Any] | None = None) -> Site:
        settings = _settings(json.dumps(overrides or {}, sort_keys=True))
        state = chat_state_of(settings)
        store = SqliteStore(Path(":memory:"))
        connections = SqliteConnectionLog(Path(":memory:"), b"k" * KEY_SIZE)
        clock = FakeClock()
        hub = Hub()
        # Every bus message crosses its wire encoding, as it would between two nodes.
        bus = InProcessBus(roundtrip=True)
        shared = InProcessSharedState(clock)
        services = build_chat(
            state,
            store,
            hub,
            bus,
            shared,
            clock,
            pacing_of(settings),
            SECRET,
            connections=connections,
        )
        await store.open()
        await connections.open()
        await bus.start()
        await services.start()
        site = Site(services, clock, hub, store, connections, settings)
        started.append(site)
        return site

    yield make
    for site in started:
        await site.settle()
        await site.services.stop()
        await site.store.close()
        await site.connections.close()


@pytest.fixture
async def site(make_site: MakeSite) -> Site:
    """A site with the default configuration."""
    return await make_site()


@pytest.fixture
async def moderation(make_site: MakeSite) -> tuple[ModerationService, SqliteStore]:
    """The moderation services over a services-tier site (in-memory SQLite, fake clock)."""
    site = await make_site({"rooms": [{"name": "general", "topic": ""}]})
    mod = SqliteModerationStore(site.store)
    services = build_moderation(site.services, site.store, mod, ModerationPolicy(), site.clock)
    await services.start()
    return services, site.store


# -- the whole composition root (``App``), for the safety tests ------------------------------


@pytest.fixture
async def make_app(tmp_path: Path) -> AsyncIterator[MakeApp]:
    started: list[App] = []

    async def make(policy: str | None = None, **safety: Any) -> App:
        document: dict[str, Any] = {
            "server": {"data_dir": str(tmp_path / f"data{len(started)}")},
            "entry": {"min_age": 13},
            "rooms": [{"name": "general", "topic": ""}, {"name": "ados", "band": "teen"}],
        }
        if policy is not None:
            path = tmp_path / f"policy{len(started)}.toml"
            path.write_text(policy, "utf-8")
            safety["policy"] = str(path)
        if safety:
            document["safety"] = safety
        app = App(config.parse(document))
        await app.start()
        started.append(app)
        return app

    yield make
    for app in started:
        await app.stop()
