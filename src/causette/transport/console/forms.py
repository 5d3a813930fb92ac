"""The console's pages and parts that act: decision forms, appeals, rooms, emergency levels,
trusted flaggers' reports; each function returns what its template shows.

Every form posts with the session's CSRF token. A decision form is short: the facts, a ground
chosen from the terms of service and the laws (prefilled from the case's category, with room
for precision), a duration where one applies, and the Art. 23 "manifestly illegal" box. Which
of those a measure needs is decided here (``decision_form``), not in the templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from causette.domain.models import Guest, Message, Room
from causette.domain.moderation import (
    AUTHORITY_CATEGORIES,
    Appeal,
    Case,
    CaseStatus,
    Category,
    Decision,
    EmergencyLevel,
    Report,
    SanctionKind,
)
from causette.domain.rules import GROUNDS
from causette.services.moderation.appeals import PendingAppeal
from causette.services.moderation.decisions import ROOM_KINDS
from causette.transport.console.rendering import Ctx
from causette.types import Subject

# What each ground is about, for the statement's category (domain/dsa.py maps it to the EU's).
GROUND_CATEGORY: dict[str, Category] = {
    "tos_respect": Category.HARASSMENT,
    "tos_minors": Category.CHILD_ABUSE,
    "tos_sexual": Category.TERMS,
    "tos_personal": Category.DOXXING,
    "tos_spam": Category.SPAM,
    "tos_nickname": Category.TERMS,
    "law_minor_solicit": Category.CHILD_ABUSE,
    "law_csam": Category.CHILD_ABUSE,
    "law_corruption": Category.CHILD_ABUSE,
    "law_threat": Category.THREAT,
    "law_harassment": Category.HARASSMENT,
    "law_pimping": Category.TRAFFICKING,
    "law_hate": Category.HATE,
    "law_doxxing": Category.DOXXING,
    "law_scam": Category.SPAM,
}

DEFAULT_GROUND: dict[Category, str] = {
    Category.CHILD_ABUSE: "law_minor_solicit",
    Category.THREAT: "law_threat",
    Category.TRAFFICKING: "law_pimping",
    Category.HARASSMENT: "law_harassment",
    Category.HATE: "law_hate",
    Category.DOXXING: "law_doxxing",
    Category.SPAM: "tos_spam",
    Category.ILLEGAL: "tos_respect",
    Category.TERMS: "tos_respect",
}

DURATIONS: list[tuple[str, str]] = [
    ("3600", "1 h"),
    ("86400", "24 h"),
    ("604800", "7 d"),
    ("2592000", "30 d"),
    ("", "indefinite"),
]
DEFAULT_DURATION = {
    SanctionKind.MUTE: "86400",
    SanctionKind.ROOM_BAN: "604800",
    SanctionKind.SITE_BAN: "",
}
TIMED = frozenset(DEFAULT_DURATION)
# A site ban may bind the network too, for a shorter time (on by default, a day).
NETWORK_DURATIONS = ("3600", "86400", "604800")
DEFAULT_NETWORK_DURATION = "86400"
# The decision forms of a case, in the order shown (their ids are what shortcuts focus).
CASE_KINDS = [
    SanctionKind.WARNING,
    SanctionKind.REMOVAL,
    SanctionKind.MUTE,
    SanctionKind.KICK,
    SanctionKind.ROOM_BAN,
    SanctionKind.SITE_BAN,
]


def duration_options(ctx: Ctx) -> list[tuple[str, str]]:
    return [(v, ctx.duration(float(v) if v else None)) for v, _ in DURATIONS]


@dataclass(frozen=True, slots=True)
class ActionForm:
    """Where a decision form posts and what it knows of the context."""

    action: str  # URL
    ground: str  # key of GROUNDS preselected
    room: str | None = None  # the room a kick or room ban applies to
    rooms: Sequence[str] = ()
    message_id: int | None = None  # the reported message, if any


@dataclass(frozen=True, slots=True)
class DecisionForm:
    """One decision form as ``macros.html`` draws it."""

    action: str
    kind: str
    rows: int  # of the facts box
    grounds: list[tuple[str, str]]
    ground: str
    durations: list[tuple[str, str]]  # empty: the measure has no duration
    duration: str
    rooms: list[tuple[str, str]] | None  # None: no room; empty: the room is typed in
    room: str
    message: str  # "hidden" (a removal's message), "checkbox" (also remove it) or ""
    message_id: int | None
    manifestly_illegal: bool  # the Art. 23 box; a warning has none
    # A site ban's network binding: its durations (empty: the measure binds the device
    # alone) and the one preselected.
    network_durations: list[tuple[str, str]]
    network_duration: str


def decision_form(
    ctx: Ctx, form: ActionForm, kind: SanctionKind, compact: bool = False
) -> DecisionForm:
    """One decision form; ``compact`` for the rows of the rooms page."""
    rooms = None
    if kind in ROOM_KINDS:
        named = dict.fromkeys([*([form.room] if form.room else []), *form.rooms])
        rooms = [(r, r) for r in named]
    message = ""
    if form.message_id is not None:
        if kind is SanctionKind.REMOVAL:
            message = "hidden"
        elif not compact:
            message = "checkbox"
    return DecisionForm(
        action=form.action,
        kind=kind.value,
        rows=1 if compact else 3,
        grounds=list(GROUNDS.items()),
        ground=form.ground,
        durations=duration_options(ctx) if kind in TIMED else [],
        duration=DEFAULT_DURATION.get(kind, ""),
        rooms=rooms,
        room=form.room or "",
        message=message,
        message_id=form.message_id,
        manifestly_illegal=kind is not SanctionKind.WARNING,
        network_durations=(
            [(v, ctx.duration(float(v))) for v in NETWORK_DURATIONS]
            if kind is SanctionKind.SITE_BAN
            else []
        ),
        network_duration=DEFAULT_NETWORK_DURATION,
    )


@dataclass(frozen=True, slots=True)
class CaseActions:
    """What a case page offers: decision panels (kind, title, form) if the case is open, and
    the Art. 18 export where the category allows it."""

    open: bool
    panels: list[tuple[str, str, DecisionForm]]
    exportable: bool


def case_actions(
    ctx: Ctx, case: Case, reports: Sequence[Report], rooms: Sequence[str]
) -> CaseActions:
    """The decision and rejection forms of an open case, and the Art. 18 export."""
    # Art. 18: only for child abuse, threats to life or safety and trafficking.
    exportable = case.category in AUTHORITY_CATEGORIES
    if case.status is not CaseStatus.OPEN:
        return CaseActions(False, [], exportable)
    reported = next((r for r in reversed(reports) if r.locator.message_id is not None), None)
    room = next((r.locator.room for r in reversed(reports) if r.locator.room), None)
    form = ActionForm(
        f"/moderation/cases/{case.id}/decide",
        DEFAULT_GROUND[case.category],
        room=room,
        rooms=rooms,
        message_id=reported.locator.message_id if reported else None,
    )
    panels = []
    if Subject.parse(case.subject).is_device:
        for kind in CASE_KINDS:
            if kind is SanctionKind.REMOVAL and form.message_id is None:
                continue
            panels.append((kind.value, ctx.kind(kind.value), decision_form(ctx, form, kind)))
    return CaseActions(True, panels, exportable)


# -- appeals -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AppealItem:
    """A pending appeal as its page shows it."""

    appeal: Appeal
    decision: Decision | None
    report_text: str  # what a reporter's appeal is about; empty for an affected person's
    case: Case | None
    answerable: bool  # not by the moderator who took the decision (DSA Art. 20(6))


def appeals(ctx: Ctx, pending: Sequence[PendingAppeal], names: Mapping[int, str]) -> dict[str, Any]:
    """The pending appeals, each with what it contests and the form to answer it."""
    account_id = ctx.account.id if ctx.account else None
    items = []
    for p in pending:
        report_text = ""
        if p.decision is None and p.report is not None:
            report_text = ctx.t(
                "appeal_of_report",
                receipt=p.report.code,
                category=ctx.category(p.report.category.value),
            )
        same = p.decision is not None and p.decision.moderator_account == account_id
        items.append(AppealItem(p.appeal, p.decision, report_text, p.case, not same))
    return {"items": items, "names": names}


# -- rooms ---------------------------------------------------------------------------------

# The measures the rooms page offers on each member, in this order.
MEMBER_KINDS = (SanctionKind.MUTE, SanctionKind.KICK, SanctionKind.ROOM_BAN, SanctionKind.SITE_BAN)


@dataclass(frozen=True, slots=True)
class Voice:
    field: str  # "voice" or "unvoice"
    label: str


def room(
    ctx: Ctx, room: Room, members: Sequence[Guest], messages: Sequence[Message]
) -> dict[str, Any]:
    """A live room: its members with their measures, its messages with a removal form."""
    rows = []
    for g in members:
        act = ActionForm(f"/moderation/guests/{g.id}/act", "tos_respect", room=room.id)
        measures = [
            (ctx.t("do_" + kind.value), decision_form(ctx, act, kind, compact=True))
            for kind in MEMBER_KINDS
        ]
        rows.append((g, voice(ctx, room, g), measures))
    lines = []
    for m in messages:
        removal = None
        if m.deleted_at is None:
            where = ActionForm(f"/moderation/messages/{m.id}/remove", "tos_respect")
            removal = decision_form(ctx, where, SanctionKind.REMOVAL, compact=True)
        lines.append((m, removal))
    return {"room": room, "members": rows, "messages": lines}


def voice(ctx: Ctx, room: Room, guest: Guest) -> Voice | None:
    """In a moderated room, give or take the right to speak (it binds to the device)."""
    if not room.moderated:
        return None
    if guest.device in room.voiced:
        return Voice("unvoice", ctx.t("unvoice"))
    return Voice("voice", ctx.t("voice"))


# -- emergency levels ----------------------------------------------------------------------


def emergency(levels: Mapping[EmergencyLevel, bool]) -> dict[str, Any]:
    return {"levels": [(level.value, bool(levels.get(level))) for level in EmergencyLevel]}


# -- trusted flaggers ----------------------------------------------------------------------


def report_form(ctx: Ctx) -> dict[str, Any]:
    categories = [(c.value, ctx.category(c.value)) for c in Category]
    return {"categories": categories, "default_category": Category.HARASSMENT.value}


def my_reports(ctx: Ctx, reports: Sequence[tuple[Report, Case | None]]) -> dict[str, Any]:
    """The account's reports with where each stands (open, or its case's outcome)."""
    rows = []
    for r, c in reports:
        if c is None or c.status is CaseStatus.OPEN:
            status = ctx.t("status_open")
        else:
            status = ctx.t("outcome_" + (c.outcome or "rejected"))
        rows.append((r, status))
    return {"reports": rows}
