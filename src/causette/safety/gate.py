"""The safety seam: every message, with its conversation, is shown to a ``SafetyGate`` before
it is stored, and the gate's ``Verdict`` decides what happens to it.

Pure: the gate sees values, not the services, and answers synchronously, so a message is
still checked "before any effect" and ids still follow posting order. Detectors and the
policy that turns their signals into verdicts (the automatic protection) implement this
port; ``AllowAll`` is the default until then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from causette.domain.models import Message, UserView


class Band(StrEnum):
    """Which side of the age line a person stands on, as declared."""

    MINOR = "minor"
    ADULT = "adult"


def band_of(age: int, adult_age: int = 18) -> Band:
    return Band.ADULT if age >= adult_age else Band.MINOR


class Setting(StrEnum):
    ROOM = "room"
    PRIVATE = "private"


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone in the conversation, as the gate may know them."""

    user: UserView
    device: str
    declared_age: int
    band: Band  # the band the services treat them in (a self-disclosed minor is MINOR)
    # Entered from a network where a device was refused for age, within the cooling period.
    possible_minor: bool = False
    # Said they are a minor (self-disclosure beats declaration, SAFETY.md 3).
    disclosed_minor: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """A message about to be stored: no id yet."""

    sender: Participant
    text: str
    action: bool
    ts: float
    room: str | None = None
    recipient: Participant | None = None


@dataclass(frozen=True, slots=True)
class Conversation:
    """Where a draft is said, and what was said there lately (oldest first, bounded)."""

    setting: Setting
    key: str  # "room:<id>" or "private:<guest>:<guest>"
    recent: tuple[Message, ...] = ()


class VerdictKind(StrEnum):
    ALLOW = "allow"  # store and deliver (nudges may go with it)
    HOLD = "hold"  # store, show to its sender only, queue for a moderator
    REFUSE = "refuse"  # store nothing; the sender is told ``reason``
    CLOSE = "close"  # store it as held and close the private conversation on both sides


@dataclass(frozen=True, slots=True)
class Signal:
    """What a detector noticed: a rule, how sure it is, and the text that fired."""

    rule: str
    score: float
    span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Nudge:
    """Advice for one person in the conversation (safety tips, anti-ambush advice)."""

    recipient: str  # guest id
    advice: str  # a key the client knows how to say ("ambush", "safety", "minor_help" ...)


@dataclass(frozen=True, slots=True)
class CaseRequest:
    """Open (or add to) a case about the sender, as the platform's own initiative."""

    category: str  # a moderation Category value
    rule: str
    explanation: str = ""
    priority: bool = False  # goes to the top of the queue (a minor at risk)


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind = VerdictKind.ALLOW
    reason: str | None = None  # with REFUSE: a key the sender is shown
    nudges: tuple[Nudge, ...] = ()
    case: CaseRequest | None = None
    signals: tuple[Signal, ...] = field(default=())
    # The sender said they are a minor: the services treat them as one from now on (close
    # private conversations with adults, show help, open a priority case naming the adults).
    disclosure: bool = False
    warning: str | None = None  # a key the sender is warned with (the message still goes)
    mute_seconds: float = 0.0  # a short automated mute of the sender, 0 for none

    @property
    def rules(self) -> tuple[str, ...]:
        """The rule ids behind this verdict, for the audit and the statement of reasons."""
        names = [s.rule for s in self.signals]
        if self.case is not None:
            names.append(self.case.rule)
        return tuple(dict.fromkeys(names))


ALLOW = Verdict()


class SafetyGate(Protocol):
    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        """Judge one message in its conversation; must be fast and must not raise."""


class AllowAll:
    """The gate of a server without automatic protection."""

    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        return ALLOW
