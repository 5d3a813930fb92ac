"""A moderator makes a room moderated from the console: its members are told in the room and
their composer gives way to the reason; the one given a voice writes again, and everyone does
once the room is no longer moderated.

The server runs in this process (``InProcessServer``) so that ``causette admin create-user``
can open its data folder, as in test_browser_console.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from test_browser_console import PASSWORD, admin, log_in
from test_browser_report import InProcessServer

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]

MODERATED = "Ce salon est maintenant modéré : seules les personnes autorisées peuvent écrire."
LOCKED = "Ce salon est modéré : seules les personnes autorisées peuvent écrire."
UNMODERATED = "Ce salon n'est plus modéré : tout le monde peut y écrire."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """Overrides conftest's subprocess server for this module."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data")
    yield srv
    srv.stop()


@pytest.fixture
def console(
    browser: Browser,
    server: InProcessServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Iterator[Page]:
    """A moderator's console, logged in, in another person's browser."""
    monkeypatch.setenv("CAUSETTE_PASSWORD", PASSWORD)
    data_dir = str(server.settings.server.data_dir)
    admin(capsys, "create-user", "lea.mod", "--role", "moderator", "--data-dir", data_dir)
    context = browser.new_context(base_url=server.url, locale="fr-FR")
    page = context.new_page()
    log_in(page, "lea.mod")
    yield page
    context.close()


def notices(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").locator("li.notice").filter(has_text=text)


def control(console: Page, button: str, member: str | None = None) -> None:
    """Press a button of the room's page in the console (on a member's line if given)."""
    scope = console.locator("li.member").filter(has_text=member) if member else console
    with console.expect_navigation():
        scope.get_by_role("button", name=button).click()
    expect(console.get_by_role("status")).to_contain_text("Salon mis à jour")


def test_moderated_room_silences_then_voice_and_unmoderate(
    visitor: Visitor, say: Say, console: Page
) -> None:
    zoe = visitor("Zoé", 34, "woman", "75011", room="general")
    marc = visitor("Marc", 38, "man", "69003", room="general")
    console.goto("/moderation/rooms/general")

    control(console, "Passer en modéré")
    for page in (zoe, marc):
        expect(notices(page, MODERATED)).to_have_count(1)
        expect(page.get_by_test_id("composer")).to_be_disabled()
        expect(page.get_by_test_id("composer")).to_be_hidden()
        expect(page.get_by_test_id("send")).to_be_hidden()
        expect(page.get_by_test_id("composer-locked")).to_have_text(LOCKED)

    # Zoé is given the right to speak: she is told, and writes; Marc still may not.
    control(console, "Donner la parole", zoe.nick)
    expect(notices(zoe, "Tu peux écrire dans ce salon.")).to_have_count(1)
    expect(zoe.get_by_test_id("composer-locked")).to_be_hidden()
    say(zoe, "Merci la modération")
    expect(marc.get_by_test_id("message-list")).to_contain_text("Merci la modération")
    expect(marc.get_by_test_id("composer")).to_be_disabled()
    expect(notices(marc, "Tu peux écrire dans ce salon.")).to_have_count(0)

    # The room is no longer moderated: Marc writes again.
    control(console, "Retirer la modération")
    for page in (zoe, marc):
        expect(notices(page, UNMODERATED)).to_be_visible()
    expect(marc.get_by_test_id("composer-locked")).to_be_hidden()
    say(marc, "Enfin libre")
    expect(zoe.get_by_test_id("message-list")).to_contain_text("Enfin libre")
    expect(notices(zoe, MODERATED)).to_have_count(1)  # said once, not at every change


# The safety gate that sends these events cannot be set from this harness yet: the frames are
# given to the client's own event router (the bundle's exports, the module instance the page
# runs), as they would come off the WebSocket, in the order the server sends them.
CLIENT = "await import(document.querySelector('script[type=module]').src)"
APPLY = f"""async (frames) => {{
  const {{ applyEvent }} = {CLIENT};
  for (const ev of frames) applyEvent(ev);
}}"""


def apply(page: Page, *frames: dict[str, object]) -> None:
    page.evaluate(APPLY, list(frames))


def me(page: Page) -> dict[str, object]:
    user: dict[str, object] = page.evaluate(f"async () => ({CLIENT}).state.me")
    return user


def test_held_messages_tips_and_a_closed_private(visitor: Visitor, say: Say) -> None:
    zoe = visitor("Zoé", 34, "woman", "75011", room="general")
    marc = visitor("Marc", 38, "man", "69003", room="general")
    marc.get_by_test_id("member-list").get_by_role("button").filter(has_text=zoe.nick).click()
    marc.get_by_test_id("card-private").click()
    say(marc, "Salut, tu as quel âge ?")
    zoe.locator('[data-testid^="tab-private-"]').click()
    expect(zoe.get_by_test_id("message-list")).to_contain_text("tu as quel âge")
    z, m = me(zoe), me(marc)
    held = {"ts": "2026-11-29T20:00:00.000Z", "room": None, "to": m, "from": z, "action": False}

    # Two of Zoé's messages are held: marked, and not counted as unread.
    apply(zoe, {**held, "type": "message_held", "id": 900001, "text": "ma rue est…"},
          {**held, "type": "message_held", "id": 900002, "text": "on se voit ?"})  # fmt: skip
    first = zoe.get_by_test_id("msg-900001")
    expect(first).to_contain_text("En attente de vérification par la modération")
    expect(zoe.get_by_test_id("msg-900002")).to_have_class(re.compile(r"\bheld\b"))
    expect(zoe.locator(".badge:visible")).to_have_count(0)
    # One is released (posted anew under another id), the other removed.
    apply(zoe, {"type": "held_released", "id": 900002, "message_id": 900003})
    expect(zoe.get_by_test_id("msg-900002")).to_have_count(0)
    apply(zoe, {"type": "held_removed", "id": 900001})
    expect(first).to_contain_text("Message non publié : retiré par la modération")
    expect(first).not_to_contain_text("ma rue est")

    # Advice for Zoé about Marc; an unknown advice gets the general one; each once.
    apply(zoe, {"type": "safety_tip", "advice": "minor_help", "room": None, "user": m},
          {"type": "safety_tip", "advice": "minor_help", "room": None, "user": m},
          {"type": "safety_tip", "advice": "new_kind", "room": None, "user": m})  # fmt: skip
    minor = zoe.get_by_test_id("tip-minor_help")
    expect(minor).to_have_count(1)
    expect(minor.get_by_role("link", name="119")).to_have_attribute("href", "tel:119")
    expect(minor.get_by_role("link", name="3018")).to_have_attribute("href", "tel:3018")
    expect(zoe.get_by_test_id("tip-safety")).to_have_count(1)
    minor.get_by_test_id("tip-report").click()
    dialog = zoe.get_by_role("dialog", name="Signaler")
    expect(dialog).to_contain_text("tu as quel âge")  # the message the advice is about
    zoe.keyboard.press("Escape")
    # A meeting in private and the server's ambush tip: one tip (the client detects nothing).
    say(marc, "rdv 12 rue de la Paix")
    apply(zoe, {"type": "safety_tip", "advice": "ambush", "room": None, "user": m})
    ambush = zoe.get_by_test_id("ambush-tip")
    expect(ambush).to_have_count(1)
    expect(ambush.get_by_role("link", name="01 48 06 42 41")).to_be_visible()

    # The platform closes the conversation: a neutral notice, no composer.
    closed = "Cette conversation a été fermée par la plateforme."
    apply(zoe, {"type": "private_closed", "user": m, "reason": "safety"})
    expect(notices(zoe, closed)).to_have_count(1)
    expect(zoe.get_by_test_id("composer")).to_be_disabled()
    expect(zoe.get_by_test_id("composer-locked")).to_have_text(closed)

    # Ignoring from a tip is one tap: what Marc said goes.
    zoe.get_by_test_id("tip-ignore").first.click()
    expect(zoe.get_by_test_id("message-list")).not_to_contain_text("tu as quel âge")
