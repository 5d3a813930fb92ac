"""Scam pitches told over several lines: the trader whose signals one copies, the official
refund or expiring rights, paid tasks unlocked by a deposit, free game currency.

Each pitch is a set of parts (for the trader: living from it, a mentor, signals sent every
day, positions to copy, a VIP group, gains boasted, a minimum deposit). One part alone is
ordinary talk ("mon coach", "un dépôt minimum", "tu es éligible à la prime"); two parts of
the same pitch, in this line or the sender's last few, are the pitch. A few parts are the
scam's own mechanism and act alone (a "task account" to top up, a V-Bucks generator).
``spam.py`` runs these with its own rules, so a scam told about stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Judge, RuleSet, rule
from causette.safety.detectors.spam_links import found
from causette.safety.normalize import Normalized

_CASH = r"(?:[$€£] ?\d[\d.,]*k?|\d[\d.,]*k? ?(?:€|\$|£|euros?|dollars?|balles))"

# --- The copied trader -------------------------------------------------------------------
_LIVING = (
    r"\b(?:je vis|il vit|elle vit|on vit|vivre|vis|i live|living|make a living|earn a living) "
    r"(?:du|de la|des|from|off|off of|by) (?:trading|crypto|forex|bourse|trades?|paris sportifs)\b|"
    r"\b(?:trade|trading) (?:for a living|full[- ]time|a plein temps)\b|"
    r"\b(?:quit|quitte|lache|left) (?:my|mon|son|his|her) (?:job|boulot|taf|travail|cdi)\b[^.!?\n]{0,40}"
    r"\b(?:trading|crypto|forex|bourse|signaux|signals)\b"
)
_MENTOR = (
    r"\b(?:mon|ma|le mien|la mienne|un bon|une bonne|notre|son|sa|my|a good|our|his|her) "
    r"(?:mentor|mentore|coach|formateur|formatrice|gourou|guru|analyste|analyst|expert)\b|\ble mien\b"
)
_SIGNALS = (
    r"\b(?:signaux|signals|calls|trade alerts|alertes)\b[^.!?\n]{0,40}\b(?:tous les (?:matins|jours|soirs)|"
    r"chaque (?:matin|jour|soir)|every (?:morning|day|night)|daily|sur (?:telegram|whatsapp|discord|snap)|"
    r"on (?:telegram|whatsapp|discord)|vip|positions?|trades?)\b|"
    r"\b(?:envoie|envoient|partage|partagent|poste|postent|donne|donnent|sends?|posts?|shares?|drops?) "
    r"(?:des |ses |mes |nos |les |his |her |my |our |the )?(?:signaux|signals|trade alerts|calls)\b"
)
_COPY = (
    r"\b(?:copie[rsz]?|copient|recopie[rsz]?|copy|copies|copying|mirror\w*|replique[rsz]?) "
    r"(?:juste |simplement |just |simply |exactement |exactly )?(?:ses|mes|nos|leurs|les|his|her|my|our|"
    r"their|the) (?:positions|trades?|signaux|signals|entrees|ordres|orders|calls|moves)\b|"
    r"\bcopy[- ]?trading\b"
)
_VIP = (
    r"\b(?:(?:groupe|canal|salon|channel|group|chat) (?:vip|prive|premium|private)|vip (?:group|groupe|"
    r"channel|canal|access|acces))\b|\b\d+ ?(?:€|\$|euros?) (?:le|the|pour le|for the) vip\b"
)
_INVITE = r"\b(?:faire entrer|t'?ajouter|add you|get you in)\b[^.!?\n]{0,30}\b(?:vip|groupe|group|canal|channel)\b"
_GAINS = (
    r"(?<![\w+])\+ ?\d[\d .,]*\s?(?:€|\$|£|euros?|k|%)(?!\w)|"
    r"\b(?:j'?ai fait|j'?ai pris|j'?ai sorti|i made|i pulled|made|fait) \d[\d .,]*\s?(?:€|\$|k|euros?)"
    r" (?:de (?:gains?|profits?|benefices?) )?(?:le mois dernier|ce mois|cette semaine|la semaine derniere|"
    r"aujourd'?hui|hier|last (?:month|week)|this (?:month|week)|today|yesterday)\b"
)
_DEPOSIT = (
    r"\b(?:depot|deposit|versement|mise) (?:min(?:imum|imal)?|mini|initial|de depart)\b|"
    r"\bmin(?:imum|imal)?\.? (?:deposit|depot|investment|investissement)\b"
)
_ACCOUNT = (
    r"\b(?:ouvrir|ouvre|open|creer|cree) (?:un|ton|a|an|your) (?:compte|account) (?:sur|on|with|chez) "
    r"(?:la|le|the|sa|son|his|her) (?:plateforme|platform|broker|courtier|site|appli|app)\b"
)
# The parts that wake the rule (their words are rare); the others only count once it is awake.
_TRADER_WAKING = (_LIVING, _MENTOR, _SIGNALS, _COPY, _VIP, _DEPOSIT)
_TRADER = (*_TRADER_WAKING, _INVITE, _GAINS, _ACCOUNT)

# --- The official refund, expiring rights ------------------------------------------------
_BALANCE = (
    r"\bil (?:vous|te) reste \d[\d .,]*\s?(?:€|euros?)|\byou have [$€£]?\d[\d.,]* (?:left|remaining|"
    r"unclaimed)\b|\b(?:vous etes|tu es|t'?es|you are|you'?re) (?:eligible|elligible|admissible) "
    r"(?:a|au|pour|for|to) (?:un|une|le|la|a|an)? ?(?:remboursement|refund|aide|prime|allocation|"
    r"indemnisation|credit|rebate|compensation|versement|cheque)\b"
)
_AMOUNT = (
    r"\b(?:remboursement|refund|trop[- ]percu|indemnisation|versement|rebate|prime)\b (?:\w+ ){0,3}?"
    r"(?:de |of )?(?:[$€£] ?\d+[.,]\d\d|\d+[.,]\d\d ?(?:€|\$|£|euros?))"
)
_SUBMIT = (
    r"\b(?:soumettez|soumets|completez|remplissez|submit|complete|fill in|fill out) (?:votre|ta|ton|vos|"
    r"your|la|le|the) (?:demande|dossier|formulaire|claim|request|form|application)\b|"
    r"\butilise[rz]?[- ]les\b|\buse them\b|"
    r"\b(?:verifiez|consultez|activez|debloquez|recuperez|reclamez|check|claim|activate) (?:vos|votre|"
    r"your) (?:droits|solde|eligibilite|remboursement|rights|balance|eligibility|refund|credits?)\b"
)
_FORMATION = (
    r"\b(?:formations?|permis|cours|training|course)\b[^.!?\n]{0,40}\b(?:100 ?% (?:financee?s?|pris en "
    r"charge|prise en charge|gratuite?s?|rembourse\w*|funded|covered)|(?:entierement|totalement|"
    r"integralement|fully) (?:financee?s?|pris en charge|prise en charge|rembourse\w*|funded))\b"
)
# What presses: the deadline, the rights lost, the identity or bank details to have ready.
_EXPIRY = (
    r"\b(?:vos|votre|tes|ton|ces|your|these) (?:droits?|credits?|points?|solde|heures|euros?|fonds|"
    r"rights|balance|funds)\b[^.!?\n]{0,30}\b(?:expire\w*|arrive\w* a (?:expiration|echeance)|seront "
    r"(?:perdus|supprimes|annules)|vont etre (?:perdus|supprimes)|will (?:expire|be lost)|expiring)\b"
)
_DEADLINE = (
    r"\b(?:dossier|demande|compte|droits?|file|claim|case|request|account) (?:\w+ ){0,2}?(?:sera|seront|"
    r"will be) (?:clos|cloture|ferme|annule|supprime|perdu|closed|cancelled|canceled|deleted|"
    r"forfeited)\w*|\bsans (?:action|reponse|intervention)(?: de votre part)?\b|"
    r"\bwithout (?:any )?action\b|\bderniers? (?:jours|delai|avis)\b|\blast (?:days|chance|notice)\b|"
    r"\bexpire\w* le \d{1,2}[/.]\d{1,2}\b|\b(?:sous|dans les|within) \d{2,3} ?(?:h|heures|hours)\b"
)
_IDENTITY = (
    r"\b(?:avec|with|using|munissez[- ]vous d[e']|munis[- ]toi d[e']|preparez|have|keep|entrez|"
    r"saisissez|renseignez|indiquez|fournissez|provide|enter) ?(?:\w+ )?(?:votre|ton|vos|tes|your) "
    r"(?:numero de (?:secu\w*|securite sociale|ss|carte vitale|fiscal|passeport)|n° de secu|secu|"
    r"carte vitale|social security number|ssn|national insurance number|tax (?:id|number)|rib|iban|"
    r"carte bancaire|carte bleue|bank card|card details|bank details)\b"
)
_OFFICIAL_WAKING = (_BALANCE, _AMOUNT, _FORMATION, _EXPIRY, _IDENTITY)
_OFFICIAL = (*_OFFICIAL_WAKING, _SUBMIT, _DEADLINE)
_PRESSING = (_EXPIRY, _DEADLINE, _IDENTITY)

# --- Paid tasks unlocked by a deposit ----------------------------------------------------
_JOB_OFFER = (
    r"\b(?:are you looking for|looking for|tu cherches|vous cherchez|cherchez-vous|interested in) "
    r"(?:a |an |un |une )?(?:flexible |part[- ]time |remote |online |side )*(?:job|work|gig|travail|"
    r"boulot|emploi|job)\b|"
    r"\b(?:we|on|nous|i) (?:hire|hires|are hiring|recrute|recrutons|recherchons|cherchons|need) "
    r"(?:des |of )?(?:remote |online |home )?(?:product |app |hotel |movie )?(?:reviewers?|testeurs?|"
    r"testers?|evaluateurs?|raters?|optimizers?|optimiseurs?|likers?|assistants? en ligne)\b|"
    r"\b(?:rate|review|noter|evaluer|optimiser|optimize|like|liker|boost) (?:des |the |some )?"
    r"(?:products?|produits?|apps?|applis?|hotels?|videos?|films?) (?:from home|depuis chez (?:toi|vous)|"
    r"a domicile|online|en ligne)\b"
)
_TASK_PAY = (
    rf"{_CASH}(?: ?(?:-|a|à|to) ?{_CASH})? (?:daily|a day|per day|par jour|/ ?jour|/ ?day)\b|"
    r"\b(?:paid|payee?s?|paye) (?:the )?(?:same day|le jour meme|chaque jour|tous les jours|every day|daily)\b|"
    r"\b\d{1,3}(?: ?- ?\d{1,3})? ?min\w* (?:a|par|per) (?:day|jour)\b"
)
_HANDLER = (
    r"\b(?:text|contact|message|ecris a|ecrivez a|contacte|contactez|add|ajoute) (?:my|mon|ma|notre|"
    r"our|the|le|la) (?:supervisor|superviseur|superviseuse|manager|recruiter|recruteur|recruteuse|"
    r"coordinator|coordinatrice|coordinateur|mentor|hr team|human resources|ressources humaines)\b"
)
# The mechanism itself, which acts alone: a task account topped up to unlock the next batch.
_TASK_DEPOSIT = (
    r"\b(?:top(?:ping)? up|recharge[rz]?|recharge|alimente[rz]?|reload|fund) (?:\w+ ){0,2}?(?:task|work|"
    r"taches?|missions?|travail|job) ?(?:account|balance|compte|solde)?\b|"
    r"\b(?:unlock|debloque[rz]?|debloquer) (?:the |your |le |la |les |ton |votre )?(?:first |next |"
    r"premier |premiere |prochain |prochaine )?(?:batch|lot|orders?|commandes?|set|level|niveau)s?\b|"
    r"\b(?:refunded|returned|rembourse\w*) (?:with|along with|plus|avec) (?:your |ta |votre )?commission\b"
)
_TASKS = (_JOB_OFFER, _HANDLER, _TASK_PAY, _TASK_DEPOSIT)

# --- Free game currency, premium accounts "generated" --------------------------------------
_CURRENCY = r"(?:v[- ]?bucks|vbux|robux|rbx|nitro|gemmes|gems|diamants|diamonds|skins|coins|pieces)"
_STREAMING = r"(?:netflix|spotify|disney\+?|prime video|deezer|psn|xbox live|steam|gift ?cards?|cartes? cadeaux?)"
_GENERATOR = (
    rf"\b(?:generateur|generator|gen|hack|glitch|cheat|crack)s? (?:de |d'|of |for |pour )?(?:\d+ )?"
    rf"(?:{_CURRENCY}|{_STREAMING})\b|\b(?:{_CURRENCY}|{_STREAMING})(?: premium| 4k)? (?:generateur|"
    r"generator|gen|hack|glitch|crack)s?\b|"
    r"\b(?:v[- ]?bucks|vbux|robux|rbx)(?: \w+)? (?:gratuit\w*|free|illimite\w*|unlimited|offert\w*)\b|"
    r"\b(?:free|gratuit\w*|unlimited|illimite\w*) (?:\d[\d,.]* )?(?:v[- ]?bucks|vbux|robux|rbx|discord nitro)\b"
)
# One's own account of a promotion ("j'ai eu Nitro gratuit avec Epic") is no offer, unless
# the line carries the link.
_OWN_LUCK = re.compile(r"\b(?:j'?ai eu|on a eu|i got|we got|j'?ai recu|i received)\b")


_COMPILED = {p: re.compile(p) for p in (*_TRADER, *_OFFICIAL, *_TASKS)}


def _pitch(rule_id: str, score: float, parts: Sequence[str], pressing: Sequence[str] = ()) -> Judge:
    """Two parts of the same pitch, in this line or the sender's last five; with
    ``pressing``, one of them must press (a deadline, rights lost, details to have ready) or
    the line must carry a link: "t'es éligible à un remboursement, remplis le formulaire" is
    a friend's tip."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        text = norm.folded.text
        texts = [text, *map(folded, context.recent_from_sender[-5:])]
        here = {p for p in parts if any(_COMPILED[p].search(t) for t in texts)}
        if len(here) < 2:
            return None
        if pressing and not here.intersection(pressing) and not found(text):
            return None
        return (rule_id, score)

    return judge


def _alone(rule_id: str, score: float) -> Judge:
    """The mechanism itself, unless the line is one's own luck told without a link."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        text = norm.folded.text
        if _OWN_LUCK.search(text) and not found(text):
            return None
        return (rule_id, score)

    return judge


RULES = RuleSet(
    [
        rule(
            "scam.crypto",
            0.75,
            "|".join(_TRADER_WAKING),
            *("trad", "crypto", "forex", "bourse", "paris sportifs", "signa", "mentor", "coach"),
            *("format", "gourou", "guru", "analyst", "expert", "le mien", "calls", "alert"),
            *("copi", "copy", "mirror", "repliq", "vip", "prive", "premium", "private"),
            *("depot", "deposit", "versement", "minimum"),
            judge=_pitch("scam.crypto", 0.75, _TRADER),
        ),
        rule(
            "scam.phishing",
            0.75,
            "|".join(_OFFICIAL_WAKING),
            *("reste", "you have", "eligible", "elligible", "admissible", "rembours", "refund"),
            *("percu", "indemnisation", "versement", "rebate", "prime", "financ", "pris en charge"),
            *("prise en charge", "funded", "covered", "expir", "echeance", "perdus", "supprimes"),
            *(
                "annules",
                "be lost",
                "secu",
                "vitale",
                "social security",
                "ssn",
                "national insurance",
            ),
            *("tax", "rib", "iban", "carte", "bank", "card", "fiscal", "passeport", "numero de ss"),
            judge=_pitch("scam.phishing", 0.75, _OFFICIAL, _PRESSING),
        ),
        rule(
            "scam.crypto",
            0.75,
            "|".join((_JOB_OFFER, _HANDLER)),
            *("looking for", "cherch", "interested", "hire", "hiring", "recrut", "recherch"),
            *("need", "from home", "depuis chez", "a domicile", "online", "en ligne", "supervis"),
            *("manager", "recruit", "coordinat", "mentor", "hr team", "human resources"),
            "ressources humaines",
            judge=_pitch("scam.crypto", 0.75, _TASKS),
        ),
        rule(
            "scam.crypto",
            0.7,
            _TASK_DEPOSIT,
            *("top", "recharge", "aliment", "reload", "fund", "unlock", "debloque", "refunded"),
            *("returned", "rembours"),
        ),
        rule(
            "scam.phishing",
            0.7,
            _GENERATOR,
            *("generat", "gen", "hack", "glitch", "cheat", "crack", "bucks", "vbux", "robux"),
            *("rbx", "nitro"),
            judge=_alone("scam.phishing", 0.7),
        ),
    ]
)
