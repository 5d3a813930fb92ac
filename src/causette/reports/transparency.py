"""Transparency (DSA Arts. 15, 17 and 24; SAFETY.md 19).

``build_report`` computes the figures of a period from the audit log alone: whatever a
moderator did left an entry there, so the report needs no other table and cannot disagree
with the log. ``render_html`` draws it as one self-contained French page (inline SVG charts, no
external resource; ``templates/transparency.html``) to publish. ``statements`` exports
statements of reasons without personal data, each under its decision's never-reused id;
moderators write their facts freely, so the export masks what looks like a phone number, an
e-mail address, a link, an @handle, an IP address or the person's nickname (``redact``).

Average monthly active visitors (Art. 24(2)) come from ``activity_summary`` entries that
``record_activity`` writes once a month: the count of distinct devices (browser cookies)
that had a session during the month.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from causette.domain.audit import AuditEntry
from causette.domain.moderation import (
    AppealStatus,
    Category,
    Decision,
    Outcome,
    SanctionKind,
    Source,
)
from causette.domain.times import iso_utc_seconds
from causette.reports import pages
from causette.reports.eu_template import About, sheets
from causette.store.chat import Store
from causette.store.moderation import AuditLog

FORMAT = "causette-transparency/1"
HOUR = 3600.0
# Art. 16 notices come from visitors and trusted flaggers; an automated detection and a
# moderator's own report are the platform's own initiative (Art. 15(1)(c)).
NOTICE_SOURCES = (Source.VISITOR.value, Source.TRUSTED_FLAGGER.value)
OWN_SOURCES = (Source.MODERATOR.value, Source.AUTOMATED.value)
MISUSE_KINDS = ("illegal_post", "unfounded_report", "unfounded_appeal")


def month_bounds(year: int, month: int) -> tuple[float, float]:
    """The UTC start (included) and end (excluded) of a calendar month, as epoch seconds."""
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
    return start.timestamp(), end.timestamp()


def _month_of(raw: object) -> tuple[float, float] | None:
    if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d{2}", raw):
        return None
    year, month = int(raw[:4]), int(raw[5:])
    return month_bounds(year, month) if 1 <= month <= 12 else None


# -- the report --------------------------------------------------------------------------------


def _tally(values: Iterable[object], keys: Sequence[str] = ()) -> dict[str, int]:
    """Counts per value: ``keys`` always present (zero included) and first, others after."""
    counts = dict.fromkeys(keys, 0)
    extra: dict[str, int] = {}
    for value in values:
        key = "unknown" if value is None else str(value)
        if key in counts:
            counts[key] += 1
        else:
            extra[key] = extra.get(key, 0) + 1
    return counts | dict(sorted(extra.items()))


def _hours(spans: Sequence[float]) -> dict[str, Any]:
    """Median and mean of durations in seconds, in hours (two decimals); None when empty."""
    if not spans:
        return {"count": 0, "median": None, "mean": None}
    return {
        "count": len(spans),
        "median": round(statistics.median(spans) / HOUR, 2),
        "mean": round(statistics.fmean(spans) / HOUR, 2),
    }


def _span(entry: AuditEntry, field: str) -> float | None:
    """``entry.ts`` minus the earlier time its details name, if they name one."""
    since = entry.details.get(field)
    if isinstance(since, int | float) and not isinstance(since, bool):
        return entry.ts - float(since)
    return None


def _spans(entries: Iterable[AuditEntry], field: str) -> list[float]:
    return [s for s in (_span(e, field) for e in entries) if s is not None]


def _detail(entry: AuditEntry, key: str) -> object:
    return entry.details.get(key)


def _active_visitors(entries: Sequence[AuditEntry], start: float, end: float) -> dict[str, Any]:
    """The ``activity_summary`` of every month overlapping the period; the last one written
    for a month wins (a month recounted replaces its first count)."""
    latest: dict[str, tuple[float, int, int]] = {}
    for e in entries:
        if e.action != "activity_summary":
            continue
        month, visitors = _detail(e, "month"), _detail(e, "active_visitors")
        bounds = _month_of(month)
        if bounds is None or not isinstance(visitors, int) or isinstance(visitors, bool):
            continue
        if bounds[0] < end and bounds[1] > start:
            assert isinstance(month, str)
            if month not in latest or (e.ts, e.id) >= latest[month][:2]:
                latest[month] = (e.ts, e.id, visitors)
    monthly = {month: latest[month][2] for month in sorted(latest)}
    average = round(statistics.fmean(monthly.values()), 1) if monthly else None
    return {"months": len(monthly), "monthly": monthly, "average": average}


def build_report(
    entries: Sequence[AuditEntry], start: float, end: float, about: About | None = None
) -> dict[str, Any]:
    """The transparency report of ``[start, end)`` (epoch seconds, UTC), from audit entries.

    Every figure counts the entries with ``start <= ts < end``, except the monthly active
    visitors: a month's ``activity_summary`` is written after the month ends, so summaries are
    chosen by the month they describe (any month overlapping the period) wherever they sit in
    ``entries``. Pass entries up to a few weeks after ``end`` to catch the last month's.

    ``template`` holds the same figures as the Commission's template's sheets
    (``eu_template.py``), with ``about``'s texts (the operator's and the safety evaluation's).
    """
    if end <= start:
        raise ValueError("the period must end after it starts")
    by_action: dict[str, list[AuditEntry]] = {}
    for e in entries:
        if start <= e.ts < end:
            by_action.setdefault(e.action, []).append(e)

    def of(action: str) -> list[AuditEntry]:
        return by_action.get(action, [])

    notices = [e for e in of("notice_received") if e.source in NOTICE_SOURCES]
    own_reports = [e for e in of("notice_received") if e.source not in NOTICE_SOURCES]
    restrictions = of("restriction_applied")
    own = [e for e in restrictions if e.source not in NOTICE_SOURCES]
    closed = of("case_closed")
    filed, decided = of("appeal_filed"), of("appeal_decided")
    kinds = [k.value for k in SanctionKind]
    active = _active_visitors(entries, start, end)
    auto_detected = sum(1 for e in own_reports if e.automated)
    auto_restrictions = sum(1 for e in restrictions if e.automated)
    auto_decisions = sum(1 for e in restrictions if _detail(e, "automated_decision") is True)
    return {
        "format": FORMAT,
        "period": {
            "start": iso_utc_seconds(start),
            "end": iso_utc_seconds(end),
            "start_ts": start,
            "end_ts": end,
        },
        "notices": {
            "total": len(notices),
            "by_category": _tally((e.category for e in notices), [c.value for c in Category]),
            "by_source": _tally((e.source for e in notices), NOTICE_SOURCES),
        },
        "own_initiative": {
            "total": len(own),
            "by_kind": _tally((_detail(e, "kind") for e in own), kinds),
            # Cases the platform opened itself: automated detection, a moderator's report.
            "reports": len(own_reports),
            "reports_automated_detection": auto_detected,
        },
        "restrictions": {
            "total": len(restrictions),
            "by_kind": _tally((_detail(e, "kind") for e in restrictions), kinds),
            "by_source": _tally((e.source for e in restrictions), [*NOTICE_SOURCES, *OWN_SOURCES]),
        },
        "automation": {
            # Detection: the cases automated means opened; decision: the restrictions no
            # person took (Art. 23 steps, automated holds and short mutes).
            "reports_automated_detection": auto_detected,
            "restrictions_automated_detection": auto_restrictions,
            "restrictions_human_detection": len(restrictions) - auto_restrictions,
            "decisions_automated": auto_decisions,
            "decisions_human": len(restrictions) - auto_decisions,
            "automated_decision": auto_decisions > 0,
        },
        "time_to_action_hours": _hours(_spans(restrictions, "notice_at")),
        "cases_closed": {
            "total": len(closed),
            "by_outcome": _tally(
                (_detail(e, "outcome") for e in closed), [o.value for o in Outcome]
            ),
            "time_to_close_hours": _hours(_spans(closed, "opened_at")),
        },
        "appeals": {
            "filed": len(filed),
            "decided": len(decided),
            "by_outcome": _tally(
                (_detail(e, "outcome") for e in decided),
                [AppealStatus.REVERSED.value, AppealStatus.UPHELD.value],
            ),
            "time_to_decide_hours": _hours(_spans(decided, "filed_at")),
        },
        "misuse": {
            "warning": _tally((_detail(e, "kind") for e in of("misuse_warning")), MISUSE_KINDS),
            "suspension": _tally(
                (_detail(e, "kind") for e in of("misuse_suspension")), MISUSE_KINDS
            ),
        },
        "authorities_exports": len(of("authorities_export")),
        "requisition_exports": len(of("requisition_export")),
        "room_controls": len(of("room_control")),
        "emergency_level_changes": len(of("emergency_level")),
        "active_visitors": active,
        "template": {
            sheet.name: sheet.as_json()
            for sheet in sheets(by_action, start, end, active, about or About())
        },
    }


# -- monthly active visitors -------------------------------------------------------------------


async def record_activity(
    store: Store,
    audit: AuditLog,
    month_start: float,
    month_end: float,
    month: str,
    *,
    at: float | None = None,
) -> AuditEntry:
    """Count the distinct devices with a session live in ``[month_start, month_end)`` and
    append it as an ``activity_summary`` entry (counts only: no identifier)."""
    guests = await store.guests_between(month_start, month_end)
    visitors = len({g.device for g in guests})
    return await audit.append(
        AuditEntry(
            0,
            time.time() if at is None else at,
            "system",
            None,
            "activity_summary",
            details={"month": month, "active_visitors": visitors},
        )
    )


def previous_month(now: float) -> tuple[str, float, float]:
    """The last calendar month over at ``now``: its ``YYYY-MM`` name and UTC bounds."""
    today = datetime.fromtimestamp(now, UTC)
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}", *month_bounds(year, month)


async def record_previous_month(store: Store, audit: AuditLog, now: float) -> AuditEntry | None:
    """``record_activity`` for the month before ``now``'s, unless it is recorded already
    (the periodic job calls this; it writes one entry per month)."""
    month, start, end = previous_month(now)
    for entry in await audit.entries(end, now + 1):
        if entry.action == "activity_summary" and _detail(entry, "month") == month:
            return None
    return await record_activity(store, audit, start, end, month, at=now)


# -- statements of reasons ---------------------------------------------------------------------

# Order matters: links and e-mails before handles, addresses before phone numbers.
_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)\b(?:https?://|www\.)\S+"), "[lien]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?"), "[identifiant]"),
    (re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])"), "[adresse IP]"),
    (
        re.compile(
            r"(?i)(?<![\w:])(?=[0-9a-f:]*[0-9a-f])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){3,7}(?![\w:])"
        ),
        "[adresse IP]",
    ),
    # French numbers (06 12 34 56 78, +33 6 12 34 56 78, 0033...), other international ones,
    # and any long run of digits; dates and times (15/01/2024, 10:30) have too few digits.
    (
        re.compile(
            r"(?<![\w+])(?:(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)"
        ),
        "[téléphone]",
    ),
    (re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.\-]?\d){6,14}(?!\d)"), "[téléphone]"),
    (re.compile(r"(?<!\d)\d{9,}(?!\d)"), "[numéro]"),
)


def redact(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with what looks like personal data masked: links, e-mail addresses, @handles,
    IP addresses, phone numbers and long numbers, and each of ``names`` as a whole word.

    A safety net, not a licence: moderators must still keep personal data out of the facts
    (docs/safety.md). Spelled-out numbers ("zéro six ...") are not recognised.
    """
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    for name in names:
        if len(name.strip()) >= 2:
            text = re.sub(rf"(?i)(?<!\w){re.escape(name.strip())}(?!\w)", "[pseudo]", text)
    return text


def statement(decision: Decision) -> dict[str, Any]:
    """A statement of reasons as published: no nickname, device, room name or moderator."""
    notice = decision.source.value in NOTICE_SOURCES
    return {
        "id": decision.id,
        "kind": decision.kind.value,
        "scope": "room" if decision.room else "site",
        "duration": decision.duration,
        "facts": redact(decision.facts, [decision.subject_nickname]),
        "ground": redact(decision.ground, [decision.subject_nickname]),
        "source": "notice" if notice else "own_initiative",
        "notice_source": decision.source.value if notice else None,
        "automated_detection": decision.automated_detection,
        "automated_decision": decision.automated_decision,
        "created_at": iso_utc_seconds(decision.created_at),
        "reversed": decision.reversed_at is not None,
    }


def statements(decisions: Sequence[Decision], start: float, end: float) -> list[dict[str, Any]]:
    """The statements of reasons of the decisions taken in ``[start, end)``, by id."""
    chosen = [d for d in decisions if start <= d.created_at < end]
    return [statement(d) for d in sorted(chosen, key=lambda d: d.id)]


# -- the page ----------------------------------------------------------------------------------


def _summary_rows(r: Mapping[str, Any]) -> list[tuple[str, object]]:
    auto, act, closed = r["automation"], r["time_to_action_hours"], r["cases_closed"]
    appeals, misuse = r["appeals"], r["misuse"]
    return [
        ("Notifications reçues (art. 16)", r["notices"]["total"]),
        ("… dont venant de signaleurs de confiance", r["notices"]["by_source"]["trusted_flagger"]),
        ("Détections automatisées (initiative propre)", auto["reports_automated_detection"]),
        ("Mesures de restriction (toutes)", r["restrictions"]["total"]),
        ("… dont d'initiative propre", r["own_initiative"]["total"]),
        ("… dont détectées par des moyens automatisés", auto["restrictions_automated_detection"]),
        ("Décisions prises par une personne", auto["decisions_human"]),
        ("Décisions prises automatiquement", auto["decisions_automated"]),
        ("Délai médian entre notification et mesure (heures)", act["median"]),
        ("Délai moyen entre notification et mesure (heures)", act["mean"]),
        ("Dossiers clos", closed["total"]),
        ("Délai médian de clôture d'un dossier (heures)", closed["time_to_close_hours"]["median"]),
        ("Recours déposés (art. 20)", appeals["filed"]),
        ("Recours tranchés", appeals["decided"]),
        ("… décision annulée", appeals["by_outcome"]["reversed"]),
        ("… décision maintenue", appeals["by_outcome"]["upheld"]),
        ("Délai médian de décision d'un recours (h)", appeals["time_to_decide_hours"]["median"]),
        ("Avertissements pour usage abusif (art. 23)", sum(misuse["warning"].values())),
        ("Suspensions pour usage abusif (art. 23)", sum(misuse["suspension"].values())),
        ("Transmissions aux autorités (art. 18)", r["authorities_exports"]),
        ("Réquisitions judiciaires traitées (LCEN)", r["requisition_exports"]),
        ("Visiteurs actifs par mois, en moyenne (art. 24(2))", r["active_visitors"]["average"]),
    ]


def render_html(report: Mapping[str, Any]) -> str:
    """The report as a self-contained French HTML page: figures table and SVG bar charts."""
    misuse = report["misuse"]
    charts: list[tuple[str, Mapping[str, int]]] = [
        ("Notifications par catégorie", report["notices"]["by_category"]),
        ("Notifications par origine", report["notices"]["by_source"]),
        ("Mesures de restriction par type", report["restrictions"]["by_kind"]),
        ("Mesures de restriction par origine", report["restrictions"]["by_source"]),
        ("Mesures d'initiative propre par type", report["own_initiative"]["by_kind"]),
        ("Dossiers clos par issue", report["cases_closed"]["by_outcome"]),
        ("Recours par issue", report["appeals"]["by_outcome"]),
        ("Avertissements pour usage abusif (art. 23)", misuse["warning"]),
        ("Suspensions pour usage abusif (art. 23)", misuse["suspension"]),
        ("Visiteurs actifs par mois", report["active_visitors"]["monthly"]),
    ]
    template = report.get("template", {})
    for name, title in (
        ("03_notices", "Notifications (art. 16) par catégorie de l'UE"),
        ("04_own_initiative", "Mesures d'initiative propre par catégorie de l'UE"),
    ):
        if name in template:
            rows = template[name]["rows"]
            charts.append((title, {str(row[0]): int(row[1]) for row in rows if row[1]}))
    return pages.render(
        "transparency.html", report=report, figures=_summary_rows(report), charts=charts
    )
