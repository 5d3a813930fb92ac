"""The audit trail of a case as moderators read it: one sentence per entry, in the console's
language, instead of the stored JSON (the log itself keeps its details as they are)."""

from __future__ import annotations

from collections.abc import Mapping

from causette.domain.accounts import Role
from causette.domain.audit import AuditEntry
from causette.transport.console.rendering import Ctx

_ROLES = frozenset(r.value for r in Role)


def actor(ctx: Ctx, e: AuditEntry, names: Mapping[int, str]) -> str:
    """Who acted: an account by its name and role, else the system, a visitor, automation."""
    if e.actor_id and e.actor_id.isdigit() and e.actor_kind in _ROLES:
        name = names.get(int(e.actor_id), "#" + e.actor_id)
        return ctx.t("audit_by_account", name=name, role=ctx.t("role_" + e.actor_kind))
    return ctx.t("audit_by_" + e.actor_kind) if e.actor_kind in _KINDS else e.actor_kind


_KINDS = frozenset({"system", "visitor", "automated", "unknown"})


def sentence(ctx: Ctx, e: AuditEntry, names: Mapping[int, str], receipts: Mapping[int, str]) -> str:
    """One audit entry as a sentence; ``receipts`` names reports by id (their receipt)."""
    d = e.details
    who = actor(ctx, e, names)
    t = ctx.t
    match e.action:
        case "notice_received":
            report = receipts.get(_int(d.get("report")), "?")
            source = t("source_" + e.source) if e.source else "—"
            key = "audit_notice_opened" if d.get("case_opened") else "audit_notice_joined"
            category = ctx.category(e.category) if e.category else "—"
            return t(key, report=report, source=source, category=category)
        case "restriction_applied":
            text = t(
                "audit_restriction",
                who=who,
                kind=ctx.kind(str(d.get("kind", ""))),
                decision=e.decision_id or "?",
            )
            if d.get("kind") in ("mute", "room_ban", "site_ban", "suspension"):
                text += " " + t("audit_for", duration=ctx.duration(_num(d.get("duration"))))
            if d.get("room"):
                text += " " + t("audit_in_room", room=d["room"])
            if d.get("network_duration"):
                network = ctx.duration(_num(d.get("network_duration")))
                text += " " + t("audit_network", duration=network)
            if d.get("message"):
                text += " " + t("audit_message_removed", id=d["message"])
            return text + ". " + t("audit_ground", ground=e.reason or "—")
        case "case_closed":
            outcome = t("outcome_" + str(d.get("outcome", "rejected")))
            text = t("audit_closed", who=who, outcome=outcome)
            return text + (" " + t("audit_reason", reason=e.reason) if e.reason else "")
        case "appeal_filed":
            appellant = t("appellant_" + str(d.get("appellant", "affected")))
            return t("audit_appeal_filed", appellant=appellant, decision=e.decision_id or "?")
        case "appeal_decided":
            outcome = t("audit_appeal_" + str(d.get("outcome", "upheld")))
            if d.get("appellant") == "network" and d.get("outcome") == "reversed":
                outcome = t("audit_appeal_spared")
            return t("audit_appeal_decided", who=who, outcome=outcome)
        case "held_released":
            return t(
                "audit_held_released",
                who=who,
                id=d.get("message", "?"),
                new_id=d.get("new_id", "?"),
            )
        case "held_removed":
            return t("audit_held_removed", who=who, id=d.get("message", "?"))
        case "authorities_export":
            return t("audit_export", who=who)
        case "misuse_warning" | "misuse_suspension":
            key = "audit_" + e.action
            return t(key, strikes=d.get("strikes", "?"), decision=e.decision_id or "?")
    # An action this page has no sentence for yet: said plainly, never as raw JSON.
    parts = ", ".join(f"{k} : {v}" for k, v in sorted(d.items()) if v is not None)
    return t("audit_other", who=who, action=e.action) + (f" ({parts})" if parts else "")


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
