"""Accessibility and delivery as a browser sees them.

axe-core (the npm package, installed into node_modules/ by `.ci/run` or `npm ci`, injected
into the page by this test only, never served) finds no critical or serious violation on the
entry page, the chat (a room, a private tab, the user card, the report and settings
dialogs) and the console (its login page and, logged in, the queue and a case). Every
control a finger or a pointer aims at measures at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8),
at desktop and phone widths. And the page, its script and its stylesheet arrive compressed,
the versioned ones cached for a year.

Without node_modules/axe-core the axe checks are skipped, loudly; with CI=true they fail.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, Response, expect
from test_browser_report import InProcessServer

from causette.cli import main as cli
from causette.services.accounts import totp_code

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery staple"
BLOCKING = ("critical", "serious")
MIN_TARGET = 24
PHONE = {"width": 390, "height": 844}

Visitor = Callable[..., Page]
NewPage = Callable[..., Page]
Say = Callable[[Page, str], None]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """In this process, so that ``causette admin`` can open its data folder."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data")
    yield srv
    srv.stop()


@pytest.fixture
def axe() -> Callable[[Page, str], None]:
    """``axe(page, where)``: no critical or serious violation on what ``page`` shows."""
    if not AXE.is_file():
        message = f"AXE CHECKS NOT RUN: {AXE} is missing (run `npm ci`)."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " CI=true: they must run.", pytrace=False)
        warnings.warn(pytest.PytestWarning(message), stacklevel=1)
        pytest.skip(message)

    def check(page: Page, where: str) -> None:
        if not page.evaluate("typeof window.axe === 'object'"):
            page.add_script_tag(path=str(AXE))
        violations: list[dict[str, Any]] = page.evaluate(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
        )
        blocking = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in violations
            if v["impact"] in BLOCKING
        ]
        assert not blocking, f"axe on {where}:\n" + "\n".join(blocking)

    return check


# Every visible control, with its box; inline links inside a sentence are exempt (2.5.8).
SMALL_TARGETS = """(min) => {
  const sel = 'button, a[href], input:not([type=hidden]), select, textarea, summary, '
    + '[role=button], [role=tab]';
  const small = [];
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('.vh')) continue;
    const inline = getComputedStyle(el).display === 'inline';
    if (el.matches('a') && inline && el.parentElement.closest('p, li, dd, td')) continue;
    // A box inside its label: the label is the target.
    if (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) {
      const l = el.closest('label').getBoundingClientRect();
      if (l.width >= min && l.height >= min) continue;
    }
    const size = `${Math.round(r.width)}x${Math.round(r.height)}`;
    if (r.width < min || r.height < min) small.push(`${el.outerHTML.slice(0, 90)} ${size}`);
  }
  return small;
}"""


def assert_targets(page: Page, where: str) -> None:
    small: list[str] = page.evaluate(SMALL_TARGETS, MIN_TARGET)
    assert not small, f"targets under {MIN_TARGET}px on {where}:\n" + "\n".join(small)


def admin(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """``causette admin ARGV``, in a thread (it runs its own event loop)."""
    capsys.readouterr()
    with ThreadPoolExecutor(1) as pool:
        status = pool.submit(cli.main, ["admin", *argv]).result(60)
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def test_the_page_arrives_compressed_and_versioned(
    browser: Browser, server: InProcessServer
) -> None:
    context = browser.new_context(base_url=server.url, locale="fr-FR")
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r))
    page.goto("/")
    expect(page.locator("#entry-form[data-ready]")).to_be_attached()
    by_path = {urlparse(r.url).path: r for r in responses}
    document = by_path["/"]
    assert document.header_value("content-encoding") == "br"
    assert document.header_value("vary") == "Accept-Encoding"
    assert document.header_value("cache-control") == "no-cache"
    assets = [p for p in by_path if p.startswith("/static/")]
    assert len(assets) == 2, assets  # one script, one stylesheet: nothing else to fetch
    for path in assets:
        response = by_path[path]
        assert response.header_value("content-encoding") == "br", path
        assert response.header_value("cache-control") == "public, max-age=31536000, immutable"
        assert response.header_value("vary") == "Accept-Encoding"
        assert response.header_value("etag")
    # The versioned files are kept: coming back, the browser asks the network for the page
    # only (which answers 304) and takes the script and stylesheet from its cache.
    page.goto("/moderation/login")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    asked: dict[str, str] = {}
    cached: set[str] = set()
    cdp.on(
        "Network.requestWillBeSent", lambda e: asked.update({e["requestId"]: e["request"]["url"]})
    )
    cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    page.goto("/")
    expect(page.locator("#entry-form[data-ready]")).to_be_attached()
    statics = {rid for rid, url in asked.items() if urlparse(url).path.startswith("/static/")}
    assert len(statics) == 2
    assert statics <= cached
    context.close()


def test_entry_page(new_page: NewPage, axe: Callable[[Page, str], None]) -> None:
    for viewport in ({"width": 1366, "height": 800}, PHONE):
        page = new_page(viewport=viewport, bypass_csp=True)
        expect(page.get_by_text("Aller à la conversation")).to_be_hidden()
        axe(page, f"the entry page at {viewport['width']}px")
        assert_targets(page, f"the entry page at {viewport['width']}px")
        page.get_by_test_id("open-lookup").click()
        expect(page.get_by_test_id("lookup-dialog")).to_be_visible()
        axe(page, "the code lookup dialog")
        page.keyboard.press("Escape")


def test_chat_page(visitor: Visitor, say: Say, axe: Callable[[Page, str], None]) -> None:
    zoe = visitor("Zoé", 34, "woman", "75011", room="general", bypass_csp=True)
    marc = visitor("Marc", 38, "man", "69003", room="general", bypass_csp=True)
    say(zoe, "Bonsoir tout le monde")
    say(marc, "Salut Zoé")
    expect(zoe.get_by_test_id("message-list")).to_contain_text("Salut Zoé")
    axe(zoe, "a room")
    assert_targets(zoe, "a room")

    marc.get_by_test_id("member-list").get_by_role("button").filter(has_text=zoe.nick).click()
    expect(marc.get_by_test_id("user-card")).to_be_visible()
    axe(marc, "the user card")
    assert_targets(marc, "the user card")
    marc.get_by_test_id("card-private").click()
    say(marc, "Tu vas bien ?")
    zoe.locator('[data-testid^="tab-private-"]').click()
    expect(zoe.get_by_test_id("message-list")).to_contain_text("Tu vas bien ?")
    axe(zoe, "a private tab")
    assert_targets(zoe, "a private tab")

    message = (
        zoe.get_by_test_id("message-list").get_by_role("listitem").filter(has_text="Tu vas bien ?")
    )
    message.hover()
    report = message.get_by_role("button", name=f"Signaler ce message de {marc.nick}")
    assert_targets(zoe, "a message's actions")
    report.click()
    expect(zoe.get_by_test_id("report-dialog")).to_be_visible()
    axe(zoe, "the report dialog")
    assert_targets(zoe, "the report dialog")
    zoe.keyboard.press("Escape")

    zoe.get_by_test_id("settings").click()
    expect(zoe.get_by_test_id("settings-panel")).to_be_visible()
    axe(zoe, "the settings dialog")
    assert_targets(zoe, "the settings dialog")
    zoe.keyboard.press("Escape")

    # The × of a tab is out of the tab order; Delete on the focused tab closes it.
    private = zoe.locator('[data-testid^="tab-private-"]')
    private.focus()
    zoe.keyboard.press("Shift+Tab")
    expect(zoe.locator('[data-testid^="tab-close-"]:focus')).to_have_count(0)
    private.focus()
    zoe.keyboard.press("Delete")
    expect(private).to_have_count(0)
    expect(zoe.get_by_test_id("tab-room-general")).to_be_focused()


def test_chat_on_a_phone(visitor: Visitor, say: Say, axe: Callable[[Page, str], None]) -> None:
    lea = visitor("Léa", 29, "woman", "13001", viewport=PHONE, bypass_csp=True)
    lea.get_by_test_id("drawer-rooms").click()
    lea.get_by_test_id("join-general").click()
    expect(lea.get_by_test_id("tab-room-general")).to_have_attribute("aria-selected", "true")
    say(lea, "Coucou")
    axe(lea, "a room on a phone")
    assert_targets(lea, "a room on a phone")


def test_console(
    visitor: Visitor,
    say: Say,
    new_page: NewPage,
    server: InProcessServer,
    axe: Callable[[Page, str], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CAUSETTE_PASSWORD", PASSWORD)
    data_dir = str(server.settings.server.data_dir)
    out = admin(capsys, "create-user", "axel.mod", "--role", "moderator", "--totp",
                "--data-dir", data_dir)  # fmt: skip
    uri = next(w for w in out.split() if w.startswith("otpauth://"))
    secret = parse_qs(urlparse(uri).query)["secret"][0]

    zoe = visitor("Zoé", 34, "woman", "75011", room="general")
    marc = visitor("Marc", 38, "man", "69003", room="general")
    say(marc, "Ferme-la, espèce de grosse nulle")
    insult = zoe.get_by_test_id("message-list").get_by_role("listitem").filter(has_text="Ferme-la")
    insult.hover()
    insult.get_by_role("button", name=f"Signaler ce message de {marc.nick}").click()
    dialog = zoe.get_by_role("dialog", name="Signaler")
    dialog.get_by_role("radio", name="Harcèlement").check()
    dialog.get_by_label("Je déclare de bonne foi que les informations sont exactes").check()
    dialog.get_by_test_id("report-submit").click()
    expect(zoe.get_by_test_id("report-receipt")).to_contain_text("Signalement reçu")

    mod = new_page(bypass_csp=True)
    mod.goto("/moderation")
    expect(mod.get_by_role("heading", name="Connexion")).to_be_visible()
    axe(mod, "the console's login page")
    assert_targets(mod, "the console's login page")
    mod.get_by_label("Identifiant").fill("axel.mod")
    mod.get_by_label("Mot de passe").fill(PASSWORD)
    mod.get_by_label("Code à usage unique").fill(totp_code(secret, time.time()))
    mod.get_by_role("button", name="Se connecter").click()
    expect(mod.get_by_role("heading", name="File des signalements")).to_be_visible()
    row = mod.locator("#queue-rows tr.case")
    expect(row).to_have_count(1)
    axe(mod, "the queue")
    assert_targets(mod, "the queue")
    row.get_by_role("link").click()
    expect(mod.get_by_role("heading", level=1)).to_contain_text("Dossier C-")
    axe(mod, "a case")
    assert_targets(mod, "a case")
