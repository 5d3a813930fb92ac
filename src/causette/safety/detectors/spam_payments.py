"""How a fraud gets paid and what it takes: untraceable routes, fees before a release,
credentials asked, the overpaid cheque.

Whatever the story (a loan, a prize, a job, a lover's emergency, an account "recovered"),
the fraud ends the same ways, and each is enough on its own once it is asked of the
listener:

- the money by a route nobody can claw back: prepaid coupons (PCS, Neosurf, Transcash,
  Paysafecard), a Western Union or MoneyGram to a third party's name, gift cards whose codes
  are sent, crypto for "the fees";
- a fee or an advance to pay before the loan, the prize, the funds or the job are released;
- the keys to someone's life: the bank login, the code the bank will text, the ID card front
  and back (with a RIB, the whole kit for an identity theft);
- the cheque to deposit whose "surplus" is sent on.

What these rules leave alone: a friend's gift ("je t'offre une carte cadeau"), one's own
bills and top-ups told in the first person, an agency's rental file. A scam told, warned
against or mocked is silenced by ``spam.py`` (``schemes.scam_talked_about``).
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.normalize import Normalized

# Routes nobody can reverse. Prepaid coupons and cash transfers are a fraud's alone; gift
# cards and crypto are ordinary too, so they count only with a fee, a code or another route.
_COUPON = (
    r"(?:(?:coupons?|tickets?|recharges?|cartes?|codes?) (?:prepayee?s? )?(?:pcs|neosurf|transcash|"
    r"paysafe ?card|toneo|flexepin|cashlib)|neosurf|transcash|paysafe ?cards?|flexepin|cashlib|"
    r"pcs mastercard|western union|moneygram|mandat cash)"
)
_GIFT_CARD = (
    r"(?:(?:apple|itunes|steam|google play|amazon|razer|ebay|xbox|playstation|psn|sephora|vanilla) "
    r"(?:gift )?cards?|gift ?cards?|cartes? (?:cadeaux? )?(?:apple|itunes|steam|google play|amazon|"
    r"psn|xbox)|cartes? cadeaux?)"
)
_CRYPTO = r"(?:bitcoins?|btc|usdt|crypto(?:-?monnaies?|s)?|ethereum|eth|tether)"
_ANY_ROUTE = rf"(?:{_COUPON}|{_GIFT_CARD}|{_CRYPTO})"

# Asked of the listener: an imperative, a "you must / can", an obligation, a passive rule
# ("les frais se paient en"), a means of payment laid down ("payment only by").
_ASK_FR = (
    r"(?:paie[sz]?|payez|regle[sz]?|reglez|verse[sz]?|versez|envoie[sz]?|envoyez|achete[sz]?|"
    r"achetez|fais|faites|prends|prenez|recharge[sz]?|rechargez)(?:-(?:moi|nous|lui|leur))?|"
    r"(?:dois|devez|devrais|devriez|peux|pouvez|pourrais|pourriez|pouvais|pouviez|vas|allez|faut|faudra|faudrait|suffit de|merci de|il vous reste a|"
    r"il te reste a) (?:\w+ )?(?:payer|regler|verser|envoyer|acheter|faire|prendre|recharger)|"
    r"se (?:paient|paie|paye|payent|reglent|regle)|(?:a|sont a|est a) (?:payer|regler|verser)|"
    r"payables?|(?:paiement|reglement|versement)s?"
)
_ASK_EN = (
    r"(?:pay|send|buy|purchase|wire|get)(?: (?:me|us|him|her|them))?|"
    r"(?:need to|have to|must|can|could|would|should|will need to|gotta) (?:\w+ )?(?:pay|send|buy|purchase|wire)|"
    r"payable|payments?"
)
# One's own purchase or a present, told in the first person: not a demand.
_OWN = re.compile(
    r"\b(?:je (?:t'|te |vous |lui |leur )?(?:ai |avais )?(?:achete|paie|paye|recharge|prends|prenais)\w*|"
    r"j'(?:ai|avais) (?:paye|achete|pris|recharge)|on (?:a |s'est )?(?:achete|paye)|"
    r"i(?:'ve| have| had)? (?:bought|paid|topped up)|i (?:pay|buy)|"
    # A present: "je t'offre une carte cadeau", "I'll get you an amazon card for your birthday".
    r"(?:je|on) (?:t'|te |vous |lui |leur )(?:ai |avons )?(?:offre|offert|offrir|donne|donner)\w*"
    r"[^.!?\n]{0,25}\b(?:cartes?|cards?|bons?|cheques?)|i(?:'ll| will)? (?:get|buy|give|got|gave) "
    r"(?:you|u|him|her|them) (?:an? |some |the )?(?:\w+ )?(?:gift ?)?cards?|"
    r"birthday|anniversaire|anniv|noel|christmas|fete des \w+|as a (?:gift|present)|en cadeau|"
    r"comme cadeau)\b"
)

_PREPAID_ASKED = (
    rf"\b(?:{_ASK_FR}|{_ASK_EN})\b(?:[^.!?\n]{{0,50}}?)\b(?:en|par|via|avec|in|with|by|through|using|des|"
    rf"du|un|une|some|an?|the|\d+) (?:\w+ )?{_COUPON}\b|"
    # "Un Western Union au nom du docteur", "a MoneyGram to my agent": a third party's name.
    r"\b(?:western union|moneygram|mandat cash|transfert|transfer)\b[^.!?\n]{0,20}\b(?:au nom d|a l'ordre d|"
    r"in the name of|to the name of|made out to)"
)
# A fee, an advance or a deposit paid by one of those routes, in either order.
_FEE = (
    r"(?:frais|fees?|avance|acompte|caution|assurance|taxes?|commissions?|deposit|advance|upfront|"
    r"insurance|charges?|cotisation|droits?)"
)
_FEE_BY_ROUTE = (
    rf"\b{_FEE}\b[^.!?\n]{{0,40}}?\b(?:en|par|via|avec|in|with|by|through|using) (?:\w+ )?"
    rf"(?:{_COUPON}|{_GIFT_CARD})\b|"
    rf"\b(?:{_COUPON}|{_GIFT_CARD})\b[^.!?\n]{{0,25}}\b(?:pour|for|cause of|because of|because|due to) "
    rf"(?:the |les |des |le |la )?{_FEE}\b|"
    # Crypto has its own "fees" (gas, network): only a fee laid down to be paid in it counts.
    rf"\b{_FEE}\b[^.!?\n]{{0,30}}?\b(?:{_ASK_FR}|{_ASK_EN})\b[^.!?\n]{{0,20}}?\b(?:en|par|in|with|by) "
    rf"(?:\w+ )?{_CRYPTO}\b"
)
# Two routes laid out as the choice of payment: "bitcoin or apple gift card", "PCS ou Neosurf";
# two coins compared ("btc ou eth ?") are no payment.
_ROUTES_OFFERED = (
    rf"\b{_COUPON}\b,? (?:ou|or|/|et|and) (?:en |par |in |by |an? |une? |des )?{_ANY_ROUTE}\b|"
    rf"\b{_CRYPTO}\b,? (?:ou|or|/) (?:en |par |in |by |an? |une? |des )?(?:{_COUPON}|{_GIFT_CARD})\b|"
    rf"\b{_GIFT_CARD}\b,? (?:ou|or|/) (?:en |par |in |by |des |du )?(?:{_COUPON}|{_CRYPTO})\b"
)
# The codes of a card or coupon sent over: the payment itself.
_CODES_SENT = (
    r"\b(?:envoie[sz]?|envoyez|donne[sz]?|donnez|transmets|transmettez|dicte[sz]?|dictez|send|give|text|"
    r"read)(?:[- ](?:moi|nous|me|us))? (?:\w+ ){0,3}?(?:codes?|numeros?|numbers?|pins?)"
    r" (?:\w+ ){0,2}?(?:des |du |de la |de tes |de vos |of the |on the |from the |of |on )?"
    r"(?:coupons?|cartes?|cards?|recharges?)\b|"
    r"\b(?:photos?|pics?|pictures?) (?:du|of the) (?:code|dos de la carte|back of the card)\b|"
    r"\b(?:gratte[sz]?|grattez|scratch)\b[^.!?\n]{0,40}\b(?:envoie|envoyez|send|photo|pic|code)"
)

# --- Fees before a release ---------------------------------------------------------------
_RELEASED = (
    r"(?:deblocage|liberation|versement|virement|decaissement|envoi|fonds|pret|credit|gains?|lot|prix|"
    r"colis|salaire|argent|somme|heritage|funds|loan|prize|money|winnings|payment|transfer|release|"
    r"disbursement|payout|inheritance|parcel|package|salary)"
)
_FEE_FIRST = (
    rf"\b(?:frais|fees?|avance|acompte|caution|assurance|taxe|commission|cotisation|deposit|advance|"
    rf"insurance|tax)\b[^.!?\n]{{0,60}}?\b(?:avant|before|prior to|pour (?:debloquer|recevoir|liberer|"
    rf"toucher|obtenir|percevoir)|to (?:release|unlock|receive|get|claim|process|free up)|"
    rf"(?:sans|without) (?:quoi|which))\b (?:(?:le|la|les|l'|the|your|ur|vos|tes|ton|ta|votre|de|d'|"
    rf"des|du|we can|on peut|can)\s?)*{_RELEASED}\b"
)
_FEE_TOLD = re.compile(
    r"\b(?:j'ai|on a|nous avons|m'a|m'ont|nous a|on m'a|ma banque|la banque|notre banque|mon banquier|"
    r"le notaire|i paid|we paid|i had to|we had to|my bank|the bank|our bank)\b"
)
# A deposit to "reach" a level: the paid-tasks' trap ("pour passer VIP faut déposer 100 €").
_LEVEL_DEPOSIT = (
    r"\b(?:niveau|level|statut|status|palier|tier|rang|grade|compte) (?:\w+ )?(?:vip|premium|gold|"
    r"superieur|suivant|next|higher|\d)\b[^.!?\n]{0,40}\b(?:depos\w*|depot|verse[rz]?|verser|deposit\w*|"
    r"top ?up|recharge[rz]?)\b|"
    r"\b(?:next|higher|vip|premium|gold) (?:level|tier|status|rank)\b[^.!?\n]{0,40}\b(?:deposit\w*|top ?up)\b|"
    r"\b(?:depos\w*|depot|verse[rz]?|verser|deposit\w*|top ?up)\b[^.!?\n]{0,40}\b(?:niveau|level|"
    r"statut|status|palier|tier) (?:\w+ )?(?:vip|premium|gold|superieur|suivant|next|higher|\d)\b"
)

# --- Credentials asked -------------------------------------------------------------------
_YOURS = r"(?:your|ur|ton|ta|tes|votre|vos)"
_GIVE = (
    r"(?:need|send|give|provide|share|text|enter|type|envoie[rz]?|envoyez|donne[rz]?|donnez|transmets|"
    r"transmettez|communique[rz]?|communiquez|indique[rz]?|indiquez|besoin de|besoin d'|il me faut|il nous faut|"
    r"faut|dicte[rz]?|dictez|saisis|saisissez)"
)
_BANK_LOGIN = (
    r"(?:bank(?:ing)? (?:login|log-in|password|credentials|username|user ?name|pin)|online banking "
    r"(?:login|password|details|credentials)|(?:login|password|credentials) (?:for|to|of) (?:your|ur) "
    r"(?:bank|banking)|identifiants? (?:bancaires?|de (?:ta |votre )?banque|de connexion (?:a |de )?"
    r"(?:ta |votre )?banque)|(?:mot de passe|mdp|codes? d'acces) (?:de |a )?(?:ta |votre |la )?"
    r"(?:banque|appli bancaire|espace bancaire|compte bancaire))"
)
_LOGIN_ASKED = rf"\b{_GIVE}\b(?:[- ](?:moi|nous|me|us))?[^.!?\n]{{0,80}}?\b{_YOURS}\b[^.!?\n]{{0,60}}?\b{_BANK_LOGIN}\b"
# The code the bank is about to text: "le code que tu vas recevoir", "the code you'll get".
_CODE_COMING = (
    r"\b(?:le|ce|the|that) code (?:\w+ )?(?:que (?:tu|vous) (?:vas|allez|va|recevras|recevrez|recois|"
    r"recevez)|qui (?:va|vient) (?:t'|vous |de )?(?:arriver|s'afficher)|que (?:je|on|nous) (?:vais|va|"
    r"allons) (?:t'|vous )?envoyer|(?:you|u)(?: will| ?'ll| ll| are going to| ?'re going to| re going to| gonna)? "
    r"(?:get|receive)|(?:we|i) (?:just )?(?:sent|texted|will send|'ll send) (?:you|u))\b"
)
_ID_DOC = (
    r"(?:carte d'identite|cni|piece d'identite|passeport|titre de sejour|permis de conduire|id|id card|"
    r"passport|driver'?s licen[cs]e|identity card)"
)
_ID_BOTH_SIDES = (
    rf"\b(?:photos?|scans?|copies?|pics?|pictures?|images?|copy)\b[^.!?\n]{{0,30}}?\b{_ID_DOC}\b"
    r"[^.!?\n]{0,20}?\b(?:recto[- ]verso|recto et verso|front and back|both sides|front & back|"
    r"des deux cotes|devant et derriere)\b"
)
_ID_AND_BANK = (
    rf"\b{_GIVE}\b[^.!?\n]{{0,60}}?\b{_ID_DOC}\b[^.!?\n]{{0,40}}?\b(?:rib|iban|bank details|"
    r"releve d'identite bancaire|numero de carte|card number|coordonnees bancaires)\b|"
    rf"\b{_GIVE}\b[^.!?\n]{{0,60}}?\b(?:rib|iban|bank details|coordonnees bancaires)\b[^.!?\n]{{0,40}}?\b"
    rf"{_ID_DOC}\b"
)
# A rental file or an employer's paperwork asks the same; in chat, a stranger does.
_PAPERWORK = re.compile(
    r"\b(?:dossier (?:de location|locatif)|bail|agence|proprio|proprietaire|location|lease|rental|"
    r"landlord|letting|mutuelle|rh de (?:ma|notre)|notaire)\b"
)

# --- The overpaid cheque -----------------------------------------------------------------
_CHEQUE = re.compile(
    r"\b(?:cheques?|(?:a|the|this|our|my|cashier'?s|certified|company|business) checks?\b"
    r"(?! (?:out|it|this|that|if|your|my|in|on|up)\b))"
)
_SURPLUS_SENT = (
    r"\b(?:send|wire|transfer|refund|return|forward|pay|give|renvoie[rz]?|renvoyez|envoie[rz]?|"
    r"envoyez|reverse[rz]?|reversez|vire[rz]?|virez|rends|rendez|rembourse[rz]?|remboursez|"
    r"transfere[rz]?|transferez)(?:[- ](?:moi|nous|lui|leur|me|us|him|them))? (?:back )?(?:le |la |l'|"
    r"les |the |any )?(?:surplus|difference|excedent|trop[- ]percu|reste|montant en trop|somme en trop|"
    r"excess|extra|remainder|rest|balance|overpayment|leftover)\b"
)


def _routed(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Je t'offre une carte cadeau", "j'ai payé en bitcoin": a present or one's own purchase.
    if _OWN.search(norm.folded.text):
        return None
    return ("scam.phishing", 0.75)


def _fee_first(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "La banque m'a pris 500 € de frais avant le déblocage": a real loan told.
    if _FEE_TOLD.search(norm.folded.text):
        return None
    return ("scam.phishing", 0.75)


def _id_asked(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _PAPERWORK.search(text) or any(
        _PAPERWORK.search(folded(t)) for t in context.recent_from_sender[-3:]
    ):
        return None
    return ("scam.phishing", 0.7)


def _overpaid(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Rends-moi la différence" after a friend's transfer is change; after a cheque, the fraud.
    if _CHEQUE.search(norm.folded.text) or any(
        _CHEQUE.search(folded(t)) for t in context.recent_from_sender[-3:]
    ):
        return ("scam.phishing", 0.75)
    return None


_ROUTE_ANCHORS = (
    *("pcs", "neosurf", "transcash", "paysafe", "toneo", "flexepin", "cashlib"),
    *("western union", "moneygram", "mandat cash"),
)

RULES = RuleSet(
    [
        rule("scam.phishing", 0.75, _PREPAID_ASKED, *_ROUTE_ANCHORS, judge=_routed),
        rule(
            "scam.phishing",
            0.75,
            f"{_FEE_BY_ROUTE}|{_ROUTES_OFFERED}",
            *_ROUTE_ANCHORS,
            *("card", "carte", "bitcoin", "btc", "usdt", "crypto", "eth", "tether"),
            judge=_routed,
        ),
        rule(
            "scam.phishing",
            0.75,
            _CODES_SENT,
            *("code", "photo", "pic", "numero", "number", "pin", "gratte", "scratch"),
            judge=_routed,
        ),
        rule(
            "scam.phishing",
            0.75,
            _FEE_FIRST,
            *("frais", "fee", "avance", "acompte", "caution", "assurance", "taxe", "commission"),
            *("cotisation", "deposit", "advance", "insurance", "tax"),
            judge=_fee_first,
        ),
        rule(
            "scam.phishing",
            0.75,
            _LEVEL_DEPOSIT,
            *("depos", "depot", "verse", "top up", "topup", "recharge"),
        ),
        rule(
            "scam.phishing",
            0.8,
            f"{_LOGIN_ASKED}|{_CODE_COMING}",
            *("bank", "identifiant", "banque", "bancaire", "code"),
        ),
        rule(
            "scam.phishing",
            0.7,
            f"{_ID_BOTH_SIDES}|{_ID_AND_BANK}",
            *("recto", "front", "sides", "cotes", "derriere", "rib", "iban", "bank", "bancaire"),
            *("numero de carte", "card number"),
            judge=_id_asked,
        ),
        rule(
            "scam.phishing",
            0.75,
            _SURPLUS_SENT,
            *("surplus", "difference", "excedent", "percu", "reste", "en trop", "excess", "extra"),
            *("remainder", "rest", "balance", "overpayment", "leftover"),
            judge=_overpaid,
        ),
    ]
)
