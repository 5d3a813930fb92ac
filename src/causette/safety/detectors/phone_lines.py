"""Phone numbers in a message, and whose they are: a business's, a room's appeal, one's own.

``phones`` finds the numbers (``phonenumbers`` on the digit runs of the ``digits`` view) and
scores each: a person's number scores high, a line its owner gives to be reached by anyone
(a business's public line, the call-back number of a search appeal, one's own number in a
room) scores ``PUBLIC_LINE``, under what a room holds for. ``business_line`` tells the
doxxing rules that "leur numéro" is a shop's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.gate import Setting
from causette.safety.normalize import Normalized

# A run of digits, allowing the separators people put between them (spaces, dots, dashes,
# slashes, brackets, an emoji folded to a space) and a leading "+".
_PHONE_RUN = re.compile(r"\+?\(?\d(?:[\s.\-/()*_~,]{0,3}\d){7,16}")
_NOT_DIGIT = re.compile(r"\D")

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
_THEIR_LINE = r"\b(?:leur|leurs|their) (?:fixe|num\w*|tel\w*|standard|accueil|secretariat|number|phone|line)\b"
_FRAME = (
    # "c'est elle qui prend les commandes": the shop's order line, not a person's.
    r"\b(?:reserv\w*|commande[rsz]?|prend (?:les )?commandes|takes? (?:the )?orders|"
    r"prendre (?:un )?rdv|prise de rdv|book(?:ing)?|"
    r"reservations?|call (?:them|the|ahead))\b"
    r"|\b(?:pharmacies?|restaurants?|resto|brasserie|boulangerie|magasins?|boutiques?|garages?|"
    r"cabinet|clinique|hopital|urgences|mairie|prefecture|agence|standard|accueil|secretariat|"
    r"service (?:client|apres[- ]vente)|sav|hotline|mutuelle|banque|medecin|dentiste|veto|"
    r"veterinaire|plombier|plomberie|serrurier|serrurerie|electricien|menuiserie|chauffagiste|"
    r"entreprise|societe|atelier|bureau|taxi|association|asso|club|salle|cinema|musee|office de tourisme|"
    r"pharmacy|restaurant|store|shop|clinic|hospital|office|front desk|reception|customer service|"
    r"salon|coiffeu\w+|bakery|cafe|pub|surgery|dentist|vet|takeaway|florist|hairdresser\w*|"
    r"(?:opens|closes) at|to order)\b"
    r"|\b(?:plomb|menuis|serrur|carross|bouch|charcut|patiss|quincaill|librair|imprim|teintur)eries?\b"
    r"|\b(?:tel|telephone|numero|ligne|fixe) (?:du|de la|de l'?) ?(?:bureau|boutique|magasin|atelier|"
    r"entreprise|societe|standard|agence|cabinet)\b"
    r"|\b(?:horaires?|ouverts?|ouverte|fermes? le|de garde|opening hours|open (?:from|until|till|daily))\b"
)
_BUSINESS = re.compile(f"{_THEIR_LINE}|{_FRAME}")
_BUSINESS_FRAME = re.compile(_FRAME)
# Where a shop's number is posted for anyone to read: its window, its site, the directory.
_PUBLISHED = re.compile(
    r"\b(?:sur|dans|on|in) (?:la |le |leur |l'|the |their )?(?:vitrine|devanture|porte|site\w*|page|"
    r"annuaire|pages jaunes|google\w*|carte de visite|flyers?|window|door|website|web ?site|"
    r"directory|yellow pages|card|sign)\b|\baffiche\w*\b"
)


def business_line(norm: Normalized, context: MessageContext) -> bool:
    """Whether "leur numéro", "their number" is a business's: a shop, a practice, spoken of
    in this line or the few before, whose number is a landline or is posted publicly."""
    text = norm.folded.text
    # "affiché sur la porte" is posted, not "affichez-la": that word alone does not make it personal.
    if any(not m.group().startswith("affich") for m in _PERSONAL.finditer(text)):
        return False
    lines = (text, *map(folded, context.recent[-3:]))
    if not any(_BUSINESS_FRAME.search(line) for line in lines):
        return False
    if _PUBLISHED.search(text):
        return True
    for match in _PHONE_RUN.finditer(norm.digits.text):
        number = _parse(_NOT_DIGIT.sub("", match.group()))
        if number is not None and phonenumbers.number_type(number) in _PUBLIC_NUMBER_KINDS:
            return True
    return False


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
# Something found, and its owner asked to call the finder: "j'ai trouvé un portefeuille" (in
# this line or the sender's last ones), "si c'est à quelqu'un d'ici", "if it's yours". The
# number is the finder's own, given to be reached by whoever lost it.
_FOUND = re.compile(
    r"\b(?:j'?ai|on a|i'?ve|i have|we) (?:trouve|ramasse|recupere|found|picked up) (?:un|une|des|le|"
    r"la|les|a|an|some|this|these) (?:\w+ )?(?:portefeuille|porte-?monnaie|sac|sacoche|cles|clefs|"
    r"trousseau|telephone|portable|doudou|chien|chienne|chat|chaton|carte|papiers|velo|montre|"
    r"bague|lunettes|wallet|purse|bag|keys|phone|dog|cat|puppy|kitten|card|bike|ring|watch|"
    r"glasses|passport|passeport)\b|\bsi (?:c'?est|ca est) a (?:quelqu'?un|qqn|toi|vous)\b|"
    r"\bif (?:it'?s|this is) (?:yours|someone'?s|your)\b|\bobjets? trouves?\b|\blost (?:and|&) found\b"
)
# ... unless the appeal is for someone else to be called, or to be harassed.
_NOT_APPEAL = re.compile(
    r"\b(?:son|sa|ses|his|her|their) (?:num\w*|tel\w*|portable|06|07|phone|number|cell)\b"
    r"|\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|tabass\w*|flood\w*)\b"
)


# One's own line, given in a room to be reached: "appelez-moi au 07...", "ring me on ..., that's
# my mobile", "me joindre au", "joignable au", a tradesman's "pour un devis : 06...", a seller's
# "intéressés ? 06...". Like a business's line, it is the sender's to give (the room is told,
# not held); the number of anyone else, or one given to harass, stays high (``_NOT_OWN``).
_OWN_LINE = re.compile(
    r"\b(?:mon|ma|my) (?:num\w*|tel\w*|portable|port|mobile|cell\w*|fixe|ligne|06|07|phone|"
    r"number|gsm|whatsapp|wsp)\b|\b(?:appelez|appelle|apelle|apellez|contactez|contacte|ecrivez|"
    r"ecris|textez|texte|sonnez|bipez|joignez)[- ]?(?:moi|moa|mwa|nous)\b"
    r"|\b(?:m'?appeler|me contacter|m'?ecrire|me joindre|me texter|nous joindre|nous appeler|"
    r"nous contacter|me (?:laisser|faire|envoyer) un (?:message|sms|texto|appel|coup de fil))\b"
    r"|\b(?:je suis|suis|on est|nous sommes|toujours|reste) (?:joignable|dispo\w*|disponible\w*) "
    r"(?:au|sur|par|at|on)\b|\bjoignable (?:au|sur|at|on)\b"
    r"|\b(?:call|text|ring|phone|whatsapp|message|msg|reach|contact|bell|buzz) (?:me|us)\b"
    r"|\bgive (?:me|us) a (?:call|ring|bell|text|buzz)\b|\bthat'?s my\b|\bc'?est (?:mon|le mien)\b"
    # A trade's or a seller's own frame: a quote, enquiries, an ad's "interested?".
    r"|\b(?:pour (?:un|les|vos|tout|toute|des|plus d'?) ?(?:devis|renseignements?|infos?|"
    r"informations?|questions?|rdv|rendez-vous|commandes?)|devis gratuit|(?:for|free) (?:a )?"
    r"(?:quotes?|enquiries|inquiries|more info|info|bookings?|appointments?)|interesse\w*|"
    r"interested)\b"
)
# ... unless the number is someone else's: their line ("son 06", "le numéro de ma sœur"),
# a call to ring them, the listener's, or a pile-on.
_NOT_OWN = re.compile(
    r"\b(?:son|sa|ses|leur|his|her|their|ton|ta|your|ur) (?:num\w*|tel\w*|portable|mobile|cell\w*|"
    r"fixe|ligne|06|07|phone|number)\b|\b(?:num\w*|tel\w*|portable|06|07|number|phone) (?:de|du|d'|of) "
    r"(?!moi\b|me\b|tel|portable|fixe|mobile|phone|contact|gsm|urgence)|\b(?:appelez|appelle|call|text|ring|ecrivez|ecris|contactez|harcelez|spammez)[- ]"
    r"(?:le|la|les|lui|leur|him|her|them)\b|\b(?:mon|ma|my) (?:frere|soeur|pere|mere|fils|fille|mari|"
    r"femme|pote|ami|amie|copain|copine|collegue|patron|boss|cousin|cousine|oncle|tante|voisin|"
    r"voisine|brother|sister|dad|mum|mom|son|daughter|husband|wife|friend|mate|colleague|"
    r"supervisor|manager|uncle|aunt|neighbour|neighbor|cousin)\b"
    r"|\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|flood\w*|affich\w*|"
    r"tabass\w*)\b"
)
# A seller's or a trade's earlier line makes the bare number theirs ("je vends mon vélo ...",
# then "06 ..."; "je suis plombier à mon compte", then "pour un devis : 06 ...").
_OWN_TRADE = re.compile(
    r"\b(?:je (?:vends|vend|loue|propose|donne)|a vendre|a louer|je suis (?:artisan|plombier|"
    r"electricien|serrurier|menuisier|peintre|macon|couvreur|jardinier|paysagiste|chauffagiste|"
    r"carreleur|photographe|coiffeu\w+|estheticienne|nounou|assistante maternelle|prof particulier|"
    r"auto[- ]entrepreneu\w+|independant\w*)|a mon compte|mon (?:entreprise|atelier|salon|"
    r"cabinet|commerce|activite)|i'?m (?:selling|a (?:plumber|electrician|locksmith|builder|"
    r"painter|decorator|gardener|photographer|hairdresser|tutor|childminder))|for sale|"
    r"self[- ]employed|my (?:business|shop|company|salon))\b"
)


def own_line(norm: Normalized, context: MessageContext) -> bool:
    """Whether a room message gives the sender's own number (``_OWN_LINE``)."""
    if context.setting is not Setting.ROOM:
        return False  # in private, a number given is a step the grooming rules weigh
    texts = [view.text for view in norm.scanned]  # "app3lez-moi" too
    if any(_NOT_OWN.search(text) for text in texts):
        return False
    if any(_OWN_LINE.search(text) for text in texts):
        return True
    recent = [folded(line) for line in context.recent_from_sender[-3:]]
    return any(_OWN_TRADE.search(line) for line in (texts[0], *recent))


# A tradesman or a practice recommended to a room with their line: "j'ai un plombier à
# recommander : Dupont, 06 ...", "je vous conseille mon garagiste, très honnête", "if anyone
# needs an electrician, Dave's great: 07 ...". A business's number passed on, like a shop's
# public line, unless it is given against someone (``_NOT_OWN``'s pile-on words) or is a
# person's ("son 06").
_RECOMMEND = re.compile(
    r"\b(?:je (?:vous |te |le |la |les |vous le |vous la |te le |te la )?(?:recommande|conseille)|"
    r"a recommander|recommande\w*|conseille par|bonne adresse|tres (?:pro|serieux|serieuse|honnete|"
    r"efficace|reactif|reactive|competent|competente)|honnete|au top|pas cher|prix correct|"
    r"pour ceux qui (?:cherch\w*|ont besoin)|si (?:vous cherchez|tu cherches|quelqu'?un cherche|"
    r"vous avez besoin|besoin)|(?:highly |would )?recommend\w*|if (?:anyone|anybody|you) (?:needs?|"
    r"is looking for|are looking for|wants?)|for anyone (?:looking for|who needs)|reliable|"
    r"trustworthy|(?:really |very )?(?:good|great|decent|honest|cheap|fair) (?:price|prices|rates))\b"
)
_TRADE = re.compile(
    r"\b(?:plombi\w+|plomberie|electricien\w*|electricite|serruri\w+|garag\w+|mecanicien\w*|"
    r"chauffagiste|menuisi\w+|peintre|macon\w*|maconnerie|couvreur|couverture|jardinier|paysagiste|"
    r"carreleur|demenageu\w+|demenagement|vitrier|ramoneur|depanneu\w+|artisan|traiteur|"
    r"photographe|coiffeu\w+|estheticienne|osteo\w*|kine\w*|dentiste|veto|veterinaire|taxi|"
    r"plumber|plumbing|electrician|locksmith|mechanic|garage|builder|roofer|handyman|decorator|"
    r"gardener|landscaper|tiler|removals?|movers?|glazier|chimney sweep|caterer|photographer|"
    r"hairdresser|barber|physio|osteopath|dentist|vet|cab|taxi|sarl|sas|eurl|ltd)\b"
)
_AGAINST = re.compile(
    r"\b(?:son|sa|his|her) (?:num\w*|tel\w*|portable|06|07|number|phone|cell)\b"
    r"|\b(?:harcel\w*|harass\w*|spam\w*|insult\w*|pourri\w*|defonce\w*|flood\w*|tabass\w*|"
    r"arnaqu\w*|escroc|scam\w*|toute la nuit|all night)\b"
)


def recommended(norm: Normalized, context: MessageContext) -> bool:
    """Whether a room message passes on a recommended tradesman's or practice's number."""
    if context.setting is not Setting.ROOM:
        return False
    text = norm.folded.text
    if _AGAINST.search(text) or not _TRADE.search(text):
        return False
    lines = (text, *map(folded, context.recent_from_sender[-2:]))
    return any(_RECOMMEND.search(line) for line in lines)


def appeal(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message is a room's appeal with one's own number to call."""
    if context.setting is not Setting.ROOM:
        return False
    text = norm.folded.text
    if _NOT_APPEAL.search(text) is not None:
        return False
    if _APPEAL.search(text) is not None or _FOUND.search(text) is not None:
        return True
    return any(_FOUND.search(folded(line)) for line in context.recent_from_sender[-3:])


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


def parse_number(candidate: str) -> phonenumbers.PhoneNumber | None:
    """The reading of a run of digits as a phone number (``_parse``), for the split reader."""
    return _parse(candidate)


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
