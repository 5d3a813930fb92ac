"""Doxxing a home: a third person placed at a street number, down to the building and door.

"Elle est au 27 rue ..., bâtiment C, 4e, appartement 412", "she's now at 14 Alder Crescent,
flat 2, buzzer says K.", "il a emménagé au 3 allée ..., escalier B": where someone sleeps,
precise enough to knock on the door. A street number alone may be where someone is for an
hour (the dentist's, a party): the building, the floor or the name on the letterbox make it
a home. An invitation or a practice named in the line is not a dox.
"""

from __future__ import annotations

import re

from causette.safety.detectors.doxx_judges import SOMEONE, STREET
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_EN_STREET = (
    r"(?:[a-z]+ ){1,3}(?:street|st|road|rd|lane|ln|avenue|ave|crescent|close|drive|dr|way|terrace|"
    r"grove|gardens|court|place|mews|row|walk|hill)"
)
_PLACED = re.compile(
    rf"\b{SOMEONE}\b(?:'s| is| est| vit| habite| loge| lives| a emmenage| s'?est installee?| vient "
    rf"d'?emmenager| a demenage| moved| has moved| se cache| hides| is staying| reste| dort)"
    rf"(?: maintenant| now| desormais| actuellement)?(?: au| a| at| to| in| on| into| dans le)?"
    rf" (?:\d{{1,4}}\s?(?:bis|ter)?,?\s+(?:{STREET}|{_EN_STREET})\b)"
)
# The door itself: a building, a staircase, a floor, a flat, an entry code, a name on a box.
_DOOR = re.compile(
    r"\b(?:batiment|bat\.? [a-z0-9]\b|escalier|\d+(?:e|eme|er|st|nd|rd|th)(?: etage| floor)?\b|"
    r"etage|appartement|appart|apt|flat|porte \d|interphone|digicode|code (?:de la porte|porte|"
    r"d'?entree)|boite aux lettres|sur la boite|son nom (?:est )?sur|floor|buzzer|door code|"
    r"letterbox|mailbox|unit \d)"
)
# A visit's place, not a home: an invitation, a practice, a shop, work.
_VISIT = re.compile(
    r"\b(?:fete|soiree|anniv\w*|apero|cremaillere|on se retrouve|rdv|rendez-vous|venez|viens|"
    r"apporte\w*|chez (?:le|la|l'|un|une) \w+|cabinet|dentiste|medecin|docteur|kine|bureau|"
    r"boulot|travail|magasin|boutique|resto\w*|hopital|clinique|ecole|party|come over|bring|"
    r"dentist|doctor|office|at work|shop|restaurant|hospital|clinic|school)\b"
)
# A digit and a street word are in every placing: most lines run no expression.
_STREETISH = re.compile(rf"\d.*\b(?:{STREET}|street|st|road|rd|lane|avenue|ave|crescent|close|"
                        r"drive|way|terrace|grove|gardens|court|place|mews|row|walk|hill)\b")  # fmt: skip


def placed(norm: Normalized) -> Signal | None:
    """``doxx.address`` when a third person is placed at a street number down to the door."""
    for view in norm.scanned:  # leetspeak too ("3lle est au 27 rue ...")
        text = view.text
        if not _STREETISH.search(text):
            continue
        match = _PLACED.search(text)
        if match is None or not _DOOR.search(text, match.end()) or _VISIT.search(text):
            continue
        return Signal("doxx.address", 0.8, view.span(match.start(), match.end()))
    return None
