"""Classes of wording for the minors' families: public numbers and quantities, accounts traded,
reported secrecy, pupils spoken of by their teachers, a minor pointed out by a third person,
and one secrecy phrase between adults."""

from __future__ import annotations

import pytest

from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal, VerdictKind
from causette.safety.policy import Facts
from causette.safety.risk import Pairing, RiskState

ROOM = MessageContext(Setting.ROOM, sender_age=40, sender_minor=False)
ADULTS = MessageContext(
    Setting.PRIVATE, sender_age=30, sender_minor=False, recipient_age=32, recipient_minor=False
)
DEFAULT = policy.load()


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def room_after(*earlier: str) -> MessageContext:
    return MessageContext(Setting.ROOM, sender_age=40, sender_minor=False, recent=earlier)


# --- Phone numbers: quantities and a business's public line ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "je vends ma clio 4 de 2017, 98 000 km, 7900€",
        "maison de 1998, 120 000 euros, 4 pièces",
        "ma 308 de 2015, 143 500 km, première main",
        "selling my 2016 civic, 88 000 miles",
    ],
)
def test_a_year_and_a_quantity_are_no_phone_number(text: str) -> None:
    assert "contact.phone" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "la pharmacie du port est ouverte le dimanche, leur fixe c'est le 03 85 41 27 60",
        "faut réserver au 04 78 37 22 91, ouvert du mardi au samedi",
        "le cabinet du dentiste c'est le 01 42 33 18 90, prise de rdv le matin",
        "their front desk is 01 44 12 90 35, open daily",
    ],
)
def test_a_business_landline_stays_under_the_room_hold(text: str) -> None:
    signal = fired(text)["contact.phone"]
    assert signal.score < 0.5
    assert "doxx.phone" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "mon fixe c'est le 03 85 41 27 60",
        "appelez son patron au 01 44 12 90 34",
        "la pharmacie c'est mon 06 12 34 56 78",
        "appelle moi au 06 12 34 56 78 pour réserver",
        "réserve chez moi au 04 78 37 22 91",
    ],
)
def test_a_personal_or_mobile_number_is_still_a_step_in_private(text: str) -> None:
    # In a room, one's own number is now the sender's to give (test_detect_round3_doxx).
    assert fired(text, ADULTS)["contact.phone"].score >= 0.6


def test_someone_elses_number_is_still_held_in_a_room() -> None:
    assert fired("appelez son patron au 01 44 12 90 34")["contact.phone"].score >= 0.6


def test_the_room_hold_reads_the_public_line_threshold() -> None:
    phone = Signal("contact.phone", 0.35, (0, 4))
    state = RiskState(score=0.3, seen={"contact.phone": 0.0})
    facts = Facts(
        signals=(phone,),
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=0.3,
        state=state,
    )
    assert DEFAULT.decide(facts).verdict.kind is VerdictKind.ALLOW


# --- Accounts sold or named by their service ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "vends mon compte netflix 5 euros le mois",
        "je revends mon compte fortnite avec tous les skins",
        "mon compte bancaire est bloqué depuis hier",
        "selling my account spotify premium cheap",
        "je loue mon compte disney a 3 euros",
    ],
)
def test_an_account_traded_or_named_by_its_service_is_no_handle(text: str) -> None:
    assert "offplatform.handle" not in fired(text)


@pytest.mark.parametrize(
    "text",
    ["mon compte julie_95", "mon compte c'est lea2009", "mon snap c'est clem.ptitpois"],
)
def test_a_handle_after_account_still_counts(text: str) -> None:
    assert "offplatform.handle" in fired(text)


@pytest.mark.parametrize(
    ("text", "invitation"),
    [
        ("selling my ig account 20k followers", False),
        ("je vends mon snap 5k abonnés", False),
        ("add me on snap", True),
        ("viens sur snap", True),
    ],
)
def test_an_account_for_sale_is_no_invitation(text: str, invitation: bool) -> None:
    signal = fired(text).get("offplatform.app")
    assert (signal is not None and signal.score >= 0.55) is invitation


# --- Secrecy: reported speech, and one phrase between adults ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he'd say stuff like 'this is our secret, your parents would freak'",
        "il me disait « c'est notre secret »",
        "mon ex me disait toujours que c'était notre secret",
        "a guy told me not to tell anyone, I was 12",
        "my coach told me to keep it between us",
    ],
)
def test_secrecy_someone_else_said_is_kept_under_a_step(text: str) -> None:
    signal = fired(text, ADULTS).get("secrecy")
    assert signal is None or signal.score < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "c'est notre secret",
        "il est gentil ton chat, mais c'est notre secret hein",
        "dis rien à tes parents",
        "this is our secret ok?",
    ],
)
def test_secrecy_asked_is_a_step(text: str) -> None:
    assert fired(text, ADULTS)["secrecy"].score >= 0.8


def _private(*rules: str, score: float) -> Facts:
    signals = tuple(Signal(rule, 0.85, (0, 4)) for rule in rules)
    return Facts(
        signals=signals,
        pairing=Pairing.PRIVATE,
        sender_id="s",
        recipient_id="r",
        sender_minor=False,
        recipient_minor=False,
        score=score,
        state=RiskState(score=score, seen=dict.fromkeys(rules, 0.0)),
    )


def test_one_secrecy_phrase_between_adults_is_remembered_not_a_case() -> None:
    # One "c'est notre secret" weighs 2.0 x 0.85 = 1.7.
    verdict = DEFAULT.decide(_private("secrecy", score=1.7)).verdict
    assert verdict.case is None


def test_secrecy_asked_again_and_again_between_adults_is_a_case() -> None:
    verdict = DEFAULT.decide(_private("secrecy", score=3.4)).verdict
    assert verdict.case is not None
    assert verdict.case.category == "child_abuse"


# --- Pupils spoken of by the adults who teach them ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mdr. moi c'est les 3e, brevet blanc dans 2 semaines, la moitié pense que c'est facultatif",
        "mes terminales ont le bac blanc lundi",
        "vos 4e passent le brevet blanc quand ?",
        "nos 3eme ont le brevet dans un mois",
    ],
)
def test_a_class_spoken_of_from_outside_is_no_disclosure(text: str) -> None:
    assert "age.disclosure" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "je suis en 3e",
        "moi je passe le brevet blanc lundi",
        "brevet blanc dans 2 semaines jsuis morte",
    ],
)
def test_ones_own_class_or_exam_is_still_a_disclosure(text: str) -> None:
    assert "age.disclosure" in fired(text)


# --- A third person says that someone here is a minor -------------------------------------------


@pytest.mark.parametrize(
    "warning",
    [
        "attention il a 14 ans",
        "laisse la tranquille elle est mineure",
        "she's only 13 guys",
        "15 and he's 16",
        "c'est une gamine de 13 ans",
        "@lea a 14 ans, calme toi",
        "they're kids, back off",
    ],
)
@pytest.mark.parametrize(
    "approach", ["viens en mp", "add me on snap", "donne moi ton num", "tu as quel age ?"]
)
def test_an_approach_after_a_minor_was_pointed_out(warning: str, approach: str) -> None:
    signals = fired(approach, room_after("salut", warning))
    assert signals["age.reported_minor"].score >= 0.8


@pytest.mark.parametrize(
    "earlier",
    [
        "ma fille a 14 ans et elle veut un tel",
        "il avait 14 ans quand il a commencé le rugby",
        "il a 45 ans et il joue encore",
        "elle a 15 ans de plus que moi",
        "he's 15 minutes late again",
        "il a 12 chats chez lui",
    ],
)
def test_no_minor_pointed_out(earlier: str) -> None:
    assert "age.reported_minor" not in fired("viens en mp", room_after(earlier))


def test_a_pointed_out_minor_needs_an_approach_and_someone_else() -> None:
    warned = room_after("attention il a 14 ans")
    assert "age.reported_minor" not in fired("bonne soirée à tous", warned)
    own = MessageContext(
        Setting.ROOM,
        sender_age=40,
        sender_minor=False,
        recent=("attention il a 14 ans",),
        recent_from_sender=("attention il a 14 ans",),
    )
    assert "age.reported_minor" not in fired("viens en mp", own)


def test_the_room_approach_after_a_pointed_out_minor_is_a_case() -> None:
    signals = (Signal("private.invite", 0.4, (0, 4)), Signal("age.reported_minor", 0.8, (0, 0)))
    facts = Facts(
        signals=signals,
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=0.7,
        state=RiskState(score=0.7, seen={"private.invite": 0.0, "age.reported_minor": 0.0}),
    )
    verdict = DEFAULT.decide(facts).verdict
    assert verdict.case is not None
    assert verdict.case.priority


# --- Someone declared a minor who says they are an adult -----------------------------------------

TEENS = MessageContext(
    Setting.PRIVATE, sender_age=17, sender_minor=True, recipient_age=15, recipient_minor=True
)


@pytest.mark.parametrize(
    "text",
    [
        "bof c'est juste pour rentrer ici, j'en ai 24 mais ça change rien entre nous",
        "now I am 26 haha but I say 17 here because nobody talk to old guys",
        "j'ai mis 16 sur mon profil mais j'ai 27 ans",
        "my real age is 30, don't freak out",
        "i'm actually 25 lol",
        "en vrai j'ai 31 ans",
    ],
)
def test_a_declared_minor_saying_they_are_an_adult(text: str) -> None:
    assert fired(text, TEENS)["age.adult_posing"].score >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "j'ai 18 ans depuis hier",
        "en vrai j'ai 20 euros sur moi",
        "i'm actually 25 minutes away",
        "ma soeur a 24 ans en vrai",
        "en vrai j'ai 19 ans",  # a year or two above the profile: a birthday, a brag
    ],
)
def test_no_adult_posing(text: str) -> None:
    assert "age.adult_posing" not in fired(text, TEENS)


def test_an_adult_saying_their_age_is_not_posing() -> None:
    assert "age.adult_posing" not in fired("en vrai j'ai 31 ans", ADULTS)


def test_adult_posing_is_a_priority_case_and_starts_a_sequence() -> None:
    alone = DEFAULT.decide(_private("age.adult_posing", score=1.3)).verdict
    assert alone.case is not None
    assert alone.case.priority
    sequence = DEFAULT.decide(_private("age.adult_posing", "secrecy", score=3.0)).verdict
    assert sequence.kind is VerdictKind.HOLD


# --- Secrecy as what the others must not know; isolation; alone checks; the body asked ----------


@pytest.mark.parametrize(
    "text",
    [
        "pas un mot à tes parents",
        "tes parents ont pas besoin de savoir",
        "mieux vaut que tes parents sachent pas",
        "ta mère doit jamais l'apprendre",
        "no one can know about us",
        "your mom doesn't need to know",
        "keep this to yourself ok",
        "delete this after reading",
    ],
)
def test_what_the_others_must_not_know_is_secrecy(text: str) -> None:
    assert fired(text, ADULTS)["secrecy"].score >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "nobody needs to know but I got the job!!",
        "tes parents ont pas besoin de savoir pour la surprise",
        "nobody will know the difference",
        "no one knows the answer lol",
        "delete this after you've copied the address",
    ],
)
def test_own_news_surprises_and_idioms_are_no_secrecy_step(text: str) -> None:
    signal = fired(text, ADULTS).get("secrecy")
    assert signal is None or signal.score < 0.4


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("ils te méritent pas", "isolation"),
        ("your friends don't deserve you", "isolation"),
        ("your parents asleep yet?", "alone.check"),
        ("anyone else home?", "alone.check"),
        ("is anyone with you rn?", "alone.check"),
        ("tu me montres ton corps ?", "photo.request"),
        ("je peux voir tes jambes ?", "photo.request"),
        ("send me your body pics", "photo.request"),
        ("show me what you look like in your pyjamas", "photo.request"),
        ("tu peux te mettre devant la cam ?", "photo.request"),
    ],
)
def test_grooming_steps_in_other_words(text: str, rule_id: str) -> None:
    assert fired(text, ADULTS)[rule_id].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "montre ton pied au médecin",
        "show your feet to a podiatrist",
        "can I see your legs after the surgery? the scar",
        "show me your new bike",
        "je veux voir ta tenue pour le mariage",
    ],
)
def test_a_body_shown_for_care_or_a_thing_shown_is_no_photo_request(text: str) -> None:
    assert "photo.request" not in fired(text, ADULTS)


# --- One's own age with a modifier, "not yet"; the school level asked ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "j'ai que 14 ans",
        "j'ai seulement 13 ans",
        "j'ai à peine 15 ans",
        "j'ai pas encore 15 ans",
        "j'ai toujours pas 18 ans mdr",
        "i'm only 15",
        "i'm just 14 lol",
        "I'm turning 14 next month",
        "i'm almost 15",
        "I'm not even 16",
        "i'm not 18 yet",
    ],
)
def test_ones_own_age_stressed_or_not_yet_reached(text: str) -> None:
    assert fired(text, ADULTS)["age.disclosure"].score >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "j'ai que 20 ans",
        "j'ai pas 15 ans, je fais ce que je veux",
        "I'm not 15, stop treating me like a kid",
        "I'm only 5 minutes away",
        "i'm still 15 minutes away",
        "j'ai juste 15 ans de plus que toi",
        "j'ai pas encore 15 ans d'ancienneté",
        "I'm like 16 hours in",
    ],
)
def test_no_minors_age_in_idioms_and_quantities(text: str) -> None:
    assert "age.disclosure" not in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text",
    [
        "u in high school?",
        "are you in year 9?",
        "t'es au lycée ou pas encore ?",
        "tu passes en seconde l'année prochaine ?",
        "what year were you born",
    ],
)
def test_the_school_level_or_birth_year_asked(text: str) -> None:
    assert "age.probe" in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text", ["I was in high school in 2005", "tu passes en caisse ?", "what year was it built"]
)
def test_no_age_probe(text: str) -> None:
    assert "age.probe" not in fired(text, ADULTS)


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("tu as quel âge ton fils ?", "age.probe"),
        ("kel age ta fille", "age.probe"),
        ("how old is your son? asking for the party", "age.probe"),
        ("send me a pic of the menu", "photo.request"),
        ("send me some photos of the flat", "photo.request"),
        ("mon snap c'est pour le boulot", "offplatform.handle"),
        ("mon insta est privé", "offplatform.handle"),
    ],
)
def test_the_others_child_a_thing_or_an_accounts_use(text: str, rule_id: str) -> None:
    assert rule_id not in fired(text, ADULTS)


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("t'as quel age ma petite ?", "age.probe"),
        ("tu as quel âge ?", "age.probe"),
        ("send me a pic of you", "photo.request"),
        ("send me a pic", "photo.request"),
        ("mon snap c'est lea_2009", "offplatform.handle"),
    ],
)
def test_still_the_others_age_a_picture_of_them_a_handle(text: str, rule_id: str) -> None:
    assert rule_id in fired(text, ADULTS)


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("you're so grown up for 14", "flattery"),
        ("you're really pretty for your age", "flattery"),
        ("t'es trop belle pour 13 ans", "flattery"),
        ("have you ever been with an older guy?", "sexual.probe"),
        ("tu aimes les hommes plus âgés ?", "sexual.probe"),
        ("have you ever touched yourself", "sexual.probe"),
        ("tu fais quelle taille de soutif ?", "sexual.probe"),
        ("are you wearing anything under that", "sexual.probe"),
        ("I'll be your secret boyfriend", "secrecy"),
        ("let's keep our friendship private", "secrecy"),
        ("je t'achète un nouveau tel comme ça tes parents verront rien", "secrecy"),
        ("I'll get you a new phone so your parents can't check it", "gift.card"),
        ("je t'achète un nouveau tel", "gift.card"),
        ("you should come over when your parents are at work", "alone.check"),
        ("quand tes parents sont au boulot je peux passer", "alone.check"),
        ("what time do you get back from school?", "alone.check"),
    ],
)
def test_more_grooming_steps_as_structures(text: str, rule_id: str) -> None:
    assert fired(text, ADULTS)[rule_id].score >= 0.6


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("ma fille est grande pour 12 ans", "flattery"),
        ("she's tall for her age", "flattery"),
        ("I'll send you a phone number for the plumber", "gift.card"),
        ("I'll get you a new phone case", "gift.card"),
        ("notre relation secrète pour la surprise de maman", "secrecy"),
    ],
)
def test_not_those_steps(text: str, rule_id: str) -> None:
    signal = fired(text, ADULTS).get(rule_id)
    assert signal is None or signal.score < 0.4


def _room(*signals: Signal) -> Facts:
    return Facts(
        signals=signals,
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=0.5,
        state=RiskState(score=0.5, seen={s.rule: 0.0 for s in signals}),
        minor_present=True,
    )


def test_an_app_named_in_passing_where_a_minor_spoke_is_no_case() -> None:
    named = DEFAULT.decide(_room(Signal("offplatform.app", 0.5, (0, 9)))).verdict
    assert named.case is None
    invited = DEFAULT.decide(_room(Signal("offplatform.app", 0.6, (0, 9)))).verdict
    assert invited.case is not None
    assert invited.case.priority
    private = DEFAULT.decide(_room(Signal("private.invite", 0.4, (0, 9)))).verdict
    assert private.case is not None


def test_an_app_named_in_passing_is_no_approach_after_a_pointed_out_minor() -> None:
    warned = room_after("attention elle a 14 ans")
    assert "age.reported_minor" not in fired("instagram a encore changé son algo", warned)
    assert "age.reported_minor" in fired("viens sur snap", warned)


@pytest.mark.parametrize(
    "text",
    [
        "I feel like I'm 15 again",
        "I act like I'm 12 lol",
        "I'm 14 at heart",
        "mdr j'ai 12 ans dans ma tête",
        "j'ai 15 ans de retard sur mes impôts",
        "j'ai 20 ans de boîte",
        "j'ai eu 14 ans en 2009",
    ],
)
def test_an_age_felt_a_duration_or_a_past_year_is_no_disclosure(text: str) -> None:
    assert "age.disclosure" not in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text",
    ["j'ai 14 ans", "j'ai 13 ans d'ailleurs", "j'ai 14 ans de toute façon", "j'ai eu 14 ans hier"],
)
def test_ones_age_now_is_still_a_disclosure(text: str) -> None:
    assert "age.disclosure" in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text",
    [
        "15f",
        "f15 looking for friends",
        "15 f here",
        "moi c'est Léa 14 ans",
        "Léa, 14 ans, Lyon",
        "hey im jake 13 from texas",
        "just turned 15",
        "gonna be 16 next week",
        "I'll be 15 in june",
        "i turn 14 in march",
        "I'm turning 18 tomorrow",
        "my 15th birthday is next week",
        "sweet sixteen next month",
        "mon anniv de 15 ans c'est demain",
    ],
)
def test_an_introduction_or_a_birthday_says_the_age(text: str) -> None:
    assert "age.disclosure" in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text",
    [
        "16h",
        "15 m de haut",
        "c'est bien 11",
        "i'm level 15 in fortnite",
        "I'm down 15 points",
        "I'll be 10 minutes late",
        "c'est Paul 35 ans",
        "my 16th birthday was great, 20 years ago",
        "i just turned 40",
        "gonna be 12 of us at dinner",
        "my 10th anniversary is next week",
        "mon anniv de mariage de 15 ans",
        "I'm turning 16 pages a minute lol",
    ],
)
def test_a_time_a_size_a_score_or_an_adult_is_no_introduction(text: str) -> None:
    assert "age.disclosure" not in fired(text, ADULTS)


@pytest.mark.parametrize(
    "text",
    [
        "voici le fixe du cabinet où bosse Julie Martin: 01 42 33 18 90",
        "le standard de la mairie 01 42 33 18 90, harcelez-les",
    ],
)
def test_a_workplace_line_given_to_reach_or_harass_a_person_is_held(text: str) -> None:
    assert fired(text)["contact.phone"].score >= 0.6
