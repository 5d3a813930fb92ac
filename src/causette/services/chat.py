"""What the chat services share: the live state, storage, fan-out, time and the sessions.

The verbs live in one module per group (``sessions``, ``rooms``, ``messages``, ``people``,
``enforcement``); each takes this ``Chat`` in its constructor. A transport opens a ``Link``
per connection and calls the verbs; each either returns a result or raises a
``CausetteError`` having changed nothing. Rules live in ``ChatState`` (pure) and in the verbs
(those that need storage or time), never in a transport, so every listener inherits them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any

from causette.domain.events import Delivery, Event
from causette.domain.models import Guest, Message, Room
from causette.domain.moderation import EmergencyLevel
from causette.domain.names import nickname_key
from causette.domain.ratelimit import StrikeCounter, TokenBucket
from causette.domain.sanctions import SanctionBook
from causette.domain.state import ChatState
from causette.errors import Refused
from causette.live.bus import Bus, Delivered, PresenceChanged
from causette.live.hub import Hub, Outbox
from causette.live.shared import SharedState
from causette.services.budgets import BudgetPolicy, Budgets
from causette.store.chat import Store, StoredGuest
from causette.types import Clock, GuestId, NodeId, Timer

log = logging.getLogger(__name__)

# A resume token is good while its session lives (it is dropped when the session ends); the
# expiry only bounds what a crashed node leaves behind in the shared state.
TOKEN_TTL = 30 * 24 * 3600.0
# A node renews the presence of the guests it holds every third of this (jobs/presence.py);
# a node that dies stops renewing, and its guests' presence expires.
PRESENCE_TTL = 30.0
ONE_NODE = NodeId("node")  # the name of a lone process that was given none


@dataclass(frozen=True, slots=True)
class Pacing:
    """Rate limits per guest and the grace period, from the configuration."""

    requests_burst: int = 30
    requests_rate: float = 5.0
    strikes: int = 10
    strike_window: float = 30.0
    connections_per_network: int = 8
    grace: float = 60.0
    grace_per_network: int = 10  # sessions of one network left waiting in their grace period
    age_cooldown: float = 24 * 3600.0
    # After a refusal for age, the whole network may not enter for this long (a family, a
    # school or a carrier's NAT share it: only a short window, then a risk signal).
    network_age_block: float = 600.0
    kick_ban: float = 300.0  # how long a room owner's kick keeps the person out of the room
    history_count: int = 50
    history_age: float = 24 * 3600.0
    budgets: BudgetPolicy = field(default_factory=BudgetPolicy)


@dataclass(slots=True, eq=False)
class Link:
    """One open connection, as the core sees it."""

    ip: str
    device: str
    outbox: Outbox
    lang: str = "fr"
    guest_id: str | None = None
    port: int = 0
    protocol: str = "web"
    network: str = ""  # keyed hash of the address (IPv4, or IPv6 /64), set on admission
    ephemeral: bool = False  # no device cookie: ``device`` is new at every connection
    # Set by ``Sessions.admit``: every frame of the connection counts against these,
    # before and after entry, so a flood of requests is cut off like a flood of messages.
    requests: TokenBucket | None = None
    strikes: StrikeCounter | None = None


@dataclass(slots=True)
class Tracked:
    """What the services keep about a live session besides its ``Guest``."""

    token_hash: str
    created_at: float
    grace_timer: Timer | None = None


def pair(a: str, b: str) -> frozenset[str]:
    """The key of a private conversation between two guests, whoever speaks."""
    return frozenset((a, b))


@dataclass(slots=True)
class Chat:
    """The shared dependencies and live bookkeeping of the chat verbs."""

    state: ChatState
    store: Store
    hub: Hub  # this node's connections
    bus: Bus  # what every node must hear: deliveries, sanctions, room controls
    shared: SharedState  # what every node must agree on: tokens, nicknames, budgets
    clock: Clock
    pacing: Pacing
    secret: bytes
    node: NodeId = ONE_NODE  # this process, among the nodes sharing the work
    # Loaded by the moderation service at start-up; changed only through ``Enforcement``.
    sanctions: SanctionBook = field(default_factory=SanctionBook)
    emergency: set[EmergencyLevel] = field(default_factory=set)
    tracked: dict[str, Tracked] = field(default_factory=dict)
    rooms_dirty: bool = True
    # Private conversations the platform closed (safety): neither side may reopen them while
    # both sessions live.
    closed_pairs: set[frozenset[str]] = field(default_factory=set)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    budgets: Budgets = field(init=False)

    def __post_init__(self) -> None:
        self.budgets = Budgets(self.shared, self.pacing.budgets)

    def now(self) -> float:
        """Wall-clock time (UTC epoch seconds), from the injected clock."""
        return self.clock.wall()

    def guest_of(self, link: Link) -> Guest:
        """The guest entered on a connection, or ``not_entered``."""
        guest_id = link.guest_id
        # A connection detached from its guest (the session was quit from another of its
        # connections) no longer speaks for it, even with a request already in flight.
        if guest_id is None or not self.hub.holds(guest_id, link.outbox):
            raise Refused("not_entered")
        guest = self.state.guests.get(guest_id)
        if guest is None:
            raise Refused("not_entered")
        return guest

    async def track(self, guest: Guest, token_digest: str, created_at: float) -> None:
        """Keep a live session: its resume token is known to every node, and so is its
        nickname (no other node may give a look-alike of it)."""
        self.tracked[guest.id] = Tracked(token_hash=token_digest, created_at=created_at)
        await self.shared.put_token(token_digest, GuestId(guest.id), TOKEN_TTL)
        await self.shared.claim_nick(nickname_key(guest.profile.nickname), guest.id)

    async def untrack(self, guest: Guest) -> None:
        tracked = self.tracked.pop(guest.id, None)
        if tracked is not None:
            await self.shared.drop_token(tracked.token_hash)
            if tracked.grace_timer is not None:
                tracked.grace_timer.cancel()
        await self.shared.release_nick(nickname_key(guest.profile.nickname), guest.id)
        if self.closed_pairs:
            self.closed_pairs = {p for p in self.closed_pairs if guest.id not in p}

    def attach(self, guest_id: str, outbox: Outbox) -> None:
        """A connection of this node now carries the guest: every node may know it."""
        self.hub.attach(guest_id, outbox)
        self.bus.publish(PresenceChanged(GuestId(guest_id), self.node, True))
        self.spawn(self.shared.set_present(GuestId(guest_id), self.node, PRESENCE_TTL))

    def detach(self, guest_id: str, outbox: Outbox) -> bool:
        """One connection of the guest closed; True when it was the guest's last one here."""
        last = self.hub.detach(guest_id, outbox)
        if last:
            self.bus.publish(PresenceChanged(GuestId(guest_id), self.node, False))
            self.spawn(self.shared.clear_present(GuestId(guest_id), self.node))
        return last

    async def attached_elsewhere(self, guest_id: str) -> bool:
        """Whether another node holds a live connection of the guest (its heartbeat says)."""
        node = await self.shared.present_on(GuestId(guest_id))
        return node is not None and node != self.node

    def deliver(self, deliveries: Iterable[Delivery], origin: str | None = None) -> None:
        """Hand deliveries to the bus: the node holding each recipient sends it. ``origin``
        is the key of the connection a message was sent from (its codec says whether it
        gets its own message back)."""
        publish = self.bus.publish
        for delivery in deliveries:
            publish(Delivered(delivery, origin))

    def notify(self, guest_id: str, event: Event) -> None:
        """Send one event to one guest, if connected."""
        self.bus.publish(Delivered(Delivery(event, (guest_id,))))

    def notify_others(self, link: Link, guest_id: str, event: Event) -> None:
        """Tell a guest's other connections what ``link`` did (its own answer says it): a
        person's tabs stay in step."""
        self.bus.publish(Delivered(Delivery(event, (guest_id,)), link.outbox.key, True))

    def rooms_changed(self) -> None:
        """The room list changed: the periodic broadcast sends it."""
        self.rooms_dirty = True

    async def forget_room_if_gone(self, room_id: str) -> None:
        """A user room whose last member left is deleted from storage too."""
        if self.state.room_gone(room_id):
            await self.store.delete_room(room_id)

    def guests_of(self, device: str) -> list[Guest]:
        """Live sessions of one device: the person a decision is about.

        Not those of the same network: on a shared address (family, campus, operator NAT)
        they are other people, who must not receive someone else's statement of reasons
        (``Enforcement.guests_bound_by`` finds every session a sanction binds).
        """
        return [g for g in self.state.guests.values() if g.device == device]

    async def history(self, guest: Guest, room: Room) -> list[Message]:
        """What a guest sees of a room's past on joining: its last messages, within age."""
        p = self.pacing
        since = self.now() - p.history_age
        messages = await self.store.room_history(room.id, p.history_count, since)
        return list(self.state.visible_to(guest, messages))

    def members(self, room: Room) -> list[Guest]:
        guests = self.state.guests
        return [guests[g] for g in room.members]

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` in the background, keeping a reference until it ends."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def settle(self) -> None:
        """Wait until the background work spawned so far (and what it spawns) has ended."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks))

    async def persist(self, guest: Guest) -> None:
        """Store a live session so that a restarted server can give it back."""
        tracked = self.tracked.get(guest.id)
        if tracked is None:
            return
        p = guest.profile
        await self.store.save_guest(
            StoredGuest(
                id=guest.id,
                token_hash=tracked.token_hash,
                device=guest.device,
                nickname=p.nickname,
                age=p.age,
                gender=p.gender,
                postal_code=p.postal_code,
                privacy=guest.privacy,
                lang=guest.lang,
                rooms=tuple(guest.rooms),
                privates=tuple(guest.privates),
                created_at=tracked.created_at,
                last_seen=self.clock.wall(),
                network=guest.network,
                disclosed_minor=guest.disclosed_minor,
                possible_minor=guest.possible_minor,
            )
        )
