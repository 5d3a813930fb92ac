"""Contact details and moves off the platform: phone numbers, e-mail, apps, handles.

Phone numbers are the costly part: ``phonenumbers`` takes tens of microseconds a call, so it
runs only when a message holds enough digits or number words to be one (``number_weight``),
and then only on the digit runs of the ``digits`` view, where "zéro six douze..." has become
"06 12 ...".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_judges import REFERRAL, handed_over
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

# A run of digits, allowing the separators people put between them (spaces, dots, dashes,
# slashes, brackets, an emoji folded to a space) and a leading "+".
_PHONE_RUN = re.compile(r"\+?\(?\d(?:[\s.\-/()*_~,]{0,3}\d){7,16}")
_NOT_DIGIT = re.compile(r"\D")
_THIRD_PERSON_NUMBER = re.compile(
    r"\b(?:son (?:num|numero|tel|portable|06|07)|sa ligne|le (?:num|numero|tel|06|07) (?:de|d'|du)"
    r"|(?:his|her|their) (?:number|phone|cell))\b"
)

# A run of digits that a unit or a currency follows is a quantity, whatever its length:
# "2017, 98 000 km", "1998, 120 000 euros" (a car's year and mileage, a price).
_QUANTITY_AFTER = re.compile(
    r"\s?(?:km|kms|kilometres?|miles?|kg|kilos?|go|gb|tb|mo|mb|m2|m²|cm|mm|litres?|"
    r"ch|cv|hp|€|eur|euros?|\$|usd|dollars?|£|balles|k€|ans?|years?|mois|months?|jours?|"
    r"days?|h|heures?|hours?|min|minutes?|%|pieces?|pages?|habitants?|personnes?|vues?|views?)\b"
    r"|\s?[€$£%]"
)
# A business's or a service's public number, given so that people can call it ("leur fixe",
# "réserver au", a pharmacy, a restaurant, opening hours): not anyone's personal contact. Only
# a landline, toll-free or shared-cost number qualifies; a mobile stays someone's phone.
_PUBLIC_NUMBER_KINDS = frozenset(
    (
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
)
_BUSINESS = re.compile(
    r"\b(?:leur|leurs|their) (?:fixe|num\w*|tel\w*|standard|accueil|secretariat|number|phone|line)\b"
    r"|\b(?:reserv\w*|commande[rz]?|prendre (?:un )?rdv|prise de rdv|book(?:ing)?|"
    r"reservations?|call (?:them|the|ahead))\b"
    r"|\b(?:pharmacies?|restaurants?|resto|brasserie|boulangerie|magasins?|boutiques?|garages?|"
    r"cabinet|clinique|hopital|urgences|mairie|prefecture|agence|standard|accueil|secretariat|"
    r"service (?:client|apres[- ]vente)|sav|hotline|mutuelle|banque|medecin|dentiste|veto|"
    r"veterinaire|plombier|plomberie|serrurier|serrurerie|electricien|menuiserie|chauffagiste|"
    r"entreprise|societe|atelier|bureau|taxi|association|asso|club|salle|cinema|musee|office de tourisme|"
    r"pharmacy|restaurant|store|shop|clinic|hospital|office|front desk|reception|customer service)\b"
    r"|\b(?:plomb|menuis|serrur|carross|bouch|charcut|patiss|quincaill|librair|imprim|teintur)eries?\b"
    r"|\b(?:tel|telephone|numero|ligne|fixe) (?:du|de la|de l'?) ?(?:bureau|boutique|magasin|atelier|"
    r"entreprise|societe|standard|agence|cabinet)\b"
    r"|\b(?:horaires?|ouverts?|ouverte|fermes? le|de garde|opening hours|open (?:from|until|till|daily))\b"
)
# A number said to be one's own or a person's is personal, whatever the frame: "mon fixe",
# "appelle-moi", "chez lui", and any "son", "sa", "his", "her" ("appelez son patron au 01...").
_PERSONAL = re.compile(
    r"\b(?:mon|ma|mes|ton|ta|tes|my|your|ur) (?:fixe|num\w*|tel\w*|portable|ligne|06|07|phone|"
    r"number|cell|landline|perso)\b|\b(?:appelle|call|text|ecris)[- ]?(?:moi|me)\b"
    r"|\bchez (?:moi|lui|elle|eux)\b|\b(?:son|sa|ses|his|her|him)\b"
    # A workplace's line given to reach a person there, or to harass: still someone's.
    r"|\bou (?:il |elle )?(?:bosse|travaille|taffe)\b|\bwhere (?:he|she|they) works?\b"
    r"|\b(?:appelez|appelle|call|ring)[- ](?:le|la|les|him|her|them)\b(?! ?\d)"
    r"|\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|flood\w*|affich\w*)\b"
)


# An appeal to everyone who may have seen a lost animal or a missing person, with the number to
# call if they do ("si vous le voyez appelez le 06...", "appel à témoins", "avis de recherche",
# "if you spot her call"): the poster's own line or the family's, given in a room to be reached
# by anyone, like a business's. In private a number stays someone's to be reached by one person.
_APPEAL = re.compile(
    r"\bsi (?:vous|tu|quelqu'?un|qqn|qn) (?:l'?|le |la |les |\w+ )?(?:voy\w*|vo[iy]t?s?|croise\w*|"
    r"trouv\w*|aperc\w*|retrouv\w*|reconnai\w*|avez vu|as vu|a vu)|\b(?:appel a temoins?|avis de "
    r"recherche)\b|\b(?:perdu|egare|disparu|fugue)e?s?\b"
    r"|\bif (?:you|u|anyone|anybody|someone) (?:sees?|spots?|finds?|see|find|spot|has seen|have seen)\b"
    r"|\b(?:have you|has anyone) seen (?:him|her|them|this)\b"
    r"|\b(?:lost|missing) (?:dog|cat|pet|person|child|kid|son|daughter|dad|father|mum|mom|mother)\b"
)
# ... unless the appeal is for someone else to be called, or to be harassed.
_NOT_APPEAL = re.compile(
    r"\b(?:son|sa|ses|his|her|their) (?:num\w*|tel\w*|portable|06|07|phone|number|cell)\b"
    r"|\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|tabass\w*|flood\w*)\b"
)


def appeal(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message is a room's appeal with one's own number to call."""
    if context.setting is not Setting.ROOM:
        return False
    text = norm.folded.text
    return _APPEAL.search(text) is not None and _NOT_APPEAL.search(text) is None


def _public_number(number: phonenumbers.PhoneNumber, text: str) -> bool:
    """Whether ``number`` is a business's public line, as the message gives it."""
    if phonenumbers.number_type(number) not in _PUBLIC_NUMBER_KINDS:
        return False
    return _BUSINESS.search(text) is not None and _PERSONAL.search(text) is None


# The score of a business's public line: noted (the ambush advice in private still reads
# it), under the policy's ``contact.room`` threshold and the risk memory's "seen".
PUBLIC_LINE = 0.35

# Visitors are mostly French; a national number from a neighbour is tried next.
_REGIONS = ("FR", "BE", "CH", "GB")


def _parse(candidate: str) -> phonenumbers.PhoneNumber | None:
    """The first reading of ``candidate`` that is valid, else the French one if possible."""
    fallback = None
    for region in _REGIONS if not candidate.startswith("+") else ("FR",):
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            return None
        if phonenumbers.is_valid_number(number):
            return number
        if fallback is None and phonenumbers.is_possible_number(number):
            fallback = number
        if not candidate.startswith("0") or candidate.startswith("00"):
            break  # only a national number (a leading 0) reads differently elsewhere
    if fallback is None and len(candidate) == 10 and candidate[0] in "23456789":
        # Ten digits with no leading 0: the North American plan (English-speaking visitors).
        number = phonenumbers.parse(candidate, "US")
        if phonenumbers.is_possible_number(number):
            fallback = number
    return fallback


def phones(norm: Normalized, appealing: bool = False) -> Iterator[tuple[float, tuple[int, int]]]:
    """Phone numbers in the message: ``(score, span)``; valid numbers score higher, a
    business's public line or the number of a room's appeal (``appealing``) scores under what
    a room holds for (``PUBLIC_LINE``). Call it only on a message that may hold one
    (``number_weight`` of 8 or more)."""
    view = norm.digits
    for match in _PHONE_RUN.finditer(view.text):
        raw = match.group()
        if _QUANTITY_AFTER.match(view.text, match.end()):
            continue
        # Separators are the person's, not the number's: parse the digits alone.
        candidate = ("+" if raw.startswith("+") else "") + _NOT_DIGIT.sub("", raw)
        digit_count = len(candidate) - candidate.startswith("+")
        if digit_count < 8:
            continue
        number = _parse(candidate)
        if number is None:
            continue
        if phonenumbers.is_valid_number(number):
            public = appealing or _public_number(number, norm.folded.text)
            yield (PUBLIC_LINE if public else 0.9, view.span(match.start(), match.end()))
        elif phonenumbers.is_possible_number(number) and digit_count >= 9:
            score = PUBLIC_LINE if appealing else 0.6
            yield (score, view.span(match.start(), match.end()))


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Phone numbers, e-mail addresses, app names, invitations and handles."""
    # Looked for only where a number can be (eight digits or more): the hot path stays cheap.
    may_have_number = number_weight(norm.folded.text) >= 8
    appealing = may_have_number and appeal(norm, context)
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
