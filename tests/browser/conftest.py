"""Browser tests: a real server in a subprocess, driven through Debian's Chromium by Playwright.

Each test module gets its own server (tests in a module share it, so each uses its own
nicknames and its own browser contexts: a context is a new device cookie). Without
/usr/bin/chromium the whole folder is skipped, loudly; with ``CI=true`` it fails instead.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Playwright,
    expect,
    sync_playwright,
)

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Every browser comes from 127.0.0.1: raise the per-address limit, keep the other defaults.
CONFIG = "[limits]\nconnections_per_ip = 50\n"
START_TIMEOUT = 20.0

_MISSING = (
    f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing (apt-get install chromium). "
    "Set CI=true to make this an error."
)

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"{CHROMIUM} is missing and CI=true: the browser tests must run.", pytrace=False
        )
    warnings.warn(pytest.PytestWarning(_MISSING), stacklevel=1)  # shown without -rs
    pytest.skip(_MISSING, allow_module_level=True)

expect.set_options(timeout=10_000)


class Server:
    """``python -m causette serve`` on a free port, with its stderr drained in a thread."""

    def __init__(self, tmp: Path, extra_config: str = "") -> None:
        config = tmp / "causette.toml"
        config.write_text(CONFIG + extra_config, encoding="utf-8")
        cmd = [
            sys.executable, "-m", "causette", "serve", "--host", "127.0.0.1", "--port", "0",
            "--data-dir", str(tmp / "data"), "--config", str(config),
        ]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, encoding="utf-8",
        )  # fmt: skip
        self.log: deque[str] = deque(maxlen=200)  # the last lines, for failure reports
        self._events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._wait_listening()}/"

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line.rstrip())
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                self._events.put(obj)
        self._events.put(None)  # the process closed stderr: it is gone

    def _wait_listening(self) -> int:
        while True:
            try:
                event = self._events.get(timeout=START_TIMEOUT)
            except queue.Empty:
                self.stop()
                raise RuntimeError(self._report("no 'listening' line")) from None
            if event is None:
                raise RuntimeError(self._report("the server exited"))
            if event.get("event") == "listening":
                return int(event["port"])

    def _report(self, what: str) -> str:
        return f"{what}; its stderr:\n" + "\n".join(self.log)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Server]:
    """The module's server; a module's ``SERVER_CONFIG`` text is added to the configuration
    (it continues the ``[limits]`` table, and may open other tables after)."""
    srv = Server(tmp_path_factory.mktemp("server"), getattr(request.module, "SERVER_CONFIG", ""))
    yield srv
    srv.stop()


# Module scope, not session: while the sync API runs, its event loop counts as running in this
# thread, so the asyncio tests collected after this folder could not start their own loops.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    b = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
    yield b
    b.close()


_numbers = itertools.count(1)


@pytest.fixture
def nick() -> Callable[[str], str]:
    """``nick("Zoé")`` -> "Zoé7": a nickname no other test of the server has used."""
    return lambda base: f"{base}{next(_numbers)}"


NewPage = Callable[..., Page]


def leave(page: Page) -> None:
    """Quit from the settings, if this page is in the chat: a closed tab would otherwise stay
    in its rooms for the grace period and be counted by the next test."""
    if page.is_closed() or not page.get_by_test_id("settings").is_visible():
        return
    page.bring_to_front()  # a background tab is throttled
    page.keyboard.press("Escape")  # a dialog or drawer left open
    page.get_by_test_id("settings").click(timeout=3000)
    page.get_by_test_id("quit").click(timeout=3000)
    expect(page.get_by_test_id("enter-submit")).to_be_visible(timeout=3000)


def keep_console_error(message: ConsoleMessage, errors: list[str]) -> None:
    """An error the client logged (a failed event handler, say); a refused WebSocket while
    offline is the browser's own message, not the client's."""
    if message.type == "error" and "WebSocket connection" not in message.text:
        errors.append(message.text)


@pytest.fixture
def new_page(browser: Browser, server: Server) -> Iterator[NewPage]:
    """``new_page(**context_options)``: a page of the app in a fresh context (a new device).
    At the end every page quits the chat; no page may have thrown or logged a JavaScript error."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def make(**options: Any) -> Page:
        context = browser.new_context(base_url=server.url, locale="fr-FR", **options)
        contexts.append(context)
        context.on("weberror", lambda e: errors.append(str(e.error)))
        context.on("console", lambda m: keep_console_error(m, errors))
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
        return page

    yield make
    for context in contexts:
        for page in context.pages:
            try:
                context.set_offline(False)
                leave(page)
            except (Error, AssertionError):
                pass  # the test failed already; its sessions will time out
        context.close()
    assert not errors, f"JavaScript errors in the page: {errors}"


def enter(page: Page, nick: str, age: int, gender: str, postal: str) -> None:
    """Fill and submit the entry form, then wait for the room list."""
    page.get_by_test_id("nickname").fill(nick)
    page.get_by_test_id("age").fill(str(age))
    page.get_by_test_id(f"gender-{gender}").check()
    if postal == "etranger":
        page.get_by_test_id("abroad").check()
    else:
        page.get_by_test_id("postal-code").fill(postal)
    page.get_by_test_id("enter-submit").click()
    if page.viewport_size and page.viewport_size["width"] < 700:
        expect(page.get_by_test_id("drawer-rooms")).to_be_visible()
    else:
        expect(page.get_by_test_id("room-list")).to_be_visible()
    expect(page.get_by_test_id("room-list").locator("li").first).to_be_attached()


@pytest.fixture(name="enter")
def enter_fixture() -> Callable[[Page, str, int, str, str], None]:
    """The ``enter`` helper, for test modules (which cannot import a conftest)."""
    return enter


Visitor = Callable[..., Page]


@pytest.fixture
def visitor(new_page: NewPage, nick: Callable[[str], str]) -> Visitor:
    """``visitor("Zoé", 34, "woman", "75011", room="general")``: a new device that entered
    (with a unique nickname, read back from ``page.nick``) and joined ``room`` if given."""

    def make(
        base: str, age: int, gender: str, postal: str, room: str | None = None, **options: Any
    ) -> Page:
        page = new_page(**options)
        name = nick(base)
        enter(page, name, age, gender, postal)
        page.nick = name
        if room:
            join(page, room)
        return page

    return make


def join(page: Page, room: str) -> None:
    """Join ``room`` (an id) from the room list and wait for its tab."""
    page.get_by_test_id(f"join-{room}").click()
    expect(page.get_by_test_id(f"tab-room-{room}")).to_have_attribute("aria-selected", "true")


@pytest.fixture(name="join")
def join_fixture() -> Callable[[Page, str], None]:
    return join


def say(page: Page, text: str) -> None:
    """Type ``text`` in the composer and send it; waits until the composer is empty again."""
    composer = page.get_by_test_id("composer")
    composer.fill(text)
    composer.press("Enter")
    expect(composer).to_have_value("")


@pytest.fixture(name="say")
def say_fixture() -> Callable[[Page, str], None]:
    return say
