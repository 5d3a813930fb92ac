"""The request loop (transport/session.py) driven by a fake transport: no socket.

The services are the real ones over a SQLite store in a temporary directory and a fake
clock; the transport is a list of answers and requests built by hand. The neutral table
below proves the loop's gates once; the web table (transport/web/commands.py) is checked
against docs/protocol.md and for the error codes its argument specs give.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from causette.domain.identity import network_hash
from causette.domain.models import Rules
from causette.domain.moderation import Person, Sanction, SanctionKind
from causette.domain.state import ChatState
from causette.errors import CausetteError, Refused
from causette.live.hub import Hub, Outbox
from causette.live.inprocess import InProcessBus, InProcessSharedState
from causette.protocol import web
from causette.services.chat import Link, Pacing
from causette.services.verbs import ChatServices, build_chat
from causette.store.sqlite.chat import SqliteStore
from causette.transport.session import (
    Args,
    BadFrame,
    Command,
    Flag,
    Int,
    Request,
    RequestLoop,
    Text,
    Texts,
)
from causette.transport.web.commands import ANSWERS, COMMANDS, Web
from causette.types import FakeClock

DOCS = Path(__file__).resolve().parents[3] / "docs" / "protocol.md"
SECRET = bytes(range(32))
BURST = 12

# -- the fake transport ----------------------------------------------------------------------


@dataclass
class FakeAnswers:
    """Records answers instead of encoding them."""

    given: list[tuple[Any, ...]] = field(default_factory=list)

    def ack(self, link: Link, request: Request, payload: object) -> None:
        self.given.append(("ack", request.type, request.id, payload))

    def error(self, link: Link, request: Request, error: CausetteError) -> None:
        self.given.append(("error", request.type, request.id, error.code, error.params))

    @property
    def last(self) -> tuple[Any, ...]:
        return self.given[-1]


def decode(frame: Request | None) -> Request:
    """The fake codec: a ``Request`` is one, None stands for garbage."""
    if frame is None:
        raise BadFrame(None)
    return frame


@dataclass
class Calls:
    """The context of the neutral table's handlers: what they were called with."""

    seen: list[tuple[str, Args]] = field(default_factory=list)


def recording(name: str, payload: object = None) -> Any:
    async def handler(calls: Calls, args: Args) -> object:
        calls.seen.append((name, args))
        return payload

    return handler


async def boom(calls: Calls, args: Args) -> object:
    raise RuntimeError("a bug")


async def refuse(calls: Calls, args: Args) -> object:
    raise Refused("not_room_owner")


async def undeclared(calls: Calls, args: Args) -> object:
    return args.text("never_declared")


TABLE: dict[str, Command[Calls, object]] = {
    "open": Command(recording("open"), before_entry=True, while_banned=True),
    "door": Command(recording("door"), before_entry=True),
    "inside": Command(recording("inside", {"ok": True})),
    "costly": Command(recording("costly"), before_entry=True, while_banned=True, cost=5),
    "typed": Command(
        recording("typed"),
        (Text("word", max_len=5), Int("n", default=1), Flag("loud"), Texts("tags", max_items=2)),
        before_entry=True,
    ),
    "lang": Command(recording("lang"), (Text("lang", code="lang_invalid"),), before_entry=True),
    "boom": Command(boom, before_entry=True),
    "refuse": Command(refuse, before_entry=True),
    "undeclared": Command(undeclared, before_entry=True),
    "bye": Command(recording("bye"), before_entry=True, closes="quit"),
    "itself": Command(recording("itself"), before_entry=True, answers_itself=True),
}


# -- services --------------------------------------------------------------------------------


@pytest.fixture
async def chat(tmp_path: Path) -> AsyncIterator[ChatServices]:
    store = SqliteStore(tmp_path / "causette.sqlite3")
    await store.open()
    state = ChatState(Rules())
    state.add_official_room("Général", "")
    pacing = Pacing(requests_burst=BURST, requests_rate=0.001)
    bus = InProcessBus()
    await bus.start()
    clock = FakeClock()
    shared = InProcessSharedState(clock)
    services = build_chat(state, store, Hub(), bus, shared, clock, pacing, SECRET)
    await services.start()
    yield services
    await services.stop()
    await store.close()


class Connection:
    """A link admitted by the real sessions, its loop over a table, and what it was told."""

    def __init__(
        self, chat: ChatServices, table: Any = None, ip: str = "198.51.100.7", device: str = "d1"
    ) -> None:
        self.chat = chat
        self.link = Link(ip, device, Outbox(web.CODEC, 1 << 20))
        chat.sessions.admit(self.link)
        self.answers = FakeAnswers()
        self.calls = Calls()
        context: Any = self.calls
        if table is None:
            table, context = COMMANDS, Web(chat, NoModeration(), self.link)  # type: ignore[arg-type]
        self.gates = ChargeLog(chat)
        self.loop: RequestLoop[Request | None, Any, Any] = RequestLoop(
            table, decode, self.answers, self.gates, self.link, context
        )
        self._ids = 0

    async def send(self, kind: str, **fields: Any) -> tuple[Any, ...]:
        self._ids += 1
        await self.loop.handle(Request(kind, self._ids, {"type": kind, "id": self._ids, **fields}))
        return self.answers.last

    async def error_code(self, kind: str, **fields: Any) -> str:
        answer = await self.send(kind, **fields)
        assert answer[0] == "error", answer
        return str(answer[3])

    async def enter(self, nickname: str = "Zoe") -> None:
        await self.chat.sessions.enter(self.link, nickname, 30, "woman", "75011")


class ChargeLog:
    """The real session gates, noting every charge."""

    def __init__(self, chat: ChatServices) -> None:
        self.sessions = chat.sessions
        self.charged: list[int] = []

    def charge(self, link: Link, cost: int = 1) -> None:
        self.charged.append(cost)
        self.sessions.charge(link, cost)

    def check_not_banned(self, link: Link) -> None:
        self.sessions.check_not_banned(link)


class NoModeration:
    """The web table's tests stop before any moderation verb."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"moderation.{name} reached")


def site_ban(chat: ChatServices, device: str = "", network: str = "") -> None:
    now = chat.chat.now()
    person = Person(device, network, "Zoe")
    chat.chat.sanctions.add(
        Sanction(1, SanctionKind.SITE_BAN, person, None, now - 1, now + 3600, 1), "D-TEST1234"
    )


# -- the gates -------------------------------------------------------------------------------


async def test_only_before_entry_commands_run_without_a_session(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert await c.error_code("inside") == "not_entered"
    assert c.calls.seen == []
    assert (await c.send("open"))[:3] == ("ack", "open", 2)
    await c.enter()
    assert await c.send("inside") == ("ack", "inside", 3, {"ok": True})
    assert [name for name, _ in c.calls.seen] == ["open", "inside"]


async def test_a_banned_visitor_may_only_use_what_is_allowed_under_a_ban(
    chat: ChatServices,
) -> None:
    site_ban(chat, device="d-banned")
    c = Connection(chat, TABLE, device="d-banned")
    answer = await c.send("door")
    assert answer[:4] == ("error", "door", 1, "banned")
    assert answer[4]["decision"] == "D-TEST1234"
    assert (await c.send("open"))[0] == "ack"
    assert [name for name, _ in c.calls.seen] == ["open"]
    # The rest of the table is behind the entry gate, which answers first.
    assert await c.error_code("inside") == "not_entered"


async def test_a_network_ban_binds_every_request_as_at_the_door(
    chat: ChatServices,
) -> None:
    ip = "203.0.113.9"
    inside = Connection(chat, TABLE, ip=ip, device="flatmate")
    await inside.enter("Coloc")
    assert (await inside.send("inside"))[0] == "ack"
    site_ban(chat, device="offender", network=network_hash(ip, SECRET))
    # A session opened before the ban, from the network it binds, is held by the same rule
    # as a new connection from that network.
    assert await inside.error_code("inside") == "network_restricted"
    newcomer = Connection(chat, TABLE, ip=ip, device="other")
    assert await newcomer.error_code("door") == "network_restricted"
    # Another network is untouched.
    elsewhere = Connection(chat, TABLE, ip="198.51.100.20", device="elsewhere")
    await elsewhere.enter("Ailleurs")
    assert (await elsewhere.send("inside"))[0] == "ack"


async def test_the_web_table_under_a_ban(chat: ChatServices) -> None:
    site_ban(chat, device="d-banned")
    c = Connection(chat, device="d-banned")
    refused = await c.send("enter", nickname="Zoe", age=30, gender="woman", postal_code="75011")
    assert refused[3] == "banned"
    assert await c.error_code("resume", token="t", last_event_id=0) == "banned"
    assert (await c.send("ping"))[0] == "ack"
    assert (await c.send("set_lang", lang="en"))[3] == {"lang": "en"}
    assert await c.error_code("join", room="general") == "not_entered"


# -- the budget ------------------------------------------------------------------------------


async def test_each_request_is_charged_its_cost(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    await c.send("open")
    await c.send("costly")
    assert c.gates.charged == [1, 5]
    await c.send("costly")  # 11 of the 12 spent
    answer = await c.send("costly")
    assert answer[3] == "rate_limited"
    assert answer[4]["retry_after"] > 0
    assert [name for name, _ in c.calls.seen] == ["open", "costly", "costly"]


async def test_refused_requests_cost_too(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    await c.send("inside")  # not_entered
    await c.send("typed")  # missing field
    await c.send("fly")  # unknown type
    await c.send("boom")  # a bug
    assert c.gates.charged == [1, 1, 1, 1]


async def test_garbage_is_charged_and_answered_without_a_request_id(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    for _ in range(BURST):
        await c.loop.handle(None)
    assert c.answers.given == [("error", "", None, "bad_request", {})] * BURST
    assert c.gates.charged == [1] * BURST
    # The budget is spent: the next real request is refused.
    assert await c.error_code("open") == "rate_limited"


async def test_an_unknown_type_is_a_bad_request_answered_with_its_id(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert await c.send("fly") == ("error", "fly", 1, "bad_request", {})


# -- the arguments ---------------------------------------------------------------------------


async def test_arguments_are_checked_once_and_read_typed(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert (await c.send("typed", word="salut", loud=True, tags=["a", "b"]))[0] == "ack"
    ((_, args),) = c.calls.seen
    assert (args.text("word"), args.integer("n"), args.flag("loud")) == ("salut", 1, True)
    assert args.texts("tags") == ["a", "b"]
    assert args.request_id == 1
    with pytest.raises(TypeError):
        args.integer("word")


@pytest.mark.parametrize(
    ("fields", "field_at_fault"),
    [
        ({"tags": []}, "word"),  # missing
        ({"word": "bonjour", "tags": []}, "word"),  # too long
        ({"word": 5, "tags": []}, "word"),  # wrong type
        ({"word": "ok", "n": "3", "tags": []}, "n"),
        ({"word": "ok", "n": True, "tags": []}, "n"),
        ({"word": "ok", "loud": "yes", "tags": []}, "loud"),
        ({"word": "ok", "tags": "a"}, "tags"),
        ({"word": "ok", "tags": ["a", 1]}, "tags"),
        ({"word": "ok", "tags": ["a", "b", "c"]}, "tags"),
    ],
)
async def test_a_bad_argument_is_a_bad_request_naming_the_field(
    chat: ChatServices, fields: dict[str, Any], field_at_fault: str
) -> None:
    c = Connection(chat, TABLE)
    assert await c.send("typed", **fields) == (
        "error",
        "typed",
        1,
        "bad_request",
        {"field": field_at_fault},
    )
    assert c.calls.seen == []


async def test_a_spec_may_name_a_more_precise_code(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert (await c.send("lang", lang=3))[3:] == ("lang_invalid", {"field": "lang"})


@pytest.mark.parametrize(
    ("kind", "fields", "code", "field_at_fault"),
    [
        ("join", {}, "bad_request", "room"),
        ("join", {"room": "x" * 101}, "bad_request", "room"),
        ("say", {"room": "general", "text": 5}, "bad_request", "text"),
        ("say", {"room": "general", "text": "x", "action": "yes"}, "bad_request", "action"),
        ("say", {"room": "general", "text": "x" * 20_001}, "bad_request", "text"),
        ("set_nick", {"nickname": ["Zoe"]}, "bad_request", "nickname"),
        ("create_room", {"name": "Jardin", "topic": "x" * 2001}, "bad_request", "topic"),
        ("report", {"category": "spam", "good_faith": True}, "report_target_missing", "target"),
        ("report", {"target": {"message": "1"}, "category": "spam"}, "bad_request", "target"),
        ("report_status", {"receipts": "R-1"}, "bad_request", "receipts"),
    ],
)
async def test_the_web_table_answers_the_documented_codes(
    chat: ChatServices, kind: str, fields: dict[str, Any], code: str, field_at_fault: str
) -> None:
    c = Connection(chat)
    await c.enter()
    answer = await c.send(kind, **fields)
    assert answer[3:] == (code, {"field": field_at_fault})


async def test_the_web_table_before_entry(chat: ChatServices) -> None:
    c = Connection(chat)
    assert await c.error_code("set_lang", lang=None) == "lang_invalid"
    assert await c.error_code("set_lang", lang="de") == "lang_invalid"
    assert await c.error_code("enter", nickname="x" * 201) == "bad_request"
    assert await c.error_code("resume", token="t", last_event_id="0") == "bad_request"
    assert await c.error_code("resume", token="t") == "session_expired"
    assert await c.error_code("decision", code="x" * 41) == "bad_request"
    assert await c.error_code("say", room="general", text="hi") == "not_entered"


# -- handlers' outcomes ----------------------------------------------------------------------


async def test_a_refusal_from_the_handler_is_answered(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert await c.error_code("refuse") == "not_room_owner"


async def test_a_bug_is_logged_once_and_answered_internal_error(
    chat: ChatServices, caplog: pytest.LogCaptureFixture
) -> None:
    c = Connection(chat, TABLE)
    with caplog.at_level(logging.ERROR, logger="causette.transport.session"):
        assert await c.error_code("boom") == "internal_error"
        assert await c.error_code("undeclared") == "internal_error"
    assert [r.message for r in caplog.records] == ["request failed"] * 2
    assert all(r.exc_info for r in caplog.records)
    # The connection goes on.
    assert (await c.send("open"))[0] == "ack"
    assert c.link.outbox.closed is None


async def test_closing_commands_close_after_their_answer(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    assert (await c.send("bye"))[0] == "ack"
    assert c.link.outbox.closed == "quit"


async def test_a_command_answering_itself_gets_no_ack_from_the_loop(chat: ChatServices) -> None:
    c = Connection(chat, TABLE)
    await c.send("open")
    await c.loop.handle(Request("itself", 9, {}))
    assert c.answers.given[-1][1] == "open"
    assert [name for name, _ in c.calls.seen] == ["open", "itself"]


async def test_web_answers_are_the_protocol_frames(chat: ChatServices) -> None:
    link = Link("198.51.100.8", "d9", Outbox(web.CODEC, 1 << 20), lang="en")
    chat.sessions.admit(link)
    context = Web(chat, NoModeration(), link)  # type: ignore[arg-type]
    loop = RequestLoop(COMMANDS, web.decode_request, ANSWERS, chat.sessions, link, context)
    for frame in ('{"type": "fly", "id": 7}', b"\x00", '{"type": "ping", "id": "p"}'):
        await loop.handle(frame)
    answers = [json.loads(f) for f in link.outbox.frames]
    assert [(a["type"], a["re"]) for a in answers] == [("error", 7), ("error", None), ("ack", "p")]
    assert answers[0]["code"] == answers[1]["code"] == "bad_request"


# -- the web table and the contract ----------------------------------------------------------


def documented_requests() -> tuple[set[str], set[str]]:
    """The request types of docs/protocol.md's table, and those accepted before entry."""
    text = DOCS.read_text("utf-8")
    table = text.split("## Requests\n", 1)[1].split("\n## ", 1)[0]
    types = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE))
    sentence = re.search(r"succeeds, only (.+?) are accepted", text, re.DOTALL)
    assert sentence is not None
    return types, set(re.findall(r"`([a-z_]+)`", sentence.group(1)))


def test_the_web_table_is_the_documented_protocol() -> None:
    types, open_types = documented_requests()
    assert len(types) > 20
    assert set(COMMANDS) == types
    assert {k for k, c in COMMANDS.items() if c.before_entry} == open_types
    # Under a ban: reading and contesting a decision, asking for a network review, ping,
    # set_lang, enter (which shows the ban) and quit.
    assert {k for k, c in COMMANDS.items() if c.while_banned} == {
        "enter",
        "quit",
        "ping",
        "set_lang",
        "decision",
        "appeal",
        "appeal_status",
        "network_review",
    }
