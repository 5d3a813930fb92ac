"""Doxxing: another person's name, address, phone, school, workplace or profile.

A third person ("il", "elle", "le mec") with identifying details is the mark: "il s'appelle
Kevin Martin, il habite 12 rue ..., il est au lycée Jean Moulin". Each detail alone scores
moderately (people talk about others); two or more in one message score high. Names are
recognised by their capitals in the original text, which the folded view has lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import about_kin
from causette.safety.detectors.rules import Judge, RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_SOMEONE = (
    r"(?:il|elle|lui|le mec|la meuf|ce mec|cette meuf|ce gars|cette fille|ce type|cette nana|"
    r"son ex|mon ex|la fille|le gars|sa soeur|son frere|sa mere|son pere|ce connard|cette connasse|"
    r"he|she|his|her)"
)
_STREET = r"(?:rue|avenue|av|bd|boulevard|allee|impasse|place|chemin|route|quai|cours|residence|cite|lotissement)"


def _capitalised(norm: Normalized, match: re.Match[str], *groups: str) -> bool:
    view = norm.folded
    for group in groups:
        if match.group(group) is None:
            return False
        start, _ = view.span(match.start(group), match.end(group))
        if not norm.original[start : start + 1].isupper():
            return False
    return True


# Words that follow "her name is" without being a name.
_NOT_NAMES = frozenset(
    ("like", "whatever", "a", "the", "not", "so", "really", "kinda", "very", "too", "pretty",
     "literally", "just", "on", "in", "and", "is", "was", "lol", "something", "weird", "cute")
)  # fmt: skip


def _name(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Capitals mark a name; "his real name is", "son nom de famille" say so without them.
    said = any(w in match.group() for w in ("nom de famille", "real name", "full name", "vrai nom"))
    words = {match.group("first"), match.group("last")}
    named = "name is" in match.group() and not words & _NOT_NAMES
    if said or named or _capitalised(norm, match, "first", "last"):
        return ("doxx.name", 0.6)
    return None


def _named_place(rule_id: str, score: float) -> Judge:
    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return (rule_id, score) if _capitalised(norm, match, "name") else None

    return judge


_RULES = RuleSet(
    [
        rule(
            "doxx.name",
            0.6,
            rf"\b{_SOMEONE}\b[^.!?]{{0,20}}?\b(?:s'?appelle|s appelle|sappelle|se nomme|son (?:vrai )?nom (?:c'?est|est|:)|son nom de famille (?:c'?est|est|:)?|is called|'?s name is|name is|real name is)\s+(?P<first>[a-z][a-z\-]+)\s+(?P<last>[a-z][a-z\-]+)",
            "appelle",
            "nomme",
            "nom",
            "called",
            "name",
            judge=_name,
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|est domicilie\w*|lives)\b\s+(?:au |a |a la |dans la |dans le |at |on )?(?:\d{{1,4}}\s?(?:bis|ter)?,?\s+)?{_STREET}\b",
            "habite",
            "vit",
            "vivent",
            "loge",
            "creche",
            "domicilie",
            "lives",
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|lives)\b\s+(?:au |a |at )?\d{{1,4}}\b",
            "habite",
            "vit",
            "vivent",
            "loge",
            "creche",
            "lives",
        ),
        rule(
            "doxx.address",
            0.85,
            r"\b(?:son|sa|leur) adresse (?:c'?est|est|:|=|->)|\b(?:voici|voila|tiens|je balance|je te donne|j'?ai trouve) (?:son|sa|ses|leur) (?:adresse|domicile)\b|\b(?:his|her|their) (?:home )?address is\b",
            "adresse",
            "domicile",
            "address",
        ),
        rule(
            "doxx.school",
            0.65,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:est|va|etudie|bosse|se trouve|est scolarise\w*|goes|is)\s+(?:au|a la|a l'|en|dans le|dans la|to|at)\s+(?:lycee|college|ecole|fac|universite|iut|cfa|high school|school)\s+(?:de |du |des )?(?P<name>[a-z][a-z\-']+)",
            "lycee",
            "college",
            "ecole",
            "fac",
            "universite",
            "iut",
            "cfa",
            "school",
            judge=_named_place("doxx.school", 0.65),
        ),
        rule(
            "doxx.workplace",
            0.6,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:bosse|travaille|taffe|bossait|travaillait|est employee?|works)\s+(?:chez|au|a la|a l'|a|dans|at|for)\s+(?P<name>[a-z][\w\-']+)",
            "bosse",
            "travaille",
            "taffe",
            "employe",
            "works",
            judge=_named_place("doxx.workplace", 0.6),
        ),
        rule(
            "doxx.profile",
            0.75,
            r"\b(?:son|sa|leur) (?:snap|sc|insta|instagram|facebook|fb|tiktok|compte|profil|discord|twitter|x)\s*(?:c'?est|cest|c|:|=|est|->)\s*@?[a-z0-9_.]{3,}|\b(?:voici|voila|regardez|allez voir|allez sur|signalez) (?:son|le|sa) (?:profil|compte|insta|fb|facebook|snap|tiktok)\b|\b(?:his|her) (?:insta|snap|facebook|profile|account) is\b|\bfound (?:his|her|their) (?:insta|snap|facebook|fb|linkedin|tiktok|profile|account)\b[^.!?]{0,20}\b(?:posting|here|look|check)",
            "snap",
            "sc",
            "insta",
            "facebook",
            "fb",
            "tiktok",
            "compte",
            "profil",
            "discord",
            "twitter",
            "x",
            "profile",
            "account",
            "linkedin",
        ),
        # The number of someone's relative or boss handed out: a referral reads the same, so
        # it only counts (a call to use it makes the hold).
        rule(
            "doxx.phone",
            0.55,
            r"\b(?:voici|voila|tenez|je balance|je vous donne) le (?:numero|num|tel|06|portable) (?:de|du|d') ?(?:son|sa|leur) (?:pere|mere|daron|daronne|mari|femme|copain|copine|patron|frere|soeur|mec|meuf)\b",
            "num",
            "tel",
            "06",
            "portable",
        ),
        rule(
            "doxx.request",
            0.7,
            r"\b(?:qui a|quelqu'?un a|quelqu'?un connait|t'?as|tu as|vous avez|balancez|donnez[- ]moi|donne[- ]moi|file[- ]moi|trouve[- ]moi|trouvez|cherche|je cherche|on cherche) (?:son|sa|ses|leur|l') ?(?:adresse|num|numero|tel|06|nom de famille|vrai nom|nom complet|ecole|lycee|college|insta|snap|profil|coordonnees|domicile|boulot|taf)\b|\b(?:who has|anyone have|does anyone know) (?:his|her|their) (?:address|number|real name|school)\b",
            "qui a",
            "quelqu",
            "as",
            "avez",
            "balance",
            "donne",
            "file",
            "trouve",
            "cherche",
            "who has",
            "anyone",
        ),
        # Calling others to use someone's details or pictures against them.
        rule(
            "doxx.request",
            0.75,
            r"\b(?:harcel\w* (?:le|la|les)|(?:harcelez|spammez|insultez|affichez|signalez en masse)[- ]?(?:le|la|les)?|allez (?:l'?|le |la |les )?(?:harceler|insulter|spammer|afficher|voir chez|attendre)|(?:fais|faites|faut) (?:la|le|les) tourner|(?:balancer|balancez|faites tourner|diffusez|partagez) (?:ses|sa|son|leurs) (?:photos?|nudes?|videos?|num\w*|adresse|snap|insta|compte|profil|tel)|go (?:tell|find|message|harass|spam) (?:him|her|them)|(?:spread|share|post) (?:his|her|their) (?:pics|nudes|photos|address|number))\b",
            "harcel",
            "spammez",
            "insultez",
            "affichez",
            "signalez",
            "allez",
            "tourner",
            "balancer",
            "balancez",
            "diffusez",
            "partagez",
            "go ",
            "spread",
            "share",
            "post",
        ),
        rule(
            "doxx.address",
            0.7,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|lives)\b[^.!?]{{0,40}}?\b(?:{_STREET}|batiment|bat|maison|immeuble|au bout de|en face de|a cote de)\b",
            "habite",
            "vit",
            "vivent",
            "loge",
            "creche",
            "lives",
        ),
        rule(
            "doxx.vehicle",
            0.75,
            r"\b(?:plaque|immatricul\w*|plate|roule en|drives? a)\b[^.!?]{0,30}|\b[a-z]{2}-\d{3}-[a-z]{2}\b",
            "plaque",
            "immatricul",
            "plate",
            "roule en",
            "drive",
            "-",
        ),
        rule(
            "doxx.workplace",
            0.65,
            r"\b(?:he'?s|she'?s|he is|she is|il est|elle est) (?:a |an |un |une )?(?:nurse|teacher|doctor|cashier|infirmiere?|prof|professeure?|medecin|caissiere?|serveu\w+|vendeu\w+|policier|pompier)\b[^.!?]{0,10}\b(?:at|au|a la|a l'|chez|in)\b|\b(?:il|elle) (?:enseigne|est prof|bosse|travaille)\b[^.!?]{0,30}\b(?:au|a la|a l'|chez) (?:college|lycee|ecole|hopital|mairie|caf|poste|pole emploi)\b",
            "nurse",
            "teacher",
            "doctor",
            "cashier",
            "infirmier",
            "prof",
            "medecin",
            "caissier",
            "serveu",
            "vendeu",
            "policier",
            "pompier",
            "enseigne",
            "bosse",
            "travaille",
        ),
        rule(
            "doxx.request",
            0.7,
            r"\b(?:allez (?:tous |toutes )?(?:lui|la|le|les) (?:dire|ecrire|voir|rendre visite|insulter|harceler)|allez (?:tous )?(?:lui|leur) (?:dire|ecrire)|va (?:la|le|les) voir (?:a|au|chez|devant)|(?:pay|paid) (?:her|him|them) a visit|call (?:her|his|their) (?:dad|mom|mum|boss|employer|parents)|(?:just )?spam (?:her|him|them)|report (?:him|her|them) to (?:his|her|their) (?:employer|boss|school)|(?:devant|sur) (?:sa|leur) porte|il faut qu'?(?:il|elle) soit (?:vire|virée|renvoye))\b",
            "allez",
            "va ",
            "pay",
            "paid",
            "call",
            "spam",
            "report",
            "porte",
            "soit",
        ),
        rule(
            "doxx.request",
            0.7,
            r"\b(?:quelqu'?un |qui |vous )?(?:connait|connaissez|sait|savez) (?:ou|l'?adresse (?:de|du|d')) ?(?:habite|vit|bosse|travaille|dort|loge)? ?(?:le|la|ce|cette|son|sa|leur|l')\b",
            "connait",
            "connaissez",
            "sait",
            "savez",
        ),
        rule(
            "doxx.workplace",
            0.6,
            rf"\b{_SOMEONE}\b[^.!?]{{0,15}}?\b(?:bosse|travaille|taffe|est employee?|works)\s+(?:a la|au|a l'|chez|at)\s+(?:mairie|hopital|poste|commissariat|gendarmerie|prefecture|banque|caf|cpam|pole emploi|france travail|sncf|ratp|clinique|ehpad|creche|cantine|pharmacie|boulangerie|supermarche|usine)\b\s+(?:de |du |d')?(?P<name>[a-z][\w\-']+)",
            "bosse",
            "travaille",
            "taffe",
            "employe",
            "works",
            judge=_named_place("doxx.workplace", 0.6),
        ),
        rule(
            "doxx.school",
            0.6,
            rf"\b{_SOMEONE}\b (?:est|va|etudie) en (?:classe de )?(?:6|5|4|3|2nde|1ere|term)\w* ?[a-h1-9]?\b[^.!?]{{0,10}}\b(?:au|a la|a l') (?:college|lycee|ecole)\b",
            "college",
            "lycee",
            "ecole",
        ),
        rule(
            "doxx.profile",
            0.7,
            r"\b(?:voila|voici|regardez|tenez) (?:sa|ses|leur) (?:tete|tronche|photo|photos|gueule|face|profil|compte)\b|\bc'?est (?:elle|lui) sur la photo\b",
            "voila",
            "voici",
            "regardez",
            "tenez",
            "photo",
        ),
        rule(
            "doxx.address",
            0.65,
            r"\b(?:je connais|j'?ai|on a|j'?ai trouve|on connait) (?:son|sa|leur) (?:adresse|domicile|numero|num|nom de famille|vrai nom|lycee|college|ecole|boulot|taf|travail)\b|\b(?:il|elle) (?:prend|passe|sort|rentre|finit|part)\b[^.!?]{0,40}\btous les (?:jours|matins|soirs|lundis|mardis|mercredis|jeudis|vendredis) (?:a|vers) \d\d? ?h(?:\d\d)?\b",
            "connais",
            "ai",
            "on a",
            "trouve",
            "connait",
            "tous les",
        ),
        # Said to the person: "I know where you live", "everyone will know where she sleeps",
        # "I'm going to post your LinkedIn". Knowing who someone is scores below a hold alone.
        rule(
            "doxx.threat",
            0.75,
            rf"\b(?:je sais|je connais|j'?ai trouve|on sait|i know|i found)\b[^.!?]{{0,25}}?\b(?:ou (?:tu|vous) (?:habite\w*|vi[st]|vivez|bosse\w*|travaill\w*|dor[ts]|dormez)|(?:tu|vous) (?:habite[sz]?|vi[st]|vivez|loge[sz]?)\s+(?:au |a |a la |dans la |dans le )?(?:\d{{1,4}}\s?)?{_STREET}\b|where (?:you|u) (?:live|work|sleep|study))|\b(?:je|on) (?:connais|connait) (?:ton|ta|votre) (?:adresse|vrai nom|nom de famille|employeur)\b|\bi know (?:your|ur) (?:real name|full name|address|school|workplace|work|employer|family)\b|\bwhere (?:your|ur) (?:kids|children|daughter|son|wife|husband) (?:go|goes|work|works|sleep)\b|\b(?:je vais|j'?vais|on va) (?:tout )?(?:dire|raconter|envoyer|montrer|balancer)\b[^.!?]{{0,20}}?\ba (?:ta femme|ton mari|ton patron|ton employeur|ton boss)\b|\bi'?(?:ll| will) tell (?:your|ur) (?:wife|husband|boss|employer|girlfriend|boyfriend)\b|\b(?:tout le (?:salon|monde|site|lycee|college|quartier)|everyone|the whole (?:room|site|school)) (?:saura|va savoir|sauront|will know|is going to know) (?:ou|qui|ton|ta|tes|votre|vos|where|who|your)\b|\b(?:je vais|j'?vais|on va|je compte|i'?m going to|i'?m gonna|i'?ll|gonna) (?:poster|balancer|publier|afficher|diffuser|partager|leak|post|share|publish|expose|dox+)\b[^.!?]{{0,12}}?\b(?:ton|ta|tes|votre|vos|your) (?:adresse|nom|vrai nom|linkedin|insta|snap|facebook|fb|num\w*|profil|boulot|employeur|famille|address|name|real name|number|workplace|employer|wife'?s name|husband'?s name|family|face)\b",
            "sais",
            "sait",
            "connais",
            "connait",
            "trouve",
            "know",
            "found",
            "tout le",
            "everyone",
            "whole",
            "vais",
            "on va",
            "compte",
            "going",
            "gonna",
            "where",
            "tell",
            "i'll",
            "ill",
        ),
        rule(
            "doxx.threat",
            0.45,
            r"\b(?:je sais|on sait|i know) (?:qui (?:tu es|t'?es|vous etes)|who (?:you are|u are))\b",
            "sais",
            "sait",
            "know",
        ),
        # Someone's number, however masked ("son 06 c'est le 06 45 xx"), or the street number
        # a third person's routine leads to ("elle rentre à pied jusqu'au 12 rue ..."); "chez
        # elle, 5 rue ..." to a guest is an invitation.
        rule(
            "doxx.phone",
            0.8,
            r"\b(?:son|sa|leur|his|her|their) (?:06|07|num|numero|tel|telephone|portable|phone number|number|cell) (?:c'?est|cest|est|:|=|is)\b",
            "06",
            "07",
            "num",
            "tel",
            "portable",
            "number",
            "cell",
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{_SOMEONE}\b (?:rentre|rentrent|dort|dorment|passe|passent|sort|sortent|traine|se gare|gare sa|marche|attend|prend|walks|goes|sleeps|parks)\b[^.!?]{{0,30}}?\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{_STREET}\b",
            "rue",
            "avenue",
            "av",
            "bd",
            "boulevard",
            "allee",
            "impasse",
            "place",
            "chemin",
            "route",
            "quai",
            "cours",
            "residence",
            "cite",
            "lotissement",
        ),
        # Calling a room to add someone and write to her: a pile-on.
        rule(
            "doxx.request",
            0.75,
            r"\b(?:(?:quelqu'?un|qui|vous) (?:peut|pourrait|sait|arrive a|peuvent|pouvez) (?:trouver|retrouver|chercher) (?:ou (?:il|elle) (?:habite|vit|bosse|travaille|dort)|(?:son|sa) (?:adresse|nom|vrai nom|insta|snap|numero|num|lycee|boulot))|(?:can|could) (?:someone|anyone|you guys) find (?:where (?:he|she) lives|(?:his|her) (?:address|real name|number|insta))|ajoutez[- ](?:la|le|les)|appelez[- ](?:la|le|les)\b|(?:attendez|suivez|retrouvez)[- ](?:la|le|les) (?:a la sortie|devant|en bas|chez (?:elle|lui)|apres)|(?:allez |va )?(?:lui|leur) pourrir la vie|si vous voulez (?:lui|leur) (?:dire|ecrire|parler|envoyer)|envoyez[- ](?:lui|leur) des (?:messages|insultes|dm|mp)|(?:everyone |y'?all )?add (?:her|him|them) and (?:message|spam|dm)|(?:send|dm) (?:her|him|them) (?:messages|insults|hate))\b",
            "ajoutez",
            "trouver",
            "find",
            "appelez",
            "attendez",
            "suivez",
            "retrouvez",
            "pourrir",
            "voulez",
            "envoyez",
            "add",
            "send",
            "dm",
        ),
    ]
)


# Calls and threats are not details of someone: they do not make "several details" higher.
_NOT_DETAILS = frozenset(("doxx.request", "doxx.threat"))


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Another person's details; several kinds together in one message score higher."""
    found = list(_RULES.scan(norm, context))
    if any(signal.rule == "doxx.school" for signal in found) and about_kin(norm, context):
        # "ma fille ? elle est au collège Jean Jaurès": a parent, not a doxxer.
        found = [signal for signal in found if signal.rule != "doxx.school"]
    kinds = {signal.rule for signal in found if signal.rule not in _NOT_DETAILS}
    for signal in found:
        if len(kinds) >= 2 and signal.rule not in _NOT_DETAILS:
            signal = Signal(signal.rule, max(signal.score, 0.9), signal.span)
        yield signal
