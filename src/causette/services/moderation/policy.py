"""The operator's settings of notice and action, read from the configuration once."""

from __future__ import annotations

from dataclasses import dataclass, field

from causette.domain.dsa import EEA_COUNTRIES
from causette.domain.moderation import MisusePolicy


@dataclass(frozen=True, slots=True)
class ModerationPolicy:
    evidence_before: int = 20  # messages kept before the reported one
    evidence_after: int = 20
    evidence_hold: float = 365 * 24 * 3600.0  # evidence kept this long after a case closes
    misuse: MisusePolicy = field(default_factory=MisusePolicy)
    # The longest mute the automatic protection decides alone (SAFETY.md 9: a person confirms
    # every sanction beyond a short mute); 0 disables automated mutes.
    automated_mute_max: float = 3600.0
    # Where decisions apply and the language content is presumed in (statements, Art. 17).
    territorial_scope: frozenset[str] = frozenset(EEA_COUNTRIES)
    content_language: str = "fr"
