"""SQLite rows of the moderation values, and back (for ``SqliteModerationStore``).

Invariant: a value's field names are its table's column names; a nested value (a report's
Locator, a sanction's Person) spreads its fields into columns of the same names. The contract
tests round-trip every value: renaming a field or a column on one side only fails there.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from causette.domain.accounts import Account, ConsoleSession, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    Appeal,
    AppealStatus,
    Appellant,
    Case,
    CaseStatus,
    Category,
    Decision,
    Evidence,
    GroundType,
    Locator,
    Outcome,
    Person,
    Report,
    RoomModeration,
    Sanction,
    SanctionKind,
    Source,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")
E = TypeVar("E", bound=Enum)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def username_key(username: str) -> str:
    """What makes two usernames the same account (stored in ``account.username_key``)."""
    return username.lower()


def column_of(value: object) -> object:
    """A field as SQLite stores it: enums by value, flags as 0/1, collections as JSON."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, frozenset):
        return to_json(sorted(value))
    if isinstance(value, Mapping):
        return to_json(dict(value))
    return value


def columns_of(value: DataclassInstance, **extra: object) -> dict[str, object]:
    """The columns of a value other than its id, plus ``extra`` ones the value lacks."""
    out: dict[str, object] = {}
    for f in dataclasses.fields(value):
        field_value = getattr(value, f.name)
        if dataclasses.is_dataclass(field_value) and not isinstance(field_value, type):
            out.update(columns_of(field_value))
        elif f.name != "id":
            out[f.name] = column_of(field_value)
    out.update({name: column_of(v) for name, v in extra.items()})
    return out


def value_of(cls: type[D], row: sqlite3.Row, **converted: object) -> D:
    """A ``cls`` from the row's columns named like its fields, ``converted`` ones replaced."""
    plain = {f.name: row[f.name] for f in dataclasses.fields(cls) if f.name not in converted}
    return cls(**plain, **converted)


def maybe(enum: Callable[[str], E], raw: str | None) -> E | None:
    return None if raw is None else enum(raw)


def case_of(r: sqlite3.Row) -> Case:
    return value_of(
        Case,
        r,
        category=Category(r["category"]),
        trusted=bool(r["trusted"]),
        status=CaseStatus(r["status"]),
        outcome=maybe(Outcome, r["outcome"]),
    )


def report_of(r: sqlite3.Row) -> Report:
    return value_of(
        Report,
        r,
        category=Category(r["category"]),
        source=Source(r["source"]),
        locator=Locator(r["message_id"], r["user_id"], r["room"]),
        good_faith=bool(r["good_faith"]),
    )


def evidence_of(r: sqlite3.Row) -> Evidence:
    return value_of(Evidence, r, body=json.loads(r["body"]))


def decision_of(r: sqlite3.Row) -> Decision:
    return value_of(
        Decision,
        r,
        kind=SanctionKind(r["kind"]),
        source=Source(r["source"]),
        automated_detection=bool(r["automated_detection"]),
        automated_decision=bool(r["automated_decision"]),
        category=Category(r["category"]),
        ground_type=GroundType(r["ground_type"]),
        incompatible_illegal=bool(r["incompatible_illegal"]),
        territorial_scope=frozenset(json.loads(r["territorial_scope"])),
    )


def sanction_of(r: sqlite3.Row) -> Sanction:
    # The person's fields are the sanction table's device, network and nickname columns.
    person = Person(r["device"], r["network"], r["nickname"])
    exempt = frozenset(json.loads(r["network_exempt"]))
    return value_of(Sanction, r, kind=SanctionKind(r["kind"]), person=person, network_exempt=exempt)


def appeal_of(r: sqlite3.Row) -> Appeal:
    return value_of(
        Appeal, r, appellant=Appellant(r["appellant"]), status=AppealStatus(r["status"])
    )


def room_of(r: sqlite3.Row) -> RoomModeration:
    return RoomModeration(
        r["room"], bool(r["moderated"]), bool(r["closed"]), frozenset(json.loads(r["voiced"]))
    )


def account_of(r: sqlite3.Row) -> Account:
    return value_of(Account, r, role=Role(r["role"]))


def session_of(r: sqlite3.Row) -> ConsoleSession:
    return value_of(ConsoleSession, r)


def audit_of(r: sqlite3.Row) -> AuditEntry:
    return value_of(AuditEntry, r, automated=bool(r["automated"]), details=json.loads(r["details"]))
