"""Judges of the age rules: whether the age a rule found is the speaker's, now.

A number after "j'ai" or "I'm" is the speaker's age only when it is not a time in the past
("depuis que j'ai 14 ans"), an age one feels ("I feel like I'm 15 again"), a duration ("j'ai
15 ans de retard") or a unit; an exam or a school is the speaker's only when no one else's
(a pupil's, a child's, a teacher's classes) is named. ``age.py`` holds the rules.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import SCHOOL_YEAR, age_value
from causette.safety.detectors.rules import Judge
from causette.safety.normalize import Normalized

# What may follow "j'ai 14 ans" without it being the speaker's age.
NOT_OWN_AGE = (
    r"(?!\s*(?:de (?:plus|moins|mariage|relation|couple|boite|carriere|metier|service|"
    r"diff|difference|experience|ecart)|d'(?:experience|ecart|anciennete)|d (?:experience|ecart)"
    r"|quand|lorsque|a l'epoque|ago|pour|c'?est|minimum|min|max|maximum|requis|\+|et plus|d'?age|de prison"
    r"|ferme|d'?ecart|d'?attente))"
)
NOT_UNIT = (
    r"(?!\s*(?:min|mins|minute|minutes|km|k|miles?|mi|h|hrs?|hours?|%|th|st|nd|rd|x|cm|kg|"
    r"lbs?|ft|feet|inch|inches|meters?|m|pm|am|euros?|dollars?|bucks|\$|€|:|\.\d|'|-|/|"
    r"sec|seconds|days?|weeks?|months?|years? (?:ago|into|in|of)|times))"
)


_SINCE = re.compile(r"\b(?:depuis que|depuis|quand|lorsque|des que|a l'?age ou|since|when)\s*$")


# An age one feels, acts or looks, not one's age: "I feel like I'm 15 again", "I act like I'm
# 12", "on dirait que j'ai 15 ans", "j'ai 12 ans dans ma tête", "I'm 14 at heart".
_AS_IF = re.compile(
    r"\b(?:feel|feels|felt|feeling|act|acts|acting|acted|behave|behaving|look|looking|dress|dressing|"
    r"sound|sounding) like\s*$|\b(?:as if|as though|comme si|on dirait que|on dirait qu'|tu crois que|"
    r"t'?as l'?impression que|pretend(?:ing)?(?: that)?|imagine)\s*$"
)
_FIGURATIVE_AFTER = re.compile(
    r"^\W*(?:ans?\W+)?(?:again|at heart|in my head|inside|mentally|emotionally|de nouveau|dans (?:ma|la) tete|"
    r"dans l'?ame|d'?age mental|mentalement|dans mon coeur)\b"
)
# "j'ai 15 ans de retard", "j'ai 20 ans de boîte": a duration, whatever the noun; "j'ai eu 14
# ans en 2009": a past year.
_DURATION_AFTER = re.compile(
    r"^\s*(?:de |d'|d )(?!toute|tt\b|ailleurs|accord|abord|ac\b)\w|^[^.!?]{0,12}\b(?:en|in) (?:19|20)\d\d\b"
)


def own_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age"))
    if age is None or age < 6:
        return None
    text = norm.folded.text
    # "depuis que j'ai 14 ans", "quand j'ai eu 15 ans": a time in the past, not an age now.
    if _SINCE.search(text, max(0, match.start() - 20), match.start()):
        return None
    if _AS_IF.search(text, max(0, match.start() - 30), match.start()):
        return None
    after = text[match.end() : match.end() + 40]
    if _FIGURATIVE_AFTER.match(after) or _DURATION_AFTER.match(after):
        return None
    if age < 18:
        return ("age.disclosure", 0.95 if age >= 10 else 0.7)
    if age < 100:
        return ("age.adult_claim", 0.6)
    return None


def introduced_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    word = next((group for group in match.groups() if group is not None), None)
    age = age_value(word) if word is not None else None
    if age is None or not 8 <= age < 18:
        return None
    return ("age.disclosure", 0.85)


_WAS = re.compile(
    r"\b(?:was|were|ago|il y a|etait|c'?etait|avait|j'?avais|back then|a l'?epoque)\b"
)


def reached_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "just turned 15" is 15; "gonna be 16", "my 16th birthday", "sweet sixteen" are 15 now.
    word = next((group for group in match.groups() if group is not None), None)
    if word is None:
        return None
    if _WAS.search(norm.folded.text):
        return None  # "my 16th birthday was great, 20 years ago"
    age = 16 if word in ("sixteen", "seize") else age_value(word)
    if age is None:
        return None
    now = age if "turned" in match.group() else age - 1
    if not 8 <= now < 18:
        return None
    return ("age.disclosure", 0.85)


def modified_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age") or match.group("age2"))
    if age is None or not 9 <= age < 18:
        return None
    if _SINCE.search(norm.folded.text, max(0, match.start() - 20), match.start()):
        return None
    return ("age.disclosure", 0.95)


def not_yet_either(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age") or match.group("age2") or match.group("age3"))
    if age is None or not 9 <= age <= 18:
        return None
    return ("age.disclosure", 0.9)


def probe_minor_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "you must be 15": guessing a minor's age; "tu fais 30 ans" is a compliment between adults.
    age = age_value(match.group("age"))
    if age is None or not 10 <= age < 18:
        return None
    return ("age.probe", 0.6)


def soon_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age") or match.group("age2"))
    if age is None or not 8 <= age <= 18:
        return None
    return ("age.disclosure", 0.85)


# Someone else's exams: "vous révisez le brevet ?", "ton fils passe le brevet", a teacher
# correcting the brevet blanc.
_OTHERS_EXAM = re.compile(
    r"\b(?:vous|tu|t'?as|ton|ta|tes|il|elle|ils|elles|mon fils|ma fille|mes (?:eleves|enfants|gosses|"
    r"filles|fils)|nos (?:eleves|enfants)|ses|son|sa|leur|leurs|your|his|her|their)\b[^.!?]{0,30}$"
)
# A whole class spoken of from the outside ("mes 4e", "vos 3e sont intenables", "moi c'est les
# terminales", "la moitié de la classe"): a teacher's or a parent's words about pupils, even
# when the next words are a pupil's (the brevet, the bac blanc, "en 3e").
PUPILS = (
    rf"\b(?:les|mes|nos|vos|ces|leurs) {SCHOOL_YEAR}s?\b(?! (?:annees?|ans)\b)"
    r"|\b(?:mes|nos|vos) (?:eleves|classes|gamins|gosses|loulous|ados)\b|\bla moitie (?:de la classe|d'entre eux)\b"
)
_TEACHING = re.compile(
    r"\b(?:corrig\w*|copies|eleves|surveill\w*|prof(?:s|esseur)? de|j'?enseigne|mes classes)\b|"
    + PUPILS
)


# The pupils as the subject after the exam: "le brevet blanc est lundi et ils ont rien révisé",
# "they haven't revised for it": a teacher or a parent speaking of those who sit it.
OTHERS_PREPARE = re.compile(
    r"\b(?:ils|elles|they) (?:n'?|ne )?(?:ont |ont rien |ont pas |ont jamais |ont deja |have |haven'?t |"
    r"have not |never )?(?:revise\w*|bosse\w*|travaille\w*|appris|prepare\w*|passent|passeront|"
    r"stress\w*|studied|study|revised|revise|prepared|sit|take|are sitting|are taking)\b"
)


# Parents speaking among parents: "des parents du collège Jean Vilar ?", "entre parents
# d'élèves", "ma fille aussi", "my son's mocks": the exam is their child's. ("Mes parents" is a
# pupil's own.)
PARENTS_SPEAKING = re.compile(
    r"\b(?:(?:des|les|aux|entre|other|any|fellow) parents|parents (?:d'?eleves|du college|du lycee|de la classe|"
    r"de (?:3e|4e|5e|6e|seconde|terminale)|of (?:year|the class))|(?:mon|notre) (?:fils|gamin|grand|ado|aine|cadet)|"
    r"(?:ma|notre) (?:fille|gamine|grande|ado|ainee|cadette)|nos enfants|mes (?:enfants|gosses|gamins)|"
    r"my (?:son|daughter|kids?|boy|girl)|our (?:son|daughter|kids?))\b"
)


def own_exam(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _OTHERS_EXAM.search(text, 0, match.start()) or _TEACHING.search(text):
        return None
    if PARENTS_SPEAKING.search(text):
        return None
    return ("age.disclosure", 0.8)


# A memory ("quand j'avais 15 ans mes parents m'interdisaient...") and staff at a school
# ("je suis au lycée comme surveillant") say a minor's words without being one.
PAST_LIFE = re.compile(
    r"\b(?:quand j'?(?:avais|etais)|a l'?epoque|a mon epoque|de mon temps|plus jeune|petite?|"
    r"ado|adolescente?|il y a \d+ ans)\b|\b\w+(?:aient|ait)\b"
)
STAFF = re.compile(
    r"\b(?:comme|en tant que) (?:surveillante?|prof\w*|cpe|aed|aesh|enseignante?|intervenante?|"
    r"stagiaire|remplacante?|infirmiere?|documentaliste|agent|cuisiniere?)\b|\bj'?y (?:travaille|bosse)\b|"
    r"\b(?:surveiller|corriger|enseigner|pour (?:bosser|travailler|mon boulot|le boulot)|mes eleves|"
    r"mes classes|reunion parents|conseil de classe des)\b|" + PUPILS
)


# The other's children named with the question: "tu as quel âge ton fils ?" asks a parent about
# a child, not the other's age. ("ma petite" is not here: a groomer's words; nor a brother or a
# sister, whose age a groomer asks too.)
THEIR_CHILD = re.compile(
    r"\b(?:ton (?:fils|gamin|gosse|bebe|petit dernier)|ta (?:fille|gamine|petite derniere)|"
    r"tes (?:enfants|gosses|gamins|filles|fils)|vos enfants|your (?:son|daughter|kids?|children))\b"
)


def unless(pattern: re.Pattern[str], rule_id: str, score: float) -> Judge:
    """A judge that keeps the rule unless ``pattern`` occurs in the message."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return None if pattern.search(norm.folded.text) else (rule_id, score)

    return judge


# The last year of school (terminale, the bac, not the bac de français of première) is still
# where someone declared 19 or 20 is after a repeated year: the disclosure does not contradict
# the declaration, so it is only noted (under the risk's "seen": neither a minor from now on nor
# a stage of a sequence). A declared 18, the floor a lying minor picks, keeps it; so does anyone
# older.
_FINAL_YEAR = re.compile(r"\b(?:terminale|tle|term|tale|bac)\b(?! (?:de )?(?:francais|fr)\b)")
CONSISTENT_WITH_DECLARED = 0.35


def final_year_consistent(said: str, context: MessageContext) -> bool:
    """Whether a disclosure ``said`` names only the final school year and the sender's
    declared age is one a pupil there can have (19 or 20)."""
    return 19 <= context.sender_age <= 20 and _FINAL_YEAR.search(said) is not None
