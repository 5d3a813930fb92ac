"""The terms, the community rules, the privacy policy and the legal notice, served by the real
server from the operator's configuration, in French and in English."""

from __future__ import annotations

import re
from html import unescape

import httpx
import pytest
from harness import Launcher, Server

from causette.domain.rules import ARTICLES, GROUND_ARTICLES, GROUNDS, article_of, rules_url

PAGES = ("/cgu", "/regles", "/confidentialite", "/mentions-legales")
OPERATOR = {
    "name": "Association Causons",
    "address": "12 rue des Lilas, 69003 Lyon",
    "email": "bonjour@causons.example",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 quai du Port, 13002 Marseille",
    "moderation_contact": "modo@causons.example",
    "dpo_contact": "dpo@causons.example",
}


@pytest.fixture
async def site(launch: Launcher) -> Server:
    return await launch.start(
        {
            "operator": OPERATOR,
            "retention": {"connection_days": 366, "session_days": 200, "evidence_hold_days": 90},
            "history": {"retention_hours": 36, "max_age_hours": 12},
            "entry": {"age_cooldown_hours": 48},
            "moderation": {"misuse_window_days": 60},
        }
    )


async def page(server: Server, path: str) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        return await http.get(path)


def text(response: httpx.Response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_every_page_is_served_in_both_languages_without_script(
    site: Server, path: str, lang: str
) -> None:
    response = await page(site, f"{path}?lang={lang}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}">' in response.text
    assert "<script" not in response.text
    # Nothing from elsewhere: every stylesheet and link target of the frame is this server's.
    assert re.findall(r'<link[^>]+href="([^"]+)"', response.text) == ["data:,", "/static/legal.css"]
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert OPERATOR["name"] in text(response)


async def test_french_is_the_default_and_english_is_asked_for(site: Server) -> None:
    assert "Conditions générales d'utilisation" in text(await page(site, "/cgu"))
    english = text(await page(site, "/cgu?lang=en"))
    assert "Terms of use" in english
    assert "Entering the chat means accepting these terms" in english
    assert "Conditions générales" not in english
    # An unknown language falls back to the server's.
    assert "Conditions générales d'utilisation" in text(await page(site, "/cgu?lang=xx"))


async def test_the_legal_notice_names_the_operator_the_host_and_the_moderators(
    site: Server,
) -> None:
    notice = text(await page(site, "/mentions-legales"))
    for key in ("name", "address", "email", "host_name", "host_address", "moderation_contact"):
        assert OPERATOR[key] in notice, key


async def test_the_privacy_policy_states_the_configured_periods_and_the_rights(
    site: Server,
) -> None:
    response = await page(site, "/confidentialite")
    html = response.text
    periods = {
        "keep-messages": "36 heures",
        "keep-connections": "366 jours",
        "keep-sessions": "200 jours après la fin de la session",
        "keep-evidence": "jusqu'à la clôture du dossier, puis 90 jours",
        "keep-age": "48 heures",
        "keep-misuse": "60 jours",
        "keep-cookie": "400 jours",
    }
    for cell, shown in periods.items():
        found = re.search(rf'<td id="{cell}">([^<]+)</td>', html)
        assert found is not None, cell
        assert unescape(found[1]) == shown
    body = text(response)
    for collected in (
        "pseudo",
        "âge",
        "genre",
        "code postal",
        "adresse IP",
        "données de connexion",
    ):
        assert collected in body, collected
    for right in ("accéder", "rectifier", "effacer", "opposer", "CNIL"):
        assert right in body, right
    assert OPERATOR["dpo_contact"] in body
    english = await page(site, "/confidentialite?lang=en")
    assert re.search(r'<td id="keep-connections">366 days</td>', english.text)
    assert "CNIL" in text(english)


async def test_without_a_data_protection_officer_the_policy_names_none(
    launch: Launcher,
) -> None:
    server = await launch.start({"operator": {"name": "Solo", "dpo_contact": ""}})
    body = text(await page(server, "/confidentialite"))
    assert "Solo" in body
    assert "Délégué à la protection des données" not in body


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_rules_are_numbered_articles_with_anchors(site: Server, lang: str) -> None:
    html = (await page(site, f"/regles?lang={lang}")).text
    anchors = re.findall(r'<section id="art-(\d+)"><h2>Article (\d+) — ', html)
    assert [(int(a), int(b)) for a, b in anchors] == [(n, n) for n, _ in ARTICLES]


def test_every_ground_cites_an_article_that_exists() -> None:
    numbers = {n for n, _ in ARTICLES}
    assert set(GROUND_ARTICLES) == set(GROUNDS)
    for key, label in GROUNDS.items():
        assert article_of(label + " — précision") == GROUND_ARTICLES[key] in numbers
    assert rules_url(GROUNDS["law_threat"]) == "/regles#art-3"
    assert article_of("DSA art. 23 : signalements manifestement infondés répétés") == 10
    assert article_of("Voir règles, art. 7") == 7
    assert article_of("Règles art. 99") is None
    assert rules_url("un motif libre") == "/regles"
