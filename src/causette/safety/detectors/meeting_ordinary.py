"""Meeting marks that are ordinary by their frame: judges for the rules of ``meeting.py``.

"I'll come alone" is the speaker's own plan, "come alone" an order; "de 19h à minuit" is a
schedule and "14 € après minuit" a rate, "à minuit" alone a late meeting; "on se gare au
parking" is where the car goes; "derrière le cordon" is behind a barrier, and "on est derrière
la gare" says where one is now. Each judge keeps the mark where its frame is missing.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

# Under the risk's "seen" (0.4): counted in the score, never a stage of a sequence.
NOTED = 0.3

# The speaker, or the speaker and company, as the one who comes alone: "I'll come alone",
# "can I come alone?", "we'll come alone", "I'd rather come alone".
_SELF_BEFORE = re.compile(
    r"\b(?:i|i'?ll|i'?d|i'?m|we|we'?ll|we'?d|we'?re|can i|could i|should i|shall i|may i)\b"
    r"(?: \w+){0,3} $"
)


# Coming alone as what people usually do, or asked about as a permission: "most people come
# alone the first time", "lots of us came alone", "is it ok to come alone?", "la plupart
# viennent seuls", "c'est bizarre de venir seule ?" (folded text up to "come"/"venir").
_HABIT_BEFORE = re.compile(
    r"(?:\b(?:most|many|lots of|plenty of|a lot of|some|half|all|the other|other) (?:people|folks|"
    r"of us|of them|members|newcomers|participants|girls|guys|women|men|hikers|runners)|\b(?:most|"
    r"many|loads|lots|plenty|people|newcomers|lots of people)|\bis it (?:ok|okay|fine|alright|"
    r"all right|normal|weird|cool|possible|allowed|a problem)(?: for (?:me|us))? to|\b(?:la plupart|"
    r"beaucoup|pas mal|plein|la majorite)(?: (?:des gens|du monde|de gens|de monde|d'?entre nous|"
    r"des filles|des participants|des membres|des nouveaux))?|\b(?:les gens|les nouveaux|les "
    r"nouvelles)|\bc'?est (?:ok|bon|possible|grave|bizarre|normal|genant) (?:pour moi )?de|"
    r"\best-?ce (?:que|qu'?) (?:je|j'?|on) (?:peux|peut|pourrai\w*))"
    r" (?:(?:usually|often|always|just|also|actually|normally|generally|tend to|d'?habitude|souvent|"
    r"toujours|en general|generalement|aussi|juste) )*$"
)
# A choice, not an order: "come alone or bring a friend", "come alone or with someone".
_OR_WITH_AFTER = re.compile(r",? (?:or|ou) (?:with|bring|avec|accompagne\w*|en groupe|a plusieurs)")


def habit_or_permission(before: str) -> bool:
    """Whether the folded text up to a "come alone" says people's habit or asks leave."""
    return _HABIT_BEFORE.search(before[-40:]) is not None


def alone_unordered(text: str, start: int, end: int) -> bool:
    """Whether the "come alone" at ``text[start:end]`` is the speaker's own plan, people's
    habit, a leave asked, or one choice of two: no order to come unaccompanied."""
    before = text[max(0, start - 40) : start]
    return bool(
        _SELF_BEFORE.search(before)
        or habit_or_permission(before)
        or _OR_WITH_AFTER.match(text, end)
    )


def self_alone(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for "come alone" told to someone, not said of oneself, of people's
    habit, nor asked as a permission."""
    said = match.group()
    if said.startswith("come alone") and alone_unordered(match.string, match.start(), match.end()):
        return None
    return ("meet.isolated", 0.75)


# The end of a span of hours, a closing time or a rate: "de 19h à minuit", "jusqu'à minuit",
# "until midnight", "le bar ferme à minuit", "14 € après minuit" (the text up to the hour).
_SCHEDULE_BEFORE = re.compile(
    r"(?:\b(?:de|from) \d{1,2} ?(?:h|heures?|pm)\d{0,2} ?|jusqu'? ?|\b\d{1,3} ?(?:€|e|eur|euros?|\$)? ?"
    r"|\b(?:ferme|fermes|ferment|fermeture|ouvert|ouverte|ouvre|ouvrent|finit|finis|fini|termine|"
    r"terminent|closes|close|open|opens|until|till|ends?) (?:\w+ )?)"
    r"(?:(?:a|apres|to|till|until|at|after|past) )?$"
)


def schedule_end(before: str) -> bool:
    """Whether the late hour after ``before`` (folded text) ends a schedule or prices one."""
    return _SCHEDULE_BEFORE.search(before[-30:]) is not None


def scheduled_night(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for a late hour that is not the end of a schedule or a rate."""
    said = match.group()
    lead = said.rsplit(" ", 1)[0] + " " if " " in said else ""
    if schedule_end(match.string[max(0, match.start() - 30) : match.start()] + lead):
        return ("meet.isolated", NOTED)
    return ("meet.isolated", 0.5)


# What one stands behind that hides nothing: a police cordon, a barrier, a counter, a window.
_BARRIER_AFTER = re.compile(
    r"derriere (?:le|la|les|l') ?(?:cordons?|barrieres?|barrages?|rubalise|vitres?|vitrines?|"
    r"comptoirs?|bar|caisses?|guichets?|rideaux?|ecrans?|volant|file|foule|policiers|barricades?)\b"
)
# Where one is, lives or works now: "on est derrière la gare", "j'habite derrière la mairie".
_PRESENT_BEFORE = re.compile(
    r"\b(?:je suis|jsuis|j'?suis|chui|on est|nous sommes|vous etes|ils sont|on se trouve|"
    r"j'?habite|on habite|il habite|elle habite|je vis|je bosse|je travaille|c'?est situe\w*|"
    r"se trouve)(?: \w+)? $"
)
# The car parked: "on se gare au parking du Zénith", "je me gare dans le parking".
_PARKING_CAR = re.compile(
    r"\b(?:se|me|te|nous|vous) gar\w*(?: \w+)? $|\bstationn\w*(?: \w+)? $|\bpark (?:the|my|our) car $"
)


def ordinary_place(said: str, before: str) -> float | None:
    """The score a place mark keeps when its frame is ordinary (``said`` the folded mark,
    ``before`` the folded text just before it), or None when it is not."""
    if said.startswith("derri"):
        if _BARRIER_AFTER.match(said):
            return 0.0
        if _PRESENT_BEFORE.search(before):
            return NOTED
    elif ("parking" in said or "garage" in said) and _PARKING_CAR.search(before):
        return NOTED
    return None


def place(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for an out-of-sight place, less where its frame is ordinary."""
    before = match.string[max(0, match.start() - 30) : match.start()]
    kept = ordinary_place(match.group(), before)
    if kept is None:
        return ("meet.isolated", 0.55)
    return ("meet.isolated", kept) if kept > 0 else None


# The speaker as the one who pays, in cash, for a service or a purchase: "je vous paie en
# espèces ou lydia ?", "I'll pay cash". The ambush's money is what the other is told to bring.
_PAYER_BEFORE = re.compile(r"\b(?:je|j'|on|nous|i|i'?ll|i can|i will|we|we'?ll)\b(?: \w+){0,3} $")


def own_payment(text: str, start: int) -> bool:
    """Whether the money cue at ``start`` of ``text`` (folded) is the speaker paying."""
    return _PAYER_BEFORE.search(text, max(0, start - 30), start) is not None


# Where one studies, lives or works, described: "le campus est loin de tout mais sympa", "mon
# village est paumé", "our office is in an industrial zone" (the text up to the mark). A place
# told of, not a place to meet, unless the message invites there.
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:le|la|l'|mon|ma|notre|nos|mes|son|sa|leur|ton|ta|the|my|our|their|his|her|your) ?"
    r"(?:campus|fac|universite|ecole|lycee|college|iut|village|bled|ville|quartier|maison|appart\w*|"
    r"residence|bureau|boulot|taf|travail|boite|usine|entreprise|ferme|hameau|gite|camping|hotel|"
    r"labo|site|coloc|house|flat|town|school|office|university|uni|workplace|neighbou?rhood|farm)s?"
    r"(?: \w+){0,3}? (?:est|etait|sont|c'?est|se trouve|is|was|are|'?s) (?:(?:un peu|vraiment|trop|"
    r"assez|tellement|super|carrement|a bit|really|so|quite|pretty|kind of|dans une?|en|in an?) )*$"
)
_INVITED = re.compile(
    r"\b(?:viens|venez|rejoins|rejoignez|on se (?:voit|retrouve|rejoint)|rdv|rendez-vous|je t'?attends|"
    r"come|meet (?:me|there|up)|join me|see you there)\b"
)


def described_place(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for an out-of-the-way place, noted only when it describes where the
    speaker studies, lives or works and no one is invited there."""
    text = match.string
    if _DESCRIBED_BEFORE.search(text, max(0, match.start() - 60), match.start()) and not (
        _INVITED.search(text)
    ):
        return ("meet.isolated", NOTED)
    return ("meet.isolated", 0.65)


# A home or a past event before the place: "c'était chez la dame au bout de l'impasse", "ma
# tante habite au bout de la rue", "le colis était au bout de l'allée" (folded, up to the mark).
_TOLD_OF_BEFORE = re.compile(
    r"\b(?:c'?etait|etait|etaient|j'?ai|on a|il a|elle a|ils ont|habite\w*|vit|vivent|vivait|"
    r"demeure|chez (?:la|le|les|un|une|mon|ma|mes|son|sa|ses|leur|nos) \w+|(?:la|sa|leur|une) maison|"
    r"lived|lives|was|were)\b"
)
_MEETING_ASKED = re.compile(
    r"\b(?:viens|venez|rejoins|rejoignez|retrouve|retrouvons|attends|gare[- ]toi|garez|passe|"
    r"va|allez|rdv|rendez-vous|ce soir|cette nuit|demain|a \d{1,2} ?h|vers \d{1,2} ?h|seule?|"
    r"come|meet|wait|tonight|bring|collect|pick (?:it|me|you) up|drop (?:it )?off|(?:at|like|around) "
    r"\d{1,2}(?: ?pm)?)\b"
)


def proposed_place(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for a lonely passage (an underpass, a towpath, a back alley) where
    someone is asked to come or bring something; noted only when it is a walk told of."""
    if _MEETING_ASKED.search(match.string):
        return ("meet.isolated", 0.65)
    return ("meet.isolated", NOTED)


def end_of_street(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for the end of a dead end or an alley, noted only when the message
    tells where someone lives or where something was, and no one is asked to come."""
    text = match.string
    # A named dead end ("au bout de l'impasse des Glycines") is a spot anyone can find.
    if _NAMED_AFTER.match(text, match.end()):
        return ("meet.isolated", 0.7)
    if _TOLD_OF_BEFORE.search(text, max(0, match.start() - 80), match.start()) and not (
        _MEETING_ASKED.search(text)
    ):
        return ("meet.isolated", NOTED)
    return ("meet.isolated", 0.7)


_NAMED_AFTER = re.compile(r" (?:(?:des|du|de la|de|saint|st) \w|(?:de l'|d')\w)")


# The listener in the message, or an "on" that includes them: "viens chez un pote", "on ira
# chez mon cousin", "je t'emmène chez une amie".
_LISTENER = re.compile(r"(?:\b(?:tu|toi|vous|on|you|u|we)\b|\bt'|\bte\b)")


def friends_place(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """``meet.isolated`` for a meeting at a friend's place; noted only when the speaker tells
    of their own evening there ("soirée chez une pote"), the listener not in it."""
    text = match.string
    if _LISTENER.search(text) or _MEETING_ASKED.search(text):
        return ("meet.isolated", 0.55)
    return ("meet.isolated", NOTED)
