"""The chat side of moderation: sanctions, room controls and emergency levels, applied live.

A decision is taken by the moderation services; it takes effect here, through verbs that
update the live state and tell whoever it concerns (the person restricted, the members of a
room that becomes moderated). Nothing else writes into ``Chat.sanctions``, ``Chat.emergency``
or a room's controls. Each change is published on the bus and applied by every node's
``Enforcement`` when it hears it (this node included), so all nodes enforce the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from causette.domain.events import Delivery, Event, MessageDeleted, RoomModerationChanged
from causette.domain.models import Guest, LeaveReason, Message, Room
from causette.domain.moderation import EmergencyLevel, RoomModeration, Sanction
from causette.live.bus import (
    BusMessage,
    EmergencyChanged,
    RoomControlChanged,
    SanctionApplied,
    SanctionRevoked,
)
from causette.services.chat import Chat
from causette.services.sessions import Sessions


class Enforcement:
    def __init__(self, chat: Chat, sessions: Sessions) -> None:
        self.chat = chat
        self.sessions = sessions
        chat.bus.subscribe(self._heard)

    def _heard(self, message: BusMessage) -> None:
        """Apply what a node decided (this one included) to this node's live state."""
        chat = self.chat
        match message:
            case SanctionApplied(sanction, code):
                chat.sanctions.add(sanction, code)
            case SanctionRevoked(decision_id):
                chat.sanctions.revoke_decision(decision_id)
            case EmergencyChanged(level, enabled):
                if enabled:
                    chat.emergency.add(level)
                else:
                    chat.emergency.discard(level)
            case RoomControlChanged(control):
                room = chat.state.rooms.get(control.room)
                if room is not None:
                    room.moderated, room.closed = control.moderated, control.closed
                    room.voiced = set(control.voiced)

    def load(
        self,
        sanctions: Iterable[tuple[Sanction, str]],
        controls: Iterable[RoomModeration],
        levels: Iterable[EmergencyLevel],
    ) -> None:
        """What storage says is in force, at start-up (nobody is told: nothing changed)."""
        self.chat.sanctions.load(sanctions)
        for control in controls:
            room = self.chat.state.rooms.get(control.room)
            if room is not None:
                room.moderated, room.closed = control.moderated, control.closed
                room.voiced = set(control.voiced)
        self.chat.emergency = set(levels)

    # -- sanctions -------------------------------------------------------------------------

    def add_sanction(self, sanction: Sanction, decision_code: str) -> None:
        """Enforce a sanction from now on, at every entry, join and message, on every node."""
        self.chat.bus.publish(SanctionApplied(sanction, decision_code))

    def revoke_decision(self, decision_id: int) -> None:
        """Lift every sanction of a reversed decision at once, on every node."""
        self.chat.bus.publish(SanctionRevoked(decision_id))

    def guests_of(self, device: str) -> list[Guest]:
        return self.chat.guests_of(device)

    def guests_bound_by(self, sanction: Sanction, now: float) -> list[Guest]:
        """Live sessions a sanction binds: its device's, and for a site ban bound to the
        network, those of other devices there (by the same rule as at entry)."""
        return [
            g for g in self.chat.state.guests.values() if sanction.binds(g.device, g.network, now)
        ]

    def network_restriction(self, device: str, network: str) -> Sanction | None:
        """The network binding that keeps this device out, if any (never its code)."""
        found = self.chat.sanctions.network_restriction(device, network, self.chat.now())
        return found.sanction if found is not None else None

    def notify(self, guest_id: str, event: Event) -> None:
        self.chat.notify(guest_id, event)

    def notify_device(self, device: str, event: Event) -> None:
        """Tell every live session of a device (a reporter hearing the outcome)."""
        for guest in self.chat.guests_of(device):
            self.chat.notify(guest.id, event)

    async def end_session(
        self, guest_id: str, code: str, params: Mapping[str, object] | None = None
    ) -> None:
        await self.sessions.end_session(guest_id, code, params)

    async def remove_message(self, message: Message) -> None:
        """Hide a message from history and from every screen showing it."""
        chat = self.chat
        await chat.store.delete_message(message.id, chat.now())
        event = MessageDeleted(message.id, message.room)
        chat.deliver((Delivery(event, chat.state.message_audience(message)),))

    async def remove_from_room(self, guest_id: str, room_ref: str) -> None:
        """Take a guest out of a room (a moderator's kick or room ban)."""
        chat = self.chat
        guest = chat.state.guest(guest_id)
        room = chat.state.find_room(room_ref)
        if room.id in guest.rooms:
            chat.deliver(chat.state.part(guest, room.id, LeaveReason.KICKED))
            chat.rooms_changed()
            await chat.forget_room_if_gone(room.id)
            await chat.persist(guest)

    # -- what moderators look at (read only) -------------------------------------------------

    def find_guest(self, guest_id: str) -> Guest | None:
        """A live session by its public id, if it is still there."""
        return self.chat.state.guests.get(guest_id)

    def guest(self, guest_id: str) -> Guest:
        """A live session by its public id, or ``user_not_found``."""
        return self.chat.state.guest(guest_id)

    def rooms(self) -> list[Room]:
        return list(self.chat.state.rooms.values())

    def has_room(self, room_id: str) -> bool:
        """False once a room is gone (a visitor's room closed or left empty)."""
        return room_id in self.chat.state.rooms

    def room_name(self, room_id: str | None) -> str | None:
        room = self.chat.state.rooms.get(room_id) if room_id else None
        return room.name if room else None

    def members_of(self, room: Room) -> list[Guest]:
        """The live members of a room, in its order."""
        guests = self.chat.state.guests
        return [guests[g] for g in room.members if g in guests]

    # -- rooms and the whole site ----------------------------------------------------------

    def find_room(self, room_ref: str) -> Room:
        return self.chat.state.find_room(room_ref)

    def device_of(self, guest_id: str) -> str:
        return self.chat.state.guest(guest_id).device

    async def control_room(
        self,
        room_ref: str,
        *,
        moderated: bool | None = None,
        closed: bool | None = None,
        voice: str | None = None,
        unvoice: str | None = None,
    ) -> RoomModeration:
        """Moderate, close or reopen a room, or give or take a device's right to speak in it
        (``voice``/``unvoice`` are guest ids); members are told what changed for them."""
        chat = self.chat
        room = chat.state.find_room(room_ref)
        voiced = set(room.voiced)
        if voice is not None:
            voiced.add(self.device_of(voice))
        if unvoice is not None:
            voiced.discard(self.device_of(unvoice))
        before = (room.moderated, frozenset(room.voiced))
        if closed:
            closing, deliveries = chat.state.close_room(room.id)
            chat.deliver(deliveries)
            chat.rooms_changed()
            await chat.forget_room_if_gone(closing.id)
        control = RoomModeration(
            room.id,
            room.moderated if moderated is None else moderated,
            room.closed if closed is None else closed,
            frozenset(voiced),
        )
        chat.bus.publish(RoomControlChanged(control))
        if (room.moderated, frozenset(room.voiced)) != before:
            self._tell_members(room)
        return control

    def _tell_members(self, room: Room) -> None:
        """Members see whether the room is moderated and whether they may speak in it."""
        voiced: list[str] = []
        others: list[str] = []
        for guest in self.chat.members(room):
            (voiced if guest.device in room.voiced else others).append(guest.id)
        for ids, may_speak in ((voiced, True), (others, not room.moderated)):
            if ids:
                event = RoomModerationChanged(room.id, room.moderated, may_speak)
                self.chat.deliver((Delivery(event, ids),))

    def set_emergency(self, level: EmergencyLevel, enabled: bool) -> None:
        """Turn a site-wide emergency level on or off, on every node."""
        self.chat.bus.publish(EmergencyChanged(level, enabled))
