"""The message model (``safety/model.py``): its features, its arithmetic on a model small
enough to check by hand, its evidence spans, its errors on bad files, and the shipped file's
provenance (trained on the training part only, and on the files as they are now)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import pytest

from causette.safety.model import SHIPPED, MessageModel, ModelError, grams

CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "safety"
SHIPPED_FILE = Path(__file__).resolve().parents[3] / "src" / "causette" / "safety" / SHIPPED


def tiny(**changes: Any) -> dict[str, Any]:
    """Two labels, two n-grams: " iban" pulls towards spam, "ca" towards benign."""
    data: dict[str, Any] = {
        "format": 1,
        "labels": ["benign", "spam"],
        "threshold": 0.9,
        "scale": 0.5,
        "bias": [1.0, -1.0],
        "grams": " iban\nca",
        # int8, n-grams by labels: " iban" -> (0, 8), "ca" -> (4, 0)
        "weights": base64.b64encode(bytes([0, 8, 4, 0])).decode("ascii"),
        "trained_on": {"train.jsonl": "0" * 64},
    }
    data.update(changes)
    return data


def test_features_are_padded_word_pieces_of_two_to_five_letters() -> None:
    assert grams("Ab") == {" a", "ab", "b ", " ab", "ab ", " ab "}
    assert grams("ab ab") == grams("AB")  # each piece once, case folded
    assert " iban" in grams("ton IBAN stp")
    assert all(" " not in g.strip() for g in grams("deux mots"))  # never across words
    assert grams("   ") == set()


def test_probabilities_are_the_softmax_of_the_scaled_weights() -> None:
    model = MessageModel(tiny())
    # "iban": known pieces " iban" only -> logits (1 + 0, -1 + 8 * 0.5 / 1)
    benign, spam = model.probabilities("iban")
    expected = 1 / (1 + math.exp(1.0 - 3.0))
    assert spam == pytest.approx(expected)
    assert benign + spam == pytest.approx(1.0)
    # Two known pieces: the vector has unit length, each weighs 1/sqrt(2).
    benign, spam = model.probabilities("iban ca")
    logits = (1.0 + 4 * 0.5 / math.sqrt(2), -1.0 + 8 * 0.5 / math.sqrt(2))
    assert spam == pytest.approx(1 / (1 + math.exp(logits[0] - logits[1])))
    # Nothing known: the biases alone.
    assert model.probabilities("bonjour")[1] == pytest.approx(1 / (1 + math.exp(2.0)))


def test_a_score_names_the_label_and_the_words_that_weighed() -> None:
    model = MessageModel(tiny())
    text = "Envoie ton IBAN vite"
    scored = model.score(text)
    assert scored.label == "spam"
    assert scored.harm == pytest.approx(scored.probability)
    assert [text[a:b] for a, b in model.evidence(text, "spam")] == ["IBAN"]
    assert model.evidence("ca va", "spam") == ()  # nothing pulled towards spam


def test_bad_model_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    def load(data: Any) -> MessageModel:
        path = tmp_path / "m.json.gz"
        path.write_bytes(gzip.compress(json.dumps(data).encode()))
        return MessageModel.load(path)

    with pytest.raises(ModelError, match="format"):
        load(tiny(format=2))
    with pytest.raises(ModelError, match="weights and n-grams"):
        load(tiny(grams=" iban"))
    with pytest.raises(ModelError, match="labels and biases"):
        load(tiny(bias=[0.0]))
    with pytest.raises(ModelError, match="bad model file"):
        load({"format": 1})
    with pytest.raises(ModelError, match="not an object"):
        load([1, 2])
    with pytest.raises(ModelError, match="cannot read"):
        MessageModel.load(tmp_path / "missing.json.gz")
    (tmp_path / "plain.json").write_text("{}")
    with pytest.raises(ModelError, match="cannot read"):
        MessageModel.load(tmp_path / "plain.json")


def test_the_shipped_model_learnt_from_the_training_part_as_it_is() -> None:
    """Retrain (``make model``) after changing a training file: the shipped weights must be
    those of the corpus in the repository, and never of the held-out part."""
    model = MessageModel.shipped()
    assert "heldout.jsonl" not in model.trained_on
    now = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in CORPUS.glob("train*")}
    assert model.trained_on == now, "the training corpus changed: run `make model`"
    assert 0.5 < model.threshold < 1.0
    assert len(model) > 1000
    assert SHIPPED_FILE.stat().st_size < 1_000_000


def test_the_shipped_model_reads_harm_and_its_kind() -> None:
    model = MessageModel.shipped()
    assert model.score("salut ça va ? tu fais quoi ce soir").harm < 0.5
    doxx = model.score("voici son adresse et son numéro, allez tous l'appeler")
    assert doxx.label == "doxxing"
