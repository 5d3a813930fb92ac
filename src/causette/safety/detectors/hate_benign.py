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
    r"(?:called me|call me|calling me|called (?:him|her|them)|"
    # Someone reported calling another a slur: "the bloke who called a steward a ...",
    # "he was calling the ref a ...", "il a traité un steward de ..." (above).
    r"(?:called|calling|calls) (?:(?:a|an|the|my|his|her|our|their|some|this|that|one|every|"
    r"our|another) )?(?!me\b|you\b|u\b)\w+(?: \w+)?(?= (?:a|an)\W*$)|stop saying|don'?t say|the word|"
    r"words like|he said|she said|they said|someone wrote)|"
    # Thrown at the speaker: "un type m'a craché 'sale ...'", "they shouted ... at us".
    r"(?:m'?a|m'?ont|nous a|nous ont|lui a|leur a|t'a|m'?avait|m'?avaient|on m'?a|on nous a|on lui a)\s+"
    r"(?:crache|lance|balance|hurle|crie|gueule|sorti|jete|beugle|murmure|glisse|ecrit)"
    r"(?:\s*(?:dessus|a la figure|au visage|a la gueule))?|(?:j'?ai|on a|il a|elle a) (?:entendu|eu droit a)|"
    r"on (?:entendait|entend|nous disait)|(?:shouted|yelled|screamed|spat|hissed|muttered|threw|hurled)"
    r"(?: at)?(?: me| us| him| her| them)?|(?:got|get|getting) called|i (?:heard|hear))"
    r"\W*(?:sales?\W+|dirty\W+|an?\W+|un\W+|une\W+|des\W+)?$"
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
    if bool(before_mark and after_mark) and before_mark in _QUOTES and after_mark in _QUOTES:
        return True
    # A longer quotation is told, unless the message turns on the listener ("ta gueule '...'").
    return _in_quotes(original, start, end) and not _TURNED_ON.search(norm.folded.text)


# A quotation that holds the slur among other words ("'sale ...'", "« espèce de ... »"): it
# opens after a space or the start of the line and closes before a space, a mark or the end,
# so the apostrophes of "qu'un" or "j'te" open and close nothing.
_OPENS = {'"': '"', "'": "'", "«": "»", "“": "”", "‘": "’", "`": "`"}
_MARKS = frozenset("\"'«»“”‘’`")
_STOPS = frozenset("\n.!?")
_REACH = 25  # characters of a quotation on either side of the slur


def _in_quotes(original: str, start: int, end: int) -> bool:
    opening = None
    for index in range(start - 1, max(-1, start - _REACH - 1), -1):
        char = original[index]
        if char in _STOPS:
            return False
        if char in _MARKS:
            if char in _OPENS and (index == 0 or original[index - 1] in " \t(:"):
                opening = char
            break
    if opening is None:
        return False
    for index in range(end, min(len(original), end + _REACH)):
        char = original[index]
        if char in _STOPS:
            return False
        if char in _MARKS:
            after = original[index + 1 : index + 2]
            closes = char == _OPENS[opening] or char in "'’"
            return closes and (not after or after in " \t.,;:!?)")
    return False


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


# Words a community took back: "dyke march", "dykes on bikes", "soirée goudou", "je suis
# gouine", "my mom flinches when I say dyke", "same with dyke, we took it back". The frame
# is the community's (an event, an identity, the word named as a word) or the message
# says the word was reclaimed. Hostile uses keep their own frames ("sale ...", "you ...").
_RECLAIMABLE = frozenset({"dyke", "gouine", "goudou", "pede", "pd", "queer", "tapette"})
_RECLAIM_BEFORE = re.compile(
    r"\b(?:i m a|im a|i am a|i m|im|as a|we re|we are|us|fellow|proud|baby|butch|bi|trans|queer|"
    r"lesbian|lesbienne|fieres?|fiers?|en tant que|nous les|entre|je suis|chui|jsuis|on est|moi la|"
    r"marche des|soiree|soirees|bar|collectif|festival|when i say|i say|we say|say|saying|"
    r"call myself|call ourselves|calling myself|word|mot|term|terme|same with|same for|same goes for|"
    r"pareil pour|pareil avec|meme chose pour|idem pour|reclaimed|reclaim|reclaiming|took back|"
    r"take back|quand je dis|je dis|on dit) $"
)
_RECLAIM_AFTER = re.compile(
    r" (?:march|marches|bar|bars|night|nights|party|parties|collective|pride|fest|festival|on bikes|"
    r"punk|punks|zine|bloc|community|power|joy|visibility|history|culture|icons?|wedding|prom|"
    r"fierte|fieres?|et fieres?|et fiers?|en mixite|non mixte|power)\b"
)
_RECLAIMED = re.compile(
    r"\b(?:reclaim\w*|took (?:it|the word|that word|them|those words) back|take (?:it|the word) back|"
    r"taking (?:it|the word) back|reappropri\w*|on (?:l a|se l est|se les est) repris|notre mot|"
    r"our word|nos mots|our words)\b"
)


# The community's own scene in the same message: a pride flag, a drag show, a queer party, the
# association for LGBT youth ("salut les pédés et les gouines 🏳️‍🌈, qui vient au show drag ?").
# Spoken among themselves, the words greet; a message that also wishes harm keeps its score.
_COMMUNITY = re.compile(
    r"\b(?:drag|drag queens?|drag kings?|show drag|drag show|pride|gay pride|lgbt\w*|lgbtq\w*|queer|"
    r"queers|fierte|fiertes|marche des fiertes|asso lgbt\w*|soiree queer|bar queer|bar gay|"
    r"bar lesbien|kiki|ballroom|voguing|coming out)\b"
)
_COMMUNITY_EMOJI = (
    "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\U0001f3f3\u200d\U0001f308",
    "\U0001f308",
    "\U0001f3f3\ufe0f\u200d\u26a7",
)
_WISHED_HARM = re.compile(
    r"\b(?:creve\w*|crever|mort aux|a mort|bruler|cramer|tuer|gazer|pendre|degage\w*|degouta?\w*|"
    r"malades|contre nature|abominations?|die|kill|burn|hang|disgusting|sick|gross|should not exist|"
    r"ban|interdire|vomi\w*|gerber|sale|sales|dirty|filthy)\b"
)


def reclaimed(text: str, start: int, end: int, original: str = "") -> bool:
    """Whether the term at ``text[start:end]`` (lexical view) is a community's own word.

    ``original``, the message as written, lets its emoji (a pride flag) count as the frame.
    """
    if text[start:end].removesuffix("s") not in _RECLAIMABLE:
        return False
    if (
        _RECLAIM_BEFORE.search(text, max(0, start - 30), start)
        or _RECLAIM_AFTER.match(text, end)
        or _RECLAIMED.search(text)
    ):
        return True
    scene = _COMMUNITY.search(text) is not None or any(e in original for e in _COMMUNITY_EMOJI)
    return scene and _WISHED_HARM.search(text) is None


# Friends' teasing: "ptdr c'était pas moi connasse", "moi aussi pouffiasse ❤️", "love you
# bitch". A general insult, in the vocative (not "t'es une ...", "you ..."), in a message
# that laughs or says its love and has no hostile words. Slurs proper never qualify.
_TEASING_WORDS = frozenset(
    {"connasse", "conasse", "petasse", "pouffiasse", "poufiasse", "grognasse", "bitch", "biatch"}
)
_FOND = re.compile(
    r"\b(?:mdr+|ptdr+|lol+|lmao+|lmfao|jpp|xd|(?:ha){2,}h?|(?:hi){2,}|(?:he){2,}|je t'?aime|jtm|"
    r"love (?:you|u|ya)|ily|bisous?|poutous?|ma belle|ma cherie|ma poule|ma puce|bff|mon coeur|"
    r"miss (?:you|u)|my love)\b"
)
_FOND_EMOJI = frozenset("❤♥💕💖💗💘💓💞😘😍🥰😂🤣😭😹😆😅🤪😜😝")
# Turning on the listener: a quotation or a joke does not excuse what comes with these.
_TURNED_ON = re.compile(
    r"\b(?:ferme (?:ta|la) (?:gueule|bouche)|ta gueule|ferme[- ]la|creve|degage|casse[- ]toi|"
    r"va te faire|je vais te \w+|shut up|fuck off|kill yourself|kys|get lost)\b"
)
_HOSTILE = re.compile(
    r"\b(?:tu pues|personne (?:ne )?t'?aime|suicide|cheh|bien fait|moche|grosse|nobody (?:likes|asked|"
    r"wants)|i hate you|je te deteste|ugly|fat)\b"
)
_PREDICATE = re.compile(
    r"\b(?:t'?es|tu es|t es|es|est|etes|c'?est|une|cette|sa|la|sale|espece de|bande de|qu'?une|"
    r"comme une|de|you'?re|you are|ur|u r|(?<!love )(?<!miss )(?<!thank )you|a|an|the|stupid|"
    r"dumb|dirty|fucking|filthy|such a|what a|like a|quelle|traitee? de)\s*$"
)


def teasing(norm: Normalized, start: int, end: int) -> bool:
    """Whether the insult at ``start:end`` (original offsets) is friends' teasing."""
    original = norm.original
    word = Normalized(original[start:end]).folded.text.strip().removesuffix("s")
    if word not in _TEASING_WORDS:
        return False
    text = norm.folded.text
    fond = _FOND.search(text) is not None or not _FOND_EMOJI.isdisjoint(original)
    if not fond or _TURNED_ON.search(text) or _HOSTILE.search(text):
        return False
    before = Normalized(original[max(0, start - 25) : start]).folded.text
    return _PREDICATE.search(before) is None
