from __future__ import annotations

import pytest

from causette.domain.departements import (
    ABROAD,
    Location,
    all_locations,
    location_by_code,
    location_of,
)
from causette.errors import InvalidInput


@pytest.mark.parametrize(
    ("postal_code", "expected"),
    [
        ("75011", Location("75", "Paris")),
        ("01000", Location("01", "Ain")),
        ("95000", Location("95", "Val-d'Oise")),
        (" 13001 ", Location("13", "Bouches-du-Rhône")),
        ("90000", Location("90", "Territoire de Belfort")),
        ("20000", Location("2A", "Corse-du-Sud")),
        ("20190", Location("2A", "Corse-du-Sud")),
        ("20200", Location("2B", "Haute-Corse")),
        ("20699", Location("2B", "Haute-Corse")),
        ("97110", Location("971", "Guadeloupe")),
        ("97200", Location("972", "Martinique")),
        ("97300", Location("973", "Guyane")),
        ("97400", Location("974", "La Réunion")),
        ("97500", Location("975", "Saint-Pierre-et-Miquelon")),
        ("97600", Location("976", "Mayotte")),
        ("97133", Location("977", "Saint-Barthélemy")),
        ("97150", Location("978", "Saint-Martin")),
        ("98600", Location("986", "Wallis-et-Futuna")),
        ("98714", Location("987", "Polynésie française")),
        ("98800", Location("988", "Nouvelle-Calédonie")),
    ],
)
def test_postal_code_gives_departement(postal_code: str, expected: Location) -> None:
    assert location_of(postal_code) == expected


@pytest.mark.parametrize("text", ["98000", "étranger", "Etranger", "ÉTRANGER", " abroad "])
def test_abroad(text: str) -> None:
    assert location_of(text) is ABROAD


@pytest.mark.parametrize(
    "postal_code",
    [
        "",
        "7500",
        "750011",
        "abcde",
        "75 01",
        "７５０１１",
        "etrangers",
    ],
)
def test_invalid_postal_codes(postal_code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        location_of(postal_code)
    assert caught.value.code == "postal_code_invalid"
    assert caught.value.params == {"field": "postal_code"}


@pytest.mark.parametrize(
    "postal_code", ["00100", "20700", "20999", "96000", "99000", "99999", "97000", "97900", "98200"]
)
def test_five_digits_of_no_departement_are_unknown_not_mistyped(postal_code: str) -> None:
    """ "99999" has the 5 digits the hint asks for: the visitor is told it does not exist."""
    with pytest.raises(InvalidInput) as caught:
        location_of(postal_code)
    assert caught.value.code == "postal_code_unknown"
    assert caught.value.params == {"field": "postal_code"}


def test_all_locations_order_and_count() -> None:
    codes = [loc.code for loc in all_locations()]
    assert len(codes) == 108
    assert len(set(codes)) == 108
    assert codes[:3] == ["01", "02", "03"]
    assert codes[18:22] == ["19", "2A", "2B", "21"]
    assert codes[95] == "95"
    assert codes[96:] == [
        "971",
        "972",
        "973",
        "974",
        "975",
        "976",
        "977",
        "978",
        "986",
        "987",
        "988",
        "etranger",
    ]


def test_every_metropolitan_prefix_resolves() -> None:
    for number in range(1, 96):
        if number == 20:
            continue
        prefix = f"{number:02d}"
        assert location_of(f"{prefix}100").code == prefix


def test_names_carry_accents() -> None:
    names = {loc.code: loc.name for loc in all_locations()}
    assert names["07"] == "Ardèche"
    assert names["64"] == "Pyrénées-Atlantiques"
    assert names["etranger"] == "Étranger"


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("2A", "Corse-du-Sud"),
        ("2b", "Haute-Corse"),
        ("971", "Guadeloupe"),
        ("etranger", "Étranger"),
    ],
)
def test_location_by_code(code: str, name: str) -> None:
    assert location_by_code(code).name == name


@pytest.mark.parametrize("code", ["20", "00", "96", "977x", ""])
def test_location_by_unknown_code(code: str) -> None:
    with pytest.raises(InvalidInput, match="postal_code_invalid"):
        location_by_code(code)
