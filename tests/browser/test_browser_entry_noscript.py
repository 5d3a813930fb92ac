"""Nothing personal in a URL: before the script has loaded (a slow phone), the entry form
submits nowhere, whatever the visitor presses."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Request, expect

pytestmark = pytest.mark.browser


def test_pressing_entrer_before_the_script_loads_changes_no_url(
    browser: Browser, server: Any
) -> None:
    context = browser.new_context(base_url=server.url, locale="fr-FR")
    try:
        # The scripts never arrive: the form is shown, as on a slow phone before they run.
        context.route("**/*.js", lambda route: route.abort())
        page = context.new_page()
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        navigations: list[Request] = []
        page.on("request", lambda r: r.is_navigation_request() and navigations.append(r))
        page.goto("/")
        start = page.url
        navigations.clear()
        page.get_by_test_id("nickname").fill("Zoé")
        page.get_by_test_id("age").fill("34")
        page.get_by_test_id("gender-woman").check()
        page.get_by_test_id("postal-code").fill("75011")
        submit = page.get_by_test_id("enter-submit")
        expect(submit).to_be_disabled()
        for field in ("nickname", "age", "postal-code"):
            page.get_by_test_id(field).press("Enter")
        submit.click(force=True)  # a tap on the (disabled) button
        page.wait_for_timeout(300)  # a submission would have started a navigation by now
        assert page.url == start
        assert navigations == []
        for url in requests:
            assert "?" not in url, url
            for value in ("Zo", "75011", "34"):
                assert value not in url.split("/", 3)[-1], url
        # The fields carry no name a submission could use.
        for field in ("nickname", "age", "postal-code"):
            assert page.get_by_test_id(field).get_attribute("name") is None
    finally:
        context.close()


def test_with_the_script_the_button_works(browser: Browser, server: Any) -> None:
    context = browser.new_context(base_url=server.url, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_test_id("enter-submit")).to_be_enabled()
        expect(page.get_by_test_id("nickname")).to_have_attribute("maxlength", "20")
        # The entry page says how many people are in: a count, never who.
        expect(page.get_by_test_id("entry-online")).to_be_hidden()  # nobody yet on this server
    finally:
        context.close()
