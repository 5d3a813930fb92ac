"""Age: asking the other's age or school, saying one is a minor, and large declared gaps.

``age.disclosure`` is strict on grammar because it has consequences (a declared adult who
fires it is treated as a minor): first person, present tense. "J'avais 14 ans quand...",
"ma fille a 14 ans" and "mes élèves de 4e" never match, since each expression starts from the
speaker ("j'ai", "je suis", "moi", "I'm") and the tense of the verb. The weaker cues of a
pupil's life (an exam, a teacher, a curfew) have no such grammar: ``age_speaker`` keeps them
only when the pupil is the speaker, now (not a teacher's classes, a parent's child, a memory).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.age_context import adult_posing, age_gap
from causette.safety.detectors.age_judges import (
    CONSISTENT_WITH_DECLARED,
    NOT_OWN_AGE,
    NOT_UNIT,
    PAST_LIFE,
    STAFF,
    THEIR_CHILD,
    final_year_consistent,
    introduced_age,
    modified_age,
    not_yet_either,
    own_age,
    own_exam,
    probe_minor_age,
    reached_age,
    soon_age,
    unless,
)
from causette.safety.detectors.age_speaker import and_pupil_now, pupil_now
from causette.safety.detectors.phrases import (
    AGE,
    J_AI,
    JE_SUIS,
    MES_PARENTS,
    PARENT_WORDS,
    SCHOOL_YEAR,
    TU_AS,
    TU_ES,
    age_value,
    folded,
    normalized,
)
from causette.safety.detectors.rules import DIGITS, RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# The anchors of an age said with its unit: "14 ans", "14ans", "14 yo".
AGE_UNIT_ANCHORS = (" an", *(f"{digit}an" for digit in range(10)))

# The years of secondary school as Québec and Belgium name them (ages 12 to 17): "secondaire
# 2", "sec 4", "3e secondaire", "rhéto".
REGIONAL_YEAR = (
    r"(?:(?:secondaire|sec) ?[1-5]|(?:[1-6](?:e|eme|ieme|re|ere)|premiere|deuxieme|troisieme|"
    r"quatrieme|cinquieme|sixieme) secondaire|rheto)"
)

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
            judge=unless(THEIR_CHILD, "age.probe", 0.6),
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
            judge=probe_minor_age,
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
            rf"\b{J_AI}\s*(?P<age>{AGE})\s*(?:ans?|yo)\b{NOT_OWN_AGE}",
            *AGE_UNIT_ANCHORS,
            "yo",
            judge=own_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            rf"^\W*(?:moi\s*:?\s*|perso\s*)?(?P<age>{AGE})\s*(?:ans?|yo|y/o|years old)\b{NOT_OWN_AGE}",
            *AGE_UNIT_ANCHORS,
            "yo",
            "y/o",
            "years",
            judge=own_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            rf"\b(?:moi c'?est|moi\s*(?:c )?|bientot|presque|je vais avoir|jvais avoir|j'aurai|jaurai|je fete mes|je fais mes)\s*(?P<age>{AGE})\s*(?:ans?)\b{NOT_OWN_AGE}",
            *AGE_UNIT_ANCHORS,
            judge=soon_age,
        ),
        rule(
            "age.disclosure",
            0.95,
            rf"\b(?:i'?m|i m|i am|im)\s+(?P<age>{AGE})\b{NOT_UNIT}(?:\s*(?:years? old|yo|y/o|yrs?))?",
            "i'm",
            "im",
            "i m",
            "i am",
            judge=own_age,
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
            *DIGITS,  # every branch holds the age in figures
            judge=introduced_age,
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
            judge=reached_age,
        ),
        # One's own age with a word that stresses or rounds it: "j'ai que 14 ans", "j'ai à peine
        # 15 ans", "i'm only 15", "I'm turning 14", "i'm almost 15"; and "not yet": "j'ai pas
        # encore 18 ans", "I'm not even 16".
        rule(
            "age.disclosure",
            0.95,
            rf"\b{J_AI}\s*(?:que|seulement|juste|a peine|meme pas|quasiment|genre|tout juste)\s+"
            rf"(?P<age>{AGE})\s*ans?\b{NOT_OWN_AGE}"
            rf"|\b(?:i'?m|im|i am|i m)\s+(?:only|just|barely|almost|nearly|turning|still|like)\s+"
            rf"(?P<age2>{AGE})\b{NOT_UNIT}"
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
            judge=modified_age,
        ),
        rule(
            "age.disclosure",
            0.9,
            # Not "j'ai pas 15 ans" nor "I'm not 15": the idiom for "I'm no child".
            rf"\b{J_AI}\s*(?:pas encore|meme pas encore|toujours pas)\s+(?P<age>{AGE})\s*ans?\b"
            rf"{NOT_OWN_AGE}(?!\s*d[e']\s?\w)"
            rf"|\b(?:i'?m|im|i am|i m)\s+(?:not even|not quite|not yet)\s+(?P<age2>{AGE})\b{NOT_UNIT}"
            rf"|\b(?:i'?m|im|i am|i m)\s+not\s+(?P<age3>{AGE})\s+yet\b",
            "pas encore",
            "toujours pas",
            "not",
            judge=not_yet_either,
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
        # The year said as in Québec and Belgium: "chu en secondaire 2", "je suis en 3e
        # secondaire", "en sec 4", "je suis en rhéto" (ages 12 to 17); the cégep comes after.
        rule(
            "age.disclosure",
            0.85,
            rf"\b(?:{JE_SUIS}|chu|chus|je rentre|je passe|je redouble|je vais|j'?entre|je serai) en "
            rf"{REGIONAL_YEAR}\b",
            "secondaire",
            "sec ",
            "sec1",
            "sec2",
            "sec3",
            "sec4",
            "sec5",
            "rheto",
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
            judge=pupil_now("age.disclosure", 0.85, unless=STAFF),
        ),
        rule(
            "age.disclosure",
            0.8,
            r"\b(?:brevet blanc|j'?ai (?:le |mon )?brevet|jai (?:le |mon )?brevet|je passe (?:le |mon )?brevet|mon brevet|le brevet (?:demain|lundi|mardi|jeudi|vendredi|la semaine)|revise(?:r)? (?:le|mon) brevet|bac blanc|je passe (?:le |mon )?bac(?: de francais)?|mon bac de francais|le bac de francais (?:demain|cette annee))\b",
            "brevet",
            "bac",
            judge=and_pupil_now(own_exam),
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
            judge=pupil_now("age.disclosure", 0.75),
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
            judge=pupil_now("age.disclosure", 0.75),
        ),
        # Parents who decide where the speaker may go: a curfew is a minor's life.
        rule(
            "age.disclosure",
            0.65,
            rf"\b(?:{MES_PARENTS}) (?:ne )?(?:veu[tx]?|voudr\w*|veulent|me laiss\w*|m'?interdis\w*|m'?autoris\w*|me permett\w*|me privent|me prive)(?: pas)? (?:que je (?:sorte|sort|aille|parle|rentre)|pas que je|me laisser|de sortir|sortir|que j'?aille|pas|plus)\b",
            *PARENT_WORDS,
            judge=pupil_now("age.disclosure", 0.65, unless=PAST_LIFE),
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
            judge=pupil_now("age.disclosure", 0.75),
        ),
        rule(
            "age.disclosure",
            0.75,
            r"\bmy (?:mom|mum|dad|parents|mother|father) (?:won'?t|wont|doesn'?t|don'?t|dont|will not) (?:let|allow) me\b|\bi'?m grounded\b|\bmy (?:mom|mum|parents) took my phone\b",
            "let",
            "allow",
            "grounded",
            "took",
            judge=pupil_now("age.disclosure", 0.75),
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
            judge=pupil_now("age.disclosure", 0.6),
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
    rf"^\W*{_ANSWER_LEAD}(?:en\s+|je suis en\s+|(?:i'?m\s+)?in\s+)?"
    rf"(?P<year>{SCHOOL_YEAR}|{_GRADE}|{REGIONAL_YEAR})"
    rf"(?:\s?[a-h1-9]\b|\s+grade)?{_ANSWER_TAIL}"
)


def _answers_probe(context: MessageContext) -> bool:
    """Whether one of the last few messages asked the speaker's age or class."""
    for earlier in context.recent[-3:]:
        folded = normalized(earlier)
        if any(item.rule == "age.probe" for item in _RULES.scan(folded, context)):
            return True
    return False


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Probes, disclosures and adult claims in the message; the declared gap in private."""
    for found in _RULES.scan(norm, context):
        said = folded(norm.original[found.span[0] : found.span[1]])
        if found.rule == "age.disclosure" and final_year_consistent(said, context):
            found = Signal(found.rule, CONSISTENT_WITH_DECLARED, found.span)
        yield found
    if context.sender_age < 18:
        posing = adult_posing(norm.folded.text, context)
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
