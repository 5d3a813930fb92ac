"""The audit log's entries: every moderator, system and automated action, append-only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log (who, what, when, why)."""

    id: int
    ts: float
    actor_kind: str  # moderator, administrator, trusted_flagger, system, automated, visitor
    actor_id: str | None
    action: str
    case_id: int | None = None
    decision_id: int | None = None
    category: str | None = None
    source: str | None = None
    automated: bool = False
    reason: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
