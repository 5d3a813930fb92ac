"""Who is told that the moderation queue changed: the console's live pages."""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

Listener = Callable[[str, int], None]


class Feed:
    """``(what, id)`` to every listener: "case_opened", "case_updated", "case_closed",
    "appeal_filed". A failing listener is logged and never stops the others or the verb."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def publish(self, what: str, item_id: int) -> None:
        for listener in self._listeners:
            try:
                listener(what, item_id)
            except Exception:
                log.exception("moderation listener failed")
