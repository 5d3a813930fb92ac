"""The DSA Transparency Database's validation rules for a statement of reasons, in Python.

Read from the database's own sources (the public repository
``digital-services-act/transparency-database``: the batch endpoint's per-statement rules in
``GroupedSubmissionsService::multi_rules``, the enumerations of ``Statement``, and the API
documentation, revised for the categories of Implementing Regulation (EU) 2024/2835). The
export (``dsa_tdb.py``) is checked against them before anything is written or sent, the
tests check every statement of a demo history, and the local test server answers with them.

``errors`` returns what the database would say about one statement, field by field, as
``{"field": ["message", ...]}``; an empty dict means it would be accepted. ``batch_errors``
checks the body of the batch endpoint (``{"statements": [...]}``, at most 100).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from causette.domain.dsa import CATEGORIES, EEA_COUNTRIES, KEYWORDS

BATCH_MAX = 100

DECISION_VISIBILITIES = (
    "DECISION_VISIBILITY_CONTENT_REMOVED",
    "DECISION_VISIBILITY_CONTENT_DISABLED",
    "DECISION_VISIBILITY_CONTENT_DEMOTED",
    "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
    "DECISION_VISIBILITY_CONTENT_LABELLED",
    "DECISION_VISIBILITY_OTHER",
)
DECISION_MONETARIES = (
    "DECISION_MONETARY_SUSPENSION",
    "DECISION_MONETARY_TERMINATION",
    "DECISION_MONETARY_OTHER",
)
DECISION_PROVISIONS = (
    "DECISION_PROVISION_PARTIAL_SUSPENSION",
    "DECISION_PROVISION_TOTAL_SUSPENSION",
    "DECISION_PROVISION_PARTIAL_TERMINATION",
    "DECISION_PROVISION_TOTAL_TERMINATION",
)
DECISION_ACCOUNTS = ("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED")
ACCOUNT_TYPES = ("ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE")
DECISION_GROUNDS = ("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT")
CONTENT_TYPES = (
    "CONTENT_TYPE_APP",
    "CONTENT_TYPE_AUDIO",
    "CONTENT_TYPE_IMAGE",
    "CONTENT_TYPE_PRODUCT",
    "CONTENT_TYPE_SYNTHETIC_MEDIA",
    "CONTENT_TYPE_TEXT",
    "CONTENT_TYPE_VIDEO",
    "CONTENT_TYPE_OTHER",
)
SOURCE_TYPES = (
    "SOURCE_ARTICLE_16",
    "SOURCE_TRUSTED_FLAGGER",
    "SOURCE_TYPE_OTHER_NOTIFICATION",
    "SOURCE_VOLUNTARY",
)
YES_NO = ("Yes", "No")
AUTOMATED_DECISIONS = (
    "AUTOMATED_DECISION_FULLY",
    "AUTOMATED_DECISION_PARTIALLY",
    "AUTOMATED_DECISION_NOT_AUTOMATED",
)
# ISO 639-1, upper case, as the database's languages service lists them.
_ISO_639_1 = (
    "AA AB AE AF AK AM AN AR AS AV AY AZ BA BE BG BH BI BM BN BO BR BS CA CE CH CO CR CS "
    "CU CV CY DA DE DV DZ EE EL EN EO ES ET EU FA FF FI FJ FO FR FY GA GD GL GN GU GV HA "
    "HE HI HO HR HT HU HY HZ IA ID IE IG II IK IO IS IT IU JA JV KA KG KI KJ KK KL KM KN "
    "KO KR KS KU KV KW KY LA LB LG LI LN LO LT LU LV MG MH MI MK ML MN MR MS MT MY NA NB "
    "ND NE NG NL NN NO NR NV NY OC OJ OM OR OS PA PI PL PS PT QU RM RN RO RU RW SA SC SD "
    "SE SG SI SK SL SM SN SO SQ SR SS ST SU SV SW TA TE TG TH TI TK TL TN TO TR TS TT TW "
    "TY UG UK UR UZ VE VI VO WA WO XH YI YO ZA ZH ZU "
)
LANGUAGES = frozenset(_ISO_639_1.split())
PUID = re.compile(r"[a-zA-Z0-9_-]+")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)

# The text fields and their limits.
MAX_LENGTH = {
    "decision_visibility_other": 500,
    "decision_monetary_other": 500,
    "category_specification_other": 500,
    "decision_ground_reference_url": 500,
    "illegal_content_legal_ground": 500,
    "illegal_content_explanation": 2000,
    "incompatible_content_ground": 500,
    "incompatible_content_explanation": 2000,
    "content_type_other": 500,
    "decision_facts": 5000,
    "source_identity": 500,
    "puid": 500,
}
DATE_RANGE = {
    "content_date": (date(2000, 1, 1), date(2038, 1, 1)),
    "application_date": (date(2020, 1, 1), date(2038, 1, 1)),
}
END_DATES = (
    "end_date_account_restriction",
    "end_date_monetary_restriction",
    "end_date_service_restriction",
    "end_date_visibility_restriction",
)
LATEST = date(2038, 1, 1)


def _empty(value: object) -> bool:
    """What Laravel's ``required`` refuses: absent, null, an empty string or list."""
    return value is None or (isinstance(value, str | list) and len(value) == 0)


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def errors(statement: Mapping[str, Any]) -> dict[str, list[str]]:
    """What the database would refuse in one statement; ``{}`` if it would accept it."""
    out: dict[str, list[str]] = {}
    s = statement

    def fail(field: str, message: str) -> None:
        out.setdefault(field, []).append(message)

    def one_of(field: str, allowed: Sequence[str], required: bool = False) -> None:
        value = s.get(field)
        if _empty(value):
            if required:
                fail(field, f"The {field} field is required.")
            return
        if value not in allowed:
            fail(field, f"The selected {field} is invalid.")

    def many_of(
        field: str, allowed: Sequence[str] | frozenset[str], required: bool = False
    ) -> None:
        value = s.get(field)
        if _empty(value):
            if required:
                fail(field, f"The {field} field is required.")
            return
        if not isinstance(value, list):
            fail(field, f"The {field} field must be an array.")
        elif any(v not in allowed for v in value):
            fail(field, f"The selected {field} is invalid.")

    restrictions = ("decision_visibility", "decision_monetary", "decision_provision")
    if all(_empty(s.get(f)) for f in (*restrictions, "decision_account")):
        fail("decision_visibility", "A restriction is required (visibility, monetary, ...).")
    many_of("decision_visibility", DECISION_VISIBILITIES)
    one_of("decision_monetary", DECISION_MONETARIES)
    one_of("decision_provision", DECISION_PROVISIONS)
    one_of("decision_account", DECISION_ACCOUNTS)
    one_of("account_type", ACCOUNT_TYPES)
    visibility = s.get("decision_visibility")
    if (
        isinstance(visibility, list)
        and "DECISION_VISIBILITY_OTHER" in visibility
        and _empty(s.get("decision_visibility_other"))
    ):
        fail("decision_visibility_other", "Required when decision visibility is other.")
    if s.get("decision_monetary") == "DECISION_MONETARY_OTHER" and _empty(
        s.get("decision_monetary_other")
    ):
        fail("decision_monetary_other", "Required when decision monetary is other.")

    many_of("category_specification", KEYWORDS)
    one_of("category", CATEGORIES, required=True)
    many_of("category_addition", CATEGORIES)
    many_of("territorial_scope", EEA_COUNTRIES)
    one_of("content_language", sorted(LANGUAGES))
    many_of("content_type", CONTENT_TYPES, required=True)
    content_type = s.get("content_type")
    if (
        isinstance(content_type, list)
        and "CONTENT_TYPE_OTHER" in content_type
        and _empty(s.get("content_type_other"))
    ):
        fail("content_type_other", "Required when content type is other.")

    one_of("decision_ground", DECISION_GROUNDS, required=True)
    ground = s.get("decision_ground")
    if ground == "DECISION_GROUND_ILLEGAL_CONTENT":
        for field in ("illegal_content_legal_ground", "illegal_content_explanation"):
            if _empty(s.get(field)):
                fail(field, f"The {field} field is required when the ground is illegal content.")
    if ground == "DECISION_GROUND_INCOMPATIBLE_CONTENT":
        for field in ("incompatible_content_ground", "incompatible_content_explanation"):
            if _empty(s.get(field)):
                fail(field, f"The {field} field is required when the ground is incompatible.")
        one_of("incompatible_content_illegal", YES_NO)
    url = s.get("decision_ground_reference_url")
    if not _empty(url) and (not isinstance(url, str) or not URL.fullmatch(url)):
        fail("decision_ground_reference_url", "Must be a valid URL.")

    for field, limit in MAX_LENGTH.items():
        value = s.get(field)
        if value is not None and not isinstance(value, str):
            fail(field, f"The {field} field must be a string.")
        elif isinstance(value, str) and len(value) > limit:
            fail(field, f"The {field} field must not be greater than {limit} characters.")

    for field, (low, high) in DATE_RANGE.items():
        if _empty(s.get(field)):
            fail(field, f"The {field} field is required.")
            continue
        day = _day(s.get(field))
        if day is None:
            fail(field, f"The {field} does not match the format YYYY-MM-DD.")
        elif not low <= day <= high:
            fail(field, f"The {field} must be between {low} and {high}.")
    applied = _day(s.get("application_date"))
    for field in END_DATES:
        if _empty(s.get(field)):
            continue
        day = _day(s.get(field))
        if day is None:
            fail(field, f"The {field} does not match the format YYYY-MM-DD.")
        elif day > LATEST or (applied is not None and day < applied):
            fail(field, f"The {field} must be between the application date and {LATEST}.")

    if _empty(s.get("decision_facts")):
        fail("decision_facts", "The decision facts field is required.")
    one_of("source_type", SOURCE_TYPES, required=True)
    one_of("automated_detection", YES_NO, required=True)
    one_of("automated_decision", AUTOMATED_DECISIONS, required=True)
    puid = s.get("puid")
    if _empty(puid):
        fail("puid", "The puid field is required.")
    elif not isinstance(puid, str) or not PUID.fullmatch(puid):
        fail("puid", "The puid may contain only letters, digits, - and _.")
    return out


def batch_errors(body: object) -> dict[str, Any]:
    """What the batch endpoint would refuse: ``{"statement_N": {...}}``, or the body's own
    problem under ``"statements"``; ``{}`` if it would accept every statement."""
    if not isinstance(body, dict) or not isinstance(body.get("statements"), list):
        return {"statements": ["The statements field is required and must be an array."]}
    statements = body["statements"]
    if not statements:
        return {"statements": ["The statements field is required."]}
    if len(statements) > BATCH_MAX:
        return {"statements": [f"At most {BATCH_MAX} statements per call."]}
    out: dict[str, Any] = {}
    seen: set[object] = set()
    for index, statement in enumerate(statements):
        if not isinstance(statement, dict):
            out[f"statement_{index}"] = {"statement": ["Must be an object."]}
            continue
        found = errors(statement)
        puid = statement.get("puid")
        if isinstance(puid, str) and puid in seen:
            found.setdefault("puid", []).append("The puid is used twice in this call.")
        seen.add(puid)
        if found:
            out[f"statement_{index}"] = found
    return out
