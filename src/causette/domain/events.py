"""What happened, in the past tense, and to whom it must be told.

The core returns ``Delivery`` values: an event plus the guest ids that must receive it. The hub
encodes each event once per wire format and appends the same bytes to every recipient.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from causette.domain.models import IgnoreEntry, LeaveReason, Message, Privacy, RoomInfo, UserView
from causette.domain.moderation import Decision


@dataclass(frozen=True, slots=True)
class MessagePosted:
    message: Message


@dataclass(frozen=True, slots=True)
class GuestJoined:
    room: str
    user: UserView


@dataclass(frozen=True, slots=True)
class GuestLeft:
    room: str
    user: UserView
    reason: LeaveReason
    by: UserView | None = None


@dataclass(frozen=True, slots=True)
class GuestRenamed:
    """A guest's view changed: a new nickname, or away / back (``old_nick`` is then the
    nickname it still has)."""

    user: UserView
    old_nick: str


@dataclass(frozen=True, slots=True)
class TopicChanged:
    room: str
    topic: str
    by: UserView


@dataclass(frozen=True, slots=True)
class RoomClosed:
    room: str


@dataclass(frozen=True, slots=True)
class RoomModerationChanged:
    """A moderator made a room moderated or not, or changed who may speak in it.

    ``may_speak`` is the recipient's own right to speak there now (it differs between
    members, so the event goes out in two deliveries)."""

    room: str
    moderated: bool
    may_speak: bool


@dataclass(frozen=True, slots=True)
class MessageDeleted:
    """A moderator removed a message: clients drop it from view."""

    message_id: int
    room: str | None


@dataclass(frozen=True, slots=True)
class SanctionNotified:
    """A statement of reasons for the person it restricts (DSA Art. 17)."""

    decision: Decision


@dataclass(frozen=True, slots=True)
class ReportDecided:
    """A reporter's report was decided: they are told the outcome (DSA Art. 16(5))."""

    receipt: str
    outcome: str


@dataclass(frozen=True, slots=True)
class MessageHeld:
    """The safety gate held the sender's message: only the sender sees it, as held."""

    message: Message


@dataclass(frozen=True, slots=True)
class HeldMessageReleased:
    """A moderator released a held message: it is posted anew as ``new_id``."""

    message_id: int
    new_id: int


@dataclass(frozen=True, slots=True)
class HeldMessageRemoved:
    """A moderator removed a held message: its sender is told it will not be shown."""

    message_id: int


@dataclass(frozen=True, slots=True)
class SafetyNudged:
    """Advice for the recipient about the conversation they are in (a tip, not a sanction).

    ``advice`` is a key the client knows how to say; ``user`` is the other person of a
    private conversation, ``room`` the room, so that the client shows it in the right tab."""

    advice: str
    room: str | None
    user: UserView | None


@dataclass(frozen=True, slots=True)
class SafetyWarned:
    """The sender is warned about their own message, which still went (a warning, not a
    sanction). ``warning`` is a key the client knows how to say; ``room`` / ``user`` say in
    which conversation, as for ``SafetyNudged``."""

    warning: str
    room: str | None
    user: UserView | None


@dataclass(frozen=True, slots=True)
class PrivateClosed:
    """The platform closed a private conversation with ``user`` (both sides are told)."""

    user: UserView
    reason: str


@dataclass(frozen=True, slots=True)
class RoomEntered:
    """Told to every connection of a guest that joined a room (from any of them), so that
    each of its tabs opens the room: a person, not a connection, is in a room."""

    room: str


@dataclass(frozen=True, slots=True)
class PrivateDismissed:
    """The guest closed its private conversation with ``peer`` (a guest id), from one of its
    connections: every connection closes it."""

    peer: str


@dataclass(frozen=True, slots=True)
class PrivacyChanged:
    """The guest changed its privacy setting, from one of its connections."""

    privacy: Privacy


@dataclass(frozen=True, slots=True)
class IgnoresChanged:
    """The guest's ignore list changed, from one of its connections."""

    entries: tuple[IgnoreEntry, ...]


@dataclass(frozen=True, slots=True)
class RoomListChanged:
    """The room list or a count changed: sent to everyone, at most about once a second."""

    rooms: tuple[RoomInfo, ...]


Event = (
    MessagePosted
    | GuestJoined
    | GuestLeft
    | GuestRenamed
    | TopicChanged
    | RoomClosed
    | RoomModerationChanged
    | MessageDeleted
    | SanctionNotified
    | ReportDecided
    | MessageHeld
    | HeldMessageReleased
    | HeldMessageRemoved
    | SafetyNudged
    | SafetyWarned
    | PrivateClosed
    | RoomEntered
    | PrivateDismissed
    | PrivacyChanged
    | IgnoresChanged
    | RoomListChanged
)


@dataclass(frozen=True, slots=True)
class Delivery:
    """An event and the ids of the guests who must receive it."""

    event: Event
    recipients: Collection[str]
