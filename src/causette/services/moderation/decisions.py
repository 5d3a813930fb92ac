"""Decisions and sanctions (DSA Art. 17; SAFETY.md 14, 23): a moderator decides a case or
acts on their own initiative, every restriction comes with a statement of reasons, binds the
device (and, for a site ban when the moderator chooses, the network for a shorter time)
through ``Enforcement`` (so every transport inherits it), and is felt by the person's live
sessions at once.

What a decision may be is decided here, not by a form: a suspension is the misuse policy's
(Art. 23), never a moderator's; a removal needs a message; a kick or room ban needs a room;
durations are bounded. A moderator's role is checked on their account; the system (the
misuse policy) acts by construction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from causette.domain.accounts import Account, Actor, ActorKind, Role
from causette.domain.audit import AuditEntry
from causette.domain.dsa import EEA_COUNTRIES, EU_CATEGORY, restriction_of
from causette.domain.events import ReportDecided, SanctionNotified
from causette.domain.models import Message
from causette.domain.moderation import (
    Case,
    CaseStatus,
    Category,
    Decision,
    GroundType,
    Outcome,
    Person,
    Report,
    Sanction,
    SanctionKind,
    Source,
    clean_text,
    new_code,
)
from causette.errors import InvalidInput, NotFound, Refused
from causette.services.enforcement import Enforcement
from causette.services.moderation.feed import Feed
from causette.services.moderation.misuse import ILLEGAL_POST, UNFOUNDED_REPORT, Misuse
from causette.store.chat import Store
from causette.store.moderation import ModerationStore
from causette.types import Clock, Subject

log = logging.getLogger(__name__)

FACTS_MAX = 2000
# The Transparency Database's limits (Art. 24(5)): the ground relied on, and why.
REFERENCE_MAX = 500
EXPLANATION_MAX = 2000
DURATION_MAX = 10 * 365 * 24 * 3600.0  # ten years; longer is what "indefinite" is for

# A room-scoped kind needs a room; the others are site-wide unless a room is given.
ROOM_KINDS = frozenset({SanctionKind.KICK, SanctionKind.ROOM_BAN})
# Kinds that last; a warning, a removal or a kick happens once.
TIMED_KINDS = frozenset(
    {SanctionKind.MUTE, SanctionKind.ROOM_BAN, SanctionKind.SITE_BAN, SanctionKind.SUSPENSION}
)
RESTRICTING = frozenset(SanctionKind) - {SanctionKind.WARNING}


@dataclass(frozen=True, slots=True)
class Action:
    """A decision on a person, as a moderator (or the misuse policy) states it."""

    kind: SanctionKind
    facts: str
    ground: str
    duration: float | None = None  # seconds; None for indefinite (or not applicable)
    room: str | None = None
    manifestly_illegal: bool = False  # counts towards Art. 23 misuse
    # A site ban may bind the network the person used too, for this long (seconds, never
    # longer than the ban); None binds the device alone. Every other kind binds the device
    # alone: a family, a campus or a carrier's NAT shares the address.
    network_duration: float | None = None
    # The statement's own category (else its case's) and ground: the law or the terms, the
    # article relied on and why it applies (else the ground and the facts, cut to the limits).
    category: Category | None = None
    ground_type: GroundType | None = None
    reference: str = ""
    explanation: str = ""


class Decisions:
    def __init__(
        self,
        live: Enforcement,
        store: Store,
        mod: ModerationStore,
        misuse: Misuse,
        feed: Feed,
        clock: Clock,
        evidence_hold: float,
        automated_mute_max: float = 3600.0,
        territorial_scope: frozenset[str] = frozenset(EEA_COUNTRIES),
        content_language: str = "fr",
    ) -> None:
        self._automated_mute_max = automated_mute_max
        # Where a decision applies (the site is the same everywhere) and the language its
        # content is presumed to be in (the site's).
        self._scope = territorial_scope
        self._language = content_language.upper()
        self._live = live
        self._store = store
        self._mod = mod
        self._misuse = misuse
        self._feed = feed
        self._clock = clock
        self._evidence_hold = evidence_hold

    # -- deciding a case -------------------------------------------------------------------

    async def decide(
        self, account: Account, case_id: int, action: Action, message_id: int | None = None
    ) -> Decision:
        """Restrict the person a case is about, with a statement of reasons; closes the case.

        ``message_id`` (one of that person's messages, usually the reported one) is removed
        too; a removal needs one.
        """
        case = await self._open_case(case_id)
        subject = Subject.parse(case.subject)
        if not subject.is_device:
            raise Refused("case_not_about_person")
        message = None
        if message_id is not None:
            message = await self._store.get_message(message_id)
            if message is None or message.sender_device != subject.key:
                raise NotFound("report_target_not_found", field="message")
        elif action.kind is SanctionKind.REMOVAL:
            raise InvalidInput("action_message_required", field="message")
        reports = await self._mod.reports_of_case(case.id)
        actor = Actor.of(account)
        decision = await self.restrict(
            actor,
            await self._person_of_case(case, subject.key),
            action,
            case=case,
            source=_notice_source(reports),
            automated=any(r.source is Source.AUTOMATED for r in reports),
            notice_at=min((r.created_at for r in reports), default=None),
            message=message,
        )
        await self._close(actor, case, Outcome.ACTIONED)
        return decision

    async def reject(self, account: Account, case_id: int, unfounded: bool, reason: str) -> None:
        """Close a case with no restriction; manifestly unfounded notices count as misuse."""
        actor = Actor.of(account)
        actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        case = await self._open_case(case_id)
        reason = clean_text(reason, FACTS_MAX, "action_facts_required", "facts")
        await self._close(actor, case, Outcome.UNFOUNDED if unfounded else Outcome.REJECTED, reason)
        if unfounded:
            for report in await self._mod.reports_of_case(case.id):
                if report.reporter_device:
                    await self.strike(report.reporter_device, UNFOUNDED_REPORT, case.id)

    async def _open_case(self, case_id: int) -> Case:
        case = await self._mod.get_case(case_id)
        if case is None or case.status is not CaseStatus.OPEN:
            raise NotFound("case_not_found")
        return case

    async def _person_of_case(self, case: Case, device: str) -> Person:
        """Whom a case's decision binds: the device, and the network the evidence saw."""
        network, nickname = "", ""
        for item in await self._mod.evidence_of_case(case.id):
            if item.kind == "session":
                network = str(item.body.get("network_hash") or "")
                nickname = str(item.body.get("nickname") or "")
        live = next(iter(self._live.guests_of(device)), None)
        if live is not None:
            network, nickname = network or live.network, live.profile.nickname
        return Person(device, network, nickname)

    async def _close(
        self, actor: Actor, case: Case, outcome: Outcome, reason: str | None = None
    ) -> None:
        now = self._clock.wall()
        closed = replace(
            case,
            status=CaseStatus.CLOSED,
            closed_at=now,
            outcome=outcome,
            hold_until=now + self._evidence_hold,
        )
        await self._mod.update_case(closed)
        await self._mod.append(
            AuditEntry(
                0,
                now,
                actor.kind.value,
                actor.id,
                "case_closed",
                case_id=case.id,
                category=case.category.value,
                reason=reason,
                details={"outcome": outcome.value, "opened_at": case.created_at},
            )
        )
        # Reporters who are online hear the outcome now; others ask with their receipt.
        for report in await self._mod.reports_of_case(case.id):
            if report.reporter_device:
                self._live.notify_device(
                    report.reporter_device, ReportDecided(report.code, outcome.value)
                )
        self._feed.publish("case_closed", case.id)

    # -- restricting -----------------------------------------------------------------------

    async def restrict(
        self,
        actor: Actor,
        person: Person,
        action: Action,
        case: Case | None = None,
        source: Source = Source.MODERATOR,
        automated: bool = False,
        notice_at: float | None = None,
        message: Message | None = None,
    ) -> Decision:
        """Record a decision and its sanction, then apply it to live sessions at once."""
        by_automation = actor.kind is ActorKind.AUTOMATED
        if by_automation:
            action = self._automated(action)
        else:
            actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        _check_action(actor, action)
        facts = clean_text(action.facts, FACTS_MAX, "action_facts_required", "facts")
        ground = clean_text(action.ground, FACTS_MAX, "action_ground_required", "ground")
        now = self._clock.wall()
        network_until = None
        if action.network_duration is not None and person.network:
            network_until = now + action.network_duration
            if action.duration is not None:
                network_until = min(network_until, now + action.duration)
        else:
            person = replace(person, network="")
        category = action.category or (case.category if case else Category.TERMS)
        ground_type = action.ground_type or EU_CATEGORY[category].ground
        restriction = restriction_of(action.kind, now, action.duration, message is not None)
        decision = await self._mod.add_decision(
            Decision(
                0,
                new_code("D"),
                case.id if case else None,
                action.kind,
                action.room,
                action.duration,
                facts,
                ground,
                source,
                automated,
                # No person decided: the platform's policy or its automatic protection did.
                actor.account is None,
                actor.account_id,
                person.nickname,
                now,
                category=category,
                ground_type=ground_type,
                ground_reference=_bounded(action.reference or ground, REFERENCE_MAX),
                explanation=_bounded(action.explanation or facts, EXPLANATION_MAX),
                incompatible_illegal=ground_type is GroundType.TERMS and action.manifestly_illegal,
                content_date=message.ts if message else (notice_at or now),
                content_language=self._language,
                territorial_scope=self._scope,
                visibility=restriction.visibility,
                provision=restriction.provision,
                ends_at=restriction.ends_at,
            ),
            person.device,
        )
        if action.kind in RESTRICTING and action.kind is not SanctionKind.REMOVAL:
            expires = now + action.duration if action.duration is not None else None
            sanction = await self._mod.add_sanction(
                Sanction(
                    0,
                    action.kind,
                    person,
                    action.room,
                    now,
                    expires,
                    decision.id,
                    network_until=network_until,
                )
            )
            if action.kind is not SanctionKind.KICK:
                self._live.add_sanction(sanction, decision.code)
        else:
            sanction = Sanction(0, action.kind, person, action.room, now, now, decision.id)
        await self._mod.append(
            AuditEntry(
                0,
                now,
                actor.kind.value,
                actor.id,
                "restriction_applied",
                case_id=case.id if case else None,
                decision_id=decision.id,
                category=category.value,
                source=source.value,
                automated=automated,
                reason=ground,
                details={
                    "kind": action.kind.value,
                    "room": action.room,
                    "duration": action.duration,
                    "network_duration": action.network_duration if network_until else None,
                    "notice_at": notice_at,
                    "message": message.id if message else None,
                    "automated_decision": decision.automated_decision,
                    "ground_type": ground_type.value,
                    "visibility": decision.visibility,
                    "provision": decision.provision,
                },
            )
        )
        await self._apply(sanction, decision, message)
        if action.manifestly_illegal:
            await self._strike(person, ILLEGAL_POST, case.id if case else None, category)
        log.info("restriction applied", extra={"decision": decision.id, "kind": action.kind.value})
        return decision

    def _automated(self, action: Action) -> Action:
        """What automation may decide alone (SAFETY.md 9): a short mute of the device, capped
        by the policy; every other sanction, or a longer one, needs a person."""
        cap = self._automated_mute_max
        if action.kind is not SanctionKind.MUTE or action.room is not None or cap <= 0:
            raise Refused("forbidden")
        duration = min(action.duration or cap, cap)
        # A network is shared (a family, a school): automation binds the device alone.
        return replace(action, duration=duration, network_duration=None, manifestly_illegal=False)

    async def _apply(self, sanction: Sanction, decision: Decision, message: Message | None) -> None:
        """Make a decision felt by the live sessions it reaches, with its statement."""
        live = self._live
        if message is not None:
            await live.remove_message(message)
        # Every live session the sanction binds, by the same rule as at entry: the person's
        # own device (another browser of theirs is another device, caught only by a network
        # binding). Only the person's device is told the statement of reasons; another device
        # on a bound network hears that its network is restricted, and until when, no more.
        now = decision.created_at
        for guest in live.guests_bound_by(sanction, now):
            own = sanction.binds_device(guest.device)
            if own:
                live.notify(guest.id, SanctionNotified(decision))
            if decision.kind in (SanctionKind.SITE_BAN, SanctionKind.SUSPENSION):
                params: dict[str, object] = {}
                end = sanction.expires_at if own else sanction.network_ends_at()
                if own:
                    params["decision"] = decision.code
                if end is not None:
                    params["until"] = end
                await live.end_session(guest.id, "banned" if own else "network_restricted", params)
            elif own and decision.kind in ROOM_KINDS and decision.room is not None:
                await live.remove_from_room(guest.id, decision.room)

    async def strike(self, device: str, kind: str, case_id: int | None) -> None:
        """Art. 23(2): a strike against a device for a manifestly unfounded notice or complaint,
        and the warning or suspension it may call for."""
        await self._strike(Person(device, "", ""), kind, case_id, Category.TERMS)

    async def _strike(
        self, person: Person, kind: str, case_id: int | None, category: Category
    ) -> None:
        """Art. 23: a strike, and the warning or suspension it may call for."""
        step = await self._misuse.strike(person.device, kind, case_id)
        if step is None:
            return
        # Misuse of the service is a breach of its terms (their Art. 23 clause); repeated
        # illegal posts are told under the category of the one that tipped the balance.
        decision = await self.restrict(
            step.actor,
            person,
            Action(
                step.sanction,
                step.facts,
                step.ground,
                step.duration,
                category=category,
                ground_type=GroundType.TERMS,
            ),
        )
        await self._misuse.record(step, decision.id)

    # -- moderators in rooms ---------------------------------------------------------------

    async def message(self, message_id: int) -> Message:
        """A message a moderator acts on, removed or not; ``report_target_not_found``."""
        message = await self._store.get_message(message_id)
        if message is None:
            raise NotFound("report_target_not_found")
        return message

    async def act_on_message(self, account: Account, message_id: int, action: Action) -> Decision:
        """Own-initiative action on a message: remove it, and optionally restrict its author."""
        message = await self.message(message_id)
        guest = self._live.find_guest(message.sender.id)
        person = Person(message.sender_device, guest.network if guest else "", message.sender.nick)
        case = await self._mod.open_case_for(str(Subject.device(message.sender_device)))
        return await self.restrict(Actor.of(account), person, action, case=case, message=message)

    async def act_on_guest(self, account: Account, guest_id: str, action: Action) -> Decision:
        """Own-initiative action on a person in the chat (a removal is of a message)."""
        if action.kind is SanctionKind.REMOVAL:
            raise InvalidInput("action_kind_invalid", field="kind")
        guest = self._live.guest(guest_id)
        person = Person(guest.device, guest.network, guest.profile.nickname)
        case = await self._mod.open_case_for(str(Subject.device(guest.device)))
        return await self.restrict(Actor.of(account), person, action, case=case)


def _check_action(actor: Actor, action: Action) -> None:
    """What a decision may be, whoever states it and through whichever form."""
    if action.kind is SanctionKind.SUSPENSION and actor.account is not None:
        # Art. 23 suspensions are the misuse policy's: a moderator bans instead.
        raise InvalidInput("action_kind_invalid", field="kind")
    if action.kind in ROOM_KINDS and action.room is None:
        raise InvalidInput("action_room_required", field="room")
    if action.duration is not None and (
        action.kind not in TIMED_KINDS or not 0 < action.duration <= DURATION_MAX
    ):
        raise InvalidInput("action_duration_invalid", field="duration")
    if action.network_duration is not None and (
        action.kind is not SanctionKind.SITE_BAN or not 0 < action.network_duration <= DURATION_MAX
    ):
        # Only a site ban reaches the network (and never beyond the ban: see ``restrict``).
        raise InvalidInput("action_network_duration_invalid", field="network_duration")


def _bounded(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a word with an ellipsis if longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip() + "…"


def _notice_source(reports: Sequence[Report]) -> Source:
    """A notice's source, or the platform's own initiative (an automated detection, Art. 15(1)(c))
    when no visitor or trusted flagger reported it."""
    sources = {r.source for r in reports}
    for source in (Source.TRUSTED_FLAGGER, Source.VISITOR, Source.AUTOMATED):
        if source in sources:
            return source
    return Source.MODERATOR
