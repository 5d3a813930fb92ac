"""The ``[dsa]`` section: off by default, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from causette import config
from causette.errors import ConfigError


def test_submission_is_off_by_default_with_the_eea_as_scope() -> None:
    dsa = config.parse({}).dsa
    assert dsa == config.DsaSettings()
    assert (dsa.submit, dsa.token, dsa.batch_size, dsa.puid_prefix) == (False, "", 100, "causette")
    assert len(dsa.territorial_scope) == 30
    assert dsa.evaluation_file is None


def test_a_full_section_is_read() -> None:
    dsa = config.parse(
        {
            "dsa": {
                "submit": True,
                "endpoint": "https://sandbox.example/api/v1/statements",
                "token": "X|abc",
                "batch_size": 20,
                "puid_prefix": "chat_fr",
                "territorial_scope": ["FR", "BE"],
                "provider": "Association Causette",
                "training": "Deux jours de formation.",
                "evaluation_file": "/etc/causette/evaluation.json",
            }
        }
    ).dsa
    assert (dsa.submit, dsa.batch_size, dsa.territorial_scope) == (True, 20, ("FR", "BE"))
    assert dsa.evaluation_file == Path("/etc/causette/evaluation.json")


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({"submit": True}, "dsa.token"),
        ({"submit": "yes"}, "dsa.submit"),
        ({"batch_size": 101}, "dsa.batch_size"),
        ({"puid_prefix": "causette fr"}, "dsa.puid_prefix"),
        ({"territorial_scope": ["FR", "CH"]}, "dsa.territorial_scope"),
        ({"territorial_scope": []}, "dsa.territorial_scope"),
        ({"endpoint": "ftp://x"}, "dsa.endpoint"),
        ({"tokn": "x"}, "dsa.tokn"),
    ],
)
def test_a_bad_value_is_named(section: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError) as error:
        config.parse({"dsa": section})
    assert error.value.params["key"] == key
