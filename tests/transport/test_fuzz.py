"""The protocol under fuzzing: every frame answered, no internal_error, no traceback, bounded
memory (issue 7). ``bench/fuzz.py`` runs the same generator for a million frames.

Hypothesis drives the ``Random`` that ``hostile.frame`` draws from (so a failure shrinks to a
short run of frames); the server and the clients run on an event loop of their own thread,
since Hypothesis calls the test body synchronously.
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from harness import Launcher, Server
from hostile import FUZZ_LIMITS, Prober, Tally
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

# Fixed and derandomized: the same few thousand frames on every run, well under 30 s.
settings.register_profile(
    "protocol-fuzz",
    derandomize=True,
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    # The server's state carries over from one example to the next, so a shrunk example
    # would not replay the failure: the failing frames are in the assertion message instead.
    phases=[Phase.explicit, Phase.generate],
)
FRAMES_PER_EXAMPLE = 25
CONNECTIONS = 4  # examples take turns over them: half entered, half not


class Loop:
    """An event loop in a thread, for the server and the fuzzing clients."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coroutine: Any, timeout: float = 60.0) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        return future.result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Troubles(logging.Handler):
    """Every log record at error level or with a traceback, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.records.append(record)


@pytest.fixture
def troubles() -> Iterator[Troubles]:
    handler = Troubles()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def test_hostile_frames_are_all_answered_without_internal_error(
    tmp_path: Path, troubles: Troubles
) -> None:
    loop = Loop()
    launcher = Launcher(tmp_path / "data")
    try:
        server: Server = loop.run(launcher.start({"limits": FUZZ_LIMITS}))
        tally = Tally()
        prober = Prober(server.ws_url, tally, answer_timeout=2.0)
        serial = [0]
        turn = [0]
        rss_before = rss_bytes()

        @settings(settings.get_profile("protocol-fuzz"))
        @given(st.randoms(use_true_random=False))
        def fuzz(rng: random.Random) -> None:
            turn[0] += 1
            enter = turn[0] % CONNECTIONS < CONNECTIONS // 2
            failures = len(tally.failures)
            serial[0] = loop.run(prober.run(rng, FRAMES_PER_EXAMPLE, serial[0], enter))
            assert len(tally.failures) == failures, tally.failures[failures:]

        try:
            fuzz()
        finally:
            print(tally)
        grown = rss_bytes() - rss_before
        loop.run(launcher.stop_all())
    finally:
        loop.close()
    assert tally.sent >= 2500
    assert tally.unanswered == 0, tally.failures
    assert tally.internal_errors == 0, tally.failures
    assert tally.wrong_re == 0, tally.failures
    assert tally.answered + tally.disconnects == tally.sent
    assert not troubles.records, [(r.name, r.getMessage()) for r in troubles.records[:5]]
    # Generous: the server, the clients and Hypothesis share this process.
    assert grown < 200 * 1024 * 1024, f"RSS grew by {grown / 1e6:.0f} MB"
