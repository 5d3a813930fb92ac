"""The bus's wire format: every ``BusMessage``, and every domain ``Event`` inside it, as JSON.

One message is one JSON object ``{"v": 1, "type": "<tag>", ...fields}``; an event inside a
``Delivered`` is an object with its own ``"type"``. Field names are the dataclasses' own, enums
travel as their values, ``None`` as ``null``, sets as sorted lists, and floats exactly (Python's
JSON writes the shortest text that reads back to the same float).

Encoding is exhaustive: each ``match`` ends in ``assert_never``, so adding a type to ``Event``
or ``BusMessage`` without encoding it fails ``mypy``; the round-trip tests fail if it is not
decoded. Decoding trusts nothing: an unknown type, a missing field, a field of the wrong type,
an unknown enum value or a non-finite number is a ``ValueError`` naming where it was found.
A field whose dataclass has a default may be absent (the default applies) and unknown fields
are ignored, so that a node one release ahead can add a defaulted field during a rolling
upgrade.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import assert_never

from causette.domain.departements import Location
from causette.domain.events import (
    Delivery,
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
from causette.domain.models import (
    Gender,
    IgnoreEntry,
    LeaveReason,
    Message,
    Privacy,
    RoomInfo,
    RoomKind,
    UserView,
)
from causette.domain.moderation import (
    Category,
    Decision,
    EmergencyLevel,
    GroundType,
    Person,
    RoomModeration,
    Sanction,
    SanctionKind,
    Source,
)
from causette.live.bus import (
    Broadcast,
    BusMessage,
    ConsoleUpdated,
    Delivered,
    EmergencyChanged,
    PresenceChanged,
    RoomControlChanged,
    SanctionApplied,
    SanctionRevoked,
)
from causette.live.wire_fields import Fields
from causette.types import GuestId, NodeId

WIRE_VERSION = 1  # bumped only for a change an older node would misread

Json = dict[str, object]


def encode(message: BusMessage) -> str:
    """The JSON text of ``message``; ``ValueError`` for a non-finite float (a bug upstream)."""
    body: Json = {"v": WIRE_VERSION}
    body.update(_bus(message))
    return json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def decode(data: str | bytes) -> BusMessage:
    """The message ``encode`` wrote; ``ValueError`` for anything else."""
    try:
        raw = json.loads(data, parse_constant=_non_finite)
    except RecursionError as exc:  # absurd nesting: refuse it like any malformed input
        raise ValueError("bus message nested too deeply") from exc
    fields = Fields(raw, "message")
    version = fields.integer("v")
    if version != WIRE_VERSION:
        raise ValueError(f"bus message: wire version {version}, expected {WIRE_VERSION}")
    tag = fields.text("type")
    decoder = _BUS_DECODERS.get(tag)
    if decoder is None:
        raise ValueError(f"bus message: unknown type {tag!r}")
    return decoder(fields)


def _non_finite(constant: str) -> float:
    raise ValueError(f"bus message: non-finite number {constant}")


# --- encoding ------------------------------------------------------------------------------


def _bus(message: BusMessage) -> Json:
    match message:
        case Delivered(delivery=delivery, origin=origin, others_only=others_only):
            return {
                "type": "delivered",
                "delivery": {
                    "event": _event(delivery.event),
                    "recipients": list(delivery.recipients),
                },
                "origin": origin,
                "others_only": others_only,
            }
        case Broadcast(event=event):
            return {"type": "broadcast", "event": _event(event)}
        case PresenceChanged(guest_id=guest_id, node=node, attached=attached):
            return {
                "type": "presence_changed",
                "guest_id": guest_id,
                "node": node,
                "attached": attached,
            }
        case SanctionApplied(sanction=sanction, decision_code=code):
            return {
                "type": "sanction_applied",
                "sanction": _sanction(sanction),
                "decision_code": code,
            }
        case SanctionRevoked(decision_id=decision_id):
            return {"type": "sanction_revoked", "decision_id": decision_id}
        case RoomControlChanged(control=control):
            return {"type": "room_control_changed", "control": _room_control(control)}
        case EmergencyChanged(level=level, enabled=enabled):
            return {"type": "emergency_changed", "level": level.value, "enabled": enabled}
        case ConsoleUpdated(what=what, case_id=case_id):
            return {"type": "console_updated", "what": what, "case_id": case_id}
        case _:
            assert_never(message)


def _event(event: Event) -> Json:
    match event:
        case MessagePosted(message=message):
            return {"type": "message_posted", "message": _message(message)}
        case GuestJoined(room=room, user=user):
            return {"type": "guest_joined", "room": room, "user": _user(user)}
        case GuestLeft(room=room, user=user, reason=reason, by=by):
            return {
                "type": "guest_left",
                "room": room,
                "user": _user(user),
                "reason": reason.value,
                "by": None if by is None else _user(by),
            }
        case GuestRenamed(user=user, old_nick=old_nick):
            return {"type": "guest_renamed", "user": _user(user), "old_nick": old_nick}
        case TopicChanged(room=room, topic=topic, by=by):
            return {"type": "topic_changed", "room": room, "topic": topic, "by": _user(by)}
        case RoomClosed(room=room):
            return {"type": "room_closed", "room": room}
        case MessageDeleted(message_id=message_id, room=room):
            return {"type": "message_deleted", "message_id": message_id, "room": room}
        case SanctionNotified(decision=decision):
            return {"type": "sanction_notified", "decision": _decision(decision)}
        case ReportDecided(receipt=receipt, outcome=outcome):
            return {"type": "report_decided", "receipt": receipt, "outcome": outcome}
        case RoomModerationChanged(room=room, moderated=moderated, may_speak=may_speak):
            return {
                "type": "room_moderation_changed",
                "room": room,
                "moderated": moderated,
                "may_speak": may_speak,
            }
        case MessageHeld(message=message):
            return {"type": "message_held", "message": _message(message)}
        case HeldMessageReleased(message_id=message_id, new_id=new_id):
            return {"type": "held_message_released", "message_id": message_id, "new_id": new_id}
        case HeldMessageRemoved(message_id=message_id):
            return {"type": "held_message_removed", "message_id": message_id}
        case SafetyNudged(advice=advice, room=room, user=user):
            return {
                "type": "safety_nudged",
                "advice": advice,
                "room": room,
                "user": None if user is None else _user(user),
            }
        case SafetyWarned(warning=warning, room=room, user=user):
            return {
                "type": "safety_warned",
                "warning": warning,
                "room": room,
                "user": None if user is None else _user(user),
            }
        case PrivateClosed(user=user, reason=reason):
            return {"type": "private_closed", "user": _user(user), "reason": reason}
        case RoomListChanged(rooms=rooms):
            return {"type": "room_list_changed", "rooms": [_room_info(r) for r in rooms]}
        case RoomEntered(room=room):
            return {"type": "room_entered", "room": room}
        case PrivateDismissed(peer=peer):
            return {"type": "private_dismissed", "peer": peer}
        case PrivacyChanged(privacy=privacy):
            return {"type": "privacy_changed", "privacy": privacy.value}
        case IgnoresChanged(entries=entries):
            return {"type": "ignores_changed", "entries": [_ignore(e) for e in entries]}
        case _:
            assert_never(event)


def _ignore(e: IgnoreEntry) -> Json:
    return {"id": e.id, "ignored_device": e.ignored_device, "nick": e.nick, "user_id": e.user_id}


def _location(location: Location) -> Json:
    return {"code": location.code, "name": location.name}


def _user(user: UserView) -> Json:
    return {
        "id": user.id,
        "nick": user.nick,
        "age": user.age,
        "gender": user.gender.value,
        "location": _location(user.location),
        "away": user.away,
    }


def _message(m: Message) -> Json:
    return {
        "id": m.id,
        "ts": m.ts,
        "sender": _user(m.sender),
        "sender_device": m.sender_device,
        "text": m.text,
        "action": m.action,
        "room": m.room,
        "recipient": None if m.recipient is None else _user(m.recipient),
        "deleted_at": m.deleted_at,
        "held_at": m.held_at,
    }


def _decision(d: Decision) -> Json:
    return {
        "id": d.id,
        "code": d.code,
        "case_id": d.case_id,
        "kind": d.kind.value,
        "room": d.room,
        "duration": d.duration,
        "facts": d.facts,
        "ground": d.ground,
        "source": d.source.value,
        "automated_detection": d.automated_detection,
        "automated_decision": d.automated_decision,
        "moderator_account": d.moderator_account,
        "subject_nickname": d.subject_nickname,
        "created_at": d.created_at,
        "reversed_at": d.reversed_at,
        "category": d.category.value,
        "ground_type": d.ground_type.value,
        "ground_reference": d.ground_reference,
        "explanation": d.explanation,
        "incompatible_illegal": d.incompatible_illegal,
        "content_date": d.content_date,
        "content_language": d.content_language,
        "content_type": d.content_type,
        "territorial_scope": sorted(d.territorial_scope),
        "visibility": d.visibility,
        "provision": d.provision,
        "ends_at": d.ends_at,
    }


def _sanction(s: Sanction) -> Json:
    return {
        "id": s.id,
        "kind": s.kind.value,
        "subject": {  # the wire keeps its key: nodes of both versions read each other
            "device": s.person.device,
            "network": s.person.network,
            "nickname": s.person.nickname,
        },
        "room": s.room,
        "starts_at": s.starts_at,
        "expires_at": s.expires_at,
        "decision_id": s.decision_id,
        "revoked_at": s.revoked_at,
        "network_until": s.network_until,
        "network_exempt": sorted(s.network_exempt),
    }


def _room_info(r: RoomInfo) -> Json:
    return {
        "id": r.id,
        "name": r.name,
        "topic": r.topic,
        "count": r.count,
        "kind": r.kind.value,
        "owner": r.owner,
    }


def _room_control(c: RoomModeration) -> Json:
    return {
        "room": c.room,
        "moderated": c.moderated,
        "closed": c.closed,
        "voiced": sorted(c.voiced),  # sorted: the same control always encodes the same way
    }


# --- decoding ------------------------------------------------------------------------------


def _read_location(f: Fields) -> Location:
    return Location(f.text("code"), f.text("name"))


def _read_user(f: Fields) -> UserView:
    return UserView(
        id=f.text("id"),
        nick=f.text("nick"),
        age=f.integer("age"),
        gender=f.enum("gender", Gender),
        location=_read_location(f.obj("location")),
        away=f.flag("away", absent=False),
    )


def _read_opt_user(f: Fields | None) -> UserView | None:
    return None if f is None else _read_user(f)


def _read_message(f: Fields) -> Message:
    return Message(
        id=f.integer("id"),
        ts=f.number("ts"),
        sender=_read_user(f.obj("sender")),
        sender_device=f.text("sender_device"),
        text=f.text("text"),
        action=f.flag("action", absent=False),
        room=f.opt_text("room", absent_ok=True),
        recipient=_read_opt_user(f.opt_obj("recipient", absent_ok=True)),
        deleted_at=f.opt_number("deleted_at", absent_ok=True),
        held_at=f.opt_number("held_at", absent_ok=True),
    )


def _read_decision(f: Fields) -> Decision:
    return Decision(
        id=f.integer("id"),
        code=f.text("code"),
        case_id=f.opt_integer("case_id"),
        kind=f.enum("kind", SanctionKind),
        room=f.opt_text("room"),
        duration=f.opt_number("duration"),
        facts=f.text("facts"),
        ground=f.text("ground"),
        source=f.enum("source", Source),
        automated_detection=f.flag("automated_detection"),
        automated_decision=f.flag("automated_decision"),
        moderator_account=f.opt_integer("moderator_account"),
        subject_nickname=f.text("subject_nickname"),
        created_at=f.number("created_at"),
        reversed_at=f.opt_number("reversed_at", absent_ok=True),
        # A node that predates the Transparency Database's fields sends none of them.
        category=Category(f.opt_text("category", absent_ok=True) or Category.TERMS.value),
        ground_type=GroundType(f.opt_text("ground_type", absent_ok=True) or GroundType.TERMS.value),
        ground_reference=f.opt_text("ground_reference", absent_ok=True) or "",
        explanation=f.opt_text("explanation", absent_ok=True) or "",
        incompatible_illegal=f.flag("incompatible_illegal", absent=False),
        content_date=f.opt_number("content_date", absent_ok=True),
        content_language=f.opt_text("content_language", absent_ok=True),
        content_type=f.opt_text("content_type", absent_ok=True) or "CONTENT_TYPE_TEXT",
        territorial_scope=frozenset(f.texts("territorial_scope", absent_ok=True)),
        visibility=f.opt_text("visibility", absent_ok=True),
        provision=f.opt_text("provision", absent_ok=True),
        ends_at=f.opt_number("ends_at", absent_ok=True),
    )


def _read_sanction(f: Fields) -> Sanction:
    subject = f.obj("subject")
    return Sanction(
        id=f.integer("id"),
        kind=f.enum("kind", SanctionKind),
        person=Person(subject.text("device"), subject.text("network"), subject.text("nickname")),
        room=f.opt_text("room"),
        starts_at=f.number("starts_at"),
        expires_at=f.opt_number("expires_at"),
        decision_id=f.integer("decision_id"),
        revoked_at=f.opt_number("revoked_at", absent_ok=True),
        network_until=f.opt_number("network_until", absent_ok=True),
        network_exempt=frozenset(f.texts("network_exempt", absent_ok=True)),
    )


def _read_room_info(f: Fields) -> RoomInfo:
    return RoomInfo(
        id=f.text("id"),
        name=f.text("name"),
        topic=f.text("topic"),
        count=f.integer("count"),
        kind=f.enum("kind", RoomKind),
        owner=f.opt_text("owner"),
    )


def _read_room_control(f: Fields) -> RoomModeration:
    return RoomModeration(
        room=f.text("room"),
        moderated=f.flag("moderated", absent=False),
        closed=f.flag("closed", absent=False),
        voiced=frozenset(f.texts("voiced", absent_ok=True)),
    )


_EVENT_DECODERS: dict[str, Callable[[Fields], Event]] = {
    "message_posted": lambda f: MessagePosted(_read_message(f.obj("message"))),
    "guest_joined": lambda f: GuestJoined(f.text("room"), _read_user(f.obj("user"))),
    "guest_left": lambda f: GuestLeft(
        room=f.text("room"),
        user=_read_user(f.obj("user")),
        reason=f.enum("reason", LeaveReason),
        by=_read_opt_user(f.opt_obj("by", absent_ok=True)),
    ),
    "guest_renamed": lambda f: GuestRenamed(_read_user(f.obj("user")), f.text("old_nick")),
    "topic_changed": lambda f: TopicChanged(
        f.text("room"), f.text("topic"), _read_user(f.obj("by"))
    ),
    "room_closed": lambda f: RoomClosed(f.text("room")),
    "message_deleted": lambda f: MessageDeleted(f.integer("message_id"), f.opt_text("room")),
    "sanction_notified": lambda f: SanctionNotified(_read_decision(f.obj("decision"))),
    "report_decided": lambda f: ReportDecided(f.text("receipt"), f.text("outcome")),
    "room_moderation_changed": lambda f: RoomModerationChanged(
        f.text("room"), f.flag("moderated"), f.flag("may_speak")
    ),
    "message_held": lambda f: MessageHeld(_read_message(f.obj("message"))),
    "held_message_released": lambda f: HeldMessageReleased(
        f.integer("message_id"), f.integer("new_id")
    ),
    "held_message_removed": lambda f: HeldMessageRemoved(f.integer("message_id")),
    "safety_nudged": lambda f: SafetyNudged(
        f.text("advice"), f.opt_text("room"), _read_opt_user(f.opt_obj("user"))
    ),
    "safety_warned": lambda f: SafetyWarned(
        f.text("warning"), f.opt_text("room"), _read_opt_user(f.opt_obj("user"))
    ),
    "private_closed": lambda f: PrivateClosed(_read_user(f.obj("user")), f.text("reason")),
    "room_list_changed": lambda f: RoomListChanged(
        tuple(_read_room_info(r) for r in f.objs("rooms"))
    ),
    "room_entered": lambda f: RoomEntered(f.text("room")),
    "private_dismissed": lambda f: PrivateDismissed(f.text("peer")),
    "privacy_changed": lambda f: PrivacyChanged(f.enum("privacy", Privacy)),
    "ignores_changed": lambda f: IgnoresChanged(
        tuple(
            IgnoreEntry(e.text("id"), e.text("ignored_device"), e.text("nick"), e.text("user_id"))
            for e in f.objs("entries")
        )
    ),
}


def _read_event(f: Fields) -> Event:
    tag = f.text("type")
    decoder = _EVENT_DECODERS.get(tag)
    if decoder is None:
        raise ValueError(f"bus message: unknown event type {tag!r}")
    return decoder(f)


def _read_delivered(f: Fields) -> Delivered:
    delivery = f.obj("delivery")
    # Recipients come back as a tuple, whatever collection they were sent from.
    return Delivered(
        Delivery(_read_event(delivery.obj("event")), tuple(delivery.texts("recipients"))),
        f.opt_text("origin", absent_ok=True),
        f.flag("others_only", absent=False),
    )


_BUS_DECODERS: dict[str, Callable[[Fields], BusMessage]] = {
    "delivered": _read_delivered,
    "broadcast": lambda f: Broadcast(_read_event(f.obj("event"))),
    "presence_changed": lambda f: PresenceChanged(
        GuestId(f.text("guest_id")), NodeId(f.text("node")), f.flag("attached")
    ),
    "sanction_applied": lambda f: SanctionApplied(
        _read_sanction(f.obj("sanction")), f.text("decision_code")
    ),
    "sanction_revoked": lambda f: SanctionRevoked(f.integer("decision_id")),
    "room_control_changed": lambda f: RoomControlChanged(_read_room_control(f.obj("control"))),
    "emergency_changed": lambda f: EmergencyChanged(
        f.enum("level", EmergencyLevel), f.flag("enabled")
    ),
    "console_updated": lambda f: ConsoleUpdated(f.text("what"), f.integer("case_id")),
}
