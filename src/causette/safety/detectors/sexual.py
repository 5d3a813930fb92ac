"""Sexual services: prices and escort offers.

A price alone is ordinary ("je l'ai acheté 100 euros"); it becomes ``sex.price`` next to a
service, a duration or the words of the trade ("tarifs", "roses" for euros, "complet").
"""

from __future__ import annotations

from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_PRICE = r"\d{2,4}\s?(?:€|e\b|eur\b|euros?\b|balles\b|boules\b|roses?\b|\$|dollars?\b|bucks\b)"
_SERVICE = (
    r"(?:la |l'|les |une |un |pour (?:une |la |1 |un |l')?)?(?:nuit|heure|h\b|1h|2h|demi[- ]heure|"
    r"30 ?min|20 ?min|15 ?min|passe|pipe|fellation|sodo|rapport|complet|massage|prestation|"
    r"rencontre|soiree|plan|sexe|baise|branlette|gorge profonde|sans capote|nature|video|photos? "
    r"(?:nue?|coquines?|hot)|nudes?|cam|show|domination|rdv)"
)
_ACT = (
    r"(?:pipe|fellation|sodo|rapport|complet|sexe|baise|branlette|gorge profonde|sans capote|"
    r"massage (?:complet|avec finition|naturiste|tantrique|body)|plan cul|plan q|nudes?|"
    r"photos? (?:nue?s?|coquines?|hot))"
)

_RULES = RuleSet(
    [
        rule(
            "sex.price",
            0.9,
            rf"\b{_PRICE}\s*(?:la |le |les |l'|pour |de )?{_SERVICE}",
            "0",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
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
            r"\b(?:(?:mes |tes |vos |les )?tarifs?|prix|combien) (?:pour|de la|d'une|de ta|de tes|la|le|d'un|du|tu prends pour|tu demandes pour) (?:nuit|heure|1h|passe|prestation|pipe|fellation|sodo|rapport|plan|massage|soiree|rencontre|service|services|video|photo|photos|nude|nudes|moment|complet|prestations)\b|\b(?:c'?est combien|tu prends combien|tu demandes combien|combien tu prends|combien tu demandes|combien pour (?:toi|te voir|une heure|la nuit|un plan))\b",
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
    ]
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Prices for sexual services and escort offers."""
    yield from _RULES.scan(norm, context)
