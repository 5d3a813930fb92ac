"""Doxxing said over several lines: the listener's life recited back to them as a dossier.

After a quarrel the sender lets the listener know how much they found, one fact a line:
their street and door, their full name, their mother's workplace, their child's uniform,
their sister's school year and club, an address read off a parcel in their photo. No line
holds two facts (``doxx_recital`` judges one line); the lines together do. The kinds of fact
are counted over the sender's own recent lines, and the dossier is a threat once the listener
took alarm ("how do you know", "stay away from my family", "pourquoi tu lis ça") or the
sender added a veiled warning ("wouldn't want anyone popping by", "tant que tu restes
gentille", "on se connaît mieux maintenant").

Friends recall each other's lives too ("ta mère bosse toujours à la pharmacie ?"): a question
counts no fact, and facts without the listener's alarm or a warning stay quiet.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_recital import _EN_STREET, _RECITED_SCREEN, _REFUSAL
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_YOUR = r"(?:your|ur|ton|ta|tes|t'?)"
_KIN = (
    r"(?:mum|mom|mam|mummy|mother|dad|father|sister|sis|brother|bro|son|daughter|kids?|children|"
    r"little one|little boy|little girl|lad|boy|girl|youngest|eldest|baby|wife|husband|nan|gran|"
    r"grandma|mere|maman|pere|papa|"
    r"daronne|daron|soeur|frere|fille|fils|gamine?s?|gosses?|enfants?|petite?|femme|mari|"
    r"grand-mere|mamie)"
)
# A child placed at a school without "your": "the little one in the green uniform".
_CHILD = (
    r"(?:the|le|la|that|ce|cette) (?:little one|little boy|little girl|kid|petit|petite|gamin|"
    r"gamine|gosse)"
)
_SCHOOLING = (
    r"(?:uniform|uniforme|school|primary|nursery|ecole|maternelle|college|lycee|year \d{1,2}|"
    r"en (?:\d{1,2}e|cm\d|ce\d|cp|seconde|premiere|terminale)|grade \d{1,2})"
)
# Each kind of fact about the listener or their family (the listener's own life is in
# ``doxx_recital._RECITED``, reused).
_FACTS: dict[str, re.Pattern[str]] = {
    "name": re.compile(
        r"\b(?:that'?s|this is|is|c'?est) (?:your|ton) (?:full |real |last |whole )?(?:name|nom)\b"
        r"|\byour (?:full|real|last|maiden|whole) name\b|\bton (?:vrai )?nom (?:de famille|complet)\b"
        r"|\b(?:avec|under) (?:ce|that|this) (?:nom|name)\b"
    ),
    "home": re.compile(
        rf"\b(?:lives?|living|habites?|vis) (?:(?:on|in|at|au|a|dans|sur) )?[^.!?]{{0,20}}?"
        rf"\b(?:{_EN_STREET}|rue|avenue|allee|impasse|chemin|boulevard|residence)\b"
        r"|\bnumber \d{1,4}\b(?: right\b)?|\bau (?:numero |n ?° ?)?\d{1,4}(?: bis| ter)?\b|\b\d{5}\b"
    ),
    "job": re.compile(
        r"\b(?:ton|ta) (?:boulot|taf|travail|job|poste|boite|stage)\b[^.!?]{0,20}?\b(?:a|au|aux|chez|"
        r"dans|en)\b|\byour (?:job|work|office|shift|placement)\b[^.!?]{0,20}?\b(?:at|in|for)\b"
    ),
    "kin_work": re.compile(
        rf"\b{_YOUR} ?{_KIN}(?:'s)?\b[^!?]{{0,40}}?\b(?:works?|working|bosse|travaille|taffe|"
        r"boulot|reception|shifts?|manages|runs|tient|drives for|teaches|enseigne|nurse|infirmi\w+)\b"
    ),
    "kin_school": re.compile(
        rf"\b(?:{_YOUR} ?{_KIN}|{_CHILD})(?:'s)?\b[^!?]{{0,40}}?\b{_SCHOOLING}"
    ),
    "kin_pastime": re.compile(
        rf"\b{_YOUR} ?{_KIN}(?:'s)?\b[^!?]{{0,50}}?\b(?:plays?|playing|joue|fait du|fait de la|"
        r"trains?|swims?|dances?|danse|club|entrainement|lessons?|cours de)\b"
    ),
    # The family seen in the listener's posts: "ta fille en photo", "your kids in that pic".
    "kin_seen": re.compile(
        rf"\b{_YOUR} ?{_KIN}\b[^.!?]{{0,15}}?\b(?:en photo|sur (?:la|ta|tes|les) photos?|in (?:the|that|"
        r"your) (?:pic|photo|picture)|in your posts?)\b"
    ),
}
_FACTS_SCREEN = Screen(_FACTS)
_RECITED_FACTS = frozenset(
    ("work", "hours", "route", "home", "door", "car", "post", "school", "dress", "shop")
)

# The sender showing where the facts came from, or a veiled warning: enough alone to make the
# facts a threat.
_CUES = re.compile(
    r"\b(?:tout est public|c'?est (?:tout )?public (?:sur|on)|it'?s all (?:public|online|out there)|"
    r"public on (?:facebook|fb|insta\w*|linkedin)|(?:people|you) (?:leave|left|put|post) (?:it |that "
    r"|this |all |so much )?(?:public|online)|you posted (?:a|that|this|your) (?:pic|photo|picture|"
    r"story)|street sign|ecrit (?:en gros )?sur (?:l'?etiquette|le colis|l'?enveloppe)|on the "
    r"(?:label|parcel|envelope)|t'?es sur (?:facebook|fb|insta\w*|linkedin|tiktok) avec|pas (?:dur|"
    r"difficile|complique) a trouver|not hard to find|"
    r"wouldn'?t want (?:anyone|anybody|anything|something|someone|people)|would be a shame|"
    r"ce serait dommage|(?:tant|aussi longtemps) que tu (?:restes?|es|seras) (?:gentille?|sage|"
    r"polie?|correcte?|calme|sympa)|as long as you (?:stay|are|behave|keep)|on se conna[i]?t mieux|"
    r"we know each other better|be a shame if|(?:funny|amazing|crazy|wild) what (?:you|people|one) "
    r"(?:can )?find|c'?est fou ce qu'?on trouve|(?:a few|two|three) clicks|en (?:deux|trois|"
    r"quelques) clics|took me (?:two|five|ten|\d+) min\w*|j'?ai mis (?:deux|cinq|dix|\d+) min\w*|"
    r"t'?as (?:tout )?interet a (?:etre|rester) (?:gentille?|sage|polie?|sympa)|you'?d better (?:be "
    r"nice|behave|stay nice)|je sais ou te trouver|i know where to find you)\b"
)
# Said by friends too ("drop by anytime", "say hi to your mum", "je dirai rien"): they make
# the facts a threat only once the listener took alarm.
_SOFT_CUES = re.compile(
    r"\b(?:not hard|wasn'?t hard|(?:maybe )?i'?ll (?:pop|drop|swing|stop) (?:in|into|by|round)|"
    r"say hi to (?:your|her|him)|(?:je passerai|je vais passer|passer) (?:lui |te )?dire bonjour|"
    r"popping (?:by|round|in)|drop(?:ping)? by|be (?:a (?:bit |little )?)?nicer|sois (?:plus )?(?:gentille?|sage)|"
    r"je dirai rien|i won'?t tell (?:anyone|her|him))\b"
)
# The listener's alarm besides a refusal: why are you reading that, a bare "how?", a
# screenshot kept for a report.
_ALARM = re.compile(
    r"\b(?:pourquoi tu (?:lis|regardes|fouilles|zoomes|cherches|sais|connais)|c'?est pas drole|"
    r"(?:that'?s|c'?est|t'?es) (?:creepy|flippant|glauque)|i'?m screenshotting|screenshot\w* "
    r"(?:all|this|everything)|je fais des captures|j'?ai (?:fait des|tout) (?:captures|screen\w*)|"
    r"stay away|reste loin|oublie tout ca|me reparle plus|don'?t you dare|touche pas a|who told you|"
    r"qui t'?a dit|leave my \w+ out of|laisse (?:ma famille|mes enfants|ma fille|mon fils|ma mere)|"
    r"(?:don'?t|do not|never) (?:go|come) near|(?:ne )?t'?approche pas|how did you find|comment "
    r"t'?as trouve|(?:are you|you'?re|tu me) stalk\w*|c'?est du harcelement|that'?s stalking)\b"
    r"|^\W*(?:how|comment|how\?+|wtf how|what the hell)\W*$"
)
# "..., isn't it?", "..., right?": a statement for all its question mark.
_TAG = re.compile(r"\b(?:right|isn'?t (?:it|she|he)|innit|yeah|non|hein|n'?est-ce pas)\s*\?+\s*$")
# A full name given to its bearer: after a title, or "you're Jessica Hale", "t'es bien Léa
# Morel" (capitals, in the original line).
# Cheap first: a titled full name needs two capitalised words in a row.
_HAS_TWO_CAPITALS = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ\-]+\s+[A-ZÀ-Ý]")
_TITLED = re.compile(
    r"\b(?:Mme|Mrs|Mr|Ms|Miss|Madame|Monsieur|Mademoiselle|Mlle|M\.|(?i:you'?re|you are|"
    r"t'?es(?: bien)?|tu es(?: bien)?|tu t'appelles|your name'?s))\s+[A-ZÀ-Ý][a-zà-ÿ\-]+\s+"
    r"[A-ZÀ-Ý][a-zà-ÿ\-]+"
)
# Laughter makes "how do you know?" a friend's surprise, not alarm.
_LAUGH = re.compile(r"\b(?:haha\w*|hihi|lol|mdr|ptdr|xd)\b|😂|🤣|😄|😅")
# Old friends remembering a shared past ("tu te souviens", "we used to", "à l'époque").
_SHARED = re.compile(
    r"\b(?:tu te (?:souviens|rappelles)|remember (?:when|how|that)|we used to|on (?:allait|etait|"
    r"faisait|jouait)|a l'?epoque|back (?:in|at) (?:school|uni|the day)|depuis le (?:lycee|college|"
    r"primaire)|since (?:school|primary|uni))\b"
)

# How many of the sender's own lines a dossier spans, and how many kinds make one.
_LINES = 6
_KINDS = 3


def _kinds(original: str, text: str) -> tuple[dict[str, re.Match[str]], set[str]]:
    """The kinds of fact a statement holds, with their matches in ``text`` (a genuine question
    holds none). A titled full name ("Mme Aurélie Fontaine") is found in the original line,
    which kept its capitals: a kind without a match."""
    if "?" in text and not _TAG.search(text):
        return {}, set()
    found = {k: m for k, m in _RECITED_SCREEN.search(text).items() if k in _RECITED_FACTS}
    found.update(_FACTS_SCREEN.search(text))
    kinds = set(found)
    if "name" not in kinds and _HAS_TWO_CAPITALS.search(original) and _TITLED.search(original):
        kinds.add("name")
    return found, kinds


_CUES_SCREEN = Screen({"cue": _CUES, "soft": _SOFT_CUES})


def dossier(norm: Normalized, context: MessageContext) -> Signal | None:
    """``doxx.threat`` when the sender's recent lines recite the listener's life to them."""
    # Doubled spaces ("ta  mère  bosse") would slip past every pattern: matched on one space.
    text = " ".join(norm.folded.text.split())
    here, kinds = _kinds(norm.original, text)
    cues = _CUES_SCREEN.search(text)  # behind the literal prefilter: most lines wake neither
    cue = cues.get("cue") or cues.get("soft")
    if not kinds and cue is None:
        return None  # the common case: nothing here adds to a dossier
    own = context.recent_from_sender[-_LINES:]
    earlier = [(line, " ".join(folded(line).split())) for line in own]
    warned = any(_CUES.search(line) for line in (text, *(f for _, f in earlier)))
    if not warned:
        if _SHARED.search(text) or any(_SHARED.search(f) for _, f in earlier):
            return None  # old friends' memories, met with surprise
        mine = set(own)
        others = [folded(line) for line in context.recent[-8:] if line not in mine]
        if not any(_alarmed(line) for line in others):
            return None
    for line, seen in earlier:
        kinds.update(_kinds(line, seen)[1])
    if len(kinds) < _KINDS:
        return None
    first = min(here.values(), key=lambda m: m.start()) if here else cue
    whole = (0, len(norm.folded.text))
    exact = first is not None and text == norm.folded.text
    start, end = (first.start(), first.end()) if first is not None and exact else whole
    return Signal("doxx.threat", 0.8, norm.folded.span(start, end))


def _alarmed(line: str) -> bool:
    if _LAUGH.search(line):
        return False
    return _REFUSAL.search(line) is not None or _ALARM.search(line) is not None
