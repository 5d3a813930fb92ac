"""One to one: private conversations, who may open one, and ignoring someone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


def member(page: Page, nick: str) -> Locator:
    return page.get_by_test_id("member-list").get_by_role("listitem").filter(has_text=nick)


def messages(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def open_card(page: Page, nick: str) -> Locator:
    member(page, nick).get_by_role("button").click()
    card = page.get_by_test_id("user-card")
    expect(card).to_be_visible()
    expect(card.get_by_role("heading")).to_have_text(nick)
    return card


def test_private_conversation(visitor: Visitor, say: Say) -> None:
    a = visitor("Adèle", 31, "woman", "75011", room="general")
    b = visitor("Benoît", 36, "man", "69003", room="general")
    open_card(a, b.nick).get_by_test_id("card-private").click()
    expect(a.get_by_test_id("user-card")).to_be_hidden()
    expect(a.get_by_test_id("composer")).to_be_focused()
    say(a, "Coucou, en privé")

    tab = b.locator('[data-testid^="tab-private-"]')
    expect(tab).to_have_count(1)
    expect(tab).to_contain_text(a.nick)
    expect(tab.locator(".badge")).to_have_text("1")
    expect(b).to_have_title("(1) causette")
    expect(messages(b, "Coucou, en privé")).to_have_count(0)  # Bruno still looks at the room
    tab.click()
    expect(messages(b, "Coucou, en privé")).to_have_count(1)
    expect(tab.locator(".badge")).to_have_count(0)
    expect(b).to_have_title("causette")

    say(b, "Salut, bien reçu")
    expect(messages(a, "Salut, bien reçu")).to_have_count(1)
    expect(messages(a, "Salut, bien reçu")).to_contain_text(b.nick)
    # Nothing private leaked into the room.
    a.get_by_test_id("tab-room-general").click()
    expect(messages(a, "Coucou, en privé")).to_have_count(0)


def test_privacy_nobody_refuses_with_a_message(visitor: Visitor, say: Say) -> None:
    b = visitor("Bérénice", 40, "woman", "69003", room="general")
    b.get_by_test_id("settings").click()
    b.get_by_test_id("privacy").select_option("nobody")
    b.get_by_role("button", name="Fermer").last.click()
    # Reopened, the panel shows what the server acknowledged.
    b.get_by_test_id("settings").click()
    expect(b.get_by_test_id("privacy")).to_have_value("nobody")
    b.keyboard.press("Escape")

    c = visitor("Cyril", 28, "man", "59000", room="general")
    open_card(c, b.nick).get_by_test_id("card-private").click()
    composer = c.get_by_test_id("composer")
    composer.fill("Bonjour ?")
    composer.press("Enter")
    refusal = "Cette personne n'accepte pas les conversations privées."
    expect(messages(c, refusal)).to_have_count(1)
    expect(c.get_by_test_id("composer-error")).to_have_text(refusal)
    expect(composer).to_have_value("Bonjour ?")  # kept, not lost
    expect(b.locator('[data-testid^="tab-private-"]')).to_have_count(0)


def test_ignore_and_unignore(
    visitor: Visitor, say: Say, enter: Callable[..., None], join: Callable[[Page, str], None]
) -> None:
    a = visitor("Aurore", 45, "woman", "75011", room="general")
    b = visitor("Bertrand", 47, "man", "69003", room="general")
    c = visitor("Clément", 44, "man", "13001", room="general")
    b_nick = b.nick

    card = open_card(a, b_nick)
    card.get_by_test_id("card-ignore").click()
    expect(card.get_by_test_id("card-ignore")).to_have_text("Ne plus ignorer")
    a.keyboard.press("Escape")
    expect(member(a, b_nick)).to_contain_text("tu l'ignores")

    say(b, "Tu me lis ?")
    say(c, "Moi je te lis")
    expect(messages(a, "Moi je te lis")).to_have_count(1)
    expect(messages(c, "Tu me lis ?")).to_have_count(1)
    # Bruno's message came first: had it been delivered, it would be there by now.
    expect(messages(a, "Tu me lis ?")).to_have_count(0)

    # Another tab of the same browser is the same person: it shows Bruno as ignored too.
    a2 = a.context.new_page()
    a2.goto("/")
    expect(a2.get_by_test_id("tab-room-general")).to_be_visible()
    expect(member(a2, b_nick)).to_contain_text("tu l'ignores")
    expect(open_card(a2, b_nick).get_by_test_id("card-ignore")).to_have_text("Ne plus ignorer")
    a2.keyboard.press("Escape")
    a.bring_to_front()  # background tabs are throttled

    a.get_by_test_id("settings").click()
    ignores = a.get_by_test_id("ignore-list").get_by_role("listitem")
    expect(ignores).to_have_count(1)
    expect(ignores).to_contain_text(b_nick)
    ignores.get_by_role("button").click()
    expect(ignores).to_have_count(0)
    expect(a.get_by_text("Tu n'ignores personne.")).to_be_visible()
    a.keyboard.press("Escape")
    expect(member(a, b_nick)).not_to_contain_text("tu l'ignores")
    # Unignored from the first tab: the second follows.
    expect(member(a2, b_nick)).not_to_contain_text("tu l'ignores")

    say(b, "Et maintenant ?")
    expect(messages(a, "Et maintenant ?")).to_have_count(1)
    expect(open_card(a, b_nick).get_by_test_id("card-ignore")).to_have_text("Ignorer")
