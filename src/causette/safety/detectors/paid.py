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
    r"bucks\b|billets?\b)?\s*(?:de |pour |for |the |a |an |per |par |l'|l |le |la |les )?(?:une |un |1 |la |l'|the |an |a |one )?"
    r"(?:heure|h\b|1h|2h|demi[- ]heure|demie?\b|30 ?min|nuit|soiree|passe|plan|rencontre|rdv|moment|"
    r"hour|hr\b|half hour|half an hour|evening|night|session|meet|date|overnight|visit)\b"
)
_TRADE = re.compile(
    r"\b(?:plans?|rencontres?|massages?|discrete?s?|discretion|dispo|disponible|compagnie|companion|"
    r"companionship|for company|company only|discreet|session|host|hosting|incall|outcall|plaisir|cadeau|cadeaux|tarifs?|prix|"
    r"prestations?|services?|escort\w*|domicile|hotel|remunere\w*|especes|cash|tips|pourboires?|"
    r"gentleman|genereux|sugar|chaud|(?<!eau )chaude|coquine?|hot|sexy|bg|mec discret|passif|actif|"
    r"appart|chez moi|my place|stay|rester|avec moi|with me|pics|photos|"
    # The courteous register of the same offer: at my side, to spoil a young woman.
    r"a mes cotes|en ma compagnie|by my side|gater|spoil|entre adultes|between adults)\b"
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


# Care and training: a physiotherapist's or a sports masseur's session, a massage that treats
# ("décontracturant", "sportif", "shiatsu"), the refund by the health insurance, a course and
# its hours. The trade's own words (an act, "finition", "naturiste") override it.
_CARE = re.compile(
    r"\b(?:kine\w*|physio\w*|osteo\w*|masseur[- ]kine\w*|ordonnance|prescription|mutuelle|secu|"
    r"securite sociale|rembourse\w*|reeducation|therapeute|patients|nouveaux? patients?|cabinet|"
    r"massages? (?:sporti\w*|"
    r"therapeutiques?|decontract\w*|de recuperation|medica\w*|suedois|californiens?|prenatal\w*|"
    r"ayurved\w*|assis|amma|du dos|des pieds|bebe)|sports? massages?|deep tissue|remedial|shiatsu|"
    r"reflexolog\w*|drainage lymphatique|lymphatic|thalasso\w*|formations?|certificat\w*|diplome\w*|"
    r"cursus|stages?|modules?|heures de (?:cours|formation|pratique))\b"
)
_TRADE_ACTS = re.compile(
    r"\b(?:finition|happy ending|naturiste|tantrique|tantra|body|nuru|erotique|sensuel\w*|intime|"
    r"coquin\w*|hot|sexy|plus si affinites|complet|nue?s?|naked|nudes?|sexe|sex|pipe|fellation|"
    r"branlette|discret\w*|discretion|escort\w*|plan|plans)\b"
)


def cared_for(norm: Normalized, context: MessageContext) -> bool:
    """Whether a priced massage, session or hour is care or training: a professional, a
    treatment or a course named in the message or the conversation's last lines, and none
    of the trade's words in the message."""
    text = norm.folded.text
    if _TRADE_ACTS.search(text):
        return False
    return any(_CARE.search(line) for line in (text, *map(folded, context.recent[-4:])))


# One's trade named in the conversation: "I'm a sports massage therapist", "je suis plombière",
# "I work as a dog walker". Asked "how much do you charge?" after it, one asks a price list.
_PROFESSION = re.compile(
    r"\b(?:i'?m an?|i am an?|i work as an?|je suis|je bosse comme|je travaille comme|mon metier|"
    r"my job)\b(?: \w+){0,2}? (?:therapist|physio\w*|plumber|electrician|tutor|teacher|coach|"
    r"trainer|photographer|dog walker|cleaner|mechanic|hairdresser|barber|painter|decorator|"
    r"gardener|carpenter|builder|translator|designer|developer|accountant|lawyer|nanny|babysitter|"
    r"plombier\w*|electricien\w*|prof|professeure?|photographe|mecanicien\w*|coiffeu\w*|peintre|"
    r"jardinier\w*|menuisier\w*|traduct\w*|graphiste|developpeu\w*|comptable|avocate?|nounou|"
    r"kine|osteo\w*|therapeute|dieteticien\w*|naturopathe|sophrologue|esthetician\w*)\b"
)


def asked_of_a_professional(norm: Normalized, context: MessageContext) -> bool:
    """Whether rates asked in the message are asked of someone whose trade or care was named
    in the last lines, none of the trade's acts said there."""
    lines = (norm.folded.text, *map(folded, context.recent[-4:]))
    if any(_TRADE_ACTS.search(line) for line in lines):
        return False
    return any(_PROFESSION.search(line) or _CARE.search(line) for line in lines)


# "120h" or "35 h" with no currency and no "per": a number of hours (a course, a week's work),
# not a rate ("120 l'heure", "120€/h", "120 de l'heure").
_HOURS_COUNTED = re.compile(r"\d{2,4} ?(?:h|heures?|hours?|hrs?)$")


def counted_hours(said: str) -> bool:
    return _HOURS_COUNTED.fullmatch(said.strip()) is not None


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


# A plan that is a subscription: a phone or data plan, a gym, an insurance, paid by the month
# ("I'm on a $45 plan, unlimited data", "un plan à 30 € par mois chez Free"). The trade's "plan"
# is an encounter, never a monthly bill.
_SUBSCRIPTION = re.compile(
    r"\b(?:data|\d+ ?(?:gb|go|giga)|mobile|phone|cell|sim|e-?sim|prepaid|prepaye|top ?up|unlimited|"
    r"illimite\w*|forfaits?|abonnements?|subscriptions?|monthly|mensuel\w*|a month|per month|par mois|"
    r"/ ?mois|/ ?month|/ ?mo\b|internet|broadband|fibre|fiber|wifi|streaming|netflix|spotify|gym|"
    r"insurance|assurance|mutuelle|payment plan|echeancier|contract|contrat|carrier|operateur|network|"
    r"telco|telstra|optus|vodafone|verizon|t-mobile|boost|orange|sfr|bouygues|sosh|free mobile)\b"
)


def subscribed(match: re.Match[str], norm: Normalized, context: MessageContext) -> bool:
    """Whether the "plan" priced at ``match`` is a subscription (the message or the last
    lines name a phone, data or a monthly bill)."""
    if not match.group().endswith("plan"):
        return False
    lines = (norm.folded.text, *map(folded, context.recent[-3:]))
    return any(_SUBSCRIPTION.search(line) for line in lines)


def _paid_time(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    if int(match.group("price")) < 30 or rented(norm.folded.text, match):
        return None
    if counted_hours(match.group()) or cared_for(norm, context):
        return None
    if subscribed(match, norm, context):
        return None
    if _TRADE.search(norm.folded.text) or any(
        _TRADE.search(folded(earlier)) for earlier in context.recent[-4:]
    ):
        return ("sex.price", 0.7)
    return None


# A price spelled out, as in Belgium and Switzerland too ("septante euros la demi-heure",
# "cent cinquante l'heure", "nonante pour la nuit"): the same judge as a price in digits.
_TENS = r"(?:trente|quarante|cinquante|soixante|septante|huitante|octante|nonante)"
_SPELLED = (
    rf"(?:(?:deux |trois |quatre |cinq )?cents?(?: {_TENS}| vingt| dix)?|{_TENS}(?:[- ](?:et[- ])?"
    r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze))?|quatre[- ]vingts?(?:[- ]dix)?)"
)
_SPELLED_PER_TIME = (
    rf"\b{_SPELLED}(?: (?:euros?|balles|francs|chf|roses))? (?:la |l'|le |de l'|pour (?:une |la |l')?|"
    r"par )(?:heure|demi[- ]heure|nuit|passe|soiree|plan)\b"
)


def _spelled_time(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Spelled out, "septante francs la soirée" is as often the raclette of the evening among
    # friends who are "dispo": only the trade's own acts, not its looser words, make it one.
    if rented(norm.folded.text, match) or cared_for(norm, context):
        return None
    if _TRADE_ACTS.search(norm.folded.text) or any(
        _TRADE_ACTS.search(folded(earlier)) for earlier in context.recent[-4:]
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


# An amount as people type it: "300", "1 000", "1.500", "2k".
_AMOUNT = r"(?:[1-9]\d{0,2}(?:[ .'’]\d{3})+|[1-9]\d{2,4}|\d{1,2} ?k)"
# What an arrangement pays for: dinners, the hotel, nights, trips, being available.
_ARRANGED = re.compile(
    r"\b(?:rencontres?|rendez-vous|rdv|dates?|diners?|dinners?|hotels?|nuits?|nights?|compagnie|"
    r"company|disponibles?|available|soirees?|voyages?|trips?|week-?ends?|en echange|in exchange|"
    r"relation (?:simple|discrete|sans prise de tete)|no strings)\b"
)


def _arranged(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # An allowance by the month is also a family benefit or a child's pocket money; with
    # dinners, a hotel or nights named in the message or just before, it buys company.
    lines = (norm.folded.text, *map(folded, context.recent_from_sender[-2:]))
    return ("escort.offer", 0.75) if any(_ARRANGED.search(line) for line in lines) else None


RULES: list[Rule] = [
    # The sugar arrangement in plain words: an allowance by the month, however the amount is
    # written, with dinners or nights; help with one's studies or rent for company, the night
    # included; a price for the first evening.
    rule(
        "escort.offer",
        0.75,
        rf"\b(?:allocation|allowance|argent de poche|pocket money|aide mensuelle|aide financiere)\b"
        rf"[^.!?\n]{{0,15}}?\b{_AMOUNT} ?(?:€|e|eur|euros?|\$|dollars?|£|pounds?)? ?(?:par|per|a|/|chaque|"
        rf"every) ?(?:mois|semaine|month|week)\b",
        "allocation",
        "allowance",
        "argent de poche",
        "pocket money",
        "aide mensuelle",
        "aide financiere",
        judge=_arranged,
    ),
    rule(
        "escort.offer",
        0.8,
        r"\b(?:je (?:vous|t'?) ?aide\w* (?:pour|a payer|avec|financierement pour) (?:vos|tes|ton|votre) "
        r"(?:etudes|loyer|factures|fins de mois|frais)|i (?:help|pay|cover) (?:with )?(?:your|ur) "
        r"(?:tuition|rent|bills|studies|student loans?))\b[^.!?\n]{0,40}\b(?:(?:vous|tu) me (?:tenez|tiens|"
        r"tiendrez|tiendras|tiendriez) compagnie|(?:you|u) keep me company)\b",
        "aide",
        "help",
        "pay",
        "cover",
    ),
    rule(
        "escort.offer",
        0.75,
        r"\b(?:(?:vous|tu) me (?:tenez|tiens|tiendrez|tiendras|tiendriez) compagnie|(?:you|u) keep me "
        r"company)\b[^.!?\n]{0,25}\b(?:y compris|meme|aussi|jusqu'?a|including|even|also|all) (?:la nuit|"
        r"le matin|at night|the night|overnight)\b",
        "compagnie",
        "company",
    ),
    rule(
        "escort.offer",
        0.75,
        rf"\b{_AMOUNT} ?(?:€|e|eur|euros?|\$|dollars?|£)? (?:le|pour le|au|for the|for our|on the) "
        r"(?:premier|first) (?:soir|rendez-vous|rdv|rencard|date|meet|night|diner)\b",
        "premier",
        "first",
        judge=_traded,
    ),
    # A man of means who likes to spoil a young woman: the sugar pitch before any sum ("j'aime
    # gâter une jeune femme", "I love to spoil a young student"). One's wife or grandchildren,
    # named, are family; a young woman in general is whoever accepts.
    rule(
        "escort.offer",
        0.6,
        r"\b(?:j'?aime|j'?adore|je cherche a|je souhaite|je voudrais|je veux|(?:i|i'?d) (?:love|like|"
        r"want|would like) to|looking to) (?:gater|choyer|entretenir|spoil|pamper) (?:une|a|an) "
        r"(?:(?:belle|jolie|charmante|pretty|beautiful|lovely|nice) )?(?:jeunes? (?:femme|fille|"
        r"demoiselle|etudiante)|etudiante|demoiselle|young (?:woman|lady|girl|student)|student|girl)\b",
        "gater",
        "choyer",
        "entretenir",
        "spoil",
        "pamper",
    ),
    rule(
        "sex.price",
        0.7,
        _SPELLED_PER_TIME,
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "septante",
        "huitante",
        "octante",
        "nonante",
        "vingt",
        "cent ",
        "cents ",
        judge=_spelled_time,
    ),
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
    # The same, put courteously: "1 500 € par mois, versés le premier, contre deux soirées par
    # semaine à mes côtés". The sum and the evenings further apart and counted, so a job's
    # hours read alike: the trade's words, or the speaker's side, must be near (``_traded``).
    rule(
        "escort.offer",
        0.75,
        rf"\b{_AMOUNT} ?(?:€|e|eur|euros?|\$|dollars?|£)?(?: (?:par|per|a|chaque|every) "
        r"(?:mois|semaine|month|week))?\b[^.!?\n]{0,40}?\b(?:contre|en echange de|in exchange for) "
        r"(?:deux|trois|quatre|2|3|4|quelques|plusieurs|two|three|four|a few|several) "
        r"(?:soirees|nuits|week-?ends|diners|rencontres|evenings|nights|dinners|dates)\b"
        r"(?! (?:de |d'|of )?(?:service|travail|boulot|garde|baby-?sitting|cours|permanence|menage|"
        r"work|shifts?|babysitting|tutoring|class\w*))",
        "contre",
        "echange",
        "exchange",
        judge=_traded,
    ),
    # Street money for a length of time ("deux billets violets pour une heure", "un petit cadeau
    # pour la nuit"), an allowance offered to a stranger, a price "for your time".
    rule(
        "escort.offer",
        0.75,
        rf"\b{_MONEY} (?:pour|for|de|la|l'|per|a) (?:une |1 |la |l'|an |the |a )?(?:heure|nuit|soiree|passe|demi[- ]heure|hour|night|evening|half hour)\b|\b(?:i offer|i give|i'?ll give|i pay|je (?:te |vous )?(?:donne|propose|verse|offre)) (?:you |u )?(?:a |an |une |un )?(?:monthly |weekly |generous |mensuel\w* )?(?:allowance|argent de poche|aide mensuelle)\b|(?:[$€£] ?\d[\d.,]*k?|\d[\d.,]*k? ?(?:€|\$|£|euros?|dollars?|pounds?))\W{{0,3}} ?(?:for your time|for ur time|pour ton temps|pour votre temps|for your trouble|pour (?:ton|votre|le) derangement|pour (?:te|vous) dedommager)\b",
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
        "trouble",
        "derangement",
        "dedommager",
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


# "C'est payant ?" asked of a service, a museum, a phone line: a question about a price, not
# an advert's terms, unless the trade's words are in the message or the lines before.
_ASKED_AFTER = re.compile(
    r"\s*(?:\?|ou (?:pas|gratuit|payant)\b|,? (?:le|la|les|ce|ca|this|it)\b[^.!]*\?)"
)


def asked_if_paying(match: re.Match[str], norm: Normalized, context: MessageContext) -> bool:
    """Whether the "c'est payant" at ``match`` asks whether something costs, away from the trade."""
    if _ASKED_AFTER.match(norm.folded.text, match.end()) is None:
        return False
    lines = (norm.folded.text, *map(folded, context.recent[-3:]))
    return not any(_TRADE.search(line) for line in lines)


# A minimum that is a deposit, an order, a stake or a fee: "250 minimum deposit", "commande de
# 30 € minimum", "mise minimum 10". The trade's "200 minimum" is the price of the encounter.
_PURCHASE = re.compile(
    r"\b(?:deposits?|depots?|deposer|invest\w*|trading|crypto\w*|bourse|commandes?|orders?|achats?|"
    r"purchases?|livraison|delivery|shipping|caution|mises?|bets?|stakes?|paris sportifs|loyer|rent|"
    r"salaires?|salary|budget|frais|fees?|retraits?|withdraw\w*|panier|basket|cart|spend|virements?|"
    r"transfers?|encheres?|bids?|abonnements?|subscriptions?|buy-?in|ticket|billets?|places?|cotisation|"
    r"don|dons|donation|apport|pret|loan|epargne|savings|compte|account|plateforme|platform|app)\b"
)


def minimum_of_a_purchase(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``sex.price`` for "200 minimum", "pas de négo", unless the minimum is of a purchase,
    a deposit or a stake named in the message."""
    said = match.group()
    if ("mini" in said or "negociable" in said) and _PURCHASE.search(norm.folded.text):
        return None
    return ("sex.price", 0.6)
