"""Doxxing by identification: a person's full name beside the details that locate them.

"Jérôme Lefebvre, rue de Lannoy, rayon peinture au Leroy Merlin. je sais qui t'es", "Sarah
Whitcombe. Honda Jazz, the blue one. your kids go to Oakfield Primary", "son vrai blaze c'est
Enzo Barthélémy, il stream depuis chez ses darons": the name is set beside what finds the
person (a street even without its number, a house number, a door, a car or its plate, a
department or ward, a parents' home, a child's school, a number). Two such details, or one
with the name presented as an identification ("je sais qui t'es", "his real name's"), make a
dox; said to the person it is a threat. ``doxx_names`` covers the plainer address and
workplace; this module reads the wider details and the names written to slip past
("F@brice H0arau").
"""

from __future__ import annotations

import re

from causette.safety.detectors.doxx_judges import STREET
from causette.safety.detectors.doxx_names import given, named_after, own_name
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_EN_WAY = r"(?:street|st|road|rd|lane|ln|avenue|ave|close|crescent|drive|dr|court|ct|way|terrace)"
_COLOUR = (
    r"(?:blue|red|green|white|black|grey|gray|silver|yellow|bleue?|rouge|verte?|blanche?|"
    r"noire?|grise?|jaune|argent)"
)
_CAR_BRAND = (
    r"(?:honda|toyota|renault|peugeot|citroen|volkswagen|vw|ford|opel|vauxhall|fiat|nissan|kia|"
    r"hyundai|dacia|skoda|audi|bmw|mercedes|tesla|mazda|suzuki|volvo)"
)
_CAR_MODEL = (
    r"(?:clio|megane|scenic|twingo|kangoo|captur|zoe|208|308|3008|c3|c4|picasso|fiesta|focus|"
    r"corsa|astra|golf|polo|yaris|jazz|civic|qashqai|juke|micra|sandero|duster|punto|panda)"
)
# What locates a person, by kind; two kinds beside a full name make a dox.
_LOCATING: dict[str, re.Pattern[str]] = {
    # A street, even without its number: "rue de Lannoy", "Mill Lane".
    "street": re.compile(
        rf"\b{STREET} (?:de la |de l'|des |du |de |d')?[a-z]{{3,}}|\b[a-z]{{3,}} {_EN_WAY}\b"
    ),
    # A house number: "number 14", "17 Maple Ct", "12 rue ..." (spaced letters joined too).
    "number": re.compile(
        rf"\bnumber \d{{1,4}}\b|\b\d{{1,4}},? (?:bis |ter )?(?:{STREET}|[a-z]+ {_EN_WAY})\b|"
        rf"\b\d{{1,4}},? {STREET}[a-z]{{3,}}"
    ),
    # The house or the flat described: its door, gate, letterbox, floor.
    "door": re.compile(
        rf"\b{_COLOUR} (?:front )?(?:door|gate|shutters|porte|portail|volets)\b|"
        rf"\b(?:door|gate|porte|portail|volets) {_COLOUR}\b|\bboite aux lettres\b|"
        r"\b(?:\d+e|\d+eme|premier|deuxieme|troisieme|quatrieme|cinquieme) etage\b|"
        r"\bporte de (?:droite|gauche)\b|\b(?:interphone|digicode)\b|\bflat \d{1,3}\b"
    ),
    # The car: a make, or a model after an article, its plate (emoji-spelled too: "a b 512 x z").
    "car": re.compile(
        rf"\b{_CAR_BRAND}\b|\b(?:la|une|sa|son|ta|votre|his|her|your|the|a) (?:\w+ )?{_CAR_MODEL}\b|"
        rf"\b(?:voiture|caisse|bagnole|car|van) (?:\w+ )?{_COLOUR}\b|\bplaque\b|\bimmatricul\w*|"
        r"\b[a-z]{2}[- ]?\d{3}[- ]?[a-z]{2}\b|\b[a-z] [a-z] \d{3} [a-z] [a-z]\b"
    ),
    # A place inside a workplace: "rayon peinture", "service urbanisme à la mairie", "ward 4".
    "post": re.compile(
        r"\brayon [a-z]{3,}|\bservice (?:de l'|de la |des |du |de )?[a-z]{4,} (?:a|au|de|at)\b|"
        r"\b(?:ward|unit|department|dept) \d{1,3}\b|\b(?:guichet|caisse|bureau|box) (?:n ?)?\d{1,3}\b"
    ),
    "work": re.compile(
        r"\b(?:bosse|travaille|taffe|works?|working|employee?)\b\s+(?:\w+\s+)?"
        r"(?:a|au|aux|chez|at|for)\b|\b(?:a la|au) (?:mairie|hopital|poste|caf|prefecture)\b"
    ),
    # Where they live, however loosely: "il habite au-dessus du tabac", "lives near the park".
    "lives": re.compile(
        r"\b(?:habite\w*|vit|vivent|loge|lives|living)\b\s+(?:a|au|aux|en|dans|in|at|on|near|"
        r"pres|rue|sur|above|over|behind|derriere|juste|just)\b"
    ),
    # The parents' home or line: "chez ses darons", "his mom's number".
    "family": re.compile(
        r"\bchez (?:ses|leurs|his|her|their) (?:darons|parents|vieux|grands[- ]parents)\b|"
        r"\b(?:his|her|their) (?:mom|mum|mother|dad|father|parents)'?s? (?:number|house|place|"
        r"address|phone)\b|\b(?:son|sa|his|her) (?:daron|daronne)\b"
    ),
    # A child's school or class: "your kids go to Oakfield Primary", "CM2 à l'école Pasteur".
    "school": re.compile(
        r"\b[a-z]{3,} primary\b|\b(?:kids?|children|son|daughter) (?:go|goes) to\b|"
        r"\b(?:cp|ce1|ce2|cm1|cm2|terminale|year \d{1,2}|grade \d{1,2})\b|"
        r"\b(?:ecole|college|lycee) (?:[a-z]+-)?[a-z]{3,}"
    ),
    "accounts": re.compile(r"\b(?:sur|on) (?:fb|facebook|insta|instagram|linkedin|tiktok|snap)\b"),
    "phone": re.compile(r"\b(?:number|numero|num|tel|phone) (?:is|c'?est|:) ?\d"),
}
_LOCATING_SCREEN = Screen(_LOCATING)

# The name set out as who someone really is.
_IDENTIFIED = re.compile(
    r"\b(?:je sais|j'?sais|on sait|je connais|i know|we know) (?:qui (?:t'?es|tu es|vous etes|"
    r"c'?est|c|il est|elle est)|who (?:you are|u are|he is|she is|they are))\b|"
    r"\b(?:j'?ai|on a) (?:trouve|retrouve|identifie) qui\b|\bfound out who\b|"
    r"\b(?:son|sa|his|her|their) (?:vrai (?:nom|blaze|prenom)|real name|full name)\b|"
    r"\breal name'?s?\b|\b(?:il|elle) s'?appelle\b"
)
# Said to the person named: the listener's own name and life.
_TO_LISTENER = re.compile(
    r"\b(?:je sais qui (?:t'?es|tu es|vous etes)|i know who (?:you|u) are|your|ur|ton|ta|tes|"
    r"votre|vos|tu|t'as)\b"
)
# A full name in the folded text: a given name and a word, both capitalised in the original.
# (The surname in a lookahead: "is Oliver Grant" must not swallow "Oliver".)
_PAIR = re.compile(r"\b([a-z]+(?:-[a-z]+)?) (?=([a-z][a-z'-]{2,})\b)")
_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-Þ]\S*\s+[A-ZÀ-ÖØ-Þ]")
# A delivery to oneself or the famous dead: not someone located.
_NOT_A_DOX = re.compile(
    r"\b(?:mon adresse|chez moi|my address|my place|a vecu|vivait|habitait|lived|was born|"
    r"est nee?|musee|museum|maison natale)\b"
)
# A delivery's name and address: one's own, unless the name is said to be someone's real one
# ("his real name's on the parcel").
_DELIVERY = re.compile(r"\b(?:livr\w*|deliver\w*|colis|parcel|au nom de|a mon nom|envoi)\b")


def _full_name(norm: Normalized, view_text: str) -> tuple[int, int] | None:
    """The original span of a full name in ``view_text`` (a view sharing ``folded``'s offsets)."""
    original = norm.original
    for match in _PAIR.finditer(view_text):
        if not given(match.group(1)):
            continue
        first, _ = norm.folded.span(match.start(1), match.end(1))
        last, end = norm.folded.span(match.start(2), match.end(2))
        if not (original[first : first + 1].isupper() and original[last : last + 1].isupper()):
            continue
        before = view_text[max(0, match.start() - 25) : match.start()]
        if named_after(before) or own_name(original, first, end):
            continue
        return (first, end)
    return None


def identified(norm: Normalized) -> Signal | None:
    """A full name beside what locates the person: two kinds of detail, or one with the name
    set out as an identification; a threat when said to the one named."""
    if _CAPITALS.search(norm.original) is None:
        return None  # a full name needs two capitals: most lines have none
    views = norm.scanned
    span = None
    for view in views[:2]:  # folded, then leetspeak undone ("F@brice H0arau")
        span = _full_name(norm, view.text)
        if span is not None:
            break
    if span is None:
        return None
    text = norm.folded.text
    if _NOT_A_DOX.search(text):
        return None
    kinds: set[str] = set()
    for view in views:
        kinds |= set(_LOCATING_SCREEN.search(view.text))
    if _PHONE_DIGITS.search(norm.digits.text):
        kinds.add("phone")
    if "work" in kinds:
        kinds.discard("street")  # "works at the Tesco on Mill Road": the shop's street
    said = _IDENTIFIED.search(text)
    if _DELIVERY.search(text) and said is None:
        return None
    if len(kinds) < 2 and not (kinds and said):
        return None
    rule = "doxx.threat" if _TO_LISTENER.search(text) else "doxx.name"
    return Signal(rule, 0.8, span)


_PHONE_DIGITS = re.compile(r"\d(?:[\s.,\-]{0,3}\d){8,}")
