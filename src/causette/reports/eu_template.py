"""The transparency report in the Commission's template (Implementing Regulation (EU)
2024/2835, Annex I), one table per sheet, from the audit log alone.

``sheets`` returns the template's tables as plain values: each has a file name, a title, its
columns and its rows. The CSV files, the JSON report and the HTML page all print these same
values (``write_csv``, ``build_report``'s ``"template"``, ``transparency.html``), so they
cannot disagree with each other, and every number is a count of audit entries.

Categories are the EU's (``domain/dsa.py`` maps causette's report categories to them).
Times are medians, in hours with two decimals. What causette does not record by itself
(orders from authorities, Art. 21 out-of-court disputes) the operator records with
``causette admin record-order`` and ``record-dispute``; they land in the audit log too.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from causette.domain.audit import AuditEntry
from causette.domain.dsa import (
    CATEGORIES,
    EU_CATEGORY,
    PARTIAL_SUSPENSION,
    PARTIAL_TERMINATION,
    TOTAL_SUSPENSION,
    TOTAL_TERMINATION,
    VISIBILITY_REMOVED,
)
from causette.domain.moderation import Category, GroundType, SanctionKind

HOUR = 3600.0
NOTICE_SOURCES = ("visitor", "trusted_flagger")
MISUSE_GROUNDS = (
    ("illegal_post", "manifestly illegal content (Art. 23(1))"),
    ("unfounded_report", "manifestly unfounded notices (Art. 23(2))"),
    ("unfounded_appeal", "manifestly unfounded complaints (Art. 23(2))"),
)
CONTESTED = (*(k.value for k in SanctionKind), "rejection")
DISPUTE_OUTCOMES = ("provider", "recipient", "settled", "other", "pending")
ORDER_ARTICLES = ("9", "10")
DEFAULT_AUTOMATED_MEANS = (
    "Rule-based text detection (grooming, prostitution, ambush, doxxing, hate, spam) opens "
    "cases for moderators and may hold a message or briefly mute its author until a "
    "moderator reviews it; a statistical model that reviews delivered messages may only open "
    "cases; every other decision is taken by a person."
)


@dataclass(frozen=True, slots=True)
class About:
    """What the audit log cannot say: the operator's words, and the safety evaluation."""

    provider: str = ""
    service: str = "causette"
    training: str = ""
    automated_means: str = ""
    evaluation: Mapping[str, Any] = field(default_factory=dict)  # precision, recall, ...


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str  # the CSV file's name, without extension
    title: str
    columns: tuple[str, ...]
    rows: list[list[object]]

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "columns": list(self.columns), "rows": self.rows}


def _median_hours(spans: Sequence[float]) -> float | None:
    return round(statistics.median(spans) / HOUR, 2) if spans else None


def _since(entry: AuditEntry, key: str) -> float | None:
    value = entry.details.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return entry.ts - float(value)
    return None


def eu_category(raw: object) -> str:
    """The EU category of an audit entry's causette category (unknown: terms of service)."""
    try:
        return EU_CATEGORY[Category(str(raw))].category
    except ValueError:
        return EU_CATEGORY[Category.TERMS].category


def ground_of(entry: AuditEntry) -> str:
    raw = entry.details.get("ground_type")
    if raw in (GroundType.ILLEGAL.value, GroundType.TERMS.value):
        return str(raw)
    try:
        return EU_CATEGORY[Category(str(entry.category))].ground.value
    except ValueError:
        return GroundType.TERMS.value


def restricts(entry: AuditEntry) -> bool:
    """A restriction in the database's terms (a warning restricts nothing)."""
    d = entry.details
    if "visibility" in d or "provision" in d:
        return d.get("visibility") is not None or d.get("provision") is not None
    return d.get("kind") != SanctionKind.WARNING.value


def _rows_by(
    entries: Iterable[AuditEntry],
    keys: Sequence[str],
    key_of: Callable[[AuditEntry], str],
    columns: Sequence[Callable[[list[AuditEntry]], object]],
) -> list[list[object]]:
    groups: dict[str, list[AuditEntry]] = {k: [] for k in keys}
    for e in entries:
        groups.setdefault(key_of(e), []).append(e)
    return [[key, *(col(groups[key]) for col in columns)] for key in groups]


def _notices(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    notices = [e for e in of("notice_received") if e.source in NOTICE_SOURCES]
    acted = [e for e in of("restriction_applied") if e.source in NOTICE_SOURCES and restricts(e)]
    by_cat: dict[str, list[AuditEntry]] = {c: [] for c in CATEGORIES}
    for e in acted:
        by_cat[eu_category(e.category)].append(e)
    rows = _rows_by(
        notices,
        CATEGORIES,
        lambda e: eu_category(e.category),
        [len, lambda es: sum(1 for e in es if e.source == "trusted_flagger")],
    )
    for row in rows:
        done = by_cat[str(row[0])]
        spans = [s for s in (_since(e, "notice_at") for e in done) if s is not None]
        row += [
            sum(1 for e in done if ground_of(e) == GroundType.ILLEGAL.value),
            sum(1 for e in done if ground_of(e) == GroundType.TERMS.value),
            _median_hours(spans),
        ]
    return Sheet(
        "03_notices",
        "Notices (Art. 16) by category, and the actions taken on them",
        (
            "category",
            "notices_all",
            "notices_trusted_flaggers",
            "actions_illegal_content",
            "actions_terms_and_conditions",
            "median_hours_to_action",
        ),
        rows,
    )


def _own_initiative(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    own = [e for e in of("restriction_applied") if e.source not in NOTICE_SOURCES and restricts(e)]

    def has(key: str, value: str) -> Callable[[list[AuditEntry]], int]:
        return lambda es: sum(1 for e in es if e.details.get(key) == value)

    rows = _rows_by(
        own,
        CATEGORIES,
        lambda e: eu_category(e.category),
        [
            len,
            lambda es: sum(1 for e in es if ground_of(e) == GroundType.ILLEGAL.value),
            lambda es: sum(1 for e in es if ground_of(e) == GroundType.TERMS.value),
            has("visibility", VISIBILITY_REMOVED),
            has("provision", PARTIAL_SUSPENSION),
            has("provision", PARTIAL_TERMINATION),
            has("provision", TOTAL_SUSPENSION),
            has("provision", TOTAL_TERMINATION),
            lambda es: sum(1 for e in es if e.automated),
            lambda es: sum(1 for e in es if e.details.get("automated_decision") is True),
        ],
    )
    return Sheet(
        "04_own_initiative",
        "Content moderation on the provider's own initiative, by category and restriction",
        (
            "category",
            "measures",
            "illegal_content",
            "terms_and_conditions",
            "visibility_removal",
            "service_partial_suspension",
            "service_partial_termination",
            "service_total_suspension",
            "service_total_termination",
            "detected_by_automated_means",
            "decided_solely_by_automated_means",
        ),
        rows,
    )


def _complaints(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    filed = of("appeal_filed")
    decided = of("appeal_decided")
    decided_ids = {e.details.get("appeal") for e in decided}

    def contested(e: AuditEntry) -> str:
        return str(e.details.get("contested") or "unknown")

    rows = _rows_by(filed, CONTESTED, contested, [len])
    by_type: dict[str, list[AuditEntry]] = {str(r[0]): [] for r in rows}
    for e in decided:
        by_type.setdefault(contested(e), []).append(e)
    for row in rows:
        done = by_type.get(str(row[0]), [])
        pending = sum(
            1
            for e in filed
            if contested(e) == row[0] and e.details.get("appeal") not in decided_ids
        )
        spans = [s for s in (_since(e, "filed_at") for e in done) if s is not None]
        row += [
            sum(1 for e in done if e.details.get("outcome") == "upheld"),
            sum(1 for e in done if e.details.get("outcome") == "reversed"),
            0,  # causette reverses a decision whole or not at all
            pending,
            sum(1 for e in done if e.details.get("unfounded") is True),
            _median_hours(spans),
        ]
    return Sheet(
        "05_complaints",
        "Complaints (Art. 20) by type of contested decision, and their outcome",
        (
            "contested_decision",
            "received",
            "decision_upheld",
            "decision_reversed",
            "decision_partially_reversed",
            "omitted_not_decided_in_period",
            "manifestly_unfounded",
            "median_hours_to_decide",
        ),
        rows,
    )


def _between(entries: Iterable[AuditEntry], first: str, then: str) -> list[float]:
    """``details[then] - details[first]`` of the entries that record both."""
    out = []
    for e in entries:
        a, b = e.details.get(first), e.details.get(then)
        if isinstance(a, int | float) and isinstance(b, int | float):
            out.append(float(b) - float(a))
    return out


def _orders(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    orders = of("authority_order")
    rows: list[list[object]] = []
    for article in ORDER_ARTICLES:
        mine = [e for e in orders if str(e.details.get("article")) == article]
        groups: dict[tuple[str, str], list[AuditEntry]] = {}
        for e in mine:
            key = (eu_category(e.category), str(e.details.get("member_state") or ""))
            groups.setdefault(key, []).append(e)
        for (category, state), es in sorted(groups.items()):
            ack = _between(es, "received_at", "acknowledged_at")
            effect = _between(es, "received_at", "effect_at")
            rows.append(
                [
                    f"Art. {article}",
                    category,
                    state,
                    len(es),
                    _median_hours(ack),
                    _median_hours(effect),
                ]
            )
    return Sheet(
        "02_orders",
        "Orders from Member States' authorities (Art. 9: act against illegal content; "
        "Art. 10: provide information)",
        (
            "article",
            "category",
            "member_state",
            "orders",
            "median_hours_to_acknowledge",
            "median_hours_to_give_effect",
        ),
        rows,
    )


def _disputes(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    disputes = of("out_of_court_dispute")
    rows: list[list[object]] = []
    for outcome in DISPUTE_OUTCOMES:
        es = [e for e in disputes if e.details.get("outcome") == outcome]
        days = [
            float(e.details["days"]) for e in es if isinstance(e.details.get("days"), int | float)
        ]
        rows.append([outcome, len(es), round(statistics.median(days), 1) if days else None])
    return Sheet(
        "06_out_of_court_disputes",
        "Out-of-court dispute settlement (Art. 21): disputes by outcome",
        ("outcome", "disputes", "median_days_to_complete"),
        rows,
    )


def _suspensions(of: Callable[[str], list[AuditEntry]]) -> Sheet:
    rows: list[list[object]] = []
    for kind, ground in MISUSE_GROUNDS:
        rows.append(
            [
                ground,
                sum(1 for e in of("misuse_warning") if e.details.get("kind") == kind),
                sum(1 for e in of("misuse_suspension") if e.details.get("kind") == kind),
            ]
        )
    return Sheet(
        "07_suspensions",
        "Measures against misuse (Art. 23): warnings and suspensions on each ground",
        ("ground", "warnings", "suspensions"),
        rows,
    )


def _automated(of: Callable[[str], list[AuditEntry]], about: About) -> Sheet:
    opened = {e.case_id for e in of("notice_received") if e.automated and e.case_id}
    closed = [e for e in of("case_closed") if e.case_id in opened]
    confirmed = sum(1 for e in closed if e.details.get("outcome") == "actioned")
    restrictions = of("restriction_applied")
    rows: list[list[object]] = [
        ["description", about.automated_means or DEFAULT_AUTOMATED_MEANS],
        ["cases_opened_by_automated_detection", len(opened)],
        ["of_which_reviewed", len(closed)],
        ["of_which_confirmed_by_a_moderator", confirmed],
        ["confirmation_rate", round(confirmed / len(closed), 3) if closed else None],
        ["restrictions_detected_by_automated_means", sum(1 for e in restrictions if e.automated)],
        [
            "restrictions_decided_solely_by_automated_means",
            sum(1 for e in restrictions if e.details.get("automated_decision") is True),
        ],
    ]
    ev = about.evaluation
    for key in ("precision", "recall"):
        rows.append([f"evaluation_{key}", ev.get(key)])
    categories = ev.get("categories")
    if isinstance(categories, Mapping):
        for name in sorted(categories):
            scores = categories[name] if isinstance(categories[name], Mapping) else {}
            for key in ("precision", "recall"):
                rows.append([f"evaluation_{key}_{name}", scores.get(key)])
    return Sheet(
        "08_automated_means",
        "Use of automated means: description and indicators of accuracy",
        ("indicator", "value"),
        rows,
    )


def _human(of: Callable[[str], list[AuditEntry]], about: About) -> Sheet:
    deciding = {"restriction_applied", "case_closed", "appeal_decided"}
    people = {
        e.actor_id
        for action in deciding
        for e in of(action)
        if e.actor_kind in ("moderator", "administrator") and e.actor_id
    }
    return Sheet(
        "09_human_resources",
        "Human resources dedicated to content moderation, their training and support",
        ("indicator", "value"),
        [
            ["people_who_decided_in_period", len(people)],
            ["training_and_support", about.training],
        ],
    )


def _recipients(active: Mapping[str, Any]) -> Sheet:
    monthly: Mapping[str, int] = active.get("monthly", {})
    last = list(monthly.items())[-6:]
    rows: list[list[object]] = [[month, count] for month, count in last]
    average = round(statistics.fmean(c for _, c in last), 1) if last else None
    rows.append(["average_last_six_months", average])
    return Sheet(
        "10_active_recipients",
        "Average monthly active recipients of the service (Art. 24(2)), last six months",
        ("month", "active_recipients"),
        rows,
    )


def sheets(
    by_action: Mapping[str, list[AuditEntry]],
    start: float,
    end: float,
    active: Mapping[str, Any],
    about: About,
) -> list[Sheet]:
    """Every sheet of the template, from the period's audit entries grouped by action."""

    def of(action: str) -> list[AuditEntry]:
        return list(by_action.get(action, []))

    first = datetime.fromtimestamp(start, UTC)
    last = datetime.fromtimestamp(end, UTC)
    annual = (first.month, first.day, last.month, last.day) == (1, 1, 1, 1) and (
        last.year == first.year + 1
    )
    identification = Sheet(
        "01_identification",
        "Identification of the provider, the service and the reporting period",
        ("field", "value"),
        [
            ["provider", about.provider],
            ["service", about.service],
            ["service_type", "online platform"],
            ["period_start", first.strftime("%Y-%m-%d")],
            ["period_end", (datetime.fromtimestamp(end - 1, UTC)).strftime("%Y-%m-%d")],
            ["reporting_frequency", "annual" if annual else "other"],
        ],
    )
    return [
        identification,
        _orders(of),
        _notices(of),
        _own_initiative(of),
        _complaints(of),
        _disputes(of),
        _suspensions(of),
        _automated(of, about),
        _human(of, about),
        _recipients(active),
    ]


def csv_text(sheet: Sheet) -> str:
    """One sheet as CSV (RFC 4180, comma, header line; empty cell for no value)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.columns)
    for row in sheet.rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def write_csv(
    template: Mapping[str, Mapping[str, Any]], folder: Path, stem: str, write: Callable[..., None]
) -> list[Path]:
    """Each sheet of a report's ``template`` as ``folder/STEM-NAME.csv``; the paths."""
    paths = []
    for name, table in template.items():
        sheet = Sheet(name, table["title"], tuple(table["columns"]), table["rows"])
        path = folder / f"{stem}-{name}.csv"
        write(path, csv_text(sheet))
        paths.append(path)
    return paths
