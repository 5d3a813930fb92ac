"""What the detectors say of one line, for the detector tests: the strongest signal of each
rule, and the contexts a line is said in (the sender's own recent lines, the others')."""

from __future__ import annotations

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal


def strongest(text: str, context: MessageContext) -> dict[str, Signal]:
    """Each rule that fired on ``text``, with its highest-scoring signal."""
    found: dict[str, Signal] = {}
    for signal in detect(text, context):
        kept = found.get(signal.rule)
        if kept is None or signal.score > kept.score:
            found[signal.rule] = signal
    return found


def score_of(text: str, rule: str, context: MessageContext) -> float:
    """The highest score ``rule`` gave ``text``; 0 when it did not fire."""
    signal = strongest(text, context).get(rule)
    return 0.0 if signal is None else signal.score


def room(*mine: str, recent: tuple[str, ...] = (), age: int = 30) -> MessageContext:
    """A room, after the sender's own lines ``mine`` and, before them, the others' ``recent``."""
    return MessageContext(
        Setting.ROOM, sender_age=age, sender_minor=False, recent=(*recent, *mine),
        recent_from_sender=mine,
    )  # fmt: skip


def private(
    *mine: str, recent: tuple[str, ...] = (), age: int = 30, recipient_age: int = 31
) -> MessageContext:
    """A private conversation between two adults, after ``recent`` and the sender's ``mine``."""
    return MessageContext(
        Setting.PRIVATE, sender_age=age, sender_minor=False, recipient_age=recipient_age,
        recipient_minor=False, recent=(*recent, *mine), recent_from_sender=mine,
    )  # fmt: skip
