"""Spam and scams: link floods, repeated messages, crypto, cam sites and phishing.

Repetition and floods need the sender's recent messages (``recent_from_sender``); they are
looked at only when the message itself could be part of one (a link, a line long enough to
be an advertisement), so an ordinary short line costs nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import RuleSet, rule
from causette.safety.detectors.schemes import earnings, scam_talked_about
from causette.safety.detectors.spam_frauds import RULES as _FRAUDS
from causette.safety.detectors.spam_impostors import RULES as _IMPOSTORS
from causette.safety.detectors.spam_judges import bank_details, click_here, lure
from causette.safety.detectors.spam_links import (
    BAIT_LINK,
    FREE,
    POINTERS,
    advert,
    asked_for,
    found,
    links,
    without_links,
)
from causette.safety.detectors.spam_offers import RULES as _OFFERS
from causette.safety.detectors.spam_payments import RULES as _PAYMENTS
from causette.safety.detectors.spam_pitches import RULES as _PITCHES
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized, fold

_SKELETON = re.compile(r"[^a-z]+")
_RULES = RuleSet(
    [
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:bitcoins?|btc|cryptos?|crypto-?monnaies?|usdt|ethereum|binance|forex|trading|trader|nft|airdrop|memecoin|shitcoin)\b.{0,80}\b(?:investi\w*|doubl\w*|gagn\w*|rendements?|profits?|x\d+|garanti\w*|opportunites?|benefices?|revenus?|passifs?|placements?|multipli\w*|invest\w*|returns?|earn\w*|profit\w*)\b|\b(?:investi\w*|doubl\w*|gagn\w*|multipli\w*|invest\w*|earn\w*)\b.{0,60}\b(?:bitcoins?|btc|cryptos?|usdt|ethereum|binance|forex|trading|nft)\b",
            "bitcoin",
            "btc",
            "crypto",
            "usdt",
            "ethereum",
            "binance",
            "forex",
            "trad",
            "nft",
            "airdrop",
            "coin",
        ),
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:gagne[rz]?|gagnes|earn|make) (?:jusqu'?a |plus de |up to )?\d[\d ,.]*\s?(?:€|e|euros?|\$|dollars?|k)\b.{0,20}\b(?:par|per|a|/|each) ?(?:jour|semaine|mois|day|week|month|heure|hour)\b|\bje (?:t'?apprends|te montre|peux t'?apprendre) (?:a|comment) (?:gagner|trader|investir|faire de l'argent)\b|\brevenus? passifs?\b|\bpassive income\b|\bdouble (?:ton|ta|your) (?:argent|mise|money|investment)\b",
            "gagn",
            "earn",
            "make",
            "apprends",
            "montre",
            "revenu",
            "passive",
            "double",
            judge=earnings(0.8),
        ),
        rule(
            "scam.webcam",
            0.75,
            r"\b(?:onlyfans|only fans|0nlyfans|mym\.fans|mym|fansly|chaturbate|stripchat|bongacams|cam4|camsoda|myfreecams|livejasmin|xcams)\b",
            "onlyfans",
            "only fans",
            "mym",
            "fansly",
            "chaturbate",
            "stripchat",
            "bongacams",
            "cam4",
            "camsoda",
            "myfreecams",
            "livejasmin",
            "xcams",
        ),
        rule(
            "scam.webcam",
            0.8,
            r"\b(?:viens|rejoins|retrouve|rejoignez|retrouvez|suis)[- ]moi sur (?:mon site|ma cam|ma page|mon profil|mon lien|le site|mon compte prive|mon espace|ma chaine)\b|\b(?:lien|link) (?:dans|in|en) (?:ma|my|la) bio\b|\b(?:cams?|webcams?|shows?|lives?) (?:gratuit\w*|prive\w*|hot|sexy|coquin\w*|x|perso)\b|\bverifie (?:ton age|que t'?es majeure?|ton identite) sur\b|\b(?:inscri(?:s|ption|t)[- ]?(?:toi )?(?:gratuite?(?:ment)?|free|ici|sur (?:ce|mon) (?:site|lien)))\b|\b(?:check|see) my (?:profile|bio|page|link)\b|\bsign up (?:for )?free\b|\bmon contenu (?:prive|exclusif)\b",
            "viens",
            "rejoins",
            "retrouve",
            "rejoignez",
            "retrouvez",
            "suis",
            "lien",
            "link",
            "cam",
            "show",
            "live",
            "verifie",
            "inscri",
            "check",
            "see my",
            "sign up",
            "contenu",
            judge=lure,
        ),
        rule(
            "scam.phishing",
            0.8,
            r"\b(?:ton|votre) compte (?:va etre|sera|a ete|est|risque d'?etre) (?:suspendu|supprime|bloque|desactive|ferme|pirate|restreint)\b|\b(?:verifie|confirme|valide|mets a jour|mettez a jour|verifiez|confirmez|validez) (?:ton|tes|votre|vos) (?:compte|identifiants?|mot de passe|coordonnees|carte|informations|infos|identite)\b|\b(?:donne[rz]?|envoie[rz]?|envoyez|communique[rz]?|dis|dites|file|transmet(?:s|tez|tre)?|dicte[rz]?|indique[rz]?|lis|lisez|donnez)(?:[- ](?:moi|nous|lui|leur|le|la))* (?:ton|le|votre|tes|vos|ce) (?:mot de passe|mdp|code (?:de verification|recu|sms|a \d chiffres|secret|de confirmation|de securite|de validation)|code que (?:tu|vous) (?:as|avez|vas|allez) (?:recu|recevoir)|cvv|cryptogramme|iban|rib|numero de carte|identifiants?)\b|\bcolis (?:en attente|bloque|retenu)\b|\bfrais de (?:livraison|douane|port) (?:de|a payer|pour)\b|\b(?:tu as|vous avez|t'?as) (?:ete selectionnee?s?|gagne (?:un|une|\d+|le (?:gros lot|tirage|concours|jackpot|prix|lot)))\b|\bfelicitations,? (?:tu|vous) (?:as|avez) (?:gagne|ete)\b",
            "compte",
            "verifie",
            "confirme",
            "valide",
            "mets a jour",
            "mettez",
            "verifiez",
            "confirmez",
            "validez",
            "mot de passe",
            "mdp",
            "code",
            "cvv",
            "crypto",
            "iban",
            "rib",
            "carte",
            "identifiant",
            "colis",
            "frais",
            "gagne",
            "selectionne",
            "felicitations",
            judge=bank_details,
        ),
        rule(
            "scam.phishing",
            0.8,
            r"\b(?:you'?ve won|you have won|claim (?:your|ur) (?:prize|reward|gift)|verify (?:your|ur) account|(?:your|ur) (?:\w+ )?account (?:will be |has been |is |was )?(?:temporarily |permanently |now |being )?(?:suspended|locked|disabled|compromised|restricted|frozen|on hold|limited|deactivated)|log ?in (?:now |here )?to (?:restore|unlock|verify|reactivate|recover) (?:your |ur )?(?:access|account)|restore (?:your |ur )?(?:access|account) (?:at|here|on|now)|send me the code|what'?s the code (?:you|u) (?:got|received)|enter your (?:password|card)|(?:confirm|verify|update|enter|provide|give me|send me) (?:your|ur) (?:card|card number|card details|bank details|banking details|login|password|pin|cvv|security code|one[- ]time code)|(?:the |a )?code (?:you|u) (?:will |are going to |re going to )?(?:receive|get|got|received)|failure to (?:verify|confirm|respond|comply|update)|will result in (?:the )?(?:closure|suspension|termination|deletion|blocking))\b",
            "won",
            "claim",
            "verify",
            "account",
            "log in",
            "login",
            "restore",
            "code",
            "enter",
            "confirm",
            "update",
            "provide",
            "give me",
            "send me",
            "failure",
            "result in",
        ),
        rule(
            "scam.phishing",
            0.75,
            r"\b(?:ton|votre|vos|tes) (?:pseudo|profil|compte|acces|messages?) (?:sera|seront|va etre|vont etre|risque d'?etre) (?:supprime|suspendu|bloque|desactive|ferme|efface)s?\b|\b(?:sans|faute de) (?:verification|validation|confirmation)\b|\b(?:cliquez|clique|click|tap) (?:ici|sur ce lien|sur le lien|here|this link|the link)\b|\b(?:gagne|gagnez|remporte|remportez|win|claim) (?:un|une|des|ton|ta|votre|an?|your|free) (?:iphone|ps5|samsung|carte cadeau|bon d'?achat|cadeau|prize|gift ?card|reward|\d+ ?(?:€|euros|\$))\b",
            "pseudo",
            "profil",
            "compte",
            "acces",
            "message",
            "sans",
            "faute",
            "clique",
            "click",
            "tap",
            "gagne",
            "remporte",
            "win",
            "claim",
            judge=click_here,
        ),
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:made|make|making|gagne|j'?ai fait|fait|earned|earn) \d[\d ,.]*\s?(?:€|e|euros?|\$|k|dollars?|usdt|btc)\s*(?:in|en) \d+ (?:days?|jours?|semaines?|weeks?|heures?|hours?|mois|months?)\b|\b(?:crypto|trading|forex|bitcoin|btc) ?(?:bot|signals?|group|groupe|mentor|coach|academy)\b|\b(?:vip|premium|gold|private|prive|paid|free|my|mes|nos|our) (?:signals|signaux|trading signals)\b|\b(?:signals?|signaux) (?:crypto|trading|forex|btc|bitcoin)\b|\b(?:j'?ai fait|fait|made|did) x\d{1,3} (?:en|in) \d{1,3} ?(?:h|heures?|jours?|hours?|days?)\b|\b(?:dm|mp|message) (?:me|moi) (?:for|pour) (?:the|le) (?:link|lien)\b",
            "made",
            "make",
            "making",
            "gagne",
            "fait",
            "earn",
            "crypto",
            "trading",
            "forex",
            "bitcoin",
            "btc",
            "dm",
            "mp",
            "message",
            "signals",
            "signaux",
        ),
        rule(
            "scam.webcam",
            0.8,
            r"\b(?:(?:celibataires?|filles|femmes|meufs|nanas|girls|singles) (?:chaudes?|coquines?|en direct|en live|hot|sexy|pres de chez (?:toi|vous)|near you|live)|(?:i'?m |je suis )?(?:live|en live|en direct)(?: (?:rn|right now|now|maintenant|la))? (?:on|sur) (?:my |ma |mon )?(?:cam|webcam|live)|(?:register|sign ?up|inscri\w*|inscrivez[- ]vous|subscribe)\b[^.!?\n]{0,20}\b(?:with|avec) (?:your|ur|ta|votre|ton) (?:card|carte|cb|credit card|carte bancaire)|come watch (?:me (?:live|now|tonight|right now|on (?:my )?(?:cam|live|stream|site|page))|my (?:show|live|cam|private))|cam ?shows?|cam ?girls?|sans inscription|no (?:sign ?up|registration) (?:needed|required))\b",
            "celibataire",
            "filles",
            "femmes",
            "meufs",
            "nanas",
            "girls",
            "singles",
            "live",
            "direct",
            "watch",
            "cam",
            "inscription",
            "sign",
            "registration",
            "register",
            "inscri",
            "subscribe",
        ),
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:connect (?:your|ur) wallet|free tokens?|airdrop|seed phrase|phrase de recuperation|premier depot|first deposit|\+?\d+ ?% (?:par|per|a la|each) (?:jour|semaine|mois|day|week|month)|pays? (?:you|u) to chat|paye pour (?:chatter|discuter)|(?:gagner de l'?argent|gagnez \d+\s?(?:€|euros?)?) (?:depuis|de) chez (?:toi|vous)|sans experience|formation offerte|places limitees|only \d+ spots|credit rapide|pret (?:rapide|express)|sans justificatif|signup bonus|bonus d'?inscription)\b",
            "wallet",
            "token",
            "airdrop",
            "seed",
            "recuperation",
            "depot",
            "deposit",
            "%",
            "pay",
            "paye",
            "chez",
            "experience",
            "formation",
            "places",
            "spots",
            "credit",
            "pret",
            "justificatif",
            "bonus",
        ),
        rule(
            "scam.phishing",
            0.8,
            r"\b(?:(?:colis|livraison|commande|envoi|parcel|package|delivery) (?:est |a ete |is |has been )?(?:bloquee?|en attente|retenue?|suspendue?|sera retournee?|on hold|suspended|held)|(?:votre|ta|ton|your|ur) (?:carte vitale|carte bancaire|permis|passeport|abonnement|forfait|card|subscription) (?:expire|a expire|va expirer|arrive a expiration|expires|has expired|is expiring)|(?:renouvele[rz]|mettez a jour|actualise[rz]|reactive[rz]|debloque[rz]|confirme[rz]|renew|reactivate|unlock)(?:-la|-le|-les)? (?:l'adresse |votre adresse |your address |it |la |le )?(?:(?:sur|via|on|at) (?=(?:ce |cette |le |la |l'|notre |nos |votre |this |the |our |your )?(?:liens?|sites?|links?|page|portail|portal|plateformes?|platform|espace|formulaire|form)\b|[a-z0-9-]+\.[a-z]{2,}|https?:|www\.)|ici|here)|payez \d|saisi(?:ssez|s|r) (?:vos|tes|ici vos) (?:coordonnees|informations|infos|identifiants|donnees)|(?:vous avez|tu as|t'?as) droit a un (?:remboursement|avoir|credit|dedommagement)|dernier rappel|(?:remboursement|regularisation|somme|virement|indemnisation|refund)\b[^.!?\n]{0,30}\b(?:vous est due?|t'?est due?|vous attend|is (?:due|waiting) (?:to|for) you)|(?:carte (?:bancaire|bleue|vitale)|cb|rib|(?:your|ur) (?:card|bank card)) pour (?:recevoir|toucher|etre rembourse|obtenir)|(?:your|ur) (?:card|bank details) to (?:receive|get) (?:the |your )?(?:refund|payment|money|transfer)|coordonnees bancaires|remboursement (?:de \d[\d,.]*\s?€ )?(?:est )?en attente|(?<!\bmon )(?<!\bmy )(?<!\bson )(?<!\bhis )(?<!\bher )(?<!\bnotre )(?<!\bour )(?:subscription|account|session|compte|abonnement) (?:has been |a ete |est )?(?:suspended|flagged|suspendu|signale|bloque)|update (?:your|ur) payment|(?:update|verify|confirm) (?:(?:your|ur) )?(?:card|billing|payment method)(?: details| info\w*)? (?:at|on|via|here)|(?:your|ur) (?:\w+ )?payment (?:has )?failed|to avoid (?:suspension|closure|cancellation|deactivation|being (?:banned|suspended|closed))|verify (?:(?:your|ur) )?(?:identity|age)|(?:or|ou) (?:be banned|etre banni)|verification (?:obligatoire|required|requise|necessaire)|(?:within|sous|dans les) (?:24|48) ?h|final warning|dernier avertissement)\b",
            "colis",
            "livraison",
            "commande",
            "envoi",
            "parcel",
            "package",
            "delivery",
            "expir",
            "renouvele",
            "actualise",
            "reactive",
            "debloque",
            "confirme",
            "renew",
            "unlock",
            "payez",
            "saisi",
            "droit a",
            "rappel",
            "vous est",
            "est du",
            "vous attend",
            "is due",
            "waiting",
            "pour recevoir",
            "pour toucher",
            "pour etre",
            "pour obtenir",
            "to receive",
            "to get",
            "bancaires",
            "remboursement",
            "subscription",
            "account",
            "session",
            "compte",
            "abonnement",
            "update",
            "verify",
            "confirm",
            "failed",
            "avoid",
            "banned",
            "banni",
            "verification",
            "24",
            "48",
            "warning",
            "avertissement",
        ),
        rule(
            "scam.crypto",
            0.75,
            r"\b(?:make|earn|gagne[rz]?) (?:\$|€|£)\d[\d,.]*k?(?: ?(?:-|to|a) ?(?:\$|€|£)?\d[\d,.]*k?)? (?:(?:a|per|par) (?:day|week|month|jour|semaine|mois)|daily|weekly|monthly)\b|\bfrom home\b.{0,20}\b(?:\$|€)\d|\b(?:\$|€)\d[\d,.]*k? (?:a|per) (?:day|week) from home\b",
            "make",
            "earn",
            "gagne",
            "from home",
            judge=earnings(0.75),
        ),
        rule(
            "scam.phishing",
            0.75,
            r"\b(?:(?:ton|votre) colis n'?a pas pu etre livre|reprogramme[rz]? (?:la|votre|ta) livraison|(?<!as )(?<!a )(?<!ont )(?<!avez )achete[rz]? des (?:followers|abonnes|likes|vues)|(?:followers|abonnes|likes) pas chers?|buy (?:followers|likes))\b",
            "colis",
            "reprogramme",
            "achete",
            "followers",
            "abonnes",
            "likes",
            "buy",
        ),
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:rendement garanti|rentabilite garantie|plateforme d'?investissement|investis(?:sez)? (?:des|\d+|avec moi|maintenant)|j'?ai multiplie mon (?:capital|argent|investissement)|mon conseiller (?:financier|crypto|trading)|opportunite d'?investissement|guaranteed (?:returns?|profit)|investment opportunity)\b",
            "rendement",
            "rentabilite",
            "plateforme",
            "investis",
            "multiplie",
            "conseiller",
            "opportunite",
            "guaranteed",
            "investment",
        ),
        rule(
            "scam.webcam",
            0.75,
            r"\b(?:(?:viens|venez|va) voir mes (?:photos|videos|vids)|mes (?:photos|videos) (?:privees|hot|nues|sexy|coquines)|voir mon profil (?:prive|complet)|ajoute[- ]moi pour (?:voir|plus)|je suis nouvelle ici,? (?:viens|regarde|va)|check (?:out )?my (?:private )?(?:pics|photos|videos|content))\b",
            "voir",
            "mes photos",
            "mes videos",
            "profil",
            "ajoute",
            "nouvelle",
            "check",
        ),
        rule(
            "scam.phishing",
            0.7,
            r"\b(?:verification d'?age|verifie[rz]? (?:ton|votre) age|(?:connecte|identifie)[- ]toi (?:ici|sur|via)|connectez[- ]vous (?:ici|sur|via)|lien de (?:verification|connexion|validation)|code de securite|(?:ton|votre) compte causette)\b",
            "verification",
            "verifie",
            "connecte",
            "identifie",
            "connectez",
            "lien de",
            "securite",
            "causette",
        ),
        rule(
            "scam.webcam",
            0.7,
            r"\b(?:viens|venez) me (?:voir|parler|rejoindre|retrouver|regarder) (?:gratuitement |en direct |en live |ce soir )?sur\b|\bcome (?:see|watch|find|chat with|join) me (?:for free |free |live |now |tonight )?on\b|\b(?:alone|seule?|bored|m'?ennuie) (?:\w+ )?(?:on|sur|devant) (?:my|ma) (?:cam|webcam)\b",
            "viens",
            "venez",
            "come",
            "alone",
            "seul",
            "bored",
            "ennuie",
        ),
        rule(
            "scam.phishing",
            0.7,
            r"\b(?:iptv|je vends (?:des |mes )?(?:comptes|followers|abonnements|codes)|abonnements? (?:netflix|iptv|spotify|disney) (?:pas chers?|a vie|gratuits?))\b",
            "iptv",
            "vends",
            "abonnement",
        ),
        rule(
            "scam.phishing",
            0.7,
            r"\b(?:gagne[rz]?|obtiens|obtenez|avoir|recois|recevez|j'?offre|offre|je donne|donne) (?:des |\d+ )?(?:abonnes|followers|likes|vues|v-?bucks|robux|diamants) (?:gratuit\w*|instagram|tiktok|insta|free|ici|en \d+)\b|\bfree (?:followers|robux|v-?bucks|likes)\b",
            "gagne",
            "obtiens",
            "obtenez",
            "avoir",
            "recois",
            "recevez",
            "free",
            "offre",
            "donne",
        ),
        rule(
            "scam.crypto",
            0.7,
            r"\b(?:je recrute|on recrute|nous recrutons|recrutement)\b.{0,60}\b(?:depuis chez|teletravail|a domicile|revenus?|argent|motive\w*|sans experience|bien paye\w*)\b|\btravail a domicile (?:bien paye|remunere|urgent|facile)\b|\bwork from home\b.{0,30}\b(?:\$|€|earn|paid)",
            "recrute",
            "recrutons",
            "recrutement",
            "travail a domicile",
            "work from home",
        ),
        # The bank's or the platform's security alert, as phishing words it to get a click.
        rule(
            "scam.phishing",
            0.6,
            r"\bsi (?:vous|tu) n'?(?:etes|es) pas a l'?origine (?:de|d'?)(?:ce|cette|cet)? ?(?:paiement|operation|connexion|achat|virement|transaction|demande|changement|prelevement)\b|\bif this (?:was not|wasn'?t|was n'?t) (?:you|u)\b|\bsecure (?:it|your account|ur account) now\b|\b(?:new|unknown|unrecognized|unrecognised) (?:device|login|sign[- ]in) (?:has been |was )?(?:added|detected)\b",
            "origine",
            "this was",
            "this wasn",
            "secure",
            "device",
            "login",
            "sign",
        ),
        # Streaming accounts resold: stolen or shared logins.
        rule(
            "scam.phishing",
            0.75,
            r"\b(?:vends|vend|vente de|revends|selling|sell) (?:des |mes |my )?(?:comptes?|acces|accounts?|logins?) (?:netflix|spotify|disney\+?|prime|canal\+?|deezer|premium|iptv|hbo)\b",
            "vend",
            "vente",
            "sell",
        ),
        # Money fast, sure bets, loans "between individuals": the advance-fee family.
        rule(
            "scam.crypto",
            0.75,
            r"\b(?:tu veux|vous voulez|envie de|want|wanna|recois|recevez|receive|gagnez|earn|make) (?:jusqu'?a |up to )?\d{2,6} ?(?:€|e|euros?|\$|dollars?) (?:en|in) \d{1,3} ?(?:h|heures?|jours?|hours?|days?|min\w*)\b|\bpronos? (?:surs?|sures?|gagnants?|garantis?|100 ?%|vip)\b|\b(?:sure|guaranteed|fixed) (?:bets?|tips|matches)\b",
            "veux",
            "voulez",
            "envie",
            "want",
            "recoi",
            "recev",
            "gagnez",
            "earn",
            "make",
            "prono",
            "sure",
            "guaranteed",
            "fixed",
        ),
        # Lost money "recovered" for a fee; bets that cannot lose.
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:recover|retrieve|get back) (?:your |ur )?(?:lost |stolen |scammed )?(?:crypto|funds|money|bitcoins?|btc|usdt|investments?)\b|\b(?:recuperer|recupere|recuperez|recupe\w*) (?:ton |votre |vos |tes )?(?:argent|fonds|cryptos?|bitcoins?|investissements?) (?:perdu|vole|arnaque)\w*|\bsend \d+(?:[.,]\d+)? ?(?:btc|eth|usdt|bitcoin)s? (?:as|for) (?:a |the )?(?:fee|fees|deposit)\b|\b(?:paris|pronos?|bets?|mises?|tips)\b[^.!?\n]{0,40}\b(?:a coup sur|gagnants? a coup sur|garantis?|can'?t lose|sure win|100 ?% (?:sur|sure|gagnant\w*|fiables?))",
            "recover",
            "retrieve",
            "get back",
            "recuper",
            "recupe",
            "send",
            "paris",
            "prono",
            "bet",
            "mise",
            "tips",
        ),
        rule(
            "scam.phishing",
            0.75,
            r"\bprets? (?:d'?argent )?entre particuliers\b|\b(?:particuliers?|personne privee|private lender|individual)\b[^.!?\n]{0,30}\b(?:offre|propose|prete|accorde|offers?|lends?|gives?|granting)\w* (?:des |un |de l'?)?(?:prets?|credits?|loans?|financements?)\b|\b(?:prets?|credits?|loans?|financements?)\b[^.!?\n]{0,25}\b(?:de|from) (?:[$€£] ?\d[\d ,]*\d|\d[\d ]*\s?(?:€|euros?|\$|£)) ?(?:a|to) (?:[$€£] ?\d[\d ,]*\d|\d[\d ]*\s?(?:€|euros?|\$|£))[^.!?\n]{0,30}\b(?:taux|rate|interest|interet)\b|\b(?:credit|pret) (?:rapide|express|immediat) sans (?:justificatif|frais|banque)\b|\bloans? (?:available|offer\w*)\b|\bno credit check\b|\bcomptes? (?:tiktok|insta\w*|snap\w*|youtube|twitch|fortnite|netflix) (?:certifies?|verifies?)?\s*(?:a vendre|for sale)\b",
            "particulier",
            "credit",
            "pret",
            "loan",
            "compte",
            "privee",
            "private",
            "individual",
            "financement",
        ),
        # Bought audiences: followers, likes or views priced, sold or on promotion.
        rule(
            "scam.followers",
            0.8,
            r"\b\d[\d .]*k? ?(?:followers|abonnes|likes|vues|views|subs|subscribers|j'?aime)\b ?(?:=|pour|a|for|:|->)? ?(?:\d+[.,]?\d* ?(?:€|e|euros?|\$|dollars?)|[$€£] ?\d)|\b(?:followers|abonnes|likes|vues|views|subscribers) \d[\d .]*k? ?(?:=|pour|a|for|:|->)? ?(?:\d+[.,]?\d* ?(?:€|euros?|\$|dollars?)|[$€£] ?\d)|\b(?<!as )(?<!a )(?<!ont )(?<!avez )(?:achete[rz]?|acheter|vends|vend|vente de|buy|sell(?:ing)?|besoin de|need|booste[rz]?|boost) (?:des |de |tes |vos |your |more |real |vrais )?(?:\d+k? )?(?:followers|abonnes|likes|vues|views|subscribers)\b|(?:\b(?:promos?|reductions?|discount)\b|-\d+ ?%).{0,30}\b(?:likes|followers|abonnes|vues|views)\b",
            "follower",
            "abonne",
            "like",
            "vues",
            "views",
            "subs",
            "aime",
        ),
        # Get-rich schemes: money from home in steps, a group to copy, the link "in bio".
        rule(
            "scam.crypto",
            0.8,
            r"\b(?:make|earn) (?:money|cash|\$+) (?:from|at) home\b|\bgagne[rz]? (?:de l'?argent|des sous|de la thune) (?:depuis|de) (?:chez (?:toi|vous|soi)|la maison|ton canape)\b|\b(?:copy|copie[rz]?) (?:my|mes|nos|our) (?:trades|trade|signaux|signals|positions)\b|\b(?:link|lien) (?:in|en|dans) (?:my |ma )?bio\b|\b(?:free|gratuit) ebook\b|\bebook (?:gratuit|offert)\b|\barrondir (?:tes|vos) fins de mois\b|\b(?:tape[sz]?|ecris|ecrivez|envoie[sz]?|commente[sz]?|dm me|message me|send me|comment|reply) (?:[\"'«“][a-z]{2,12}[\"'»”]\s*$|[\"'«“][a-z]{2,12}[\"'»”] (?:en (?:mp|dm|prive|commentaire)|in (?:the )?(?:dm|dms|comments)|to (?:get|receive)|for the|pour (?:recevoir|avoir|le|la))|(?!(?:moi|me|nous|lui|leur|us|it|him|her)\b)[a-z]{2,12} (?:en (?:mp|dm|commentaire)|in (?:the )?(?:dm|dms|comments)))(?!\w)",
            "home",
            "gagne",
            "copy",
            "copie",
            "bio",
            "ebook",
            "arrondir",
            "tape",
            "ecri",
            "envoie",
            "comment",
            "dm me",
            "message me",
            "send me",
            "reply",
        ),
    ]
)


@lru_cache(maxsize=4096)
def _skeleton_folded(text: str) -> str:
    return fold(text).text


@lru_cache(maxsize=4096)
def _skeleton(text: str) -> str:
    # The sender's recent lines come back with every message: fold each once.
    return _SKELETON.sub("", fold(text).text)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Link floods, repetition and the scams."""
    talked_about: bool | None = None  # looked for only once a scam signal is there
    for signal in chain(
        _RULES.scan(norm, context),
        _OFFERS.scan(norm, context),
        _PITCHES.scan(norm, context),
        _FRAUDS.scan(norm, context),
        _IMPOSTORS.scan(norm, context),
        _PAYMENTS.scan(norm, context),
    ):
        if signal.rule.startswith("scam.") and talked_about is None:
            talked_about = scam_talked_about(norm, context)
        if talked_about and signal.rule.startswith("scam."):
            continue  # "ils promettent 20 % par mois sur des cryptos bidon": a warning
        yield signal
    view = norm.folded
    text = view.text
    count = links(text)
    whole = view.span(0, len(text)) if text else (0, 0)
    if count >= 3:
        yield Signal("spam.link", 0.8, whole)
    elif count == 1 and advert(text) and not asked_for(norm, context):
        yield Signal("spam.link", 0.6, whole)
    elif count == 1 and FREE.search(without_links(text)):
        linked = any(links(_skeleton_folded(t)) for t in context.recent_from_sender[-5:])
        pointed = (
            not POINTERS.isdisjoint(norm.original)
            or "->" in text
            or any(BAIT_LINK.search(link) for link in found(text))
        )
        yield Signal("spam.link", 0.6 if linked or pointed else 0.45, whole)
    elif count == 1 and not context.recent_from_sender:
        # A link as someone's first words in a conversation is how a bot starts.
        yield Signal("spam.link", 0.45, whole)
    elif count:
        earlier = sum(1 for t in context.recent_from_sender[-5:] if links(_skeleton_folded(t)))
        if earlier >= 2:
            yield Signal("spam.link", 0.7, whole)
        elif count == 2:
            # Two links among friends (two articles, a site and a portfolio) are chat; with
            # an advert's words around them, an advert.
            yield Signal("spam.link", 0.6 if advert(text) else 0.45, whole)
    if context.recent_from_sender:
        skeleton = _SKELETON.sub("", text)
        if len(skeleton) >= 12 or (count and len(skeleton) >= 4):
            # The same letters, or the same first thirty (an advert whose link or tail varies).
            head = skeleton[:30]
            repeats = sum(
                1
                for t in context.recent_from_sender[-10:]
                if _skeleton(t) == skeleton or (len(head) == 30 and _skeleton(t)[:30] == head)
            )
            if repeats == 1 and _linked_since(skeleton, context.recent_from_sender[-10:]):
                # A line said again after the sender's own links in between: a bot's loop
                # (greeting, link, link, greeting), not a friend saying it twice.
                repeats = 2
            if repeats:
                yield Signal("spam.repeat", round(min(0.9, 0.4 + 0.2 * repeats), 2), whole)


def _linked_since(skeleton: str, mine: tuple[str, ...]) -> bool:
    """Whether the sender posted links (two lines or more) since they last said ``skeleton``."""
    for back, earlier in enumerate(reversed(mine)):
        if _skeleton(earlier) == skeleton:
            since = mine[len(mine) - back :]
            return sum(1 for t in since if links(_skeleton_folded(t))) >= 2
    return False
