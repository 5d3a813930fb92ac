"""Retention: deletes personal data once its period is over (SAFETY.md 20 and 21).

Each kind of data has one period, from the configuration:

=================  =========================================  ===============================
kind               what                                       deleted when
=================  =========================================  ===============================
messages           chat content                               older than history.retention_hours
connections        IP address, port, protocol, time per post  older than retention.connection_days
sessions           nickname, declared age, postal code        ended retention.session_days ago
evidence           frozen copies in a moderation case         case closed and hold_until passed
console_sessions   moderators' console logins                 idle for more than a day
=================  =========================================  ===============================

Messages referenced by a case are not spared here, and need not be: a report freezes copies of
them into the case's evidence, which lives until the case is closed plus the legal hold
(``evidence_hold_days``, see ``hold_until``). A live session is never purged: its period only
starts when it ends.

Pure policy over the storage protocols: it names no backend.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from causette.config import HistorySettings, RetentionSettings
from causette.store.chat import Store
from causette.store.connections import ConnectionLog
from causette.store.moderation import AccountStore, CaseStore

log = logging.getLogger(__name__)

DAY = 24 * 3600.0
CONSOLE_IDLE = DAY  # a console session unused this long is deleted


class Retention:
    """Applies every retention period at once; ``purge`` is run by the periodic job.

    ``cases`` and ``accounts`` are optional so that the chat can run without the moderation
    store; a missing store's kinds are skipped (and absent from the counts).
    """

    def __init__(
        self,
        store: Store,
        connections: ConnectionLog,
        history: HistorySettings,
        retention: RetentionSettings,
        *,
        cases: CaseStore | None = None,
        accounts: AccountStore | None = None,
    ) -> None:
        self.store = store
        self.connections = connections
        self.history = history
        self.retention = retention
        self.cases = cases
        self.accounts = accounts

    def hold_until(self, closed_at: float) -> float:
        """Until when the evidence of a case closed at ``closed_at`` is kept (legal hold)."""
        return closed_at + self.retention.evidence_hold_days * DAY

    async def purge(self, now: float) -> dict[str, int]:
        """Delete everything past its period at ``now``; how many of each kind went.

        Every kind is attempted even if another fails (one broken store must not keep the
        rest past its time); failures are raised together afterwards.
        """
        r = self.retention
        messages_before = now - self.history.retention_hours * 3600
        steps: list[tuple[str, Callable[[], Awaitable[int]]]] = [
            ("messages", lambda: self.store.purge_messages(messages_before)),
            ("connections", lambda: self.connections.purge(now - r.connection_days * DAY)),
            ("sessions", lambda: self.store.purge_guests(now - r.session_days * DAY)),
            (
                "declarations",
                lambda: self.store.purge_declarations(now - r.session_days * DAY, now),
            ),
        ]
        if self.cases is not None:
            cases = self.cases
            steps.append(("evidence", lambda: cases.purge_evidence(now)))
        if self.accounts is not None:
            accounts = self.accounts
            steps.append(("console_sessions", lambda: accounts.purge_sessions(now - CONSOLE_IDLE)))

        counts: dict[str, int] = {}
        errors: list[Exception] = []
        for kind, step in steps:
            try:
                counts[kind] = await step()
            except Exception as exc:
                log.exception("retention purge failed", extra={"kind": kind})
                errors.append(exc)
        # Counts only: no identifier of a person, message or case.
        log.info("retention purge", extra=counts)
        if errors:
            raise ExceptionGroup("retention purge failed", errors)
        return counts
