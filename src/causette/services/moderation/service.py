"""Notice and action (SAFETY.md 12 to 24), as a transport is given it: reports become cases,
moderators decide, decisions restrict, appeals reverse, and every step lands in the audit log.

One module per group of verbs, each built here over its own dependencies:

- ``cases``: notices and cases (reports, the visitor's report budget, the queue, a case),
- ``decisions``: decisions and sanctions (decide, restrict, reject, act on a message or guest),
- ``misuse``: Art. 23 strikes, which the system turns into a warning or a suspension,
- ``controls``: room controls and emergency levels, and the rooms moderators survey,
- ``appeals``: statements of reasons by code, and appeals against them,
- ``held``: the messages the safety gate held, released or removed by a moderator.

``ModerationService`` only bundles them; it holds no rule of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.services.moderation.appeals import AppealService
from causette.services.moderation.cases import Cases, CaseView
from causette.services.moderation.controls import Controls
from causette.services.moderation.decisions import Action, Decisions
from causette.services.moderation.feed import Feed, Listener
from causette.services.moderation.held import HeldMessages
from causette.services.moderation.misuse import Misuse
from causette.services.moderation.policy import ModerationPolicy
from causette.services.verbs import ChatServices
from causette.store.chat import Store
from causette.store.moderation import ModerationStore
from causette.types import Clock

# Where these lived before the split; other modules still import them from here.
__all__ = ["Action", "CaseView", "ModerationPolicy", "ModerationService", "build_moderation"]


@dataclass(frozen=True, slots=True)
class ModerationService:
    cases: Cases
    decisions: Decisions
    misuse: Misuse
    controls: Controls
    appeals: AppealService
    feed: Feed
    held: HeldMessages

    async def start(self) -> None:
        """Give the chat what it enforces: sanctions in force, room controls, levels."""
        await self.controls.restore()

    def subscribe(self, listener: Listener) -> None:
        """Be told ``(what, id)`` when the queue changes (the console's live updates)."""
        self.feed.subscribe(listener)


def build_moderation(
    chat: ChatServices,
    store: Store,
    mod: ModerationStore,
    policy: ModerationPolicy,
    clock: Clock,
) -> ModerationService:
    """Every moderation verb, over the chat's ``Enforcement`` and the two stores."""
    live = chat.enforcement
    feed = Feed(chat.chat.bus)
    misuse = Misuse(mod, policy.misuse, clock)
    decisions = Decisions(
        live,
        store,
        mod,
        misuse,
        feed,
        clock,
        policy.evidence_hold,
        policy.automated_mute_max,
        policy.territorial_scope,
        policy.content_language,
    )
    return ModerationService(
        cases=Cases(live, store, mod, feed, clock, policy),
        decisions=decisions,
        misuse=misuse,
        controls=Controls(live, store, mod, clock),
        appeals=AppealService(mod, live, clock.wall, feed.publish, decisions.strike),
        feed=feed,
        held=HeldMessages(chat.messages, mod, feed, clock),
    )
