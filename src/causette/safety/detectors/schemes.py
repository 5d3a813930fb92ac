"""Scams and doxxing stated as patterns rather than phrases.

A scam has a shape whatever its story: money that multiplies ("invest 500, receive 5000"),
a return promised per week, a prize that costs a fee, a "free" site that wants a card, pay
per like that needs a deposit. Doxxing too: a person's full name next to where they live,
study or work, or a call to a crowd to write to them. Each rule states one shape and emits
the id of the family it belongs to (``spam.py``, ``doxxing.py``).
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.doxx_given import phone_given
from causette.safety.detectors.phrases import about_kin, folded
from causette.safety.detectors.rules import Judge, Rule, rule
from causette.safety.detectors.spam_judges import prize_or_thing, site_on_request
from causette.safety.detectors.spam_links import found
from causette.safety.detectors.spam_quoted import QUOTED
from causette.safety.normalize import Normalized

_MONEY = r"(?:\$|€|£)?\s?\d[\d .,]*\s?(?:€|\$|£|euros?|dollars?|usdt|btc|k)?"
# An amount with its currency, before or after.
_CASH = r"(?:[$€£] ?\d[\d.,]*(?: \d{3})*k?|\d[\d.,]*(?: \d{3})*k? ?(?:€|\$|£|euros?|dollars?|usdt|btc|balles))"


# Someone else is meant: one's own name and street, given for a delivery, are not doxxing.
_THIRD_PERSON = re.compile(
    r"\b(?:il|elle|lui|he|she|him|her|his|found|trouve\w*|retrouve\w*|ce mec|cette meuf|ce type|"
    r"cette fille|le mec|la meuf|ce gars|ce connard|cette connasse|the guy|the girl|that guy)\b"
)


def _named_person(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Capitals in the original text mark a name: "c'est Paul Martin, 3 rue ...".
    if not _THIRD_PERSON.search(norm.folded.text) and not any(
        _THIRD_PERSON.search(folded(earlier)) for earlier in context.recent[-2:]
    ):
        return None
    view = norm.folded
    for group in ("first", "last"):
        start, _ = view.span(match.start(group), match.end(group))
        if not norm.original[start : start + 1].isupper():
            return None
    return ("doxx.name", 0.8)


def _not_kin(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # Parents and relatives name their own family's school: that is not doxxing.
    return None if about_kin(norm, context) else ("doxx.school", 0.75)


# Someone's pay told as a fact ("je gagne 1800 euros par mois", "he makes 5k a month as a
# nurse") against the testimonial of a scheme, which says how: from home, from one's phone,
# in two hours a day, thanks to a brand, just by liking videos.
_EARNER = re.compile(
    r"\b(?:je|j'?ai|il|elle|on|il a|elle a|on a|ils|elles|nous|i|he|she|we|they|my \w+|mon \w+|ma \w+)\s$"
)
_BY_THE_MONTH = re.compile(r"(?:mois|month|an|year|annee)\b")
_MEANS = re.compile(
    r"\b(?:depuis|from (?:home|my phone)|grace a|thanks to|juste en|just by|en \d+ ?h|sans (?:rien faire|"
    r"experience|diplome|bouger)|without (?:doing|experience)|avec (?:mon|ce|le|un) (?:bot|tel|telephone|"
    r"appli|systeme|methode)|with (?:my|this|the|a) (?:bot|phone|app|system|method))\b"
)


def earnings(score: float, rule_id: str = "scam.crypto") -> Judge:
    """A judge for "gagne X par mois": one's pay told as a fact is not a scheme."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        text = match.string
        if (
            _EARNER.search(text, max(0, match.start() - 15), match.start())
            and _BY_THE_MONTH.search(match.group())
            and not _MEANS.search(text)
        ):
            return None
        return (rule_id, score)

    return judge


RULES: list[Rule] = [
    # Money that multiplies, returns promised by the week.
    rule(
        "scam.crypto",
        0.85,
        rf"\b(?:invest|investis|investissez|investir|mise|misez|place|placez|deposit|depose|deposez|envoie|send|put in)\s+(?:just |only |seulement |juste |que )?{_MONEY}\s+(?:and|et|pour|to)\s+(?:receive|get|earn|make|gagne\w*|recoi\w*|touche\w*|recupere\w*|retire\w*)\s+{_MONEY}",
        "invest",
        "mise",
        "place",
        "deposit",
        "depose",
        "envoie",
        "send",
        "put in",
    ),
    # A token's launch: a multiple promised ("x10 garanti en 48h"), a presale open, a wallet to
    # connect to someone's page. Friends who trade speak of their own wallet, not of "yours".
    rule(
        "scam.crypto",
        0.8,
        r"\bx ?\d{1,3} (?:garanti\w*|guaranteed|assure\w*|minimum|mini)\b|"
        r"\b(?:garanti\w*|guaranteed) (?:x ?\d{1,3}|de faire x ?\d{1,3}|to (?:make|do) x ?\d{1,3})\b",
        "garanti",
        "guaranteed",
        "assure",
        "minimum",
        "mini",
    ),
    rule(
        "scam.crypto",
        0.7,
        r"\b(?:connecte[rz]?|connect|link|relie[rz]?) (?:ton|votre|your|ur) (?:wallet|portefeuille crypto|metamask)"
        r" (?:ici|here|sur|on|to|a|au|via)\b|"
        r"(?:\b(?:token|jeton|coin|crypto|nft|memecoin)s?\b|\$[a-z]{2,})[^.!?\n]{0,40}"
        r"\b(?:prevente|pre-vente|presale|pre-sale)\b|"
        r"\b(?:prevente|pre-vente|presale|pre-sale)\b[^.!?\n]{0,40}\b(?:token|jeton|coin|crypto|nft|listing)s?\b",
        "wallet",
        "metamask",
        "prevente",
        "pre-vente",
        "presale",
        "pre-sale",
    ),
    # "Mentor Daniel turned £500 into £12k": the same shape told as someone's success.
    rule(
        "scam.crypto",
        0.8,
        rf"\b(?:turned|turn|turns|turning|transforme\w*|fait passer|fais passer|passe\w* de) (?:(?:my|his|her|their|your|ur|mon|ma|mes|son|sa|ses|leur|tes|ton|ta) )?{_CASH} (?:into|to|en|a) {_CASH}",
        "turn",
        "transforme",
        "passer",
        "passe",
    ),
    rule(
        "scam.crypto",
        0.8,
        r"\b\d{1,3} ?% (?:de )?(?:rendement|gains?|profits?|benefices?|interets?|return|returns|roi|profit|par (?:jour|semaine|mois)|per (?:day|week|month)|daily|weekly|monthly|a day|a week|a month|win ?rate|winrate|success rate|taux de (?:reussite|gain)|de reussite|de trades? gagnants|winning trades)\b|\b(?:rendement|gains?|profits?|returns?|benefices?) (?:garantis?|guaranteed|assures?)\b|\bguaranteed (?:returns?|profits?|income|gains)\b",
        "%",
        "garanti",
        "guaranteed",
        "assure",
    ),
    rule(
        "scam.crypto",
        0.7,
        r"\b(?:gerer|gere|manage|grow|faire fructifier|fructifier|doubler|double|tripler|multiplier|multiply) (?:ton|ta|tes|your|votre|vos) (?:capital|argent|money|portfolio|portefeuille|savings|epargne|investissement|investment)\b|\b(?:bitcoin|crypto|btc|usdt|forex|eth) (?:mining|minage|trading|signals|signaux|platform|plateforme|investment|investissement|bot|robot)\b|\b(?:paie|paye|pay|pays|payes|payer) (?:\w+ )?(?:en|in) (?:usdt|btc|bitcoin|crypto|ethereum|eth)\b|\b(?:screenshots?|captures?) (?:of|de|des) (?:withdrawals?|retraits?|gains|profits)\b",
        "gere",
        "manage",
        "grow",
        "fructifier",
        "doubl",
        "tripl",
        "multipl",
        "mining",
        "minage",
        "trading",
        "signal",
        "platform",
        "plateforme",
        "investment",
        "investissement",
        "bot",
        "usdt",
        "btc",
        "bitcoin",
        "crypto",
        "screenshot",
        "capture",
    ),
    rule(
        "scam.crypto",
        0.75,
        r"\b(?:gagne\w*|earn|make|touche\w*|se faire) (?:jusqu'?a |plus de |up to )?\d[\d ,.]*\s?(?:€|\$|£|euros?|dollars?|k)?\s?(?:/|par|per|a|an|each) ?(?:jour|day|semaine|week|mois|month|heure|hour|h)\b",
        "gagne",
        "earn",
        "make",
        "touche",
        "se faire",
        judge=earnings(0.75),
    ),
    # A prize that costs a fee; "free" things that want a card.
    rule(
        "scam.phishing",
        0.55,
        r"\b(?:you(?:'ve| have)? been (?:randomly |specially |personally )?(?:selected|chosen|picked)|you(?:'ve| have)? won (?:a|an|our|\$|£|€|\d)|you are (?:our|the|a) (?:lucky |weekly |daily )?winner|(?:our|the|a) (?:lucky |weekly |daily )?winner of|(?:tu as|t'?as|vous avez) ete (?:selectionne|tire|choisi)\w*|(?:tu as|t'?as|vous avez) gagne (?:un|une|\d)\w* (?:iphone|ipad|ps5|carte cadeau|bon d'?achat|voyage|sejour|lot|prix|cheque|smartphone|samsung|airpods|\d+ ?(?:€|euros?))|(?:tu es|t'?es|vous etes) (?:notre|le|la) (?:grand |heureux |heureuse )?gagnante?|(?<!dead )(?<!s the )(?<!ys the )giveaway|concours gratuit|(?:first|les|premiers?|premieres?) \d+ (?:people|personnes|inscrits?) (?:to|a|qui) (?:click|cliquer|cliquent|repondre|s'?inscrire))\b",
        "selected",
        "chosen",
        "picked",
        "won",
        "winner",
        "selectionne",
        "tire",
        "choisi",
        "gagne",
        "gagnant",
        "giveaway",
        "concours",
        "first",
        "premier",
        judge=prize_or_thing,
    ),
    rule(
        "scam.phishing",
        0.8,
        r"\b(?:(?:just |only |juste |seulement )?(?:pay|payer|paie|paye|regle|regler) (?:just |only |juste |seulement |the |les |des )?(?:shipping|frais de (?:port|livraison|dossier|douane)|delivery (?:fee|fees|cost)|handling fee|customs fee|[$€£]?\d+[.,]\d\d ?[$€£]? (?:shipping|de frais|fee))|(?:confirm|verify|verifie|confirme|valide|validez) (?:\w+ ){0,2}(?:identity|identite|account|compte) (?:at|on|sur|via)|(?:verify|verifie|valide|confirme|confirm|check)\w* (?:\w+ ){0,2}(?:with|avec) (?:your|ta|votre|ton) (?:card|carte|cb|credit card|bank card|carte bancaire|carte bleue)|(?:offer|offre) (?:expires|expire|ends|valable|se termine) (?:in|dans|sous) \d+|claim (?:now|it now|your (?:prize|gift|reward|card))|(?:reclame|recupere|reclamez|recuperez) (?:ton|ta|votre|vos|tes) (?:lot|gain|cadeau|prix|recompense))\b",
        "pay",
        "paie",
        "paye",
        "regle",
        "confirm",
        "verif",
        "valide",
        "check",
        "offer",
        "offre",
        "claim",
        "reclame",
        "recupere",
    ),
    rule(
        "scam.webcam",
        0.75,
        r"\b(?:free registration|inscription (?:gratuite|offerte)|c'?est gratuit|it'?s free|no charge|sans frais)\b[^.!?\n]{0,50}\b(?:card|carte|cb)\b|\b(?:i'?m|je suis) (?:live|en live|en direct) (?:right )?(?:now|maintenant|la)\b|\b(?:click|clique|cliquez|check|regarde|va voir) (?:on |sur )?(?:my|mon) (?:profile|profil|bio|lien|link)\b[^.!?\n]{0,30}\b(?:see me|me voir|voir plus|more)\b|\bage check\b[^.!?\n]{0,30}\b(?:babe|bb|bebe|card|carte)\b",
        "free",
        "inscription",
        "gratuit",
        "no charge",
        "sans frais",
        "live",
        "en direct",
        "click",
        "clique",
        "check",
        "regarde",
        "va voir",
        "age check",
    ),
    # Pay per like that needs a deposit first.
    rule(
        "scam.phishing",
        0.8,
        r"\b\d+ ?(?:€|\$|euros?|dollars?|cts?|centimes)? (?:par|per|/|pour chaque|for each|each) (?:like|likes|avis|review|reviews|video|videos|tache|task|mission|clic|click|abonne|follower)\b|\b(?:debloquer|debloque|unlock) (?:les |the |des |tes |your )?(?:missions?|taches?|tasks?|niveaux?|levels?|retraits?|withdrawals?|gains|earnings|commissions?)\b|\b(?:deposer|depose|deposes|deposez|deposit|verser|verse|verses|versez|avancer|avance|payer|paye|paie) (?:juste |just |only |seulement )?\d+ ?(?:€|\$|euros?|usdt|dollars?)? (?:au debut|d'?abord|first|to start|pour commencer|pour debloquer|to unlock|de frais d'?inscription)\b",
        "like",
        "avis",
        "review",
        "video",
        "tache",
        "task",
        "mission",
        "clic",
        "click",
        "abonne",
        "follower",
        "debloqu",
        "unlock",
        "depos",
        "verse",
        "avance",
        "payer",
        "paye",
        "paie",
    ),
    # Links spelled to slip past link filters: "site[.]net", "site dot io", "bit .ly/x", and
    # "bit . ly / x", spaces on both sides of the dot. A sloppy full stop reads the same
    # ("fini . me voilà"), so that last spelling needs a suffix that is no word, a name with
    # a hyphen or a digit, or the path after it.
    rule(
        "scam.phishing",
        0.6,
        r"(?<!@)(?<!@ )\b[a-z0-9][a-z0-9-]{2,30}(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)| dot | \.)(?:com|net|io|top|xyz|ly|me|org|info|site|live|club|shop|biz|co|app|vip|cc|tk|gg|gifts?|promo|store|online|click|link|win|bet)\b(?!\s+(?:com|net))|"
        r"(?<!@)(?<!@ )\b[a-z0-9][a-z0-9-]{2,30} \. (?:com|net|io|xyz|ly|org|biz|tk|cc|gg|gifts?|click)\b(?!\s+(?:com|net))|"
        r"(?<!@)(?<!@ )\b[a-z0-9]+[-0-9][a-z0-9-]* \. (?:me|fr|co|top|info|site|live|club|shop|app|vip|help|online|link|win|bet)\b|"
        r"(?<!@)(?<!@ )\b[a-z0-9][a-z0-9-]{2,30} \. (?:me|fr|co|top|info|site|live|club|shop|app|vip|help|online|link|win|bet) ?/ ?\w|"
        r"\b[a-z0-9] \. (?:me|co|ly|gg) ?/ ?\w|"
        # The French "point" for the dot, never after the "arobase" of a spelled e-mail.
        r"(?<!@)(?<!arobase )(?<!at )\b[a-z0-9][a-z0-9-]{2,30} point (?:com|io|xyz|ly|org|site|shop|app|vip|online|club|win|bet)\b",
        "[.]",
        "(.)",
        "dot",
        " .",
        " point ",
        judge=site_on_request,
        once=True,
    ),
    # Doxxing: a named person (capitals) with where they live, study or work, or their
    # family's number; a call to a crowd to write to them.
    rule(
        "doxx.name",
        0.8,
        r"\b(?:c'?est|it'?s|this is|he'?s|she'?s|is|il s'?agit de|found (?:him|her)|trouve|trouvee?)[,:.]?\s+(?P<first>[a-z][a-z\-]+)\s+(?P<last>[a-z][a-z\-]+)\b[^.!?\n]{0,25}\b(?:\d{1,4},? (?:rue|avenue|allee|bd|boulevard|impasse|chemin|place|street|st|road|rd|lane|avenue)|(?:teaches|works|studies|goes|lives|bosse|travaille|habite|enseigne|vit|etudie) (?:at|in|to|a|au|chez|dans|en)|(?:son|sa|ses|his|her) (?:facebook|insta|instagram|adresse|address|numero|number|tel|fixe|ecole|school|boulot|job|travail))\b",
        "rue",
        "avenue",
        "allee",
        "bd",
        "boulevard",
        "impasse",
        "chemin",
        "place",
        "street",
        "road",
        "lane",
        "teaches",
        "works",
        "studies",
        "goes",
        "lives",
        "bosse",
        "travaille",
        "habite",
        "enseigne",
        "vit ",
        "etudie",
        "facebook",
        "insta",
        "adresse",
        "address",
        "numero",
        "number",
        "tel",
        "fixe",
        "ecole",
        "school",
        "boulot",
        "job",
        "travail",
        judge=_named_person,
    ),
    rule(
        "doxx.school",
        0.75,
        r"(?:\b(?:he|she|il|elle|they|ils|elles)|,) (?:goes|go|studies|study|va|vont|est|sont|etudie|etudient|is|are) (?:to|at|in|au|a la|a l'|en|dans) (?:(?:the )?(?:school|college|lycee|ecole|fac|universite|university|high school|ka|colegio|gymnasium|ecole primaire) [a-z]+|(?:lycee|college|ecole) [a-z]+)\b",
        "school",
        "college",
        "lycee",
        "ecole",
        "fac",
        "universite",
        "university",
        "gymnasium",
        "colegio",
        "ka ",
        judge=_not_kin,
    ),
    rule(
        "doxx.workplace",
        0.75,
        r"\b(?:he|she|il|elle) (?:teaches|works|bosse|travaille|enseigne|is a \w+) (?:at|in|a|au|chez|dans) (?:the |l'|la |le )?(?:[a-z]+ ){0,2}[a-z]+\b[^!?\n]{0,40}\b(?:here'?s|voici|voila|et (?:son|sa)|and (?:his|her)|(?:son|sa|his|her) (?:facebook|insta|adresse|address|numero|number|tel|husband|wife|mari|femme))\b",
        "teaches",
        "works",
        "bosse",
        "travaille",
        "enseigne",
        "is a",
    ),
    rule(
        "doxx.phone",
        0.8,
        r"\b(?:his|her|their|son|sa|leur) (?:mom'?s |mum'?s |dad'?s |mother'?s |father'?s |wife'?s |husband'?s |)(?:number|phone|cell|numero|num|tel|telephone|portable|fixe)(?: de (?:sa|son) (?:mere|pere|femme|mari|daronne|daron))? (?:is|c'?est|est|:)\s*(?:\+|0|\d)",
        "number",
        "phone",
        "cell",
        "numero",
        "num",
        "tel",
        "portable",
        "fixe",
        # A shop's "leur numéro" is no one's; a number passed on at its owner's wish counts
        # only (the same judge as the doxxing family's own rule).
        judge=phone_given,
    ),
    rule(
        "doxx.request",
        0.8,
        r"\b(?:everyone|everybody|all of you|tout le monde|allez|go|vous tous|let'?s all|let my followers|mes (?:abonnes|followers))\b[^.!?\n]{0,20}\b(?:spam|harcel\w*|harass|call|appel\w*|email|mail|write to|ecri\w*|report|signal\w*|insult\w*|flood|raid|dm|message)\w* (?:his|her|their|the|son|sa|ses|leur|l'|la|le|him|her|them|lui|les)\b|\bmake (?:his|her|their) life (?:hell|a living hell)\b|\bpourri[rs]? (?:sa|leur) vie\b|\bfaut qu'?on aille (?:le|la|les) voir\b",
        "spam",
        "harcel",
        "harass",
        "call",
        "appel",
        "email",
        "mail",
        "write to",
        "ecri",
        "report",
        "signal",
        "insult",
        "flood",
        "raid",
        "dm",
        "message",
        "life",
        "pourri",
        "faut qu",
    ),
]


# A message one received, reported or asked about: "je viens de recevoir un sms bizarre",
# "tu as reçu toi aussi un texto de la Poste ?", "did you get that text too?".
_RECEIVED = re.compile(
    r"\b(?:j'?ai|je viens d(?:e |')|on m'?a|i|i'?ve|i just|just|my (?:mum|mom|dad|gran\w*)|ma (?:mere|"
    r"grand-mere)|mon pere)"
    r" ?(?:aussi |deja |also |ever )?(?:recu|recevoir|envoye|got|received|gotten|get)"
    r" (?:un|une|des|ce|cet|cette|a|an|this|these|that|those|some|the same)"
    r" (?:\w+ ){0,2}?(?:sms|mail|e-?mail|message|texto|text|appel|call|courrier|lettre|dm)s?\b|"
    # Asked of someone else: a question, or "toi aussi" ("vous avez reçu un message" alone is
    # how the phishing itself begins).
    r"\b(?:tu as|t'?as|vous avez|avez-vous|as-tu|did you|have you|did u|have u)"
    r" (?:aussi |deja |pas |also |ever )?(?:recu|eu|got|gotten|received|get)"
    r" (?:toi aussi |vous aussi |aussi |too |also )?(?:un|une|des|ce|cet|cette|a|an|this|these|that|"
    r"those|some|the same) (?:\w+ )?(?:sms|mail|e-?mail|message|texto|text|dm)s?\b"
    r"(?:[^?.!\n]{0,60}\?| (?:toi aussi|vous aussi|too|as well))"
)
# What, said by the same sender a moment before, makes the next lines a report.
_REPORTED = re.compile(
    _RECEIVED.pattern
    + r"|\b(?:s'?est|se sont|me suis) fait (?:avoir|arnaque\w*|escroque\w*|pigeonne\w*|plume\w*)"
    r"|\b(?:failli|manque de) (?:se|me|te|nous) faire (?:avoir|arnaque\w*|escroque\w*|pigeonne\w*|"
    r"plume\w*|brout\w*)|\btomb\w* (?:pas )?dedans\b"
    r"|\b(?:got|was|were|been) (?:scammed|conned|defrauded|swindled)|\bfell for\b"
)


# The scam spoken of in general, or someone else's pitch reported, or the warning itself.
_WARNED = re.compile(
    # Any case: "quand quelqu'un te promet un rendement garanti", "anyone who promises you".
    r"\b(?:quand|si|des qu'?|when|if|whenever|once) (?:quelqu'?un|on|une personne|un inconnu|un mec|"
    r"une meuf|un site|une appli|someone|somebody|anyone|anybody|a stranger|a site|an app|a guy|people|"
    r"les gens) (?:te |vous |t'|you )?(?:promet|promettent|propose|proposent|demande|demandent|garantit|"
    r"dit|parle|offre|promises?|offers?|asks?|tells?|says?|guarantees?)\b|"
    r"\b(?:n'importe qui|toute personne|tous ceux|anyone|anybody|whoever|people|those) (?:qui|who) "
    r"(?:te |vous |you )?(?:promet|promettent|propose|proposent|demande|demandent|garantit|garantissent|"
    r"promise|promises|offer|offers|ask|asks|guarantee|guarantees)\b|"
    # Whom the scam impersonates never asks that: "la douane demande jamais de payer par coupons".
    r"\b(?:banques?|douanes?|police|gendarmerie|impots|administration|caf|ameli|la poste|conseillers?|"
    r"bank|banks|customs|irs|hmrc|microsoft|support)\b[^.!?\n]{0,25}\b(?:jamais|never)\b|"
    # The warning's own words, and the pattern named as one: "le même scénario", "classic MLM".
    r"\b(?:watch out|look out for|stay away from|steer clear|careful (?:with|of|about)|gaffe (?:aux|a ces)|"
    r"mefiez[- ]vous|fuyez|fuis (?:les|ces))\b|"
    r"\btomb\w* (?:pas )?(?:dedans|dans le panneau|dans le piege)\b|\bfall(?:s|ing)? for (?:it|this|that|"
    r"these|those)\b|"
    r"\b(?:meme|vieux|classique) (?:scenario|script|coup|plan|arnaque)\b|\bscenario (?:classique|habituel|"
    r"connu)\b|\ble (?:grand )?classique\b|\bc'?est (?:un |du )?(?:grand )?classique\b|"
    r"\bsame (?:old )?(?:story|script|scam|trick)\b|\b(?:classic|oldest|typical|textbook) (?:scam|trick|"
    r"mlm|pyramid|move|script)\b|\bmlms?\b|\bpyramid(?:e|ale)?s?\b|\bponzis?\b|"
    # Who never asks it, said by the speaker: "je ne te le demanderai jamais", "I'll never ask".
    r"\bne (?:te|vous) (?:le |la |les |l')?demander\w* jamais\b|\b(?:will|would|'ll) never ask (?:you|u)\b|"
    r"\bnever asks? (?:you|u|for)\b|"
    # Someone else's pitch to me, reported: "she wants me to join her team", "elle me disait de".
    # Whoever asked, in the past: "the one I got wanted me to deposit", "ils m'ont demandé de".
    r"\b(?:wanted|was asking|were asking|kept asking|had asked) (?:me|us|her|him|them) to\b|"
    r"\b(?:voulai(?:t|ent)|m'(?:a|ont|avait|avaient) demande|me demandai(?:t|ent)) (?:que (?:je|j'|"
    r"nous|on)|de |d')|"
    r"\b(?:she|he|they|my \w+) (?:wants?|wanted|asked|asks|keeps asking|is trying|was trying|tried|tries|keeps "
    r"trying) (?:to get )?(?:me|us) to [\"'«“‘]?(?:join|buy|invest|sign up|recruit|sell|become|put)\b|"
    r"\b(?:il|elle|ils|elles|mon \w+|ma \w+|mes \w+) (?:veut|veulent|voulait|voulaient) (?:que (?:je|j'|nous|on)|me faire|nous "
    r"faire) ?[\"'«“‘]?(?:rejoigne|achete|investisse|inscrive|m'inscrive|recrute|vende|devienne|entre|acheter|"
    r"investir|rejoindre|entrer)|\b(?:essaie|essaye|essaient|essayait|essayaient|a essaye) de (?:me|nous) "
    r"(?:recruter|vendre|faire (?:entrer|acheter|investir)|convaincre|refourguer|embrigader)\b|"
    r"\b(?:me|m'|nous|lui|leur) ?(?:disai(?:t|ent)|poussai(?:t|ent)|conseillai(?:t|ent)|obligeai(?:t|ent)|"
    r"forcai(?:t|ent)) (?:de |d'|a )|\b(?:was telling|kept telling|kept pushing|used to tell) (?:me|us|"
    r"her|him|them) to\b"
)


# Scams described, warned against or mocked: "ils promettent 20 % par mois sur des cryptos
# bidon", "beware of people who say invest 500 and get 5000".
_TALKED_ABOUT = re.compile(
    r"\b(?:ils|elles|they|les arnaqueurs|scammers|ces gens|ces mecs|les mecs qui) (?:te |vous |you )?"
    r"(?:promettent|promise|disent|say|proposent|offer|demandent|ask)\b|\b(?:arnaques?|bidons?|scams?|"
    r"fakes?|escroc\w*|brouteurs?|broutage|mefie\w*|beware|attention aux|risky|dangereux|dangerous)\b|"
    # A worry about the risk ("c'est risqué non ?"), not the verb of a scare ("risque d'être").
    r"\b(?:c'?est (?:trop |tres |un peu |pas )?risque\w*|trop risque\w*|(?:le|les|des|un|gros|quels?) "
    r"risques?)\b|"
    # A message going round, or the scam named: "y a un sms qui tourne", "c'est du phishing".
    r"\b(?:sms|mails?|e-?mails?|messages?|textos?|texts?|arnaques?|liens?|scams?)s? (?:qui (?:tourne|tournent|"
    r"circule|circulent|traine|trainent)|going (?:round|around))\b|\b(?:phishing|hameconnage|"
    r"signaler les spams|33700)\b|"
    # "Frauduleux" of a message or a site; "le virement frauduleux" is the fake bank's own voice.
    r"(?<!virement )(?<!operation )(?<!transaction )(?<!paiement )(?<!prelevement )(?<!achat )"
    r"(?<!activite )(?<!connexion )\bfrauduleu\w*|"
    # Who else got it, or the scam named by its quoted hook: "the 'you won an iphone' message".
    r"\b(?:qui (?:d'?autre )?(?:a|as) (?:recu|eu)|who else (?:got|received|gets|has had))\b|"
    r"\b(?:le|la|les|ce|cet|cette|ces|un|une|des|the|this|that|these|those|a) [\"'«“‘][^\"'«»“”‘’]{2,60}"
    r"[\"'»”’] ?(?:sms|mail|e-?mail|message|texto|text|dm|scam|arnaque|thing|truc|coup|site|link|lien|app|"
    r"appli|offre|offer|groupe|group|pub|ad|video|compte|account|plan|scheme|platform|plateforme|bot)s?\b|"
    # A quoted message described: "'Votre colis est bloqué...', avec un lien en .info".
    r"[\"'«“‘][^\"'«»“”‘’]{10,200}[\"'»”’],? (?:avec|with) (?:un|une|a|an) (?:lien|link|numero|number)\b|"
    # A victim's story: someone was had, fell for it, or lost money to "them".
    r"\b(?:s'?est|se sont|me suis|t'?es|t'?etais|vous etes|nous sommes|on s'?est|se faire|se fait|"
    r"me faire|te faire) (?:fait |faire )?(?:avoir|arnaque\w*|escroque\w*|pigeonne\w*|plume\w*|"
    r"berne\w*|entube\w*|hameconne\w*|brout\w*|pirate\w*|hacke\w*|vider? (?:son|ton|mon|leur|notre|"
    r"votre) compte)|\b(?:got|had) (?:his|her|my|their|your) (?:\w+ )?(?:account|wallet|card|savings) "
    r"(?:stolen|hacked|emptied|drained)\b|"
    r"\b(?:got|get|getting|was|were|been|being) (?:scammed|conned|ripped off|defrauded|swindled|"
    r"duped|catfished|burned|burnt)|\b(?:fell|fall|falls|falling|nearly fell) for\b|"
    r"\b(?:il|elle|ils|elles|he|she|they|mon \w+|ma \w+|my \w+) (?:a |ont |has |have )?(?:perdu|lost) "
    r"(?:\d|tout|everything|ses economies|his savings|her savings|their savings)|"
    # A pitch told in the past, by or to someone else: "un mec qui lui promettait x10".
    r"\b(?:qui|il|elle|ils|elles|on) (?:lui |leur |me |m'|nous |vous |te |t')?(?:promettai(?:t|ent)|"
    r"avai(?:t|ent) promis|a promis|ont promis|demandai(?:t|ent)|proposai(?:t|ent))\b|"
    r"\b(?:he|she|they|who) (?:had |then |also |always )?(?:promised|was promising|were promising|"
    r"kept asking|asked (?:for|her|him|them|me))\b|"
    # The trick pulled on someone, told by them: "ils m'ont fait le coup avec ...".
    r"\b(?:m'|nous |lui |leur |t'|te |vous )?(?:ont|a|avaient|avait|ont deja|a deja) fait le (?:meme )?coup\b|"
    r"\b(?:pulled|tried|pulls|tries) (?:the same|that|this|the) "
    r"(?:trick|scam|one) on\b|"
    # Asked of the room: "did anyone else get a text ...", "quelqu'un d'autre a reçu ...".
    r"\b(?:did|has|have) (?:anyone|anybody|someone|somebody|any of you) (?:else )?(?:get|got|gotten|"
    r"receive|received|had)\b|\b(?:quelqu'?un|qqn|qq1) (?:d'?autre |ici )?a (?:deja |aussi )?(?:recu|eu)\b|"
    # Someone else's pitch, and the listener pestered with it: "il me bassine avec une appli".
    r"\b(?:me|nous|lui|leur) (?:bassine\w*|saoule\w*|soule\w*|gave\w*|tanne\w*|harcele\w*|rebat\w* les "
    r"oreilles|casse les pieds) (?:avec|de|pour)\b|\b(?:keeps|kept) (?:going on|banging on|on at me|"
    r"nagging me|bugging me|pestering me) (?:about|with|to)\b|\bwon'?t (?:shut up|stop going on) about\b|"
    # Advice against it: "ne clique pas", "never share your seed phrase", "don't reply".
    r"\bne (?:le |la |les |lui |leur |l')?(?:clique[rz]?|cliquez|donne[rz]?|donnez|communique[rz]?|"
    r"communiquez|reponds|repondez|transmets|transmettez) (?:jamais|pas|surtout pas|rien)\b|"
    r"\bne (?:le |la |les |lui |leur |l')?(?:partage[rz]?|partagez|envoie[rz]?|envoyez) jamais\b|"
    r"\bjamais (?:donner|partager|communiquer|cliquer|envoyer|transmettre)\b|"
    r"\b(?:never|don'?t|do not|dont) (?:ever )?(?:click|give(?! up)|reply)\b|"
    r"\bnever (?:ever )?(?:to )?(?:share|send|enter|type|give(?! up)|click|reply)\b|"
    + _WARNED.pattern
    + "|"
    + _RECEIVED.pattern
)


# The impostor named as one: "un faux conseiller", "une fausse plateforme", "a fake agent";
# with a link, that is the lure of a rival site ("trop de faux profils ici, viens sur ...").
_IMPOSTOR = re.compile(
    r"\b(?:faux|fausses?|fake|bogus) (?:\w+ )?(?:conseill\w+|sites?|plateformes?|platforms?|profils?|"
    r"profiles?|comptes?|accounts?|coachs?|mentors?|agents?|banquiers?|bankers?|messages?|sms|mails?|"
    r"textos?|texts?|annonces?|ads?|offres?|offers?|soldats?|soldiers?|militaires?|policiers?|"
    r"gendarmes?|livreurs?|supports?|investissements?|investments?)\b"
)


# "C'est pas une arnaque", "100 % legit": what the scammer says, not the warning.
_DENIAL = re.compile(
    r"\b(?:pas (?:une |un |d'?)?(?:arnaque|scam|fake|bidon|escroquerie|ponzi)|not a (?:scam|fake|ponzi)|no scam|"
    r"100 ?% (?:legit|legal|reel|real|fiable|safe)|(?:sans|zero|aucun|0|pas de) risques?|no risks?|risk[- ]free|"
    r"without (?:any )?risk)\b"
)


def received(folded_text: str) -> bool:
    """Whether a folded line tells of a message received or of someone who was had."""
    return _REPORTED.search(folded_text) is not None


def scam_talked_about(norm: Normalized, context: MessageContext | None = None) -> bool:
    """Whether the message describes, warns against or mocks a scam rather than runs one.

    With the context, the sender's own last lines count too: who has just asked "tu as reçu
    ce texto bizarre ?" then quotes it, or has told how a relative was had, is reporting.
    """
    text = norm.folded.text
    if _DENIAL.search(text) is not None:
        return False
    if _TALKED_ABOUT.search(text) is not None or QUOTED.search(text) is not None:
        return True
    if _IMPOSTOR.search(text) is not None and not found(text):
        return True
    if context is None:
        return False
    return any(
        _REPORTED.search(said) is not None and _DENIAL.search(said) is None
        for said in map(folded, context.recent_from_sender[-3:])
    )
