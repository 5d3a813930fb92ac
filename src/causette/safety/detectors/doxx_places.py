"""Doxxing by description: where a third person lives or can be found, without an address.

People locate someone by what is seen, not by a street number:
- a home described by its landmarks: "the yellow building right above the dry cleaner, 3rd
  floor", "le bungalow bleu au coin du dépanneur", often found "on street view" from a video;
- a home on a named street in the wordings the address rules lack: "he still lives on Maple
  Court", "elle reste sur la rue des Ormes" (Quebec's "rester" is "habiter");
- a child placed for anyone to find: "son fils, en CM2 à l'école ..., classe de Mme ...",
  "her boy is in year 4 at St Anne's", and the hour and the gate they come out of: "il sort à
  16h30 par le portail rue ...".
Each counts (``doxx.address`` or ``doxx.school``, 0.5, under the hold); a call to act on it
makes the ``doxxing.call`` hold. Found on street view, with a third person, it holds alone.
One's own place described for a visit ("chez moi", "come over", a party) is not a dox.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_judges import STREET
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_COLOUR = (
    r"(?:yellow|red|blue|green|white|grey|gray|brick|pink|black|orange|brown|jaune|rouge|bleue?|"
    r"verte?|blanche?|grise?|rose|noire?|orange|marron|beige|en brique)"
)
_BUILDING = (
    r"(?:building|house|block|flat|bungalow|cottage|semi|terrace|townhouse|apartment|maison|"
    r"immeuble|batiment|pavillon|residence|chalet|duplex|triplex|appart|appartement)"
)
# Where the building stands against something anyone can find.
_BESIDE = (
    r"(?:(?:right |just )?(?:above|over|next to|opposite|across from|behind|beside)|on the corner of|"
    r"at the corner of|on the corner|au-?dessus (?:du|de la|de l'|des)|a cote (?:du|de la|de l'|des)|"
    r"en face (?:du|de la|de l'|des)|au coin (?:du|de la|de l'|des)|derriere (?:le|la|l')|"
    r"juste apres (?:le|la|l'))"
)
_FLOOR = (
    r"(?:\d{1,2}(?:st|nd|rd|th|e|eme|er) (?:floor|etage)|(?:top|ground|first|second|third) floor)"
)
_DESCRIBED: dict[str, re.Pattern[str]] = {
    "landmark": re.compile(
        rf"\b(?:{_COLOUR} )?{_BUILDING}(?: {_COLOUR})?\b[^.!?]{{0,25}}?\b{_BESIDE}\b"
        rf"|\b(?:{_COLOUR} ){_BUILDING}\b[^.!?]{{0,40}}?\b{_FLOOR}"
        rf"|\b{_BUILDING}\b[^.!?]{{0,40}}?\b{_FLOOR}[^.!?]{{0,40}}\b(?:the one with|celui avec|celle avec|"
        r"avec (?:les|le|la) (?:plantes|balcon|volets|drapeau|velo)|balcony|balcon|window|fenetre)"
    ),
}
_SCREEN = Screen(_DESCRIBED)
# Having looked the place up: the act of locating someone from what they posted.
_LOCATED = re.compile(
    r"\b(?:street ?view|google (?:maps|earth)|maps|map pin|geoloc\w*|geoguess\w*|matched it|"
    r"found (?:it|the place|her place|his place|the building)|j'?ai (?:retrouve|trouve) "
    r"(?:l'?immeuble|la maison|le batiment|l'?endroit|ou c'?est)|reconnu (?:l'?immeuble|la rue))\b"
)
_THIRD = re.compile(
    r"\b(?:il|elle|ils|elles|lui|eux|he|she|they|him|her|them|son|sa|ses|his|their)\b"
)
# The building is where someone lives: a verb of living or moving, or "her place".
_HOME_OF = re.compile(
    r"\b(?:habite\w*|vit|vivent|reste|restent|loge\w*|demenage\w*|emmenage\w*|lives?|living|moved|"
    r"stays?|staying|chez (?:elle|lui|eux)|(?:her|his|their) (?:place|flat|house|home|apartment|"
    r"building)|son (?:appart\w*|immeuble|logement)|sa (?:maison|residence)|new (?:place|flat|"
    r"apartment)|nouvel appart\w*)\b"
)
# One's own place or a venue described for a visit.
_OWN = re.compile(
    r"\b(?:chez moi|chez nous|mon appart\w*|ma maison|notre maison|mon immeuble|j'?habite|on habite|"
    r"je vis|i live|we live|my (?:place|flat|house|building|apartment)|our (?:place|flat|house)|"
    r"venez|viens|come over|come round|fete|soiree|anniv\w*|apero|party|rdv|on se retrouve|meet|"
    r"a vendre|for sale|a louer|to let|for rent|loyer|rent|visite|viewing|airbnb|gite|museum|"
    r"musee|library|bibliotheque|mediatheque|mairie|town hall)\b"
)


def described(norm: Normalized, context: MessageContext) -> Signal | None:
    """``doxx.address`` when someone's home is described by its landmarks."""
    text = norm.folded.text
    found = _SCREEN.search(text)
    if not found or _OWN.search(text):
        return None
    match = found["landmark"]
    recent = [folded(line) for line in context.recent_from_sender[-3:]]
    lines = (text, *recent)
    located = any(_LOCATED.search(line) for line in lines)
    home = any(_HOME_OF.search(line) for line in lines)
    if not (located or home):
        return None  # a building described with no one living in it: a direction, a view
    third = any(_THIRD.search(line) for line in lines)
    score = 0.75 if located and third else 0.5
    return Signal("doxx.address", score, norm.folded.span(match.start(), match.end()))


_CAPITAL_WORD = re.compile(r"[A-Z][a-z'’]+")
_EN_ROAD = (
    r"(?:road|street|court|lane|avenue|drive|close|crescent|way|terrace|grove|gardens|mews|row|"
    r"place|park|square|walk|hill|view|rise)"
)
_LIVES_ON = re.compile(
    rf"\b(?:he|she|they)(?:'s| is| are)?(?: still| now| actually| apparently)? (?:lives?|living|"
    rf"stays?|staying) (?:on|at|in) (?:\d{{1,4}}[a-z]? )?(?P<name>[a-z'’]+(?: [a-z'’]+)?) {_EN_ROAD}\b"
    rf"|\b(?:il|elle|ils|elles) (?:reste|restent|demeure|demeurent) (?:sur|au \d{{1,4}}) ?"
    rf"(?:la |le |l')?{STREET} (?:de la |de l'|des |du |de |d')?(?P<street>[a-z'’]+)"
)


def lives_on(norm: Normalized) -> Signal | None:
    """``doxx.address`` for a third person living on a named street ("she lives on Elm
    Grove", "il reste sur la rue des Pins"); "he lives on a quiet street" names none."""
    text = norm.folded.text
    if "liv" not in text and "stay" not in text and "reste" not in text and "demeure" not in text:
        return None
    match = _LIVES_ON.search(text)
    if match is None:
        return None
    # The street has a name, with its capital: "on a quiet street", "la rue principale" none.
    named = "name" if match.group("name") is not None else "street"
    start, _ = norm.folded.span(match.start(named), match.end(named))
    if not _CAPITAL_WORD.match(norm.original, start):
        return None
    score = 0.65 if named == "name" else 0.75  # as "il habite rue ..."
    return Signal("doxx.address", score, norm.folded.span(match.start(), match.end()))


_GRADE = (
    r"(?:en (?:cp|ce1|ce2|cm1|cm2|6e|5e|4e|3e|6eme|5eme|4eme|3eme|seconde|2nde|premiere|terminale|"
    r"petite section|moyenne section|grande section|maternelle)|classe de (?:m\.?|mme|madame|"
    r"monsieur|mr|mlle|mademoiselle) \w+|(?:year|grade|p) \d{1,2}|in (?:mrs?|ms|miss)\.? \w+'?s? class|"
    r"\d(?:e|eme|re) (?:secondaire|annee))"
)
_SCHOOL = r"(?:ecole|college|lycee|school|primary|academy|maternelle|creche|polyvalente|secondaire)"
_CHILD_OF = re.compile(
    r"\b(?:son|sa|leur|his|her|their) (?:fils|fille|gamin|gamine|petit|petite|gosse|enfant|ado|"
    r"son|daughter|kid|boy|girl|child|youngest|eldest)\b[^.!?]{0,50}?"
    rf"(?:\b{_GRADE}\b[^.!?]{{0,40}}?\b{_SCHOOL}\b|\b{_SCHOOL}\b[^.!?]{{0,40}}?\b{_GRADE}\b)"
)
# The hour a third person comes out and the gate or street: where to wait.
_EXIT = re.compile(
    r"\b(?:il|elle|he|she)\b (?:\w+ )?(?:sort|finit|termine|quitte|gets out|finishes|comes out|"
    r"leaves)\b[^.!?]{0,20}?\b(?:a|vers|at|around) \d{1,2} ?(?:h|:) ?\d{0,2}\b[^.!?]{0,30}?"
    rf"\b(?:par|devant|porte|portail|grille|sortie|gate|door|exit|{STREET}|street|road|lane)\b"
)


_CHILD_SCREEN = Screen({"child": _CHILD_OF, "exit": _EXIT})
# Parents comparing classes, or a meeting being set: not a child or a person placed for others.
_SHARED = re.compile(
    r"\b(?:aussi|pareil|comme (?:le mien|la mienne|mon|ma)|too|as well|same (?:class|school)|"
    r"on se (?:rejoint|retrouve|voit|croise)|rdv|rendez-vous|meet (?:you|me|us)|see you|"
    r"je (?:t'|vous )attends|je passe (?:te|la|le|les) (?:prendre|chercher)|pick (?:him|her|them) up)\b"
    r"|\?\s*$"
)


def placed_child(norm: Normalized, context: MessageContext) -> Signal | None:
    """``doxx.school`` for someone else's child's school and class; ``doxx.address`` for a
    third person's exit hour and gate."""
    text = norm.folded.text
    found = _CHILD_SCREEN.search(text)  # most lines name no child and no exit: nothing runs
    if not found or _SHARED.search(text):
        return None  # "sa fille est en CM2 aussi", "on se retrouve devant la gare ?"
    kind, match = min(found.items(), key=lambda item: item[1].start())
    rule = "doxx.school" if kind == "child" else "doxx.address"
    return Signal(rule, 0.5, norm.folded.span(match.start(), match.end()))
