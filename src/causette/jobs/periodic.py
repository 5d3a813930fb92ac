"""Run a piece of work every so often for as long as the server runs; a failure is logged
and the next round still comes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


async def every(interval: float, work: Callable[[], Awaitable[object]], name: str) -> None:
    """Call ``work`` now, then every ``interval`` seconds, until cancelled."""
    while True:
        try:
            await work()
        except Exception:
            log.exception("job failed", extra={"job": name})
        await asyncio.sleep(interval)
