"""When a slur is not hate: reported or condemned, in quotation marks, in its other sense, a costume.

The hate family (``hate.py``) cuts the score of a slur or an attack these checks excuse, so
the policy notes it without acting on the speaker.
"""

from __future__ import annotations

import re

from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# A frame that reports or condemns the word rather than uses it.
_CONDEMN_BEFORE = re.compile(
    r"(?:(?:m'?a|m'?ont|nous a|nous ont|l'?a|t'?a|les a|me|te|se|s'?est fait|se faire|on m'?a|"
    r"il m'?a|elle m'?a|ils m'?ont|m'?avait|m'?traite|m'?traitee)\s*(?:traite|traitee|traiter|"
    r"appele|appelee|appeler|insulte|insultee|insulter|qualifie|qualifiee)\s*(?:de|d'|d)|"
    r"arret(?:e|ez|er|ons)? de (?:dire|dire des trucs comme|utiliser|ecrire|traiter les gens de)|"
    r"(?:on |il |faut |faudrait )?(?:ne )?(?:dit|dis|dites|dire|utilise|ecris) (?:plus |pas |jamais )"
    r"|(?:le mot|les mots|l'insulte|le terme|des mots comme|des insultes comme|des trucs comme)|"
    r"(?:il|elle|ils|elles|quelqu'un|un mec|une meuf|un gars) (?:a dit|a ecrit|disait|dit|m'?a dit|"
    r"m'?a ecrit|crie|criait|hurlait)|(?:traitee?s? de|traites de|traitees de)|"
    r"trait\w* (?:\w+ ){0,3}(?:de|d'|d)|(?:je suis|chui|jsuis|on est|nous sommes|nous les|en tant que|"
    r"moi (?:le|la|les)|fier d'?etre|fiere d'?etre|fiers d'?etre|proud to be|as a) (?:un |une |des |les )?|"
    r"(?:called me|call me|calling me|called (?:him|her|them)|stop saying|don'?t say|the word|"
    r"words like|he said|she said|they said|someone wrote))\W*(?:sales?\W+|dirty\W+|an?\W+|un\W+|une\W+|des\W+)?$"
)
# Words that also insult ("gouine dégueulasse") condemn only with their verb ("c'est ...").
_CONDEMN_AFTER = re.compile(
    r"^\W*(?:(?:c'?est|est|ca reste|ce mot est|c est)\s*(?:degueulasse|honteux|grave|ignoble|pas normal)|"
    r"(?:c'?est|est|ca reste|ce mot est|c est)?\s*(?:pas ok|raciste|homophobe|antisemite|"
    r"transphobe|sexiste|misogyne|inacceptable|inadmissible|une insulte|"
    r"interdit|puni|penalement|(?:is )?(?:not ok|racist|homophobic|unacceptable)))"
)
_QUOTES = "\"'«»“”‘’`*"


def condemned(norm: Normalized, start: int, end: int) -> bool:
    """Whether the slur at ``start:end`` (original offsets) is reported or condemned."""
    original = norm.original
    before = Normalized(original[max(0, start - 60) : start]).folded.text
    after = Normalized(original[end : end + 40]).folded.text
    if _CONDEMN_BEFORE.search(before) or _CONDEMN_AFTER.search(after):
        return True
    # An empty string is "in" any string: a slur at the end of the line is not quoted.
    before_mark = original[max(0, start - 2) : start].strip()[-1:]
    after_mark = original[end : end + 2].strip()[:1]
    return bool(before_mark and after_mark) and before_mark in _QUOTES and after_mark in _QUOTES


# Slurs that are also ordinary words in some sentences: "PD" for a police department in
# English ("the PD said", "PD is telling people"), "fag" for a cigarette in British English
# ("a fag break", "rolled a fag"), "faire la bamboula" (to party), macaques at the zoo, "au
# trav" (at work), 1488 as a year or an amount. Each innocent sense has its frame, before or
# after the word.
_NEVER = re.compile(r"(?!)")
_OTHER_SENSE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "bamboula": (re.compile(r"\bla $"), _NEVER),
    "macaque": (
        re.compile(r"\b(?:les|des|ces|deux|trois|quelques|\d+|bebes?|jeunes?|petits?|groupe de) $"),
        re.compile(
            r" (?:du|au|des|de barbarie|japonais|rhesus|crabiers?|magots?|sauvages?|en liberte|"
            r"dans|at the|in the|monkeys?)\b"
        ),
    ),
    "trav": (
        re.compile(r"\b(?:au|du|mon|ton|son|notre|votre|leur|apres le|avant le|sur le|de) $"),
        _NEVER,
    ),
    "1488": (
        re.compile(
            r"\b(?:en|in|an|annee|year|page|p|n|no|numero|ticket|code|commande|order|vol|flight|"
            r"bus|ligne|route|km|depuis|since|vers|around|de|du|le|la) $"
        ),
        re.compile(
            r" (?:€|euros?|e|eur|dollars?|km|m|ans|pages?|habitants?|points?|followers|abonnes)\b"
        ),
    ),
    "pd": (
        re.compile(
            r"\b(?:the|local|city|county|state|police|metro|campus|transit|ny|la|sf|chicago|"
            r"houston|phoenix|portland|seattle|boston|dallas|detroit|vegas) $"
        ),
        re.compile(
            r" (?:is|was|says|said|told|tells|are|were|has|have|had|will|would|arrested|"
            r"officers?|department|dept|reports?|reported|confirmed|responded|showed|came|"
            r"called|chief|station|cars?|released|warned|warns|asks|asked|recommends)\b"
        ),
    ),
    "fag": (
        re.compile(
            r"\b(?:smoke|smoking|smoked|roll|rolled|rolling|light|lit|lighting|quick|sneaky|"
            r"cheeky|packet of|pack of|box of|spare|bum|bummed|last|first|morning) $"
        ),
        re.compile(r" (?:break|breaks|end|ends|packet|packets|butt|butts|paper|papers|outside)\b"),
    ),
}


def other_sense(text: str, start: int, end: int) -> bool:
    """Whether the lexicon term at ``text[start:end]`` (lexical view) is in its innocent sense."""
    frames = _OTHER_SENSE.get(text[start:end].removesuffix("s"))
    if frames is None:
        return False
    before, after = frames
    return bool(before.search(text, max(0, start - 30), start) or after.match(text, end))


# A man in a dress or a wig at a carnival, on stage or in drag is a costume, not a slur.
_COSTUME = re.compile(
    r"\b(?:carnaval\w*|deguis\w*|halloween|theatre|drag|costumes?|spectacle|kilt|ecossais|"
    r"panto\w*|fancy dress|stage|scene|cosplay|mardi gras|bal masque|fete deguisee)\b"
)
_COSTUME_WORDS = re.compile(r"\b(?:robe|jupe|perruque|talons|dress|skirt|wig|heels)\b")


def costume(norm: Normalized, signal: Signal) -> bool:
    if signal.rule != "hate.antitrans":
        return False
    words = Normalized(norm.original[signal.span[0] : signal.span[1]]).folded.text
    return (
        _COSTUME_WORDS.search(words) is not None and _COSTUME.search(norm.folded.text) is not None
    )
