"""What the automatic protection's actions look like in a browser (SAFETY.md 9, 10): the
server's anti-ambush advice in the right conversation with one-tap report and ignore, and a
held message released by a moderator from the console.

The server runs in this process (``InProcessServer``) with ``MeetingGate``, a stand-in for the
detectors behind the same ``SafetyGate`` port: the reactions tested here are the services'
and the client's, whatever gate decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from test_browser_report import HOLD, WARN, InProcessServer, MeetingGate

from causette.domain.accounts import Role

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """Overrides conftest's subprocess server for this module."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data", MeetingGate())
    yield srv
    srv.stop()


def private_with(page: Page, other: Page) -> None:
    """Open a private conversation with ``other`` from the member list of the room."""
    page.get_by_test_id("member-list").get_by_role("button").filter(has_text=other.nick).click()
    page.get_by_test_id("card-private").click()


def test_a_server_nudge_shows_in_the_conversation_with_report_and_ignore(
    visitor: Visitor, say: Say
) -> None:
    a = visitor("Amandine", 27, "woman", "75011", room="general")
    b = visitor("Bruno", 33, "man", "13001", room="general")
    private_with(b, a)
    say(b, "on se voit ce soir ?")

    tab = a.locator('[data-testid^="tab-private-"]')
    expect(tab).to_have_count(1)
    tab.click()
    tip = a.get_by_test_id("ambush-tip")
    expect(tip).to_have_count(1)
    expect(tip).to_contain_text("Prudence avant un rendez-vous")
    expect(tip.get_by_role("link", name="01 48 06 42 41")).to_have_attribute(
        "href", "tel:+33148064241"
    )
    # The advice is the server's: the sender, and the room, get none.
    expect(b.get_by_test_id("ambush-tip")).to_have_count(0)
    expect(a.get_by_test_id("tab-room-general")).to_be_visible()

    # Report in one tap: the dialog opens on the message, as an ambush attempt.
    tip.get_by_test_id("tip-report").click()
    dialog = a.get_by_role("dialog", name="Signaler")
    expect(dialog).to_contain_text("on se voit ce soir ?")
    threat = dialog.get_by_role("radio", name="Menace, guet-apens, danger pour la sécurité")
    expect(threat).to_be_checked()
    a.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # Ignore in one tap: what Bruno said goes from view.
    tip.get_by_test_id("tip-ignore").click()
    expect(a.get_by_test_id("message-list")).not_to_contain_text("on se voit ce soir ?")


def test_a_warning_shows_to_the_sender_only_and_the_message_goes(
    visitor: Visitor, say: Say
) -> None:
    a = visitor("Agathe", 25, "woman", "75011", room="general")
    b = visitor("Benoît", 29, "man", "13001", room="general")
    say(b, f"{WARN} voici mon adresse")
    warning = "Attention : tu partages des coordonnées"
    expect(b.get_by_test_id("message-list")).to_contain_text(warning)
    expect(a.get_by_test_id("message-list")).to_contain_text("voici mon adresse")
    expect(a.get_by_test_id("message-list")).not_to_contain_text(warning)


def log_in(page: Page, username: str) -> None:
    page.goto("/moderation")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="File des signalements")).to_be_visible()


def test_a_held_message_is_released_from_the_console(
    visitor: Visitor, say: Say, browser: Browser, server: InProcessServer
) -> None:
    server.call(server.app.accounts.create("held.mod", PASSWORD, Role.MODERATOR))
    zoe = visitor("Zoé", 34, "woman", "75011", room="general")
    marc = visitor("Marc", 38, "man", "69003", room="general")
    text = f"{HOLD} passe me voir"
    say(marc, text)
    expect(marc.get_by_test_id("message-list")).to_contain_text("En attente de vérification")
    say(zoe, "bonsoir")
    expect(marc.get_by_test_id("message-list")).to_contain_text("bonsoir")
    expect(zoe.get_by_test_id("message-list")).not_to_contain_text("passe me voir")

    context = browser.new_context(base_url=server.url, locale="fr-FR")
    try:
        mod = context.new_page()
        log_in(mod, "held.mod")
        row = mod.locator("#queue-rows tr.case").filter(has_text="1 retenu(s)")
        expect(row).to_have_count(1)
        row.get_by_role("link").click()
        held = mod.locator("#held .held")
        expect(held).to_have_count(1)
        expect(held).to_contain_text("test.hold")
        expect(held.locator("mark")).to_have_text(HOLD)
        expect(held).to_contain_text("passe me voir")
        held.get_by_role("button", name="Publier").click()
        expect(mod.get_by_role("status")).to_contain_text("Message publié.")
        expect(mod.locator("#held")).to_have_count(0)
        audit = mod.locator("ol.audit")
        expect(audit).to_contain_text("a publié le message retenu n°")
    finally:
        context.close()

    expect(zoe.get_by_test_id("message-list")).to_contain_text("passe me voir")
    expect(marc.get_by_test_id("message-list")).not_to_contain_text("En attente de vérification")
    expect(marc.get_by_test_id("message-list")).to_contain_text("passe me voir")
