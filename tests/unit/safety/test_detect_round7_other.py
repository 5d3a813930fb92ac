"""Round-7 classes of the sexual-services, hate, meeting and age rules.

Misses: the sugar arrangement put courteously (a sum against counted evenings, the intimacy
left as "what follows between adults", money "for your trouble", a man who likes to spoil a
young woman); prices spelled out, Belgian and Swiss tens included; a people named by its
vice ("une engeance de voleurs", "cette race de rôdeurs") and the old words for Roma; the
years of secondary school as Québec and Belgium name them; a lonely passage named in English.
False positives: "how much do you charge?" asked of a therapist or a tradesman; the end of a
dead end told as where a neighbour lives; a postcode-like short number to text; one's own
evening at a friend's.
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext

SEEN = 0.4  # the risk's "seen": a stage of a sequence from this score


def score(text: str, context: MessageContext, rule: str) -> float:
    return score_of(text, rule, context)


# --- Prostitution: the courteous arrangement ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        (
            "Je vous verse 1 200 € chaque mois, payés d'avance, contre trois soirées à mes côtés.",
            (),
        ),
        ("Mon offre : 900 euros par mois en échange de quelques week-ends en ma compagnie", ()),
        ("I can give 3k a month, wired on the first, in exchange for two evenings by my side", ()),
        ("2 000 par mois contre deux diners par semaine", ("je suis un homme généreux",)),
    ],
)
def test_a_sum_against_counted_evenings_is_an_offer(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        "la crèche demande 400 € par mois contre trois soirées de garde par semaine",
        "300 € par mois contre deux soirées de service au restaurant",
        "they pay 800 a month in exchange for two evening shifts at the bar",
        "j'ai payé 1 500 € cette année pour deux soirées de gala",
    ],
)
def test_a_wage_for_evenings_of_work_stays_quiet(text: str) -> None:
    assert score(text, private(), "escort.offer") == 0.0


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        (
            "des dîners, des voyages, et ce qui s'ensuit naturellement entre adultes",
            ("je verse 2 000 par mois",),
        ),
        (
            "Le reste, la suite naturelle entre deux adultes, vous l'imaginez.",
            ("1 800 € mensuels",),
        ),
        (
            "dinners first, then whatever follows naturally between consenting adults",
            ("I pay 2k monthly",),
        ),
    ],
)
def test_intimacy_left_unsaid_with_money_is_an_offer(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "escort.offer") >= 0.75


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("on se marie en juin, et ce qui s'ensuit naturellement entre adultes", ()),
        ("il ne se passera rien, ce qui suit entre adultes ne vous regarde pas", ()),
    ],
)
def test_what_follows_between_adults_without_money_stays_quiet(
    text: str, mine: tuple[str, ...]
) -> None:
    assert score(text, private(*mine), "escort.offer") == 0.0


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        (
            "Un premier rendez-vous samedi, et 400 € pour votre dérangement.",
            ("Je suis discret et généreux",),
        ),
        ("dinner on friday, and $500 for your trouble", ("I'm a generous gentleman",)),
    ],
)
def test_money_for_your_trouble_from_a_generous_man_is_an_offer(
    text: str, mine: tuple[str, ...]
) -> None:
    assert score(text, private(*mine), "escort.offer") >= 0.75


def test_money_for_a_neighbours_trouble_stays_quiet() -> None:
    text = "merci d'avoir gardé le colis, voici 10 € pour le dérangement"
    assert score(text, private(), "escort.offer") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "J'aime gâter une jeune femme intelligente, c'est ma nature.",
        "je souhaite choyer une étudiante sérieuse",
        "I love to spoil a young lady who knows what she wants",
        "j'adore entretenir une jolie jeune fille",
    ],
)
def test_spoiling_a_young_woman_is_the_sugar_pitch(text: str) -> None:
    assert score(text, private(age=60, recipient_age=21), "escort.offer") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "j'aime gâter ma femme pour son anniversaire",
        "I love to spoil my grandchildren at christmas",
        "elle adore gâter ses petites-filles",
    ],
)
def test_spoiling_one_s_family_stays_quiet(text: str) -> None:
    assert score(text, private(), "escort.offer") == 0.0


# --- Prostitution: prices spelled out -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Septante euros la demi-heure, cent cinquante l'heure",
        "nonante la passe, discret",
        "quatre-vingts euros pour une heure, chez moi",
        "huitante francs la demi-heure",
    ],
)
def test_a_spelled_price_of_time_with_the_trade_is_a_price(text: str) -> None:
    context = private(recent=("massages relaxants et plus si affinités",))
    assert score(text, context, "sex.price") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "l'hôtel à Spa fait septante euros la nuit",
        "le prof de piano prend quarante euros l'heure",
        "il a couru cent cinquante mètres avant de tomber",
        "la baby-sitter prend cinquante l'heure, c'est cher",
    ],
)
def test_a_spelled_price_of_a_room_or_a_lesson_stays_quiet(text: str) -> None:
    assert score(text, private(), "sex.price") == 0.0


def test_a_spelled_price_of_a_dinner_among_friends_free_tonight_stays_quiet() -> None:
    context = room(recent=("qui est dispo ce soir ?", "moi je suis dispo dès 20h"))
    text = "nonante francs la soirée avec la fondue du chalet, ça va"
    assert score(text, context, "sex.price") == 0.0


# --- Prostitution: rates asked of a professional ------------------------------------------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("how much do you charge, if it's not rude?", ("I'm a sports massage therapist",)),
        ("how much do you charge for a call-out?", ("I work as a plumber in Leeds",)),
        ("c'est quoi tes tarifs ? how much do you charge", ("je suis photographe de mariage",)),
    ],
)
def test_rates_asked_of_a_professional_stay_quiet(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, private(recent=recent), "sex.price") == 0.0


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("how much do you charge?", ("I'm a masseuse, naked massage available",)),
        ("how much do you charge for the night", ()),
    ],
)
def test_rates_asked_of_the_trade_stay_a_price(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, private(recent=recent), "sex.price") >= 0.6


# --- Hate: a people named by its vice ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ces romanichels sont une engeance de voleurs, tous autant qu'ils sont.",
        "les bohémiens c'est une race de rôdeurs",
        "Cette race de pillards n'a rien à faire chez nous.",
        "that race of thieves should stay out of our town",
        "les manouches ce sont des nuisibles",
        "qu'on les renvoie tous d'où ils viennent",
    ],
)
def test_a_people_named_by_its_vice_is_hate(text: str) -> None:
    found = [
        rule
        for rule in ("hate.racist", "hate.group")
        if score(text, private(age=68, recipient_age=70), rule) >= 0.8
    ]
    assert found


@pytest.mark.parametrize(
    "text",
    [
        "cette race de chiens est très douce avec les enfants",
        "une bande de voleurs a cambriolé la pharmacie cette nuit",
        "la vie de bohème, ça me tente bien",
        "le lycée les renvoie chez eux quand il y a grève",
        "je renvoie les colis d'où ils viennent, ils sont abîmés",
        "les migrants sont victimes de trafiquants",
    ],
)
def test_a_breed_a_gang_or_a_parcel_sent_back_is_no_hate(text: str) -> None:
    for rule in ("hate.racist", "hate.group"):
        assert score(text, private(), rule) == 0.0


# --- Minors: the school year of Québec and Belgium -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "chu en secondaire 3",
        "moi chus en sec2 lol",
        "je suis en 2e secondaire",
        "je rentre en rhéto",
    ],
)
def test_a_regional_school_year_is_a_disclosure(text: str) -> None:
    assert score(text, private(), "age.disclosure") >= 0.85


@pytest.mark.parametrize("text", ["secondaire 2 pis toi", "sec 4", "en 5e secondaire"])
def test_a_regional_year_answering_is_a_disclosure(text: str) -> None:
    context = private(recent=("t'es en quelle année ?",))
    assert score(text, context, "age.disclosure") >= 0.85


@pytest.mark.parametrize(
    "text",
    ["ma fille est en secondaire 2", "j'enseigne le français en sec 4", "secondaire 2 pis toi"],
)
def test_a_regional_year_unasked_or_of_another_stays_quiet(text: str) -> None:
    assert score(text, private(), "age.disclosure") == 0.0


# --- Ambush: lonely passages, the end of a dead end, a friend's place ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "can you bring it to the underpass by the canal? like 11",
        "meet me on the towpath after dark",
        "come to the back alley behind the chippy, I'll wait",
    ],
)
def test_a_lonely_passage_to_meet_at_is_isolated(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "ran 10k along the towpath this morning, lovely",
        "the underpass near my office got repainted",
    ],
)
def test_a_lonely_passage_told_of_is_noted_only(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "finalement c'était chez le vieux monsieur au bout de l'impasse",
        "ma tante habite au bout de la ruelle depuis trente ans",
    ],
)
def test_the_end_of_a_dead_end_told_of_is_noted_only(text: str) -> None:
    assert score(text, private(), "meet.isolated") < SEEN


def test_a_named_dead_end_stays_isolated() -> None:
    text = "c'est la maison grise tout au bout de l'impasse des Lilas à Albi"
    assert score(text, room(), "meet.isolated") >= 0.6


@pytest.mark.parametrize(
    "text",
    ["rejoins-moi au bout de l'impasse vers 23h", "je t'attends au bout du chemin, viens seule"],
)
def test_the_end_of_a_dead_end_to_meet_at_is_isolated(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.6


def test_one_s_own_evening_at_a_friend_s_is_noted_only() -> None:
    text = "resto en famille puis soirée chez une amie, trop bien"
    assert score(text, private(), "meet.isolated") < SEEN


def test_a_meeting_at_a_friend_s_place_is_kept() -> None:
    assert score("viens ce soir chez un pote à moi", private(), "meet.isolated") >= 0.55


@pytest.mark.parametrize(
    "text",
    ["transférez le SMS au 33700 pour le signaler", "envoyez STOP au 36180 et c'est réglé"],
)
def test_a_short_number_to_text_is_no_address(text: str) -> None:
    assert score(text, room(), "meet.address") == 0.0


def test_a_postcode_and_town_stay_an_address() -> None:
    assert score("c'est au 33700 Mérignac", room(), "meet.address") >= 0.5
