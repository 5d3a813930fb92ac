"""``causette safety eval``: the replay through the live pipeline, its report, its errors, and
the targets of issue 8 on the held-out corpus (which nobody tunes on)."""

from __future__ import annotations

import contextlib
import functools
import io
import json
from pathlib import Path
from typing import Any

import pytest
from model_files import TRIGGER, trigger_model

from causette.cli import main as cli

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "safety"
ADULT = {"age": 31, "gender": "femme", "postal_code": "69003"}


def conversation(ident: str, label: str, texts: list[str], **extra: Any) -> dict[str, Any]:
    people = extra.pop("participants", {"a": ADULT, "b": {**ADULT, "age": 35}})
    order = list(people)
    return {
        "id": ident,
        "lang": "fr",
        "setting": extra.pop("setting", "pm"),
        "participants": people,
        "messages": [{"from": order[i % len(order)], "text": t} for i, t in enumerate(texts)],
        "label": label,
        "harm_starts_at": extra.pop("harm_starts_at", None),
        **extra,
    }


def write(path: Path, rows: list[Any]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows), "utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["safety", "eval", *args])
    out, err = capsys.readouterr()
    return status, out, err


SMALL = [
    conversation("ok-1", "benign", ["salut", "ça va et toi ?", "tranquille, tu fais quoi ?"]),
    conversation(
        "minor-1",
        "grooming",
        ["salut", "slt", "t'as quel âge en vrai ?", "j'ai 14 ans", "ok cool"],
        harm_starts_at=2,
        note="ignored",
    ),
    conversation(
        "room-1",
        "benign",
        ["bonjour le salon", "bonjour !", "quelqu'un a vu le match ?"],
        setting="room",
        participants={"a": ADULT, "b": ADULT, "c": {**ADULT, "gender": "autre"}},
    ),
]


def test_the_report_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(write(tmp_path / "c.jsonl", SMALL)), "--json")
    assert status == 0
    report = json.loads(out)
    for key in (
        "conversations",
        "precision",
        "recall",
        "f05",
        "false_positive_rate",
        "median_messages_to_flag",
        "per_label",
    ):
        assert key in report
    assert report["conversations"] == 3
    assert report["model"] is True  # the shipped model reviewed the delivered messages
    assert report["per_label"]["benign"]["n"] == 2
    grooming = report["per_label"]["grooming"]
    assert {"n", "flagged", "recall"} <= set(grooming)
    # The self-disclosure of a declared adult opens a case: flagged, one message after the
    # harm started (the age question itself is not a flag).
    assert grooming["flagged"] == 1
    assert grooming["recall"] == 1.0
    assert report["median_messages_to_flag"] == 1.0
    assert report["false_positive_rate"] == 0.0
    assert report["precision"] == 1.0


def test_the_model_is_measured_with_and_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A word no rule knows, that a model given in the configuration finds to be spam: the
    replay counts the model's case as a flag, and ``--no-model`` measures the rules alone."""
    model = trigger_model(tmp_path / "model.json.gz")
    settings = tmp_path / "causette.toml"
    settings.write_text(f'[safety]\nmodel_file = "{model}"\n', "utf-8")
    rows = [
        SMALL[0],
        conversation("spam-1", "spam", ["salut", f"rejoins les {TRIGGER} !"], harm_starts_at=1),
    ]
    corpus = str(write(tmp_path / "c.jsonl", rows))
    status, out, _ = run(capsys, corpus, "--json", "--config", str(settings))
    assert status == 0
    with_model = json.loads(out)
    assert with_model["model"] is True
    assert with_model["per_label"]["spam"]["flagged"] == 1
    assert with_model["median_messages_to_flag"] == 0.0  # on the message that caused it
    status, out, _ = run(capsys, corpus, "--json", "--config", str(settings), "--no-model")
    assert status == 0
    without = json.loads(out)
    assert without["model"] is False
    assert without["per_label"]["spam"]["flagged"] == 0
    # A model file that cannot be read is a configuration error, named.
    settings.write_text(f'[safety]\nmodel_file = "{tmp_path / "none"}"\n', "utf-8")
    status, _, err = run(capsys, corpus, "--config", str(settings))
    assert status == 2
    assert "safety.model_file" in err


def test_the_report_as_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(write(tmp_path / "c.jsonl", SMALL)))
    assert status == 0
    assert "| grooming | 1 | 1 |" in out
    assert "precision 100.0 %" in out


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        (json.dumps({**SMALL[0], "label": "rude"}), '"label" must be one of'),
        (json.dumps({**SMALL[0], "setting": "irc"}), '"setting"'),
        (json.dumps({**SMALL[1], "harm_starts_at": 99}), '"harm_starts_at"'),
        (
            json.dumps({**SMALL[0], "messages": [{"from": "z", "text": "x"}]}),
            "names no participant",
        ),
        (
            json.dumps({**SMALL[0], "participants": {"a": {**ADULT, "age": "old"}, "b": ADULT}}),
            "age must be",
        ),
    ],
)
def test_a_bad_line_is_named_and_nothing_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, problem: str
) -> None:
    path = write(tmp_path / "c.jsonl", [SMALL[0], line])
    status, out, err = run(capsys, str(path))
    assert status == 2
    assert out == ""
    assert f"{path}:2:" in err
    assert problem in err


def test_every_bad_line_is_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "c.jsonl", ["{", SMALL[0], "[]", json.dumps(SMALL[0])])
    status, _, err = run(capsys, str(path))
    assert status == 2
    assert f"{path}:1:" in err
    assert f"{path}:3:" in err
    assert "id already used on line 2" in err


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, str(tmp_path / "nope.jsonl"))
    assert status == 2
    assert "cannot be read" in err


def test_messages_refused_by_ordinary_checks_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    too_long = "a" * 10_000  # over limits.message_max: refused before the gate
    rows = [conversation("long-1", "benign", ["salut", too_long, "pardon"])]
    status, out, _ = run(capsys, str(write(tmp_path / "c.jsonl", rows)), "--json")
    assert status == 0
    report = json.loads(out)
    assert report["refused_by_checks"] == 1
    assert report["per_label"]["benign"]["flagged"] == 0


def test_the_age_bands_keeping_a_minor_and_an_adult_apart_count_as_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On the site a declared minor and a declared adult cannot talk: the replay says so."""
    teen = {"age": 15, "gender": "femme", "postal_code": "69003"}
    rows = [
        conversation(
            "pm-apart",
            "grooming",
            ["coucou", "salut"],
            participants={"a": ADULT, "b": teen},
            harm_starts_at=0,
        ),
        conversation(
            "room-apart",
            "grooming",
            ["coucou", "salut", "ca va"],
            setting="room",
            participants={"a": teen, "b": {**teen, "age": 16}, "c": ADULT},
            harm_starts_at=2,
        ),
        conversation(
            "teens",
            "benign",
            ["coucou", "salut"],
            setting="room",
            participants={"a": teen, "b": {**teen, "age": 17}},
        ),
    ]
    status, out, _ = run(capsys, str(write(tmp_path / "c.jsonl", rows)), "--json")
    assert status == 0
    report = json.loads(out)
    assert report["kept_apart_by_age_bands"] == 2
    assert report["per_label"]["grooming"]["flagged"] == 2
    # Two teens in the teen room talk freely: nothing to keep apart, nothing flagged.
    assert report["per_label"]["benign"]["flagged"] == 0
    # In the room the adult's first message (index 2) is the one kept out.
    assert report["median_messages_to_flag"] == 0


# Issue 8's targets on the held-out part: recall per harmful label, then precision, the
# false-positive rate on benign conversations and the median messages to flag.
TARGETS = {
    "grooming": 0.95,
    "minor_prostitution": 0.95,
    "prostitution": 0.85,
    "ambush": 0.85,
    "doxxing": 0.85,
    "hate": 0.85,
    "spam": 0.85,
}
# The rules alone, without the model's review, as measured on 2026-12-03: reported beside the
# figures with the model (issue 8: "reported with and without"), and a floor against
# regressions of the rules, which are what holds and refuses. Without the model two labels
# are under their target: doxxing (11 of 13) and spam (10 of 12).
RULES_ALONE = {
    "grooming": 0.954,
    "minor_prostitution": 1.0,
    "prostitution": 0.916,
    "ambush": 0.866,
    "doxxing": 0.846,
    "hate": 0.923,
    "spam": 0.833,
}
HELD_OUT = CORPUS / "heldout.jsonl"


@functools.cache
def held_out_report(with_model: bool = True) -> dict[str, Any]:
    """The eval on the held-out part, once per test run. Only the aggregate figures are read:
    the held-out part is never looked at conversation by conversation, so nobody tunes on it."""
    buffer = io.StringIO()
    extra = [] if with_model else ["--no-model"]
    with contextlib.redirect_stdout(buffer):
        assert cli.main(["safety", "eval", str(HELD_OUT), "--json", *extra]) == 0
    report: dict[str, Any] = json.loads(buffer.getvalue())
    assert report["model"] is with_model
    return report


def _figures(report: dict[str, Any]) -> str:
    recall = {k: e["recall"] for k, e in report["per_label"].items() if k != "benign"}
    return (
        f"recall {recall}, precision {report['precision']}, "
        f"FPR {report['false_positive_rate']}, median {report['median_messages_to_flag']}"
    )


@pytest.mark.skipif(not HELD_OUT.exists(), reason="no held-out corpus")
def test_the_targets_on_the_held_out_corpus() -> None:
    """Every target of issue 8, on the live pipeline as shipped (the rules and the model)."""
    report = held_out_report()
    figures = _figures(report)
    for label, target in TARGETS.items():
        assert report["per_label"][label]["recall"] >= target - 1e-9, (label, figures)
    assert report["precision"] >= 0.9, figures
    assert report["false_positive_rate"] <= 0.05, figures
    assert report["median_messages_to_flag"] <= 3, figures


@pytest.mark.skipif(not HELD_OUT.exists(), reason="no held-out corpus")
def test_the_rules_alone_on_the_held_out_corpus() -> None:
    """Without the model: the rules keep their measured recall and the other targets."""
    report = held_out_report(with_model=False)
    figures = _figures(report)
    for label, floor in RULES_ALONE.items():
        assert report["per_label"][label]["recall"] >= floor, (label, figures)
    assert report["precision"] >= 0.9, figures
    assert report["false_positive_rate"] <= 0.05, figures
    assert report["median_messages_to_flag"] <= 3, figures
    # The model adds what the rules miss, never takes away.
    shipped = held_out_report()
    assert shipped["recall"] >= report["recall"], (_figures(shipped), figures)


def test_a_conversation_that_cannot_be_entered_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = {"a": ADULT, "b": {**ADULT, "postal_code": "99999"}}
    rows = [SMALL[0], conversation("bad-entry", "benign", ["salut", "salut"], participants=people)]
    status, out, _ = run(capsys, str(write(tmp_path / "c.jsonl", rows)), "--json")
    assert status == 0
    report = json.loads(out)
    assert report["conversations"] == 1
    assert report["not_replayed"] == [
        {"id": "bad-entry", "line": 2, "why": "entry: postal_code_unknown"}
    ]
