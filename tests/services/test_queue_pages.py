"""The queue reaches every open case, a page at a time, and shows a reporter's flood as one
reporter's: each case filed by it alone carries how many it filed, and a filter lists them."""

from __future__ import annotations

import pytest

from causette.domain.departements import location_by_code
from causette.domain.models import Gender, Message, UserView
from causette.domain.moderation import Locator, Source
from causette.services.moderation import cases as cases_module
from causette.services.moderation.service import ModerationService
from causette.store.sqlite.chat import SqliteStore


async def people_said(store: SqliteStore, count: int) -> list[int]:
    """``count`` messages, each from another person (so each report opens its own case)."""
    messages = [
        Message(
            n,
            1_700_000_000.0 + n,
            UserView(f"g-{n}", f"Gens{n}", 30, Gender.MAN, location_by_code("75")),
            f"dev-{n}",
            f"message {n}",
            room="general",
        )
        for n in range(1, count + 1)
    ]
    await store.append_messages(messages)
    return [m.id for m in messages]


async def file(services: ModerationService, message_id: int, network: str | None) -> None:
    await services.cases.report(
        Locator(message_id=message_id, room="general"),
        "child_abuse",
        "",
        None,
        True,
        Source.VISITOR,
        reporter_device=f"reporter-device-{message_id}",
        reporter_network=network,
    )


async def test_every_open_case_is_on_some_page(
    moderation: tuple[ModerationService, SqliteStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    services, store = moderation
    monkeypatch.setattr(cases_module, "QUEUE_PAGE", 4)
    for mid in await people_said(store, 10):
        await file(services, mid, f"net-{mid}")
    first = await services.cases.queue_page()
    assert (first.total, first.pages, first.page) == (10, 3, 1)
    seen = [
        row.case.id for p in (1, 2, 3) for row in (await services.cases.queue_page(page=p)).rows
    ]
    assert len(seen) == len(set(seen)) == 10
    assert (await services.cases.queue_page(page=99)).page == 3  # past the end: the last page


async def test_one_reporters_flood_is_grouped(
    moderation: tuple[ModerationService, SqliteStore],
) -> None:
    services, store = moderation
    ids = await people_said(store, 6)
    for mid in ids[:4]:
        await file(services, mid, "net-flood")  # new device each time, one network
    for mid in ids[4:]:
        await file(services, mid, f"net-honest-{mid}")
    page = await services.cases.queue_page()
    flood = [row for row in page.rows if row.sole_reporter == "network:net-flood"]
    assert len(flood) == 4
    assert {row.reporter_cases for row in flood} == {4}
    honest = [row for row in page.rows if row not in flood]
    assert {row.reporter_cases for row in honest} == {1}
    grouped = await services.cases.queue_page(reporter="network:net-flood")
    assert grouped.total == 4
    assert {row.case.id for row in grouped.rows} == {row.case.id for row in flood}
