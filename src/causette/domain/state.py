"""The live chat as data: guests, rooms, nicknames, ignores, and the rules between them.

``ChatState`` is pure: no clock, no I/O, no asyncio. Each verb checks its rules first and
raises a ``CausetteError`` before touching anything, so a refused request changes nothing;
then it mutates and returns the ``Delivery`` values that tell who must hear about it.
Invariants kept here: a guest id is in ``room.members`` iff the room id is in
``guest.rooms``; ``_nicks`` maps each live nickname key to its guest; ``_ignores`` maps a
device to its entries by entry id (one per session ignored, several may name one device);
``_ignored_by`` maps each ignored device to the devices with an entry naming it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from causette.domain.events import (
    Delivery,
    GuestJoined,
    GuestLeft,
    GuestRenamed,
    MessagePosted,
    TopicChanged,
)
from causette.domain.models import (
    AgeBand,
    Guest,
    IgnoreEntry,
    LeaveReason,
    Message,
    Privacy,
    Room,
    RoomInfo,
    RoomKind,
    Rules,
)
from causette.domain.names import (
    nickname_key,
    room_key,
    room_slug,
    validate_nickname,
    validate_room_name,
    validate_topic,
)
from causette.domain.text import strip_unsafe
from causette.errors import InvalidInput, LimitExceeded, NotFound, Refused


class ChatState:
    """Every live guest and room of this server, with the rules that bind them."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.guests: dict[str, Guest] = {}
        self.rooms: dict[str, Room] = {}
        self._nicks: dict[str, str] = {}
        self._ignores: dict[str, dict[str, IgnoreEntry]] = {}
        self._ignored_by: dict[str, set[str]] = {}
        # Look-alike key of every room name to its id: "Generai" must not pose as "Général".
        self._room_keys: dict[str, str] = {}

    # -- rooms ---------------------------------------------------------------------------

    def add_official_room(self, name: str, topic: str, band: AgeBand = AgeBand.ADULT) -> Room:
        """Declare one of the operator's rooms (at start-up)."""
        room = Room(room_slug(name), name, validate_topic(topic), RoomKind.OFFICIAL, band=band)
        self._add_room(room)
        return room

    def _add_room(self, room: Room) -> None:
        self.rooms[room.id] = room
        self._room_keys[room_key(room.name)] = room.id

    def _drop_room(self, room: Room) -> None:
        del self.rooms[room.id]
        self._room_keys.pop(room_key(room.name), None)

    def restore_room(self, room: Room) -> None:
        """Put back a user room read from storage (its members come back with their guests)."""
        if room.id not in self.rooms:
            self._add_room(room)

    def drop_if_empty(self, room_id: str) -> bool:
        """Remove a user room nobody is in; True if it was removed."""
        room = self.rooms.get(room_id)
        if room is None or room.kind is not RoomKind.USER or room.members:
            return False
        self._drop_room(room)
        return True

    def find_room(self, ref: str) -> Room:
        """The room whose id or name matches ``ref``, ignoring case, accents and look-alikes."""
        room = self.rooms.get(ref)
        if room is None:
            room_id = self._room_keys.get(room_key(ref))
            room = self.rooms.get(room_id) if room_id else None
        if room is None:
            raise NotFound("room_not_found", room=ref)
        return room

    def room_list(self, band: AgeBand = AgeBand.ADULT) -> list[RoomInfo]:
        """The rooms of one age band: official rooms in configured order, then user rooms by
        size. A room of the other band is not listed (nor counted)."""
        rooms = [r for r in self.rooms.values() if r.band is band]
        official = [r for r in rooms if r.kind is RoomKind.OFFICIAL]
        created = sorted(
            (r for r in rooms if r.kind is RoomKind.USER),
            key=lambda r: (-len(r.members), r.id),
        )
        return [
            RoomInfo(r.id, r.name, r.topic, len(r.members), r.kind, r.owner)
            for r in official + created
        ]

    def create_room(self, guest: Guest, name: str, topic: str) -> Room:
        """Create a user room owned by ``guest``; the caller then joins it."""
        rules = self.rules
        name = validate_room_name(name, rules.reserved_names, rules.forbidden_names)
        topic = validate_topic(topic)
        slug = room_slug(name)
        if room_key(name) in self._room_keys or slug in self.rooms or not slug.strip("-"):
            raise Refused("room_exists", field="room", room=name)
        self._check_room_slot(guest)
        user_rooms = sum(1 for r in self.rooms.values() if r.kind is RoomKind.USER)
        if user_rooms >= rules.user_rooms_max:
            raise LimitExceeded("user_rooms_max", max=rules.user_rooms_max)
        # A visitor's room is for the people of its creator's band.
        room = Room(slug, name, topic, RoomKind.USER, owner=guest.id, band=self.band(guest))
        self._add_room(room)
        return room

    def set_topic(self, guest: Guest, room_ref: str, topic: str) -> tuple[Room, Delivery]:
        room = self.find_room(room_ref)
        self._require_owner(guest, room)
        room.topic = validate_topic(topic)
        return room, Delivery(TopicChanged(room.id, room.topic, guest.view), tuple(room.members))

    def _require_owner(self, guest: Guest, room: Room) -> None:
        if room.kind is not RoomKind.USER or room.owner != guest.id:
            raise Refused("not_room_owner", room=room.name)

    def _check_room_slot(self, guest: Guest) -> None:
        if len(guest.rooms) >= self.rules.rooms_max:
            raise LimitExceeded("rooms_max", max=self.rules.rooms_max)

    # -- membership ----------------------------------------------------------------------

    def join(self, guest: Guest, room_ref: str) -> tuple[Room, list[Delivery]]:
        """Add ``guest`` to a room; joining a room one is in already is a no-op."""
        room = self.find_room(room_ref)
        if room.id in guest.rooms:
            return room, []
        if room.closed:
            raise Refused("room_closed", room=room.name)
        self.check_room_band(guest, room)
        self._check_room_slot(guest)
        others = tuple(room.members)
        room.members[guest.id] = None
        guest.rooms[room.id] = None
        return room, [Delivery(GuestJoined(room.id, guest.view), others)]

    def part(
        self,
        guest: Guest,
        room_ref: str,
        reason: LeaveReason = LeaveReason.PART,
        by: Guest | None = None,
    ) -> list[Delivery]:
        """Remove ``guest`` from a room; an emptied user room is closed."""
        room = self.find_room(room_ref)
        if room.id not in guest.rooms:
            raise Refused("not_in_room", room=room.name)
        del room.members[guest.id]
        del guest.rooms[room.id]
        left = GuestLeft(room.id, guest.view, reason, by.view if by else None)
        # The kicked guest hears of it too, so their client can close the tab.
        told = (*room.members, guest.id) if reason is LeaveReason.KICKED else tuple(room.members)
        deliveries = [Delivery(left, told)]
        self.drop_if_empty(room.id)
        return deliveries

    def kick(self, owner: Guest, room_ref: str, target_id: str) -> list[Delivery]:
        room = self.find_room(room_ref)
        self._require_owner(owner, room)
        target = self.guest(target_id)
        if target.id == owner.id:
            raise Refused("cannot_kick_self")
        return self.part(target, room.id, LeaveReason.KICKED, by=owner)

    def room_gone(self, room_id: str) -> bool:
        """True when a user room no longer exists (after its last member left)."""
        return room_id not in self.rooms

    # -- age bands (SAFETY.md 1, 3, 5) ------------------------------------------------------

    @property
    def has_teen_band(self) -> bool:
        """Whether the operator admits people below the adult age."""
        return self.rules.min_age < self.rules.adult_age

    def band(self, guest: Guest) -> AgeBand:
        """The band a guest is treated in: a declared or self-disclosed minor is a teen."""
        if guest.disclosed_minor or guest.profile.age < self.rules.adult_age:
            return AgeBand.TEEN
        return AgeBand.ADULT

    def same_band(self, a: Guest, b: Guest) -> bool:
        return self.band(a) is self.band(b)

    def check_room_band(self, guest: Guest, room: Room) -> None:
        """Refuse a room of the other band: teens never enter adult rooms, nor adults teen
        rooms."""
        if room.band is not self.band(guest):
            code = "room_band_teen" if room.band is AgeBand.TEEN else "room_band_adult"
            raise Refused(code, room=room.name)

    def visible_guest(self, viewer: Guest, guest_id: str) -> Guest:
        """A guest as ``viewer`` may find them: someone of the other band is nobody to them
        (``user_not_found``, as for someone who left), so a minor cannot be found by probing."""
        target = self.guest(guest_id)
        if not self.same_band(viewer, target):
            raise NotFound("user_not_found", user=guest_id)
        return target

    def disclose_minor(self, guest: Guest) -> tuple[list[str], list[Delivery]]:
        """The guest said they are a minor: treat them as one from now on. They leave every
        room of the adult band; the others see a plain leave (nothing about age), the guest
        hears why. Returns the rooms left and the deliveries."""
        guest.disclosed_minor = True
        left: list[str] = []
        deliveries: list[Delivery] = []
        for room_id in list(guest.rooms):
            room = self.rooms[room_id]
            if room.band is AgeBand.TEEN:
                continue
            del room.members[guest.id]
            del guest.rooms[room.id]
            left.append(room.id)
            deliveries.append(
                Delivery(GuestLeft(room.id, guest.view, LeaveReason.PART), tuple(room.members))
            )
            deliveries.append(
                Delivery(GuestLeft(room.id, guest.view, LeaveReason.AGE_BAND), (guest.id,))
            )
            self.drop_if_empty(room.id)
        return left, deliveries

    # -- guests --------------------------------------------------------------------------

    def guest(self, guest_id: str) -> Guest:
        found = self.guests.get(guest_id)
        if found is None:
            raise NotFound("user_not_found", user=guest_id)
        return found

    def check_nickname(self, raw: str, for_guest: Guest | None = None) -> str:
        """Validate a nickname and check no other live guest has a look-alike of it."""
        nick = validate_nickname(raw, self.rules.reserved_names, self.rules.forbidden_names)
        holder = self._nicks.get(nickname_key(nick))
        if holder is not None and (for_guest is None or holder != for_guest.id):
            raise Refused("nickname_taken", field="nickname", nick=nick)
        return nick

    def add_guest(self, guest: Guest) -> None:
        """Register a guest whose nickname was checked with ``check_nickname``."""
        key = nickname_key(guest.profile.nickname)
        if key in self._nicks and self._nicks[key] != guest.id:
            raise Refused("nickname_taken", field="nickname", nick=guest.profile.nickname)
        self._nicks[key] = guest.id
        self.guests[guest.id] = guest

    def rename(self, guest: Guest, raw: str) -> list[Delivery]:
        """Change a guest's nickname; their id, ignores and rooms stay."""
        nick = self.check_nickname(raw, guest)
        old = guest.profile.nickname
        if nick == old:
            return []
        del self._nicks[nickname_key(old)]
        self._nicks[nickname_key(nick)] = guest.id
        guest.profile = replace(guest.profile, nickname=nick)
        guest.refresh_view()
        return [Delivery(GuestRenamed(guest.view, old), (*self.audience(guest), guest.id))]

    def set_away(self, guest: Guest, away: bool) -> list[Delivery]:
        """The guest lost its last connection (``away``) or has one again: the people who
        share a room or a conversation with it see it as away, or back."""
        if guest.away == away:
            return []
        guest.away = away
        guest.refresh_view()
        audience = self.audience(guest)
        if not audience:
            return []
        return [Delivery(GuestRenamed(guest.view, guest.profile.nickname), tuple(audience))]

    def remove_guest(self, guest: Guest, reason: LeaveReason = LeaveReason.QUIT) -> list[Delivery]:
        """The guest's session ends: leave every room, free the nickname."""
        deliveries: list[Delivery] = []
        for room_id in list(guest.rooms):
            deliveries += self.part(guest, room_id, reason)
        for peer_id in guest.privates:
            peer = self.guests.get(peer_id)
            if peer is not None:
                peer.privates.pop(guest.id, None)
        self._nicks.pop(nickname_key(guest.profile.nickname), None)
        self.guests.pop(guest.id, None)
        return deliveries

    def audience(self, guest: Guest) -> set[str]:
        """Everyone who shares a room or a private conversation with ``guest``."""
        seen: set[str] = set(guest.privates)
        for room_id in guest.rooms:
            seen.update(self.rooms[room_id].members)
        seen.discard(guest.id)
        return seen

    def shared_rooms(self, a: Guest, b: Guest) -> list[str]:
        return [room_id for room_id in a.rooms if room_id in b.rooms]

    # -- ignores -------------------------------------------------------------------------

    def load_ignores(self, device: str, entries: Iterable[IgnoreEntry]) -> None:
        for entry in entries:
            self._ignores.setdefault(device, {})[entry.id] = entry
            self._ignored_by.setdefault(entry.ignored_device, set()).add(device)

    def ignores_of(self, device: str) -> list[IgnoreEntry]:
        """A device's ignores in the order they were made, one per session ignored."""
        return list(self._ignores.get(device, {}).values())

    def unload_ignores(self, device: str) -> None:
        """Forget a device's ignores in memory once its last session ended (storage keeps
        them for its next visit): only live devices' ignores filter deliveries."""
        for entry in self._ignores.pop(device, {}).values():
            ignorers = self._ignored_by.get(entry.ignored_device)
            if ignorers is not None:
                ignorers.discard(device)
                if not ignorers:
                    del self._ignored_by[entry.ignored_device]

    def ignore(self, guest: Guest, target: Guest, entry_id: str) -> IgnoreEntry | None:
        """Ignore ``target``'s device; returns the new entry, or None if that very session
        was ignored already.

        A later session of a device already ignored gets an entry of its own, exactly as a
        stranger would: the answer must not tell the ignorer that it is the same device.
        """
        if target.device == guest.device:
            raise Refused("cannot_ignore_self")
        mine = self._ignores.setdefault(guest.device, {})
        if any(e.user_id == target.id for e in mine.values()):
            return None
        entry = IgnoreEntry(entry_id, target.device, target.profile.nickname, target.id)
        mine[entry.id] = entry
        self._ignored_by.setdefault(target.device, set()).add(guest.device)
        return entry

    def unignore(self, guest: Guest, entry_id: str) -> IgnoreEntry:
        """Remove one entry; the device stays ignored while another entry names it."""
        mine = self._ignores.get(guest.device, {})
        entry = mine.pop(entry_id, None)
        if entry is None:
            raise NotFound("user_not_found", user=entry_id)
        if not any(e.ignored_device == entry.ignored_device for e in mine.values()):
            self._ignored_by[entry.ignored_device].discard(guest.device)
        return entry

    def is_ignoring(self, device: str, other_device: str) -> bool:
        return device in self._ignored_by.get(other_device, ())

    # -- messages ------------------------------------------------------------------------

    def check_text(self, text: str) -> str:
        """Normalise and bound a message's text: what the one text rule refuses is dropped
        here too (``causette.domain.text``), whichever transport the text came through."""
        cleaned = strip_unsafe(text, "\n\t").strip()
        if not cleaned:
            raise InvalidInput("message_empty", field="text")
        if len(cleaned) > self.rules.message_max:
            raise InvalidInput("message_too_long", field="text", max=self.rules.message_max)
        return cleaned

    def check_room_post(self, guest: Guest, room_ref: str, all_moderated: bool = False) -> Room:
        """May ``guest`` speak in a room? ``all_moderated`` is the emergency level."""
        room = self.find_room(room_ref)
        if room.id not in guest.rooms:
            raise Refused("not_in_room", room=room.name)
        if (room.moderated or all_moderated) and guest.device not in room.voiced:
            raise Refused("room_moderated", room=room.name)
        return room

    def close_room(self, room_ref: str) -> tuple[Room, list[Delivery]]:
        """Close a room: everyone leaves it (as kicked) and nobody may join it."""
        room = self.find_room(room_ref)
        deliveries: list[Delivery] = []
        for guest_id in list(room.members):
            deliveries += self.part(self.guests[guest_id], room.id, LeaveReason.KICKED)
        room.closed = True
        return room, deliveries

    def message_audience(self, message: Message) -> list[str]:
        """Who currently sees a message: its room's members, or the two private parties."""
        if message.room is not None:
            room = self.rooms.get(message.room)
            return list(room.members) if room else []
        assert message.recipient is not None
        return [g for g in (message.sender.id, message.recipient.id) if g in self.guests]

    def check_private(
        self, sender: Guest, recipient_id: str, shared_room_only: bool = False
    ) -> Guest:
        """May ``sender`` write privately to ``recipient_id``? Returns the recipient.

        ``shared_room_only`` is the emergency level that allows private messages only
        between people who share a room, whatever their settings or history.
        """
        recipient = self.visible_guest(sender, recipient_id)
        if recipient.id == sender.id:
            raise Refused("private_self")
        if self.is_ignoring(recipient.device, sender.device):
            # The same refusal as a privacy setting: being ignored is never revealed.
            raise Refused("private_refused_nobody", nick=recipient.profile.nickname)
        if shared_room_only and not self.shared_rooms(sender, recipient):
            raise Refused("private_refused_emergency", nick=recipient.profile.nickname)
        if sender.id in recipient.privates:
            # A conversation the recipient already took part in stays open.
            return recipient
        if recipient.privacy is Privacy.NOBODY:
            raise Refused("private_refused_nobody", nick=recipient.profile.nickname)
        if recipient.privacy is Privacy.SHARED_ROOM and not self.shared_rooms(sender, recipient):
            raise Refused("private_refused_shared_room", nick=recipient.profile.nickname)
        return recipient

    def close_private(self, guest: Guest, peer_id: str) -> bool:
        """Forget a private conversation on ``guest``'s side; False if there was none."""
        if peer_id not in guest.privates:
            return False
        del guest.privates[peer_id]
        return True

    def record_posted(self, message: Message) -> Delivery:
        """Who must see a stored message now; a private message also opens the conversation
        on both sides."""
        if message.room is not None:
            room = self.rooms.get(message.room)
            members: Iterable[str] = room.members if room else ()
            return Delivery(MessagePosted(message), self._not_ignoring(members, message))
        assert message.recipient is not None
        sender = self.guests.get(message.sender.id)
        recipient = self.guests.get(message.recipient.id)
        if sender is not None and recipient is not None:
            sender.privates[recipient.id] = None
            recipient.privates[sender.id] = None
        ids = (message.sender.id, message.recipient.id)
        return Delivery(MessagePosted(message), self._not_ignoring(ids, message))

    def _not_ignoring(self, ids: Iterable[str], message: Message) -> list[str]:
        ignorers = self._ignored_by.get(message.sender_device)
        if not ignorers:
            # The common case: nobody ignores the sender, the member dict is the audience.
            return list(ids)
        return [
            gid
            for gid in ids
            if (g := self.guests.get(gid)) is not None and g.device not in ignorers
        ]

    def visible_to(self, guest: Guest, messages: Iterable[Message]) -> Iterator[Message]:
        """Filter stored messages for a guest: drop those of devices the guest ignores."""
        ignored = {e.ignored_device for e in self._ignores.get(guest.device, {}).values()}
        return (m for m in messages if m.sender_device not in ignored)
