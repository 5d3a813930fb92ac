"""Round-6 classes of the sexual-services, hate, gift, secrecy, meeting and age rules.

Misses: intimacy stated as due in a paid arrangement; the share a pimp leaves the girl, with
the bookings he runs; girls paid to keep men company at parties, and the clients' taste for
the youngest; the antisemitic control trope said passively, as a list, or as "the ones who
decide". False positives: "c'est payant ?" asked of a phone line; a minimum deposit; a coffee
bought in English; a child-protection trainer describing groomers' tactics; one's campus far
from everything; a teacher among teachers saying where they work.
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext
from causette.safety.gate import Setting

SEEN = 0.4  # the risk's "seen": a stage of a sequence from this score


def score(text: str, context: MessageContext, rule: str) -> float:
    return score_of(text, rule, context)


def teen_room(*mine: str, recent: tuple[str, ...] = ()) -> MessageContext:
    """A room, the sender a declared 17-year-old."""
    return MessageContext(
        Setting.ROOM, sender_age=17, sender_minor=True, recent=(*recent, *mine),
        recent_from_sender=mine,
    )  # fmt: skip


# --- Prostitution: intimacy as due, with money --------------------------------------------


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        (
            "Les relations intimes font partie de l'accord, bien entendu.",
            ("je verse 900 par mois",),
        ),
        ("je te paie le loyer, et le sexe est compris évidemment", ()),
        ("Physical intimacy will be expected after the second month.", ("I pay 2k monthly",)),
        ("2 000 € chaque mois. les câlins sont inclus, c'est le deal", ()),
        ("our arrangement includes nights together, and I am very generous", ()),
    ],
)
def test_intimacy_stated_as_due_with_money_is_an_offer(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("he paid for dinner but that doesn't mean sex is expected", ()),
        ("dans un couple les câlins sont importants, non ?", ()),
        ("intimacy is expected to come slowly in a new relationship", ()),
        ("j'ai payé 300 la réparation, le rapport est compris dans le devis", ()),
    ],
)
def test_intimacy_without_a_price_or_denied_stays_quiet(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "escort.offer") == 0.0


# --- Prostitution: the share left to her, the bookings run ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "les clients je m'en occupe, tu gardes 70% pour toi",
        "moi je gère les rdv avec les clients, tu touches 50%",
        "I find the johns, you keep 60 percent",
        "tu récupères 65 % et les messieurs c'est moi qui les trouve",
    ],
)
def test_share_left_with_clients_managed_is_an_offer(text: str) -> None:
    assert score(text, room(), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "sur la vente du vélo tu gardes 60%, c'est ton vélo après tout",
        "avec ce livret tu gardes 100% de tes intérêts",
        "you keep 80% of the royalties on that platform",
        "je gère les annonces et les visites, tu gardes 95% du loyer",
    ],
)
def test_a_share_of_a_sale_stays_quiet(text: str) -> None:
    assert score(text, room(), "escort.offer") == 0.0


# --- Minor prostitution: paid company at parties, the clients' taste for the youngest ------


@pytest.mark.parametrize(
    "text",
    [
        "y'a des mecs qui paient des filles pour leur tenir compagnie le samedi",
        "des hommes d'affaires qui payent bien les étudiantes qui viennent les accompagner",
        "some guys pay girls to keep them company at their parties",
        "ils cherchent des filles pour leur tenir compagnie, payées 250 la soirée",
    ],
)
def test_girls_paid_for_company_is_an_offer(text: str) -> None:
    assert score(text, teen_room(), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("ils préfèrent les jeunes, 14 15 ans c'est bon", ("ils paient 150 la soirée",)),
        ("they like them young, trust me", ("these guys pay for company on fridays",)),
    ],
)
def test_clients_preferring_the_young_is_an_offer(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, teen_room(*mine), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("ma grand-mère paie une dame pour lui tenir compagnie l'après-midi", ()),
        ("les clients préfèrent les jeunes pousses, plus tendres", ("j'ai un stand au marché",)),
        ("they like them young, those tomatoes", ()),
    ],
)
def test_paid_company_of_the_old_and_vegetables_stay_quiet(
    text: str, mine: tuple[str, ...]
) -> None:
    assert score(text, room(*mine), "escort.offer") == 0.0


# --- Hate: the antisemitic control trope in other shapes ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "de toute façon tout est contrôlé par les juifs",
        "les médias sont tenus par les j.u.i.f.s, réveillez vous",
        "the media is run by the jews, wake up",
        "les feujs, les banques, la presse, toujours les mêmes",
        "jews own the banks and the media, look it up",
        "les juifs, ouvrez les yeux, c'est eux qui décident de tout",
        "les j🔸u🔸i🔸f🔸s la finance hollywood",
    ],
)
def test_control_trope_is_antisemitic(text: str) -> None:
    assert score(text, room(), "hate.antisemitic") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "l'idée que les juifs contrôleraient les banques et les médias est une théorie antisémite",
        "tout est tenu par les syndicats ici, c'est la galère",
        "la communauté juive de Lyon organise une expo sur la presse et la politique",
        "the myth that jews run the media and the banks is pure propaganda",
    ],
)
def test_trope_refuted_or_other_groups_stay_quiet(text: str) -> None:
    assert score(text, room(), "hate.antisemitic") < SEEN


# --- Paid: a question about a price, a minimum deposit -------------------------------------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("ah d'accord, c'est payant ?", ("appelez le 3237 pour la pharmacie de garde",)),
        ("et c'est payant ou pas ?", ("y'a une navette jusqu'à l'aéroport",)),
    ],
)
def test_asking_if_something_costs_stays_quiet(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, private(recent=recent), "escort.offer") == 0.0


def test_paying_in_an_advert_still_fires() -> None:
    assert score("massage et plus, c'est payant bien sûr", private(), "escort.offer") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "they wanted 250 minimum deposit on the app",
        "commande de 40 minimum pour la livraison gratuite",
        "la caution c'est 500 minimum",
    ],
)
def test_minimum_of_a_purchase_stays_quiet(text: str) -> None:
    assert score(text, private(), "sex.price") == 0.0


@pytest.mark.parametrize("text", ["150 minimum, pas de négo", "c'est 200 minimum pour une heure"])
def test_minimum_of_an_encounter_still_fires(text: str) -> None:
    assert score(text, private(), "sex.price") >= 0.6


# --- Gifts: a drink bought, in English ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "come along, i'll buy u a coffee after",
        "let me get you a beer to say thanks",
        "I can buy you a quick pint after work",
    ],
)
def test_a_drink_bought_between_adults_is_no_gift(text: str) -> None:
    assert score(text, private(), "gift.money") == 0.0


def test_money_bought_for_someone_still_fires() -> None:
    assert score("i'll buy u a new phone if you want", private(), "gift.money") >= 0.5


# --- Secrecy and gift cards described by someone who teaches prevention ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Predators usually start by asking the school, then tell the kid to keep it secret.",
        "Les prédateurs commencent souvent par des compliments puis offrent des v-bucks.",
        "I volunteer in child protection: groomers push kids to keep it secret and send Robux.",
    ],
)
def test_tactics_described_in_prevention_are_under_seen(text: str) -> None:
    found = max(score(text, room(), "secrecy"), score(text, room(), "gift.card"))
    assert 0.0 < found < SEEN


def test_secrecy_asked_still_fires() -> None:
    assert score("keep it secret ok, don't tell your mum", private(), "secrecy") >= 0.8


# --- Meeting: one's own place described far from everything ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mon village est vraiment loin de tout, 40 min du premier super U",
        "la fac est un peu loin de tout mais les cours sont bien",
        "notre bureau se trouve en zone industrielle, pas très glamour",
    ],
)
def test_own_place_described_is_noted_only(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "viens, la maison est loin de tout, personne nous verra",
        "on se retrouve dans un coin loin de tout, à l'abri des regards",
    ],
)
def test_an_isolated_place_to_meet_still_fires(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.6


# --- Age: a teacher among teachers names a school -------------------------------------------


def test_a_teacher_among_teachers_names_a_workplace() -> None:
    recent = ("mes 3e sont infernaux avec les copies", "moi c'est maths au collège Jean Moulin")
    assert (
        score(
            "bon courage, moi je suis au lycée, c'est pareil",
            room(recent=recent, age=40),
            "age.disclosure",
        )
        == 0.0
    )


def test_a_pupil_names_a_school_when_no_teacher_spoke() -> None:
    recent = ("vous faites quoi dans la vie ?",)
    assert (
        score("moi je suis au lycée, en première", room(recent=recent, age=40), "age.disclosure")
        >= 0.7
    )
