"""What happened, in the past tense, and to whom it must be told.

The core returns ``Delivery`` values: an event plus the guest ids that must receive it. The hub
encodes each event once per wire format and appends the same bytes to every recipient.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from causette.domain.models import LeaveReason, Message, UserView


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


Event = MessagePosted | GuestJoined | GuestLeft | GuestRenamed | TopicChanged | RoomClosed


@dataclass(frozen=True, slots=True)
class Delivery:
    """An event and the ids of the guests who must receive it."""

    event: Event
    recipients: Collection[str]
