"""Fixtures of the integration tests; the harness itself is in ``harness.py``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from harness import Connector, Launcher, Server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/transport/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
async def launch(tmp_path: Path) -> AsyncIterator[Launcher]:
    launcher = Launcher(tmp_path / "data")
    yield launcher
    await launcher.stop_all()


@pytest.fixture
async def server(launch: Launcher) -> Server:
    """A server with the default configuration."""
    return await launch.start()


@pytest.fixture
async def connect_client() -> AsyncIterator[Connector]:
    connector = Connector()
    yield connector
    await connector.close_all()


@pytest.fixture(autouse=True)
def quick_room_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Room list broadcasts every 0.1 s instead of every second, to keep the suite fast."""
    monkeypatch.setattr("causette.app.ROOM_LIST_INTERVAL", 0.1)
