"""Doxxing, round 7: a third person traced over several lines; the listener's workday recited
after a refusal; a number spelled with "oh" or split into national pieces; a finder's number.

Harmful classes: a third person's workplace, shift, car, parking spot and home by landmarks,
one fact a line, from the same sender; the listener's opening hour, uniform and shop told to
them, or their car once they took alarm; "his personal cell is five five five, oh one four";
"07700" / "900" / "318". Benign classes: one's own shifts and car, one's own family's day, a
car for sale; a finder's own number for whoever lost a wallet or a dog.
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext
from causette.safety.normalize import Normalized


def doxx(text: str, context: MessageContext) -> float:
    rules = ("doxx.address", "doxx.threat", "doxx.phone", "doxx.name", "doxx.vehicle")
    return max(score_of(text, rule, context) for rule in rules)


# --- A third person traced over several lines ------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        (
            "elle bosse à la pharmacie du centre, les mardis et jeudis de 14h à 20h",
            "elle se gare sur le parking du Lidl, une clio grise",
        ),
        (
            "Marion Lefort, elle travaille chez Norauto à Villeneuve",
            "sa polo bleue plaque GH-482-KT, garée derrière le magasin",
        ),
        (
            "he's on lates at the sorting office, fridays and saturdays 6pm to 2",
            "red Astra, parks outside the side gate every shift",
        ),
        (
            "Craig Dunmore works at the Screwfix on Leeds Road",
            "black Golf, reg KP17 WXT, parked behind the gym",
        ),
        (
            "son mec a déménagé, il vit plus chez sa mère",
            "la maison au volet bleu juste après la boulangerie, sa 308 noire devant",
        ),
    ],
)
def test_a_third_person_traced_line_by_line_is_held(earlier: str, text: str) -> None:
    assert doxx(text, room(earlier)) >= 0.6


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        # A nurse telling her own week.
        (
            "I'm on nights at the General this month, tuesdays and sundays 8pm to 8am",
            "I park in staff lot C, my silver Yaris, handy for the end of the shift",
        ),
        (
            "je bosse de nuit à la clinique, les lundis et mercredis de 21h à 7h",
            "je me gare derrière, ma clio grise, c'est pratique",
        ),
        # One's own family's day.
        (
            "ma soeur travaille à la Poste, elle finit à 17h",
            "ma soeur a une twingo rouge, elle la gare devant chez nous",
        ),
        # A car for sale.
        (
            "je vends ma 208 blanche, 2016, contrôle technique ok",
            "elle est garée devant chez moi, visible le samedi",
        ),
    ],
)
def test_ones_own_life_or_a_car_for_sale_is_no_trace(earlier: str, text: str) -> None:
    assert doxx(text, room(earlier)) < 0.6


def test_one_fact_a_line_alone_is_no_trace() -> None:
    assert doxx("elle a une clio grise", room("elle est sympa ma voisine")) < 0.6


# --- The listener's workday recited, after a refusal or alarm ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la pharmacie à côté de la poste, tu ouvres à 8h30, t'as une blouse blanche",
        "le tabac en face de l'église, vous ouvrez à 7h, vous portez un gilet rouge",
        "the bakery next to the station, you open up at 6am, you wear the green apron",
    ],
)
def test_the_listeners_shop_hour_and_uniform_are_a_threat(text: str) -> None:
    assert doxx(text, private()) >= 0.75


@pytest.mark.parametrize(
    ("refusal", "text"),
    [
        ("it's a no, sorry, take care", "number 22 isn't it? the green gate"),
        ("c'est non, désolée, bonne soirée", "portail rouge, interphone cassé"),
        ("comment tu sais ça ??", "ta clio grise sur le parking derrière l'immeuble"),
        ("how do you know that", "your red Corsa in the car park behind the gym"),
    ],
)
def test_the_listeners_home_or_car_after_a_refusal_is_a_threat(refusal: str, text: str) -> None:
    assert doxx(text, private(recent=(refusal,))) >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        # A shop's own hours told to a customer.
        "la boulangerie en face de la mairie ouvre à 6h, fermé le lundi",
        # A friend's remark, one fact.
        "t'as une veste trop belle",
    ],
)
def test_a_shops_hours_or_a_compliment_is_no_recital(text: str) -> None:
    assert doxx(text, private()) < 0.6


# --- Numbers spelled with "oh", or split in national pieces -----------------------------------


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("five five five, oh one four, seven seven two nine", "5550147729"),
        ("zero seven seven oh oh, nine oh oh", "07700 900"),
        ("one oh oh one", "1001"),
    ],
)
def test_oh_between_spelled_digits_is_zero(text: str, digits: str) -> None:
    found = "".join(ch for ch in Normalized(text).digits.text if ch.isdigit())
    assert found == digits.replace(" ", "")


@pytest.mark.parametrize("text", ["oh no", "oh one more thing", "oh well, five stars"])
def test_oh_as_an_interjection_stays_a_word(text: str) -> None:
    assert "oh" in Normalized(text).digits.text


def test_someones_personal_cell_spelled_out_is_a_dox() -> None:
    text = "his personal cell is five five five, oh one four, seven seven two nine"
    assert score_of(text, "doxx.phone", room()) >= 0.8


@pytest.mark.parametrize(
    ("pieces", "last"),
    [(("Ryan Colley", "07700", "900"), "461"), (("Ines Barbier", "06 12"), "34 56 78")],
)
def test_a_national_number_split_over_lines_is_a_number(pieces: tuple[str, ...], last: str) -> None:
    assert score_of(last, "contact.phone", room(*pieces)) >= 0.8


def test_scores_split_over_lines_are_no_number() -> None:
    assert score_of("12", "contact.phone", room("3", "45", "0")) == 0.0


# --- A finder's own number --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        (
            "j'ai trouvé un trousseau de clés devant la boulangerie ce matin",
            "si c'est à vous, appelez pas, écrivez au 06 14 52 87 33 avec la couleur du porte-clés",
        ),
        ("", "si c'est à quelqu'un d'ici : 07 61 28 44 90, dites-moi ce qu'il y a dessus"),
        (
            "found a wallet on the 42 bus this morning",
            "if it's yours: 07700 900123, tell me what's in it",
        ),
    ],
)
def test_a_finders_own_number_is_a_public_line(earlier: str, text: str) -> None:
    context = room(earlier) if earlier else room()
    assert score_of(text, "contact.phone", context) < 0.5


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        (
            "j'ai trouvé un portefeuille avec sa carte",
            "son numéro c'est le 06 14 52 87 33, harcelez-le",
        ),
        ("found a wallet with her card in it", "her number is 07700 900123, spam her"),
    ],
)
def test_a_found_persons_number_given_against_them_stays_high(earlier: str, text: str) -> None:
    assert score_of(text, "contact.phone", room(earlier)) >= 0.5
