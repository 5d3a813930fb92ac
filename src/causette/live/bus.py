"""The Bus port: what one node tells every node, and the messages it carries.

Today one process holds every guest; with several nodes a service on one node must reach guests
attached to another. Services therefore *publish* what happened and every node, the publishing
one included, *receives* it through its subscribers and acts on what it holds locally (its
attached guests, its caches). So the local path and the remote path are the same path, and a
single process with ``InProcessBus`` behaves exactly like a cluster of one.

Messages are frozen dataclasses of plain values (no closures, no live objects) so that they can
cross a process boundary: ``causette.live.wire`` encodes and decodes every one of them.

Semantics every implementation keeps (``tests/contract/test_bus_contract.py`` checks them):

- every subscriber receives every message published after ``start``, once;
- messages published by one node reach each subscriber in publish order, including messages
  published by a subscriber while it handles another (they queue behind it); no order is
  promised between messages published by different nodes;
- an exception in one subscriber is logged and neither stops the others nor unsubscribes it;
- delivery is at most once: a networked bus may lose messages while a node is cut off. The
  database is the source of truth and a client resumes from the last message id it saw, so a
  lost message costs a late update, never a lost message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from causette.domain.events import Delivery, Event
from causette.domain.moderation import EmergencyLevel, RoomModeration, Sanction
from causette.types import GuestId, NodeId


@dataclass(frozen=True, slots=True)
class Delivered:
    """An event for some guests: each node hands it to the recipients attached there."""

    delivery: Delivery
    # The key of the connection a message was sent from: skipped there unless its codec
    # echoes a sender's own messages. Keys are unique across nodes.
    origin: str | None = None
    # Skip the origin whatever its codec: what one connection did, told to the person's
    # other connections (the origin has it in its answer).
    others_only: bool = False


@dataclass(frozen=True, slots=True)
class Broadcast:
    """An event for every attached connection of every node (the room list)."""

    event: Event


@dataclass(frozen=True, slots=True)
class PresenceChanged:
    """A guest attached to (or detached from) a connection on ``node``."""

    guest_id: GuestId
    node: NodeId
    attached: bool


@dataclass(frozen=True, slots=True)
class SanctionApplied:
    """A sanction took effect: nodes refresh their cache and act on guests it binds."""

    sanction: Sanction
    decision_code: str  # what a node quotes when it disconnects the person


@dataclass(frozen=True, slots=True)
class SanctionRevoked:
    """Every sanction of this decision was lifted (a reversed appeal, a moderator's undo)."""

    decision_id: int


@dataclass(frozen=True, slots=True)
class RoomControlChanged:
    """A room was moderated, closed, or had its voiced devices changed."""

    control: RoomModeration


@dataclass(frozen=True, slots=True)
class EmergencyChanged:
    """An administrator switched an emergency level on or off (SAFETY.md 24)."""

    level: EmergencyLevel
    enabled: bool


@dataclass(frozen=True, slots=True)
class ConsoleUpdated:
    """Something the moderation console shows changed (``what``: "report", "decision"...)."""

    what: str
    case_id: int


BusMessage = (
    Delivered
    | Broadcast
    | PresenceChanged
    | SanctionApplied
    | SanctionRevoked
    | RoomControlChanged
    | EmergencyChanged
    | ConsoleUpdated
)

Handler = Callable[[BusMessage], None]
"""A subscriber: called with each message, synchronously; it must not block."""


class Bus(Protocol):
    """Carries ``BusMessage`` values to every subscriber on every node."""

    def publish(self, message: BusMessage) -> None:
        """Send ``message`` to every subscriber of every node, this one included.

        Synchronous and non-blocking: services call it between awaits, so that state changes
        and their announcements stay in one step. A networked bus queues the message and sends
        it in the background. Raises ``RuntimeError`` before ``start``; after ``stop`` the
        message is dropped (there is nobody left to tell).
        """

    def subscribe(self, handler: Handler) -> None:
        """Call ``handler`` with every message published from now on.

        Subscribe before ``start`` to miss nothing. A handler runs on the event loop and must
        return quickly; it may publish.
        """

    async def start(self) -> None:
        """Connect (if networked) and begin delivering. Idempotent."""

    async def stop(self) -> None:
        """Send what is queued if possible, then stop delivering. Idempotent."""
