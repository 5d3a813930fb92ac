"""One WebSocket connection's requests: decode, call the service, answer.

The command table is data (request type to handler); every handler returns the ack payload or
raises a ``CausetteError``, which becomes an error frame in the visitor's language. Answers go
through the connection's outbox, so they stay in order with the events fanned out to it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from causette.domain.moderation import Locator
from causette.errors import CausetteError, InvalidInput, LimitExceeded, Refused
from causette.protocol import web
from causette.services.chat import ChatService, Entered, Joined, Link
from causette.services.moderation.service import ModerationService

log = logging.getLogger(__name__)

Payload = Mapping[str, Any] | None
Handler = Callable[["WebSession", web.Request], Awaitable[Payload]]


def _joined(j: Joined) -> dict[str, Any]:
    return web.room_state(j.room, j.members, j.history)


def _entered(e: Entered) -> dict[str, Any]:
    return {
        "token": e.token,
        "me": web.user(e.guest.view),
        "privacy": e.guest.privacy.value,
        "ignores": web.ignores(e.ignores),
        "rooms": [web.room_info(r) for r in e.rooms],
    }


class WebSession:
    """The request side of one connection."""

    def __init__(self, service: ChatService, moderation: ModerationService, link: Link) -> None:
        self.service = service
        self.moderation = moderation
        self.link = link

    async def handle(self, frame: str) -> None:
        """Answer one client frame; never raises for a client's mistake."""
        outbox = self.link.outbox
        try:
            request = web.decode_request(frame)
        except web.BadFrame as bad:
            # Garbage counts against the connection's bucket like any request.
            with contextlib.suppress(LimitExceeded):
                self.service.check_frame(self.link)
            outbox.push(web.error_frame(bad.request_id, bad, self.link.lang))
            return
        try:
            self.service.check_frame(self.link)
            if request.type not in web.OPEN_TYPES and self.link.guest_id is None:
                raise Refused("not_entered")
            if request.type == "resume":
                await self._resume(request)
                return
            payload = await HANDLERS[request.type](self, request)
        except CausetteError as error:
            outbox.push(web.error_frame(request.id, error, self.link.lang))
            return
        except Exception:
            log.exception("request failed", extra={"request": request.type})
            failure = CausetteError("internal_error")
            outbox.push(web.error_frame(request.id, failure, self.link.lang))
            return
        outbox.push(web.ack_frame(request.id, payload))
        if request.type == "quit":
            outbox.close("quit")

    async def _resume(self, r: web.Request) -> None:
        token = r.text("token", max_len=200)
        last = r.integer("last_event_id", 0)
        resumed = await self.service.resume(self.link, token, last)
        answer = web.ack_frame(
            r.id,
            {
                "token": token,
                "me": web.user(resumed.guest.view),
                "privacy": resumed.guest.privacy.value,
                "ignores": web.ignores(resumed.ignores),
                "rooms": [web.room_info(i) for i in resumed.rooms],
                "joined": [_joined(j) for j in resumed.joined],
                "privates": [web.user(v) for v in resumed.privates],
            },
        )
        self.service.finish_resume(self.link, answer, resumed)

    # -- handlers --------------------------------------------------------------------------

    async def enter(self, r: web.Request) -> Payload:
        lang = r.text("lang", required=False) or None
        entered = await self.service.enter(
            self.link,
            r.text("nickname", max_len=200),
            r.raw("age"),
            r.raw("gender"),
            r.raw("postal_code"),
            lang,
        )
        return _entered(entered)

    async def list_rooms(self, r: web.Request) -> Payload:
        self.service.guest_of(self.link)
        return {"rooms": [web.room_info(i) for i in self.service.room_list()]}

    async def join(self, r: web.Request) -> Payload:
        return {"room": _joined(await self.service.join(self.link, r.text("room", max_len=100)))}

    async def part(self, r: web.Request) -> Payload:
        await self.service.part(self.link, r.text("room", max_len=100))
        return None

    async def create_room(self, r: web.Request) -> Payload:
        joined = await self.service.create_room(
            self.link, r.text("name", max_len=200), r.text("topic", required=False, max_len=2000)
        )
        return {"room": _joined(joined)}

    async def set_topic(self, r: web.Request) -> Payload:
        await self.service.set_topic(
            self.link, r.text("room", max_len=100), r.text("topic", required=False, max_len=2000)
        )
        return None

    async def kick(self, r: web.Request) -> Payload:
        await self.service.kick(self.link, r.text("room", max_len=100), r.text("user", max_len=64))
        return None

    async def say(self, r: web.Request) -> Payload:
        room = r.text("room", required=False, max_len=100) or None
        to = r.text("to", required=False, max_len=64) or None
        text = r.text("text", max_len=20_000)
        message = await self.service.say(self.link, text, room, to, r.flag("action"))
        return {"message_id": message.id, "ts": web.iso(message.ts)}

    async def ignore(self, r: web.Request) -> Payload:
        entries = await self.service.ignore(self.link, r.text("user", max_len=64))
        return {"ignores": web.ignores(entries)}

    async def unignore(self, r: web.Request) -> Payload:
        entries = await self.service.unignore(self.link, r.text("user", max_len=64))
        return {"ignores": web.ignores(entries)}

    async def close_private(self, r: web.Request) -> Payload:
        await self.service.close_private(self.link, r.text("user", max_len=64))
        return None

    async def set_privacy(self, r: web.Request) -> Payload:
        privacy = await self.service.set_privacy(self.link, r.text("privacy", max_len=32))
        return {"privacy": privacy.value}

    async def set_nick(self, r: web.Request) -> Payload:
        guest = await self.service.set_nick(self.link, r.text("nickname", max_len=200))
        return {"me": web.user(guest.view)}

    async def whois(self, r: web.Request) -> Payload:
        view, shared = self.service.whois(self.link, r.text("user", max_len=64))
        return {"user": web.user(view), "shared_rooms": shared}

    async def set_lang(self, r: web.Request) -> Payload:
        lang = r.raw("lang")
        if not isinstance(lang, str):
            raise InvalidInput("lang_invalid", field="lang")
        return {"lang": self.service.set_lang(self.link, lang)}

    async def ping(self, r: web.Request) -> Payload:
        return None

    async def quit(self, r: web.Request) -> Payload:
        await self.service.quit(self.link)
        return None

    # -- notice and action -----------------------------------------------------------------

    async def report(self, r: web.Request) -> Payload:
        target = r.raw("target")
        if not isinstance(target, dict):
            raise InvalidInput("report_target_missing", field="target")
        message_id = target.get("message")
        user_id = target.get("user")
        room = target.get("room")
        if not (message_id is None or (isinstance(message_id, int) and message_id > 0)):
            raise InvalidInput("bad_request", field="target")
        if not all(v is None or (isinstance(v, str) and len(v) <= 100) for v in (user_id, room)):
            raise InvalidInput("bad_request", field="target")
        report, case = await self.moderation.report_from(
            self.link,
            Locator(message_id, user_id, room),
            r.text("category", max_len=40),
            r.text("explanation", required=False, max_len=10_000),
            r.text("contact", required=False, max_len=1000) or None,
            r.flag("good_faith"),
        )
        return {"receipt": report.code, "case": case.code}

    async def report_status(self, r: web.Request) -> Payload:
        receipts = r.raw("receipts")
        if not isinstance(receipts, list) or not all(isinstance(x, str) for x in receipts):
            raise InvalidInput("bad_request", field="receipts")
        reports = await self.moderation.report_status(receipts)
        for item in reports:
            closed = item.pop("closed_at")
            item["closed_at"] = web.iso(closed) if closed is not None else None
        return {"reports": reports}

    async def decision(self, r: web.Request) -> Payload:
        decision, appeals = await self.moderation.appeals.decision_by_code(
            r.text("code", max_len=40)
        )
        return {"decision": web.statement(decision), "appeals": [web.appeal(a) for a in appeals]}

    async def appeal(self, r: web.Request) -> Payload:
        appeal = await self.moderation.appeals.appeal(
            r.text("code", max_len=40), r.text("text", max_len=10_000)
        )
        return {"appeal": web.appeal(appeal)}

    async def appeal_status(self, r: web.Request) -> Payload:
        return {"appeal": web.appeal(await self.moderation.appeals.appeal_status(r.text("code")))}


HANDLERS: dict[str, Handler] = {
    "enter": WebSession.enter,
    "list_rooms": WebSession.list_rooms,
    "join": WebSession.join,
    "part": WebSession.part,
    "create_room": WebSession.create_room,
    "set_topic": WebSession.set_topic,
    "kick": WebSession.kick,
    "say": WebSession.say,
    "ignore": WebSession.ignore,
    "unignore": WebSession.unignore,
    "set_privacy": WebSession.set_privacy,
    "close_private": WebSession.close_private,
    "set_nick": WebSession.set_nick,
    "whois": WebSession.whois,
    "set_lang": WebSession.set_lang,
    "ping": WebSession.ping,
    "quit": WebSession.quit,
    "report": WebSession.report,
    "report_status": WebSession.report_status,
    "decision": WebSession.decision,
    "appeal": WebSession.appeal,
    "appeal_status": WebSession.appeal_status,
}
assert set(HANDLERS) | {"resume"} == web.REQUEST_TYPES, "every request type has a handler"
