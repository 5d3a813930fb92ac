"""The moderation console tried as a new team would, end to end through real pages: accounts
made with ``causette admin create-user``, a visitor's report from the chat, the case decided in
the console, the statement and the appeal on the banned visitor's screen, the appeal decided by
another moderator, the reporter told, and the transparency report counting all of it.

The server runs in this process (``InProcessServer`` of test_browser_report.py) so that the
admin commands can open its data folder. Every browser comes from 127.0.0.1, so the moderator
unticks the box that extends the site ban to the network (on by default): Zoé is not caught.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Locator, Page, expect
from test_browser_report import InProcessServer

from causette.cli import main as cli
from causette.services.accounts import totp_code

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/causette-shots")
PASSWORD = "correct horse battery staple"
INSULT = "Ferme-la, espèce de grosse nulle"
RECEIPT = re.compile(r"^Signalement reçu\. Code de suivi : (R-[A-Z0-9]{8})$")
APPEAL = re.compile(r"Code de suivi : (A-[A-Z0-9]{8})\.")
DECISION = re.compile(r"D-[A-Z0-9]{8}")

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]
ConsolePage = Callable[[], Page]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """Overrides conftest's subprocess server for this module."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data")
    yield srv
    srv.stop()


@pytest.fixture
def console_page(browser: Browser, server: InProcessServer) -> Iterator[ConsolePage]:
    """``console_page()``: a blank page in a fresh context (another person's browser), for the
    console. No page may throw or log a JavaScript error."""
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def make() -> Page:
        context = browser.new_context(base_url=server.url, locale="fr-FR")
        contexts.append(context)
        context.on("weberror", lambda e: errors.append(str(e.error)))
        context.on("console", lambda m: keep_error(m, errors))
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors in the console: {errors}"


def keep_error(message: ConsoleMessage, errors: list[str]) -> None:
    """Any error the page logged (console pages declare an empty icon, so none is fetched)."""
    if message.type == "error":
        errors.append(message.text)


def admin(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """``causette admin ARGV`` as the operator types it; its standard output. In a thread:
    the command runs its own event loop, and Playwright's counts as running in this one."""
    capsys.readouterr()
    with ThreadPoolExecutor(1) as pool:
        status = pool.submit(cli.main, ["admin", *argv]).result(60)
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def log_in(page: Page, username: str, totp_secret: str | None = None) -> None:
    page.goto("/moderation")
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible()
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    if totp_secret is not None:
        page.get_by_label("Code à usage unique").fill(totp_code(totp_secret, time.time()))
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="File des signalements")).to_be_visible()
    expect(page.locator("nav .who")).to_contain_text(username)


def line(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def shot(page: Page, name: str, **options: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), **options)


def test_report_decide_appeal_reverse(
    visitor: Visitor,
    say: Say,
    join: Callable[[Page, str], None],
    console_page: ConsolePage,
    server: InProcessServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    first_day = datetime.now(UTC).date().isoformat()
    data_dir = str(server.settings.server.data_dir)

    # 1. The operator creates two accounts on the server; the first with a one-time code.
    monkeypatch.setenv("CAUSETTE_PASSWORD", PASSWORD)
    out = admin(capsys, "create-user", "Zelie.Mod", "--role", "moderator", "--totp",
                "--data-dir", data_dir)  # fmt: skip
    assert "moderator 'zelie.mod' created" in out
    uri = next(w for w in out.split() if w.startswith("otpauth://"))
    secret = parse_qs(urlparse(uri).query)["secret"][0]
    admin(capsys, "create-user", "yann.mod", "--role", "moderator", "--data-dir", data_dir)

    # Moderator 1 logs in and leaves the queue open: it must fill by itself.
    mod1 = console_page()
    log_in(mod1, "zelie.mod", secret)
    expect(mod1.locator("#queue-rows")).to_have_text("Aucun dossier ouvert.")
    expect(mod1.get_by_text("Mise à jour en direct.")).to_be_visible()

    # 2. Two visitors in Général; Marc insults Zoé, she reports it.
    zoe = visitor("Zoé", 34, "woman", "75011", room="general")
    marc = visitor("Marc", 38, "man", "69003", room="general")
    say(zoe, "Bonsoir tout le monde")
    say(marc, INSULT)
    expect(line(zoe, INSULT)).to_have_count(1)
    say(zoe, "Pourquoi tu me parles comme ça ?")
    expect(line(marc, "Pourquoi tu me parles comme ça ?")).to_have_count(1)

    insult = line(zoe, INSULT)
    insult.hover()
    insult.get_by_role("button", name=f"Signaler ce message de {marc.nick}").click()
    dialog = zoe.get_by_role("dialog", name="Signaler")
    expect(dialog).to_contain_text(f"Message de {marc.nick} : « {INSULT} »")
    dialog.get_by_role("radio", name="Harcèlement").check()
    dialog.get_by_label("Je déclare de bonne foi que les informations sont exactes").check()
    dialog.get_by_test_id("report-submit").click()
    receipt_line = zoe.get_by_test_id("report-receipt")
    expect(receipt_line).to_have_text(RECEIPT)
    receipt = RECEIPT.fullmatch(receipt_line.inner_text())
    assert receipt is not None
    receipt_code = receipt.group(1)
    zoe.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # 3. The case appears in moderator 1's queue without a reload; she opens it.
    row = mod1.locator("#queue-rows tr.case")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Harcèlement")
    shot(mod1, "console-queue")
    case_code = row.get_by_role("link").inner_text()
    row.get_by_role("link").click()
    expect(mod1.get_by_role("heading", name=f"Dossier {case_code}")).to_be_visible()
    expect(mod1.locator("table.reports")).to_contain_text(receipt_code)
    conversation = mod1.locator(".conversation li.msg")
    reported = mod1.locator('.conversation li.msg[aria-current="true"]')
    expect(reported).to_have_count(1)
    expect(reported).to_contain_text(marc.nick)
    expect(reported).to_contain_text(INSULT)
    expect(reported).to_contain_text("message signalé")
    expect(conversation.filter(has_text="Bonsoir tout le monde")).to_have_count(1)
    expect(conversation.filter(has_text="Pourquoi tu me parles comme ça ?")).to_have_count(1)
    expect(mod1.locator("dl.facts").last).to_contain_text(marc.nick)
    shot(mod1, "console-case", full_page=True)

    facts = f"Le pseudo {marc.nick} a écrit « {INSULT} » à {zoe.nick} dans Général."
    mod1.locator("#panel-site_ban > summary").click()
    ban_form = mod1.locator("#act-site_ban")
    ban_form.get_by_label("Faits retenus").fill(facts)
    ground = "Code pénal art. 222-33-2-2 (harcèlement moral, en ligne)"
    ban_form.get_by_label("Fondement").select_option(label=ground)
    ban_form.get_by_label("Précision (facultatif)").fill("injure envers une personne du salon")
    ban_form.get_by_label("Durée").select_option(label="7 j")
    # A site ban extends to the network by default, for a shorter time (24 h); every browser
    # of this test comes from 127.0.0.1, so a network-wide ban would reach Zoé: untick it.
    network = ban_form.get_by_label("étendre au réseau", exact=False)
    expect(network).to_be_checked()
    expect(ban_form.get_by_label("Restreindre le réseau pendant")).to_have_value("86400")
    network.uncheck()
    ban_form.get_by_role("button", name="Bannir du site").click()
    flash = mod1.get_by_role("status")
    expect(flash).to_contain_text("Décision enregistrée et appliquée.")
    decision_code = flash.locator("code").inner_text()
    assert DECISION.fullmatch(decision_code), decision_code
    expect(mod1.locator("#queue-rows tr.case")).to_have_count(0)

    # 4. Marc gets the statement of reasons, then the entry screen with the ban.
    statement = marc.get_by_role("dialog", name="Décision de modération")
    expect(statement).to_be_visible()
    for text in ("Exclusion du site", "Jusqu'au", facts, ground,
                 "injure envers une personne du salon", decision_code):  # fmt: skip
        expect(statement).to_contain_text(text)
    shot(marc, "visitor-statement")
    contest = statement.get_by_role("button", name="Contester")
    contest.scroll_into_view_if_needed()
    expect(contest).to_be_in_viewport()
    shot(marc, "visitor-statement-end")
    marc.keyboard.press("Escape")
    expect(statement).to_be_hidden()
    banned = marc.get_by_test_id("entry-ban")
    expect(banned).to_contain_text(f"Code de la décision : {decision_code}")
    marc.get_by_test_id("enter-submit").click()  # refused again, with the same decision
    expect(banned).to_contain_text(f"(décision {decision_code})")
    # Zoé is still in the chat; her report is closed as actioned.
    expect(zoe.get_by_test_id("room-list")).to_be_visible()
    outcomes = line(zoe, "Suite donnée à tes signalements")
    expect(outcomes).to_contain_text(f"{receipt_code} : traité : mesure prise")

    marc.get_by_test_id("entry-ban-appeal").click()
    appeal_dialog = marc.get_by_role("dialog", name="Contester")
    expect(appeal_dialog).to_contain_text(f"Décision {decision_code}")
    appeal_dialog.get_by_label("Pourquoi contestes-tu ?").fill("Je m'excuse, c'était une blague.")
    appeal_dialog.get_by_test_id("appeal-submit").click()
    result = appeal_dialog.get_by_test_id("appeal-result")
    expect(result).to_contain_text("État : en attente d'examen.")
    found = APPEAL.search(result.inner_text())
    assert found is not None
    appeal_code = found.group(1)
    marc.keyboard.press("Escape")
    expect(appeal_dialog).to_be_hidden()

    # 5. Moderator 1 took the decision: she may read the appeal, not decide it.
    mod1.get_by_role("link", name="Recours").click()
    expect(mod1.get_by_role("heading", name="Recours en attente")).to_be_visible()
    pending = mod1.locator("article.appeal").filter(has_text=appeal_code)
    expect(pending).to_contain_text("Je m'excuse, c'était une blague.")
    expect(pending).to_contain_text(decision_code)
    expect(pending).to_contain_text("une autre personne doit trancher le recours")
    expect(pending.get_by_role("button", name="Annuler la décision")).to_have_count(0)

    answer = "Premier écart, excuses présentées : la mesure est levée."
    mod2 = console_page()
    log_in(mod2, "yann.mod")
    mod2.get_by_role("link", name="Recours").click()
    pending = mod2.locator("article.appeal").filter(has_text=appeal_code)
    expect(pending).to_contain_text(case_code)
    pending.get_by_label("Réponse motivée").fill(answer)
    pending.get_by_role("button", name="Annuler la décision").click()
    expect(mod2.get_by_role("status")).to_contain_text(f"Recours tranché. {appeal_code}")
    expect(mod2.get_by_text("Aucun recours en attente.")).to_be_visible()

    # 6. Marc follows his appeal and his decision by their codes, then enters again.
    marc.get_by_test_id("open-lookup").click()
    lookup = marc.get_by_role("dialog", name="Suivre une décision ou une contestation")
    marc.get_by_test_id("lookup-code").fill(appeal_code)
    marc.get_by_test_id("lookup-submit").click()
    found_appeal = lookup.get_by_test_id("lookup-result")
    expect(found_appeal).to_contain_text(f"Contestation {appeal_code} : décision annulée")
    expect(found_appeal).to_contain_text(answer)
    marc.get_by_test_id("lookup-code").fill(decision_code)
    marc.get_by_test_id("lookup-submit").click()
    expect(statement).to_contain_text("Annulée le")
    expect(statement.get_by_role("button", name="Contester")).to_be_hidden()
    marc.keyboard.press("Escape")
    expect(statement).to_be_hidden()
    marc.keyboard.press("Escape")
    expect(lookup).to_be_hidden()
    marc.get_by_test_id("enter-submit").click()
    expect(marc.get_by_test_id("room-list")).to_be_visible()
    expect(banned).to_be_hidden()
    join(marc, "general")

    # 7. Zoé's "Mes signalements" says what became of her report.
    zoe.get_by_test_id("settings").click()
    row = zoe.get_by_test_id(f"report-{receipt_code}")
    expect(row).to_contain_text(f"{receipt_code} · Harcèlement · Message de {marc.nick} : « ")
    expect(row).to_contain_text(" · traité : mesure prise")
    zoe.keyboard.press("Escape")

    # 8. The transparency report counts the notice, the ban, the appeal and its reversal.
    last_day = datetime.now(UTC).date().isoformat()
    out_dir = tmp_path / "transparency"
    admin(capsys, "transparency-report", "--from", first_day, "--to", last_day,
          "--out", str(out_dir), "--data-dir", data_dir)  # fmt: skip
    report = json.loads(
        (out_dir / f"transparency-{first_day}-{last_day}.json").read_text(encoding="utf-8")
    )
    notices = report["notices"]
    assert notices["total"] == 1
    assert notices["by_category"]["harassment"] == 1
    assert notices["by_source"]["visitor"] == 1
    restrictions = report["restrictions"]
    assert restrictions["total"] == 1
    assert restrictions["by_kind"]["site_ban"] == 1
    assert report["own_initiative"]["total"] == 0
    appeals = report["appeals"]
    assert (appeals["filed"], appeals["decided"]) == (1, 1)
    assert appeals["by_outcome"] == {"reversed": 1, "upheld": 0}
