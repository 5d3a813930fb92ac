"""Reporting from the chat (DSA Art. 16), the server's anti-ambush advice in private (SAFETY.md
10),
and what a sanctioned visitor sees: the statement of reasons, the ban on the entry screen, the
appeal (DSA Arts. 17 and 20).

The server runs in this process, in a thread with its own event loop (instead of the
subprocess of conftest.py), so that a test can act as a moderator through the services; its
safety gate is ``MeetingGate``, a stand-in for the real detectors behind the same port.
Every page connects from 127.0.0.1 and sanctions bind to the network too: the test that bans
someone has that person alone on the site, and lifts the ban before it ends.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import replace
from itertools import count
from pathlib import Path
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Locator, Page, expect

from causette import config
from causette.app import App, bind, make_server
from causette.domain.accounts import Account, Role
from causette.domain.moderation import SanctionKind
from causette.safety.gate import (
    ALLOW,
    CaseRequest,
    Conversation,
    Draft,
    Nudge,
    SafetyGate,
    Signal,
    Verdict,
    VerdictKind,
)
from causette.services.moderation.decisions import Action

pytestmark = pytest.mark.browser

T = TypeVar("T")
_accounts = count(1)


# What the old in-browser check looked for: a phone number, an address, a meeting.
MEETING = re.compile(
    r"(?:\+|\b00)33[\s.-]*[1-9](?:[\s.-]*\d{2}){4}|\b0[1-9](?:[\s.-]*\d{2}){4}\b"
    r"|\b(?:rue|avenue|boulevard|impasse)\b|\b\d{5}\b"
    r"|\b(?:rdv|rendez[\s-]?vous|on se voit|chez moi|chez toi)\b",
    re.IGNORECASE,
)
HOLD = "[hold]"
WARN = "[warn]"


class MeetingGate:
    """A test double of the ``SafetyGate`` port: anti-ambush advice for the recipient of a
    private message that sets up a meeting; ``[hold]`` holds a message for a moderator;
    ``[warn]`` warns its sender about personal details."""

    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        if draft.text.startswith(WARN):
            signal = Signal("test.warn", 0.6, (0, len(WARN)))
            return Verdict(warning="personal_info", signals=(signal,))
        if draft.text.startswith(HOLD):
            signal = Signal("test.hold", 0.9, (0, len(HOLD)))
            case = CaseRequest("harassment", "test.hold")
            return Verdict(VerdictKind.HOLD, case=case, signals=(signal,))
        found = MEETING.search(draft.text)
        if found and draft.recipient is not None:
            signal = Signal("test.meeting", 0.8, found.span())
            return Verdict(nudges=(Nudge(draft.recipient.user.id, "ambush"),), signals=(signal,))
        return ALLOW


class InProcessServer:
    """The app served from a thread with its own event loop; ``call`` runs a coroutine there."""

    def __init__(self, data_dir: Path, gate: SafetyGate | None = None) -> None:
        self.gate = gate
        settings = config.parse({"limits": {"connections_per_ip": 50}})
        self.settings = replace(settings, server=replace(settings.server, data_dir=data_dir))
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="causette-server", daemon=True)
        self.thread.start()
        if not self._ready.wait(20) or self._failure is not None:
            raise RuntimeError("the server did not start") from self._failure
        self.url = f"http://127.0.0.1:{self.port}/"

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._serve())
        except BaseException as error:  # reported by __init__ if it happens at start-up
            self._failure = error
            self._ready.set()
        finally:
            self.loop.close()

    async def _serve(self) -> None:
        self.app, self.http = make_server(self.settings)
        if self.gate is not None:
            self.app.chat.messages.gate = self.gate
        sock = bind("127.0.0.1", 0)
        self.port = sock.getsockname()[1]
        task = asyncio.create_task(self.http.serve(sockets=[sock]))
        while not self.http.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        self._ready.set()
        await task

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(setattr, self.http, "should_exit", True)
        self.thread.join(15)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """Overrides conftest's subprocess server for this module."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data", MeetingGate())
    yield srv
    srv.stop()


def moderator(server: InProcessServer) -> Account:
    n = next(_accounts)
    account = Account(0, f"moderator{n}", "unused", Role.MODERATOR, None, 0, None, time.time())
    return server.call(server.app.moderation_store.add_account(account))


async def _guest_id(app: App, nickname: str) -> str:
    return next(g.id for g in app.chat.chat.state.guests.values() if g.profile.nickname == nickname)


Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]

RECEIPT = re.compile(r"^Signalement reçu\. Code de suivi : (R-[A-Z0-9]{8})$")


def messages(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def receipt_code(page: Page) -> str:
    receipt = page.get_by_test_id("report-receipt")
    expect(receipt).to_have_text(RECEIPT)
    match = RECEIPT.match(receipt.inner_text())
    assert match is not None
    return match.group(1)


def test_report_a_message_and_follow_it(
    visitor: Visitor, say: Say, server: InProcessServer
) -> None:
    a = visitor("Agathe", 33, "woman", "75011", room="general")
    b = visitor("Basile", 35, "man", "69003", room="general")
    say(b, "Tu es vraiment nulle")
    line = messages(a, "Tu es vraiment nulle")
    expect(line).to_have_count(1)
    # Nobody reports their own message.
    expect(
        messages(b, "Tu es vraiment nulle").get_by_role("button", name="Signaler")
    ).to_have_count(0)

    report = line.get_by_role("button", name=f"Signaler ce message de {b.nick}")
    line.hover()
    expect(report).to_have_css("opacity", "1")
    report.focus()  # reachable by keyboard too
    report.press("Enter")
    dialog = a.get_by_role("dialog", name="Signaler")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(dialog.get_by_test_id("report-safety")).to_be_hidden()
    expect(dialog).to_contain_text(f"Message de {b.nick} : « Tu es vraiment nulle »")
    expect(dialog.get_by_role("radio")).to_have_count(9)
    # Focus stays in the dialog: Shift+Tab from the first control wraps to the last, and back.
    first = dialog.get_by_role("radio", name="Abus sexuel sur mineur ou pédopiégeage")
    expect(first).to_be_focused()
    a.keyboard.press("Shift+Tab")
    expect(dialog.get_by_role("button", name="Annuler")).to_be_focused()
    a.keyboard.press("Tab")
    expect(first).to_be_focused()

    dialog.get_by_test_id("report-submit").click()
    expect(dialog.get_by_text("Choisis une catégorie.")).to_be_visible()
    dialog.get_by_role("radio", name="Harcèlement").check()
    dialog.get_by_label("Explication (facultative)").fill("Il m'insulte depuis une heure.")
    expect(dialog.get_by_text("Jamais obligatoire", exact=False)).to_be_visible()
    dialog.get_by_test_id("report-submit").click()
    expect(dialog.get_by_test_id("report-error")).to_contain_text("bonne foi")
    dialog.get_by_label("Je déclare de bonne foi que les informations sont exactes").check()
    dialog.get_by_test_id("report-submit").click()
    code = receipt_code(a)
    expect(a.get_by_test_id("report-receipt")).to_be_focused()
    report_row = server.call(server.app.moderation_store.report_by_code(code))
    assert report_row is not None
    assert report_row.explanation == "Il m'insulte depuis une heure."
    queue = server.call(server.app.moderation.cases.queue())
    assert report_row.case_id in [case.id for case, _ in queue]
    a.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(report).to_be_focused()  # focus comes back to where the report started

    a.get_by_test_id("settings").click()
    entry = a.get_by_test_id(f"report-{code}")
    # What was reported and when, as well as how it stands.
    expect(entry).to_have_text(
        re.compile(
            rf"^{code} · Harcèlement · Message de {b.nick} : « Tu es vraiment nulle » · "
            r"\d{1,2} \S+ \d{4} à \d{2}:\d{2} · en cours"
        )
    )
    expect(entry.get_by_role("button")).to_have_count(0)  # nothing to contest yet
    a.keyboard.press("Escape")

    # The room itself, from the conversation's menu; Escape backs out without sending.
    a.get_by_test_id("conv-menu").click()
    a.get_by_role("button", name="Signaler le salon").click()
    expect(dialog).to_contain_text("Salon : Général")
    expect(dialog.get_by_role("radio", name="Harcèlement")).not_to_be_checked()
    a.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(a.get_by_test_id("conv-menu")).to_be_focused()

    # A person, from their card: the dialog opens over the card and gives focus back to it.
    people = a.get_by_test_id("member-list").get_by_role("button")
    people.filter(has_text=b.nick).click()
    card = a.get_by_test_id("user-card")
    card.get_by_test_id("card-report").click()
    expect(dialog).to_contain_text(f"Personne : {b.nick}")
    a.keyboard.press("Escape")
    expect(card.get_by_test_id("card-report")).to_be_focused()
    a.keyboard.press("Escape")
    people.filter(has_text=a.nick).click()
    expect(card.get_by_test_id("card-report")).to_be_hidden()  # not myself
    a.keyboard.press("Escape")


def test_meeting_in_private_shows_safety_advice_once(visitor: Visitor, say: Say) -> None:
    a = visitor("Aurélien", 29, "man", "75011", room="general")
    b = visitor("Bastien", 31, "man", "13001", room="general")
    b.get_by_test_id("member-list").get_by_role("button").filter(has_text=a.nick).click()
    b.get_by_test_id("card-private").click()
    say(b, "rdv 12 rue de la Paix à 20h")

    tab = a.locator('[data-testid^="tab-private-"]')
    expect(tab).to_have_count(1)
    tab.click()
    tip = a.get_by_test_id("ambush-tip")
    expect(tip).to_have_count(1)
    expect(tip).to_contain_text("Prudence avant un rendez-vous")
    expect(tip).to_contain_text("lieu public")
    expect(tip).to_contain_text("Refuse qu'un « ami » vienne en plus.")
    sos = tip.get_by_role("link", name="SOS homophobie")
    expect(sos).to_have_attribute("href", "https://www.sos-homophobie.org")
    expect(sos).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    expect(sos).to_have_attribute("target", "_blank")
    expect(tip.get_by_role("link", name="17")).to_have_attribute("href", "tel:17")
    expect(tip.get_by_role("link", name="112")).to_have_attribute("href", "tel:112")
    # The sender is not warned about their own message.
    expect(b.get_by_test_id("ambush-tip")).to_have_count(0)

    tip.get_by_role("button", name="Signaler une tentative de guet-apens").click()
    dialog = a.get_by_role("dialog", name="Signaler")
    expect(dialog).to_be_visible()
    threat = dialog.get_by_role("radio", name="Menace, guet-apens, danger pour la sécurité")
    expect(threat).to_be_checked()
    expect(threat).to_be_focused()
    expect(dialog).to_contain_text("rdv 12 rue de la Paix à 20h")
    safety = dialog.get_by_test_id("report-safety")
    expect(safety).to_be_visible()
    expect(safety).to_contain_text("17")
    expect(safety).to_contain_text("119")
    expect(safety.get_by_role("link", name="internet-signalement.gouv.fr")).to_have_attribute(
        "target", "_blank"
    )
    dialog.get_by_label("Je déclare de bonne foi que les informations sont exactes").check()
    dialog.get_by_test_id("report-submit").click()
    receipt_code(a)
    a.keyboard.press("Escape")

    # Once per conversation, however many meeting words follow; then it can be dismissed.
    say(b, "on se voit chez moi, appelle le 06 12 34 56 78")
    expect(messages(a, "appelle le 06 12 34 56 78")).to_have_count(1)
    expect(tip).to_have_count(1)
    tip.get_by_role("button", name="Masquer ces conseils").click()
    expect(tip).to_have_count(0)


# Last in the module: it bans the network every page comes from (and lifts the ban).
def test_statement_ban_and_appeal(visitor: Visitor, say: Say, server: InProcessServer) -> None:
    page = visitor("Bérangère", 40, "woman", "75011", room="general")
    say(page, "un message limite")
    line = messages(page, "un message limite")
    message_id = int((line.get_attribute("data-testid") or "").removeprefix("msg-"))
    mod = moderator(server)
    moderation = server.app.moderation
    removal = server.call(moderation.decisions.act_on_message(
        mod, message_id, Action(SanctionKind.REMOVAL, "Propos injurieux.", "CGU art. 4"),
    ))  # fmt: skip

    removed = page.get_by_test_id(f"msg-{message_id}")
    expect(removed).to_contain_text("Message supprimé par la modération")
    expect(removed).not_to_contain_text("un message limite")
    expect(removed.locator(".removed")).to_have_css("font-style", "italic")
    statement = page.get_by_role("dialog", name="Décision de modération")
    expect(statement).to_be_visible()
    expect(statement).to_have_attribute("aria-modal", "true")
    expect(statement.get_by_role("heading")).to_be_focused()
    for text in ("Suppression d'un message", "Tout le site", "Propos injurieux.", "CGU art. 4",
                 "Initiative de la modération", "Aucun moyen automatisé",
                 "aucune décision n'est automatisée", removal.code):  # fmt: skip
        expect(statement).to_contain_text(text)
    page.keyboard.press("Escape")
    expect(statement).to_be_hidden()
    # Kept in this browser, readable again from the settings.
    page.get_by_test_id("settings").click()
    kept = page.get_by_test_id(f"decision-{removal.code}")
    expect(kept).to_contain_text("Suppression d'un message")
    kept.get_by_role("button", name="Voir").click()
    expect(statement).to_contain_text(removal.code)
    page.keyboard.press("Escape")
    expect(kept.get_by_role("button", name="Voir")).to_be_focused()
    page.keyboard.press("Escape")

    guest = server.call(_guest_id(server.app, page.nick))
    ban = server.call(moderation.decisions.act_on_guest(
        mod, guest, Action(SanctionKind.SITE_BAN, "Récidive.", "CGU art. 4", 86_400.0),
    ))  # fmt: skip
    expect(statement).to_contain_text("Exclusion du site")
    expect(statement).to_contain_text("Jusqu'au")
    expect(statement).to_contain_text(ban.code)
    banned = page.get_by_test_id("entry-ban")
    expect(banned).to_be_visible()
    expect(banned).to_contain_text(f"Code de la décision : {ban.code}")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")

    # Entering again is refused with the server's reason; the decision is read and contested
    # before entering.
    page.get_by_test_id("enter-submit").click()
    expect(banned).to_contain_text(f"(décision {ban.code})")
    page.get_by_test_id("entry-ban-read").click()
    expect(statement).to_contain_text("Récidive.")
    statement.get_by_role("button", name="Contester").click()
    appeal_dialog = page.get_by_role("dialog", name="Contester")
    expect(appeal_dialog).to_contain_text(f"Décision {ban.code}")
    appeal_dialog.get_by_test_id("appeal-submit").click()
    expect(appeal_dialog).to_contain_text("Explique pourquoi tu contestes.")
    appeal_dialog.get_by_label("Pourquoi contestes-tu ?").fill("Ce n'était pas moi.")
    appeal_dialog.get_by_test_id("appeal-submit").click()
    result = appeal_dialog.get_by_test_id("appeal-result")
    expect(result).to_have_text(re.compile(
        r"^Contestation enregistrée\. Code de suivi : A-[A-Z0-9]{8}\. État : en attente d'examen\.$"
    ))  # fmt: skip
    appeal_code = re.findall(r"A-[A-Z0-9]{8}", result.inner_text())[0]
    page.keyboard.press("Escape")
    expect(statement.get_by_role("button", name="Contester")).to_be_hidden()  # one at a time
    page.keyboard.press("Escape")
    expect(statement).to_be_hidden()

    appeal = server.call(server.app.moderation_store.appeal_by_code(appeal_code))
    assert appeal is not None
    server.call(
        moderation.appeals.decide_appeal(moderator(server), appeal.id, True, "Erreur de personne.")
    )
    page.get_by_test_id("open-lookup").click()
    lookup = page.get_by_role("dialog", name="Suivre une décision ou une contestation")
    expect(page.get_by_test_id("lookup-code")).to_be_focused()
    page.get_by_test_id("lookup-code").fill(appeal_code.lower())
    page.get_by_test_id("lookup-submit").click()
    expect(lookup.get_by_test_id("lookup-result")).to_contain_text(
        f"Contestation {appeal_code} : décision annulée"
    )
    expect(lookup.get_by_test_id("lookup-result")).to_contain_text("Erreur de personne.")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("open-lookup")).to_be_focused()

    page.get_by_test_id("enter-submit").click()
    expect(page.get_by_test_id("room-list")).to_be_visible()
    expect(banned).to_be_hidden()
