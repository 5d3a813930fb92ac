"""Sexual services: prices and escort offers.

A price alone is ordinary ("je l'ai acheté 100 euros"); it becomes ``sex.price`` next to a
service, a duration or the words of the trade ("tarifs", "roses" for euros, "complet").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.paid import (
    asked_if_paying,
    asked_of_a_professional,
    cared_for,
    minimum_of_a_purchase,
    rented,
    subscribed,
)
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import DIGITS, RuleSet, rule
from causette.safety.detectors.sexual_recruit import RECRUIT_RULES, told
from causette.safety.detectors.sexual_terms import TERMS_RULES
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_PRICE = r"\d{2,4}\s?(?:€|e\b|eur\b|euros?\b|balles\b|boules\b|roses?\b|\$|dollars?\b|bucks\b)"
# What is sold: an act, or a length of time with a person (not "15 € de l'heure", a wage).
_SERVICE = (
    r"(?:la |l'|les |une |un |pour (?:une |la |1 |un |l')?)?(?:pipe|fellation|sodo|rapport|complet|"
    r"massage|prestation|plan|sexe|baise|branlette|gorge profonde|sans capote|nature|video|"
    r"photos? (?:nue?|coquines?|hot)|nudes?|cam|show|domination)"
)
_TIME = (
    r"(?:la |l'|les |pour (?:une |la |1 |un |l')?)(?:nuit|heure|h\b|1h|2h|demi[- ]heure|30 ?min|"
    r"20 ?min|15 ?min|passe|soiree|rencontre|rdv|moment)"
)
_ACT = (
    r"(?:pipe|fellation|sodo|rapport|complet|sexe|baise|branlette|gorge profonde|sans capote|"
    r"massage (?:complet|avec finition|naturiste|tantrique|body)|plan cul|plan q|nudes?|"
    r"photos? (?:nue?s?|coquines?|hot))"
)


# Nights and hours that are rented, not bought from a person: the thing rented is named
# before the price ("l'hôtel c'est 90 la nuit"); "150 l'heure, à l'hôtel" is the opposite.
_LODGING = re.compile(
    r"\b(?:hotels?|airbnb|auberge|hostel|gites?|camping|chambres? d'?hotes?|loyer|location|parking|"
    r"babysitting|baby[- ]sitting|garde d'?enfants|menage|cours particuliers?|smic|salaire|paye|"
    r"room|rent|wage|tutoring|seances?|kine|osteo|consultation|cours|lecons?|coiffeur|salle|"
    r"terrain|court|velo|voiture|profs?|professeurs?|coach|moniteur|monitrice|format(?:eur|rice)|"
    r"traduct\w*|photographe|resto|restaurant|camping|musee|concert|pet ?sitting|"
    r"dog ?sitting|gardiennage)\b"
)


def _offer_not_news(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    return None if told(norm, context) else ("escort.offer", 0.85)


def _not_rented(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # A price of a night or an hour, or a question about it, names what is priced, before it
    # or right after it: "c'est combien la nuit au camping ?", "combien le massage chez ton kiné ?".
    text = norm.folded.text
    if _LODGING.search(text, 0, match.start()) or rented(text, match) or cared_for(norm, context):
        return None
    return ("sex.price", 0.75)


def _rates_asked(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "How much do you charge?" asked of a masseur, a plumber or a tutor who just said so.
    return None if asked_of_a_professional(norm, context) else ("sex.price", 0.6)


def _service_price(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "35 € pour un massage décontracturant" at the physiotherapist's: care, not a service
    # of the trade (an act named in the message keeps it one, ``cared_for``); "a 55 dollar
    # plan with unlimited calls" is a phone bill (``subscribed``).
    if cared_for(norm, context) or subscribed(match, norm, context):
        return None
    return ("sex.price", 0.9)


# Guests received for an occasion: a birthday, a dinner, the match.
_OCCASION = re.compile(
    r"\b(?:anniv\w*|apero\w*|fetes?|diner|dej\w*|brunch|barbecue|bbq|noel|reveillon|famille|amis|"
    r"potes|invites?|match|cremaillere|raclette|copains|copines|collegues|voisins|parents|party|eleves|"
    r"birthday|dinner|friends|family)\b"
)


# A trip: "je me déplace à Lyon demain pour le boulot".
_TRIP = re.compile(
    r"\b(?:pour (?:le |mon |un |une |la |l')?(?:boulot|travail|taf|job|reunion|mission|rdv|rendez-vous|"
    r"salon|formation|conference|mariage|enterrement|vacances|concert|match)|demain|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|en (?:train|voiture|bus|avion|velo|fauteuil)|a pied|avec (?:une canne|"
    r"des bequilles))\b"
)


def _hosting(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _OCCASION.search(text) or (match.group().startswith("je me deplace") and _TRIP.search(text)):
        return None
    return ("escort.offer", 0.75)


# A present for a present, a favour for a favour: neighbours and friends swapping things.
_SWAP_BEFORE = re.compile(
    r"\b(?:cadeaux?|services?|faveurs?|troc|echanges?|confitures?|boutures?|livres?|plats?|gateaux?)\s*$"
)


def _discreet_meeting(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if match.group().startswith("contre") and _SWAP_BEFORE.search(
        text, max(0, match.start() - 20), match.start()
    ):
        return None
    # "Rencontre discrète entre parents d'élèves pour préparer la surprise": an occasion.
    if match.group().startswith("rencontre") and (
        _OCCASION.search(norm.folded.text) or re.search(r"\bsurprises?\b", norm.folded.text)
    ):
        return None
    return ("escort.offer", 0.8)


# "Sans tabou" said of a conversation; "c'est pas gratuit le musée ?".
_TALK = re.compile(
    r"\b(?:parl\w*|discut\w*|debat\w*|sujets?|questions?|echang\w*|talk\w*|topics?)\b"
)
_BEFORE_CLAUSE = re.compile(r" (?:que|qu')")
_FREE_OF = re.compile(
    r" (?:le|la|les|l'|ton|ta|tes|votre|vos|au|aux|a la|de|d'|pour (?:les|le|la|l'))"
)


def _ad_terms(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    said = match.group()
    text = norm.folded.text
    if said.startswith("sans tabou") and _TALK.search(text):
        return None
    if said.endswith(("gratuit", "payant")) and (
        _FREE_OF.match(text, match.end()) or asked_if_paying(match, norm, context)
    ):
        return None
    # "Il avait reçu une carte cadeau avant qu'on lui demande..." tells a time; a gift card is a
    # product. The advert's "cadeau avant" asks for the money first.
    if said.startswith("cadeau") and (
        _BEFORE_CLAUSE.match(text, match.end())
        or text[: match.start()].endswith(("carte ", "cheque "))
    ):
        return None
    return ("escort.offer", 0.7)


def _generous_man(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Mon grand-père est un monsieur généreux" describes someone; the advert offers one.
    before = norm.folded.text[max(0, match.start() - 25) : match.start()]
    if re.search(
        r"\b(?:est|etait|c'?est|un vrai|quel|such a|is a|was a)\s(?:un |une |a )?$", before
    ):
        return None
    return ("escort.offer", 0.6)


def _time_price(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    if _LODGING.search(norm.folded.text, 0, match.start()) or rented(norm.folded.text, match):
        return None
    if cared_for(norm, context):
        return None
    # "1h 150" is a price; "1h 30" is half past one.
    if match.group("currency") or int(match.group("price")) >= 60:
        return ("sex.price", 0.7)
    return None


# Roses that grow, are picked or offered: a garden, a bouquet, a colour, a stem.
_FLOWERS = re.compile(
    r"\b(?:bouquets?|fleur\w*|rosiers?|jardin\w*|pieds?|tiges?|plant\w*|boutures?|fleuri\w*|"
    r"epanoui\w*|petales?|boutons?|saint[- ]valentin|fleuriste\w*|vases?|rouges|blanches|jaunes|"
    r"orangees|parfum\w*|taill\w*|arros\w*|pucerons?|pots?|serres?|epines?|cueilli\w*|"
    r"offert\w*|offrir|anniversaires?|mariage|noces|fete des meres|varietes?|jardinerie|mildiou|"
    r"ronsard|meilland|grimpants?|massifs?|"
    r"garden\w*|bunch|dozen|stems?|bloom\w*|petals?|red roses|white roses|flowers?|valentine\w*|"
    r"roses? bushe?s?|florist|vase|prune\w*|aphids?|climbing|variet(?:y|ies))\b"
)


def _rose_price(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "100 roses" is the trade's word for euros; "12 roses sur un seul pied" is a garden. The
    # garden may be in the conversation's last lines ("mes rosiers ont fleuri" ... "j'ai
    # compté 40 roses"): flowers talked about, not money.
    if int(match.group("count")) < 30 or _FLOWERS.search(norm.folded.text):
        return None
    if any(_FLOWERS.search(folded(line)) for line in context.recent[-4:]):
        return None
    return ("sex.price", 0.8)


_RULES = RuleSet(
    [
        rule(
            "sex.price",
            0.9,
            rf"\b{_PRICE}\s*(?:le |de )?{_SERVICE}",
            *DIGITS,
            judge=_service_price,
        ),
        rule(
            "sex.price",
            0.9,
            rf"\b{_ACT}\s*(?:a|=|:|pour|c'?est|->)?\s*{_PRICE}",
            "pipe",
            "fellation",
            "sodo",
            "rapport",
            "complet",
            "sexe",
            "baise",
            "branlette",
            "gorge",
            "capote",
            "massage",
            "plan",
            "nude",
            "photo",
        ),
        rule("sex.price", 0.8, r"\b(?P<count>\d{2,4})\s?roses?\b", "rose", judge=_rose_price),
        rule(
            "sex.price",
            0.75,
            r"\b(?:(?:mes |tes |vos |les )?tarifs?|prix|combien) (?:pour|de la|d'une|de ta|de tes|la|le|d'un|du|tu prends pour|tu demandes pour) (?:une |un |la |le |l')?(?:nuit|heure|1h|passe|prestation|pipe|fellation|sodo|rapport|plan|massage|soiree|rencontre|service|services|video|photo|photos|nude|nudes|moment|complet|prestations)\b",
            "tarif",
            "prix",
            "combien",
            judge=_not_rented,
        ),
        rule(
            "sex.price",
            0.6,
            r"\b(?:mes tarifs(?! (?:de|d'|du|des|pour) )|tarifs en (?:mp|prive|pv)|tarifs? (?:sur demande|a discuter|dispo)|prix (?:en mp|en prive|a discuter))\b|\b(?:how much (?:for|do you charge)|your rates)\b",
            "tarif",
            "prix",
            "how much",
            "rates",
            judge=_rates_asked,
            once=True,
        ),
        rule(
            "escort.offer",
            0.85,
            r"\b(?:escort(?:e|es|s|ing)?|call[- ]?girls?|rencontres? (?:tarifees?|remunerees?|payantes?|contre remuneration)|plans? (?:r[e€]mun[e€]r[e€]e?s?|r[e€]m|r[e€]mu|r[e€]mun|payants?|tarifes?|cadeaux?|avec cadeau|contre cadeau|contre remuneration|rémunéré)|sugar (?:daddy|baby|babies|mommy|dating|relation\w*|arrangements?|dates?)|(?:relations?|arrangements?|plans?|rencontres?|experiences?|relationships?) sugar|incall|outcall|massages? (?:naturistes?|tantriques?|body|nuru|complets?|avec finition|happy ending|erotiques?))\b",
            "escort",
            "call",
            "rencontre",
            "plan",
            "sugar",
            "incall",
            "outcall",
            "massage",
            judge=_offer_not_news,
        ),
        rule(
            "escort.offer",
            0.7,
            r"\b(?:dispo|disponible|dispos)s? (?:pour|en) (?:plan|plans|rencontre|rencontres|rdv|massage|massages|moment|moments|soiree|soirees|nuit|call|show|cam)(?: (?:cadeau|remunere|payant|coquin|hot|discret|sans lendemain))?\b|\bje (?:recois|reçois|me deplace)\b.{0,40}\b(?:dispo|discretion|discret|hygiene|tarif|cadeau|h24|24/24|7/7|mp)\b|\b(?:generous|generosity) (?:gentlem[ae]n|men|guys)\b",
            "dispo",
            "recois",
            "deplace",
            "generous",
            "generosity",
        ),
        rule(
            "sex.price",
            0.75,
            rf"\b\d{{2,4}}\s?(?:€|e\b|eur\b|euros?\b|balles\b|roses?\b|\$|dollars?\b)?\s*{_TIME}\b",
            *DIGITS,
            judge=_not_rented,
        ),
        rule(
            "sex.price",
            0.7,
            r"\btarifs? (?:doux|raisonnables?|interessants?|en mp|en pv|en prive|sur demande|dispo|par mp)\b|\b(?:serieu(?:x|ses?) (?:uniquement|seulement)|pas de curieux|curieux s'?abstenir|no time ?wasters?|serious (?:men|guys|gentlemen) only)\b",
            "tarif",
            "serieu",
            "curieux",
            "time",
            "serious",
        ),
        rule(
            "escort.offer",
            0.75,
            r"\b(?:re[cç]oi[ts]|je recois|recoit) (?:en appart|chez moi|a domicile|en prive|discretement|sur rdv|dans un appart|en hotel)\b|\bje me deplace (?:sur|a|en|dans|chez|partout|aussi)\b|\b(?:discr[e]e?te?|discreet|private) (?:companion|company|encounters?|meetings?|fun)\b|\b(?:companion|escort) for (?:generous )?(?:gentlem[ae]n|men)\b|\bgenerous (?:only|men|gentlem[ae]n|guys)\b|\bnew in (?:town|paris|lyon|marseille|the city)\b|\bi receive (?:guests |clients |gentlemen |men )?(?:in|at) (?:my|an|a) (?:apartment|appartment|appart|flat|studio|hotel room|private (?:apartment|flat|place))\b",
            "receive",
            "recoi",
            "recoit",
            "recois",
            "deplace",
            "discr",
            "private",
            "companion",
            "escort",
            "generous",
            "new in",
            judge=_hosting,
        ),
        rule(
            "sex.price",
            0.45,
            r"\b(?:c'?est combien|tu prends combien|tu demandes combien|combien tu prends|combien tu demandes|combien pour (?:toi|te voir|une heure|la nuit|un plan)|how much (?:for an hour|for the night|for you))\b",
            "combien",
            "how much",
        ),
        rule(
            "sex.price",
            0.8,
            r"\b\d{1,4}\s?(?:€|e\b|eur\b|euros?\b|balles\b|\$)\s*(?:la|les|pour (?:une|la|1|les)) ?(?:\d+ )?(?:photos?|pics?|videos?|vids?|nudes?|minutes? de cam|appel video)\b|\bje (?:vends|propose|fais) (?:des |mes )?(?:photos|videos|nudes|contenus?|pics|packs?)(?: de moi| coquin\w*| hot| privees?| perso\w*)\b",
            *DIGITS,
            "vends",
            "propose",
            "fais",
        ),
        rule(
            "escort.offer",
            0.8,
            r"\b(?:contre (?:un |des )?(?:cadeaux?|remuneration|de l'?argent|billets?|un petit quelque chose)|rencontres? discretes?|moments? (?:coquins?|discrets?) (?:contre|remuneres?|payants?))\b",
            "contre",
            "discret",
            "coquin",
            judge=_discreet_meeting,
        ),
        rule(
            "escort.offer",
            0.7,
            r"\b(?:sans tabous?|sans limites?|gfe|hygiene (?:irreprochable|exigee|top|impeccable)|pas de (?:photos? )?gratuites?|(?:que|uniquement) (?:du )?payant|c'?est payant|c'?est pas gratuit|(?<!carte )(?<!bon )(?<!cheque )cadeau (?:obligatoire|exige|d'?abord|avant(?! qu))|massages? (?:relaxants? )?(?:avec finition|body body|tantra)|masseuse (?:sexy|coquine|discrete|naturiste)|services? (?:coquins?|speciaux|discrets?|complets?|adultes?)|prestations? (?:coquines?|completes?|discretes?|adultes?)|je propose mes services|dispo (?:h24|24/24|24h/24|7j/7|7/7|jour et nuit)|uniquement (?:hotel|a domicile|en deplacement)|(?:premier )?contact par (?:sms|whatsapp|telegram)|tarifs? par (?:sms|mp|message|whatsapp))\b",
            "tabou",
            "limite",
            "gfe",
            "hygiene",
            "gratuit",
            "payant",
            "cadeau",
            "massage",
            "masseuse",
            "service",
            "prestation",
            "dispo",
            "uniquement",
            "contact par",
            "tarif",
            judge=_ad_terms,
        ),
        rule(
            "sex.price",
            0.6,
            r"\b(?:tu (?:paies|payes|mets|proposes|donnes|offres) combien|combien tu (?:proposes|mets|donnes|paies|payes|offres)|c'?est \d{2,4} minimum|\d{2,4} (?:minimum|mini|non negociable)|pas de nego\w*)\b",
            "combien",
            "minimum",
            "mini",
            "negociable",
            "nego",
            judge=minimum_of_a_purchase,
        ),
        rule(
            "sex.price",
            0.7,
            r"\b(?:1h|2h|30 ?min|20 ?min|1 ?heure|une heure|la nuit|nuit entiere|demi[- ]heure|la demi|la passe|soiree)\s*[:=\-]?\s*(?P<price>\d{2,4})\s?(?P<currency>€|e\b|eur\b|euros?\b|roses?\b|\$)?(?=\s|$|[,.!])",
            "h",
            "min",
            "heure",
            "nuit",
            "demi",
            "passe",
            "soiree",
            judge=_time_price,
        ),
        rule(
            "escort.offer",
            0.7,
            r"\b(?:messieurs|gentlemen) (?:genereux|respectueux|courtois|serieux|seulement|uniquement|only|bienvenus)\b|\b(?:pour|reserve aux?) (?:messieurs|hommes (?:genereux|respectueux|seuls?))\b|\bmoments? (?:agreables?|de detente|de plaisir|intimes|calins?|inoubliables?) (?:contre|pour (?:messieurs|hommes)|avec moi|a partager|ensemble)\b|\bje recois (?:les )?messieurs\b",
            "messieurs",
            "gentlemen",
            "pour",
            "reserve",
            "moment",
            "recois",
        ),
        rule(
            "sex.price",
            0.85,
            r"\b\d{2,4}\s?(?:€|e\b|eur\b|euros?\b|balles\b|roses?\b|\$)?\s*(?:la |le |les |pour (?:une |un |la |le )?)(?:pipe|fellation|sodo|branlette|complet|levrette|gorge profonde|finition)\b|\b(?:suce|sucer|baise|baiser|branle|branler|couche|coucher avec (?:toi|moi))\w* (?:pour|contre) \d{2,4}\b|\$[1-9]\d{2,3} ?(?:/|per|an|a) ?(?:hr|hour|h)\b|\b[1-9]\d{2,3} ?(?:/|per) ?(?:hr|hour|h)\b|\b(?:hh|qv) \d{2,4}\b",
            *DIGITS,
        ),
        rule(
            "escort.offer",
            0.6,
            r"\brdv discrets?\b|\b(?:tu cherches|cherches[- ]tu|t'?as besoin|besoin) (?:de la |d'?une |d'?un peu de )?compagnie\b|\b(?:homme|mec|monsieur|gars) genereux\b|\bgenereux donateurs?\b|\b(?:donations?|roses) only\b|\blooking for (?:company|a generous)\b",
            "rdv",
            "compagnie",
            "genereux",
            "donation",
            "roses",
            "looking for",
            judge=_generous_man,
        ),
        # Recruiting for the trade: young women wanted with the words of their looks or their
        # age of consent, men to be "accompanied", clients found and a cut taken.
        rule(
            "escort.offer",
            0.8,
            r"\b(?:recrute\w*|recrutons|embauche\w*|hiring|recruiting)\s(?:des |de |quelques |d'?)?(?:jeunes |jolies |belles |young |pretty )?(?:filles|femmes|meufs|nanas|hotesses|etudiantes|escorts?|girls|women|ladies|models?)\b[^.!?\n]{0,12}\b(?:majeures|jolies|belles|ouvertes|sexy|coquines|discretes|de 18 a \d\d ans|18 ?-? ?\d\d ans|18 ?\+|over 18|18 and over|open[- ]minded|pretty)(?!\w)",
            "recrut",
            "embauche",
            "hiring",
        ),
        rule(
            "escort.offer",
            0.75,
            r"\b(?:accompagn\w*|tenir compagnie|divertir|escort\w*|keep company|entertain\w*) (?:de |des |les |a des |aux |a )?(?:messieurs|hommes d'?affaires|gentlem[ae]n|clients? (?:aises|genereux|fortunes|vip)|wealthy (?:men|gentlemen|clients)|rich men)\b",
            "accompagn",
            "compagnie",
            "divertir",
            "escort",
            "company",
            "entertain",
        ),
        rule(
            "escort.offer",
            0.8,
            r"\b(?:je|on) (?:trouve|ramene|fournis|gere|m'?occupe des?) (?:les |des |tes |vos )?clients?\b(?=[^.!?\n]{0,80}\b(?:appart\w*|\d{1,2} ?%|commission|annonces?|chambres?|hotels?|studio)\b)|\b(?:i|we) (?:find|bring|handle) (?:the |your )?clients\b(?=[^.!?\n]{0,80}\b(?:flat|apartment|\d{1,2} ?%|cut|commission|hotel)\b)",
            "clients",
        ),
        # A trick asked for, not a football pass: "t'as des dispos pour une passe ce soir ?".
        rule(
            "sex.price",
            0.7,
            r"\b(?:dispos?|disponibles?|combien|tarifs?|prix|cherche|veux|faire|pour) (?:\w+ ){0,4}?(?:pour )?une passe\b(?! (?:decisive|de foot|en profondeur|lobee|courte|longue|a \w+|au \w+))",
            "passe",
        ),
        # Paying for the night or for sex: "je te paie 200 si tu passes la nuit avec moi",
        # "je cherche une fille pour la nuit, je paie bien".
        rule(
            "escort.offer",
            0.8,
            r"\bje (?:te |vous )?(?:paie|paye|donne|file|offre|verse) (?:\d{2,4} ?(?:€|euros?|balles)?|bien|cher|ce que tu veux)\b[^.!?\n]{0,20}\b(?:si tu|pour que tu|pour) (?:passes? la nuit|dors avec|couches|restes? la nuit|viens chez moi|me suces|baises|une nuit|la nuit)\b|\b(?:cherche|veux) (?:une|un) (?:fille|femme|meuf|nana|jeune|mec|escort|gars)\b[^.!?\n]{0,25}\b(?:pour la nuit|pour une heure|pour une nuit|pour ce soir)\b[^.!?\n]{0,30}\b(?:je paie|je paye|paye bien|paie bien|remunere\w*|contre|cash|\d{2,4} ?(?:€|euros?|balles))\b|\bi(?:'ll| will)? pay (?:you )?(?:\$?\d{2,4}|well|good money) (?:if you|to) (?:spend the night|sleep with me|stay the night|come over)\b",
            "paie",
            "paye",
            "donne",
            "file",
            "offre",
            "verse",
            "cherche",
            "veux",
            "pay",
        ),
        # An allowance by the month for meetings, the sugar arrangement in other words.
        rule(
            "escort.offer",
            0.75,
            r"\b(?:[2-9]\d{2}|[1-9]\d{3,4}) ?(?:€|e|euros?|\$|dollars?)? (?:par|per|a|/) ?(?:mois|semaine|month|week) (?:d'?allocation|d'?argent de poche|allowance|of allowance)\b|\b(?:allocation|allowance) (?:de |of )?(?:[2-9]\d{2}|[1-9]\d{3,4}) ?(?:€|e|euros?|\$|dollars?)? (?:par|per|a|/) ?(?:mois|month|semaine|week)\b[^.!?\n]{0,40}\b(?:rencontres?|meets?|dates?|dinners?|diners?|hotel)\b",
            "allocation",
            "allowance",
            "argent de poche",
        ),
        rule(
            "escort.offer",
            0.75,
            r"\ballowance (?:of )?(?:[$€£] ?)?(?:\d{1,2}k|[2-9]\d{2}|[1-9]\d{3,4})(?: ?(?:€|euros?|\$|dollars?))? (?:a|per|/) ?(?:month|week)\b|\bmutually beneficial (?:arrangement|relationship|relation)s?\b|\b(?:arrangement|relation) (?:mutuellement )?(?:avantageu(?:x|se)|gagnant[- ]gagnant)\b",
            "allowance",
            "mutually",
            "arrangement",
            "relation",
        ),
        # Coded money asked for a length of time: "combien de roses pour une heure ?".
        rule(
            "sex.price",
            0.75,
            r"\bcombien (?:de |d')?(?:roses|bisous|cadeaux|fleurs|billets)\b[^.!?\n]{0,15}\b(?:pour|la|l'|le|de) ?(?:une |un |la |l')?(?:heure|nuit|soiree|passe|plan|rdv|rencontre|1h|demi[- ]heure)\b|\bhow many (?:roses|kisses|gifts|flowers) (?:for|per) (?:an |the |a )?(?:hour|night|evening|meet)\b",
            "combien",
            "how many",
        ),
        # A massage with the promise of more, or sensual: the oldest cover of the trade.
        rule(
            "escort.offer",
            0.75,
            r"\b(?:massages?|masseuses?|masseurs?)\b[^.!?\n]{0,40}(?:\+|\bplus|\bet plus) si affinites\b|\b(?:massages?|masseuses?|masseurs?) (?:sensuel\w*|erotiques?|intimes?|sensual|erotic)\b|\b(?:sensual|erotic) (?:massages?|masseuse)\b",
            "massage",
            "masseuse",
            "masseur",
            "sensual",
            "erotic",
        ),
        # "Plus si affinités" is a dating phrase; with pay named beside it, it is an offer.
        rule(
            "escort.offer",
            0.75,
            r"(?:\+|\bplus) si affinites\b[^.!?\n]{0,40}\b(?:remunere\w*|paye\w*|cadeaux?|genereux|tarif\w*|\d{2,4} ?(?:€|euros?|roses))|\b(?:remunere\w*|cadeaux?|genereux|tarif\w*|\d{2,4} ?(?:€|euros?|roses))\b[^.!?\n]{0,40}(?:\+|\bplus) si affinites\b",
            "affinites",
        ),
        *RECRUIT_RULES,
        *TERMS_RULES,
    ]
)


# Emoji that escort adverts use as a code (a rose for the money, lips, fruit).
_AD_EMOJI = frozenset("🌹💋🍑🍆💦🔞")
_AD_WORDS = re.compile(
    r"\b(?:massages?|dispo\w*|discr\w+|companion|gentlem[ae]n|generous|tarifs?|re[cç]oi[ts]|"
    r"recois|deplace|plans?|rencontres?|new in|available|appart|hotel|mp|dm)\b"
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Prices for sexual services and escort offers."""
    yield from _RULES.scan(norm, context)
    original = norm.original
    if not _AD_EMOJI.isdisjoint(original):
        match = _AD_WORDS.search(norm.folded.text)
        if match is not None:
            yield Signal("escort.offer", 0.75, norm.folded.span(match.start(), match.end()))
