"""Sexual services: prices and escort offers.

A price alone is ordinary ("je l'ai acheté 100 euros"); it becomes ``sex.price`` next to a
service, a duration or the words of the trade ("tarifs", "roses" for euros, "complet").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.paid import rented
from causette.safety.detectors.rules import DIGITS, RuleSet, rule
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
    r"terrain|court|velo|voiture)\b"
)


# Talking about the trade (the news, a trial, its victims) is not taking part in it.
_NEWS = re.compile(
    r"\b(?:reportages?|articles?|documentaires?|demantel\w*|arrete\w*|condamne\w*|proxenet\w*|"
    r"victimes?|exploit\w*|enquetes?|proces|journal|news|documentary|arrested|busted|"
    r"trafficking|traite des|reseaux? d'?escort\w*)\b"
)


def _offer_not_news(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    return None if _NEWS.search(norm.folded.text) else ("escort.offer", 0.85)


def _not_rented(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    return (
        None
        if _LODGING.search(norm.folded.text, 0, match.start()) or rented(norm.folded.text, match)
        else ("sex.price", 0.75)
    )


def _time_price(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    if _LODGING.search(norm.folded.text, 0, match.start()) or rented(norm.folded.text, match):
        return None
    # "1h 150" is a price; "1h 30" is half past one.
    if match.group("currency") or int(match.group("price")) >= 60:
        return ("sex.price", 0.7)
    return None


_RULES = RuleSet(
    [
        rule(
            "sex.price",
            0.9,
            rf"\b{_PRICE}\s*(?:le |de )?{_SERVICE}",
            *DIGITS,
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
        rule("sex.price", 0.8, r"\b\d{2,4}\s?roses?\b", "rose"),
        rule(
            "sex.price",
            0.75,
            r"\b(?:(?:mes |tes |vos |les )?tarifs?|prix|combien) (?:pour|de la|d'une|de ta|de tes|la|le|d'un|du|tu prends pour|tu demandes pour) (?:nuit|heure|1h|passe|prestation|pipe|fellation|sodo|rapport|plan|massage|soiree|rencontre|service|services|video|photo|photos|nude|nudes|moment|complet|prestations)\b",
            "tarif",
            "prix",
            "combien",
        ),
        rule(
            "sex.price",
            0.6,
            r"\b(?:mes tarifs|tarifs en (?:mp|prive|pv)|tarifs? (?:sur demande|a discuter|dispo)|prix (?:en mp|en prive|a discuter))\b|\b(?:how much (?:for|do you charge)|your rates)\b",
            "tarif",
            "prix",
            "how much",
            "rates",
        ),
        rule(
            "escort.offer",
            0.85,
            r"\b(?:escort(?:e|es|s|ing)?|call[- ]?girls?|rencontres? (?:tarifees?|remunerees?|payantes?|contre remuneration)|plans? (?:remuneres?|payants?|tarifes?|cadeaux?|avec cadeau|contre cadeau|contre remuneration|rémunéré)|sugar (?:daddy|baby|babies|mommy|dating)|incall|outcall|massages? (?:naturistes?|tantriques?|body|nuru|complets?|avec finition|happy ending|erotiques?))\b",
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
            r"\b(?:re[cç]oi[ts]|je recois|recoit) (?:en appart|chez moi|a domicile|en prive|discretement|sur rdv|dans un appart|en hotel)\b|\bje me deplace (?:sur|a|en|dans|chez|partout|aussi)\b|\b(?:discr[e]e?te?|discreet|private) (?:companion|company|encounters?|meetings?|fun)\b|\b(?:companion|escort) for (?:generous )?(?:gentlem[ae]n|men)\b|\bgenerous (?:only|men|gentlem[ae]n|guys)\b|\bnew in (?:town|paris|lyon|marseille|the city)\b",
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
        ),
        rule(
            "escort.offer",
            0.7,
            r"\b(?:sans tabous?|sans limites?|gfe|hygiene (?:irreprochable|exigee|top|impeccable)|pas de (?:photos? )?gratuites?|(?:que|uniquement) (?:du )?payant|c'?est payant|c'?est pas gratuit|cadeau (?:obligatoire|exige|d'?abord|avant)|massages? (?:relaxants? )?(?:avec finition|body body|tantra)|masseuse (?:sexy|coquine|discrete|naturiste)|services? (?:coquins?|speciaux|discrets?|complets?|adultes?)|prestations? (?:coquines?|completes?|discretes?|adultes?)|je propose mes services|dispo (?:h24|24/24|24h/24|7j/7|7/7|jour et nuit)|uniquement (?:hotel|a domicile|en deplacement)|(?:premier )?contact par (?:sms|whatsapp|telegram)|tarifs? par (?:sms|mp|message|whatsapp))\b",
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
        ),
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
