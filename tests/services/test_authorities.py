"""The Art. 18 package: what it holds, and that its page escapes everything it shows."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

import pytest

from causette.domain.accounts import Account, Role
from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    Case,
    CaseStatus,
    Category,
    Decision,
    Evidence,
    Locator,
    Outcome,
    Report,
    SanctionKind,
    Source,
)
from causette.errors import Refused
from causette.reports.authorities import HEADER, build_package, export_case, reported_message_ids
from causette.services.moderation.cases import CaseView
from causette.store.connections import ConnectionRecord

T = 1_717_200_000.0  # 2024-06-01T00:00:00Z
HOSTILE = "<script>alert('x')</script> rdv ce soir & viens seul"


def message(mid: int, ts: float, nick: str, device: str, text: str) -> dict[str, Any]:
    return {
        "id": mid,
        "ts": ts,
        "room": None,
        "from": {"id": f"g-{nick}", "nick": nick, "age": 41 if nick == "Loup" else 14},
        "from_device": device,
        "to": {"id": "g-other", "nick": "Lea" if nick == "Loup" else "Loup"},
        "text": text,
        "action": False,
    }


def case_view() -> CaseView:
    case = Case(
        7,
        "C-ABCD2345",
        "device:dev-loup",
        Category.CHILD_ABUSE,
        0,
        False,
        CaseStatus.CLOSED,
        T,
        T + 3600,
        Outcome.ACTIONED,
        T + 86400,
    )
    report = Report(
        11,
        7,
        "R-RECEIPT1",
        Category.CHILD_ABUSE,
        Source.VISITOR,
        Locator(message_id=102, user_id="g-Loup"),
        "Il demande mon adresse <b>et</b> des photos",
        "lea@example.fr",
        True,
        "dev-lea",
        None,
        T + 60,
    )
    conversation = Evidence(
        1,
        7,
        11,
        "conversation",
        {
            "reported_message": 102,
            "room": None,
            "messages": [
                message(101, T - 120, "Loup", "dev-loup", "t'as quel âge ?"),
                message(100, T - 100, "Lea", "dev-lea", "14"),
                message(102, T - 60, "Loup", "dev-loup", HOSTILE),
            ],
        },
        T + 60,
    )
    session = Evidence(
        2,
        7,
        11,
        "session",
        {
            "nickname": "Loup",
            "device_hash": "dev-loup",
            "network_hash": "net:abc",
            "guest_id": "g-Loup",
        },
        T + 60,
    )
    decision = Decision(
        5,
        "D-SECRET",
        7,
        SanctionKind.SITE_BAN,
        None,
        None,
        "Sollicitation d'une mineure.",
        "Loi, art. 227-22-1 du code pénal",
        Source.VISITOR,
        False,
        False,
        3,
        "Loup",
        T + 3600,
    )
    audit = [
        AuditEntry(
            1, T + 60, "visitor", None, "notice_received", 7, None, "child_abuse", "visitor"
        ),
        AuditEntry(
            2,
            T + 3600,
            "moderator",
            "3",
            "restriction_applied",
            7,
            5,
            details={"kind": "site_ban", "notice_at": T + 60},
        ),
    ]
    previous = Case(
        3,
        "C-OLDCASE1",
        "device:dev-loup",
        Category.HARASSMENT,
        2,
        False,
        CaseStatus.CLOSED,
        T - 86400,
        T - 80000,
        Outcome.REJECTED,
    )
    return CaseView(case, [report], [conversation, session], [previous], [decision], audit, None)


RECORDS = [
    ConnectionRecord(102, "g-Loup", "2001:db8::42", 51234, "web", T - 60),
    ConnectionRecord(101, "g-Loup", "203.0.113.9", 40000, "web", T - 120),
]


def test_reported_messages_are_the_reported_persons_only() -> None:
    assert reported_message_ids(case_view()) == [101, 102]


def test_the_package_holds_the_evidence_connections_and_decisions() -> None:
    package, _ = build_package(case_view(), RECORDS, "modo-anne", T + 7200)
    assert package["destination"] == HEADER
    assert package["exported_by"] == "modo-anne"
    assert package["exported_at"] == "2024-06-01T02:00:00Z"
    assert package["case"]["code"] == "C-ABCD2345"
    assert package["case"]["category"] == "child_abuse"
    assert package["case"]["opened_at"] == "2024-06-01T00:00:00Z"
    assert package["case"]["previous_cases"][0]["code"] == "C-OLDCASE1"
    (report,) = package["reports"]
    assert report["explanation"] == "Il demande mon adresse <b>et</b> des photos"
    assert report["reporter_contact"] == "lea@example.fr"
    assert report["reported_at"] == "2024-06-01T00:01:00Z"
    (conversation,) = package["evidence"]["conversations"]
    texts = [m["text"] for m in conversation["messages"]]
    assert HOSTILE in texts
    assert [m["reported"] for m in conversation["messages"]] == [False, False, True]
    assert conversation["messages"][0]["from"]["declared_age"] == 41
    assert package["evidence"]["sessions"][0]["network_hash"] == "net:abc"
    # Time order, in UTC.
    assert package["connections"] == [
        {
            "message_id": 101,
            "session": "g-Loup",
            "ip": "203.0.113.9",
            "port": 40000,
            "protocol": "web",
            "time": "2024-05-31T23:58:00Z",
        },
        {
            "message_id": 102,
            "session": "g-Loup",
            "ip": "2001:db8::42",
            "port": 51234,
            "protocol": "web",
            "time": "2024-05-31T23:59:00Z",
        },
    ]
    (decision,) = package["decisions"]
    assert decision["ground"] == "Loi, art. 227-22-1 du code pénal"
    assert "code" not in decision  # the affected person's secret is not the authorities' need
    assert [t["action"] for t in package["timeline"]] == ["notice_received", "restriction_applied"]
    json.dumps(package)  # JSON-serialisable as is


def test_the_page_says_the_same_and_escapes_everything() -> None:
    _, page = build_package(case_view(), RECORDS, "<i>modo</i>", T + 7200)
    assert page.startswith("<!DOCTYPE html>")
    assert "Signalement aux autorités — Pharos (internet-signalement.gouv.fr) / 17 / 112" in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; rdv ce soir &amp; viens seul" in page
    assert "&lt;b&gt;et&lt;/b&gt;" in page
    assert "&lt;i&gt;modo&lt;/i&gt;" in page
    for shown in (
        "203.0.113.9",
        "2001:db8::42",
        "51234",
        "lea@example.fr",
        "C-OLDCASE1",
        "2024-05-31T23:59:00Z",
        "Loi, art. 227-22-1 du code pénal",
    ):
        assert shown in page
    assert 'class="reported"' in page
    assert "@media print" in page
    assert not re.search(r"(?i)\b(?:src|href)\s*=", page)


class FakeModeration:
    def __init__(self, view: CaseView, refuse: bool) -> None:
        self.view, self.refuse = view, refuse
        self.calls: list[str] = []

    async def record_export(self, account: Account, case_id: int, kind: str) -> None:
        self.calls.append(f"record_export {case_id} {kind}")
        if self.refuse:
            raise Refused("export_not_allowed")

    async def case_view(self, case_id: int) -> CaseView:
        self.calls.append(f"case_view {case_id}")
        return self.view


class FakeConnections:
    def __init__(self) -> None:
        self.asked: list[list[int]] = []

    async def of_messages(self, message_ids: Sequence[int]) -> list[ConnectionRecord]:
        self.asked.append(list(message_ids))
        return [r for r in RECORDS if r.message_id in message_ids]


ANNE = Account(3, "modo-anne", "", Role.MODERATOR, None, 0, None, T)


async def test_export_case_is_audited_before_reading_connection_data() -> None:
    mod, conns = FakeModeration(case_view(), refuse=False), FakeConnections()
    package, _ = await export_case(mod, conns, ANNE, 7, T + 7200)  # type: ignore[arg-type]
    assert mod.calls == ["record_export 7 authorities", "case_view 7"]
    assert conns.asked == [[101, 102]]
    assert len(package["connections"]) == 2
    assert package["exported_by"] == "modo-anne"

    refused, conns = FakeModeration(case_view(), refuse=True), FakeConnections()
    with pytest.raises(Refused):
        await export_case(refused, conns, ANNE, 7, T + 7200)  # type: ignore[arg-type]
    assert conns.asked == []
