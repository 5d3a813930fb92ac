"""Doxxing announced: the sender says they will publish a third person's details.

"Je diffuserai son nom et l'école partout", "im posting his name and his mom's number on my
page", "je vais envoyer à sa cheffe son numéro perso": a first-person intent to publish, then
a detail that identifies someone (a possessive, or the "nom complet"). Where it goes (a forum,
a page, a server, everywhere, the person's boss) makes it a hold; without a venue it counts.
"""

from __future__ import annotations

import re

from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_INTENT = (
    r"(?:(?:je vais|j'?vais|jvais|je compte|on va|i'?m gonna|im gonna|i'?m going to|gonna|i'?ll|ill)"
    r" (?:le |la |les |lui |leur )?(?:poster|publier|diffuser|balancer|afficher|partager|mettre|envoyer|coller|placarder|"
    r"leak|post|share|put|send|expose|publish)|je (?:diffuserai|posterai|publierai|balancerai|mettrai|"
    r"afficherai|partagerai|enverrai)|on (?:diffusera|postera|publiera|balancera|mettra|affichera)|"
    r"(?:i'?m|im|i am|we'?re) (?:\w+ing (?:\w+ )?and )?(?:posting|putting|sharing|leaking|sending|publishing))"
)
_DETAIL = (
    r"(?:(?:son|sa|ses|leur|leurs|his|her|their)\s(?:\w+'?s )?(?:vrai |real |full )?(?:nom\w*|num\w*|06|07|"
    r"tel\w*|portable|adresse|ecole|lycee|college|boulot|taf|travail|employeur|plaque|name|number|"
    r"phone|address|school|workplace|job|employer|plate|surname)|"
    r"(?:le|la) (?:nom complet|vrai nom|nom de famille|full name|real name))"
)
_ANNOUNCED = re.compile(rf"\b{_INTENT}\b[^.!?]{{0,80}}?\b{_DETAIL}\b")
# Where it goes: a public place, or the person's boss (photos, and a relative as the venue,
# are shared among friends and family every day: they are left to the other rules).
_VENUE = re.compile(
    r"\b(?:partout|everywhere|online|en ligne|sur (?:le|la|les|ma|mon|mes|son|sa|un|une|tous les) "
    r"(?:\w+ )?(?:forum|page|groupe|mur|story|stories|serveur|reseaux?|insta|twitter|x|facebook|fb|tiktok|"
    r"discord|site|snap)\w*|on (?:my|the|his|her|their) (?:\w+ )?(?:page|wall|story|feed|server|group|"
    r"forum|profile|timeline)|on (?:facebook|twitter|insta|instagram|tiktok|reddit|discord)|"
    r"(?:a|to) (?:sa|son|ses|his|her|their) (?:cheffe?|patron\w*|boss|employeur|employer|manager)|dans (?:le |la |un |une )?(?:#\w+|groupe|salon|serveur|canal|chan|conv|story)|"
    # A poster in the street: at the school gate, in the building, around the neighbourhood.
    r"devant (?:l'?ecole|le college|le lycee|la mairie|chez (?:elle|lui|eux)|sa porte|son immeuble)|"
    r"dans (?:tout )?(?:le quartier|l'?immeuble|le hall|la rue|le village)|"
    r"(?:around|all over) (?:the )?(?:town|neighbourhood|neighborhood|school|estate|village)|"
    r"on (?:every|the) lamp ?posts?)\b"
)
# An appeal or a tribute names someone to help them or to honour them.
_BENIGN = re.compile(
    r"\b(?:hommage|rip|in memory|condoleances|avis de recherche|appel a temoins|disparu\w*|missing)\b"
)
# One of these is in every intent (a future, "going to", "-ing"): most lines run no expression.
_ANCHORS = ("vais", "compte", "on va", "gonna", "going", "ll ", "rai", "ra ", "ing ")


def announced(norm: Normalized) -> Signal | None:
    """``doxx.threat`` when the sender announces they will publish someone's details."""
    text = norm.folded.text
    if not any(anchor in text for anchor in _ANCHORS):
        return None
    match = _ANNOUNCED.search(text)
    if match is None or _BENIGN.search(text):
        return None
    score = 0.75 if _VENUE.search(text) else 0.5
    return Signal("doxx.threat", score, norm.folded.span(match.start(), match.end()))
