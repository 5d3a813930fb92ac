"""Rooms: the list, joining and leaving, visitor rooms, topics and an owner's kick."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from causette.domain.events import Delivery, GuestLeft, RoomEntered, RoomListChanged
from causette.domain.models import AgeBand, Guest, LeaveReason, Message, Room, RoomInfo, UserView
from causette.errors import InvalidInput, Refused
from causette.services.chat import Chat, Link

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Joined:
    room: Room
    members: list[UserView]
    history: list[Message]


class Rooms:
    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        # (room id, device or guest id) -> when a room owner's kick stops keeping that
        # person out of the room. Both keys: a browser without the device cookie has a new
        # device at each connection, but its session keeps its id.
        self._kicked: dict[tuple[str, str], float] = {}

    def _members(self, room: Room) -> list[UserView]:
        # A room holds one band (``ChatState.join``); the filter keeps it so even for the
        # moment a member's band changes.
        band = room.band
        state = self.chat.state
        return [g.view for g in self.chat.members(room) if state.band(g) is band]

    async def join(self, link: Link, room_ref: str) -> Joined:
        chat = self.chat
        guest = chat.guest_of(link)
        target = chat.state.find_room(room_ref)
        chat.sanctions.check_join(guest.device, chat.now(), target.id)
        if target.id not in guest.rooms:
            self._check_not_kicked(guest, target)
        room, deliveries = chat.state.join(guest, target.id)
        chat.deliver(deliveries)
        if deliveries:
            chat.notify_others(link, guest.id, RoomEntered(room.id))
        chat.rooms_changed()
        history = await self.chat.history(guest, room)
        await chat.persist(guest)
        return Joined(room, self._members(room), history)

    def _check_not_kicked(self, guest: Guest, room: Room) -> None:
        now = self.chat.now()
        untils = [self._kicked.get((room.id, key), 0.0) for key in (guest.device, guest.id)]
        until = max(untils)
        if until > now:
            raise Refused("room_kick_banned", room=room.name, until=until)

    async def history_before(self, link: Link, room_ref: str, before: int) -> list[Message]:
        """Older messages of a room one is in, before message ``before``: as many as a join
        shows, no older than the history a join may show."""
        chat = self.chat
        guest = chat.guest_of(link)
        room = chat.state.find_room(room_ref)
        if room.id not in guest.rooms:
            raise Refused("not_in_room", room=room.name)
        if before <= 0:
            raise InvalidInput("bad_request", field="before")
        p = chat.pacing
        since = chat.now() - p.history_age
        messages = await chat.store.room_history(room.id, p.history_count, since, before)
        return list(chat.state.visible_to(guest, messages))

    async def part(self, link: Link, room_ref: str) -> None:
        chat = self.chat
        guest = chat.guest_of(link)
        room = chat.state.find_room(room_ref)
        chat.deliver(chat.state.part(guest, room.id))
        chat.notify_others(link, guest.id, GuestLeft(room.id, guest.view, LeaveReason.PART))
        chat.rooms_changed()
        await chat.forget_room_if_gone(room.id)
        await chat.persist(guest)

    async def create_room(self, link: Link, name: str, topic: str) -> Joined:
        chat = self.chat
        guest = chat.guest_of(link)
        room = chat.state.create_room(guest, name, topic)
        chat.state.join(guest, room.id)
        chat.notify_others(link, guest.id, RoomEntered(room.id))
        chat.rooms_changed()
        await chat.store.save_room(room)
        await chat.persist(guest)
        log.info("room created", extra={"room": room.id, "guest": guest.id})
        return Joined(room, self._members(room), [])

    async def set_topic(self, link: Link, room_ref: str, topic: str) -> None:
        chat = self.chat
        guest = chat.guest_of(link)
        room, delivery = chat.state.set_topic(guest, room_ref, topic)
        chat.deliver((delivery,))
        chat.rooms_changed()
        await chat.store.save_room(room)

    async def kick(self, link: Link, room_ref: str, target_id: str) -> None:
        """A visitor room's owner takes someone out of it."""
        chat = self.chat
        guest = chat.guest_of(link)
        target = chat.state.visible_guest(guest, target_id)
        room = chat.state.find_room(room_ref)
        chat.deliver(chat.state.kick(guest, room_ref, target.id))
        # A kick that the person undoes by joining again is no kick: they stay out a while.
        now = chat.now()
        if chat.pacing.kick_ban > 0:
            self._kicked = {k: u for k, u in self._kicked.items() if u > now}
            for key in (target.device, target.id):
                self._kicked[(room.id, key)] = now + chat.pacing.kick_ban
        chat.rooms_changed()
        await chat.persist(target)

    def room_list(self, link: Link) -> list[RoomInfo]:
        """The rooms of the visitor's band: the other band's rooms are not listed."""
        guest = self.chat.guest_of(link)
        return self.chat.state.room_list(self.chat.state.band(guest))

    def take_room_list_change(self) -> list[RoomInfo] | None:
        """The adults' room list if it changed since the last call."""
        if not self.chat.rooms_dirty:
            return None
        self.take_room_list_updates()
        return self.chat.state.room_list(AgeBand.ADULT)

    def take_room_list_updates(self) -> list[Delivery] | None:
        """The room lists to send if anything changed since the last call (for the periodic
        broadcast): one per band, each to the guests of that band. An empty recipient list
        means every connection (no teen is live: the adults' list is all there is)."""
        chat, state = self.chat, self.chat.state
        if not chat.rooms_dirty:
            return None
        chat.rooms_dirty = False
        adult = RoomListChanged(tuple(state.room_list(AgeBand.ADULT)))
        teens = [g.id for g in state.guests.values() if state.band(g) is AgeBand.TEEN]
        if not teens:
            return [Delivery(adult, ())]
        adults = [g.id for g in state.guests.values() if state.band(g) is AgeBand.ADULT]
        teen = RoomListChanged(tuple(state.room_list(AgeBand.TEEN)))
        updates = [Delivery(teen, tuple(teens))]
        if adults:
            updates.insert(0, Delivery(adult, tuple(adults)))
        return updates
