"""Notices and cases (DSA Arts. 16 and 18; SAFETY.md 12, 13, 18): reports become cases, one
open case per person or room, in the moderators' queue; reporters follow what became of them.

One entry point for every notice (visitors, trusted flaggers, moderators, and later the
automatic detection): ``Cases.report``. It freezes the evidence, then files the report with
its case in one store transaction, so that notices filed at the same moment about the same
person join one case, and a failure leaves no empty case behind.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from causette.domain.accounts import Account, Actor, Role
from causette.domain.audit import AuditEntry
from causette.domain.models import Guest, Message
from causette.domain.moderation import (
    AUTHORITY_CATEGORIES,
    Case,
    CaseStatus,
    Category,
    Decision,
    Evidence,
    Locator,
    Report,
    Source,
    case_priority,
    clean_text,
    new_code,
)
from causette.errors import InvalidInput, NotFound, Refused
from causette.services.budgets import Spend
from causette.services.chat import Link
from causette.services.enforcement import Enforcement
from causette.services.moderation.evidence import gather_evidence, resolve_target
from causette.services.moderation.feed import Feed
from causette.services.moderation.policy import ModerationPolicy
from causette.store.chat import Store
from causette.store.moderation import ModerationStore
from causette.types import Clock, Subject

log = logging.getLogger(__name__)


EXPLANATION_MAX = 2000
CONTACT_MAX = 200
TARGET_MAX = 100  # a guest id or a room reference
RECEIPTS_MAX = 50  # receipts asked about at once


@dataclass(frozen=True, slots=True)
class CaseView:
    """Everything a moderator reads before deciding a case."""

    case: Case
    reports: list[Report]
    evidence: list[Evidence]
    previous_cases: list[Case]
    decisions: list[Decision]
    audit: list[AuditEntry]
    live_guest: Guest | None
    # Messages of the case the safety gate held, still awaiting a moderator (oldest first).
    held: list[Message] = field(default_factory=list)

    def detections_of(self, message_id: int) -> list[Mapping[str, Any]]:
        """The signals that fired on one message (from the ``detection`` evidence)."""
        found = []
        for item in self.evidence:
            if item.kind != "detection":
                continue
            for report in self.reports:
                if report.id == item.report_id and report.locator.message_id == message_id:
                    found.extend(item.body.get("signals", ()))
        return found

    @property
    def named(self) -> list[Mapping[str, Any]]:
        """The persons automated notices of this case name (adults a minor talked to)."""
        seen: dict[str, Mapping[str, Any]] = {}
        for item in self.evidence:
            if item.kind == "detection":
                for person in item.body.get("named", ()):
                    seen.setdefault(str(person.get("guest_id")), person)
        return list(seen.values())

    @property
    def subject(self) -> Subject:
        return Subject.parse(self.case.subject)

    @property
    def exportable(self) -> bool:
        """Art. 18: only these cases can be packaged for the authorities."""
        return self.case.category in AUTHORITY_CATEGORIES


QUEUE_PAGE = 100  # cases per page of the queue


@dataclass(frozen=True, slots=True)
class QueueRow:
    case: Case
    reports: int
    sole_reporter: str | None  # the one reporter of every report of the case, if one
    reporter_cases: int  # open cases that reporter alone filed (0 without a sole reporter)
    held: int = 0  # messages of the case the safety gate held, awaiting a moderator


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: list[QueueRow]
    total: int  # open cases matching, on every page
    page: int
    pages: int


class Cases:
    def __init__(
        self,
        live: Enforcement,
        store: Store,
        mod: ModerationStore,
        feed: Feed,
        clock: Clock,
        policy: ModerationPolicy,
    ) -> None:
        self._live = live
        self._store = store
        self._mod = mod
        self._feed = feed
        self._clock = clock
        self._policy = policy

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
        reporter_network: str | None = None,
        urgent: bool = False,
        detection: Mapping[str, Any] | None = None,
    ) -> tuple[Report, Case]:
        """File a notice (DSA Art. 16): freeze evidence, group it into the subject's case.

        ``urgent`` puts the case at the top of the queue whatever its category (a minor at
        risk); ``detection`` (automated notices) is kept as evidence: the rules, spans and
        persons named that caused it."""
        try:
            cat = Category(category)
        except ValueError:
            raise InvalidInput("report_category_invalid", field="category") from None
        if not good_faith:
            raise InvalidInput("report_good_faith_required", field="good_faith")
        _check_locator(locator)
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
        target = await resolve_target(self._live, self._store, locator)
        now = self._clock.wall()
        policy = self._policy
        evidence = await gather_evidence(
            self._store, target, policy.evidence_before, policy.evidence_after, now
        )
        if detection is not None:
            evidence.append(Evidence(0, 0, None, "detection", dict(detection), now))
        top, priority = case_priority([cat])
        if urgent:
            priority = 0
        trusted = source is Source.TRUSTED_FLAGGER
        filed = await self._mod.file_notice(
            Case(
                0, new_code("C"), str(target.subject), top, priority, trusted, CaseStatus.OPEN, now
            ),
            Report(
                0,
                0,
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
                reporter_network,
            ),
            evidence,
        )
        case, report = filed.case, filed.report
        await self._mod.append(
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
                details={"report": report.id, "case_opened": filed.opened, "urgent": urgent},
            )
        )
        log.info("notice received", extra={"case": case.id, "category": cat.value})
        self._feed.publish("case_opened" if filed.opened else "case_updated", case.id)
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
        """A visitor's report from the chat, within the report budget of its device and of its
        network (a client without the cookie is a new device at each connection)."""
        chat = self._live.chat
        guest = chat.guest_of(link)
        if locator.user_id == guest.id:
            raise Refused("report_self")
        # Only accepted reports count: a mistake in the form costs the reporter nothing.
        await chat.budgets.check(Spend.REPORT, guest.device, guest.network)
        filed = await self.report(
            locator,
            category,
            explanation,
            contact,
            good_faith,
            Source.VISITOR,
            reporter_device=guest.device,
            reporter_network=guest.network or None,
        )
        await chat.budgets.take(Spend.REPORT, guest.device, guest.network)
        return filed

    async def report_from_account(
        self, account: Account, locator: Locator, category: str, explanation: str, good_faith: bool
    ) -> tuple[Report, Case]:
        """A console account's report: a trusted flagger's goes to the priority queue
        (Art. 22), a moderator's or an administrator's is their own initiative."""
        source = (
            Source.TRUSTED_FLAGGER if account.role is Role.TRUSTED_FLAGGER else Source.MODERATOR
        )
        return await self.report(
            locator, category, explanation, None, good_faith, source, reporter_account=account.id
        )

    async def report_status(self, receipts: Sequence[str]) -> list[dict[str, Any]]:
        """What became of a visitor's reports (the reporter is told the outcome)."""
        out = []
        for receipt in receipts[:RECEIPTS_MAX]:
            report = await self._mod.report_by_code(receipt)
            if report is None:
                continue
            case = await self._mod.get_case(report.case_id)
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

    async def reports_of_account(self, account: Account) -> list[tuple[Report, Case | None]]:
        """A console account's reports, newest first, with their cases."""
        reports = await self._mod.reports_of_account(account.id)
        return [(r, await self._mod.get_case(r.case_id)) for r in reports]

    # -- the queue and a case --------------------------------------------------------------

    async def queue(self, category: Category | None = None) -> list[tuple[Case, int]]:
        """Open cases in queue order (the first page), each with its number of reports."""
        page = await self.queue_page(category)
        return [(row.case, row.reports) for row in page.rows]

    async def queue_page(
        self, category: Category | None = None, page: int = 1, reporter: str | None = None
    ) -> QueuePage:
        """One page of open cases in queue order, each with its number of reports and, when
        one reporter alone filed it, how many open cases that reporter filed (a flood shows
        as such, and ``reporter`` lists them together)."""
        total = await self._mod.count_open_cases(category, reporter)
        pages = max(1, -(-total // QUEUE_PAGE))
        page = min(max(1, page), pages)
        cases = await self._mod.open_cases(
            category, QUEUE_PAGE, (page - 1) * QUEUE_PAGE, reporter=reporter
        )
        per_reporter = await self._mod.open_cases_per_reporter()
        rows = []
        for case in cases:
            reports = await self._mod.reports_of_case(case.id)
            reporters = {r.reporter for r in reports}
            sole = reporters.pop() if len(reporters) == 1 else None
            held = len(await self._held_of(reports))
            rows.append(
                QueueRow(case, len(reports), sole, per_reporter.get(sole, 0) if sole else 0, held)
            )
        return QueuePage(rows, total, page, pages)

    async def case_view(self, case_id: int) -> CaseView:
        case = await self._mod.get_case(case_id)
        if case is None:
            raise NotFound("case_not_found")
        previous = [c for c in await self._mod.cases_of_subject(case.subject) if c.id != case.id]
        decisions: list[Decision] = []
        live = None
        subject = Subject.parse(case.subject)
        if subject.is_device:
            decisions = await self._mod.decisions_of_device(subject.key)
            live = next(iter(self._live.guests_of(subject.key)), None)
        reports = await self._mod.reports_of_case(case.id)
        return CaseView(
            case,
            reports,
            await self._mod.evidence_of_case(case.id),
            previous,
            decisions,
            await self._mod.entries_of_case(case.id),
            live,
            await self._held_of(reports),
        )

    async def _held_of(self, reports: Sequence[Report]) -> list[Message]:
        """The held messages automated reports point at, still awaiting a moderator."""
        held: dict[int, Message] = {}
        for report in reports:
            message_id = report.locator.message_id
            if report.source is not Source.AUTOMATED or message_id is None or message_id in held:
                continue
            message = await self._store.get_message(message_id)
            if message is not None and message.held_at is not None and message.deleted_at is None:
                held[message_id] = message
        return sorted(held.values(), key=lambda m: m.id)

    async def record_export(self, account: Account, case_id: int, kind: str) -> None:
        """Art. 18: who exported a case for the authorities, and when."""
        actor = Actor.of(account)
        actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        case = await self._mod.get_case(case_id)
        if case is None:
            raise NotFound("case_not_found")
        if kind == "authorities" and case.category not in AUTHORITY_CATEGORIES:
            raise Refused("export_not_allowed")
        await self._mod.append(
            AuditEntry(
                0,
                self._clock.wall(),
                actor.kind.value,
                actor.id,
                "authorities_export" if kind == "authorities" else kind + "_export",
                case_id=case.id,
                category=case.category.value,
            )
        )


def _check_locator(locator: Locator) -> None:
    """The ids a report points at are bounded: they come from outside."""
    if locator.message_id is not None and locator.message_id <= 0:
        raise InvalidInput("bad_request", field="target")
    for ref in (locator.user_id, locator.room):
        if ref is not None and not 0 < len(ref) <= TARGET_MAX:
            raise InvalidInput("bad_request", field="target")
