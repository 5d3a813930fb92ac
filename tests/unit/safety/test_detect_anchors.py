"""Every rule's anchors cover its expression: a rule that matches a text its anchors did not
wake would silently never fire. Checked on every phrase the detector tests use, and on the
training files (train*.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import causette.safety.detectors  # noqa: F401 - imports every family, so its RuleSet exists
from causette.safety.detectors.rules import RuleSet, rule_sets
from causette.safety.normalize import Normalized

HERE = Path(__file__).parent
CORPUS = HERE.parents[2] / "corpus" / "safety"


def phrases() -> list[str]:
    found: list[str] = []
    for path in sorted(HERE.glob("test_detect_*.py")):
        found += re.findall(r'"([^"\n]{3,})"', path.read_text("utf-8"))
    for path in sorted(CORPUS.glob("train*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            found += [m["text"] for m in json.loads(line)["messages"]]
    return found


PHRASES = phrases()
# Every family's rules, each set named by its first rule and its place.
SETS = {f"{rules.rules[0].rule}@{n}": rules for n, rules in enumerate(rule_sets())}


def test_there_are_phrases_to_check() -> None:
    assert len(PHRASES) > 200


@pytest.mark.parametrize("family", sorted(SETS))
def test_anchors_wake_every_match(family: str) -> None:
    rules: RuleSet = SETS[family]
    unwoken = []
    for text in PHRASES:
        view = getattr(Normalized(text), rules.view).text
        woken = set(rules.candidates(view))
        for index, item in enumerate(rules.rules):
            if index not in woken and item.pattern.search(view):
                unwoken.append((item.rule, text))
    assert unwoken == []


def documented_rules() -> set[str]:
    import causette.safety.detectors as detectors

    return set(re.findall(r"``([a-z_]+(?:\.[a-z_]+)?)``", detectors.__doc__ or ""))


def test_every_rule_that_fires_is_documented() -> None:
    from causette.safety.context import MessageContext
    from causette.safety.detectors import detect
    from causette.safety.gate import Setting

    context = MessageContext(Setting.PRIVATE, 35, False, recipient_age=14, recipient_minor=True)
    fired = {signal.rule for text in PHRASES for signal in detect(text, context)}
    assert len(fired) > 40
    assert fired - documented_rules() == set()
