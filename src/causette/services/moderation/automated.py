"""Cases the safety gate opens: the platform's own initiative, with the rules that fired.

The gate's verdict names a category and rule ids; this turns it into a notice through the one
entry point every notice takes, with ``Source.AUTOMATED`` and the rule ids recorded, so the
case in the console and the audit log say which rules caused it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from causette.domain.models import Guest, Message
from causette.domain.moderation import Locator, Source
from causette.safety.gate import CaseRequest, Verdict

Report = Callable[..., Awaitable[Any]]


class AutomatedNotices:
    def __init__(self, report: Report) -> None:
        self._report = report

    async def file(
        self, sender: Guest, message: Message | None, case: CaseRequest, verdict: Verdict
    ) -> None:
        """File one case request about a message (or its sender, when none was stored)."""
        locator = (
            Locator(message_id=message.id) if message is not None else Locator(user_id=sender.id)
        )
        rules = ",".join(verdict.rules) or case.rule
        await self._report(
            locator,
            case.category,
            case.explanation or f"Détection automatique : {rules}",
            None,
            True,
            Source.AUTOMATED,
            automated_rule=rules,
        )
