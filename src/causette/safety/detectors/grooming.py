"""Grooming: checking the other is alone, secrecy, isolation, flattery, photos and gifts.

None of these is alarming alone between adults ("t'es seule ce soir ?" is flirting); each is
a step of the pattern that the risk model weighs with the ages and what came before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import TES_PARENTS, TU_AS, TU_ES
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# Treating someone to a drink or a meal is ordinary between adults, not a gift.
_ORDINARY_TREAT = re.compile(
    r"\b(?:un |une |le |la |ton |ta )?(?:cafe|verre|coup|biere|resto|restaurant|repas|diner|dej|"
    r"dejeuner|kebab|mcdo|macdo|pizza|cine|cinema|the|coca|apero|tacos|burger|glace|boisson|"
    r"croissant|sandwich|drink|coffee|beer|dinner|lunch|meal)\b"
)


def _gift_money(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    tail = norm.folded.text[match.end() : match.end() + 24]
    if _ORDINARY_TREAT.match(tail.lstrip()):
        return None
    return ("gift.money", 0.6)


_BODY = (
    r"(?:de toi|de ton corps|de ton visage|de tes (?:seins|fesses|jambes|pieds|cuisses|parties|formes|courbes)|"
    r"nue?s?|toute? nue?|sans (?:rien|habits|vetements|haut|culotte|t-?shirt|soutif|caleçon|calecon)|"
    r"en (?:maillot|sous[- ]vetements?|culotte|string|pyjama|nuisette|lingerie|soutif|soutien[- ]gorge|serviette|boxer|calecon|tenue legere)|"
    r"sexy|coquines?|hot|osees?|intimes?|dans (?:ton lit|ta douche|ta baignoire|ta chambre)|de ta poitrine|de ton torse)"
)

_RULES = RuleSet(
    [
        # Alone, unsupervised.
        rule(
            "alone.check",
            0.6,
            rf"\b{TU_ES} (?:toute? )?seule?s?\b(?! (?:au monde|dans la vie|dans ta vie|a penser|a croire|a faire))",
            "seul",
        ),
        rule(
            "alone.check",
            0.8,
            rf"\b(?:{TU_ES} (?:toute? )?seule? (?:a la maison|chez toi|ce soir chez toi|dans ta chambre|a la maison ce soir)|{TU_ES} seule? (?:a la maison|chez toi)|{TES_PARENTS} (?:sont|est|rentrent|rentre|reviennent|revient|dorment|dort|bossent|travaillent|te surveillent|regardent|sont partis|sont sortis|sont la|sont pas la|rentrent quand|rentrent a quelle heure)|y'?a (?:qui|quelqu'?un|personne) (?:chez toi|avec toi|a la maison|a cote de toi)|quelqu'?un (?:peut|pourrait) (?:voir|lire) (?:ton ecran|tes messages|ce que tu)|personne (?:ne )?(?:regarde|lit|voit) (?:ton (?:tel|ecran|portable)|tes messages)|ta porte est (?:fermee|fermee a cle)|tu dors (?:toute )?seule|t'?es tranquille (?:la|chez toi)|tu peux parler (?:librement|tranquille)|{TU_ES} dans ta chambre)",
            "seul",
            "parents",
            "mere",
            "maman",
            "daronne",
            "pere",
            "papa",
            "daron",
            "famille",
            "beau",
            "belle",
            "vieux",
            "frere",
            "soeur",
            "chez toi",
            "avec toi",
            "maison",
            "ecran",
            "messages",
            "porte",
            "dors",
            "tranquille",
            "librement",
            "chambre",
        ),
        rule(
            "alone.check",
            0.75,
            r"\b(?:are (?:you|u) (?:home )?alone|(?:r|are) (?:you|u|ur) (?:by yourself|alone)|are (?:your|ur) (?:parents|mom|mum|dad) (?:home|around|there|asleep|out)|is (?:anyone|anybody|someone) (?:home|with you|around)|can (?:anyone|someone) see (?:your|ur) (?:screen|phone)|when do (?:your|ur) parents (?:get|come) (?:home|back))\b",
            "alone",
            "yourself",
            "parents",
            "mom",
            "mum",
            "dad",
            "anyone",
            "anybody",
            "someone",
        ),
        # Secrecy.
        rule(
            "secrecy",
            0.85,
            r"\b(?:c'?est|ce sera|ca reste|ca sera|ce serait|que ca reste|gardons ca|ce sera) (?:notre|un) (?:petit )?secret\b|\b(?:notre|nos) (?:petits? )?secrets?\b",
            "secret",
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:ne )?(?:dis|dit|di|dites|raconte|racontes|parle|parles|montre|montres)(?: le| les| en)?(?: rien| pas| jamais| surtout pas| surtout rien)(?: de (?:ca|nous|moi|notre conv\w*|tout ca))? (?:a |aux )?(?:personne|{TES_PARENTS}|tes potes|tes amis|tes copines?|tes profs|ta prof|ton prof|ta copine|ton copain|la police|tes parents ni)\b",
            "dis",
            "dit",
            "di ",
            "raconte",
            "parle",
            "montre",
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:(?:le|en) (?:dis|dit|parle) a personne|(?:n'?en |en )?parle (?:a|pas a) personne|personne (?:ne )?(?:doit|dois|va|doit jamais) (?:savoir|le savoir|etre au courant)|{TES_PARENTS} (?:ne )?(?:doivent|doit|doivent jamais|doit jamais) (?:pas |rien |jamais )?(?:savoir|le savoir|etre au courant|voir)|garde (?:ca|le|les|tout ca) pour toi|que (?:ca|tout ca) reste entre (?:nous|toi et moi)|reste entre (?:nous|toi et moi))\b",
            "personne",
            "parents",
            "mere",
            "pere",
            "famille",
            "garde",
            "entre nous",
            "entre toi",
        ),
        rule(
            "secrecy",
            0.85,
            r"\b(?:efface|supprime|effacer|supprimer|efface bien|supprime bien|delete|vide|cache)s? (?:la|cette|notre|nos|les|tes|ton|tout|mes|nos) ?(?:conv|convo|conversation|discussion|messages?|msgs?|historique|photos?|echanges?|discu|discut|chat)\b|\befface tout\b|\b(?:mode ephemere|messages? ephemeres?)\b",
            "efface",
            "supprime",
            "delete",
            "vide",
            "cache",
            "ephemere",
        ),
        rule("secrecy", 0.4, r"\bentre nous\b", "entre nous"),
        rule(
            "secrecy",
            0.85,
            r"\b(?:(?:it'?s|this is|keep it|that'?s) (?:our|a) (?:little )?secret|our (?:little )?secret|don'?t tell (?:anyone|anybody|your (?:mom|mum|dad|parents|friends|teacher))|(?:keep|it stays) (?:this|it) between (?:us|you and me)|delete (?:the|our|this|these|your) (?:chat|messages|conversation|texts|pics|photos)|nobody (?:needs|has|must|should) (?:to )?know|your parents (?:can'?t|shouldn'?t|mustn'?t) know)\b",
            "secret",
            "tell",
            "between",
            "delete",
            "nobody",
            "know",
        ),
        # Isolation and flattery.
        rule(
            "isolation",
            0.65,
            rf"\b(?:(?:{TES_PARENTS}|tes potes|tes amis|tes copines|personne|les autres|ils|elles) (?:ne )?(?:te )?(?:comprennent|comprend|comprenent|ecoutent|ecoute) (?:pas|rien|jamais)|personne (?:ne )?te comprend|moi (?:je )?te comprends?|je suis (?:le |la )?seule? a te comprendre|je (?:te )?comprends mieux que (?:eux|tes parents|personne)|(?:ils|elles|tes potes|tes amis|tes parents) (?:sont|sont juste) (?:jaloux|jalouses|nuls|cons)|{TU_AS} pas besoin (?:d'?eux|de tes (?:parents|potes|amis)|de personne d'autre)|je suis (?:le |la )?seule? qui (?:compte|te comprend)|(?:ils|tes parents) veulent (?:juste )?te controler)\b",
            "comprend",
            "ecoute",
            "jaloux",
            "jalouses",
            "nuls",
            "cons",
            "besoin",
            "compte",
            "controler",
        ),
        rule(
            "isolation",
            0.65,
            r"\b(?:(?:your|ur) (?:parents|mom|dad|friends) (?:don'?t|dont|never) (?:understand|get|listen to) (?:you|u)|(?:only i|i'?m the only one who) (?:understands?|gets?) (?:you|u)|(?:you|u) don'?t need (?:them|your (?:parents|friends)))\b",
            "understand",
            "get",
            "listen",
            "need",
        ),
        rule(
            "flattery",
            0.7,
            rf"\b(?:{TU_ES} (?:tres |trop |super |vachement |hyper |si )?(?:mature|matures) pour ton age|tu fais (?:plus|pas) (?:que |)ton age|tu fais plus vieille|{TU_ES} pas comme les (?:autres )?(?:filles|gars|ados|jeunes) de ton age|(?:you'?re|ur|you are) (?:so |very |really )?mature for (?:your|ur) age)\b",
            "mature",
            "ton age",
            "vieille",
        ),
        # Photos and camera.
        rule(
            "photo.request",
            0.9,
            rf"\b(?:envoie|envoi|envois|envoies|envoye|montre|montres|fais voir|tu m'?envoies|tu peux m'?envoyer|tu me montres|je veux voir|jveux voir|j'?aimerais voir|{TU_AS}|tu as|t'?aurais|tu fais|fais|prends)(?:[- ]moi)? (?:une |des |ta |tes |un |1 |quelques |la |ton )?(?:petite |petites |vraie |autre )?(?:photos?|pics?|selfies?|tofs?|tophs?|photo|snaps?|videos?|vid)\b(?:\s+\w+){{0,2}}\s+{_BODY}",
            "photo",
            "pic",
            "selfie",
            "tof",
            "toph",
            "snap",
            "video",
            "vid",
        ),
        rule(
            "photo.request",
            0.55,
            rf"\b(?:envoie|envoi|envois|envoies|montre|montres|fais voir|tu m'?envoies|tu peux m'?envoyer|tu me montres|{TU_AS}|t'?aurais)(?:[- ]moi)? (?:une |des |ta |tes |un |1 |quelques )?(?:petite |autre )?(?:photos?|pics?|selfies?|tofs?|tophs?|videos?)\b(?! (?:du|de la|des|de l'|d'un|d'une|de ton (?:chat|chien|plat|repas|jardin|appart)|de ta (?:maison|ville|voiture))\b)",
            "photo",
            "pic",
            "selfie",
            "tof",
            "toph",
            "video",
        ),
        rule(
            "photo.request",
            0.9,
            r"\b(?:nudes?|nude pics?|envoie (?:moi )?(?:un |des )?nudes?|send (?:me )?(?:some |a )?(?:nudes?|pics? of (?:you|u|yourself)|a pic|a selfie|photos? of (?:you|u|yourself))|show me (?:your|ur) (?:body|boobs|tits|ass)|let me see (?:you|u|your|ur))\b",
            "nude",
            "send",
            "show me",
            "let me see",
        ),
        rule(
            "photo.request",
            0.6,
            r"\b(?:allume|mets|active|ouvre|branche) ta (?:cam|camera|webcam|came)\b|\bon (?:fait|se fait) (?:un |une )?(?:facetime|appel video|visio|cam)\b|\b(?:turn on|open) (?:your|ur) (?:cam|camera|webcam)\b",
            "cam",
            "facetime",
            "visio",
        ),
        # Money and gifts.
        rule(
            "gift.money",
            0.6,
            r"\bje (?:te |t'?)(?:paye|paie|payerai|paierai|offre|offrirai|verse|fais un virement|fais un paypal|fais un lydia)\b",
            "paye",
            "paie",
            "payerai",
            "paierai",
            "offre",
            "offrirai",
            "verse",
            "virement",
            "paypal",
            "lydia",
            judge=_gift_money,
        ),
        rule(
            "gift.money",
            0.65,
            r"\b(?:tu veux (?:de l'?argent|des sous|de la thune|gagner (?:de l'?argent|des sous|\d+)|te faire (?:de l'?argent|des sous|un peu d'?argent))|argent (?:facile|de poche)|je (?:te |t'?)(?:envoie|donne|file|paye|offre) (?:de l'?argent|des sous|de la thune|du cash|des billets|\d+ ?(?:€|e|eur|euros|balles))|(?:paypal|lydia|western union|mandat cash|virement) (?:pour toi|je te)|i'?ll (?:pay|send) (?:you|u)(?: money| cash| \$?\d+)?|(?:want|need) (?:some )?(?:money|cash)\s*\?|cash ?app|venmo)\b",
            "argent",
            "sous",
            "thune",
            "gagner",
            "faire",
            "cash",
            "billets",
            "€",
            "euro",
            "balles",
            "paypal",
            "lydia",
            "western",
            "mandat",
            "virement",
            "pay",
            "send",
            "money",
            "venmo",
        ),
        rule(
            "gift.card",
            0.75,
            r"\b(?:pcs|neosurf|transcash|paysafe ?card|paysafe|toneo ?first|toneo|flexy|ticket premium|carte (?:pcs|neosurf|transcash))\b|\b(?:recharge|coupon|code|ticket|carte|cartes)s? (?:pcs|neosurf|transcash|paysafe\w*|toneo)\b",
            "pcs",
            "neosurf",
            "transcash",
            "paysafe",
            "toneo",
            "flexy",
            "ticket premium",
        ),
        rule(
            "gift.card",
            0.7,
            r"\b(?:cartes? (?:cadeaux?|amazon|google play|steam|psn|playstation|itunes|apple|xbox|fnac|netflix|spotify|nintendo)|(?:amazon|google play|steam|itunes|apple|psn|xbox|netflix) (?:card|gift ?card|carte|cadeau)|gift ?cards?|code (?:amazon|steam|psn|google play|itunes))\b",
            "carte",
            "card",
            "code",
            "cadeau",
        ),
        rule(
            "gift.card",
            0.6,
            r"\b(?:v[- ]?bucks|robux|skins? (?:fortnite|valo|roblox)|pass de combat|battle pass|des gemmes|diamants (?:free ?fire|ff)|je (?:te |t'?)(?:recharge|paye|paie|offre|prends|achete) (?:ton |ta |un |une |des |le )?(?:forfait|credit|recharge|abonnement|iphone|telephone|portable|tel|airpods|console|ps5|switch|skin|skins|vbucks|robux|jeu|jeux))\b",
            "bucks",
            "robux",
            "skin",
            "pass",
            "gemmes",
            "diamants",
            "recharge",
            "paye",
            "paie",
            "offre",
            "prends",
            "achete",
        ),
    ]
)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Alone checks, secrecy, isolation, flattery, photo requests, money and gifts."""
    yield from _RULES.scan(norm, context)
