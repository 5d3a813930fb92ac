"""Where a guest says they are: a French département, an overseas territory, or abroad.

Guests give a postal code, never a town: the département is precise enough to find people
nearby and vague enough not to locate anyone. The postal code itself is not kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from causette.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class Location:
    """A département ("75", "2A", "971") or ``ABROAD``, with its official name."""

    code: str
    name: str


ABROAD = Location("etranger", "Étranger")

_METROPOLITAN: tuple[tuple[str, str], ...] = (
    ("01", "Ain"),
    ("02", "Aisne"),
    ("03", "Allier"),
    ("04", "Alpes-de-Haute-Provence"),
    ("05", "Hautes-Alpes"),
    ("06", "Alpes-Maritimes"),
    ("07", "Ardèche"),
    ("08", "Ardennes"),
    ("09", "Ariège"),
    ("10", "Aube"),
    ("11", "Aude"),
    ("12", "Aveyron"),
    ("13", "Bouches-du-Rhône"),
    ("14", "Calvados"),
    ("15", "Cantal"),
    ("16", "Charente"),
    ("17", "Charente-Maritime"),
    ("18", "Cher"),
    ("19", "Corrèze"),
    ("2A", "Corse-du-Sud"),
    ("2B", "Haute-Corse"),
    ("21", "Côte-d'Or"),
    ("22", "Côtes-d'Armor"),
    ("23", "Creuse"),
    ("24", "Dordogne"),
    ("25", "Doubs"),
    ("26", "Drôme"),
    ("27", "Eure"),
    ("28", "Eure-et-Loir"),
    ("29", "Finistère"),
    ("30", "Gard"),
    ("31", "Haute-Garonne"),
    ("32", "Gers"),
    ("33", "Gironde"),
    ("34", "Hérault"),
    ("35", "Ille-et-Vilaine"),
    ("36", "Indre"),
    ("37", "Indre-et-Loire"),
    ("38", "Isère"),
    ("39", "Jura"),
    ("40", "Landes"),
    ("41", "Loir-et-Cher"),
    ("42", "Loire"),
    ("43", "Haute-Loire"),
    ("44", "Loire-Atlantique"),
    ("45", "Loiret"),
    ("46", "Lot"),
    ("47", "Lot-et-Garonne"),
    ("48", "Lozère"),
    ("49", "Maine-et-Loire"),
    ("50", "Manche"),
    ("51", "Marne"),
    ("52", "Haute-Marne"),
    ("53", "Mayenne"),
    ("54", "Meurthe-et-Moselle"),
    ("55", "Meuse"),
    ("56", "Morbihan"),
    ("57", "Moselle"),
    ("58", "Nièvre"),
    ("59", "Nord"),
    ("60", "Oise"),
    ("61", "Orne"),
    ("62", "Pas-de-Calais"),
    ("63", "Puy-de-Dôme"),
    ("64", "Pyrénées-Atlantiques"),
    ("65", "Hautes-Pyrénées"),
    ("66", "Pyrénées-Orientales"),
    ("67", "Bas-Rhin"),
    ("68", "Haut-Rhin"),
    ("69", "Rhône"),
    ("70", "Haute-Saône"),
    ("71", "Saône-et-Loire"),
    ("72", "Sarthe"),
    ("73", "Savoie"),
    ("74", "Haute-Savoie"),
    ("75", "Paris"),
    ("76", "Seine-Maritime"),
    ("77", "Seine-et-Marne"),
    ("78", "Yvelines"),
    ("79", "Deux-Sèvres"),
    ("80", "Somme"),
    ("81", "Tarn"),
    ("82", "Tarn-et-Garonne"),
    ("83", "Var"),
    ("84", "Vaucluse"),
    ("85", "Vendée"),
    ("86", "Vienne"),
    ("87", "Haute-Vienne"),
    ("88", "Vosges"),
    ("89", "Yonne"),
    ("90", "Territoire de Belfort"),
    ("91", "Essonne"),
    ("92", "Hauts-de-Seine"),
    ("93", "Seine-Saint-Denis"),
    ("94", "Val-de-Marne"),
    ("95", "Val-d'Oise"),
)

_OVERSEAS: tuple[tuple[str, str], ...] = (
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("975", "Saint-Pierre-et-Miquelon"),
    ("976", "Mayotte"),
    ("977", "Saint-Barthélemy"),
    ("978", "Saint-Martin"),
    ("986", "Wallis-et-Futuna"),
    ("987", "Polynésie française"),
    ("988", "Nouvelle-Calédonie"),
)

_ALL: tuple[Location, ...] = (
    *(Location(code, name) for code, name in _METROPOLITAN + _OVERSEAS),
    ABROAD,
)
_BY_CODE: dict[str, Location] = {loc.code.casefold(): loc for loc in _ALL}

# Saint-Barthélemy and Saint-Martin kept the Guadeloupe postal codes they had before becoming
# collectivités of their own.
_POSTAL_EXCEPTIONS: dict[str, str] = {"97133": "977", "97150": "978"}
_CORSE_DU_SUD_END = 20200
_HAUTE_CORSE_END = 20700
_MONACO_PREFIX = "980"
_ABROAD_WORDS = frozenset({"etranger", "abroad"})
_DIGITS = frozenset("0123456789")


def location_of(postal_code: str) -> Location:
    """Return the département of a 5-digit French postal code, or ``ABROAD``.

    "étranger", "etranger" and "abroad" (any case) also give ``ABROAD``, as do Monaco's codes
    (980xx). Five digits of no département raise ``InvalidInput("postal_code_unknown")``,
    anything else ``InvalidInput("postal_code_invalid")`` (both with ``field="postal_code"``).
    """
    text = postal_code.strip()
    if _fold(text) in _ABROAD_WORDS:
        return ABROAD
    if len(text) != 5 or not _DIGITS.issuperset(text):
        raise _invalid()
    prefix = text[:2]
    # Five digits that name no département: not a typing slip the "5 digits" hint would fix.
    if prefix == "20":
        number = int(text)
        if number < _CORSE_DU_SUD_END:
            return _BY_CODE["2a"]
        if number < _HAUTE_CORSE_END:
            return _BY_CODE["2b"]
        raise _unknown()
    if prefix in ("97", "98"):
        if text.startswith(_MONACO_PREFIX):
            return ABROAD
        return _known(_POSTAL_EXCEPTIONS.get(text, text[:3]), _unknown)
    return _known(prefix, _unknown)


def location_by_code(code: str) -> Location:
    """Return the location with this code ("75", "2A", "971", "etranger"), case-insensitively.

    Raises ``InvalidInput("postal_code_invalid", field="postal_code")`` for an unknown code.
    """
    return _known(code.strip())


def all_locations() -> tuple[Location, ...]:
    """Every département in code order (2A and 2B after 19), then overseas, then ``ABROAD``."""
    return _ALL


def _known(code: str, refusal: Callable[[], InvalidInput] | None = None) -> Location:
    location = _BY_CODE.get(code.casefold())
    if location is None:
        raise (refusal or _invalid)()
    return location


def _invalid() -> InvalidInput:
    return InvalidInput("postal_code_invalid", field="postal_code")


def _unknown() -> InvalidInput:
    return InvalidInput("postal_code_unknown", field="postal_code")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
