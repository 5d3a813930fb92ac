"""Nicknames, room names and topics: validation, casefolding and look-alike skeletons.

A name is shown as the person typed it (stripped and NFC-normalised) but compared through a
*key*: a skeleton in the spirit of Unicode TR39, narrowed to the characters we accept. Two names
with the same key could be mistaken for one another, so only one of them may exist at a time.

The accepted alphabet is deliberately small (Latin letters with or without accents, digits and
a little punctuation): every character outside it is a homoglyph risk (Cyrillic "а", fullwidth
"Ａ", zero-width joiners) that a key cannot fully neutralise.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from causette.domain.text import strip_unsafe
from causette.errors import InvalidInput

NICK_MIN = 3
NICK_MAX = 20
ROOM_NAME_MIN = 2
ROOM_NAME_MAX = 30
TOPIC_MAX = 200

DEFAULT_RESERVED: frozenset[str] = frozenset(
    {
        "admin",
        "administrateur",
        "administrator",
        "moderateur",
        "moderatrice",
        "moderator",
        "modo",
        "causette",
        "systeme",
        "system",
        "operateur",
        "operator",
        "staff",
        "support",
        "root",
        "police",
        "gendarmerie",
        "pharos",
        "nickserv",
        "chanserv",
        "server",
        "serveur",
        "anonyme",
        "anonymous",
        "nobody",
        "personne",
    }
)

# Matched as substrings of the key, so each entry is a stem long enough not to occur inside
# ordinary French or English names ("negro" is left out because of "Montenegro").
DEFAULT_FORBIDDEN: tuple[str, ...] = (
    "pedoph",
    "paedoph",
    "zoophil",
    "salope",
    "encule",
    "connasse",
    "pouffiasse",
    "tapette",
    "gouine",
    "youpin",
    "bougnoule",
    "nigger",
    "nigga",
    "faggot",
    "suceuse",
)

_ASCII_LETTERS = frozenset(string.ascii_letters)
_EXTRA_LETTERS = frozenset("æœßÆŒ")
_DIGITS = frozenset(string.digits)
_NICK_PUNCTUATION = frozenset("-_")
_ROOM_PUNCTUATION = frozenset(" -_+'")

# Phones type the typographic apostrophe by default; "L’Auberge" must not be refused.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})

_LOOKALIKES = str.maketrans({"i": "l", "|": "l", "_": "-"})
_LETTERLIKE_DIGITS = str.maketrans({"0": "o", "1": "l"})
_DIGIT_RUN = re.compile(r"[0-9]+")

# Whitespace controls (newline, tab) are kept so that they turn into spaces, not into nothing.
_WHITESPACE_CONTROLS = "".join(
    chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c).isspace()
)


def fold_text(s: str) -> str:
    """Return ``s`` without accents and case: NFKD, combining marks dropped, casefolded.

    Used to compare free text (mentions, filters) the way a French reader would: "Zoé" and
    "ZOE" fold to the same string. Look-alike letters are not merged here; see ``nickname_key``.
    """
    # Casefolding can produce new decomposable characters, hence the second pass.
    once = _strip_marks(unicodedata.normalize("NFKD", s)).casefold()
    return _strip_marks(unicodedata.normalize("NFKD", once))


def nickname_key(nick: str) -> str:
    """Return the uniqueness key of a nickname: two nicknames with the same key collide.

    Accents and case are ignored, ``ß æ œ`` are spelled out, and characters that look alike in
    common fonts are merged: ``i l 1 |`` become ``l``, ``0`` becomes ``o``, ``rn`` becomes ``m``,
    ``vv`` becomes ``w`` and ``_`` becomes ``-``. A run of digits is left alone when it holds a
    digit other than 0 or 1, since it then reads as a number ("18-25", "Zoé2004").
    """
    folded = fold_text(nick).replace("æ", "ae").replace("œ", "oe")
    folded = _DIGIT_RUN.sub(_merge_letterlike_digits, folded)
    return folded.translate(_LOOKALIKES).replace("rn", "m").replace("vv", "w")


def room_key(name: str) -> str:
    """Return the uniqueness key of a room name: ``nickname_key`` with spaces turned into ``-``.

    "Général" and "general" share a key, as do "Paris Nord", "Paris-Nord" and "Paris_Nord".
    """
    return "-".join(nickname_key(name).split())


def room_slug(name: str) -> str:
    """Return a room's readable id: folded name, spaces and ``_`` turned into ``-``.

    "Cinéma Séries" becomes "cinema-series". Uniqueness is decided by ``room_key``, which
    also merges look-alikes; the slug is only what people see in links and IRC.
    """
    return "-".join(fold_text(name).replace("_", "-").replace("'", "-").split()).replace("--", "-")


def validate_nickname(
    raw: str,
    reserved: frozenset[str] = frozenset(),
    forbidden: tuple[str, ...] = (),
) -> str:
    """Return the nickname as it will be displayed, or raise ``InvalidInput`` (field "nickname").

    Codes: "nickname_length" (params min, max), "nickname_chars" (param char, the first
    refused character), "nickname_reserved" (its key is that of a ``reserved`` entry, or
    contains the key of a ``forbidden`` entry).
    """
    nick = unicodedata.normalize("NFC", raw).strip()
    if not NICK_MIN <= len(nick) <= NICK_MAX:
        raise InvalidInput("nickname_length", field="nickname", min=NICK_MIN, max=NICK_MAX)
    bad = _first_refused_char(nick, _NICK_PUNCTUATION)
    if bad is not None:
        raise InvalidInput("nickname_chars", field="nickname", char=bad)
    if _is_reserved(nickname_key(nick), reserved, forbidden, nickname_key):
        raise InvalidInput("nickname_reserved", field="nickname")
    return nick


def validate_room_name(
    raw: str,
    reserved: frozenset[str] = frozenset(),
    forbidden: tuple[str, ...] = (),
) -> str:
    """Return the room name as it will be displayed, or raise ``InvalidInput`` (field "room").

    Runs of whitespace become one space. Allowed: Latin letters, digits, space and ``- _ + '``.
    Codes: "room_name_length" (params min, max), "room_name_chars" (param char),
    "room_name_reserved".
    """
    name = unicodedata.normalize("NFC", " ".join(raw.translate(_APOSTROPHES).split()))
    if not ROOM_NAME_MIN <= len(name) <= ROOM_NAME_MAX:
        raise InvalidInput("room_name_length", field="room", min=ROOM_NAME_MIN, max=ROOM_NAME_MAX)
    bad = _first_refused_char(name, _ROOM_PUNCTUATION)
    if bad is not None:
        raise InvalidInput("room_name_chars", field="room", char=bad)
    if _is_reserved(room_key(name), reserved, forbidden, room_key):
        raise InvalidInput("room_name_reserved", field="room")
    return name


def validate_topic(raw: str) -> str:
    """Return the topic on one line, or raise ``InvalidInput("topic_length", field="topic")``.

    Whitespace runs (newlines included) become one space; other control characters, lone
    surrogates, noncharacters and bidirectional overrides are removed (the one text rule of
    ``causette.domain.text``; the protocol refuses them before they get here). The empty
    topic is allowed.
    """
    kept = strip_unsafe(unicodedata.normalize("NFC", raw), _WHITESPACE_CONTROLS)
    topic = " ".join(kept.split())
    if len(topic) > TOPIC_MAX:
        raise InvalidInput("topic_length", field="topic", max=TOPIC_MAX)
    return topic


def _strip_marks(s: str) -> str:
    return "".join(c for c in s if not unicodedata.combining(c))


def _merge_letterlike_digits(match: re.Match[str]) -> str:
    run = match.group()
    if set(run) <= {"0", "1"}:
        return run.translate(_LETTERLIKE_DIGITS)
    return run


def _is_latin_letter(c: str) -> bool:
    if c in _EXTRA_LETTERS:
        return True
    base = _strip_marks(unicodedata.normalize("NFD", c))
    return len(base) == 1 and base in _ASCII_LETTERS


def _first_refused_char(text: str, punctuation: frozenset[str]) -> str | None:
    for c in text:
        if not (c in _DIGITS or c in punctuation or _is_latin_letter(c)):
            return c
    return None


def _is_reserved(
    key: str,
    reserved: frozenset[str],
    forbidden: tuple[str, ...],
    key_of: Callable[[str], str],
) -> bool:
    # Separators are ignored here (not in the uniqueness key) so "mod-o" or "sal_ope" cannot
    # slip past a rule that "modo" or "salope" would hit.
    compact = _compact(key)
    if compact in _compact_keys(reserved, key_of):
        return True
    return any(word in compact for word in _compact_keys(forbidden, key_of))


@lru_cache(maxsize=64)
def _compact_keys(
    entries: frozenset[str] | tuple[str, ...], key_of: Callable[[str], str]
) -> frozenset[str]:
    # An empty entry would be a substring of every name and refuse them all.
    return frozenset(k for k in (_compact(key_of(e)) for e in entries) if k)


def _compact(key: str) -> str:
    return "".join(c for c in key if c.isalnum())
