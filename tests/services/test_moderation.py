"""The moderation services over a real store and the chat's live state, with a fake clock:
notices filed at the same moment join one case, and the rules of a decision hold whatever
form states it."""

from __future__ import annotations

import asyncio

import pytest

from causette.domain.accounts import Account, Actor, Role
from causette.domain.departements import location_by_code
from causette.domain.models import Gender, Message, UserView
from causette.domain.moderation import Locator, Person, SanctionKind, Source
from causette.errors import InvalidInput, Refused
from causette.services.moderation.decisions import DURATION_MAX, Action
from causette.services.moderation.service import (
    ModerationService,
)
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.moderation import SqliteModerationStore

MARC = UserView("g-marc", "Marc", 41, Gender.MAN, location_by_code("75"))
ANNE = Account(3, "modo-anne", "", Role.MODERATOR, None, 0, None, 0.0)


async def marc_said(store: SqliteStore, count: int) -> list[int]:
    messages = [
        Message(n, 1_700_000_000.0 + n, MARC, "dev-marc", f"insulte {n}", room="general")
        for n in range(1, count + 1)
    ]
    await store.append_messages(messages)
    return [m.id for m in messages]


async def test_five_reports_at_once_about_one_person_open_one_case(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    ids = await marc_said(store, 5)
    filed = await asyncio.gather(
        *(
            services.cases.report(
                Locator(message_id=mid, room="general"),
                "harassment",
                "Insultes",
                None,
                True,
                Source.VISITOR,
                reporter_device=f"dev-witness-{mid}",
            )
            for mid in ids
        )
    )
    assert len({case.id for _, case in filed}) == 1
    (queued,) = await services.cases.queue()
    case, reports = queued
    assert reports == 5
    view = await services.cases.case_view(case.id)
    assert sorted(r.locator.message_id or 0 for r in view.reports) == ids
    assert len([e for e in view.evidence if e.kind == "conversation"]) == 5
    opened = [e.details["case_opened"] for e in view.audit if e.action == "notice_received"]
    assert sorted(opened) == [False, False, False, False, True]


async def test_reports_about_a_person_and_a_room_open_two_cases(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    (mid,) = await marc_said(store, 1)
    (_, person), (_, room) = await asyncio.gather(
        services.cases.report(Locator(message_id=mid), "spam", "", None, True, Source.VISITOR),
        services.cases.report(Locator(room="general"), "spam", "", None, True, Source.VISITOR),
    )
    assert person.id != room.id
    assert (person.subject, room.subject) == ("device:dev-marc", "room:general")


async def test_a_report_with_an_unbounded_target_is_refused(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, _ = moderation
    for locator in (Locator(user_id="x" * 101), Locator(room="y" * 101), Locator(message_id=-1)):
        with pytest.raises(InvalidInput, match="bad_request"):
            await services.cases.report(locator, "spam", "", None, True, Source.VISITOR)
    assert await services.cases.queue() == []


async def test_a_trusted_flaggers_report_goes_to_the_priority_queue(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, _ = moderation
    flagger = Account(9, "asso", "", Role.TRUSTED_FLAGGER, None, 0, None, 0.0)
    report, case = await services.cases.report_from_account(
        flagger, Locator(room="general"), "hate", "", True
    )
    assert (report.source, report.reporter_account, case.trusted) == (
        Source.TRUSTED_FLAGGER,
        9,
        True,
    )
    _, again = await services.cases.report_from_account(
        ANNE, Locator(room="general"), "spam", "", True
    )
    assert again.id == case.id
    (mine,) = await services.cases.reports_of_account(flagger)
    assert mine[0] == report


async def test_what_a_decision_may_be(moderation: tuple[ModerationService, SqliteStore]) -> None:
    decisions = moderation[0].decisions
    anne, marc = Actor.of(ANNE), Person("dev-marc", "net-marc", "Marc")
    refused = [
        (anne, Action(SanctionKind.SUSPENSION, "Faits.", "CGU"), "action_kind_invalid"),
        (anne, Action(SanctionKind.KICK, "Faits.", "CGU"), "action_room_required"),
        (anne, Action(SanctionKind.MUTE, "F.", "CGU", DURATION_MAX + 1), "action_duration_invalid"),
        (anne, Action(SanctionKind.MUTE, "F.", "CGU", 0), "action_duration_invalid"),
        (anne, Action(SanctionKind.WARNING, "F.", "CGU", 3600), "action_duration_invalid"),
    ]
    for actor, action, code in refused:
        with pytest.raises(InvalidInput, match=code):
            await decisions.restrict(actor, marc, action)
    # Automation decides only a short site mute alone: never a ban, a kick or a room sanction.
    for kind in (SanctionKind.SITE_BAN, SanctionKind.KICK, SanctionKind.WARNING):
        with pytest.raises(Refused, match="forbidden"):
            await decisions.restrict(Actor.automated(), marc, Action(kind, "F.", "CGU"))
    muted_room = Action(SanctionKind.MUTE, "F.", "CGU", 60, room="general")
    with pytest.raises(Refused, match="forbidden"):
        await decisions.restrict(Actor.automated(), marc, muted_room)
    flagger = Account(9, "asso", "", Role.TRUSTED_FLAGGER, None, 0, None, 0.0)
    with pytest.raises(Refused, match="forbidden"):
        await decisions.restrict(Actor.of(flagger), marc, Action(SanctionKind.MUTE, "F.", "CGU"))
    with pytest.raises(InvalidInput, match="action_kind_invalid"):
        await decisions.act_on_guest(ANNE, "g-marc", Action(SanctionKind.REMOVAL, "F.", "CGU"))
    # The misuse policy's suspension is the system's to take.
    suspended = await decisions.restrict(
        Actor.system(), marc, Action(SanctionKind.SUSPENSION, "Art. 23", "DSA art. 23", 86400)
    )
    assert (suspended.kind, suspended.moderator_account) == (SanctionKind.SUSPENSION, None)


async def test_misuse_steps_are_taken_and_audited_by_the_system(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    decisions = services.decisions
    anne, marc = Actor.of(ANNE), Person("dev-marc", "net-marc", "Marc")
    illegal = Action(SanctionKind.MUTE, "Menaces.", "CGU", 3600, manifestly_illegal=True)
    first = await decisions.restrict(anne, marc, illegal)
    assert first.moderator_account == 3
    await decisions.restrict(anne, marc, illegal)  # the second strike: a warning
    mod = SqliteModerationStore(store)
    entries = await mod.entries(0, 2e9)
    assert [(e.action, e.actor_kind, e.actor_id) for e in entries] == [
        ("restriction_applied", "moderator", "3"),
        ("restriction_applied", "moderator", "3"),
        ("restriction_applied", "system", None),
        ("misuse_warning", "system", None),
    ]
    warning = await mod.get_decision(entries[-1].decision_id or 0)
    assert warning is not None
    assert (warning.kind, warning.moderator_account) == (SanctionKind.WARNING, None)
    assert entries[-1].details == {"kind": "illegal_post", "strikes": 2}
