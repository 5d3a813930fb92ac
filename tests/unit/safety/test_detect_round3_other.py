"""Round-3 classes of the meeting, sexual-services and hate families.

Meeting: a lakeside or canal-side event, safety advice in conditional form ("be wary if he
..."), a friend or cousin among a party's guests; and the ambush planned about a third person
("dis-lui de venir seul"), tonight-or-never with an underground car park, cash "en liquide".
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of
from detecting import strongest as fired

from causette.safety.context import MessageContext

HELD = 0.6  # the ambush.setup action's min_score
SEEN = 0.4  # the risk's "seen": a stage of a sequence from this score


def score(text: str, context: MessageContext, rule: str = "meet.isolated") -> float:
    return score_of(text, rule, context)


# --- Meeting: a place by the water is ordinary, the night or "alone" beside it is not -----------


@pytest.mark.parametrize(
    "text",
    [
        "pique-nique dimanche au bord du canal, chacun ramène un truc",
        "il y a un festival au bord de l'eau samedi après-midi, on y va ?",
        "on court au bord du lac le mardi matin avec le club",
        "fireworks au bord de la rivière pour le 14 juillet, ça vous tente ?",
    ],
)
def test_by_the_water_alone_is_not_held(text: str) -> None:
    assert score(text, room()) < SEEN
    assert score(text, private()) < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "au bord du canal à 23h30, viens seul",
        "rdv au bord de l'eau vers minuit, personne passe par là",
        "au bord du lac cette nuit, viens à pied",
    ],
)
def test_by_the_water_at_night_or_alone_is_held(text: str) -> None:
    assert score(text, private()) >= HELD


# --- Meeting: advice in the conditional names the marks without proposing them -----------------


@pytest.mark.parametrize(
    "text",
    [
        "be wary if he suddenly insists you come alone",
        "watch out if your match says come alone and don't bring anyone",
        "méfie-toi s'il te dit de venir seule dans un parking",
        "fais gaffe si le mec veut que tu viennes sans tes potes",
        "annule si elle te demande de venir seule, c'est louche",
        "cancel if the buyer wants you to come alone at night",
    ],
)
def test_conditional_advice_is_not_held(text: str) -> None:
    assert score(text, room()) < HELD


@pytest.mark.parametrize(
    "text",
    [
        "come alone, I don't want your friends around",
        "viens seule et dis rien à ta pote",
        "si t'es partant, viens seul derrière le stade",
    ],
)
def test_the_proposal_itself_stays_held(text: str) -> None:
    assert score(text, private()) >= HELD


# --- Meeting: a friend among a party's guests ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("une quinzaine, ma coloc et mon pote seront là aussi", ("c'est quand ta crémaillère ?",)),
        ("mon cousin sera là aussi, il ramène sa guitare", ("du monde pour l'anniv ?",)),
        ("my cousin will be there too, you'll love him", ("is the birthday party still on?",)),
        ("ouais mes potes viendront, plus on est de fous", ()),
    ],
)
def test_a_friend_among_party_guests_is_only_noted(text: str, recent: tuple[str, ...]) -> None:
    assert score(text, private(recent=recent)) < SEEN


@pytest.mark.parametrize(
    "text",
    [
        "mon cousin sera là aussi mais il est cool",
        "ah et mon pote sera là, il veut regarder",
        "my friend will be there too, he's chill",
    ],
)
def test_a_friend_at_a_date_stays_a_mark(text: str) -> None:
    context = private(recent=("on se voit ce soir chez moi ?",))
    assert score(text, context) >= HELD


# --- Meeting: an ambush planned in a group, about a third person -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dis-lui de venir seul, qu'on soit tranquilles",
        "faut qu'il vienne seul, sinon on annule",
        "il doit venir seule, précise-lui bien",
        "tell him to come alone, we'll handle the rest",
        "make sure she comes alone tonight",
    ],
)
def test_come_alone_said_of_someone_else_is_held(text: str) -> None:
    assert score(text, room()) >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "je peux venir seule ou tu préfères que j'amène quelqu'un ?",
        "je vais venir seul finalement, ma femme est malade",
        "on va venir seuls, les enfants sont chez mamie",
    ],
)
def test_coming_alone_said_of_oneself_is_not_held(text: str) -> None:
    assert score(text, private()) < HELD


@pytest.mark.parametrize(
    "text",
    [
        "et qu'il laisse son tel dans la voiture",
        "dis-lui de laisser son portable chez lui",
        "make him leave his phone in the car",
    ],
)
def test_the_phone_left_behind_by_someone_else_is_held(text: str) -> None:
    assert score(text, room()) >= HELD


def test_cues_of_a_car_park_sale_at_night_are_held() -> None:
    text = "c'est aujourd'hui ou jamais, 22h45 au -3 du parking, je suis dans le box"
    assert score(text, private()) >= HELD


def test_cash_and_coming_alone_across_messages_are_held() -> None:
    context = private("rdv au fond du parking, niveau -2")
    assert score("ramène les 300 en liquide et pas de tel dans la main", context) >= HELD


def test_not_liking_to_be_filmed_is_not_advice() -> None:
    # "J'aime pas" before "qu'on me filme" is a wish about others, not a place avoided.
    context = private("rdv derrière le hangar à 23h")
    assert score("viens seul, j'aime pas qu'on me filme", context) >= HELD


@pytest.mark.parametrize(
    "text",
    [
        "quelqu'un a rayé ma voiture au parking et y a pas de caméra",
        "le parking de la gare, y a aucune caméra, c'est pour ça que les vélos disparaissent",
        "the car park has no cctv, that's why they keep breaking in",
    ],
)
def test_a_car_park_without_cameras_is_not_held(text: str) -> None:
    assert score(text, room()) < HELD


def test_a_hidden_spot_without_cameras_at_night_is_held() -> None:
    text = "derrière l'entrepôt, y a pas de caméra, 23h"
    assert score(text, room()) >= HELD


# --- Sexual services: care, sport and training are priced too -----------------------------------

PAID = ("sex.price", "escort.offer")


def paid(text: str, context: MessageContext) -> float:
    return max((score(text, context, rule) for rule in PAID), default=0.0)


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("il m'a pris 45 € pour un massage décontracturant, sans ordonnance", ()),
        ("30 € la séance chez l'ostéo, remboursé en partie par la mutuelle", ()),
        ("massage sportif 50 € l'heure après les matchs", ()),
        (
            "60 € l'heure, il masse toute l'équipe après l'entraînement",
            ("ton kiné fait les sportifs ?",),
        ),
        ("sports massage, 45 quid an hour, my physio recommended him", ()),
        ("deep tissue massage is $80 per hour at the clinic", ()),
        ("ma formation de réflexologie c'est 150h sur l'année", ()),
        ("certificate in massage therapy done, 200h of practice!", ()),
        ("le module shiatsu fait 60 heures", ()),
    ],
)
def test_care_sport_and_training_prices_are_not_the_trade(
    text: str, recent: tuple[str, ...]
) -> None:
    assert paid(text, private(recent=recent)) < 0.5


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("80 € le massage avec finition", ()),
        ("massage naturiste 100 € l'heure, je reçois", ()),
        ("100€ la pipe", ()),
        ("150 l'heure, discrétion assurée", ("t'es kiné ou quoi ?",)),
        ("massage 120 € de l'heure, je reçois en appart", ()),
    ],
)
def test_the_trade_stays_priced_with_care_words_near(text: str, recent: tuple[str, ...]) -> None:
    assert paid(text, private(recent=recent)) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "cadeau contre cadeau, tout le monde est content",
        "service contre service, tu m'aides à déménager et je te fais tes papiers",
        "un livre contre un livre, c'est le principe de la boîte à lire",
        "je te donne mes boutures, troc contre tes confitures ?",
    ],
)
def test_swapping_presents_is_not_an_offer(text: str) -> None:
    assert paid(text, private()) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "rencontres contre cadeau, messieurs généreux",
        "je propose des moments contre un petit cadeau",
    ],
)
def test_company_for_a_present_stays_an_offer(text: str) -> None:
    assert paid(text, private()) >= 0.6


# --- Sexual services: the sugar arrangement in plain words ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dîners, week-ends, hôtel. En échange une allocation de 1 500 € par mois",
        "disponible deux soirs par mois, argent de poche 2.000€ par mois",
        "dinners and a hotel twice a month, allowance 3k a month",
        "je t'aide pour ton loyer et tu me tiens compagnie le week-end",
        "i help with your tuition and you keep me company on weekends",
        "vous me tenez compagnie, y compris la nuit",
        "300 € le premier rendez-vous, à l'hôtel",
    ],
)
def test_the_sugar_arrangement_is_an_offer(text: str) -> None:
    assert paid(text, private()) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "la CAF me verse une allocation de 1 200 € par mois",
        "mon fils a 20 € d'argent de poche par mois",
        "ma grand-mère me tient compagnie le dimanche",
        "can you keep me company on the phone while I walk home?",
        "35 € le premier soir du festival, 30 € les suivants",
    ],
)
def test_allowances_and_company_alone_are_not_offers(text: str) -> None:
    assert paid(text, private()) < 0.5


# --- Hate: a slur thrown at the speaker, told ---------------------------------------------------

ACTS = 0.5  # the hate action's min_score


def hate(text: str, context: MessageContext | None = None) -> float:
    found = fired(text, context or private())
    return max((s.score for rule, s in found.items() if rule.startswith("hate.")), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "un type m'a craché 'sale pd' dans le bus ce matin",
        "une meuf m'a lancé « sale gouine » devant tout le monde",
        "au lycée on m'a hurlé 'espèce de tapette' pendant deux ans",
        "a guy yelled 'fucking dyke' at us outside the club",
        "someone shouted 'dirty faggot' at my brother on the tram",
        'j\'ai eu droit à "sale pédé" en sortant du bar',
    ],
)
def test_a_slur_thrown_at_the_speaker_and_told_is_not_acted_on(text: str) -> None:
    assert hate(text) < ACTS


@pytest.mark.parametrize(
    "text",
    [
        "sale pd va",
        "t'es qu'un pd j'te jure",
        "ta gueule espèce de gouine",
        "you fucking dyke, nobody wants you here",
        "ferme ta gueule 'sale pd'",
    ],
)
def test_a_slur_aimed_at_the_listener_stays(text: str) -> None:
    assert hate(text) >= ACTS


# --- Hate: a word the community took back --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "who's marching with the dykes on bikes this year?",
        "the dyke march starts at the park at noon 🏳️‍🌈",
        "soirée goudou samedi au bar de la rue des Tanneurs",
        "je suis gouine et fière, et alors ?",
        "as a dyke myself I find that hilarious",
        "my gran gasps every time I say dyke lol",
        "pareil pour pédé, on se l'est réapproprié",
        "queer used to be an insult, same with dyke, we took it back",
    ],
)
def test_a_reclaimed_word_in_its_community_is_not_acted_on(text: str) -> None:
    assert hate(text) < ACTS


@pytest.mark.parametrize(
    "text",
    [
        "sale gouine dégage de là",
        "stupid dyke",
        "t'es qu'une gouine",
        "gouine de merde",
    ],
)
def test_the_same_words_as_insults_stay(text: str) -> None:
    assert hate(text) >= ACTS


# --- Hate: friends teasing each other ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mdr t'as raison connasse",
        "je t'aime grognasse, à ce soir",
        "ptdrrr trop pas pétasse 😂",
        "merci ma pouffiasse ❤️",
        "love you bitch 💕 see you at brunch",
        "hahaha shut the door bitch, I'm coming",
    ],
)
def test_friends_teasing_is_not_acted_on(text: str) -> None:
    assert hate(text) < ACTS


@pytest.mark.parametrize(
    "text",
    [
        "mdr t'es qu'une connasse",
        "ferme ta gueule connasse 😂",
        "lol shut up bitch, nobody asked",
        "connasse va",
        "you bitch lol",
        "ptdr sale pute",
        "cheh connasse 😂",
    ],
)
def test_mockery_and_insults_stay(text: str) -> None:
    assert hate(text) >= ACTS


# --- Threat: watching, then a warning or an order -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i know a lot. be careful what you type",
        "I know more than you think... you'd better watch it",
        "j'en sais plus que tu crois. fais gaffe à toi",
        "je sais plein de choses sur toi, t'as intérêt à répondre",
        "I pay attention. maybe you should answer when I write",
        "je remarque tout, tu devrais être plus gentille",
        "i'm watching you. you had better reply",
    ],
)
def test_watching_then_a_warning_is_a_threat(text: str) -> None:
    assert score(text, private(), "threat") >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "je sais beaucoup de choses sur les arnaques, attention aux faux sites",
        "i know a lot about bikes, you should try the red model",
        "je connais tout de toi mon amour",
        "je connais plein de trucs, tu devrais venir au club samedi",
        "be careful what you post online, employers look",
        "i pay attention to the weather, you should bring a coat",
    ],
)
def test_knowledge_and_advice_are_not_threats(text: str) -> None:
    assert score(text, private(), "threat") < 0.5
