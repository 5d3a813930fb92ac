"""Doxxing and ambush, round 2: classes of wording that were read as phrases.

Announced publication of someone's details, a recital with an adverb, knowing where to find
someone; and the benign neighbours: a search appeal's call-back number, a referral, a trade's
address, an address located by a landmark, an ambush told or avoided, isolated places named
by their kind.
"""

from __future__ import annotations

import pytest
from detecting import score_of, strongest

from causette.safety.context import MessageContext
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=40, sender_minor=False)
PRIVATE = MessageContext(Setting.PRIVATE, sender_age=30, sender_minor=False, recipient_age=28)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return strongest(text, context)


def score(text: str, rule: str, context: MessageContext = ROOM) -> float:
    return score_of(text, rule, context)


# --- Publishing someone's details, announced ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "je diffuserai son nom et son adresse partout s'il paie pas",
        "jvais balancer son numéro sur le forum du quartier",
        "im posting his name and his mom's number on my page tonight",
        "je vais envoyer à son patron son adresse perso, il va voir",
        "i'll share her address on the server, let's see her laugh then",
        "on mettra sa plaque et son nom sur tous les groupes",
    ],
)
def test_an_announced_publication_with_a_venue_holds(text: str) -> None:
    assert score(text, "doxx.threat", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "je vais partager son numéro avec toi, elle est d'accord",  # no venue: counts only
        "je vais poster le nom du resto sur le groupe",  # not a person's detail
        "on va publier son nom sur la page, hommage à notre ami",  # a tribute
        "i'm posting her photo everywhere, she's been missing since monday",  # an appeal
        "je vais mettre mon numéro sur le forum",  # one's own
        "je vais envoyer ses photos de mariage à sa mère",  # family photos
        "i'm gonna post her pics from the party on the group",
    ],
)
def test_publishing_that_is_not_doxxing_stays_under_the_hold(text: str) -> None:
    assert score(text, "doxx.threat", PRIVATE) < 0.6


# --- A search appeal's number, a referral, a trade's line ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "si vous le voyez appelez le 06 11 23 45 67 svp",
        "appel à témoins, si vous l'avez vu contactez-moi au 07 58 31 12 64",
        "if you see her please call 06 71 48 22 90, she has dementia",
        "si quelqu'un le croise, appelez le 17 ou moi au 06 77 88 21 09",
    ],
)
def test_a_search_appeals_call_back_number_is_not_held_in_a_room(text: str) -> None:
    assert score(text, "contact.phone") < 0.5
    assert score(text, "doxx.request") == 0.0


def test_an_appeal_that_calls_for_harassment_is_still_someones_number() -> None:
    text = "si vous la voyez, son num c'est le 06 71 48 22 90, harcelez-la"
    assert score(text, "contact.phone") >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "elle peut vous appeler ? son numéro c'est le 06 71 48 22 90",
        "je t'envoie son numéro, c'est 07 58 31 12 64, il arrive le 14",
        "son 06 c'est le 06 45 12 33 80, appelle-le de ma part",
    ],
)
def test_a_referral_only_counts(text: str) -> None:
    assert 0 < score(text, "doxx.phone", PRIVATE) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "son numéro c'est le 06 71 48 22 90",
        "je t'envoie son numéro 06 71 48 22 90, harcèle-la",
    ],
)
def test_someones_number_without_a_referral_holds(text: str) -> None:
    assert score(text, "doxx.phone", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Plomberie Le Gall, 22 rue de Siam, tél du bureau 02 98 00 00 00",
        "Menuiserie Durand, 4 avenue Foch, ligne de l'atelier 02 40 12 34 56",
    ],
)
def test_a_trades_address_and_line_are_not_a_recital(text: str) -> None:
    assert score(text, "doxx.threat") == 0.0
    assert score(text, "contact.phone") < 0.5


# --- Recited to the person, knowing where to find them ------------------------------------------


def test_a_recital_with_an_adverb_after_a_refusal_holds() -> None:
    context = MessageContext(
        Setting.PRIVATE,
        sender_age=34,
        sender_minor=False,
        recipient_age=29,
        recent=("you blocked me", "please stop contacting me"),
        recent_from_sender=("you blocked me",),
    )
    for text in (
        "you still work at the dentist on Elm Street",
        "and you still park behind the gym",
    ):
        assert score(text, "doxx.threat", context) >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "just saying I know where to find you both",
        "je sais où te trouver, retire ton avis",
        "on sait où vous attendre",
    ],
)
def test_knowing_where_to_find_the_listener_is_a_threat(text: str) -> None:
    assert score(text, "doxx.threat", PRIVATE) >= 0.75


def test_telling_where_to_find_oneself_is_not() -> None:
    assert score("tu sais où me trouver si besoin", "doxx.threat", PRIVATE) == 0.0


# --- Ambush: places by their kind, a locator, told or avoided -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "descends au local poubelles de la résidence, porte du fond",
        "c'est le seul coin tranquille",
        "rejoins-moi au local à vélos",
        "passe par l'entrée de derrière",
    ],
)
def test_isolated_places_are_read_as_a_class(text: str) -> None:
    assert score(text, "meet.isolated", PRIVATE) >= 0.55


@pytest.mark.parametrize(
    "text",
    [
        "vous pourrez venir la chercher au 8 rue Gargoulleau, derrière le marché",
        "c'est au 12 avenue Carnot, juste derrière la mairie",
    ],
)
def test_a_landmark_locating_an_address_is_not_a_hidden_spot(text: str) -> None:
    assert score(text, "meet.isolated", PRIVATE) < 0.5


def test_behind_something_without_an_address_is_still_read() -> None:
    assert score("retrouve-moi derrière la gare ce soir", "meet.isolated", PRIVATE) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "mon ex m'a fait le coup du gars qui change de lieu au dernier moment",
        "not a fan of meeting strangers somewhere quiet tbh",
        "j'aime pas trop les rendez-vous dans un parking",
        "my ex wanted me to come alone once, never again",
    ],
)
def test_an_ambush_told_or_avoided_is_not_proposed(text: str) -> None:
    assert score(text, "meet.isolated", PRIVATE) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "viens seule, somewhere quiet, personne nous verra",
        "change de lieu, finalement c'est derrière le parking",
    ],
)
def test_an_ambush_proposed_still_is(text: str) -> None:
    assert score(text, "meet.isolated", PRIVATE) >= 0.6
