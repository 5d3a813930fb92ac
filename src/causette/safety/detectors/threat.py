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
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# Laughter, or the ordinary reasons friends "threaten" each other (a spoiled series).
_LAUGHING = re.compile(rf"\b{LAUGH}|\b(?:haha|hihi|spoil\w*|jk)|x+d+\b")
_JOKE_MARKS = frozenset("😂🤣😆😅😜😝😛")


def _banter(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    text = norm.folded.text
    laughing = _LAUGHING.search(text) is not None or not _JOKE_MARKS.isdisjoint(norm.original)
    return ("threat", 0.4 if laughing else 0.8)


_RULES = RuleSet(
    [
        rule(
            "threat",
            0.8,
            r"\bje (?:vais|vas|v|vé|vai|te jure que je vais|vais venir) (?:te |t'|t )?(?:tuer|buter|defoncer|crever|egorger|planter|frapper|cogner|casser (?:la gueule|les dents|les jambes)|retrouver|trouver|faire (?:la peau|du mal|payer|regretter|souffrir)|bruler|saigner|violer|exploser|eclater|niquer ta (?:mere|race|gueule)|detruire|briser|pourrir la vie|massacrer|etrangler|abattre|fumer|allumer|shlass|schlass)\b",
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
            r"\b(?:t'?es|tu es|t es) (?:un homme |une femme )?morte?\b|\btu vas (?:mourir|crever|le (?:regretter|payer)|payer|souffrir|morfler|prendre cher|finir a l'hopital|finir dans un sac)\b|\bton heure (?:va )?arrive|\bon va (?:te |t')(?:retrouver|trouver|faire la peau|defoncer|tuer|buter|attendre)|\b(?:fais|fait) gaffe a (?:toi|ta gueule|tes fesses)\b|\bgare a toi\b|\bt'?as interet a (?:te cacher|courir|faire gaffe)\b",
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
            "heure",
            "on va",
            "gaffe",
            "gare",
            "interet",
            judge=_banter,
        ),
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
        ),
        rule(
            "threat",
            0.8,
            r"\b(?:i'?(?:ll|m going to|m gonna| will) (?:kill|hurt|find|beat|stab|shoot|end|destroy) (?:you|u)|(?:you'?re|ur|you are) (?:dead|gonna die|going to die)|i know where (?:you|u) live|watch (?:your|ur) back|(?:you'?ll|you will) regret (?:this|it))\b",
            "kill",
            "hurt",
            "find",
            "beat",
            "stab",
            "shoot",
            "end",
            "destroy",
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
        rule(
            "threat.sextortion",
            0.9,
            r"\b(?:or (?:else )?i'?ll|or i will) (?:show|send|post|share|tell|leak)\b|\bsinon je (?:montre|envoie|balance|publie|diffuse|dis tout|fais tourner|poste)\b",
            "or else",
            "or i",
            "sinon je",
        ),
    ]
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Threats and sextortion."""
    yield from _RULES.scan(norm, context)
