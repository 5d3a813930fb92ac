"""The one rule for every text a person sends: which code points may be stored and shown.

Refused everywhere (nickname, room name, topic, message, report, appeal, codes, tokens):

- unpaired surrogates (U+D800 to U+DFFF): no UTF-8 encoding exists, so SQLite, a JSON frame
  or a log line cannot hold them, and one of them used to fail a whole group commit;
- noncharacters (U+FDD0 to U+FDEF and the last two code points of every plane): reserved
  for a program's internal use, never for interchange;
- C0 and C1 controls and DEL, except those a field allows (a message keeps its line breaks
  and tabs; a nickname allows none);
- bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they reverse
  how the rest of a line is displayed, so "gnp.exe" can read as "exe.png".

The protocol's edge refuses such text (``first_unsafe``); services that must accept text
from elsewhere (configuration, the console) drop those characters (``strip_unsafe``) so that
the same characters never reach storage by any road.
"""

from __future__ import annotations

import re
from functools import lru_cache

from causette.errors import InvalidInput

# The controls a multi-line field allows (a message, a report's explanation, an appeal):
# line breaks and tabs, which the services then fold or keep.
LINE_CONTROLS = "\t\n\r"

_BIDI = "\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]


@lru_cache(maxsize=8)
def _pattern(allowed: str) -> re.Pattern[str]:
    # One regex scan per field: a 20,000-character message is checked in microseconds.
    controls = "".join(re.escape(c) for c in _CONTROLS if c not in allowed)
    return re.compile(f"[{controls}{_BIDI}\ud800-\udfff{_NONCHARACTERS}]")


def first_unsafe(text: str, allowed: str = "") -> str | None:
    """The first character of ``text`` the rule refuses, or None; ``allowed`` lists the
    controls this field accepts (``LINE_CONTROLS`` for multi-line text)."""
    found = _pattern(allowed).search(text)
    return found.group() if found else None


def strip_unsafe(text: str, allowed: str = "") -> str:
    """``text`` without the characters the rule refuses."""
    return _pattern(allowed).sub("", text)


def label(char: str) -> str:
    """How a refused character is named back to the client: ``U+202E``. Never the character
    itself, which may be unencodable (a lone surrogate) or invisible."""
    return f"U+{ord(char):04X}"


def check_safe(text: str, field: str, code: str = "text_chars", allowed: str = "") -> str:
    """Return ``text`` if every character may be stored and shown, or raise
    ``InvalidInput(code, field=field, char="U+XXXX")``."""
    bad = first_unsafe(text, allowed)
    if bad is not None:
        raise InvalidInput(code, field=field, char=label(bad))
    return text


def bounded(value: str, limit: int = 100) -> str:
    """A client's string made safe to echo: at most ``limit`` characters, every refused
    character replaced by U+FFFD (an error's ``params`` never carry raw input back)."""
    clipped = value[:limit]
    return _pattern("").sub("\ufffd", clipped)
