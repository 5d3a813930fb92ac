"""The moderation console at ``/moderation``: server-rendered pages over the moderation
services, for moderators, administrators and trusted flaggers (SAFETY.md 12 to 24).

Every request but the login goes through ``_guard``: it checks, in this order and before the
handler runs, that a POST comes from this origin, that the session cookie names a live session
(an idle one is refused), that a POST carries the session's CSRF token, and that the account's
role may use the page. A refused request has no effect. Pages are French unless ``?lang=en``
(remembered in a cookie). The queue page follows changes live through Server-Sent Events at
``/moderation/events``; its script (``web/console/static/console.js``) refetches the queue's rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping
from typing import Any
from urllib.parse import parse_qs, urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount, Route

from causette.domain.accounts import Account, Role
from causette.errors import CausetteError, InvalidInput, LimitExceeded, NotFound, Refused
from causette.protocol.request import INT_MAX
from causette.reports.authorities import export_case
from causette.services.accounts import AccountService
from causette.services.moderation.service import ModerationService
from causette.store.connections import ConnectionLog
from causette.transport.console import handlers as actions
from causette.transport.console import pages
from causette.transport.console.handlers import Visit
from causette.transport.console.i18n import LANGS, error, t
from causette.transport.console.pages import STAFF
from causette.transport.console.rendering import Ctx, console_assets

log = logging.getLogger(__name__)

COOKIE = "causette_console"
LOGIN_COOKIE = "causette_console_login"
LANG_COOKIE = "causette_console_lang"
PATH = "/moderation"
FORM_MAX = 64 * 1024
HEARTBEAT = 15.0  # seconds between keep-alives of a live stream, and session checks
ANYONE = frozenset(Role)
ADMIN = frozenset({Role.ADMINISTRATOR})
# Where a login may send the browser next: console pages only (no open redirect).
# A refused login's status: locked (423), throttled or too busy to hash now (429), else 401.
LOGIN_STATUS = {"account_locked": 423, "login_throttled": 429, "login_busy": 429}
NEXT = re.compile(r"/moderation(/[A-Za-z0-9_/-]*)?(\?[A-Za-z0-9_=&%.-]*)?")


Handler = Callable[[Visit], Awaitable[Response]]


class Console:
    """Builds the console's routes around the moderation and account services."""

    def __init__(
        self,
        moderation: ModerationService,
        accounts: AccountService,
        connections: ConnectionLog | None,
        wall: Callable[[], float],
    ) -> None:
        self.moderation = moderation
        self.accounts = accounts
        self.connections = connections
        self._wall = wall
        self._streams: set[asyncio.Queue[str | None]] = set()
        moderation.subscribe(self._changed)

    # -- routes --------------------------------------------------------------------------

    def routes(self) -> list[BaseRoute]:
        g = self._guard
        a = actions.Actions(self.moderation, self.accounts)

        def post(path: str, handler: Handler, roles: Collection[Role]) -> Route:
            return Route(path, g(handler, roles, post=True), methods=["POST"])

        return [
            Route(PATH, self.home),
            Route(PATH + "/login", self.login_form, methods=["GET"]),
            Route(PATH + "/login", self.login, methods=["POST"]),
            post(PATH + "/logout", self.logout, ANYONE),
            Route(PATH + "/queue", g(a.queue, STAFF)),
            Route(PATH + "/queue/rows", g(a.queue_rows, STAFF, touch=False)),
            Route(PATH + "/events", g(self.events, STAFF, touch=False)),
            Route(PATH + "/cases/{case_id:int}", g(a.case, STAFF)),
            post(PATH + "/cases/{case_id:int}/decide", a.decide, STAFF),
            post(PATH + "/cases/{case_id:int}/reject", a.reject, STAFF),
            post(PATH + "/cases/{case_id:int}/export", self.export, STAFF),
            post(
                PATH + "/cases/{case_id:int}/held/{message_id:int}/release", a.release_held, STAFF
            ),
            post(PATH + "/cases/{case_id:int}/held/{message_id:int}/remove", a.remove_held, STAFF),
            Route(PATH + "/appeals", g(a.appeals, STAFF)),
            post(PATH + "/appeals/{appeal_id:int}", a.decide_appeal, STAFF),
            Route(PATH + "/rooms", g(a.rooms, STAFF)),
            Route(PATH + "/rooms/{room}", g(a.room, STAFF)),
            post(PATH + "/rooms/{room}/control", a.room_control, STAFF),
            post(PATH + "/messages/{message_id:int}/remove", a.remove_message, STAFF),
            post(PATH + "/guests/{guest_id}/act", a.act_on_guest, STAFF),
            Route(PATH + "/emergency", g(a.emergency, ADMIN)),
            post(PATH + "/emergency", a.set_emergency, ADMIN),
            Route(PATH + "/report", g(a.report_form, ANYONE)),
            post(PATH + "/report", a.report, ANYONE),
            Route(PATH + "/reports", g(a.my_reports, ANYONE)),
            Mount(PATH + "/static", app=console_assets(), name="console-static"),
        ]

    # -- the guard -----------------------------------------------------------------------

    def _guard(
        self, handler: Handler, roles: Collection[Role], *, post: bool = False, touch: bool = True
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            lang = self.lang_of(request)
            bare = Ctx(lang, now=self._wall())
            if post and not browser_says_same_origin(request):
                return self.refusal(request, bare, 403, "cross_origin")
            token = request.cookies.get(COOKIE, "")
            try:
                account, session = await self.accounts.session(token, touch=touch)
            except Refused as refusal:
                if post or not touch:
                    return self.refusal(request, bare, 401, refusal.code, back=PATH + "/login")
                return self.to_login(request, refusal.code)
            ctx = Ctx(lang, account, session.csrf_token, self._wall())
            form: dict[str, str] = {}
            if post:
                try:
                    form = await read_form(request)
                except InvalidInput as bad:
                    return self.refusal(request, ctx, 400, bad.code)
                if not hmac.compare_digest(
                    form.get("csrf", "").encode(), session.csrf_token.encode()
                ):
                    log.warning("console CSRF refused", extra={"account": account.id})
                    return self.refusal(request, ctx, 403, "csrf_failed")
            if account.role not in roles:
                return self.refusal(request, ctx, 403, "forbidden")
            if not ids_fit(request.path_params):
                # No stored id is that large; the store would raise on it (HTTP 500).
                return self.refusal(request, ctx, 404, "not_found")
            try:
                response = await handler(Visit(request, account, session, token, ctx, form))
            except CausetteError as refusal:
                response = self.refusal(
                    request, ctx, status_of(refusal), refusal.code, refusal.params
                )
            return self.remember_lang(request, response)

        return endpoint

    def lang_of(self, request: Request) -> str:
        asked = request.query_params.get("lang")
        if asked in LANGS:
            return asked
        kept = request.cookies.get(LANG_COOKIE)
        return kept if kept in LANGS else "fr"

    def remember_lang(self, request: Request, response: Response) -> Response:
        asked = request.query_params.get("lang")
        if asked in LANGS:
            response.set_cookie(
                LANG_COOKIE,
                asked,
                max_age=365 * 24 * 3600,
                path=PATH,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
            )
        return response

    def page(
        self,
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
        return pages.render(request, ctx, title, page_id, data, status, done=done, ref=ref)

    def refusal(
        self,
        request: Request,
        ctx: Ctx,
        status: int,
        code: str,
        params: dict[str, object] | None = None,
        back: str | None = None,
    ) -> Response:
        message = error(code, ctx.lang, params)
        back = back or (PATH if ctx.account else PATH + "/login")
        data = {"message": message, "back": back}
        return self.page(request, ctx, t("title_error", ctx.lang), "error", data, status)

    def to_login(self, request: Request, why: str | None = None) -> Response:
        query = {"next": request.url.path}
        if why == "session_expired":
            query["expired"] = "1"
        return RedirectResponse(PATH + "/login?" + urlencode(query), 303)

    # -- logging in and out --------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        try:
            account, _ = await self.accounts.session(request.cookies.get(COOKIE, ""))
        except Refused:
            return RedirectResponse(PATH + "/login", 303)
        return RedirectResponse(home_of(account), 303)

    async def login_form(self, request: Request) -> Response:
        lang = self.lang_of(request)
        with contextlib.suppress(Refused):
            account, _ = await self.accounts.session(request.cookies.get(COOKIE, ""))
            return RedirectResponse(home_of(account), 303)
        expired = request.query_params.get("expired") == "1"
        done = request.query_params.get("done")
        return self._login_page(
            request, lang, error("session_expired", lang) if expired else None, done=done
        )

    def _login_page(
        self,
        request: Request,
        lang: str,
        problem: str | None,
        status: int = 200,
        username: str = "",
        done: str | None = None,
    ) -> Response:
        # Login CSRF: the form carries a token that must match a cookie set with it.
        login_token = secrets.token_urlsafe(24)
        ctx = Ctx(lang)
        target = request.query_params.get("next", "")
        action = (
            PATH + "/login" + ("?" + urlencode({"next": target}) if NEXT.fullmatch(target) else "")
        )
        data = {
            "error": problem,
            "login_token": login_token,
            "username": username,
            "action": action,
        }
        title = t("title_login", lang)
        response = self.page(request, ctx, title, "login", data, status, done=done)
        response.set_cookie(
            LOGIN_COOKIE,
            login_token,
            path=PATH,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return self.remember_lang(request, response)

    async def login(self, request: Request) -> Response:
        lang = self.lang_of(request)
        ctx = Ctx(lang)
        if not browser_says_same_origin(request):
            return self.refusal(request, ctx, 403, "cross_origin")
        try:
            form = await read_form(request)
        except InvalidInput as bad:
            return self.refusal(request, ctx, 400, bad.code)
        expected = request.cookies.get(LOGIN_COOKIE, "")
        if not expected or not hmac.compare_digest(
            form.get("login_token", "").encode(), expected.encode()
        ):
            return self.refusal(request, ctx, 403, "csrf_failed")
        username = form.get("username", "")
        address = request.client.host if request.client else "unknown"
        try:
            account, token, _ = await self.accounts.login(
                username, form.get("password", ""), form.get("totp", ""), address
            )
        except (Refused, LimitExceeded) as refusal:
            status = LOGIN_STATUS.get(refusal.code, 401)
            page = self._login_page(
                request, lang, error(refusal.code, lang, refusal.params), status, username[:32]
            )
            if "retry_after" in refusal.params:
                page.headers["retry-after"] = str(refusal.params["retry_after"])
            return page
        target = request.query_params.get("next", "")
        response = RedirectResponse(target if NEXT.fullmatch(target) else home_of(account), 303)
        response.set_cookie(
            COOKIE,
            token,
            path=PATH,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        response.delete_cookie(LOGIN_COOKIE, path=PATH)
        return response

    async def logout(self, visit: Visit) -> Response:
        await self.accounts.logout(visit.token)
        response = RedirectResponse(PATH + "/login?done=logged_out", 303)
        response.delete_cookie(COOKIE, path=PATH, httponly=True, samesite="strict")
        return response

    # -- live updates --------------------------------------------------------------------

    def _changed(self, what: str, item_id: int) -> None:
        """A moderation listener: tell every open queue page that something changed."""
        data = json.dumps({"what": what, "id": item_id})
        for queue in list(self._streams):
            # A page needs one nudge to refetch, not every change: a full queue has one.
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(data)

    def close(self) -> None:
        """End every live stream (the server is shutting down)."""
        for queue in list(self._streams):
            with contextlib.suppress(asyncio.QueueEmpty):
                queue.get_nowait()
            queue.put_nowait(None)

    async def events(self, visit: Visit) -> Response:
        queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=1)
        token = visit.token

        async def stream() -> AsyncIterator[str]:
            self._streams.add(queue)
            try:
                yield "retry: 5000\n\n"
                while True:
                    try:
                        async with asyncio.timeout(HEARTBEAT):
                            data = await queue.get()
                    except TimeoutError:
                        try:
                            await self.accounts.session(token, touch=False)
                        except Refused:
                            yield "event: expired\ndata: {}\n\n"
                            return
                        yield ": keep-alive\n\n"
                        continue
                    if data is None:
                        return
                    yield f"event: queue\ndata: {data}\n\n"
            finally:
                self._streams.discard(queue)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"cache-control": "no-store", "x-accel-buffering": "no"},
        )

    # -- Art. 18 export ------------------------------------------------------------------

    async def export(self, visit: Visit) -> Response:
        case_id = int(visit.request.path_params["case_id"])
        if self.connections is None:
            return self.refusal(visit.request, visit.ctx, 501, "export_unavailable")
        package, page_html = await export_case(
            self.moderation.cases, self.connections, visit.account, case_id, self._wall()
        )
        code = str(package.get("case", {}).get("code", case_id))
        if visit.form.get("format") == "html":
            body, media, ext = page_html, "text/html; charset=utf-8", "html"
        else:
            body = json.dumps(package, ensure_ascii=False, indent=2)
            media, ext = "application/json", "json"
        return Response(
            body,
            media_type=media,
            headers={
                "content-disposition": f'attachment; filename="causette-{code}-autorites.{ext}"',
                "cache-control": "no-store",
            },
        )


def status_of(refusal: CausetteError) -> int:
    if isinstance(refusal, InvalidInput):
        return 400
    if isinstance(refusal, NotFound):
        return 404
    if isinstance(refusal, LimitExceeded):
        return 429
    return 403


def ids_fit(path_params: Mapping[str, object]) -> bool:
    """Every ``{...:int}`` path parameter fits a store's signed 64-bit integer."""
    return all(not isinstance(v, int) or 0 <= v <= INT_MAX for v in path_params.values())


def home_of(account: Account) -> str:
    return PATH + ("/queue" if account.role in STAFF else "/report")


def browser_says_same_origin(request: Request) -> bool:
    """False when the browser says the request comes from another origin.

    ``Sec-Fetch-Site`` is the browser's own word when it sends one. A document whose
    referrer policy is ``no-referrer`` (the chat's default) sends ``Origin: null`` even to its
    own site: that counts as same-origin only when ``Sec-Fetch-Site`` confirms it.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser's cross-site form: SameSite and the token cover the rest
    if origin == "null":
        return site == "same-origin"
    return origin.split("://", 1)[-1] == request.headers.get("host", "")


async def read_form(request: Request) -> dict[str, str]:
    """A URL-encoded form, first value of each field (no multipart: forms here are small)."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise InvalidInput("bad_request", field="content-type")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > FORM_MAX:
        raise InvalidInput("bad_request", field="content-length")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_MAX:
            raise InvalidInput("bad_request", field="content-length")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}
