"""Settings: defaults, key-by-key overrides, and errors that name the faulty key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from causette import config
from causette.cli import main as cli
from causette.errors import ConfigError


def test_defaults() -> None:
    settings = config.parse({})
    assert len(settings.rooms) == 15
    assert settings.rooms[0] == config.RoomSpec("Général", settings.rooms[0].topic)
    assert settings.entry.min_age == 18
    assert settings.limits.rooms_max == 10
    assert settings.history.count == 50
    assert settings.server.port == 8080
    assert config.load(None) == settings


def test_dataclass_defaults_agree_with_the_default_file() -> None:
    settings = config.parse({})
    assert settings.server == config.ServerSettings()
    assert settings.entry == config.EntrySettings()
    assert settings.limits == config.LimitSettings()
    assert settings.history == config.HistorySettings()
    assert settings.session == config.SessionSettings()


def test_one_key_overrides_and_the_others_keep_their_defaults() -> None:
    settings = config.parse({"entry": {"min_age": 21}})
    assert settings.entry.min_age == 21
    assert settings.entry.age_cooldown_hours == 24.0
    assert settings.limits == config.LimitSettings()
    assert len(settings.rooms) == 15


def test_whole_numbers_are_accepted_where_numbers_are_expected() -> None:
    settings = config.parse({"session": {"grace_seconds": 30}})
    assert settings.session.grace_seconds == 30.0
    assert isinstance(settings.session.grace_seconds, float)


def test_a_rooms_list_replaces_the_default_rooms() -> None:
    settings = config.parse({"rooms": [{"name": "Salon", "topic": "Tout"}, {"name": "Autre"}]})
    assert settings.rooms == (config.RoomSpec("Salon", "Tout"), config.RoomSpec("Autre", ""))


@pytest.mark.parametrize(
    ("document", "key", "problem"),
    [
        ({"bogus": {}}, "bogus", "unknown section"),
        ({"server": "x"}, "server", "must be a table"),
        ({"entry": {"min_agee": 20}}, "entry.min_agee", "unknown key"),
        ({"limits": {"rooms_max": "15"}}, "limits.rooms_max", "whole number"),
        ({"limits": {"rooms_max": True}}, "limits.rooms_max", "whole number"),
        ({"limits": {"rooms_max": 2.5}}, "limits.rooms_max", "whole number"),
        ({"limits": {"rooms_max": 0}}, "limits.rooms_max", "between 1 and 100"),
        ({"entry": {"min_age": 12}}, "entry.min_age", "between 13 and 99"),
        ({"server": {"port": 70000}}, "server.port", "between 0 and 65535"),
        ({"limits": {"rate_per_second": "fast"}}, "limits.rate_per_second", "number"),
        ({"limits": {"rate_per_second": False}}, "limits.rate_per_second", "number"),
        ({"server": {"lang": "de"}}, "server.lang", "one of fr, en"),
        ({"server": {"host": ""}}, "server.host", "non-empty string"),
        ({"entry": {"reserved_names": ["ok", ""]}}, "entry.reserved_names", "list"),
        ({"entry": {"forbidden_names": "x"}}, "entry.forbidden_names", "list"),
        ({"rooms": []}, "rooms", "non-empty list"),
        ({"rooms": {"name": "x"}}, "rooms", "non-empty list"),
        ({"rooms": ["Salon"]}, "rooms[0]", "must be a table"),
        ({"rooms": [{"name": "A1"}, {"topic": "x"}]}, "rooms[1].name", "required"),
        ({"rooms": [{"name": ""}]}, "rooms[0].name", "non-empty string"),
        ({"rooms": [{"name": "A1", "topic": 3}]}, "rooms[0].topic", "must be a string"),
        ({"rooms": [{"name": "A1", "colour": "red"}]}, "rooms[0].colour", "unknown key"),
        ({"history": {"retention_hours": 1}}, "history.retention_hours", "max_age_hours"),
    ],
)
def test_errors_name_the_key(document: dict[str, Any], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config.parse(document)
    assert caught.value.code == "config_invalid"
    assert caught.value.params["key"] == key
    assert problem in caught.value.params["problem"]


@pytest.mark.parametrize(
    ("rooms", "key", "problem"),
    [
        ([{"name": "x" * 31}], "rooms[0].name", "room_name_length"),
        ([{"name": "A"}], "rooms[0].name", "room_name_length"),
        ([{"name": "<b>Salon</b>"}], "rooms[0].name", "room_name_chars"),
        ([{"name": "Salon", "topic": "x" * 201}], "rooms[0].topic", "topic_length"),
        ([{"name": "Général"}, {"name": "GENERAL"}], "rooms[1].name", "rooms[0].name"),
        ([{"name": "Salon 1"}, {"name": "Salon l"}], "rooms[1].name", "rooms[0].name"),
        ([{"name": "L'Auberge"}, {"name": "L Auberge"}], "rooms[1].name", "rooms[0].name"),
    ],
)
def test_room_names_and_topics_are_checked_at_load(
    rooms: list[dict[str, str]], key: str, problem: str
) -> None:
    # Documented: a name of 2 to 30 characters, a topic up to 200; two look-alike rooms
    # would silently become one (same id), so the file is refused instead.
    with pytest.raises(ConfigError) as caught:
        config.parse({"rooms": rooms})
    assert caught.value.params["key"] == key
    assert problem in caught.value.params["problem"]


def test_retention_may_exceed_max_age() -> None:
    settings = config.parse({"history": {"max_age_hours": 2, "retention_hours": 48}})
    assert (settings.history.max_age_hours, settings.history.retention_hours) == (2.0, 48.0)


# -- files -----------------------------------------------------------------------------------


VALID = """
[entry]
min_age = 21

[[rooms]]
name = "Salon"
topic = "Tout"
"""


def test_load_a_file(tmp_path: Path) -> None:
    path = tmp_path / "causette.toml"
    path.write_text(VALID, "utf-8")
    settings = config.load(path)
    assert settings.entry.min_age == 21
    assert settings.rooms == (config.RoomSpec("Salon", "Tout"),)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "cannot be read"),
        (b"[entry]\nmin_age = \xff\n", "not UTF-8"),
        (b"[entry\nmin_age = 21\n", "not valid TOML"),
    ],
)
def test_load_errors_name_the_file(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "causette.toml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        config.load(path)
    assert caught.value.params["key"] == str(path)
    assert problem in caught.value.params["problem"]


def test_check_config_accepts_a_valid_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "causette.toml"
    path.write_text(VALID, "utf-8")
    assert cli.main(["check-config", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "valid (1 rooms)" in out
    assert err == ""


def test_check_config_reports_the_faulty_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "causette.toml"
    path.write_text("[limits]\nrooms_max = 0\n", "utf-8")
    assert cli.main(["check-config", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "configuration error" in err
    assert "limits.rooms_max" in err
    assert "between 1 and 100" in err


def test_check_config_reads_the_model_file_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "causette.toml"
    broken = tmp_path / "model.json.gz"
    broken.write_bytes(b"not gzip")
    path.write_text(f'[safety]\nmodel_file = "{broken}"\n', "utf-8")
    assert cli.main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "safety.model_file" in err
    assert "cannot read the model" in err


def test_check_config_of_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.toml"
    assert cli.main(["check-config", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err


def test_every_default_key_is_documented_in_operations_md() -> None:
    """docs/operations.md must name every key the default configuration file sets."""
    import tomllib
    from importlib import resources
    from pathlib import Path

    defaults = tomllib.loads(
        resources.files("causette").joinpath("defaults/config.toml").read_text("utf-8")
    )
    doc = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text("utf-8")
    missing = [
        f"{section}.{key}"
        for section, table in defaults.items()
        if isinstance(table, dict)
        for key in table
        if f"| `{key}` |" not in doc
    ]
    assert missing == []
