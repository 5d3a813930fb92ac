"""Doxxing calls: others sent against a third person, or asked to watch them.

Four kinds of call, each a family of wordings in French and English:
- to tell someone an insult or an accusation ("tell her she's ugly", "dites-lui que c'est un
  pédo", "message his manager and say he's a racist");
- to flood what someone posted ("go to her latest vid and flood it", "spammez son dernier
  post");
- to write to someone's employer, school or landlord ("message his manager", "écrivez à son
  patron");
- to watch a person and report ("jette un œil et dis-moi à quelle heure elle rentre", "tell me
  if she's with someone").
Each is a ``doxx.request``: with a detail of the person in the conversation, the policy's
``doxxing.call`` holds.
"""

from __future__ import annotations

import re

from causette.safety.detectors.doxx_pranks import pranked
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_INSULT_EN = (
    r"(?:ugly|fat|gross|disgusting|worthless|pathetic|stupid|dumb|trash|a joke|a loser|loser|"
    r"a freak|a slut|a whore|a racist|racist|a nazi|a pedo|a paedo|a pedophile|a paedophile|"
    r"a predator|a creep|a liar|a thief|a scammer|a fraud|an abuser|a rapist|a groomer|nobody|"
    r"unwanted|a waste of space|an idiot|a cheat|a cheater)"
)
_INSULT_FR = (
    r"(?:moche|laide?|grosse?|degueulasse|degueu|immonde|nulle?|une? merde|une? dechet|une pute|"
    r"une salope|une? raciste|raciste|une? nazie?|une? pedo|une? pedophile|une? predateur|"
    r"une? violeur|une? voleu(?:r|se)|une? menteu(?:r|se)|une? escroc|une? arnaqueu(?:r|se)|"
    r"une? harceleu(?:r|se)|une? cas soc|une? boloss?e?|une? grosse vache|une? thon|une? mytho)"
)
_THIRD = r"(?:she|he|they|his \w+|her \w+|their \w+)"
# Watching: with or without an object; the person or their home as the object.
_WATCH = (
    r"\b(?:jete\w* un (?:oeil|coup d'?oeil)|garde\w* un oeil|surveille\w*|guette\w*|espionne\w*|"
    r"epie\w*|planque\w*|passe\w* devant|keep an eye|watch|stake out|spy on|drive (?:past|by))\b"
)
_WATCH_THEM = (
    r"\b(?:(?:surveille|guette|espionne|epie|suis|suivez|surveillez|guettez)[- ]?(?:la|le)|"
    r"(?:garde|gardez|jette|jetez) un (?:oeil|coup d'?oeil) (?:sur|a) (?:elle|lui|sa maison|son "
    r"immeuble|chez (?:elle|lui))|passe\w* devant chez (?:elle|lui)|keep an eye on (?:her|him)\b"
    r"(?! kids| children| dog| cat)|watch (?:her|his|their) (?:place|house|flat|door|building)|"
    r"stake out (?:her|his|their)|spy on (?:her|him)|drive (?:past|by) (?:her|his|their) "
    r"(?:place|house|flat))"
)
_WITH_WHOM = (
    r"(?:\bavec qui (?:il|elle) (?:est|sort|rentre|part|dort|parle)|\bsi (?:il|elle) (?:est|rentre|"
    r"sort) avec (?:quelqu'?un|un mec|une meuf|un gars|une fille|un homme|une femme)|"
    r"\bwho (?:he|she)(?:'s| is) with|\bif (?:he|she)(?:'s| is) with (?:someone|anyone|a guy|a man|"
    r"a girl|a woman|somebody))\b"
)
_WHEN = (
    r"(?:\ba quelle heure (?:il|elle)|\b(?:what time|when) (?:he|she) (?:gets|comes|goes) "
    r"(?:home|back|in|out))\b"
)
_CALLS: dict[str, re.Pattern[str]] = {
    # "tell her she's ugly", "message his boss and say he's a racist", "dis-lui qu'elle est
    # moche", "écrivez-lui que c'est un voleur".
    "insult": re.compile(
        rf"\b(?:tell|message|msg|dm|text|email|write to|comment|reply|call|contact|remind)\b"
        rf"(?: (?:on |under |to )?(?:her|him|them|his \w+|her \w+|their \w+))?(?: and (?:say|tell (?:her|him|them)|"
        rf"let (?:her|him|them) know))?(?: that)? {_THIRD}(?:'s| is|'re| are| was) "
        rf"(?:such |so |really |a total |fucking |ugly |fat )?{_INSULT_EN}\b"
        rf"|\b(?:dis|dites|ecris|ecrivez|envoyez|envoie|repetez|rappelez|mettez|commentez|"
        rf"allez (?:lui|leur) dire)[- ]?(?:lui|leur)? (?:bien )?(?:que |qu'?)(?:elle|il|ils|elles|"
        rf"c'?est|son \w+|sa \w+) ?(?:est|sont|c'?est)? (?:un |une |trop |vraiment |grave |qu'une? )?"
        rf"{_INSULT_FR}\b"
    ),
    # "go to her latest vid and flood it", "spammez son dernier post", "raid his stream".
    "flood": re.compile(
        r"\b(?:go (?:to|on)|head (?:to|over to)|hit up|allez (?:sur|voir)|va (?:sur|voir)|"
        r"passez sur) (?:his|her|their|son|sa|ses|leur|leurs) [^.!?]{0,30}?\b(?:and|et) "
        r"(?:flood|spam|raid|bomb|swarm|trash|mass[- ]report|report|hate on|ratio|dislike|"
        r"pourri\w*|spamme\w*|inonde\w*|signale\w*|insulte\w*|harcele\w*|defonce\w*)"
        r"|\b(?:flood|spam|raid|swarm|mass[- ]report|dislike[- ]bomb|ratio|brigade|pourrisse[zr]?|"
        r"pourri[rs]|spamme[rz]|inonde[rz]|signalez en masse|harcele[rz]) (?:his|her|their|son|sa|ses|"
        r"leur|leurs) (?:\w+ )?(?:vids?|videos?|posts?|stream|channel|reels?|tiktoks?|story|"
        r"stories|lives?|photos?|pics?|selfies?|chaine|publications?|tweets?)\b"
    ),
    # "message his manager", "écrivez à son patron", "contacte sa boîte"; a school or a club
    # only to report or complain ("call his school, he forgot his lunch" is a parent's).
    "employer": re.compile(
        r"\b(?:message|msg|dm|email|e-mail|text|call|ring|write to|contact|tag|reach out to|"
        r"complain to|report (?:him|her|them) to)(?: (?:to )?(?:his|her|their)) "
        r"(?:manager|boss|employer|hr|workplace|company|landlord)\b"
        r"|\b(?:complain to|report (?:him|her|them) to|tag) (?:his|her|their) (?:school|uni|"
        r"university|college|teacher|principal|headteacher|church|club|coach)\b"
        r"|\b(?:ecri(?:s|vez|re)|contacte[rz]?|appele[rz]?|appelle[rz]?|previen[st]|prevenez|"
        r"signale[rz]?|envoye[rz]?|envoie|mailez|harcele[rz]?) (?:a |au |aux )?(?:son|sa|ses|leur) "
        r"(?:patron\w*|boss|cheffe?|manager|employeur|rh|boite|entreprise|taf|boulot|proprio|"
        r"bailleur)\b|\b(?:signale[rz]?|harcele[rz]?|denonce[rz]?)(?:[- ](?:le|la|les))? (?:a |au |aux )?(?:son|sa|ses|"
        r"leur) (?:ecole|lycee|college|fac|proviseur|directeur|directrice|club|coach)\b"
    ),
    # Watching a person and reporting who they are with, or when they come home.
    "watch": re.compile(
        rf"{_WATCH}[^.!]{{0,80}}?{_WITH_WHOM}|{_WATCH_THEM}[^.!?]{{0,60}}?{_WHEN}"
        rf"|\b(?:(?:tu peux|tu pourrais|vous pouvez|peux[- ]tu|can you|could you) (?:\w+ )?me dire|"
        rf"dis[- ]moi|dites[- ]moi|tiens[- ]moi au courant|tenez[- ]moi au courant|tell me|"
        rf"let me know)\b[^.!?]{{0,30}}?{_WITH_WHOM}"
    ),
}
# Only the calls whose literals a line holds are searched (``Screen``).
_SCREEN = Screen(_CALLS)


def called(norm: Normalized) -> Signal | None:
    """``doxx.request`` when the message sends others against a person or asks to watch one."""
    for view in norm.scanned:  # leetspeak and spaced-out letters too ("m0che", "f l o o d")
        found = _SCREEN.search(view.text)
        if found:
            match = min(found.values(), key=lambda m: m.start())
            return Signal("doxx.request", 0.7, view.span(match.start(), match.end()))
    return pranked(norm)  # deliveries sent to someone's home, their line flooded
