"""Every bus message and every event crosses the wire and comes back the same, types included.

One example (or more) of each type is built below; the first tests fail when a type joins the
``Event`` or ``BusMessage`` union without an example, so a new type cannot skip the round trip.
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import get_args

import pytest

from causette.domain.departements import location_by_code
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
from causette.live.wire import decode, encode
from causette.types import GuestId, NodeId

ZOE = UserView("g-7f3a91", "Zoé", 34, Gender.WOMAN, location_by_code("75"))
BOB = UserView("g-91c2d0", "Bob_2A", 40, Gender.MAN, location_by_code("2A"))
SAM = UserView("g-0b44e1", "Sam", 27, Gender.OTHER, location_by_code("etranger"))
ZOE_DEVICE = "3f" * 32
BOB_DEVICE = "a1" * 32

DECISION = Decision(
    id=118,
    code="D-7K3M9Q2X",
    case_id=42,
    kind=SanctionKind.ROOM_BAN,
    room="paris",
    duration=86_400.0,
    facts="Messages insultants répétés envers « Zoé » dans #paris.",
    ground="CGU 4.2 (harcèlement)",
    source=Source.VISITOR,
    automated_detection=False,
    automated_decision=False,
    moderator_account=3,
    subject_nickname="Bob_2A",
    created_at=1_700_000_500.25,
    category=Category.HARASSMENT,
    ground_type=GroundType.ILLEGAL,
    ground_reference="Code pénal art. 222-33-2-2",
    explanation="Insultes répétées.",
    incompatible_illegal=True,
    content_date=1_700_000_400.0,
    content_language="FR",
    territorial_scope=frozenset({"FR", "BE"}),
    visibility="DECISION_VISIBILITY_CONTENT_REMOVED",
    provision="DECISION_PROVISION_PARTIAL_SUSPENSION",
    ends_at=1_700_086_900.25,
)
SITE_DECISION = Decision(
    id=119,
    code="D-Q2X7K3M9",
    case_id=None,
    kind=SanctionKind.SITE_BAN,
    room=None,
    duration=None,
    facts="Spam automatisé\nsur plusieurs salons.",
    ground="CGU 3.1",
    source=Source.AUTOMATED,
    automated_detection=True,
    automated_decision=False,
    moderator_account=None,
    subject_nickname="Sam",
    created_at=1_700_000_600.0,
    reversed_at=1_700_100_000.5,
)

EVENTS: list[Event] = [
    MessagePosted(
        Message(4812, 1_700_000_123.456, ZOE, ZOE_DEVICE, "Salut à tous 👋 ça va ?", room="paris")
    ),
    MessagePosted(
        Message(
            4813,
            1_700_000_124.0,
            BOB,
            BOB_DEVICE,
            "te salue",
            action=True,
            recipient=ZOE,
            deleted_at=1_700_000_200.0,
        )
    ),
    GuestJoined("paris", BOB),
    GuestLeft("paris", BOB, LeaveReason.KICKED, by=ZOE),
    GuestLeft("paris", SAM, LeaveReason.TIMEOUT),
    GuestRenamed(ZOE, "Zoe_75"),
    TopicChanged("paris", "Apéro vendredi 19 h, place de la République", ZOE),
    RoomClosed("bavardages"),
    MessageDeleted(4812, "paris"),
    MessageDeleted(4813, None),
    SanctionNotified(DECISION),
    SanctionNotified(SITE_DECISION),
    ReportDecided("R-M9Q2X7K3", "actioned"),
    RoomModerationChanged("paris", True, False),
    MessageHeld(
        Message(4814, 1_700_000_130.0, BOB, BOB_DEVICE, "hmm", room="paris", held_at=1.5e9)
    ),
    HeldMessageReleased(4814, 4820),
    HeldMessageRemoved(4814),
    SafetyNudged("ambush", None, BOB),
    SafetyNudged("safety", "paris", None),
    SafetyWarned("personal_info", None, BOB),
    SafetyWarned("respect", "paris", None),
    PrivateClosed(ZOE, "safety"),
    PrivateClosed(ZOE, "age_band"),
    GuestLeft("paris", ZOE, LeaveReason.AGE_BAND),
    GuestRenamed(dataclasses.replace(ZOE, away=True), ZOE.nick),
    RoomEntered("paris"),
    PrivateDismissed("g-91c2d0"),
    PrivacyChanged(Privacy.NOBODY),
    IgnoresChanged((IgnoreEntry("i5f2c", BOB_DEVICE, "Bob_2A", "g-91c2d0"),)),
    IgnoresChanged(()),
    RoomListChanged((RoomInfo("paris", "Paris", "", 2, RoomKind.OFFICIAL, None),)),
]

BAN = Sanction(
    id=77,
    kind=SanctionKind.ROOM_BAN,
    person=Person(BOB_DEVICE, "net-5e1d", "Bob_2A"),
    room="paris",
    starts_at=1_700_000_500.25,
    expires_at=1_700_086_900.25,
    decision_id=118,
)
SITE_BAN = Sanction(
    id=78,
    kind=SanctionKind.SITE_BAN,
    person=Person("9c" * 32, "net-00aa", "Sam"),
    room=None,
    starts_at=1_700_000_600.0,
    expires_at=None,
    decision_id=119,
    revoked_at=1_700_100_000.5,
    network_until=1_700_086_900.0,
    network_exempt=frozenset({"7f" * 32, "8e" * 32}),
)

MESSAGES: list[BusMessage] = [
    *(Delivered(Delivery(event, ("g-7f3a91", "g-91c2d0"))) for event in EVENTS),
    Delivered(Delivery(RoomClosed("vide"), ())),
    Delivered(Delivery(RoomClosed("vide"), ("g-7f3a91",)), "c0ffee.12"),
    Delivered(Delivery(RoomEntered("paris"), ("g-7f3a91",)), "c0ffee.13", True),
    Broadcast(
        RoomListChanged(
            (
                RoomInfo("paris", "Paris", "Apéro vendredi", 128, RoomKind.OFFICIAL, None),
                RoomInfo("jeux-de-role", "Jeux de rôle", "", 3, RoomKind.USER, "g-7f3a91"),
            )
        )
    ),
    Broadcast(RoomListChanged(())),
    PresenceChanged(GuestId("g-7f3a91"), NodeId("node-b"), True),
    PresenceChanged(GuestId("g-7f3a91"), NodeId("node-a"), False),
    SanctionApplied(BAN, "D-7K3M9Q2X"),
    SanctionApplied(SITE_BAN, "D-Q2X7K3M9"),
    SanctionRevoked(119),
    RoomControlChanged(RoomModeration("paris", True, False, frozenset({ZOE_DEVICE, BOB_DEVICE}))),
    RoomControlChanged(RoomModeration("lyon", closed=True)),
    EmergencyChanged(EmergencyLevel.CLOSE_ENTRIES, True),
    EmergencyChanged(EmergencyLevel.ALL_ROOMS_MODERATED, False),
    ConsoleUpdated("report", 42),
]


def test_every_event_type_has_an_example() -> None:
    assert {type(e) for e in EVENTS} == set(get_args(Event))


def test_every_bus_message_type_has_an_example() -> None:
    assert {type(m) for m in MESSAGES} == set(get_args(BusMessage))


def _optional_fields(value: object, seen: dict[tuple[str, str], set[bool]]) -> None:
    """Record, for each optional dataclass field reached, whether it was seen None or set."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            inner = getattr(value, f.name)
            if "None" in str(f.type):
                seen.setdefault((type(value).__name__, f.name), set()).add(inner is None)
            _optional_fields(inner, seen)
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            _optional_fields(item, seen)


def test_the_examples_try_every_optional_field_both_ways() -> None:
    # None and a value are both encoded somewhere, so neither can be lost on the way.
    seen: dict[tuple[str, str], set[bool]] = {}
    for message in MESSAGES:
        _optional_fields(message, seen)
    assert ("Message", "recipient") in seen
    assert {key for key, kinds in seen.items() if kinds != {True, False}} == set()


def assert_same(sent: object, got: object, path: str = "message") -> None:
    """Equal, and of the same types all the way down (a StrEnum equals its plain string)."""
    assert type(got) is type(sent), f"{path}: {type(got).__name__} != {type(sent).__name__}"
    if dataclasses.is_dataclass(sent) and not isinstance(sent, type):
        for f in dataclasses.fields(sent):
            assert_same(getattr(sent, f.name), getattr(got, f.name), f"{path}.{f.name}")
    elif isinstance(sent, tuple | list):
        assert isinstance(got, tuple | list)
        assert len(got) == len(sent), path
        for i, (a, b) in enumerate(zip(sent, got, strict=True)):
            assert_same(a, b, f"{path}[{i}]")
    else:
        assert got == sent, path
        if isinstance(sent, Enum):
            assert got is sent, path


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: type(m).__name__)
def test_round_trip(message: BusMessage) -> None:
    text = encode(message)
    back = decode(text)
    assert back == message
    assert_same(message, back)
    assert encode(back) == text  # stable: a relayed message is byte for byte the same


@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: type(m).__name__)
def test_the_text_is_one_json_object_with_a_version_and_a_type(message: BusMessage) -> None:
    raw = json.loads(encode(message))
    assert raw["v"] == 1
    assert isinstance(raw["type"], str)
    assert "\n" not in encode(message)  # one message per line, if a transport wants lines


def test_bytes_decode_like_text() -> None:
    message = MESSAGES[0]
    assert decode(encode(message).encode("utf-8")) == message


def test_recipients_come_back_as_a_tuple_whatever_they_were_sent_as() -> None:
    sent = Delivered(Delivery(RoomClosed("paris"), {"g-1", "g-2", "g-3"}))
    back = decode(encode(sent))
    assert isinstance(back, Delivered)
    assert isinstance(back.delivery.recipients, tuple)
    assert sorted(back.delivery.recipients) == ["g-1", "g-2", "g-3"]


def test_the_same_voiced_set_always_encodes_the_same_way() -> None:
    a = RoomControlChanged(RoomModeration("paris", voiced=frozenset({"b", "a", "c"})))
    b = RoomControlChanged(RoomModeration("paris", voiced=frozenset({"c", "b", "a"})))
    assert encode(a) == encode(b)


def _json(message: BusMessage) -> dict[str, object]:
    raw = json.loads(encode(message))
    assert isinstance(raw, dict)
    return raw


def _text(raw: object) -> str:
    return json.dumps(raw)


def test_defaulted_fields_may_be_absent() -> None:
    # What a node one release behind sends when this release adds a defaulted field.
    raw = _json(Delivered(Delivery(EVENTS[0], ("g-1",))))
    message = raw["delivery"]["event"]["message"]  # type: ignore[index]
    for key in ("action", "room", "recipient", "deleted_at"):
        del message[key]
    back = decode(_text(raw))
    assert isinstance(back, Delivered)
    assert isinstance(back.delivery.event, MessagePosted)
    m = back.delivery.event.message
    assert (m.action, m.room, m.recipient, m.deleted_at) == (False, None, None, None)

    control = _json(RoomControlChanged(RoomModeration("paris", True, True, frozenset({"d"}))))
    control["control"] = {"room": "paris"}
    assert decode(_text(control)) == RoomControlChanged(RoomModeration("paris"))


def test_unknown_fields_are_ignored() -> None:
    raw = _json(ConsoleUpdated("report", 42))
    raw["added_in_a_later_release"] = [1, 2]
    assert decode(_text(raw)) == ConsoleUpdated("report", 42)


def test_null_is_not_missing_for_a_required_field() -> None:
    # Decision.case_id may be None but has no default: it must be sent, even as null.
    raw = _json(Delivered(Delivery(SanctionNotified(SITE_DECISION), ("g-1",))))
    del raw["delivery"]["event"]["decision"]["case_id"]  # type: ignore[index]
    with pytest.raises(ValueError, match=r"decision\.case_id: missing"):
        decode(_text(raw))


def _mutated(message: BusMessage, path: tuple[str, ...], value: object) -> str:
    raw: dict[str, object] = _json(message)
    node: object = raw
    for key in path[:-1]:
        assert isinstance(node, dict)
        node = node[key]
    assert isinstance(node, dict)
    node[path[-1]] = value
    return _text(raw)


POSTED = Delivered(Delivery(EVENTS[0], ("g-1",)))
MSG = ("delivery", "event", "message")


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (_mutated(ConsoleUpdated("x", 1), ("type",), "guest_teleported"), "unknown type"),
        (_mutated(POSTED, ("delivery", "event", "type"), "guest_flew"), "unknown event type"),
        (_mutated(ConsoleUpdated("x", 1), ("v",), 2), "wire version 2"),
        (_mutated(ConsoleUpdated("x", 1), ("case_id",), "1"), "case_id: expected an integer"),
        (_mutated(ConsoleUpdated("x", 1), ("case_id",), True), "case_id: expected an integer"),
        (_mutated(ConsoleUpdated("x", 1), ("case_id",), 1.5), "case_id: expected an integer"),
        (_mutated(POSTED, (*MSG, "ts"), "hier"), r"message\.ts: expected a number"),
        (_mutated(POSTED, (*MSG, "action"), 1), "action: expected a boolean"),
        (_mutated(POSTED, (*MSG, "sender", "gender"), "robot"), "unknown Gender 'robot'"),
        (_mutated(POSTED, (*MSG, "sender"), None), r"sender: expected an object"),
        (_mutated(POSTED, ("delivery", "recipients"), "g-1"), "recipients: expected a list"),
        (_mutated(POSTED, ("delivery", "recipients"), [1]), r"recipients\[0\]: expected a str"),
        (
            _mutated(EmergencyChanged(EmergencyLevel.CLOSE_ENTRIES, True), ("level",), "panic"),
            "unknown EmergencyLevel",
        ),
        ('{"v": 1, "type": "console_updated", "what": "x"}', "case_id: missing"),
        ('{"v": 1, "type": "sanction_revoked", "decision_id": NaN}', "non-finite"),
        ('{"v": 1, "type": "sanction_revoked", "decision_id": Infinity}', "non-finite"),
        ('[{"v": 1}]', "expected an object, got list"),
        ('{"type": "sanction_revoked", "decision_id": 1}', r"\.v: missing"),
        ("not json at all", "Expecting value"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_decoding_refuses_what_encode_never_writes(text: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        decode(text)


def test_a_non_finite_number_is_refused_at_encoding() -> None:
    bad = SanctionApplied(dataclasses.replace(BAN, expires_at=float("inf")), "D-7K3M9Q2X")
    with pytest.raises(ValueError, match="Out of range float"):
        encode(bad)
