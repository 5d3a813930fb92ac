"""The antisemitic trope of control, in the shapes that do not start "les juifs contrôlent".

"Tout est tenu par les juifs, les banques, les médias", "the media is run by the jews", "les
juifs, la finance, hollywood, c'est eux qui décident": the group named as the hand behind the
institutions, passively, as a list, or as "the ones who decide". Read on the lexical view
(letters split by dots or emoji are joined there: "j.u.i.f.s" is "juifs"). A line that names
the trope to refute it ("la vieille théorie selon laquelle ...") is the opposite and drops.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import Rule, rule
from causette.safety.normalize import Normalized

_JEWS = r"(?:les |des |the )?(?:juifs|feujs|youpins|jews|zionists|sionistes)"
# What the trope says they hold.
_HELD = (
    r"(?:banques?|medias?|la finance|finance|hollywood|wall street|politique|gouvernement|l? ?energie|"
    r"l? ?economie|la presse|presse|les elus|banks?|media|the press|government|politicians|economy|"
    r"big pharma|le monde entier|the world)"
)
# The trope named to be refuted: a theory, a myth, a cliché, antisemitic propaganda.
_DISCUSSED = re.compile(
    r"\b(?:theories?|theory|mythes?|myths?|cliches?|stereotypes?|tropes?|antisemit\w*|propagande|"
    r"propaganda|rumeurs?|rumou?rs?|hoax|fake news|protocoles des sages|protocols of)\b"
)


def asserted(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``hate.antisemitic`` for the trope, unless the message names it to refute it."""
    if _DISCUSSED.search(norm.lexical.text):
        return None
    return ("hate.antisemitic", 0.85)


TROPE_RULES: list[Rule] = [
    # Passively: "tout est tenu par les juifs", "the media is run by the jews".
    rule(
        "hate.antisemitic",
        0.85,
        rf"\b(?:tout|tous|everything|le monde|the world|le pays|la france|{_HELD})(?: \w+){{0,2}}? "
        r"(?:est|sont|etait|etaient|is|are|was|were|c est) (?:\w+ )?(?:tenue?s?|controlee?s?|dirigee?s?|"
        r"possedee?s?|geree?s?|achetee?s?|run|controlled|owned|ran|bought) (?:par|by) "
        rf"{_JEWS}\b",
        "par",
        "by",
        judge=asserted,
    ),
    # The group, then two of the things it would hold: "les juifs, les banques, les médias".
    rule(
        "hate.antisemitic",
        0.85,
        rf"\b{_JEWS}\b(?: \w+){{0,3}}? (?:les |la |le |l |the |et |and |de )*{_HELD}\b(?: \w+){{0,2}}? "
        rf"(?:les |la |le |l |the |et |and |de )*{_HELD}\b",
        "juifs",
        "feujs",
        "youpins",
        "jews",
        "zionists",
        "sionistes",
        judge=asserted,
    ),
    # The group, then "c'est eux qui décident": the hand behind it all.
    rule(
        "hate.antisemitic",
        0.85,
        rf"\b{_JEWS}\b(?: \w+){{0,12}}? (?:c est eux qui|ce sont eux qui|c est les memes qui|it s them "
        r"who|they re the ones who|they are the ones who) (?:decident|controlent|dirigent|tirent les "
        r"ficelles|tiennent tout|decide|control|run|pull the strings)\b",
        "eux qui",
        "memes qui",
        "them who",
        "ones who",
        judge=asserted,
    ),
]
