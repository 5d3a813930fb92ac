"""A phone number split over several lines, read whole.

"06 58" / "30 12" / "77": each line is too short to be a number, and that is the point of
splitting it. When a line opens with a short group of digits, the sender's lines just before
that were only digits (and the digits that ended the line before them: "j'ai le nouveau :
06 58") are joined to it; a valid number of nine digits or more, or a possible national one of
ten or more ("07700" / "900" / "318"), is a number given. Lines of
scores or prices rarely join into a valid number; a run of two lines at least is required.
"""

from __future__ import annotations

import re

import phonenumbers

from causette.safety.context import MessageContext
from causette.safety.detectors.phone_lines import parse_number
from causette.safety.detectors.phrases import folded
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# A line that is a group of digits and nothing else, or that opens with one (the last piece
# often carries a comment: "77 (et c'est Julien ...)").
_ONLY = re.compile(r"^\s*(\+?\d[\d .\-/]{0,10})\s*[.,;]?\s*$")
_OPENS = re.compile(r"^\s*(\+?\d[\d .\-/]{0,10})(?![\d])(?:\s|$|[(,.;:!?])")
_ENDS = re.compile(r"(?:^|\s|:)(\+?\d[\d .\-/]{0,10})\s*$")
_NOT_DIGIT = re.compile(r"\D")
# Each piece is short: a whole number in one line is the other rules' to read.
_PIECE_MAX = 6


def _digits(group: str) -> str:
    return _NOT_DIGIT.sub("", group)


def split_phone(norm: Normalized, context: MessageContext) -> Signal | None:
    """``contact.phone`` (0.8) when this line completes a number begun in the sender's last
    lines."""
    text = norm.folded.text
    opening = _OPENS.match(text)
    if opening is None or not context.recent_from_sender:
        return None
    last = _digits(opening.group(1))
    if not 1 <= len(last) <= _PIECE_MAX:
        return None
    pieces = [last]
    for line in reversed(context.recent_from_sender[-4:]):
        earlier = folded(line)
        whole = _ONLY.match(earlier)
        if whole is not None and len(_digits(whole.group(1))) <= _PIECE_MAX:
            pieces.insert(0, _digits(whole.group(1)))
            continue
        ending = _ENDS.search(earlier)
        if ending is not None and len(_digits(ending.group(1))) <= _PIECE_MAX:
            pieces.insert(0, _digits(ending.group(1)))
        break
    if len(pieces) < 2:
        return None
    candidate = "".join(pieces)
    if len(candidate) < 9 or len(candidate) > 13:
        return None
    number = parse_number(candidate)
    if number is None:
        return None
    # A national number of ten digits or more that is possible but unallocated (the "07700
    # 900" range of films and stories) is written as one: as split, it is one given.
    national = candidate.startswith("0") and len(candidate) >= 10
    if not phonenumbers.is_valid_number(number) and not national:
        return None
    return Signal("contact.phone", 0.8, norm.folded.span(opening.start(1), opening.end(1)))
