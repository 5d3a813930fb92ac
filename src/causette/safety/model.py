"""A small linear model over the character n-grams of one message: which harm it looks like,
how sure it is, and which pieces of the text made it so.

The rules (``detectors``) stay the first line and the explanation of every hold; the model
adds a second opinion on words the rules have never seen, off the hot path
(``safety/review.py``). It is a multinomial logistic regression over the eight corpus labels,
trained by ``build/train_safety_model.py`` on the training part of ``corpus/safety`` (never the
held-out part) and shipped inside the package as ``message_model.json.gz``: its n-grams, its
weights as 8-bit integers with one scale, its biases, its threshold and the files it learnt
from. Nothing is downloaded; inference is plain Python.

Features are the set of 2- to 5-character pieces of each lower-cased word padded with one
space on each side (scikit-learn's ``char_wb`` analyser), each present piece counting once and
the vector scaled to unit length: the same function builds them for training and here.
"""

from __future__ import annotations

import base64
import functools
import gzip
import json
import math
from array import array
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

SHIPPED = "message_model.json.gz"
GRAM_SIZES = (2, 3, 4, 5)
FORMAT = 1
BENIGN = "benign"
# How many pieces of text a flag shows as its evidence.
EVIDENCE = 3


def grams(text: str) -> set[str]:
    """The features of one message: its words' padded character pieces, each once."""
    found: set[str] = set()
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in GRAM_SIZES:
            for i in range(size - n + 1):
                found.add(padded[i : i + n])
    return found


class ModelError(ValueError):
    """The model file is missing, unreadable or not in the expected format."""


@dataclass(frozen=True, slots=True)
class Scored:
    """The model's opinion of one message."""

    label: str  # the most likely harmful label
    probability: float  # of that label
    harm: float  # of any harmful label (1 - p(benign))


class MessageModel:
    """The shipped (or a given) model, loaded once; ``score`` is pure and thread-safe."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            if data["format"] != FORMAT:
                raise ModelError(f"unknown model format {data['format']!r}")
            self.labels: tuple[str, ...] = tuple(data["labels"])
            self.threshold = float(data["threshold"])
            self.trained_on: dict[str, str] = dict(data["trained_on"])
            scale = float(data["scale"])
            self.bias: tuple[float, ...] = tuple(float(b) for b in data["bias"])
            vocabulary: list[str] = data["grams"].split("\n")
            weights = array("b", base64.b64decode(data["weights"]))
        except (KeyError, TypeError, ValueError) as error:
            if isinstance(error, ModelError):
                raise
            raise ModelError(f"bad model file: {error!r}") from error
        width = len(self.labels)
        if BENIGN not in self.labels or len(self.bias) != width:
            raise ModelError("bad model file: labels and biases disagree")
        if len(weights) != width * len(vocabulary):
            raise ModelError("bad model file: weights and n-grams disagree")
        self._benign = self.labels.index(BENIGN)
        self._scale = scale
        # Each n-gram's weights as unsigned bytes (offset by 128): summing columns of bytes
        # runs in C and keeps the table small (a few megabytes for fifty thousand n-grams).
        shifted = bytes((w + 128) & 0xFF for w in weights)
        self._weights: dict[str, bytes] = {
            gram: shifted[i * width : (i + 1) * width] for i, gram in enumerate(vocabulary)
        }

    @classmethod
    def load(cls, path: Path | None = None) -> MessageModel:
        """The model at ``path``, or the one shipped with causette; ``ModelError`` if bad."""
        try:
            if path is None:
                raw = resources.files("causette.safety").joinpath(SHIPPED).read_bytes()
            else:
                raw = path.read_bytes()
            data = json.loads(gzip.decompress(raw))
        except (OSError, EOFError, ValueError) as error:
            raise ModelError(f"cannot read the model {path or SHIPPED}: {error}") from error
        if not isinstance(data, dict):
            raise ModelError("bad model file: not an object")
        return cls(data)

    @staticmethod
    @functools.cache
    def shipped() -> MessageModel:
        """The model shipped with causette, read once per process."""
        return MessageModel.load()

    def __len__(self) -> int:
        return len(self._weights)

    def probabilities(self, text: str) -> tuple[float, ...]:
        """p(label) for each of ``labels``, in their order."""
        return self._softmax(self._logits(self._known(text)))

    def score(self, text: str) -> Scored:
        """The most likely harm in one message, and how likely any harm is."""
        p = self.probabilities(text)
        best = max((i for i in range(len(p)) if i != self._benign), key=p.__getitem__)
        return Scored(self.labels[best], p[best], 1.0 - p[self._benign])

    def evidence(self, text: str, label: str) -> tuple[tuple[int, int], ...]:
        """The words of ``text`` that pulled most towards ``label`` (against benign)."""
        known = self._known(text)
        index = self.labels.index(label)
        pull = {g: row[index] - row[self._benign] for g, row in known}
        return _spans(text, pull)

    def _known(self, text: str) -> list[tuple[str, bytes]]:
        weights = self._weights
        return [(g, weights[g]) for g in grams(text) if g in weights]

    def _logits(self, known: list[tuple[str, bytes]]) -> list[float]:
        if not known:
            return list(self.bias)
        count = len(known)
        factor = self._scale / math.sqrt(count)
        offset = 128 * count
        columns = zip(*(row for _, row in known), strict=True)
        return [b + (sum(c) - offset) * factor for b, c in zip(self.bias, columns, strict=True)]

    @staticmethod
    def _softmax(logits: list[float]) -> tuple[float, ...]:
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return tuple(e / total for e in exps)


def _spans(text: str, pull: dict[str, int]) -> tuple[tuple[int, int], ...]:
    """Where the pieces that pulled most sit in ``text``, widened to whole words and merged;
    in the original text's positions when lower-casing kept its length (it nearly always
    does), else the whole message."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return ((0, len(text)),)
    spans: list[tuple[int, int]] = []
    for gram in sorted(pull, key=pull.__getitem__, reverse=True)[: EVIDENCE * 2]:
        if pull[gram] <= 0:
            break
        piece = gram.strip()
        at = _find_piece(lowered, gram, piece)
        if at >= 0:
            spans.append(_widen(lowered, (at, at + len(piece))))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged[:EVIDENCE])


def _find_piece(lowered: str, gram: str, piece: str) -> int:
    """The piece's position, at a word's edge when the n-gram was one."""
    if not piece:
        return -1
    if gram.startswith(" "):
        at = 0 if lowered.startswith(piece) else lowered.find(" " + piece)
        return at if at <= 0 else at + 1
    return lowered.find(piece)


def _widen(lowered: str, span: tuple[int, int]) -> tuple[int, int]:
    """To the whole word or words, so a moderator reads words, not pieces."""
    start, end = span
    while start > 0 and not lowered[start - 1].isspace():
        start -= 1
    while end < len(lowered) and not lowered[end].isspace():
        end += 1
    return start, end
