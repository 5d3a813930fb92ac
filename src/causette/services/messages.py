"""Messages: checked, paced, made durable by the journal, then fanned out."""

from __future__ import annotations

from causette.domain.models import Message
from causette.domain.moderation import EmergencyLevel
from causette.errors import InvalidInput, LimitExceeded
from causette.live.hub import Outbox
from causette.live.journal import Journal
from causette.services.chat import Chat, Link
from causette.services.sessions import Sessions
from causette.store.connections import ConnectionRecord


class Messages:
    def __init__(self, chat: Chat, sessions: Sessions, journal: Journal) -> None:
        self.chat = chat
        self.sessions = sessions
        self.journal = journal
        # The connection each message not yet durable was sent from: whether that one
        # receives it too is its codec's choice (IRC without echo-message does not).
        self._origins: dict[int, Outbox] = {}

    async def say(
        self, link: Link, text: str, room: str | None, to: str | None, action: bool
    ) -> Message:
        chat, state = self.chat, self.chat.state
        guest, tracked = chat.tracked_of(link)
        if (room is None) == (to is None):
            raise InvalidInput("bad_request", field="room")
        cleaned = state.check_text(text)
        levels = chat.emergency
        target_room = (
            state.check_room_post(guest, room, EmergencyLevel.ALL_ROOMS_MODERATED in levels)
            if room is not None
            else None
        )
        recipient = (
            state.check_private(guest, to, EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY in levels)
            if to is not None
            else None
        )
        now = chat.now()
        chat.sanctions.check_post(
            guest.device, guest.network, now, target_room.id if target_room else None
        )
        if not tracked.messages.try_take():
            self.sessions.strike(link)
            raise LimitExceeded("rate_limited", retry_after=tracked.messages.retry_after())
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
        self._origins[message.id] = link.outbox
        try:
            await self.journal.append(message, record)
        finally:
            # Announced by now (``append`` returns once it was), or never will be.
            self._origins.pop(message.id, None)
        if opens_conversation and recipient is not None:
            await chat.persist(guest)
            await chat.persist(recipient)
        return message

    def announce(self, message: Message) -> None:
        """A message is durable: tell whoever must see it (the journal calls this)."""
        origin = self._origins.pop(message.id, None)
        self.chat.deliver((self.chat.state.record_posted(message),), origin)
