"""Doxxing calls to harass at home or by phone: deliveries sent, a line flooded, a relative spammed.

"commander des pizzas chez eux pendant le live", "bet he'd love a few surprise pizza
deliveries at 3am", "lets all order pizzas to his place", "appelez tous et demandez-le",
"call the number, ask for him", "on va spammer le daron": a call on a crowd to use
someone's address or number against them. A request alone does not hold: with the details
it uses (a ``doxx`` signal, a number, an address) the policy's ``doxxing.call`` does.
"""

from __future__ import annotations

import re

from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_GOODS = (
    r"(?:pizzas?|taxis?|ubers?|kebabs?|sushis?|tacos|livreurs?|deliveries|delivery|food|takeaways?|"
    r"escorts?|plombiers?|serruriers?|livraisons?)"
)
_CALLS: dict[str, re.Pattern[str]] = {
    # Goods or cabs sent to someone's home, at night, by surprise, by the dozen.
    "deliveries": re.compile(
        rf"\b(?:commande[rz]?|commandons|order(?:ing)?|send(?:ing)?|envoye[rz]?|envoie|"
        rf"faire (?:venir|livrer)|faites (?:venir|livrer))\b[^.!?]{{0,25}}?\b{_GOODS}\b"
        r"[^.!?]{0,30}?\b(?:chez (?:lui|elle|eux)|a (?:son|sa|leur) (?:adresse|porte|domicile)|"
        r"to (?:his|her|their) (?:place|house|address|door|home|flat)|at (?:his|her|their) "
        r"(?:place|house|address|door)|cash on delivery|a \d{1,2} ?h du mat\w*|at \d{1,2} ?am|"
        r"en pleine nuit|in the middle of the night)|"
        rf"\b(?:surprise|fake|a few|des dizaines de|dozens of|loads of) (?:\w+ )?{_GOODS}\b"
        r"[^.!?]{0,20}?\b(?:at \d{1,2} ?am|a \d{1,2} ?h|tonight|ce soir|chez (?:lui|elle|eux))"
    ),
    # A crowd called on to ring someone's number or workplace and ask for them.
    "calls": re.compile(
        r"\b(?:appelez|call|ring|textez|text)\b[- ](?:tous|tou[st] le monde|everyone|all|the "
        r"number|ce numero|le numero|le standard)\b[^.!?]{0,40}?\b(?:demandez|racontez|tell|"
        r"dites|ask for (?!the |a |an |someone|somebody|anyone))\b"
    ),
    # A relative or the person spammed, harassed, flooded by "us".
    "spam": re.compile(
        r"\b(?:on va|allez|faut|il faut|let'?s|we (?:should|gonna|will)) (?:tous |all )?"
        r"(?:spammer|harceler|pourrir|flooder|spam|harass|flood) (?:le|la|les|son|sa|ses|leur|"
        r"his|her|their|him|them)\b"
    ),
}
_SCREEN = Screen(_CALLS)


def pranked(norm: Normalized) -> Signal | None:
    """A call to harass someone at their home or on their phone."""
    text = norm.folded.text
    found = _SCREEN.search(text)
    if not found:
        return None
    first = min(found.values(), key=lambda m: m.start())
    return Signal("doxx.request", 0.75, norm.folded.span(first.start(), first.end()))
