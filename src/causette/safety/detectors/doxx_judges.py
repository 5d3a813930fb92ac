"""Doxxing judges: whether a phrase match names a real person, place, routine or car.

The doxxing rules (``doxxing.py``) match in the folded view, which has lost capitals; these
judges look back at the original text, or at the sender's recent lines, to decide what the
match is worth. The phrases for a third person and a street live here too; the street is
shared with the named-person and recital detectors.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Judge
from causette.safety.normalize import Normalized

SOMEONE = (
    r"(?:il|elle|lui|le mec|la meuf|ce mec|cette meuf|ce gars|cette fille|ce type|cette nana|"
    r"son ex|mon ex|la fille|le gars|sa soeur|son frere|sa mere|son pere|ce connard|cette connasse|"
    r"he|she|his|her)"
)
STREET = r"(?:rue|avenue|av|bd|boulevard|allee|impasse|place|chemin|route|quai|cours|residence|cite|lotissement)"


def capitalised(norm: Normalized, match: re.Match[str], *groups: str) -> bool:
    view = norm.folded
    for group in groups:
        if match.group(group) is None:
            return False
        start, _ = view.span(match.start(group), match.end(group))
        if not norm.original[start : start + 1].isupper():
            return False
    return True


# Words that follow "her name is" without being a name.
_NOT_NAMES = frozenset(
    ("like", "whatever", "a", "the", "not", "so", "really", "kinda", "very", "too", "pretty",
     "literally", "just", "on", "in", "and", "is", "was", "lol", "something", "weird", "cute")
)  # fmt: skip


def name(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Capitals mark a name; "his real name is", "son nom de famille" say so without them.
    said = any(w in match.group() for w in ("nom de famille", "real name", "full name", "vrai nom"))
    words = {match.group("first"), match.group("last")}
    named = "name is" in match.group() and not words & _NOT_NAMES
    if said or named or capitalised(norm, match, "first", "last"):
        return ("doxx.name", 0.6)
    return None


# Where a routine can be waited for: a stop, a street, a door, a named place.
_ROUTINE_PLACE = re.compile(
    rf"\b(?:{STREET}|arret|station|gare|sortie|porte|devant|derriere|en bas de|au coin|parking|"
    r"ligne \d+|bus \d+|stop|gate|door|outside|behind|corner|car park|parking lot|"
    r"(?:a|au|a la|aux|de|du|at|on|from) [A-Z][a-z]+)\b"
)


def routine(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # The folded view has lost capitals: a named place ("à Jaurès", "at Tesco") is looked for
    # in the original text, the rest in the folded one.
    if _ROUTINE_PLACE.search(norm.folded.text) or re.search(
        r"\b(?:à|au|aux|a|at|on|from|de|du) [A-Z][a-zà-ÿ]+", norm.original
    ):
        return ("doxx.address", 0.65)
    return ("doxx.address", 0.45)  # noted: a call to use it makes the hold (doxxing.call)


# One's own car, for sale or for a lift: its plate is the seller's to give.
_OWN_VEHICLE = re.compile(
    r"\b(?:je (?:vends|vend|loue|prete)|a vendre|ma (?:voiture|caisse|bagnole|clio|twingo|208|"
    r"golf|moto|polo)|mon (?:vehicule|camion|van|scooter|utilitaire|suv)|my (?:car|van|bike|truck)|"
    r"i'?m selling|for sale|histovec|carte grise|controle technique|ct ok|sinistres?|kilometrage|km)\b"
)
# The plate itself, whole or in part (a French, British or other format; "starts KX19",
# "finit par 42"): "un témoin a noté la plaque" speaks of a plate and gives none.
_PLATE = re.compile(
    r"\b[a-z]{2}[- ]?\d{3}[- ]?[a-z]{2}\b|\b[a-z]{2}\d{2} ?[a-z]{3}\b|\b(?:plaque|immatricul\w*|immat|"
    r"plate|reg)\b[^.!?]{0,25}?(?:\b(?:commence|finit|termine|starts?|ends?|begins?)\w*"
    r"(?: par| with| in)? [a-z0-9]{2,}\b|\b(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{3,8}\b|\b\d{2,4}[ -]?[a-z]{2,3}"
    r"[ -]?\d{2,3}\b)"
)
_SOMEONE_ELSE = re.compile(rf"\b{SOMEONE}\b|\b(?:son|sa|ses|leur|his|her|their)\b")


def vehicle(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # A plate says whose car it is only next to someone else; one's own car for sale is an ad.
    text = norm.folded.text
    recent = [folded(earlier) for earlier in context.recent_from_sender[-3:]]
    if any(_OWN_VEHICLE.search(line) for line in (text, *recent)):
        return None
    # The make alone ("il roule en clio") is talk; the plate identifies the car.
    plate = _PLATE.search(text) is not None
    if plate and _SOMEONE_ELSE.search(text):
        return ("doxx.vehicle", 0.75)
    return ("doxx.vehicle", 0.45)


def named_place(rule_id: str, score: float) -> Judge:
    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return (rule_id, score) if capitalised(norm, match, "name") else None

    return judge


# A number handed to the listener so they can reach the person, at that person's wish: "elle
# peut vous appeler ? son numéro c'est ...", "je t'envoie son numéro", "appelle-le de ma
# part", "qu'il me prévienne", "il m'a dit de te le donner", "she said you can text her",
# said in the message or just before it. A referral, unless the same lines call for harassment.
_HANDOVER = re.compile(
    r"\b(?:il|elle|ils|elles) (?:peut|peuvent|pourra|pourront|va|vont) (?:vous|te|t'?)\s?(?:appeler|contacter|"
    r"ecrire|joindre|rappeler|appelle)\b|\b(?:vous|tu) (?:pouvez|peux|pourrez|pourras) (?:l'?|la |le |les )?"
    r"(?:appeler|contacter|joindre|ecrire|lui ecrire)\b|\bde ma part\b|\bje (?:t'?|vous )(?:envoie|donne|passe|"
    r"file|transmets|laisse) (?:son|sa|leur) (?:numero|num|06|07|tel|portable|contact)\b|\b(?:il|elle) "
    r"(?:attend|attendra) (?:ton|votre) (?:appel|message|sms)\b|\b(?:il|elle) est au courant\b|"
    r"\b(?:he|she|they) (?:said|says) (?:you can|to) (?:call|text|message)\b|\b(?:he|she)(?:'ll| will) "
    r"(?:call|text) you\b|\byou can (?:call|text|reach) (?:him|her|them)\b"
    r"|\b(?:il|elle|iel) (?:peut|pourra|pourrait|va|veut|voudrait|aimerait) (?:te |vous |t')"
    r"(?:appeler|contacter|ecrire|joindre|texter|rappeler|sonner)\b"
    r"|\bqu'?(?:il|elle|iel) (?:me |te |vous |nous |m'|t')(?:appelle|contacte|ecrive|previenne|"
    r"rappelle|joigne|texte)\b"
    r"|\b(?:il|elle) (?:m'?a|m'?avait) (?:dit|demande) de (?:te|vous) (?:le |la )?(?:donner|passer|"
    r"filer|envoyer|transmettre)\b|\bde sa part\b"
    r"|\b(?:he|she|they)(?: can|'ll| will| could| wants to| would like to) (?:call|text|contact|"
    r"reach|ring|message) (?:you|u|me)\b|\b(?:he|she|they) (?:asked|told) me to (?:give|pass|send)\b"
)
_HARASS = re.compile(
    r"\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|flood\w*|affich\w*|menace\w*|"
    r"threaten\w*|tabass\w*|faites tourner|fais tourner|balance\w*|regrette\w*|toute la nuit|"
    r"all night|ce que vous pensez|what you think)\b"
)


def handover(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """Someone's number: a referral counts (0.55, under the hold); otherwise it holds."""
    return ("doxx.phone", REFERRAL if handed_over(norm, context) else 0.8)


# What a referred number scores: noted, under the ``doxxing`` hold.
REFERRAL = 0.55


def handed_over(norm: Normalized, context: MessageContext) -> bool:
    """Whether a number in the message is handed over as a referral (see ``_HANDOVER``)."""
    text = norm.folded.text
    if not any(_HANDOVER.search(said) for said in (text, *map(folded, context.recent[-2:]))):
        return False
    lines = [text, *map(folded, context.recent_from_sender[-2:])]
    return not any(_HARASS.search(line) for line in lines)
