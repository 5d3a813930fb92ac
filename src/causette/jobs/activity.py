"""Once a month, the count of last month's active visitors goes into the audit log, where the
transparency report (DSA Art. 24(2)) reads it."""

from __future__ import annotations

from causette.reports.transparency import previous_month, record_previous_month
from causette.store.chat import Store
from causette.store.moderation import AuditLog
from causette.types import Clock


class ActivitySummary:
    def __init__(self, store: Store, audit: AuditLog, clock: Clock) -> None:
        self._store = store
        self._audit = audit
        self._clock = clock
        self._recorded: str | None = None  # the last month known to be recorded

    async def record_once(self) -> None:
        """Record last month's activity unless this process already saw it recorded."""
        now = self._clock.wall()
        month = previous_month(now)[0]
        if month != self._recorded:
            await record_previous_month(self._store, self._audit, now)
            self._recorded = month
