"""Scam, doxxing and hate shapes, in wordings written for this test, with hard negatives."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

PRIVATE = MessageContext(Setting.PRIVATE, 35, False, recipient_age=30, recipient_minor=False)


def fired(text: str) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, PRIVATE)}


STRONG = [
    # Money that multiplies, returns by the week.
    ("scam.crypto", "mise seulement 300€ et récupère 3000€ en deux semaines"),
    ("scam.crypto", "deposit 1000 usdt and receive 8000 usdt by friday"),
    ("scam.crypto", "20% par semaine, rendement garanti"),
    ("scam.crypto", "my bot gives 4% daily, guaranteed returns"),
    ("scam.crypto", "je peux faire fructifier ton épargne"),
    ("scam.crypto", "tu seras payé en usdt chaque soir"),
    # Prizes with a fee, "free" sites that want a card.
    ("scam.phishing", "Vous avez été sélectionné pour recevoir un Dyson !"),
    ("scam.phishing", "you've won a PS5, claim now"),
    ("scam.phishing", "il suffit de payer les frais de port"),
    ("scam.phishing", "just pay 2,99 shipping and it's yours"),
    ("scam.phishing", "confirme ton identité sur ce lien"),
    ("scam.webcam", "inscription gratuite, mets juste ta carte pour l'âge"),
    ("scam.webcam", "je suis en live maintenant 😘"),
    # Pay per like, deposit first.
    ("scam.phishing", "3€ par avis Google laissé"),
    ("scam.phishing", "pour débloquer tes gains il faut un dépôt"),
    ("scam.phishing", "verse juste 40€ pour commencer"),
    # Links spelled to slip past filters.
    ("scam.phishing", "va sur promo-gagnant[.]xyz"),
    ("scam.phishing", "go to freegiftz dot top"),
    # Someone else's details; a crowd called to write to them.
    ("doxx.name", "je l'ai retrouvé, c'est Marc Dufresne, 8 rue des Lilas à Metz"),
    ("doxx.school", "elle est au lycée Pasteur en plus"),
    ("doxx.workplace", "he works at the garage on Main street. here's his insta"),
    ("doxx.phone", "son numéro c'est 06 12"),
    ("doxx.phone", "her dad's number is +33 6"),
    ("doxx.request", "tout le monde harcelez son insta"),
    ("doxx.request", "let's make her life hell"),
    # Hate: a group named, then violence or rights denied, a few words on.
    ("hate.antisemitic", "les juifs c'est des sangsues, faut les chasser"),
    ("hate.racist", "les migrants partout ici, on devrait les renvoyer"),
    ("hate.misogynistic", "les femmes devraient pas avoir le droit de voter"),
    ("hate.antitrans", "les trans veulent endoctriner nos enfants"),
    ("hate.racist", "ils se multiplient comme des cafards"),
    ("hate.racist", "les renois de mon quartier c'est tous des voleurs"),
    ("hate.racist", "faudrait les expulser au bled tous"),
    ("hate.misogynistic", "t'es qu'une f3min4zi"),
    ("scam.crypto", "c'est pas une arnaque, tu gagnes 300€/jour depuis ton canapé"),
]


@pytest.mark.parametrize(("rule_id", "text"), STRONG)
def test_shape_fires(rule_id: str, text: str) -> None:
    signals = fired(text)
    assert rule_id in signals, signals
    assert signals[rule_id].score >= 0.5


HARD_NEGATIVES = [
    "j'ai investi dans l'immobilier il y a dix ans",
    "le livret A rapporte 3% par an",
    "j'ai gagné au loto 10 euros mdr",
    "la livraison est gratuite au-dessus de 50€",
    "tu paies en espèces ou par carte ?",
    "mon site c'est www.exemple.fr",
    "c'est Paul, mon voisin, il est sympa",
    "bonjour, c'est Paul Martin, 12 rue des Lilas, pour la livraison",
    "ma soeur est au lycée Pasteur, elle adore",
    "ma fille ? elle est au collège Jean Jaurès, en 5e",
    "mon numéro c'est le 06 12 34 56 78",
    "tout le monde a aimé le film",
    "les femmes ont obtenu le droit de vote en 1944",
    "il m'a traité de sale juif, j'ai porté plainte",
    "les trans ont le droit d'exister, point",
    "les gays du quartier sont super sympas",
    "on a viré les meubles chez eux hier",
    "ils promettent 20% par mois sur des cryptos bidon, méfiez-vous",
    "beware of scammers who say invest 500 and get 5000",
    "je paie en espèces ça te va ?",
    "i'll send you pics of the ring tonight",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_below_acting(text: str) -> None:
    strong = {
        rule: signal.score
        for rule, signal in fired(text).items()
        if signal.score >= 0.5
        and not rule.startswith(("age.", "meet.request", "meet.address", "contact."))
    }
    assert strong == {}
