"""The chat's verbs, grouped as a transport is given them, and how they are put together."""

from __future__ import annotations

from dataclasses import dataclass

from causette.domain.state import ChatState
from causette.live.bus import Bus
from causette.live.hub import Hub
from causette.live.ids import IdAllocator
from causette.live.journal import Journal
from causette.live.relay import HubRelay
from causette.live.shared import SharedState
from causette.safety.gate import SafetyGate
from causette.services.chat import ONE_NODE, Chat, Pacing
from causette.services.enforcement import Enforcement
from causette.services.messages import Messages
from causette.services.people import People
from causette.services.rooms import Rooms
from causette.services.sessions import Sessions
from causette.store.chat import Store
from causette.store.connections import ConnectionLog
from causette.types import Clock, NodeId


@dataclass(frozen=True, slots=True)
class ChatServices:
    chat: Chat
    sessions: Sessions
    rooms: Rooms
    messages: Messages
    people: People
    enforcement: Enforcement
    journal: Journal

    async def start(self) -> None:
        """Open the journal, then rebuild live sessions from storage."""
        await self.journal.start()
        await self.sessions.restore()

    async def stop(self) -> None:
        await self.journal.stop()
        self.sessions.stop()


def build_chat(
    state: ChatState,
    store: Store,
    hub: Hub,
    bus: Bus,
    shared: SharedState,
    clock: Clock,
    pacing: Pacing,
    secret: bytes,
    connections: ConnectionLog | None = None,
    gate: SafetyGate | None = None,
    ids: IdAllocator | None = None,
    node: NodeId = ONE_NODE,
) -> ChatServices:
    """Every chat verb over one shared ``Chat``."""
    chat = Chat(state, store, hub, bus, shared, clock, pacing, secret, node)
    bus.subscribe(HubRelay(hub))
    sessions = Sessions(chat)
    journal = Journal(store, connections, ids)
    messages = Messages(chat, sessions, journal, gate)
    return ChatServices(
        chat,
        sessions,
        Rooms(chat),
        messages,
        People(chat),
        Enforcement(chat, sessions),
        journal,
    )
