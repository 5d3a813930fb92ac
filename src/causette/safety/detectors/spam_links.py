"""Links in a message: how many it holds, and whether the words around one make an advert.

A link without "http" or "www" is a host name ending in a real suffix (``lexicons/tlds.txt``,
IANA's list and the names reserved for examples). A dot typed without its space makes the
same shape out of two words ("salut.ca va", "pas.de souci"), so a suffix that is an
ordinary word needs more of the name (a path, a hyphen, a digit) to be a link.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

# A scheme or "www." is a link whatever follows; otherwise a host name, an optional path,
# and nothing after that would make it longer (another letter, a dot and a label, an "@").
_CANDIDATE = re.compile(
    r"\b(?:https?://|www\.)\S+|"
    r"\b[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9][a-z0-9-]{0,62})*"
    r"\.(?P<tld>[a-z]{2,24})(?P<path>/\S*)?(?![a-z0-9_@-]|\.[a-z0-9])"
)


@lru_cache(maxsize=1)
def tiers() -> dict[str, str]:
    """Each known suffix with its section in ``tlds.txt`` ("unlisted" reads as "open")."""
    text = resources.files("causette.safety").joinpath("lexicons", "tlds.txt").read_text("utf-8")
    tiers: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("["):
            section = line.strip("[]")
            continue
        for tld in line.split():
            tiers[tld] = "open" if section == "unlisted" else section
    return tiers


def _is_link(match: re.Match[str]) -> bool:
    tld = match.group("tld")
    if tld is None:
        return True  # a scheme or "www."
    tier = tiers().get(tld)
    if tier is None:
        return False
    # The label just before the suffix: "google" in "docs.google.com".
    host = match.group()[: match.start("tld") - match.start() - 1]
    name = host.rsplit(".", 1)[-1]
    if not any(c.isalpha() for c in name):
        return False  # "33.cl", "50.ml", "130.km/h": a quantity and its unit
    path = match.group("path")
    if path is not None and (len(path) > 1 or tier == "open"):
        return True
    hyphens = name.strip("-").count("-")
    digit = any(c.isdigit() for c in name)
    if tier == "open":
        return len(name) >= 2 or path is not None
    if tier == "plain":
        return hyphens >= 1 or (digit and len(name) >= 4)
    if tier == "word":
        return hyphens >= 2 or (hyphens == 1 and digit)
    return False  # a file's name: "script.py", "photos.zip"


# A domain spelled letter by letter to slip past link filters: "b o o s t y f a m . i o",
# "m i n u i t l i v e point f r". Five letters or more, each alone, then the dot said or
# typed, then a suffix (spelled or not) that is a real one.
_SPELLED = re.compile(
    r"(?<! [a-z0-9] )(?<![a-z0-9])(?P<name>(?:[a-z0-9] ){4,}[a-z0-9]) ?(?:\.|point|dot) ?"
    r"(?P<tld>[a-z]{2,6}|(?:[a-z] ){1,4}[a-z])(?![a-z0-9])(?! [a-z0-9](?![a-z0-9]))"
)


def _spelled(folded: str) -> list[re.Match[str]]:
    if " " not in folded:
        return []
    return [
        m
        for m in _SPELLED.finditer(folded)
        if tiers().get(m.group("tld").replace(" ", ""), "file") != "file"
        and any(c.isalpha() for c in m.group("name"))  # "0 6 1 2 3" is a number read out
    ]


def found(folded: str) -> list[str]:
    """The links of a folded text, in order (a spelled one joined up: "boostyfam.io")."""
    if "." not in folded and " point " not in folded and " dot " not in folded:
        return []
    plain = [m.group() for m in _CANDIDATE.finditer(folded) if _is_link(m) and not _mailed(m)]
    spelled = [
        m.group("name").replace(" ", "") + "." + m.group("tld").replace(" ", "")
        for m in _spelled(folded)
    ]
    return plain + spelled


def _mailed(match: re.Match[str]) -> bool:
    # The domain of an e-mail address ("prenom.nom@fournisseur.fr") is no link to click.
    start = match.start()
    return start > 0 and match.string[start - 1] == "@"


def without_links(folded: str) -> str:
    """The text with each link blanked, for the words around it."""
    if "." not in folded and " point " not in folded and " dot " not in folded:
        return folded
    for spelled in reversed(_spelled(folded)):
        folded = folded[: spelled.start()] + " " + folded[spelled.end() :]
    return _CANDIDATE.sub(lambda m: " " if _is_link(m) and not _mailed(m) else m.group(), folded)


# A link with an invitation to join, register or click, or with the words of an advert.
_CALL_TO_ACTION = re.compile(
    r"\b(?:rejoins|rejoignez|join|visitez|visit|inscris[- ]toi|inscrivez[- ]vous|inscription|"
    r"clique[rz]?|click|tap|decouvre[rz]?|abonne[- ]toi|abonnez[- ]vous|follow|sign ?up|register|"
    r"bonus|concours|giveaway)\b|\b100 ?%(?!\w)"
)
# "Free" alone is what a club, a library or a town says of its own open day: with one link
# and no invitation, it counts only with a link already sent before.
FREE = re.compile(r"\b(?:gratuit\w*|free)\b")
# A link whose own path or name asks to join or claim something ("/join", "-claim", "ref=").
BAIT_LINK = re.compile(
    r"/\S*(?:join|register|signup|sign-up|claim|free|gift|promo|bonus|ref=)|claim|prize|bonus"
)
# A hand or an arrow pointing at the link is the advert's own call to click.
POINTERS = frozenset("👉➡→⇒⬇👇▶➜➤")
# A link with the words of an advert is an advert. "Promo" alone is also a student's year
# ("le Discord de la promo L1"): a sale says what is on promotion, how much, until when.
_ADVERT = re.compile(
    r"(?<!\w)-\d+ ?%|\b(?:en|grosses?|super|mega|nos) promos?\b|\bpromo codes?\b|"
    r"\bpromos? (?:du (?:jour|moment|mois)|exceptionnelles?|speciales?|flash|sur (?:tout|nos|les|le|la|"
    r"toute)|-?\d+ ?%)|\b(?:reductions?|soldes|livraison (?:gratuite|offerte)|nos produits|"
    r"code promo|achetez|commandez|offre (?:speciale|limitee)|buy now|discount|sale|free shipping|"
    r"site de rencontres?|meilleur site|nouvelle appli|best (?:site|app))\b"
)


def links(folded: str) -> int:
    """How many links a folded text holds."""
    return len(found(folded))


def advert(text: str) -> bool:
    """Whether the words around a link (not the link's own) make an advert of it."""
    words = without_links(text)
    return _ADVERT.search(words) is not None or _CALL_TO_ACTION.search(words) is not None


# The words of a sale around a link (the invitation's own words aside).
_SALE = re.compile(
    r"(?<!\w)-\d+ ?%|\b(?:promos?|reductions?|soldes|achetez|commandez|offre|buy|discount|sale|bonus|"
    r"concours|giveaway|gagne\w*|win|prize|lots?)\b|\b100 ?%(?!\w)"
)


def asked_for(norm: Normalized, context: MessageContext) -> bool:
    """Whether a link with only an invitation's word ("l'inscription c'est là") answers the
    question someone else just asked, from someone who spoke before: a friend's sign-up
    link, not an advert (which words a sale, points at its link or says "free")."""
    if not context.recent_from_sender or not context.recent:
        return False
    last = context.recent[-1]
    if last == context.recent_from_sender[-1] or "?" not in last:
        return False
    text = norm.folded.text
    words = without_links(text)
    return (
        POINTERS.isdisjoint(norm.original)
        and not _SALE.search(words)
        and not FREE.search(words)
        and "->" not in text
        and not any(BAIT_LINK.search(link) for link in found(text))
    )
