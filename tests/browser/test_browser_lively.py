"""What makes the chat livelier: nickname completion with Tab, /help, the "new messages"
divider and the jump to the latest, older history when scrolling up, unread counts in the
rooms drawer on a phone, the count of people online on the entry page, and the text limit
said rather than cut."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

# A short history page, so that a few messages make several pages; posting fast is allowed;
# and no safety rules: eighteen long near-identical lines are a flood they rightly refuse.
SERVER_CONFIG = (
    "burst = 200\nrate_per_second = 100\nrequests_burst = 400\nrequests_per_second = 100\n"
    "[history]\ncount = 5\n[safety]\nenabled = false\n"
)

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


def messages(page: Page) -> Locator:
    return page.get_by_test_id("message-list").locator("li[data-testid^=msg-]")


def line(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def test_tab_completes_a_nickname_and_help_lists_the_commands(visitor: Visitor, say: Say) -> None:
    a = visitor("Amandine", 30, "woman", "75011", room="general")
    b = visitor("Hélicon", 32, "man", "69003", room="general")
    composer = a.get_by_test_id("composer")
    composer.fill("hel")  # case and accents do not matter
    composer.press("Tab")
    expect(composer).to_have_value(f"{b.nick}: ")
    expect(composer).to_be_focused()
    composer.fill(f"salut {b.nick[:3]}")
    composer.press("Tab")
    expect(composer).to_have_value(f"salut {b.nick} ")
    # Nothing to complete: Tab moves on, as everywhere.
    composer.fill("salut zzz")
    composer.press("Tab")
    expect(composer).not_to_be_focused()

    say(a, "/help")
    help_ = a.get_by_test_id("help")
    expect(help_).to_contain_text("Commandes")
    for command in ("/me", "/msg", "/join", "/part", "/nick", "/topic"):
        expect(help_).to_contain_text(command)
    expect(a.get_by_test_id("composer-error")).to_be_hidden()


def test_a_text_over_the_limit_is_counted_and_refused_not_cut(visitor: Visitor) -> None:
    a = visitor("Apolline", 30, "woman", "75011", room="general")
    composer = a.get_by_test_id("composer")
    composer.fill("x" * 510)  # as a paste would
    expect(composer).to_have_value("x" * 510)
    expect(a.locator("#composer-counter")).to_have_text("10 caractères de trop (limite : 500)")
    composer.press("Enter")
    expect(a.get_by_test_id("composer-error")).to_contain_text("dépasse la limite de 500")
    expect(composer).to_have_value("x" * 510)


def test_divider_jump_and_older_history(visitor: Visitor, say: Say) -> None:
    a = visitor("Annabelle", 30, "woman", "75011", room="general")
    b = visitor("Barnabé", 32, "man", "69003", room="general")
    filler = " bla" * 60  # a few lines each: a page of five fills the short window below
    for n in range(18):
        say(b, f"ligne {n:02d}{filler}")
    expect(line(a, "ligne 17")).to_have_count(1)

    # Someone who arrives now sees the last page, and earlier ones as they scroll up.
    c = visitor(
        "Capucine", 28, "woman", "13001", room="general", viewport={"width": 800, "height": 560}
    )
    expect(messages(c)).to_have_count(5)
    expect(messages(c).first).to_contain_text("ligne 13")
    c.get_by_test_id("message-list").evaluate("el => { el.scrollTop = 0; }")
    expect(messages(c)).to_have_count(10)
    expect(messages(c).first).to_contain_text("ligne 08")
    # What was read stays in view: the list did not jump to the top of the new page.
    assert c.get_by_test_id("message-list").evaluate("el => el.scrollTop") > 0
    # The button does the same, for a keyboard.
    c.get_by_test_id("load-older").click()
    expect(messages(c)).to_have_count(15)
    c.get_by_test_id("load-older").click()
    expect(messages(c)).to_have_count(18)
    expect(messages(c).first).to_contain_text("ligne 00")
    expect(c.get_by_test_id("message-list")).to_contain_text("Début de l'historique du salon")
    texts = messages(c).locator(".text").all_inner_texts()
    assert texts == [f"ligne {n:02d}{filler}".strip() for n in range(18)]

    # Scrolled up, new messages wait below a divider, with a button to jump to them.
    a.get_by_test_id("message-list").evaluate("el => { el.scrollTop = 0; }")
    say(b, "tout nouveau")
    divider = a.get_by_test_id("new-divider")
    expect(divider).to_have_text("Nouveaux messages")
    jump = a.get_by_test_id("jump-latest")
    expect(jump).to_have_text("1 nouveau message ↓")
    following = a.locator("[data-testid=new-divider] + li")
    expect(following).to_contain_text("tout nouveau")
    jump.click()
    expect(jump).to_be_hidden()
    expect(line(a, "tout nouveau")).to_be_in_viewport()


def test_unread_counts_in_the_rooms_drawer_on_a_phone(visitor: Visitor, say: Say) -> None:
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    a = visitor("Alizée", 30, "woman", "75011", **phone)
    a.get_by_test_id("drawer-rooms").click()
    a.get_by_test_id("join-general").click()
    expect(a.get_by_test_id("tab-room-general")).to_have_attribute("aria-selected", "true")
    a.get_by_test_id("drawer-rooms").click()
    a.get_by_test_id("join-18-25").click()
    expect(a.get_by_test_id("tab-room-18-25")).to_have_attribute("aria-selected", "true")
    b = visitor("Bastien", 30, "man", "69003", room="general")
    say(b, "dans le général")
    say(b, "encore")
    expect(a.get_by_test_id("drawer-rooms-unread")).to_have_text("2")
    a.get_by_test_id("drawer-rooms").click()
    expect(a.get_by_test_id("room-unread-general")).to_have_text("2 messages non lus")
    expect(a.get_by_test_id("room-unread-18-25")).to_be_hidden()


def test_the_entry_page_counts_the_people_online(
    visitor: Visitor, new_page: Callable[..., Page]
) -> None:
    visitor("Anaïs", 30, "woman", "75011")
    page = new_page()
    online = page.get_by_test_id("entry-online")
    expect(online).to_have_text(re.compile(r"^\d+ personnes? en ligne en ce moment$"))
    # A count only: no nickname is sent before entry.
    expect(page.locator("body")).not_to_contain_text("Anaïs")


def test_unread_in_tabs_scrolled_out_of_view_is_shown(visitor: Visitor, say: Say) -> None:
    a = visitor("Ambre", 30, "woman", "75011", viewport={"width": 720, "height": 700})
    for room in ("18-25", "25-40", "40+", "general"):
        a.get_by_test_id(f"join-{room}").click()
        expect(a.get_by_test_id(f"tab-room-{room}")).to_have_attribute("aria-selected", "true")
    a.get_by_test_id("tab-room-18-25").click()
    a.locator("#tabs").evaluate("el => { el.style.maxWidth = '12rem'; }")  # a narrow bar
    b = visitor("Baudouin", 30, "man", "69003", room="general")
    say(b, "par ici")
    hidden = a.get_by_test_id("tabs-unread")
    expect(hidden).to_have_text("1 non lu →")
    hidden.click()
    expect(a.get_by_test_id("tab-room-general")).to_be_in_viewport()
    expect(hidden).to_be_hidden()
