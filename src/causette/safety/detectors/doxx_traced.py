"""Doxxing over several lines: a third person traced, one locating fact a line.

"she's on nights at the reception desk of St Bride's, tuesdays and sundays, 8pm to 6", then
"parks in staff lot B, silver Fiesta"; "Kayleigh Marsh, works at the Boots on the high
street", then "silver Corsa, reg LK19 ZPD, parks behind the Lidl"; "la maison au portail vert
juste après la pharmacie", "y a sa twingo jaune devant": no line holds the whole of it, the
sender's lines together say where and when to find someone. The kinds of fact (a workplace,
shift hours, a car, where it is parked, a home placed by its landmarks, a phone number) are
counted over the sender's last lines once the current line holds one; three kinds about a
third person make ``doxx.address`` (0.75, held), two count (0.5). One's own life ("I'm on
nights", "ma twingo", "je me gare") and one's own car for sale are no trace of anyone.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_places import _BESIDE, _BUILDING
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_COLOUR = (
    r"(?:blue|red|green|white|black|grey|gray|silver|yellow|bleue?|rouge|verte?|blanche?|noire?|"
    r"grise?|jaune|argent|argentee?)"
)
_CAR = (
    r"(?:honda|toyota|renault|peugeot|citroen|volkswagen|vw|ford|opel|vauxhall|fiat|nissan|kia|"
    r"hyundai|dacia|skoda|audi|bmw|mercedes|tesla|mazda|suzuki|volvo|clio|megane|scenic|twingo|"
    r"kangoo|captur|zoe|208|308|3008|c3|c4|picasso|fiesta|focus|corsa|astra|golf|polo|yaris|"
    r"jazz|civic|qashqai|juke|micra|sandero|duster|punto|panda|mini)"
)
_DAYS = (
    r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|lundis|mardis|mercredis|"
    r"jeudis|vendredis|samedis|dimanches|weekends?|week-ends?)"
)
# Each kind of locating fact about a third person, as said in one line.
_TRACES: dict[str, re.Pattern[str]] = {
    "work": re.compile(
        r"\b(?:works?|working|bosse|travaille|taffe)\b\s+(?:\w+\s+)?(?:at|for|a|au|a la|chez)\b|"
        r"\b(?:on|de) (?:nights|days|lates|earlies|nuit|garde)\b[^.!?]{0,10}?\b(?:at|in|a|au|a la)\b|"
        r"\b(?:reception|accueil|front desk|checkout|caisse|guichet)\b[^.!?]{0,10}?\b(?:at|of|du|de)\b"
    ),
    "hours": re.compile(
        rf"\b{_DAYS}\b[^.!?]{{0,40}}?\b\d{{1,2}} ?(?:pm|am|h)|"
        r"\b\d{1,2} ?(?:pm|am|h)\d{0,2} (?:to|till|until|-|a|jusqu'?a) \d{1,2}\b|"
        r"\b(?:finit|sort|part|rentre|finishes|leaves|gets out|gets off|starts|commence)\b"
        r"[^.!?]{0,25}?\b(?:a|at|vers|around) \d{1,2} ?(?:h|:|pm|am)"
    ),
    "car": re.compile(
        rf"\b{_COLOUR} {_CAR}\b|\b{_CAR} {_COLOUR}\b|\b(?:sa|son|his|her) (?:\w+ )?{_CAR}\b|"
        r"\b(?:reg|plaque|immat\w*|plate)\b[^.!?]{0,5}?\b[a-z]{2}[- ]?\d{2,3}[- ]?[a-z]{2,3}\b"
    ),
    "parked": re.compile(
        r"\b(?:parks|parked|se gare|gare sa|garee|est gare|stationne\w*)\b[^.!?]{0,25}?\b(?:in|at|behind|"
        r"outside|on|next to|au|a|sur|devant|derriere|en bas|pres)\b|"
        rf"\b{_CAR}\b(?: {_COLOUR})? (?:devant|en bas|derriere|outside)\b"
    ),
    "home": re.compile(
        rf"\b(?:{_COLOUR} )?{_BUILDING}\b[^.!?]{{0,40}}?\b{_BESIDE}\b|"
        rf"\b(?:{_BUILDING}|portail|porte|door|gate) (?:au |a |with (?:the |a )?)?(?:portail |porte |"
        rf"door |gate )?{_COLOUR}\b[^.!?]{{0,30}}?\b(?:apres|after|past|next to|a cote)\b|"
        r"\b(?:he'?s|she'?s|il est|elle est|lives|habite) (?:right |just )?(?:above|over|au-?dessus "
        r"(?:du|de la|de l'))\b"
    ),
    "phone": re.compile(
        r"\b(?:his|her|son|sa) (?:personal |private |work |perso |pro )?(?:cell|number|mobile|"
        r"phone|num|numero|portable|06|07)\b"
    ),
}
_SCREEN = Screen(_TRACES)
# Someone other than the sender is spoken of.
_THIRD = re.compile(r"\b(?:he|she|he'?s|she'?s|his|her|him|il|elle|lui|sa|son|ses)\b")
# One's own life, car or flat, or a car for sale: nobody traced.
_OWN = re.compile(
    r"\b(?:i'?m|i am|i (?:work|park|live|finish|start|leave|drive)|we (?:live|work)|"
    r"my (?:car|shift|shifts|place|flat|house|work|job|number|cell|mobile|\w+ (?:car|van))|"
    r"je (?:bosse|travaille|suis|me gare|vis|habite|finis|sors|commence|rentre|pars|roule)|"
    r"j'?(?:habite|embauche|ai une)|on (?:habite|se gare|vit)|nous (?:habitons|vivons)|"
    r"(?:ma|mon|notre) (?:voiture|caisse|bagnole|maison|appart\w*|boulot|taf|service|numero|num|06|"
    r"07|portable|clio|twingo|208|polo|golf)|"
    # One's own family's day, talked of at home: not a trace of a stranger.
    r"(?:my|ma|mon|mes) (?:sister|brother|mum|mom|dad|wife|husband|daughter|son|kids|soeur|frere|"
    r"mere|pere|femme|mari|fille|fils|enfants|maman|papa)|"
    r"a vendre|for sale|je vends|i'?m selling)\b"
)
# How many of the sender's lines a trace spans.
_LINES = 3


def traced(norm: Normalized, context: MessageContext) -> Signal | None:
    """``doxx.address`` when the sender's last lines locate a third person fact by fact."""
    text = norm.folded.text
    here = _SCREEN.search(text)  # most lines hold no locating fact: nothing else runs
    if not here or _OWN.search(text):
        return None
    kinds = set(here)
    third = _THIRD.search(text) is not None or _CAPITAL_PAIR.search(norm.original) is not None
    for line in context.recent_from_sender[-_LINES:]:
        seen = folded(line)
        found = _SCREEN.search(seen)
        if found and _OWN.search(seen) is None:
            kinds.update(found)
            third = third or _THIRD.search(seen) is not None
            third = third or _CAPITAL_PAIR.search(line) is not None
    if len(kinds) < 2 or not third:
        return None
    score = 0.75 if len(kinds) >= 3 else 0.5
    first = min(here.values(), key=lambda m: m.start())
    return Signal("doxx.address", score, norm.folded.span(first.start(), first.end()))


# A full name, capitalised, at the start of a line ("Kayleigh Marsh, works at ...").
_CAPITAL_PAIR = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ'\-]+ [A-ZÀ-Ý][a-zà-ÿ'\-]+\b")
