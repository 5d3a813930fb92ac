"""Screen sizes: on a phone no sideways scrolling and drawers for rooms and people; on a phone
and on a desktop, the composer at the bottom of the screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
PHONE = {"viewport": {"width": WIDTH, "height": HEIGHT}, "is_mobile": True, "has_touch": True}


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def bottom_of(page: Page, test_id: str) -> float:
    box = page.get_by_test_id(test_id).bounding_box()
    assert box is not None, f"{test_id} is not displayed"
    return box["y"] + box["height"]


def test_phone_layout(visitor: Callable[..., Page], say: Callable[[Page, str], None]) -> None:
    page = visitor("Pauline", 26, "woman", "06000", **PHONE)
    no_sideways_scroll(page)
    # Even before a room is chosen, the composer sits at the bottom of the screen.
    assert HEIGHT - 80 <= bottom_of(page, "composer") <= HEIGHT
    expect(page.get_by_test_id("room-list")).not_to_be_in_viewport()

    page.get_by_test_id("drawer-rooms").tap()
    expect(page.get_by_test_id("drawer-rooms")).to_have_attribute("aria-expanded", "true")
    join = page.get_by_test_id("join-general")
    expect(join).to_be_in_viewport()
    join.tap()

    expect(page.get_by_test_id("drawer-rooms")).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_test_id("tab-room-general")).to_be_visible()
    expect(page.locator("#conv-title")).to_have_text("Général")
    composer = page.get_by_test_id("composer")
    expect(composer).to_be_in_viewport()
    assert HEIGHT - 80 <= bottom_of(page, "composer") <= HEIGHT
    say(page, "Depuis mon téléphone")
    expect(page.get_by_test_id("message-list")).to_contain_text("Depuis mon téléphone")
    no_sideways_scroll(page)

    page.get_by_test_id("drawer-people").tap()
    members = page.get_by_test_id("member-list")
    expect(members).to_be_in_viewport()
    expect(members.get_by_role("listitem").filter(has_text=page.nick)).to_contain_text("26 ans")
    no_sideways_scroll(page)


def test_desktop_layout(visitor: Callable[..., Page], join: Callable[[Page, str], None]) -> None:
    page = visitor("Damien", 38, "man", "21000", viewport={"width": 1280, "height": 720})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert 720 - 80 <= bottom_of(page, "composer") <= 720
    expect(page.get_by_test_id("drawer-rooms")).to_be_hidden()  # no drawers: three columns
    join(page, "general")
    expect(page.get_by_test_id("room-list")).to_be_in_viewport()
    expect(page.get_by_test_id("member-list")).to_be_in_viewport()
    assert 720 - 80 <= bottom_of(page, "composer") <= 720
