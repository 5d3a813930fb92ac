"""The literals derived from an expression: every match contains one, and none is invented."""

from __future__ import annotations

import re

import pytest

from causette.safety.detectors.literals import required


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bentre nous\b", ("entre nous",)),
        # Optional parts multiply out while the strings stay few.
        (r"\b(?:tu as|t'?as) quel age", ("t'as quel age", "tas quel age", "tu as quel age")),
        (r"\b(?:viens|passe) seule?\b", ("passe seul", "passe seule", "viens seul", "viens seule")),
        # A repeat breaks the run: the longer literal after it is kept.
        (r"x{2,3}yz", ("yz",)),
        (r"\b(?:rue|[a-z]+ment)\b", ("ment", "rue")),
    ],
)
def test_the_literals_of_an_expression(pattern: str, expected: tuple[str, ...]) -> None:
    assert required(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d{5}\s+[a-z]+",  # classes and repeats only
        r"(?:je )?\w+",  # an optional word, then anything
        r"\b(?:rue|[a-z]+)\b",  # one branch has no literal
        r"(?i)rue",  # case folding would need folded anchors
    ],
)
def test_no_set_when_a_match_may_avoid_every_literal(pattern: str) -> None:
    assert required(pattern) is None


def test_flags_given_at_compile_time_give_no_set() -> None:
    assert required("rue", re.IGNORECASE) is None


TEXTS = [
    "tu viens seule ce soir ?",
    "passe seul stp",
    "t'as quel age",
    "tu as quel age toi",
    "mon snapchat c'est momo",
    "insta: lea",
    "xxy",
    "rien à voir",
]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:viens|passe) seule?\b",
        r"\b(?:tu as|t'?as) quel age",
        r"\b(?:snap|insta)(?:gram|chat)? ?(?:c'?est|:)",
        r"x{2,3}y",
    ],
)
def test_every_match_contains_a_literal(pattern: str) -> None:
    literals = required(pattern)
    assert literals is not None
    matched = [text for text in TEXTS if re.search(pattern, text)]
    assert matched  # the check below must have something to check
    assert all(any(literal in text for literal in literals) for text in matched)


def test_a_screen_searches_only_what_could_match() -> None:
    from causette.safety.detectors.rules import Screen

    screen = Screen(
        {
            "work": re.compile(r"\btu (?:bosses|travailles) (?:a|chez)\b"),
            "hours": re.compile(r"\btu finis a \d{1,2} ?h"),
            "number": re.compile(r"\b\d\b"),  # no literal: always searched
        }
    )
    found = screen.search("tu bosses chez lidl et tu finis a 22h, 5 jours sur 7")
    assert list(found) == ["work", "hours", "number"]
    assert found["hours"].group() == "tu finis a 22h"
    assert list(screen.search("rien a voir, 5 fois")) == ["number"]
    assert screen.search("rien a voir") == {}


def test_a_rule_judged_once_asks_its_judge_once_a_view() -> None:
    from causette.safety.context import MessageContext
    from causette.safety.detectors.rules import RuleSet, rule
    from causette.safety.gate import Setting
    from causette.safety.normalize import Normalized

    asked: list[str] = []

    def judge(match: re.Match[str], norm: Normalized, context: MessageContext) -> None:
        asked.append(match.group())
        return None

    every = RuleSet([rule("test.every", 0.5, r"\bzorglub \w+", "zorglub", judge=judge)])
    once = RuleSet([rule("test.once", 0.5, r"\bzorglub \w+", "zorglub", judge=judge, once=True)])
    text = Normalized("zorglub un, zorglub deux, zorglub trois")
    context = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)
    assert every.scan(text, context) == []
    assert asked == ["zorglub un", "zorglub deux", "zorglub trois"]
    asked.clear()
    assert once.scan(text, context) == []
    assert asked == ["zorglub un"]  # the same line gives the same answer: not asked again
    with pytest.raises(ValueError, match="once is for a rule with a judge"):
        rule("test.bad", 0.5, r"\bzorglub\b", "zorglub", once=True)
