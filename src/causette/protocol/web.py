"""The web protocol's codec (docs/protocol.md), sans I/O: text frames in, requests out;
events and answers in, JSON lines out.

Nothing here touches a socket, so it is tested by feeding strings and reading strings.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, assert_never

from causette import i18n
from causette.domain.events import (
    Event,
    GuestJoined,
    GuestLeft,
    GuestRenamed,
    HeldMessageReleased,
    HeldMessageRemoved,
    IgnoresChanged,
    MessageDeleted,
    MessageHeld,
    MessagePosted,
    PrivacyChanged,
    PrivateClosed,
    PrivateDismissed,
    ReportDecided,
    RoomClosed,
    RoomEntered,
    RoomListChanged,
    RoomModerationChanged,
    SafetyNudged,
    SafetyWarned,
    SanctionNotified,
    TopicChanged,
)
from causette.domain.models import IgnoreEntry, Message, Room, RoomInfo, UserView
from causette.domain.moderation import APPEAL_WINDOW, OWN_INITIATIVE, Appeal, Decision
from causette.domain.rules import article_of, rules_url
from causette.domain.text import bounded, first_unsafe
from causette.domain.times import day_first_minute_utc, iso_utc
from causette.errors import CausetteError

# Re-exported: the web's requests are the shared ones.
from causette.protocol.request import INT_MAX, INT_MIN
from causette.protocol.request import BadFrame as BadFrame
from causette.protocol.request import Request as Request
from causette.protocol.request import RequestId as RequestId

VERSION = 1


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def iso(ts: float) -> str:
    """UTC time with milliseconds, as the protocol writes every time."""
    return iso_utc(ts)


# -- requests ----------------------------------------------------------------------------


class Oversized:
    """What an integer of more than ``INT_DIGITS`` digits decodes to: never an ``int``, so
    every field spec refuses it with that field named (Python refuses to parse integers over
    4,300 digits, and nothing here needs more than 64 bits)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Oversized()"


OVERSIZED = Oversized()
INT_DIGITS = 20  # 2**63 has 19 digits; one more for a minus sign


def _parse_int(digits: str) -> int | Oversized:
    return int(digits) if len(digits) <= INT_DIGITS else OVERSIZED


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON; Python accepts them unless told otherwise.
    raise ValueError(name)


def decode_request(frame: str | bytes) -> Request:
    """Parse one client frame, or raise ``BadFrame``.

    Whether the type names a request is the command table's business (transport/web/
    commands.py): an unknown type is answered ``bad_request`` there, with ``re`` set.
    """
    if not isinstance(frame, str):
        raise BadFrame(None)  # the protocol speaks text frames only
    try:
        obj = json.loads(frame, parse_int=_parse_int, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        raise BadFrame(None) from None
    if not isinstance(obj, dict):
        raise BadFrame(None)
    rid = obj.get("id")
    # The id is echoed in ``re``: it must be encodable and fit any client's integer.
    valid_id = (
        isinstance(rid, int) and not isinstance(rid, bool) and INT_MIN <= rid <= INT_MAX
    ) or (isinstance(rid, str) and 0 < len(rid) <= 32 and first_unsafe(rid) is None)
    kind = obj.get("type")
    if not valid_id:
        raise BadFrame(None)
    if not isinstance(kind, str):
        raise BadFrame(rid)
    return Request(kind, rid, obj)


# -- objects -----------------------------------------------------------------------------


def user(view: UserView, presence: bool = True) -> dict[str, Any]:
    """A User; ``away: true`` while the person is in the grace period. A message's
    ``from``/``to`` (``presence`` false) are a snapshot, and say nothing of presence."""
    obj: dict[str, Any] = {
        "id": view.id,
        "nick": view.nick,
        "age": view.age,
        "gender": view.gender.value,
        "dept": {"code": view.location.code, "name": view.location.name},
    }
    if presence and view.away:
        obj["away"] = True
    return obj


def message(m: Message) -> dict[str, Any]:
    return {
        "type": "message",
        "id": m.id,
        "ts": iso(m.ts),
        "room": m.room,
        "to": user(m.recipient, False) if m.recipient else None,
        "from": user(m.sender, False),
        "text": m.text,
        "action": m.action,
    }


def room_info(info: RoomInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.name,
        "topic": info.topic,
        "count": info.count,
        "kind": info.kind.value,
        "owner": info.owner,
    }


def room_state(
    room: Room, members: Iterable[UserView], history: Iterable[Message]
) -> dict[str, Any]:
    return {
        "id": room.id,
        "name": room.name,
        "topic": room.topic,
        "kind": room.kind.value,
        "owner": room.owner,
        "members": [user(v) for v in members],
        "history": [message(m) for m in history],
    }


def ignores(entries: Sequence[IgnoreEntry]) -> list[dict[str, str]]:
    return [{"id": e.id, "nick": e.nick, "user": e.user_id} for e in entries]


# -- frames ------------------------------------------------------------------------------


def event_frame(event: Event) -> str:
    """Encode an event once; the same string goes to every recipient."""
    obj: dict[str, Any]
    match event:
        case MessagePosted(m):
            obj = message(m)
        case GuestJoined(room, who):
            obj = {"type": "joined", "room": room, "user": user(who)}
        case GuestLeft(room, who, reason, by):
            obj = {"type": "left", "room": room, "user": user(who), "reason": reason.value}
            if by is not None:
                obj["by"] = user(by)
        case GuestRenamed(who, old_nick):
            obj = {"type": "user_updated", "user": user(who), "old_nick": old_nick}
        case TopicChanged(room, topic, by):
            obj = {"type": "topic", "room": room, "topic": topic, "by": user(by)}
        case RoomClosed(room):
            obj = {"type": "room_closed", "room": room}
        case MessageDeleted(message_id, room):
            obj = {"type": "message_deleted", "id": message_id, "room": room}
        case SanctionNotified(decision):
            obj = {"type": "sanction", "decision": statement(decision)}
        case ReportDecided(receipt, outcome):
            obj = {"type": "report_outcome", "receipt": receipt, "outcome": outcome}
        case RoomListChanged(rooms):
            return room_list_frame(rooms)
        case RoomModerationChanged(room, moderated, may_speak):
            obj = {
                "type": "room_moderation",
                "room": room,
                "moderated": moderated,
                "may_speak": may_speak,
            }
        case MessageHeld(m):
            obj = {**message(m), "type": "message_held"}
        case HeldMessageReleased(message_id, new_id):
            obj = {"type": "held_released", "id": message_id, "message_id": new_id}
        case HeldMessageRemoved(message_id):
            obj = {"type": "held_removed", "id": message_id}
        case SafetyNudged(advice, room, who):
            obj = {
                "type": "safety_tip",
                "advice": advice,
                "room": room,
                "user": user(who) if who else None,
            }
        case SafetyWarned(warning, room, who):
            obj = {
                "type": "safety_warning",
                "warning": warning,
                "room": room,
                "user": user(who) if who else None,
            }
        case PrivateClosed(who, reason):
            obj = {"type": "private_closed", "user": user(who), "reason": reason}
        case RoomEntered(room):
            obj = {"type": "room_entered", "room": room}
        case PrivateDismissed(peer):
            obj = {"type": "private_dismissed", "user": peer}
        case PrivacyChanged(privacy):
            obj = {"type": "privacy", "privacy": privacy.value}
        case IgnoresChanged(entries):
            obj = {"type": "ignores", "ignores": ignores(entries)}
        case _:
            assert_never(event)
    return _dumps(obj)


def appeal(a: Appeal) -> dict[str, Any]:
    return {
        "code": a.code,
        "status": a.status.value,
        "appellant": a.appellant.value,
        "created_at": iso(a.created_at),
        "answer": a.answer,
        "decided_at": iso(a.decided_at) if a.decided_at is not None else None,
    }


def statement(d: Decision) -> dict[str, Any]:
    """A statement of reasons as the affected person reads it (DSA Art. 17)."""
    return {
        "id": d.id,
        "code": d.code,
        "kind": d.kind.value,
        "room": d.room,
        "duration_seconds": d.duration,
        "until": iso(d.created_at + d.duration) if d.duration is not None else None,
        "facts": d.facts,
        "ground": d.ground,
        # The article of the community rules it applies, linked from every statement.
        "article": article_of(d.ground),
        "rules_url": rules_url(d.ground),
        # An automated detection is the platform's own initiative, not a notice.
        "source": "own_initiative" if d.source in OWN_INITIATIVE else "notice",
        "notice_source": d.source.value,
        "automated_detection": d.automated_detection,
        "automated_decision": d.automated_decision,
        "created_at": iso(d.created_at),
        "reversed_at": iso(d.reversed_at) if d.reversed_at is not None else None,
        "appeal_until": iso(d.created_at + APPEAL_WINDOW),
    }


def room_list_frame(rooms: Iterable[RoomInfo]) -> str:
    return _dumps({"type": "room_list", "rooms": [room_info(r) for r in rooms]})


def ack_frame(request_id: RequestId, payload: Mapping[str, Any] | None = None) -> str:
    return _dumps({"type": "ack", "re": request_id, **(payload or {})})


ECHO_MAX = 200  # characters of a client's string an error may carry back


def _human_params(params: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split params into the wire form (ISO times) and the form a sentence reads.

    Params may hold what a client sent (a room name, a character): strings are bounded and
    lose what the text rule refuses, numbers that JSON or a client cannot hold are dropped,
    so that an error frame is always encodable.
    """
    wire: dict[str, Any] = {}
    spoken: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, float) and not math.isfinite(value):
            continue
        if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            continue
        if key == "until" and isinstance(value, float | int):
            wire[key] = iso(float(value))
            spoken[key] = day_first_minute_utc(value)
        elif isinstance(value, float):
            wire[key] = spoken[key] = max(1, round(value))
        elif isinstance(value, str):
            wire[key] = spoken[key] = bounded(value, ECHO_MAX)
        elif isinstance(value, int | bool) or value is None:
            wire[key] = spoken[key] = value
    return wire, spoken


def error_frame(request_id: RequestId, error: CausetteError, lang: str) -> str:
    wire, spoken = _human_params(error.params)
    field = wire.pop("field", None)
    obj: dict[str, Any] = {
        "type": "error",
        "re": request_id,
        "code": error.code,
        "message": i18n.message(error.code, lang, spoken),
        "params": wire,
    }
    if field is not None:
        obj["field"] = field
    return _dumps(obj)


def disconnect_frame(code: str, lang: str, params: Mapping[str, Any] | None = None) -> str:
    """Why the server is about to close the connection, in the visitor's language."""
    wire, spoken = _human_params(params or {})
    return _dumps(
        {
            "type": "disconnect",
            "code": code,
            "message": i18n.message(code, lang, spoken),
            "params": wire,
        }
    )


def hello_frame(
    server: str,
    lang: str,
    limits: Mapping[str, int | float],
    prefill: Mapping[str, Any] | None,
    age_blocked_until: float | None,
    age_blocked_scope: str | None = None,
    online: int = 0,
) -> str:
    return _dumps(
        {
            "type": "hello",
            "protocol": VERSION,
            "server": server,
            "lang": lang,
            "limits": dict(limits),
            "prefill": dict(prefill) if prefill else None,
            "age_blocked_until": iso(age_blocked_until) if age_blocked_until else None,
            # "device" (this browser, for the cooling period) or "network" (briefly).
            "age_blocked_scope": age_blocked_scope if age_blocked_until else None,
            "online": online,
        }
    )


class WebCodec:
    """The web as the hub sees it: JSON events, one per line in a text frame, and a
    sender's own messages come back to it (docs/protocol.md, "Transport")."""

    __slots__ = ()

    echo = True

    def event_frame(self, event: Event) -> str:
        return event_frame(event)

    def batch(self, frames: list[str]) -> str:
        return frames[0] if len(frames) == 1 else "\n".join(frames)


CODEC = WebCodec()
