"""The web codec and the field specs against hostile values (issue 7)."""

from __future__ import annotations

import json

import pytest

from causette.errors import InvalidInput
from causette.protocol import web
from causette.protocol.request import Int, Raw, Text, Texts


@pytest.mark.parametrize(
    "frame",
    [
        '{"type": "ping", "id": ' + "9" * 5000 + "}",
        '{"type": "ping", "id": 9223372036854775808}',
        '{"type": "ping", "id": "\\ud800"}',
        '{"type": "ping", "id": "a\\u202eb"}',
        '{"type": "ping", "id": 1, "x": NaN}',
        '{"type": "ping", "id": 1, "x": -Infinity}',
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_frames_refused_whole(frame: str) -> None:
    with pytest.raises(web.BadFrame) as bad:
        web.decode_request(frame)
    assert bad.value.request_id is None


def test_a_huge_integer_in_a_field_is_refused_by_its_spec() -> None:
    request = web.decode_request('{"type": "resume", "id": 3, "last_event_id": ' + "9" * 5000 + "}")
    with pytest.raises(InvalidInput) as refused:
        Int("last_event_id").read(request.fields)
    assert refused.value.params == {"field": "last_event_id"}


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 2**64])
def test_int_and_raw_stay_within_64_bits(number: int) -> None:
    for spec in (Int("n"), Raw("n")):
        with pytest.raises(InvalidInput):
            spec.read({"n": number})
    assert Int("n").read({"n": 2**63 - 1}) == 2**63 - 1


def test_text_specs_apply_the_text_rule() -> None:
    with pytest.raises(InvalidInput) as refused:
        Text("nickname", chars_code="nickname_chars").read({"nickname": "Zo\u202ee"})
    assert (refused.value.code, refused.value.params["char"]) == ("nickname_chars", "U+202E")
    with pytest.raises(InvalidInput):
        Texts("receipts").read({"receipts": ["R-1", "\ud800"]})
    with pytest.raises(InvalidInput):
        Raw("gender").read({"gender": "x" * 201})
    assert Text("text", allow="\n").read({"text": "a\nb"}) == "a\nb"


def test_error_params_never_echo_raw_input() -> None:
    error = InvalidInput("room_not_found", room="\ud800" * 5000, n=2**70, x=float("nan"))
    frame = web.error_frame(1, error, "fr")
    frame.encode("utf-8")  # encodable
    params = json.loads(frame)["params"]
    assert params == {"room": "\ufffd" * web.ECHO_MAX}
