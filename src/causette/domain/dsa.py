"""The DSA Transparency Database's terms (Art. 24(5)), and how causette's records map to them.

Pure: which EU category and keywords each causette report category stands for, whether a
category rests by default on the law or on the terms of service, and which restriction a
causette sanction is in the database's vocabulary (a removal restricts visibility; a mute,
kick or room ban partially suspends the service; a site ban or an Art. 23 suspension totally
suspends it, or terminates it when indefinite). A warning restricts nothing: it is not a
statement for the database.

The enumerations are those of the database's API documentation as revised for the
harmonised categories of Implementing Regulation (EU) 2024/2835 (in force 1 July 2025); the
table is documented in docs/moderation.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from causette.domain.moderation import Category, GroundType, SanctionKind

CATEGORIES = (
    "STATEMENT_CATEGORY_ANIMAL_WELFARE",
    "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE",
    "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
    "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
    "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
    "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
    "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
    "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
    "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
    "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
    "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
    "STATEMENT_CATEGORY_SELF_HARM",
    "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
    "STATEMENT_CATEGORY_VIOLENCE",
)

KEYWORDS = tuple(
    "KEYWORD_" + k
    for k in [
        "ANIMAL_HARM",
        "ADULT_SEXUAL_MATERIAL",
        "AGE_SPECIFIC_RESTRICTIONS",
        "AGE_SPECIFIC_RESTRICTIONS_MINORS",
        "BIOMETRIC_DATA_BREACH",
        "BULLYING_AGAINST_GIRLS",
        "CHILD_SEXUAL_ABUSE_MATERIAL",
        "CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
        "CONTENT_PROMOTING_EATING_DISORDERS",
        "COORDINATED_HARM",
        "COPYRIGHT_INFRINGEMENT",
        "CYBER_BULLYING_INTIMIDATION",
        "CYBER_HARASSMENT",
        "CYBER_HARASSMENT_AGAINST_WOMEN",
        "CYBER_INCITEMENT",
        "CYBER_STALKING",
        "CYBER_STALKING_AGAINST_WOMEN",
        "DATA_FALSIFICATION",
        "DEFAMATION",
        "DESIGN_INFRINGEMENT",
        "DISCRIMINATION",
        "MISINFORMATION_DISINFORMATION",
        "FEMALE_GENDERED_DISINFORMATION",
        "GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
        "GEOGRAPHICAL_REQUIREMENTS",
        "GOODS_SERVICES_NOT_PERMITTED",
        "GROOMING_SEXUAL_ENTICEMENT_MINORS",
        "HATE_SPEECH",
        "HIDDEN_ADVERTISEMENT",
        "HUMAN_EXPLOITATION",
        "HUMAN_TRAFFICKING",
        "ILLEGAL_ORGANIZATIONS",
        "IMPERSONATION_ACCOUNT_HIJACKING",
        "INAUTHENTIC_ACCOUNTS",
        "INAUTHENTIC_LISTINGS",
        "INAUTHENTIC_USER_REVIEWS",
        "INCITEMENT_AGAINST_WOMEN",
        "INCITEMENT_VIOLENCE_HATRED",
        "INSUFFICIENT_INFORMATION_ON_TRADERS",
        "LANGUAGE_REQUIREMENTS",
        "MISLEADING_INFO_CONSUMER_RIGHTS",
        "MISLEADING_INFO_GOODS_SERVICES",
        "MISSING_PROCESSING_GROUND",
        "NON_CONSENSUAL_IMAGE_SHARING",
        "NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
        "NON_CONSENSUAL_MATERIAL_DEEPFAKE",
        "NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
        "NONCOMPLIANCE_PRICING",
        "NUDITY",
        "PATENT_INFRINGEMENT",
        "PHISHING",
        "PROHIBITED_PRODUCTS",
        "PYRAMID_SCHEMES",
        "RIGHT_TO_BE_FORGOTTEN",
        "RISK_ENVIRONMENTAL_DAMAGE",
        "RISK_PUBLIC_HEALTH",
        "SELF_MUTILATION",
        "STALKING",
        "SUICIDE",
        "TERRORIST_CONTENT",
        "TRADE_SECRET_INFRINGEMENT",
        "TRADEMARK_INFRINGEMENT",
        "TRAFFICKING_WOMEN_GIRLS",
        "UNLAWFUL_SALE_ANIMALS",
        "UNSAFE_CHALLENGES",
        "UNSAFE_PRODUCTS",
        "VIOLATION_EU_LAW",
        "VIOLATION_NATIONAL_LAW",
        "OTHER",
    ]
)

# The territorial scope may name only EU and EEA countries (ISO 3166-1 alpha-2).
EU_COUNTRIES = [
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
]
EEA_COUNTRIES = (*EU_COUNTRIES, "IS", "LI", "NO")

VISIBILITY_REMOVED = "DECISION_VISIBILITY_CONTENT_REMOVED"
PARTIAL_SUSPENSION = "DECISION_PROVISION_PARTIAL_SUSPENSION"
TOTAL_SUSPENSION = "DECISION_PROVISION_TOTAL_SUSPENSION"
PARTIAL_TERMINATION = "DECISION_PROVISION_PARTIAL_TERMINATION"
TOTAL_TERMINATION = "DECISION_PROVISION_TOTAL_TERMINATION"
CONTENT_TEXT = "CONTENT_TYPE_TEXT"


@dataclass(frozen=True, slots=True)
class EuCategory:
    """How one causette report category is told to the database."""

    category: str  # STATEMENT_CATEGORY_*
    keywords: tuple[str, ...]  # category_specification (KEYWORD_*)
    ground: GroundType  # the usual ground when the moderator named none
    other_keyword: str | None = None  # category_specification_other, with KEYWORD_OTHER


EU_CATEGORY: dict[Category, EuCategory] = {
    Category.CHILD_ABUSE: EuCategory(
        "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
        ("KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",),
        GroundType.ILLEGAL,
    ),
    Category.THREAT: EuCategory(
        "STATEMENT_CATEGORY_VIOLENCE", ("KEYWORD_COORDINATED_HARM",), GroundType.ILLEGAL
    ),
    Category.TRAFFICKING: EuCategory(
        "STATEMENT_CATEGORY_VIOLENCE",
        ("KEYWORD_HUMAN_EXPLOITATION", "KEYWORD_HUMAN_TRAFFICKING"),
        GroundType.ILLEGAL,
    ),
    Category.HARASSMENT: EuCategory(
        "STATEMENT_CATEGORY_CYBER_VIOLENCE", ("KEYWORD_CYBER_HARASSMENT",), GroundType.ILLEGAL
    ),
    Category.HATE: EuCategory(
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", ("KEYWORD_HATE_SPEECH",), GroundType.ILLEGAL
    ),
    Category.DOXXING: EuCategory(
        "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
        ("KEYWORD_OTHER",),
        GroundType.ILLEGAL,
        "Doxxing: publication of personal data identifying or locating a person",
    ),
    Category.SPAM: EuCategory("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", (), GroundType.TERMS),
    Category.ILLEGAL: EuCategory(
        "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
        ("KEYWORD_OTHER",),
        GroundType.ILLEGAL,
        "Other illegal content",
    ),
    Category.TERMS: EuCategory("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", (), GroundType.TERMS),
}

PARTIAL_KINDS = frozenset({SanctionKind.MUTE, SanctionKind.KICK, SanctionKind.ROOM_BAN})
TOTAL_KINDS = frozenset({SanctionKind.SITE_BAN, SanctionKind.SUSPENSION})


@dataclass(frozen=True, slots=True)
class Restriction:
    """A decision's restrictions in the database's terms; None where it has none."""

    visibility: str | None  # DECISION_VISIBILITY_*
    provision: str | None  # DECISION_PROVISION_*
    ends_at: float | None  # end of the service restriction (epoch seconds); None: indefinite

    @property
    def restricts(self) -> bool:
        """A statement for the database needs a restriction (a warning has none)."""
        return self.visibility is not None or self.provision is not None


def restriction_of(
    kind: SanctionKind, at: float, duration: float | None, content_removed: bool
) -> Restriction:
    """The restriction of a decision of ``kind`` taken ``at``, lasting ``duration`` seconds
    (None: indefinite), which removed content (a removal, or a sanction that also removed the
    reported message)."""
    visibility = VISIBILITY_REMOVED if content_removed or kind is SanctionKind.REMOVAL else None
    provision: str | None = None
    ends_at: float | None = None
    if kind is SanctionKind.KICK:
        # Out of the room once; the person may come back at once.
        provision, ends_at = PARTIAL_SUSPENSION, at
    elif kind in PARTIAL_KINDS:
        provision = PARTIAL_TERMINATION if duration is None else PARTIAL_SUSPENSION
    elif kind in TOTAL_KINDS:
        provision = TOTAL_TERMINATION if duration is None else TOTAL_SUSPENSION
    if kind is not SanctionKind.KICK and provision is not None and duration is not None:
        ends_at = at + duration
    return Restriction(visibility, provision, ends_at)


def ground_type_of(reference_key: str | None, category: Category) -> GroundType:
    """The ground of a decision: the key the moderator picked (``law_*`` or ``tos_*``), else
    the category's usual one."""
    if reference_key:
        if reference_key.startswith("law"):
            return GroundType.ILLEGAL
        if reference_key.startswith("tos"):
            return GroundType.TERMS
    return EU_CATEGORY[category].ground
