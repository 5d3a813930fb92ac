"""The room list, sent to everyone when it changed: at most once per interval, however many
joins and leaves happened in between (counts change all the time in a busy chat)."""

from __future__ import annotations

from causette.domain.events import RoomListChanged
from causette.live.bus import Broadcast, Bus
from causette.services.rooms import Rooms


class RoomListBroadcast:
    def __init__(self, rooms: Rooms, bus: Bus) -> None:
        self._rooms = rooms
        self._bus = bus

    async def send_if_changed(self) -> None:
        """Broadcast the room list if it changed since the last call."""
        rooms = self._rooms.take_room_list_change()
        if rooms is not None:
            self._bus.publish(Broadcast(RoomListChanged(tuple(rooms))))
