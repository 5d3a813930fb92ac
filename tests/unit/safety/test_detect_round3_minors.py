"""Round-3 classes of the minors family: a pupil's words that are someone else's (a teacher's
classes, a parent's child) or a memory of the speaker's youth; secrecy quoted or warned
against; gifts and pictures told as what someone else offered, or listed as red flags."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal


def fired(text: str, context: MessageContext) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def room(sender_age: int, *own: str) -> MessageContext:
    return MessageContext(
        Setting.ROOM,
        sender_age=sender_age,
        sender_minor=sender_age < 18,
        recent=own,
        recent_from_sender=own,
    )


def private(sender_age: int, recipient_age: int = 15, *own: str) -> MessageContext:
    return MessageContext(
        Setting.PRIVATE,
        sender_age=sender_age,
        sender_minor=sender_age < 18,
        recipient_age=recipient_age,
        recipient_minor=recipient_age < 18,
        recent=own,
        recent_from_sender=own,
    )


# --- A pupil's words about someone else's school life ------------------------------------------

OTHERS_SCHOOL_LIFE = [
    # The pupils as the subject of the exam.
    ("le bac blanc c'est jeudi et elles ont rien bossé, je désespère", ()),
    ("brevet blanc lundi, ils ont pas révisé une ligne", ()),
    # A curfew for one's child.
    ("chez nous couvre-feu à 21h pour la mienne, pas de négociation", ()),
    ("couvre feu 22h pour mes gosses le week-end, ils râlent", ()),
    # The speaker said earlier that they teach.
    ("vivement que le brevet blanc soit passé", ("je suis prof de maths dans un collège à Lille",)),
    ("ugh i have school tomorrow", ("I teach year 10 chemistry, send help",)),
    # The speaker said earlier that they have children.
    (
        "couvre-feu à 22h et pas de tel dans la chambre",
        ("mon fils a 14 ans et il vient d'avoir son premier portable",),
    ),
    ("le brevet blanc approche, stress à la maison", ("ma fille est en 3e cette année",)),
]


@pytest.mark.parametrize(("text", "own"), OTHERS_SCHOOL_LIFE)
def test_someone_elses_school_life_is_no_disclosure(text: str, own: tuple[str, ...]) -> None:
    assert "age.disclosure" not in fired(text, room(42, *own))


PUPILS_OWN_SCHOOL_LIFE = [
    ("brevet blanc demain jsuis pas prête", ()),
    ("couvre-feu à 21h chez moi, mes parents abusent", ()),
    # Friends spoken of are not pupils one looks after.
    ("le brevet blanc c'est lundi 😭", ("ma pote elle est trop drôle",)),
    # "ma fille" between girls is a way of calling each other, not a child.
    ("couvre-feu 22h sinon ma mère me tue", ("wsh ma fille t'es où",)),
    ("ma prof principale m'a encore collé une heure", ()),
]


@pytest.mark.parametrize(("text", "own"), PUPILS_OWN_SCHOOL_LIFE)
def test_a_pupils_own_school_life_stays_a_disclosure(text: str, own: tuple[str, ...]) -> None:
    assert fired(text, room(18, *own))["age.disclosure"].score >= 0.5


# --- A memory of the speaker's youth --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("c'est mon prof principal qui a tout remarqué", ("à 13 ans j'ai vécu un truc horrible",)),
        ("j'ai tout raconté à ma prof de français", ("quand j'avais 14 ans un mec m'a eue",)),
        ("quand j'étais au collège ma prof de maths m'a sauvée", ()),
        ("my homeroom teacher told my mom in the end", ("when I was 12 a guy groomed me online",)),
        ("ma prof principale a prévenu mes parents, à l'époque", ()),
    ],
)
def test_an_adult_telling_their_youth_is_no_disclosure(text: str, own: tuple[str, ...]) -> None:
    assert "age.disclosure" not in fired(text, room(31, *own))


@pytest.mark.parametrize(
    ("age", "text", "own"),
    [
        # Too close to the declared age to be another time of life.
        (18, "ma prof principale m'a pourrie", ("à 13 ans j'avais déjà un tel",)),
        # "a 12 ans" is the verb here: someone's age now, not a time of the speaker's life.
        (25, "ma prof principale m'a pourrie", ("mon frère a 12 ans",)),
        # "Au collège" with a present tense is the speaker's school now.
        (25, "au collège ma prof de maths est trop nulle", ()),
        # A time word keeps the cue in the present whatever was said before.
        (30, "ma prof principale m'a collé une heure aujourd'hui", ("à 13 ans j'étais sage",)),
    ],
)
def test_a_recall_does_not_hide_the_present(age: int, text: str, own: tuple[str, ...]) -> None:
    assert fired(text, room(age, *own))["age.disclosure"].score >= 0.5


# --- Secrecy quoted or warned against ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on nous a appris que si un adulte dit « c'est notre secret », faut en parler",
        "si un inconnu t'écrit 'efface la conv' c'est un signal d'alarme",
        "the red flags are simple: 'don't tell your parents', 'delete the chat', gifts",
        "if someone says 'this is our little secret', tell a trusted adult",
        "les prédateurs disent souvent « personne doit savoir »",
        'si un mec dit "c notre secret" tu bloques et tu le dis à un adulte',
    ],
)
def test_secrecy_quoted_or_warned_against_stays_under_seen(text: str) -> None:
    signal = fired(text, private(15, 15)).get("secrecy")
    assert signal is None or signal.score < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "c'est notre secret ok ? dis rien à ta mère",
        # A supposition that is an instruction: the listener is told what to do.
        "si ta mère demande, c'est notre secret",
        "if your mom asks, it's our secret",
        "keep this between us, ok?",
        "c notre secret hein",
    ],
)
def test_secrecy_asked_stays_a_step(text: str) -> None:
    assert fired(text, private(30, 14))["secrecy"].score >= 0.8


# --- Gifts and pictures told or warned against ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("un type voulait m'offrir des v-bucks si je lui montrais ma chambre", ()),
        ("il lui a proposé une carte cadeau steam, puis des robux", ()),
        ("a guy on xbox kept sending me gift cards when i was younger", ()),
        ("and at the end he asked for apple gift cards, classic", ()),
        ("signaux d'alerte : robux, photos en échange. aucun vrai ami demande ça", ()),
        ("also vbucks in exchange for pics, tell your kids", ()),
        ("and gift cards in exchange for pics", ("the big red flags: age, secrecy, another app",)),
    ],
)
def test_gifts_told_or_warned_against_stay_under_seen(text: str, own: tuple[str, ...]) -> None:
    signals = fired(text, room(40, *own))
    for rule in ("gift.card", "gift.money", "photo.request"):
        assert rule not in signals or signals[rule].score < 0.4, rule


@pytest.mark.parametrize(
    "text",
    [
        "je t'offre 800 robux si tu m'envoies une photo de toi",
        "t'as besoin de vbucks ? jte file une carte",
        "i'll send u a steam gift card for a pic",
        "j'te paye ton battle pass, envoie une tof",
    ],
)
def test_gifts_offered_stay_steps(text: str) -> None:
    signals = fired(text, private(30, 14))
    assert max(signals[rule].score for rule in signals if rule.startswith("gift.")) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "i'll venmo you half, see you there",
        "je te fais un lydia pour la moitié",
        "paypal you back tonight",
    ],
)
def test_a_share_sent_back_by_an_app_is_no_gift(text: str) -> None:
    assert "gift.money" not in fired(text, private(26, 28))


def test_money_by_an_app_for_a_picture_stays_a_gift() -> None:
    assert fired("i'll venmo you 50 for a pic", private(30, 14))["gift.money"].score >= 0.5
