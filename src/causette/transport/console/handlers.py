"""The console's page handlers: each reads a ``Visit`` (already authenticated, CSRF-checked
and role-checked by ``Console._guard``), calls the moderation services, and renders a page or
redirects to one with a confirmation line.

They parse forms and nothing more: what a decision, a report or a room control may be is the
services' to say, and a refusal comes back as a ``CausetteError`` that the guard shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from causette.domain.accounts import Account, ConsoleSession
from causette.domain.dsa import ground_type_of
from causette.domain.moderation import (
    Appellant,
    Category,
    EmergencyLevel,
    Locator,
    SanctionKind,
)
from causette.domain.rules import GROUNDS
from causette.errors import InvalidInput
from causette.services.accounts import AccountService
from causette.services.moderation.cases import QueuePage
from causette.services.moderation.decisions import Action
from causette.services.moderation.service import ModerationService
from causette.transport.console import forms, pages
from causette.transport.console.rendering import Ctx, templates

PATH = "/moderation"


@dataclass(frozen=True, slots=True)
class Visit:
    """One authenticated request: who, their session, the page context and the form."""

    request: Request
    account: Account
    session: ConsoleSession
    token: str
    ctx: Ctx
    form: dict[str, str]

    def param(self, name: str) -> str:
        return str(self.request.path_params[name])

    def query(self, name: str) -> str:
        return self.request.query_params.get(name, "")


def done(path: str, what: str, ref: str = "") -> RedirectResponse:
    """Back to a page after a POST, with the line that confirms what happened."""
    query = {"done": what, **({"ref": ref} if ref else {})}
    return RedirectResponse(f"{path}?{urlencode(query)}", 303)


def action_of(form: dict[str, str], kind: SanctionKind | None = None) -> Action:
    """A decision as the console's forms describe it (``Decisions`` says whether it may be)."""
    try:
        kind = kind or SanctionKind(form.get("kind", ""))
    except ValueError:
        raise InvalidInput("bad_request", field="kind") from None
    key = form.get("ground_choice", "")
    reference = GROUNDS.get(key, "")
    detail = " ".join(form.get("ground_detail", "").split())[:300]
    ground = " — ".join(part for part in (reference, detail) if part)
    duration: float | None = None
    raw = form.get("duration", "").strip()
    if raw:
        if not raw.isdigit():
            raise InvalidInput("action_duration_invalid", field="duration")
        duration = float(raw)
    network: float | None = None
    if form.get("bind_network") == "1":
        raw = form.get("network_duration", "").strip()
        if not raw.isdigit():
            raise InvalidInput("action_network_duration_invalid", field="network_duration")
        network = float(raw)
    return Action(
        kind,
        form.get("facts", ""),
        ground,
        duration,
        form.get("room", "").strip() or None,
        manifestly_illegal=form.get("manifestly_illegal") == "1",
        network_duration=network,
        # The key picked says whether the law or the terms are relied on, and the category.
        category=forms.GROUND_CATEGORY.get(key),
        ground_type=ground_type_of(key, forms.GROUND_CATEGORY[key]) if reference else None,
        reference=reference,
        explanation=detail,
    )


def int_field(form: dict[str, str], name: str) -> int | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise InvalidInput("bad_request", field=name)
    return int(raw)


class Actions:
    """The handlers, bound to the console that renders their pages."""

    def __init__(self, moderation: ModerationService, accounts: AccountService) -> None:
        self.cases = moderation.cases
        self.decisions = moderation.decisions
        self.controls = moderation.controls
        self.held = moderation.held
        self.appeal_service = moderation.appeals
        self.accounts = accounts

    def page(self, v: Visit, key: str, data: dict[str, Any], **kw: str) -> Response:
        """The page titled ``key`` (``title_queue`` is ``queue.html``) around ``data``."""
        return pages.render(
            v.request,
            v.ctx,
            v.ctx.t(key, **kw),
            key.removeprefix("title_"),
            data,
            done=v.query("done"),
            ref=v.query("ref"),
        )

    # -- queue and cases -----------------------------------------------------------------

    async def _queue_page(self, v: Visit) -> tuple[Category | None, QueuePage, str]:
        category = _category(v.query("category"))
        reporter = v.query("reporter")[:200] or None
        page = await self.cases.queue_page(category, _page_number(v.query("page")), reporter)
        return category, page, reporter or ""

    async def queue(self, v: Visit) -> Response:
        category, page, reporter = await self._queue_page(v)
        data = pages.queue(v.ctx, page, category.value if category else "", reporter)
        # Network reviews wait in the appeals list; the queue says how many there are.
        data["reviews"] = sum(
            1
            for p in await self.appeal_service.pending()
            if p.appeal.appellant is Appellant.NETWORK
        )
        return self.page(v, "title_queue", data)

    async def queue_rows(self, v: Visit) -> Response:
        _, page, reporter = await self._queue_page(v)
        return templates.TemplateResponse(
            v.request,
            "queue_rows.html",
            {"ctx": v.ctx, "t": v.ctx.t, **pages.queue(v.ctx, page, "", reporter)},
            headers={"cache-control": "no-store"},
        )

    async def case(self, v: Visit) -> Response:
        view = await self.cases.case_view(int(v.param("case_id")))
        names = await self.accounts.usernames()
        rooms = list(view.live_guest.rooms) if view.live_guest else []
        data = pages.case(v.ctx, view, names, rooms)
        return self.page(v, "title_case", data, code=view.case.code)

    async def decide(self, v: Visit) -> Response:
        decision = await self.decisions.decide(
            v.account,
            int(v.param("case_id")),
            action_of(v.form),
            message_id=int_field(v.form, "message_id"),
        )
        return done(PATH + "/queue", "decided", decision.code)

    async def reject(self, v: Visit) -> Response:
        case_id = int(v.param("case_id"))
        await self.decisions.reject(
            v.account, case_id, v.form.get("unfounded") == "1", v.form.get("reason", "")
        )
        return done(PATH + "/queue", "rejected")

    async def release_held(self, v: Visit) -> Response:
        case_id = int(v.param("case_id"))
        posted = await self.held.release(v.account, case_id, int(v.param("message_id")))
        return done(f"{PATH}/cases/{case_id}", "held_released", str(posted.id))

    async def remove_held(self, v: Visit) -> Response:
        case_id = int(v.param("case_id"))
        await self.held.remove(v.account, case_id, int(v.param("message_id")))
        return done(f"{PATH}/cases/{case_id}", "held_removed")

    # -- appeals -------------------------------------------------------------------------

    async def appeals(self, v: Visit) -> Response:
        pending = await self.appeal_service.pending()
        names = await self.accounts.usernames()
        return self.page(v, "title_appeals", forms.appeals(v.ctx, pending, names))

    async def decide_appeal(self, v: Visit) -> Response:
        outcome = v.form.get("outcome")
        if outcome not in ("reverse", "uphold", "unfounded"):
            raise InvalidInput("bad_request", field="outcome")
        appeal = await self.appeal_service.decide_appeal(
            v.account,
            int(v.param("appeal_id")),
            outcome == "reverse",
            v.form.get("answer", ""),
            unfounded=outcome == "unfounded",
        )
        return done(PATH + "/appeals", "appeal_decided", appeal.code)

    # -- rooms ---------------------------------------------------------------------------

    async def rooms(self, v: Visit) -> Response:
        return self.page(v, "title_rooms", {"rooms": self.controls.rooms()})

    async def room(self, v: Visit) -> Response:
        view = await self.controls.room_view(v.param("room"))
        data = forms.room(v.ctx, view.room, view.members, view.messages)
        return self.page(v, "title_room", data, name=view.room.name)

    async def room_control(self, v: Visit) -> Response:
        def flag(name: str) -> bool | None:
            value = v.form.get(name)
            return None if value not in ("0", "1") else value == "1"

        control = await self.controls.set_room(
            v.account,
            v.param("room"),
            moderated=flag("moderated"),
            closed=flag("closed"),
            voice=v.form.get("voice") or None,
            unvoice=v.form.get("unvoice") or None,
        )
        if not self.controls.has_room(control.room):
            return done(PATH + "/rooms", "room_updated")  # a closed visitor's room is gone
        return done(f"{PATH}/rooms/{quote(control.room, safe='')}", "room_updated")

    async def remove_message(self, v: Visit) -> Response:
        message_id = int(v.param("message_id"))
        message = await self.decisions.message(message_id)
        decision = await self.decisions.act_on_message(
            v.account, message_id, action_of(v.form, SanctionKind.REMOVAL)
        )
        back = f"{PATH}/rooms/{quote(message.room, safe='')}" if message.room else PATH + "/rooms"
        return done(back, "message_removed", decision.code)

    async def act_on_guest(self, v: Visit) -> Response:
        decision = await self.decisions.act_on_guest(
            v.account, v.param("guest_id"), action_of(v.form)
        )
        room = v.form.get("room", "").strip()
        back = f"{PATH}/rooms/{quote(room, safe='')}" if room else PATH + "/rooms"
        return done(back, "guest_actioned", decision.code)

    # -- emergency levels ----------------------------------------------------------------

    async def emergency(self, v: Visit) -> Response:
        levels = await self.controls.emergency_levels()
        return self.page(v, "title_emergency", forms.emergency(levels))

    async def set_emergency(self, v: Visit) -> Response:
        try:
            level = EmergencyLevel(v.form.get("level", ""))
        except ValueError:
            raise InvalidInput("bad_request", field="level") from None
        if v.form.get("on") not in ("0", "1"):
            raise InvalidInput("bad_request", field="on")
        await self.controls.set_emergency(v.account, level, v.form["on"] == "1")
        return done(PATH + "/emergency", "emergency_updated")

    # -- reports by trusted flaggers (and moderators) ------------------------------------

    async def report_form(self, v: Visit) -> Response:
        return self.page(v, "title_report", forms.report_form(v.ctx))

    async def report(self, v: Visit) -> Response:
        f = v.form
        locator = Locator(
            int_field(f, "message_id"),
            f.get("user_id", "").strip() or None,
            f.get("room", "").strip() or None,
        )
        report, _ = await self.cases.report_from_account(
            v.account,
            locator,
            f.get("category", ""),
            f.get("explanation", ""),
            f.get("good_faith") == "1",
        )
        return done(PATH + "/reports", "reported", report.code)

    async def my_reports(self, v: Visit) -> Response:
        own = await self.cases.reports_of_account(v.account)
        return self.page(v, "title_my_reports", forms.my_reports(v.ctx, own))


def _category(raw: str) -> Category | None:
    try:
        return Category(raw) if raw else None
    except ValueError:
        return None


def _page_number(raw: str) -> int:
    """A page number from the query string: anything else is the first page."""
    return int(raw) if raw.isdigit() and len(raw) < 7 else 1
