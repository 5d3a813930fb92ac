"""Doxxing, round 6: a person identified and located; harassment at home or by phone; the
listener's life recited in the "vous" form; a shop's hours and order line.

Harmful classes: a full name beside what locates the person (a street without its number, a
house number, a door, a car, a department or ward, a parents' home, a child's school), or
with the name set out as an identification ("je sais qui t'es"), names in leetspeak too;
deliveries sent to someone's home and crowds called to ring their line; the listener's home,
car and hours recited to them with "vous", and what they say once alarmed. Benign classes:
a shop's address and opening hours; a bakery's landline with who takes the orders; a name in
a story with no locating detail; spelled-out English digits read as a number.
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized

ROOM = room()


def doxx(text: str, context: MessageContext = ROOM) -> float:
    rules = ("doxx.name", "doxx.threat", "doxx.address", "doxx.workplace", "doxx.vehicle")
    return max(score_of(text, rule, context) for rule in rules)


# --- A person identified and located ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Nadine Perrot, rue des Lilas à Tourcoing, caisse 4 chez Auchan. oui je sais qui t'es",
        "Laurent Giraud, service comptabilité au conseil départemental, il roule en Peugeot grise",
        "je sais qui c'est: Yannick Morel, il vit chez ses darons à Vannes, porte bleue au bout",
        "Karen Whitfield. 38. Toyota, the silver one. your son goes to Hillcrest Primary",
        "his real name is Oliver Grant, Birch Lane, the red door, number 9",
        "ok Mathieu. M@thieu B0ur9eois. 27 a v e n u e  d e s  P i n s, la Clio blanche",
        "Tyler Jensen il s'appelle, il habite juste au-dessus de la pharmacie",
    ],
)
def test_a_full_name_beside_what_locates_the_person_is_held(text: str) -> None:
    assert doxx(text) >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        # A name in a story, with one ordinary detail and no identification.
        "j'ai revu Nadine Perrot hier, elle travaille toujours chez Auchan",
        "Karen Whitfield is such a good teacher, my kid loves her",
        # A shop named after its owner, with its street: an address to visit.
        "la boulangerie Marcel Dupuis rue des Lilas fait un super pain",
        # One's own name for a delivery.
        "livraison au nom de Laurent Giraud, 4 rue des Pins, 2e étage, porte de droite",
    ],
)
def test_a_name_without_locating_details_is_not_held(text: str) -> None:
    assert doxx(text) < 0.6


# --- Harassment at home or by phone ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on lui commande 10 pizzas chez lui ce soir, paiement à la livraison",
        "let's all order taxis to her place at 2am",
        "imagine a few surprise kebab deliveries at 4am lol",
        "appelez tous le standard et dites-leur ce qu'il écrit ici",
        "call the number and ask for his wife, tell her everything",
        "on va tous spammer sa daronne sur messenger",
    ],
)
def test_calls_to_harass_someone_at_home_or_by_phone_are_requests(text: str) -> None:
    assert score_of(text, "doxx.request", ROOM) >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "on commande des pizzas chez moi samedi pour le match ?",
        "j'ai commandé un taxi pour ce soir, il arrive à 22h",
        "call the number on the flyer and ask for the manager",
    ],
)
def test_ordinary_orders_and_calls_are_not_requests(text: str) -> None:
    assert score_of(text, "doxx.request", ROOM) == 0.0


# --- The listener's life in the "vous" form, and their alarm ---------------------------------


def test_a_recital_in_the_vous_form_is_a_threat() -> None:
    text = (
        "Je sais beaucoup de choses. Vous habitez au 3, impasse des Saules, deuxième étage. "
        "Votre Twingo rouge stationne en bas"
    )
    assert score_of(text, "doxx.threat", private()) >= 0.75


@pytest.mark.parametrize(
    "alarm",
    [
        "Vous me faites peur, comment avez-vous eu ça ?",
        "je vous interdis de parler de mon fils",
        "qui êtes-vous ? je n'ai jamais mis mon nom ici",
    ],
)
def test_the_alarm_of_the_one_known_makes_what_follows_a_threat(alarm: str) -> None:
    context = private(recent=(alarm,))
    assert score_of("il sort à 17h par la petite grille le mardi", "doxx.threat", context) >= 0.75


def test_the_same_hours_without_an_alarm_are_not_a_threat() -> None:
    context = private(recent=("mon fils adore son club de foot",))
    assert score_of("il sort à 17h par la petite grille le mardi", "doxx.threat", context) < 0.6


# --- Shops: their hours and their order line -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mon cousin a repris le garage, 8 avenue Foch, ouvert 8h-18h sauf le samedi",
        "the café is at 14 Church Road, open every day from 9",
    ],
)
def test_a_shops_address_and_hours_are_not_a_recital(text: str) -> None:
    assert score_of(text, "doxx.threat", ROOM) == 0.0


def test_a_shops_landline_given_to_whoever_asked_is_not_held() -> None:
    context = room(recent=("la pâtisserie Martin près de la gare", "vous avez leur numéro ?"))
    text = "02 40 12 34 56, c'est Julie qui prend les commandes"
    assert score_of(text, "contact.phone", context) < 0.5


def test_a_personal_mobile_given_in_a_room_is_still_held() -> None:
    context = room(recent=("la pâtisserie Martin près de la gare", "vous avez leur numéro ?"))
    assert score_of("06 12 34 56 78", "contact.phone", context) >= 0.5


# --- Spelled English digits ------------------------------------------------------------------


def test_spelled_english_digits_with_zero_are_read_as_a_number() -> None:
    digits = Normalized("it's zero seven seven zero nine, one two three four five six").digits
    assert "zéro" not in digits.text
    assert "0" in digits.text


def test_a_number_spelled_in_english_with_zero_is_a_phone() -> None:
    text = "her number is four one five, five five five, zero one nine two"
    assert score_of(text, "contact.phone", ROOM) >= 0.5
