"""Scams sold as offers: prize draws, resold accounts, paid tips, network marketing, referral
apps, an investment "coach", a dating site one is asked to move to.

Each shape is the offer's own structure (a fee to claim a prize, a stake that "now withdraws"
more every week, a starter kit and a team to build, a code to enter for a shared bonus), not
one advert's words. ``spam.py`` runs these with its own rules, so a warning or a mockery of
the scam (``schemes.scam_talked_about``) silences them the same way.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.normalize import Normalized

_STREAMING = r"(?:netflix|spotify|disney\+?|prime(?: video)?|hbo(?: max)?|canal\+?|deezer|iptv|crunchyroll|youtube premium|apple tv)"
_AMOUNT = r"(?:[$€£] ?\d[\d.,]*k?|\d[\d.,]*k? ?(?:€|\$|£|e\b|euros?|dollars?|balles)?)"

# What makes a list of prices a shop: how to buy, a stock, a promise of cheapness or warranty.
_SALE = re.compile(
    r"\b(?:dm|mp|pm|tg|telegram|whatsapp|snap|paypal|lydia|virement|cheap|pas cher\w*|stock|dispo|"
    r"garantie?|warranty|livraison|delivery|instant\w*|vends?|selling|sell|vente|achat|buy|prix|"
    r"price|promo\w*|bulk|revendeurs?|resellers?)\b"
)


def _for_sale(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Netflix 13 €, Disney 9 €, ça fait cher" compares bills; the shop says how to buy.
    said = match.group()
    if re.match(r"(?:selling|sell|vend|revend|vente)", said) or re.search(
        r"lifetime|a vie|illimite|unlimited", said
    ):
        return ("scam.phishing", 0.75)
    text = norm.folded.text
    if _SALE.search(text) or any(_SALE.search(t) for t in context.recent_from_sender[-3:]):
        return ("scam.phishing", 0.75)
    return None


# A job's words or its pay: what makes parcels received and sent on a "position".
_JOB = re.compile(
    r"[$€£]|\d ?(?:euros?|e)\b|\b(?:paye\w*|paid|pay|salaire|salary|remuner\w*|job|travail|poste|"
    r"emploi|entreprise|societe|company|recrut\w*|hiring|contrat|contract|mission|position|apply|"
    r"postule\w*|candidat\w*)\b"
)


def _parcel_job(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Je reçois les colis de ma sœur et je les lui renvoie" is a favour; paid, it is a mule.
    lines = (norm.folded.text, *map(folded, context.recent_from_sender[-3:]))
    return ("scam.crypto", 0.75) if any(_JOB.search(line) for line in lines) else None


def _more_back(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "Envoie 20 € et tu récupères 20 € demain" is a loan paid back; more back is the lure.
    try:
        given = float(match.group("given").replace(",", "."))
        back = float(match.group("back").replace(",", "."))
    except ValueError:
        return None
    return ("scam.crypto", 0.8) if back > given else None


RULES = RuleSet(
    [
        # A prize one never entered for: chosen at random, to claim fast, for a small fee.
        rule(
            "scam.phishing",
            0.75,
            r"\b(?:(?:selected|chosen|picked|drawn|selectionnee?s?|choisie?s?|tiree?s?) (?:randomly|at random|au hasard|au sort)|(?:randomly|specially) (?:selected|chosen|picked|drawn)|(?:selected|chosen|picked|selectionnee?s?|choisie?s?) (?:as|comme) (?:\w+ ){0,2}(?:winner|gagnante?)|claim (?:it |your \w+ |ur \w+ )?(?:within|in|before) \d+ ?(?:min\w*|h|hrs?|hours?)|reclame[rz]? (?:ton|votre|ta) (?:lot|prix|cadeau|gain) (?:avant|sous|dans|en)\b)\b",
            "random",
            "hasard",
            "au sort",
            "winner",
            "gagnant",
            "claim",
            "reclame",
        ),
        # Streaming logins resold: "lifetime" access, a list of services with their prices.
        rule(
            "scam.phishing",
            0.75,
            rf"\b(?:accounts?|comptes?|abonnements?|subscriptions?|acces|logins?) {_STREAMING} (?:lifetime|a vie|illimite\w*|unlimited)\b|\b{_STREAMING}\b[^.!?\n]{{0,30}}\b(?:lifetime|a vie)\b|\b(?:selling|sell|vends?|revends?|vente de) (?:[\w+]+,? ){{1,5}}(?:accounts?|comptes?)\b|\b{_STREAMING}(?: 4k| premium| hd)? {_AMOUNT}[,;/ ]+(?:et |and )?{_STREAMING}(?: 4k| premium| hd)? {_AMOUNT}",
            "lifetime",
            "a vie",
            "illimite",
            "unlimited",
            "sell",
            "vend",
            "vente",
            "netflix",
            "spotify",
            "disney",
            "prime",
            "hbo",
            "canal",
            "deezer",
            "iptv",
            "crunchyroll",
            "youtube",
            "apple tv",
            judge=_for_sale,
        ),
        # Paid tips: a private channel of "sure" bets, its streak of wins and its proofs.
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:(?:canal|groupe|channel|group|chaine|salon|telegram) (?:vip|prives?|premium|payant|paid)|abonnement|subscription)\b[^.!?\n]{0,30}\b(?:pronos?|pronostics?|paris sportifs|betting tips|bets)\b|\b(?:pronos?|pronostics?|betting tips)\b[^.!?\n]{0,30}\b(?:vip|prives?|premium|abonnement|subscription)\b|\bpreuves? de (?:gains?|victoires?)\b|\bproofs? of (?:wins|winnings|profits?|gains)\b|\b\d{1,3} (?:victoires|wins|gagnants?|paris gagnes|matchs gagnes) (?:d'?affilee|de suite|consecuti\w*|in a row|straight)\b",
            "canal",
            "groupe",
            "channel",
            "group",
            "chaine",
            "salon",
            "telegram",
            "abonnement",
            "subscription",
            "prono",
            "paris",
            "bets",
            "tips",
            "preuve",
            "proof",
            "victoires",
            "wins",
            "gagnant",
            "gagnes",
        ),
        # Network marketing: a starter kit, a team to build, a cut on every recruit.
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:marketing de reseau|vente en reseau|network marketing|kit de demarrage|starter kit|(?:build|grow) (?:your|your own|a) downline|(?:tu gagnes|on gagne|vous gagnez|you earn|you make) (?:\w+ )?(?:sur|on|from) (?:chaque|chacune des|every|each) (?:personne|filleul\w*|recrue\w*|inscrit\w*|person|recruit\w*|referral\w*)|(?:2e|deuxieme|second|2nd) (?:salaire|revenu|income|paycheck) (?:en (?:bossant|travaillant|faisant)|depuis (?:chez|mon|ton|son)|avec (?:mon|ton|son) (?:tel|telephone|portable)|from (?:home|my phone)|working|by working)\b)",
            "marketing",
            "reseau",
            "kit",
            "downline",
            "chaque",
            "chacune",
            "every",
            "each",
            "salaire",
            "revenu",
            "income",
            "paycheck",
        ),
        # Money from an app or a game, a code to enter for a bonus shared with who sent it.
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:gagne\w*|earn\w*|make|making|made|retire\w*|withdr[ae]w\w*|cash(?:ed)? out) (?:de l'?argent|des sous|money|cash|\d[\d.,]*k? ?(?:€|\$|£|e\b|euros?)?) (?:\w+ ){0,2}?(?:avec|grace a|sur|with|on|from) (?:une|un|cette|cet|mon|ma|an|a|this|my) (?:appli(?:cation)? de jeux?|app de jeux?|jeu|game|gaming app)\b|\b(?:rentre|entre|entrez|utilise|utilisez|mets|mettez|tape|tapez|saisis|saisissez|use|enter|type) (?:mon|my) (?:code|code promo|code parrain\w*|referral code|invite code)\b[^.!?\n]{0,40}\b(?:gagne\w*|earn|get|recoi\w*|bonus|offerts?|free|chacun|tous les deux|both)\b",
            "appli",
            "app",
            "jeu",
            "game",
            "code",
        ),
        # A mentor for trading: "il a commencé le trading avec un coach", "my crypto mentor on tg".
        rule(
            "scam.crypto",
            0.6,
            r"\b(?:trading|trade|crypto|forex|bourse|bitcoin|btc)\b (?:\w+ ){0,2}?(?:avec|with|grace a|thanks to) (?:un|une|a|mon|ma|my|son|sa|his|her|notre|our) (?:coach|mentor|formateur|formatrice|gourou|guru)\b",
            "avec",
            "with",
            "grace a",
            "thanks to",
        ),
        # Paid to like, watch or review: the "task" that later asks for a deposit.
        rule(
            "scam.crypto",
            0.75,
            r"\b(?:(?:on|je|nous|j'?) ?(?:te|vous) (?:paie|paye|payons|paierai|payerai|remunere|remunerons)|(?:we|i|they)(?:'ll| will)? (?:pay|pays) (?:you|u)) (?:\d[\d.,]* ?(?:€|\$|£|euros?|dollars?) )?(?:to|pour) (?:like|liker|watch|regarder|review|noter|follow|suivre|rate|comment|commenter|mettre des likes|laisser des avis)\b|\b(?:paye|paid|remunere)e?s? \d[\d.,]* ?(?:€|\$|£|e|euros?|dollars?)? (?:par|per|a|each|the|pour chaque|for each) (?:like|video|vid|avis|review|tache|task|follow|abonnement|commentaire|comment)s?\b",
            "pay",
            "paie",
            "paye",
            "payons",
            "remunere",
            "paid",
        ),
        # A return per period "guaranteed": "3000 par mois assurés", "$500 a week guaranteed".
        rule(
            "scam.crypto",
            0.7,
            rf"{_AMOUNT} (?:par|per|a|/|each|every) ?(?:jour|semaine|mois|day|week|month)s? (?:assures?|garantis?|guaranteed|sans risques?|risk[- ]free|sure|surs?)\b",
            "assure",
            "garanti",
            "guaranteed",
            "risque",
            "risk",
            "sure",
            "sur",
        ),
        # Send an amount, get more back: the doubling "giveaway".
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:send|sends|envoie\w*|envoyez|transfer\w*|transfere\w*|deposit|depose\w*|verse\w*) (?:me |moi |us |nous )?(?P<given>\d[\d.,]*) ?(?P<unit>btc|eth|usdt|sol|bnb|ltc|doge|€|\$|£|euros?|dollars?)(?!\w)[^.!?\n]{0,40}\b(?:recoi\w*|recevez|recevras|receive|get|gets|recupere\w*|touche\w*)(?: back)? (?P<back>\d[\d.,]*) ?(?:btc|eth|usdt|sol|bnb|ltc|doge|€|\$|£|euros?|dollars?)",
            "send",
            "envoie",
            "envoyez",
            "transfer",
            "deposit",
            "depose",
            "verse",
            judge=_more_back,
        ),
        # A stake that multiplies: "il a mis 250 et là il retire 1800 par semaine".
        rule(
            "scam.crypto",
            0.75,
            rf"\b(?:mis|mise|investi|place|depose|put in|invested|deposited|started with) {_AMOUNT}\b[^.!?\n]{{0,40}}\b(?:retire\w*|gagne\w*|touche\w*|sort|withdraws?|makes?|earns?|gets?|pulls?|cashes) {_AMOUNT} (?:par|per|a|chaque|each|every|/) ?(?:jour|semaine|mois|day|week|month)\b",
            "jour",
            "semaine",
            "mois",
            "day",
            "week",
            "month",
        ),
        # The parcel mule's "job": receive parcels at home, send them on, paid for it.
        rule(
            "scam.crypto",
            0.75,
            r"\breceptionn\w* (?:de |des |les )?(?:colis|paquets|parcels|packages)\b|\breshipp\w*|"
            r"\b(?:package|parcel) forwarding\b|\bcolis a (?:reexpedier|renvoyer)\b|"
            r"\b(?:recevoir|recois|recevez|receive|receiving|accept|accepting|take in) (?:des |les |the |some )?"
            r"(?:colis|paquets|packages|parcels)\b[^.!?\n]{0,40}\b(?:reexped\w*|renvo\w*|reship\w*|"
            r"forward\w*|send them (?:on|out)|post them (?:on|out)|repost\w*)",
            *("receptionn", "reshipp", "forwarding", "colis", "paquets", "packages", "parcels"),
            judge=_parcel_job,
            once=True,
        ),
        # A month's pay for an hour a day: "1200 €/mois pour 1h par jour".
        rule(
            "scam.crypto",
            0.75,
            rf"{_AMOUNT} ?(?:/|par|per|a|an|each) ?(?:mois|semaine|jour|month|week|day)s? (?:pour|for|avec|with) "
            r"(?:seulement |only |just |juste |a peine )?(?:\d{1,2}|une?|one|two|deux) ?(?:h|hr|hrs|heures?|"
            r"hours?) (?:par|per|a|/) ?(?:jour|day|semaine|week)\b",
            *("heure", "hour", "hr", "h par", "h/", "h per", "h a jour", "h a day", "h a week"),
        ),
        # A free gift card from a site, a bot, a link: the lure to a login page.
        rule(
            "scam.phishing",
            0.7,
            r"\b(?:sites?|apps?|applis?|links?|liens?|bots?|generators?|generateurs?|servers?|serveurs?|"
            r"discords?)\b[^.!?\n]{0,40}\b(?:free (?:\$?\d+ )?(?:steam|psn|playstation|xbox|amazon|"
            r"google play|itunes|roblox|nintendo|gift) (?:gift )?(?:cards?|codes?|credits?)|(?:cartes?|codes?) "
            r"(?:cadeaux? )?(?:steam|psn|playstation|xbox|amazon|google play|itunes|roblox|nintendo|cadeaux?) "
            r"(?:gratuit\w*|offerte?s?))",
            *("steam", "psn", "playstation", "xbox", "amazon", "google play", "itunes", "roblox"),
            *("nintendo", "gift", "cadeau"),
        ),
        # The mentor praised with the scheme's own promise: money back fast, and "honest".
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:withdrawals?|retraits?|payouts?|paiements?) (?:in|en|sous|within|under|in less than|en moins "
            r"de) (?:\d{1,2}) ?(?:h|hrs?|hours?|heures?|min\w*)\b|\b(?:honest|legit|trusted|genuine|certified|"
            r"honnete|certifiee?|fiable) (?:account manager|mentor|trader|broker|gestionnaire de compte|tradeuse|"
            r"courtiere?|experte? (?:en )?(?:trading|crypto|forex))\b|\b(?:mentor|trader|tradeuse|courtiere?|"
            r"experte? (?:en )?(?:trading|crypto|forex)|gestionnaire de compte) (?:\w+ )?(?:honnete|fiable|"
            r"certifiee?|honest|legit|trusted)\b",
            *("withdraw", "retrait", "payout", "paiement", "manager", "mentor", "trader", "broker"),
            *("gestionnaire", "tradeuse", "courtier", "expert"),
        ),
        # Moved to another site to "talk there": sign up first, then write to me over there.
        rule(
            "scam.webcam",
            0.7,
            r"\b(?:inscri\w*|inscrivez|register\w*|sign(?:ing)? ?up|cree[rz]? (?:un|ton|votre) compte|create (?:an|your) account)\b[^.!?\n]{0,40}\b(?:envoie|ecris|ecrivez|ecrit|parle|message|text|write|find|retrouve|rejoins)[- ]?(?:moi|me) (?:un (?:msg|message|mot) |a (?:message|msg) )?(?:la[- ]bas|dessus|sur (?:le site|l'?appli)|there|on it|over there)\b|\b(?:ici|here) (?:y a|ya|il y a|there are) (?:trop de|que des|plein de|too many|so many) (?:faux|fakes?|bots?|arnaqueurs|scammers)\b[^!?\n]{0,60}\b(?:sur|on) [a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b",
            "la-bas",
            "la bas",
            "dessus",
            "le site",
            "l'appli",
            "lappli",
            "appli",
            "there",
            "on it",
            "faux",
            "fake",
            "bot",
            "arnaqueur",
            "scammer",
        ),
    ]
)
