"""Below the minimum age: refused, and the device stays blocked; the network (another device
behind the same address) only for a few minutes, and each is told which.

In a module of its own: the refusal also blocks the network address (127.0.0.1 here) for
`entry.network_age_block_minutes`, which would stop other tests of the same server entering.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_under_age_is_refused_and_blocked_after_a_reload(
    new_page: Callable[..., Page], nick: Callable[[str], str]
) -> None:
    page = new_page()
    page.get_by_test_id("nickname").fill(nick("Petit"))
    page.get_by_test_id("age").fill("15")
    page.get_by_test_id("gender-man").check()
    page.get_by_test_id("postal-code").fill("75011")
    page.get_by_test_id("enter-submit").click()

    refusal = page.get_by_test_id("error-age")
    expect(refusal).to_contain_text("réservé aux personnes de 18 ans et plus")
    expect(refusal).to_contain_text("3018")
    blocked = page.get_by_test_id("entry-blocked")
    expect(blocked).to_be_visible()
    expect(blocked).to_contain_text("L'entrée est bloquée sur cet appareil jusqu'au")
    expect(page.get_by_test_id("enter-submit")).to_be_disabled()
    expect(page.get_by_test_id("age")).to_be_disabled()

    page.reload()
    expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
    expect(page.get_by_test_id("entry-blocked")).to_be_visible()
    expect(page.get_by_test_id("enter-submit")).to_be_disabled()
    expect(page.get_by_test_id("nickname")).to_be_disabled()
    expect(page.get_by_test_id("room-list")).to_be_hidden()

    # Dates are local, in the visitor's words; the sentence follows a language switch.
    expect(refusal).not_to_contain_text("UTC")
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_test_id("entry-blocked")).to_contain_text(
        "Entry is blocked on this device until"
    )
    page.get_by_test_id("lang-switch").click()
    expect(page.get_by_test_id("entry-blocked")).to_contain_text("L'entrée est bloquée")
    # Another device behind the same address: the network waits a few minutes, and says so.
    sister = new_page()
    blocked = sister.get_by_test_id("entry-blocked")
    expect(blocked).to_be_visible()
    expect(blocked).to_contain_text("depuis ce réseau")
    expect(blocked).to_contain_text("Cet appareil, lui, n'est pas bloqué.")
    expect(sister.get_by_test_id("enter-submit")).to_be_disabled()
