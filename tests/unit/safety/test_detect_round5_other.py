"""Round-5 classes of the hate, threat, meeting, age, gift and sexual-services rules.

False positives: words a community took back, said at its own scene (a pride flag, a drag
show); a "kill you" answering friends' laughter; coming alone as people's habit or asked as a
leave; a teacher telling of a pupil at the brevet; a present for someone else and a price
asked before a transfer; the news of a pimping network told on in the third person. Misses:
anti-Asian mockery and stereotypes thrown at "your people", recruiting into prostitution in
veiled words (men who pay for company, a cut, "only be pretty").
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of

from causette.safety.context import MessageContext

SEEN = 0.4  # the risk's "seen": a stage of a sequence from this score


def score(text: str, context: MessageContext, rule: str) -> float:
    return score_of(text, rule, context)


# --- Hate: anti-Asian mockery, stereotypes thrown at "your people" ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lol ching-chong can't even speak properly",
        "ch1ng ch0ng go home",  # digits for letters
        "kung flu is back, thanks to you people",
        "nobody likes your slanty eyes",
        "t'es qu'un sale bridé",
        "you people spread the virus everywhere",
        "vous autres vous avez apporté la maladie",
        "vous les chinois vous nous avez ramené le covid",
        "do u still eat cats like ur people?",
        "vous les chinois vous bouffez des chiens",
        "tu manges du chat toi aussi, comme les tiens ?",
        "go back to ur rice paddy",
        "crawl back to your mud hut",
        "retourne dans ta rizière",
        "retourne dans ta hutte",
    ],
)
def test_anti_asian_mockery_and_stereotypes_fire(text: str) -> None:
    assert score(text, private(), "hate.racist") >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "my grandma ate dog once in Vietnam during the war",
        "did you eat the hot dogs I left?",
        "the bats spread the virus, scientists say",
        "my kids brought covid home from school again",
        "vous nous avez ramené le virus de la crèche les enfants",
        "I came back from the rice fields this morning, Bali is gorgeous",
        "in Korea some people used to eat dogs, it's banned now",
    ],
)
def test_food_disease_and_places_in_ordinary_talk_stay_quiet(text: str) -> None:
    assert score(text, private(), "hate.racist") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "someone at school called me ching chong and I cried",
        "he called me slanty eyes, I reported him",
    ],
)
def test_mockery_reported_by_its_target_is_reduced(text: str) -> None:
    assert 0.0 < score(text, private(), "hate.racist") < SEEN


# --- Hate: reclaimed words at the community's own scene ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "salut les gouines, on se retrouve à la marche des fiertés ?",
        "coucou les pédés 🏳️‍🌈 qui vient danser vendredi ?",
        "dykes on the dancefloor tonight, pride week 🏳️‍🌈",
        "hey dykes 🌈 who's coming to the pride picnic?",
        "les pd du collectif, le drag show commence à 21h",
    ],
)
def test_reclaimed_words_at_the_community_scene_are_reduced(text: str) -> None:
    assert 0.0 < score(text, room(), "hate.homophobic") < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "sale gouine avec ton drapeau 🏳️‍🌈",
        "les pd à la pride, qu'ils crèvent",
        "sales pédés avec votre gay pride, dégagez",
        "bande de pédés",
    ],
)
def test_slurs_with_harm_wished_keep_their_score(text: str) -> None:
    assert score(text, room(), "hate.homophobic") >= 0.8


# --- Threats: banter answering laughter -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("i'm gonna kill you, you spilled coffee on my notes", "hahaha sorry not sorry"),
        ("je vais te tuer, t'as encore mangé mes chips", "mdrrr elles étaient trop bonnes"),
        ("I'm going to kill you for that spoiler", "lmaooo you had to know"),
    ],
)
def test_kill_answering_laughter_is_banter(text: str, before: str) -> None:
    assert 0.0 < score(text, private(recent=(before,)), "threat") <= SEEN


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("je vais te tuer, je sais où tu habites", "mdr t'es sérieux"),
        ("i'm gonna kill you, i'm not joking", "lol ok"),
        ("je vais te tuer avec mon couteau", "ptdr"),
        ("i'm gonna kill you", "see you tomorrow"),
    ],
)
def test_earnest_threats_keep_their_score(text: str, before: str) -> None:
    assert score(text, private(recent=(before,)), "threat") >= 0.8


# --- Meetings: coming alone as a habit, a leave asked, a choice --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to come alone? I don't know anyone in the club",
        "most people come alone the first time",
        "lots of us came alone at first, don't worry",
        "you can come alone or bring a friend, up to you",
        "la plupart viennent seuls la première fois",
        "c'est bizarre de venir seule ?",
        "est-ce que je peux venir seule ?",
        "les gens viennent souvent seuls à l'atelier",
    ],
)
def test_coming_alone_as_habit_or_leave_stays_quiet(text: str) -> None:
    assert score(text, private(), "meet.isolated") == 0.0


def test_habit_of_coming_alone_is_no_ambush_cue_beside_night_and_place() -> None:
    earlier = ("we meet at 4:30am at the parking lot behind the church",)
    assert score("most people come alone the first time", private(*earlier), "meet.isolated") < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "come alone, don't tell anyone",
        "make sure you come alone tonight",
        "everyone is asleep so come alone",
        "dis-lui de venir seul",
        "il faut venir seule, personne doit savoir",
    ],
)
def test_told_to_come_alone_still_fires(text: str) -> None:
    assert score(text, private(), "meet.isolated") >= 0.7


# --- Age: a teacher telling of a pupil ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("au brevet blanc j'en ai eu un qui a dessiné sur sa copie", ()),
        ("pour le brevet, deux d'entre eux ont rendu copie blanche", ()),
        ("le brevet blanc c'était hier, pas fini", ("prof d'histoire au collège depuis 2009",)),
        ("au brevet blanc, rien de neuf", ("français en 3e, 20 ans de carrière",)),
    ],
)
def test_teacher_telling_of_the_brevet_discloses_no_age(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, room(*mine), "age.disclosure") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "au brevet blanc j'ai rendu copie blanche mdr",
        "j'ai le brevet blanc demain jsuis trop stressée",
    ],
)
def test_pupil_telling_of_their_own_brevet_still_discloses(text: str) -> None:
    assert score(text, room(), "age.disclosure") >= 0.7


# --- Gifts: a present for someone else, a price asked before a transfer ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "je rajoute une carte cadeau de 30 euros pour ses jeux",
        "I'll get a gift card for my nephew's birthday",
        "on lui prend une carte cadeau pour l'anniversaire de Léa",
        "a steam card for him, he'll love it",
    ],
)
def test_gift_for_someone_else_is_only_noted(text: str) -> None:
    assert score(text, private(), "gift.card") < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "tu me dis le prix et je te fais un virement",
        "dis-moi combien et je te fais un virement demain",
        "let me know the total and I'll send you the money",
    ],
)
def test_transfer_paying_a_price_asked_is_no_gift(text: str) -> None:
    assert score(text, private(), "gift.money") == 0.0


def test_transfer_after_a_share_is_no_gift() -> None:
    before = ("on met 80 chacun pour le cadeau ?",)
    assert score("ok je te fais un virement ce soir", private(recent=before), "gift.money") == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "je t'envoie une carte cadeau pour tes jeux",
        "je te fais un virement de 100 euros",
        "je te donne 50€ pour ta soeur",
    ],
)
def test_gifts_to_the_listener_still_fire(text: str) -> None:
    assert max(score(text, private(), "gift.card"), score(text, private(), "gift.money")) >= 0.5


# --- Sexual services: recruiting in veiled words, news told on -------------------------------


@pytest.mark.parametrize(
    ("text", "mine"),
    [
        ("des messieurs qui paient bien pour de la compagnie, rien de plus", ()),
        ("men who pay good money for your company, that's all", ()),
        ("je gère les rdv et la sécurité, je prends 30%", ()),
        ("I take 40% and I handle the clients", ()),
        ("je prends que 25 pour cent", ("c'est moi qui protège les filles",)),
        ("t'as rien à faire à part être belle", ("elles se font 2000 par semaine",)),
        ("all you have to do is look pretty, they earn 500 a night", ()),
        ("mes filles se font facile 3000 par semaine", ()),
        ("the girls there make 2000 a week, easy", ()),
    ],
)
def test_recruiting_into_prostitution_fires(text: str, mine: tuple[str, ...]) -> None:
    assert score(text, private(*mine), "escort.offer") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "je prends 10% de commission sur la vente, je gère les annonces et les visites",
        "le jour du mariage t'as rien à faire à part être belle",
        "all you have to do is be yourself",
        "my landlord takes 20% of the deposit",
    ],
)
def test_ordinary_cuts_and_compliments_stay_quiet(text: str) -> None:
    assert score(text, private(), "escort.offer") == 0.0


@pytest.mark.parametrize(
    ("text", "before"),
    [
        (
            "leurs annonces étaient sur des sites d'escort, avec des émojis en code",
            "un réseau de proxénétisme démantelé à Lille, six interpellations",
        ),
        (
            "their ads were on escort sites with coded prices",
            "did you read the news? a trafficking ring was busted in Leeds",
        ),
    ],
)
def test_news_told_on_in_the_third_person_is_no_offer(text: str, before: str) -> None:
    assert score(text, room(recent=(before,)), "escort.offer") == 0.0


def test_offer_in_the_first_person_after_news_still_fires() -> None:
    before = ("un réseau démantelé à Lille, six interpellations",)
    assert score("je suis escort, je reçois chez moi", room(recent=before), "escort.offer") >= 0.8
