"""The room list, sent to everyone when it changed: at most once per interval, however many
joins and leaves happened in between (counts change all the time in a busy chat). With teens
live, each band gets its own list and nobody else's (SAFETY.md 5)."""

from __future__ import annotations

from causette.live.bus import Broadcast, Bus, Delivered
from causette.services.rooms import Rooms


class RoomListBroadcast:
    def __init__(self, rooms: Rooms, bus: Bus) -> None:
        self._rooms = rooms
        self._bus = bus

    async def send_if_changed(self) -> None:
        """Broadcast the room list if it changed since the last call."""
        for update in self._rooms.take_room_list_updates() or ():
            if update.recipients:
                self._bus.publish(Delivered(update))
            else:
                self._bus.publish(Broadcast(update.event))
