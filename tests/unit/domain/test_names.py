from __future__ import annotations

from collections.abc import Callable

import pytest

from causette.domain.names import (
    DEFAULT_FORBIDDEN,
    DEFAULT_RESERVED,
    NICK_MAX,
    ROOM_NAME_MAX,
    TOPIC_MAX,
    fold_text,
    nickname_key,
    room_key,
    validate_nickname,
    validate_room_name,
    validate_topic,
)
from causette.errors import InvalidInput


def _refusal(call: Callable[..., object], *args: object) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        call(*args)
    return caught.value


# Nicknames


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("  Zoé  ", "Zoé"),
        ("Zoe\u0301", "Zoé"),  # decomposed input is shown composed
        ("Jean-Luc_75", "Jean-Luc_75"),
        ("Œdipe", "Œdipe"),
        ("Straße", "Straße"),
        ("Ça-va", "Ça-va"),
        ("abc", "abc"),
        ("a" * NICK_MAX, "a" * NICK_MAX),
    ],
)
def test_valid_nicknames(raw: str, shown: str) -> None:
    assert validate_nickname(raw) == shown


@pytest.mark.parametrize("raw", ["", "ab", "  ab  ", "a" * (NICK_MAX + 1)])
def test_nickname_length(raw: str) -> None:
    error = _refusal(validate_nickname, raw)
    assert error.code == "nickname_length"
    assert error.params == {"field": "nickname", "min": 3, "max": 20}


@pytest.mark.parametrize(
    ("raw", "char"),
    [
        ("Zoe Lou", " "),
        ("zoé!", "!"),
        ("\u0430dmin", "\u0430"),  # Cyrillic а
        ("Αlice", "Α"),  # Greek capital alpha
        ("ｚｏｅ", "ｚ"),  # fullwidth
        ("zo\u200be", "\u200b"),  # zero-width space
        ("x\u0301yz", "\u0301"),  # a mark with no precomposed letter stays separate
        ("ﬁfi", "ﬁ"),  # ligature
        ("Sørenn", "ø"),
        ("abc١", "١"),  # Arabic-Indic digit
    ],
)
def test_nickname_chars(raw: str, char: str) -> None:
    error = _refusal(validate_nickname, raw)
    assert error.code == "nickname_chars"
    assert error.params == {"field": "nickname", "char": char}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zoé", "zoe"),
        ("ZOE", "zoë"),
        ("Iris", "lris"),
        ("1ris", "iris"),
        ("Bob0", "bobo"),
        ("BOBO", "B0B0"),
        ("zoe_x", "zoe-x"),
        ("Marnie", "Mamie"),
        ("vvilly", "Willy"),
        ("Gaëlle", "GAELLE"),
        ("Strasse", "Straße"),
        ("Cæsar", "caesar"),
        ("Œdipe", "oedipe"),
    ],
)
def test_nickname_keys_collide(a: str, b: str) -> None:
    assert nickname_key(a) == nickname_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("zoe", "zoa"), ("zoe-x", "zoex"), ("Kevin91", "Kevin92"), ("Léa", "Léo")]
)
def test_nickname_keys_differ(a: str, b: str) -> None:
    assert nickname_key(a) != nickname_key(b)


def test_digit_runs_that_read_as_numbers_are_kept() -> None:
    assert nickname_key("Julie1990") == "julle1990"
    assert nickname_key("A10") == "alo"


@pytest.mark.parametrize(
    "raw", ["Admin", "ADM1N", "Àdmin", "AdmIn", "mod-o", "Modo_", "NickServ", "Personne", "r00t"]
)
def test_reserved_nicknames(raw: str) -> None:
    error = _refusal(validate_nickname, raw, DEFAULT_RESERVED)
    assert error.code == "nickname_reserved"
    assert error.params == {"field": "nickname"}


def test_reserved_is_exact_key_match_not_substring() -> None:
    assert validate_nickname("Admine", DEFAULT_RESERVED) == "Admine"
    assert validate_nickname("Rootie", DEFAULT_RESERVED) == "Rootie"


def test_reserved_list_is_only_what_the_caller_passes() -> None:
    assert validate_nickname("admin") == "admin"


@pytest.mark.parametrize(
    "raw",
    ["salope", "xXSal0peXx", "grosse_SALOPE", "sal-ope", "pédophile", "PEDOPHILE75", "encULÉ"],
)
def test_forbidden_substrings(raw: str) -> None:
    error = _refusal(validate_nickname, raw, frozenset(), DEFAULT_FORBIDDEN)
    assert error.code == "nickname_reserved"


@pytest.mark.parametrize(
    "raw",
    [
        "Montenegro",
        "Monique",
        "Pascal",
        "Constance",
        "Salomé",
        "Kevin",
        "Nicolas",
        "Pedro",
        "Tapie",
        "Gourmet",
    ],
)
def test_forbidden_list_spares_ordinary_names(raw: str) -> None:
    assert validate_nickname(raw, DEFAULT_RESERVED, DEFAULT_FORBIDDEN) == raw


def test_empty_forbidden_entry_refuses_nothing() -> None:
    assert validate_nickname("Zoé", frozenset(), ("", "-")) == "Zoé"


def test_default_lists_are_plain_lowercase_ascii() -> None:
    for word in (*DEFAULT_RESERVED, *DEFAULT_FORBIDDEN):
        assert word.isascii()
        assert word.islower()
    assert all(len(word) >= 5 for word in DEFAULT_FORBIDDEN)
    assert 10 <= len(DEFAULT_FORBIDDEN) <= 15


# Room names


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("  Général ", "Général"),
        ("Paris   Nord", "Paris Nord"),
        ("18-25", "18-25"),
        ("L’Auberge", "L'Auberge"),
        ("40+", "40+"),
        ("Île\tde\nFrance", "Île de France"),
        ("ab", "ab"),
    ],
)
def test_valid_room_names(raw: str, shown: str) -> None:
    assert validate_room_name(raw) == shown


@pytest.mark.parametrize("raw", ["", "a", "   a   ", "x" * (ROOM_NAME_MAX + 1)])
def test_room_name_length(raw: str) -> None:
    error = _refusal(validate_room_name, raw)
    assert error.code == "room_name_length"
    assert error.params == {"field": "room", "min": 2, "max": 30}


@pytest.mark.parametrize(
    ("raw", "char"), [("Paris!", "!"), ("#general", "#"), ("М\u043eсква", "М"), ("a/b", "/")]
)
def test_room_name_chars(raw: str, char: str) -> None:
    error = _refusal(validate_room_name, raw)
    assert error.code == "room_name_chars"
    assert error.params == {"field": "room", "char": char}


@pytest.mark.parametrize(
    ("raw", "reserved", "forbidden"),
    [
        ("Modérateur", DEFAULT_RESERVED, ()),
        ("Staff", DEFAULT_RESERVED, ()),
        ("Salle des modos", frozenset({"salle des modos"}), ()),
        ("Les Salopes", frozenset(), DEFAULT_FORBIDDEN),
    ],
)
def test_room_name_reserved(raw: str, reserved: frozenset[str], forbidden: tuple[str, ...]) -> None:
    error = _refusal(validate_room_name, raw, reserved, forbidden)
    assert error.code == "room_name_reserved"
    assert error.params == {"field": "room"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Général", "general"),
        ("Paris Nord", "paris-nord"),
        ("Paris_Nord", "PARIS NORD"),
        ("Cinéma", "C1nema"),
    ],
)
def test_room_keys_collide(a: str, b: str) -> None:
    assert room_key(a) == room_key(b)


def test_room_key_keeps_numbers() -> None:
    assert room_key("18-25") == "18-25"
    assert room_key("18-25") != room_key("18-26")


# Topics and folding


def test_topic_is_one_line() -> None:
    assert validate_topic("  Bienvenue\n\n à  tous\t!  ") == "Bienvenue à tous !"


def test_topic_loses_control_and_bidi_characters() -> None:
    assert validate_topic("a\x00b\x1b[31mc \u202eevil") == "ab[31mc evil"


def test_topic_may_be_empty() -> None:
    assert validate_topic(" \n ") == ""


def test_topic_length() -> None:
    assert validate_topic("é" * TOPIC_MAX) == "é" * TOPIC_MAX
    error = _refusal(validate_topic, "é" * (TOPIC_MAX + 1))
    assert error.code == "topic_length"
    assert error.params == {"field": "topic", "max": 200}


def test_topic_keeps_emoji_sequences() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert validate_topic(f"la {family}") == f"la {family}"


def test_fold_text() -> None:
    assert fold_text("Zoé ÉTÉ Straße") == "zoe ete strasse"
    assert fold_text("ﬁn") == "fin"
    assert fold_text("Iris") != fold_text("lris")  # look-alikes are the key's job, not fold's
