"""The entry form's rules: declared fields, minimum age and its cooling period."""

from __future__ import annotations

import pytest

from causette import i18n
from causette.domain.departements import ABROAD
from causette.domain.entry import AgeGate, check_age, parse_age, parse_gender, parse_profile
from causette.domain.models import Gender
from causette.errors import InvalidInput, Refused

HOUR = 3600.0
COOLDOWN = 24 * HOUR
NOW = 1_000_000.0
OPEN = AgeGate(blocked_until=None, previous_age=None, previous_at=None)


@pytest.mark.parametrize(
    ("raw", "age"), [(30, 30), ("30", 30), (" 42 ", 42), (1, 1), (120, 120), ("120", 120)]
)
def test_parse_age_accepts_whole_numbers(raw: object, age: int) -> None:
    assert parse_age(raw) == age


@pytest.mark.parametrize(
    "raw", [True, False, 0, 121, -5, "0", "121", "-5", "3a", "", "30.0", 30.0, None, [30]]
)
def test_parse_age_refuses(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_age(raw)
    assert caught.value.code == "age_invalid"
    assert caught.value.params["field"] == "age"


@pytest.mark.parametrize("raw", ["man", "woman", "other"])
def test_parse_gender(raw: str) -> None:
    assert parse_gender(raw) is Gender(raw)


@pytest.mark.parametrize("raw", ["Man", "", "femme", None, 1])
def test_parse_gender_refuses(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_gender(raw)
    assert caught.value.code == "gender_invalid"
    assert caught.value.params["field"] == "gender"


def test_parse_profile_keeps_the_code_and_finds_the_departement() -> None:
    profile = parse_profile("Zoé", "34", "woman", " 75011 ")
    assert profile.nickname == "Zoé"
    assert profile.age == 34
    assert profile.gender is Gender.WOMAN
    assert profile.postal_code == "75011"
    assert (profile.location.code, profile.location.name) == ("75", "Paris")


@pytest.mark.parametrize("raw", ["etranger", "Étranger", " ETRANGER ", "abroad"])
def test_parse_profile_abroad(raw: str) -> None:
    profile = parse_profile("Zoé", 34, "woman", raw)
    assert profile.postal_code == "etranger"
    assert profile.location == ABROAD


@pytest.mark.parametrize("raw", ["7501", "ABCDE", "", 75011, None])
def test_parse_profile_refuses_bad_postal_codes(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_profile("Zoé", 34, "woman", raw)
    assert caught.value.code == "postal_code_invalid"
    assert caught.value.params["field"] == "postal_code"


def test_parse_profile_checks_age_and_gender() -> None:
    with pytest.raises(InvalidInput, match="age_invalid"):
        parse_profile("Zoé", "trente", "woman", "75011")
    with pytest.raises(InvalidInput, match="gender_invalid"):
        parse_profile("Zoé", 30, "femme", "75011")


def test_check_age_lets_an_adult_in() -> None:
    check_age(18, 18, OPEN, NOW, COOLDOWN)


def test_blocked_device_waits_until_the_block_ends() -> None:
    gate = AgeGate(blocked_until=NOW + HOUR, previous_age=None, previous_at=None)
    with pytest.raises(Refused) as caught:
        check_age(30, 18, gate, NOW, COOLDOWN)
    assert caught.value.code == "age_cooldown"
    assert caught.value.params == {"field": "age", "until": NOW + HOUR}
    # Once the block has passed, the same device may enter.
    check_age(30, 18, gate, NOW + HOUR, COOLDOWN)


def test_below_minimum_is_refused_until_the_cooldown_ends() -> None:
    with pytest.raises(Refused) as caught:
        check_age(17, 18, OPEN, NOW, COOLDOWN)
    assert caught.value.code == "age_below_minimum"
    assert caught.value.params == {"field": "age", "min": 18, "until": NOW + COOLDOWN}


def test_changed_age_within_cooldown_is_refused() -> None:
    gate = AgeGate(blocked_until=None, previous_age=16, previous_at=NOW - HOUR)
    with pytest.raises(Refused) as caught:
        check_age(19, 18, gate, NOW, COOLDOWN)
    assert caught.value.code == "age_cooldown"
    assert caught.value.params["until"] == NOW - HOUR + COOLDOWN
    # Said as the age declared and how long it holds, not as a ban.
    assert caught.value.params["declared"] == 16
    text = i18n.message("age_cooldown", "fr", {**caught.value.params, "until": "02/12 10:00"})
    assert text.startswith("Sur cet appareil, tu as déclaré 16 ans")
    assert "jusqu'au 02/12 10:00" in text
    blocked = i18n.message("age_cooldown", "en", {"until": "02/12 10:00"})
    assert blocked == "Entry is temporarily blocked on this device until 02/12 10:00."


def test_same_age_within_cooldown_is_fine() -> None:
    gate = AgeGate(blocked_until=None, previous_age=30, previous_at=NOW - HOUR)
    check_age(30, 18, gate, NOW, COOLDOWN)


def test_changed_age_after_cooldown_is_fine() -> None:
    gate = AgeGate(blocked_until=None, previous_age=30, previous_at=NOW - COOLDOWN)
    check_age(31, 18, gate, NOW, COOLDOWN)
