"""Meetings, addresses, ambush marks; prices for sexual services and escort offers."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

PRIVATE = MessageContext(Setting.PRIVATE, 30, False, recipient_age=31, recipient_minor=False)


def fired(text: str, context: MessageContext = PRIVATE) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


CASES = [
    ("meet.request", "on se voit samedi ?"),
    ("meet.request", "tu veux qu'on se rencontre ?"),
    ("meet.request", "je passe te chercher"),
    ("meet.request", "tu habites où ?"),
    ("meet.request", "c'est quoi ton adresse ?"),
    ("meet.request", "where do you live"),
    ("meet.address", "j'habite au 12 rue des Lilas"),
    ("meet.address", "c'est 3 bis avenue Jean Jaurès"),
    ("meet.address", "digicode 1234B, 3e étage"),
    ("meet.address", "221 baker street"),
    ("meet.isolated", "viens seul"),
    ("meet.isolated", "viens seule et dis à personne où tu vas"),
    ("meet.isolated", "un pote sera là aussi"),
    ("meet.isolated", "my friend might pass by"),
    ("meet.isolated", "rdv au parking derrière le lidl"),
    ("meet.isolated", "rejoins moi sous le pont vers 22h"),
    ("meet.isolated", "et mets pas ton tel, y a pas de réseau"),
    ("meet.isolated", "change de plan, c'est derrière le gymnase finalement"),
    ("meet.isolated", "23h30, et pas de potes hein"),
    ("meet.isolated", "tu viens à mon hôtel ce soir"),
    ("meet.isolated", "va au fond du parking, monte dedans"),
    ("meet.isolated", "mon pote a une voiture, on te récupère au parking"),
    ("meet.isolated", "fais pas ta victime, viens"),
    ("meet.request", "je t'attends à la sortie de ton collège"),
    ("meet.request", "t'habites dans quelle ville ?"),
    ("meet.request", "j'aimerais bien te voir en vrai"),
    ("sex.price", "je vends des photos de moi, 10€ la photo"),
    ("escort.offer", "rencontre discrète contre cadeau"),
    ("escort.offer", "dispo h24 sans tabou"),
    ("sex.price", "1h 150, 30min 80, pas de négo"),
    ("sex.price", "tu mets combien ?"),
    ("meet.isolated", "on se retrouve dans la zone industrielle ce soir"),
    ("meet.isolated", "tu viendras seul ?"),
    ("meet.isolated", "je t'envoie l'adresse au dernier moment"),
    ("meet.isolated", "c'est chez un pote, tkt"),
    ("meet.request", "i can pick you up from school"),
    ("escort.offer", "moments agréables pour messieurs généreux"),
    ("sex.price", "c'est 80 la pipe"),
    ("sex.price", "$200/hr incall"),
    ("escort.offer", "tu cherches de la compagnie ce soir ?"),
    ("meet.isolated", "coupe ta géoloc avant de venir"),
    ("meet.isolated", "y'aura personne t'inquiète"),
    ("sex.price", "100 roses la nuit"),
    ("sex.price", "mes tarifs : 150 € l'heure"),
    ("sex.price", "80 la demi heure 120 l'heure"),
    ("sex.price", "pipe 50€"),
    ("sex.price", "𝐭𝐚𝐫𝐢𝐟𝐬 𝐝𝐨𝐮𝐱"),
    ("escort.offer", "dispo pour plan rémunéré"),
    ("escort.offer", "escort disponible ce soir"),
    ("escort.offer", "reçoit en appart centre"),
    ("escort.offer", "discreet companion for gentlemen 🌹"),
    ("escort.offer", "massage 💋 sur marseille"),
    ("escort.offer", "sugar daddy cherche"),
]


@pytest.mark.parametrize(("rule", "text"), CASES)
def test_fires(rule: str, text: str) -> None:
    signal = fired(text).get(rule)
    assert signal is not None
    assert signal.span[1] > signal.span[0]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("sex.price", "je l'ai acheté 100 euros"),
        ("sex.price", "ma nièce demande 12€ de l'heure pour le baby-sitting"),
        ("sex.price", "le billet coûte 45 euros"),
        ("escort.offer", "je suis dispo ce soir pour un ciné"),
        ("meet.isolated", "je viendrai avec mon amie jeanne"),
        ("meet.isolated", "on se voit au café de la gare à 15h"),
        ("meet.address", "j'ai 75 ans"),
        ("meet.request", "il fait beau aujourd'hui"),
        ("meet.isolated", "j'ai acheté une camionnette d'occasion"),
        ("meet.isolated", "t'as ton tel ?"),
        ("sex.price", "rdv à 1h 30 au bar"),
        ("sex.price", "babysitting $15/hr"),
        ("sex.price", "on roulait à 130 km/h"),
        ("escort.offer", "je cherche de la compagnie pour aller au ciné"),
    ],
)
def test_does_not_fire(rule: str, text: str) -> None:
    assert rule not in fired(text)


def test_a_cafe_between_adults_is_a_meeting_not_an_ambush() -> None:
    rules = fired("on se voit au café samedi 15h ?")
    assert "meet.request" in rules
    assert "meet.isolated" not in rules
