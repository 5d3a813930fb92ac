"""Round-4 classes of the sexual-services, meeting, contact-request, gift, age and hate rules.

False positives: roses of a garden talked about in the last lines, a priced phone or data plan,
the speaker saying they come alone, the end of a schedule or a rate at midnight, what one
stands behind (a cordon) or where one is, the car parked at a car park, the speaker paying in
cash, the call on arrival, a transfer paying a price asked, parents speaking of their child's
exam, relatives in the plural, a slur reported of a third person. Misses: paid company offered
in English ("I receive in my apartment", "150 for one hour", "for company").
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext

SEEN = 0.4  # the risk's "seen": a stage of a sequence from this score


def score(text: str, context: MessageContext, rule: str) -> float:
    return score_of(text, rule, context)


# --- Sexual services: flowers talked about, subscriptions; paid company in English ----------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        (
            "ce matin j'en ai compté 50 roses, un record",
            ("mon rosier grimpant a explosé cette année",),
        ),
        (
            "we counted 60 roses this morning!",
            ("the climbing bushes in my garden are finally out",),
        ),
        ("plus de 35 roses sur le même pied", ()),
    ],
)
def test_roses_of_a_garden_are_no_price(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, room(recent=recent), "sex.price") == 0.0


def test_roses_as_money_still_fire() -> None:
    assert score("200 roses et je suis à toi", private(), "sex.price") >= 0.8


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("I'm on a $40 plan, 20gb of data, can't complain", ()),
        ("mine's a 55 dollar plan with unlimited calls", ()),
        ("honestly a $35 plan does the job", ("prepaid or contract, what do you reckon?",)),
    ],
)
def test_a_phone_plan_is_no_price(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, room(recent=recent), "sex.price") == 0.0


def test_the_trades_plan_still_fires() -> None:
    assert score("150 le plan, discret, chez moi", private(), "sex.price") >= 0.7


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("company only, 200 for one hour, 350 the night", ()),
        ("for company, 120 for one hour", ()),
        ("180 for one hour", ("very discreet, I receive in a private flat",)),
    ],
)
def test_paid_company_in_english(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "sex.price") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "I receive in my apartment, very discreet",
        "i receive gentlemen in my studio near the station",
    ],
)
def test_receiving_clients_in_english(text: str) -> None:
    assert score(text, private(), "escort.offer") >= 0.7


def test_receiving_friends_for_a_birthday_is_no_offer() -> None:
    text = "I receive in my flat for my birthday, bring friends"
    assert score(text, private(), "escort.offer") == 0.0


# --- Meeting: the speaker's own plan, schedules, barriers, parking, paying ------------------


@pytest.mark.parametrize(
    "text",
    [
        "8 it is. I'll come alone this time, promise",
        "can I come alone or should I bring my sister?",
        "we'll come alone, the kids are at grandma's",
        "i'd rather come alone tbh",
    ],
)
def test_coming_alone_oneself_is_no_setup(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


@pytest.mark.parametrize("text", ["come alone, ok?", "you should come alone", "just come alone"])
def test_told_to_come_alone_still_fires(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "c'est de 20h à minuit, les petits dorment à 21h",
        "on a révisé jusqu'à minuit",
        "10 € de l'heure, 12 après minuit",
        "le bar ferme à minuit le dimanche",
    ],
)
def test_the_end_of_a_schedule_is_no_late_meeting(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


def test_a_meeting_at_midnight_still_counts() -> None:
    assert score("on se voit à minuit ?", private(), "meet.isolated") >= SEEN


@pytest.mark.parametrize(
    "text",
    [
        "on est derrière la barrière, les pompiers sont là",
        "je suis derrière le comptoir jusqu'à 18h",
        "j'habite derrière la mairie",
        "on se gare au parking de la gare et on marche",
    ],
)
def test_behind_a_barrier_where_one_is_or_parking_the_car(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


@pytest.mark.parametrize(
    "text", ["rejoins-moi derrière le gymnase", "rdv au parking", "je t'attends derrière le lycée"]
)
def test_hidden_places_still_count(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.5


def test_paying_a_babysitter_in_cash_at_the_end_of_the_evening() -> None:
    mine = ("c'est pour samedi, de 19h à minuit",)
    text = "je vous paie en espèces ou par virement ?"
    assert score(text, private(*mine), "meet.isolated") < SEEN


def test_cash_to_bring_at_night_still_counts() -> None:
    mine = ("on se voit cette nuit",)
    assert score("ramène du liquide", private(*mine), "meet.isolated") >= 0.5


# --- Contact: the call on arrival -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "je t'appelle en arrivant",
        "je t'appelle quand je suis en bas",
        "je t'appellerai une fois sur place",
        "i can call when i get there",
    ],
)
def test_the_call_on_arrival_is_only_noted(text: str) -> None:
    assert 0.0 < score(text, private(), "contact.request") < SEEN


@pytest.mark.parametrize(
    "text", ["je t'appelle ce soir ?", "on pourra s'appeler ?", "call me tonight"]
)
def test_a_call_proposed_still_counts(text: str) -> None:
    assert score(text, private(), "contact.request") >= SEEN


# --- Gifts: a transfer paying a price -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("vendu ! je te fais un lydia ce soir", ()),
        ("ok je te fais un virement", ("30 € la place, mon frère les revend",)),
        ("top, je te paye demain", ("je te la laisse à 40",)),
    ],
)
def test_paying_a_price_is_no_gift(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, private(recent=recent), "gift.money") == 0.0


def test_money_offered_still_fires() -> None:
    assert score("je te fais un virement si tu veux", private(), "gift.money") >= 0.6


# --- Age: parents speaking of their child's exam; relatives in the plural -------------------


@pytest.mark.parametrize(
    "text",
    [
        "des parents du lycée ici ? le bac blanc c'est bien mardi ?",
        "entre parents d'élèves : le brevet blanc c'est la semaine prochaine ?",
        "ma grande stresse, le brevet blanc c'est lundi",
    ],
)
def test_parents_speaking_of_the_exam(text: str) -> None:
    assert score(text, room(), "age.disclosure") == 0.0


def test_a_pupil_speaking_of_the_exam_still_discloses() -> None:
    assert score("j'ai le brevet blanc jeudi, j'ai trop peur", room(), "age.disclosure") >= 0.7


def test_relatives_in_the_plural_are_not_in_the_room() -> None:
    recent = ("I buy my nieces robux for christmas, they're 11 and 13",)
    text = "want some robux? dm me"
    assert score(text, room(recent=recent), "age.reported_minor") == 0.0


def test_a_minor_reported_here_still_counts() -> None:
    recent = ("careful guys she's only 13",)
    text = "dm me, I'll send you robux"
    assert score(text, room(recent=recent), "age.reported_minor") >= 0.8


# --- Hate: a slur reported of a third person ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "some guy called the bus driver a p*ki, he got kicked off",
        "the fan who was calling our striker a paki has been banned",
        "he called my mate a paki in the chippy",
    ],
)
def test_a_slur_reported_of_someone_else(text: str) -> None:
    assert score(text, room(), "hate.racist") < 0.5


@pytest.mark.parametrize("text", ["shut up you p4ki", "go home paki", "you're a paki"])
def test_a_slur_used_still_fires(text: str) -> None:
    assert score(text, room(), "hate.racist") >= 0.8
