"""The transparency report, its page, statements of reasons and monthly active visitors.

The audit log is seeded by hand, one entry per fact the report counts, at known times, so
every figure below can be checked by reading the seed.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from causette.domain.audit import AuditEntry
from causette.domain.models import Gender, Privacy
from causette.domain.moderation import Decision, SanctionKind, Source
from causette.reports.transparency import (
    build_report,
    month_bounds,
    previous_month,
    record_activity,
    record_previous_month,
    redact,
    render_html,
    statements,
)
from causette.store.chat import StoredGuest
from causette.store.sqlite.chat import SqliteStore
from causette.store.sqlite.moderation import SqliteModerationStore

H = 3600.0
D = 24 * H
JAN = 1_704_067_200.0  # 2024-01-01T00:00:00Z
FEB = 1_706_745_600.0  # 2024-02-01T00:00:00Z
MAR = 1_709_251_200.0  # 2024-03-01T00:00:00Z


def entry(ts: float, action: str, **fields: Any) -> AuditEntry:
    return AuditEntry(0, ts, fields.pop("actor_kind", "moderator"), "1", action, **fields)


def notice(ts: float, category: str, source: str) -> AuditEntry:
    return entry(
        ts,
        "notice_received",
        actor_kind=source,
        category=category,
        source=source,
        automated=source == "automated",
    )


def restriction(ts: float, kind: str, source: str, notice_at: float | None) -> AuditEntry:
    details = {"kind": kind, "room": None, "duration": None, "notice_at": notice_at}
    return entry(
        ts,
        "restriction_applied",
        source=source,
        automated=source == "automated",
        details=details,
    )


SEED: list[AuditEntry] = [
    # Outside the period, on both sides: not counted.
    notice(JAN - 1, "threat", "visitor"),
    notice(FEB, "threat", "visitor"),
    restriction(FEB, "site_ban", "visitor", JAN),
    # Notices: the first exactly at the start, the last just before the end.
    notice(JAN, "harassment", "visitor"),
    notice(JAN + 1 * H, "child_abuse", "trusted_flagger"),
    notice(JAN + 2 * H, "spam", "automated"),
    notice(JAN + 3 * H, "harassment", "visitor"),
    notice(FEB - 1, "hate", "visitor"),
    # Restrictions: three on notices (2 h, 4 h and 10 h after them), two own-initiative.
    restriction(JAN + 2 * H, "mute", "visitor", JAN),
    restriction(JAN + 5 * H, "site_ban", "trusted_flagger", JAN + 1 * H),
    restriction(JAN + 12 * H, "removal", "automated", JAN + 2 * H),
    restriction(JAN + 20 * H, "kick", "moderator", None),
    restriction(JAN + 21 * H, "warning", "moderator", None),
    # Cases closed 2 h, 24 h and 10 h after they opened.
    entry(JAN + 2 * H, "case_closed", details={"outcome": "actioned", "opened_at": JAN}),
    entry(JAN + 30 * H, "case_closed", details={"outcome": "rejected", "opened_at": JAN + 6 * H}),
    entry(JAN + 50 * H, "case_closed", details={"outcome": "unfounded", "opened_at": JAN + 40 * H}),
    # Appeals: three filed, decided in 6 h (reversed), 36 h and 2 h (upheld).
    entry(JAN + 3 * D, "appeal_filed", actor_kind="visitor", details={"appeal": 1}),
    entry(JAN + 4 * D, "appeal_filed", actor_kind="visitor", details={"appeal": 2}),
    entry(JAN + 5 * D, "appeal_filed", actor_kind="visitor", details={"appeal": 3}),
    entry(
        JAN + 3 * D + 6 * H,
        "appeal_decided",
        details={"appeal": 1, "outcome": "reversed", "filed_at": JAN + 3 * D},
    ),
    entry(
        JAN + 5 * D + 12 * H,
        "appeal_decided",
        details={"appeal": 2, "outcome": "upheld", "filed_at": JAN + 4 * D},
    ),
    entry(
        JAN + 5 * D + 2 * H,
        "appeal_decided",
        details={"appeal": 3, "outcome": "upheld", "filed_at": JAN + 5 * D},
    ),
    # Art. 23, Art. 18, legal requests and controls.
    entry(JAN + 6 * D, "misuse_warning", actor_kind="system", details={"kind": "illegal_post"}),
    entry(JAN + 7 * D, "misuse_warning", actor_kind="system", details={"kind": "unfounded_report"}),
    entry(
        JAN + 8 * D, "misuse_suspension", actor_kind="system", details={"kind": "unfounded_report"}
    ),
    entry(JAN + 10 * D, "authorities_export", category="child_abuse"),
    entry(JAN + 11 * D, "requisition_export", details={"reference": "PV-1", "sessions": 1}),
    entry(JAN + 12 * D, "room_control", details={"room": "general"}),
    entry(JAN + 13 * D, "emergency_level", details={"level": "close_entries", "enabled": True}),
    entry(
        JAN + 13 * D + H, "emergency_level", details={"level": "close_entries", "enabled": False}
    ),
    # Activity: December's summary is written in January (not January's figure); January's
    # after January ends (counted), written twice: the later count wins.
    entry(JAN + 60, "activity_summary", details={"month": "2023-12", "active_visitors": 999}),
    entry(FEB + 30, "activity_summary", details={"month": "2024-01", "active_visitors": 100}),
    entry(FEB + 60, "activity_summary", details={"month": "2024-01", "active_visitors": 120}),
    entry(MAR + 60, "activity_summary", details={"month": "2024-02", "active_visitors": 80}),
]
SEED = [replace(e, id=i) for i, e in enumerate(SEED, 1)]


@pytest.fixture
def report() -> dict[str, Any]:
    return build_report(SEED, JAN, FEB)


def test_period_is_written_in_utc(report: dict[str, Any]) -> None:
    assert report["period"] == {
        "start": "2024-01-01T00:00:00Z",
        "end": "2024-02-01T00:00:00Z",
        "start_ts": JAN,
        "end_ts": FEB,
    }


def test_notices_by_category_and_source_count_the_period_only(report: dict[str, Any]) -> None:
    notices = report["notices"]
    # The automated detection is the platform's own initiative, not an Art. 16 notice.
    assert notices["total"] == 4
    assert notices["by_category"] == {
        "child_abuse": 1,
        "threat": 0,
        "trafficking": 0,
        "harassment": 2,
        "hate": 1,
        "doxxing": 0,
        "spam": 0,
        "illegal": 0,
        "terms": 0,
    }
    assert notices["by_source"] == {"visitor": 3, "trusted_flagger": 1}


def test_restrictions_own_initiative_and_automation(report: dict[str, Any]) -> None:
    assert report["restrictions"]["total"] == 5
    assert report["restrictions"]["by_kind"] == {
        "warning": 1,
        "removal": 1,
        "mute": 1,
        "kick": 1,
        "room_ban": 0,
        "site_ban": 1,
        "suspension": 0,
    }
    assert report["restrictions"]["by_source"] == {
        "visitor": 1,
        "trusted_flagger": 1,
        "automated": 1,
        "moderator": 2,
    }
    own = report["own_initiative"]
    assert own["total"] == 3
    assert {k: v for k, v in own["by_kind"].items() if v} == {
        "warning": 1,
        "kick": 1,
        "removal": 1,
    }
    assert (own["reports"], own["reports_automated_detection"]) == (1, 1)
    assert report["automation"] == {
        "reports_automated_detection": 1,
        "restrictions_automated_detection": 1,
        "restrictions_human_detection": 4,
        "decisions_automated": 0,
        "decisions_human": 5,
        "automated_decision": False,
    }


def test_times_to_act_and_to_close(report: dict[str, Any]) -> None:
    # 2 h, 4 h and 10 h; own-initiative restrictions have no notice time and do not count.
    assert report["time_to_action_hours"] == {"count": 3, "median": 4.0, "mean": 5.33}
    closed = report["cases_closed"]
    assert closed["total"] == 3
    assert closed["by_outcome"] == {"actioned": 1, "rejected": 1, "unfounded": 1}
    assert closed["time_to_close_hours"] == {"count": 3, "median": 10.0, "mean": 12.0}


def test_appeals_by_outcome(report: dict[str, Any]) -> None:
    appeals = report["appeals"]
    assert appeals["filed"] == 3
    assert appeals["decided"] == 3
    assert appeals["by_outcome"] == {"reversed": 1, "upheld": 2}
    assert appeals["time_to_decide_hours"]["median"] == 6.0


def test_misuse_exports_and_controls(report: dict[str, Any]) -> None:
    assert report["misuse"] == {
        "warning": {"illegal_post": 1, "unfounded_report": 1, "unfounded_appeal": 0},
        "suspension": {"illegal_post": 0, "unfounded_report": 1, "unfounded_appeal": 0},
    }
    assert report["authorities_exports"] == 1
    assert report["requisition_exports"] == 1
    assert report["room_controls"] == 1
    assert report["emergency_level_changes"] == 2


def test_active_visitors_are_chosen_by_month_latest_count_winning(
    report: dict[str, Any],
) -> None:
    assert report["active_visitors"] == {"months": 1, "monthly": {"2024-01": 120}, "average": 120.0}
    two = build_report(SEED, JAN, MAR)["active_visitors"]
    assert two == {"months": 2, "monthly": {"2024-01": 120, "2024-02": 80}, "average": 100.0}


def test_an_empty_log_gives_zeros_and_no_averages() -> None:
    empty = build_report([], JAN, FEB)
    assert empty["notices"]["total"] == 0
    assert empty["time_to_action_hours"] == {"count": 0, "median": None, "mean": None}
    assert empty["active_visitors"] == {"months": 0, "monthly": {}, "average": None}
    assert "—" in render_html(empty)


def test_the_period_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="period"):
        build_report(SEED, FEB, FEB)


def test_month_bounds_roll_over_the_year() -> None:
    assert month_bounds(2024, 1) == (JAN, FEB)
    assert month_bounds(2023, 12) == (JAN - 31 * D, JAN)
    assert previous_month(JAN + 5) == ("2023-12", JAN - 31 * D, JAN)
    assert previous_month(FEB + 10 * D) == ("2024-01", JAN, FEB)


# -- the page ----------------------------------------------------------------------------------


def test_the_page_shows_the_figures_with_charts_and_no_outside_resource(
    report: dict[str, Any],
) -> None:
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page
    assert "2024-01-01T00:00:00Z" in page
    assert "2024-02-01T00:00:00Z" in page
    assert "UTC" in page

    def figure(label: str) -> str:
        match = re.search(
            rf"<th scope=\"row\">{re.escape(label)}</th><td class=\"n\">([^<]*)<", page
        )
        assert match, label
        return match[1]

    assert figure("Notifications reçues (art. 16)") == "4"
    assert figure("Délai médian entre notification et mesure (heures)") == "4"
    assert figure("Délai moyen entre notification et mesure (heures)") == "5,33"
    assert figure("… décision annulée") == "1"
    assert figure("Suspensions pour usage abusif (art. 23)") == "1"
    assert figure("Transmissions aux autorités (art. 18)") == "1"
    assert figure("Visiteurs actifs par mois, en moyenne (art. 24(2))") == "120"
    # One chart per breakdown, each bar labelled in French with its figure.
    # ... and the template's notices and own-initiative measures by EU category.
    assert page.count("<svg") == 12
    assert "Harcèlement</text>" in page
    assert ">2</text>" in page
    assert "Signaleurs de confiance</text>" in page
    # Self-contained: nothing to fetch.
    assert not re.search(r"(?i)\b(?:src|href)\s*=", page)
    assert "http" not in page
    assert "<script" not in page


def test_the_page_escapes_what_it_shows() -> None:
    hostile = build_report(
        [entry(JAN, "notice_received", category="<script>alert(1)</script>", source="visitor")],
        JAN,
        FEB,
    )
    page = render_html(hostile)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# -- statements of reasons ---------------------------------------------------------------------


def decision(
    id: int, created_at: float, facts: str, source: Source = Source.VISITOR, **kw: Any
) -> Decision:
    return Decision(
        id=id,
        code=f"D-SECRET{id}",
        case_id=7,
        kind=kw.pop("kind", SanctionKind.SITE_BAN),
        room=kw.pop("room", None),
        duration=kw.pop("duration", None),
        facts=facts,
        ground="CGU art. 4 : harcèlement",
        source=source,
        automated_detection=kw.pop("automated_detection", False),
        automated_decision=False,
        moderator_account=42,
        subject_nickname="Zoé",
        created_at=created_at,
        **kw,
    )


def test_statements_carry_no_personal_data_and_mask_it_in_facts() -> None:
    decisions = [
        decision(
            3,
            JAN + H,
            "Zoé a écrit « appelle-moi au 06 12 34 56 78 ou +33 6 98 76 54 32, "
            "zoe.75@example.fr, snap @zoe_75, https://insta.example/zoe » le 15/01/2024 "
            "à 10:30 depuis 192.168.1.20 ; 3 messages, zoé insiste.",
        ),
        decision(
            4,
            JAN + 2 * H,
            "Spam répété dans le salon.",
            Source.MODERATOR,
            kind=SanctionKind.MUTE,
            room="general",
            duration=3600.0,
            automated_detection=True,
            reversed_at=JAN + 3 * H,
        ),
        decision(2, JAN - 1, "Hors période."),
        decision(5, FEB, "Hors période aussi."),
    ]
    out = statements(decisions, JAN, FEB)
    assert [s["id"] for s in out] == [3, 4]
    first, second = out
    assert first == {
        "id": 3,
        "kind": "site_ban",
        "scope": "site",
        "duration": None,
        "facts": "[pseudo] a écrit « appelle-moi au [téléphone] ou [téléphone], [e-mail], "
        "snap [identifiant], [lien] » le 15/01/2024 à 10:30 depuis [adresse IP] ; "
        "3 messages, [pseudo] insiste.",
        "ground": "CGU art. 4 : harcèlement",
        "source": "notice",
        "notice_source": "visitor",
        "automated_detection": False,
        "automated_decision": False,
        "created_at": "2024-01-01T01:00:00Z",
        "reversed": False,
    }
    assert second["scope"] == "room"
    assert second["source"] == "own_initiative"
    assert second["notice_source"] is None
    assert second["duration"] == 3600.0
    assert second["automated_detection"] is True
    assert second["reversed"] is True
    text = repr(out)
    for secret in ("Zoé", "D-SECRET", "42", "general", "zoe"):
        assert secret not in text


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("tel 0612345678", "tel [téléphone]"),
        ("tel 06.12.34.56.78.", "tel [téléphone]."),
        ("appelle le 0033 6 12 34 56 78", "appelle le [téléphone]"),
        ("num +44 7911 123456", "num [téléphone]"),
        ("iban 123456789012", "iban [numéro]"),
        ("mail: a.b+c@d-e.co.uk!", "mail: [e-mail]!"),
        ("insta @le.vrai_nom.", "insta [identifiant]."),
        ("ip 2001:db8::1 ok", "ip [adresse IP] ok"),
        ("www.exemple.fr/profil", "[lien]"),
        (
            "le 05.06.2024 à 10:30:00, 12 fois, 90 jours",
            "le 05.06.2024 à 10:30:00, 12 fois, 90 jours",
        ),
    ],
)
def test_redaction_patterns(raw: str, masked: str) -> None:
    assert redact(raw) == masked


# -- monthly active visitors -------------------------------------------------------------------


@pytest.fixture
async def stores(tmp_path: Path) -> AsyncIterator[tuple[SqliteStore, SqliteModerationStore]]:
    chat = SqliteStore(tmp_path / "causette.sqlite3")
    await chat.open()
    yield chat, SqliteModerationStore(chat)
    await chat.close()


async def seed_guest(
    chat: SqliteStore, gid: str, device: str, created: float, ended: float | None
) -> None:
    await chat.save_guest(
        StoredGuest(
            id=gid,
            token_hash=f"hash-{gid}",
            device=device,
            nickname=gid,
            age=30,
            gender=Gender.OTHER,
            postal_code="69001",
            privacy=Privacy.SHARED_ROOM,
            lang="fr",
            rooms=(),
            privates=(),
            created_at=created,
            last_seen=created,
        )
    )
    if ended is not None:
        await chat.end_guest(gid, ended)


async def test_record_activity_counts_distinct_devices_of_the_month(
    stores: tuple[SqliteStore, SqliteModerationStore],
) -> None:
    chat, mod = stores
    await seed_guest(chat, "a1", "dev-a", JAN + D, JAN + D + H)
    await seed_guest(chat, "a2", "dev-a", JAN + 2 * D, JAN + 2 * D + H)  # same browser
    await seed_guest(chat, "b1", "dev-b", JAN - D, JAN + 60)  # live across the start
    await seed_guest(chat, "c1", "dev-c", JAN - 2 * D, JAN - D)  # December only
    await seed_guest(chat, "d1", "dev-d", FEB, None)  # February only
    written = await record_activity(chat, mod, JAN, FEB, "2024-01", at=FEB + 5)
    assert written.actor_kind == "system"
    assert written.details == {"month": "2024-01", "active_visitors": 2}
    assert await mod.entries(FEB, FEB + 10) == [written]
    report = build_report(await mod.entries(JAN, MAR), JAN, FEB)
    assert report["active_visitors"]["average"] == 2.0


async def test_the_previous_month_is_recorded_once(
    stores: tuple[SqliteStore, SqliteModerationStore],
) -> None:
    chat, mod = stores
    await seed_guest(chat, "a1", "dev-a", JAN + D, JAN + D + H)
    first = await record_previous_month(chat, mod, FEB + 600)
    assert first is not None
    assert first.details == {"month": "2024-01", "active_visitors": 1}
    assert await record_previous_month(chat, mod, FEB + 1200) is None
    assert len(await mod.entries(JAN, MAR)) == 1
