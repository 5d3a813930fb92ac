"""Threats: to hurt, kill or find the other, and sextortion (publishing pictures, telling
parents). A threat followed by laughter ("je vais te tuer mdr") scores lower: banter between
friends, but still noted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import LAUGH, TES_PARENTS
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.detectors.sextortion import WAKING, WAKING_ANCHORS, extorted
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# Laughter, or the ordinary reasons friends "threaten" each other (a spoiled series, a
# game: "you stole my kill", "one more round", a respawn).
_LAUGHING = re.compile(
    rf"\b{LAUGH}|\b(?:haha|hihi|spoil\w*|jk|lmf?ao|rofl)|x+d+\b|"
    r"\b(?:my|his|her|your|ur|the|a|that|mon|ton|ma|le|un|des|mes|tes) kills?\b|\bkill ?steal\w*|"
    r"\b(?:respawn\w*|spawn ?kill\w*|team ?kill\w*|headshot\w*|noobs?|lobby|ranked|gg|"
    r"(?:one more|next|last|another) (?:round|game|match)|(?:une autre|la prochaine|derniere) (?:partie|game|manche))\b"
)
# Laughing faces, and the skull that now means "I'm dead (of laughter)".
_JOKE_MARKS = frozenset("😂🤣😆😅😜😝😛💀☠")


def _laughing(norm: Normalized) -> bool:
    return _LAUGHING.search(norm.folded.text) is not None or not _JOKE_MARKS.isdisjoint(
        norm.original
    )


# What makes a threat earnest whatever the laughter around it: a weapon, the home, a warning
# to look behind oneself, the speaker saying they mean it.
_EARNEST = re.compile(
    r"\b(?:couteau|flingue|arme|batte|lame|knife|gun|bat|blade|ou tu (?:habites|vis|dors)|where you "
    r"(?:live|sleep)|chez toi|your (?:house|home|address)|ton adresse|dors sur tes deux|watch your "
    r"back|fais gaffe|(?:i m|im|i am) (?:serious|not joking|dead serious)|not (?:a|kidding|joking)|"
    r"je rigole pas|je plaisante pas|c est pas une blague|serieux|serieusement|for real|pour de vrai)\b"
)


def _laughed_around(norm: Normalized, context: MessageContext) -> bool:
    """The last lines of the conversation laugh, and this one says nothing earnest: between
    friends, "i'm gonna kill you, my mum washed your hoodie" answers "lmaooo keep it"."""
    if _EARNEST.search(norm.lexical.text):
        return False
    return any(_laughing(Normalized(line)) for line in context.recent[-2:])


def _banter(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    if _ordinary_sense(match, match.string):
        return None
    return ("threat", 0.4 if _laughing(norm) or _laughed_around(norm, context) else 0.8)


# The address known to send something: "je connais ton adresse, je t'envoie le colis demain".
_TO_SEND = re.compile(
    r"\b(?:(?:je|on) (?:t'?|te |vous )(?:envoie|enverrai|envoies|enverra|poste)|(?:je|on) (?:vais|va) "
    r"(?:t'?|te |vous )envoyer|pour (?:t'?|te |vous )(?:envoyer|livrer|poster))\s(?:le|la|les|l'|un|une|des|"
    r"ton|ta|tes)\s?(?:colis|carte|cadeau|courrier|invitation|lettre|faire-part|livre|paquet|fleurs|"
    r"commande)\b|\bsend you (?:the|a|an|your) (?:card|parcel|package|invite|invitation|gift|letter)\b"
)


def _known_place(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "je sais où t'habites 😂" between neighbours is banter as "je vais te tuer mdr" is.
    return ("threat", 0.4 if _laughing(norm) or _TO_SEND.search(norm.folded.text) else 0.85)


def _blackmail(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "I recorded you", with the contacts, the bitcoin or the clock, over the sender's lines.
    if not extorted(norm, context):
        return None
    return ("threat.sextortion", 0.4 if _laughing(norm) else 0.9)


# Verbs of harm after "je vais te ...", and those that can only mean killing.
_HARM = (
    r"(?:tuer|buter|defoncer|crever|egorger|planter|frapper|cogner|(?:casser|peter|exploser|eclater) "
    r"(?:la gueule|la tronche|les dents|les jambes|les genoux|les bras|le crane|la nuque)|demonter|"
    r"defigurer|faire la misere|retrouver|trouver|faire (?:la peau|du mal|payer|regretter|souffrir)|bruler|saigner|"
    r"violer|exploser|eclater|niquer ta (?:mere|race|gueule)|detruire|briser|pourrir la vie|massacrer|"
    r"etrangler|abattre|fumer|allumer|shlass|schlass)"
)
_KILL = (
    r"tuer|buter|egorger|saigner|etrangler|abattre|massacrer|violer|shlass|schlass|defoncer|planter"
)

# What follows the verb when it is not a threat: a place or time to meet, something found for
# the other ("je vais te retrouver à la gare", "je vais te trouver un cadeau", "i'm gonna find
# you a seat"), dying of laughter, paying a bill, regretting a missed concert, a game or a
# sport to beat someone at. "À la sortie" and "chez toi" stay threats.
_MEET_AFTER = re.compile(
    r" (?!a la sortie|devant chez toi|chez toi|ou que|ou tu)(?:a|au|aux|devant|chez|vers|dans|"
    r"en bas|la[- ]bas|ce soir|demain|apres|sur place|pour|un|une|des|du|quelque|qqch|qqn|"
    r"quelqu'?un|at|there|later|tonight|tomorrow|outside|near|after|by the|an|some|something|"
    r"someone|the best|good|on|sur|in|en ligne|online)\b"
)
_DIE_AFTER = re.compile(
    r" (?:de |d'|of |from |laughing\b)(?:rire|faim|froid|chaud|ennui|honte|soif|jalousie|fatigue|"
    r"envie|peur|plaisir|bonheur|laughter|boredom|hunger|embarrassment|cringe|jealousy)?"
)
_PAY_AFTER = re.compile(
    r" (?!ca\b|cher|pour ca|pour ce qu|pour tout)(?:combien|en|par|le|la|les|l'|un|une|ta|ton|tes|"
    r"pour|avec|cash|how much|for the|the|your|by|in|less|more|moins|plus|rien|nothing|half|\d)\b"
)
_REGRET_AFTER = re.compile(r" (?:si (?:tu|vous) |if (?:you|u) |quand (?:tu|vous) |when (?:you|u) )")
_GAME_AFTER = re.compile(
    r" (?:au|a la|aux|en|a|at|in) (?:\w+ )?(?:tennis|foot|basket|ping[- ]?pong|padel|badminton|"
    r"squash|golf|echecs|scrabble|uno|mario ?kart|fifa|valo\w*|fortnite|smash|belote|tarot|poker|"
    r"billard|bowling|course|partie|match|finale|revanche|jeu|game|games|ranked|1v1|duel|chess|"
    r"pool|round|quiz|karting|cartes|cards|sprint|race)\b"
)


def _ordinary_sense(match: re.Match[str], text: str) -> bool:
    """Whether the words after a threat's verb give it its ordinary sense."""
    said = match.group().rstrip()
    rest = text[match.end() : match.end() + 40]
    if re.search(r"(?:trouver|find (?:you|u)|find|get (?:you|u))$", said):
        return _MEET_AFTER.match(rest) is not None or _GAME_AFTER.match(rest) is not None
    if re.search(r"(?:mourir|crever|morte?|dead|die)$", said):
        return _DIE_AFTER.match(rest) is not None
    if re.search(r"(?:payer|pay)$", said):
        return _PAY_AFTER.match(rest) is not None
    if re.search(r"(?:regretter|regret (?:this|it))$", said):
        return _REGRET_AFTER.match(rest) is not None
    return _GAME_AFTER.match(rest) is not None


_RULES = RuleSet(
    [
        # "Je vais" and a verb of harm, aimed at someone: "te"/"lui" before it, "toi" or a
        # relative after it, or "le"/"la" before a verb of killing. Without a target the
        # same verbs are ordinary ("je vais retrouver mes clés", "je vais tuer le temps").
        rule(
            "threat",
            0.8,
            rf"\bje (?:vais|vas|v|vé|vai|te jure que je vais|vais venir) (?:(?:te |t'|t |vous |lui |leur ){_HARM}|niquer (?:ta|ta putain de) (?:mere|race|gueule)|(?:le |la |les |l')(?:{_KILL})|{_HARM} (?:toi|vous|{TES_PARENTS}|ta (?:gueule|race|famille|fille|copine|meuf|femme)|ton (?:fils|mec|copain|mari|chien|gosse)|tes (?:gosses|enfants|potes)))\b",
            "vais",
            "vas",
            "v ",
            "vé",
            "vai",
            judge=_banter,
        ),
        rule(
            "threat",
            0.8,
            r"\b(?:t'?es|tu es|t es) (?:un homme |une femme )?morte?\b|\btu vas (?:mourir|crever|(?:me )?le (?:regretter|payer)|payer|souffrir|morfler|prendre cher|finir a l'hopital|finir dans un sac|finir (?:six pieds sous terre|a la morgue|au cimetiere|en fauteuil|a l'hosto))\b|\bton heure (?:va )?arrive|\bon va (?:te |t')(?:retrouver|trouver|faire la peau|defoncer|tuer|buter|attendre)|\b(?:fais|fait) gaffe a (?:ta gueule|tes fesses)\b|\bgare a toi\b|\bt'?as interet a (?:te cacher|courir|faire gaffe)\b",
            "mort",
            "mourir",
            "crever",
            "regretter",
            "payer",
            "souffrir",
            "morfler",
            "cher",
            "hopital",
            "sac",
            "pieds",
            "morgue",
            "cimetiere",
            "fauteuil",
            "hosto",
            "heure",
            "on va",
            "gaffe",
            "gare",
            "interet",
            judge=_banter,
        ),
        # A condition and a blow: "si je te croise, je te démonte".
        rule(
            "threat",
            0.8,
            r"\bsi (?:je|on) (?:te |t')(?:croise|vois|chope|attrape|retrouve|trouve|capte|revois)\b[^.!?\n]{0,30}\b(?:je|on) (?:te |t')(?:defonce|demonte|tue|bute|casse|eclate|nique|frappe|fume|plante|egorge|massacre|pete|termine|finis|detruis|saigne|allume|fracasse)\b|\bif i (?:see|catch|find|meet) (?:you|u)\b[^.!?\n]{0,30}\bi(?:'ll| will| am going to|'m gonna) (?:kill|hurt|beat|stab|end|destroy|smash|break)\b",
            "si je",
            "si on",
            "if i",
            judge=_banter,
        ),
        # The family or the property named as the target: "ta famille va payer".
        rule(
            "threat",
            0.8,
            rf"\b(?:{TES_PARENTS}|tes gosses|tes enfants|ta copine|ta meuf|ton mec|your (?:family|kids|mom|mum|dad|wife|girlfriend|boyfriend)) (?:va|vont|will|is going to|are going to|gonna) (?:payer|souffrir|morfler|le regretter|y passer|pay|suffer|regret it|get hurt)\b|\bje (?:vais|vas|v) (?:bruler|cramer|defoncer|casser|exploser|rayer|brule|crame) (?:ta|ton|tes) (?:voiture|caisse|bagnole|maison|baraque|appart|porte|scooter|moto)\b|\bi(?:'ll| will|'m going to|'m gonna) (?:burn|smash|torch|wreck) (?:your|ur) (?:car|house|place|door)\b",
            "va",
            "vont",
            "will",
            "going to",
            "gonna",
            "vais",
            "vas",
            "v ",
            "'ll",
            judge=_banter,
        ),
        # "Fais gaffe à toi" is as often "take care" as a warning: noted, not acted on alone.
        rule("threat", 0.45, r"\b(?:fais|fait|faites) gaffe a (?:toi|vous)\b", "gaffe"),
        rule(
            "threat",
            0.85,
            r"\bje (?:sais|connais|trouverai|vais trouver) (?:ou|l'?endroit ou|ton adresse|ou est-ce que) ?(?:tu (?:habites|vis|bosses|travailles|dors|es|te caches|vas a l'ecole)|t'?habites|tu crêches)?\b|\bje sais (?:que tu|ou tu) (?:bosses|travailles|habites|vis|etudies|vas) (?:a|au|chez|dans)\b|\bje (?:vais|vas) (?:venir|passer|debarquer) (?:chez toi|a ton taf|a ton travail|a ton ecole|devant chez toi|a ton lycee|a ton college)\b",
            "sais",
            "connais",
            "trouverai",
            "trouver",
            "venir",
            "passer",
            "debarquer",
            judge=_known_place,
        ),
        rule(
            "threat",
            0.8,
            r"\b(?:i'?(?:ll|m going to|m gonna| will) (?:kill|hurt|find|beat|stab|shoot|end|destroy|hunt|get|break|strangle|choke) (?:you|u)(?: down)?|(?:make (?:you|u) pay|break (?:your|ur) (?:legs|neck|face|jaw)|beat the (?:shit|crap|hell) out of (?:you|u))|(?:you'?re|ur|you are) (?:dead|gonna die|going to die)|i know where (?:you|u) live|watch (?:your|ur) back|(?:you'?ll|you will) regret (?:this|it))\b",
            "kill",
            "hurt",
            "find",
            "beat",
            "stab",
            "shoot",
            "end",
            "destroy",
            "hunt",
            "get you",
            "break",
            "strangle",
            "choke",
            "make you",
            "beat the",
            "dead",
            "die",
            "know where",
            "watch",
            "regret",
            judge=_banter,
        ),
        rule(
            "threat.sextortion",
            0.95,
            r"\bje (?:vais|vas|v|peux|pourrais|risque de|hesiterai pas a) (?:diffuser|publier|envoyer|montrer|balancer|poster|partager|faire tourner|mettre en ligne|leak|leaker|afficher) (?:tes|ta|ton|toutes tes|les|ces|nos) (?:photos?|nudes?|videos?|vids?|conversations?|convs?|messages?|captures?|screens?|tofs?|snaps?)\b",
            "diffuser",
            "publier",
            "envoyer",
            "montrer",
            "balancer",
            "poster",
            "partager",
            "tourner",
            "en ligne",
            "leak",
            "afficher",
        ),
        rule(
            "threat.sextortion",
            0.9,
            rf"\bsi tu (?:(?:ne|n')\s?)?(?:m'?envoies|envoies|fais|payes|paies|reponds|continues|m'?obeis|obeis|le fais|acceptes)\s?(?:pas|plus)\b.{{0,60}}\bje (?:vais|vas|v|balance|publie|montre|envoie|diffuse|dis tout|le dis)\b|\bje (?:vais|vas|v) (?:tout |le |les )?(?:dire|montrer|envoyer|raconter) (?:tout )?a {TES_PARENTS}\b|\b(?:i'?ll|i will|i'?m going to) (?:post|leak|send|share|show) (?:your|ur|these) (?:pics|nudes|photos|videos|messages)\b|\bi'?ll tell (?:your|ur) (?:parents|mom|dad)\b",
            "si tu",
            "dire",
            "montrer",
            "envoyer",
            "raconter",
            "post",
            "leak",
            "send",
            "share",
            "show",
            "tell",
        ),
        rule(
            "threat",
            0.8,
            r"\b(?:kill (?:yourself|urself|yourselfs?)|kys|go die|va (?:te (?:tuer|pendre|suicider|jeter)|crever|mourir)|suicide[- ]toi|tue[- ]toi|pends[- ]toi|jette[- ]toi (?:d'?un pont|sous un train))\b",
            "kill",
            "kys",
            "die",
            "va ",
            "suicide",
            "tue",
            "pends",
            "jette",
            judge=_banter,
        ),
        rule(
            "threat",
            0.85,
            r"\bi know where (?:you|u|your|ur) (?:live|work|sleep|go to school|school is|house is|parents live)\b|\bje sais (?:ou|ou est|ou se trouve) (?:ton|ta|tes) (?:lycee|college|ecole|taf|boulot|travail|maison|appart|parents)\b",
            "know where",
            "sais ou",
        ),
        # The mass "webcam" blackmail told over several lines (``sextortion.py``).
        rule("threat.sextortion", 0.9, WAKING, *WAKING_ANCHORS, judge=_blackmail),
        rule(
            "threat.sextortion",
            0.9,
            r"\b(?:or (?:else )?i'?ll|or i will) (?:show|send|post|share|tell|leak)\b|\bsinon je (?:montre|envoie|balance|publie|diffuse|dis tout|fais tourner|poste)\b",
            "or else",
            "or i",
            "sinon je",
        ),
        # Watching, then a warning or an order: "i know a lot. be careful what you type", "je
        # sais tout sur toi", "I pay attention. maybe you should reply when I talk to you".
        rule(
            "threat",
            0.75,
            r"\b(?:i know (?:a lot|everything|things|more than you think)(?: about (?:you|u))?|(?:je sais|je "
            r"connais) (?:tout|beaucoup de choses|des choses|plein de choses|plein de trucs)(?: (?:sur|de) toi)?|"
            r"j'?en sais (?:beaucoup|long|plus que tu (?:crois|penses))(?: sur toi)?|je te surveille|"
            r"i'?m watching you)\s*[.,!]+\s*(?:be careful|watch (?:it|yourself|what)|you(?:'d| had)? better|fais gaffe|"
            r"fais attention (?:a toi|a ce que tu)|t'?as interet|tu as interet)\b|\b(?:i (?:pay attention|"
            r"notice things|see everything)|je (?:remarque|vois) tout)\s*[.,!]+\s*(?:(?:maybe|so|now|then|alors|"
            r"donc|bref) )?(?:you should|"
            r"you(?:'d| had)? better|be careful|tu devrais|tu ferais mieux|t'?as interet|fais gaffe)\b",
            "know",
            "pay attention",
            "notice",
            "see everything",
            "sais",
            "connais",
            "en sais",
            "remarque",
            "vois tout",
            "surveille",
            "watching",
            judge=_banter,
        ),
    ]
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Threats and sextortion."""
    yield from _RULES.scan(norm, context)
