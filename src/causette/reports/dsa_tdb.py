"""Statements of reasons in the DSA Transparency Database's format (Art. 24(5)).

``tdb_statement`` turns one stored decision into the object the database's API takes, named
and valued as its rules require (``dsa_rules.py``); ``batch`` is the body of its batch
endpoint, ``{"statements": [...]}``. A warning restricts nothing and is no statement for the
database. Facts, grounds and explanations are masked (``transparency.redact``): the database
must receive no personal data.

Each statement's ``puid`` is the operator's prefix and the decision's never-reused number
(``causette-42``): letters, digits, ``-`` and ``_`` only, never the decision's secret code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from causette.domain.dsa import EU_CATEGORY
from causette.domain.moderation import OWN_INITIATIVE, Decision, GroundType, Source
from causette.reports import dsa_rules
from causette.reports.transparency import redact

PUID_PREFIX = re.compile(r"[a-zA-Z0-9_-]{1,64}")
LATEST = "2038-01-01"  # the database takes no date after this one

SOURCE_TYPES = {
    Source.VISITOR: "SOURCE_ARTICLE_16",
    Source.TRUSTED_FLAGGER: "SOURCE_TRUSTED_FLAGGER",
}


class StatementError(ValueError):
    """A statement the database would refuse (a bug: every stored decision must pass)."""


def day(ts: float) -> str:
    """A UTC day as the database writes dates (``YYYY-MM-DD``)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d")


def puid_of(prefix: str, decision_id: int) -> str:
    if not PUID_PREFIX.fullmatch(prefix):
        raise ValueError("the puid prefix takes 1 to 64 letters, digits, - or _")
    return f"{prefix}-{decision_id}"


def tdb_statement(decision: Decision, prefix: str) -> dict[str, Any]:
    """The database's statement of one decision (which must restrict something)."""
    if not decision.is_statement:
        raise StatementError(f"decision {decision.id} restricts nothing")
    names = [decision.subject_nickname]
    eu = EU_CATEGORY[decision.category]
    applied = day(decision.created_at)
    out: dict[str, Any] = {}
    if decision.visibility is not None:
        out["decision_visibility"] = [decision.visibility]
        out["end_date_visibility_restriction"] = None  # a removal is for good
    if decision.provision is not None:
        out["decision_provision"] = decision.provision
        end = day(decision.ends_at) if decision.ends_at is not None else None
        out["end_date_service_restriction"] = min(end, LATEST) if end else None
    reference = redact(decision.ground_reference or decision.ground, names)
    explanation = redact(decision.explanation or decision.facts, names)
    if decision.ground_type is GroundType.ILLEGAL:
        out["decision_ground"] = "DECISION_GROUND_ILLEGAL_CONTENT"
        out["illegal_content_legal_ground"] = reference[:500]
        out["illegal_content_explanation"] = explanation[:2000]
    else:
        out["decision_ground"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        out["incompatible_content_ground"] = reference[:500]
        out["incompatible_content_explanation"] = explanation[:2000]
        out["incompatible_content_illegal"] = "Yes" if decision.incompatible_illegal else "No"
    out["content_type"] = [decision.content_type]
    out["category"] = eu.category
    if eu.keywords:
        out["category_specification"] = list(eu.keywords)
        if eu.other_keyword:
            out["category_specification_other"] = eu.other_keyword
    out["territorial_scope"] = sorted(decision.territorial_scope)
    if decision.content_language:
        out["content_language"] = decision.content_language
    content = decision.content_date if decision.content_date is not None else decision.created_at
    out["content_date"] = min(day(content), applied)
    out["application_date"] = applied
    out["decision_facts"] = redact(decision.facts, names)[:5000]
    # An automated detection is the platform's own initiative, not an Art. 16 notice.
    out["source_type"] = (
        "SOURCE_VOLUNTARY"
        if decision.source in OWN_INITIATIVE
        else SOURCE_TYPES.get(decision.source, "SOURCE_TYPE_OTHER_NOTIFICATION")
    )
    out["automated_detection"] = "Yes" if decision.automated_detection else "No"
    out["automated_decision"] = (
        "AUTOMATED_DECISION_FULLY"
        if decision.automated_decision
        else "AUTOMATED_DECISION_NOT_AUTOMATED"
    )
    out["puid"] = puid_of(prefix, decision.id)
    problems = dsa_rules.errors(out)
    if problems:
        raise StatementError(f"decision {decision.id}: {problems}")
    return out


def tdb_statements(
    decisions: Sequence[Decision], start: float, end: float, prefix: str
) -> list[dict[str, Any]]:
    """The statements of the restricting decisions taken in ``[start, end)``, by id."""
    chosen = [d for d in decisions if start <= d.created_at < end and d.is_statement]
    return [tdb_statement(d, prefix) for d in sorted(chosen, key=lambda d: d.id)]


def batch(statements: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The body of the database's batch endpoint."""
    return {"statements": list(statements)}
