"""Doxxing and contact, round 3: whose detail it is, and calls against a third person.

Benign classes: a shop's "leur numéro", an account spoken of (not given), a plate mentioned
(not given), one's own number in a room, a self-introduction with one's business address, a
request for a party's or a venue's address. Harmful classes: an insult or an accusation to
be told to someone, a flood of their posts, a letter to their employer, a watch on their
comings and goings, a home given down to the door, a recital of the listener's street, door
and car, a job and an account beside a full name.
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


def room_after(*earlier: str, own: tuple[str, ...] = ()) -> MessageContext:
    return MessageContext(
        Setting.ROOM, sender_age=40, sender_minor=False, recent=earlier, recent_from_sender=own
    )


def private_after(*earlier: str) -> MessageContext:
    return MessageContext(
        Setting.PRIVATE, sender_age=30, sender_minor=False, recipient_age=28, recent=earlier
    )


# --- A shop's number, "leur numéro" ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "la quincaillerie ferme le dimanche, leur numéro c'est le 04 72 18 33 90",
        "leur numéro est affiché sur la porte du garage, fermé le lundi",
        "the bakery opens at 7, their number is on their website if you want to order a cake",
        "leur num est sur leur site, le salon de coiffure prend les rdv le samedi",
    ],
)
def test_a_shops_number_given_as_theirs_is_no_dox(text: str) -> None:
    assert score(text, "doxx.phone") < 0.6


def test_a_shop_spoken_of_just_before_makes_leur_numero_theirs() -> None:
    context = room_after("il y a une mercerie super rue Nationale, ouverte le mardi")
    assert score("leur numéro c'est le 02 47 61 20 15 je crois", "doxx.phone", context) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "les parents de Léa, leur numéro c'est le 06 71 22 48 90",  # a family's mobile
        "leur numéro c'est le 07 12 44 58 61, harcelez-les",
        "son numéro c'est le 04 72 18 33 90, la boutique est à lui",
    ],
)
def test_a_familys_or_a_persons_number_is_still_a_dox(text: str) -> None:
    assert score(text, "doxx.phone") >= 0.6


# --- An account given, or spoken of -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ma cousine s'est fait pirater son compte comme ça, méfie-toi",
        "mon oncle a vu son compte complètement vidé par un faux conseiller",
        "son compte est bloqué depuis hier, la banque ne répond pas",
        "her insta is so aesthetic honestly",
        "his account is hacked, don't click anything he sends",
        "son snap c'est trop drôle, elle filme son chat",
    ],
)
def test_an_account_spoken_of_is_not_given(text: str) -> None:
    assert "doxx.profile" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "her tiktok is @lena_dance04, go look",
        "his twitch is xx_gamerboy_xx",
        "son snap c'est lea.mrtn",
        "son insta : @chloe.b_07",
        "their youtube is @cookingwithsam2",
        "sa chaîne c'est julienplays, allez voir",
    ],
)
def test_an_account_given_by_its_name_is_a_dox(text: str) -> None:
    assert score(text, "doxx.profile") >= 0.6


# --- A plate mentioned, or given --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "un passant a relevé la plaque et il l'a donnée à la police",
        "the neighbour wrote down the plate and he gave it to the insurer",
        "elle a pas eu le temps de lire la plaque, il roulait trop vite",
    ],
)
def test_a_plate_spoken_of_gives_no_plate(text: str) -> None:
    assert score(text, "doxx.vehicle") < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "sa plaque c'est GH-482-KL, vous la verrez sur le parking",
        "his plate is LM21 XTP, you can't miss it",
        "elle roule en clio, sa plaque commence par FR8",
    ],
)
def test_someones_plate_given_is_still_a_dox(text: str) -> None:
    assert score(text, "doxx.vehicle") >= 0.6


# --- One's own number in a room ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "je vends ma poussette, appelez-moi au 06 48 27 19 53",
        "vous pouvez me joindre au 07 81 36 24 90 après 18h",
        "je suis joignable au 06 22 41 87 35 toute la journée",
        "give me a ring on 07911 123 456 if you find my keys",
        "text me on 07700 900 461, that's my mobile",
        "pour un devis gratuit : 06 31 58 72 14",
        "intéressés ? 06 55 21 44 19",
        "mon portable c'est le 06 73 12 58 40, n'hésitez pas",
        "app3lez-moi au 06 48 27 19 53",
    ],
)
def test_ones_own_number_in_a_room_stays_under_the_hold(text: str) -> None:
    assert 0.0 < score(text, "contact.phone") < 0.5
    assert "doxx.phone" not in fired(text)


def test_a_sellers_earlier_line_makes_the_bare_number_theirs() -> None:
    context = room_after(own=("je vends mon canapé 3 places, 150 €",))
    assert 0.0 < score("06 44 18 27 39, je suis à Nantes", "contact.phone", context) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "appelez mon frère au 06 48 27 19 53, il vend sa voiture",
        "son portable c'est le 06 48 27 19 53, appelez-moi si elle répond pas",
        "call her on 07911 123 456 and tell her what you think",
        "06 48 27 19 53 harcelez-le, appelez-moi après",
        "le numéro de ma voisine : 06 48 27 19 53",
    ],
)
def test_someone_elses_number_in_a_room_is_still_held(text: str) -> None:
    assert score(text, "contact.phone") >= 0.5


def test_in_private_ones_own_number_is_still_a_step() -> None:
    assert score("appelez-moi au 06 48 27 19 53", "contact.phone", PRIVATE) >= 0.6


# --- A self-introduction with one's own name and business address ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "bonjour, je suis électricienne indépendante, Sophie Lemaire, 8 rue des Tanneurs à Tours",
        "hi all, I'm the new chair of the allotment society, Peter Walsh, 22 Mill Lane",
        "moi, fleuriste à mon compte, Nadia Benali : 3 place du Marché",
    ],
)
def test_introducing_oneself_with_a_business_address_is_no_dox(text: str) -> None:
    assert "doxx.name" not in fired(text)


def test_a_third_person_after_an_introduction_is_still_named() -> None:
    text = "je suis au courant, Julie Perrin, elle habite au 12 rue des Lilas"
    assert score(text, "doxx.name") >= 0.6


# --- Asking for a party's or a venue's address ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "trop bien, donne-moi l'adresse !",
        "t'as l'adresse de la soirée ?",
        "tu as l'adresse du resto pour samedi ?",
        "file-moi l'adresse, j'arrive",
    ],
)
def test_asking_for_a_party_or_venue_address_is_no_doxx_request(text: str) -> None:
    assert "doxx.request" not in fired(text, PRIVATE)


def test_the_hosts_address_after_asking_for_it_is_not_held_as_a_call() -> None:
    # The policy's doxxing.call needs a doxx.request: the host's answer then stays a meeting's.
    asked = fired("génial, donne-moi l'adresse", PRIVATE)
    assert "doxx.request" not in asked


@pytest.mark.parametrize(
    "text",
    [
        "donne-moi l'adresse de cette meuf",
        "qui a l'adresse de son ex ?",
        "t'as l'adresse de Karim ?",
    ],
)
def test_asking_for_a_persons_address_is_still_a_request(text: str) -> None:
    assert score(text, "doxx.request", PRIVATE) >= 0.6


# --- Calls against a third person -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tell her she's fat and nobody likes her",
        "comment on his post and say he's a creep",
        "dm him and tell him he's a loser",
        "dites-lui qu'elle est grosse, elle va craquer",
        "écrivez-lui que c'est un voleur",
        "allez lui dire qu'il est nul",
        "go on her latest video and spam it",
        "allez sur son dernier post et insultez-la",
        "spammez ses photos, elle supprimera son compte",
        "flood his stream chat tonight",
        "message his boss, tell him what he did",
        "complain to her school until they expel her",
        "signalez-le à son lycée, tous",
        "écrivez à son patron, il faut qu'il sache",
        "contactez sa boîte, ils vont adorer",
        "passe devant chez elle et dis-moi à quelle heure elle rentre",
        "keep an eye on her place and tell me who she's with",
        "dis-moi si elle est avec un mec ce soir",
        "d1tes-lui qu'elle est m0che",
    ],
)
def test_a_call_against_a_third_person_is_a_doxx_request(text: str) -> None:
    assert score(text, "doxx.request", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "tell her she's beautiful, she'll love it",
        "dis-lui qu'elle est la bienvenue samedi",
        "il doit me dire avec qui il sort, c'est la règle à la maison",
        "dis-moi quand elle arrive, je descends ouvrir",
        "keep an eye on her, she's had too much to drink",
        "go to her party and have fun",
        "appelle sa mère pour lui dire qu'on arrive",
        "can you call his school? he forgot his lunch",
        "keep an eye on the kids and tell me when she gets home",
        "her tiktok is where she posts her recipes",
    ],
)
def test_ordinary_asks_about_a_third_person_are_no_call(text: str) -> None:
    assert "doxx.request" not in fired(text, PRIVATE)


def test_a_call_with_the_persons_handle_is_held_by_the_policy() -> None:
    handle = fired("that girl from the stream, her tiktok is @mila_draws22")
    call = fired("go to her latest post and flood it")
    seen = {rule: 0.0 for rule, signal in (*handle.items(), *call.items()) if signal.score >= 0.4}
    facts = Facts(
        signals=tuple(call.values()),
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=2.0,
        state=RiskState(score=2.0, seen=seen),
    )
    assert policy.load().decide(facts).verdict.kind is VerdictKind.HOLD


# --- A home down to the door --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "elle est au 8 rue des Tilleuls, bâtiment B, 2e étage, porte gauche",
        "il a emménagé au 14 allée des Pins, escalier C, appartement 31",
        "she's now at 27 Bramble Close, flat 4, the buzzer says J. Moss",
        "he moved to 5 Kingfisher Road, 2nd floor",
        "elle s'est installée au 3 rue Danton, son nom est sur la boîte aux lettres",
    ],
)
def test_a_third_persons_home_down_to_the_door_is_a_dox(text: str) -> None:
    assert score(text, "doxx.address", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "elle est au 12 rue Pasteur, 2e étage, chez le dentiste",
        "elle est au 5 rue Victor Hugo, 3e étage, la fête commence à 20h",
        "she's at 40 Market Street, second floor office, back at six",
    ],
)
def test_a_visit_at_a_street_number_is_no_home(text: str) -> None:
    assert score(text, "doxx.address", PRIVATE) < 0.6


# --- The listener's street, door and car recited back --------------------------------------------


REFUSED = private_after("hello", "I said I'm not interested, stop messaging")


@pytest.mark.parametrize(
    "text",
    [
        "Larch Avenue is pretty in spring. number 9, the one with the red gate",
        "your grey Polo was parked outside again, nice scratch on the door",
        "ta clio était garée devant la boulangerie ce matin",
        "la porte bleue et les volets cassés, c'est bien chez toi",
    ],
)
def test_after_a_refusal_the_listeners_home_or_car_is_a_threat(text: str) -> None:
    assert score(text, "doxx.threat", REFUSED) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "22 Rowan Crescent, flat 3. you work the counter at the pharmacy, right?",
        "tu bosses à la caisse du Lidl et ta voiture est garée derrière, pas vrai ?",
        "your white Fiesta, plate starts AB12. be careful what you post",
    ],
)
def test_two_facts_with_a_home_or_a_car_are_a_recital_even_as_a_tag_question(text: str) -> None:
    assert score(text, "doxx.threat", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "maison à vendre, 4 rue des Écoles, porte verte, jardin",  # an ad, said to no one
        "fais gaffe à toi sur la route ce soir",  # a warning alone recites nothing
        "tu finis à quelle heure ? ta voiture est où ?",
        "ta voiture est garée où ? je te rejoins",
    ],
)
def test_an_ad_a_warning_or_a_question_is_no_recital(text: str) -> None:
    assert score(text, "doxx.threat", PRIVATE) < 0.6


# --- A job and an account beside a full name ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "real name Tom Ashworth, he's a sales rep at Kelso Motors, his linkedin is in his bio",
        "elle s'appelle Inès Durand, infirmière à la clinique du Parc, son insta c'est inesdrd",
    ],
)
def test_a_full_name_with_a_job_and_an_account_is_a_dox(text: str) -> None:
    assert score(text, "doxx.name", PRIVATE) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "the bakery opens at 7, their number is 020 7946 0321",
        "la boulangerie ouvre à 7h, leur numéro c'est le 01 45 67 89 12",
    ],
)
def test_a_shops_number_is_no_ones_in_the_general_patterns_too(text: str) -> None:
    assert score(text, "doxx.phone") < 0.6


def test_a_third_persons_number_with_a_call_still_holds_in_the_general_patterns() -> None:
    assert score("his number is 07700 900 321, call him all night", "doxx.phone") >= 0.6
