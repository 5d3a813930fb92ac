"""Fair measures and the site's rules, in a real browser: a site ban that extends to the network
tells another device there the truth without the decision and lets it ask for a review; the
statement of reasons links to the rule it applies; the entry form links to the terms.

The server runs in this process (``InProcessServer``) so that a moderator can decide through
the moderation service. Every browser comes from 127.0.0.1: one network for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Page, expect
from test_browser_report import InProcessServer, moderator

from causette.domain.moderation import Appellant, SanctionKind
from causette.domain.rules import GROUNDS
from causette.services.moderation.decisions import Action

pytestmark = pytest.mark.browser

Visitor = Callable[..., Page]
NewPage = Callable[..., Page]
REVIEW = re.compile(r"Demande envoyée \(code (A-[A-Z0-9]{8})\)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessServer]:
    """Overrides conftest's subprocess server for this module."""
    srv = InProcessServer(tmp_path_factory.mktemp("server") / "data")
    yield srv
    srv.stop()


def fill(page: Page, nick: str) -> None:
    page.get_by_test_id("nickname").fill(nick)
    page.get_by_test_id("age").fill("31")
    page.get_by_test_id("gender-woman").check()
    page.get_by_test_id("postal-code").fill("69003")
    page.get_by_test_id("enter-submit").click()


def test_the_entry_form_says_entering_accepts_the_terms_and_links_them(
    new_page: NewPage,
) -> None:
    page = new_page()
    terms = page.locator("#entry-terms")
    expect(terms).to_contain_text("En entrant, tu acceptes les conditions d'utilisation")
    cgu = page.get_by_test_id("entry-cgu")
    expect(cgu).to_have_attribute("href", "/cgu?lang=fr")
    with page.context.expect_page() as opened:
        cgu.click()
    tab = opened.value
    expect(tab.get_by_role("heading", level=1)).to_have_text("Conditions générales d'utilisation")
    tab.close()
    page.get_by_test_id("lang-switch").click()
    expect(terms).to_contain_text("By entering, you accept the terms of use")
    expect(cgu).to_have_attribute("href", "/cgu?lang=en")


def test_a_device_caught_by_a_network_binding_asks_for_a_review_and_is_spared(
    visitor: Visitor, new_page: NewPage, nick: Callable[[str], str], server: InProcessServer
) -> None:
    marc = visitor("Marc", 40, "man", "75011")
    app = server.app
    guest_id = next(
        g.id for g in app.chat.chat.state.guests.values() if g.profile.nickname == marc.nick
    )
    decider, reviewer = moderator(server), moderator(server)
    ban = Action(
        SanctionKind.SITE_BAN, "Menaces.", GROUNDS["law_threat"], 7 * 86400, network_duration=3600
    )
    decision = server.call(app.moderation.decisions.act_on_guest(decider, guest_id, ban))
    try:
        # Marc reads his statement, which links to the article it applies.
        statement = marc.get_by_role("dialog", name="Décision de modération")
        expect(statement).to_contain_text(decision.code)
        rule = statement.get_by_test_id("decision-rules")
        expect(rule).to_have_text("Règles de la communauté, article 3")
        expect(rule).to_have_attribute("href", "/regles?lang=fr#art-3")

        # Léa, another device on the same network, is told the truth and nothing more.
        lea = new_page()
        name = nick("Lea")
        fill(lea, name)
        banner = lea.get_by_test_id("entry-ban")
        expect(banner).to_contain_text("restreint depuis ce réseau")
        expect(banner).to_contain_text("une autre personne")
        expect(banner).not_to_contain_text(decision.code)
        expect(lea.get_by_test_id("entry-ban-code")).to_be_hidden()
        expect(lea.get_by_test_id("entry-ban-read")).to_be_hidden()
        lea.get_by_test_id("entry-review-open").click()
        text = lea.get_by_test_id("entry-review-text")
        expect(text).to_be_focused()
        text.fill("Je suis sa voisine, ce n'est pas moi.")
        lea.get_by_test_id("entry-review-send").click()
        result = lea.get_by_test_id("entry-review-result")
        expect(result).to_have_text(REVIEW)
        found = REVIEW.search(result.inner_text())
        assert found is not None

        # It reaches the moderators; another one spares her device.
        pending = server.call(app.moderation.appeals.pending())
        (review,) = [p.appeal for p in pending if p.appeal.appellant is Appellant.NETWORK]
        assert review.code == found[1]
        assert review.text == "Je suis sa voisine, ce n'est pas moi."
        server.call(app.moderation.appeals.decide_appeal(reviewer, review.id, True, "Levée."))
        lea.get_by_test_id("enter-submit").click()
        expect(lea.get_by_test_id("room-list")).to_be_visible()
    finally:
        server.call(app.moderation_store.reverse_decision(decision.id, decision.created_at))
        app.chat.enforcement.revoke_decision(decision.id)
