"""One person, several tabs: a second tab of the same browser is the same session, both live;
a tab reopened within the grace period resumes it; quitting from one quits them all. People
whose connection is lost show as away, not gone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, expect

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


def messages(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def member(page: Page, nick: str) -> Locator:
    return page.get_by_test_id("member-list").get_by_role("listitem").filter(has_text=nick)


def open_tab(page: Page) -> Page:
    """Another tab of the same browser (same context: same cookie, same storage)."""
    tab = page.context.new_page()
    tab.goto("/")
    expect(tab.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
    return tab


def test_a_second_tab_is_the_same_person_and_both_stay_live(visitor: Visitor, say: Say) -> None:
    a = visitor("Anouk", 31, "woman", "75011", room="general")
    b = visitor("Brice", 33, "man", "69003", room="general")
    expect(b.get_by_test_id("member-count")).to_have_text("2 personnes")

    a2 = open_tab(a)
    # No entry form, no "pseudo déjà pris": the room is there, with its recent messages.
    expect(a2.get_by_test_id("tab-room-general")).to_be_visible()
    expect(a2.get_by_test_id("enter-submit")).to_be_hidden()
    expect(member(a2, a.nick)).to_contain_text("(toi)")
    # Nobody sees a second Anouk, nor Anouk leaving.
    expect(b.get_by_test_id("member-count")).to_have_text("2 personnes")

    say(b, "bonjour les deux onglets")
    expect(messages(a, "bonjour les deux onglets")).to_have_count(1)
    expect(messages(a2, "bonjour les deux onglets")).to_have_count(1)
    say(a2, "je réponds du second")
    expect(messages(b, "je réponds du second")).to_have_count(1)
    a.bring_to_front()
    expect(messages(a, "je réponds du second")).to_have_count(1)
    say(a, "et du premier")
    expect(messages(b, "et du premier")).to_have_count(1)

    # Joining a room in one tab opens it in the other.
    a.get_by_test_id("join-18-25").click()
    expect(a.get_by_test_id("tab-room-18-25")).to_have_attribute("aria-selected", "true")
    a2.bring_to_front()
    expect(a2.get_by_test_id("tab-room-18-25")).to_be_visible()
    # Leaving it from that one closes it in the first.
    a2.get_by_test_id("tab-close-room-18-25").click()
    expect(a2.get_by_test_id("tab-room-18-25")).to_have_count(0)
    a.bring_to_front()
    expect(a.get_by_test_id("tab-room-18-25")).to_have_count(0)
    a2.close()


def test_a_reopened_tab_resumes_and_quit_from_one_tab_quits_them_all(
    visitor: Visitor, say: Say
) -> None:
    a = visitor("Aline", 41, "woman", "13001", room="general")
    b = visitor("Boris", 43, "man", "31000", room="general")
    a2 = open_tab(a)
    expect(a2.get_by_test_id("tab-room-general")).to_be_visible()

    # Both tabs closed, one reopened within the grace period: the same session comes back.
    browser = a.context
    a.close()
    a2.close()
    expect(member(b, a.nick).get_by_text("(absent·e)")).to_be_visible()
    say(b, "tu es revenue ?")
    a3 = browser.new_page()
    a3.goto("/")
    expect(a3.get_by_test_id("tab-room-general")).to_have_attribute("aria-selected", "true")
    expect(a3.get_by_test_id("enter-submit")).to_be_hidden()
    expect(messages(a3, "tu es revenue ?")).to_have_count(1)
    a4 = open_tab(a3)
    expect(a4.get_by_test_id("tab-room-general")).to_be_visible()

    # Quitting from one tab quits the person: the other tab shows the entry form.
    a4.get_by_test_id("settings").click()
    a4.get_by_test_id("quit").click()
    expect(a4.get_by_test_id("enter-submit")).to_be_visible()
    a3.bring_to_front()
    expect(a3.get_by_test_id("enter-submit")).to_be_visible()
    expect(a3.get_by_test_id("entry-error")).to_contain_text("depuis un autre onglet")
    expect(member(b, a.nick)).to_have_count(0)
    expect(messages(b, f"{a.nick} a quitté le chat")).to_have_count(1)


def test_someone_whose_connection_is_lost_shows_as_away(visitor: Visitor) -> None:
    a = visitor("Axelle", 27, "woman", "67000", room="general")
    b = visitor("Baptiste", 29, "man", "68100", room="general")
    away = member(b, a.nick).get_by_text("(absent·e)")
    expect(away).to_have_count(0)
    a.context.set_offline(True)
    expect(away).to_be_visible()
    expect(b.get_by_test_id("member-count")).to_have_text("2 personnes")
    a.context.set_offline(False)
    expect(a.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
    expect(away).to_have_count(0)
