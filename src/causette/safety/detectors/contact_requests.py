"""Judges of the ``contact.request`` rules of ``contact.py``: a call that is no request.

"Je t'appelle en arrivant", "I'll call you when I get there", "je t'appelle quand je suis en
bas": the call of a meeting already arranged, between people who have each other's number,
not a move to the phone. It is noted under the risk's "seen", so it is no stage of a sequence.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

_ON_ARRIVAL = re.compile(
    r"\s*(?:(?:juste|direct|directement|just|right) )?(?:en (?:arrivant|sortant|partant|bas|route)|"
    r"(?:quand|des que|lorsque|une fois que) (?:j'?arrive|je suis (?:la|arrivee?|devant|en bas|"
    r"sur place|sortie?)|j'?y suis|je pars|je sors|je (?:serai|suis) (?:la|devant|en bas|garee?))|"
    r"une fois (?:la|la[- ]bas|arrivee?|sur place|devant|en bas)|devant (?:chez toi|la porte)|"
    r"dans \d+ ?(?:min|minutes)|(?:when|once|as soon as) i(?:'m| am)? (?:get|arrive|land|leave|"
    r"outside|there|here|nearby|close|parked|on my way)|from the (?:car|station|train))\b"
)
NOTED = 0.3


def call_request(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``contact.request`` for a call proposed, noted only for the call of an arrival."""
    if _ON_ARRIVAL.match(match.string, match.end()):
        return ("contact.request", NOTED)
    return ("contact.request", 0.5)
