"""Paid company: a price for a length of time or an encounter, money offered for one.

"100 le plan", "200 euros the evening", "150 for an hour", "rencontres contre un petit cadeau",
"moi c'est que du rémunéré", and a bare "180" answering "c'est combien pour une heure ?". A
wage, a hotel room or a lawyer's hour read the same, so the words of the trade must be near,
and a room or a professional named with the price makes it ordinary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import DIGITS, Rule, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# Paid company: an amount for a length of time or an encounter ("100 le plan", "200 euros the
# evening", "150 for an hour"). A wage or a hotel room reads the same, so the words of the
# trade must be in the message or in what came just before.
_PER_TIME = (
    r"(?P<price>\d{2,4})\s*(?:€|e\b|eur\b|euros?\b|balles\b|boules\b|roses?\b|\$|dollars?\b|"
    r"bucks\b|billets?\b)?\s*(?:de |pour |for |the |a |an |per |par |l'|l |le |la |les )?(?:une |un |1 |la |l'|the |an |a )?"
    r"(?:heure|h\b|1h|2h|demi[- ]heure|demie?\b|30 ?min|nuit|soiree|passe|plan|rencontre|rdv|moment|"
    r"hour|hr\b|half hour|half an hour|evening|night|session|meet|date|overnight|visit)\b"
)
_TRADE = re.compile(
    r"\b(?:plans?|rencontres?|massages?|discrete?s?|discretion|dispo|disponible|compagnie|companion|"
    r"companionship|session|host|hosting|incall|outcall|plaisir|cadeau|cadeaux|tarifs?|prix|"
    r"prestations?|services?|escort\w*|domicile|hotel|remunere\w*|especes|cash|tips|pourboires?|"
    r"gentleman|genereux|sugar|chaud|(?<!eau )chaude|coquine?|hot|sexy|bg|mec discret|passif|actif|"
    r"appart|chez moi|my place|stay|rester|avec moi|with me|pics|photos)\b"
)

_RENTED_FOR = re.compile(
    r"\b(?:pour|for) (?:un |une |le |la |l'|les |the |a |an )?(?:hotels?|airbnb|chambre|room|avocat|"
    r"lawyer|plombier|plumber|electricien|consultant|freelance|mecanicien|garagiste|notaire|psy|"
    r"medecin|prof|cours|lecon|seance|location|parking|babysitting|baby-sitting|nounou|menage)\b|"
    r"\b(?:pour|to|for) (?:garder|faire garder|surveiller|promener|sortir|watch|walk|mind|look after|"
    r"pet-?sit|dog-?sit|house-?sit)\b"
)


# The thing rented named right after the price ("120 la nuit à l'hôtel", "la nuit au camping"):
# "150 l'heure, à l'hôtel" (with its comma) is where a meeting takes place, not what is paid.
_LODGING_AFTER = re.compile(
    r"\s(?:a l'|au |a la |en |dans (?:un |une |le |la |l'))(?:hotel|camping|gite|airbnb|auberge|"
    r"hostel|chambre|resto|restaurant|ritz|ibis|novotel|palace|refuge|spa|club|cinema|parking)\b|"
    r"\s(?:chez|at) (?:ton|ta|le|la|mon|ma|un|une|l'|your|my|the|a) ?(?:kine|osteo|coiffeur|dentiste|"
    r"medecin|veto|veterinaire|prof|coach|physio|dentist|hairdresser|vet)\b"
)


def rented(text: str, match: re.Match[str]) -> bool:
    """Whether the price at ``match`` is for a room, a service or a professional's time."""
    return bool(
        _RENTED.search(text, 0, match.start())
        or _RENTED_FOR.search(text, match.end())
        or _LODGING_AFTER.match(text, match.end())
    )


_RENTED = re.compile(
    r"\b(?:hotels?|airbnb|auberge|hostel|gites?|camping|chambres? d'?hotes?|loyer|location|parking|"
    r"babysitting|baby[- ]sitting|menage|cours particuliers?|smic|salaire|room|rent|wage|tutoring|"
    r"seances?|kine|osteo|consultation|cours|lecons?|coiffeur|salle|terrain|court|velo|voiture|"
    r"avocat|lawyer|plombier|plumber|electricien|consultant|freelance|mecanicien|notaire|tarif horaire|"
    # A tradesman's quote: labour, the call-out, the estimate, the invoice, taxes.
    r"main d'?oeuvre|devis|factur\w*|ttc|hors taxes?|depannage|chantier|artisan\w*|travaux|"
    r"labou?r|call[- ]out fee|quote|invoice)\b"
)


def _paid_time(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    if int(match.group("price")) < 30 or rented(norm.folded.text, match):
        return None
    if _TRADE.search(norm.folded.text) or any(
        _TRADE.search(folded(earlier)) for earlier in context.recent[-4:]
    ):
        return ("sex.price", 0.7)
    return None


# Money words of the street: "2 billets violets" (500-euro notes), "des sous", "du cash".
_MONEY = (
    r"(?:(?:une |la |un |des )?(?:un (?:petit )?cadeau|des cadeaux|cadeau|une compensation|compensation|remuneration|"
    r"(?:\d+|des|deux|trois) billets(?: violets| verts| jaunes| bleus| rouges)?|billets? violets?|"
    r"des sous|de l'?argent|du cash|de la thune|du liquide|un dedommagement|participation|"
    r"a gift|gifts|money|cash|a donation|donations?))"
)
_ENCOUNTER = (
    r"(?:rencontres?|plans?|moments?|soirees?|nuits?|compagnie|massages?|services?|rdv|"
    r"(?:je|j') (?:propose|offre|fais)|dates?|meets?|company|encounters?|time together|fun)"
)


def _traded(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Money for a length of time or for "your time": a wage or a room unless the words of the
    # trade are in the message or in what came just before.
    if rented(norm.folded.text, match):
        return None
    # An allowance offered to a stranger is the arrangement itself.
    if (
        re.search(r"allowance|argent de poche|aide mensuelle", match.group())
        or _TRADE.search(norm.folded.text)
        or any(_TRADE.search(folded(earlier)) for earlier in context.recent[-4:])
    ):
        return ("escort.offer", 0.75)
    return None


RULES: list[Rule] = [
    # Paid company.
    rule(
        "sex.price",
        0.7,
        rf"\b{_PER_TIME}",
        *DIGITS,
        judge=_paid_time,
    ),
    rule(
        "escort.offer",
        0.75,
        rf"\b{_ENCOUNTER}\b[^.!?\n]{{0,25}}?\b(?:contre|en echange d'?|moyennant|for|in exchange for|against) {_MONEY}\b|\b(?:que|du|en|plans?|rencontres?|moments?|soirees?|services?|only|just) (?:du |en )?(?:remunere\w*|paye\w*|payant\w*|tarife\w*)\b|\b(?:paid|paying) (?:companion\w*|session|date|meet\w*|encounter|company|fun|time|massage|service)\b|\bthe rest (?:is|in) tips\b|\b(?:sugar|paid) (?:daddy|arrangement|baby)\b",
        "contre",
        "echange",
        "moyennant",
        "against",
        "for a",
        "for gift",
        "for money",
        "for cash",
        "for some",
        "remunere",
        "paye",
        "payant",
        "tarife",
        "paid",
        "paying",
        "tips",
        "sugar",
    ),
    # The money first, the company after: "500 par mois contre des rencontres régulières",
    # "100 de plus si tu dors chez moi".
    rule(
        "escort.offer",
        0.75,
        rf"\b(?:\d{{2,5}} ?(?:€|e|euros?|\$|dollars?)?|{_MONEY})(?: par (?:mois|semaine|soiree|nuit)| a month| a week)?\b[^.!?\n]{{0,15}}?\b(?:contre|en echange d'?|in exchange for|for) (?:des |de |quelques |une |un |some |regular )?(?:rencontres?|moments?|soirees?|nuits?|compagnie|visites?|dates?|meets?|encounters?)\b|\b\d{{2,5}} ?(?:€|e|euros?|\$)? (?:de plus|en plus|more|extra) (?:si|if) (?:tu|you) (?:dors|restes|passes la nuit|sleep|stay)\b",
        "contre",
        "echange",
        "for",
        "plus",
        "more",
        "extra",
    ),
    # Street money for a length of time ("deux billets violets pour une heure", "un petit cadeau
    # pour la nuit"), an allowance offered to a stranger, a price "for your time".
    rule(
        "escort.offer",
        0.75,
        rf"\b{_MONEY} (?:pour|for|de|la|l'|per|a) (?:une |1 |la |l'|an |the |a )?(?:heure|nuit|soiree|passe|demi[- ]heure|hour|night|evening|half hour)\b|\b(?:i offer|i give|i'?ll give|i pay|je (?:te |vous )?(?:donne|propose|verse|offre)) (?:you |u )?(?:a |an |une |un )?(?:monthly |weekly |generous |mensuel\w* )?(?:allowance|argent de poche|aide mensuelle)\b|(?:[$€£] ?\d[\d.,]*k?|\d[\d.,]*k? ?(?:€|\$|£|euros?|dollars?|pounds?))\W{{0,3}} ?(?:for your time|for ur time|pour ton temps|pour votre temps)\b",
        "cadeau",
        "billet",
        "sous",
        "argent",
        "cash",
        "thune",
        "liquide",
        "dedommagement",
        "participation",
        "compensation",
        "remuneration",
        "gift",
        "money",
        "donation",
        "allowance",
        "aide mensuelle",
        "time",
        "temps",
        judge=_traded,
    ),
]

# "C'est combien pour une heure ?" then "180": the price of time given as an answer.
_TIME_PRICE_ASKED = re.compile(
    r"\b(?:c'?est )?combien (?:pour |la |l'|le )?(?:une heure|1h|l'?heure|la nuit|une nuit|la soiree|"
    r"le plan|la passe|la demi[- ]heure|30 ?min)|\bhow much (?:for|per) (?:an hour|the hour|the night|"
    r"a night|the evening|half an hour)|\b(?:tes|vos|your) (?:tarifs|prix|rates)\b"
)
_BARE_PRICE = re.compile(
    r"^\W*(?:(?:c'?est|it'?s|moi c'?est)\s+)?(?P<price>\d{2,4})\s*(?:€|e|eur|euros?|roses?|\$|dollars?|bucks)?\b"
    r"(?!\s*(?:min|minutes?|km|kg|cm|m|h|heures?|hours?|ans|years?|%|fois|times|personnes|people)\b)"
)


def bare_price(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """``sex.price`` for a bare amount answering "c'est combien pour une heure ?"."""
    view = norm.folded
    bare = _BARE_PRICE.match(view.text)
    if bare is None or int(bare.group("price")) < 40 or rented(view.text, bare):
        return
    if any(_TIME_PRICE_ASKED.search(folded(earlier)) for earlier in context.recent[-2:]):
        yield Signal("sex.price", 0.7, view.span(bare.start("price"), bare.end("price")))
