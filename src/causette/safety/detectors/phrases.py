"""Fragments of chat French and English shared by the rule expressions.

Written against the ``folded`` view: lower case, no accents, apostrophes as ``'``. Chat
spelling drops apostrophes and spaces ("t'es", "tes", "t es"; "j'ai", "jai", "g"), so each
fragment lists the spellings people actually type.
"""

from __future__ import annotations

import re
from functools import lru_cache

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

# "tu es": t'es, tes, t es, t'e, ta (t'as) stays in TU_AS.
TU_ES = r"(?:tu es|tu e|t'?es|t es|t'?e|t'?y es|tu serais|t'?etais)"
TU_AS = r"(?:tu as|tu a|t'?as|t as|ta|tu aurais|t'?aurais|as[- ]tu|avez[- ]vous|vous avez)"
JE_SUIS = r"(?:je suis|j'?suis|j suis|jsuis|jsui|jss|je sui|chui|chuis|jui|j'?sui|suis)"
J_AI = r"(?:j'?ai|j ai|jai|g|j'?ai eu|jai eu|moi j'?ai|moi jai)"
JE = r"(?:je|j'?|moi je|jvais|j'?vais|je vais|j'?dois|je dois)"
TON = r"(?:ton|ta|tes|t'|ton propre|ta propre)"
TES_PARENTS = (
    r"(?:tes parents|ta mere|ta maman|ta daronne|ton pere|ton papa|ton daron|tes darons|"
    r"ta famille|ton beau[- ]pere|ta belle[- ]mere|tes vieux|ton frere|ta soeur|tes rents|tes reup|"
    r"tes remps|ta reum|ton reup)"
)
# The anchors of a rule that names the speaker's parents (``MES_PARENTS`` and its kin).
PARENT_WORDS = ("parents", "mere", "maman", "daronne", "pere", "papa", "daron", "vieux", "famille")
MES_PARENTS = (
    r"(?:mes parents|ma mere|ma maman|ma daronne|mon pere|mon papa|mon daron|mes darons|"
    r"ma mere et mon pere|mes vieux|ma famille)"
)
# What French schools call their years, from the last year of primary to the last of lycée.
SCHOOL_YEAR = (
    r"(?:cm1|cm2|6e|6eme|6ieme|6 eme|sixieme|5e|5eme|5ieme|cinquieme|4e|4eme|4ieme|4 eme|"
    r"quatrieme|3e|3eme|3ieme|3 eme|troisieme|seconde|2nde|2de|premiere|1ere|1re|1ere s|"
    r"terminale|tle|term|tale)"
)
# Words for ages a minor may state (folded, as typed).
AGE_WORDS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "dix-sept": 17,
    "dix sept": 17,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
}
AGE = r"(?:\d{1,2}|dix[- ]sept|dix|onze|douze|treize|quatorze|quinze|seize|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
LAUGH = r"(?:mdr|ptdr|lol|xd|jpp|mdrr|hahah?|jdec|jrigole|je rigole|je plaisante|jk)"


def age_value(word: str) -> int | None:
    """The age a captured ``AGE`` stands for."""
    if word.isdigit():
        return int(word)
    return AGE_WORDS.get(word.replace("-", " ").strip()) or AGE_WORDS.get(word)


# The speaker's own children and relatives: parents name their schools and ages openly.
KIN = re.compile(
    r"\b(?:mon fils|ma fille|mes enfants|mes filles|mes fils|mon gamin|ma gamine|mon grand|"
    r"ma grande|le mien|la mienne|ma soeur|mon frere|ma niece|mon neveu|mon petit|ma petite|"
    r"vos enfants|vos ados|tes enfants|ton fils|ta fille|mes neveux|mes nieces|le grand|la grande|"
    r"le petit|la petite|mes eleves|nos enfants|"
    r"(?:my|our) (?:sons?|daughters?|kids?|children|sisters?|brothers?|nieces?|nephews?|boy|girl|"
    r"grandkids|grandchildren|grandsons?|granddaughters?|little (?:ones|brothers?|sisters?)|"
    r"younger (?:brothers?|sisters?)|step(?:kids|sons?|daughters?)|pupils|students))\b"
)


def about_kin(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message or the last few name the speaker's (or listener's) family."""
    if KIN.search(norm.folded.text):
        return True
    return any(KIN.search(folded(earlier)) for earlier in context.recent[-3:])


@lru_cache(maxsize=512)
def normalized(text: str) -> Normalized:
    """``Normalized(text)``, kept: the same recent lines are looked back at message after
    message, by several rules."""
    return Normalized(text)


def folded(text: str) -> str:
    """The folded text of an earlier message."""
    return normalized(text).folded.text
