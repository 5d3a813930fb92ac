"""Misuse (DSA Art. 23; SAFETY.md 17): repeated manifestly illegal posts, or repeated
manifestly unfounded reports or complaints (Art. 23(2)), earn a warning, then a suspension
for a stated time.

``Misuse`` counts the strikes and says what the policy calls for; the restriction itself is
taken by ``Decisions.restrict`` in the name of the system (``Actor.system()``), like any
other, with its statement of reasons, then recorded here as the misuse step it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.domain.accounts import Actor
from causette.domain.audit import AuditEntry
from causette.domain.moderation import MisusePolicy, SanctionKind, misuse_step
from causette.store.moderation import ModerationStore
from causette.types import Clock

ILLEGAL_POST = "illegal_post"
UNFOUNDED_REPORT = "unfounded_report"
UNFOUNDED_APPEAL = "unfounded_appeal"  # a complaint (Art. 20), Art. 23(2)

GROUNDS = {
    ILLEGAL_POST: "DSA art. 23 : publication répétée de contenus manifestement illicites",
    UNFOUNDED_REPORT: "DSA art. 23 : signalements manifestement infondés répétés",
    UNFOUNDED_APPEAL: "DSA art. 23 : recours manifestement infondés répétés",
}


@dataclass(frozen=True, slots=True)
class MisuseStep:
    """What a new strike calls for: a warning or a suspension, and why."""

    kind: str  # ILLEGAL_POST, UNFOUNDED_REPORT or UNFOUNDED_APPEAL
    strikes: int  # in the policy's window, the new one included
    sanction: SanctionKind  # WARNING or SUSPENSION
    facts: str
    ground: str
    duration: float | None
    case_id: int | None
    at: float

    @property
    def actor(self) -> Actor:
        """Who takes the step: the platform's own policy, not a moderator."""
        return Actor.system()


class Misuse:
    def __init__(self, mod: ModerationStore, policy: MisusePolicy, clock: Clock) -> None:
        self._mod = mod
        self._policy = policy
        self._clock = clock

    async def strike(self, device: str, kind: str, case_id: int | None) -> MisuseStep | None:
        """Record a strike against a device; the step the policy now calls for, if any."""
        policy, now = self._policy, self._clock.wall()
        await self._mod.add_strike(device, kind, case_id, now)
        strikes = await self._mod.count_strikes(device, kind, now - policy.window)
        sanction = misuse_step(strikes, policy)
        if sanction is None:
            return None
        return MisuseStep(
            kind,
            strikes,
            sanction,
            f"{strikes} manquements ({kind}) en {policy.window / 86400:.0f} jours.",
            GROUNDS[kind],
            policy.suspension if sanction is SanctionKind.SUSPENSION else None,
            case_id,
            now,
        )

    async def record(self, step: MisuseStep, decision_id: int) -> None:
        """The audit line of a misuse step, after the decision that carried it out."""
        actor = step.actor
        await self._mod.append(
            AuditEntry(
                0,
                step.at,
                actor.kind.value,
                actor.id,
                "misuse_" + step.sanction.value,
                case_id=step.case_id,
                decision_id=decision_id,
                details={"kind": step.kind, "strikes": step.strikes},
            )
        )
