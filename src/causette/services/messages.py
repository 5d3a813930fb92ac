"""Messages: checked, shown to the safety gate, paced, made durable by the journal, then
fanned out; and what a moderator does with a message the gate held.

The order in ``say`` is the invariant: every check, then the gate's verdict, all synchronous
and before any effect, so a refused message changes nothing; then the id (ids follow posting
order) and the journal, which announces the message only once it is stored.
"""

from __future__ import annotations

import logging
from collections import OrderedDict, deque
from collections.abc import Awaitable, Sequence
from dataclasses import replace
from typing import Protocol

from causette.domain.events import (
    HeldMessageReleased,
    HeldMessageRemoved,
    MessageHeld,
    PrivateClosed,
    RoomListChanged,
    SafetyNudged,
    SafetyWarned,
)
from causette.domain.models import AgeBand, Guest, Message, Room
from causette.domain.moderation import EmergencyLevel
from causette.errors import InvalidInput, LimitExceeded, NotFound, Refused
from causette.live.journal import Journal
from causette.safety.gate import (
    AllowAll,
    Band,
    CaseRequest,
    Conversation,
    Draft,
    Participant,
    SafetyGate,
    Setting,
    Verdict,
    VerdictKind,
)
from causette.services.budgets import Spend
from causette.services.chat import Chat, Link, pair
from causette.services.sessions import Sessions
from causette.store.connections import ConnectionRecord

log = logging.getLogger(__name__)

WINDOW_MESSAGES = 20  # recent messages of a conversation the gate sees
WINDOW_CONVERSATIONS = 20_000  # conversations remembered, least recently active forgotten

DISCLOSURE_RULE = "age.disclosure"  # the rule of the case a self-disclosure opens


class CaseFiler(Protocol):
    """Files a case about a message (or, when nothing was stored, its sender) as the
    platform's own initiative, naming ``named`` (the adults a self-disclosed minor was talking
    to in private); set by the composition root to the moderation's notices service."""

    def __call__(
        self,
        sender: Guest,
        message: Message | None,
        case: CaseRequest,
        verdict: Verdict,
        named: Sequence[Guest] = (),
    ) -> Awaitable[None]: ...


class Reviewer(Protocol):
    """A second opinion on delivered messages, off the hot path (the model's review): takes
    a message and returns at once; set by the composition root when the model is on."""

    def submit(
        self, item: tuple[Guest, Message], text: str, conversation: str, sender: str
    ) -> None: ...

    async def drain(self) -> None:
        """Wait until what was submitted so far is reviewed."""


class Muter(Protocol):
    """Takes the short automated mute a verdict asks for, through the moderation's decisions
    (a recorded decision with a statement of reasons); set by the composition root."""

    def __call__(
        self, sender: Guest, message: Message | None, verdict: Verdict
    ) -> Awaitable[None]: ...


def conversation_key(room: str | None, sender_id: str, recipient_id: str | None) -> str:
    """One conversation's key, whoever speaks: ``room:<id>`` or ``private:<a>:<b>``."""
    if room is not None:
        return f"room:{room}"
    a, b = sorted((sender_id, recipient_id or ""))
    return f"private:{a}:{b}"


class ConversationWindows:
    """The last few messages of each recent conversation, bounded in both directions."""

    def __init__(
        self, size: int = WINDOW_MESSAGES, conversations: int = WINDOW_CONVERSATIONS
    ) -> None:
        self._size = size
        self._max = conversations
        self._windows: OrderedDict[str, deque[Message]] = OrderedDict()

    def recent(self, key: str) -> tuple[Message, ...]:
        window = self._windows.get(key)
        return tuple(window) if window else ()

    def add(self, message: Message) -> None:
        recipient = message.recipient.id if message.recipient else None
        key = conversation_key(message.room, message.sender.id, recipient)
        window = self._windows.get(key)
        if window is None:
            window = self._windows[key] = deque(maxlen=self._size)
            if len(self._windows) > self._max:
                self._windows.popitem(last=False)
        else:
            self._windows.move_to_end(key)
        window.append(message)

    def __len__(self) -> int:
        return len(self._windows)


class Messages:
    def __init__(
        self,
        chat: Chat,
        sessions: Sessions,
        journal: Journal,
        gate: SafetyGate | None = None,
    ) -> None:
        self.chat = chat
        self.sessions = sessions
        self.journal = journal
        self.gate: SafetyGate = gate or AllowAll()
        self.file_case: CaseFiler | None = None
        self.mute: Muter | None = None
        self.review: Reviewer | None = None
        self.windows = ConversationWindows()
        # The connection each message not yet durable was sent from: whether that one
        # receives it too is its codec's choice (IRC without echo-message does not).
        self._origins: dict[int, str] = {}
        journal.observe(self.announce)

    def _participant(self, guest: Guest) -> Participant:
        band = Band.MINOR if self.chat.state.band(guest) is AgeBand.TEEN else Band.ADULT
        return Participant(
            guest.view,
            guest.device,
            guest.profile.age,
            band,
            possible_minor=guest.possible_minor,
            disclosed_minor=guest.disclosed_minor,
        )

    async def say(
        self, link: Link, text: str, room: str | None, to: str | None, action: bool
    ) -> Message:
        chat, state = self.chat, self.chat.state
        guest = chat.guest_of(link)
        if (room is None) == (to is None):
            raise InvalidInput("bad_request", field="room")
        cleaned = state.check_text(text)
        levels = chat.emergency
        target_room: Room | None = None
        recipient: Guest | None = None
        if room is not None:
            all_moderated = EmergencyLevel.ALL_ROOMS_MODERATED in levels
            target_room = state.check_room_post(guest, room, all_moderated)
        elif to is not None:
            shared_only = EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY in levels
            recipient = state.check_private(guest, to, shared_only)
            if pair(guest.id, recipient.id) in self.chat.closed_pairs:
                raise Refused("private_closed")
        now = chat.now()
        chat.sanctions.check_post(guest.device, now, target_room.id if target_room else None)
        try:
            await chat.budgets.spend(Spend.MESSAGE, guest.device, guest.network)
        except LimitExceeded:
            self.sessions.strike(link)
            raise
        draft = Draft(
            self._participant(guest),
            cleaned,
            action,
            now,
            room=target_room.id if target_room else None,
            recipient=self._participant(recipient) if recipient else None,
        )
        key = conversation_key(draft.room, guest.id, recipient.id if recipient else None)
        verdict = self._inspect(draft, key)
        if verdict.kind is VerdictKind.REFUSE:
            await self._react(guest, None, recipient, verdict, target_room)
            raise Refused("message_refused", reason=verdict.reason or "")
        held = verdict.kind in (VerdictKind.HOLD, VerdictKind.CLOSE)
        message = Message(
            id=self.journal.next_id(),
            ts=now,
            sender=guest.view,
            sender_device=guest.device,
            text=cleaned,
            action=action,
            room=draft.room,
            recipient=recipient.view if recipient else None,
            held_at=now if held else None,
        )
        opens_conversation = recipient is not None and recipient.id not in guest.privates
        record = ConnectionRecord(message.id, guest.id, link.ip, link.port, link.protocol, now)
        self._origins[message.id] = link.outbox.key
        try:
            await self.journal.append(message, record)
        finally:
            # Announced by now (``append`` returns once it was), or never will be.
            self._origins.pop(message.id, None)
        if opens_conversation and recipient is not None and not held:
            await chat.persist(guest)
            await chat.persist(recipient)
        if verdict.kind is VerdictKind.CLOSE and recipient is not None:
            await self._close_private(guest, recipient)
        await self._react(guest, message, recipient, verdict, target_room)
        # The model's second opinion is for what the rules let through without a case.
        if self.review is not None and not held and verdict.case is None:
            self.review.submit((guest, message), cleaned, key, guest.id)
        return message

    async def _react(
        self,
        guest: Guest,
        message: Message | None,
        recipient: Guest | None,
        verdict: Verdict,
        room: Room | None,
    ) -> None:
        """What a verdict asks besides the message's fate: the sender's warning, nudges, a
        self-disclosure, the case (naming the adults a disclosed minor talked to), a mute."""
        where_room = room.id if room else None
        where_user = recipient.view if recipient else None
        if verdict.warning:
            self.chat.notify(guest.id, SafetyWarned(verdict.warning, where_room, where_user))
        for nudge in verdict.nudges:
            self._nudge(nudge.recipient, nudge.advice, where_room, guest, recipient)
        named: list[Guest] = []
        case = verdict.case
        if verdict.disclosure:
            named = await self._disclosed(guest, where_room, recipient, verdict)
            base = case or CaseRequest("child_abuse", DISCLOSURE_RULE)
            case = replace(base, priority=True)
        held = message is not None and message.held_at is not None
        if case is not None or held:
            await self._file(
                guest, message, case or CaseRequest("terms", "held", ""), verdict, named
            )
        if verdict.mute_seconds > 0:
            if self.mute is None:
                log.warning("automated mute not taken: no moderation")
            else:
                try:
                    await self.mute(guest, message, verdict)
                except Exception:
                    log.exception("automated mute failed")

    async def _disclosed(
        self, guest: Guest, room: str | None, recipient: Guest | None, verdict: Verdict
    ) -> list[Guest]:
        """Self-disclosure beats declaration (SAFETY.md 3): the sender is a minor from now on.
        They leave the adult rooms, their private conversations with adults close (both sides
        told, in neutral words), they are shown help, and the adults are returned, to be named
        in the case."""
        chat, state = self.chat, self.chat.state
        adults = [
            state.guests[p]
            for p in guest.privates
            if p in state.guests and state.band(state.guests[p]) is AgeBand.ADULT
        ]
        if (
            recipient is not None
            and recipient not in adults
            and state.band(recipient) is AgeBand.ADULT
        ):
            adults.append(recipient)
        if not guest.disclosed_minor:
            left, deliveries = state.disclose_minor(guest)
            chat.deliver(deliveries)
            for room_id in left:
                await chat.forget_room_if_gone(room_id)
            chat.rooms_changed()
            chat.notify(guest.id, RoomListChanged(tuple(state.room_list(AgeBand.TEEN))))
            await self.sessions.remember_disclosure(guest)
        for adult in adults:
            await self._close_private(guest, adult, "age_band")
        if not any(n.recipient == guest.id and n.advice == "minor_help" for n in verdict.nudges):
            self._nudge(guest.id, "minor_help", room, guest, recipient)
        await chat.persist(guest)
        log.warning("self-disclosed minor", extra={"guest": guest.id, "adults": len(adults)})
        return adults

    def _inspect(self, draft: Draft, key: str) -> Verdict:
        """The gate's verdict on a draft, in the conversation ``key`` with its window."""
        setting = Setting.ROOM if draft.room is not None else Setting.PRIVATE
        conversation = Conversation(setting, key, self.windows.recent(key))
        try:
            return self.gate.inspect(draft, conversation)
        except Exception:
            # A detector bug must not silence the chat: the message goes through, loudly.
            log.exception("safety gate failed")
            return Verdict()

    async def _file(
        self,
        guest: Guest,
        message: Message | None,
        case: CaseRequest,
        verdict: Verdict,
        named: Sequence[Guest] = (),
    ) -> None:
        if self.file_case is None:
            log.warning("safety case not filed: no moderation", extra={"rule": case.rule})
            return
        try:
            await self.file_case(guest, message, case, verdict, named)
        except Exception:
            # The verdict's effect on the message stands; the failure to queue it is logged.
            log.exception("safety case filing failed", extra={"rule": case.rule})

    def _nudge(
        self,
        recipient_id: str,
        advice: str,
        room: str | None,
        sender: Guest,
        recipient: Guest | None,
    ) -> None:
        """Advice for one person, shown in the conversation it is about: the room, or the
        private conversation with the other person."""
        if recipient_id not in self.chat.state.guests:
            return
        if room is not None:
            event = SafetyNudged(advice, room, None)
        else:
            other = sender if sender.id != recipient_id else recipient
            event = SafetyNudged(advice, None, other.view if other else None)
        self.chat.notify(recipient_id, event)

    async def _close_private(self, guest: Guest, other: Guest, reason: str = "safety") -> None:
        """The platform ends a private conversation: both sides are told, in neutral words."""
        state = self.chat.state
        self.chat.closed_pairs.add(pair(guest.id, other.id))
        for me, them in ((guest, other), (other, guest)):
            state.close_private(me, them.id)
            self.chat.notify(me.id, PrivateClosed(them.view, reason))
            await self.chat.persist(me)

    def announce(self, message: Message) -> None:
        """A message is durable: tell whoever must see it (the journal calls this)."""
        if message.held_at is not None:
            self.chat.notify(message.sender.id, MessageHeld(message))
            return
        self.windows.add(message)
        origin = self._origins.pop(message.id, None)
        self.chat.deliver((self.chat.state.record_posted(message),), origin)

    # -- held messages (the moderator's side) -----------------------------------------------

    async def _held(self, message_id: int) -> Message:
        message = await self.chat.store.get_message(message_id)
        if message is None or message.held_at is None or message.deleted_at is not None:
            raise NotFound("report_target_not_found", field="message")
        return message

    async def release_held(self, message_id: int) -> Message:
        """Deliver a held message after all: posted anew with a new id (ids stay in posting
        order for resume), the held copy removed; its sender is told which id replaces it."""
        held = await self._held(message_id)
        chat = self.chat
        now = chat.now()
        posted = replace(held, id=self.journal.next_id(), ts=now, held_at=None)
        await chat.store.delete_message(held.id, now)
        chat.notify(held.sender.id, HeldMessageReleased(held.id, posted.id))
        await self.journal.append(posted)
        return posted

    async def remove_held(self, message_id: int) -> None:
        """A moderator decides a held message will not be shown: its sender is told."""
        held = await self._held(message_id)
        await self.chat.store.delete_message(held.id, self.chat.now())
        self.chat.notify(held.sender.id, HeldMessageRemoved(held.id))
