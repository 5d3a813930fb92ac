"""The console marks what fired the rules in a held message: spans cut the text, merged."""

from __future__ import annotations

from causette.transport.console.pages import highlighted


def test_spans_cut_the_text_and_overlaps_merge() -> None:
    text = "appelle-moi au 06 12 34 56 78 ce soir"
    parts = highlighted(text, [(15, 29), (20, 25), (0, 8)])
    assert parts == [
        ("appelle-", True),
        ("moi au ", False),
        ("06 12 34 56 78", True),
        (" ce soir", False),
    ]
    assert "".join(p for p, _ in parts) == text


def test_no_span_is_the_whole_text_unmarked() -> None:
    assert highlighted("bonjour", []) == [("bonjour", False)]
    assert highlighted("abc", [(0, 3)]) == [("abc", True)]
