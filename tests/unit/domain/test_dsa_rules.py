"""The Transparency Database's rules (reports/dsa_rules.py) and causette's mapping to its terms
(domain/dsa.py): what passes, what each rule refuses, and which restriction each sanction is."""

from __future__ import annotations

from typing import Any

import pytest

from causette.domain.dsa import (
    EU_CATEGORY,
    KEYWORDS,
    PARTIAL_SUSPENSION,
    PARTIAL_TERMINATION,
    TOTAL_SUSPENSION,
    TOTAL_TERMINATION,
    VISIBILITY_REMOVED,
    ground_type_of,
    restriction_of,
)
from causette.domain.moderation import Category, GroundType, SanctionKind
from causette.domain.rules import GROUNDS
from causette.reports.dsa_rules import CATEGORIES, batch_errors, errors
from causette.transport.console.forms import GROUND_CATEGORY

T = 1_760_000_000.0  # 2025-10-09
D = 86400.0


def valid() -> dict[str, Any]:
    return {
        "decision_visibility": ["DECISION_VISIBILITY_CONTENT_REMOVED"],
        "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT",
        "illegal_content_legal_ground": "Code pénal art. 222-17",
        "illegal_content_explanation": "Menace de mort.",
        "content_type": ["CONTENT_TYPE_TEXT"],
        "category": "STATEMENT_CATEGORY_VIOLENCE",
        "category_specification": ["KEYWORD_COORDINATED_HARM"],
        "territorial_scope": ["FR", "NO"],
        "content_language": "FR",
        "content_date": "2025-10-08",
        "application_date": "2025-10-09",
        "decision_facts": "Menace envers une personne du salon.",
        "source_type": "SOURCE_ARTICLE_16",
        "automated_detection": "No",
        "automated_decision": "AUTOMATED_DECISION_NOT_AUTOMATED",
        "puid": "causette-42",
    }


def test_a_complete_statement_passes() -> None:
    assert errors(valid()) == {}
    assert batch_errors({"statements": [valid()]}) == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"puid": "causette 42"}, "puid"),
        ({"puid": "D-7K3/M9"}, "puid"),
        ({"puid": ""}, "puid"),
        ({"puid": "x" * 501}, "puid"),
        ({"content_date": "2025-10-8"}, "content_date"),
        ({"content_date": "1999-12-31"}, "content_date"),
        ({"application_date": "2019-12-31"}, "application_date"),
        ({"application_date": "09/10/2025"}, "application_date"),
        ({"decision_visibility": None}, "decision_visibility"),
        ({"decision_visibility": "DECISION_VISIBILITY_CONTENT_REMOVED"}, "decision_visibility"),
        ({"decision_visibility": ["DECISION_VISIBILITY_OTHER"]}, "decision_visibility_other"),
        ({"decision_provision": "DECISION_PROVISION_FOREVER"}, "decision_provision"),
        ({"illegal_content_legal_ground": ""}, "illegal_content_legal_ground"),
        ({"illegal_content_legal_ground": "x" * 501}, "illegal_content_legal_ground"),
        ({"illegal_content_explanation": "x" * 2001}, "illegal_content_explanation"),
        ({"decision_facts": "x" * 5001}, "decision_facts"),
        ({"decision_ground": "DECISION_GROUND_TERMS"}, "decision_ground"),
        ({"category": "STATEMENT_CATEGORY_HATE"}, "category"),
        ({"category_specification": ["KEYWORD_HATE"]}, "category_specification"),
        ({"territorial_scope": ["FR", "CH"]}, "territorial_scope"),
        ({"content_language": "fr"}, "content_language"),
        ({"content_type": []}, "content_type"),
        ({"content_type": ["CONTENT_TYPE_OTHER"]}, "content_type_other"),
        ({"source_type": "SOURCE_AUTOMATED"}, "source_type"),
        ({"automated_detection": True}, "automated_detection"),
        ({"automated_decision": "No"}, "automated_decision"),
        ({"end_date_service_restriction": "2038-01-02"}, "end_date_service_restriction"),
        ({"end_date_service_restriction": "2025-10-08"}, "end_date_service_restriction"),
        ({"decision_ground_reference_url": "not a url"}, "decision_ground_reference_url"),
    ],
)
def test_each_rule_refuses_what_the_database_refuses(change: dict[str, Any], field: str) -> None:
    assert field in errors(valid() | change)


def test_the_incompatible_ground_needs_its_own_fields() -> None:
    terms = valid() | {"decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT"}
    assert set(errors(terms)) == {"incompatible_content_ground", "incompatible_content_explanation"}
    terms |= {"incompatible_content_ground": "CGU art. 3", "incompatible_content_explanation": "."}
    assert errors(terms) == {}
    assert "incompatible_content_illegal" in errors(terms | {"incompatible_content_illegal": "?"})


def test_a_batch_is_bounded_and_its_puids_distinct() -> None:
    assert "statements" in batch_errors({"statements": []})
    assert "statements" in batch_errors({"statements": [valid()] * 101})
    assert "statements" in batch_errors([valid()])
    twice = batch_errors({"statements": [valid(), valid()]})
    assert list(twice) == ["statement_1"]
    assert "puid" in twice["statement_1"]


def test_every_category_maps_to_the_databases_terms() -> None:
    for category in Category:
        eu = EU_CATEGORY[category]
        assert eu.category in CATEGORIES
        assert set(eu.keywords) <= set(KEYWORDS)
        assert (eu.other_keyword is not None) == ("KEYWORD_OTHER" in eu.keywords)
    grooming = EU_CATEGORY[Category.CHILD_ABUSE]
    assert grooming.category == "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"
    assert grooming.keywords == ("KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",)
    assert EU_CATEGORY[Category.HATE].keywords == ("KEYWORD_HATE_SPEECH",)


def test_every_console_ground_has_a_category_and_a_ground_type() -> None:
    assert set(GROUND_CATEGORY) == set(GROUNDS)
    assert ground_type_of("law_hate", Category.TERMS) is GroundType.ILLEGAL
    assert ground_type_of("tos_respect", Category.HATE) is GroundType.TERMS
    assert ground_type_of(None, Category.HATE) is GroundType.ILLEGAL
    assert ground_type_of(None, Category.SPAM) is GroundType.TERMS


@pytest.mark.parametrize(
    ("kind", "duration", "removed", "visibility", "provision", "ends"),
    [
        (SanctionKind.WARNING, None, False, None, None, None),
        (SanctionKind.REMOVAL, None, True, VISIBILITY_REMOVED, None, None),
        (SanctionKind.MUTE, D, False, None, PARTIAL_SUSPENSION, T + D),
        (SanctionKind.MUTE, None, True, VISIBILITY_REMOVED, PARTIAL_TERMINATION, None),
        (SanctionKind.KICK, None, False, None, PARTIAL_SUSPENSION, T),
        (SanctionKind.ROOM_BAN, 7 * D, False, None, PARTIAL_SUSPENSION, T + 7 * D),
        (SanctionKind.SITE_BAN, 30 * D, False, None, TOTAL_SUSPENSION, T + 30 * D),
        (SanctionKind.SITE_BAN, None, False, None, TOTAL_TERMINATION, None),
        (SanctionKind.SUSPENSION, 7 * D, False, None, TOTAL_SUSPENSION, T + 7 * D),
    ],
)
def test_what_each_sanction_restricts_in_the_databases_terms(
    kind: SanctionKind,
    duration: float | None,
    removed: bool,
    visibility: str | None,
    provision: str | None,
    ends: float | None,
) -> None:
    r = restriction_of(kind, T, duration, removed)
    assert (r.visibility, r.provision, r.ends_at) == (visibility, provision, ends)
    assert r.restricts is (kind is not SanctionKind.WARNING)
