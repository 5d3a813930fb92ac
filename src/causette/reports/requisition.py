"""Answering a legal request for identification data (LCEN art. 6, décret 2021-1362;
SAFETY.md 20).

A judicial requisition names a nickname (or a session id) and a period. The answer holds the
sessions that used it then (nickname, declared age, postal code, start and end, device hash)
and the connection data of their messages in the period (IP address, source port, protocol,
time). This is the only read of the connection log outside an Art. 18 package, and each one
lands in the audit log with the request's reference and counts: never the nickname, a session
id or an address, so the log itself holds no personal data of the person concerned.
"""

from __future__ import annotations

import time
from typing import Any

from causette.domain.audit import AuditEntry
from causette.domain.times import iso_utc_seconds
from causette.errors import InvalidInput, NotFound
from causette.store.chat import Store, StoredGuest
from causette.store.connections import ConnectionLog
from causette.store.moderation import AuditLog

FORMAT = "causette-requisition/1"
REFERENCE_MAX = 200


def _iso(ts: float | None) -> str | None:
    return None if ts is None else iso_utc_seconds(ts)


def _live_during(guest: StoredGuest, start: float, end: float) -> bool:
    return guest.created_at < end and (guest.ended_at is None or guest.ended_at >= start)


def _field(raw: str, name: str) -> str:
    text = " ".join(raw.split())
    if not text or len(text) > REFERENCE_MAX:
        raise InvalidInput("requisition_field_invalid", field=name, max=REFERENCE_MAX)
    return text


async def export_requisition(
    store: Store,
    connections: ConnectionLog,
    audit: AuditLog,
    nickname: str | None,
    guest_id: str | None,
    start: float,
    end: float,
    requested_by: str,
    reference: str,
    *,
    actor: str | None = None,
    at: float | None = None,
) -> dict[str, Any]:
    """The sessions matching ``nickname`` (any case) or ``guest_id`` that were live in
    ``[start, end)``, and their connection records in that period; audited.

    Raises ``NotFound("requisition_no_session")`` (and writes nothing) when no session
    matches: the data may never have existed, or be past its retention period.
    """
    if (nickname is None) == (guest_id is None):
        raise InvalidInput("requisition_target_invalid", field="nickname")
    if end <= start:
        raise InvalidInput("requisition_period_invalid", field="period")
    requested_by = _field(requested_by, "requested_by")
    reference = _field(reference, "reference")
    if nickname is not None:
        candidates = await store.guests_named(nickname.strip())
    else:
        candidates = [g for g in await store.guests_between(start, end) if g.id == guest_id]
    sessions = [g for g in candidates if _live_during(g, start, end)]
    if not sessions:
        raise NotFound(
            "requisition_no_session", field="nickname" if nickname is not None else "guest"
        )
    records = await connections.of_guests([g.id for g in sessions], start, end)
    now = time.time() if at is None else at
    await audit.append(
        AuditEntry(
            0,
            now,
            "administrator",
            actor,
            "requisition_export",
            reason=f"réquisition de {requested_by}",
            details={
                "reference": reference,
                "matched_by": "nickname" if nickname is not None else "guest",
                "start": start,
                "end": end,
                "sessions": len(sessions),
                "connections": len(records),
            },
        )
    )
    return {
        "format": FORMAT,
        "reference": reference,
        "requested_by": requested_by,
        "exported_at": _iso(now),
        "period": {"start": _iso(start), "end": _iso(end)},
        "query": {"nickname": nickname, "guest_id": guest_id},
        "note": (
            "Heures en UTC ; période : début inclus, fin exclue. Données de session conservées "
            "un an après la fin de la session, données de connexion un an (décret 2021-1362). "
            "L'âge et le code postal sont déclarés par le visiteur, sans vérification."
        ),
        "sessions": [
            {
                "session": g.id,
                "nickname": g.nickname,
                "declared_age": g.age,
                "postal_code": g.postal_code,
                "started_at": _iso(g.created_at),
                "ended_at": _iso(g.ended_at),
                "device_hash": g.device,
            }
            for g in sessions
        ],
        "connections": [
            {
                "session": r.guest_id,
                "message_id": r.message_id,
                "ip": r.ip,
                "port": r.port,
                "protocol": r.protocol,
                "time": _iso(r.ts),
            }
            for r in records
        ],
    }
