"""The one text rule (issue 7): what every text field refuses, and what it lets through."""

from __future__ import annotations

import pytest

from causette.domain.text import LINE_CONTROLS, bounded, check_safe, first_unsafe, strip_unsafe
from causette.errors import InvalidInput

REFUSED = [
    "\ud800",
    "\udfff",
    "\u202a",
    "\u202e",
    "\u2066",
    "\u2069",
    "\ufdd0",
    "\ufdef",
    "\ufffe",
    "\uffff",
    "\U0001fffe",
    "\U0010ffff",
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",
]


@pytest.mark.parametrize("char", REFUSED)
def test_refused_everywhere(char: str) -> None:
    assert first_unsafe(f"ab{char}cd") == char
    assert first_unsafe(f"ab{char}cd", LINE_CONTROLS) == char
    with pytest.raises(InvalidInput) as refused:
        check_safe(f"x{char}", "text")
    assert refused.value.code == "text_chars"
    assert refused.value.params == {"field": "text", "char": f"U+{ord(char):04X}"}


@pytest.mark.parametrize(
    "text", ["Zoé", "L’Auberge", "日本語", "emoji 😀", "\u200e", "a\u2028b", "\U0001f600"]
)
def test_ordinary_text_passes(text: str) -> None:
    assert check_safe(text, "text") == text


def test_line_controls_only_where_allowed() -> None:
    assert first_unsafe("a\nb\tc\r") == "\n"
    assert first_unsafe("a\nb\tc\r", LINE_CONTROLS) is None


def test_strip_and_bounded_echo() -> None:
    assert strip_unsafe("a\ud800b\u202ec\n", "\n") == "abc\n"
    assert bounded("x" * 500) == "x" * 100
    assert bounded("a\ud800b", 10) == "a\ufffdb"
    bounded("\ud800" * 300).encode("utf-8")  # always encodable
