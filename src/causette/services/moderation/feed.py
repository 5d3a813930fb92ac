"""Who is told that the moderation queue changed: the console's live pages, on every node.

A change is published on the bus (``ConsoleUpdated``), and each node's feed hands what it
hears to its own listeners, so a moderator's page updates whichever node filed the case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from causette.live.bus import Bus, BusMessage, ConsoleUpdated

log = logging.getLogger(__name__)

Listener = Callable[[str, int], None]


class Feed:
    """``(what, id)`` to every listener: "case_opened", "case_updated", "case_closed",
    "appeal_filed". A failing listener is logged and never stops the others or the verb."""

    def __init__(self, bus: Bus) -> None:
        self._bus = bus
        self._listeners: list[Listener] = []
        bus.subscribe(self._heard)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def publish(self, what: str, item_id: int) -> None:
        """Tell every node's consoles (this one's included, through the bus)."""
        self._bus.publish(ConsoleUpdated(what, item_id))

    def _heard(self, message: BusMessage) -> None:
        if not isinstance(message, ConsoleUpdated):
            return
        for listener in self._listeners:
            try:
                listener(message.what, message.case_id)
            except Exception:
                log.exception("moderation listener failed")
