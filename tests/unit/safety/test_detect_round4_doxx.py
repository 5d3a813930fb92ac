"""Doxxing, round 4: soft calls, homes described, children placed, numbers split over lines.

Harmful classes: a joking call to act on someone (a visit, a gift at the door, a wait, a
car keyed, sign-ups, everyone ringing, the details shown under their posts), a home found
on street view or described by its landmarks, a named street in the wordings the address
rules lacked, someone else's child's school and class, the hour and gate they come out of,
a number split over several lines, a listener's life listed without a subject after a
refusal. Benign classes: the same words about a friend, a film or a form; one's own place
described for a visit; parents comparing classes; a meeting being set; a number said to be
on a site; a tradesman recommended with his line in a room.
"""

from __future__ import annotations

import pytest
from detecting import score_of, strongest

from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.gate import Setting, Signal, VerdictKind
from causette.safety.policy import Facts
from causette.safety.risk import Pairing, RiskState

ROOM = MessageContext(Setting.ROOM, sender_age=40, sender_minor=False)
PRIVATE = MessageContext(Setting.PRIVATE, sender_age=30, sender_minor=False, recipient_age=28)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return strongest(text, context)


def score(text: str, rule: str, context: MessageContext = ROOM) -> float:
    return score_of(text, rule, context)


def room_after(*own: str, others: tuple[str, ...] = ()) -> MessageContext:
    return MessageContext(
        Setting.ROOM,
        sender_age=40,
        sender_minor=False,
        recent=(*others, *own),
        recent_from_sender=own,
    )


def held(*lines: str) -> bool:
    """Whether the policy holds the last line once the sender's earlier lines were seen."""
    seen: dict[str, float] = {}
    last: dict[str, Signal] = {}
    for n, line in enumerate(lines):
        last = fired(line, room_after(*lines[:n]))
        seen.update({rule: 0.0 for rule, signal in last.items() if signal.score >= 0.4})
    facts = Facts(
        signals=tuple(last.values()),
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=2.0,
        state=RiskState(score=2.0, seen=seen),
    )
    return policy.load().decide(facts).verdict.kind is VerdictKind.HOLD


# --- Soft calls to act on a third person -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "quelqu'un pourrait lui laisser un petit cadeau devant sa porte 😏",
        "leave him a little present on his doorstep lol",
        "we should all go say hi to her, she's on the top floor",
        "so y'all can go knock and ask her why",
        "wait for him outside the gym and have a chat",
        "if you're near the station tomorrow key it",
        "crevez-lui ses pneus ce soir",
        "sign him up for every dating site you can find",
        "inscrivez-la sur tous les sites de rencontre",
        "mets son mail sur tous les forums",
        "everyone text him, he deserves it",
        "call her all night, she'll learn",
        "textez-le tous demain matin",
        "I'm gonna drop the pic under all her reels",
        "je vais balancer ça sous ses vidéos pour qu'elle voie qu'on sait",
        "share it everywhere so everyone can laugh at him",
        "faut passer devant chez eux ce week-end",
        "allez tous écrire sur son mur",
        "wouldn't be hard to pop round, she's always home",
    ],
)
def test_a_soft_call_against_a_third_person_is_a_call(text: str) -> None:
    assert score(text, "doxx.request") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "we should all go say hi to the new barista",
        "on passe devant chez eux en allant à la plage",
        "leave a little gift at the door for the delivery guy",
        "let's wait for him and then start the film",
        "wait for him, he's parking the car",
        "key it in the form and submit",
        "inscris-toi à la newsletter de l'asso",
        "je l'ai inscrit au foot le mercredi",
        "sign him up for the swimming lessons",
        "appelez tous les jours le service client, ils finissent par répondre",
        "I'm posting the photos so everyone can see the wedding",
        "on a posté les résultats pour que tout le monde sache qui a gagné",
        "call her tonight, she misses you",
    ],
)
def test_the_same_words_about_friends_films_and_forms_are_no_call(text: str) -> None:
    assert "doxx.request" not in fired(text)


def test_evasive_spellings_of_a_call_still_count() -> None:
    assert score("s i g n him up for every dating site", "doxx.request") >= 0.7
    assert score("l3ave her a little gift at the door", "doxx.request") >= 0.7


# --- A home described, found, or on a named street -----------------------------------------------


def test_a_home_found_on_street_view_holds_with_the_person() -> None:
    context = room_after("she filmed her whole flat, you can see the bus stop outside")
    text = "found it on google maps: the grey building across from the Lidl, 4th floor"
    assert score(text, "doxx.address", context) >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "il a déménagé, c'est la maison rouge en face de la boulangerie",
        "elle habite le pavillon blanc au coin de la place, celui avec les volets",
        "he moved into the brick house behind the chip shop",
    ],
)
def test_a_home_described_by_its_landmarks_counts(text: str) -> None:
    assert score(text, "doxx.address") >= 0.5  # counted at least; a call makes the hold


@pytest.mark.parametrize(
    "text",
    [
        "c'est l'immeuble jaune au-dessus de la pharmacie, 3e étage, venez vers 20h",
        "the blue house on the corner is for sale, nice garden",
        "my grandma's house is the white one next to the church",
        "l'immeuble en face de la gare a été rénové, il est magnifique",
        "the yellow building next to the station is the new library",
    ],
)
def test_ones_own_place_or_a_building_in_the_news_is_no_dox(text: str) -> None:
    assert "doxx.address" not in fired(text)


@pytest.mark.parametrize(
    "text", ["she lives on Elm Grove now", "he's still living on Harbour Road apparently"]
)
def test_living_on_a_named_street_counts(text: str) -> None:
    assert score(text, "doxx.address") >= 0.6


def test_rester_in_quebec_is_living() -> None:
    assert score("pis elle reste sur la rue des Pins à Sherbrooke", "doxx.address") >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "he lives on a quiet street near the park",
        "she lives on campus",
        "elle reste sur la rue principale jusqu'au rond-point puis tourne",
    ],
)
def test_a_street_without_a_name_places_no_one(text: str) -> None:
    assert "doxx.address" not in fired(text)


# --- Someone else's child placed --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "sa fille est en CE2 à l'école Pasteur",
        "her son is in year 3 at St Mary's school",
        "leur gamin, école Jules Ferry, classe de Mme Petit",
    ],
)
def test_someone_elses_childs_school_and_class_count(text: str) -> None:
    assert score(text, "doxx.school") >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "mon fils est en CM2 à l'école Jean Moulin",
        "sa fille est en CM2 aussi, à l'école Jean Moulin, on se croise au portail",
    ],
)
def test_parents_comparing_classes_place_no_child(text: str) -> None:
    assert "doxx.school" not in fired(text)


def test_the_hour_and_gate_someone_comes_out_of_counts() -> None:
    assert score("elle finit à 17h devant la grille du collège", "doxx.address") >= 0.5
    assert "doxx.address" not in fired("il finit à 18h, on se rejoint devant la gare ?")


def test_a_child_placed_then_a_poster_at_the_school_is_held() -> None:
    assert held(
        "son gamin est en CM1 à l'école des Tilleuls",
        "il sort à 16h15 par la grille rue Pasteur",
        "je vais coller une affiche avec son nom devant l'école",
    )


# --- A number split over several lines --------------------------------------------------------


def test_a_number_split_over_three_lines_is_read_whole() -> None:
    context = room_after("il a un nouveau numéro, le voilà", "07 81", "44 39")
    assert score("12", "contact.phone", context) >= 0.8


def test_a_split_number_and_a_call_are_held() -> None:
    assert held("his new number:", "07 81", "44 39", "12", "everyone text him tonight")


@pytest.mark.parametrize(
    "own",
    [("le score final", "12", "15"), ("rendez-vous à", "18 30"), ("j'ai payé", "45")],
)
def test_scores_hours_and_prices_over_lines_are_no_number(own: tuple[str, ...]) -> None:
    assert "contact.phone" not in fired("30", room_after(*own))


# --- Numbers that are not anyone's -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le CDAD répond par téléphone, leur numéro est sur leur site",
        "leur numéro est affiché à l'accueil",
        "their number is listed on the council website",
        "son numéro est pas bon, il a changé",
    ],
)
def test_a_number_said_to_be_elsewhere_is_not_given(text: str) -> None:
    assert "doxx.phone" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je recommande mon garagiste, très honnête : Garage Martin, 06 12 34 56 78",
        "if anyone needs a plumber, Dave is great, 07700 900123",
        "pour ceux qui cherchaient un électricien : Élec Services, 06 45 12 78 90, pas cher",
    ],
)
def test_a_recommended_tradesmans_line_in_a_room_is_under_the_hold(text: str) -> None:
    assert 0.0 < score(text, "contact.phone") < 0.5


def test_a_tradesmans_number_given_to_harass_stays_high() -> None:
    text = "ce plombier m'a arnaqué, spammez-le : 06 12 34 56 78"
    assert score(text, "contact.phone") >= 0.5


# --- A listener's life listed after a refusal ---------------------------------------------------


def test_a_listeners_life_listed_without_a_subject_after_a_refusal_is_a_threat() -> None:
    context = MessageContext(
        Setting.PRIVATE,
        sender_age=40,
        sender_minor=False,
        recipient_age=30,
        recent=("leave me alone", "how do you know my name"),
    )
    text = "Aoife Brennan, works at the pharmacy on Church Street, lives near the park"
    assert score(text, "doxx.threat", context) >= 0.75
    assert score(text, "doxx.threat", PRIVATE) < 0.75
