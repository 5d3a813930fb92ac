"""Doxxing: another person's name, address, phone, school, workplace or profile.

A third person ("il", "elle", "le mec") with identifying details is the mark: "il s'appelle
Kevin Martin, il habite 12 rue ..., il est au lycée Jean Moulin". Each detail alone scores
moderately (people talk about others); two or more in one message score high. Names are
recognised by their capitals in the original text, which the folded view has lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_acts import acted
from causette.safety.detectors.doxx_calls import called
from causette.safety.detectors.doxx_dossier import dossier
from causette.safety.detectors.doxx_given import phone_given, profile, request
from causette.safety.detectors.doxx_home import placed
from causette.safety.detectors.doxx_judges import (
    SOMEONE,
    STREET,
    name,
    named_place,
    routine,
    vehicle,
)
from causette.safety.detectors.doxx_known import identified
from causette.safety.detectors.doxx_names import named_person
from causette.safety.detectors.doxx_places import described, lives_on, placed_child
from causette.safety.detectors.doxx_publish import announced
from causette.safety.detectors.doxx_recital import recited, refused
from causette.safety.detectors.doxx_traced import traced
from causette.safety.detectors.phrases import about_kin
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# The verbs of living somewhere, as the address rules' anchors.
_LIVES = ("habite", "vit", "vivent", "loge", "creche", "lives")

_RULES = RuleSet(
    [
        rule(
            "doxx.name",
            0.6,
            rf"\b{SOMEONE}\b[^.!?]{{0,20}}?\b(?:s'?appelle|s appelle|sappelle|se nomme|son (?:vrai )?nom (?:c'?est|est|:)|son nom de famille (?:c'?est|est|:)?|is called|'?s name is|name is|real name is)\s+(?P<first>[a-z][a-z\-]+)\s+(?P<last>[a-z][a-z\-]+)",
            "appelle",
            "nomme",
            "nom",
            "called",
            "name",
            judge=name,
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|est domicilie\w*|lives)\b\s+(?:au |a |a la |dans la |dans le |at |on )?(?:\d{{1,4}}\s?(?:bis|ter)?,?\s+)?{STREET}\b",
            *_LIVES,
            "domicilie",
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|lives)\b\s+(?:au |a |at )?\d{{1,4}}\b",
            *_LIVES,
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
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:est|va|etudie|bosse|se trouve|est scolarise\w*|goes|is)\s+(?:au|a la|a l'|en|dans le|dans la|to|at)\s+(?:lycee|college|ecole|fac|universite|iut|cfa|high school|school)\s+(?:de |du |des )?(?P<name>[a-z][a-z\-']+)",
            "lycee",
            "college",
            "ecole",
            "fac",
            "universite",
            "iut",
            "cfa",
            "school",
            judge=named_place("doxx.school", 0.65),
        ),
        rule(
            "doxx.workplace",
            0.6,
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:bosse|travaille|taffe|bossait|travaillait|est employee?|works)\s+(?:chez|au|a la|a l'|a|dans|at|for)\s+(?P<name>[a-z][\w\-']+)",
            "bosse",
            "travaille",
            "taffe",
            "employe",
            "works",
            judge=named_place("doxx.workplace", 0.6),
        ),
        rule(
            "doxx.profile",
            0.75,
            r"\b(?:son|sa|leur|his|her|their) (?P<app>snap|sc|insta|instagram|ig|facebook|fb|tiktok|compte|profil|profile|account|discord|twitter|x|youtube|twitch|chaine|channel|linkedin|reddit|pseudo|username|handle)(?: perso| prive| personnel| secret| pro| personal| private| main| real| second)?\s*(?:c'?est|cest|c(?= )|:|=|est|->|is|'s)\s*(?P<handle>@?[a-z0-9_.]{3,})|\b(?:voici|voila|regardez|allez voir|allez sur|signalez) (?:son|sa) (?:profil|compte|insta|fb|facebook|snap|tiktok)\b|\bsignalez (?:tous |toutes )?le (?:profil|compte)\b|\bfound (?:his|her|their) (?:insta|snap|facebook|fb|linkedin|tiktok|profile|account)\b[^.!?]{0,20}\b(?:posting|here|look|check)",
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
            "youtube",
            "twitch",
            "chaine",
            "channel",
            "reddit",
            "pseudo",
            "username",
            "handle",
            "ig",
            judge=profile,
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
            r"\b(?:qui a|quelqu'?un a|quelqu'?un connait|t'?as|tu as|vous avez|balancez|donnez[- ]moi|donne[- ]moi|file[- ]moi|trouve[- ]moi|trouvez|cherche|je cherche|on cherche) (?:son|sa|ses|leur|(?P<the>l')) ?(?:adresse|num|numero|tel|06|nom de famille|vrai nom|nom complet|ecole|lycee|college|insta|snap|profil|coordonnees|domicile|boulot|taf)\b|\b(?:who has|anyone have|does anyone know) (?:his|her|their) (?:address|number|real name|school)\b",
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
            judge=request,
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
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:habite|habitent|vit|vivent|loge|creche|lives)\b[^.!?]{{0,40}}?\b(?:{STREET}|batiment|bat|maison|immeuble|au bout de|en face de|a cote de)\b",
            *_LIVES,
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
            judge=vehicle,
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
            rf"\b{SOMEONE}\b[^.!?]{{0,15}}?\b(?:bosse|travaille|taffe|est employee?|works)\s+(?:a la|au|a l'|chez|at)\s+(?:mairie|hopital|poste|commissariat|gendarmerie|prefecture|banque|caf|cpam|pole emploi|france travail|sncf|ratp|clinique|ehpad|creche|cantine|pharmacie|boulangerie|supermarche|usine)\b\s+(?:de |du |d')?(?P<name>[a-z][\w\-']+)",
            "bosse",
            "travaille",
            "taffe",
            "employe",
            "works",
            judge=named_place("doxx.workplace", 0.6),
        ),
        rule(
            "doxx.school",
            0.6,
            rf"\b{SOMEONE}\b (?:est|va|etudie) en (?:classe de )?(?:6|5|4|3|2nde|1ere|term)\w* ?[a-h1-9]?\b[^.!?]{{0,10}}\b(?:au|a la|a l') (?:college|lycee|ecole)\b",
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
            judge=routine,
        ),
        # Said to the person: "I know where you live", "everyone will know where she sleeps",
        # "I'm going to post your LinkedIn". Knowing who someone is scores below a hold alone.
        rule(
            "doxx.threat",
            0.75,
            rf"\b(?:je sais|je connais|j'?ai trouve|on sait|i know|i found)\b[^.!?]{{0,25}}?\b(?:ou (?:tu|vous) (?:habite\w*|vi[st]|vivez|bosse\w*|travaill\w*|dor[ts]|dormez)|(?:tu|vous) (?:habite[sz]?|vi[st]|vivez|loge[sz]?)\s+(?:au |a |a la |dans la |dans le )?(?:\d{{1,4}}\s?)?{STREET}\b|where (?:you|u) (?:live|work|sleep|study)|where to find (?:you|u)\b|ou (?:te|vous) (?:trouver|retrouver|choper|attendre))|\b(?:je|on) (?:connais|connait) (?:ton|ta|votre) (?:adresse|vrai nom|nom de famille|employeur)\b|\bi know (?:your|ur) (?:real name|full name|address|school|workplace|work|employer|family)\b|\bwhere (?:your|ur) (?:kids|children|daughter|son|wife|husband) (?:go|goes|work|works|sleep)\b|\b(?:je vais|j'?vais|on va) (?:tout )?(?:dire|raconter|envoyer|montrer|balancer)\b[^.!?]{{0,20}}?\ba (?:ta femme|ton mari|ton patron|ton employeur|ton boss)\b|\bi'?(?:ll| will) tell (?:your|ur) (?:wife|husband|boss|employer|girlfriend|boyfriend)\b|\b(?:tout le (?:salon|monde|site|lycee|college|quartier)|everyone|the whole (?:room|site|school)) (?:saura|va savoir|sauront|will know|is going to know) (?:ou|qui|ton|ta|tes|votre|vos|where|who|your)\b|\b(?:je vais|j'?vais|on va|je compte|i'?m going to|i'?m gonna|i'?ll|gonna) (?:poster|balancer|publier|afficher|diffuser|partager|leak|post|share|publish|expose|dox+)\b[^.!?]{{0,12}}?\b(?:ton|ta|tes|votre|vos|your) (?:adresse|nom|vrai nom|linkedin|insta|snap|facebook|fb|num\w*|profil|boulot|employeur|famille|address|name|real name|number|workplace|employer|wife'?s name|husband'?s name|family|face)\b",
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
            judge=phone_given,
        ),
        rule(
            "doxx.address",
            0.75,
            rf"\b{SOMEONE}\b (?:rentre|rentrent|dort|dorment|passe|passent|sort|sortent|traine|se gare|gare sa|marche|attend|prend|walks|goes|sleeps|parks)\b[^.!?]{{0,30}}?\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{STREET}\b",
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
            rf"\b{SOMEONE}\b(?:'s| is| est)?[^.!?]{{0,12}}?\b(?:staying|stays|sleeps|sleeping|crashes|crashing|dort|dorment|loge|logent|squatte|est hebergee?|now at|moved to|a demenage (?:au|a))\b\s+(?:au |a |at |on |in )?(?:\d{{1,4}}\s?(?:bis|ter)?,?\s+(?:{STREET}|[a-z]+ (?:street|st|road|rd|lane|avenue|close|drive|crescent)))\b",
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
            r"\b(?:(?:quelqu'?un|qui|vous) (?:peut|pourrait|sait|arrive a|peuvent|pouvez) (?:trouver|retrouver|chercher) (?:ou (?:il|elle) (?:habite|vit|bosse|travaille|dort)|(?:son|sa) (?:adresse|nom|vrai nom|insta|snap|numero|num|lycee|boulot))|(?:can|could) (?:someone|anyone|you guys) find (?:where (?:he|she) lives|(?:his|her) (?:address|real name|number|insta))|ajoutez[- ](?:la|le|les)|appelez[- ](?:la|le|les)\b(?! ?\d)|(?:attendez|suivez|retrouvez)[- ](?:la|le|les) (?:a la sortie|devant|en bas|chez (?:elle|lui)|apres)|(?:allez |va )?(?:lui|leur) pourrir la vie|si vous voulez (?:lui|leur) (?:dire|ecrire|parler|envoyer)|envoyez[- ](?:lui|leur) des (?:messages|insultes|dm|mp)|(?:everyone |y'?all )?add (?:her|him|them) and (?:message|spam|dm)|(?:send|dm) (?:her|him|them) (?:messages|insults|hate))\b",
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
    recital = recited(norm, context) or dossier(norm, context) or traced(norm, context)
    extras = (identified(norm) or named_person(norm), recital, announced(norm), called(norm))
    places = (placed(norm), described(norm, context), lives_on(norm), placed_child(norm, context))
    found += [extra for extra in (*extras, *places, acted(norm, context)) if extra is not None]
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
                after_refusal = refused(context)
            if after_refusal:
                signal = Signal(signal.rule, 0.75, signal.span)
        yield signal
