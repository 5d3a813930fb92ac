"""Statements of reasons looked up by code, and appeals against them (DSA Arts. 17, 20).

The affected person contests a decision with its code, a reporter contests a rejected report
with its receipt, within six months; a person other than the one who decided answers; a
well-founded appeal reverses the decision and lifts its sanctions at once.

Someone else on a network a site ban binds asks for a *network review* without knowing the
decision (``request_review``): it is an appeal of its own kind, in the same list, and a
well-founded one spares that device from the network binding, the decision standing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from causette.domain.accounts import Account, Actor, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    APPEAL_WINDOW,
    Appeal,
    AppealStatus,
    Appellant,
    Case,
    Decision,
    Outcome,
    Report,
    clean_text,
    new_code,
)
from causette.errors import NotFound, Refused
from causette.services.budgets import Spend
from causette.services.enforcement import Enforcement
from causette.services.moderation.misuse import UNFOUNDED_APPEAL
from causette.store.moderation import ModerationStore

TEXT_MAX = 2000
REVIEW_TEXT_MAX = 500  # a network review's explanation is optional and short
ANSWER_MAX = 4000
# What the person can still do, told in every answer (DSA Art. 21).
OUT_OF_COURT = "organe de règlement extrajudiciaire des litiges certifié (DSA art. 21)"


@dataclass(frozen=True, slots=True)
class PendingAppeal:
    """An appeal awaiting an answer, with what it contests."""

    appeal: Appeal
    decision: Decision | None
    report: Report | None
    case: Case | None


class AppealService:
    def __init__(
        self,
        mod: ModerationStore,
        enforcement: Enforcement,
        wall: Callable[[], float],
        on_change: Callable[[str, int], None],
        strike: Callable[[str, str, int | None], Awaitable[None]] | None = None,
    ) -> None:
        # Art. 23(2): what a manifestly unfounded complaint costs its author (``Decisions``).
        self._strike = strike
        self._mod = mod
        self._enforcement = enforcement
        self._wall = wall
        self._changed = on_change

    async def decision_by_code(self, code: str) -> tuple[Decision, list[Appeal]]:
        decision = await self._mod.decision_by_code(code.strip().upper())
        if decision is None:
            raise NotFound("decision_not_found", field="code")
        return decision, await self._appeals_of(decision)

    async def _appeals_of(self, decision: Decision) -> list[Appeal]:
        """The affected person's appeals of a decision: others' network reviews are theirs."""
        return [
            a
            for a in await self._mod.appeals()
            if a.decision_id == decision.id and a.appellant is not Appellant.NETWORK
        ]

    async def appeal(self, code: str, text: str) -> Appeal:
        """Contest a decision (its code) or a rejected report (its receipt), within six months."""
        text = clean_text(text, TEXT_MAX, "appeal_text_required", "text")
        report_category: str | None = None
        code = code.strip().upper()
        now = self._wall()
        decision = await self._mod.decision_by_code(code)
        report = None if decision else await self._mod.report_by_code(code)
        if decision is not None:
            if not decision.appeal_open(now):
                raise Refused("appeal_closed")
            existing = await self._appeals_of(decision)
            appellant = Appellant.AFFECTED
            case_id = decision.case_id
        elif report is not None:
            case = await self._mod.get_case(report.case_id)
            if case is None or case.outcome not in (Outcome.REJECTED, Outcome.UNFOUNDED):
                raise Refused("appeal_not_rejected")
            assert case.closed_at is not None
            if now - case.closed_at > APPEAL_WINDOW:
                raise Refused("appeal_closed")
            existing = [a for a in await self._mod.appeals() if a.report_id == report.id]
            report_category = report.category.value
            appellant = Appellant.REPORTER
            case_id = case.id
        else:
            raise NotFound("decision_not_found", field="code")
        if any(a.status is AppealStatus.PENDING for a in existing):
            raise Refused("appeal_pending")
        appeal = await self._mod.add_appeal(
            Appeal(
                0,
                new_code("A"),
                decision.id if decision else None,
                report.id if report else None,
                appellant,
                text,
                AppealStatus.PENDING,
                now,
            )
        )
        await self._mod.append(
            AuditEntry(
                0,
                now,
                "visitor",
                None,
                "appeal_filed",
                case_id=case_id,
                decision_id=decision.id if decision else None,
                details={
                    "appeal": appeal.id,
                    "appellant": appellant.value,
                    # What is contested, for the report's complaints by type of decision.
                    "contested": decision.kind.value if decision else "rejection",
                    "category": decision.category.value if decision else report_category,
                },
            )
        )
        self._changed("appeal_filed", appeal.id)
        return appeal

    async def request_review(self, device: str, network: str, text: str) -> Appeal:
        """Ask that this device be spared from the network binding that keeps it out.

        The visitor names nothing: the server finds the binding from the connection, and the
        answer carries no detail of the decision. Budgeted as reports are (per device and
        per network), and one request per device and decision.
        """
        text = clean_text(text, REVIEW_TEXT_MAX, "review_text_too_long", "text", required=False)
        sanction = self._enforcement.network_restriction(device, network)
        if sanction is None:
            raise Refused("review_not_restricted")
        mine = [
            a
            for a in await self._mod.appeals()
            if a.decision_id == sanction.decision_id and a.device == device
        ]
        if any(a.status is AppealStatus.PENDING for a in mine):
            raise Refused("review_pending")
        if mine:
            raise Refused("review_done")
        await self._enforcement.chat.budgets.spend(Spend.REPORT, device, network)
        now = self._wall()
        decision = await self._mod.get_decision(sanction.decision_id)
        appeal = await self._mod.add_appeal(
            Appeal(
                0,
                new_code("A"),
                sanction.decision_id,
                None,
                Appellant.NETWORK,
                text,
                AppealStatus.PENDING,
                now,
                device=device,
            )
        )
        await self._mod.append(
            AuditEntry(
                0,
                now,
                "visitor",
                None,
                "appeal_filed",
                case_id=decision.case_id if decision else None,
                decision_id=sanction.decision_id,
                details={"appeal": appeal.id, "appellant": Appellant.NETWORK.value},
            )
        )
        self._changed("appeal_filed", appeal.id)
        return appeal

    async def pending(self) -> list[PendingAppeal]:
        """Appeals awaiting an answer, oldest first, with their decision or report and case."""
        mod = self._mod
        pending = []
        for appeal in await mod.appeals(AppealStatus.PENDING):
            decision = await mod.get_decision(appeal.decision_id) if appeal.decision_id else None
            report = await mod.get_report(appeal.report_id) if appeal.report_id else None
            case_id = decision.case_id if decision else report.case_id if report else None
            case = await mod.get_case(case_id) if case_id is not None else None
            pending.append(PendingAppeal(appeal, decision, report, case))
        return pending

    async def appeal_status(self, code: str) -> Appeal:
        appeal = await self._mod.appeal_by_code(code.strip().upper())
        if appeal is None:
            raise NotFound("appeal_not_found", field="code")
        return appeal

    async def decide_appeal(
        self,
        account: Account,
        appeal_id: int,
        reverse: bool,
        answer: str,
        unfounded: bool = False,
    ) -> Appeal:
        """A different person decides (Art. 20(6)); a reversal lifts the sanction at once.

        An appeal upheld as ``unfounded`` (manifestly) is a misuse strike for the person who
        filed it (Art. 23(2)); a reversed appeal cannot be unfounded.
        """
        if reverse and unfounded:
            raise Refused("appeal_unfounded_reversed")
        actor = Actor.of(account)
        actor.require(Role.MODERATOR, Role.ADMINISTRATOR)
        appeal = await self._mod.get_appeal(appeal_id)
        if appeal is None or appeal.status is not AppealStatus.PENDING:
            raise NotFound("appeal_not_found")
        answer = clean_text(answer, ANSWER_MAX, "appeal_answer_required", "answer")
        answer = (
            f"{answer}\n\nSi cette réponse ne vous satisfait pas, vous pouvez saisir un "
            f"{OUT_OF_COURT} ou le juge."
        )
        now = self._wall()
        decision = await self._mod.get_decision(appeal.decision_id) if appeal.decision_id else None
        if decision is not None and decision.moderator_account == account.id:
            raise Refused("appeal_same_moderator")
        status = AppealStatus.REVERSED if reverse else AppealStatus.UPHELD
        await self._mod.decide_appeal(appeal.id, status, account.id, answer, now)
        if appeal.appellant is Appellant.NETWORK:
            if reverse and decision is not None and appeal.device:
                await self._spare(decision, appeal.device)
        elif reverse and decision is not None:
            await self._mod.reverse_decision(decision.id, now)
            self._enforcement.revoke_decision(decision.id)
        if reverse and appeal.report_id is not None:
            await self._reopen(appeal.report_id)
        await self._mod.append(
            AuditEntry(
                0,
                now,
                actor.kind.value,
                actor.id,
                "appeal_decided",
                decision_id=decision.id if decision else None,
                case_id=decision.case_id if decision else None,
                details={
                    "appeal": appeal.id,
                    "outcome": status.value,
                    "filed_at": appeal.created_at,
                    "appellant": appeal.appellant.value,
                    "unfounded": unfounded,
                    # What the complaint contested (the report's tables by decision type).
                    "contested": decision.kind.value if decision else "rejection",
                    "category": decision.category.value if decision else None,
                },
            )
        )
        if unfounded:
            await self._strike_appellant(appeal, decision)
        return replace(appeal, status=status, decided_by=account.id, answer=answer, decided_at=now)

    async def _spare(self, decision: Decision, device: str) -> None:
        """Lift the network binding of a decision for one device; the decision stands."""
        for sanction in await self._mod.sanctions_of_decision(decision.id):
            if sanction.binds_a_network:
                spared = await self._mod.exempt_from_network(sanction.id, device)
                if spared is not None and spared.revoked_at is None:
                    self._enforcement.add_sanction(spared, decision.code)

    async def _strike_appellant(self, appeal: Appeal, decision: Decision | None) -> None:
        device = None
        if decision is not None:
            device = await self._mod.subject_of_decision(decision.id)
        elif appeal.report_id is not None:
            report = await self._mod.get_report(appeal.report_id)
            device = report.reporter_device if report else None
        if device and self._strike is not None:
            await self._strike(device, UNFOUNDED_APPEAL, decision.case_id if decision else None)

    async def _reopen(self, report_id: int) -> None:
        """The reporter was right: the case goes back to the queue (or, if the person has an
        open case meanwhile, its reports join that one)."""
        report = await self._mod.get_report(report_id)
        case = await self._mod.reopen_case(report.case_id) if report else None
        if case is not None:
            self._changed("case_opened", case.id)
