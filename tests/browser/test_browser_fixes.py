"""Small things that were wrong: an edited topic blanked for its owner, the postal code
messages, an age corrected at the next entry read like a ban, a kick that the person undid by
rejoining, and the alerts of a hidden page."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


def create_room(page: Page, name: str) -> str:
    """Create a room from the list; returns its id (from the tab that opens)."""
    page.get_by_test_id("create-room-name").fill(name)
    page.get_by_test_id("create-room-submit").click()
    tab = page.locator("[role=tab][aria-selected=true]")
    expect(tab).to_contain_text(name)
    return str(tab.get_attribute("data-testid")).removeprefix("tab-room-")


def test_the_owner_sees_the_topic_they_just_saved(
    visitor: Visitor, nick: Callable[[str], str]
) -> None:
    a = visitor("Aude", 30, "woman", "75011")
    create_room(a, nick("Salon "))
    a.get_by_role("button", name="Modifier le sujet").click()
    a.get_by_test_id("topic-input").fill("Les jeux de société")
    a.get_by_test_id("topic-input").press("Enter")
    expect(a.locator("#conv-topic")).to_have_text("Les jeux de société")
    expect(a.get_by_role("button", name="Modifier le sujet")).to_be_visible()


def test_postal_code_messages_say_what_to_do(new_page: Callable[..., Page]) -> None:
    page = new_page()
    page.get_by_test_id("nickname").fill("Postier")
    page.get_by_test_id("age").fill("40")
    page.get_by_test_id("gender-man").check()
    page.get_by_test_id("postal-code").fill("99999")
    page.get_by_test_id("enter-submit").click()
    error = page.get_by_test_id("error-postal-code")
    expect(error).to_have_text(
        "Ce code postal n'existe pas : vérifie-le, ou coche « J'habite à l'étranger »."
    )
    page.get_by_test_id("postal-code").fill("750")
    page.get_by_test_id("enter-submit").click()
    expect(error).to_contain_text("5 chiffres, ou coche « J'habite à l'étranger »")


def test_an_age_changed_at_the_next_entry_says_which_age_holds_until_when(
    new_page: Callable[..., Page], nick: Callable[[str], str]
) -> None:
    page = new_page()
    name = nick("Constance")
    page.get_by_test_id("nickname").fill(name)
    page.get_by_test_id("age").fill("30")
    page.get_by_test_id("gender-woman").check()
    page.get_by_test_id("postal-code").fill("75011")
    page.get_by_test_id("enter-submit").click()
    expect(page.get_by_test_id("room-list")).to_be_visible()
    page.get_by_test_id("settings").click()
    page.get_by_test_id("quit").click()
    page.get_by_test_id("age").fill("25")
    page.get_by_test_id("enter-submit").click()
    error = page.get_by_test_id("error-age")
    expect(error).to_contain_text("Sur cet appareil, tu as déclaré 30 ans")
    expect(error).to_contain_text("Ce n'est pas une sanction")
    expect(error).to_have_text(re.compile(r"jusqu'au \d{1,2} \S+ \d{4} à \d{2}:\d{2}\."))
    expect(error).not_to_contain_text("UTC")


def test_a_kicked_person_is_told_until_when_they_stay_out(
    visitor: Visitor, nick: Callable[[str], str]
) -> None:
    owner = visitor("Octave", 40, "man", "75011")
    room = create_room(owner, nick("Club "))
    guest = visitor("Gaspard", 38, "man", "69003")
    guest.get_by_test_id(f"join-{room}").click()
    owner.get_by_test_id("member-list").get_by_text(guest.nick).click()
    owner.get_by_test_id("card-kick").click()
    expect(guest.get_by_test_id("message-list")).to_contain_text("t'a fait sortir de ce salon")
    guest.get_by_test_id(f"join-{room}").click()
    expect(guest.locator("#rooms-error")).to_have_text(
        re.compile(r"^Tu as été expulsé de ce salon : tu pourras y revenir à partir du \d{1,2} ")
    )


def test_a_hidden_page_alerts_for_a_private_message_once_opted_in(
    visitor: Visitor, say: Say
) -> None:
    a = visitor("Adèle", 30, "woman", "75011", room="general")
    b = visitor("Bertin", 32, "man", "69003", room="general")
    a.context.grant_permissions(["notifications"])
    # Record what the page shows, through the browser's own Notification.
    a.evaluate(
        """() => {
          window.__shown = [];
          const Real = window.Notification;
          window.Notification = class extends Real {
            constructor(title, options) {
              super(title, options);
              window.__shown.push([title, options.body]);
            }
          };
        }"""
    )
    a.get_by_test_id("settings").click()
    a.get_by_test_id("alert-desktop").check()
    a.get_by_test_id("alert-sound").check()
    a.keyboard.press("Escape")
    expect(a.get_by_test_id("alert-desktop")).to_be_checked()
    a.evaluate("() => Object.defineProperty(document, 'hidden', { get: () => true })")
    b.get_by_test_id("member-list").get_by_text(a.nick).click()
    b.get_by_test_id("card-private").click()
    say(b, "un petit mot")
    say(b, "pour toi seule")
    b.get_by_test_id("tab-room-general").click()
    say(b, "dans le salon, sans te citer")
    expect(a.get_by_test_id("message-list")).to_contain_text("dans le salon, sans te citer")
    shown = a.evaluate("() => window.__shown")
    assert shown == [
        [f"Message privé de {b.nick}", "un petit mot"],
        [f"Message privé de {b.nick}", "pour toi seule"],
    ]
    # The choice stays in this browser.
    assert a.evaluate("() => JSON.parse(localStorage.getItem('causette.alerts'))") == {
        "desktop": True,
        "sound": True,
    }
