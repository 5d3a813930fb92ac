"""Ambushes told rather than proposed: as news, as a warning, or by the one they were proposed to.

``meeting.py`` and ``cues.py`` keep ``meet.isolated`` at a fraction of its score then.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.gate import Setting
from causette.safety.normalize import Normalized

# An ambush told as news or as a warning ("encore un guet-apens à Marseille", "le mode
# opératoire c'est toujours le même", "si vous voyez ça vous annulez") names the crime or
# gives the advice: the marks it quotes are not a proposal. "C'est pas un piège" is not.
_WARNING = re.compile(
    r"\b(?:guet[- ]?apens|traquenards?|ambush(?:ed|es)?|(?:a|un|une|the) set[- ]?up|robbed|mugged|"
    r"agress(?:e|ee|es|ees|ion|ions|eurs?)|depouille\w*|se (?:faire|sont fait|fait) (?:agresser|"
    r"voler|depouiller|tabasser|racketter)|faits? divers|aux infos|dans le journal|local news|"
    r"in the news|news story|article|mode operatoire|toujours le meme|always the same|"
    r"red flags?|warning signs?|signes? d'?alerte|(?:be (?:wary|careful|cautious|suspicious)|watch out|"
    r"careful|cancel|leave|walk away|bail|run) (?:if|when)|(?:mefie[- ]toi|mefiez[- ]vous|fais gaffe|"
    r"faites gaffe|attention|annule|annulez|pars|partez|n'?y va pas|n'?y allez pas|fuis|fuyez) (?:s'?il|si|"
    r"quand)|si (?:vous voyez|tu vois|on vous "
    r"(?:dit|propose)|quelqu'?un (?:vous|te) (?:dit|propose))|if (?:you see|someone (?:says|asks)|"
    r"anyone (?:says|asks))|mefie[zr]?[- ]?(?:vous|toi)?|beware|attention aux|sos homophobie|"
    r"porter plainte|la police (?:dit|conseille|recommande)|(?:police|cops|pd) (?:say|says|"
    r"advise|recommend|is telling|are telling))\b"
)
# The marks told by the one they were proposed to ("un mec veut me voir ce soir dans un
# parking, c'est normal ?", "he wants me to come alone"): asking for advice, not proposing.
_PROPOSED_TO_ME = re.compile(
    r"\b(?:il|elle|un mec|un gars|une meuf|une fille|quelqu'?un|le mec|le gars|l'?acheteur|le vendeur|"
    r"un acheteur|un type|the guy|a guy|he|she|someone|the buyer|the seller|this guy|a buyer)\b"
    r"(?: \w+){0,2}? (?:veut|voulait|voudrait|propose|proposait|m'?a propose|me propose|insiste|"
    r"a insiste|m'?a dit|me dit|demande|m'?a demande|wants|wanted|asked|asks|told me|tells me|says|"
    r"said|insisted|suggested|keeps asking)\b(?: \w+){0,2}? (?:me|moi|que je|qu'?on|pour que je|"
    r"i|me to|that i)\b"
)
# The marks told as something that happened to the speaker ("mon ex m'a fait le coup du gars
# qui change de lieu", "he tried to get me to come alone once") or as what the speaker avoids
# ("not a fan of meeting strangers somewhere quiet", "jamais dans un parking"): safety talk.
_TOLD_OR_AVOIDED = re.compile(
    r"\bm'?(?:a|ont|avait) fait le coup\b|\bpulled (?:that|the same|this) (?:trick|thing|move)\b"
    r"|\b(?:mon ex|mon date|un date|mon match|un match|my ex|my date|a date|a match)\b(?: \w+){0,2}? "
    r"(?:voulait|a voulu|m'?a propose|m'?a demande|wanted|tried|asked|suggested)\b"
    r"|\b(?:not a (?:big )?fan of|pas (?:tres )?fan (?:de|des|du)|(?:i )?(?:don'?t|never|wouldn'?t) "
    r"meet|i avoid|j'?evite|je prefere eviter|jamais (?:de la vie )?"
    r"(?:dans|au|a la|sous|derriere)|no way (?:i'?d|i would))\b"
    # "J'aime pas qu'on me filme", "I don't like it when people stare": a wish about what
    # others do, not a place the speaker avoids.
    r"|\b(?:(?:i )?(?:don'?t|never|wouldn'?t) like|j'?aime pas|je n'?aime pas)\b"
    r"(?! ?(?:qu'?|que |quand |it when |when |people |being |to be |etre ))"
)
_DENIED = re.compile(
    r"\b(?:pas (?:un|de) (?:piege|guet[- ]?apens|traquenard|arnaque)|not a (?:trap|set[- ]?up|scam))\b"
)


# "8 rue X, derrière le marché": a landmark that tells where a street address is, not a
# hidden spot behind something.
_LOCATOR = re.compile(
    r"\b\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|av|boulevard|bd|place|chemin|allee|quai|route|cours)"
    r"\b[^,.!?]{1,40}, (?:juste )?(?P<mark>derriere (?:le|la|les|l') ?[a-z]+)"
)


def located_behind(text: str) -> re.Match[str] | None:
    """The "derrière ..." that locates a street address in ``text`` (a folded view), if any."""
    return _LOCATOR.search(text) if "derriere" in text else None


def unlocated(text: str) -> str:
    """``text`` with the landmark that locates an address blanked (offsets kept)."""
    match = located_behind(text)
    if match is None:
        return text
    start, end = match.span("mark")
    return text[:start] + " " * (end - start) + text[end:]


def warned_about(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message tells of ambushes as news or advice rather than proposes one.

    The message itself, the sender's last lines, and in a room anyone's last three (a
    public thread about the news); in private the other's words do not count, so a worried
    "c'est pas un guet-apens ?" does not excuse the answer."""
    lines = [norm.folded.text, *map(folded, context.recent_from_sender[-2:])]
    if context.setting is Setting.ROOM:
        lines.extend(map(folded, context.recent[-3:]))
    if _PROPOSED_TO_ME.search(norm.folded.text) or _TOLD_OR_AVOIDED.search(norm.folded.text):
        return True
    return any(_WARNING.search(line) and not _DENIED.search(line) for line in lines)


# Guests for a party or a gathering ("une dizaine, mon cousin sera là aussi", "c'est
# l'anniv de ma soeur, ses potes viendront"): others coming is the point of the evening,
# not a group hidden behind a date.
_GATHERING = re.compile(
    r"\b(?:fetes?|party|parties|5 a 7|cinq a sept|apero\w*|anniv\w*|cremaillere|barbecue|bbq|"
    r"pique[- ]nique|picnic|potluck|housewarming|birthday|mariage|wedding|bapteme|reunion de famille|"
    r"family (?:gathering|reunion)|repas de famille|(?:une )?(?:dizaine|quinzaine|vingtaine|trentaine)"
    r"(?: de (?:personnes|invites|potes|amis))?|du monde|plein de monde|beaucoup de monde|pas mal de monde|"
    r"plus on est de fous|tout le monde (?:sera|vient|viendra)|(?:lots|a bunch|loads) of people|"
    r"the whole (?:gang|crew|family)|tous les invites|les invites)\b"
)


def gathering(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message or the conversation's last lines are about a party with guests."""
    lines = [norm.folded.text, *map(folded, context.recent[-4:])]
    return any(_GATHERING.search(line) for line in lines)
