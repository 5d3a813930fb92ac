"""The per-conversation risk: accumulation, decay, pairing weights, sequences, bounds."""

from __future__ import annotations

import pytest

from causette.safety.gate import Setting, Signal
from causette.safety.risk import Pairing, RiskBook, RiskSettings, RiskState, matches, risk_key


def sig(rule: str, score: float = 1.0) -> Signal:
    return Signal(rule, score, (0, 1))


@pytest.mark.parametrize(
    ("pattern", "rule", "expected"),
    [
        ("age.probe", "age.probe", True),
        ("age", "age.probe", True),
        ("age.*", "age.gap", True),
        ("hate.*", "hate.homophobic", True),
        ("*", "spam.link", True),
        ("age", "agency.x", False),
        ("age.probe", "age.gap", False),
        ("meet", "meeting", False),
    ],
)
def test_patterns(pattern: str, rule: str, expected: bool) -> None:
    assert matches(pattern, rule) is expected


def test_private_risk_is_the_pairs_and_room_risk_is_the_persons() -> None:
    assert risk_key(Setting.PRIVATE, "private:a:b", "a") == "private:a:b"
    assert risk_key(Setting.PRIVATE, "private:a:b", "b") == "private:a:b"
    assert risk_key(Setting.ROOM, "room:general", "a") != risk_key(
        Setting.ROOM, "room:general", "b"
    )


def test_signals_accumulate_and_halve_every_half_life() -> None:
    book = RiskBook(RiskSettings(half_life=100.0, pairing=((Pairing.PRIVATE, 1.0),)))
    assert book.observe("k", 0.0, Pairing.PRIVATE, [sig("secrecy")]).score == 1.0
    assert book.observe("k", 0.0, Pairing.PRIVATE, [sig("secrecy", 0.5)]).score == 1.5
    after = book.observe("k", 100.0, Pairing.PRIVATE, ())
    assert after.score == pytest.approx(0.75)
    assert book.observe("k", 300.0, Pairing.PRIVATE, ()).score == pytest.approx(0.1875)


def test_a_minor_and_an_adult_in_private_weigh_most() -> None:
    settings = RiskSettings(
        pairing=((Pairing.MINOR_ADULT, 3.0), (Pairing.PRIVATE, 1.0), (Pairing.ROOM, 0.5))
    )
    book = RiskBook(settings)
    scores = {
        pairing: book.observe(pairing.value, 0.0, pairing, [sig("alone.check")]).score
        for pairing in Pairing
    }
    assert scores[Pairing.MINOR_ADULT] > scores[Pairing.PRIVATE] > scores[Pairing.ROOM]


def test_rule_weights_the_most_specific_first() -> None:
    settings = RiskSettings(weights=(("age.gap", 0.25), ("age", 2.0), ("*", 0.5)))
    book = RiskBook(settings)
    pairing = Pairing.PRIVATE
    assert book.observe("a", 0, pairing, [sig("age.gap")]).added == 0.25
    assert book.observe("b", 0, pairing, [sig("age.probe")]).added == 2.0
    assert book.observe("c", 0, pairing, [sig("spam.link")]).added == 0.5


def test_the_sequence_is_remembered_then_forgotten() -> None:
    book = RiskBook(RiskSettings(memory=600.0))
    book.observe("k", 0.0, Pairing.PRIVATE, [sig("age.probe")])
    book.observe("k", 200.0, Pairing.PRIVATE, [sig("secrecy")])
    state = book.observe("k", 400.0, Pairing.PRIVATE, [sig("offplatform.app")]).state
    stages = ("age.probe", "secrecy|isolation", "offplatform|contact")
    assert state.stages_met(stages) == ("age.probe", "secrecy", "offplatform.app")
    # 700 s after the age question, it is forgotten: the sequence is incomplete.
    state = book.observe("k", 700.0, Pairing.PRIVATE, ()).state
    assert not state.has_seen("age.probe")
    assert state.stages_met(stages) is None
    assert state.has_seen("secrecy|isolation")


def test_weak_signals_add_risk_but_are_not_seen() -> None:
    book = RiskBook(RiskSettings(seen_min_score=0.5))
    observation = book.observe("k", 0.0, Pairing.PRIVATE, [sig("secrecy", 0.3)])
    assert observation.score > 0
    assert not observation.state.has_seen("secrecy")


def test_two_stages_need_two_different_rules() -> None:
    state = RiskState(seen={"secrecy": 0.0})
    assert state.stages_met(("secrecy|isolation", "secrecy|offplatform")) is None
    state.seen["offplatform.app"] = 1.0
    assert state.stages_met(("secrecy|isolation", "secrecy|offplatform")) == (
        "secrecy",
        "offplatform.app",
    )


def test_a_disclosure_stays_with_the_conversation() -> None:
    book = RiskBook(RiskSettings(memory=60.0))
    book.mark_minor("k", "guest-b", 0.0)
    book.observe("k", 10_000.0, Pairing.PRIVATE, [sig("secrecy")])
    state = book.get("k")
    assert state is not None
    assert "guest-b" in state.minors


def test_fired_actions_are_forgotten_with_the_memory() -> None:
    book = RiskBook(RiskSettings(memory=60.0))
    book.mark_fired("k", "grooming.sequence", 0.0)
    state = book.get("k")
    assert state is not None
    assert "grooming.sequence" in state.fired
    assert "grooming.sequence" not in book.observe("k", 61.0, Pairing.PRIVATE, ()).state.fired


def test_memory_is_bounded_least_recently_active_first() -> None:
    book = RiskBook(RiskSettings(conversations=3))
    for key in ("a", "b", "c"):
        book.observe(key, 0.0, Pairing.PRIVATE, [sig("secrecy")])
    book.observe("a", 1.0, Pairing.PRIVATE, ())  # "a" is active again: "b" is the oldest
    book.observe("d", 2.0, Pairing.PRIVATE, [sig("secrecy")])
    assert len(book) == 3
    assert book.get("b") is None
    assert book.get("a") is not None
    assert book.get("d") is not None
