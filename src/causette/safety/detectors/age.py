"""Age: asking the other's age or school, saying one is a minor, and large declared gaps.

``age.disclosure`` is strict on grammar because it has consequences (a declared adult who
fires it is treated as a minor): first person, present tense. "J'avais 14 ans quand...",
"ma fille a 14 ans" and "mes élèves de 4e" never match, since each expression starts from the
speaker ("j'ai", "je suis", "moi", "I'm") and the tense of the verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import (
    AGE,
    J_AI,
    JE_SUIS,
    KIN,
    MES_PARENTS,
    SCHOOL_YEAR,
    TU_AS,
    TU_ES,
    age_value,
    folded,
    normalized,
)
from causette.safety.detectors.rules import Judge, RuleSet, rule
from causette.safety.gate import Setting, Signal
from causette.safety.normalize import Normalized
from causette.safety.risk import fits

# What may follow "j'ai 14 ans" without it being the speaker's age.
_NOT_OWN_AGE = (
    r"(?!\s*(?:de (?:plus|moins|mariage|relation|couple|boite|carriere|metier|service|"
    r"diff|difference|experience|ecart)|d'(?:experience|ecart|anciennete)|d (?:experience|ecart)"
    r"|quand|lorsque|a l'epoque|ago|pour|c'?est|minimum|min|max|maximum|requis|\+|et plus|d'?age|de prison"
    r"|ferme|d'?ecart|d'?attente))"
)
_NOT_UNIT = (
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


def _own_age(
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


def _introduced_age(
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


def _reached_age(
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


def _modified_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age") or match.group("age2"))
    if age is None or not 9 <= age < 18:
        return None
    if _SINCE.search(norm.folded.text, max(0, match.start() - 20), match.start()):
        return None
    return ("age.disclosure", 0.95)


def _not_yet_either(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    age = age_value(match.group("age") or match.group("age2") or match.group("age3"))
    if age is None or not 9 <= age <= 18:
        return None
    return ("age.disclosure", 0.9)


def _probe_minor_age(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "you must be 15": guessing a minor's age; "tu fais 30 ans" is a compliment between adults.
    age = age_value(match.group("age"))
    if age is None or not 10 <= age < 18:
        return None
    return ("age.probe", 0.6)


def _soon_age(
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


def _own_exam(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _OTHERS_EXAM.search(text, 0, match.start()) or _TEACHING.search(text):
        return None
    return ("age.disclosure", 0.8)


# A memory ("quand j'avais 15 ans mes parents m'interdisaient...") and staff at a school
# ("je suis au lycée comme surveillant") say a minor's words without being one.
_PAST_LIFE = re.compile(
    r"\b(?:quand j'?(?:avais|etais)|a l'?epoque|a mon epoque|de mon temps|plus jeune|petite?|"
    r"ado|adolescente?|il y a \d+ ans)\b|\b\w+(?:aient|ait)\b"
)
_STAFF = re.compile(
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


def _unless(pattern: re.Pattern[str], rule_id: str, score: float) -> Judge:
    """A judge that keeps the rule unless ``pattern`` occurs in the message."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return None if pattern.search(norm.folded.text) else (rule_id, score)

    return judge


_RULES = RuleSet(
    [
        # Asking the other's age, year of birth, class or school.
        rule(
            "age.probe",
            0.6,
            rf"\b(?:quel ?age {TU_AS}|{TU_AS} quel ?age|quel ?age (?:tu|t)|t'?as quel ?age|c'?est quoi ton age|ton age\s*\?|et ton age|ton age c'?est|quel est ton age|tu as (?:\d\d|combien) ans|{TU_AS} (?:\d\d|combien) ans|tu fais quel age|{TU_ES} nee? en quelle annee|{TU_ES} de quelle annee|tu es de quelle annee)",
            "age",
            "annee",
            " ans",
            # "tu as quel âge ton fils ?": the age of the other's child, between parents.
            judge=_unless(THEIR_CHILD, "age.probe", 0.6),
        ),
        rule(
            "age.probe",
            0.5,
            r"^\W*(?:et )?(?:ton )?age\W*\??\W*$|^\W*asv?l?\W*\??$",
            "age",
            "asl",
            "asv",
        ),
        rule(
            "age.probe",
            0.55,
            rf"\b{TU_ES} (?:majeure?|mineure?|majeur ou mineur|vraiment majeure?)\b",
            "majeur",
            "mineur",
        ),
        rule(
            "age.probe",
            0.7,
            rf"\b(?:{TU_ES} en quelle classe|en quelle classe|{TU_ES} en (?:quel|quelle) (?:niveau|annee)|{TU_ES} (?:encore )?(?:au|en) (?:college|lycee|primaire|6e|5e|4e|3e|seconde|2nde|premiere|terminale)\s*\?|{TU_ES} au college ou au lycee|tu vas (?:encore )?(?:a l'ecole|au college|au lycee)|(?:dans )?quel (?:college|lycee|bahut)|(?:dans )?quelle ecole|tu passes? (?:le|ton) brevet|{TU_AS} (?:le|ton) brevet)",
            "classe",
            "niveau",
            "college",
            "lycee",
            "primaire",
            "ecole",
            "bahut",
            "brevet",
            "annee",
            "6e",
            "5e",
            "4e",
            "3e",
            "seconde",
            "2nde",
            "premiere",
            "terminale",
        ),
        rule(
            "age.probe",
            0.6,
            r"\b(?:how old (?:are|r) (?:you|u)|how old ru|hw old|how old\s*\?|what(?:'?s| is) your age|ur age|(?:what|which) (?:grade|year)(?: (?:are|r) (?:you|u)(?: in)?|\s*\?)|what school do (?:you|u) go|are (?:you|u) in (?:middle|high) school|are (?:you|u) (?:over|under) 18|are (?:you|u) (?:a minor|underage|legal))",
            "old",
            "age",
            "grade",
            "year",
            "school",
            "18",
            "minor",
            "legal",
        ),
        rule(
            "age.probe",
            0.6,
            rf"\b(?:{TU_AS}|tu dois avoir|t'?as quoi|t'?aurais) (?:genre |quoi |donc |alors |environ |dans les |a peu pres |like )?(?:\d\d|{AGE}) ans\b|\b(?:you'?re|ur|u r|you are|so you'?re) (?:like |about |only |maybe |around )?(?P<age>{AGE})\b(?! ?(?:min|minutes|km|miles|%|k|years? (?:ago|into)))|\bso (?:about|like|around) \d\d\s*\?",
            "ans",
            "you",
            "ur",
            "u r",
            "so ",
        ),
        rule(
            "age.probe",
            0.6,
            rf"\b(?:you must be|you'?re probably|you are probably|you look|you seem|u must be|so you'?re|t'?as quoi|t'?as genre|t'?as pas plus de|tu dois avoir|t'?as l'?air d'?avoir|tu fais) (?:like |about |around |maybe |genre |quoi |environ )?(?P<age>{AGE})\b(?!\s*(?:min|minutes|km|miles|%|k|euros?|balles|cm|kg))",
            "must be",
            "probably",
            "you look",
            "you seem",
            "u look",
            "so you",
            "t'as",
            "tas ",
            "dois avoir",
            "air",
            "tu fais",
            judge=_probe_minor_age,
        ),
        # Saying one's own age, after a few words: "jsuis perdue en seconde", "je suis nulle en 4e".
        rule(
            "age.disclosure",
            0.85,
            rf"\b{JE_SUIS} (?:(?!prof|professeure?|enseignante?|cpe|surveillante?|aed|principale?|stagiaire|intervenante?|referente?|maman|papa|parent)\w+ ){{1,2}}en {SCHOOL_YEAR}\b(?!\s*(?:annee|an\b|ans\b|de (?:licence|fac|master|medecine|droit|bts|but|prepa)|ligne|position|place|page|partie|fois|main|division))",
            "6e",
            "5e",
            "4e",
            "3e",
            "eme",
            "seconde",
            "2nde",
            "2de",
            "premiere",
            "1ere",
            "1re",
            "terminale",
            "tle",
            "term",
            "tale",
            "cm1",
            "cm2",
            "sixieme",
            "cinquieme",
            "quatrieme",
            "troisieme",
        ),
        # Saying one's own age.
        rule(
            "age.disclosure",
            0.95,
            rf"\b{J_AI}\s*(?P<age>{AGE})\s*(?:ans?|yo)\b{_NOT_OWN_AGE}",
            " an",
            "0an",
            "1an",
            "2an",
            "3an",
            "4an",
            "5an",
            "6an",
            "7an",
            "8an",
            "9an",
            "yo",
            judge=_own_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            rf"^\W*(?:moi\s*:?\s*|perso\s*)?(?P<age>{AGE})\s*(?:ans?|yo|y/o|years old)\b{_NOT_OWN_AGE}",
            " an",
            "0an",
            "1an",
            "2an",
            "3an",
            "4an",
            "5an",
            "6an",
            "7an",
            "8an",
            "9an",
            "yo",
            "y/o",
            "years",
            judge=_own_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            rf"\b(?:moi c'?est|moi\s*(?:c )?|bientot|presque|je vais avoir|jvais avoir|j'aurai|jaurai|je fete mes|je fais mes)\s*(?P<age>{AGE})\s*(?:ans?)\b{_NOT_OWN_AGE}",
            " an",
            "0an",
            "1an",
            "2an",
            "3an",
            "4an",
            "5an",
            "6an",
            "7an",
            "8an",
            "9an",
            judge=_soon_age,
        ),
        rule(
            "age.disclosure",
            0.95,
            rf"\b(?:i'?m|i m|i am|im)\s+(?P<age>{AGE})\b{_NOT_UNIT}(?:\s*(?:years? old|yo|y/o|yrs?))?",
            "i'm",
            "im",
            "i m",
            "i am",
            judge=_own_age,
        ),
        # The other's school level or year of birth asked in other words: "u in high school?",
        # "t'es au lycée ou pas encore ?", "tu passes en seconde ?", "what year were you born".
        rule(
            "age.probe",
            0.6,
            r"\b(?:are |r )?(?:you|u) (?:still )?in (?:high school|middle school|junior high|hs|year (?:[6-9]|1[0-3])|"
            r"(?:[5-9]|1[0-2])th grade)\s*\?"
            rf"|\b{TU_ES} (?:encore |deja )?(?:au|en) (?:college|lycee|primaire|{SCHOOL_YEAR}) ou (?:pas|deja|plus|"
            r"encore|au (?:college|lycee)|en)\b"
            rf"|\btu (?:passes|rentres|vas) en {SCHOOL_YEAR}\b[^.!?\n]{{0,30}}\?"
            r"|\b(?:what year|when) (?:were|was) (?:you|u) born\b|\bwhat year (?:are|r) (?:you|u) from\b",
            "school",
            "junior",
            "hs",
            "year",
            "grade",
            "college",
            "lycee",
            "primaire",
            " ou ",
            "passes",
            "rentres",
            "vas en",
            "born",
        ),
        # Introducing oneself with the age: "15f", "f15 looking for friends", "16 m here", "moi
        # c'est Léa 14 ans", "Léa, 14 ans, Lyon", "hey im jake 13 from texas". The age is
        # followed by the end, a gender letter, "ans" or the next item of an introduction. ("h"
        # and "g" are not taken: "16h" is a time, "15g" a weight.)
        rule(
            "age.disclosure",
            0.85,
            r"^\W*(?:(?:hey|hi|hello|yo|slt|salut|cc|coucou|bjr|bonjour)\W+)?(?:(?P<age>1[0-7]|[89]) ?(?:f|m)"
            r"|(?:f|m) ?(?P<age2>1[0-7]|[89]))(?=\W*$|\W+(?:here|ici|looking|lf|cherche|from|dispo|fr|"
            r"france|uk|us|usa|bi|hetero|straight|single|celib)\b|\s*,)"
            r"|\b(?:moi c'?est|je m'?appelle|jm'?appelle|j'?m'?appelle|my name is|my name'?s|name'?s|i'?m|im|"
            r"i am)\s+(?!not\b|no\b|level\b|lvl\b|up\b|down\b|at\b|on\b|in\b|about\b|around\b|over\b|"
            r"under\b|top\b|number\b|rank\w*|niveau\b|pas\b|plus\b)[a-z]+\W{0,2}\s*(?P<age3>1[0-7]|[89])(?:\s*(?:ans|yo|y/o|years old))?"
            r"(?=\W*$|\W+(?:ans|yo|from|de|et|and|here|ici|f|m|lol|mdr|,|\.)\b|\s*[,.!])"
            r"|^\W*[a-z]+\s*,\s*(?P<age4>1[0-7]|[89]) ?(?:ans|yo|y/o)\b",
            "f",
            "m",
            "appelle",
            "name",
            "i'm",
            "im",
            "i am",
            " ans",
            "yo",
            judge=_introduced_age,
        ),
        # An age about to be reached or just reached: "just turned 15", "gonna be 16 next week",
        # "I'll be 15 in june", "i turn 14 in march", "my 15th birthday is next week", "sweet
        # sixteen", "mon anniv de 15 ans c'est demain". "Turning 18" is 17 now.
        rule(
            "age.disclosure",
            0.85,
            r"\b(?:i(?:'?ve)? just turned|just turned|i turned|(?:i'?m |im )?(?:gonna|going to) be|i'?ll be|i will be|"
            r"i turn|i'?m turning)\s+(?P<age>1[0-8]|[89])\b"
            # Then the end or a time, never a count: "gonna be 12 of us", "I'll be 14 hours".
            r"(?=\s*(?:$|[.,!?)]|next\b|in (?!a (?:minute|sec|bit)|\d)|on \w+day|this\b|soon\b|tomorrow\b|today\b|"
            r"tonight\b|demain\b|bientot\b|years?\b|yo\b|y/o\b|lol\b|haha\w*|mdr\b|and\b|et\b|but\b|mais\b|"
            r"btw\b|when\b|quand\b|en (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
            r"novembre|decembre)\b))"
            r"|\b(?:my|mon|mes) (?P<age2>1[0-8]|[89])(?:th|eme|e)? (?:birthday|bday|anniv|anniversaire)\b"
            r"|\b(?:mon|my) (?:anniv|anniversaire|birthday|bday) (?:de|for|of) (?P<age3>1[0-8]|[89]) ?(?:ans|years)?\b"
            r"(?! d[e'])"
            r"|\b(?:my|mes) (?:sweet )?(?P<age4>sixteen|seize)\b|\bsweet (?P<age5>sixteen)\b",
            "turned",
            "gonna",
            "going to",
            "i'll",
            "will be",
            "turn",
            "birthday",
            "bday",
            "anniv",
            "sixteen",
            "seize",
            judge=_reached_age,
        ),
        # One's own age with a word that stresses or rounds it: "j'ai que 14 ans", "j'ai à peine
        # 15 ans", "i'm only 15", "I'm turning 14", "i'm almost 15"; and "not yet": "j'ai pas
        # encore 18 ans", "I'm not even 16".
        rule(
            "age.disclosure",
            0.95,
            rf"\b{J_AI}\s*(?:que|seulement|juste|a peine|meme pas|quasiment|genre|tout juste)\s+"
            rf"(?P<age>{AGE})\s*ans?\b{_NOT_OWN_AGE}"
            rf"|\b(?:i'?m|im|i am|i m)\s+(?:only|just|barely|almost|nearly|turning|still|like)\s+"
            rf"(?P<age2>{AGE})\b{_NOT_UNIT}"
            r"(?!\s*(?:min|minutes|hours|miles|km|more|of|pages|people|points|times|games|levels|percent)\b)",
            "que",
            "seulement",
            "juste",
            "peine",
            "meme pas",
            "quasiment",
            "genre",
            "only",
            "just",
            "barely",
            "almost",
            "nearly",
            "turning",
            "still",
            "like",
            judge=_modified_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            # Not "j'ai pas 15 ans" nor "I'm not 15": the idiom for "I'm no child".
            rf"\b{J_AI}\s*(?:pas encore|meme pas encore|toujours pas)\s+(?P<age>{AGE})\s*ans?\b"
            rf"{_NOT_OWN_AGE}(?!\s*d[e']\s?\w)"
            rf"|\b(?:i'?m|im|i am|i m)\s+(?:not even|not quite|not yet)\s+(?P<age2>{AGE})\b{_NOT_UNIT}"
            rf"|\b(?:i'?m|im|i am|i m)\s+not\s+(?P<age3>{AGE})\s+yet\b",
            "pas encore",
            "toujours pas",
            "not",
            judge=_not_yet_either,
        ),
        rule(
            "age.disclosure",
            0.95,
            rf"\b(?:{JE_SUIS} (?:encore )?mineure?s?|i'?m (?:a )?(?:minor|underage|under 18))\b(?! de fond)",
            "mineur",
            "minor",
            "underage",
            "under 18",
        ),
        # School: the year, the school itself, exams, being at school tomorrow.
        rule(
            "age.disclosure",
            0.9,
            rf"\b(?:{JE_SUIS}|je rentre|je passe|je redouble|je vais|j'?entre|je serai|jserai) (?:en |ma |la )?{SCHOOL_YEAR}\b(?!\s*(?:annee|an\b|ans\b|de (?:licence|fac|master|medecine|droit|bts|but|prepa)|ligne|position|place|page|partie|fois|classe|main|division|\w+ (?:annee|de licence)))",
            "en ",
            "ma ",
            "la ",
        ),
        rule(
            "age.disclosure",
            0.85,
            rf"\b(?:{JE_SUIS}|je vais|je rentre|j'?vais|jvais|je retourne) (?:encore )?(?:au|en) (?:college|lycee|primaire|cm2|6e|5e|4e|3e)\b(?! (?:pour|chercher|recuperer|deposer|comme|en tant|ou|avec mon fils|avec ma fille|annee|an\b|ans\b|de (?:licence|fac|master|medecine|droit)))",
            "college",
            "lycee",
            "primaire",
            "cm2",
            "6e",
            "5e",
            "4e",
            "3e",
            judge=_unless(_STAFF, "age.disclosure", 0.85),
        ),
        rule(
            "age.disclosure",
            0.8,
            r"\b(?:brevet blanc|j'?ai (?:le |mon )?brevet|jai (?:le |mon )?brevet|je passe (?:le |mon )?brevet|mon brevet|le brevet (?:demain|lundi|mardi|jeudi|vendredi|la semaine)|revise(?:r)? (?:le|mon) brevet|bac blanc|je passe (?:le |mon )?bac(?: de francais)?|mon bac de francais|le bac de francais (?:demain|cette annee))\b",
            "brevet",
            "bac",
            judge=_own_exam,
        ),
        rule(
            "age.disclosure",
            0.75,
            r"\b(?:j'?ai cours (?:demain|ce matin|cet aprem|lundi|mardi|mercredi|jeudi|vendredi)(?: au| en)? (?:college|lycee)|(?:demain|lundi|ce matin) (?:au|j'?ai) (?:college|lycee)|mon (?:prof|professeur) principal|ma prof principale|mon (?:college|lycee) (?:est|c'est)|ma classe de (?:6e|5e|4e|3e|seconde|premiere)|mon carnet de (?:correspondance|liaison)|la (?:recre|cantine) (?:demain|du college|au college)|a la recre|conseil de classe (?:demain|de ma))\b",
            "cours",
            "college",
            "lycee",
            "prof",
            "classe",
            "carnet",
            "recre",
            "cantine",
        ),
        rule(
            "age.disclosure",
            0.9,
            rf"\b(?:i'?m|im|i am) in {SCHOOL_YEAR}\b|\b(?:so )?like (?:6|7|8|9|10|11)th grade\b|\b(?:i'?m|im|i am) (?:in|a) (?:(?:6|7|8|9|10|11)th grade|(?:sixth|seventh|eighth|ninth|tenth|eleventh) grade|middle school|junior high|year (?:7|8|9|10|11)|freshman in high school|sophomore in high school)\b",
            "grade",
            "school",
            "junior",
            "year",
            "i'm in",
            "im in",
            "i am in",
        ),
        rule(
            "age.disclosure",
            0.75,
            r"\b(?:i'?m|im|i am) in high school\b|\bi (?:have|got) school tomorrow\b",
            "school",
        ),
        # Parents who decide where the speaker may go: a curfew is a minor's life.
        rule(
            "age.disclosure",
            0.65,
            rf"\b(?:{MES_PARENTS}) (?:ne )?(?:veu[tx]?|voudr\w*|veulent|me laiss\w*|m'?interdis\w*|m'?autoris\w*|me permett\w*|me privent|me prive)(?: pas)? (?:que je (?:sorte|sort|aille|parle|rentre)|pas que je|me laisser|de sortir|sortir|que j'?aille|pas|plus)\b",
            "parents",
            "mere",
            "maman",
            "daronne",
            "pere",
            "papa",
            "daron",
            "vieux",
            "famille",
            judge=_unless(_PAST_LIFE, "age.disclosure", 0.65),
        ),
        rule(
            "age.disclosure",
            0.75,
            rf"\b(?:je dois (?:demander a|rentrer avant que) {MES_PARENTS}|{MES_PARENTS} (?:m'?a|m'?ont) (?:confisque|pris|supprime) (?:mon|le) (?:tel|telephone|portable|phone)|je suis (?:prive|privee) de (?:tel|telephone|portable|sortie)|je dois etre rentr\w* (?:avant|a) \d\d ?h|{MES_PARENTS} (?:me tue|va me tuer|vont me tuer) si|couvre[- ]feu)",
            "dois",
            "confisque",
            "pris",
            "supprime",
            "prive",
            "rentr",
            "tue",
            "tuer",
            "couvre",
        ),
        rule(
            "age.disclosure",
            0.75,
            r"\bmy (?:mom|mum|dad|parents|mother|father) (?:won'?t|wont|doesn'?t|don'?t|dont|will not) (?:let|allow) me\b|\bi'?m grounded\b|\bmy (?:mom|mum|parents) took my phone\b",
            "let",
            "allow",
            "grounded",
            "took",
        ),
        rule(
            "age.disclosure",
            0.6,
            rf"\bj'?ai (?:un |une )?(?:controle|interro|eval|evaluation|devoir surveille|ds|dm) (?:de \w+ |d'\w+ )?(?:demain|lundi|mardi|mercredi|jeudi|vendredi|cette semaine)\b|\b(?:ma|mon) (?:prof|professeur|professeure) (?:de|d') ?(?:maths?|francais|sport|eps|svt|histoire|histoire-geo|anglais|espagnol|allemand|physique|techno|musique|arts plastiques)\b|\b{MES_PARENTS} (?:m'?a|m'?ont) prive\w* de (?:sortie|tel|telephone|portable|console|ordi|wifi)\b|\bje dois (?:etre )?rentr\w* (?:avant|a|pour) \d\d ?h\b|\bsinon {MES_PARENTS} (?:me tue|va me tuer|vont me tuer|m'?engueule|va m'?engueuler|me dispute)\b",
            "controle",
            "interro",
            "eval",
            "devoir",
            "ds",
            "dm",
            "prof",
            "prive",
            "rentr",
            "sinon",
        ),
        rule(
            "age.probe",
            0.7,
            rf"\b{TU_ES} nee? en (?:19|20)\d\d\b|\b{TU_ES} de (?:20)[01]\d\b|\b(?:ton anniv|ton anniversaire) (?:c'?est quand|c'?est le|tombe quand)\b|\bwhen(?:'?s| is) (?:your|ur) birthday\b",
            "nee",
            "ne en",
            "de 20",
            "anniv",
            "birthday",
        ),
    ]
)

# A short answer: the age or the year, then at most a few words ("14 et toi ?", "15 yes lol").
# Whatever follows the answer ("15 ouais chut", "3e mais dis pas"), up to four words, unless
# the number is a quantity ("20 minutes", "16 euros").
_ANSWER_TAIL = (
    r"(?!\s*(?:min|mins|minutes?|h|heures?|hours?|km|kg|cm|m|euros?|€|\$|balles|%|fois|times|"
    r"personnes|people|kilos?|ans? (?:de|d')|years? (?:of|ago)|eme (?:etage|arrondissement))\b)"
    r"(?:\W+\w+){0,4}\W*$"
)
_ANSWER_LEAD = (
    r"(?:(?:yeah|yes|yep|ouais|oui|ouai|wi|bah|ben|bof|euh|lycee|college|high school|moi)\W+)*"
)
_BARE_AGE = re.compile(
    rf"^\W*{_ANSWER_LEAD}(?:moi\s*:?\s*|j'?en ai\s*|i'?m\s*)?(?P<age>{AGE}){_ANSWER_TAIL}"
)
_SCHOOL_NAMED = re.compile(r"\b(?:lycee|college|high school|middle school)\b")
_GRADE = (
    r"(?:[5-9]th|1[01]th|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|year (?:[6-9]|1[01])|"
    r"freshman|sophomore|middle school|junior high)"
)
_BARE_YEAR = re.compile(
    rf"^\W*{_ANSWER_LEAD}(?:en\s+|je suis en\s+|(?:i'?m\s+)?in\s+)?(?P<year>{SCHOOL_YEAR}|{_GRADE})"
    rf"(?:\s?[a-h1-9]\b|\s+grade)?{_ANSWER_TAIL}"
)


def _answers_probe(context: MessageContext) -> bool:
    """Whether one of the last few messages asked the speaker's age or class."""
    for earlier in context.recent[-3:]:
        folded = normalized(earlier)
        if any(item.rule == "age.probe" for item in _RULES.scan(folded, context)):
            return True
    return False


# Someone declared a minor who says the age shown is not theirs and that they are an adult: "c'est
# juste pour rentrer ici, j'en ai 24", "I say 17 here, I'm 26", "en vrai j'ai 25 ans", "my
# real age is 30". An adult among minors under a minor's age, whatever the words of the lie.
_ADULT_NOW = re.compile(
    rf"(?:\b(?:{J_AI}|j'?en ai|jen ai|i'?m|im|i am|now i am|i'?m actually|i'?m really|"
    r"mon vrai age (?:c'?est |est |: )?|my real age (?:is |: )?|real age)\s*)(?P<age>\d{2})\b"
    # An age, not a count of things: "j'ai 20 euros", "i'm 25 minutes away".
    r"(?!\s+(?!ans\b|years?\b|yo\b|mais\b|but\b|lol\b|haha\w*|mdr\b|en\b|irl\b|et\b|and\b|pour\b|"
    r"here\b|ici\b|now\b|maintenant\b|ok\b|tho\w*\b|donc\b|so\b|actually\b|really\b)[a-z])"
)
_LIE_FRAME = re.compile(
    r"\b(?:en vrai|en realite|pour de vrai|vrai age|actually|really|irl|in real life|for real|"
    r"real age|pour (?:rentrer|entrer|m'?inscrire|pouvoir (?:rentrer|entrer|parler|venir))|"
    r"to get in|to join|to sign up|(?:j'?ai mis|jai mis|je dis|je mets|j'?ai dit|i say|i put|i said|i wrote)"
    r" \d{2}|sur (?:mon|le) profil|on (?:my|the) profile|nobody talks? to old|personne parle aux vieux)\b"
)


def _adult_posing(text: str, context: MessageContext) -> Signal | None:
    if context.sender_age >= 18 or _LIE_FRAME.search(text) is None:
        return None
    for match in _ADULT_NOW.finditer(text):
        age = int(match.group("age"))
        # Far enough above the declared age not to be a birthday the profile missed.
        if 19 <= age < 100 and age - context.sender_age >= 4:
            return Signal("age.adult_posing", 0.85, (0, 0))
    return None


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Probes, disclosures and adult claims in the message; the declared gap in private."""
    yield from _RULES.scan(norm, context)
    if context.sender_age < 18:
        posing = _adult_posing(norm.folded.text, context)
        if posing is not None:
            yield posing
    view = norm.folded
    text = view.text
    # "14" or "4e" on its own is an answer only right after someone asked.
    bare = _BARE_AGE.match(text) if len(text) < 32 else None
    if bare is not None and context.recent and _answers_probe(context):
        age = age_value(bare.group("age"))
        if age is not None and 8 <= age < 18:
            yield Signal("age.disclosure", 0.9, view.span(bare.start("age"), bare.end("age")))
        elif age is not None and 18 <= age < 100:
            yield Signal("age.adult_claim", 0.5, view.span(bare.start("age"), bare.end("age")))
    year = _BARE_YEAR.match(text) if len(text) < 32 else None
    # "lycée, 2nde" names the school and the year: a disclosure even unasked.
    if year is not None and (
        _SCHOOL_NAMED.search(text) or (context.recent and _answers_probe(context))
    ):
        yield Signal("age.disclosure", 0.85, view.span(year.start("year"), year.end("year")))
    gap = age_gap(context)
    if gap is not None:
        yield gap


def age_gap(context: MessageContext) -> Signal | None:
    """``age.gap`` for a private conversation across the age line or with a wide gap.

    Emitted with an empty span: it is a fact about the pair, not about words.
    """
    if context.setting is not Setting.PRIVATE or context.recipient_age is None:
        return None
    sender_minor = context.sender_minor or context.sender_age < 18
    recipient_minor = bool(context.recipient_minor) or context.recipient_age < 18
    gap = abs(context.sender_age - context.recipient_age)
    if sender_minor != recipient_minor:
        # A minor and an adult: the wider the gap, the surer the concern.
        return Signal("age.gap", min(1.0, 0.7 + gap / 30), (0, 0))
    if sender_minor and recipient_minor:
        return Signal("age.gap", 0.4, (0, 0)) if gap >= 4 else None
    if gap >= 15 and min(context.sender_age, context.recipient_age) < 21:
        return Signal("age.gap", 0.5, (0, 0))
    return None


# Someone says that another person here is a minor: "attention elle a 14 ans", "il a que 13
# ans", "elle est mineure", "c'est une gamine", "she's only 13 guys", "15 and he's 16", "they're
# minors". Present tense and a pronoun (or a handle) for the subject: "il avait 14 ans" is a
# story, and "ma fille a 14 ans" a parent's (the speaker's family is looked for around it).
_MODIFIER = (
    r"(?:que |seulement |juste |meme pas |genre |a peine |only |just |barely |like |literally )?"
)
_REPORTED_AGE = re.compile(
    rf"(?:\b(?:il|elle)|@\w+) (?:n'?)?a {_MODIFIER}(?P<age3>{AGE}) ans\b{_NOT_OWN_AGE}"
    rf"|\b(?:ils|elles) (?:n'?)?ont {_MODIFIER}(?P<age>{AGE}) ans\b{_NOT_OWN_AGE}"
    rf"|(?:\b(?:he|she)|@\w+)(?:'s| is| has) {_MODIFIER}(?P<age4>{AGE})"
    rf"(?: years? old| yo| y/o)?\b{_NOT_UNIT}(?! (?:and|et) (?:a half|demi))"
    rf"|\bthey(?:'re| are) {_MODIFIER}(?P<age2>{AGE})"
    rf"(?: years? old| yo| y/o)?\b{_NOT_UNIT}(?! (?:and|et) (?:a half|demi))"
)
_REPORTED_STATUS = re.compile(
    r"\b(?:(?:il|elle) est|(?:ils|elles) sont|(?:he|she)(?:'s| is)|(?:they)(?:'re| are)) (?:encore |que |"
    r"juste |only |just |still )?(?:mineure?s?|une? (?:gamine?|gosse|enfant|ado|collegienne?)|"
    r"au college|en (?:cm1|cm2|6e|5e|4e|3e|6eme|5eme|4eme|3eme)|a minor|minors|underage|a kid|kids|"
    r"a child|children|in (?:middle school|junior high|(?:[5-9]|1[01])th grade))\b"
    r"|\bc'? ?est (?:une |un )?(?:mineure?|gamine? de \d{1,2} ans|gosse de \d{1,2} ans)\b"
)
_REPORTED_HINT = re.compile(
    r"\d|mineur|minor|underage|gamin|gosse|enfant|kid|child|college|grade|ado\b"
)


def _says_minor_present(text: str) -> bool:
    """Whether a folded line says that someone (not the speaker) is a minor."""
    if _REPORTED_HINT.search(text) is None:
        return False
    if _REPORTED_STATUS.search(text):
        return True
    for match in _REPORTED_AGE.finditer(text):
        word = next(group for group in match.groups() if group is not None)
        age = age_value(word)
        if age is not None and 8 <= age < 18:
            return True
    return False


# What an adult does in a room to take a minor away from it: a private message, another app, a
# number, photos, the age asked, a meeting, money. Another app counts as an invitation or a
# handle (0.55 and more), not named in passing ("instagram a changé son algo").
APPROACH = (
    "private.invite",
    "offplatform",
    "contact.request",
    "photo.request",
    "age.probe",
    "meet.request",
    "gift.money",
    "gift.card",
)


def approaches(signals: Iterable[Signal]) -> bool:
    """Whether one of ``signals`` is an approach (``APPROACH``) strong enough to count."""
    for signal in signals:
        if fits(APPROACH, signal.rule):
            floor = 0.55 if signal.rule.startswith("offplatform.") else 0.4
            if signal.score >= floor:
                return True
    return False


def reported_minor(context: MessageContext) -> Signal | None:
    """``age.reported_minor`` when, in a room, someone other than the sender said in the last
    few messages that a person here is a minor. Looked at only when the message approaches
    someone (``APPROACH``): the policy weighs the approach as if a minor had spoken."""
    if context.setting is not Setting.ROOM or not context.recent:
        return None
    own = set(context.recent_from_sender)
    recent = context.recent[-8:]
    for index, line in enumerate(recent):
        if line in own:
            continue
        text = folded(line)
        if not _says_minor_present(text):
            continue
        # "ma fille a 14 ans ... elle est en 4e": a parent speaking of their child.
        if any(KIN.search(folded(earlier)) for earlier in recent[max(0, index - 2) : index + 1]):
            continue
        return Signal("age.reported_minor", 0.8, (0, 0))
    return None
