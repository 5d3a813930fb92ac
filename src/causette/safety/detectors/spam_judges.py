"""Spam judges: a "click here" among friends, a "see my profile" that is no cam lure, bank
details asked so as to pay the listener."""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

# What a cam or content lure promises with "see my profile": the body, the camera, for free.
_LURE = re.compile(
    r"\b(?:cam|webcam|pics?|photos?|videos?|vids?|contenus?|content|hot|sexy|private|prive\w*|free|"
    r"gratuit\w*|18|bb|babe|baby|bebe|chaton|coquin\w*|nue?s?|nudes?|naughty|more|plus)\b"
)
_LURE_MARKS = frozenset("😘💋🔥🍑😈💦🔞😏")


# A link among friends named for what it holds: "clique sur le lien du drive pour les photos".
_SHARED_LINK = re.compile(
    r" (?:du|de la|de l'|des|pour (?:le|la|les)) ?(?:drive|cagnotte|doodle|visio|zoom|meet|album|"
    r"formulaire|sondage|photos?|google|dropbox|wetransfer|groupe|reunion|billetterie|covoit\w*|"
    r"playlist|video de|article|pdf|document|menu|reservation)\b"
)


def click_here(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    said = match.group()
    if re.match(r"(?:cliquez|clique|click|tap)\b", said) and _SHARED_LINK.match(
        match.string, match.end()
    ):
        return None
    return ("scam.phishing", 0.75)


def lure(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Check my profile for my portfolio", "suis-moi sur ma chaîne": sharing one's page is
    # ordinary; with the promise of the camera, the body or free access it is the lure.
    said = match.group()
    if re.match(r"(?:check|see|viens|rejoins|retrouve|rejoignez|retrouvez|suis)\b", said) and not (
        _LURE.search(norm.folded.text, 0, match.start())
        or _LURE.search(norm.folded.text, match.end())
        or not _LURE_MARKS.isdisjoint(norm.original)
    ):
        return ("scam.webcam", 0.45)
    return ("scam.webcam", 0.8)


# Bank details, not secrets: a RIB or an IBAN is what one asks of a friend to pay them back.
_BANK_DETAILS = re.compile(r"\b(?:iban|rib)\b")
# The sender will pay the listener: "je te fais le virement", "pour te rembourser", "la cagnotte".
_TO_PAY_YOU = re.compile(
    r"\b(?:je (?:te|vous) (?:fais|fait|ferai|envoie|vire|rembourse|paie|paye)\w*|"
    r"(?:pour|afin de) (?:te|vous) (?:rembourser|payer|virer|faire (?:le|un) virement)|"
    r"(?:je|on) (?:te|vous) (?:le |les )?(?:vire|rembourse)\w*|rembourse\w* (?:ta|ma|sa|la) part|"
    r"(?:ma|ta|sa|la) part|la moitie|cagnotte|les courses|l'?addition|"
    r"pay (?:you|u) back|send (?:you|u) (?:the|my) (?:money|share|half)|transfer (?:you|u)|my share)\b"
)


def bank_details(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Envoie-moi ton RIB, je te fais le virement pour les courses": the sender pays. The
    # phisher's "votre RIB pour recevoir le remboursement" names an official payer instead,
    # and the other phishing wordings (codes, passwords, card numbers) are never this.
    said = match.group()
    if _BANK_DETAILS.search(said) and _TO_PAY_YOU.search(norm.folded.text):
        return ("scam.phishing", 0.3)
    return ("scam.phishing", 0.8)
