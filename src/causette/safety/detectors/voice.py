"""Who is speaking when secrecy is spoken of.

"Tu diras rien à ta mère" asks a child to keep a secret; "je dirai rien à personne" promises
one; "elle a rien dit à personne" tells a story; "don't tell anyone but I got the job" and
"garde ça pour toi, je l'ai pas encore dit à ma mère" share the speaker's own news. The same
words, and only the first is a grooming step. These judges give secrecy rules their score
from the voice around the match.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.normalize import Normalized

# The speaker ("je ne dirai rien") promises; the other is asked ("tu diras rien"); a past
# event told about someone else ("elle a rien dit à personne") is a story.
_SPEAKER = re.compile(
    r"\b(?:je|j'|moi je|jvais|j'?vais)\s*(?:ne |n'?)?(?:le |l'|en |leur |lui )?"
    r"(?:ai |vais |veux |peux |dois |compte |)?(?:rien |pas |jamais |surtout pas |)?$"
)
_STORY = re.compile(
    r"\b(?:il|elle|ils|elles|on|qui)\s+(?:ne |n'?)?(?:l'|en |le )?(?:a|ont|avait|avaient)\s*(?:rien |pas |jamais )?$"
)
_OWN_NEWS = re.compile(
    r"[\s,.!:-]*(?:\w+ ){0,3}?(?:but|mais|:)\s*(?:i|i'?m|i'?ve|je|j'|j|moi|chui|jsuis|on)\b"
)
# The speaker's own secret: "je l'ai pas encore dit à ma mère", "I haven't told anyone yet".
_OWN_SECRET = re.compile(
    r"\b(?:je|j'|j) ?(?:l'|le |en |leur |lui )?(?:ai|avais) (?:pas|rien|encore rien|pas encore|jamais) "
    r"(?:encore )?(?:dit|raconte|annonce|parle|montre)\b|\bi (?:haven'?t|have not|didn'?t|did not) "
    r"(?:told|tell|said|mentioned)\b|\b(?:t'?es|tu es|you'?re) (?:la |le )?(?:premiere?|first|seule? a savoir)\b"
)
# Someone else's words reported: "il me disait « c'est notre secret »", "he'd say stuff like
# 'this is our secret'", "a guy told me not to tell my parents". A survivor telling what was
# done, a parent repeating what a stranger wrote: the words of the act, not the act.
_HEARSAY = re.compile(
    r"\b(?:il|elle|ils|elles|he|she|they|un (?:mec|gars|type|homme|adulte|inconnu)|une (?:femme|"
    r"meuf|inconnue)|a (?:guy|man|stranger|woman)|this (?:guy|man)|the (?:guy|man)|some (?:guy|man)|"
    r"quelqu'?un|someone|(?:mon|ma|son|sa|le|la|my|his|her|the) \w+)\b[^.!?]{0,50}?\b(?:disait|disaient|me dit|m'?a dit|lui a dit|m'?avait dit|"
    r"a dit|avait dit|ecrivait|m'?ecrivait|m'?a ecrit|repetait|me repetait|m'?envoyait|said|says|'d say|"
    r"would say|used to say|kept saying|told (?:me|her|him|them|my)|wrote|texted|sent (?:me|her|him))"
    r"\b[^!?]{0,90}$|\b(?:stuff|things) like\s*\W*$|\bdes (?:trucs|choses) (?:genre|comme)\s*\W*$",
    re.IGNORECASE,
)
# Someone else's words quoted in the present or as a supposition: "si un mec dit 'c notre
# secret'", "if a guy says « keep it between us »", "quand quelqu'un t'écrit 'efface tout'".
# The quotation mark is asked for: without it "quelqu'un te dit rien, dis rien à personne"
# would pass for a report.
_QUOTED = re.compile(
    r"\b(?:il|elle|ils|elles|he|she|they|un (?:mec|gars|type|homme|adulte|inconnu|monsieur)|une "
    r"(?:femme|meuf|inconnue|personne)|quelqu'?un|someone|somebody|anyone|an? (?:adult|guy|man|"
    r"stranger|person|grown[- ]up)|les (?:predateurs|pedos?|groomers)|predators|groomers)\b"
    r"[^.!?]{0,30}?\b(?:dit|disent|dira|diront|ecrit|ecrivent|demande|demandent|says|say|writes|"
    r"asks|tells (?:you|u)|tell (?:you|u))\b[^.!?'\"<]{0,20}(?:['\"]|<<)[^'\"]{0,40}$"
)
# Prevention talk: secrecy named as a warning sign, with what to do about it ("faut direct le
# dire à un adulte", "tell a trusted adult", "c'est un signal d'alarme", "the big red flags").
_WARNING = re.compile(
    r"\b(?:red flags?|warning signs?|signaux? d'?(?:alerte|alarme)|signes? d'?(?:alerte|alarme)|"
    r"signal d'?alarme|drapeaux? rouges?|en prevention|de prevention|prevention (?:talk|workshop)|"
    r"(?:le |en )?(?:dire|parler|dis[- ]le|dites[- ]le|parles?[- ]en|parlez[- ]en|previens|prevenir|"
    r"raconte[- ]le) (?:direct |tout de suite |vite |toujours )?a un (?:adulte|parent|prof)|"
    r"tell (?:a |an )?(?:trusted )?(?:adult|grown[- ]up|parent|teacher)|tell your (?:kids|children)|"
    r"(?:c'?est|that'?s) (?:une|a|the|leur|their|la) (?:technique|tactic|methode|strategie)|"
    r"(?:predateurs?|pedocriminels?|groomers?|predators?) (?:disent|utilisent|demandent|font|say|"
    r"use|ask)|on nous a (?:dit|appris|explique|montre)|they (?:told|taught) us|online safety"
    # The tactics described with the groomer as their subject ("groomers rarely start with
    # anything sexual", "les prédateurs commencent souvent par ..."), by someone who teaches
    # it ("I run workshops for a child protection charity", "association de protection de
    # l'enfance").
    r"|(?:predateurs?|pedocriminels?|pedophiles?|groomers?|predators?|paedophiles?|abusers?|"
    r"agresseurs?)(?: \w+){0,2}? (?:start|starts|begin|begins|try|tries|tend|push|pushes|build|"
    r"often|usually|rarely|always|never|typically|will|commencent|essaient|poussent|cherchent|"
    r"vont|gagnent|isolent|flattent|souvent|toujours|jamais|rarement)"
    r"|child (?:protection|safety|safeguarding)|safeguarding|protection (?:de l'?enfance|des "
    r"mineurs|des enfants)|(?:i|we) run (?:workshops|sessions|trainings?)|ateliers? de prevention|"
    r"e-enfance)\b"
)
_GOOD_NEWS = re.compile(
    r"\b(?:surprises?|enceinte|pregnant|propos\w*|demande en mariage|fianc\w*|engaged|"
    r"demissionne\w*|quit(?:ting)? my job|new job|nouveau (?:job|taf|boulot)|promotion|promu|"
    r"(?:but|mais) (?:i'?m|i|je|j'|jsuis|chui))\b"
)
_SURPRISE = re.compile(
    r"\b(?:surprises?|anniv\w*|birthday|cadeau pour (?:eux|elle|lui|ta mere|ton pere)|fete des (?:meres|peres))\b"
)


def promise_voice(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """ "Je dirai rien à personne", "tu peux tout me dire": reassurance a groomer gives a child;
    between adults, a friend's promise, kept under what the risk memory counts as a step."""
    minor = context.sender_minor or bool(context.recipient_minor)
    young = context.recipient_age is not None and context.recipient_age < 18
    return ("secrecy", 0.65 if minor or young else 0.35)


def secrecy_voice(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    before = max(0, match.start() - 20)
    # "don't tell anyone but I got the job", "ne dis rien à tes parents pour la surprise": the
    # speaker's own news, or a surprise being kept.
    if _OWN_NEWS.match(text, match.end()) or _SURPRISE.search(text) or _OWN_SECRET.search(text):
        return ("secrecy", 0.35)
    if any(_GOOD_NEWS.search(folded(earlier)) for earlier in context.recent[-2:]):
        # "keep it between us" right after "I'm proposing to Sarah": the same news.
        return ("secrecy", 0.35)
    if _WARNING.search(text) or _QUOTED.search(text, max(0, match.start() - 80), match.start()):
        # A warning against the words, or the words quoted: what groomers say, not saying it.
        return ("secrecy", 0.3)
    if _HEARSAY.search(text, max(0, match.start() - 140), match.start()):
        # Reported words: kept under what the risk memory counts as a step.
        return ("secrecy", 0.3)
    if _SPEAKER.search(text, before, match.start()):
        # "je dirai rien à personne": reassurance a groomer gives a child; between adults, a
        # friend's promise, kept under what the risk memory counts as a step.
        return promise_voice(match, norm, context)
    if _STORY.search(text, before, match.start()):
        return None
    return ("secrecy", 0.85)


# What a friend, a parent or a workshop says of gifts and pictures asked for: "no real friend
# asks for that", "aucun vrai ami te demande ça", with the warning words above.
_NO_REAL_FRIEND = re.compile(
    r"\b(?:no (?:real |true )?(?:friend|adult|person)|aucun (?:vrai )?(?:ami|adulte|pote)|un vrai ami)"
    r"(?: \w+){0,3}? (?:asks?|would ask|demande|demanderait|te demande|ne demande)\b"
)


def prevention_talk(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message (or the sender's line before it) warns against grooming tactics
    rather than using them: red flags listed, what to tell children, "no real friend asks"."""
    lines = [norm.folded.text, *(folded(line) for line in context.recent_from_sender[-1:])]
    return any(_WARNING.search(line) or _NO_REAL_FRIEND.search(line) for line in lines)
