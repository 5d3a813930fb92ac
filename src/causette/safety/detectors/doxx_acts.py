"""Doxxing acts: the soft, often joking calls to act on a third person's details.

The crowd is rarely told "harass her"; it is told to go and say hello. Five kinds of call,
each a family of wordings in French and English:
- a visit at the person's door: "so people can go wave", "someone should leave her a little
  gift at the door", "on devrait passer devant chez eux", "laissez-lui un petit mot sur sa
  porte";
- a wait or damage by their car or their way: "wait for him and have a word", "key it",
  "crevez-lui ses pneus", "on l'attend à la sortie";
- their inbox filled by sign-ups: "tu l'inscris à toutes les newsletters", "sign her up for
  every dating site";
- everyone ringing or writing at once: "appelez tous", "que tout le monde lui dise ...",
  "text him all night";
- the details shown to a crowd, or under the person's own posts, so that they know: "posting
  the screenshot under her videos so she knows", "so everyone can roast him", "qu'elle voie
  qu'on est tannés", "que tout le quartier sache qui c'est".
Each is a ``doxx.request``; the policy's ``doxxing.call`` holds only with a detail of the
person (an address, a number, a name, a plate) from the same sender, so the visit to a friend
("on passe devant chez eux en allant à la plage") weighs nothing alone.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_GIFT_FR = r"(?:cadeau|surprise|mot|message|colis|souvenir|paquet|bouquet)x?s?"
_GIFT_EN = r"(?:gift|present|surprise|note|message|package|parcel|souvenir|treat)s?"
_DOOR_FR = (
    r"(?:porte|paillasson|boite aux lettres|voiture|pare-brise|fenetre|chez (?:elle|lui|eux))"
)
_DOOR_EN = r"(?:door|doorstep|porch|front step|mailbox|letterbox|windscreen|windshield|car|house|place|flat)"
_BY_CROWD_EN = (
    r"(?:so (?:people|everyone|everybody|folks|y'?all|we|you|u|you guys) can|someone should|"
    r"somebody should|anyone (?:can|could|should)|we should(?: all)?|let'?s(?: all)?|y'?all should|"
    r"everyone should|feel free to|you guys should|you should all)"
)
_CALLS: dict[str, re.Pattern[str]] = {
    "visit": re.compile(
        # A gift, a note, a "surprise" left at their door: a threat dressed as a joke.
        rf"\b(?:laisser|laissez|laisse|deposer|deposez|depose|mettre|mettez|glisser|glissez)[- ]?"
        rf"(?:lui|leur)? (?:un |une |des |quelques )?(?:petit |petite |petits |petites |joli |jolie |beau )?"
        rf"{_GIFT_FR}\b[^.!?]{{0,30}}?\b(?:sur|devant|dans|a|sous) (?:sa |son |leur |la |le )?{_DOOR_FR}"
        rf"|\bleave (?:her|him|them) (?:a |an |some )?(?:little |small |nice |special |lil )?{_GIFT_EN}\b"
        rf"[^.!?]{{0,30}}?\b(?:at|on|by|in) (?:the |her |his |their )?{_DOOR_EN}\b"
        # A crowd sent to wave, knock, say hello at their place.
        rf"|\b{_BY_CROWD_EN} (?:go |come |pop |swing |drop |head )?(?:over |round |by )?(?:and )?"
        r"(?:wave|say hi|say hello|knock|ring (?:the|her|his|their) (?:door)?bell|pay (?:her|him|them) "
        r"a visit|visit (?:her|him|them)|drive (?:past|by)|drop by (?:her|his|their)|stop by (?:her|"
        r"his|their)|pop round)\b"
        r"|\b(?:wouldn'?t be hard|would be easy|be easy|won'?t be hard|not hard) to (?:call in|drop in|"
        r"pop in|pop round|swing by|stop by|come by|find (?:you|her|him)|pay (?:you|her|him) a visit)\b"
        r"|\b(?:on devrait|faut|faudrait|il faut|il faudrait|allez|venez|on va|on pourrait|vous "
        r"pouvez|tout le monde peut|qu'?on aille)\b[^.!?]{0,40}?\bpasser devant chez (?:elle|lui|eux)\b"
        r"|\b(?:sonnez|frappez|toquez) (?:tous |toutes )?(?:chez (?:elle|lui|eux)|a sa porte)\b"
    ),
    "wait": re.compile(
        r"\bwait for (?:him|her|them) (?:outside|there tomorrow|tomorrow|after (?:work|school|his|her|"
        r"their)|at (?:his|her|their|the) (?:place|door|car|work|gate|station|pump)|by (?:his|her|their|"
        r"the) (?:car|door)|and (?:have a (?:word|chat)|teach|sort|give|confront|jump|get|show))\b"
        r"|\bwait (?:outside|by|at) (?:his|her|their) (?:place|house|flat|door|car|work|school)\b"
        r"|\bkey (?:it|his car|her car|their car|the car)\b(?! in\b| into| up| out)"
        r"|\b(?:slash|pop|let down) (?:his|her|their|the) (?:tyres|tires)\b"
        r"|\bscratch (?:his|her|their) car\b"
        r"|\b(?:crever|crevez|crevons|creve)(?:[- ]lui|[- ]leur)? (?:ses|leurs|les) pneus\b"
        r"|\b(?:rayer|rayez|rayons|raye) (?:sa|leur|la) (?:voiture|caisse|bagnole|portiere)\b"
        r"|\b(?:attendez|attendons|guettez)[- ](?:le|la|les) (?:a la sortie|devant|en bas|la-bas|"
        r"a la gare|au parking|apres|demain)"
        r"|\bon (?:l'?|les )attend (?:a la sortie|devant|en bas|au parking|demain)"
    ),
    # The car marked, or the person unsettled, by whoever passes: "un petit mot sur le
    # pare-brise, une petite rayure, ça lui apprendra", "leave a note on the car", "make it
    # awkward for her, tell her people know". A clause of its own (a call, not "I'll leave a
    # note on his car"), or a scratch "to teach him".
    "mark": re.compile(
        r"(?:^|[.!;,:] |\b(?:et|and|puis|then|just|juste|genre|like) )(?:un|une|des) (?:petit |petite |"
        r"petits |petites |joli |jolie |belle )?(?:mot|message|rayure|trace|souvenir|griffure)s? "
        r"(?:sur|sous|dans) (?:le |la |les |son |sa |ses )?(?:pare-brise|pare brise|voiture|caisse|"
        r"bagnole|portiere|capot|carrosserie|essuie-glaces?)\b"
        r"|\b(?:une|des) (?:petite |petites |belle |jolie )?(?:rayures?|griffures?|bosses?)\b"
        r"[^.!?]{0,30}?\b(?:ca (?:lui|leur) apprendra|pour (?:lui|leur) apprendre|qu'?(?:il|elle) "
        r"comprenne)\b"
        r"|\b(?:si|quand) (?:des gens|quelqu'?un|vous|certains|l'?un de vous)(?: du coin| du quartier|"
        r" d'entre vous)? (?:passe|passent|passez|passera|passeront)\b[^.!?]{0,40}?\b(?:mot|rayure|"
        r"pare-brise|pneus?|portiere|carrosserie)\b"
        r"|(?:^|[.!;,:] |\b(?:and|then|just|maybe) )(?:leave|put|stick|tuck) (?:a |some |little |a "
        r"little |a small )?(?:note|message|sticker|flyer)s? (?:on|under|behind) (?:the|her|his|their) "
        r"(?:car|windscreen|windshield|wipers?|front door|door)\b"
        r"|(?:^|[.!;,:] |\b(?:and|then|just|maybe) )make (?:it|things|life) (?:awkward|hard|"
        r"difficult|uncomfortable|weird) for (?:her|him|them)\b"
        r"|\b(?:tell|let) (?:her|him|them) (?:know )?(?:that )?(?:people|we|everyone|everybody|"
        r"folks)(?: all)? know\b"
        r"|\b(?:dites|dis|faites|fais)[- ](?:lui|leur) (?:comprendre |savoir )?(?:que |qu')"
        r"(?:les gens|on|tout le monde|le quartier) (?:sait|savent|l'?a (?:vu|repere))\b"
    ),
    "signup": re.compile(
        r"\b(?:inscri(?:s|t|re|vez|vons)|abonne[rz]?|abonnons)[- ]?(?:la |le |les |l'|lui )?"
        r"(?:avec son (?:mail|adresse|numero) )?(?:a|aux|sur|dans) (?:toutes? |tous )?(?:les )?"
        r"(?:newsletters?|sites? de (?:rencontres?|voyance|paris)|listes? de diffusion|mailings?|"
        r"catalogues?|spams?|pubs?|voyance)\b"
        r"|\b(?:inscri(?:s|re|vez)|mets|mettez|mettre) (?:son|sa|leur) (?:mail|e-mail|adresse|numero|"
        r"num|tel)\w* (?:sur|dans|a) (?:toutes? |tous )?(?:les )?(?:newsletters?|sites?|listes?|"
        r"annonces?|forums?)\b"
        r"|\bsign (?:her|him|them) up (?:to|for|on) (?:every|all|loads of|tons of|a bunch of|"
        r"hundreds of|dating|spam|mailing|newsletters?)\b"
        r"|\b(?:subscribe|register|put) (?:her|him|them|(?:her|his|their) (?:email|e-mail|number|"
        r"address)) (?:to|for|on|in) (?:every|all|loads of|tons of|dating|spam|newsletters?|"
        r"mailing)\b"
    ),
    "crowd": re.compile(
        r"\b(?:appelez|textez|ecrivez|sonnez|bipez)[- ]?(?:le |la |les |lui |leur )?tous\b(?! les| le | la )"
        r"|\b(?:appelez|ecrivez|envoyez|textez|spammez)[- ](?:lui|leur|le|la)\b[^.!?]{0,30}?"
        r"\b(?:toute la nuit|jour et nuit|en boucle|sans arret|h24|a 3h|au milieu de la nuit)"
        r"|\bque tout le monde (?:lui|leur|l'?) ?(?:dise|ecrive|appelle|envoie|insulte|rappelle)\b"
        r"|\b(?:everyone|everybody|all of you|y'?all) (?:call|ring|text|message|dm|spam) (?:him|her|"
        r"them|this number|that number|it)\b"
        r"|\b(?:call|ring|text|message) (?:him|her|them) (?:all night|non-?stop|every hour|at 3 ?am|"
        r"day and night|in the middle of the night)\b"
    ),
    # The details shown where the person, or a crowd against them, will see them.
    "shown": re.compile(
        r"\b(?:i'?m|im|i'?ll|ill|gonna|going to|let'?s|we'?ll|we'?re|on va|je vais|j'?vais)\b"
        r"[^.!?]{0,25}?\b(?:post|posting|put|putting|share|sharing|drop|dropping|poster|mettre|"
        r"balancer|partager|publier|coller)\b[^.!?]{0,60}?\b(?:under|on|in|sous|sur|dans) (?:all )?"
        r"(?:her|his|their|ses|son|sa|leur|leurs) (?:latest |last |new |dernier\w* )?(?:videos?|vids?|"
        r"posts?|pics?|photos?|comments|wall|page|stream|tiktoks?|reels?|stories|publications?|"
        r"commentaires|mur)\b"
        r"|\b(?:post\w*|shar\w*|screenshot\w*|put\w* (?:it|them) up)\b[^.!?]{0,100}?\bso (?:everyone|"
        r"everybody|people|the whole \w+|all of \w+) (?:can|will|could) (?:roast|laugh at|mock|humiliate|"
        r"recognise (?:him|her|them)|recognize (?:him|her|them)|go after|know who (?:he|she|they)|"
        r"see who (?:he|she|they)|know where (?:he|she|they)|find (?:him|her|them))\b"
        r"|\b(?:post\w*|shar\w*|screenshot\w*)\b[^.!?]{0,100}?\bso (?:she|he|they) (?:knows?|sees?|"
        r"gets the message)\b"
        r"|\b(?:qu'?(?:elle|il|ils|elles)|pour qu'?(?:elle|il|ils|elles)) (?:voie|voient|sache|sachent|"
        r"comprenne|comprennent) qu'?on (?:est|sait|l'?a|les a|la|le|a|en a) "
        r"|\bque tout le (?:monde|quartier|village|lycee|college|bahut|groupe|immeuble) (?:sache|"
        r"voie|sachent|reconnaisse) (?:qui (?:c'?est|(?:elle|il) est|est (?:sa|son))|ou (?:elle|il|"
        r"ils) (?:habite|vit|dort|vivent|habitent))"
        r"|\b(?:aller|allez|on va|on devrait|faut|il faut)\b[^.!?]{0,20}?\b(?:y )?(?:ecrire|commenter|"
        r"laisser des (?:messages|commentaires)) (?:sur|sous|dans) (?:son|sa|ses|leur) (?:facebook|fb|"
        r"mur|page|insta|profil|compte|videos?|posts?|publications?)\b"
    ),
}
_SCREEN = Screen(_CALLS)
# "So people can go wave" needs someone to wave at: a third person in the line or just before.
_THIRD = re.compile(r"\b(?:il|elle|lui|eux|he|she|him|her|them|son|sa|ses|his|their)\b")
_NEEDS_THIRD = frozenset(("visit",))
# The sender's own note to a neighbour: "je vais lui laisser un mot", "I'll leave him a note".
_OWN_NOTE = re.compile(
    r"\b(?:je (?:vais |lui |leur )*|j'?vais (?:lui |leur )?|i'?ll |i will |i'?m going to |gonna )"
    r"(?:laisser|deposer|mettre|glisser|leave)[- ]?(?:lui |leur |him |her |them )?(?:un |une |a )?"
    r"(?:petit |petite |little |small |polite )?(?:mot|message|note)\b"
)


# Someone refusing what was asked: "je vais pas rayer sa voiture", "I won't key it".
_REFUSED = re.compile(
    r"(?:\b(?:pas|jamais|won'?t|not|never|don'?t|refuse de|refuse to)\b[^.!?]{0,20}|\bne |\bn')$"
)


def acted(norm: Normalized, context: MessageContext) -> Signal | None:
    """``doxx.request`` when the message calls others to act on a third person's details."""
    for view in norm.scanned:  # leetspeak and spaced-out letters too
        found = _SCREEN.search(view.text)
        for kind, match in sorted(found.items(), key=lambda item: item[1].start()):
            if kind in _NEEDS_THIRD and not _third(view.text, context):
                continue
            if kind == "visit" and _OWN_NOTE.search(view.text[: match.start() + 40]):
                continue  # "je vais lui laisser un mot sur le pare-brise": a neighbour's note
            if _REFUSED.search(view.text, max(0, match.start() - 30), match.start()):
                continue  # "je vais pas rayer la voiture d'un inconnu": refusing the call
            return Signal("doxx.request", 0.7, view.span(match.start(), match.end()))
    return None


def _third(text: str, context: MessageContext) -> bool:
    lines = (text, *map(folded, context.recent_from_sender[-2:]))
    return any(_THIRD.search(line) for line in lines)
