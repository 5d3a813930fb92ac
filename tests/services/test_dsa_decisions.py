"""What each decision stores for the Transparency Database (issue 10's defects 1 to 5): the
automated detection is own initiative, the misuse policy's steps are automated decisions, the
ground's type, reference and explanation are stored apart within their limits, each decision
has its own category, and manifestly unfounded appeals count under Art. 23(2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from causette.domain.accounts import Account, Actor, Role
from causette.domain.departements import location_by_code
from causette.domain.dsa import TOTAL_SUSPENSION, VISIBILITY_REMOVED
from causette.domain.models import Gender, Message, UserView
from causette.domain.moderation import Category, GroundType, Locator, Person, SanctionKind, Source
from causette.errors import Refused
from causette.services.moderation.decisions import Action
from causette.services.moderation.service import ModerationService
from causette.store.sqlite.chat import SqliteStore, migrations
from causette.store.sqlite.moderation import SqliteModerationStore
from causette.transport.console.handlers import action_of

MARC = UserView("g-marc", "Marc", 41, Gender.MAN, location_by_code("75"))
ANNE = Account(3, "modo-anne", "", Role.MODERATOR, None, 0, None, 0.0)
BOB = Account(4, "modo-bob", "", Role.MODERATOR, None, 0, None, 0.0)
T0 = 1_700_000_000.0


async def said(store: SqliteStore, text: str, n: int = 1) -> int:
    await store.append_messages([Message(n, T0 + n, MARC, "dev-marc", text, room="general")])
    return n


async def test_an_automated_detection_is_own_initiative_with_automated_detection(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    mid = await said(store, "tu as quel âge ?")
    _, case = await services.cases.report(
        Locator(message_id=mid),
        "child_abuse",
        "règle",
        None,
        True,
        Source.AUTOMATED,
        None,
        None,
        "r1",
    )
    form = {"kind": "site_ban", "facts": "Sollicitation.", "ground_choice": "law_minor_solicit"}
    decision = await services.decisions.decide(ANNE, case.id, action_of(form), mid)
    assert (decision.source, decision.automated_detection) == (Source.AUTOMATED, True)
    assert decision.automated_decision is False  # a person decided
    assert decision.category is Category.CHILD_ABUSE
    assert decision.ground_type is GroundType.ILLEGAL
    assert decision.ground_reference.startswith("Code pénal art. 227-22-1")
    assert decision.explanation == "Sollicitation."  # no detail given: the facts
    assert decision.content_date == T0 + mid
    assert decision.visibility == VISIBILITY_REMOVED
    assert decision.provision == "DECISION_PROVISION_TOTAL_TERMINATION"
    assert decision.content_language == "FR"
    assert {"FR", "DE", "NO"} <= decision.territorial_scope
    stored = await SqliteModerationStore(store).get_decision(decision.id)
    assert stored == decision  # every field survives the database


async def test_misuse_steps_are_automated_decisions_on_the_terms(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    marc = Person("dev-marc", "net-marc", "Marc")
    illegal = action_of(
        {
            "kind": "mute",
            "duration": "3600",
            "facts": "Propos haineux.",
            "ground_choice": "law_hate",
            "manifestly_illegal": "1",
        }
    )
    for _ in range(3):
        await services.decisions.restrict(Actor.of(ANNE), marc, illegal)
    mod = SqliteModerationStore(store)
    decisions = await mod.decisions_of_device("dev-marc")
    auto = [d for d in decisions if d.automated_decision]
    assert sorted(d.kind.value for d in auto) == ["suspension", "warning"]
    suspension = next(d for d in auto if d.kind is SanctionKind.SUSPENSION)
    assert suspension.ground_type is GroundType.TERMS
    assert suspension.category is Category.HATE  # the illegal posts' category
    assert (suspension.provision, suspension.ends_at) == (
        TOTAL_SUSPENSION,
        suspension.created_at + 7 * 86400,
    )
    warning = next(d for d in auto if d.kind is SanctionKind.WARNING)
    assert not warning.is_statement  # restricts nothing
    entries = [e for e in await mod.entries(0, 4e9) if e.action == "restriction_applied"]
    assert sum(1 for e in entries if e.details["automated_decision"]) == 2


async def test_own_initiative_without_a_case_takes_the_grounds_category(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    mid = await said(store, "appelle-la au 06 12 34 56 78")
    form = {
        "facts": "Numéro d'une autre personne.",
        "ground_choice": "tos_personal",
        "ground_detail": "le numéro de téléphone d'une tierce personne",
    }
    decision = await services.decisions.act_on_message(
        ANNE, mid, action_of(form, SanctionKind.REMOVAL)
    )
    assert decision.case_id is None
    assert (decision.category, decision.ground_type) == (Category.DOXXING, GroundType.TERMS)
    assert decision.explanation == "le numéro de téléphone d'une tierce personne"
    assert decision.ground == decision.ground_reference + " — " + decision.explanation


async def test_a_long_ground_is_cut_to_the_databases_limits(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, _ = moderation
    marc = Person("dev-marc", "net-marc", "Marc")
    decision = await services.decisions.restrict(
        Actor.of(ANNE),
        marc,
        Action(SanctionKind.MUTE, "mot " * 490, "article " * 200, 3600),
    )
    assert len(decision.ground) > 500
    assert len(decision.ground_reference) <= 500
    assert len(decision.explanation) <= 2000
    assert decision.ground_reference.endswith("…")


async def test_a_manifestly_unfounded_appeal_is_a_misuse_strike(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    marc = Person("dev-marc", "net-marc", "Marc")
    mute = Action(SanctionKind.MUTE, "Insultes.", "CGU", 3600)
    appeals = services.appeals
    for n in range(2):
        decision = await services.decisions.restrict(Actor.of(ANNE), marc, mute)
        appeal = await appeals.appeal(decision.code, f"Injuste ! {n}")
        with pytest.raises(Refused, match="appeal_unfounded_reversed"):
            await appeals.decide_appeal(BOB, appeal.id, True, "Non.", unfounded=True)
        await appeals.decide_appeal(BOB, appeal.id, False, "Rien d'injuste.", unfounded=True)
    mod = SqliteModerationStore(store)
    entries = await mod.entries(0, 4e9)
    decided = [e for e in entries if e.action == "appeal_decided"]
    assert [e.details["unfounded"] for e in decided] == [True, True]
    assert [e.details["contested"] for e in decided] == ["mute", "mute"]
    # Two unfounded appeals: the misuse policy's warning, on that ground.
    (warning,) = [e for e in entries if e.action == "misuse_warning"]
    assert warning.details == {"kind": "unfounded_appeal", "strikes": 2}


async def test_migration_008_fills_the_fields_of_earlier_decisions(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    for number, script in migrations():
        if number < 8:
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version={number};\nCOMMIT;")
    db.execute(
        "INSERT INTO mod_case (code, subject, category, priority, status, created_at)"
        " VALUES ('C-1', 'device:d', 'hate', 2, 'closed', 10)"
    )
    rows = [  # kind, duration, moderator: a moderator's room ban, the policy's suspension
        ("D-1", 1, "room_ban", 86400.0, 3),
        ("D-2", None, "suspension", 604800.0, None),
        ("D-3", None, "site_ban", None, 3),
    ]
    for code, case_id, kind, duration, account in rows:
        db.execute(
            "INSERT INTO decision (code, case_id, kind, duration, facts, ground, source,"
            " automated_detection, automated_decision, moderator_account, subject_nickname,"
            " subject_device, created_at) VALUES (?, ?, ?, ?, 'faits', 'CGU', 'visitor', 0, 0,"
            " ?, 'Zoé', 'd', 100)",
            (code, case_id, kind, duration, account),
        )
    db.commit()
    db.close()
    store = SqliteStore(path)
    await store.open()
    try:
        by_code = {d.code: d for d in await SqliteModerationStore(store).decisions_between(0, 1000)}
    finally:
        await store.close()
    ban, suspension, site_ban = by_code["D-1"], by_code["D-2"], by_code["D-3"]
    assert (ban.category, ban.provision, ban.ends_at) == (
        Category.HATE,
        "DECISION_PROVISION_PARTIAL_SUSPENSION",
        100 + 86400.0,
    )
    assert (ban.ground_reference, ban.explanation) == ("CGU", "faits")
    assert ban.automated_decision is False
    assert (suspension.category, suspension.automated_decision) == (Category.TERMS, True)
    assert suspension.provision == TOTAL_SUSPENSION
    assert (site_ban.provision, site_ban.ends_at) == ("DECISION_PROVISION_TOTAL_TERMINATION", None)
