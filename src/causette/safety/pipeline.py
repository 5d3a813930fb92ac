"""``RuleGate``: the automatic protection, as the ``SafetyGate`` the services call on every
message.

For one draft: build the ``MessageContext`` the detectors may read, run them, add their
signals to the conversation's risk (``risk.py``), and let the policy (``policy.py``) turn
signals and risk into a verdict. Pure and synchronous like the port; it keeps only the
bounded risk book in memory, and it never raises: a failure anywhere lets the message through
and is logged, since a detector bug must not silence the chat.

Who counts as a minor here: a participant the services treat as one (declared band, a
self-disclosure they already know of, an age-refused network), and also anyone who disclosed
it in this very conversation, remembered by the risk book, so the conversation after a
"j'ai 14 ans" weighs as minor-adult even before the services have caught up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from causette.safety.context import MessageContext
from causette.safety.gate import (
    ALLOW,
    Band,
    Conversation,
    Draft,
    Participant,
    Setting,
    Signal,
    Verdict,
)
from causette.safety.policy import Facts, Policy
from causette.safety.risk import Pairing, RiskBook, RiskState, risk_key

log = logging.getLogger(__name__)

Detect = Callable[[str, MessageContext], tuple[Signal, ...]]
DISCLOSURE = "age.disclosure"


def treated_as_minor(person: Participant) -> bool:
    return person.band is Band.MINOR or person.possible_minor or person.disclosed_minor


def _default_detect() -> Detect:
    # Imported here so that the policy and the risk model can be built and tested on their
    # own; the detectors load their lexicons once, at the first gate built.
    from causette.safety.detectors import detect

    return detect


class RuleGate:
    """Detectors, risk and policy behind the ``SafetyGate`` port."""

    def __init__(self, policy: Policy, detect: Detect | None = None) -> None:
        self.policy = policy
        self.detect = detect or _default_detect()
        self.risk = RiskBook(policy.risk)

    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        """Judge one message; a failure lets it through (logged), never raises."""
        try:
            return self._inspect(draft, conversation)
        except Exception:
            log.exception("safety pipeline failed")
            return ALLOW

    def _inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        sender, recipient = draft.sender, draft.recipient
        sender_id = sender.user.id
        key = risk_key(conversation.setting, conversation.key, sender_id)
        known = self.risk.get(key)
        minors = known.minors if known is not None else {}
        sender_minor = treated_as_minor(sender) or sender_id in minors
        recipient_minor: bool | None = None
        if recipient is not None:
            recipient_minor = treated_as_minor(recipient) or recipient.user.id in minors
        recent = conversation.recent
        context = MessageContext(
            setting=conversation.setting,
            sender_age=sender.declared_age,
            sender_minor=sender_minor,
            recipient_age=recipient.declared_age if recipient is not None else None,
            recipient_minor=recipient_minor,
            recent=tuple(m.text for m in recent),
            recent_from_sender=tuple(m.text for m in recent if m.sender.id == sender_id),
        )
        signals = self.detect(draft.text, context)
        settings = self.policy.risk
        discloses = any(
            s.rule == DISCLOSURE and s.score >= settings.seen_min_score for s in signals
        )
        pairing = _pairing(conversation.setting, sender_minor or discloses, recipient_minor)
        room = conversation.setting is Setting.ROOM
        if room and (sender_minor or discloses):
            # Who is a minor in a room is the room's to remember (each person's risk is their
            # own): an adult's invitation to private after a minor spoke there weighs more.
            self.risk.mark_minor(conversation.key, sender_id, draft.ts)
        if not signals and (known is None or not known.seen):
            # The common case, kept cheap: nothing fired and nothing is pending here. A
            # risk-only action cannot fire either, since the risk did not grow.
            if known is not None:
                self.risk.observe(key, draft.ts, pairing, ())
            return ALLOW
        observation = self.risk.observe(key, draft.ts, pairing, signals)
        state: RiskState = observation.state
        decision = self.policy.decide(
            Facts(
                signals=signals,
                pairing=pairing,
                sender_id=sender_id,
                recipient_id=recipient.user.id if recipient is not None else None,
                sender_minor=sender_minor,
                recipient_minor=bool(recipient_minor),
                score=observation.score,
                state=state,
                minor_present=(
                    self._minor_in_room(conversation.key, sender_id, draft.ts)
                    if room
                    else bool(recipient_minor)
                ),
            )
        )
        if discloses and not sender_minor:
            self.risk.mark_minor(key, sender_id, draft.ts)
        for name in decision.fired:
            self.risk.mark_fired(key, name, draft.ts)
        return decision.verdict

    def _minor_in_room(self, key: str, sender_id: str, ts: float) -> bool:
        """Whether someone else, a minor, spoke in this room within the risk memory."""
        state = self.risk.get(key)
        if state is None:
            return False
        horizon = ts - self.policy.risk.memory
        return any(who != sender_id and at >= horizon for who, at in state.minors.items())


def _pairing(setting: Setting, sender_minor: bool, recipient_minor: bool | None) -> Pairing:
    if setting is Setting.ROOM:
        return Pairing.ROOM
    if recipient_minor is not None and sender_minor != recipient_minor:
        return Pairing.MINOR_ADULT
    return Pairing.PRIVATE
