"""Spam judges: a "click here" among friends, a "see my profile" that is no cam lure, bank
details asked so as to pay the listener, a site spelled out for who asked for it, a thing
given away between neighbours."""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.spam_links import BAIT_LINK, found
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


# The question just asked by someone else names what it wants: a site, a page, a link.
_ASKS_FOR_SITE = re.compile(
    r"\b(?:sites?|website|page|link|lien|url|web|en ligne|online|facebook|insta\w*|where can (?:i|we)|"
    r"ou (?:on peut|je peux|trouver)|plus d'?infos?|more info)\b"
)
# What a spelled link for who asked has none of: a price, a fee, a login, a prize, a pitch.
_PITCH = re.compile(
    r"[$€£]|\d ?(?:euros?|e)\b|\b(?:pay\w*|paie\w*|frais|fees?|cards?|cartes?|codes?|log ?in|"
    r"connecte\w*|connect|verif\w*|secure\w*|securise\w*|gagne\w*|win\w*|prize|lots?|cadeaux?|gifts?|"
    r"bonus|promo\w*|offre|offer|hurry|vite|inscri\w*|sign ?up|register|invest\w*|crypto\w*)\b"
)


def site_on_request(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """A site spelled out ("hollisgrowers dot org") for someone who just asked for the page,
    by someone who spoke before, with no fee, login or prize around it: a club's own site.
    The bot's spelled link comes unasked or with its pitch ("faut juste payer 2 €")."""
    if not context.recent_from_sender or not context.recent:
        return ("scam.phishing", 0.6)
    last = context.recent[-1]
    if last == context.recent_from_sender[-1] or "?" not in last:
        return ("scam.phishing", 0.6)
    text = norm.folded.text
    if (
        _ASKS_FOR_SITE.search(folded(last))
        and not _PITCH.search(text)
        and not any(BAIT_LINK.search(link) for link in found(text))
    ):
        return None
    return ("scam.phishing", 0.6)


# What a prize draw or a "giveaway" scam asks or promises, against a sofa given away.
_DRAW = re.compile(
    r"[$€£]|\d ?(?:euros?|e)\b|\b(?:click\w*|clique\w*|follow\w*|abonne\w*|subscribe\w*|share|partage\w*|"
    r"like|likes|tag|tague\w*|identifie\w*|comment\w*|retweet\w*|rt|dm|mp|inbox|winners?|gagnante?s?|"
    r"tirage|draw|iphone|ps5|airpods|samsung|gift ?cards?|cartes? cadeaux?|robux|v-?bucks|btc|bitcoin|"
    r"crypto\w*|eth|usdt|send|envoie\w*|fees?|frais|shipping|livraison|claim|reclame\w*|link|lien|"
    r"bio|prize|lots?|participe\w*|enter|entries)\b"
)


def prize_or_thing(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """A "giveaway" with no link, prize, fee or call to follow and share, here or in the
    sender's last two lines, is a thing given away ("free sofa, collection only")."""
    if match.group() != "giveaway":
        return ("scam.phishing", 0.55)
    text = norm.folded.text
    if any(
        _DRAW.search(t) or found(t) for t in (text, *map(folded, context.recent_from_sender[-2:]))
    ):
        return ("scam.phishing", 0.55)
    return None
