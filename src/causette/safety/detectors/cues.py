"""Ambush cues that mean little alone and much together.

An isolated place, the night, "come alone", money to bring, a public place refused, a face
not shown, someone keeping watch or waiting to jump them, a false front (a persona, "say my
brother's gonna pick it up"): a meeting between adults has one of these now and then; an
ambush or a robbery arranged in a chat puts two or more side by side, in one message or
across the sender's last few. Each kind of cue is a family of wordings, and ``meet.isolated``
is raised with a score that grows with the number of distinct kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import ahocorasick

from causette.safety.context import MessageContext
from causette.safety.detectors.meeting_ordinary import (
    alone_unordered,
    own_payment,
    schedule_end,
)
from causette.safety.detectors.meeting_warnings import unlocated, warned_about
from causette.safety.detectors.phrases import folded
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_CUES: dict[str, re.Pattern[str]] = {
    # A place out of sight.
    "place": re.compile(
        r"\b(?:cote (?:foret|bois|riviere|canal|voie ferree)|au fond (?:du|de la) \w+|dans (?:les|le) bois|"
        r"en foret|dans la foret|(?:un|le|au|dans un|dans le) (?:coin|endroit) (?:sans lumiere|sombre|"
        r"pas eclaire|isole|tranquille|discret|ou personne)|sans lumiere|pas eclaire\w*|(?:plus|pas) de lumiere|dernier (?:etage|niveau) du \w+|(?:au |le |\d+e )sous[- ]sol|cimetiere|cemetery|graveyard|chemin (?:forestier|de terre)|(?:forest|dirt) (?:road|track)|(?:railway|rail|old) bridge|railway (?:line|tracks|arches)|\w+ abandonnee?s?|carrieres?|quarry|un hall|le hall|"
        r"dans (?:un|le|mon) (?:hall|local|garage|box|sous[- ]sol|parking|entrepot|hangar|cave)|"
        r"cage d'?escaliers?|sous (?:le|un) pont|back (?:gate|door|entrance|alley)|under (?:the|a) bridge|chemin de halage|bout du chemin|terrain vague|chantier|friche|parking (?:souterrain|desert|vide|du fond)|"
        r"derriere (?:le|la|les|l') ?\w+|(?:the )?(?:woods|forest|trail|car park|parking lot|garages?|"
        r"alley(?:way)?|underpass|stairwell|back of the \w+|behind the \w+|industrial (?:estate|park)|"
        r"abandoned \w+|warehouse|wasteland|dark (?:spot|corner|lane)|unlit \w+|by the (?:garages|tracks|"
        r"canal|river))|up the stairs|disused \w+|desaffecte\w*|(?:old|former) (?:factory|warehouse|quarry|depot)|"
        r"(?:the|a|la|une) (?:barn|grange)|(?:au|niveau) -[1-5]\b|(?:au )?bord (?:du canal|de l'?eau|du lac|"
        r"de la riviere|des quais))\b"
    ),
    # The night.
    "night": re.compile(
        r"\b(?:cette nuit|la nuit|de nuit|en pleine nuit|minuit|(?:a|vers) (?:23|0|00|1|2|3|4) ?h|"
        r"(?:23|00) ?h\d*|22 ?h ?(?:30|45)|10[:.]?(?:30|45) ?pm|(?:1|2|3|4) ?h du mat\w*|tard ce soir|at midnight|(?:11|12) ?pm|(?:1|2|3|4) ?am|"
        r"late (?:tonight|at night)|in the dark|at night|(?:after|past) midnight|after dark|once it'?s dark|"
        r"quand il fera nuit|(?:a|une fois) la nuit tombee)\b"
    ),
    # Nobody else: come alone, bring nobody, no car, no witness.
    "alone": re.compile(
        r"\b(?:viens? (?:toute? )?seule?|viens a pied|come on foot|walk there|leave (?:the|your) car|laisse (?:ta|la) voiture|(?:la|ta) voiture (?:se remarque|attire)|venez seule?s?|(?:toute? )?seule? ou (?:rien|pas|c'?est mort|"
        r"laisse tomber)|ramene personne|n'?amene personne|t'?amenes? personne|sans (?:personne|ton pote|"
        r"tes potes|voiture|ta voiture|ton frere)|pas de voiture|(?:y aura|il y aura|y'?aura) (?:que nous|"
        r"personne)|(?:y'? ?a|il y a) (?:jamais |pas |plus )?(?:personne|un chat)|personne (?:ne |n'?y )?(?:vient|viendra|passe|passera|nous verra|monte|va)|come (?:alone|by yourself|on "
        r"your own)|alone or (?:nothing|no deal|forget it)|(?:don'?t|do not) bring (?:anyone|anybody|your "
        r"(?:car|friend|friends|brother|mate)|a friend)|personne (?:autour|dans le coin)|no one (?:comes|will see|around|else)|nobody (?:comes|goes there|"
        r"around|will see)|(?:no one|personne (?:ne )?(?:va|vient)) (?:goes )?(?:there|la[- ]bas)|just (?:you and me|the two of us)|"
        r"(?:nobody|no one) (?:uses|goes to|comes to|is ever at) (?:it|there|that place)|"
        r"(?:walk|marche) (?:the rest|from there|jusqu'?a)|park at the end)\b"
    ),
    # Money to bring to the meeting.
    "money": re.compile(
        r"\b(?:ramene|ramenes|ramener|prends|prendre|apporte|apporter|amene|amener|emmene|emmener|bring|"
        r"take) (?:ta |ta propre |your |some |du |de "
        r"la |des |le )?(?:carte bleue|cb|carte bancaire|cash|liquide|especes|thune|tunes|billets|"
        r"money|wallet|bank card)\b|\b(?:t'?as|tu as|tu auras|t'?auras) combien (?:d'?argent |de thune |de cash |de liquide )?sur (?:toi|vous)\b|\bhow much (?:cash|money) (?:do|will) (?:you|u) (?:have|carry|bring)\b|\b(?:au |par le |the )?(?:distributeur|atm|cash machine)\b|\ben "
        r"(?:especes|liquide)\b|\bin cash\b|\bcash only\b|\b(?:pay|paying|payer|paie|paye|payes|payez) (?:in |en |him |her |them )?"
        r"(?:cash|liquide|especes)\b"
    ),
    # The safe choice refused: a café, a video call, a face.
    "refused": re.compile(
        r"\b(?:(?:je veux |on fait )?pas de (?:cafe|bar|resto|lieu public|endroit public)|trop de (?:gens|monde)|(?:les |le |un |au )?(?:cafes?|bars?|pubs?|restos?|lieux? publics?|endroits? publics?|gares?|"
        r"centre commercial)\b[^.!?\n]{0,20}\b(?:c'?est |trop |too )(?:trop )?(?:expose|visible|public|"
        r"crowded|risque|de monde)|trop expose|not (?:a|the) (?:pub|bar|cafe|public place)|nah i don'?t do "
        r"that|pas de (?:visio|facetime|appel video)|no (?:video|facetime|face ?time|video call)|(?:je )?"
        r"(?:montre|montrerai) (?:pas|jamais) ma (?:tete|gueule|face|tronche)|(?:don'?t|never) show my face|"
        r"no face|(?:je )?(?:prefere|veux) pas (?:me montrer|montrer ma (?:tete|tronche|gueule)|envoyer de photos?)|"
        r"pas de photos? de (?:moi|ma tete)|(?:j'?aime pas|je veux pas|pas) qu'?on me (?:filme|prenne en photo)|"
        r"pas de (?:tel|telephone|portable) (?:a|dans) la main|no filming|(?:don'?t|no) film(?:ing)? me|no (?:pics|photos|face pics) of me|(?:don'?t|i don'?t) (?:do|send) face pics)\b"
    ),
    # Hurry and last-minute changes: no time to think or to tell anyone.
    "hurry": re.compile(
        r"\b(?:viens maintenant|(?:ce soir|aujourd'?hui|tonight|today) ou jamais|(?:tonight|today) or never|"
        r"(?:la |maintenant )?tout de suite|right now|si tu viens pas (?:maintenant|tout de suite|vite)|maintenant ou jamais|"
        r"c'?est maintenant ou|sinon c'?est mort|t'?as \d+ ?min|viens vite|depeche[- ]toi|grouille[- ]toi|"
        r"(?:non|nan|nah|finalement|au final|en fait|actually|change of plans?),? (?:plutot |rather )?(?:ce soir|maintenant|cette nuit|rejoins[- ]?moi|retrouve[- ]?moi|viens plutot|meet me|on se (?:voit|retrouve)|"
        r"tonight|now|ailleurs|somewhere else|go to|viens a|va a|rdv a)|now or never|right now or|hurry up)\b"
    ),
    # Others waiting, watching or tracking ("on sera plusieurs" is a party, too, alone).
    "watch": re.compile(
        r"\b(?:on sera (?:plusieurs|a plusieurs|entre potes|avec des potes)|fait le guet|faire le guet|font le guet|guetteur|my (?:lads|boys|mates) are (?:already )?"
        r"there|mes (?:gars|potes|reufs) (?:sont|seront) (?:deja )?la|les gars du (?:quartier|hall|bat) "
        r"\w+|(?:send|share) (?:me )?your (?:live )?location|live location|(?:envoie|partage)[- ]?moi ta "
        r"(?:position|localisation|loc)|(?:ta|ta position en) (?:position|localisation) en direct|"
        r"(?:three|four|five|[3-9]) of us|on sera (?:deux|trois|quatre|cinq|[2-9]) (?:a l'?attendre|derriere|"
        r"cache\w*|planques?)|we(?:'ll| will)? (?:wait|be waiting|hide)(?: for (?:him|her|them)| on the other side| "
        r"(?:round|around) the corner| out of sight| in the (?:car|van|bushes|dark))|"
        r"on (?:l'?attend|l'?attendra|le chope|la chope|se planque|se cache)|won'?t (?:even )?see it coming|"
        r"(?:il|elle|ils) (?:ne )?(?:verra|verront) rien venir|on (?:va )?(?:le|la|les|l') ?(?:piege|pieger)\b|"
        r"(?:le|la|les) pieger|on (?:va )?(?:le|la|les|l') ?(?:coince|coincer|"
        r"choper|serrer|depouiller|plumer|racketter|tabasser|encercler)|we(?:'ll| will| can)? (?:jump|rob|"
        r"corner|mug|rush|surround) (?:him|her|them)|on (?:l'?|le |la |les )attend(?:ra)? (?:a|en) (?:trois|quatre|cinq|"
        r"plusieurs|groupe|bande|[3-9]))\b"
    ),
    # No camera to see it. Said of a car park after a break-in too: it counts like the night,
    # only next to another kind.
    "unseen": re.compile(
        r"\b(?:(?:y'? ?a|il y a|y aura|il y aura) (?:pas|aucune|plus|jamais) (?:de )?(?:cameras?|videosurveillance|"
        r"video surveillance)|pas de (?:cameras?|videosurveillance)|sans (?:cameras?|videosurveillance)|aucune camera|"
        r"(?:les )?cameras? (?:marchent|fonctionnent) pas|no (?:cameras?|cctv)|(?:cameras?|cctv) (?:don'?t|doesn'?t|"
        r"can'?t) (?:work|cover|see))\b"
    ),
    # A false front to bring the person: a persona, a stand-in, a story so they suspect nothing.
    "bait": re.compile(
        r"\b(?:(?:(?:fais|faites)[- ](?:toi|vous)|(?:se|te|on se|je me) (?:fait|faire|fais)) passer pour "
        r"(?:une?|sa|son) (?:meuf|fille|nana|femme|mec|gars|acheteu\w+|vendeu\w+|client\w*|mineure?|ado)|"
        r"pretend(?:ing)? (?:to be|you'?re|you are|i'?m) (?:a|an|his|her) (?:girl|woman|guy|buyer|seller|"
        r"client|kid|teen)|(?:say|tell him|tell her|dis[- ]lui) (?:my|your|a|que (?:mon|ton|ta)) "
        r"(?:brother|sister|friend|cousin|mate|frere|soeur|pote|cousin)(?:'?s| is| va| viendra)? ?(?:gonna|going to|"
        r"recuperer|chercher|passer)? ?(?:pick|come|collect)?|pour qu'?(?:il|elle|ils) (?:ne )?se mefie\w* pas|"
        r"so (?:he|she|they) (?:doesn'?t|don'?t|won'?t) get suspicious|on (?:le|la|les) (?:fait|fera) venir|"
        r"(?:le|la|les) faire venir|get (?:him|her|them) to come)\b"
    ),
}
# Words one of which every match of a kind contains: one Aho-Corasick pass says which kinds
# may be present, so most lines run no expression at all. The night is looked for only once
# another kind is there, since it counts only next to one.
_ANCHORS: dict[str, tuple[str, ...]] = {
    "place": (
        "foret", "bois", "riviere", "canal", "voie ferree", "au fond", "coin", "endroit",
        "lumiere", "eclaire", "hall", "local", "garage", "box", "sous", "parking", "entrepot",
        "hangar", "cave", "escalier", "terrain", "chantier", "friche", "derriere", "woods",
        "forest", "trail", "car park", "alley", "underpass", "stairwell", "back of", "behind",
        "industrial", "abandoned", "warehouse", "wasteland", "dark", "unlit", "by the",
        "up the stairs", "halage", "bout du chemin", "pont", "back", "bridge", "abandonne", "dernier", "cimetiere", "cemetery", "graveyard", "chemin", "road",
        "track", "railway", "rail",
        "carriere", "quarry", "disused", "desaffecte", "old", "former", "barn", "grange",
        "au -", "niveau -", "bord",
    ),
    "alone": (
        "seul", "a pied", "on foot", "walk there", "the car", "your car", "laisse", "se remarque", "attire", "personne", "sans ", "voiture", "que nous", "come ", "alone", "bring",
        "no one", "nobody", "just you", "the two of us", "walk", "marche", "park at",
    ),
    "money": (
        "carte", "cb", "cash", "liquide", "especes", "thune", "tune", "billet", "money",
        "wallet", "bank card", "distributeur", "atm", "sur toi", "sur vous", "how much", "pay",
        "paie", "paye",
    ),
    "refused": (
        "expose", "visible", "public", "crowded", "risque", "de monde", "not a", "not the",
        "i don", "pas de", "trop de", "visio", "facetime", "video", "tete", "gueule", "face", "tronche",
        "montrer", "photo", "pics", "filme", "la main", "film",
    ),
    "hurry": (
        "maintenant", "si tu viens", "sinon c", "min", "vite", "depeche", "grouille", "non",
        "nan", "nah", "au final", "finalement", "en fait", "actually", "change of plan", "now or", "right now",
        "hurry", "tout de suite", "ou jamais", "or never",
    ),
    "watch": (
        "guet", "on sera", "lads", "boys", "mates", "gars", "potes", "reufs", "location", "position",
        "localisation", "loc", "of us", "wait", "hide", "jump", "on l", "le chope", "la chope",
        "planque", "cache", "see it coming", "rien venir", "coince", "choper", "serrer",
        "depouiller", "plumer", "racketter", "tabasser", "encercler", "jump", "rob", "corner", "mug",
        "rush", "surround", "piege",
    ),
    "bait": (
        "passer pour", "pretend", "say", "tell", "dis", "mefie", "suspicious", "venir", "to come",
    ),
    "unseen": ("camera", "cctv", "videosurveillance", "video surveillance"),
}  # fmt: skip
_WOKEN: dict[str, tuple[str, ...]] = {}
for _kind, _words in _ANCHORS.items():
    for _word in _words:
        _WOKEN[_word] = (*_WOKEN.get(_word, ()), _kind)
_AUTOMATON: Any = ahocorasick.Automaton()
for _word, _kinds_of_word in _WOKEN.items():
    _AUTOMATON.add_word(_word, _kinds_of_word)
_AUTOMATON.make_automaton()
# Cues of the sender's recent messages are counted with the message's own.
_LOOKBACK = 4


# Kinds that mean little even next to one other: counted only beside a strong one.
_WEAK = frozenset({"night", "unseen"})


def _found(text: str, night: bool = False) -> dict[str, re.Match[str]]:
    """The first match of each kind of cue in ``text`` (a folded view); the night too when
    another kind is there, or when ``night`` asks for it."""
    text = unlocated(text)
    woken = {kind for _, kinds in _AUTOMATON.iter(text) for kind in kinds}
    found: dict[str, re.Match[str]] = {}
    for kind in woken:
        match = _CUES[kind].search(text)
        if match is None or (kind == "money" and own_payment(text, match.start())):
            continue
        if kind == "alone" and alone_unordered(text, match.start(), match.end()):
            continue  # "most people come alone", "is it ok to come alone?"
        found[kind] = match
    if found or night:
        # The end of a schedule ("de 19h à minuit", "jusqu'à minuit") is no late meeting.
        late = next(
            (m for m in _CUES["night"].finditer(text) if not schedule_end(text[: m.start()])), None
        )
        if late is not None:
            found["night"] = late
    return found


def _kinds(text: str) -> set[str]:
    return set(_found(text, night=True))


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """``meet.isolated`` when the message adds an ambush cue to others from the same sender."""
    found = _found(norm.folded.text)
    if not found:
        return
    kinds = set(found)
    for earlier in context.recent_from_sender[-_LOOKBACK:]:
        kinds |= _kinds(folded(earlier))
    # The night alone is any evening out; it counts only next to another kind.
    strong = kinds - _WEAK
    if not strong:
        return
    in_message = len(set(found) - _WEAK)
    if len(strong) >= 3 or (len(strong) >= 2 and (in_message >= 2 or kinds >= _WEAK)):
        score = 0.8
    elif len(strong) >= 2 or ("place" in strong and "night" in kinds) or kinds >= _WEAK:
        score = 0.65
    elif len(kinds) >= 2:
        # The night next to one other cue ("too many people, tonight"): noted, not acted on.
        score = 0.55
    else:
        # One cue alone is any evening out; the phrase rules score the telling ones.
        return
    if warned_about(norm, context):
        score = round(score * 0.4, 3)  # the news, or advice quoting an ambusher's words
    first = min(found.values(), key=lambda m: m.start())
    yield Signal("meet.isolated", score, norm.folded.span(first.start(), first.end()))
