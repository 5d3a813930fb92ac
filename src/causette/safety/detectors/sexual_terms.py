"""The terms of a paid arrangement: intimacy stated as expected, with the money beside it.

The sugar arrangement put politely never names the trade: "a monthly allowance, paid on the
first ... intimacy would be expected, that is part of the arrangement", "je vous verse 800 par
mois, les relations intimes font partie de l'accord". The intimacy alone is a couple's talk
and the money alone a gift or a wage; intimacy stated as due, with money said by the same
person in the message or just before, is the price of it. Said negatively ("just because he
paid for dinner doesn't mean sex is expected") it is the opposite, a warning.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Rule, rule
from causette.safety.detectors.sexual_recruit import told
from causette.safety.normalize import Normalized

# Money by the speaker: an allowance, a payment, a transfer, an amount of three digits or more.
_MONEY = re.compile(
    r"\b(?:allowance|allocation|argent de poche|monthly|mensuel\w*|par mois|per month|a month|"
    r"chaque mois|every month|paid|payments?|pay|paie|paye\w*|payer|verse\w*|virement|paypal|"
    r"lydia|generous|genereu\w*|cash|especes|(?:\d{1,3}(?:[ .,']\d{3})+|\d{3,5}|\d{1,2} ?k) ?"
    r"(?:€|e|eur|euros?|\$|£|dollars?|pounds?)?)(?!\w)"
)
# A denial before the terms: "doesn't mean sex is expected", "rien n'est attendu en retour".
_DENIED = re.compile(
    r"\b(?:not|never|no|doesn'?t|don'?t|isn'?t|shouldn'?t|won'?t|nothing|pas|jamais|rien|aucun\w*|"
    r"ne|n'?)\b[^.!?\n]{0,25}$"
)


def _terms(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _DENIED.search(text, max(0, match.start() - 30), match.start()) or _DENIED.search(
        match.group()
    ):
        return None
    lines = (text, *map(folded, context.recent_from_sender[-3:]))
    if not any(_MONEY.search(line) for line in lines) or told(norm, context):
        return None
    return ("escort.offer", 0.8)


_INTIMACY = (
    r"(?:intimacy|physical intimacy|sex|sexual (?:relations|favou?rs)|intimite|relations? "
    r"(?:intimes?|sexuelles?|physiques?)|rapports? sexuels?|sexe|calins?|nights? together|"
    r"nuits? ensemble)"
)
_DUE = (
    r"(?:would be|will be|is|are|est|sont|sera|seront|serait|seraient) (?:naturally |of course |bien "
    r"sur |evidemment )?(?:expected|required|included|part of (?:the|our|this) (?:arrangement|deal|"
    r"agreement)|attendue?s?|exigee?s?|comprise?s?|incluse?s?|obligatoires?)"
    r"|(?:fait|font) partie (?:de l'?arrangement|du deal|de l'?accord|du contrat|du package)"
)

TERMS_RULES: list[Rule] = [
    # Intimacy as due: "intimacy would be expected", "les relations intimes font partie de
    # l'accord", "le sexe est compris", and the arrangement that includes it.
    rule(
        "escort.offer",
        0.8,
        rf"\b{_INTIMACY}\b[^.!?\n]{{0,30}}?\b(?:{_DUE})\b"
        r"|\b(?:l'?arrangement|le deal|l'?accord|the arrangement|the deal|our arrangement) "
        rf"(?:inclut|comprend|includes|covers|implique|involves)\b[^.!?\n]{{0,20}}?\b{_INTIMACY}\b",
        "intima",
        "sex",
        "intimite",
        "relation",
        "calin",
        "nights",
        "nuits",
        "arrangement",
        "deal",
        "accord",
        judge=_terms,
    ),
    # Intimacy left unsaid but included: "contre deux soirées, et ce qui s'ensuit naturellement
    # entre adultes", "dinners, and whatever follows naturally between adults".
    rule(
        "escort.offer",
        0.8,
        r"\b(?:ce qui (?:s'?ensuit|suit|vient apres|va avec)|la suite (?:naturelle|logique)|"
        r"what(?:ever)? (?:naturally )?(?:follows|comes next|comes after)|what comes with it)"
        r"(?: (?:naturellement|logiquement|evidemment|naturally|of course))? (?:entre (?:deux )?"
        r"adultes|between (?:two )?(?:consenting )?adults)\b",
        "ensuit",
        "suit",
        "vient apres",
        "va avec",
        "suite",
        "follows",
        "comes",
        judge=_terms,
    ),
]
