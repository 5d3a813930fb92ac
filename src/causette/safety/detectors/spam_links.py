"""Links in a message: how many it holds, and whether the words around one make an advert."""

from __future__ import annotations

import re

LINK = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9\-]{1,62}\.(?:com|fr|net|org|io|xyz|ru|ly|gg|me|"
    r"tk|co|info|biz|top|site|online|club|link|live|app|shop|store|cc|su|cam|sex|xxx|vip|win|"
    r"click|fun|pw|icu|be|eu|help|support|services|security|secure|login|center|tech|pro|uk|"
    r"today|bet|casino|money|finance)(?:/\S*)?(?=\s|$|[),!?])|"
    # One-letter shorteners and invites ("t.me/+group", "t.co/x") only with their path.
    r"\b[a-z0-9]\.(?:me|co|ly|gg|be)/\S+"
)
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
# A link with the words of an advert is an advert.
_ADVERT = re.compile(
    r"(?<!\w)-\d+ ?%|\b(?:promos?|reductions?|soldes|livraison (?:gratuite|offerte)|nos produits|"
    r"code promo|achetez|commandez|offre (?:speciale|limitee)|buy now|discount|sale|free shipping|"
    r"site de rencontres?|meilleur site|nouvelle appli|best (?:site|app))\b"
)


def links(folded: str) -> int:
    """How many links a folded text holds."""
    if "." not in folded:
        return 0
    return len(LINK.findall(folded))


def advert(text: str) -> bool:
    """Whether the words around a link (not the link's own) make an advert of it."""
    words = LINK.sub(" ", text)
    return _ADVERT.search(words) is not None or _CALL_TO_ACTION.search(words) is not None
