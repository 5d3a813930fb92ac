"""The attacks of the hostile-client review (issue 7), replayed against a real server: lone
surrogates beside honest posters, huge integers and surrogates in every request type, the
console's id routes, and the logs they leave."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import httpx
import pytest
from harness import Client, Connector, Launcher, Server, entered, in_room
from hostile import FUZZ_LIMITS
from websockets.exceptions import ConnectionClosed

from causette.domain.accounts import Role
from causette.protocol.request import Int, Raw, Text, Texts
from causette.transport.web.commands import COMMANDS, Target

SURROGATE = "\ud800"
HUGE = "9" * 5000


async def raw_answer(client: Client, text: str, rid: int | None) -> dict[str, Any]:
    """Send JSON text as it is (``json.dumps`` would refuse a 5,000-digit integer)."""
    await client.ws.send(text)
    return await client.wait_for(
        lambda f: f.get("type") in ("ack", "error") and f.get("re") == rid, what=f"#{rid}"
    )


WORDS = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "matin",
    "midi",
    "soir",
)


async def test_surrogate_posters_do_not_fail_honest_messages(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": FUZZ_LIMITS})
    honest = await in_room(connect_client, server, "general", *(f"Honest{n}" for n in range(6)))
    attackers = [await entered(connect_client, server, f"Evil{n}") for n in range(3)]
    for attacker in attackers:
        await attacker.request("join", room="general")

    async def post(client: Client, text: str, rounds: int) -> list[dict[str, Any]]:
        # Each round says something else: the same line over and over is spam to the rules.
        return [
            await client.answer("say", room="general", text=f"{text} {WORDS[n]}")
            for n in range(rounds)
        ]

    results = await asyncio.gather(
        *(post(c, f"bonjour de {c.me['nick']}", 10) for c in honest),
        *(post(a, f"piège {SURROGATE} \u202egnp.exe", 10) for a in attackers),
    )
    for answers in results[: len(honest)]:
        assert [a["type"] for a in answers] == ["ack"] * 10, answers
    for answers in results[len(honest) :]:
        assert {(a["code"], a["field"]) for a in answers} == {("text_chars", "text")}
        assert answers[0]["params"]["char"] == "U+D800"
        assert "U+D800" in answers[0]["message"]


# Values that pass the services' own checks, for the fields around the one under attack.
PLAIN = {"nickname": '"Marc"', "age": "30", "gender": '"man"', "postal_code": '"75011"'}
PLAIN |= {"lang": '"fr"'}


def fill(spec: object, text: str) -> str:
    """The JSON text of a value of ``spec``'s type, holding ``text`` where it holds one."""
    if isinstance(spec, Texts):
        return f"[{text}]"
    if isinstance(spec, Target):
        return f'{{"user": {text}}}'
    if isinstance(spec, Int):
        return "0"
    if isinstance(spec, Text | Raw):
        return text
    return "true"


def request_fields(type_: str, name: str, bad: str) -> list[tuple[str, str]]:
    """The fields of a ``type_`` request: ``bad`` in field ``name``, well typed elsewhere."""
    return [
        (s.name, fill(s, bad) if s.name == name else PLAIN.get(s.name, fill(s, '"x"')))
        for s in COMMANDS[type_].args
    ]


def hostile_fields(type_: str, bad: str) -> list[tuple[str, str]]:
    """For each text field of ``type_``: its name, and the JSON text of a request's fields
    with ``bad`` in that field."""
    return [
        (spec.name, ", ".join(f'"{k}": {v}' for k, v in request_fields(type_, spec.name, bad)))
        for spec in COMMANDS[type_].args
        if isinstance(spec, Text | Raw | Texts | Target)
    ]


@pytest.mark.parametrize("type_", sorted(COMMANDS))
async def test_surrogates_and_bidi_in_every_text_field_are_refused_clearly(
    server: Server, connect_client: Connector, type_: str
) -> None:
    client = await entered(connect_client, server, "Zoe")
    rid = 100
    for bad in (json.dumps(SURROGATE), json.dumps("a\u202eb"), json.dumps("\ufffe")):
        for name, value in hostile_fields(type_, bad):
            rid += 1
            frame = f'{{"type": "{type_}", "id": {rid}, {value}}}'
            answer = await raw_answer(client, frame, rid)
            assert answer["type"] == "error", answer
            assert answer["code"] in ("text_chars", "nickname_chars", "room_name_chars"), answer
            assert answer["field"] == name
            assert answer["params"]["char"].startswith("U+")


def int_fields() -> list[tuple[str, str]]:
    """Every integer a request reads: Int specs, a report's target message, an age."""
    found = [
        (type_, spec.name)
        for type_, command in COMMANDS.items()
        for spec in command.args
        if isinstance(spec, Int | Target) or spec.name == "age"
    ]
    assert ("resume", "last_event_id") in found
    assert ("report", "target") in found
    return found


@pytest.mark.parametrize(("type_", "name"), int_fields())
@pytest.mark.parametrize("number", [str(2**63), str(-(2**63) - 1), str(2**64), HUGE])
async def test_integers_past_64_bits_are_bad_requests(
    server: Server, connect_client: Connector, type_: str, name: str, number: str
) -> None:
    if type_ == "enter":
        client = await connect_client(server)
    else:
        client = await entered(connect_client, server, "Zoe")
    fields = dict(request_fields(type_, "", '"x"'))
    fields[name] = f'{{"message": {number}}}' if name == "target" else number
    body = ", ".join(f'"{k}": {v}' for k, v in fields.items())
    answer = await raw_answer(client, f'{{"type": "{type_}", "id": 9, {body}}}', 9)
    assert answer["type"] == "error"
    assert answer["code"] in ("bad_request", "age_invalid"), answer
    assert answer["field"] == name


async def test_frames_refused_whole_are_answered(server: Server, connect_client: Connector) -> None:
    client = await connect_client(server)
    for text in (
        f'{{"type": "ping", "id": {HUGE}}}',
        f'{{"type": "ping", "id": {2**63}}}',
        f'{{"type": "ping", "id": "{json.dumps(SURROGATE)[1:-1]}"}}',
        '{"type": "ping", "id": 1, "x": NaN}',
        "[" * 30_000 + "]" * 30_000,
    ):
        answer = await raw_answer(client, text, None)
        assert answer["code"] == "bad_request"
    assert (await client.request("ping"))["type"] == "ack"


async def test_a_failed_resume_takes_nothing_over(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoe")
    thief = await connect_client(server)
    for last in (str(2**63), HUGE):
        frame = f'{{"type": "resume", "id": 5, "token": "{zoe.token}", "last_event_id": {last}}}'
        answer = await raw_answer(thief, frame, 5)
        assert (answer["code"], answer["field"]) == ("bad_request", "last_event_id")
        token = json.dumps(zoe.token + SURROGATE)
        frame = f'{{"type": "resume", "id": 6, "token": {token}, "last_event_id": 0}}'
        assert (await raw_answer(thief, frame, 6))["code"] == "text_chars"
    await zoe.no_event("disconnect")
    assert (await zoe.say("general", "toujours là"))["type"] == "ack"


async def test_invalid_utf8_closes_with_1007_and_logs_one_debug_line(
    server: Server, connect_client: Connector, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(3):
        client = await connect_client(server)
        await client.ws.send(b'{"type":"ping","id":1,"x":"\xff"}', text=True)
        with pytest.raises(ConnectionClosed) as closed:
            await client.ws.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1007
    lines = [r for r in caplog.records if "UTF-8" in r.getMessage()]
    assert len(lines) == 3
    assert all(r.levelno == logging.DEBUG and not r.exc_info for r in lines)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_no_device_hash_in_logs_at_info_or_warning(
    server: Server, connect_client: Connector, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client = await connect_client(server)
    refused = await client.refused(
        "enter", nickname="Jeune", age=12, gender="woman", postal_code="75011"
    )
    assert refused["code"] == "age_below_minimum"
    assert any(r.getMessage() == "entry refused" for r in caplog.records)
    for record in caplog.records:
        if record.levelno >= logging.INFO:
            assert "device" not in vars(record), record.getMessage()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/moderation/cases/{id}"),
        ("POST", "/moderation/cases/{id}/decide"),
        ("POST", "/moderation/cases/{id}/reject"),
        ("POST", "/moderation/cases/{id}/export"),
        ("POST", "/moderation/appeals/{id}"),
        ("POST", "/moderation/messages/{id}/remove"),
    ],
)
async def test_console_id_routes_answer_404_for_ids_past_64_bits(
    server: Server, method: str, path: str
) -> None:
    await server.app.accounts.create("emile", "correct horse battery", Role.MODERATOR)
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        form = await http.get("/moderation/login")
        token = form.text.split('name="login_token" value="', 1)[1].split('"', 1)[0]
        login = await http.post(
            "/moderation/login",
            data={"login_token": token, "username": "emile", "password": "correct horse battery"},
        )
        assert login.status_code == 303
        queue = await http.get("/moderation/queue")
        csrf = queue.text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        for number in ("99999999999999999999", str(2**63), "9" * 400):
            url = path.format(id=number)
            if method == "GET":
                response = await http.get(url)
            else:
                response = await http.post(url, data={"csrf": csrf, "outcome": "uphold"})
            assert response.status_code == 404, (url, response.status_code)
