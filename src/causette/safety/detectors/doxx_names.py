"""Doxxing by name: a third person's full name beside where they live, work or study.

Names are recognised by their capitals in the original text and a list of given names
(``lexicons/given_names.txt``); streets, schools and businesses named after people, the
speaker's own name and the famous dead are told apart.
"""

from __future__ import annotations

import re
from importlib import resources

from causette.safety.detectors.doxx_judges import STREET
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized


def _given_names() -> frozenset[str]:
    text = resources.files("causette.safety").joinpath("lexicons", "given_names.txt")
    lines = (line.split("#", 1)[0].strip() for line in text.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)


_GIVEN = _given_names()
# Two capitalised words in the original text, or a title and a surname: "Sandrine Vial",
# "Claire Dujardin-Pelletier", "Mme Dujardin", "Mr Overbeck" ("Dr", "Maître": a practice's
# address is public).
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_FULL_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?P<first>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)|"
    rf"(?P<title>Mme|Mlle|Madame|Monsieur|M\.|Mr\.?|Mrs\.?|Ms\.?|Miss))\s+"
    rf"(?P<last>[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*(?:[ -][{_UPPER}][{_LOWER}]{{3,}})?)\b"
)
# A given name after these is the name of a street, a school or a business ("rue Victor Hugo",
# "collège Marcel Pagnol", "chez Marcel").
_NAMED_AFTER = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|allee|impasse|place|chemin|route|quai|cours|square|"
    r"residence|cite|college|lycee|ecole|stade|salle|gymnase|centre|hopital|clinique|parc|"
    r"pharmacie|boulangerie|chez|fondation|institut|mediatheque|bibliotheque|espace|cinema|"
    r"theatre|musee|street|road|saint|sainte|st|ste|les amis de|prix|festival|square)\W*$"
)
# What makes a name a dox, by kind: where the person lives (a street and number, a floor, a
# plate: enough alone), the area they live in, where they work or study, their accounts,
# their hours. Checked in the message that names them.
_WHEREABOUTS: dict[str, re.Pattern[str]] = {
    "address": re.compile(
        rf"\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{STREET}\b|\b\d{{1,5}}\s+(?:[a-z]+\s+){{1,3}}"
        r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|crescent|way|terrace|court|ct)\b|"
        r"\b(?:plaque|immatricul\w*|plate)\b"
    ),
    "door": re.compile(
        r"\b(?:\d+(?:e|eme|er) etage|interphone|digicode|flat \d+\w?|apartment \d+|appart \d+)\b"
    ),
    "area": re.compile(
        r"\b(?:habite\w*|vit|vivent|loge|creche|lives|living|based|domicilie\w*)\b\s+"
        r"(?:a|au|aux|en|dans|in|at|on|near|pres|rue|vers|sur)\b|"
        r"\b(?:quartier|cite|residence|lotissement|estate|neighbourhood|neighborhood)\b"
    ),
    # Where they spend the day, at work or at school (a teacher's is both: one kind).
    "work": re.compile(
        r"\b(?:bosse|travaille|taffe|works?|working|employee?|caissiere?|serveuse|vendeuse|prof|"
        r"teaches|enseigne)\b\s+(?:\w+\s+)?(?:a|au|aux|chez|dans|the|at|for|in|as|comme|en)\b|"
        # A job at a place: "he's a junior dev at", "elle est infirmière à la clinique".
        r"\b(?:he'?s|she'?s|he is|she is|il est|elle est) (?:a |an |un |une )?(?:\w+ ){1,2}?"
        r"(?:at|chez|for|a la|au|a l')\b|"
        r"\b(?:lycee|college|ecole|fac|school|uni|university|academy|academie|sixth form|"
        r"(?:year|grade) \d{1,2})\b"
    ),
    "accounts": re.compile(
        r"\b(?:son|sa|ses|his|her|their) (?:insta|instagram|snap|fb|facebook|linkedin|tiktok|"
        r"twitter|mail|email|e-mail|adresse|address|num\w*|number|tel|profil|profile|compte|"
        r"account)\b"
        # A profile's link or address given: "profile's at hinge.example/u/...".
        r"|\bprofile?'?s? (?:at|is|:)|\b[a-z0-9-]+\.[a-z]{2,10}/(?:u/|user/|in/|profile/|@)?[a-z0-9_.-]{4,}"
    ),
    "hours": re.compile(
        r"\b(?:finit|sort|rentre|commence|finishes|leaves|parks?|se gare)\b[^.!?]{0,20}"
        r"\b(?:a|vers|at) \d{1,2} ?(?:h|pm|am)|\b(?:every (?:night|morning|day)|tous les (?:soirs|"
        r"matins|jours))\b"
    ),
}
# The name presented as an identification rather than met in a story: "Kevin Marchadier, il
# vit à ...", "real name Daniel Overbeck", "voilà : Sandrine Vial".
_INTRODUCED = re.compile(
    r"(?:real name|full name|name'?s|name is|vrai nom|nom complet|nom de famille|s'?appelle|"
    r"c'?est|it'?s|this is|voila|voici|trouve|found|:)\s*$"
)
_APPOSED = re.compile(r"^\s*[,.:;(–—-]")
# The speaker's own name: introduced ("je suis", "moi c'est"), or given for a delivery.
_INTRODUCING = re.compile(
    r"(?:je m'?appelle|moi c'?est|mon nom (?:c'?est|est)|my name is|my name'?s|i'?m|i am|je suis)\s*$"
)
# ... or with what they do first: "bonsoir, je suis plombier à mon compte, Hervé Lacombe",
# "I'm the new treasurer here, Anna Kowalski": a first-person introduction in the same
# sentence, the name apposed to it (no "que", "that", "il", "elle" between: "je suis sûre
# que Julie Martin ..." speaks of someone else).
_SELF_INTRODUCED = re.compile(
    r"\b(?:je suis|j'?suis|moi c'?est|moi(?=,)|ici|i'?m|i am|this is|here'?s)\b"
    r"(?![^,]*\b(?:que|qu'|that|il|elle|he|she|son|sa|his|her)\b)[^.!?]{0,55}[,:(–—-]\s*$"
)
_SENTENCE_END = re.compile(r"[.!?]")


def given(word: str) -> bool:
    """Whether the folded ``word`` (or its part before a hyphen) is a known given name."""
    return word.split("-")[0] in _GIVEN


def named_after(before: str) -> bool:
    """Whether a name after the folded ``before`` is a street's, a school's or a shop's."""
    return _NAMED_AFTER.search(before) is not None


def own_name(original: str, start: int, end: int) -> bool:
    """Whether the name at ``original[start:end]`` is the speaker's, introduced ("je suis
    Sophie Martin") or apposed to what they do ("moi, fleuriste à mon compte, Nadia Benali")."""
    before = Normalized(original[max(0, start - 25) : start]).folded.text
    before_long = Normalized(original[max(0, start - 70) : start]).folded.text
    return _INTRODUCING.search(before) is not None or _self_introduced(before_long, original[end:])


_THIRD_AFTER = re.compile(r"\b(?:il|elle|lui|eux|he|she|him|them|son|sa|ses|his|her)\b")


def _self_introduced(before: str, after: str) -> bool:
    """Whether the name is apposed to the speaker's introduction of themselves, and nothing
    after it in the sentence speaks of a third person."""
    if not _SELF_INTRODUCED.search(_SENTENCE_END.split(before)[-1]):
        return False
    rest = _SENTENCE_END.split(Normalized(after).folded.text, maxsplit=1)[0]
    return _THIRD_AFTER.search(rest) is None and not re.match(r"\s+[a-z]", rest)


_OWN = re.compile(
    r"\b(?:mon adresse|chez moi|a mon nom|my address|my place|c'?est moi|livr\w*|deliver\w*|"
    r"colis|parcel|envoi|courrier)\b"
)
# The famous dead and the places named after them: "Victor Hugo a vécu au 6 place des Vosges".
_HISTORY = re.compile(
    r"\b(?:a vecu|vivait|habitait|a habite|lived|was born|est nee?|est morte?|died|est enterree?|"
    r"is buried|maison natale|musee|museum|birthplace|plaque commemorative)\b"
)


def named_person(norm: Normalized) -> Signal | None:
    """A third person's full name with where they live, work or study.

    A home address, or two kinds of detail, make a dox. One kind (their workplace, their
    town) only counts, and only when the name is set out as an identification: in a story
    ("j'ai croisé Julie Martin au lycée") it is news of an acquaintance."""
    original = norm.original
    if original.islower():
        return None  # a name needs capitals: most chat lines have none, and skip the search
    text = norm.folded.text
    for match in _FULL_NAME.finditer(original):
        first = match.group("first")
        if first is not None and Normalized(first).folded.text.split("-")[0] not in _GIVEN:
            continue
        before = Normalized(original[max(0, match.start() - 25) : match.start()]).folded.text
        before_long = Normalized(original[max(0, match.start() - 70) : match.start()]).folded.text
        if _NAMED_AFTER.search(before):
            continue
        if _OWN.search(text) or _HISTORY.search(text):
            return None
        if _INTRODUCING.search(before) or _self_introduced(before_long, original[match.end() :]):
            continue  # "je suis Sophie Martin", "je suis plombier à mon compte, Hervé Lacombe"
        kinds = {kind for kind, pattern in _WHEREABOUTS.items() if pattern.search(text)}
        span = (match.start(), match.end())
        if "address" in kinds or len(kinds) >= 2:
            return Signal("doxx.name", 0.8, span)
        set_out = _INTRODUCED.search(before) or _APPOSED.match(original[match.end() :])
        if kinds and set_out:
            return Signal("doxx.name", 0.5, span)  # a call to use it makes the hold
        return None
    return None
