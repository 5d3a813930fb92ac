"""The entry form: the server's refusals next to their field, the language, the keyboard."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

NewPage = Callable[..., Page]


def fill_form(page: Page, nick: str, age: int) -> None:
    page.get_by_test_id("nickname").fill(nick)
    page.get_by_test_id("age").fill(str(age))
    page.get_by_test_id("gender-other").check()
    page.get_by_test_id("postal-code").fill("35000")
    page.get_by_test_id("enter-submit").click()


def test_the_form_says_the_site_is_for_adults(new_page: NewPage) -> None:
    page = new_page()
    hint = page.get_by_text("Réservé aux personnes de 18 ans et plus.")
    expect(hint).to_be_visible()
    # Announced with the age field, not only shown near it.
    assert hint.get_attribute("id") in (page.get_by_test_id("age").get_attribute(
        "aria-describedby") or "").split()  # fmt: skip


def test_short_nickname_is_refused_next_to_the_field(new_page: NewPage) -> None:
    page = new_page()
    fill_form(page, "ab", 30)
    error = page.get_by_test_id("error-nickname")
    expect(error).to_have_text("Ton pseudo doit faire entre 3 et 20 caractères.")
    expect(page.get_by_test_id("nickname")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("nickname")).to_be_focused()
    expect(page.get_by_test_id("error-age")).to_be_hidden()
    expect(page.get_by_test_id("room-list")).to_be_hidden()


def test_language_switch(new_page: NewPage) -> None:
    page = new_page()
    expect(page.get_by_text("Pseudo", exact=True)).to_be_visible()
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_text("Nickname", exact=True)).to_be_visible()
    expect(page.get_by_test_id("enter-submit")).to_have_text("Enter")
    expect(page.get_by_text("For people aged 18 and over only.")).to_be_visible()
    expect(page.get_by_text("3 to 20 characters.")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_test_id("lang-switch")).to_have_text("FR")

    fill_form(page, "x", 30)
    expect(page.get_by_test_id("error-nickname")).to_have_text(
        "Your nickname must be between 3 and 20 characters long."
    )
    # The choice outlives a reload, for the interface and for the server.
    page.reload()
    expect(page.get_by_text("Nickname", exact=True)).to_be_visible()
    fill_form(page, "y", 30)
    expect(page.get_by_test_id("error-nickname")).to_contain_text("Your nickname")

    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_text("Pseudo", exact=True)).to_be_visible()
    fill_form(page, "z", 30)
    expect(page.get_by_test_id("error-nickname")).to_contain_text("Ton pseudo")


def has_visible_focus(el: Locator) -> bool:
    outline, width, shadow = el.evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    return (outline != "none" and width != "0px") or shadow != "none"


def tab_to(page: Page, test_id: str, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement?.dataset.testid") == test_id:
            return
    raise AssertionError(f"Tab never reached {test_id}")


def test_entry_with_the_keyboard_only(new_page: NewPage, nick: Callable[[str], str]) -> None:
    page = new_page()
    name = nick("Clavier")
    tab_to(page, "nickname")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("age")).to_be_focused()
    page.keyboard.type("52")
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("gender-man")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_test_id("gender-man")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_test_id("postal-code")).to_be_focused()
    page.keyboard.type("44000")
    tab_to(page, "enter-submit")
    submit = page.get_by_test_id("enter-submit")
    expect(submit).to_be_focused()
    assert has_visible_focus(submit), "the focused button has no visible outline"
    page.keyboard.press("Enter")

    # In the chat, focus goes to the first room's button: Enter joins it.
    first = page.get_by_test_id("join-general")
    expect(first).to_be_focused()
    assert has_visible_focus(first)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("tab-room-general")).to_have_attribute("aria-selected", "true")
    composer = page.get_by_test_id("composer")
    expect(composer).to_be_focused()
    page.keyboard.type("Tout au clavier")
    page.keyboard.press("Enter")
    expect(
        page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=name)
    ).to_contain_text("Tout au clavier")
    expect(page.get_by_test_id("member-list")).to_contain_text("52 ans")
