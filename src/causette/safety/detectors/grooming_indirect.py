"""Grooming steps said in other words than an order or a plain question.

Secrecy stated as what the others must not know or see, a relationship kept hidden, the
parents' absence given as the time to meet, sexual and "are you alone" questions put
indirectly. ``grooming.py`` scans these with its own rules, in one pass.
"""

from __future__ import annotations

from causette.safety.detectors.phrases import TES_PARENTS
from causette.safety.detectors.rules import Rule, rule
from causette.safety.detectors.voice import secrecy_voice

# Whom a secret is kept from, as the subject of "must not know".
_KEPT_FROM = (
    rf"(?:{TES_PARENTS}|ta (?:mere|maman|soeur|famille|copine|prof)|ton (?:pere|papa|frere|copain|prof)|"
    r"tes (?:potes|amis|amies|copines|copains|profs|freres|soeurs)|les autres|ta meuf|ton mec)"
)
_KEPT_FROM_EN = (
    r"(?:(?:your|ur) (?:parents|mom|mum|mother|dad|father|family|friends|sister|brother|teachers?|"
    r"bf|gf|boyfriend|girlfriend)|they|the others)"
)
# Secrecy stated as what the others must not know, rather than as an order not to tell: any
# modal, any negation ("tes parents ont pas besoin de savoir", "ta mère doit jamais
# l'apprendre", "mieux vaut que tes parents sachent pas", "no one can know about us", "your mom
# doesn't need to know"), "pas un mot à ...", "keep this to yourself", "delete this after".
KNOWING: list[Rule] = [
    rule(
        "secrecy",
        0.85,
        rf"\b{_KEPT_FROM} (?:ne |n'?)?(?:ont|a|doivent|doit|devraient|devrait|vont|va|peuvent|peut|"
        r"sauront|saura|auront|aura) (?:pas|jamais|surtout pas|rien) (?:besoin |a |d'?)?(?:de |d'?)?"
        r"(?:le |l'|en |nous |rien )?(?:savoir|sav|etre au courant|apprendre|decouvrir|voir|lire|"
        r"entendre parler)\b"
        rf"|\b(?:mieux vaut|vaut mieux|faut) que {_KEPT_FROM} (?:ne )?(?:le |l'|en )?(?:sachent|sache|"
        r"voient|voie|apprennent|apprenne|soient au courant|soit au courant) (?:pas|rien|jamais)\b"
        rf"|\bpas un mot (?:a|aux) (?:personne|{_KEPT_FROM})\b",
        "besoin",
        "savoir",
        "courant",
        "apprendre",
        "decouvrir",
        "voir",
        "lire",
        "entendre",
        "sachent",
        "sache",
        "voient",
        "voie",
        "apprenne",
        "pas un mot",
        judge=secrecy_voice,
    ),
    rule(
        "secrecy",
        0.85,
        r"\b(?:no ?one|nobody) (?:else )?(?:can|should|must|needs to|has to|will|is going to|gets to|"
        r"is allowed to|may)? ?(?:ever )?(?:know|find out|hear about|see this|learn)\b"
        r"(?! (?:the (?:difference|answer)|for sure|yet|better|anything about it))"
        rf"|\b{_KEPT_FROM_EN} (?:can'?t|cannot|can never|shouldn'?t|should never|mustn'?t|must never|"
        r"don'?t need to|doesn'?t need to|do not need to|does not need to|won'?t ever|will never|"
        r"never need to|can'?t ever) (?:ever )?(?:know|find out|hear about|see (?:this|these|it)|learn)\b"
        r"|\bkeep (?:this|it|that|us|our chats?|what we (?:say|do)) (?:to yourself|secret|a secret|"
        r"on the (?:down ?low|dl)|hush(?:[- ]hush)?|from (?:your|ur) (?:parents|mom|mum|dad|family))\b"
        r"|\b(?:delete|erase|clear) (?:this|it|everything|all of (?:it|this)|the whole (?:chat|thing)|"
        r"these) (?:after|once|right after) (?:reading|you(?:'ve)? read (?:it|this)|we talk|we'?re done|"
        r"tonight|you see it)\b",
        "know",
        "find out",
        "hear about",
        "see",
        "learn",
        "keep",
        "delete",
        "erase",
        "clear",
        judge=secrecy_voice,
    ),
    # What the others will not see or know, in the future: "comme ça tes parents verront
    # rien", "so your parents can't check it".
    rule(
        "secrecy",
        0.8,
        rf"\b{_KEPT_FROM} (?:ne |n'?)?(?:le |l'|en |y )?(?:verront|verra|sauront|saura|liront|lira|"
        r"decouvriront|decouvrira|remarqueront|remarquera|captent|captera|capteront) (?:rien|jamais|pas)\b"
        rf"|\bso (?:that )?{_KEPT_FROM_EN} (?:can'?t|cannot|won'?t|don'?t|will never|never|wouldn'?t) "
        r"(?:check|see|know|find|read|look at|track)\b",
        "verront",
        "verra",
        "sauront",
        "saura",
        "liront",
        "lira",
        "decouvrir",
        "remarquer",
        "capte",
        "so ",
        judge=secrecy_voice,
    ),
    # A secret relationship, a friendship kept hidden: "ton copain secret", "I'll be your
    # secret boyfriend", "let's keep our friendship private".
    rule(
        "secrecy",
        0.75,
        r"\b(?:secret|hidden|cachee?|secrete?) (?:boyfriend|girlfriend|bf|gf|relationship|romance|"
        r"lover|copain|copine|relation|histoire|amoureux|amoureuse|cheri|cherie)\b"
        r"|\b(?:ton|ta|your|ur|notre|our) (?:copain|copine|amoureux|amoureuse|boyfriend|girlfriend|"
        r"relation|histoire|amitie|friendship|relationship) (?:secrete?|cachee?|secret|hidden)\b"
        r"|\bkeep (?:our|this|the) (?:friendship|relationship|chats?|talks?|thing) (?:private|secret|"
        r"hidden|low[- ]?key|on the down ?low|between us)\b"
        r"|\bgarder (?:notre (?:relation|amitie|histoire)|ca|nous) (?:secrete?|cachee?|secret|discret|"
        r"pour nous)\b",
        "secret",
        "hidden",
        "cache",
        "keep",
        "garder",
        judge=secrecy_voice,
    ),
    # When the parents are away, as the time proposed: "come over when your parents are at
    # work", "quand tes parents sont au boulot".
    rule(
        "alone.check",
        0.8,
        r"\bwhen (?:your|ur) (?:parents|mom|mum|dad|folks) (?:are|is|r|get|go) (?:at work|out|away|gone|"
        r"asleep|not (?:home|there|around)|to (?:bed|sleep|work))\b"
        rf"|\bquand {TES_PARENTS} (?:ne )?(?:sont|est|seront|sera) (?:au (?:travail|boulot|taf)|partis?|"
        r"absente?s?|pas la|sortie?s?|couchee?s?|en (?:voyage|vacances|deplacement))\b"
        rf"|\bquand {TES_PARENTS} (?:travaillent|travaille|bossent|bosse|dorment|dort|partent|part)\b"
        r"|\bwhat time (?:do|does|will) (?:you|u) (?:get|come) (?:back|home|out)\b",
        "when",
        "quand",
        "what time",
    ),
    # Sexual questions in other words: an older partner, touching oneself, underwear,
    # a bra size.
    rule(
        "sexual.probe",
        0.75,
        r"\b(?:have|did) (?:you|u) ever (?:touched|touch) (?:yourself|urself)\b|\bdo (?:you|u) (?:ever )?"
        r"touch (?:yourself|urself)\b"
        r"|\b(?:what'?s|what is|whats) (?:your|ur) (?:bra|cup) size\b|\b(?:ta|quelle|quel) (?:taille|tour) de "
        r"(?:soutif|soutien[- ]gorge|bonnet|poitrine)\b|\btu fais (?:quel|quelle) (?:bonnet|taille de soutif\w*|"
        r"taille de soutien[- ]gorge)\b"
        r"|\b(?:are|r) (?:you|u) wearing (?:anything|something) (?:under|underneath)\b|\btu portes "
        r"(?:quelque chose|qqch|un truc) (?:en )?dessous\b",
        "touch",
        "size",
        "taille",
        "tour de",
        "bonnet",
        "wearing",
        "dessous",
    ),
    rule(
        "sexual.probe",
        0.6,
        r"\b(?:like|into|been with|dated|date|kissed|aimes|kiffes|deja ete avec|deja sorti avec|sortir avec|"
        r"deja embrasse) (?:an |a |des |les |un |une )?(?:older|plus (?:ages?|agees?|vieux|vieilles?|murs?)) "
        r"(?:guys?|men|man|boys?|women|woman|girls?|hommes?|mecs?|gars|femmes?|filles?)\b"
        r"|\b(?:like|into|been with|dated|date|kissed|aimes|kiffes|deja ete avec|deja sorti avec|sortir avec|"
        r"deja embrasse) (?:an |a |des |les |un |une )?(?:guys?|men|man|boys?|women|woman|hommes?|mecs?|gars|"
        r"femmes?) (?:plus (?:ages?|agees?|vieux|vieilles?|murs?)|d'?age mur|older (?:than you|than u))\b",
        "older",
        "plus age",
        "plus vieu",
        "plus vieille",
        "plus mur",
        "age mur",
    ),
    # Flattery measured against the age: "so grown up for 14", "belle pour 13 ans".
    rule(
        "flattery",
        0.7,
        r"\b(?:you'?re|ur|u r|you are|you look|you seem|t'?es|tu es|t es|tu fais|t'?as l'?air|tu parais|"
        r"tu sembles)(?: \w+){0,2}? (?:grown[- ]up|mature|pretty|beautiful|gorgeous|cute|hot|sexy|developed|"
        r"tall|smart|wise|belle|jolie|mignonne|canon|bonne|developpee?|formee?|grande?|mure|intelligente?) "
        r"(?:for|pour) (?:your age|ur age|(?:a |an )?\d{1,2}(?:[- ]years?[- ]old)?\b|ton age|\d{1,2} ans|"
        r"une (?:fille|gamine|ado) de \d{1,2}|(?:une|ta) (?:4e|3e|5e|6e|seconde|collegienne|lyceenne))",
        " for ",
        " pour ",
    ),
    # Setting the other against friends and family: "ils te méritent pas".
    rule(
        "isolation",
        0.6,
        rf"\b(?:ils|elles|{_KEPT_FROM}) (?:ne )?te (?:meritent|merite) pas\b"
        rf"|\b(?:they|{_KEPT_FROM_EN}) (?:don'?t|do not|doesn'?t|does not) deserve (?:you|u)\b",
        "meritent",
        "merite",
        "deserve",
    ),
    # Checking that nobody is there, as a question about a parent's whereabouts.
    rule(
        "alone.check",
        0.75,
        r"\b(?:are |r |is )?(?:your|ur) (?:parents|mom|mum|dad|folks|family|mother|father) "
        r"(?:asleep|sleeping|home|out|away|at work|gone|around|in bed|back)(?: yet| now| rn| tonight| already)?\s*\?"
        r"|\b(?:is )?(?:anyone|anybody|someone) (?:else (?:home|around|there)|(?:else )?(?:there )?"
        r"with (?:you|u))(?: rn| now| right now)?\s*\?",
        "parents",
        "mom",
        "mum",
        "dad",
        "folks",
        "family",
        "mother",
        "father",
        "anyone",
        "anybody",
        "someone",
    ),
]
