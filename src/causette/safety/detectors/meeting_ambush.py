"""Ambush marks of a meeting in later wordings, scanned with the rules of ``meeting.py``.

The place given only once it is too late to check it, nobody to know where one goes, friends
already waiting, the place kept back until the person is on the way, derelict places named in
English, money to bring.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.meeting_ordinary import habit_or_permission, proposed_place
from causette.safety.detectors.rules import Rule, rule
from causette.safety.normalize import Normalized

# The speaker saying they will come alone ("je peux venir seule ?", "on va venir seuls") tells
# of themselves; "dis-lui de venir seul", "faut qu'il vienne seul" tell someone else to.
_SELF_BEFORE = re.compile(r"\b(?:je|j'?|on|nous|moi)\b(?: \w+){0,2} $")


def _told_to_come_alone(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    before = norm.folded.text[max(0, match.start() - 40) : match.start()]
    if _SELF_BEFORE.search(before[-30:]) or habit_or_permission(before):
        return None
    return ("meet.isolated", 0.8)


AMBUSH_MARKS: list[Rule] = [
    # Come alone, said of someone else or in the infinitive: "dis-lui de venir seul", "il faut
    # venir seule", "qu'il vienne seul", "make sure he comes alone", "tell him to come alone".
    rule(
        "meet.isolated",
        0.8,
        r"\b(?:venir|vienne|viennent|viendra|viendras|viendrez) (?:toute? )?seule?s?\b(?!,? (?:ou|or) (?:avec|accompagne\w*|with|en groupe|pas))|\b(?:(?:tell|ask|get) (?:him|her|them) to|make sure (?:he|she|they)) (?:come|comes|show up|shows up) (?:alone|by (?:him|her|them)sel(?:f|ves)|on (?:his|her|their) own)\b",
        "venir",
        "vienne",
        "viendr",
        "tell",
        "ask",
        "make sure",
        "get",
        judge=_told_to_come_alone,
    ),
    # The phone left behind, said of someone else ("qu'il laisse son tel dans la voiture"):
    # no call for help, no photo, no location.
    rule(
        "meet.isolated",
        0.7,
        r"\b(?:laisse|laisser|laisses|laissez|laissent) (?:son|sa|leur|ton|ta|votre) (?:tel|portable|telephone|phone|smartphone) (?:dans (?:la|sa|ta|leur) (?:voiture|caisse|bagnole)|(?:a|dans) la maison|chez (?:lui|elle|eux|toi|vous)|de cote)\b|\b(?:eteigne|eteignent|eteindre) (?:son|sa|leur) (?:tel|portable|telephone|geoloc|localisation)\b|\b(?:leave|leaves) (?:his|her|their) phone (?:in the car|at home|behind)\b",
        "laisse",
        "eteign",
        "eteindre",
        "leave",
    ),
    # By the water: walks, picnics and concerts are held there; it counts with the night,
    # with "come alone" and the other cues (cues.py), and alone is only noted.
    rule(
        "meet.isolated",
        0.35,
        r"\b(?:au )?bord (?:du canal|de l'?eau|du lac|de la riviere|des quais)\b",
        "bord",
    ),
    # Where, only once it is too late to tell anyone or to check the place: the address
    # sent on the way, at the last minute, at an hour.
    rule(
        "meet.isolated",
        0.7,
        r"\b(?:t'?envoie|te donne|te dirai|t'?enverrai|te file|t'?ecris|te passe|te dis) (?:l'?adresse(?: exacte)?|la localisation|la loc|le lieu|l'?endroit(?: exact)?|la position|le point de (?:rdv|rendez-vous)|ou c'?est) (?:(?:quand|une fois (?:que )?|des que )(?:t'?es|tu es|tu seras|t'?seras|t'?arrives|tu arrives|tu descends|t'?y es|tu y es)|une fois (?:sur place|la[- ]bas|descendue?)|au dernier moment|sur place|en route|(?:a|vers) \d|dans le (?:tram|bus|metro|train|rer))|\bprefere (?:te (?:la|le) (?:donner|dire|envoyer) )?au dernier moment\b|\b(?:i'?ll|i will|will) (?:message|text|send|tell|dm|give|ping) (?:you )?(?:the )?(?:exact )?(?:spot|address|location|place|pin) (?:at \d|(?:when|once) (?:you|u)\b|last minute|on the way)|\bhead (?:towards?|to|down to) the (?:river|canal|woods|forest|tracks|docks|old \w+)\b|\bi'?ll (?:send|drop) (?:you )?a (?:pin|location) (?:when|once)\b|\bi'?ll tell you where to go\b|\bje te dirai ou aller\b",
        "envoie",
        "donne",
        "dirai",
        "enverrai",
        "file",
        "ecris",
        "passe",
        "dis",
        "dernier moment",
        "spot",
        "address",
        "location",
        "place",
        "pin",
        "head",
        "tell",
    ),
    # Nobody to know where you go: no word to a friend ("come on foot" is a cue, cues.py).
    rule(
        "meet.isolated",
        0.7,
        r"\b(?:no need|don'?t need|you don'?t have|pas besoin|pas la peine|inutile) (?:to tell|de (?:le )?dire a|d'?en parler a|de prevenir) (?:anyone|anybody|a friend|your friends|personne|qui que ce soit|tes potes|tes amis|ta pote|ton pote)\b|\b(?:ne )?previens personne\b|\b(?:don'?t|do not|never) tell (?:anyone|anybody|your (?:friends?|mates|parents|mum|mom|family)|ur (?:friends|mom|mum|parents)) (?:where (?:you'?re|you are|u r|ur) going|where we'?re meeting|about (?:us meeting|tonight|the meet))\b|\b(?:dis|dites) (?:pas|rien) a (?:tes|vos) (?:potes|amis|parents|copines?) (?:ou|que) (?:tu vas|vous allez|on se voit|tu viens)\b",
        "no need",
        "don't need",
        "dont need",
        "have",
        "besoin",
        "peine",
        "inutile",
        "previens",
        "tell",
        "dis",
        "dites",
    ),
    # Friends already there, waiting: the "date" is a group. A brother waiting with the
    # keys is an errand: a friend sent instead only counts, below acting alone.
    rule(
        "meet.isolated",
        0.75,
        r"\b(?:je t'?attends?|on t'?attend|ils? t'?attend\w*) avec (?:des|mes|un|deux|2|trois|3|mon|ma) (?:potes?|amis?|gars|mecs?|cousins?|freres?|reufs?|potos?|kheys?)\b|\b(?:my|some) (?:friends|mates|buddies|boys) (?:will|are going to) (?:be )?(?:wait|waiting)\b",
        "attend",
        "wait",
    ),
    rule(
        "meet.isolated",
        0.5,
        r"\b(?:mon|un|des|mes) (?:pote|ami|cousin|frere|reuf|gars|potes|amis|cousins|freres|mecs) (?:il |ils )?(?:t'?attendr\w+|t'?attend(?:ent)?|te recupere\w*|t'?ouvrira|va t'?(?:ouvrir|attendre)|vont t'?attendre)\b|\b(?:a|my) (?:friend|mate|buddy|cousin|bro) (?:will|is going to) (?:be )?(?:wait|waiting)\b",
        "attend",
        "recupere",
        "ouvri",
        "wait",
    ),
    # The place kept back until the person is on the way, said place first ("le lieu je te
    # le dirai quand tu seras à la gare").
    rule(
        "meet.isolated",
        0.7,
        r"\b(?:le lieu|l'?adresse(?: exacte)?|l'?endroit(?: exact)?|la loc\w*|le point de (?:rdv|rendez-vous)|the (?:address|place|spot|location))\b[^.!?]{0,15}?\b(?:je te l[ea]|je te l'?|i'?ll (?:send|give|tell) (?:it|you))\s?(?:dirai|donnerai|enverrai|envoie|donne|dis|filerai)?\b[^.!?]{0,12}?\b(?:(?:quand|une fois|des que|when|once) (?:que )?(?:tu|t'|you|u)\b|au dernier moment|sur place|en route|last minute|on the way)",
        "lieu",
        "adresse",
        "endroit",
        "loc",
        "point de",
        "address",
        "place",
        "spot",
        "location",
    ),
    # Places, named in English, where no one sees: squats, derelict buildings.
    rule(
        "meet.isolated",
        0.65,
        r"\b(?:squat|abandoned (?:building|house|factory|warehouse|lot|station)|boarded(?:[- ]up)? (?:windows|building|house)|derelict|waste ?(?:land|ground)|(?:building|construction) site|industrial (?:estate|park|zone)|under the (?:bridge|underpass)|back of the (?:car park|parking lot|park|woods)|rest (?:area|stop)|lay-?by)\b",
        "squat",
        "abandoned",
        "boarded",
        "derelict",
        "waste",
        "site",
        "industrial",
        "under the",
        "back of",
        "rest",
        "lay",
    ),
    # Lonely passages, named in English: an underpass, a towpath, a back alley, the canal.
    # A run along the towpath is a walk told of, so only a meeting there counts.
    rule(
        "meet.isolated",
        0.65,
        r"\b(?:(?:the|an|that) underpass|towpath|tow path|(?:by|along|down by|at) the canal|canal "
        r"(?:path|bank)|back alley|alleyway|railway arches|(?:under|by) the (?:railway|viaduct|flyover))\b",
        "underpass",
        "towpath",
        "tow path",
        "canal",
        "alley",
        "arches",
        "railway",
        "viaduct",
        "flyover",
        judge=proposed_place,
    ),
    # What is to be brought: money, at a meeting with a stranger (alone it only counts:
    # "I'll bring cash on saturday" for a bike is a sale).
    rule(
        "meet.isolated",
        0.45,
        r"\b(?:ramene|ramener|prends|prendre|apporte|amene|prevois) (?:ton |ta |du |de l'?|des )?(?:liquide|cash|especes|carte (?:de banque|bancaire|bleue)|cb|billets)\b|\bbring (?:the |some )?(?:cash|money|your card)\b|\b(?:pas de|no) (?:virement|bank transfer|transfer|paypal|lydia)\b",
        "ramene",
        "prends",
        "prendre",
        "apporte",
        "amene",
        "prevois",
        "bring",
        "virement",
        "transfer",
        "paypal",
        "lydia",
    ),
]
