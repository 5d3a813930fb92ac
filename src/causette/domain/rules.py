"""The community rules, numbered, and the article a statement of reasons cites.

The rules page (``/regles``) shows these articles with anchors ``art-N``; a decision's ground
is one of ``GROUNDS`` (what a moderator chooses, with an optional precision after it) or a
misuse ground (DSA Art. 23), and ``article_of`` finds the article it rests on, so that every
statement of reasons links to the rule it applies. Pure: no I/O.
"""

from __future__ import annotations

import re

# The articles of the community rules, in order: (number, key). The page's text for each key
# is in the rules templates; numbers are what statements cite, so they never change meaning.
ARTICLES: tuple[tuple[int, str], ...] = (
    (1, "respect"),
    (2, "hate"),
    (3, "threats"),
    (4, "minors"),
    (5, "sexual"),
    (6, "personal_data"),
    (7, "spam"),
    (8, "names"),
    (9, "illegal"),
    (10, "fair_use"),
)
ARTICLE_NUMBERS = frozenset(n for n, _ in ARTICLES)

# The grounds a moderator chooses from. The text is what the statement of reasons says
# (in French: the law relied on is French), so it is the value stored in the decision.
GROUNDS: dict[str, str] = {
    "tos_respect": "CGU : respect des autres personnes (insultes, harcèlement)",
    "tos_minors": "CGU : protection des mineurs (site réservé aux adultes, contacts avec des "
    "mineurs interdits)",
    "tos_sexual": "CGU : contenus et sollicitations sexuels non désirés",
    "tos_personal": "CGU : données personnelles d'autrui (numéro, adresse, nom)",
    "tos_spam": "CGU : spam, publicité, arnaques",
    "tos_nickname": "CGU : pseudo ou salon inapproprié",
    "law_minor_solicit": "Code pénal art. 227-22-1 (propositions sexuelles à un mineur de 15 ans "
    "par un moyen de communication électronique)",
    "law_csam": "Code pénal art. 227-23 (images pédopornographiques)",
    "law_corruption": "Code pénal art. 227-22 (corruption de mineur)",
    "law_threat": "Code pénal art. 222-17 et 222-18 (menaces)",
    "law_harassment": "Code pénal art. 222-33-2-2 (harcèlement moral, en ligne)",
    "law_pimping": "Code pénal art. 225-5 (proxénétisme) et 225-4-1 (traite des êtres humains)",
    "law_hate": "Loi du 29 juillet 1881, art. 24, 32 et 33 (provocation à la haine, "
    "diffamation et injure à raison de l'origine, la religion, le sexe, l'orientation "
    "sexuelle ou l'identité de genre)",
    "law_doxxing": "Code pénal art. 223-1-1 (divulgation d'informations permettant "
    "d'identifier ou de localiser une personne pour l'exposer à un risque)",
    "law_scam": "Code pénal art. 313-1 (escroquerie)",
}

# Which article of the rules each ground applies.
GROUND_ARTICLES: dict[str, int] = {
    "tos_respect": 1,
    "tos_minors": 4,
    "tos_sexual": 5,
    "tos_personal": 6,
    "tos_spam": 7,
    "tos_nickname": 8,
    "law_minor_solicit": 4,
    "law_csam": 4,
    "law_corruption": 4,
    "law_threat": 3,
    "law_harassment": 1,
    "law_pimping": 5,
    "law_hate": 2,
    "law_doxxing": 6,
    "law_scam": 7,
}

# The misuse policy's grounds (DSA Art. 23) rest on the article about fair use.
MISUSE_PREFIX = "DSA art. 23"
FAIR_USE = 10

# A precision a moderator typed may cite an article itself ("règles art. 3").
_CITED = re.compile(r"\br[eè]gles?\s*,?\s*art(?:icle)?\.?\s*(\d{1,2})\b", re.IGNORECASE)


def article_of(ground: str) -> int | None:
    """The article of the rules a decision's ground rests on, if one does."""
    for key, label in GROUNDS.items():
        if ground.startswith(label):
            return GROUND_ARTICLES[key]
    if ground.startswith(MISUSE_PREFIX):
        return FAIR_USE
    cited = _CITED.search(ground)
    if cited is not None and int(cited[1]) in ARTICLE_NUMBERS:
        return int(cited[1])
    return None


def rules_url(ground: str) -> str:
    """Where a statement of reasons links: the article it applies, or the rules page."""
    article = article_of(ground)
    return f"/regles#art-{article}" if article is not None else "/regles"
