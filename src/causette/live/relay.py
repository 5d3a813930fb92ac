"""What this node's connections must hear from the bus: deliveries to the guests it holds,
and broadcasts."""

from __future__ import annotations

from causette.live.bus import Broadcast, BusMessage, Delivered
from causette.live.hub import Hub


class HubRelay:
    """A bus subscriber handing each delivery to this node's hub (which skips the guests
    it does not hold, so every node can hear every delivery)."""

    __slots__ = ("_hub",)

    def __init__(self, hub: Hub) -> None:
        self._hub = hub

    def __call__(self, message: BusMessage) -> None:
        if isinstance(message, Delivered):
            self._hub.deliver(message.delivery, message.origin, message.others_only)
        elif isinstance(message, Broadcast):
            self._hub.broadcast(message.event)
