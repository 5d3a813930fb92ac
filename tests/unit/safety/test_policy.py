"""The safety policy: the shipped file, an operator's overlay, bad files, and the verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from causette.errors import ConfigError
from causette.safety import policy
from causette.safety.gate import Nudge, Signal, VerdictKind
from causette.safety.policy import Facts, Policy
from causette.safety.risk import Pairing, RiskState

DEFAULT = policy.load()


def facts(
    *rules: str,
    pairing: Pairing = Pairing.PRIVATE,
    sender_minor: bool = False,
    recipient_minor: bool = False,
    score: float = 1.0,
    seen: tuple[str, ...] = (),
    fired: tuple[str, ...] = (),
) -> Facts:
    signals = tuple(Signal(rule, 0.9, (0, 4)) for rule in rules)
    state = RiskState(
        score=score,
        seen={rule: 0.0 for rule in (*seen, *rules)},
        fired=dict.fromkeys(fired, 0.0),
    )
    room = pairing is Pairing.ROOM
    return Facts(
        signals=signals,
        pairing=pairing,
        sender_id="sender",
        recipient_id=None if room else "recipient",
        sender_minor=sender_minor,
        recipient_minor=recipient_minor,
        score=score,
        state=state,
    )


def parsed(*actions: dict[str, Any], **sections: Any) -> Policy:
    return policy.parse({**sections, "action": list(actions)})


def test_the_shipped_policy_loads_and_names_its_actions() -> None:
    names = {a.name for a in DEFAULT.actions}
    assert {"minor.disclosure", "grooming.minor", "hate", "doxxing", "spam"} <= names
    assert DEFAULT.max_mute_seconds <= policy.MUTE_CAP


def test_nothing_detected_allows() -> None:
    verdict = DEFAULT.decide(facts()).verdict
    assert verdict.kind is VerdictKind.ALLOW
    assert verdict.case is None
    assert verdict.nudges == ()


def test_self_disclosure_of_a_declared_adult() -> None:
    verdict = DEFAULT.decide(facts("age.disclosure")).verdict
    assert verdict.disclosure
    assert Nudge("sender", "minor_help") in verdict.nudges
    assert verdict.case is not None
    assert verdict.case.category == "child_abuse"
    assert verdict.case.priority
    assert "age.disclosure" in verdict.rules


def test_a_declared_minor_saying_their_age_is_no_disclosure() -> None:
    verdict = DEFAULT.decide(facts("age.disclosure", sender_minor=True)).verdict
    assert not verdict.disclosure


def test_doxxing_and_hate_are_held_with_their_category() -> None:
    doxx = DEFAULT.decide(facts("doxx.phone", pairing=Pairing.ROOM)).verdict
    assert doxx.kind is VerdictKind.HOLD
    assert doxx.case is not None
    assert doxx.case.category == "doxxing"
    hate = DEFAULT.decide(facts("hate.homophobic", pairing=Pairing.ROOM)).verdict
    assert hate.kind is VerdictKind.HOLD
    assert hate.case is not None
    assert hate.case.category == "hate"
    assert hate.warning == "hate"
    assert hate.signals == (Signal("hate.homophobic", 0.9, (0, 4)),)


def test_spam_is_refused_with_a_short_mute() -> None:
    verdict = DEFAULT.decide(facts("spam.link", pairing=Pairing.ROOM)).verdict
    assert verdict.kind is VerdictKind.REFUSE
    assert verdict.reason == "spam"
    assert 0 < verdict.mute_seconds <= DEFAULT.max_mute_seconds


def test_a_meeting_in_private_nudges_the_recipient_only() -> None:
    verdict = DEFAULT.decide(facts("meet.request")).verdict
    assert verdict.kind is VerdictKind.ALLOW
    assert verdict.case is None
    assert verdict.nudges == (Nudge("recipient", "ambush"),)


def test_grooming_between_a_minor_and_an_adult_closes_and_explains() -> None:
    verdict = DEFAULT.decide(
        facts(
            "offplatform.app",
            pairing=Pairing.MINOR_ADULT,
            recipient_minor=True,
            score=6.0,
            seen=("alone.check", "secrecy"),
        )
    ).verdict
    assert verdict.kind is VerdictKind.CLOSE
    assert verdict.case is not None
    assert verdict.case.priority
    assert verdict.case.category == "child_abuse"
    assert Nudge("recipient", "minor_help") in verdict.nudges
    # The rules of earlier messages that completed the sequence are named, without a span.
    assert "offplatform.app" in verdict.rules
    assert {"alone.check", "secrecy"} <= set(verdict.rules)
    assert "Règles" in verdict.case.explanation


def test_the_adult_grooming_sequence_needs_every_stage() -> None:
    # Adults ask each other's age and swap Instagram: that alone is no sequence.
    partial = DEFAULT.decide(facts("offplatform.app", seen=("age.probe",))).verdict
    assert partial.kind is VerdictKind.ALLOW
    assert DEFAULT.decide(facts("secrecy")).verdict.kind is VerdictKind.ALLOW
    whole = DEFAULT.decide(facts("secrecy", seen=("age.probe",))).verdict
    assert whole.kind is VerdictKind.HOLD
    assert whole.case is not None
    assert whole.case.rule == "grooming.sequence"


def test_a_conversation_wide_action_fires_once() -> None:
    first = DEFAULT.decide(facts("secrecy", seen=("age.probe",)))
    assert "grooming.sequence" in first.fired
    again = DEFAULT.decide(facts("secrecy", seen=("age.probe",), fired=("grooming.sequence",)))
    assert again.verdict.kind is VerdictKind.ALLOW


def test_the_strongest_verdict_and_the_most_urgent_case_win() -> None:
    p = parsed(
        {"name": "a", "rules": ["spam"], "verdict": "refuse", "case": "spam"},
        {"name": "b", "rules": ["threat"], "verdict": "hold", "case": "threat"},
        {"name": "c", "rules": ["doxx"], "verdict": "close", "case": "doxxing"},
    )
    verdict = p.decide(facts("spam.link", "threat")).verdict
    assert verdict.kind is VerdictKind.HOLD
    assert verdict.case is not None
    assert verdict.case.category == "threat"
    # A room cannot be closed: the close holds.
    assert p.decide(facts("doxx.address", pairing=Pairing.ROOM)).verdict.kind is VerdictKind.HOLD


def test_a_case_about_a_minor_is_a_priority() -> None:
    p = parsed({"name": "t", "rules": ["threat"], "verdict": "hold", "case": "threat"})
    assert p.decide(facts("threat")).verdict.case.priority is False  # type: ignore[union-attr]
    minor = p.decide(facts("threat", pairing=Pairing.MINOR_ADULT, recipient_minor=True))
    assert minor.verdict.case is not None
    assert minor.verdict.case.priority


def test_a_weak_signal_does_not_fire_a_rule() -> None:
    p = parsed(
        {"name": "t", "rules": ["threat"], "min_score": 0.95, "verdict": "hold", "case": "threat"}
    )
    assert p.decide(facts("threat")).verdict.kind is VerdictKind.ALLOW


def test_an_operator_file_overlays_the_default(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(
        """
[risk]
half_life_minutes = 10

[[action]]
name = "hate"
rules = ["hate.*"]
verdict = "refuse"
reason = "hate"
case = "hate"

[[action]]
name = "doxxing"
enabled = false

[[action]]
name = "custom.link"
rules = ["spam.link"]
nudge_sender = "safety"
""",
        "utf-8",
    )
    p = policy.load(path)
    names = [a.name for a in p.actions]
    assert "doxxing" not in names
    assert "custom.link" in names
    assert p.risk.half_life == 600.0
    assert p.risk.memory == DEFAULT.risk.memory  # untouched keys keep the default
    hate = p.decide(facts("hate.racist", pairing=Pairing.ROOM)).verdict
    assert hate.kind is VerdictKind.REFUSE
    assert hate.reason == "hate"


@pytest.mark.parametrize(
    ("document", "key", "problem"),
    [
        ({"risk": {"half_life_minutes": "long"}}, "risk.half_life_minutes", "number"),
        ({"risk": {"colour": 1}}, "risk.colour", "unknown key"),
        ({"risk": {"pairing": {"crowd": 1.0}}}, "risk.pairing.crowd", "unknown key"),
        ({"limits": {"max_mute_seconds": 86400}}, "limits.max_mute_seconds", "between"),
        ({"extra": {}}, "extra", "unknown section"),
        ({"action": [{"rules": ["threat"]}]}, "action[0].name", "required"),
        (
            {"action": [{"name": "x", "rules": ["threat"], "verdict": "ban", "case": "threat"}]},
            "action[0] (x).verdict",
            "one of",
        ),
        ({"action": [{"name": "x", "rules": ["Threat!"]}]}, "action[0] (x).rules", "pattern"),
        (
            {"action": [{"name": "x", "rules": ["threat"], "verdict": "hold"}]},
            "(x).case",
            "required",
        ),
        (
            {"action": [{"name": "x", "rules": ["t"], "nudge_sender": "hug"}]},
            "(x).nudge_sender",
            "one of",
        ),
        ({"action": [{"name": "x"}]}, "action[0] (x)", "at least one of"),
        (
            {"action": [{"name": "x", "rules": ["t"], "mute_seconds": 900}]},
            "(x).mute_seconds",
            "max_mute_seconds",
        ),
        (
            {"action": [{"name": "x", "rules": ["t"]}, {"name": "x", "rules": ["u"]}]},
            "action[1].name",
            "twice",
        ),
        ({"action": [{"name": "x", "rules": ["t"], "colour": "red"}]}, "(x).colour", "unknown key"),
    ],
)
def test_bad_policies_name_the_key(document: dict[str, Any], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        policy.parse(document, "mine.toml")
    assert caught.value.params["key"].startswith("mine.toml: ")
    assert key in caught.value.params["key"]
    assert problem in caught.value.params["problem"]


def test_a_file_that_is_not_toml_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[risk\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        policy.load(path)
    assert str(path) in caught.value.params["key"]
    assert "TOML" in caught.value.params["problem"]
    with pytest.raises(ConfigError, match="config_invalid"):
        policy.load(tmp_path / "missing.toml")


def test_check_config_loads_the_policy_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from causette.cli import main as cli

    bad = tmp_path / "policy.toml"
    bad.write_text('[limits]\nmax_mute_seconds = "long"\n', "utf-8")
    conf = tmp_path / "causette.toml"
    conf.write_text(f'[safety]\npolicy = "{bad}"\n', "utf-8")
    assert cli.main(["check-config", str(conf)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}: limits.max_mute_seconds" in err
    bad.write_text("[risk]\nhalf_life_minutes = 10\n", "utf-8")
    assert cli.main(["check-config", str(conf)]) == 0
