"""Masked slurs: a slur typed with letters hidden ("p*te", "n***e"), read against the lexicon."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

from causette.safety.gate import Signal
from causette.safety.normalize import Normalized, lexical_form

# Slurs typed with letters masked ("p*te", "n***e"): each run of masks stands for as many
# letters (one star for one or two), and the word is read as the slur it can only be.
_MASKED = re.compile(r"(?<![a-z*#])(?:[a-z]*(?:[*#]+[a-z]+)+[*#]*|[a-z]+[*#]+)(?![a-z*#])")


def _slur_terms() -> dict[str, tuple[str, float]]:
    terms: dict[str, tuple[str, float]] = {}
    text = resources.files("causette.safety").joinpath("lexicons", "hate.txt").read_text("utf-8")
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split(maxsplit=2)
        if len(parts) == 3 and float(parts[1]) >= 0.6:
            term = lexical_form(parts[2])
            if term and " " not in term and len(term) >= 3:
                terms[term] = (parts[0], float(parts[1]))
    return terms


_SLUR_TERMS = _slur_terms()
# Swear words people mask far more often than slurs: "s**t" is "shit" before it is "slut".
_SWEARS = (
    "shit",
    "fuck",
    "fucking",
    "fucked",
    "damn",
    "hell",
    "crap",
    "piss",
    "dick",
    "cock",
    "arse",
    "ass",
    "bloody",
    "putain",
    "merde",
    "bordel",
    "chier",
    "con",
    "conne",
    "connard",
    "cul",
    "salaud",
    "enfoire",
    "encule",
    "batard",
    "nique",
    "foutre",
)


def masked(norm: Normalized) -> Iterator[Signal]:
    view = norm.folded
    text = view.text
    if "*" not in text and "#" not in text:
        return
    for token in _MASKED.finditer(text):
        word = token.group()
        if sum(char.isalpha() for char in word) < 2:
            continue
        shape = re.compile(
            "".join(
                re.escape(run)
                if run[0] not in "*#"
                else ("[a-z]{1,2}" if len(run) == 1 else f"[a-z]{{{len(run)}}}")
                for run in re.findall(r"[*#]+|[a-z]+", word)
            )
        )
        if any(shape.fullmatch(swear) for swear in _SWEARS):
            continue
        found = [value for term, value in _SLUR_TERMS.items() if shape.fullmatch(term)]
        if found:
            rule_id, score = max(found, key=lambda value: value[1])
            yield Signal(rule_id, score, view.span(token.start(), token.end()))
            return
