"""The web's command table: every request type of docs/protocol.md, what it may do, and its
handler.

This table is the single place saying which requests exist, which are accepted before entry
or under a site ban, what they cost and which fields they read (checked by the request loop
in ``causette.transport.session`` before the handler runs). A handler calls a service verb
and returns the ack payload; a refusal is a ``CausetteError`` the loop turns into an error
frame. The rules themselves live in the services.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from causette.domain.moderation import Locator
from causette.domain.text import LINE_CONTROLS, check_safe
from causette.errors import CausetteError, InvalidInput
from causette.protocol import web
from causette.protocol.request import INT_MAX
from causette.services.chat import Link
from causette.services.moderation.service import ModerationService
from causette.services.rooms import Joined
from causette.services.verbs import ChatServices
from causette.transport.session import Args, Command, Flag, Int, Raw, Request, Text, Texts

Payload = Mapping[str, Any] | None

# Field limits: generous enough for any real value, small enough that a hostile client
# cannot make the services chew on megabytes.
# Every Text spec applies the one text rule (causette.domain.text); ``allow`` names the
# controls a multi-line field keeps, and the nickname and room name keep their own codes.
ROOM = Text("room", max_len=100)
USER = Text("user", max_len=64)
TOPIC = Text("topic", max_len=2000, required=False, allow=LINE_CONTROLS)
NICKNAME = Text("nickname", max_len=200, chars_code="nickname_chars")
CODE = Text("code", max_len=40)


@dataclass(frozen=True, slots=True)
class Web:
    """What a web handler works with: the services and its connection."""

    chat: ChatServices
    moderation: ModerationService
    link: Link


class WebAnswers:
    """Ack and error frames, pushed to the connection's outbox so that they stay in order
    with the events fanned out to it; errors in the visitor's language."""

    __slots__ = ()

    def ack(self, link: Link, request: Request, payload: Payload) -> None:
        link.outbox.push(web.ack_frame(request.id, payload))

    def error(self, link: Link, request: Request, error: CausetteError) -> None:
        link.outbox.push(web.error_frame(request.id, error, link.lang))


ANSWERS = WebAnswers()


def _joined(j: Joined) -> dict[str, Any]:
    return web.room_state(j.room, j.members, j.history)


# -- entry and the session -----------------------------------------------------------------


async def enter(w: Web, a: Args) -> Payload:
    entered = await w.chat.sessions.enter(
        w.link,
        a.text("nickname"),
        a.raw("age"),
        a.raw("gender"),
        a.raw("postal_code"),
        a.text("lang") or None,
    )
    return {
        "token": entered.token,
        "me": web.user(entered.guest.view),
        "privacy": entered.guest.privacy.value,
        "ignores": web.ignores(entered.ignores),
        "rooms": [web.room_info(r) for r in entered.rooms],
    }


async def resume(w: Web, a: Args) -> Payload:
    token = a.text("token")
    resumed = await w.chat.sessions.resume(
        w.link, token, a.integer("last_event_id"), a.flag("fresh")
    )
    answer = web.ack_frame(
        a.request_id,
        {
            "token": token,
            "me": web.user(resumed.guest.view),
            "privacy": resumed.guest.privacy.value,
            "ignores": web.ignores(resumed.ignores),
            "rooms": [web.room_info(i) for i in resumed.rooms],
            "joined": [_joined(j) for j in resumed.joined],
            "privates": [web.user(v) for v in resumed.privates],
            "resync": resumed.resync,
        },
    )
    # The ack goes first, then the missed messages, then what arrived meanwhile.
    w.chat.sessions.finish_resume(w.link, answer, resumed)
    return None


async def set_lang(w: Web, a: Args) -> Payload:
    return {"lang": w.chat.sessions.set_lang(w.link, a.text("lang"))}


async def ping(w: Web, a: Args) -> Payload:
    return None


async def quit_(w: Web, a: Args) -> Payload:
    await w.chat.sessions.quit(w.link)
    return None


# -- rooms -----------------------------------------------------------------------------------


async def list_rooms(w: Web, a: Args) -> Payload:
    return {"rooms": [web.room_info(i) for i in w.chat.rooms.room_list(w.link)]}


async def join(w: Web, a: Args) -> Payload:
    return {"room": _joined(await w.chat.rooms.join(w.link, a.text("room")))}


async def history(w: Web, a: Args) -> Payload:
    messages = await w.chat.rooms.history_before(w.link, a.text("room"), a.integer("before"))
    return {"messages": [web.message(m) for m in messages]}


async def part(w: Web, a: Args) -> Payload:
    await w.chat.rooms.part(w.link, a.text("room"))
    return None


async def create_room(w: Web, a: Args) -> Payload:
    joined = await w.chat.rooms.create_room(w.link, a.text("name"), a.text("topic"))
    return {"room": _joined(joined)}


async def set_topic(w: Web, a: Args) -> Payload:
    await w.chat.rooms.set_topic(w.link, a.text("room"), a.text("topic"))
    return None


async def kick(w: Web, a: Args) -> Payload:
    await w.chat.rooms.kick(w.link, a.text("room"), a.text("user"))
    return None


# -- messages and people ---------------------------------------------------------------------


async def say(w: Web, a: Args) -> Payload:
    message = await w.chat.messages.say(
        w.link, a.text("text"), a.text("room") or None, a.text("to") or None, a.flag("action")
    )
    return {"message_id": message.id, "ts": web.iso(message.ts)}


async def ignore(w: Web, a: Args) -> Payload:
    return {"ignores": web.ignores(await w.chat.people.ignore(w.link, a.text("user")))}


async def unignore(w: Web, a: Args) -> Payload:
    return {"ignores": web.ignores(await w.chat.people.unignore(w.link, a.text("user")))}


async def close_private(w: Web, a: Args) -> Payload:
    await w.chat.people.close_private(w.link, a.text("user"))
    return None


async def set_privacy(w: Web, a: Args) -> Payload:
    privacy = await w.chat.people.set_privacy(w.link, a.text("privacy"))
    return {"privacy": privacy.value}


async def set_nick(w: Web, a: Args) -> Payload:
    guest = await w.chat.people.set_nick(w.link, a.text("nickname"))
    return {"me": web.user(guest.view)}


async def whois(w: Web, a: Args) -> Payload:
    view, shared = w.chat.people.whois(w.link, a.text("user"))
    return {"user": web.user(view), "shared_rooms": shared}


# -- notice and action -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """A report's target as the protocol writes it: ``{"message": id}``, ``{"user": id}``
    or ``{"room": id}`` (``room`` may accompany ``user``)."""

    name: str

    def read(self, fields: Mapping[str, Any]) -> Locator:
        target = fields.get(self.name)
        if not isinstance(target, dict):
            raise InvalidInput("report_target_missing", field=self.name)
        message_id = target.get("message")
        user_id = target.get("user")
        room = target.get("room")
        if not (
            message_id is None
            or (
                isinstance(message_id, int)
                and not isinstance(message_id, bool)
                and 0 < message_id <= INT_MAX
            )
        ):
            raise InvalidInput("bad_request", field=self.name)
        strings = (user_id, room)
        if not all(v is None or (isinstance(v, str) and len(v) <= 100) for v in strings):
            raise InvalidInput("bad_request", field=self.name)
        for value in strings:
            if isinstance(value, str):
                check_safe(value, self.name)
        return Locator(message_id, user_id, room)


async def report(w: Web, a: Args) -> Payload:
    filed, case = await w.moderation.cases.report_from(
        w.link,
        a.value("target", Locator),
        a.text("category"),
        a.text("explanation"),
        a.text("contact") or None,
        a.flag("good_faith"),
    )
    return {"receipt": filed.code, "case": case.code}


async def report_status(w: Web, a: Args) -> Payload:
    reports = await w.moderation.cases.report_status(a.texts("receipts"))
    for item in reports:
        closed = item.pop("closed_at")
        item["closed_at"] = web.iso(closed) if closed is not None else None
    return {"reports": reports}


async def decision(w: Web, a: Args) -> Payload:
    found, appeals = await w.moderation.appeals.decision_by_code(a.text("code"))
    return {"decision": web.statement(found), "appeals": [web.appeal(x) for x in appeals]}


async def appeal(w: Web, a: Args) -> Payload:
    filed = await w.moderation.appeals.appeal(a.text("code"), a.text("text"))
    return {"appeal": web.appeal(filed)}


async def network_review(w: Web, a: Args) -> Payload:
    link = w.link
    filed = await w.moderation.appeals.request_review(link.device, link.network, a.text("text"))
    return {"appeal": web.appeal(filed)}


async def appeal_status(w: Web, a: Args) -> Payload:
    return {"appeal": web.appeal(await w.moderation.appeals.appeal_status(a.text("code")))}


# -- the table -------------------------------------------------------------------------------

WebCommand = Command[Web, Payload]

# Before entry a visitor may enter or resume, and a banned one may still read the decision
# and contest it (DSA Arts. 17 and 20); ``enter`` under a ban answers ``banned`` with the
# decision's code. Everything costs one request from the connection's budget.
COMMANDS: dict[str, WebCommand] = {
    "enter": Command(
        enter,
        (NICKNAME, Raw("age"), Raw("gender"), Raw("postal_code"), Text("lang", required=False)),
        before_entry=True,
        while_banned=True,
    ),
    "resume": Command(
        resume,
        (Text("token", max_len=200), Int("last_event_id", default=0), Flag("fresh")),
        before_entry=True,
        answers_itself=True,
    ),
    "set_lang": Command(
        set_lang,
        (Text("lang", max_len=16, code="lang_invalid"),),
        before_entry=True,
        while_banned=True,
    ),
    "ping": Command(ping, before_entry=True, while_banned=True),
    "quit": Command(quit_, closes="quit", while_banned=True),
    "list_rooms": Command(list_rooms),
    "join": Command(join, (ROOM,)),
    "part": Command(part, (ROOM,)),
    "history": Command(history, (ROOM, Int("before"))),
    "create_room": Command(
        create_room, (Text("name", max_len=200, chars_code="room_name_chars"), TOPIC)
    ),
    "set_topic": Command(set_topic, (ROOM, TOPIC)),
    "kick": Command(kick, (ROOM, USER)),
    "say": Command(
        say,
        (
            Text("room", max_len=100, required=False),
            Text("to", max_len=64, required=False),
            Text("text", max_len=20_000, allow=LINE_CONTROLS),
            Flag("action"),
        ),
    ),
    "ignore": Command(ignore, (USER,)),
    "unignore": Command(unignore, (USER,)),
    "close_private": Command(close_private, (USER,)),
    "set_privacy": Command(set_privacy, (Text("privacy", max_len=32),)),
    "set_nick": Command(set_nick, (NICKNAME,)),
    "whois": Command(whois, (USER,)),
    "report": Command(
        report,
        (
            Target("target"),
            Text("category", max_len=40),
            Text("explanation", max_len=10_000, required=False, allow=LINE_CONTROLS),
            Text("contact", max_len=1000, required=False),
            Flag("good_faith"),
        ),
    ),
    "report_status": Command(report_status, (Texts("receipts"),)),
    "decision": Command(decision, (CODE,), before_entry=True, while_banned=True),
    "appeal": Command(
        appeal,
        (CODE, Text("text", max_len=10_000, allow=LINE_CONTROLS)),
        before_entry=True,
        while_banned=True,
    ),
    "appeal_status": Command(
        appeal_status, (Text("code", max_len=10_000),), before_entry=True, while_banned=True
    ),
    # Someone else caught by a network binding asks for their device to be spared.
    "network_review": Command(
        network_review,
        (Text("text", max_len=2000, required=False, allow=LINE_CONTROLS),),
        before_entry=True,
        while_banned=True,
    ),
}
