"""A scripted safety gate, and a connection to a whole ``App``, for the safety services tests.

``ScriptedGate`` answers by the message's first word (``#hold``, ``#mute``, ``#crash`` ...)
and remembers every draft with the conversation it was shown, so a test drives each verdict
through the real services and checks what the gate was given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from causette.safety.gate import (
    ALLOW,
    CaseRequest,
    Conversation,
    Draft,
    Nudge,
    Signal,
    Verdict,
    VerdictKind,
)
from causette.services.chat import Link


class ScriptedGate:
    """Answers by the message's first word, and remembers what it was shown."""

    def __init__(self) -> None:
        self.seen: list[tuple[Draft, Conversation]] = []

    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        self.seen.append((draft, conversation))
        word = draft.text.split()[0]
        signal = (Signal("test.rule", 0.9, (0, len(word))),)
        case = CaseRequest("harassment", "test.rule", "scripted")
        others = draft.recipient.user.id if draft.recipient else draft.sender.user.id
        match word:
            case "#nudge":
                return Verdict(nudges=(Nudge(others, "ambush"),), signals=signal)
            case "#hold":
                return Verdict(VerdictKind.HOLD, signals=signal)
            case "#refuse":
                return Verdict(VerdictKind.REFUSE, reason="test", case=case, signals=signal)
            case "#close":
                return Verdict(VerdictKind.CLOSE, case=case, signals=signal)
            case "#case":
                return Verdict(case=case, signals=signal)
            case "#disclose":
                return Verdict(disclosure=True, signals=(Signal("age.disclosure", 1.0, (10, 21)),))
            case "#warn":
                return Verdict(warning="personal_info", signals=signal)
            case "#mute":
                return Verdict(mute_seconds=120, case=case, signals=signal)
            case "#longmute":
                return Verdict(VerdictKind.REFUSE, reason="x", mute_seconds=36_000, signals=signal)
            case "#crash":
                raise RuntimeError("a detector bug")
        return ALLOW


@dataclass
class Visitor:
    """One connection to a whole ``App``, and the guest's id."""

    link: Link
    id: str

    def events(self) -> list[dict[str, Any]]:
        """Everything queued for this visitor since the last call, decoded."""
        frames, self.link.outbox.frames = self.link.outbox.frames, []
        return [json.loads(line) for frame in frames for line in frame.split("\n")]

    def types(self) -> list[str]:
        return [e.get("type", "ack") for e in self.events()]
