"""The web codec, sans I/O: strings in, requests out; events in, JSON lines out."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from causette.domain.departements import location_by_code
from causette.domain.events import (
    Event,
    GuestJoined,
    GuestLeft,
    GuestRenamed,
    MessagePosted,
    RoomClosed,
    RoomListChanged,
    TopicChanged,
)
from causette.domain.models import (
    Gender,
    IgnoreEntry,
    LeaveReason,
    Message,
    Room,
    RoomInfo,
    RoomKind,
    UserView,
)
from causette.errors import InvalidInput, LimitExceeded, Refused
from causette.protocol import web

ZOE = UserView("k3v9q2xa", "Zoé", 34, Gender.WOMAN, location_by_code("75"))
BOB = UserView("b0b0b0b0", "Bob", 40, Gender.MAN, location_by_code("2A"))
ZOE_JSON = {
    "id": "k3v9q2xa",
    "nick": "Zoé",
    "age": 34,
    "gender": "woman",
    "dept": {"code": "75", "name": "Paris"},
}
TS = 1764398400.123  # 2025-11-29T06:40:00.123Z
ISO_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def decoded(frame: str) -> dict[str, Any]:
    assert "\n" not in frame, "one object per line"
    obj = json.loads(frame)
    assert isinstance(obj, dict)
    return obj


# -- requests --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "request_id"),
    [
        ("not json", None),
        ("", None),
        ("[1, 2]", None),
        ('"ping"', None),
        ("null", None),
        ('{"type": "ping"}', None),
        ('{"type": "ping", "id": null}', None),
        ('{"type": "ping", "id": true}', None),
        ('{"type": "ping", "id": 1.5}', None),
        ('{"type": "ping", "id": ""}', None),
        ('{"type": "ping", "id": "' + "x" * 33 + '"}', None),
        ('{"type": "ping", "id": [1]}', None),
        ('{"id": "r1"}', "r1"),
        ('{"type": 3, "id": "r2"}', "r2"),
        ("[" * 100_000, None),
        (b'{"type": "ping", "id": 1}', None),
    ],
)
def test_decode_request_refuses_bad_frames(frame: str | bytes, request_id: object) -> None:
    with pytest.raises(web.BadFrame) as caught:
        web.decode_request(frame)
    assert caught.value.code == "bad_request"
    assert caught.value.request_id == request_id


@pytest.mark.parametrize("rid", [0, 7, -1, "a", "x" * 32])
def test_decode_request_accepts_ids(rid: int | str) -> None:
    request = web.decode_request(json.dumps({"type": "join", "id": rid, "room": "general"}))
    assert request.type == "join"
    assert request.id == rid
    assert request.text("room") == "general"


@pytest.mark.parametrize("kind", ["fly", "PING", ""])
def test_an_unknown_type_decodes_for_the_command_table_to_refuse(kind: str) -> None:
    # Which types exist is transport/web/commands.py's to say (tests/unit/transport).
    request = web.decode_request(json.dumps({"type": kind, "id": 7}))
    assert (request.type, request.id) == (kind, 7)


def request(**fields: object) -> web.Request:
    return web.decode_request(json.dumps({"type": "say", "id": 1, **fields}))


def assert_bad_request(call: object, field: str) -> None:
    assert callable(call)
    with pytest.raises(InvalidInput) as caught:
        call()
    assert caught.value.code == "bad_request"
    assert caught.value.params == {"field": field}


def test_text_accessor() -> None:
    req = request(text="bonjour", n=3, long="x" * 11)
    assert req.text("text") == "bonjour"
    assert req.text("missing", required=False) == ""
    assert_bad_request(lambda: req.text("missing"), "missing")
    assert_bad_request(lambda: req.text("n"), "n")
    assert_bad_request(lambda: req.text("long", max_len=10), "long")


def test_integer_accessor() -> None:
    req = request(n=3, yes=True, s="3", f=3.0)
    assert req.integer("n") == 3
    assert req.integer("missing", default=0) == 0
    for name in ("yes", "s", "f", "missing"):
        assert_bad_request(lambda name=name: req.integer(name), name)


def test_flag_accessor() -> None:
    req = request(action=True, n=1, s="true")
    assert req.flag("action") is True
    assert req.flag("missing") is False
    assert_bad_request(lambda: req.flag("n"), "n")
    assert_bad_request(lambda: req.flag("s"), "s")
    assert req.raw("n") == 1


# -- objects and events ----------------------------------------------------------------------


def test_iso_has_milliseconds_and_z() -> None:
    assert web.iso(0) == "1970-01-01T00:00:00.000Z"
    assert web.iso(TS) == "2025-11-29T06:40:00.123Z"
    assert web.iso(1.9996) == "1970-01-01T00:00:01.999Z"
    assert ISO_RE.match(web.iso(1_800_000_000.5))


def test_user_has_the_documented_fields_and_no_postal_code() -> None:
    assert web.user(ZOE) == ZOE_JSON
    assert web.user(BOB)["dept"] == {"code": "2A", "name": "Corse-du-Sud"}


def room_message(text: str = "bonjour") -> Message:
    return Message(1289, TS, ZOE, "dev-zoe", text, room="general")


def test_room_message_frame() -> None:
    assert decoded(web.event_frame(MessagePosted(room_message()))) == {
        "type": "message",
        "id": 1289,
        "ts": "2025-11-29T06:40:00.123Z",
        "room": "general",
        "to": None,
        "from": ZOE_JSON,
        "text": "bonjour",
        "action": False,
    }


def test_private_message_frame() -> None:
    m = Message(12, TS, BOB, "dev-bob", "/me salue", action=True, recipient=ZOE)
    obj = decoded(web.event_frame(MessagePosted(m)))
    assert obj["room"] is None
    assert obj["to"] == ZOE_JSON
    assert obj["from"]["id"] == BOB.id
    assert obj["action"] is True


def test_a_frame_is_one_line_even_with_newlines_in_text() -> None:
    frame = web.event_frame(MessagePosted(room_message("ligne 1\nligne 2\u2028")))
    assert decoded(frame)["text"] == "ligne 1\nligne 2\u2028"
    assert "Zoé" in frame  # UTF-8, not \u escapes


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (GuestJoined("general", ZOE), {"type": "joined", "room": "general", "user": ZOE_JSON}),
        (
            GuestLeft("general", ZOE, LeaveReason.PART),
            {"type": "left", "room": "general", "user": ZOE_JSON, "reason": "part"},
        ),
        (
            GuestLeft("jardin", ZOE, LeaveReason.KICKED, BOB),
            {
                "type": "left",
                "room": "jardin",
                "user": ZOE_JSON,
                "reason": "kicked",
                "by": web.user(BOB),
            },
        ),
        (
            GuestRenamed(ZOE, "Zozo"),
            {"type": "user_updated", "user": ZOE_JSON, "old_nick": "Zozo"},
        ),
        (
            TopicChanged("jardin", "Tomates", ZOE),
            {"type": "topic", "room": "jardin", "topic": "Tomates", "by": ZOE_JSON},
        ),
        (RoomClosed("jardin"), {"type": "room_closed", "room": "jardin"}),
    ],
)
def test_event_frames_match_the_protocol(event: Event, expected: dict[str, Any]) -> None:
    assert decoded(web.event_frame(event)) == expected


@pytest.mark.parametrize("reason", list(LeaveReason))
def test_left_reasons_are_the_documented_words(reason: LeaveReason) -> None:
    obj = decoded(web.event_frame(GuestLeft("general", ZOE, reason)))
    assert obj["reason"] in {"part", "quit", "kicked", "timeout", "age_band"}
    assert "by" not in obj


def test_room_list_and_room_state() -> None:
    info = RoomInfo("general", "Général", "Tout", 42, RoomKind.OFFICIAL, None)
    assert decoded(web.room_list_frame([info])) == {
        "type": "room_list",
        "rooms": [
            {
                "id": "general",
                "name": "Général",
                "topic": "Tout",
                "count": 42,
                "kind": "official",
                "owner": None,
            }
        ],
    }
    room = Room("jardin", "Jardin", "Tomates", RoomKind.USER, owner=ZOE.id)
    state = web.room_state(room, [ZOE, BOB], [room_message()])
    assert state["kind"] == "user"
    assert state["owner"] == ZOE.id
    assert state["members"] == [ZOE_JSON, web.user(BOB)]
    assert [m["id"] for m in state["history"]] == [1289]
    assert set(state) == {"id", "name", "topic", "kind", "owner", "members", "history"}


def test_the_room_list_event_is_the_room_list_frame() -> None:
    info = RoomInfo("general", "Général", "Tout", 42, RoomKind.OFFICIAL, None)
    assert web.event_frame(RoomListChanged((info,))) == web.room_list_frame([info])


def test_the_web_codec_frames_a_batch_as_lines_and_echoes() -> None:
    assert web.CODEC.batch(["a"]) == "a"
    assert web.CODEC.batch(["a", "b", "c"]) == "a\nb\nc"
    assert web.CODEC.echo is True
    assert web.CODEC.event_frame(RoomClosed("x")) == web.event_frame(RoomClosed("x"))


def test_ignores_never_show_the_device() -> None:
    entries = [IgnoreEntry("i:1", "dev-secret", "Bob", "b0b")]
    assert web.ignores(entries) == [{"id": "i:1", "nick": "Bob", "user": "b0b"}]


# -- answers and notices ---------------------------------------------------------------------


def test_ack_frame() -> None:
    assert decoded(web.ack_frame(7, {"message_id": 3})) == {"type": "ack", "re": 7, "message_id": 3}
    assert decoded(web.ack_frame("r1")) == {"type": "ack", "re": "r1"}


def test_error_frame_in_french_and_english() -> None:
    error = Refused("nickname_taken", field="nickname", nick="Zoé")
    fr = decoded(web.error_frame(7, error, "fr"))
    en = decoded(web.error_frame(7, error, "en"))
    assert fr["type"] == "error"
    assert fr["re"] == 7
    assert fr["code"] == "nickname_taken"
    assert fr["field"] == "nickname"
    assert fr["params"] == {"nick": "Zoé"}
    assert "pseudo" in fr["message"]
    assert "nickname" in en["message"]
    assert fr["message"] != en["message"]


def test_error_frame_without_field_has_no_field_key() -> None:
    obj = decoded(web.error_frame(None, web.BadFrame(None), "fr"))
    assert obj["re"] is None
    assert obj["code"] == "bad_request"
    assert "field" not in obj
    assert obj["params"] == {}


def test_error_frame_until_is_iso_on_the_wire_and_a_date_in_words() -> None:
    error = Refused("age_below_minimum", field="age", min=18, until=TS)
    obj = decoded(web.error_frame(1, error, "fr"))
    assert obj["params"] == {"min": 18, "until": "2025-11-29T06:40:00.123Z"}
    assert "29/11/2025 06:40 UTC" in obj["message"]
    assert "18" in obj["message"]


def test_error_frame_rounds_seconds_up_to_at_least_one() -> None:
    obj = decoded(web.error_frame(1, LimitExceeded("rate_limited", retry_after=0.2), "en"))
    assert obj["params"] == {"retry_after": 1}


def test_disconnect_frames() -> None:
    obj = decoded(web.disconnect_frame("slow_consumer", "en"))
    assert set(obj) == {"type", "code", "message", "params"}
    assert (obj["type"], obj["code"], obj["params"]) == ("disconnect", "slow_consumer", {})
    assert obj["message"]


def test_hello_frame() -> None:
    limits = {"message_max": 500, "rooms_max": 10, "grace_seconds": 60.0}
    obj = decoded(web.hello_frame("causette/0.1.0", "fr", limits, None, None))
    assert obj == {
        "type": "hello",
        "protocol": 1,
        "server": "causette/0.1.0",
        "lang": "fr",
        "limits": limits,
        "prefill": None,
        "age_blocked_until": None,
        "age_blocked_scope": None,
        "online": 0,
    }
    assert (
        decoded(web.hello_frame("causette/0.1.0", "fr", limits, None, None, None, 12))["online"]
        == 12
    )
    prefill = {"nickname": "Zoé", "age": 34, "gender": "woman", "postal_code": "75011"}
    obj = decoded(web.hello_frame("causette/0.1.0", "en", limits, prefill, TS, "network"))
    assert obj["prefill"] == prefill
    assert obj["age_blocked_until"] == "2025-11-29T06:40:00.123Z"
    assert obj["age_blocked_scope"] == "network"


def test_no_event_frame_carries_a_postal_code() -> None:
    # UserView has no postal code at all: the only way one could leak is a new field.
    frames = [
        web.event_frame(MessagePosted(room_message())),
        web.event_frame(GuestJoined("general", ZOE)),
        web.event_frame(GuestRenamed(ZOE, "Zozo")),
    ]
    for frame in frames:
        assert "postal" not in frame
        assert "75011" not in frame
