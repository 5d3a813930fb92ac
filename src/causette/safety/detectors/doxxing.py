"""Doxxing: another person's name, address, phone, school, workplace or profile.

A third person ("il", "elle", "le mec") with identifying details is the mark: "il s'appelle
Kevin Martin, il habite 12 rue ..., il est au lycée Jean Moulin". Each detail alone scores
moderately (people talk about others); two or more in one message score high. Names are
recognised by their capitals in the original text, which the folded view has lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import about_kin, folded
from causette.safety.detectors.rules import Judge, RuleSet, Screen, rule
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


# Where a routine can be waited for: a stop, a street, a door, a named place.
_ROUTINE_PLACE = re.compile(
    rf"\b(?:{_STREET}|arret|station|gare|sortie|porte|devant|derriere|en bas de|au coin|parking|"
    r"ligne \d+|bus \d+|stop|gate|door|outside|behind|corner|car park|parking lot|"
    r"(?:a|au|a la|aux|de|du|at|on|from) [A-Z][a-z]+)\b"
)


def _routine(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # The folded view has lost capitals: a named place ("à Jaurès", "at Tesco") is looked for
    # in the original text, the rest in the folded one.
    if _ROUTINE_PLACE.search(norm.folded.text) or re.search(
        r"\b(?:à|au|aux|a|at|on|from|de|du) [A-Z][a-zà-ÿ]+", norm.original
    ):
        return ("doxx.address", 0.65)
    return ("doxx.address", 0.45)  # noted: a call to use it makes the hold (doxxing.call)


# One's own car, for sale or for a lift: its plate is the seller's to give.
_OWN_VEHICLE = re.compile(
    r"\b(?:je (?:vends|vend|loue|prete)|a vendre|ma (?:voiture|caisse|bagnole|clio|twingo|208|"
    r"golf|moto|polo)|mon (?:vehicule|camion|van|scooter|utilitaire|suv)|my (?:car|van|bike|truck)|"
    r"i'?m selling|for sale|histovec|carte grise|controle technique|ct ok|sinistres?|kilometrage|km)\b"
)
_PLATE = re.compile(
    r"\b(?:plaque|immatricul\w*|immat|plate|reg)\b|\b[a-z]{2}-?\d{3}-?[a-z]{2}\b|\b[a-z]{2}\d{2} ?[a-z]{3}\b"
)
_SOMEONE_ELSE = re.compile(rf"\b{_SOMEONE}\b|\b(?:son|sa|ses|leur|his|her|their)\b")


def _vehicle(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # A plate says whose car it is only next to someone else; one's own car for sale is an ad.
    text = norm.folded.text
    recent = [folded(earlier) for earlier in context.recent_from_sender[-3:]]
    if any(_OWN_VEHICLE.search(line) for line in (text, *recent)):
        return None
    # The make alone ("il roule en clio") is talk; the plate identifies the car.
    plate = _PLATE.search(text) is not None
    if plate and _SOMEONE_ELSE.search(text):
        return ("doxx.vehicle", 0.75)
    return ("doxx.vehicle", 0.45)


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
            r"\b(?:son|sa|leur) adresse (?:c'?est|est|:|=|->)|\b(?:voici|voila|tiens|je balance|je te donne|j'?ai trouve) (?:son|sa|ses|leur) (?:adresse|domicile)\b|\b(?:his|her|their) (?:home )?address is\b|\b(?:here'?s|here is|found|posting|dropping|leaking|i'?ll post) (?:his|her|their) (?:home address|address|addy|real name|full name|location)\b|\b(?:voici|voila|here'?s|here is|this is) (?:ou|where) (?:il|elle|ils|elles|he|she|they) (?:habite\w*|vi[tv]\w*|dort|dorment|creche|lives?|sleeps?|stays?)\b",
            "adresse",
            "domicile",
            "address",
            "addy",
            "real name",
            "full name",
            "location",
            "ou",
            "where",
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
            r"\b(?:son|sa|leur) (?:snap|sc|insta|instagram|facebook|fb|tiktok|compte|profil|discord|twitter|x)\s*(?:c'?est|cest|c|:|=|est|->)\s*@?[a-z0-9_.]{3,}|\b(?:voici|voila|regardez|allez voir|allez sur|signalez) (?:son|sa) (?:profil|compte|insta|fb|facebook|snap|tiktok)\b|\bsignalez (?:tous |toutes )?le (?:profil|compte)\b|\b(?:his|her) (?:insta|snap|facebook|profile|account) is\b|\bfound (?:his|her|their) (?:insta|snap|facebook|fb|linkedin|tiktok|profile|account)\b[^.!?]{0,20}\b(?:posting|here|look|check)",
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
        # Someone's e-mail: colleagues pass one on too, so it counts, and a call makes the hold.
        rule(
            "doxx.profile",
            0.5,
            r"\b(?:son|sa|leur|his|her|their) (?:(?:e-?)?mail|adresse (?:e-?)?mail|email address)(?: pro| perso| professionnel\w*| work)?\s*(?:c'?est|cest|c|:|=|est|->|is)\s*[a-z0-9_.+-]+@",
            "mail",
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
            r"\b(?:plaque|immatricul\w*|immat|plate|roule en|drives? a)\b[^.!?]{0,30}|\b[a-z]{2}-\d{3}-[a-z]{2}\b",
            "plaque",
            "immatricul",
            "immat",
            "plate",
            "roule en",
            "drive",
            "-",
            judge=_vehicle,
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
            r"\b(?:je connais|j'?ai|on a|j'?ai trouve|on connait) (?:son|sa|leur) (?:adresse|domicile|numero|num|nom de famille|vrai nom|lycee|college|ecole|boulot|taf|travail)\b",
            "connais",
            "ai",
            "on a",
            "trouve",
            "connait",
        ),
        # A third person's routine at a time: where to find them only once a place is said
        # ("elle prend le bus tous les matins à 7h20" alone is any family's morning).
        rule(
            "doxx.address",
            0.65,
            r"\b(?:il|elle|he|she)\b (?:\w+ ){0,2}?(?:prend|passe|sort|rentre|finit|part|arrive|attend|se gare|takes|leaves|gets|finishes|walks|parks)\b[^.!?]{0,40}?\b(?:tous les (?:jours|matins|soirs|midis|lundis|mardis|mercredis|jeudis|vendredis|samedis|dimanches)|chaque (?:jour|matin|soir|midi|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)|every (?:day|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b[^.!?]{0,30}?\b(?:a|vers|at|around) \d\d? ?(?:h(?:\d\d)?|:\d\d|am|pm)",
            "tous les",
            "chaque",
            "every",
            judge=_routine,
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
        # A pile-on: someone's wall, inbox or page flooded, messages by the dozen, a burner
        # to write from, a "visit" at their door.
        rule(
            "doxx.request",
            0.7,
            r"\bpourri(?:r|s|t|ssez|ssons)? (?:son|sa|ses|leur|his|her) (?:mur|page|insta|compte|profil|boite\w*|tel|telephone|portable|vie|snap|fb|facebook|messagerie|dms?|mp|mentions|commentaires)\b|\b(?:flood|spam|raid|bombard|swamp|fill|blow up|inonde[rz]?|spamme[rz]?|bombarde[rz]?|remplisse[zr]?|remplir) (?:his|her|their|son|sa|ses|leur) (?:\w+ )?(?:inbox|dms?|mentions|comments|page|wall|phone|mail\w*|emails?|insta|snap|fb|facebook|linkedin|boite\w*|mur|messagerie|tel|telephone|portable|commentaires|mp)\b|\bgive (?:him|her|them) a (?:warm|proper|nice|little|real) welcome\b|\b(?:va|allez|vas[- ]y|faut|il faut|faudrait) (?:aller )?(?:lui|leur) (?:rendre|faire|rends|fais) (?:une )?(?:petite|p'?tite|bonne) visite\b",
            "pourri",
            "flood",
            "spam",
            "raid",
            "bombard",
            "swamp",
            "fill",
            "blow up",
            "inonde",
            "remplis",
            "remplir",
            "give",
            "visite",
        ),
        rule(
            "doxx.request",
            0.7,
            r"\b(?:on (?:lui|leur) (?:envoie|balance|met|laisse|fait)|envoyez[- ](?:lui|leur)|laissez[- ](?:lui|leur)|(?:let'?s|we) (?:all )?(?:send|leave|post)|(?:send|leave|post) (?:him|her|them))\s+(?:\d{2,}|des centaines de|des dizaines de|hundreds of|dozens of|plein de|tons of|loads of)\s+(?:messages|msgs|mails|emails|e-mails|commentaires|comments|dms|mps?|appels|calls|texts|sms|avis|reviews|notifs)\b|\b(?:\d{2,}|des centaines de|hundreds of) (?:commentaires|comments|messages|mails|emails) (?:et )?(?:il|elle|he|she|they|ils) (?:comprendra|comprendront|will (?:get|learn|understand))",
            "envoie",
            "balance",
            "met",
            "laisse",
            "fait",
            "envoyez",
            "laissez",
            "send",
            "leave",
            "post",
            "commentaires",
            "comments",
            "messages",
            "mails",
            "emails",
        ),
        rule(
            "doxx.request",
            0.7,
            r"\b(?:text|call|message|dm|ring|write to|contact|msg|ecris|ecrivez|appelle|appelez|envoie|envoyez|contacte|contactez)[- ]?(?:him|her|them|lui|leur|la|le|les)?\b[^.!?]{0,15}?\b(?:from|with|on|depuis|avec|d'?un|via|par) (?:a |an |un |une |the |ton |ta |your )?(?:burner|fake (?:account|number|profile)|faux (?:compte|profil|numero)|fausse (?:adresse|identite)|compte (?:poubelle|fake|anonyme|secondaire)|numero (?:masque|cache|anonyme|jetable)|private number|anonymous (?:account|number))\b|\buse (?:a|the|your) burner\b[^.!?]{0,30}\b(?:him|her|them)\b",
            "burner",
            "fake",
            "faux",
            "fausse",
            "poubelle",
            "anonyme",
            "secondaire",
            "masque",
            "cache",
            "jetable",
            "private number",
            "anonymous",
        ),
        # A third person staying, sleeping or found at a street number.
        rule(
            "doxx.address",
            0.75,
            rf"\b{_SOMEONE}\b(?:'s| is| est)?[^.!?]{{0,12}}?\b(?:staying|stays|sleeps|sleeping|crashes|crashing|dort|dorment|loge|logent|squatte|est hebergee?|now at|moved to|a demenage (?:au|a))\b\s+(?:au |a |at |on |in )?(?:\d{{1,4}}\s?(?:bis|ter)?,?\s+(?:{_STREET}|[a-z]+ (?:street|st|road|rd|lane|avenue|close|drive|crescent)))\b",
            "staying",
            "stays",
            "sleep",
            "crash",
            "dort",
            "loge",
            "squatte",
            "heberge",
            "now at",
            "moved to",
            "demenage",
        ),
        # Someone's address with a word between ("son adresse perso circule, c'est le 4 rue").
        rule(
            "doxx.address",
            0.85,
            r"\b(?:son|sa|leur|his|her|their) (?:adresse|address|addy)\b[^.!?\d]{0,25}?(?:c'?est|est|:|=|->|is)\s*(?:le |au |at )?\d{1,4}\b",
            "adresse",
            "address",
            "addy",
        ),
        # Exposing someone to their employer or family.
        rule(
            "doxx.request",
            0.7,
            r"\b(?:send|show|forward|tell|email|envoie\w*|envoyer|montre\w*|montrer|transfere\w*|balance\w*|dire|dis|dites)\b[^.!?]{0,20}?\b(?:to )?(?:her|his|their|sa|son|ses|leur|a sa|a son|a ses|a leur) (?:boss|manager|employer|wife|husband|parents|mum|mom|dad|family|patron|cheffe?|employeur|femme|mari|mere|pere|famille|girlfriend|boyfriend|copine|copain|rh|hr)\b|\b(?:let'?s|on) (?:send|envoie) (?:them|leur) (?:the |les )?(?:screenshots|screens|captures|photos|pics)\b|\ballez (?:sonner|frapper) (?:chez (?:lui|elle|eux)|a sa porte)?",
            "send",
            "show",
            "forward",
            "tell",
            "email",
            "envoie",
            "envoyer",
            "montre",
            "transfere",
            "balance",
            "dire",
            "dis",
            "dites",
            "sonner",
            "frapper",
        ),
        # Telling the listener that their family's accounts or their address were found.
        rule(
            "doxx.threat",
            0.75,
            r"\bi(?:'ve| have)? (?:found|got|tracked down|dug up) (?:your|ur) (?:(?:mum|mom|mother|dad|father|sister|brother|wife|husband|family|boss|kids?|daughter|son|parents)'?s? (?:facebook|fb|insta|instagram|linkedin|tiktok|address|number|workplace|school|profile|account|page)|address|home address|workplace|employer|real name|full name|linkedin)\b|\bj'?ai (?:trouve|retrouve|chope|deniche) (?:ton |ta |tes |le |la |l'|les )?(?:(?:facebook|fb|insta|compte|profil|adresse|num\w*|linkedin|tel) (?:de|d') ?(?:ta|ton|tes) (?:mere|pere|soeur|frere|femme|mari|famille|patron|enfants?|fille|fils|copine|copain|parents)|adresse|vrai nom|nom de famille|employeur|linkedin)\b",
            "found",
            "got",
            "tracked",
            "dug",
            "trouve",
            "retrouve",
            "chope",
            "deniche",
        ),
        # Finding out where someone lives or works.
        rule(
            "doxx.request",
            0.7,
            r"\b(?:find out|find|figure out|look up|trouve[rz]?|retrouve[rz]?|cherche[rz]?|chercher|trouver|retrouver|savoir) (?:where|ou) (?:\w+ ){1,3}?(?:lives|works|sleeps|studies|stays|habite|vit|bosse|travaille|dort|etudie|loge|creche)\b",
            "find",
            "figure",
            "look up",
            "trouve",
            "cherche",
            "savoir",
        ),
        # Knowing when or where the listener's family can be found: "je sais à quelle heure ta
        # fille sort de l'école". Knowing their school alone is said by friends too: it counts.
        rule(
            "doxx.threat",
            0.75,
            r"\b(?:i know|je sais|on sait|we know|j'?sais)\s+(?:a quelle heure|quand|ou|where|when|what time|at what time|dans quel\w*|which)\b[^.!?]{0,25}?\b(?:your|ur|ta|ton|tes) (?:daughter|son|kids?|children|wife|husband|girlfriend|boyfriend|mum|mom|dad|fille|fils|gamins?|gamines?|enfants?|femme|mari|copine|copain|mere|pere|petite?s?) (?:\w+ )?(?:sort\w*|rentre\w*|fini\w*|va|vont|dort|dorment|bosse\w*|travaille\w*|habite\w*|attend\w*|prend\w*|gets? (?:out|off|home)|goes|go|leaves?|finish\w*|sleeps?|works?|lives?|walks?|waits?|takes?)\b",
            "know",
            "sais",
            "sait",
        ),
        rule(
            "doxx.threat",
            0.55,
            r"\b(?:i know|je sais|on sait|we know)\b[^.!?]{0,10}?\b(?:your|ur|ta|ton|tes) (?:daughter|son|kids?|children|wife|husband|fille|fils|gamins?|gamines?|enfants?|femme|mari)\b[^.!?]{0,20}?\b(?:goes|go|works|lives|va|vont|bosse|travaille|habite|est (?:au|a la|en))\b",
            "know",
            "sais",
            "sait",
        ),
        # Asking a crowd for someone's details, in English.
        rule(
            "doxx.request",
            0.7,
            r"\b(?:anyone|anybody|someone|somebody|who(?:'?s)?|does anyone|y'?all) (?:got|get|has|have|know|knows|find|found) (?:his|her|their) (?:home address|real name|full name|address|insta|snap|school|workplace|email|location|surname|last name)\b",
            "anyone",
            "anybody",
            "someone",
            "somebody",
            "who",
            "y'all",
            "yall",
        ),
        # Knowing which school, street or car: said to someone about them or their family.
        rule(
            "doxx.threat",
            0.75,
            r"\b(?:i know|je sais|on sait|we know|j'?sais)\b[^.!?]{0,10}?\b(?:which|what|quel|quelle|dans quel(?:le)?|a quel(?:le)?|devant quel(?:le)?)\s+(?:school|street|house|car|bus|gym|office|floor|flat|door|ecole|college|lycee|creche|rue|maison|voiture|bus|salle|bureau|etage|batiment|porte|arret|stop)\b[^.!?]{0,30}?\b(?:you|your|ur|tu|ton|ta|tes|the little one|the kids?|the boy|the girl|the baby|ta fille|ton fils|ta femme|ton mari|ton gamin|ta gamine|le petit|la petite)\b",
            "know",
            "sais",
            "sait",
        ),
        rule(
            "doxx.threat",
            0.75,
            r"\b(?:tout le (?:salon|monde|site|lycee|college|quartier|serveur|groupe)|everyone|everybody|the whole (?:room|site|school|server|group)) (?:aura|auront|verra|verront|connaitra|recevra|will (?:have|see|get)|gets|is getting) (?:ton|ta|tes|votre|vos|your|ur) (?:adresse|num\w*|nom|vrai nom|photos?|nudes?|address|number|name|real name|pics?|details|coordonnees|snap|insta)\b",
            "tout le",
            "everyone",
            "everybody",
            "whole",
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


def _given_names() -> frozenset[str]:
    text = resources.files("causette.safety").joinpath("lexicons", "given_names.txt")
    lines = (line.split("#", 1)[0].strip() for line in text.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)


_GIVEN = _given_names()
# Two capitalised words in the original text, or a title and a surname: "Sandrine Vial",
# "Claire Dujardin-Pelletier", "Mme Dujardin", "Mr Overbeck" ("Dr", "Maître": a practice's
# address is public).
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_FULL_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?P<first>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)|"
    rf"(?P<title>Mme|Mlle|Madame|Monsieur|M\.|Mr\.?|Mrs\.?|Ms\.?|Miss))\s+"
    rf"(?P<last>[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*(?:[ -][{_UPPER}][{_LOWER}]{{3,}})?)\b"
)
# A given name after these is the name of a street, a school or a business ("rue Victor Hugo",
# "collège Marcel Pagnol", "chez Marcel").
_NAMED_AFTER = re.compile(
    r"\b(?:rue|avenue|av|bd|boulevard|allee|impasse|place|chemin|route|quai|cours|square|"
    r"residence|cite|college|lycee|ecole|stade|salle|gymnase|centre|hopital|clinique|parc|"
    r"pharmacie|boulangerie|chez|fondation|institut|mediatheque|bibliotheque|espace|cinema|"
    r"theatre|musee|street|road|saint|sainte|st|ste|les amis de|prix|festival|square)\W*$"
)
# What makes a name a dox, by kind: where the person lives (a street and number, a floor, a
# plate: enough alone), the area they live in, where they work or study, their accounts,
# their hours. Checked in the message that names them.
_WHEREABOUTS: dict[str, re.Pattern[str]] = {
    "address": re.compile(
        rf"\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{_STREET}\b|\b\d{{1,5}}\s+(?:[a-z]+\s+){{1,3}}"
        r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|crescent|way|terrace|court)\b|"
        r"\b(?:plaque|immatricul\w*|plate)\b"
    ),
    "door": re.compile(
        r"\b(?:\d+(?:e|eme|er) etage|interphone|digicode|flat \d+\w?|apartment \d+|appart \d+)\b"
    ),
    "area": re.compile(
        r"\b(?:habite\w*|vit|vivent|loge|creche|lives|living|based|domicilie\w*)\b\s+"
        r"(?:a|au|aux|en|dans|in|at|on|near|pres|rue|vers|sur)\b|"
        r"\b(?:quartier|cite|residence|lotissement|estate|neighbourhood|neighborhood)\b"
    ),
    # Where they spend the day, at work or at school (a teacher's is both: one kind).
    "work": re.compile(
        r"\b(?:bosse|travaille|taffe|works?|working|employee?|caissiere?|serveuse|vendeuse|prof|"
        r"teaches|enseigne)\b\s+(?:\w+\s+)?(?:a|au|aux|chez|dans|the|at|for|in|as|comme|en)\b|"
        r"\b(?:lycee|college|ecole|fac|school|uni|university|academy|academie|sixth form|"
        r"(?:year|grade) \d{1,2})\b"
    ),
    "accounts": re.compile(
        r"\b(?:son|sa|ses|his|her|their) (?:insta|instagram|snap|fb|facebook|linkedin|tiktok|"
        r"twitter|mail|email|e-mail|adresse|address|num\w*|number|tel|profil|profile|compte|"
        r"account)\b"
    ),
    "hours": re.compile(
        r"\b(?:finit|sort|rentre|commence|finishes|leaves|parks?|se gare)\b[^.!?]{0,20}"
        r"\b(?:a|vers|at) \d{1,2} ?(?:h|pm|am)|\b(?:every (?:night|morning|day)|tous les (?:soirs|"
        r"matins|jours))\b"
    ),
}
# The name presented as an identification rather than met in a story: "Kevin Marchadier, il
# vit à ...", "real name Daniel Overbeck", "voilà : Sandrine Vial".
_INTRODUCED = re.compile(
    r"(?:real name|full name|name'?s|name is|vrai nom|nom complet|nom de famille|s'?appelle|"
    r"c'?est|it'?s|this is|voila|voici|trouve|found|:)\s*$"
)
_APPOSED = re.compile(r"^\s*[,.:;(–—-]")
# The speaker's own name: introduced ("je suis", "moi c'est"), or given for a delivery.
_INTRODUCING = re.compile(
    r"(?:je m'?appelle|moi c'?est|mon nom (?:c'?est|est)|my name is|my name'?s|i'?m|i am|je suis)\s*$"
)
_OWN = re.compile(
    r"\b(?:mon adresse|chez moi|a mon nom|my address|my place|c'?est moi|livr\w*|deliver\w*|"
    r"colis|parcel|envoi|courrier)\b"
)
# The famous dead and the places named after them: "Victor Hugo a vécu au 6 place des Vosges".
_HISTORY = re.compile(
    r"\b(?:a vecu|vivait|habitait|a habite|lived|was born|est nee?|est morte?|died|est enterree?|"
    r"is buried|maison natale|musee|museum|birthplace|plaque commemorative)\b"
)


def _named_person(norm: Normalized) -> Signal | None:
    """A third person's full name with where they live, work or study.

    A home address, or two kinds of detail, make a dox. One kind (their workplace, their
    town) only counts, and only when the name is set out as an identification: in a story
    ("j'ai croisé Julie Martin au lycée") it is news of an acquaintance."""
    original = norm.original
    text = norm.folded.text
    for match in _FULL_NAME.finditer(original):
        first = match.group("first")
        if first is not None and Normalized(first).folded.text.split("-")[0] not in _GIVEN:
            continue
        before = Normalized(original[max(0, match.start() - 25) : match.start()]).folded.text
        if _NAMED_AFTER.search(before):
            continue
        if _OWN.search(text) or _HISTORY.search(text):
            return None
        if _INTRODUCING.search(before):
            continue  # "je suis Sophie Martin", "moi c'est Paul Durand"
        kinds = {kind for kind, pattern in _WHEREABOUTS.items() if pattern.search(text)}
        span = (match.start(), match.end())
        if "address" in kinds or len(kinds) >= 2:
            return Signal("doxx.name", 0.8, span)
        set_out = _INTRODUCED.search(before) or _APPOSED.match(original[match.end() :])
        if kinds and set_out:
            return Signal("doxx.name", 0.5, span)  # a call to use it makes the hold
        return None
    return None


# Someone's life recited back to them ("tu bosses à la boulangerie Ducros, tu finis à 13h30
# et tu prends la ligne 4"): each kind of fact is a family of wordings; two kinds in one
# statement say "I have been watching you".
_RECITED: dict[str, re.Pattern[str]] = {
    "work": re.compile(
        r"\b(?:tu (?:bosses|travailles|taffes|bossais|travaillais|enseignes|donnes (?:des )?cours)|"
        r"you (?:work|worked|teach|taught))\b\s+(?:\w+\s+)?(?:a|au|aux|chez|dans|en|at|for|in)\b"
    ),
    "hours": re.compile(
        r"\b(?:tu (?:finis|sors|termines|commences|rentres|pars|arrives|debauches|quittes)|"
        r"you (?:finish|leave|get off|start|get home|clock off))\b[^.!?]{0,25}?"
        r"\b(?:a|vers|at|around) \d{1,2} ?(?:h|:|pm|am)|"
        r"\b(?:le|les|tous les|chaque|on|every) (?:lundis?|mardis?|mercredis?|jeudis?|vendredis?|"
        r"samedis?|dimanches?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|"
        r"sundays?)\b|\b(?:every (?:night|morning|evening|day)|tous les (?:soirs|matins|jours|midis))\b"
    ),
    "route": re.compile(
        r"\b(?:tu (?:prends|reprends|descends|attends)|you (?:take|catch|get off))\b[^.!?]{0,15}"
        r"\b(?:bus|ligne|tram|metro|rer|train|line|\d{1,3})\b|"
        r"\b(?:tu te gares|tu gares ta|you park)\b|"
        r"\b(?:tu (?:passes|rentres|marches|traverses|coupes)|you (?:walk|go|pass|cut|come home))\b"
        r"[^.!?]{0,20}\b(?:par|past|through|via|along|le long)\b"
    ),
    # Being watched or followed, said to the one watched.
    "watched": re.compile(
        r"\b(?:je t'?ai (?:vue?|suivie?|observee?|prise? en photo|photographiee?)|je te (?:vois|suis|surveille|"
        r"regarde) (?:tous|chaque|souvent|passer)|i (?:saw|watched|followed|see) (?:you|u)\b|"
        r"i'?ve been (?:watching|following) (?:you|u)|(?:pic|photo) i took (?:of you|this morning|today|"
        r"yesterday))"
    ),
    "home": re.compile(
        rf"\b(?:tu (?:habites|vis|loges|dors)|you live)\b\s+(?:au|a|aux|en|dans|on|at|in)\b|"
        rf"\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{_STREET}\b|\b(?:interphone|digicode|\d+e etage)\b"
    ),
    "post": re.compile(
        r"\b(?:caisse|guichet|rayon|poste|till|checkout|room|salle|bureau|office) (?:n ?°? ?)?\d+\b"
    ),
    "school": re.compile(
        r"\b(?:tu (?:es|vas|etudies) (?:en|au|a la|a l')|you (?:go to|study at))\s+"
        r"(?:\w+ )?(?:lycee|college|ecole|fac|school|uni)\b"
    ),
}


_RECITED_SCREEN = Screen(_RECITED)


# The listener asked to be left alone, blocked the sender, or asked how they know: whatever
# the sender then shows they know of the listener's life is a threat.
_REFUSAL = re.compile(
    r"\b(?:arrete[zs]? de m'?ecrire|laisse[zs]?[- ]moi (?:tranquille|en paix)|lache[zs]?[- ]moi|"
    r"je (?:veux|voulais) plus (?:te|vous) parler|je t'?ai (?:dit non|bloque\w*)|ne m'?ecris plus|"
    r"tu me fais peur|comment tu (?:sais|connais)|qui (?:t'?a|vous a) donne|je vais porter plainte|"
    r"leave me alone|stop (?:messaging|texting|contacting|writing to) me|(?:i|we) blocked you|"
    r"don'?t (?:contact|message|text) me|you'?re scaring me|how do you know|who gave you|"
    r"stay away from (?:me|my)|i'?ll call the police|who is this)\b"
)


def _refused(context: MessageContext) -> bool:
    """Whether someone other than the sender refused the contact in the last few lines."""
    own = set(context.recent_from_sender)
    return any(_REFUSAL.search(folded(line)) for line in context.recent[-6:] if line not in own)


# The listener's home seen, a picture of it taken: "je suis passé devant chez toi".
_HOME_SEEN = re.compile(
    r"\b(?:je suis passe\w* devant chez (?:toi|vous)|j'?ai vu (?:ta|votre) (?:maison|porte|"
    r"voiture|fenetre|immeuble|rue)|(?:jolie|belle) (?:maison|porte|voiture|rue|fenetre)|"
    r"jolis volets|i (?:drove|walked|went|came) (?:past|by) (?:your|ur) (?:house|place|flat|work|"
    r"school)|(?:saw|seen) (?:your|ur) (?:house|place|car|front door|street)|nice (?:house|car|"
    r"door|garden|street|flat)|(?:pic|photo) i took (?:of your|this morning|today|yesterday))\b"
)


def _recited(norm: Normalized, context: MessageContext) -> Signal | None:
    """The listener's workplace, hours, route or home told to them as facts."""
    text = norm.folded.text
    kinds = _RECITED_SCREEN.search(text)
    seen = _HOME_SEEN.search(text)
    if seen is not None:
        kinds["seen"] = seen
    if not kinds:
        return None
    if _refused(context):
        first = min(kinds.values(), key=lambda m: m.start())
        return Signal("doxx.threat", 0.75, norm.folded.span(first.start(), first.end()))
    if "?" in text:
        return None  # "tu finis à quelle heure ?": a question, not a recital
    if len(kinds) < 2:
        return None  # "tu bosses chez Decathlon, cool": one fact is small talk
    # Two loose facts ("tu bosses à la Poste et tu finis à 14h") are said by friends too: they
    # count. A third, or a home, a till number or being watched, make the recital a threat.
    precise = {"home", "post", "watched"} & set(kinds)
    score = 0.75 if len(kinds) >= 3 or precise else 0.5
    first = min(kinds.values(), key=lambda m: m.start())
    return Signal("doxx.threat", score, norm.folded.span(first.start(), first.end()))


# Calls and threats are not details of someone: they do not make "several details" higher.
_NOT_DETAILS = frozenset(("doxx.request", "doxx.threat"))


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Another person's details; several kinds together in one message score higher."""
    found = list(_RULES.scan(norm, context))
    for extra in (_named_person(norm), _recited(norm, context)):
        if extra is not None:
            found.append(extra)
    if any(signal.rule == "doxx.school" for signal in found) and about_kin(norm, context):
        # "ma fille ? elle est au collège Jean Jaurès": a parent, not a doxxer.
        found = [signal for signal in found if signal.rule != "doxx.school"]
    kinds = {signal.rule for signal in found if signal.rule not in _NOT_DETAILS}
    after_refusal: bool | None = None
    for signal in found:
        if len(kinds) >= 2 and signal.rule not in _NOT_DETAILS:
            signal = Signal(signal.rule, max(signal.score, 0.9), signal.span)
        elif signal.rule == "doxx.threat" and 0.4 <= signal.score < 0.75:
            # "je sais qui tu es" once the other asked to be left alone is no longer small talk.
            if after_refusal is None:
                after_refusal = _refused(context)
            if after_refusal:
                signal = Signal(signal.rule, 0.75, signal.span)
        yield signal
