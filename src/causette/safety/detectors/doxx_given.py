"""Doxxing judges: whether a detail said to be someone's is really given, and whose it is.

"Son compte c'est @lea.m" gives an account; "son compte est bloqué", "ma voisine s'est fait
vider son compte comme ça" speak of one. "Leur numéro est sur la vitrine, le 021 ..." is a
shop's line. "Donne-moi l'adresse" asks for a party's or a venue's address, not someone's.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_judges import handover
from causette.safety.detectors.phone_lines import business_line
from causette.safety.normalize import Normalized

# Words that follow "son insta c'est", "her tiktok is" without being the account's name: what
# the account is like, or what happened to it.
_NOT_HANDLES = frozenset(
    ("pas", "plus", "perso", "prive", "private", "public", "publique", "ferme", "closed",
     "bloque", "blocked", "pirate", "hacke", "hacked", "suspendu", "suspended", "supprime",
     "deleted", "vide", "empty", "mort", "dead", "nul", "nulle", "genial", "top", "trop", "tres",
     "vraiment", "super", "drole", "marrant", "incroyable", "magnifique", "beau", "joli", "comme",
     "aussi", "encore", "toujours", "deja", "tout", "quoi", "ouf", "fou", "folle", "cool", "so",
     "really", "very", "pretty", "too", "just", "like", "full", "all", "great", "amazing",
     "awesome", "hilarious", "funny", "cute", "gorgeous", "wild", "insane", "fire", "gone",
     "down", "back", "still", "also", "only", "not", "the", "a", "an", "literally", "kinda",
     "lit", "goals", "aesthetic", "banned", "locked", "new", "old", "une", "un", "le", "la",
     "les", "des", "sur", "dans", "en", "bien", "mal", "rempli", "remplie", "bancaire", "courant",
     "epargne", "debite", "credite", "vire", "a", "de", "du", "where", "what", "how", "why",
     "when", "who", "which", "that", "this", "my", "your", "mostly", "basically", "mainly",
     "now", "ou", "quoi", "comment", "pourquoi", "ma", "mon", "ton", "ta")
)  # fmt: skip
# A generic word for an account names it only with a handle's shape (an @, a digit, a dot).
_GENERIC = frozenset(("compte", "profil", "profile", "account"))
_SHAPE = re.compile(r"^@|[\d_./]")


def profile(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """Someone's account given by its name; spoken of ("son compte est bloqué"), nothing."""
    handle = match.group("handle")
    if handle is None:
        return ("doxx.profile", 0.75)  # "voici son profil", "signalez le compte"
    if _SHAPE.search(handle):
        return ("doxx.profile", 0.75)
    if match.group("app") in _GENERIC or handle in _NOT_HANDLES:
        return None
    return ("doxx.profile", 0.75)


_THEIR = re.compile(r"\b(?:leur|leurs|their)\b")


def phone_given(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """Someone's number (``handover``), unless "leur numéro" is a shop's or a practice's."""
    if _THEIR.match(match.group()) and business_line(norm, context):
        return None
    if _ELSEWHERE.match(match.string, match.end()):
        return None  # "leur numéro est sur leur site": where to find it, not the number
    return handover(match, norm, context)


# What follows "son numéro est" when no number is given: where anyone can read it (a site, a
# window, the directory), or that it is wrong. "On my screen", "dans mon tel": the sender has it.
_ELSEWHERE = re.compile(
    r"\s*(?:(?:sur|dans|on|in) (?:la |le |les |leur |leurs |l'|the |their |its )?(?:site\w*|vitrine|"
    r"devanture|porte|page|annuaire|pages jaunes|google\w*|carte|flyers?|affiche|website|web ?site|"
    r"directory|yellow pages|card|door|window|sign|leaflet)|affiche\w*|ecrit (?:sur|dans)|indique "
    r"(?:sur|dans)|listed|written on|(?:pas|plus) (?:bon|valide|le bon|attribue)|faux|wrong|"
    r"not (?:valid|right|the right))\b"
    r"(?![^.!?]{0,20}\d{2})"
)


# "l'adresse de ..." names whose it is: a person (a possessive and a kin or a role, a
# demonstrative, a capitalised name); a venue, a party or nothing at all is no dox.
_WHOSE = re.compile(
    r"\s*(?:de |d'|du )\s*(?:(?:ce|cet|cette|la|le|sa|son|ses|ta|ton|tes|leur|mon|ma|notre|votre) "
    r"(?:mec|meuf|gars|type|fille|nana|connard|connasse|ex|copine|copain|mere|pere|soeur|frere|"
    r"prof|patron|patronne|cheffe?|voisin|voisine|femme|mari|cousin|cousine|pote|collegue|"
    r"gamin|gamine|fils|daron|daronne|keum|go)\b)"
)
_CAPITALISED = re.compile(r"\s*(?:de |d'|du )\s*[A-ZÀ-Þ][a-zß-ÿ]+")


def request(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """A request for someone's details; "l'adresse" only with a person after it."""
    if match.group("the") is None:
        return ("doxx.request", 0.7)
    after = match.string[match.end() : match.end() + 40]
    if _WHOSE.match(after):
        return ("doxx.request", 0.7)
    start, _ = norm.folded.span(match.end(), match.end())
    if _CAPITALISED.match(norm.original[start : start + 40]):
        return ("doxx.request", 0.7)
    return None
