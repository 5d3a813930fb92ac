"""Whose school life a message tells: the speaker's now, someone else's, or a memory.

The weaker ``age.disclosure`` cues (an exam, a teacher, a curfew, parents who forbid) are a
pupil's words only when the pupil is the speaker, now. The same words come from a teacher
about their classes ("le brevet blanc est la semaine prochaine et ils ont rien révisé"), a
parent about a child ("couvre-feu 19h30 pour le mien") and an adult telling their youth ("c'est
ma prof de SVT qui a remarqué que j'allais pas bien", after "ce qui m'était arrivé à 13 ans").
Who the speaker is may have been said a few messages earlier, by the speaker: their own
recent lines are read too (never the others', whose children and pupils are theirs).
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.age_judges import OTHERS_PREPARE, PUPILS
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Judge
from causette.safety.normalize import Normalized

# The rule is about someone the speaker looks after: "pour le mien", "for my son", "mes 4e".
_FOR_OTHERS = re.compile(
    r"\b(?:pour|for|chez) (?:le mien|la mienne|les miens|les miennes|mon fils|ma fille|mes enfants|"
    r"mes filles|mes fils|mes gosses|mes gamins|mes ados|mon ado|les enfants|les petits|eux|"
    r"my (?:son|daughter|kids?|children|teens?)|mine|them)\b|"
    r"\b(?:my|our) (?:son|daughter|kids?|children|teens?|students|pupils)\b|"
    # One pupil told of by whoever set the exam: "j'en ai eu un qui a rendu copie blanche",
    # "deux d'entre eux", "I had one who drew a cat".
    r"\bj'?en ai (?:eu )?(?:un|une|deux|trois|\d+) (?:qui|a qui|dont)\b|"
    r"\b(?:un|une|deux|trois) d'entre (?:eux|elles)\b|\bi had (?:one|a kid|a student) who\b|"
    + PUPILS
)
# The speaker says they teach or work at a school: "je suis prof de français", "moi je suis
# CPE", "j'enseigne", "mes élèves", "I teach year 9".
_TEACHER = re.compile(
    r"\b(?:je suis|jsuis|chui|moi c'?est|en tant que|i'?m a|i am a|as a|im a) (?:\w+ )?"
    r"(?:prof|profs|professeure?|enseignante?|instit\w*|cpe|teacher|pion|surveillante?|aed|aesh|"
    r"principale?|directrice|directeur|maitresse|maitre d'?ecole|documentaliste)\b"
    r"|\bj'?enseigne\b|\bi teach\b|\bmes (?:eleves|classes|copies)\b|\bmy (?:students|pupils)\b"
    # The subject taught and where, or the years in the job: "maths en collège, 26 ans de
    # carrière", "prof d'anglais au lycée", "twenty years in the classroom".
    r"|\b(?:maths|francais|histoire(?:[- ]geo)?|anglais|espagnol|allemand|svt|physique(?:[- ]chimie)?|"
    r"eps|techno|musique|latin|philo) (?:en|au) (?:college|lycee|6e|5e|4e|3e|seconde|2nde)\b"
    r"|\bprof(?:esseure?)? (?:de|d'|d |en) ?\w+ (?:en|au|dans un) (?:college|lycee)\b"
    r"|\b\d+ ans (?:de carriere|d'?enseignement|dans l'?education)\b|\bsalle des profs\b"
    r"|\byears (?:of teaching|in the classroom)\b"
    r"|\b(?:je|j') ?(?:corrige|surveille)\b|" + PUPILS
)
# The speaker says they have children: a child named as the subject of a verb or with an age
# ("mon fils a eu snap à 14 ans", "ma fille est en 4e", "my daughter just got her phone"). A
# bare "ma fille" is not: between teenage girls it is a way of calling each other.
_PARENT = re.compile(
    r"\b(?:mon fils|ma fille|mes enfants|mes filles|mes fils|mes gosses|mes gamins|mes ados|mon ado)"
    r"(?: de \d{1,2} ans| \(?\d{1,2} ans\)?| \d{1,2})? (?:a|ont|est|sont|fait|font|va|vont|veut|veulent|"
    r"passe|passent|rentre|rentrent|me|m'|a eu|commence|entre|joue|jouent|cherche|harcele|n'a|n'ont|"
    r"ne|aussi|qui)\b"
    r"|\bmy (?:son|daughter|kids?|children|teens?)(?: \(?\d{1,2}\)?)?(?:'s| is| has| was| just| got| "
    r"wants| goes| plays| started| keeps| asked)\b"
    r"|\bmy \d{1,2} ?(?:year|yr)[- ]old\b"
    r"|\b(?:je suis|en tant que|moi (?:je suis|en tant que)) (?:une |un )?(?:maman|papa|parent|mere|pere)"
    r"(?: de| d'|\b)|\b(?:i'?m a|as a|im a) (?:mom|mum|dad|parent|mother|father)\b"
)
# A time of the speaker's youth: an age that is theirs only in the past ("à 14 ans un type
# m'a parlé", "when I was 13"), compared with the declared age below; or said in words.
_AGE_BACK_THEN = re.compile(
    # French with its unit ("j'ai eu 15 en philo" is a mark), "à 14 ans" opening a clause or
    # after what happened then (never the verb: "mon frère a 12 ans"); English "when I was 13".
    r"(?:^|[,.!?;:(]\s*|\b(?:et|mais|puis|vers|des|depuis|quand|arrivee?|passee?|commence|eu \w+) )"
    r"(?:vers |des )?a\s*(?P<age>\d{1,2})\s*ans\b"
    r"|\b(?:quand j'?avais|j'?avais|quand j'?ai eu)\s*(?P<age4>\d{1,2})\s*ans\b"
    r"|\b(?:when i was|i was)\s*(?P<age2>\d{1,2})\b(?!\s*(?:min|minutes|hours|h|km|miles|pm|am|%))"
    r"|\bat(?: age)? (?P<age3>\d{1,2})(?:\s*(?:years? old|yo)\b|\s*,)"
)
_BACK_THEN = re.compile(
    r"\b(?:a l'?epoque|a mon epoque|de mon temps|quand j'?etais (?:au college|au lycee|en \w+|ado|"
    r"adolescente?|petite?|jeune|gamine?|mineure?|enfant|gosse)|when i was (?:in (?:middle|high|"
    r"junior high|primary|secondary) school|a (?:kid|teen|teenager|child)|young|little|younger)|"
    r"back (?:then|in (?:middle|high) school|in the day)|(?:il y a|y'?a|ca fait) (?:\d+|des|quelques|"
    r"plein d') ans|des annees (?:plus tard|apres)|j'?ai mis des annees|years (?:ago|later)|"
    r"as a (?:kid|teen|teenager|child))\b"
)
# What keeps a cue in the present whatever was said before: "demain", "this week".
_NOW = re.compile(
    r"\b(?:demain|ce matin|cet aprem|cet apres[- ]midi|ce soir|aujourd'?hui|cette semaine|"
    r"la semaine (?:pro|prochaine)|maintenant|en ce moment|actuellement|tomorrow|today|tonight|"
    r"this (?:week|morning|afternoon|year)|cette annee|next week|right now|rn|now)\b"
)
# How far back the speaker's own lines are read.
_OWN_LINES = 6


def _own_lines(norm: Normalized, context: MessageContext) -> list[str]:
    return [norm.folded.text, *(folded(line) for line in context.recent_from_sender[-_OWN_LINES:])]


def _recalled(lines: list[str], context: MessageContext) -> bool:
    """Whether the speaker has placed what they tell in their youth."""
    if context.sender_age < 21 or _NOW.search(lines[0]):
        return False
    for line in lines:
        if _BACK_THEN.search(line):
            return True
        for match in _AGE_BACK_THEN.finditer(line):
            age = int(next(group for group in match.groups() if group is not None))
            # Far enough below the declared age to be another time of life.
            if 5 <= age < 18 and context.sender_age - age >= 6:
                return True
    return False


def not_pupil_now(norm: Normalized, context: MessageContext) -> bool:
    """Whether a pupil's words in the message belong to someone else or to the past."""
    text = norm.folded.text
    if _FOR_OTHERS.search(text) or OTHERS_PREPARE.search(text):
        return True
    lines = _own_lines(norm, context)
    if any(_TEACHER.search(line) or _PARENT.search(line) for line in lines):
        return True
    return _among_teachers(context) or _recalled(lines, context)


def _among_teachers(context: MessageContext) -> bool:
    """Whether a declared adult speaks among teachers talking shop ("mes 4e", "salle des
    profs", "maths au collège"): "moi je suis au lycée pro" then names a workplace."""
    if context.sender_minor or context.sender_age < 21:
        return False
    return any(_TEACHER.search(folded(line)) for line in context.recent[-5:])


def pupil_now(rule_id: str, score: float, unless: re.Pattern[str] | None = None) -> Judge:
    """A judge keeping a school-life cue only when it is the speaker's now (and ``unless``,
    when given, is not in the message)."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        if unless is not None and unless.search(norm.folded.text):
            return None
        return None if not_pupil_now(norm, context) else (rule_id, score)

    return judge


def and_pupil_now(inner: Judge) -> Judge:
    """``inner``, kept only when the school-life cue is the speaker's now."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return None if not_pupil_now(norm, context) else inner(match, norm, context)

    return judge
