"""Round-2 classes of the minors and contact families: the final school year against a declared
age it fits, a room's appeal with one's own number, a number passed on at its owner's wish."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.doxx_judges import REFERRAL
from causette.safety.gate import Setting, Signal


def fired(text: str, context: MessageContext) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def private(sender_age: int, *recent: str) -> MessageContext:
    return MessageContext(
        Setting.PRIVATE,
        sender_age=sender_age,
        sender_minor=sender_age < 18,
        recipient_age=30,
        recipient_minor=False,
        recent=recent,
    )


ROOM = MessageContext(Setting.ROOM, sender_age=40, sender_minor=False)

# --- The final school year and a declared age that fits it ------------------------------------

FINAL_YEAR = [
    "jsuis trop contente j'ai eu 15 en philo au bac blanc",
    "je suis en terminale",
    "jsuis en tle S, c'est chaud",
    "je passe le bac cette année",
]


@pytest.mark.parametrize("text", FINAL_YEAR)
@pytest.mark.parametrize("age", [19, 20])
def test_the_final_year_is_only_noted_for_a_declared_19_or_20(text: str, age: int) -> None:
    signal = fired(text, private(age))["age.disclosure"]
    # Under the risk's "seen" (0.4): not a minor from now on, nor a stage of a sequence.
    assert signal.score < 0.4


@pytest.mark.parametrize("text", FINAL_YEAR)
@pytest.mark.parametrize("age", [18, 25, 34])
def test_the_final_year_stays_a_disclosure_for_18_and_for_older(text: str, age: int) -> None:
    assert fired(text, private(age))["age.disclosure"].score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "je suis en 1ere",
        "je passe le bac de français",
        "brevet blanc demain jsuis pas prête",
        "j'ai 17 ans",
    ],
)
def test_an_earlier_year_or_an_age_stays_a_disclosure_at_19(text: str) -> None:
    assert fired(text, private(19))["age.disclosure"].score >= 0.5


# --- A room's appeal: one's own number for anyone who sees a lost animal or person -------------


@pytest.mark.parametrize(
    "text",
    [
        "roux et blanc, collier vert. si vous le voyez appelez le 06 11 23 45 67 svp",
        "appel à témoins, si quelqu'un l'a croisé ou moi au 06 77 88 21 09",
        "chienne perdue vers le parc, appelez moi au 07 58 31 12 64",
        "lost cat near the station, if anyone spots her text me on 06 11 23 45 67",
    ],
)
def test_a_rooms_appeal_with_ones_own_number_stays_under_the_hold(text: str) -> None:
    found = fired(text, ROOM)
    assert found["contact.phone"].score < 0.4
    assert "doxx.phone" not in found


@pytest.mark.parametrize(
    "text",
    [
        "si vous la voyez, son num c'est le 06 11 23 45 67",
        "chat perdu mdr, appelez le 06 11 23 45 67 et harcelez le",
        # "appelez moi au 06 ..." with no appeal: one's own line, now under the hold too
        # (test_detect_round3_doxx).
    ],
)
def test_someone_elses_number_or_no_appeal_is_still_held_in_a_room(text: str) -> None:
    assert fired(text, ROOM)["contact.phone"].score >= 0.5


def test_in_private_an_appeal_is_still_a_number_given_to_one_person() -> None:
    text = "chat perdu, si vous le voyez appelez moi au 06 11 23 45 67"
    assert fired(text, private(40))["contact.phone"].score >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Plomberie Le Gall, tél du bureau 02 98 44 12 30",
        "l'entreprise c'est le 02 98 44 12 30, devis gratuit",
        "mon atelier de menuiserie : 04 78 37 22 91",
    ],
)
def test_a_trades_or_an_offices_landline_is_a_public_line(text: str) -> None:
    assert fired(text, ROOM)["contact.phone"].score < 0.4


# --- A third person's number passed on at their wish -------------------------------------------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("elle peut vous appeler ? voilà son numéro 06 71 48 22 90", ()),
        ("je t'envoie son numéro, 07 58 31 12 64", ("faut qu'il me prévienne quand il arrive",)),
        ("il m'a dit de te le donner : son tel 06 45 78 12 33", ()),
        ("she'll text you tonight, that's her number 06 58 22 71 40", ()),
    ],
)
def test_a_number_passed_on_at_its_owners_wish_is_a_referral(
    text: str, recent: tuple[str, ...]
) -> None:
    found = fired(text, private(40, *recent))
    assert "contact.phone" in found
    # Noted, under what the doxxing hold needs.
    assert found["doxx.phone"].score == REFERRAL


@pytest.mark.parametrize(
    "text",
    [
        "tiens son numero 06 32 11 54 70 et elle bosse a la pharmacie",
        "here's her number too: 06 58 22 71 40",
        "elle peut vous appeler, son num 06 71 48 22 90, harcelez la",
    ],
)
def test_a_number_handed_out_without_its_owner_is_still_doxxing(text: str) -> None:
    assert "doxx.phone" in fired(text, private(40))


# --- "Cadeau avant": the advert's terms, not a time nor a gift card ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Le gamin avait reçu une carte cadeau avant qu'on lui demande quoi que ce soit.",
        "elle m'a fait un cadeau avant que je parte",
        "il lui a envoyé un chèque cadeau avant les vacances",
    ],
)
def test_a_gift_before_something_happened_is_no_advert(text: str) -> None:
    assert "escort.offer" not in fired(text, ROOM)


@pytest.mark.parametrize(
    "text",
    ["massage 1h, cadeau avant obligatoire", "cadeau avant de venir", "cadeau avant la rencontre"],
)
def test_the_adverts_gift_first_is_still_an_offer(text: str) -> None:
    assert "escort.offer" in fired(text, ROOM)


# --- Secrecy: keeping it "for us" or "between us", in every person of the verb -----------------


@pytest.mark.parametrize(
    "text",
    ["garde ça entre nous", "gardons ça pour nous", "gardez le pour vous", "garde le pour toi"],
)
def test_keeping_it_between_us_is_secrecy(text: str) -> None:
    assert fired(text, private(35))["secrecy"].score >= 0.8


@pytest.mark.parametrize(
    "text", ["garde le pull pour toi il te va bien", "entre nous, le prof est nul"]
)
def test_keeping_a_thing_or_an_aside_is_no_secrecy(text: str) -> None:
    assert fired(text, private(35)).get("secrecy", Signal("secrecy", 0.0, (0, 0))).score < 0.5


# --- Checking that the other is alone, in short English ---------------------------------------


@pytest.mark.parametrize(
    "text",
    ["u home alone rn?", "is anyone else there with you", "you alone?", "ur home alone tonight?"],
)
def test_a_short_alone_check_is_one(text: str) -> None:
    assert "alone.check" in fired(text, private(35))


@pytest.mark.parametrize(
    "text", ["you're not alone in this", "the film home alone is great", "are you ok being alone"]
)
def test_support_or_a_film_is_no_alone_check(text: str) -> None:
    assert "alone.check" not in fired(text, private(35))


# --- Money offered, in contracted French, and money for the other's pictures -------------------


@pytest.mark.parametrize(
    "text",
    [
        "jpeux te payer si tu me montres",
        "jvais t'acheter un truc",
        "you can make money with pics, easy cash",
        "get cash for your selfies",
        "tu peux te faire des sous avec tes photos",
        "tu peux gagner de l'argent avec tes photos",
    ],
)
def test_money_offered_or_for_the_others_pictures_is_a_gift(text: str) -> None:
    assert "gift.money" in fired(text, private(35))


@pytest.mark.parametrize(
    "text",
    ["I make money from photos of landscapes", "je gagne de l'argent avec mes photos de mariage"],
)
def test_ones_own_photography_is_no_gift(text: str) -> None:
    assert "gift.money" not in fired(text, private(35))


# --- Isolation: no one else understands or is needed ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "nobody understands you like me",
        "no one gets you the way i do",
        "nobody knows you like i do",
        "you don't need anyone else",
        "t'as besoin de personne d'autre que moi",
    ],
)
def test_no_one_else_is_isolation(text: str) -> None:
    assert "isolation" in fired(text, private(35))


def test_another_persons_understanding_is_no_isolation() -> None:
    assert "isolation" not in fired("nobody understands you like your mum does", private(35))


# --- Being shown what the other wears; a picture as a price -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "montre moi ta tenue",
        "fais voir ta tenue de sport",
        "can i see you in your uniform",
        "je t'envoie une carte steam contre une photo",
        "in exchange for a few pics",
    ],
)
def test_clothes_shown_or_a_picture_as_a_price_is_a_photo_request(text: str) -> None:
    assert "photo.request" in fired(text, private(35))


@pytest.mark.parametrize(
    "text",
    [
        "montre moi ton dessin",
        "show me your homework",
        "la place de concert contre une photo d'identité",
        "ma carte pokémon contre une photo dédicacée du joueur",
    ],
)
def test_a_drawing_or_an_id_photo_is_no_photo_request(text: str) -> None:
    assert "photo.request" not in fired(text, private(35))
