"""Round 7 spam classes: a mentor's testimonial (a stake "turned into" more, withdrawals in a
day, an "honest" trader), pay by the day with the currency first, a quoted keyword to send,
a stranger calling from "your bank", the parcel mule's job, a month's pay for an hour a day,
free gift cards from a site, links with "dot gift"; and what is none of these: the message
one got quoted in a warning, the claims of "those sites that say", a scam site's name
recalled, a club's site spelled out for who asked, a sofa given away.

Every sentence is written for this test, not copied from a corpus.
"""

from __future__ import annotations

import pytest
from detecting import private, room

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting

ACTS = 0.5  # what the shipped policy acts on


def scams(text: str, context: MessageContext) -> list[str]:
    """The scam rules the policy would act on."""
    return [s.rule for s in detect(text, context) if s.rule.startswith("scam.") and s.score >= ACTS]


# --- The mentor's testimonial -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "grâce à Mme Laurent j'ai transformé mes 300 € en 4 200 € en deux semaines",
        "my coach turned my £250 into £3,900 before christmas, look him up",
        "she turned her $1,000 into $15k, I saw the screenshots",
        "retraits en 24h, elle est sérieuse, écrivez-lui",
        "payouts within 12 hours every time, legit as it gets",
        "an honest account manager finally, message him on telegram",
        "c'est une experte en trading fiable, une tradeuse certifiée",
    ],
)
def test_a_mentors_testimonial_is_a_scam(text: str) -> None:
    assert "scam.crypto" in scams(text, room())


@pytest.mark.parametrize(
    "text",
    [
        "j'ai transformé le garage en atelier cet été",
        "my coach said the marathon is honest work, no shortcuts",
        "les retraits au distributeur sont limités à 500 € par semaine",
        "he turned my spare room into an office",
    ],
)
def test_a_room_turned_into_an_office_is_no_testimonial(text: str) -> None:
    assert not scams(text, room())


# --- Pay by the day with the currency first; a quoted keyword to send ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "earn £150-£300 a day from your sofa, no boss",
        "gagnez €80 à €200 par jour avec votre téléphone",
        "make $400 to $900 per week, ask me how",
        "no experience needed, just message me 'START'",
        "interested? comment 'yes'",
    ],
)
def test_pay_by_the_day_or_a_keyword_to_send_is_a_scheme(text: str) -> None:
    assert "scam.crypto" in scams(text, room())


@pytest.mark.parametrize(
    "text",
    [
        "the bakery pays £9 an hour, not great",
        "il m'a dit 'salut' puis plus rien",
        "send me the word when you're ready",
    ],
)
def test_an_hourly_wage_or_a_word_is_not(text: str) -> None:
    assert not scams(text, room())


# --- A stranger calling from "your bank" --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bonsoir, ici Claire du service sécurité de votre banque",
        "je suis Marc, de la cellule fraude de votre banque en ligne",
        "hello, this is Kevin from your bank's fraud team",
        "hi I'm Sarah with your bank, we noticed a payment",
    ],
)
def test_a_stranger_from_your_bank_is_an_impostor(text: str) -> None:
    assert "scam.phishing" in scams(text, private())


@pytest.mark.parametrize(
    "text",
    [
        "ma sœur travaille au service fraude de sa banque",
        "this is my bank's app, it's really slow",
        "c'est Paul, du club de foot de ton fils",
    ],
)
def test_talk_of_ones_own_bank_is_no_impostor(text: str) -> None:
    assert not scams(text, private())


# --- The parcel mule's job; a month's pay for an hour a day --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on cherche des réceptionnaires de colis, 900 € par mois",
        "tu reçois des paquets chez toi et tu les renvoies avec nos étiquettes, payé 50 € le colis",
        "simple job: receive parcels at home and forward them abroad, £300 a week",
        "remote reshipping position available, apply now",
        "1500 € par mois pour 2h par jour, sans diplôme",
        "£2,000 a month for just one hour a day on your phone",
    ],
)
def test_a_parcel_mule_or_easy_pay_is_a_scheme(text: str) -> None:
    assert "scam.crypto" in scams(text, private())


@pytest.mark.parametrize(
    "text",
    [
        "je reçois les colis de ma voisine et je les lui renvoie quand elle est en vacances",
        "le relais colis est fermé le lundi",
        "je bosse 35h par semaine pour 1700 € par mois",
    ],
)
def test_a_neighbours_parcels_or_a_wage_is_not(text: str) -> None:
    assert not scams(text, private())


# --- Free gift cards from a site; a link with "dot gift" -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "y a un site qui donne des cartes steam gratuites, j'en ai eu une de 20 €",
        "this discord bot hands out free psn codes every night",
        "an app that gives free amazon gift cards, legit",
        "go to free-skins dot gift and log in",
        "cadeau - steam . gift, dépêche",
    ],
)
def test_free_gift_cards_from_a_site_are_a_lure(text: str) -> None:
    assert "scam.phishing" in scams(text, private())


@pytest.mark.parametrize(
    "text",
    [
        "je lui ai offert une carte cadeau steam pour son anniversaire",
        "the amazon gift card from my aunt expired",
    ],
)
def test_a_gift_card_given_is_no_lure(text: str) -> None:
    assert not scams(text, private())


# --- The scam quoted in a warning ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # The words of the message one got, after "it said" or "la version X".
        ("le mien disait « votre compte sera suspendu, confirmez votre identité »", ()),
        ("mine said 'you have been selected, pay the $49 activation fee'", ()),
        ("j'ai eu la variante impots, « un remboursement vous attend »", ()),
        ("my mum got the same version: 'your parcel is on hold, pay the fee'", ()),
        # The claims of a kind of site or ad.
        ("et ces sites qui promettent un prêt sans justificatif, c'est fiable ?", ()),
        ("what about those apps that say 'no credit check'?", ()),
        # A scam's site recalled, not given.
        ("the platform was called bitcoin-profit-gold or whatever", ()),
        ("le site s'appelait crypto-rendement-pro je crois", ()),
    ],
)
def test_a_scam_quoted_in_a_warning_is_not_run(text: str, before: tuple[str, ...]) -> None:
    assert not scams(text, room(*before))


@pytest.mark.parametrize(
    "text",
    [
        # The scammer gives their own site and words as theirs.
        "le site s'appelle crypto-rendement-pro, rendement garanti 20 % par mois",
        "you have been selected, pay the $49 activation fee now",
    ],
)
def test_the_same_words_said_as_ones_own_are_a_scam(text: str) -> None:
    assert scams(text, room())


# --- A club's site given on request; a thing given away -------------------------------------


def test_a_clubs_site_spelled_out_for_who_asked_is_no_lure() -> None:
    mine = ("samedi c'est la fête de l'association, venez nombreux",)
    context = MessageContext(
        Setting.ROOM, sender_age=30, sender_minor=False,
        recent=(*mine, "vous avez un site pour les horaires ?"), recent_from_sender=mine,
    )  # fmt: skip
    assert not scams("oui, lesjardinsdelamare point org slash agenda", context)
    assert not scams("yes, greenhands dot org, the events page", context)
    # Unasked, or with a fee or a login, the spelled link is the bot's.
    assert "scam.phishing" in scams("oui, cadeau-colis point com, juste 2 € de frais", context)
    assert "scam.phishing" in scams("lesjardinsdelamare point org", room("salut"))


@pytest.mark.parametrize(
    "text",
    [
        "giveaway: a cot and a high chair, pick up only, Saturday morning",
        "petit giveaway entre voisins, une commode à venir chercher",
    ],
)
def test_a_thing_given_away_is_no_prize_draw(text: str) -> None:
    assert not scams(text, room())


@pytest.mark.parametrize(
    "text",
    [
        "GIVEAWAY! follow and share to win an iphone 15",
        "giveaway tonight, first to click the link gets a ps5",
        "giveaway 🎁 send 0.1 btc and get 0.2 back",
    ],
)
def test_a_giveaway_draw_is_a_scam(text: str) -> None:
    assert scams(text, room())
