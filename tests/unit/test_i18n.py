"""The message catalogue covers the protocol's error codes in every language, safely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from causette import i18n

PROTOCOL = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
GENERIC = {"fr": "Erreur ({code}).", "en": "Error ({code})."}


def protocol_error_codes() -> list[str]:
    """Every code in the first column of the "## Error codes" table of docs/protocol.md."""
    codes: list[str] = []
    in_section = False
    for line in PROTOCOL.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.strip() == "## Error codes"
            continue
        if in_section and line.startswith("| `"):
            first_cell = line.split("|")[1]
            codes.extend(re.findall(r"`([^`]+)`", first_cell))
    return codes


PROTOCOL_CODES = protocol_error_codes()
EXTRA_CODES = ["server_shutdown"]


def test_protocol_table_is_parsed() -> None:
    assert len(PROTOCOL_CODES) > 30
    assert "nickname_taken" in PROTOCOL_CODES  # from a cell holding several codes
    assert "internal_error" in PROTOCOL_CODES
    assert len(set(PROTOCOL_CODES)) == len(PROTOCOL_CODES)


@pytest.mark.parametrize("code", PROTOCOL_CODES + EXTRA_CODES)
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_code_has_a_specific_message(code: str, lang: str) -> None:
    assert code in i18n.MESSAGES
    assert i18n.MESSAGES[code][lang].strip()
    text = i18n.message(code, lang, {})
    assert text.strip()
    assert text != GENERIC[lang].format(code=code)


def test_catalogue_has_every_language_for_every_code() -> None:
    for code, texts in i18n.MESSAGES.items():
        assert set(texts) == set(i18n.LANGS), code
        assert texts["fr"] != texts["en"], code


def test_langs() -> None:
    assert i18n.DEFAULT_LANG == "fr"
    assert i18n.LANGS == ("fr", "en")
    assert i18n.is_supported("fr")
    assert i18n.is_supported("en")
    assert not i18n.is_supported("de")
    assert not i18n.is_supported("")


def test_params_are_substituted() -> None:
    assert i18n.message("message_too_long", "fr", {"max": 500}) == (
        "Ton message est trop long : 500 caractères au maximum."
    )
    assert "500" in i18n.message("message_too_long", "en", {"max": 500})
    assert "12" in i18n.message("rate_limited", "fr", {"retry_after": 12})
    text = i18n.message("nickname_length", "en", {"min": 2, "max": 20})
    assert "2" in text
    assert "20" in text
    assert "« é »" in i18n.message("nickname_chars", "fr", {"char": "é", "field": "nickname"})


def test_age_below_minimum_mentions_age_date_and_help() -> None:
    params = {"min": 18, "until": "30/11/2026 à 06:40"}
    fr = i18n.message("age_below_minimum", "fr", params)
    assert "18 ans" in fr
    assert "jusqu'au 30/11/2026 à 06:40" in fr
    assert "3018" in fr
    en = i18n.message("age_below_minimum", "en", params)
    assert "18" in en
    assert "3018" in en


def test_a_sanction_says_until_when_only_when_it_ends() -> None:
    timed = i18n.message("banned", "fr", {"decision": "D-ABC", "until": "06/12/2026 07:40 UTC"})
    assert "jusqu'au 06/12/2026 07:40 UTC" in timed
    assert "D-ABC" in timed
    forever = i18n.message("muted", "en", {"decision": "D-ABC"})
    assert "until" not in forever
    assert "D-ABC" in forever


@pytest.mark.parametrize("code", PROTOCOL_CODES + EXTRA_CODES)
@pytest.mark.parametrize("lang", i18n.LANGS)
def test_missing_params_do_not_raise(code: str, lang: str) -> None:
    empty: dict[str, object] = {}
    for params in (None, empty):
        text = i18n.message(code, lang, params)
        assert "{" not in text
        assert "}" not in text


def test_unformattable_param_does_not_raise() -> None:
    class Broken:
        def __format__(self, spec: str) -> str:
            raise RuntimeError("boom")

    assert i18n.message("message_too_long", "fr", {"max": Broken()})


def test_unknown_lang_falls_back_to_french() -> None:
    fr = i18n.message("rooms_max", "fr", {"max": 10})
    assert i18n.message("rooms_max", "de", {"max": 10}) == fr
    assert i18n.message("rooms_max", "", {"max": 10}) == fr
    assert i18n.message("nope", "xx") == "Erreur (nope)."


def test_unknown_code_falls_back_to_generic() -> None:
    assert i18n.message("no_such_code", "fr") == "Erreur (no_such_code)."
    assert i18n.message("no_such_code", "en", {"max": 3}) == "Error (no_such_code)."
    assert i18n.message("{weird}", "en") == "Error ({weird})."


def test_a_refusal_by_the_safety_rules_says_why_when_people_can_act_on_it() -> None:
    assert "spam" in i18n.message("message_refused", "fr", {"reason": "spam"})
    assert "spam" in i18n.message("message_refused", "en", {"reason": "spam"})
    # Any other reason keeps the general wording (it says nothing that helps evade a rule).
    general = i18n.message("message_refused", "fr")
    assert i18n.message("message_refused", "fr", {"reason": "safety"}) == general
    assert "spam" not in general
