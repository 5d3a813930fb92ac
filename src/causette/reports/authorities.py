"""The package sent to the authorities about a case (DSA Art. 18; SAFETY.md 18).

When a case suggests a threat to someone's life or safety, or child sexual abuse, a moderator
reports it (in France to Pharos, internet-signalement.gouv.fr; in an emergency to the 17 or
112) with everything the platform holds about it: the reports, the frozen conversations and
session data, the connection data (IP address, source port, protocol, time) of the reported
person's messages in that evidence, the decisions taken and the case's audit trail.

``build_package`` is pure: it turns a ``CaseView`` and the connection records into a JSON
value and a printable French HTML page saying the same. ``export_case`` gathers them and
records the export in the audit log (``Cases.record_export``), which is the only
way the connection data of a case is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from causette.domain.accounts import Account
from causette.domain.times import iso_utc_seconds
from causette.reports import pages
from causette.services.moderation.cases import Cases, CaseView
from causette.store.connections import ConnectionLog, ConnectionRecord
from causette.types import Subject

FORMAT = "causette-authorities/1"
HEADER = "Signalement aux autorités — Pharos (internet-signalement.gouv.fr) / 17 / 112"


def _iso(ts: object) -> str | None:
    if isinstance(ts, int | float) and not isinstance(ts, bool):
        return iso_utc_seconds(float(ts))
    return None


def reported_message_ids(view: CaseView) -> list[int]:
    """The messages of the reported person in the case's frozen conversations."""
    subject = Subject.parse(view.case.subject)
    ids: list[int] = []
    if not subject.is_device:
        return ids
    device = subject.key
    for item in view.evidence:
        if item.kind != "conversation":
            continue
        for message in item.body.get("messages", []):
            if message.get("from_device") == device and isinstance(message.get("id"), int):
                ids.append(message["id"])
    return sorted(set(ids))


def _message(m: Mapping[str, Any], reported: object) -> dict[str, Any]:
    sender = m.get("from") or {}
    to = m.get("to")
    return {
        "id": m.get("id"),
        "time": _iso(m.get("ts")),
        "room": m.get("room"),
        "from": {
            "nickname": sender.get("nick"),
            "session": sender.get("id"),
            "declared_age": sender.get("age"),
            "departement": sender.get("departement"),
            "device_hash": m.get("from_device"),
        },
        "to": {"nickname": to.get("nick"), "session": to.get("id")} if to else None,
        "text": m.get("text"),
        "action": bool(m.get("action")),
        "reported": m.get("id") is not None and m.get("id") == reported,
    }


def build_package(
    case_view: CaseView,
    connection_records: Sequence[ConnectionRecord],
    exported_by: str,
    exported_at: float,
) -> tuple[dict[str, Any], str]:
    """The case as JSON for the authorities, and as a printable HTML page with the same
    content. Reporters' contacts are included: this package goes to the authorities only."""
    v = case_view
    case = v.case
    conversations, sessions = [], []
    for item in v.evidence:
        if item.kind == "conversation":
            reported = item.body.get("reported_message")
            conversations.append(
                {
                    "frozen_at": _iso(item.created_at),
                    "room": item.body.get("room"),
                    "reported_message": reported,
                    "messages": [_message(m, reported) for m in item.body.get("messages", [])],
                }
            )
        else:
            sessions.append({"kind": item.kind, "frozen_at": _iso(item.created_at), **item.body})
    package: dict[str, Any] = {
        "format": FORMAT,
        "destination": HEADER,
        "exported_by": exported_by,
        "exported_at": _iso(exported_at),
        "case": {
            "code": case.code,
            "category": case.category.value,
            "subject": case.subject,
            "status": case.status.value,
            "opened_at": _iso(case.created_at),
            "closed_at": _iso(case.closed_at),
            "outcome": case.outcome.value if case.outcome else None,
            "previous_cases": [
                {
                    "code": c.code,
                    "category": c.category.value,
                    "opened_at": _iso(c.created_at),
                    "outcome": c.outcome.value if c.outcome else None,
                }
                for c in v.previous_cases
            ],
        },
        "reports": [
            {
                "receipt": r.code,
                "category": r.category.value,
                "source": r.source.value,
                "reported_at": _iso(r.created_at),
                "explanation": r.explanation,
                "reporter_contact": r.contact,
                "target": {
                    "message": r.locator.message_id,
                    "session": r.locator.user_id,
                    "room": r.locator.room,
                },
                "automated_rule": r.automated_rule,
            }
            for r in v.reports
        ],
        "evidence": {"conversations": conversations, "sessions": sessions},
        "connections": [
            {
                "message_id": c.message_id,
                "session": c.guest_id,
                "ip": c.ip,
                "port": c.port,
                "protocol": c.protocol,
                "time": _iso(c.ts),
            }
            for c in sorted(connection_records, key=lambda c: (c.ts, c.message_id))
        ],
        "decisions": [
            {
                "id": d.id,
                "kind": d.kind.value,
                "room": d.room,
                "duration_seconds": d.duration,
                "facts": d.facts,
                "ground": d.ground,
                "source": d.source.value,
                "nickname": d.subject_nickname,
                "decided_at": _iso(d.created_at),
                "reversed_at": _iso(d.reversed_at),
            }
            for d in v.decisions
        ],
        "timeline": [
            {
                "time": _iso(e.ts),
                "actor": e.actor_kind,
                "actor_id": e.actor_id,
                "action": e.action,
                "category": e.category,
                "source": e.source,
                "reason": e.reason,
                "details": dict(e.details),
            }
            for e in v.audit
        ],
    }
    return package, render_html(package)


async def export_case(
    cases: Cases,
    connections: ConnectionLog,
    account: Account,
    case_id: int,
    exported_at: float,
) -> tuple[dict[str, Any], str]:
    """Gather a case's package and record the export in the audit log (Art. 18).

    ``record_export`` checks the moderator's role and that the case's category may go to
    the authorities, and runs first: a refused export reads no connection data.
    """
    await cases.record_export(account, case_id, "authorities")
    view = await cases.case_view(case_id)
    records = await connections.of_messages(reported_message_ids(view))
    return build_package(view, records, account.username, exported_at)


# -- the page ----------------------------------------------------------------------------------


def render_html(package: Mapping[str, Any]) -> str:
    """The package as a self-contained, printable French page; every value is escaped."""
    return pages.render("authorities.html", package=package, header=HEADER)
