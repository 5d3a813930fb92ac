"""Room controls and emergency levels (SAFETY.md 24): moderators moderate, close and reopen
rooms and give the right to speak in them; an administrator switches the site-wide levels.
Both are stored, applied live through ``Enforcement`` and audited; ``restore`` gives them back,
with the sanctions in force, when the server starts.

The rooms a moderator surveys are read here too, so that the console never reads the chat's
live state itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.domain.accounts import Account, Actor, Role
from causette.domain.audit import AuditEntry
from causette.domain.models import Guest, Message, Room
from causette.domain.moderation import EmergencyLevel, RoomModeration
from causette.services.enforcement import Enforcement
from causette.store.chat import Store
from causette.store.moderation import ModerationStore
from causette.types import Clock

ROOM_MESSAGES = 50  # recent messages shown on a room's page


@dataclass(frozen=True, slots=True)
class RoomView:
    """A room as a moderator looks at it: its live members and recent messages.

    ``room`` and ``members`` are the live objects: read them, never change them.
    """

    room: Room
    members: list[Guest]
    messages: list[Message]


class Controls:
    def __init__(self, live: Enforcement, store: Store, mod: ModerationStore, clock: Clock) -> None:
        self._live = live
        self._store = store
        self._mod = mod
        self._clock = clock

    async def restore(self) -> None:
        """Load what the chat enforces: active sanctions, room controls, emergency levels."""
        now = self._clock.wall()
        sanctions = []
        for sanction in await self._mod.active_sanctions(now):
            decision = await self._mod.get_decision(sanction.decision_id)
            if decision is not None:
                sanctions.append((sanction, decision.code))
        levels = await self._mod.emergency_levels()
        self._live.load(
            sanctions,
            await self._mod.room_moderation(),
            [level for level, on in levels.items() if on],
        )

    # -- rooms -----------------------------------------------------------------------------

    def rooms(self) -> list[Room]:
        """Every live room, official ones first, then the busiest, then by name."""
        return sorted(
            self._live.rooms(), key=lambda r: (r.kind.value, -len(r.members), r.name.casefold())
        )

    async def room_view(self, room_ref: str) -> RoomView:
        """A room by id or name, with its members and recent messages; ``room_not_found``."""
        room = self._live.find_room(room_ref)
        messages = await self._store.recent_messages(room.id, None, ROOM_MESSAGES)
        return RoomView(room, self._live.members_of(room), messages)

    def has_room(self, room_id: str) -> bool:
        """False once a room is gone (a visitor's room that was closed)."""
        return self._live.has_room(room_id)

    async def set_room(
        self,
        account: Account,
        room_ref: str,
        *,
        moderated: bool | None = None,
        closed: bool | None = None,
        voice: str | None = None,
        unvoice: str | None = None,
    ) -> RoomModeration:
        """Moderate, close or reopen a room; give or take the right to speak in it."""
        actor = Actor.of(account)
        actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        control = await self._live.control_room(
            room_ref, moderated=moderated, closed=closed, voice=voice, unvoice=unvoice
        )
        await self._mod.save_room_moderation(control)
        await self._mod.append(
            AuditEntry(
                0,
                self._clock.wall(),
                actor.kind.value,
                actor.id,
                "room_control",
                details={
                    "room": control.room,
                    "moderated": control.moderated,
                    "closed": control.closed,
                    "voiced": len(control.voiced),
                },
            )
        )
        return control

    # -- the whole site --------------------------------------------------------------------

    async def emergency_levels(self) -> dict[EmergencyLevel, bool]:
        """Every level ever switched, with its state."""
        return await self._mod.emergency_levels()

    async def set_emergency(self, account: Account, level: EmergencyLevel, on: bool) -> None:
        actor = Actor.of(account)
        actor.require(Role.ADMINISTRATOR)
        await self._mod.set_emergency(level, on, self._clock.wall(), actor.account_id)
        self._live.set_emergency(level, on)
        await self._mod.append(
            AuditEntry(
                0,
                self._clock.wall(),
                actor.kind.value,
                actor.id,
                "emergency_level",
                details={"level": level.value, "enabled": on},
            )
        )
