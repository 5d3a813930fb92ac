"""The report pages: one Jinja2 environment over ``reports/templates`` and the filters that
write values the French way.

Autoescaping is on for every template: a value from the audit log, a moderator or a
visitor is text, never markup. Pages are self-contained (inline style and SVG, no script,
nothing fetched), so they can be published or printed as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from causette.domain.moderation import AppealStatus, Category, Outcome, SanctionKind, Source

LABELS: Mapping[str, str] = {
    Category.CHILD_ABUSE: "Abus sexuels sur mineurs, pédopiégeage",
    Category.THREAT: "Menace pour la vie ou la sécurité, guet-apens",
    Category.TRAFFICKING: "Prostitution, traite des êtres humains",
    Category.HARASSMENT: "Harcèlement",
    Category.HATE: "Haine, discrimination",
    Category.DOXXING: "Divulgation de données personnelles",
    Category.SPAM: "Spam, escroquerie",
    Category.ILLEGAL: "Autre contenu illicite",
    Category.TERMS: "Manquement aux conditions d'utilisation",
    Source.VISITOR: "Visiteurs",
    Source.TRUSTED_FLAGGER: "Signaleurs de confiance",
    Source.AUTOMATED: "Détection automatisée",
    Source.MODERATOR: "Initiative propre (modération)",
    SanctionKind.WARNING: "Avertissement",
    SanctionKind.REMOVAL: "Retrait d'un message",
    SanctionKind.MUTE: "Mise en sourdine",
    SanctionKind.KICK: "Expulsion d'un salon",
    SanctionKind.ROOM_BAN: "Exclusion d'un salon",
    SanctionKind.SITE_BAN: "Exclusion du site",
    SanctionKind.SUSPENSION: "Suspension (art. 23)",
    Outcome.ACTIONED: "Mesure prise",
    Outcome.REJECTED: "Rejeté (pas de manquement)",
    Outcome.UNFOUNDED: "Manifestement infondé",
    AppealStatus.REVERSED: "Décision annulée",
    AppealStatus.UPHELD: "Décision maintenue",
    "illegal_post": "Contenus manifestement illicites répétés",
    "unfounded_report": "Signalements manifestement infondés répétés",
    "unfounded_appeal": "Recours manifestement infondés répétés",
}


def number(value: object) -> str:
    """A figure written the French way: 1,5 for 1.5; a dash for no value."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def label(key: str) -> str:
    """The French name of a category, source, measure or outcome; the key if it has none."""
    return LABELS.get(key, key)


def category(code: str) -> str:
    """A category's French name with its code, as the authorities read it."""
    name = LABELS.get(code)
    return f"{name} ({code})" if name else code


def cell(value: object) -> str:
    """A package value as text: a dash for none, oui/non, JSON for a structure."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Mapping | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def sender(who: Mapping[str, Any]) -> str:
    """Who wrote a message: nickname, then declared age, département and session."""
    facts = [
        f"{who['declared_age']} ans" if who.get("declared_age") is not None else None,
        f"dép. {who['departement']}" if who.get("departement") else None,
        f"session {who['session']}" if who.get("session") else None,
    ]
    known = ", ".join(f for f in facts if f)
    return f"{who.get('nickname') or '?'} ({known})" if known else str(who.get("nickname") or "?")


ENVIRONMENT = Environment(
    loader=PackageLoader("causette.reports", "templates"),
    autoescape=True,
    undefined=StrictUndefined,  # a misspelt field fails loudly instead of printing nothing
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
ENVIRONMENT.filters.update(number=number, label=label, category=category, cell=cell, sender=sender)


def render(template: str, **context: Any) -> str:
    """A report page as HTML text."""
    return ENVIRONMENT.get_template(template).render(**context)
