"""The ModerationStore contract, written once and run against every backend.

Each backend is a ``backend`` parameter: a factory of unopened (chat store, moderation store)
pairs that share the same data, so that a test can close and reopen. PostgreSQL joins as
another parameter.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

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
    EmergencyLevel,
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
from causette.errors import Refused
from causette.store.moderation import ModerationStore
from causette.store.sqlite.chat import SqliteStore, migrations
from causette.store.sqlite.moderation import SqliteModerationStore

Backend = Callable[[], tuple[SqliteStore, ModerationStore]]

ZOE = Person(device="dev-zoe", network="net-zoe", nickname="Zoé")


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":

        def make() -> tuple[SqliteStore, ModerationStore]:
            chat = SqliteStore(tmp_path / "c.sqlite3")
            return chat, SqliteModerationStore(chat)

        return make
    raise AssertionError(request.param)


@pytest.fixture
async def chat_and_store(backend: Backend) -> AsyncIterator[tuple[SqliteStore, ModerationStore]]:
    chat, store = backend()
    await chat.open()
    yield chat, store
    await chat.close()


@pytest.fixture
def chat(chat_and_store: tuple[SqliteStore, ModerationStore]) -> SqliteStore:
    return chat_and_store[0]


@pytest.fixture
def store(chat_and_store: tuple[SqliteStore, ModerationStore]) -> ModerationStore:
    return chat_and_store[1]


# -- values ----------------------------------------------------------------------------------


def case(code: str = "C1", **changes: object) -> Case:
    value = Case(
        id=0,
        code=code,
        subject="device:zoe",
        category=Category.HARASSMENT,
        priority=2,
        trusted=False,
        status=CaseStatus.OPEN,
        created_at=100.0,
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def report(case_id: int, code: str = "R1", **changes: object) -> Report:
    value = Report(
        id=0,
        case_id=case_id,
        code=code,
        category=Category.HATE,
        source=Source.VISITOR,
        locator=Locator(message_id=42, user_id="zoe", room="général"),
        explanation="Propos haineux répétés",
        contact="témoin@example.fr",
        good_faith=True,
        reporter_device="dev-bob",
        reporter_account=None,
        created_at=110.0,
        automated_rule="lexique-v2",
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def decision(code: str = "D1", **changes: object) -> Decision:
    value = Decision(
        id=0,
        code=code,
        case_id=None,
        kind=SanctionKind.MUTE,
        room="général",
        duration=3600.0,
        facts="Insultes répétées",
        ground="CGU 4.2",
        source=Source.MODERATOR,
        automated_detection=True,
        automated_decision=False,
        moderator_account=7,
        subject_nickname="Zoé",
        created_at=200.0,
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def sanction(decision_id: int, **changes: object) -> Sanction:
    value = Sanction(
        id=0,
        kind=SanctionKind.MUTE,
        person=ZOE,
        room="général",
        starts_at=200.0,
        expires_at=3800.0,
        decision_id=decision_id,
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def appeal(decision_id: int | None, code: str = "A1", **changes: object) -> Appeal:
    value = Appeal(
        id=0,
        code=code,
        decision_id=decision_id,
        report_id=None,
        appellant=Appellant.AFFECTED,
        text="Je conteste",
        status=AppealStatus.PENDING,
        created_at=300.0,
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def account(username: str = "Alice", **changes: object) -> Account:
    value = Account(
        id=0,
        username=username,
        password_hash="$argon2id$…",
        role=Role.MODERATOR,
        totp_secret=None,
        failed_logins=0,
        locked_until=None,
        created_at=10.0,
    )
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


def audit(ts: float, action: str = "case_opened", **changes: object) -> AuditEntry:
    value = AuditEntry(id=0, ts=ts, actor_kind="moderator", actor_id="7", action=action)
    return dataclasses.replace(value, **changes)  # type: ignore[arg-type]


# -- cases, reports, evidence ----------------------------------------------------------------


async def test_case_round_trip_and_update(store: ModerationStore) -> None:
    added = await store.add_case(case())
    assert added.id > 0
    assert added == case(id=added.id)
    assert await store.get_case(added.id) == added
    assert await store.get_case(added.id + 100) is None
    closed = dataclasses.replace(
        added,
        status=CaseStatus.CLOSED,
        closed_at=500.0,
        outcome=Outcome.UNFOUNDED,
        hold_until=900.5,
        category=Category.THREAT,
        priority=0,
        trusted=True,
    )
    await store.update_case(closed)
    assert await store.get_case(added.id) == closed


async def test_open_queue_orders_by_priority_then_trusted_then_age(
    store: ModerationStore,
) -> None:
    # One open case per subject: each case here is about someone else.
    spam_old = await store.add_case(
        case("a", subject="device:a", category=Category.SPAM, priority=3, created_at=1)
    )
    hate_new = await store.add_case(
        case("b", subject="device:b", category=Category.HATE, created_at=50)
    )
    hate_old = await store.add_case(
        case("c", subject="device:c", category=Category.HATE, created_at=10)
    )
    hate_trusted = await store.add_case(
        case("d", subject="device:d", category=Category.HATE, trusted=True, created_at=60)
    )
    threat = await store.add_case(
        case("e", subject="device:e", category=Category.THREAT, priority=0, created_at=90)
    )
    await store.add_case(case("f", priority=0, status=CaseStatus.CLOSED, created_at=0))
    queue = await store.open_cases()
    assert queue == [threat, hate_trusted, hate_old, hate_new, spam_old]
    assert queue == sorted(queue, key=Case.queue_key)
    assert await store.open_cases(Category.HATE) == [hate_trusted, hate_old, hate_new]
    assert await store.open_cases(Category.CHILD_ABUSE) == []
    assert await store.open_cases(limit=2) == [threat, hate_trusted]


async def test_open_case_for_finds_only_open_cases(store: ModerationStore) -> None:
    assert await store.open_case_for("device:zoe") is None
    old = await store.add_case(
        case("old", status=CaseStatus.CLOSED, closed_at=150.0, outcome=Outcome.REJECTED)
    )
    assert await store.open_case_for("device:zoe") is None
    live = await store.add_case(case("live", created_at=200.0))
    await store.add_case(case("other", subject="room:jardin"))
    assert await store.open_case_for("device:zoe") == live
    assert await store.cases_of_subject("device:zoe") == [live, old]
    assert await store.cases_of_subject("device:nobody") == []


async def test_open_or_join_case_opens_once_then_joins(store: ModerationStore) -> None:
    hate, opened = await store.open_or_join_case(case("C1", category=Category.HATE))
    assert opened
    assert hate == case("C1", id=hate.id, category=Category.HATE)
    # A more urgent category takes over; a trusted flagger's mark stays.
    joined, opened = await store.open_or_join_case(
        case("C2", category=Category.THREAT, priority=0, trusted=True, created_at=300.0)
    )
    assert not opened
    assert joined == dataclasses.replace(hate, category=Category.THREAT, priority=0, trusted=True)
    # A less urgent one, or one as urgent, changes nothing.
    again, opened = await store.open_or_join_case(
        case("C3", category=Category.CHILD_ABUSE, priority=0)
    )
    assert (again, opened) == (joined, False)
    again, opened = await store.open_or_join_case(case("C4", category=Category.SPAM, priority=3))
    assert (again, opened) == (joined, False)
    assert await store.get_case(hate.id) == joined
    other, opened = await store.open_or_join_case(case("C5", subject="room:jardin"))
    assert opened
    assert other.id != hate.id
    # Closed cases do not count: the next notice opens a new one.
    await store.update_case(dataclasses.replace(joined, status=CaseStatus.CLOSED, closed_at=400.0))
    fresh, opened = await store.open_or_join_case(case("C6"))
    assert opened
    assert fresh.id not in (hate.id, other.id)


async def test_concurrent_notices_about_one_person_open_one_case(
    store: ModerationStore,
) -> None:
    results = await asyncio.gather(*(store.open_or_join_case(case(f"C{n}")) for n in range(5)))
    assert len({c.id for c, _ in results}) == 1
    assert [opened for _, opened in results].count(True) == 1
    assert len(await store.cases_of_subject("device:zoe")) == 1


async def test_file_notice_stores_case_report_and_evidence_together(
    store: ModerationStore,
) -> None:
    stamp = Evidence(0, 0, None, "conversation", {"messages": [{"id": 1}]}, 110.0)
    first = await store.file_notice(case("C1"), report(0, "R1"), [stamp])
    assert first.opened
    assert first.report == report(first.case.id, "R1", id=first.report.id)
    assert await store.reports_of_case(first.case.id) == [first.report]
    (kept,) = await store.evidence_of_case(first.case.id)
    assert (kept.case_id, kept.report_id, kept.body) == (
        first.case.id,
        first.report.id,
        {"messages": [{"id": 1}]},
    )
    filed = await asyncio.gather(
        *(store.file_notice(case(f"C{n}"), report(0, f"R{n}"), []) for n in range(2, 6))
    )
    assert {f.case.id for f in filed} == {first.case.id}
    assert not any(f.opened for f in filed)
    assert len(await store.reports_of_case(first.case.id)) == 5


async def test_a_failed_notice_leaves_no_empty_case(store: ModerationStore) -> None:
    await store.file_notice(case("C1", subject="device:a"), report(0, "R1"), [])
    # The receipt is taken: the report fails after its case would have been opened.
    with pytest.raises(Exception):  # noqa: B017, PT011 (each backend has its integrity error)
        await store.file_notice(case("C2", subject="device:b"), report(0, "R1"), [])
    assert await store.open_case_for("device:b") is None
    assert await store.cases_of_subject("device:b") == []


async def test_reopen_case_reopens_or_joins_the_open_one(store: ModerationStore) -> None:
    closed = {"status": CaseStatus.CLOSED, "closed_at": 150.0, "outcome": Outcome.REJECTED}
    old = await store.add_case(case("old", hold_until=999.0, **closed))
    reopened = await store.reopen_case(old.id)
    assert reopened == case("old", id=old.id)
    assert await store.get_case(old.id) == reopened
    assert await store.reopen_case(old.id) == reopened  # already open
    assert await store.reopen_case(old.id + 100) is None
    # Closed again; meanwhile a new case about the same person is open.
    await store.update_case(dataclasses.replace(reopened, **closed))  # type: ignore[arg-type]
    moved = await store.add_report(report(old.id, "R-old"))
    new = await store.add_case(case("new", category=Category.SPAM, priority=3))
    joined = await store.reopen_case(old.id)
    assert joined == dataclasses.replace(new, category=Category.HARASSMENT, priority=2)
    assert await store.reports_of_case(new.id) == [dataclasses.replace(moved, case_id=new.id)]
    assert await store.open_case_for("device:zoe") == joined


async def test_migration_folds_duplicate_open_cases(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for number, script in migrations():
        if number < 3:
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
    insert = (
        "INSERT INTO mod_case (code, subject, category, priority, trusted, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    with db:
        db.execute(insert, ("C1", "device:zoe", "spam", 3, 0, "open", 1.0))
        db.execute(insert, ("C2", "device:zoe", "threat", 0, 0, "open", 2.0))
        db.execute(insert, ("C3", "device:zoe", "hate", 2, 1, "open", 3.0))
        db.execute(insert, ("C4", "device:zoe", "hate", 2, 0, "closed", 0.5))
        db.execute(insert, ("C5", "room:jardin", "spam", 3, 0, "open", 4.0))
        for n, case_id in enumerate((1, 2, 3, 3), 1):
            db.execute(
                "INSERT INTO report (case_id, code, category, source, room, explanation,"
                " good_faith, created_at) VALUES (?, ?, 'spam', 'visitor', 'jardin', '', 1, 5.0)",
                (case_id, f"R{n}"),
            )
    db.close()
    chat = SqliteStore(path)
    await chat.open()
    try:
        store = SqliteModerationStore(chat)
        kept = await store.open_case_for("device:zoe")
        assert kept is not None
        assert (kept.code, kept.category, kept.priority, kept.trusted) == (
            "C1",
            Category.THREAT,
            0,
            True,
        )
        assert [r.code for r in await store.reports_of_case(kept.id)] == ["R1", "R2", "R3", "R4"]
        assert [c.code for c in await store.cases_of_subject("device:zoe")] == ["C1", "C4"]
        assert (await store.open_case_for("room:jardin")) is not None
    finally:
        await chat.close()


async def test_reports_round_trip(store: ModerationStore) -> None:
    c = await store.add_case(case())
    first = await store.add_report(report(c.id))
    second = await store.add_report(
        report(
            c.id,
            "R2",
            source=Source.TRUSTED_FLAGGER,
            locator=Locator(room="jardin"),
            contact=None,
            good_faith=False,
            reporter_device=None,
            reporter_account=3,
            automated_rule=None,
        )
    )
    assert first == report(c.id, id=first.id)
    assert second.id > first.id
    assert await store.reports_of_case(c.id) == [first, second]
    assert await store.report_by_code("R2") == second
    assert await store.get_report(first.id) == first
    assert await store.get_report(second.id + 1) is None
    assert await store.report_by_code("nope") is None
    assert await store.reports_of_account(3) == [second]
    assert await store.reports_of_account(4) == []


async def test_evidence_round_trip_keeps_json(chat: SqliteStore, store: ModerationStore) -> None:
    c = await store.add_case(case())
    r = await store.add_report(report(c.id))
    body = {"messages": [{"id": 1, "text": "« bonjour » 🙂"}], "room": "général", "n": 2.5}
    added = await store.add_evidence(Evidence(0, c.id, r.id, "conversation", body, 120.0))
    bare = await store.add_evidence(Evidence(0, c.id, None, "session", {}, 121.0))
    assert added == Evidence(added.id, c.id, r.id, "conversation", body, 120.0)
    assert await store.evidence_of_case(c.id) == [added, bare]
    rows = await chat.rows("SELECT body FROM evidence WHERE id = ?", (added.id,))
    assert "général" in rows[0][0]  # stored as UTF-8, not \\u escapes


async def test_purge_evidence_respects_hold_and_open_cases(store: ModerationStore) -> None:
    closed = {"status": CaseStatus.CLOSED, "closed_at": 150.0, "outcome": Outcome.ACTIONED}
    expired = await store.add_case(case("expired", hold_until=500.0, **closed))
    held = await store.add_case(case("held", hold_until=2000.0, **closed))
    unset = await store.add_case(case("unset", **closed))
    still_open = await store.add_case(case("open", hold_until=10.0))
    for c in (expired, held, unset, still_open):
        for kind in ("conversation", "session"):
            await store.add_evidence(Evidence(0, c.id, None, kind, {"case": c.code}, 120.0))
    assert await store.purge_evidence(500.0) == 0  # hold_until < now, strictly
    assert await store.purge_evidence(1000.0) == 2
    assert await store.evidence_of_case(expired.id) == []
    for c in (held, unset, still_open):
        assert len(await store.evidence_of_case(c.id)) == 2
    assert await store.purge_evidence(1000.0) == 0
    # The case itself stays: only its evidence goes.
    assert await store.get_case(expired.id) == expired


# -- decisions and sanctions -----------------------------------------------------------------


async def test_decision_round_trip_and_lookups(store: ModerationStore) -> None:
    c = await store.add_case(case())
    first = await store.add_decision(decision(case_id=c.id), "dev-zoe")
    second = await store.add_decision(
        decision(
            "D2",
            kind=SanctionKind.SITE_BAN,
            room=None,
            duration=None,
            source=Source.TRUSTED_FLAGGER,
            automated_detection=False,
            moderator_account=None,
            created_at=300.0,
            # The Transparency Database's fields, none left at its default.
            category=Category.CHILD_ABUSE,
            ground_type=GroundType.ILLEGAL,
            ground_reference="Code pénal art. 227-22-1",
            explanation="Sollicitation d'une mineure",
            incompatible_illegal=True,
            content_date=150.0,
            content_language="FR",
            content_type="CONTENT_TYPE_OTHER",
            territorial_scope=frozenset({"FR", "BE"}),
            visibility="DECISION_VISIBILITY_CONTENT_REMOVED",
            provision="DECISION_PROVISION_TOTAL_SUSPENSION",
            ends_at=900.0,
        ),
        "dev-zoe",
    )
    other = await store.add_decision(decision("D3", created_at=250.0), "dev-bob")
    assert first == decision(id=first.id, case_id=c.id)
    assert await store.get_decision(second.id) == second
    assert await store.get_decision(999) is None
    assert await store.decision_by_code("D3") == other
    assert await store.decision_by_code("nope") is None
    assert await store.decisions_of_device("dev-zoe") == [second, first]
    assert await store.decisions_of_device("dev-eve") == []
    assert await store.decisions_between(200.0, 300.0) == [first, other]
    assert await store.decisions_between(250.0, 301.0) == [second, other]


async def test_submissions_are_recorded_once_with_their_puid(store: ModerationStore) -> None:
    d = await store.add_decision(decision(), "dev-zoe")
    assert await store.subject_of_decision(d.id) == "dev-zoe"
    assert await store.subject_of_decision(d.id + 1) is None
    assert await store.submissions() == {}
    await store.record_submission(d.id, f"causette-{d.id}", 500.0)
    assert await store.submissions() == {d.id: f"causette-{d.id}"}
    with pytest.raises(sqlite3.IntegrityError):  # never sent twice
        await store.record_submission(d.id, f"causette-{d.id}", 600.0)


async def test_decision_ids_increase_and_are_never_reused(
    backend: Backend, chat: SqliteStore, store: ModerationStore
) -> None:
    first = await store.add_decision(decision("D1"), "dev-zoe")
    second = await store.add_decision(decision("D2"), "dev-zoe")
    assert 0 < first.id < second.id
    # Even if the newest row disappeared, its number stays spent, across a restart.
    await chat.write("DELETE FROM decision WHERE id = ?", (second.id,))
    await chat.close()
    chat, store = backend()
    await chat.open()
    try:
        third = await store.add_decision(decision("D3"), "dev-zoe")
        assert third.id > second.id
        assert await store.get_decision(first.id) == first
    finally:
        await chat.close()


async def test_sanction_round_trip(store: ModerationStore) -> None:
    d = await store.add_decision(decision(), "dev-zoe")
    first = await store.add_sanction(sanction(d.id))
    second = await store.add_sanction(
        sanction(d.id, kind=SanctionKind.SITE_BAN, room=None, expires_at=None, revoked_at=250.0)
    )
    assert first == sanction(d.id, id=first.id)
    assert first.person == ZOE
    assert await store.sanctions_of_decision(d.id) == [first, second]
    assert await store.sanctions_of_decision(d.id + 1) == []


async def test_active_sanctions_respect_start_expiry_and_revocation(
    store: ModerationStore,
) -> None:
    d = await store.add_decision(decision(), "dev-zoe")
    running = await store.add_sanction(sanction(d.id, starts_at=100.0, expires_at=200.0))
    forever = await store.add_sanction(sanction(d.id, starts_at=100.0, expires_at=None))
    later = await store.add_sanction(sanction(d.id, starts_at=150.0, expires_at=None))
    await store.add_sanction(sanction(d.id, starts_at=0.0, expires_at=None, revoked_at=50.0))
    assert await store.active_sanctions(99.0) == []
    assert await store.active_sanctions(100.0) == [running, forever]
    assert await store.active_sanctions(150.0) == [running, forever, later]
    assert await store.active_sanctions(200.0) == [forever, later]  # expiry is exclusive
    for now in (99.0, 100.0, 150.0, 200.0):
        everything = await store.sanctions_of_decision(d.id)
        assert await store.active_sanctions(now) == [s for s in everything if s.active(now)]


async def test_reverse_decision_revokes_its_sanctions(store: ModerationStore) -> None:
    mute = await store.add_decision(decision("D1"), "dev-zoe")
    ban = await store.add_decision(decision("D2", kind=SanctionKind.ROOM_BAN), "dev-zoe")
    muted = await store.add_sanction(sanction(mute.id, expires_at=None))
    muted_too = await store.add_sanction(sanction(mute.id, room="jardin", expires_at=None))
    banned = await store.add_sanction(sanction(ban.id, kind=SanctionKind.ROOM_BAN))
    assert await store.active_sanctions(300.0) == [muted, muted_too, banned]
    await store.reverse_decision(mute.id, 400.0)
    assert await store.active_sanctions(500.0) == [banned]
    reversed_ = await store.get_decision(mute.id)
    assert reversed_ == dataclasses.replace(mute, reversed_at=400.0)
    assert reversed_ is not None
    assert not reversed_.appeal_open(500.0)
    assert [s.revoked_at for s in await store.sanctions_of_decision(mute.id)] == [400.0, 400.0]
    assert await store.get_decision(ban.id) == ban
    # Reversing again keeps the first time.
    await store.reverse_decision(mute.id, 600.0)
    assert (await store.get_decision(mute.id)) == reversed_


async def test_strikes_are_counted_since(store: ModerationStore) -> None:
    assert await store.count_strikes("dev-zoe", "unfounded_report", 0.0) == 0
    c = await store.add_case(case())
    await store.add_strike("dev-zoe", "unfounded_report", c.id, 100.0)
    await store.add_strike("dev-zoe", "unfounded_report", None, 200.0)
    await store.add_strike("dev-zoe", "unfounded_report", None, 300.0)
    await store.add_strike("dev-zoe", "illegal_post", None, 300.0)
    await store.add_strike("dev-bob", "unfounded_report", None, 300.0)
    assert await store.count_strikes("dev-zoe", "unfounded_report", 0.0) == 3
    assert await store.count_strikes("dev-zoe", "unfounded_report", 200.0) == 2
    assert await store.count_strikes("dev-zoe", "unfounded_report", 301.0) == 0
    assert await store.count_strikes("dev-zoe", "illegal_post", 0.0) == 1


# -- appeals ---------------------------------------------------------------------------------


async def test_appeals_by_status_and_decision(store: ModerationStore) -> None:
    d = await store.add_decision(decision(), "dev-zoe")
    c = await store.add_case(case())
    r = await store.add_report(report(c.id))
    affected = await store.add_appeal(appeal(d.id, created_at=300.0))
    reporter = await store.add_appeal(
        appeal(None, "A2", report_id=r.id, appellant=Appellant.REPORTER, created_at=250.0)
    )
    assert affected == appeal(d.id, id=affected.id)
    assert await store.get_appeal(reporter.id) == reporter
    assert await store.get_appeal(999) is None
    assert await store.appeal_by_code("A1") == affected
    assert await store.appeal_by_code("nope") is None
    assert await store.appeals() == [reporter, affected]
    assert await store.appeals(AppealStatus.PENDING) == [reporter, affected]

    await store.decide_appeal(affected.id, AppealStatus.REVERSED, 7, "Vous avez raison", 400.0)
    decided = dataclasses.replace(
        affected,
        status=AppealStatus.REVERSED,
        decided_by=7,
        answer="Vous avez raison",
        decided_at=400.0,
    )
    assert await store.get_appeal(affected.id) == decided
    assert await store.appeals(AppealStatus.PENDING) == [reporter]
    assert await store.appeals(AppealStatus.REVERSED) == [decided]
    assert await store.appeals(AppealStatus.UPHELD) == []


# -- rooms and emergency switches ------------------------------------------------------------


async def test_room_moderation_round_trip(store: ModerationStore) -> None:
    assert await store.room_moderation() == []
    jardin = RoomModeration("jardin", moderated=True, voiced=frozenset({"dev-a", "dev-é"}))
    await store.save_room_moderation(jardin)
    await store.save_room_moderation(RoomModeration("echecs", closed=True))
    assert await store.room_moderation() == [RoomModeration("echecs", closed=True), jardin]
    replaced = RoomModeration("jardin", moderated=False, voiced=frozenset())
    await store.save_room_moderation(replaced)
    assert await store.room_moderation() == [RoomModeration("echecs", closed=True), replaced]


async def test_emergency_levels_default_empty_then_set_and_unset(store: ModerationStore) -> None:
    assert await store.emergency_levels() == {}
    await store.set_emergency(EmergencyLevel.CLOSE_ENTRIES, True, 100.0, 7)
    await store.set_emergency(EmergencyLevel.ALL_ROOMS_MODERATED, True, 110.0, None)
    assert await store.emergency_levels() == {
        EmergencyLevel.CLOSE_ENTRIES: True,
        EmergencyLevel.ALL_ROOMS_MODERATED: True,
    }
    await store.set_emergency(EmergencyLevel.CLOSE_ENTRIES, False, 200.0, 7)
    levels = await store.emergency_levels()
    assert levels == {EmergencyLevel.CLOSE_ENTRIES: False, EmergencyLevel.ALL_ROOMS_MODERATED: True}
    assert all(isinstance(level, EmergencyLevel) for level in levels)


# -- accounts and console sessions -----------------------------------------------------------


async def test_accounts_round_trip_and_usernames_are_case_insensitive(
    store: ModerationStore,
) -> None:
    alice = await store.add_account(account("Alice"))
    assert alice == account("Alice", id=alice.id)
    admin = await store.add_account(account("Élodie", role=Role.ADMINISTRATOR, totp_secret="S"))
    for taken in ("Alice", "alice", "ALICE", "élodie"):
        with pytest.raises(Refused) as refused:
            await store.add_account(account(taken))
        assert refused.value.code == "username_taken"
        assert refused.value.params == {"field": "username"}
    assert await store.account_by_username("aLiCe") == alice
    assert await store.account_by_username("ÉLODIE") == admin
    assert await store.account_by_username("bob") is None
    assert await store.get_account(admin.id) == admin
    assert await store.get_account(999) is None
    assert await store.accounts() == [alice, admin]


async def test_login_state_and_totp(store: ModerationStore) -> None:
    alice = await store.add_account(account())
    await store.set_login_state(alice.id, 5, 900.0)
    await store.set_totp(alice.id, "JBSWY3DP")
    assert await store.get_account(alice.id) == dataclasses.replace(
        alice, failed_logins=5, locked_until=900.0, totp_secret="JBSWY3DP"
    )
    await store.set_login_state(alice.id, 0, None)
    await store.set_totp(alice.id, None)
    assert await store.get_account(alice.id) == alice


async def test_sessions_touch_delete_and_purge(store: ModerationStore) -> None:
    alice = await store.add_account(account())
    one = ConsoleSession("h1", alice.id, "csrf1", 100.0, 100.0)
    two = ConsoleSession("h2", alice.id, "csrf2", 100.0, 150.0)
    three = ConsoleSession("h3", alice.id, "csrf3", 100.0, 100.0)
    for s in (one, two, three):
        await store.add_session(s)
    assert await store.get_session("h1") == one
    assert await store.get_session("nope") is None
    await store.touch_session("h1", 300.0)
    assert await store.get_session("h1") == dataclasses.replace(one, last_seen=300.0)
    await store.delete_session("h3")
    assert await store.get_session("h3") is None
    assert await store.purge_sessions(200.0) == 1
    assert await store.get_session("h2") is None
    assert await store.get_session("h1") is not None
    assert await store.purge_sessions(200.0) == 0


# -- audit log -------------------------------------------------------------------------------


async def test_audit_round_trip_and_time_window(store: ModerationStore) -> None:
    full = await store.append(
        audit(
            100.0,
            "decision_taken",
            case_id=3,
            decision_id=4,
            category="hate",
            source="visitor",
            automated=True,
            reason="CGU 4.2",
            details={"sanction": "mute", "salle": "général", "n": [1, 2]},
        )
    )
    bare = await store.append(audit(150.0))
    edge = await store.append(audit(200.0, case_id=3))
    assert full == audit(
        100.0,
        "decision_taken",
        id=full.id,
        case_id=3,
        decision_id=4,
        category="hate",
        source="visitor",
        automated=True,
        reason="CGU 4.2",
        details={"sanction": "mute", "salle": "général", "n": [1, 2]},
    )
    assert 0 < full.id < bare.id < edge.id
    assert await store.entries(100.0, 200.0) == [full, bare]
    assert await store.entries(150.0, 201.0) == [bare, edge]
    assert await store.entries(0.0, 100.0) == []
    assert await store.entries_of_case(3) == [full, edge]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit SET action = 'rewritten'",
        "DELETE FROM audit",
        "DELETE FROM audit WHERE id = 1",
    ],
)
async def test_audit_is_append_only(chat: SqliteStore, store: ModerationStore, sql: str) -> None:
    entry = await store.append(audit(100.0))

    def tamper(db: sqlite3.Connection) -> None:
        db.execute(sql)

    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        await chat.run(tamper)
    assert await store.entries(0.0, 1000.0) == [entry]


async def test_audit_delete_is_an_integrity_error(
    chat: SqliteStore, store: ModerationStore
) -> None:
    await store.append(audit(100.0))
    with pytest.raises(sqlite3.IntegrityError):
        await chat.run(lambda db: db.execute("DELETE FROM audit"))


# -- durability ------------------------------------------------------------------------------


async def test_moderation_survives_close_and_reopen(
    backend: Backend, chat: SqliteStore, store: ModerationStore
) -> None:
    c = await store.add_case(case())
    d = await store.add_decision(decision(case_id=c.id), "dev-zoe")
    s = await store.add_sanction(sanction(d.id))
    a = await store.add_account(account())
    e = await store.append(audit(100.0, case_id=c.id))
    await chat.close()
    chat, store = backend()
    await chat.open()
    try:
        assert await store.open_cases() == [c]
        assert await store.decisions_of_device("dev-zoe") == [d]
        assert await store.active_sanctions(300.0) == [s]
        assert await store.account_by_username("alice") == a
        assert await store.entries_of_case(c.id) == [e]
    finally:
        await chat.close()
