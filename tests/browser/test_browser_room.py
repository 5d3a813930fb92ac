"""Two or three people in a room: who is there, what they say, the rooms they create."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Locator, Page, WebSocket, expect

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
Say = Callable[[Page, str], None]


def members(page: Page) -> Locator:
    return page.get_by_test_id("member-list").get_by_role("listitem")


def messages(page: Page, text: str) -> Locator:
    return page.get_by_test_id("message-list").get_by_role("listitem").filter(has_text=text)


def record_frames(page: Page) -> list[str]:
    """Every WebSocket frame the page receives from now on."""
    frames: list[str] = []

    def watch(ws: WebSocket) -> None:
        ws.on("framereceived", lambda payload: frames.append(str(payload)))

    page.on("websocket", watch)
    return frames


def test_two_people_see_each_other_but_not_the_postal_code(
    new_page: Callable[..., Page],
    visitor: Visitor,
    nick: Callable[[str], str],
    enter: Callable[..., None],
    join: Callable[[Page, str], None],
) -> None:
    b = new_page()
    frames = record_frames(b)
    b.reload()  # so that its WebSocket is watched from the first frame
    a = visitor("Anna", 34, "woman", "75011", room="general")
    b_nick = nick("Bruno")
    enter(b, b_nick, 41, "man", "69003")
    join(b, "general")

    anna_in_b = members(b).filter(has_text=a.nick)
    expect(anna_in_b).to_contain_text("34 ans")
    expect(anna_in_b).to_contain_text("Paris (75)")
    bruno_in_a = members(a).filter(has_text=b_nick)
    expect(bruno_in_a).to_contain_text("41 ans")
    expect(bruno_in_a).to_contain_text("Rhône (69)")
    for page in (a, b):
        expect(page.get_by_test_id("member-count")).to_have_text("2 personnes")
        expect(members(page)).to_have_count(2)
    assert "75011" not in b.content()
    assert "69003" not in a.content()
    assert frames, "no WebSocket frame was recorded"
    assert not [f for f in frames if "75011" in f], "Anna's postal code was sent to Bruno"


def test_messages_appear_once_on_both_sides(visitor: Visitor, say: Say) -> None:
    a = visitor("Alice", 30, "woman", "75011", room="general")
    b = visitor("Basile", 33, "man", "69003", room="general")
    say(a, "Bonjour, ça va ?")
    say(b, "Très bien et toi ?")
    say(a, "Impeccable")
    for page in (a, b):
        for text in ("Bonjour, ça va ?", "Très bien et toi ?", "Impeccable"):
            expect(messages(page, text)).to_have_count(1)
        expect(messages(page, "Bonjour, ça va ?")).to_contain_text(a.nick)
        expect(messages(page, "Très bien")).to_contain_text(b.nick)


def test_markup_in_a_message_is_shown_as_text(visitor: Visitor, say: Say) -> None:
    a = visitor("Agathe", 30, "woman", "75011", room="general")
    b = visitor("Bastien", 30, "man", "13001", room="general")
    script = "<script>window.__xss=1</script>"
    img = '<img src=x onerror="window.__xss=2">'
    say(b, script)
    say(b, img)
    for page in (a, b):
        expect(page.get_by_test_id("message-list").get_by_text(script, exact=True)).to_be_visible()
        expect(page.get_by_test_id("message-list").get_by_text(img, exact=True)).to_be_visible()
        expect(page.get_by_test_id("message-list").locator("img, script")).to_have_count(0)
        assert page.evaluate("window.__xss") is None


def test_created_room_opens_and_shows_in_the_other_list(
    visitor: Visitor, nick: Callable[[str], str]
) -> None:
    a = visitor("Aline", 29, "woman", "33000")
    b = visitor("Boris", 35, "man", "31000")
    name = nick("Tricot ")
    a.get_by_test_id("create-room-name").fill(name)
    a.get_by_test_id("create-room-topic").fill("Aiguilles et pelotes")
    a.get_by_test_id("create-room-submit").click()

    tab = a.get_by_role("tab", name=name)
    expect(tab).to_have_attribute("aria-selected", "true")
    expect(a.locator("#conv-title")).to_have_text(name)
    expect(a.get_by_text("Aiguilles et pelotes").first).to_be_visible()
    expect(a.get_by_test_id("composer")).to_be_focused()

    in_b = b.get_by_test_id("room-list").get_by_role("listitem").filter(has_text=name)
    expect(in_b).to_contain_text("1 personne", timeout=2500)
    expect(in_b).to_contain_text("Aiguilles et pelotes")


def test_filters_hide_the_others(visitor: Visitor, nick: Callable[[str], str]) -> None:
    a = visitor("Amandine", 34, "woman", "75011")
    a.get_by_test_id("create-room-name").fill(nick("Filtres "))
    a.get_by_test_id("create-room-submit").click()
    selected = a.locator('[data-testid^="tab-room-"][aria-selected="true"]')
    expect(selected).to_have_count(1)
    room = (selected.get_attribute("data-testid") or "").removeprefix("tab-room-")
    b = visitor("Baptiste", 41, "man", "69003")
    c = visitor("Camille", 22, "other", "13001")
    for page in (b, c):
        page.get_by_test_id(f"join-{room}").click()
        expect(page.get_by_test_id(f"tab-room-{room}")).to_be_visible()

    count = a.get_by_test_id("member-count")
    expect(count).to_have_text("3 personnes")
    expect(members(a)).to_have_count(3)

    a.get_by_test_id("filter-gender").select_option("woman")
    expect(members(a)).to_have_count(1)
    expect(members(a)).to_contain_text(a.nick)
    expect(count).to_have_text("3 personnes · 1 affichée")

    a.get_by_test_id("filter-gender").select_option("")
    a.get_by_test_id("filter-age-min").fill("30")
    a.get_by_test_id("filter-age-max").fill("45")
    expect(members(a)).to_have_count(2)
    expect(members(a).filter(has_text=c.nick)).to_have_count(0)
    expect(count).to_have_text("3 personnes · 2 affichées")

    a.get_by_test_id("filter-age-min").fill("18")
    a.get_by_test_id("filter-age-max").fill("25")
    expect(members(a)).to_have_count(1)
    expect(members(a)).to_contain_text(re.compile(rf"{c.nick}.*22 ans"))
