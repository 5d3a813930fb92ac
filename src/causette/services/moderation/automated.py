"""What the safety gate asks of the moderation: cases (the platform's own initiative, with the
rules and text spans that fired) and short automated mutes.

A verdict names a category and rule ids; ``AutomatedNotices.file`` turns it into a notice
through the one entry point every notice takes, with ``Source.AUTOMATED``, the rule ids and a
``detection`` evidence item (rules, scores, spans and the text each span covers, and the
persons the case names), so the case in the console and the audit log say why. What the
model's review flags is filed the same way (``file_flag``). A verdict's
``mute_seconds`` becomes a decision of ``Actor.automated()`` through ``Decisions.restrict``,
which alone says what automation may decide (a mute, capped; never a ban: SAFETY.md 9).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from causette.domain.accounts import Actor
from causette.domain.models import Guest, Message
from causette.domain.moderation import Locator, Person, SanctionKind, Source
from causette.safety.gate import CaseRequest, Verdict
from causette.safety.review import Flag, case_of
from causette.services.moderation.decisions import Action, Decisions
from causette.types import Subject

Report = Callable[..., Awaitable[Any]]

# The ground of an automated mute in the statement of reasons (DSA Art. 17(3)(e)).
MUTE_GROUND = "Conditions d'utilisation : protection automatique des conversations"


def detection_record(
    verdict: Verdict, text: str | None, named: Sequence[Guest] = ()
) -> dict[str, Any]:
    """The evidence of an automated notice: every signal with the text its span covers."""
    signals = []
    for signal in verdict.signals:
        start, end = signal.span
        covered = text[start:end] if text is not None and 0 <= start < end <= len(text) else ""
        signals.append(
            {"rule": signal.rule, "score": signal.score, "span": [start, end], "text": covered}
        )
    return {
        "rules": list(verdict.rules),
        "signals": signals,
        "kind": verdict.kind.value,
        "disclosure": verdict.disclosure,
        "named": [
            {
                "guest_id": g.id,
                "nickname": g.profile.nickname,
                "declared_age": g.profile.age,
                "device_hash": g.device,
            }
            for g in named
        ],
    }


class AutomatedNotices:
    def __init__(self, report: Report) -> None:
        self._report = report

    async def file(
        self,
        sender: Guest,
        message: Message | None,
        case: CaseRequest,
        verdict: Verdict,
        named: Sequence[Guest] = (),
    ) -> None:
        """File one case request about a message (or its sender, when none was stored).

        Each person in ``named`` (an adult a self-disclosed minor was talking to in private)
        is named in the explanation and the evidence of that case, and gets a case of their
        own pointing at them, so that a moderator finds them in the queue.
        """
        locator = (
            Locator(message_id=message.id) if message is not None else Locator(user_id=sender.id)
        )
        rules = ",".join(verdict.rules) or case.rule
        explanation = case.explanation or f"Détection automatique : {rules}"
        if named:
            people = ", ".join(f"{g.profile.nickname} ({g.id})" for g in named)
            explanation += f" — en conversation privée avec : {people}"
        detection = detection_record(verdict, message.text if message else None, named)
        await self._report(
            locator,
            case.category,
            explanation,
            None,
            True,
            Source.AUTOMATED,
            automated_rule=rules,
            urgent=case.priority,
            detection=detection,
        )
        about = f"message {message.id}" if message is not None else f"la session {sender.id}"
        for adult in named:
            await self._report(
                Locator(user_id=adult.id),
                case.category,
                f"Détection automatique : {rules} — en conversation privée avec "
                f"{sender.profile.nickname} ({sender.id}), qui a dit être mineur·e ({about}).",
                None,
                True,
                Source.AUTOMATED,
                automated_rule=rules,
                urgent=case.priority,
                detection=detection,
            )

    async def file_flag(self, flag: Flag[tuple[Guest, Message]]) -> None:
        """File what the model's review flagged (``safety/review.py``), like a rule's case."""
        sender, message = flag.item
        case, verdict = case_of(flag)
        await self.file(sender, message, case, verdict)


class AutomatedMutes:
    """The short mutes a verdict asks for, decided by automation within the policy's cap."""

    def __init__(
        self, decisions: Decisions, open_case_for: Callable[[str], Awaitable[Any]]
    ) -> None:
        self._decisions = decisions
        self._open_case_for = open_case_for

    async def mute(self, sender: Guest, message: Message | None, verdict: Verdict) -> None:
        """Mute the sender for ``verdict.mute_seconds`` (capped by ``Decisions``), with a
        statement of reasons naming the rules, marked as an automated decision."""
        rules = ", ".join(verdict.rules) or "safety"
        where = f"message {message.id}" if message is not None else "un message refusé"
        facts = f"Détection automatique ({rules}) sur {where}."
        person = Person(sender.device, sender.network, sender.profile.nickname)
        case = await self._open_case_for(str(Subject.device(sender.device)))
        await self._decisions.restrict(
            Actor.automated(),
            person,
            Action(SanctionKind.MUTE, facts, MUTE_GROUND, verdict.mute_seconds),
            case=case,
            source=Source.AUTOMATED,
            automated=True,
        )
