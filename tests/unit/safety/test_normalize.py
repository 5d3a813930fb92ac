"""The normalised views undo ordinary evasion and always map back to the original text."""

from __future__ import annotations

import re

import pytest

from causette.safety.normalize import Normalized, fold, lexical_form, number_weight


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Salut ÇA VA", "salut ca va"),
        ("𝓼𝓷𝓪𝓹𝓬𝓱𝓪𝓽", "snapchat"),
        ("ＳＮＡＰ", "snap"),
        ("t'es seuuuuule ?", "t'es seule ?"),
        ("t’es là", "t'es la"),  # typographic apostrophe
        ("s🍑n🍑a🍑p", "s n a p"),  # emoji separate, never letters
        ("s\u200bn\u200ba\u200bp", "snap"),  # zero-width characters are dropped
        ("z̷a̷l̷g̷o̷", "zalgo"),  # combining marks are dropped
        ("www.site.com", "www.site.com"),  # "www" is never squeezed
        ("cœur", "coeur"),
    ],
)
def test_folded_view(text: str, folded: str) -> None:
    assert fold(text).text == folded


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("SN@P", "snap"),
        ("5nap", "snap"),
        ("1nsta", "insta"),
        ("wh4tsapp", "whatsapp"),
        ("s n a p", "snap"),
        ("s.n.a.p", "snap"),
        ("s - n - a - p", "snap"),
        ("s🍑n🍑a🍑p", "snap"),
        ("snaaaaap", "snap"),
        ("p.d", "pd"),
    ],
)
def test_lexical_view_undoes_evasion(text: str, word: str) -> None:
    assert word in Normalized(text).lexical.text.split()


@pytest.mark.parametrize(
    "text",
    [
        "il y a un chat",  # two single letters in a row stay words
        "c'est a moi",  # an elided word is not a spelled letter
        "j'ai 4 ans de plus",
    ],
)
def test_lexical_view_does_not_glue_ordinary_words(text: str) -> None:
    words = Normalized(text).lexical.text.split()
    assert all(len(word) <= 5 for word in words), words
    assert len(words) >= 4


@pytest.mark.parametrize(
    "text",
    ["SN@P moi", "ajoute s🍑n🍑a🍑p", "𝓼𝓷𝓪𝓹 !!", "c’est snaaaap", "wh4tsapp ?"],
)
def test_every_lexical_span_points_at_the_original(text: str) -> None:
    norm = Normalized(text)
    view = norm.lexical
    for match in re.finditer(r"[a-z]+", view.text):
        start, end = view.span(match.start(), match.end())
        original = text[start:end]
        assert fold(original).text.replace(" ", "").strip("!?") != ""
        # The original slice, folded and de-leeted, spells the word again.
        assert Normalized(original).lexical.text.replace(" ", "") == match.group()


@pytest.mark.parametrize(
    ("text", "digits", "source"),
    [
        (
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
            "06 12 34 56 78",
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        ),
        ("appelle au zero six 12 34 cinquante six 78 stp", "06 12 34 56 78", None),
        ("zero six one two three four five six seven eight", "06 1 2 3 4 5 6 7 8", None),
    ],
)
def test_digits_view_spells_numbers(text: str, digits: str, source: str | None) -> None:
    view = Normalized(text).digits
    assert digits in view.text
    start = view.text.index(digits)
    begin, end = view.span(start, start + len(digits))
    if source is not None:
        assert text[begin:end] == source
    assert text[begin:end].split()[0] in ("zéro", "zero")


def test_mixed_words_and_digits_map_each_part() -> None:
    text = "appelle au zero six 12 34 cinquante six 78 stp"
    view = Normalized(text).digits
    spans = {m.group(): view.span(m.start(), m.end()) for m in re.finditer(r"\d+", view.text)}
    assert text[slice(*spans["06"])] == "zero six"
    assert text[slice(*spans["56"])] == "cinquante six"
    assert text[slice(*spans["12"])] == "12"


def test_number_weight_is_a_cheap_prefilter() -> None:
    assert number_weight("salut ca va") == 0
    assert number_weight("j'ai 2 chats et 3 enfants") < 8
    assert number_weight("06 12 34 56 78") >= 8
    assert number_weight("zero six douze trente quatre cinquante six soixante dix huit") >= 8


def test_lexicon_terms_take_the_lexical_form() -> None:
    assert lexical_form("Pédé") == "pede"
    assert lexical_form("WhatsApp") == "whatsapp"
