"""A visitor's session from the first frame to the last: admit, enter, resume, quit.

A connection is admitted (counted against its address, given a request budget); entering
makes a guest of it; a dropped connection leaves the guest for ``pacing.grace`` seconds, during
which ``resume`` re-attaches it with everything it missed; past that, or on ``quit``, the guest
leaves every room.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from causette.domain.entry import AgeGate, check_age, parse_profile
from causette.domain.identity import network_hash, new_public_id, new_token, token_hash
from causette.domain.models import Guest, IgnoreEntry, LeaveReason, Message, RoomInfo, UserView
from causette.domain.moderation import EmergencyLevel
from causette.domain.names import nickname_key
from causette.domain.ratelimit import StrikeCounter, TokenBucket
from causette.errors import CausetteError, InvalidInput, LimitExceeded, NotFound, Refused
from causette.i18n import is_supported
from causette.services.budgets import Spend
from causette.services.chat import Chat, Link
from causette.services.rooms import Joined
from causette.store.chat import Declaration, StoredGuest

log = logging.getLogger(__name__)

# Missed messages one resume replays. Past that, a replay would flood the client with what it
# cannot read anyway: it is told to resynchronise, and gets each room's recent history.
RESUME_MAX = 10_000


# Shared-state keys of what one network's age refusals tell every node (SAFETY.md 2).
NETWORK_AGE_BLOCK = "age-block:"  # a one-token bucket: empty for the short network window
NETWORK_AGE_REFUSED = "age-refused:"  # refusals within the cooling period: new devices are
# possible minors
DEVICE_DISCLOSED = "age-disclosed:"  # the device's session said it is a minor


@dataclass(frozen=True, slots=True)
class AgeBlock:
    """Why the entry form is closed now: this device, or (briefly) this network."""

    until: float
    scope: str  # "device" or "network"


@dataclass(frozen=True, slots=True)
class Entered:
    token: str
    guest: Guest
    ignores: list[IgnoreEntry]
    rooms: list[RoomInfo]


@dataclass(frozen=True, slots=True)
class Resumed:
    guest: Guest
    ignores: list[IgnoreEntry]
    rooms: list[RoomInfo]
    joined: list[Joined]
    privates: list[UserView]
    missed: list[Message]
    # More was missed than one resume replays: ``missed`` is empty and each of ``joined``
    # carries its room's recent history instead; the client starts those rooms afresh.
    resync: bool = False


class Sessions:
    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        self._per_network: dict[str, int] = {}
        # Sessions of each network waiting out their grace period, oldest first: a client
        # that drops its socket instead of quitting must not fill the lists with ghosts.
        self._waiting: dict[str, dict[str, None]] = {}

    # -- life cycle ------------------------------------------------------------------------

    async def restore(self) -> None:
        """Rebuild live sessions from storage: each gets a fresh grace period to resume."""
        chat, state, store = self.chat, self.chat.state, self.chat.store
        for room in await store.user_rooms():
            state.restore_room(room)
        for stored in await store.live_guests():
            try:
                guest = self._guest_from(stored)
                state.add_guest(guest)
            except CausetteError:
                # A name the new configuration refuses, or a clash: end that session.
                await store.end_guest(stored.id, chat.now())
                continue
            # Nobody is connected yet: shown as away until each resumes.
            guest.away = True
            guest.refresh_view()
            guest.lang = stored.lang
            guest.network = stored.network
            guest.disclosed_minor = stored.disclosed_minor
            guest.possible_minor = stored.possible_minor
            guest.privates.update(
                dict.fromkeys(
                    p
                    for p in stored.privates
                    if p not in state.guests or state.same_band(guest, state.guests[p])
                )
            )
            for room_id in stored.rooms:
                if room_id in state.rooms and len(guest.rooms) < state.rules.rooms_max:
                    # Over a lowered rooms_max the later rooms are dropped, rather than the
                    # server refusing to start; so is a room whose band the operator changed.
                    try:
                        state.join(guest, room_id)
                    except Refused:
                        continue
            state.load_ignores(guest.device, await store.ignores_of(guest.device))
            await chat.track(guest, stored.token_hash, stored.created_at)
            self._start_grace(guest)
        for room_id in list(state.rooms):
            if state.drop_if_empty(room_id):
                await store.delete_room(room_id)

    def stop(self) -> None:
        for tracked in self.chat.tracked.values():
            if tracked.grace_timer is not None:
                tracked.grace_timer.cancel()

    def _guest_from(self, stored: StoredGuest) -> Guest:
        profile = parse_profile(stored.nickname, stored.age, stored.gender, stored.postal_code)
        self.chat.state.check_nickname(stored.nickname)
        return Guest(stored.id, stored.device, profile, privacy=stored.privacy)

    # -- connections -----------------------------------------------------------------------

    def admit(self, link: Link) -> None:
        """Count a new connection from its network, or refuse it over the limit.

        The network is the unit sanctions use too: an IPv4 address, or an IPv6 /64 (a home
        or a phone gets a whole /64, so counting exact IPv6 addresses would count nothing).
        """
        p, clock = self.chat.pacing, self.chat.clock
        link.network = network_hash(link.ip, self.chat.secret)
        count = self._per_network.get(link.network, 0)
        if count >= p.connections_per_network:
            raise LimitExceeded("too_many_connections", max=p.connections_per_network)
        self._per_network[link.network] = count + 1
        link.requests = TokenBucket(p.requests_burst, p.requests_rate, clock.monotonic)
        link.strikes = StrikeCounter(p.strikes, p.strike_window, clock.monotonic)

    def charge(self, link: Link, cost: int = 1) -> None:
        """Count one request of a connection against its budget."""
        if link.requests is not None and not link.requests.try_take(cost):
            self.strike(link)
            raise LimitExceeded("rate_limited", retry_after=link.requests.retry_after(cost))

    def check_not_banned(self, link: Link) -> None:
        """Refuse a connection whose device or network a site ban binds (as at entry)."""
        self.chat.sanctions.check_entry(link.device, link.network, self.chat.now())

    async def disconnected(self, link: Link) -> None:
        """The connection closed: its guest waits out the grace period, unless it quit."""
        count = self._per_network.get(link.network, 1) - 1
        if count:
            self._per_network[link.network] = count
        else:
            self._per_network.pop(link.network, None)
        if link.guest_id is None:
            return
        guest_id, link.guest_id = link.guest_id, None
        chat = self.chat
        # Only the guest's last connection closing starts the grace period.
        guest = chat.state.guests.get(guest_id)
        if chat.detach(guest_id, link.outbox) and guest is not None:
            self._start_grace(guest)
            chat.deliver(chat.state.set_away(guest, True))
            await chat.persist(guest)

    def _start_grace(self, guest: Guest) -> None:
        tracked = self.chat.tracked[guest.id]
        if tracked.grace_timer is not None:
            tracked.grace_timer.cancel()
        guest_id = guest.id
        tracked.grace_timer = self.chat.clock.call_later(
            self.chat.pacing.grace, lambda: self.chat.spawn(self._expire(guest_id))
        )
        waiting = self._waiting.setdefault(guest.network, {})
        waiting[guest.id] = None
        while len(waiting) > self.chat.pacing.grace_per_network:
            oldest = next(iter(waiting))
            del waiting[oldest]
            ghost = self.chat.state.guests.get(oldest)
            if ghost is not None:
                self.chat.spawn(self.end(ghost, LeaveReason.TIMEOUT))

    def _stop_waiting(self, guest: Guest) -> None:
        waiting = self._waiting.get(guest.network)
        if waiting is not None:
            waiting.pop(guest.id, None)
            if not waiting:
                del self._waiting[guest.network]

    async def _expire(self, guest_id: str) -> None:
        chat = self.chat
        guest = chat.state.guests.get(guest_id)
        if guest is None or chat.hub.is_attached(guest_id):
            return
        if await chat.attached_elsewhere(guest_id):
            return  # resumed on another node: that node holds the session now
        await self.end(guest, LeaveReason.TIMEOUT)

    async def end(self, guest: Guest, reason: LeaveReason) -> None:
        """The guest leaves every room and its session is over."""
        chat = self.chat
        if chat.state.guests.get(guest.id) is not guest:
            return
        rooms_before = set(guest.rooms)
        deliveries = chat.state.remove_guest(guest, reason)
        self._stop_waiting(guest)
        await chat.untrack(guest)
        chat.deliver(deliveries)
        chat.rooms_changed()
        await chat.store.end_guest(guest.id, chat.now())
        for room_id in rooms_before:
            await chat.forget_room_if_gone(room_id)
        if not chat.guests_of(guest.device):
            chat.state.unload_ignores(guest.device)
            if guest.ephemeral:
                # Its device cannot come back: what was bound to it goes with the session.
                await chat.store.forget_ignores(guest.device)
        log.info("guest left", extra={"guest": guest.id, "reason": reason.value})

    def strike(self, link: Link) -> None:
        """Count a limit violation; persistent abuse ends the session with a reason."""
        if link.strikes is None or not link.strikes.strike():
            return
        log.warning("flood disconnect", extra={"guest": link.guest_id})
        link.outbox.close("flood", discard=True)
        chat = self.chat
        guest = chat.state.guests.get(link.guest_id) if link.guest_id else None
        if guest is None or not chat.detach(guest.id, link.outbox):
            # Not (or no longer) this connection's guest, or it has others: only this
            # connection goes.
            link.guest_id = None
            return
        link.guest_id = None
        chat.spawn(self.end(guest, LeaveReason.QUIT))

    async def end_session(
        self, guest_id: str, code: str, params: Mapping[str, object] | None = None
    ) -> None:
        """End a guest's session now (site ban): its connection is closed with ``code``."""
        chat = self.chat
        guest = chat.state.guests.get(guest_id)
        if guest is None:
            return
        for outbox in chat.hub.outboxes_of(guest_id):
            chat.detach(guest_id, outbox)
            outbox.close(code, params=params)
        await self.end(guest, LeaveReason.KICKED)

    # -- entry -----------------------------------------------------------------------------

    async def prefill(self, link: Link) -> tuple[Declaration | None, AgeBlock | None]:
        """What the entry form shows this device: its last declaration and any age block
        (the device's own, else its network's short one)."""
        declaration = await self.chat.store.get_declaration(link.device)
        device = await self._device_blocked_until(link.device)
        if device is not None:
            return declaration, AgeBlock(device, "device")
        network = await self._network_blocked_until(network_hash(link.ip, self.chat.secret))
        return declaration, AgeBlock(network, "network") if network is not None else None

    async def _device_blocked_until(self, device: str) -> float | None:
        until = await self.chat.store.get_block(device)
        return until if until is not None and until > self.chat.now() else None

    async def _network_blocked_until(self, network: str) -> float | None:
        window = self.chat.pacing.network_age_block
        if window <= 0:
            return None
        wait = await self.chat.shared.peek(NETWORK_AGE_BLOCK + network, 1, 1 / window)
        return self.chat.now() + wait if wait > 0 else None

    async def _refused_for_age(self, device: str, network: str, now: float) -> None:
        """Block the device for the cooling period (durable), its network for the short
        window, and remember the refusal on the network as a risk signal for the period."""
        chat, cooldown = self.chat, self.chat.pacing.age_cooldown
        await chat.store.put_block(device, now + cooldown)
        window = chat.pacing.network_age_block
        if window > 0:
            await chat.shared.take(NETWORK_AGE_BLOCK + network, 1, 1 / window)
        if cooldown > 0:
            await chat.shared.count_failure(NETWORK_AGE_REFUSED + network, cooldown)

    async def _possible_minor(self, link: Link, network: str, known_device: bool) -> bool:
        """A new device from a network refused for age within the cooling period, or a
        device whose session said it is a minor: admitted, but a possible minor."""
        shared = self.chat.shared
        if await shared.failures(DEVICE_DISCLOSED + link.device):
            return True
        return not known_device and bool(await shared.failures(NETWORK_AGE_REFUSED + network))

    async def remember_disclosure(self, guest: Guest) -> None:
        """A session of this device said it is a minor: its next sessions, within the cooling
        period, start as possible minors."""
        cooldown = self.chat.pacing.age_cooldown
        if cooldown > 0:
            await self.chat.shared.count_failure(DEVICE_DISCLOSED + guest.device, cooldown)

    async def enter(
        self,
        link: Link,
        nickname: str,
        age: object,
        gender: object,
        postal_code: object,
        lang: str | None = None,
    ) -> Entered:
        chat, state, store = self.chat, self.chat.state, self.chat.store
        if link.guest_id is not None:
            raise Refused("already_entered")
        if lang is not None:
            self.set_lang(link, lang)
        now = chat.now()
        network = network_hash(link.ip, chat.secret)
        # A ban shows first: the visitor must see the decision and how to contest it.
        chat.sanctions.check_entry(link.device, network, now)
        if EmergencyLevel.CLOSE_ENTRIES in chat.emergency:
            raise Refused("entries_closed")
        nick = state.check_nickname(nickname)
        profile = parse_profile(nick, age, gender, postal_code)
        # Entering again and again is how a flood resets per-session limits: entries are
        # budgeted per device and per network.
        await chat.budgets.spend(Spend.ENTRY, link.device, network)
        previous = await store.get_declaration(link.device)
        gate = AgeGate(
            await self._device_blocked_until(link.device),
            previous.age if previous else None,
            previous.declared_at if previous else None,
            await self._network_blocked_until(network),
        )
        cooldown = chat.pacing.age_cooldown
        try:
            check_age(profile.age, state.rules.min_age, gate, now, cooldown)
        except Refused as refusal:
            if refusal.code == "age_below_minimum":
                await self._refused_for_age(link.device, network, now)
            # A changed age is a risk signal (SAFETY.md 2): the log keeps it, without the text.
            log.warning("entry refused", extra={"code": refusal.code})
            raise
        possible_minor = await self._possible_minor(link, network, previous is not None)
        if possible_minor:
            log.warning("possible minor admitted", extra={"signal": "age_network"})
        # The nickname may have been taken while we awaited storage.
        nick = state.check_nickname(nick)
        guest = Guest(
            new_public_id(),
            link.device,
            profile,
            lang=link.lang,
            network=network,
            ephemeral=link.ephemeral,
            possible_minor=possible_minor,
        )
        token = new_token()
        if not await chat.shared.claim_nick(nickname_key(nick), guest.id):
            raise Refused("nickname_taken", field="nickname", nick=nick)  # on another node
        state.add_guest(guest)
        try:
            await chat.track(guest, token_hash(token), now)
            state.load_ignores(guest.device, await store.ignores_of(guest.device))
            keep_since = previous.declared_at if previous and previous.age == profile.age else now
            if not link.ephemeral:  # nobody will ever come back with that device
                await store.put_declaration(
                    link.device,
                    Declaration(nick, profile.age, profile.gender, profile.postal_code, keep_since),
                )
            await chat.persist(guest)
        except Exception:
            state.remove_guest(guest)
            await chat.untrack(guest)
            raise
        self._attach(link, guest)
        chat.rooms_changed()
        log.info("guest entered", extra={"guest": guest.id})
        band = state.band(guest)
        return Entered(token, guest, state.ignores_of(guest.device), state.room_list(band))

    def _attach(self, link: Link, guest: Guest) -> None:
        link.guest_id = guest.id
        tracked = self.chat.tracked[guest.id]
        if tracked.grace_timer is not None:
            tracked.grace_timer.cancel()
            tracked.grace_timer = None
        self._stop_waiting(guest)
        # One person, several connections (a second tab, a reopened one): a resume adds
        # this connection beside the others, each with its own outbox and its own replay.
        self.chat.attach(guest.id, link.outbox)
        self.chat.deliver(self.chat.state.set_away(guest, False))

    async def resume(
        self, link: Link, token: str, last_event_id: int, fresh: bool = False
    ) -> Resumed:
        """Attach a connection to a session within its grace period (beside any other it
        has) and collect what that connection missed after ``last_event_id``."""
        chat, state = self.chat, self.chat.state
        if link.guest_id is not None:
            raise Refused("already_entered")
        guest_id = await chat.shared.token_guest(token_hash(token))
        guest = state.guests.get(guest_id) if guest_id else None
        if guest is None:
            raise NotFound("session_expired")
        chat.sanctions.check_entry(link.device, link.network, chat.now())
        link.outbox.hold()
        # A connection that has shown nothing yet (a new tab, a reloaded page) starts its
        # rooms from their recent history, as on joining, and the replay holds only the
        # session's private messages: the whole stored past of busy rooms is of no use to it.
        try:
            self._attach(link, guest)
            rooms = [] if fresh else list(guest.rooms)
            missed = await chat.store.messages_after(
                max(0, last_event_id), rooms, guest.id, RESUME_MAX + 1
            )
            resync = len(missed) > RESUME_MAX
            joined = []
            for room_id in guest.rooms:
                room = state.rooms[room_id]
                history = await chat.history(guest, room) if resync or fresh else []
                joined.append(Joined(room, [g.view for g in chat.members(room)], history))
        except BaseException:
            link.outbox.release()
            raise
        if resync:
            log.info("resume too far behind: resync", extra={"guest": guest.id})
            missed = []
        guest.lang = link.lang
        privates = [state.guests[p].view for p in guest.privates if p in state.guests]
        return Resumed(
            guest,
            state.ignores_of(guest.device),
            state.room_list(state.band(guest)),
            joined,
            privates,
            list(state.visible_to(guest, missed)),
            resync,
        )

    def finish_resume(self, link: Link, answer: str, resumed: Resumed) -> None:
        """Send the resume answer, then the missed messages, then what arrived meanwhile."""
        answered = [m.id for j in resumed.joined for m in j.history]
        self.chat.hub.replay(link.outbox, answer, resumed.missed, answered)

    async def quit(self, link: Link) -> None:
        """The person leaves: the session ends, and its other connections (other tabs) are
        told so and closed."""
        chat = self.chat
        guest = chat.guest_of(link)
        link.guest_id = None
        chat.detach(guest.id, link.outbox)
        for other in chat.hub.outboxes_of(guest.id):
            chat.detach(guest.id, other)
            other.close("session_ended")
        await self.end(guest, LeaveReason.QUIT)

    def set_lang(self, link: Link, lang: str) -> str:
        if not is_supported(lang):
            raise InvalidInput("lang_invalid", field="lang")
        link.lang = lang
        guest = self.chat.state.guests.get(link.guest_id) if link.guest_id else None
        if guest is not None:
            guest.lang = lang
        return lang
