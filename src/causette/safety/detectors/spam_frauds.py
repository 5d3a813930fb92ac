"""Frauds told over several lines: the sure investment, the bank's "fraud department", and
the distant lover's money request.

Each fraud is a set of parts. Most parts alone are ordinary ("c'est garanti", "3 % par an",
"avant vendredi", "un billet d'avion", "le service client de ma banque"); what makes the
fraud is several of them from the same sender, in this line or the last five, with one of
the parts only a fraud needs (a transfer to a "partner", keeping it from one's bank, a code
asked for, money sent by gift card or Western Union to an "agent"). ``spam.py`` runs these
with its own rules, so a fraud described, warned against or mocked stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Judge, RuleSet, Screen, rule
from causette.safety.normalize import Normalized

# Coins count as cash: a stake asked "in USDT" is the pig-butchering scam's own currency.
_CASH = (
    r"(?:[$€£] ?\d[\d.,]*(?: \d{3})*k?|\d[\d.,]*(?: \d{3})*k? ?(?:€|\$|£|(?:euros?|dollars?|balles|"
    r"usdt|btc|eth|usdc)\b))"
)
_DAY = (
    r"(?:ce soir|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la fin|minuit|tonight|"
    r"tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end|midnight)"
)

# --- The sure investment -----------------------------------------------------------------
_GUARANTEED = (
    r"\bc'?est (?:garanti|assure|sans risque|securise)\b|"
    r"\b(?:placements?|rendements?|gains?|profits?|benefices?|revenus?|interets?|capital|returns?|"
    r"income|investments?) (?:\w+ )?(?:garanti|assure|protege|securise|guaranteed|secured|protected)e?s?\b|"
    r"\b(?:aucun|zero|sans|0) risques?\b|\bno risk\b|\brisk[- ]free\b|\bcan'?t lose\b|"
    r"\bimpossible de perdre\b|\bguaranteed\b|\badosse\w* a l'?etat\b|"
    r"\bbacked by the (?:state|government)\b"
)
# A return no savings account pays: boasted gains, by the month or week, 7 % a year and more.
_RETURN = (
    r"(?<![\w+])\+ ?\d{1,3}(?:[.,]\d+)? ?%|"
    r"\b\d{1,3}(?:[.,]\d+)? ?% (?:net |nets |brut |bruts )?(?:par mois|par semaine|par jour|a month|"
    r"per month|per week|per day|a week|a day|monthly|weekly|daily)\b|"
    r"\b(?:[7-9]|[1-9]\d{1,2})(?:[.,]\d+)? ?% (?:net |nets |brut |bruts )?(?:par an|l'an|annuels?|a year|"
    r"per year|yearly|annually|de rendement|de rentabilite|returns?|roi|d'interets?)\b|"
    r"\bx ?\d{1,3} (?:en|in) \d|"
    # Earnings boasted by the week or the day, or "on the side": a return told as one's own.
    r"\b(?:i|je|j'?en) (?:make|earn|gagne|me fais|sors|tire) (?:about |around |environ |like |genre "
    r"|jusqu'?a |up to )?[$€£]?\d[\d.,]*(?:-\d[\d.,]*)? ?k? ?(?:€|\$|£|euros?|dollars?|usdt)? "
    r"(?:a|per|par|/|chaque|every|each) ?(?:week|day|semaine|jour)\b|"
    r"\b(?:i|je) (?:make|earn|gagne|me fais) (?:about |around |environ )?[$€£]?\d[\d.,]*k? ?(?:€|\$|£|"
    r"euros?|dollars?|usdt)? (?:\w+ ){0,3}?(?:on the side|a cote|en plus|passivement|passively)\b"
)
_STAKE = (
    rf"\b(?:tu commences?|vous commencez|commence[rz]?|on commence|start(?:ing)?|begin) (?:avec|with|a "
    rf"partir de|from) (?:seulement |juste |only |just )?{_CASH}|"
    r"\b(?:ticket d'?entree|mise de depart|mise minimale|apport (?:minimum|initial)|investissement "
    r"(?:minimum|initial|de depart)|minimum (?:investment|stake|buy[- ]in)|entry ticket)\b"
)
# What only a fraud needs: the money sent to a third party, the rush, the secret, the insider.
_TRANSFER = (
    r"\bvirement (?:\w+ ){0,2}?(?:sur|vers|a) (?:le |un )?compte (?:\w+ )?(?:de|d') ?(?:notre|mon|ma|nos|"
    r"un|une|leur|l')\s?(?:partenaire|associe|courtier|agent|filiale|cabinet|notaire)|"
    r"\b(?:compte|iban|rib) (?:\w+ )?(?:de notre|d'?un|de mon|of our|of my) (?:partenaire|associe|"
    r"courtier|agent|partner|broker|associate)|"
    r"\b(?:partner|broker|agent)'?s? (?:account|iban)\b|"
    r"\b(?:wire|transfer|send) (?:it |the money |the funds )?to (?:our|my) (?:partner|broker|agent|"
    r"associate)\b|"
    r"\b(?:compte|account) (?:bancaire |bank )?(?:a l'?etranger|offshore|overseas|abroad)\b"
)
_PRESSURE = (
    rf"\b(?:decide[rz]?|se decider|une decision|repondre|sign up|invest|act|join|commit) (?:\w+ ){{0,3}}?"
    rf"(?:avant|d'?ici|before|by) {_DAY}|"
    r"\bil (?:ne )?(?:me |nous )?reste (?:plus )?(?:que|seulement|juste) \d+ (?:places?|emplacements?|spots?|"
    r"parts?|lots?|creneaux?)\b|\bonly \d+ (?:spots?|places?|seats?|slots?) left\b|"
    r"\bne tarde[zr]? pas\b|\bdon'?t wait\b|\bfai(?:tes|s) vite\b|"
    r"\b(?:offre|places?) (?:limitees?|reservees?)\b|\breservee? a (?:nos|quelques) (?:clients|membres|"
    r"investisseurs)\b|\b(?:le )?prochain creneau\b|\bnext (?:window|slot)\b|"
    r"\b(?:ouvre[sz]?|cree[sz]?|open|create) (?:ton|votre|your|un|an) (?:compte|account) (?:des )?"
    r"(?:ce soir|aujourd'?hui|maintenant|tout de suite|tonight|today|now)\b|"
    r"\b(?:ce soir|maintenant) ou jamais\b|\bnow or never\b|\btoday only\b|\blimited (?:time|spots)\b"
)
_SECRET = (
    r"\b(?:n'?en (?:parle[zs]?|dites rien|dis rien)|ne (?:lui |leur )?(?:dites|dis|parlez|parle) "
    r"(?:rien |pas |surtout pas )?|evite[zr]? d'?en parler|sans en parler|don'?t (?:tell|mention it)|"
    r"do not tell|no need to tell) ?(?:\w+ ){0,2}?(?:a |au |aux |to |with )?(?:votre|ton|ta|vos|tes|your)? ?"
    r"(?:banquier|conseiller (?:bancaire|financier)|banque|bank(?:er)?|financial advis[eo]r)\b|"
    r"\bles banques (?:n'?aiment pas|ne veulent pas|detestent)\b|\bbanks (?:don'?t|do not|hate)\b"
)
_INSIDER = (
    r"\b(?:connai\w*|sai[ts]|knows?|predi\w*) (?:les |the )?(?:mouvements?|cours|moves?|movements?|"
    r"marches?|markets?|tendances?) (?:\w+ )?(?:a l'?avance|en avance|in advance|ahead|before)\b|"
    r"\binsider\b|\binfos? d'?inities?\b|"
    r"\b(?:mon|ma) (?:oncle|tante|cousin|cousine|frere|soeur|pere|parrain|ami|amie|pote) (?:est|travaille|"
    r"bosse) (?:\w+ ){0,3}?(?:analyste|trader|courtier|banquier|plateforme|bourse|fonds)\b|"
    r"\bmy (?:uncle|aunt|cousin|brother|sister|father|dad|friend) (?:is|works) (?:\w+ ){0,3}?(?:analyst|"
    r"trader|broker|banker|exchange|platform|fund)\b|"
    r"\b(?:clients?|membres?|investisseurs?) privilegies\b|\bcreneaux (?:pour|de) (?:trader|trading|investir)\b|"
    # A relative who "taught me" the method: the stranger's story of where the money comes from.
    r"\b(?:taught|showed) me (?:\w+ ){0,2}?(?:crypto|trading|forex|contract|the method|how to trade)\b|"
    r"\bm'?(?:a|ont) (?:appris|montre|initie\w*) (?:a |au |le |la |les )?(?:\w+ ){0,2}?(?:crypto|trading|trader|"
    r"forex|bourse|methode)\b"
)
# An invite code for a platform, so "I can follow your trades": the scammer's hook to the site.
_INVITE = (
    r"\b(?:invite|invitation|referral|ref|promo|parrainage|sponsor) code\b|"
    r"\bcode (?:d'?invitation|de parrainage|parrain|promo)\b"
)
# The stranger who will watch over the listener's account: only the scam needs that.
_FOLLOW = r"\b(?:follow|suivre|copier|copy|guide|watch) (?:tes|your|vos|ur) (?:trades|positions|ordres|orders)\b"
_INVESTMENT = (
    *(_GUARANTEED, _RETURN, _STAKE, _TRANSFER, _PRESSURE, _SECRET, _INSIDER, _INVITE, _FOLLOW),
)
_INVESTMENT_WAKING = (_GUARANTEED, _RETURN, _STAKE, _TRANSFER, _SECRET, _INSIDER, _INVITE, _FOLLOW)
_INVESTMENT_MARKS = (_TRANSFER, _SECRET, _INSIDER, _FOLLOW)

# --- The bank's "fraud department" -------------------------------------------------------
_BANK_DESK = (
    r"\b(?:service|departement|cellule|equipe|pole) (?:de |des |d')?(?:la )?(?:fraudes?|anti-?fraudes?|"
    r"securite bancaire|opposition)\b|\b(?:fraud|anti-fraud|security) (?:department|team|unit|division|"
    r"prevention|desk)\b|\b(?:conseill\w+|agent) (?:de |a |of |from )(?:votre|ta|your) (?:banque|bank)\b"
)
_SUSPICIOUS = (
    r"\b(?:operation|transaction|paiement|virement|prelevement|connexion|activite|achat|payment|"
    r"transfer|login|activity|charge|purchase)s? (?:\w+ ){0,2}?(?:suspecte?s?|inhabituel\w*|frauduleu\w*|"
    r"suspicious|unusual|fraudulent|unauthori[sz]ed)\b|\b(?:suspicious|unusual|fraudulent|"
    r"unauthori[sz]ed) (?:transaction|payment|activity|transfer|login|charge|purchase)s?\b"
)
_CODE_ASKED = (
    r"\b(?:confirme[rz]?|donne[rz]?|communique[rz]?|dicte[rz]?|lisez|lis|lire|transmet\w*|indique[rz]?|"
    r"envoie[rz]?|read|give|tell|confirm|send)(?:[- ](?:moi|nous|me|us))? (?:\w+ ){0,6}?(?:le|ce|votre|"
    r"ton|the|your|that) code (?:\w+ ){0,2}?(?:recu|sms|que vous|que tu|de validation|de confirmation|"
    r"de securite|received|you (?:got|received|just got)|by (?:sms|text)|sent to)|"
    r"\b(?:confirme[rz]?|donne[rz]?|communique[rz]?|confirm|give|tell)(?:[- ](?:moi|nous|me|us))? "
    r"(?:votre|ton|your) (?:identifiant|numero|id|login|customer) (?:client|bancaire|de connexion|number|id)\b"
)
_VALIDATE = (
    r"\b(?:clique[rz]?|cliquez|appuie[rz]?|appuyez|tape[rz]?|tapez|touche[rz]?|press|tap|click|hit|"
    r"accepte[rz]?|acceptez|valide[rz]?|validez|confirme[rz]?|confirmez) (?:sur |on )?(?:le bouton |the "
    r"button )?(?:<< ?|[\"'“])?(?:valider|accepter|confirmer|autoriser|approve|accept|confirm|authori[sz]e)\b|"
    r"\b(?:valide[rz]?|validez|accepte[rz]?|acceptez|confirme[rz]?|confirmez|approuve[rz]?|approve|"
    r"accept|confirm) (?:la |the |cette |this )?(?:notification|demande|request|prompt|push)\b|"
    r"\b(?:pour|to) annuler (?:le virement|l'?operation|la transaction|le paiement|le prelevement)|"
    r"\bto cancel (?:the|this) (?:transfer|transaction|payment)\b"
)
_RUSH = (
    r"\b(?:dans|within|in) \d{1,2} ?(?:minutes|min)\b|\bfai(?:tes|s) vite\b|\bvous (?:perdez|allez perdre)\b|"
    r"\byou(?:'ll| will) lose\b|\bc'?est la procedure\b|\bje suis habilite\b|\bstandard procedure\b"
)
_BANK = (_BANK_DESK, _SUSPICIOUS, _CODE_ASKED, _VALIDATE, _RUSH)
_BANK_WAKING = (_BANK_DESK, _SUSPICIOUS, _CODE_ASKED, _VALIDATE)
_BANK_MARKS = (_CODE_ASKED, _VALIDATE)

# --- The distant lover's money request ---------------------------------------------------
_ROUTE = (
    r"\b(?:western union|moneygram|ria money|worldremit|mandat cash|transcash|neosurf|toneo|pcs "
    r"mastercard)\b|\bcoupons? (?:pcs|transcash|neosurf|toneo)\b|"
    r"\b(?:steam|itunes|apple|google play|amazon|razer) (?:gift )?cards?\b|"
    r"\bcartes? (?:steam|itunes|google play|amazon)\b"
)
_AGENT = (
    r"\b(?:to|a|via|through|par) (?:my|mon|ma|our|notre) (?:agent|agente|intermediaire|lawyer|avocat|"
    r"avocate|diplomat|diplomate|secretary|secretaire|travel agent|agent de voyage)\b"
)
_TRAVEL = (
    r"\b(?:billet d'?avion|plane ticket|flight ticket|air ?ticket|visa fees?|frais de visa)\b|"
    r"\b(?:pay|payer|acheter|buy|afford) (?:\w+ ){0,2}?(?:plane |flight )?(?:ticket|billet|flight|vol) "
    r"(?:to come|pour venir|to see you|pour te voir|to you)\b"
)
_CUSTOMS = (
    r"\b(?:frais de (?:douane|dedouanement)|customs (?:fees?|charges?|duty|duties|clearance)|"
    r"(?:douane|customs)\b[^.!?\n]{0,30}\b(?:charge|payer|paye|fees?|frais)|diplomatic (?:bag|box)|"
    r"colis diplomatique)\b"
)
_PLEA = (
    r"\b(?:i (?:feel|am) (?:so )?ashamed to ask|j'?ai (?:tellement |si )?honte de (?:te |vous )?demander|"
    r"i(?:'ll| will) (?:repay|pay) you back|i will repay you|je (?:te|vous) (?:rembourserai|rembourse) (?:des|le jour|"
    r"quand)|(?:don'?t|do not) you trust me|tu (?:ne )?me fais (?:pas|plus) confiance|"
    r"(?:my|mon|ma|mes) (?:contract pay|pay|salary|salaire|paie|fonds|funds|accounts?|comptes?|argent)"
    r"(?: \w+)? (?:is |are |est |sont )?(?:stuck|frozen|blocked|bloquee?s?|gelee?s?)|"
    r"(?:held|reserved|gardee?|reservee?) (?:only )?(?:until|jusqu'?a) (?:ce soir|demain|tonight|"
    r"tomorrow|midnight|minuit)|frais (?:d'?hopital|medicaux)|hospital bills?|medical bills?)\b"
)
_ROMANCE = (_ROUTE, _AGENT, _TRAVEL, _CUSTOMS, _PLEA)
_ROMANCE_WAKING = (_ROUTE, _AGENT, _CUSTOMS, _PLEA)
_ROMANCE_MARKS = (_ROUTE, _AGENT)

# --- The prize that costs a fee ----------------------------------------------------------
# A prize told to the listener: chosen, won, to be tried for, "ton lot".
_PRIZE = (
    r"\b(?:ton|ta|votre|your|ur) (?:pseudo|profil|numero|compte|nom|username|profile|number|account) "
    r"(?:a ete|as ete|was|has been) (?:\w+ )?(?:choisi|selectionne|tire|retenu|chosen|selected|picked|"
    r"drawn)|\b(?:tu as|t'?as|vous avez|you'?ve|you have) (?:gagne|won|ete (?:choisie?s?|selectionnee?s?|"
    r"tiree?s? au sort))\b|\b(?:tentez|tente|try) (?:de gagner|ta chance|votre chance|your luck|to win)\b|"
    r"\b(?:si (?:vous gagnez|tu gagnes)|if you win)\b|\b(?:ton|votre|your|ur) (?:lot|gain|prize|reward)\b|"
    r"\b(?:tirage|prize draw|lucky draw)\b"
)
# The fee asked for it: shipping, handling, a file's costs, with or without the amount.
_FEE = (
    r"\b\d+(?:[.,]\d+)? ?(?:€|euros?|\$|£|dollars?)? (?:de )?frais (?:de port|de livraison|d'?envoi|de dossier|"
    r"de traitement|de gestion)\b|\bfrais (?:de port|de livraison|d'?envoi|de dossier) (?:de|a|:) ?\d|"
    r"\b(?:shipping|delivery|handling|processing|postage) (?:fee|fees|cost|charge)\b|"
    r"\b(?:pay|cover) (?:only |just )?(?:the )?[$£€]?\d+(?:[.,]\d+)? ?(?:€|\$|£)? (?:for )?(?:shipping|"
    r"postage|delivery)\b|[$£€]\d+(?:[.,]\d+)? (?:for )?(?:shipping|postage|s&h)\b"
)
_PRIZES = (_PRIZE, _FEE)
_PRIZE_MARKS = (_FEE,)

_SCREEN = Screen({p: re.compile(p) for p in {*_INVESTMENT, *_BANK, *_ROMANCE, *_PRIZES}})


@lru_cache(maxsize=1024)
def _parts(text: str) -> frozenset[str]:
    """The fraud parts a folded line holds; kept, since each line is looked back at again by
    the sender's next five messages."""
    return frozenset(_SCREEN.search(text))


def _fraud(
    rule_id: str,
    score: float,
    parts: Sequence[str],
    marks: Sequence[str],
    least: int,
    unmarked: int | None = None,
) -> Judge:
    """``least`` parts of the fraud in this line or the sender's last five, one of them a
    ``mark`` (a part only the fraud needs), or ``unmarked`` parts without one."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        seen: set[str] = set()
        for text in (norm.folded.text, *map(folded, context.recent_from_sender[-5:])):
            seen.update(_parts(text))
        here = seen.intersection(parts)
        if len(here) >= least and not here.isdisjoint(marks):
            return (rule_id, score)
        if unmarked is not None and len(here) >= unmarked:
            return (rule_id, score)
        return None

    return judge


RULES = RuleSet(
    [
        rule(
            "scam.crypto",
            0.75,
            "|".join(_INVESTMENT_WAKING),
            *("garanti", "assure", "securise", "protege", "guaranteed", "secured", "protected"),
            *("risque", "risk", "lose", "perdre", "adosse", "backed", "%", " x", "commen", "start"),
            *("begin", "ticket", "mise", "apport", "investissement", "investment", "virement"),
            *("iban", "rib", "partner", "broker", "agent", "etranger", "offshore", "overseas"),
            *("abroad", "banq", "bank", "conseiller", "avance", "ahead", "insider"),
            *("initie", "privilegie", "creneaux", "analyst", "trader", "courtier", "banquier"),
            *("plateforme", "bourse", "fonds", "banker", "exchange", "platform", "fund"),
            # Earnings boasted, "taught me", an invite code, "follow your trades": whole words
            # of theirs, so that "gain" in "again" or "code" wakes nothing.
            *("i make", "i earn", "je gagne", "je me fais", "je sors", "je tire", "en gagne"),
            *("en sors", "en tire", "taught me", "showed me", "appris", "m'a montre", "ma montre"),
            *("m'ont montre", "invit", "referral", "ref code", "promo code", "parrain"),
            *("sponsor code", "code promo", "trades", "positions", "ordres", "orders"),
            judge=_fraud("scam.crypto", 0.75, _INVESTMENT, _INVESTMENT_MARKS, 3, 4),
            once=True,
        ),
        rule(
            "scam.phishing",
            0.8,
            "|".join(_BANK_WAKING),
            *("fraud", "securite bancaire", "opposition", "security", "banque", "bank"),
            *("suspect", "inhabituel", "suspicious", "unusual", "unauthori", "code", "client"),
            *("bancaire", "connexion", "number", "customer", "login", "valider", "accepter"),
            *("confirmer", "autoriser", "approve", "accept", "confirm", "authori", "notification"),
            *("demande", "request", "prompt", "push", "annuler", "cancel"),
            judge=_fraud("scam.phishing", 0.8, _BANK, _BANK_MARKS, 2),
            once=True,
        ),
        rule(
            "scam.phishing",
            0.75,
            "|".join(_ROMANCE_WAKING),
            *("western union", "moneygram", "ria money", "worldremit", "mandat cash", "transcash"),
            *("neosurf", "toneo", "pcs", "card", "carte", "agent", "intermediaire", "lawyer"),
            *("avocat", "diplomat", "secretary", "secretaire", "douane", "customs", "ashamed"),
            *("honte", "repay", "pay you back", "rembourse", "trust", "confiance", "stuck"),
            *("frozen", "blocked", "bloque", "gele", "held", "reserv", "garde", "hopital"),
            *("medicaux", "hospital", "medical"),
            judge=_fraud("scam.phishing", 0.75, _ROMANCE, _ROMANCE_MARKS, 2),
            once=True,
        ),
        rule(
            "scam.phishing",
            0.8,
            "|".join(_PRIZES),
            # The fee is the mark the judge needs, so its words wake the rule, with the prize
            # told (which comes first): not "compte", "nom" or "try", in every other line.
            *("frais", "shipping", "delivery", "handling", "processing", "postage", "s&h"),
            *("gagne", "won", "prize", "reward", "tirage", "draw", "selectionne", "tente"),
            *("votre lot", "ton lot", "votre gain", "ton gain", "tire", "choisi", "retenu"),
            *("chosen", "selected", "picked", "drawn", "try your", "try to win"),
            *("si vous", "si tu", "if you win"),
            judge=_fraud("scam.phishing", 0.8, _PRIZES, _PRIZE_MARKS, 2),
            once=True,
        ),
    ]
)
