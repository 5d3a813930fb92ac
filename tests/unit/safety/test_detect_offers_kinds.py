"""Round-2 classes of wording for spam offers, hate by kind or birth, and paid company.

Each case is written for this test: the structure of an offer (a prize drawn at random, resold
logins, a tips channel, network marketing, a referral code, a stake that multiplies, a move to
another site), of a group attacked by its nature, and of money for time; with the sentences
that share their words without being them.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)
ACTS = 0.5


def acting(text: str, prefix: str, context: MessageContext = ROOM) -> list[str]:
    return [s.rule for s in detect(text, context) if s.rule.startswith(prefix) and s.score >= ACTS]


@pytest.mark.parametrize(
    "text",
    [
        "you have been randomly selected to receive a free galaxy s24",
        "vous avez été tiré au sort parmi nos membres pour une carte de 300 €",
        "claim it within 20 minutes or it goes to the next person",
        "selling spotify, deezer and youtube accounts, dm me",
        "comptes netflix à vie, 10€ seulement",
        "netflix 5€ / disney+ 4€, paiement paypal",
        "abonnement 39€ par mois pour mes pronostics foot",
        "rejoins mon groupe vip de pronos, 12 victoires d'affilée",
        "preuves de gains en story",
        "starter kit only $149 and you earn on every recruit",
        "c'est de la vente en réseau, tu gagnes sur chaque filleul",
        "je me fais un 2e salaire en bossant depuis mon canapé",
        "j'ai retiré 300€ avec un jeu sur mon tel, c'est fou",
        "use my referral code JADE7 and we both get 15 dollars",
        "mon voisin a investi 500 et maintenant il touche 900 par semaine",
        "she put in $300 and now withdraws $2000 a week",
        "crée un compte sur le site et écris-moi là-bas",
        "sign up on my page and message me there",
        "ici y a trop de faux profils. sur coeurs-du-76.net tout est vérifié",
        "mon frère a commencé le trading avec un coach, il gagne bien",
        "i got into crypto with a mentor from telegram",
        "va sur cadeaux-faciles point com et rentre ton numéro",
        "on te paie pour liker des vidéos, 40€ par jour",
        "we pay you to watch short videos",
        "payé 3€ par avis laissé sur amazon",
        "2000 par mois garantis avec ma méthode",
        "$500 a week guaranteed, no experience",
        "envoie 0.05 btc et tu reçois 0.1 btc",
        "send me 100$ and get 300$ back in an hour",
    ],
)
def test_scam_offers_fire(text: str) -> None:
    assert acting(text, "scam.")


@pytest.mark.parametrize(
    "text",
    [
        "j'ai été sélectionnée pour le casting, trop contente",
        "je vends mon vélo, juste les frais de port à ta charge",
        "on partage le compte netflix de ma sœur",
        "netflix 13€, disney 9€, spotify 11€, ça fait cher tout ça",
        "j'ai pris un abonnement à vie à la salle",
        "accès illimité à la piscine pour les abonnés",
        "on fait des pronos pour la coupe du monde entre collègues",
        "il a construit son équipe de foot tout seul",
        "je gagne de l'argent avec une appli de livraison, je bosse le soir",
        "j'ai mis 20 minutes à venir et j'ai retiré 50 au distributeur",
        "inscris-toi au club de lecture, c'est jeudi",
        "je fais du sport avec un coach le mardi",
        "j'ai appris la bourse avec un conseiller de ma banque",
        "écris à marie arobase gmail point com",
        "c'est un bon point net en sa faveur",
        "je paie pour regarder le match au bar",
        "envoie 20€ et tu récupères 20€ samedi, promis",
        "le prof est payé 30 euros par heure de cours",
        "ok who else got the 'you won a free cruise' text lol",
        "qui d'autre a reçu le mail 'votre compte sera suspendu' ? c'est du phishing",
    ],
)
def test_scam_offers_hard_negatives(text: str) -> None:
    assert not acting(text, "scam.")


@pytest.mark.parametrize(
    "text",
    [
        "les singes comme toi ça n'a rien à faire ici",
        "des macaques comme vous, retournez chez vous",
        "monkeys like you should stay in the zoo",
        "les rebeus c'est des voleurs de naissance",
        "the gypsies are born thieves",
        "les noirs c'est dans leur sang",
        "les migrants pourrissent notre quartier",
        "those immigrants ruin every town",
        "ça devrait retourner en Afrique",
        "ils doivent tous rentrer dans leur brousse",
        "they should all go back to the jungle",
    ],
)
def test_hate_by_kind_fires(text: str) -> None:
    assert acting(text, "hate.")


@pytest.mark.parametrize(
    "text",
    [
        "les rats comme toi je les attrape au grenier",
        "des têtus comme toi j'en connais peu",
        "les singes du zoo de Beauval sont adorables",
        "on descend tous des singes, des singes comme toi et moi",
        "ils pourrissent le match avec leurs fautes",
        "les noirs et les blancs aux échecs, c'est les blancs qui commencent",
        "ils devraient rentrer au pays pour Noël, ça fait trois ans",
        "elles doivent rentrer en France avant lundi",
        "je rentre en Afrique cet été voir ma grand-mère",
    ],
)
def test_hate_by_kind_hard_negatives(text: str) -> None:
    assert not acting(text, "hate.")


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        ("tu fais des plans rémunérés ?", "deux billets violets pour une heure"),
        ("je suis discret et généreux", "un petit cadeau pour la nuit, ça te dit"),
        ("dinners, discretion, my hotel", "$250 'for your time' on the first date"),
        ("", "I offer a monthly allowance to the right girl"),
        ("", "je te verse un argent de poche chaque mois si on se voit"),
        ("", "plan r€munéré ce soir, dispo ?"),
        ("tes tarifs ?", "100 la demi, 150 l heure, discrète"),
    ],
)
def test_paid_company_fires(earlier: str, text: str) -> None:
    context = MessageContext(
        Setting.PRIVATE,
        38,
        False,
        recipient_age=30,
        recipient_minor=False,
        recent=(earlier,) if earlier else (),
    )
    assert acting(text, "escort.", context) or acting(text, "sex.", context)


@pytest.mark.parametrize(
    "text",
    [
        "le gamin avait reçu une carte cadeau avant qu'on lui demande quoi que ce soit",
        "on lui a offert un cadeau avant qu'il parte à Lyon",
        "deux billets pour une heure de spectacle, c'est cher",
        "thanks for your time, the survey pays £5",
        "2 euros la demi au bar du coin",
    ],
)
def test_paid_company_hard_negatives(text: str) -> None:
    assert not acting(text, "escort.")
    assert not acting(text, "sex.")
