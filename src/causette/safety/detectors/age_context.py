"""Age signals weighed against the declared ages and the room rather than a rule's words alone.

The declared gap in a private conversation, a declared minor who says they are an adult, and
in a room a minor reported by someone else (``age.py`` holds the rules on the words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from causette.safety.context import MessageContext
from causette.safety.detectors.age_judges import NOT_OWN_AGE, NOT_UNIT
from causette.safety.detectors.phrases import AGE, J_AI, KIN, age_value, folded
from causette.safety.gate import Setting, Signal
from causette.safety.risk import fits

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


def adult_posing(text: str, context: MessageContext) -> Signal | None:
    if context.sender_age >= 18 or _LIE_FRAME.search(text) is None:
        return None
    for match in _ADULT_NOW.finditer(text):
        age = int(match.group("age"))
        # Far enough above the declared age not to be a birthday the profile missed.
        if 19 <= age < 100 and age - context.sender_age >= 4:
            return Signal("age.adult_posing", 0.85, (0, 0))
    return None


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
    rf"(?:\b(?:il|elle)|@\w+) (?:n'?)?a {_MODIFIER}(?P<age3>{AGE}) ans\b{NOT_OWN_AGE}"
    rf"|\b(?:ils|elles) (?:n'?)?ont {_MODIFIER}(?P<age>{AGE}) ans\b{NOT_OWN_AGE}"
    rf"|(?:\b(?:he|she)|@\w+)(?:'s| is| has) {_MODIFIER}(?P<age4>{AGE})"
    rf"(?: years? old| yo| y/o)?\b{NOT_UNIT}(?! (?:and|et) (?:a half|demi))"
    rf"|\bthey(?:'re| are) {_MODIFIER}(?P<age2>{AGE})"
    rf"(?: years? old| yo| y/o)?\b{NOT_UNIT}(?! (?:and|et) (?:a half|demi))"
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


# The speaker's family, plural included: "I give gift cards to my nephews, they're 12 and 14"
# speaks of relatives, not of someone here.
def _about_family(line: str) -> bool:
    return KIN.search(line) is not None


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
        if any(_about_family(folded(earlier)) for earlier in recent[max(0, index - 2) : index + 1]):
            continue
        return Signal("age.reported_minor", 0.8, (0, 0))
    return None
