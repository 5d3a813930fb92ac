"""The verbs of the chat, shared by every transport: enter, join, say, ignore, resume ...

A transport opens a ``Link`` per connection and calls these coroutines; each either returns a
result or raises a ``CausetteError`` having changed nothing. Rules live in ``ChatState`` (pure)
and here (those that need storage or time), never in a transport, so the IRC listener of a
later version inherits all of them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from causette.domain.entry import AgeGate, check_age, parse_profile
from causette.domain.events import Delivery, Event, MessageDeleted
from causette.domain.identity import network_hash, new_public_id, new_token, token_hash
from causette.domain.models import (
    Guest,
    IgnoreEntry,
    LeaveReason,
    Message,
    Privacy,
    Room,
    RoomInfo,
    UserView,
)
from causette.domain.moderation import EmergencyLevel
from causette.domain.ratelimit import StrikeCounter, TokenBucket
from causette.domain.sanctions import SanctionBook
from causette.domain.state import ChatState
from causette.errors import CausetteError, InvalidInput, LimitExceeded, NotFound, Refused
from causette.i18n import is_supported
from causette.live.hub import Hub, Outbox
from causette.live.journal import Journal
from causette.store.chat import Declaration, Store, StoredGuest
from causette.store.connections import ConnectionLog, ConnectionRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Pacing:
    """Rate limits per guest and the grace period, from the configuration."""

    burst: int = 8
    rate: float = 1.0
    requests_burst: int = 30
    requests_rate: float = 5.0
    strikes: int = 10
    strike_window: float = 30.0
    connections_per_ip: int = 8
    grace: float = 60.0
    age_cooldown: float = 24 * 3600.0
    history_count: int = 50
    history_age: float = 24 * 3600.0


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
    # Set by ``ChatService.admit``: every frame of the connection counts against these,
    # before and after entry, so a flood of requests is cut off like a flood of messages.
    requests: TokenBucket | None = None
    strikes: StrikeCounter | None = None


@dataclass(frozen=True, slots=True)
class Entered:
    token: str
    guest: Guest
    ignores: list[IgnoreEntry]
    rooms: list[RoomInfo]


@dataclass(frozen=True, slots=True)
class Joined:
    room: Room
    members: list[UserView]
    history: list[Message]


@dataclass(frozen=True, slots=True)
class Resumed:
    guest: Guest
    ignores: list[IgnoreEntry]
    rooms: list[RoomInfo]
    joined: list[Joined]
    privates: list[UserView]
    missed: list[Message]


@dataclass(slots=True)
class _Pace:
    messages: TokenBucket
    token_hash: str
    created_at: float
    grace_timer: asyncio.TimerHandle | None = None


class ChatService:
    def __init__(
        self,
        state: ChatState,
        store: Store,
        hub: Hub,
        pacing: Pacing,
        secret: bytes,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        connections: ConnectionLog | None = None,
    ) -> None:
        self.state = state
        # Filled by the moderation service at start-up and whenever a decision changes them.
        self.sanctions = SanctionBook()
        self.emergency: set[EmergencyLevel] = set()
        self.store = store
        self.hub = hub
        self.pacing = pacing
        self._secret = secret
        self._clock = clock
        self._wall = wall
        self._pace: dict[str, _Pace] = {}
        self._by_token: dict[str, str] = {}
        self._per_ip: dict[str, int] = {}
        self._rooms_dirty = True
        self._tasks: set[asyncio.Task[None]] = set()
        self.journal = Journal(store, self._announce, connections)

    # -- life cycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Rebuild live state from storage: sessions get a fresh grace period to resume."""
        await self.journal.start()
        for room in await self.store.user_rooms():
            self.state.restore_room(room)
        for stored in await self.store.live_guests():
            try:
                guest = self._guest_from(stored)
                self.state.add_guest(guest)
            except CausetteError:
                # A name the new configuration refuses, or a clash: end that session.
                await self.store.end_guest(stored.id, self._wall())
                continue
            guest.privates.update(dict.fromkeys(stored.privates))
            guest.lang = stored.lang
            guest.network = stored.network
            for room_id in stored.rooms:
                if room_id in self.state.rooms and len(guest.rooms) < self.state.rules.rooms_max:
                    # Over a lowered rooms_max the later rooms are dropped, rather than the
                    # server refusing to start.
                    self.state.join(guest, room_id)
            self.state.load_ignores(guest.device, await self.store.ignores_of(guest.device))
            self._track(guest, stored.token_hash, stored.created_at)
            self._start_grace(guest.id)
        for room_id in list(self.state.rooms):
            if self.state.drop_if_empty(room_id):
                await self.store.delete_room(room_id)

    async def stop(self) -> None:
        await self.journal.stop()
        for pace in self._pace.values():
            if pace.grace_timer is not None:
                pace.grace_timer.cancel()

    def now(self) -> float:
        """Wall-clock time (UTC epoch seconds), from the injected clock."""
        return self._wall()

    def _guest_from(self, stored: StoredGuest) -> Guest:
        profile = parse_profile(stored.nickname, stored.age, stored.gender, stored.postal_code)
        self.state.check_nickname(stored.nickname)
        return Guest(stored.id, stored.device, profile, privacy=stored.privacy)

    def _track(self, guest: Guest, token_digest: str, created_at: float) -> None:
        p = self.pacing
        self._pace[guest.id] = _Pace(
            messages=TokenBucket(p.burst, p.rate, self._clock),
            token_hash=token_digest,
            created_at=created_at,
        )
        self._by_token[token_digest] = guest.id

    # -- connections -----------------------------------------------------------------------

    def admit(self, link: Link) -> None:
        """Count a new connection from its address, or refuse it over the limit."""
        p = self.pacing
        count = self._per_ip.get(link.ip, 0)
        if count >= p.connections_per_ip:
            raise LimitExceeded("too_many_connections", max=p.connections_per_ip)
        self._per_ip[link.ip] = count + 1
        link.requests = TokenBucket(p.requests_burst, p.requests_rate, self._clock)
        link.strikes = StrikeCounter(p.strikes, p.strike_window, self._clock)

    def check_frame(self, link: Link) -> None:
        """Count one request of a connection against its bucket."""
        if link.requests is not None and not link.requests.try_take():
            self._strike(link)
            raise LimitExceeded("rate_limited", retry_after=link.requests.retry_after())

    async def disconnected(self, link: Link) -> None:
        """The connection closed: its guest waits out the grace period, unless it quit."""
        count = self._per_ip.get(link.ip, 1) - 1
        if count:
            self._per_ip[link.ip] = count
        else:
            self._per_ip.pop(link.ip, None)
        if link.guest_id is None:
            return
        guest_id, link.guest_id = link.guest_id, None
        if self.hub.detach(guest_id, link.outbox) and guest_id in self.state.guests:
            self._start_grace(guest_id)
            await self._persist(self.state.guests[guest_id])

    def _start_grace(self, guest_id: str) -> None:
        pace = self._pace[guest_id]
        if pace.grace_timer is not None:
            pace.grace_timer.cancel()
        loop = asyncio.get_running_loop()
        pace.grace_timer = loop.call_later(self.pacing.grace, self._spawn_expire, guest_id)

    def _spawn_expire(self, guest_id: str) -> None:
        task = asyncio.get_running_loop().create_task(self._expire(guest_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _expire(self, guest_id: str) -> None:
        guest = self.state.guests.get(guest_id)
        if guest is not None and not self.hub.is_attached(guest_id):
            await self._end(guest, LeaveReason.TIMEOUT)

    async def _end(self, guest: Guest, reason: LeaveReason) -> None:
        if self.state.guests.get(guest.id) is not guest:
            return
        rooms_before = set(guest.rooms)
        deliveries = self.state.remove_guest(guest, reason)
        pace = self._pace.pop(guest.id, None)
        if pace is not None:
            self._by_token.pop(pace.token_hash, None)
            if pace.grace_timer is not None:
                pace.grace_timer.cancel()
        self.hub.deliver_all(deliveries)
        self._rooms_dirty = True
        await self.store.end_guest(guest.id, self._wall())
        for room_id in rooms_before:
            if self.state.room_closed(room_id):
                await self.store.delete_room(room_id)
        log.info("guest left", extra={"guest": guest.id, "reason": reason.value})

    def _pace_of(self, link: Link) -> tuple[Guest, _Pace]:
        if link.guest_id is None or link.guest_id not in self.state.guests:
            raise Refused("not_entered")
        return self.state.guests[link.guest_id], self._pace[link.guest_id]

    def guest_of(self, link: Link) -> Guest:
        """The guest entered on a connection."""
        return self._pace_of(link)[0]

    def _strike(self, link: Link) -> None:
        """Count a limit violation; persistent abuse ends the session with a reason."""
        if link.strikes is None or not link.strikes.strike():
            return
        log.warning("flood disconnect", extra={"guest": link.guest_id})
        link.outbox.close("flood", discard=True)
        guest = self.state.guests.get(link.guest_id) if link.guest_id else None
        if guest is None:
            return
        self.hub.detach(guest.id, link.outbox)
        link.guest_id = None
        task = asyncio.get_running_loop().create_task(self._end(guest, LeaveReason.QUIT))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- entry -----------------------------------------------------------------------------

    async def prefill(self, link: Link) -> tuple[Declaration | None, float | None]:
        """What the entry form shows this device: its last declaration and any age block."""
        declaration = await self.store.get_declaration(link.device)
        until = await self._blocked_until(link)
        return declaration, until

    async def _blocked_until(self, link: Link) -> float | None:
        now = self._wall()
        untils = [
            await self.store.get_block(link.device),
            await self.store.get_block(network_hash(link.ip, self._secret)),
        ]
        active = [u for u in untils if u is not None and u > now]
        return max(active) if active else None

    async def enter(
        self,
        link: Link,
        nickname: str,
        age: object,
        gender: object,
        postal_code: object,
        lang: str | None = None,
    ) -> Entered:
        if link.guest_id is not None:
            raise Refused("already_entered")
        if lang is not None:
            self.set_lang(link, lang)
        now = self._wall()
        network = network_hash(link.ip, self._secret)
        # A ban shows first: the visitor must see the decision and how to contest it.
        self.sanctions.check_entry(link.device, network, now)
        if EmergencyLevel.CLOSE_ENTRIES in self.emergency:
            raise Refused("entries_closed")
        nick = self.state.check_nickname(nickname)
        profile = parse_profile(nick, age, gender, postal_code)
        previous = await self.store.get_declaration(link.device)
        gate = AgeGate(
            await self._blocked_until(link),
            previous.age if previous else None,
            previous.declared_at if previous else None,
        )
        cooldown = self.pacing.age_cooldown
        try:
            check_age(profile.age, self.state.rules.min_age, gate, now, cooldown)
        except Refused as refusal:
            if refusal.code == "age_below_minimum":
                for key in (link.device, network_hash(link.ip, self._secret)):
                    await self.store.put_block(key, now + cooldown)
            # A changed age is a risk signal (SAFETY.md 2): the log keeps it, without the text.
            log.warning("entry refused", extra={"code": refusal.code, "device": link.device})
            raise
        # The nickname may have been taken while we awaited storage.
        nick = self.state.check_nickname(nick)
        guest = Guest(new_public_id(), link.device, profile, lang=link.lang, network=network)
        token = new_token()
        self.state.add_guest(guest)
        self._track(guest, token_hash(token), now)
        try:
            self.state.load_ignores(guest.device, await self.store.ignores_of(guest.device))
            keep_since = previous.declared_at if previous and previous.age == profile.age else now
            await self.store.put_declaration(
                link.device,
                Declaration(nick, profile.age, profile.gender, profile.postal_code, keep_since),
            )
            await self._persist(guest)
        except Exception:
            self.state.remove_guest(guest)
            self._pace.pop(guest.id, None)
            raise
        self._attach(link, guest)
        self._rooms_dirty = True
        log.info("guest entered", extra={"guest": guest.id})
        return Entered(token, guest, self.state.ignores_of(guest.device), self.state.room_list())

    def _attach(self, link: Link, guest: Guest) -> None:
        link.guest_id = guest.id
        pace = self._pace[guest.id]
        if pace.grace_timer is not None:
            pace.grace_timer.cancel()
            pace.grace_timer = None
        previous = self.hub.attach(guest.id, link.outbox)
        if previous is not None:
            previous.close("session_taken_over")

    async def resume(self, link: Link, token: str, last_event_id: int) -> Resumed:
        """Re-attach a session within its grace period and collect what it missed."""
        if link.guest_id is not None:
            raise Refused("already_entered")
        guest_id = self._by_token.get(token_hash(token))
        guest = self.state.guests.get(guest_id) if guest_id else None
        if guest is None:
            raise NotFound("session_expired")
        self.sanctions.check_entry(link.device, network_hash(link.ip, self._secret), self._wall())
        link.outbox.hold()
        try:
            self._attach(link, guest)
            missed = await self.store.messages_after(
                max(0, last_event_id), list(guest.rooms), guest.id, 10_000
            )
        except BaseException:
            link.outbox.release(0)
            raise
        guest.lang = link.lang
        joined = [
            Joined(self.state.rooms[r], self._members(self.state.rooms[r]), []) for r in guest.rooms
        ]
        privates = [self.state.guests[p].view for p in guest.privates if p in self.state.guests]
        return Resumed(
            guest,
            self.state.ignores_of(guest.device),
            self.state.room_list(),
            joined,
            privates,
            list(self.state.visible_to(guest, missed)),
        )

    def finish_resume(self, link: Link, answer: str, resumed: Resumed) -> None:
        """Send the resume answer, then the missed messages, then what arrived meanwhile."""
        self.hub.replay(link.outbox, answer, resumed.missed)

    async def quit(self, link: Link) -> None:
        guest, _ = self._pace_of(link)
        link.guest_id = None
        self.hub.detach(guest.id, link.outbox)
        await self._end(guest, LeaveReason.QUIT)

    def set_lang(self, link: Link, lang: str) -> str:
        if not is_supported(lang):
            raise InvalidInput("lang_invalid", field="lang")
        link.lang = lang
        if link.guest_id in self.state.guests:
            self.state.guests[link.guest_id].lang = lang
        return lang

    # -- rooms -----------------------------------------------------------------------------

    def _members(self, room: Room) -> list[UserView]:
        guests = self.state.guests
        return [guests[g].view for g in room.members]

    async def _history(self, guest: Guest, room: Room) -> list[Message]:
        p = self.pacing
        since = self._wall() - p.history_age
        messages = await self.store.room_history(room.id, p.history_count, since)
        return list(self.state.visible_to(guest, messages))

    async def join(self, link: Link, room_ref: str) -> Joined:
        guest = self.guest_of(link)
        target = self.state.find_room(room_ref)
        self.sanctions.check_join(guest.device, guest.network, self._wall(), target.id)
        room, deliveries = self.state.join(guest, target.id)
        self.hub.deliver_all(deliveries)
        self._rooms_dirty = True
        history = await self._history(guest, room)
        await self._persist(guest)
        return Joined(room, self._members(room), history)

    async def part(self, link: Link, room_ref: str) -> None:
        guest = self.guest_of(link)
        room = self.state.find_room(room_ref)
        self.hub.deliver_all(self.state.part(guest, room.id))
        self._rooms_dirty = True
        if self.state.room_closed(room.id):
            await self.store.delete_room(room.id)
        await self._persist(guest)

    async def create_room(self, link: Link, name: str, topic: str) -> Joined:
        guest = self.guest_of(link)
        room = self.state.create_room(guest, name, topic)
        self.state.join(guest, room.id)
        self._rooms_dirty = True
        await self.store.save_room(room)
        await self._persist(guest)
        log.info("room created", extra={"room": room.id, "guest": guest.id})
        return Joined(room, self._members(room), [])

    async def set_topic(self, link: Link, room_ref: str, topic: str) -> None:
        guest = self.guest_of(link)
        room, delivery = self.state.set_topic(guest, room_ref, topic)
        self.hub.deliver(delivery)
        self._rooms_dirty = True
        await self.store.save_room(room)

    async def kick(self, link: Link, room_ref: str, target_id: str) -> None:
        guest = self.guest_of(link)
        target = self.state.guest(target_id)
        self.hub.deliver_all(self.state.kick(guest, room_ref, target.id))
        self._rooms_dirty = True
        await self._persist(target)

    def room_list(self) -> list[RoomInfo]:
        return self.state.room_list()

    def take_room_list_change(self) -> list[RoomInfo] | None:
        """The room list if it changed since the last call (for the periodic broadcast)."""
        if not self._rooms_dirty:
            return None
        self._rooms_dirty = False
        return self.state.room_list()

    # -- messages --------------------------------------------------------------------------

    async def say(
        self, link: Link, text: str, room: str | None, to: str | None, action: bool
    ) -> Message:
        guest, pace = self._pace_of(link)
        if (room is None) == (to is None):
            raise InvalidInput("bad_request", field="room")
        cleaned = self.state.check_text(text)
        levels = self.emergency
        target_room = (
            self.state.check_room_post(guest, room, EmergencyLevel.ALL_ROOMS_MODERATED in levels)
            if room is not None
            else None
        )
        recipient = (
            self.state.check_private(guest, to, EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY in levels)
            if to is not None
            else None
        )
        now = self._wall()
        self.sanctions.check_post(
            guest.device, guest.network, now, target_room.id if target_room else None
        )
        if not pace.messages.try_take():
            self._strike(link)
            raise LimitExceeded("rate_limited", retry_after=pace.messages.retry_after())
        message = Message(
            id=self.journal.next_id(),
            ts=now,
            sender=guest.view,
            sender_device=guest.device,
            text=cleaned,
            action=action,
            room=target_room.id if target_room else None,
            recipient=recipient.view if recipient else None,
        )
        opens_conversation = recipient is not None and recipient.id not in guest.privates
        record = ConnectionRecord(message.id, guest.id, link.ip, link.port, link.protocol, now)
        await self.journal.append(message, record)
        if opens_conversation and recipient is not None:
            await self._persist(guest)
            await self._persist(recipient)
        return message

    def _announce(self, message: Message) -> None:
        self.hub.deliver(self.state.post(message))

    # -- people ----------------------------------------------------------------------------

    async def ignore(self, link: Link, user_id: str) -> list[IgnoreEntry]:
        guest = self.guest_of(link)
        target = self.state.guest(user_id)
        entry = self.state.ignore(guest, target, "i" + new_public_id())
        if entry is not None:
            await self.store.add_ignore(guest.device, entry)
        return self.state.ignores_of(guest.device)

    async def unignore(self, link: Link, entry_id: str) -> list[IgnoreEntry]:
        guest = self.guest_of(link)
        entry = self.state.unignore(guest, entry_id)
        await self.store.remove_ignore(guest.device, entry.id)
        return self.state.ignores_of(guest.device)

    async def close_private(self, link: Link, user_id: str) -> None:
        """Close a private conversation on one's own side: it is no longer resumed, and
        the other person needs one's privacy setting again to write."""
        guest = self.guest_of(link)
        if self.state.close_private(guest, user_id):
            await self._persist(guest)

    async def set_privacy(self, link: Link, raw: str) -> Privacy:
        guest = self.guest_of(link)
        try:
            guest.privacy = Privacy(raw)
        except ValueError:
            raise InvalidInput("bad_request", field="privacy") from None
        await self._persist(guest)
        return guest.privacy

    async def set_nick(self, link: Link, nickname: str) -> Guest:
        guest = self.guest_of(link)
        self.hub.deliver_all(self.state.rename(guest, nickname))
        await self._persist(guest)
        return guest

    def whois(self, link: Link, user_id: str) -> tuple[UserView, list[str]]:
        guest = self.guest_of(link)
        target = self.state.guest(user_id)
        return target.view, self.state.shared_rooms(guest, target)

    # -- persistence -----------------------------------------------------------------------

    async def _persist(self, guest: Guest) -> None:
        pace = self._pace.get(guest.id)
        if pace is None:
            return
        p = guest.profile
        await self.store.save_guest(
            StoredGuest(
                id=guest.id,
                token_hash=pace.token_hash,
                device=guest.device,
                nickname=p.nickname,
                age=p.age,
                gender=p.gender,
                postal_code=p.postal_code,
                privacy=guest.privacy,
                lang=guest.lang,
                rooms=tuple(guest.rooms),
                privates=tuple(guest.privates),
                created_at=pace.created_at,
                last_seen=self._wall(),
                network=guest.network,
            )
        )

    # -- moderation's live effects ---------------------------------------------------------

    def notify(self, guest_id: str, event: Event) -> None:
        """Send one event to one guest, if connected."""
        self.hub.deliver(Delivery(event, (guest_id,)))

    async def remove_message(self, message: Message) -> None:
        """Hide a message from history and from every screen showing it."""
        await self.store.delete_message(message.id, self._wall())
        event = MessageDeleted(message.id, message.room)
        self.hub.deliver(Delivery(event, self.state.message_audience(message)))

    async def remove_from_room(self, guest_id: str, room_ref: str) -> None:
        """Take a guest out of a room (a moderator's kick or room ban)."""
        guest = self.state.guest(guest_id)
        room = self.state.find_room(room_ref)
        if room.id in guest.rooms:
            self.hub.deliver_all(self.state.part(guest, room.id, LeaveReason.KICKED))
            self._rooms_dirty = True
            await self._persist(guest)

    async def end_session(
        self, guest_id: str, code: str, params: Mapping[str, object] | None = None
    ) -> None:
        """End a guest's session now (site ban): its connection is closed with ``code``."""
        guest = self.state.guests.get(guest_id)
        if guest is None:
            return
        outbox = self.hub.outboxes.get(guest_id)
        if outbox is not None:
            self.hub.detach(guest_id, outbox)
            outbox.close(code, params=params)
        await self._end(guest, LeaveReason.KICKED)

    async def close_room(self, room_ref: str) -> Room:
        room, deliveries = self.state.close_room(room_ref)
        self.hub.deliver_all(deliveries)
        self._rooms_dirty = True
        if self.state.room_closed(room.id):
            await self.store.delete_room(room.id)
        return room

    def guests_of(self, device: str) -> list[Guest]:
        """Live sessions of one device: the person a decision is about.

        Not those of the same network: on a shared address (family, campus, operator NAT)
        they are other people, who must not receive someone else's statement of reasons.
        The network binding acts at their next entry, message or join.
        """
        return [g for g in self.state.guests.values() if g.device == device]
