"""Held messages (SAFETY.md 9): what the safety gate held waits in its case for a moderator,
who releases it (it is delivered) or removes it (its sender is told). Both are audited."""

from __future__ import annotations

from causette.domain.accounts import Account, Actor, Role
from causette.domain.audit import AuditEntry
from causette.domain.models import Message
from causette.errors import NotFound
from causette.services.messages import Messages
from causette.services.moderation.feed import Feed
from causette.store.moderation import ModerationStore
from causette.types import Clock


class HeldMessages:
    def __init__(self, messages: Messages, mod: ModerationStore, feed: Feed, clock: Clock) -> None:
        self._messages = messages
        self._mod = mod
        self._feed = feed
        self._clock = clock

    async def _check(self, account: Account, case_id: int, message_id: int) -> Actor:
        """A moderator acting on a held message that one of the case's reports points at."""
        actor = Actor.of(account)
        actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        reports = await self._mod.reports_of_case(case_id)
        if not any(r.locator.message_id == message_id for r in reports):
            raise NotFound("report_target_not_found", field="message")
        return actor

    async def release(self, account: Account, case_id: int, message_id: int) -> Message:
        """Deliver a held message after all (posted anew, with a new id)."""
        actor = await self._check(account, case_id, message_id)
        posted = await self._messages.release_held(message_id)
        await self._audit(
            actor, case_id, "held_released", {"message": message_id, "new_id": posted.id}
        )
        return posted

    async def remove(self, account: Account, case_id: int, message_id: int) -> None:
        """Never show a held message: it is deleted and its sender is told."""
        actor = await self._check(account, case_id, message_id)
        await self._messages.remove_held(message_id)
        await self._audit(actor, case_id, "held_removed", {"message": message_id})

    async def _audit(
        self, actor: Actor, case_id: int, action: str, details: dict[str, object]
    ) -> None:
        await self._mod.append(
            AuditEntry(
                0,
                self._clock.wall(),
                actor.kind.value,
                actor.id,
                action,
                case_id=case_id,
                details=details,
            )
        )
        self._feed.publish("case_updated", case_id)
