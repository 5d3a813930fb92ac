"""The pattern rules of ``general``, ``paid``, ``schemes`` and ``steps`` in one rule set.

Each of those modules states its patterns as a list of rules; scanning them behind a single
Aho-Corasick pass costs one walk over the message instead of four, which is most of what a
rule set costs on a line that wakes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors import general, paid, schemes, steps
from causette.safety.detectors.rules import RuleSet
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_RULES = RuleSet([*general.RULES, *paid.RULES, *schemes.RULES, *steps.RULES])


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Secrecy, age, money, scam, doxxing and grooming patterns stated in general terms."""
    talked_about: bool | None = None  # looked for only once a scam signal is there
    for signal in _RULES.scan(norm, context):
        if signal.rule.startswith("scam."):
            if talked_about is None:
                talked_about = schemes.scam_talked_about(norm, context)
            if talked_about:
                continue  # "ils promettent 20 % par mois sur des cryptos bidon": a warning
        yield signal
    yield from paid.bare_price(norm, context)
