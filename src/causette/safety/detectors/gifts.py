"""Gifts and pictures: offers of money, top-up and gift cards, and requests for photos.

Treating an adult to a coffee is ordinary and never fires; paying a phone plan, a train
ticket or a PCS card, or asking for pictures "de toi", are steps of grooming and of the
prostitution of minors that the risk model weighs with the ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import TU_AS, folded
from causette.safety.detectors.rules import Rule, RuleSet, rule
from causette.safety.detectors.voice import prevention_talk
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

# Treating someone to a drink or a meal is ordinary between adults, not a gift: "je t'offre un
# verre", "I'll buy u a coffee after", "let me get you a quick pint".
_ORDINARY_TREAT = re.compile(
    r"\b(?:un |une |le |la |ton |ta |a |an |the |some |your |ur |one )?(?:petit |petite |quick |"
    r"cheeky |little |hot |nice |proper |decent )?(?:pint|cuppa|tea|brunch|breakfast|"
    r"cafe|verre|coup|biere|resto|restaurant|repas|diner|dej|"
    r"dejeuner|kebab|mcdo|macdo|pizza|cine|cinema|the|coca|apero|tacos|burger|glace|boisson|"
    r"croissant|sandwich|drink|coffee|beer|dinner|lunch|meal|train|billet de train|taxi|uber|"
    r"essence|peage|parking|place de concert|ticket)\b"
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
            r"\b(?:nudes?|nude pics?|envoie (?:moi )?(?:un |des )?nudes?|send (?:me )?(?:some |a )?(?:nudes?|pics? of (?:you|u|yourself)|a pic(?! of (?:the|a|an|this|that|these|those|my|his|her|their|our|it|what)\b)|a selfie|photos? of (?:you|u|yourself))|show me (?:your|ur) (?:body|boobs|tits|ass)|let me see (?:you|u|your|ur))\b",
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
        rule(
            "gift.money",
            0.6,
            r"\b(?:je |j'?)(?:te |t'?)(?:paye|paie|payerai|paierai|offre|offrirai|verse|fais un virement|fais un paypal|fais un lydia)\b",
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
            r"\b(?:tu veux (?:de l'?argent|des sous|de la thune|gagner (?:de l'?argent|des sous|\d+)|te faire (?:de l'?argent|des sous|un peu d'?argent))|argent (?:facile|de poche)|je (?:te |t'?)(?:envoie|donne|file|paye|offre) (?:de l'?argent|des sous|de la thune|du cash|des billets|\d+ ?(?:€|e|eur|euros|balles))|(?:paypal|lydia|western union|mandat cash|virement) (?:pour toi|je te)|i'?ll (?:pay (?:you|u)|send (?:you|u) (?:money|cash|\$?\d+))|(?:want|need) (?:some )?(?:money|cash)\s*\?|cash ?app|venmo)\b",
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
            0.5,
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
        rule(
            "photo.request",
            0.7,
            r"\b(?:une|des|quelques|ta|tes|1|deux|2|3|trois) (?:petites? |autres? |vraies? |nouvelles? )?(?:photos?|pics?|selfies?|tofs?|tophs?|vid(?:eo)?s?) de toi\b|\b(?:pics?|photos?|selfies?|vids?|videos?) of (?:you|u|yourself)\b|\btoi en (?:tenue|maillot|pyjama|sous[- ]vetements?|culotte|string|serviette|jupe|robe|short)\b",
            "de toi",
            "of you",
            "of u",
            "of yourself",
            "toi en",
        ),
        # Being shown what the other wears ("montre-moi ta tenue", "can i see you in your
        # uniform"), or a picture as the price of something ("une carte steam contre une photo").
        rule(
            "photo.request",
            0.6,
            r"\b(?:montre|montres|fais voir|tu me montres|show me|let me see|lemme see|can i see)"
            r"(?:[- ]moi)? (?:ta |ton |tes |your |ur )(?:tenue|uniforme|maillot|pyjama|jupe|robe|"
            r"outfit|uniform|pj'?s|pyjamas|swimsuit|bikini|skirt|dress)\b"
            r"|\bcan i see (?:you|u) in (?:your|ur) (?:uniform|pyjamas|pj'?s|swimsuit|bikini|outfit|"
            r"skirt|dress)\b"
            r"|\b(?:contre|en echange d'?une?|en echange de) (?:une |des |quelques |1 |deux |2 )?"
            r"(?:petites? )?(?:photos?|pics?|selfies?|tofs?)\b(?! (?:d'?identite|dedicace\w*|signee|du|de la|des|de l'))"
            r"|\bin exchange for (?:a |some |your |a few )?(?:pics?|photos?|selfies?)\b",
            "montre",
            "fais voir",
            "show me",
            "let me see",
            "lemme see",
            "can i see",
            "contre",
            "echange",
            "exchange",
        ),
        rule(
            "photo.request",
            0.6,
            r"\b(?:on (?:pourrait|peut|se fait|fait) (?:un |une )?(?:appel video|facetime|visio|video)|(?:we|we could|let'?s|can we) (?:video ?chat|facetime|video ?call)|(?:appel|call) (?:video|en visio))\b",
            "video",
            "facetime",
            "visio",
            "call",
        ),
        rule(
            "gift.money",
            0.6,
            r"\b(?:je |j'?)(?:peux|vais|pourrais|voudrais|veux) (?:te |t'?)(?:payer|offrir|acheter|rembourser|prendre|faire un cadeau)\b|\b(?:je |j'?)(?:te |t'?)(?:achete|acheterai)\b|\b(?:i'?ll|i can|i could|let me) (?:buy|get|pay for) (?:you|u)\b",
            "peux",
            "vais",
            "pourrais",
            "voudrais",
            "veux",
            "rembourse",
            "achete",
            "buy",
            "get",
            "pay",
            judge=_gift_money,
        ),
        rule(
            "gift.money",
            0.7,
            r"\b(?:un |des |petits? |mon |ton )?(?:cadeaux?|argent|sous|thune|billets?|iphone|forfait) (?:contre|en echange d'?|en echange de|pour) (?:un moment|une photo|des photos|un rdv|une rencontre|un service|une faveur|un calin|un bisou|ton temps|quelques photos|ta compagnie)\b|\bgenereu(?:x|se) avec (?:les )?(?:jeunes|filles|gars|garcons|toi)\b|\b(?:argent facile|gagne aussi facile|gagner facile|easy money|quick cash)\b|\bje (?:monte|mets|peux mettre|te donne|propose|ajoute) (?:a |jusqu'?a )?\d{2,4}\b(?!\s*(?:min|minutes|mn|h\b|heures?|secondes|sec|km|m\b|jours|ans|%|fois|personnes|points|likes))",
            "contre",
            "echange",
            "pour",
            "genereu",
            "facile",
            "easy money",
            "quick cash",
            "monte",
            "mets",
            "mettre",
            "donne",
            "propose",
            "ajoute",
        ),
        rule(
            "gift.card",
            0.75,
            r"\b(?:psc|pcs mastercard|cartes? psc|code psc|recharges? psc)\b",
            "psc",
        ),
        rule(
            "gift.money",
            0.75,
            r"\b(?:se faire|te faire|gagner|toucher|faire) \d{2,4} ?(?:€|e\b|eur|euros?|balles|boules)\s*(?:facile|facilement|vite|rapide|rapidement|en (?:une|1) (?:soiree|nuit|heure|aprem|journee))\b|\bje (?:paie|paye|payerai) (?:cash|en liquide|en especes|bien)\b|\b(?:jeunes (?:filles|gars|garcons|hommes)|mineures?|ados) bienvenu\w*\b|\b(?:make|earn) \$?\d+ (?:easy|fast|tonight)\b"
            # Money for pictures: "make money with pics", "te faire des sous avec tes photos".
            # said to the other, or of the other's pictures (not one's own photography).
            r"|\b(?:you|u) (?:can |could |will |would |gonna |wanna )?(?:make|earn|get) (?:some |easy |good |real )?(?:money|cash) (?:with|from|for|by sending|selling) (?:your |ur |a few |some )?(?:pics|photos|pictures|selfies|content|videos)\b"
            r"|\b(?:make|earn|get) (?:some |easy |good |real )?(?:money|cash) (?:with|from|for|by sending|selling) (?:your|ur) (?:pics|photos|pictures|selfies|content|videos)\b"
            r"|\bte faire (?:de l'?argent|des sous|de la thune|du cash|des thunes) (?:avec|grace a|en envoyant|en vendant) (?:tes |des |quelques )?(?:photos|pics|selfies|videos|nudes)\b"
            r"|\b(?:gagner|se faire|faire) (?:de l'?argent|des sous|de la thune|du cash|des thunes) (?:avec|grace a|en envoyant|en vendant) tes (?:photos|pics|selfies|videos|nudes)\b",
            "faire",
            "gagner",
            "toucher",
            "paie",
            "paye",
            "payerai",
            "bienvenu",
            "make",
            "earn",
            "money",
            "cash",
        ),
        rule(
            "photo.request",
            0.9,
            r"\bmontre[- ]?(?:moi|moa)? (?:ton corps|tes seins|tes fesses|ta poitrine|ton torse|tes jambes|ton cul|tout|en entier|sous (?:ton|ta|tes) \w+)\b",
            "montre",
        ),
        rule(
            "gift.money",
            0.75,
            r"\b(?:i'?ll|i will|i can|i could) (?:give|pay|send) (?:you|u) (?:\$|€)?\d+ ?(?:bucks|dollars|\$|€|euros|quid|pounds)?\b",
            "give",
            "pay",
            "send",
        ),
        rule(
            "gift.money",
            0.6,
            r"\bje (?:te |t'?)(?:prends|paye|paie|achete|offre|ai achete|ai pris|ai trouve|envoie|enverrai|reserve) (?:un |une |des |le |la |ton |ta |tes )?(?:billets?|tickets?|cadeaux?|train|bus|uber|taxi|colis|place|forfait|tenue|robe|parfum|maquillage|telephone|portable|iphone|manteau|sac)\b|\bun (?:petit )?cadeau pour toi\b|\bi (?:got|bought) (?:you|u) (?:a|something)\b",
            "prends",
            "paye",
            "paie",
            "achete",
            "offre",
            "achete",
            "pris",
            "trouve",
            "envoie",
            "enverrai",
            "reserve",
            "cadeau",
            "got",
            "bought",
        ),
        rule(
            "gift.money",
            0.6,
            r"\b(?:se|te|vous) faire (?:de l'?argent|des sous|un peu d'?argent|de la thune|un billet|des billets|un peu de thune)\b",
            "faire",
        ),
        rule(
            "photo.request",
            0.7,
            r"\b(?:devenir|etre|faire) (?:mannequin|modele|model)\b|\b(?:un |des |faire un |faire des )shootings?\b|\bje (?:suis|travaille comme) photographe\b|\b(?:cherche|recrute) (?:une |des )?(?:jeunes? )?(?:filles?|gars|modeles?|mannequins?) pour (?:des |un )?(?:photos?|shootings?|videos?|castings?)\b|\b(?:be|become) a model\b|\bphoto ?shoot\b",
            "mannequin",
            "modele",
            "model",
            "shooting",
            "photographe",
            "cherche",
            "recrute",
            "shoot",
        ),
        rule(
            "photo.request",
            0.6,
            r"\b(?:send|show) (?:me )?(?:a |some )?(?:cute |pretty |hot |new )?(?:selfies?|pics?|photos?)\b(?! of (?:the|a|an|this|that|these|those|my|his|her|their|our|it|what)\b)|\btu m'?envoies? (?:un |une |des )?(?:petit |petite |joli |jolie )?(?:selfie|photo|pic|tof)s?\b",
            "send",
            "show",
            "envoie",
        ),
    ]
)


# Asking to see the other's body in any person of the verb ("tu me montres ton corps ?", "je
# peux voir tes jambes", "send me your body", "show me what you look like in your pyjamas"),
# or to get in front of the camera.
_BODY = (
    r"(?:corps|seins|fesses|poitrine|torse|jambes|cuisses|cul|ventre|pieds|culotte|sous[- ]vetements?|"
    r"soutif|soutien[- ]gorge|body|boobs|tits|butt|ass|legs|chest|tummy|belly|feet|underwear|bra|"
    r"panties|thighs)"
)
# A body shown for its care or its ink, not for looking at: "la cicatrice", "the tattoo".
_CARE = re.compile(
    r"\b(?:medecin|docteur|doctor|podolog\w*|podiatr\w*|kine\w*|physio\w*|cicatrice|scar|surgery|"
    r"operation|opere\w*|blessure|injury|injured|bleu|bruise|plaie|wound|tatouage|tattoo|eczema|"
    r"bouton|rash|entorse|sprain|platre|cast)\b"
)


def _not_care(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    return None if _CARE.search(norm.folded.text) else ("photo.request", 0.85)


_SEEING: list[Rule] = [
    # A phone of one's own given ("je t'achète un nouveau tel", "I'll get you a new phone"):
    # the line to the child that parents do not see.
    rule(
        "gift.card",
        0.75,
        r"\b(?:je (?:t'?|te )(?:achete|acheterai|offre|offrirai|paye|paie|payerai|donne|envoie|enverrai|"
        r"trouve)|j'?te (?:achete|offre|paye|paie|donne|envoie)|(?:je peux|je pourrais) t'?(?:acheter|offrir|"
        r"payer|envoyer)|i(?:'ll| will| can| could)? (?:get|buy|send|give) (?:you|u)) (?:un |une |a |an )?"
        r"(?:nouveau |nouvelle |new |autre |second |deuxieme |other |spare |petit )?(?:tel|telephone|"
        r"portable|phone|iphone|smartphone|sim|carte sim|puce|forfait|cell|burner)\b"
        r"(?! ?(?:number|numbers|call|calls|numero|appel|case|charger|coque|chargeur))",
        "achete",
        "offr",
        "paye",
        "paie",
        "donne",
        "envoie",
        "enverrai",
        "trouve",
        "acheter",
        "payer",
        "envoyer",
        "get",
        "buy",
        "send",
        "give",
    ),
    rule(
        "photo.request",
        0.85,
        r"\b(?:tu (?:me |m'?)(?:montres?|montrerais|envoies?|enverrais|fais voir)|(?:montre|fais voir|envoie)"
        r"[- ]?(?:moi|moa)?|je (?:peux|pourrais|veux|voudrais|aimerais) (?:voir|avoir une photo de)|"
        r"(?:show|send|let me see|can i see|could i see|i want to see|i wanna see)(?: me)?)\b"
        rf"[^.!?\n]{{0,15}}?\b(?:ton|ta|tes|your|ur) {_BODY}\b",
        "montre",
        "envoie",
        "voir",
        "show",
        "send",
        "see",
        judge=_not_care,
    ),
    rule(
        "photo.request",
        0.65,
        r"\bshow me what (?:you|u) look like\b|\bwhat (?:do )?(?:you|u) look like (?:in|without|under)\b"
        r"|\bmontre[- ]?(?:moi|moa) (?:a quoi tu ressembles|comment t'?es habillee?)\b"
        r"|\b(?:mets|met|mettre|te mettre|viens)[- ]?(?:toi )?devant (?:la|ta) (?:cam|webcam|camera)\b"
        r"|\b(?:get|go|hop) on (?:cam|camera|webcam)\b",
        "look like",
        "ressembles",
        "habille",
        "devant",
        "on cam",
        "on camera",
        "on webcam",
    ),
]
_RULES = RuleSet([*_RULES.rules, *_SEEING])


# Paying back, splitting a bill, owing a drink: money between equals, not an offer.
REPAYING = re.compile(
    r"\b(?:rembours\w*|pay (?:you|u) back|paying (?:you|u) back|je te dois|i owe (?:you|u)|ma part|"
    r"my share|ta part|your share|on partage|split (?:the|it)|moitie chacun|la note|l'?addition|"
    r"the bill|le pari|the bet)\b"
    # A share sent back by an app: "i'll venmo you half", "je te fais un lydia pour la moitié".
    r"|\b(?:venmo|paypal|lydia|zelle|revolut|cash ?app)\w*(?: (?:you|u|te|toi))?(?: \w+){0,2}? "
    r"(?:half|la moitie|ma part|my share|my half|back)\b"
    # How a purchase is paid: "je paie en espèces", "I'll pay by card".
    r"|\b(?:paie|paye|payer|pay|paying|regle|regler) (?:en|par|by|with|in) (?:especes|liquide|cash|carte|cb|"
    r"cheque|virement|paypal|lydia|card|transfer)\b"
    # An errand paid for: "je te donne 10 balles si tu me ramènes un kebab".
    r"|\bsi tu (?:me |m'?)(?:ramenes|rapportes|prends|achetes|ramene|rapporte|fais les courses)\b"
    r"|\bif (?:you|u) (?:grab|get|pick up|bring) me\b"
)


# Paying for something sold: a ticket resold, a second-hand sale, "vendu !" then the transfer.
# The seller named a price by the unit or agreed to sell ("45 € la place", "je te la laisse à
# 30", "elle me revend 2 places", "you owe me 20"): the money pays a price, it is no gift.
_SOLD = re.compile(
    r"\b(?:vendu|revend\w*|(?:je|j'|elle|il|on|ma \w+|mon \w+) (?:te |vous |me |nous )?(?:les? |la |l' ?)?"
    r"(?:vend|vends|vendent|revend|revends)\b|je te (?:la|le|les) laisse (?:a|pour)|\d+ ?(?:€|e|eur|euros?|\$|"
    r"balles)? (?:la|le|l'|par|per|a|each) ?(?:place|billet|ticket|unite|piece|exemplaire|one)|"
    r"tu me dois|you owe me|(?:it'?s|that'?s) \$?\d+ (?:each|per|a ticket|for both)|i'?ll sell|sold|"
    # The price asked of the one who bought, or the cost shared out: "tu me dis le prix et je te
    # fais un virement", "dis-moi combien je te dois", "on met 150 chacun", "let me know the total".
    r"(?:tu me dis|tu me diras|dis[- ]moi|dites[- ]moi|tiens[- ]moi au courant d[ue]) (?:le prix|le montant|"
    r"combien|le total|ce que ca (?:coute|fait))|(?:let me know|tell me|text me) (?:the (?:price|total|"
    r"cost|amount)|how much)|\d+ ?(?:€|e|eur|euros?|\$|balles)? (?:chacun|chacune|chaque|each|apiece)|"
    r"(?:moitie|half) (?:chacun|each)|(?:on|we) (?:split|partage) (?:le prix|the cost|the price))\b"
)


def paying_a_price(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message or the conversation's last lines name a price being paid."""
    lines = (norm.folded.text, *map(folded, context.recent[-4:]))
    return any(_SOLD.search(line) for line in lines)


# A gift someone else offered, told by the one it was offered to or about ("un mec voulait me
# donner 1000 robux", "il lui a proposé une carte cadeau", "he started sending me gift cards"):
# a story or a report, the third person and a past tense before the gift.
_OFFERED_BY_SOMEONE = re.compile(
    r"\b(?:il|elle|ils|un (?:mec|gars|type|homme|adulte|inconnu|monsieur)|une (?:femme|meuf|inconnue)|"
    r"quelqu'?un|he|she|they|a (?:guy|man|stranger|woman)|some (?:guy|man|adult)|this (?:guy|man)|"
    r"someone|somebody)\b[^.!?]{0,40}?\b(?:voulait|voulaient|a voulu|m'?a|lui a|leur a|m'?avait|"
    r"lui avait|proposait|offrait|envoyait|promettait|donnait|wanted|offered|sent|gave|promised|"
    r"started sending|kept sending|tried|was offering|would send|used to send|asked|kept asking|"
    r"demandait|a demande|m'?a demande|lui a demande)\b[^.!?]{0,60}$"
)
# A present for someone else, bought by relatives or friends together: the card or the money
# goes "pour ses jeux", "pour l'anniversaire de Noah", "for her birthday", "pour mon neveu". The
# one spoken to is no recipient. ("Pour ta sœur", "for your games" stay: the listener's circle.)
_FOR_SOMEONE_ELSE = re.compile(
    r"^[^.!?]{0,30}?\b(?:pour|for) (?:(?:ses|son|sa|leur|leurs|his|her|their) (?!propre|own)\w+|"
    r"(?:lui|elle|eux|elles|him|them)\b|l'?anniversaire (?:de|d')|le noel (?:de|d')|(?:mon|ma|notre|nos|"
    r"mes|my|our) (?:fils|fille|neveu|niece|filleule?|petite?[- ]fils|petite?[- ]fille|petits[- ]enfants|"
    r"enfants|frere|soeur|cousine?|mere|pere|maman|papa|mamie|papi|grand[- ]mere|grand[- ]pere|son|"
    r"daughter|nephew|niece|godson|goddaughter|grandson|granddaughter|kids|brother|sister|cousin|mum|"
    r"mom|dad|grandma|grandpa)\b)"
)
# What a report or a warning leaves of a gift or a picture: noted, under the risk's "seen".
_TOLD = 0.3
_TOLD_RULES = ("gift.", "photo.request")


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Money, gifts, top-up and gift cards, photo and camera requests."""
    repaying: bool | None = None  # looked for only once a gift.money signal is there
    warning: bool | None = None  # looked for only once a gift or a picture is there
    text = norm.folded.text
    for signal in _RULES.scan(norm, context):
        if signal.rule == "gift.money":
            if repaying is None:
                repaying = REPAYING.search(text) is not None or paying_a_price(norm, context)
            if repaying:
                continue
        if signal.rule.startswith(_TOLD_RULES) and signal.score > _TOLD:
            if warning is None:
                warning = prevention_talk(norm, context)
            before = folded(norm.original[max(0, signal.span[0] - 120) : signal.span[0]])
            after = folded(norm.original[signal.span[1] : signal.span[1] + 80])
            for_other = signal.rule.startswith("gift.") and _FOR_SOMEONE_ELSE.search(after)
            if warning or _OFFERED_BY_SOMEONE.search(before) or for_other:
                signal = Signal(signal.rule, _TOLD, signal.span)
        yield signal
