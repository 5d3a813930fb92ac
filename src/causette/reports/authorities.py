"""The package sent to the authorities about a case (DSA Art. 18; SAFETY.md 18).

When a case suggests a threat to someone's life or safety, or child sexual abuse, a moderator
reports it (in France to Pharos, internet-signalement.gouv.fr; in an emergency to the 17 or
112) with everything the platform holds about it: the reports, the frozen conversations and
session data, the connection data (IP address, source port, protocol, time) of the reported
person's messages in that evidence, the decisions taken and the case's audit trail.

``build_package`` is pure: it turns a ``CaseView`` and the connection records into a JSON
value and a printable French HTML page saying the same. ``export_case`` gathers them and
records the export in the audit log (``ModerationService.record_export``), which is the only
way the connection data of a case is read.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from causette.domain.accounts import Account
from causette.domain.times import iso_utc_seconds
from causette.reports.transparency import LABELS
from causette.services.moderation.service import CaseView, ModerationService
from causette.store.connections import ConnectionLog, ConnectionRecord

FORMAT = "causette-authorities/1"
HEADER = "Signalement aux autorités — Pharos (internet-signalement.gouv.fr) / 17 / 112"


def _iso(ts: object) -> str | None:
    if isinstance(ts, int | float) and not isinstance(ts, bool):
        return iso_utc_seconds(float(ts))
    return None


def reported_message_ids(view: CaseView) -> list[int]:
    """The messages of the reported person in the case's frozen conversations."""
    device = view.case.subject.removeprefix("device:")
    ids: list[int] = []
    if not view.case.subject.startswith("device:"):
        return ids
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
    moderation: ModerationService,
    connections: ConnectionLog,
    account: Account,
    case_id: int,
    exported_at: float,
) -> tuple[dict[str, Any], str]:
    """Gather a case's package and record the export in the audit log (Art. 18).

    ``record_export`` checks the moderator's role and that the case's category may go to
    the authorities, and runs first: a refused export reads no connection data.
    """
    await moderation.record_export(account, case_id, "authorities")
    view = await moderation.case_view(case_id)
    records = await connections.of_messages(reported_message_ids(view))
    return build_package(view, records, account.username, exported_at)


# -- the page ----------------------------------------------------------------------------------

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;color:#111;max-width:64rem;margin:1.5rem auto;
padding:0 1rem}header{border:3px solid #b00020;padding:.5rem 1rem}h1{font-size:1.3rem;margin:0}
h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #999}table{border-collapse:
collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #999;padding:.2rem .4rem;
text-align:left;vertical-align:top}tr.reported td{background:#fde7e9;font-weight:600}
pre{white-space:pre-wrap;margin:0;font:inherit}
@media print{body{margin:0;max-width:none}header{break-after:avoid}tr{break-inside:avoid}}
"""


def _e(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Mapping | list):
        return html.escape(json.dumps(value, ensure_ascii=False, sort_keys=True), quote=True)
    return html.escape(str(value), quote=True)


def _table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], marks: Iterable[bool] = ()
) -> str:
    marked = list(marks)
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = ' class="reported"' if i < len(marked) and marked[i] else ""
        cells = "".join(f"<td><pre>{_e(c)}</pre></td>" for c in row)
        body.append(f"<tr{cls}>{cells}</tr>")
    if not body:
        return "<p>Aucun élément.</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _fields(pairs: Iterable[tuple[str, object]]) -> str:
    rows = "".join(f'<tr><th scope="row">{_e(k)}</th><td>{_e(v)}</td></tr>' for k, v in pairs)
    return f"<table><tbody>{rows}</tbody></table>"


def _sender(who: Mapping[str, Any]) -> str:
    facts = [
        f"{who['declared_age']} ans" if who.get("declared_age") is not None else None,
        f"dép. {who['departement']}" if who.get("departement") else None,
        f"session {who['session']}" if who.get("session") else None,
    ]
    known = ", ".join(f for f in facts if f)
    return f"{who.get('nickname') or '?'} ({known})" if known else str(who.get("nickname") or "?")


def _category(code: str) -> str:
    label = LABELS.get(code)
    return f"{label} ({code})" if label else code


def render_html(package: Mapping[str, Any]) -> str:
    """The package as a self-contained, printable French page; every value is escaped."""
    case = package["case"]
    parts = [
        f"<header><h1>{_e(HEADER)}</h1>"
        f"<p>Dossier {_e(case['code'])} — exporté le {_e(package['exported_at'])} (UTC) par "
        f"{_e(package['exported_by'])}. Toutes les heures sont en UTC.</p></header>",
        "<h2>Dossier</h2>",
        _fields(
            [
                ("Code", case["code"]),
                ("Catégorie", _category(case["category"])),
                ("Objet", case["subject"]),
                ("État", case["status"]),
                ("Ouvert le", case["opened_at"]),
                ("Clos le", case["closed_at"]),
                ("Issue", case["outcome"]),
            ]
        ),
        "<h2>Dossiers antérieurs de la même personne</h2>",
        _table(
            ["Code", "Catégorie", "Ouvert le", "Issue"],
            [
                [c["code"], _category(c["category"]), c["opened_at"], c["outcome"]]
                for c in case["previous_cases"]
            ],
        ),
        "<h2>Signalements</h2>",
        _table(
            ["Reçu", "Catégorie", "Origine", "Date", "Explication", "Contact", "Cible"],
            [
                [
                    r["receipt"],
                    _category(r["category"]),
                    r["source"],
                    r["reported_at"],
                    r["explanation"],
                    r["reporter_contact"],
                    r["target"],
                ]
                for r in package["reports"]
            ],
        ),
    ]
    for i, conv in enumerate(package["evidence"]["conversations"], 1):
        messages = conv["messages"]
        parts.append(
            f"<h2>Conversation conservée n° {i} (figée le {_e(conv['frozen_at'])}, "
            f"salon : {_e(conv['room'])})</h2>"
        )
        parts.append(
            _table(
                ["N°", "Heure", "De", "À", "Texte"],
                [
                    [
                        m["id"],
                        m["time"],
                        _sender(m["from"]),
                        m["to"]["nickname"] if m["to"] else m["room"],
                        m["text"],
                    ]
                    for m in messages
                ],
                [m["reported"] for m in messages],
            )
        )
    parts.append("<h2>Données de session</h2>")
    parts.extend(_fields(sorted(s.items())) for s in package["evidence"]["sessions"])
    parts.append("<h2>Données de connexion des messages de la personne signalée</h2>")
    parts.append(
        _table(
            ["Heure", "Adresse IP", "Port source", "Protocole", "Message", "Session"],
            [
                [c["time"], c["ip"], c["port"], c["protocol"], c["message_id"], c["session"]]
                for c in package["connections"]
            ],
        )
    )
    parts.append("<h2>Décisions prises</h2>")
    parts.append(
        _table(
            ["N°", "Mesure", "Salon", "Durée (s)", "Faits", "Fondement", "Le", "Annulée le"],
            [
                [
                    d["id"],
                    d["kind"],
                    d["room"],
                    d["duration_seconds"],
                    d["facts"],
                    d["ground"],
                    d["decided_at"],
                    d["reversed_at"],
                ]
                for d in package["decisions"]
            ],
        )
    )
    parts.append("<h2>Historique du dossier (journal d'audit)</h2>")
    parts.append(
        _table(
            ["Heure", "Acteur", "Action", "Catégorie", "Origine", "Motif", "Détails"],
            [
                [
                    t["time"],
                    f"{t['actor']} {t['actor_id'] or ''}".strip(),
                    t["action"],
                    t["category"],
                    t["source"],
                    t["reason"],
                    t["details"],
                ]
                for t in package["timeline"]
            ],
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{_e(HEADER)} — {_e(case['code'])}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
