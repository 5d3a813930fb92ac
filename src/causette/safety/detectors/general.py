"""Rules written for families of wordings rather than for phrases.

The other families grew phrase by phrase on the training corpus; people who never read it
say the same things in other words. Each rule here states one pattern in general terms (a
verb of telling in any tense with a negation and a listener, an exam with the speaker's own
worry about it, an amount of money or a gift offered in exchange for something) and emits
the rule id of the family the pattern belongs to, so the policy reads it like the others.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.age_judges import PARENTS_SPEAKING, PUPILS
from causette.safety.detectors.age_speaker import not_pupil_now
from causette.safety.detectors.gifts import REPAYING
from causette.safety.detectors.phrases import MES_PARENTS, PARENT_WORDS, TES_PARENTS, about_kin
from causette.safety.detectors.rules import Rule, rule
from causette.safety.detectors.voice import secrecy_voice
from causette.safety.normalize import Normalized

# Verbs of telling, showing or warning, in any person and tense chat French uses.
_TELL = (
    r"(?:dis|dit|di|dire|diras|dira|direz|dirais|disent|racont\w*|parl\w*|montr\w*|mentionn\w*|"
    r"previen\w*|prevenir|avou\w*|balanc\w*|cafte\w*|caft\w*|rapport\w*|repet\w*|envoi\w*|"
    r"fai[st] (?:lire|voir)|confi\w*)"
)
_NEGATION = r"(?:pas|rien|jamais|surtout pas|surtout rien|plus rien|aucun mot|pas un mot)"
# Whom the secret is kept from.
_LISTENER = (
    rf"(?:personne|{TES_PARENTS}|tes potes|tes amis|tes amies|tes copines?|tes copains|ta copine|"
    r"ton copain|tes profs?|ta prof|ton prof|la police|les flics|ta (?:meilleure )?pote|ta bff|"
    r"ton entourage|tes proches|qui que ce soit|les autres|ta classe|ta soeur|ton frere|"
    r"tes grands[- ]parents|ta tante|ton oncle|ta cousine|ton cousin|l'?ecole|le college|le lycee)"
)
_LISTENER_EN = (
    r"(?:anyone|anybody|no one|nobody|your (?:mom|mum|mother|dad|father|parents|family|friends|"
    r"teachers?|sister|brother|bff|best friend)|ur (?:mom|mum|dad|parents|friends))"
)
_CLITICS = (
    r"(?:\s+(?:le|la|les|l'|en|leur|lui|te|me|ca|surtout|encore|du tout|besoin de|le droit de))*"
)


# An exam people sit at 14 to 16 (the brevet), or the bac's first parts, spoken of as one's own.
_OTHERS = re.compile(
    r"\b(?:ma fille|mon fils|mes (?:eleves|enfants|gosses|filles|fils|neveux|nieces)|nos (?:eleves|"
    r"enfants)|ma niece|mon neveu|ta fille|ton fils|tes enfants|sa fille|son fils|leurs? enfants?|"
    r"les gamins|mes ados|ma petite soeur|mon petit frere|ma soeur|mon frere|my (?:son|daughter|kids))\b"
)
_PAST = re.compile(
    r"\b(?:a mon epoque|de mon temps|quand j'?etais|quand j'?avais|j'?avais|j'?ai eu|j'?etais|"
    r"il y a \d+ ans|y'?a \d+ ans|en (?:19|20)\d\d|etait|c'?etait|avais|ans? plus tard)\b"
)
_TEACHING = re.compile(
    r"\b(?:corrig\w*|copies|eleves|surveill\w*|prof(?:s|esseur)? de|j'?enseigne|mes classes|"
    r"jury|examinat\w*|parents d'?eleves)\b|" + PUPILS
)
# "le mien passe le brevet", "courage pour le bac de français": someone else's exam.
_THIRD = re.compile(
    r"\b(?:il|elle|ils|elles|le mien|la mienne|les miens|les miennes|mon grand|ma grande|"
    r"mon ado|ma puce|he|she|they)\b"
)
_WISH = re.compile(
    r"\b(?:courage|bonne chance|bon courage|good luck|bravo|felicitations|merde pour)\b"
)
_SECOND = re.compile(r"\b(?:tu|t'|vous|ton|ta|tes|toi|votre|vos)\b[^.!?]{0,30}$")


def _own_exam(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    if _OTHERS.search(text) or _PAST.search(text) or _TEACHING.search(text):
        return None
    # Parents among parents ("des parents du collège ? le brevet blanc c'est jeudi ?").
    if PARENTS_SPEAKING.search(text) or about_kin(norm, context):
        return None
    if _SECOND.search(text, max(0, match.start() - 40), match.start()) or _WISH.search(text):
        return None
    if _THIRD.search(text, max(0, match.start() - 40), match.end()):
        return None
    if not_pupil_now(norm, context):  # a teacher or a parent said so earlier, or a memory
        return None
    return ("age.disclosure", 0.75)


_EXAM = (
    r"(?:brevet|brevet blanc|dnb|bac de francais|epreuves? anticipees?|oral de francais|bac blanc)"
)
_EXAM_WORRY = (
    r"(?:pour|avant|apres|le|du|mon|au|reviser|revise|revision|revisions|revisions? du|controle|"
    r"annales|stresse\w*|stress|peur|rater|rate|reussir|avoir|passer|passe|prepare\w*|bosser|"
    r"bosse|travailler|dans|semaine du|epreuves? du|sujet du|resultats? du|notes? du|bientot le|"
    r"demain le|lundi le|ce mois|cette annee)"
)

# Money or a gift offered in exchange for something: "je te donne 50 si tu ...", "je te paie
# ton forfait", "contre un petit cadeau".
_AMOUNT = (
    r"(?:\d{1,4}\s?(?:€|e\b|eur\b|euros?\b|balles\b|boules\b|\$|dollars?\b|bucks\b)|\d{2,4}\b)"
)
# Every verb of ``_GIVE`` holds one of these: the anchors of the rules built on it.
_GIVE_ANCHORS = (
    "donne", "file", "paie", "paye", "offr", "envoie", "enverr", "vire", "virement", "donner",
    "filer", "payer", "offrir", "envoyer", "virer", "acheter", "give", "pay", "send", "buy",
)  # fmt: skip
_GIVE = (
    r"(?:je (?:te |t'|vous )?(?:donne|donnerai|donnerais|file|filerai|filerais|paie|paye|payerai|"
    r"paierai|paierais|payerais|offre|offrirai|offrirais|envoie|enverrai|enverrais|vire|virerai|"
    r"fais un virement de)|j'?te (?:donne|file|paie|paye|offre|envoie|vire)|jte (?:donne|file|paie|"
    r"paye|offre|envoie|vire)|(?:je peux|jpeux|j'?peux|je pourrais) (?:te |t'|vous )?(?:donner|filer|"
    r"payer|offrir|envoyer|virer|acheter)|i(?:'ll| will| can| could)? (?:give|pay|send|buy) (?:you|u))"
)
_IN_EXCHANGE = (
    r"(?:si tu|contre|en echange|pour (?:une|des|ta|tes|que tu|voir|avoir)|if (?:you|u)|for (?:a|some|"
    r"your|pics?|photos?)|in exchange)"
)


def _offered(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "je te donne 10 balles si tu me ramènes un kebab", "je te rembourse": errands and debts.
    text = norm.folded.text
    if _TREAT.search(text) or REPAYING.search(text):
        return None
    return ("gift.money", 0.55)


_TREAT = re.compile(
    r"\b(?:cafe|verre|biere|resto|restaurant|repas|diner|kebab|mcdo|macdo|pizza|cine|cinema|"
    r"courses|essence|train|billet de train|taxi|uber|drink|coffee|beer|dinner|lunch|groceries|gas)\b"
)


def _present_rules(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "mes parents m'interdisaient de sortir quand j'avais 15 ans": a memory, not a curfew.
    verb = match.group().split()[-1]
    if _PAST.search(norm.folded.text) or verb.endswith(("aient", "ait", "ais")):
        return None
    if not_pupil_now(norm, context):
        return None
    return ("age.disclosure", 0.65)


RULES: list[Rule] = [
    # Secrecy: a verb of telling, a negation and a listener, in either order.
    rule(
        "secrecy",
        0.85,
        rf"\b{_NEGATION}{_CLITICS}\s+{_TELL}(?:\s+[\w']+){{0,3}}?\s+(?:a|aux|avec|devant)\s+{_LISTENER}\b|\b{_TELL}(?:\s+(?:le|la|les|en|leur|lui|ca))?\s+{_NEGATION}(?:\s+[\w']+){{0,3}}?\s+(?:a|aux|avec|devant)\s+{_LISTENER}\b",
        "personne",
        "parents",
        "mere",
        "maman",
        "daronne",
        "pere",
        "papa",
        "daron",
        "famille",
        "vieux",
        "potes",
        "amis",
        "amies",
        "copine",
        "copain",
        "prof",
        "police",
        "flics",
        "pote",
        "bff",
        "entourage",
        "proches",
        "qui que ce soit",
        "autres",
        "classe",
        "soeur",
        "frere",
        "grands",
        "tante",
        "oncle",
        "cousin",
        "ecole",
        "college",
        "lycee",
        "rents",
        "reup",
        "reum",
        "remps",
        judge=secrecy_voice,
    ),
    rule(
        "secrecy",
        0.85,
        rf"\bsans (?:le |en |leur |lui |rien )?(?:dire|parler|prevenir|demander|raconter|montrer)\b[^.!?\n]{{0,12}}?\b(?:a |aux )?{_LISTENER}\b|\bsans que {_LISTENER} (?:ne )?(?:le |l'|en )?(?:sachent|sache|voient|voie|soient au courant|soit au courant|apprennent|apprenne|se doutent|se doute)\b",
        "sans",
    ),
    rule(
        "secrecy",
        0.85,
        rf"\b(?:(?:il )?(?:faut|faudrait|vaut mieux|vaudrait mieux|mieux vaut) (?:pas|jamais|surtout pas) que|j'?ai pas envie que|je veux pas que|evite que|il ne faut pas que) {_LISTENER} (?:ne )?(?:le |l'|en |nous |te )?(?:sachent|sache|voient|voie|lisent|lise|soient au courant|soit au courant|apprennent|apprenne|decouvrent|decouvre|tombent|tombe|se doutent|se doute|entendent)\b",
        "faut",
        "faudrait",
        "mieux",
        "envie que",
        "veux pas que",
        "evite que",
    ),
    rule(
        "secrecy",
        0.85,
        rf"\b(?:don'?t|do not|never|won'?t|wont|will not|you can'?t|u can'?t|mustn'?t|shouldn'?t) (?:ever )?(?:tell|show|mention (?:this|it|us|me) to|say (?:anything|a word|this|it) to|talk about (?:this|it|us|me) (?:to|with)|let) {_LISTENER_EN}\b(?!\s+(?:else )?(?:is|are|was|were) )|\bwithout (?:telling|asking) {_LISTENER_EN}\b|\b(?:this|it|what we (?:say|do|have)) (?:stays|remains|is) (?:just )?between (?:us|you and me|the two of us)\b",
        "tell",
        "show",
        "mention",
        "say",
        "talk",
        "let",
        "without",
        "between",
        judge=secrecy_voice,
    ),
    # Isolation: "they would never understand (us)", in the conditional or the future.
    rule(
        "isolation",
        0.65,
        rf"\b(?:ils|elles|{TES_PARENTS}|les gens|les autres|personne|tes potes|tes amis|tes copines|ta famille|les adultes)\b (?:ne )?(?:\w+ )?(?:comprendr\w*|accepter\w*|approuver\w*|admettr\w*) (?:pas|jamais|rien)\b|\bpersonne (?:ne )?(?:comprendr\w*|accepter\w*|approuver\w*) (?:notre|nos|ce qu'?on|ca|nous)\b|\b(?:notre|cette) (?:amitie|relation|histoire|complicite|connexion|lien) (?:est |c'?est )?(?:speciale?|unique|differente?|pas comme les autres|trop forte?)\b",
        "compren",
        "accepter",
        "approuver",
        "admettr",
        "amitie",
        "relation",
        "histoire",
        "complicite",
        "connexion",
        "lien",
    ),
    # Age: "t'es encore au collège", stated to the other without a question mark.
    rule(
        "age.probe",
        0.6,
        r"\b(?:t'?es|tu es|tes|t es|vous etes) (?:encore|toujours|donc|alors|aussi|deja) (?:au|en) (?:college|lycee|primaire|cm2|6e|6eme|5e|5eme|4e|4eme|3e|3eme|seconde|2nde|troisieme|quatrieme)\b|\b(?:t'?es|tu es|tes|t es) (?:au|en) (?:college|lycee|6e|5e|4e|3e|3eme|4eme|seconde|troisieme|quatrieme) (?:alors|donc|encore|du coup|c'?est ca|non|hein|toi)\b",
        "college",
        "lycee",
        "primaire",
        "cm2",
        "6e",
        "5e",
        "4e",
        "3e",
        "seconde",
        "2nde",
        "troisieme",
        "quatrieme",
    ),
    # Age: the speaker's own exam, whatever they say about it.
    rule(
        "age.disclosure",
        0.75,
        rf"\b{_EXAM_WORRY} (?:\w+ ){{0,3}}?(?:le |du |mon |au |l'|ce )?{_EXAM}\b",
        "brevet",
        "dnb",
        "bac",
        "epreuve",
        "oral de francais",
        judge=_own_exam,
    ),
    # Age: the speaker's parents deciding their bedtime, screen time or outings.
    rule(
        "age.disclosure",
        0.65,
        rf"\b{MES_PARENTS} (?:ne )?(?:me |m'?)(?:laisse\w*|autoris\w*|oblig\w*|force\w*|interdi\w*|envoi\w*|couche\w*|confisqu\w*|enlev\w*|prenn?\w* mon (?:tel|portable|telephone)|coupe\w* (?:le )?wifi)\b",
        *PARENT_WORDS,
        judge=_present_rules,
    ),
    # Moving elsewhere: "l'appli jaune", "the ghost app", whatever the app is called.
    rule(
        "offplatform.app",
        0.6,
        r"\b(?:l'?appli|l'?app|l'?application|le reseau|the app|that app) (?:jaune|au fantome|du fantome|fantome|au petit fantome|avec le fantome|yellow|with the ghost)\b|\bthe (?:yellow|ghost) (?:app|one)\b|\bthe (?:green|blue) app\b|\ble petit fantome\b",
        "appli",
        "app",
        "application",
        "reseau",
        "fantome",
        "yellow",
        "ghost",
    ),
    rule(
        "offplatform.app",
        0.55,
        r"\b(?:ajoute[- ]?moi|ajoutes[- ]?moi|rajoute[- ]?moi|add me|follow me|suis[- ]moi|ecris[- ]?moi|ecrit[- ]?moi|text me|dm me|hit me up|retrouve[- ]?moi|on (?:continue|passe|parle|se parle|bouge|discute)|passons|continuons|let'?s (?:move|continue|talk|chat|switch)|we can (?:move|continue|talk)) (?:sur|on|to|over to|en) (?:l'?|le |la |the |my )?(?!(?:ici|le site|ce site|causette|le chat|le salon|salon|salons|chat|site|liste|sujet|here|this site|the site|privé|prive|mp|pv|place|paris|lyon|marseille|the phone|le tel|telephone|sujet|autre chose|demain|plus tard)\b)[a-z][a-z0-9]{1,12}\b",
        "ajoute",
        "add me",
        "follow me",
        "suis-moi",
        "suis moi",
        "ecri",
        "text me",
        "dm me",
        "hit me",
        "retrouve",
        "on continue",
        "on passe",
        "on parle",
        "on se parle",
        "on bouge",
        "on discute",
        "passons",
        "continuons",
        "let's",
        "lets",
        "we can",
    ),
    # Grooming: boys of the other's school, their bedroom, cover stories, hiding the contact.
    rule(
        "flattery",
        0.6,
        r"\b(?:les|des|ces) (?:garcons|gars|mecs|keums|filles|meufs|jeunes|ados|boys|guys|girls) (?:de|du|a|dans|at|in|of) (?:ton|ta|your|ur) (?:age|college|lycee|classe|bahut|ecole|school|class|grade)\b|\b(?:boys|guys|girls) (?:your|ur) age\b",
        "garcons",
        "gars",
        "mecs",
        "keums",
        "filles",
        "meufs",
        "jeunes",
        "ados",
        "boys",
        "guys",
        "girls",
    ),
    rule(
        "alone.check",
        0.65,
        r"\b(?:ta chambre|ta piece)\b[^.!?\n]{0,25}\b(?:porte|verrou|cle|ferme\w*|partage\w*|seule?|toute? seule?)\b|\btu (?:partages|as|a) ta chambre\b|\b(?:do|d) (?:you|u) share (?:your|ur|a) (?:room|bedroom)\b|\b(?:your|ur) (?:room|bedroom)\b[^.!?\n]{0,20}\b(?:lock|door|alone)\b",
        "chambre",
        "piece",
        "share",
        "room",
    ),
    rule(
        "secrecy",
        0.85,
        rf"\b(?:tu (?:lui|leur) (?:dis|diras|dit|racont\w*)|dis[- ]?(?:lui|leur)|tu (?:dis|diras|dit) a {TES_PARENTS}|dis a {TES_PARENTS}) (?:que|qu') ?(?:t'?es|tu es|tu vas|tu dors|tu seras|tu etais|t'?etais|tu restes|tu bosses|tu revises)\b|\b(?:tell|say to) (?:him|her|them|your (?:mom|mum|dad|parents|mother|father)) (?:that )?(?:you'?re|you are|you'?ll be|you were|u r|ur) (?:at|with|going to|staying|sleeping)\b",
        "lui",
        "leur",
        "dis",
        "diras",
        "dit",
        "tell",
        "say to",
    ),
    rule(
        "secrecy",
        0.85,
        r"\b(?:(?:ne )?(?:parle|parles|dis|dit|racontes?) (?:pas|jamais|rien) (?:de (?:moi|nous)|qu'?on (?:se parle|parle|discute|se voit|s'?ecrit)|que (?:tu me parles|je te parle|tu m'?ecris|je t'?ecris))|don'?t (?:mention|talk about|tell (?:him|her|them|anyone|anybody) about) (?:me|us|this chat|our chats?|our talks?))\b",
        "parle",
        "dis",
        "dit",
        "raconte",
        "mention",
        "talk about",
        "tell",
    ),
    rule(
        "alone.check",
        0.55,
        r"\b(?:tu|t'?) ?(?:rentres?|vas|marches|prends le bus|reviens|restes|attends|dors) (?:toute? )?seule?s?\b|\b(?:tu dors|t'?as|tu as|tu partages|tu es|t'?es) (?:\w+ ){0,3}(?:chambre|piece) (?:avec|que)\b|\b(?:ils|elles|on) te (?:laisse\w*|autorise\w*) (?:sortir|aller|dormir|venir|parler|rentrer)\b|\bdo (?:you|u) (?:walk|go|get) home alone\b",
        "seul",
        "chambre",
        "piece",
        "laisse",
        "autorise",
        "alone",
    ),
    rule(
        "flattery",
        0.7,
        r"\b(?:tu (?:parais|fais|sembles|fais plus)|t'?as l'?air|you (?:look|seem)) (?:beaucoup |vachement |bien |much |way )?(?:plus (?:vieille|vieux|mature|grande?|agee?)|older|more mature) que (?:\d+|ton age|tes \d+ ans|your age)\b",
        "plus",
        "older",
        "more mature",
    ),
    rule(
        "secrecy",
        0.85,
        r"\b(?:efface|effaces|supprime|supprimes|delete|vide|cache)(?: \w+){0,3} (?:conv|convo|conversation|messages?|msgs?|historique|discussion|echanges?|discu|chat|texts?|snaps?)\b",
        "efface",
        "supprime",
        "delete",
        "vide",
        "cache",
    ),
    rule(
        "sexual.probe",
        0.7,
        r"\b(?:t'?as|tu as|t'?a|as[- ]tu) deja (?:embrasse|couche|fait des choses|fait des trucs|touche|ete touchee?|fait l'?amour)\b(?: (?:avec )?(?:quelqu'?un|un garcon|une fille|un mec|un gars|un homme|personne))?",
        "deja",
    ),
    # Meeting a child outside school or home.
    rule(
        "meet.request",
        0.7,
        r"\b(?:venir te (?:chercher|recuperer|prendre)|passer te (?:chercher|prendre|recuperer)|je (?:peux|pourrais|viens|passe) te (?:chercher|prendre|recuperer))\b[^.!?\n]{0,30}\b(?:college|lycee|ecole|cours|sortie|arret de bus|la gare|chez toi)\b|\b(?:pick (?:you|u) up|take (?:you|u) (?:out|for|to)|meet (?:you|u))\b[^.!?\n]{0,30}\b(?:after school|from school|at school|school gate|lunch break|recess)\b",
        "chercher",
        "recuperer",
        "prendre",
        "pick",
        "take",
        "meet",
    ),
    # Modelling lures: being "ready for modelling", agencies, castings.
    rule(
        "photo.request",
        0.65,
        r"\b(?:prete?|faite?|taille?e?|le physique|le profil) pour (?:le |du |etre )?(?:mannequinat|mannequin|modele|casting|shooting)\b|\b(?:agence|agences|casting|castings|book|shooting) (?:de )?(?:mannequins?|modeles?|photo)\b|\b(?:modeling|modelling) (?:agency|agencies|career|contract)\b|\b(?:you could|u could) (?:be a )?model\b",
        "mannequin",
        "modele",
        "casting",
        "shooting",
        "agence",
        "book",
        "model",
    ),
    # Money or gifts in exchange for something.
    rule(
        "gift.money",
        0.55,
        rf"\b{_GIVE} (?:\w+ ){{0,2}}?{_AMOUNT}[^.!?\n]{{0,20}}?\b{_IN_EXCHANGE}",
        *_GIVE_ANCHORS,
        judge=_offered,
    ),
    rule(
        "gift.money",
        0.55,
        rf"\b{_GIVE} (?:\w+ ){{0,2}}?(?:ton|ta|tes|un|une|des) (?:forfait|recharge|abonnement|cadeau|nouveau tel|nouveau portable|iphone|airpods|sac|jeu|skin|place|ongles|sneakers|baskets|vetements|fringues|maquillage|phone|gift|present)\b",
        *_GIVE_ANCHORS,
        judge=_offered,
    ),
]
