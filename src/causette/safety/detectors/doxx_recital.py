"""Doxxing said to the person: their workplace, hours, route or home recited back to them.

Two kinds of fact in one statement, or any after the listener refused the contact, say "I
have been watching you". Also decides whether the listener refused the contact, which
raises the doxxing family's other threats.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_judges import STREET
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_EN_STREET = (
    r"(?:[a-z]+ ){1,2}(?:street|road|rd|lane|avenue|crescent|close|drive|terrace|grove|gardens|"
    r"court|mews)"
)
# Someone's life recited back to them ("tu bosses à la boulangerie Ducros, tu finis à 13h30
# et tu prends la ligne 4"): each kind of fact is a family of wordings; two kinds in one
# statement say "I have been watching you".
_RECITED: dict[str, re.Pattern[str]] = {
    "work": re.compile(
        r"\b(?:tu (?:bosses|travailles|taffes|bossais|travaillais|enseignes|donnes (?:des )?cours)|"
        r"vous (?:travaillez|bossez|enseignez)|"
        r"you (?:still |now |also |always |usually )?(?:work|worked|teach|taught))\b\s+(?:\w+\s+){0,2}?(?:a|au|aux|chez|dans|en|at|for|in)\b"
    ),
    "hours": re.compile(
        r"\b(?:tu (?:finis|sors|termines|commences|rentres|pars|arrives|debauches|quittes|ouvres|"
        r"fermes|embauches)|vous (?:finissez|sortez|terminez|commencez|rentrez|partez|arrivez|"
        r"quittez|ouvrez|fermez|embauchez)|you (?:finish|leave|get off|start|get home|clock off|"
        r"clock on|open up|open|close up)|(?:lets?|let) (?:you|u) (?:out|off|go))\b[^.!?]{0,25}?"
        r"\b(?:a|vers|at|around) \d{1,2} ?(?:h|:|pm|am)|"
        r"\b(?:le|les|tous les|chaque|on|every) (?:lundis?|mardis?|mercredis?|jeudis?|vendredis?|"
        r"samedis?|dimanches?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|"
        r"sundays?)\b|\b(?:every (?:night|morning|evening|day)|tous les (?:soirs|matins|jours|midis))\b"
    ),
    "route": re.compile(
        r"\b(?:tu (?:prends|reprends|descends|attends)|vous (?:prenez|descendez|attendez)|"
        r"you (?:take|catch|get off))\b[^.!?]{0,15}"
        r"\b(?:bus|ligne|tram|metro|rer|train|line|\d{1,3})\b|"
        r"\b(?:tu te gares|tu gares ta|you (?:still |always |usually )?park)\b|"
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
        rf"\b(?:tu (?:habites|vis|loges|dors|demeures)|vous (?:habitez|vivez|logez|dormez|demeurez|"
        rf"residez)|you live)\b\s+(?:au|a|aux|en|dans|on|at|in)\b|"
        rf"\b\d{{1,4}}\s?(?:bis|ter)?,?\s+{STREET}\b|\b(?:interphone|digicode|\d+e etage)\b|"
        r"\b(?:premier|deuxieme|troisieme|quatrieme|cinquieme) etage\b|"
        # An English address, a house number with its road, a flat.
        rf"\b\d{{1,4}}[a-z]? {_EN_STREET}\b|\b{_EN_STREET}\b[^!?]{{0,50}}?\bnumber \d{{1,4}}\b|"
        rf"\bnumber \d{{1,4}}\b[^!?]{{0,50}}?\b{_EN_STREET}\b|\bflat \d{{1,3}}[a-z]?\b"
    ),
    # The listener's house described: its door, gate, shutters.
    "door": re.compile(
        r"\b(?:green|red|blue|white|black|yellow|grey|gray|wooden|broken|rusty|vert|verte|rouge|bleu|"
        r"bleue|blanc|blanche|noir|noire|jaune|gris|grise|cassee?|rouillee?)\s(?:front )?(?:door|gate|"
        r"fence|shutters|hedge|porte|portail|volets|haie|boite aux lettres)\b|\b(?:door|gate|porte|"
        r"portail|volets|shutters) (?:vert|verte|rouge|bleue?|blanc|blanche|noire?|jaune|grise?|en bois|"
        r"cassee?|rouillee?)\b"
    ),
    # The listener's car, where it stood, its plate, its dent.
    "car": re.compile(
        r"\b(?:your|ur|ta|ton|votre) (?:\w+ ){0,2}?(?:car|van|bike|motorbike|scooter|voiture|caisse|bagnole|"
        r"moto|fiesta|corsa|clio|polo|golf|twingo|208|308|c3|yaris|mini|megane|micra|punto|panda|"
        r"focus|astra|zoe|sandero|qashqai)\b[^.!?]{0,30}?\b(?:parked|outside|plate|reg|dent|scratch|"
        r"garee?|devant|en bas|plaque|immat\w*|rayure|bosse|stationne\w*|parking|car park|"
        r"derriere|behind)\b"
    ),
    # What the listener wears at work or on the way: "t'as un tablier vert", "your red coat".
    "dress": re.compile(
        r"\b(?:t'?as|tu as|tu portes|tu portais|t'?avais|vous portez|vous aviez|you wear|you wore|"
        r"you had|you have) (?:un|une|le|la|ton|ta|tes|ce|cette|a|an|the|your|that) (?:\w+ )?"
        r"(?:tablier|blouse|uniforme|gilet|veste|manteau|casquette|bonnet|robe|apron|uniform|"
        r"tabard|lanyard|jacket|coat|hoodie|scarf)\b"
    ),
    # The listener's workplace placed by a landmark: "la boulangerie en face de la mairie".
    "shop": re.compile(
        r"\b(?:la|le|l'|ta|ton|the|your) (?:boulangerie|patisserie|pharmacie|boutique|magasin|"
        r"supermarche|salon|cafe|bar|tabac|resto|restaurant|creche|bakery|pharmacy|shop|pub|office|"
        r"surgery|vets?)\b[^.!?,]{0,20}?\b(?:en face (?:de|du)|a cote (?:de|du)|au coin (?:de|du)|"
        r"next to|opposite|across from|on the corner)\b"
    ),
    # An intimidation beside it: "be careful", "I pay attention", "j'en sais beaucoup".
    "warning": re.compile(
        r"\b(?:be careful|watch (?:yourself|your back|out)|careful what you|i know (?:a lot|everything|"
        r"more than you think)|i pay attention|i notice (?:things|everything)|i see everything|"
        r"fais (?:gaffe|attention)(?: a toi| a ce que)?|je vois tout|je remarque tout|j'?en sais "
        r"(?:beaucoup|plus que tu crois|des choses)|je sais (?:beaucoup de|bien des|des) choses|je sais (?:beaucoup|tout) (?:de|sur) (?:toi|vous)|"
        r"tu devrais (?:me repondre|etre (?:plus )?gentille?|faire attention)|you should (?:reply|"
        r"answer|be nice)|see you (?:soon|at \d))\b"
    ),
    "post": re.compile(
        r"\b(?:caisse|guichet|rayon|poste|till|checkout|room|salle|bureau|office) (?:n ?°? ?)?\d+\b(?![ .]?\d)"
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
    r"tu me fais peur|vous me faites peur|comment (?:tu (?:sais|connais)|vous (?:savez|connaissez|"
    r"avez)|avez[- ]vous|savez[- ]vous)|je (?:vous|t'?) ?interdis|qui etes[- ]vous|"
    r"(?:je n'?ai|j'?ai) (?:pas|jamais) (?:donne|mis) mon nom|qui (?:t'?a|vous a) donne|je vais porter plainte|"
    r"leave me alone|stop (?:messaging|texting|contacting|writing to) me|(?:i|we) blocked you|"
    r"don'?t (?:contact|message|text) me|you'?re scaring me|how do you know|who gave you|"
    r"stay away from (?:me|my)|i'?ll call the police|who is this|(?:please )?stop (?:messaging|"
    r"texting|contacting|writing)|(?:i'?m|i am) not interested|(?:je suis |suis )?pas interesse\w*|"
    r"(?:i'?m|i am) (?:reporting|blocking) (?:you|this)|it'?s a no|c'?est non|"
    r"(?:i'?m|i am) not (?:really )?looking for (?:anything|anyone|something)|"
    r"je (?:ne )?cherche (?:rien|personne)|je (?:vais )?(?:te |vous )?(?:signale\w*|"
    r"bloque\w*)|arrete\w* de (?:m'?ecrire|me parler|me contacter))\b"
)


def refused(context: MessageContext) -> bool:
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


_ELLIPTIC = re.compile(
    r"(?:^|[,;:.(] ?)(?:works?|working|bosse|travaille|taffe) (?:at|in|for|a|au|aux|chez|dans)\b"
    r"|(?:^|[,;:.(] ?)(?:lives?|living|habite|vit|loge) (?:in|on|at|a|au|aux|dans|rue|pres|near|"
    r"behind|derriere|en face)\b"
)

_ELLIPTIC_SCREEN = Screen({"elliptic": _ELLIPTIC})

# A recital is said to the listener: a street number or an office alone addresses no one
# (a home seen, hours or a route do).
_OPENING = re.compile(
    r"(?<!tu )(?<!vous )(?<!you )\b(?:ouvert\w*|ferme\w*|horaires?|sauf le|open|opens|closed|closes|"
    r"opening hours)\b"
)
_TO_LISTENER = re.compile(r"\b(?:tu|t'|toi|ton|ta|tes|te|vous|votre|vos|you|your|ur|u)\b")


def recited(norm: Normalized, context: MessageContext) -> Signal | None:
    """The listener's workplace, hours, route or home told to them as facts."""
    text = norm.folded.text
    kinds = _RECITED_SCREEN.search(text)
    seen = _HOME_SEEN.search(text)
    if seen is not None:
        kinds["seen"] = seen
    # "Siobhan Keane, works at the Centra, lives behind the pitch": the listener's life listed
    # without a subject; a threat only once they refused the contact.
    elliptic = _ELLIPTIC_SCREEN.search(text).get("elliptic")
    if not kinds and elliptic is None:
        return None
    # Once the listener refused the contact, an address sent is theirs recited to them.
    after_refusal = refused(context)
    if not kinds:
        if elliptic is None or not after_refusal:
            return None
        kinds["elliptic"] = elliptic
    if set(kinds) <= {"home", "post", "door"} and not (after_refusal or _TO_LISTENER.search(text)):
        return None  # "Plomberie X, 22 rue ..., bureau 3": an address given, not recited to anyone
    if "hours" in kinds and _OPENING.search(text):
        del kinds["hours"]  # "ouvert 7h-19h sauf le lundi": a shop's hours, nobody's routine
    if not kinds:
        return None
    if set(kinds) == {"warning"}:
        return None  # "fais gaffe à toi" alone recites nothing
    if after_refusal:
        first = min(kinds.values(), key=lambda m: m.start())
        return Signal("doxx.threat", 0.75, norm.folded.span(first.start(), first.end()))
    # Two loose facts ("tu bosses à la Poste et tu finis à 14h") are said by friends too: they
    # count. A third, or a home, a till number or being watched, make the recital a threat.
    precise = {"home", "post", "watched", "door", "car"} & set(kinds)
    if "?" in text and not precise:
        return None  # "tu finis à quelle heure ?": a question, not a recital ("..., right?" is)
    if len(kinds) < 2:
        return None  # "tu bosses chez Decathlon, cool": one fact is small talk
    score = 0.75 if len(kinds) >= 3 or precise else 0.5
    first = min(kinds.values(), key=lambda m: m.start())
    return Signal("doxx.threat", score, norm.folded.span(first.start(), first.end()))
