"""Model files for the services tests: a legitimate model in the shipped format, small enough
that what it flags is known (a made-up word no rule knows), so that the tests do not depend on
the shipped weights."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

# A made-up word that no rule knows: only the model can flag it.
TRIGGER = "zorglubons"


def trigger_model(path: Path, label: str = "spam", threshold: float = 0.9) -> Path:
    """A model that finds ``label`` in any word starting as ``TRIGGER`` does, and nothing
    elsewhere; written at ``path``."""
    data = {
        "format": 1,
        "labels": ["benign", label],
        "threshold": threshold,
        "scale": 1.0,
        "bias": [2.0, -2.0],
        "grams": f" {TRIGGER[:4]}",
        "weights": base64.b64encode(bytes([0, 10])).decode("ascii"),
        "trained_on": {},
    }
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    return path
