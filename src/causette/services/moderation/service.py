"""Notice and action: reports become cases, moderators decide, decisions restrict, appeals
reverse, and every step lands in the audit log (SAFETY.md 12 to 24).

One entry point for every notice (visitors, trusted flaggers, moderators, and later the
automatic detection): ``report``. Restrictions bind to device and network through the chat
service's ``SanctionBook``, so every transport inherits them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from causette.domain.accounts import Account, Role
from causette.domain.audit import AuditEntry
from causette.domain.events import ReportDecided, SanctionNotified
from causette.domain.models import Guest, Message
from causette.domain.moderation import (
    AUTHORITY_CATEGORIES,
    Case,
    CaseStatus,
    Category,
    Decision,
    EmergencyLevel,
    Evidence,
    Locator,
    MisusePolicy,
    Outcome,
    Report,
    RoomModeration,
    Sanction,
    SanctionKind,
    Source,
    Person,
    case_priority,
    clean_text,
    misuse_step,
    new_code,
)
from causette.domain.ratelimit import TokenBucket
from causette.errors import InvalidInput, LimitExceeded, NotFound, Refused
from causette.services.chat import ChatService, Link
from causette.services.moderation.appeals import AppealService
from causette.services.moderation.evidence import freeze_evidence, resolve_target
from causette.store.chat import Store
from causette.store.moderation import ModerationStore

log = logging.getLogger(__name__)

REPORT_BURST = 5
REPORT_RATE = 1 / 60  # per second, after the burst
REPORT_BUCKETS_MAX = 10_000

EXPLANATION_MAX = 2000
CONTACT_MAX = 200
FACTS_MAX = 2000

# A room-scoped kind needs a room; the others are site-wide unless a room is given.
ROOM_KINDS = frozenset({SanctionKind.KICK, SanctionKind.ROOM_BAN})
RESTRICTING = frozenset(SanctionKind) - {SanctionKind.WARNING}


@dataclass(frozen=True, slots=True)
class ModerationPolicy:
    evidence_before: int = 20
    evidence_after: int = 20
    evidence_hold: float = 365 * 24 * 3600.0
    misuse: MisusePolicy = field(default_factory=MisusePolicy)


@dataclass(frozen=True, slots=True)
class Action:
    """A moderator's decision on a person."""

    kind: SanctionKind
    facts: str
    ground: str
    duration: float | None = None  # seconds; None for indefinite (or not applicable)
    room: str | None = None
    manifestly_illegal: bool = False  # counts towards Art. 23 misuse


@dataclass(frozen=True, slots=True)
class CaseView:
    case: Case
    reports: list[Report]
    evidence: list[Evidence]
    previous_cases: list[Case]
    decisions: list[Decision]
    audit: list[AuditEntry]
    live_guest: Guest | None


class ModerationService:
    def __init__(
        self,
        chat: ChatService,
        store: Store,
        mod: ModerationStore,
        policy: ModerationPolicy,
        wall: Callable[[], float],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.chat = chat
        self.store = store
        self.mod = mod
        self.policy = policy
        self._wall = wall
        self._listeners: list[Callable[[str, int], None]] = []
        self._clock = clock
        self._report_buckets: dict[str, TokenBucket] = {}
        self.appeals = AppealService(mod, chat.sanctions, wall, self._changed)

    async def start(self) -> None:
        """Load what the chat enforces: active sanctions, room controls, emergency levels."""
        now = self._wall()
        for sanction in await self.mod.active_sanctions(now):
            decision = await self.mod.get_decision(sanction.decision_id)
            if decision is not None:
                self.chat.sanctions.add(sanction, decision.code)
        for control in await self.mod.room_moderation():
            room = self.chat.state.rooms.get(control.room)
            if room is not None:
                room.moderated, room.closed = control.moderated, control.closed
                room.voiced = set(control.voiced)
        levels = await self.mod.emergency_levels()
        self.chat.emergency = {level for level, on in levels.items() if on}

    def subscribe(self, listener: Callable[[str, int], None]) -> None:
        """Be told ``(what, case_id)`` when the queue changes (the console's live updates)."""
        self._listeners.append(listener)

    def _changed(self, what: str, case_id: int) -> None:
        for listener in self._listeners:
            try:
                listener(what, case_id)
            except Exception:
                log.exception("moderation listener failed")

    async def _audit(self, entry: AuditEntry) -> AuditEntry:
        return await self.mod.append(entry)

    # -- notices ---------------------------------------------------------------------------

    async def report(
        self,
        locator: Locator,
        category: str,
        explanation: str,
        contact: str | None,
        good_faith: bool,
        source: Source,
        reporter_device: str | None = None,
        reporter_account: int | None = None,
        automated_rule: str | None = None,
    ) -> tuple[Report, Case]:
        """File a notice (DSA Art. 16): freeze evidence, group it into the subject's case."""
        try:
            cat = Category(category)
        except ValueError:
            raise InvalidInput("report_category_invalid", field="category") from None
        if not good_faith:
            raise InvalidInput("report_good_faith_required", field="good_faith")
        text = clean_text(
            explanation,
            EXPLANATION_MAX,
            "report_explanation_invalid",
            "explanation",
            required=False,
        )
        contact = (
            clean_text(
                contact or "", CONTACT_MAX, "report_contact_invalid", "contact", required=False
            )
            or None
        )
        target = await resolve_target(self.chat.state, self.store, locator)
        now = self._wall()
        trusted = source is Source.TRUSTED_FLAGGER
        case = await self.mod.open_case_for(target.subject)
        if case is None:
            top, priority = case_priority([cat])
            case = await self.mod.add_case(
                Case(0, new_code("C"), target.subject, top, priority, trusted, CaseStatus.OPEN, now)
            )
            opened = True
        else:
            top, priority = case_priority([case.category, cat])
            case = replace(case, category=top, priority=priority, trusted=case.trusted or trusted)
            await self.mod.update_case(case)
            opened = False
        report = await self.mod.add_report(
            Report(
                0,
                case.id,
                new_code("R"),
                cat,
                source,
                locator,
                text,
                contact,
                good_faith,
                reporter_device,
                reporter_account,
                now,
                automated_rule,
            )
        )
        await freeze_evidence(
            self.store,
            self.mod,
            Evidence(0, case.id, report.id, "", {}, now),
            target,
            self.policy.evidence_before,
            self.policy.evidence_after,
        )
        await self._audit(
            AuditEntry(
                0,
                now,
                source.value,
                str(reporter_account) if reporter_account else None,
                "notice_received",
                case_id=case.id,
                category=cat.value,
                source=source.value,
                automated=source is Source.AUTOMATED,
                details={"report": report.id, "case_opened": opened},
            )
        )
        log.info("notice received", extra={"case": case.id, "category": cat.value})
        self._changed("case_opened" if opened else "case_updated", case.id)
        return report, case

    async def report_from(
        self,
        link: Link,
        locator: Locator,
        category: str,
        explanation: str,
        contact: str | None,
        good_faith: bool,
    ) -> tuple[Report, Case]:
        """A visitor's report from the chat."""
        guest = self.chat.guest_of(link)
        if locator.user_id == guest.id:
            raise Refused("report_self")
        # Only accepted reports count: a mistake in the form costs the reporter nothing.
        bucket = self._report_bucket(guest.device)
        if bucket.retry_after() > 0:
            raise LimitExceeded("rate_limited", retry_after=bucket.retry_after())
        filed = await self.report(
            locator,
            category,
            explanation,
            contact,
            good_faith,
            Source.VISITOR,
            reporter_device=guest.device,
        )
        bucket.try_take()
        return filed

    def _report_bucket(self, device: str) -> TokenBucket:
        """A visitor files a few reports in a row, then about one a minute: enough for any
        real need, and a flood of reports cannot bury the queue."""
        buckets = self._report_buckets
        bucket = buckets.get(device)
        if bucket is None:
            if len(buckets) >= REPORT_BUCKETS_MAX:
                # Forget devices whose bucket is full again: they lose nothing.
                for key in [k for k, b in buckets.items() if b.retry_after(REPORT_BURST) == 0]:
                    del buckets[key]
            bucket = buckets[device] = TokenBucket(REPORT_BURST, REPORT_RATE, self._clock)
        return bucket

    async def report_status(self, receipts: Sequence[str]) -> list[dict[str, Any]]:
        """What became of a visitor's reports (the reporter is told the outcome)."""
        out = []
        for receipt in receipts[:50]:
            report = await self.mod.report_by_code(receipt)
            if report is None:
                continue
            case = await self.mod.get_case(report.case_id)
            if case is None:
                continue
            out.append(
                {
                    "receipt": report.code,
                    "category": report.category.value,
                    "status": case.status.value,
                    "outcome": case.outcome.value if case.outcome else None,
                    "closed_at": case.closed_at,
                }
            )
        return out

    # -- the queue -------------------------------------------------------------------------

    async def queue(self, category: Category | None = None) -> list[tuple[Case, int]]:
        cases = await self.mod.open_cases(category)
        return [(c, len(await self.mod.reports_of_case(c.id))) for c in cases]

    async def case_view(self, case_id: int) -> CaseView:
        case = await self.mod.get_case(case_id)
        if case is None:
            raise NotFound("case_not_found")
        previous = [c for c in await self.mod.cases_of_subject(case.subject) if c.id != case.id]
        decisions: list[Decision] = []
        live = None
        if case.subject.startswith("device:"):
            device = case.subject.removeprefix("device:")
            decisions = await self.mod.decisions_of_device(device)
            live = next((g for g in self.chat.state.guests.values() if g.device == device), None)
        return CaseView(
            case,
            await self.mod.reports_of_case(case.id),
            await self.mod.evidence_of_case(case.id),
            previous,
            decisions,
            await self.mod.entries_of_case(case.id),
            live,
        )

    # -- decisions -------------------------------------------------------------------------

    async def _subject_of_case(self, case: Case) -> Person:
        device = case.subject.removeprefix("device:")
        network, nickname = "", ""
        for item in await self.mod.evidence_of_case(case.id):
            if item.kind == "session":
                network = str(item.body.get("network_hash") or "")
                nickname = str(item.body.get("nickname") or "")
        live = next((g for g in self.chat.state.guests.values() if g.device == device), None)
        if live is not None:
            network, nickname = network or live.network, live.profile.nickname
        return Person(device, network, nickname)

    async def decide(
        self, account: Account, case_id: int, action: Action, message_id: int | None = None
    ) -> Decision:
        """Restrict the person a case is about, with a statement of reasons; closes the case.

        ``message_id`` (one of that person's messages, usually the reported one) is removed
        too; a removal needs one.
        """
        case = await self.mod.get_case(case_id)
        if case is None or case.status is not CaseStatus.OPEN:
            raise NotFound("case_not_found")
        if not case.subject.startswith("device:"):
            raise Refused("case_not_about_person")
        message = None
        if message_id is not None:
            message = await self.store.get_message(message_id)
            if message is None or f"device:{message.sender_device}" != case.subject:
                raise NotFound("report_target_not_found", field="message")
        elif action.kind is SanctionKind.REMOVAL:
            raise InvalidInput("action_message_required", field="message")
        reports = await self.mod.reports_of_case(case.id)
        source = _notice_source(reports)
        decision = await self.restrict(
            account,
            await self._subject_of_case(case),
            action,
            case=case,
            source=source,
            automated=any(r.source is Source.AUTOMATED for r in reports),
            notice_at=min((r.created_at for r in reports), default=None),
            message=message,
        )
        await self._close(account, case, Outcome.ACTIONED)
        return decision

    async def restrict(
        self,
        account: Account,
        subject: Person,
        action: Action,
        case: Case | None = None,
        source: Source = Source.MODERATOR,
        automated: bool = False,
        notice_at: float | None = None,
        message: Message | None = None,
    ) -> Decision:
        """Record a decision and its sanction, then apply it to live sessions at once."""
        account.require(Role.MODERATOR, Role.ADMINISTRATOR)
        if action.kind in ROOM_KINDS and action.room is None:
            raise InvalidInput("action_room_required", field="room")
        if action.duration is not None and action.duration <= 0:
            raise InvalidInput("action_duration_invalid", field="duration")
        facts = clean_text(action.facts, FACTS_MAX, "action_facts_required", "facts")
        ground = clean_text(action.ground, FACTS_MAX, "action_ground_required", "ground")
        now = self._wall()
        decision = await self.mod.add_decision(
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
                False,
                account.id,
                subject.nickname,
                now,
            ),
            subject.device,
        )
        sanction: Sanction | None = None
        if action.kind in RESTRICTING and action.kind is not SanctionKind.REMOVAL:
            expires = now + action.duration if action.duration is not None else None
            sanction = await self.mod.add_sanction(
                Sanction(0, action.kind, subject, action.room, now, expires, decision.id)
            )
            if action.kind is not SanctionKind.KICK:
                self.chat.sanctions.add(sanction, decision.code)
        await self._audit(
            AuditEntry(
                0,
                now,
                _actor(account),
                str(account.id) if account.id != SYSTEM_ID else None,
                "restriction_applied",
                case_id=case.id if case else None,
                decision_id=decision.id,
                category=case.category.value if case else None,
                source=source.value,
                automated=automated,
                reason=ground,
                details={
                    "kind": action.kind.value,
                    "room": action.room,
                    "duration": action.duration,
                    "notice_at": notice_at,
                    "message": message.id if message else None,
                },
            )
        )
        await self._apply(subject, decision, message)
        if action.manifestly_illegal:
            await self._misuse(subject, "illegal_post", case.id if case else None)
        log.info("restriction applied", extra={"decision": decision.id, "kind": action.kind.value})
        return decision

    async def _apply(self, subject: Person, decision: Decision, message: Message | None) -> None:
        """Make a decision felt by the live sessions it reaches, with its statement."""
        chat = self.chat
        if message is not None:
            await chat.remove_message(message)
        for guest in chat.guests_of(subject.device):
            chat.notify(guest.id, SanctionNotified(decision))
            if decision.kind in (SanctionKind.SITE_BAN, SanctionKind.SUSPENSION):
                params: dict[str, object] = {"decision": decision.code}
                if decision.duration is not None:
                    params["until"] = decision.created_at + decision.duration
                await chat.end_session(guest.id, "banned", params)
            elif decision.kind in ROOM_KINDS and decision.room is not None:
                await chat.remove_from_room(guest.id, decision.room)

    async def _misuse(self, subject: Person, kind: str, case_id: int | None) -> None:
        """Art. 23: repeated manifestly illegal posts or unfounded reports."""
        policy, now = self.policy.misuse, self._wall()
        await self.mod.add_strike(subject.device, kind, case_id, now)
        strikes = await self.mod.count_strikes(subject.device, kind, now - policy.window)
        step = misuse_step(strikes, policy)
        if step is None:
            return
        ground = (
            "DSA art. 23 : publication répétée de contenus manifestement illicites"
            if kind == "illegal_post"
            else "DSA art. 23 : signalements manifestement infondés répétés"
        )
        system = Account(SYSTEM_ID, "system", "", Role.ADMINISTRATOR, None, 0, None, now)
        decision = await self.restrict(
            system,
            subject,
            Action(
                step,
                f"{strikes} manquements ({kind}) en {policy.window / 86400:.0f} jours.",
                ground,
                policy.suspension if step is SanctionKind.SUSPENSION else None,
            ),
        )
        await self._audit(
            AuditEntry(
                0,
                now,
                "system",
                None,
                "misuse_" + step.value,
                case_id=case_id,
                decision_id=decision.id,
                details={"kind": kind, "strikes": strikes},
            )
        )

    async def reject(self, account: Account, case_id: int, unfounded: bool, reason: str) -> None:
        """Close a case with no restriction; manifestly unfounded notices count as misuse."""
        account.require(Role.MODERATOR, Role.ADMINISTRATOR)
        case = await self.mod.get_case(case_id)
        if case is None or case.status is not CaseStatus.OPEN:
            raise NotFound("case_not_found")
        reason = clean_text(reason, FACTS_MAX, "action_facts_required", "facts")
        await self._close(
            account, case, Outcome.UNFOUNDED if unfounded else Outcome.REJECTED, reason
        )
        if unfounded:
            for report in await self.mod.reports_of_case(case.id):
                if report.reporter_device:
                    await self._misuse(
                        Person(report.reporter_device, "", ""), "unfounded_report", case.id
                    )

    async def _close(
        self, account: Account, case: Case, outcome: Outcome, reason: str | None = None
    ) -> None:
        now = self._wall()
        closed = replace(
            case,
            status=CaseStatus.CLOSED,
            closed_at=now,
            outcome=outcome,
            hold_until=now + self.policy.evidence_hold,
        )
        await self.mod.update_case(closed)
        await self._audit(
            AuditEntry(
                0,
                now,
                account.role.value,
                str(account.id),
                "case_closed",
                case_id=case.id,
                category=case.category.value,
                reason=reason,
                details={"outcome": outcome.value, "opened_at": case.created_at},
            )
        )
        # Reporters who are online hear the outcome now; others ask with their receipt.
        for report in await self.mod.reports_of_case(case.id):
            if report.reporter_device:
                for guest in self.chat.state.guests.values():
                    if guest.device == report.reporter_device:
                        self.chat.notify(guest.id, ReportDecided(report.code, outcome.value))
        self._changed("case_closed", case.id)

    # -- moderators in rooms ---------------------------------------------------------------

    async def act_on_message(self, account: Account, message_id: int, action: Action) -> Decision:
        """Own-initiative action on a message: remove it, and optionally restrict its author."""
        message = await self.store.get_message(message_id)
        if message is None:
            raise NotFound("report_target_not_found")
        guest = self.chat.state.guests.get(message.sender.id)
        subject = Person(
            message.sender_device, guest.network if guest else "", message.sender.nick
        )
        case = await self.mod.open_case_for(f"device:{message.sender_device}")
        return await self.restrict(account, subject, action, case=case, message=message)

    async def act_on_guest(self, account: Account, guest_id: str, action: Action) -> Decision:
        guest = self.chat.state.guest(guest_id)
        subject = Person(guest.device, guest.network, guest.profile.nickname)
        case = await self.mod.open_case_for(f"device:{guest.device}")
        return await self.restrict(account, subject, action, case=case)

    async def set_room(
        self,
        account: Account,
        room_ref: str,
        *,
        moderated: bool | None = None,
        closed: bool | None = None,
        voice: str | None = None,
        unvoice: str | None = None,
    ) -> RoomModeration:
        """Moderate, close or reopen a room; give or take the right to speak in it."""
        account.require(Role.MODERATOR, Role.ADMINISTRATOR)
        room = self.chat.state.find_room(room_ref)
        if moderated is not None:
            room.moderated = moderated
        if voice is not None:
            room.voiced.add(self.chat.state.guest(voice).device)
        if unvoice is not None:
            room.voiced.discard(self.chat.state.guest(unvoice).device)
        if closed:
            await self.chat.close_room(room.id)
        elif closed is False:
            room.closed = False
        control = RoomModeration(room.id, room.moderated, room.closed, frozenset(room.voiced))
        await self.mod.save_room_moderation(control)
        await self._audit(
            AuditEntry(
                0,
                self._wall(),
                account.role.value,
                str(account.id),
                "room_control",
                details={
                    "room": room.id,
                    "moderated": room.moderated,
                    "closed": room.closed,
                    "voiced": len(room.voiced),
                },
            )
        )
        return control

    async def set_emergency(self, account: Account, level: EmergencyLevel, on: bool) -> None:
        account.require(Role.ADMINISTRATOR)
        await self.mod.set_emergency(level, on, self._wall(), account.id)
        if on:
            self.chat.emergency.add(level)
        else:
            self.chat.emergency.discard(level)
        await self._audit(
            AuditEntry(
                0,
                self._wall(),
                account.role.value,
                str(account.id),
                "emergency_level",
                details={"level": level.value, "enabled": on},
            )
        )

    async def record_export(self, account: Account, case_id: int, kind: str) -> None:
        """Art. 18: who exported a case for the authorities, and when."""
        account.require(Role.MODERATOR, Role.ADMINISTRATOR)
        case = await self.mod.get_case(case_id)
        if case is None:
            raise NotFound("case_not_found")
        if kind == "authorities" and case.category not in AUTHORITY_CATEGORIES:
            raise Refused("export_not_allowed")
        await self._audit(
            AuditEntry(
                0,
                self._wall(),
                account.role.value,
                str(account.id),
                "authorities_export" if kind == "authorities" else kind + "_export",
                case_id=case.id,
                category=case.category.value,
            )
        )


SYSTEM_ID = 0  # the misuse policy acts as an administrator with no account


def _actor(account: Account) -> str:
    return "system" if account.id == SYSTEM_ID else account.role.value


def _notice_source(reports: Sequence[Report]) -> Source:
    sources = {r.source for r in reports}
    for source in (Source.TRUSTED_FLAGGER, Source.VISITOR, Source.AUTOMATED):
        if source in sources:
            return source
    return Source.MODERATOR
