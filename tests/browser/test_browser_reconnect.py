"""A network drop: the page says so, comes back by itself and shows what was missed, once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser


def messages(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def test_network_drop_and_resume(
    visitor: Callable[..., Page], say: Callable[[Page, str], None]
) -> None:
    a = visitor("Axelle", 27, "woman", "67000", room="general")
    b = visitor("Bastian", 29, "man", "68100", room="general")
    say(b, "avant la coupure")
    expect(messages(a, "avant la coupure")).to_have_count(1)

    state = a.get_by_test_id("connection-state")
    a.context.set_offline(True)
    expect(state).to_have_attribute("data-state", "reconnecting")
    expect(a.get_by_text("Connexion perdue, reconnexion…")).to_be_visible()

    say(b, "pendant la coupure")
    # Within the grace period nobody sees Axelle leave.
    expect(b.get_by_test_id("member-count")).to_have_text("2 personnes")
    expect(messages(a, "pendant la coupure")).to_have_count(0)

    a.context.set_offline(False)
    expect(state).to_have_attribute("data-state", "open")
    expect(a.get_by_text("Connexion perdue, reconnexion…")).to_be_hidden()
    expect(messages(a, "pendant la coupure")).to_have_count(1)
    expect(messages(a, "avant la coupure")).to_have_count(1)
    expect(a.get_by_test_id("tab-room-general")).to_have_attribute("aria-selected", "true")

    # The session is the same one: the conversation goes on both ways.
    say(a, "je suis revenue")
    expect(messages(b, "je suis revenue")).to_have_count(1)
    expect(messages(a, "je suis revenue")).to_have_count(1)
    expect(b.get_by_test_id("message-list")).not_to_contain_text("a quitté")
