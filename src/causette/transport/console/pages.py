"""The console's pages that show things: the frame, login, errors, the queue and a case.

Each function turns what the services returned into the values its template
(``web/console/templates``) shows; the templates escape every one of them. The pages that
act (decisions, appeals, rooms, emergency, reports) are in ``forms``. Nothing here shows an
IP address: the services never hand one over, and a device or network appears only as a
shortened keyed hash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response

from causette.domain.accounts import Account, Role
from causette.domain.models import Message
from causette.domain.moderation import CaseStatus, Category, Evidence, Report
from causette.services.moderation.cases import CaseView, QueuePage
from causette.transport.console import forms
from causette.transport.console.rendering import Ctx, templates
from causette.transport.console.sentences import sentence

STAFF = frozenset({Role.MODERATOR, Role.ADMINISTRATOR})

# The confirmations a redirect may ask for (``?done=``): keys only, never text from the URL.
KNOWN_DONE = frozenset(
    {
        "decided",
        "rejected",
        "held_released",
        "held_removed",
        "appeal_decided",
        "room_updated",
        "message_removed",
        "guest_actioned",
        "emergency_updated",
        "reported",
        "logged_out",
    }
)
REF_MAX = 40  # characters of a confirmation's reference shown


# -- the frame -----------------------------------------------------------------------------


def nav_links(account: Account | None) -> list[tuple[str, str]]:
    """The pages the account's role may use: (path, key of its name)."""
    if account is None:
        return []
    links: list[tuple[str, str]] = []
    if account.role in STAFF:
        links += [
            ("/moderation/queue", "nav_queue"),
            ("/moderation/appeals", "nav_appeals"),
            ("/moderation/rooms", "nav_rooms"),
        ]
    if account.role is Role.ADMINISTRATOR:
        links.append(("/moderation/emergency", "nav_emergency"))
    return [*links, ("/moderation/report", "nav_report"), ("/moderation/reports", "nav_my_reports")]


def frame(ctx: Ctx, done: str | None, ref: str | None) -> dict[str, Any]:
    """What the layout needs: navigation and the line confirming what a POST just did."""
    known = bool(done) and done in KNOWN_DONE
    return {
        "nav_links": nav_links(ctx.account),
        "flash_key": f"done_{done}" if known else None,
        "flash_ref": (ref or "")[:REF_MAX],
    }


def render(
    request: Request,
    ctx: Ctx,
    title: str,
    page_id: str,
    data: dict[str, Any],
    status: int = 200,
    *,
    done: str | None = None,
    ref: str | None = None,
) -> Response:
    """A whole page: ``{page_id}.html`` in the layout, never cached."""
    context = {"ctx": ctx, "t": ctx.t, "title": title, "page_id": page_id}
    context |= frame(ctx, done, ref) | data
    return templates.TemplateResponse(
        request, f"{page_id}.html", context, status, headers={"cache-control": "no-store"}
    )


# -- the queue -----------------------------------------------------------------------------


def queue(ctx: Ctx, page: QueuePage, category: str, reporter: str) -> dict[str, Any]:
    """The queue page: the category filter, one page of cases with their report counts and
    their sole reporter's other cases, and the links to the other pages."""
    categories = [("", ctx.t("all_categories"))]
    categories += [(c.value, ctx.category(c.value)) for c in Category]

    def link(number: int) -> str:
        query = {"category": category, "reporter": reporter, "page": str(number)}
        return "/moderation/queue?" + urlencode({k: v for k, v in query.items() if v})

    return {
        "rows": page.rows,
        "category": category,
        "categories": categories,
        "reporter": reporter,
        "page": page,
        "previous": link(page.page - 1) if page.page > 1 else None,
        "next": link(page.page + 1) if page.page < page.pages else None,
        "reporter_link": lambda key: "/moderation/queue?" + urlencode({"reporter": key}),
    }


# -- a case --------------------------------------------------------------------------------


def case(
    ctx: Ctx, view: CaseView, names: Mapping[int, str], rooms: Sequence[str]
) -> dict[str, Any]:
    """A case page: facts, reports, evidence, session, decision forms, history, audit."""
    c = view.case
    if c.status is CaseStatus.OPEN:
        status = ctx.t("status_open")
    else:
        status = ctx.t("status_closed", outcome=ctx.t("outcome_" + (c.outcome or "rejected")))
    receipts = {r.id: r.code for r in view.reports}
    if view.subject.is_device:
        subject = ctx.t("subject_person")
    else:
        subject = ctx.t("subject_room", room=view.subject.key)
    return {
        "case": c,
        "view": view,
        "names": names,
        "status": status,
        "subject": subject,
        "conversations": conversations(view.evidence, view.reports),
        "held": [held_line(view, m) for m in view.held],
        "named": view.named,
        "session": session(ctx, view),
        "actions": forms.case_actions(ctx, c, view.reports, rooms),
        "audit": [(e.ts, sentence(ctx, e, names, receipts)) for e in view.audit],
    }


def held_line(view: CaseView, message: Message) -> dict[str, Any]:
    """A held message with the rules that held it and the passages that fired them."""
    signals = view.detections_of(message.id)
    spans = []
    for signal in signals:
        span = signal.get("span")
        if isinstance(span, list | tuple) and len(span) == 2:
            start, end = (int(x) for x in span)
            if 0 <= start < end <= len(message.text):
                spans.append((start, end))
    rules = sorted({str(s.get("rule")) for s in signals if s.get("rule")})
    return {
        "id": message.id,
        "ts": message.ts,
        "nick": message.sender.nick,
        "to": message.recipient.nick if message.recipient else None,
        "room": message.room,
        "parts": highlighted(message.text, spans),
        "rules": ", ".join(rules) or "—",
    }


def highlighted(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, fired) parts; overlapping spans merge."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        if start > at:
            parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    if at < len(text):
        parts.append((text[at:], False))
    return parts


def conversations(evidence: Sequence[Evidence], reports: Sequence[Report]) -> list[dict[str, Any]]:
    """The frozen conversations, each shown once: the windows frozen for several reports of
    the same exchange (one message reported five times, or neighbours) overlap, so they are
    merged, with every reported message marked and the receipts of the reports pointing in."""
    receipts = {r.id: r.code for r in reports}
    groups: list[_Window] = []
    for item in evidence:
        if item.kind != "conversation":
            continue
        body = item.body
        room = (body.get("room_name") or body["room"]) if body.get("room") else None
        window = _Window(item.created_at, room)
        window.add(item, receipts)
        overlapping = [g for g in groups if g.room == room and g.overlaps(window)]
        for g in overlapping:
            groups.remove(g)
            window.merge(g)
        groups.append(window)
    groups.sort(key=lambda g: g.frozen_at)
    return [g.shown() for g in groups]


class _Window:
    """Messages frozen for one or more reports of one exchange, by message id."""

    def __init__(self, frozen_at: float, room: str | None) -> None:
        self.frozen_at = frozen_at
        self.room = room
        self.messages: dict[object, Mapping[str, Any]] = {}
        self.reported: set[object] = set()
        self.receipts: list[str] = []

    def add(self, item: Evidence, receipts: Mapping[int, str]) -> None:
        for m in item.body.get("messages") or []:
            self.messages.setdefault(m.get("id"), m)
        if item.body.get("reported_message") is not None:
            self.reported.add(item.body["reported_message"])
        if item.report_id is not None and item.report_id in receipts:
            self.receipts.append(receipts[item.report_id])

    def overlaps(self, other: _Window) -> bool:
        # Two empty windows of one room are the same (nothing was said there yet).
        if not self.messages and not other.messages:
            return True
        return not self.messages.keys().isdisjoint(other.messages.keys())

    def merge(self, other: _Window) -> None:
        self.frozen_at = min(self.frozen_at, other.frozen_at)
        for key, m in other.messages.items():
            self.messages.setdefault(key, m)
        self.reported |= other.reported
        self.receipts = list(dict.fromkeys([*other.receipts, *self.receipts]))

    def shown(self) -> dict[str, Any]:
        ordered = sorted(self.messages.values(), key=lambda m: _order(m.get("id")))
        return {
            "frozen_at": self.frozen_at,
            "room": self.room,
            "messages": [message_line(m, m.get("id") in self.reported) for m in ordered],
            "receipts": sorted(set(self.receipts), key=self.receipts.index),
        }


def _order(value: object) -> int:
    return value if isinstance(value, int) else 0


def message_line(m: Mapping[str, Any], reported: bool) -> dict[str, Any]:
    sender = m.get("from") or {}
    to = m.get("to")
    ts = m.get("ts")
    return {
        "id": m.get("id", ""),
        "ts": ts if isinstance(ts, int | float) else None,
        "nick": sender.get("nick", "?"),
        "age": sender.get("age", "?"),
        "departement": sender.get("departement", "?"),
        "to": to.get("nick", "?") if to else None,
        "text": ("* " if m.get("action") else "") + str(m.get("text", "")),
        "reported": reported,
    }


def session(ctx: Ctx, view: CaseView) -> dict[str, Any] | None:
    """The last frozen session data of the case, and whether the person is online now."""
    sessions = [e.body for e in view.evidence if e.kind == "session"]
    if not sessions:
        return None
    s = sessions[-1]
    live = view.live_guest
    return {
        "nickname": s.get("nickname") or "—",
        "declared_age": s.get("declared_age", "—"),
        "gender": ctx.t("gender_" + str(s["gender"])) if s.get("gender") else "—",
        "departement": s.get("departement", "—"),
        "device": s.get("device_hash"),
        "network": s.get("network_hash"),
        "online": ctx.t("online_as", nick=live.profile.nickname, rooms=", ".join(live.rooms) or "—")
        if live is not None
        else ctx.t("no"),
    }
