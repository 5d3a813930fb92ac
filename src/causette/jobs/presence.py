"""Renew the presence of the guests this node holds, so that other nodes can tell a guest
attached here from one whose node died (its presence then expires)."""

from __future__ import annotations

from causette.services.chat import PRESENCE_TTL, Chat
from causette.types import GuestId

HEARTBEAT_INTERVAL = PRESENCE_TTL / 3


class PresenceHeartbeat:
    def __init__(self, chat: Chat) -> None:
        self._chat = chat

    async def beat(self) -> None:
        """Renew every attached guest's presence for another ``PRESENCE_TTL``."""
        chat = self._chat
        for guest_id in list(chat.hub.connections):
            await chat.shared.set_present(GuestId(guest_id), chat.node, PRESENCE_TTL)
