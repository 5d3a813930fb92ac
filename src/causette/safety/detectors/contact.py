"""Contact details and moves off the platform: phone numbers, e-mail, apps, handles.

Phone numbers are the costly part: ``phonenumbers`` takes tens of microseconds a call, so it
runs only when a message holds enough digits or number words to be one (``number_weight``),
and then only on the digit runs of the ``digits`` view, where "zéro six douze..." has become
"06 12 ..." (``phone_lines``, which also tells whose line a number is).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.contact_requests import call_request
from causette.safety.detectors.doxx_judges import REFERRAL, handed_over
from causette.safety.detectors.phone_lines import (
    PUBLIC_LINE,
    appeal,
    business_line,
    own_line,
    phones,
    recommended,
)
from causette.safety.detectors.phone_split import split_phone
from causette.safety.detectors.phrases import TON, TU_AS
from causette.safety.detectors.rules import Lexicon, RuleSet, rule
from causette.safety.gate import Setting, Signal
from causette.safety.normalize import Normalized, number_weight

APPS = Lexicon("apps.txt")
# Short nicknames that are ordinary words elsewhere: only after "sur", "ton", "ajoute"...
_NICKNAMES = (
    r"(?:sc|snap|snp|ig|insta|wsp|wtsp|wa|whats|tg|tel?egram|tele|dc|disc|discord|signal|kik|"
    r"fb|messenger|tiktok|tt|skype|facetime|ft)"
)
_INVITE_APP = (
    rf"\b(?:sur|ton|ta|mon|ma|t'?as|tu as|as[- ]tu|add|ajoute|rajoute|ajoute[- ]moi|add[- ]moi|"
    rf"viens sur|passe sur|va sur|on passe sur|on continue sur|on parle sur|pseudo|my|your|ur|"
    rf"on my|add me on) {_NICKNAMES}\b"
)
_HANDLE_WORDS = frozenset(
    [
        "pas",
        "plus",
        "perso",
        "prive",
        "prive",
        "cest",
        "est",
        "is",
        "ici",
        "la",
        "moi",
        "toi",
        "stp",
        "svp",
        "pls",
        "please",
        "ok",
        "oui",
        "non",
        "casse",
        "bloque",
        "nul",
        "mort",
        "vide",
        "aussi",
        "alors",
        "quoi",
        # Words that say what the account is for or how it is, not its name.
        "pour",
        "for",
        "que",
        "qui",
        "juste",
        "just",
        "only",
        "seulement",
        "the",
        "une",
        "des",
        "sur",
        "dans",
        "avec",
        "with",
        "mais",
        "but",
        "trop",
        "tres",
        "very",
        "really",
        "was",
        "has",
        "got",
        "sera",
        "etait",
        "reste",
        "prive",
        "private",
        "public",
        "ferme",
        "closed",
        "hacke",
        "hacked",
        "pirate",
        "suspendu",
        "suspended",
    ]
)


# "mon compte netflix", "my account password", "mon id apple": a generic word for an account,
# then a word, names a service or says something about the account, not a handle; a handle
# right after it looks like one (a digit, a dot, an underscore).
_GENERIC_KEY = re.compile(r"\b(?:mon|my|ma) (?:identifiant|id|user(?:name)?|compte)\s*$")
_HANDLE_SHAPE = re.compile(r"[\d_.]")
# An account sold, bought, rented or shared is a trade (spam and scam rules weigh it), not a
# way to be reached: "vends mon compte netflix", "je loue mon compte fortnite", "selling my ig".
_TRADE = re.compile(
    r"\b(?:vend\w*|revend\w*|a vendre|achete\w*|rachete\w*|loue\w*|echange\w*|partage\w*|"
    r"sell\w*|buy\w*|rent\w*|trad(?:e|es|ing)|for sale|wts|wtb)\b[^.!?]{0,25}$"
)


def _not_traded(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "selling my ig", "je vends mon snap 5k": an account for sale, not an invitation to it.
    if _TRADE.search(match.string, max(0, match.start() - 40), match.start()):
        return None
    return ("offplatform.app", 0.6)


def _handle(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    name = match.group("handle").strip("._-")
    if len(name) < 3 or name in _HANDLE_WORDS:
        return None
    text = match.string
    lead = text[match.start() : match.start("handle")]
    if _GENERIC_KEY.search(lead) and not _HANDLE_SHAPE.search(name):
        return None
    if _TRADE.search(text, max(0, match.start() - 40), match.start()):
        return None
    return ("offplatform.handle", 0.85)


def _at_handle(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    name = match.group("handle")
    # "@toi", "@ce soir" are not handles; a handle has a digit, a separator or some length.
    if len(name) < 4 and not re.search(r"[\d_.]", name):
        return None
    return ("offplatform.handle", 0.6)


_RULES = RuleSet(
    [
        rule(
            "offplatform.app",
            0.8,
            r"\b(?:discord(?:app)?\.(?:gg|com/invite)|t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|snapchat\.com/add|instagram\.com|kik\.me|m\.me)/\S+",
            "discord",
            "t.me",
            "telegram.me",
            "wa.me",
            "whatsapp.com",
            "snapchat.com",
            "instagram.com",
            "kik.me",
            "m.me",
        ),
        rule(
            "offplatform.app",
            0.6,
            _INVITE_APP,
            "sc",
            "snap",
            "snp",
            "ig",
            "insta",
            "wsp",
            "wtsp",
            "wa",
            "whats",
            "tg",
            "tel",
            "dc",
            "disc",
            "signal",
            "kik",
            "fb",
            "messenger",
            "tiktok",
            "tt",
            "skype",
            "facetime",
            "ft",
            judge=_not_traded,
        ),
        rule(
            "offplatform.app",
            0.7,
            r"\b(?:ajoute[- ]?(?:moi|moa|mwa|mw)|rajoute[- ]?moi|add[- ]?(?:moi|moa|me)|ajt moi|tu m'?ajoutes?|je t'?ajoute|on s'?ajoute|hit me up on|dm me on|text me on|message me on)\b",
            "ajoute",
            "add",
            "ajt",
            "hit me",
            "dm me",
            "text me",
            "message me",
        ),
        rule(
            "offplatform.app",
            0.65,
            r"\b(?:on (?:continue|parle|discute|passe|va|se parle|cause)|(?:tu veux|ca te dit|ca te dirait|on peut|viens) (?:qu'?on )?(?:continuer|parler|discuter|passer|aller)) (?:ailleurs|en prive ailleurs|sur (?:une autre|un autre|autre chose|une appli|une app|un truc plus|mon tel|ton tel))\b|\b(?:let'?s|can we) (?:talk|chat|move|continue) (?:somewhere else|elsewhere|on another app|privately on)\b",
            "continue",
            "parle",
            "discute",
            "passe",
            "cause",
            "continuer",
            "parler",
            "discuter",
            "passer",
            "aller",
            "talk",
            "chat",
            "move",
        ),
        rule(
            "offplatform.handle",
            0.85,
            r"\b(?:mon|my|ma) (?:snap|sc|snp|insta|ig|discord|dc|telegram|tg|tiktok|kik|skype|pseudo(?: snap| insta)?|identifiant|id|user(?:name)?|compte(?: insta| snap)?)\s*(?:c'?est|c est|cest|est|is|:|=|->|>)?\s*@?(?P<handle>[a-z0-9][a-z0-9_.\-]{2,29})\b",
            "snap",
            "sc",
            "snp",
            "insta",
            "ig",
            "discord",
            "dc",
            "telegram",
            "tg",
            "tiktok",
            "kik",
            "skype",
            "pseudo",
            "identifiant",
            "id",
            "user",
            "compte",
            judge=_handle,
        ),
        rule(
            "offplatform.handle",
            0.85,
            r"\b(?:ajoute[- ]?moi|add[- ]?(?:moi|me)|rajoute[- ]?moi)(?: sur \w+)?\s*(?::|->)?\s*@?(?P<handle>[a-z0-9_.\-]*[\d_.][a-z0-9_.\-]*)\b",
            "ajoute",
            "add",
            judge=_handle,
        ),
        rule(
            "offplatform.handle",
            0.6,
            r"(?:^|(?<=[\s(:]))@(?P<handle>[a-z0-9_.]{2,30}[a-z0-9_])\b(?!\.[a-z]{2,}\b)",
            "@",
            judge=_at_handle,
        ),
        # Asking for the other's number or handle.
        rule(
            "contact.request",
            0.7,
            rf"\b(?:donne|file|envoie|passe|balance|laisse|dis)[- ]?(?:moi|moa|mwa)? {TON} ?(?:num|numero|numero de tel|tel|telephone|06|07|portable|phone|snap|sc|insta|ig|whatsapp|wsp|telegram|discord|pseudo snap|pseudo insta|mail|adresse mail|email)\b|\b{TU_AS} (?:un |le |ton )?(?:num|numero|tel|06|07|portable|snap|sc|insta|ig|whatsapp|wsp|telegram|discord)\b\s*\?|\bc'?est quoi {TON} ?(?:num|numero|snap|sc|insta|ig|whatsapp|telegram|discord|06|tel)\b|\b(?:what'?s|whats|give me|send me) (?:your|ur) (?:number|snap|insta|ig|whatsapp|telegram|discord|phone)\b",
            "donne",
            "file",
            "envoie",
            "passe",
            "balance",
            "laisse",
            "dis",
            "num",
            "tel",
            "06",
            "07",
            "portable",
            "snap",
            "sc",
            "insta",
            "ig",
            "whatsapp",
            "wsp",
            "telegram",
            "discord",
            "what",
            "give me",
            "send me",
        ),
        # E-mail, including "arobase" and "point com" spellings.
        rule(
            "contact.email",
            0.9,
            r"\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,6}\b|\b[a-z0-9][a-z0-9._%+\-]* ?@ ?(?:gmail|hotmail|yahoo|outlook|orange|free|sfr|laposte|icloud|live|proton(?:mail)?|wanadoo|gmx|aol|msn) ?(?:\.|point|dot) ?(?:com|fr|net|org|be|ch|ca|io|eu|me|co|uk|de)\b",
            "@",
        ),
        rule(
            "contact.email",
            0.85,
            r"\b[a-z0-9][a-z0-9._%+\-]*\s?(?:\(at\)|\[at\]|\{at\}| at | arobase | a robase | arrobase |arobase|\(arobase\)| chez (?=(?:gmail|hotmail|yahoo|outlook|orange|free|sfr|laposte|icloud|live|proton\w*|wanadoo|gmx)\s?(?:\.|point|dot)\s?[a-z]{2,3}\b))\s?(?:gmail|hotmail|yahoo|outlook|orange|free|sfr|laposte|icloud|live|proton(?:mail)?|wanadoo|gmx|aol|msn|[a-z0-9\-]+\s?(?:\.|\(dot\)|\[dot\]| dot | point )\s?(?:com|fr|net|org|be|ch|ca|io|eu|info|me|co|uk|de))\b",
            "at",
            "arobase",
            "arrobase",
            "chez",
        ),
        rule(
            "offplatform.app",
            0.6,
            r"\b(?:t'?as|tu as|t'?aurais|as[- ]tu) (?:un |une )?(?:compte|appli|app|reseau|autre (?:compte|appli|app|reseau)) (?:ailleurs|autre part|perso|prive|ou on peut)\b|\bici (?:ca|c'?est|c) (?:bug|beug|lag|nul|pourri|lent|surveille|relou)\b|\b(?:c'?est |ce serait )?plus (?:tranquille|simple|pratique|prive|discret|safe|sur) (?:ailleurs|sur (?:une autre|un autre|mon tel|le tel|snap|insta|whatsapp|telegram|discord|sc))\b|\b(?:this (?:site|app) (?:is|keeps) (?:laggy|lagging|buggy|glitchy)|(?:do|d) (?:you|u) have (?:another|other) (?:app|account))\b",
            "compte",
            "appli",
            "app",
            "reseau",
            "ici",
            "plus",
            "site",
            "have",
        ),
        rule(
            "private.invite",
            0.4,
            r"\b(?:viens|passe|on passe|on continue|on se parle|parlons|on parle|je t'?ecris|ecris[- ]moi|je peux t'?aider) en (?:mp|prive|pv|dm|message prive)\b|\b(?:dm me|come to dm|slide in my dms|let'?s talk in private)\b",
            "mp",
            "prive",
            "pv",
            "dm",
            "private",
        ),
        rule(
            "contact.request",
            0.5,
            r"\b(?:on pourra s'?appeler|on (?:peut|pourrait) s'?appeler|je (?:peux )?t'?appelle(?:rai)?|on s'?appelle (?:ce soir|demain|quand)|(?:we|i) (?:can|could) call|call me (?:tonight|later))\b",
            "appel",
            "call",
            judge=call_request,
        ),
        rule(
            "contact.phone",
            0.8,
            r"\b(?:mon|le|my) (?:0[67]|portable|tel|num)\s*(?:c'?est|:|=|est)?\s*(?:le\s+)?\d\d[ .\-]?\d\d[ .\-]?\d\d[ .\-]?\d\d\b",
            "06",
            "07",
            "portable",
            "tel",
            "num",
        ),
    ]
)

# Someone else's number: noted as a dox too, unless it is a referral (``handed_over``).
_THIRD_PERSON_NUMBER = re.compile(
    r"\b(?:son (?:num|numero|tel|portable|06|07)|sa ligne|le (?:num|numero|tel|06|07) (?:de|d'|du)"
    r"|(?:his|her|their) (?:personal |private |work |own )?(?:number|phone|cell|mobile))\b"
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Phone numbers, e-mail addresses, app names, invitations and handles."""
    # Looked for only where a number can be (eight digits or more): the hot path stays cheap.
    may_have_number = number_weight(norm.folded.text) >= 8
    # A room's appeal, or one's own line given in a room, scores like a business's line.
    appealing = may_have_number and (
        appeal(norm, context)
        or own_line(norm, context)
        or recommended(norm, context)
        # A shop's landline given in a room to whoever asked for "leur numéro".
        or (context.setting is Setting.ROOM and business_line(norm, context))
    )
    for found in _RULES.scan(norm, context):
        if found.rule == "contact.phone" and appealing:
            found = Signal(found.rule, min(found.score, PUBLIC_LINE), found.span)
        yield found
    lexical = norm.lexical
    for hit in APPS.hits(lexical):
        yield Signal(hit.rule, hit.score, lexical.span(hit.start, hit.end))
    for score, span in phones(norm, appealing) if may_have_number else ():
        yield Signal("contact.phone", score, span)
        if score != PUBLIC_LINE and _THIRD_PERSON_NUMBER.search(norm.folded.text):
            yield Signal("doxx.phone", REFERRAL if handed_over(norm, context) else 0.85, span)
    if not may_have_number and context.recent_from_sender:
        # "06 58" / "30 12" / "77": a number split over lines to slip past the rules.
        split = split_phone(norm, context)
        if split is not None:
            yield split
