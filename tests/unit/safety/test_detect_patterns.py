"""Pattern rules: families of wordings the phrase rules did not list, and their hard negatives.

Each positive below is a wording written for this test, not taken from a corpus: the rules
are meant to catch the pattern (a verb of telling with a negation and a listener, an amount
for a length of time, ambush cues side by side ...) whatever the words.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

PRIVATE = MessageContext(Setting.PRIVATE, 35, False, recipient_age=30, recipient_minor=False)
ROOM = MessageContext(Setting.ROOM, 30, False)


def fired(text: str, context: MessageContext = PRIVATE) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def after(*earlier: str, sender: tuple[str, ...] = (), room: bool = False) -> MessageContext:
    """A context whose conversation already holds ``earlier`` (and ``sender``'s own lines)."""
    setting = Setting.ROOM if room else Setting.PRIVATE
    recipient = None if room else 30
    return MessageContext(
        setting,
        35,
        False,
        recipient_age=recipient,
        recipient_minor=None if room else False,
        recent=earlier + sender,
        recent_from_sender=sender,
    )


STRONG = [
    # A verb of telling, in any tense, with a negation and a listener.
    ("secrecy", "tu diras rien à ta mère hein"),
    ("secrecy", "tu vas pas en parler à tes copines ?"),
    ("secrecy", "surtout tu racontes jamais ça à ton père"),
    ("secrecy", "faudra rien montrer à tes profs"),
    ("secrecy", "n'en parle jamais avec ta famille"),
    ("secrecy", "tu le mentionnes pas devant tes parents"),
    ("secrecy", "fais ça sans le dire à ta daronne"),
    ("secrecy", "sans que tes parents le sachent"),
    ("secrecy", "vaut mieux pas que ta mère l'apprenne"),
    ("secrecy", "je veux pas que tes potes le sachent"),
    ("secrecy", "you won't tell your dad right"),
    ("secrecy", "do it without telling your parents"),
    ("secrecy", "what we say stays between the two of us"),
    # A cover story, or hiding the contact itself.
    ("secrecy", "tu leur dis que tu dors chez une amie"),
    ("secrecy", "dis à ta mère que t'es à la bibliothèque"),
    ("secrecy", "tell your mom you're at a sleepover"),
    ("secrecy", "parle pas de moi à ta soeur"),
    ("secrecy", "dis pas qu'on se parle"),
    ("secrecy", "don't mention me to anyone ok"),
    # "They would never understand."
    ("isolation", "tes parents comprendraient jamais"),
    ("isolation", "les gens accepteront pas notre histoire"),
    ("isolation", "notre relation est spéciale"),
    # Boys of the other's school, their bedroom.
    ("flattery", "les mecs de ta classe te méritent pas"),
    ("flattery", "guys your age are so immature"),
    ("alone.check", "ta chambre elle ferme à clé ?"),
    ("alone.check", "tu partages ta chambre ?"),
    ("alone.check", "do you share your room with someone"),
    ("alone.check", "tu rentres toute seule du bahut ?"),
    ("alone.check", "ils te laissent dormir chez des potes ?"),
    ("flattery", "tu fais plus mature que tes 13 ans"),
    ("secrecy", "supprime bien tous ces messages ce soir"),
    ("sexual.probe", "t'as déjà embrassé un garçon ?"),
    ("alone.check", "is your stepdad home tonight?"),
    ("alone.check", "when does your mum come back from work"),
    ("alone.check", "c'est le portable de ta mère ou t'en as un à toi ?"),
    ("age.probe", "what grade are u in"),
    ("age.disclosure", "ugh my math teacher gave us so much homework"),
    ("age.probe", "t'es en 5e ou en 4e ?"),
    ("age.disclosure", "je finis au collège à 15h le mercredi"),
    ("age.disclosure", "j'ai sport demain au bahut, la flemme"),
    ("flattery", "you're really mature for a 14 year old"),
    ("secrecy", "what your mom doesn't know won't hurt her"),
    ("secrecy", "keep it just between the two of us"),
    ("threat.sextortion", "si tu réponds plus je mets tes photos sur insta"),
    ("alone.check", "t'es s.e.u.l.e ce soir ?"),
    ("offplatform.app", "on continue sur t e l e g r a m"),
    ("alone.check", "ta daronne elle rentre à quelle heure ?"),
    ("age.probe", "t'as kel age ?"),
    ("photo.request", "envoi 1 foto de toi"),
    ("scam.crypto", "deviens riche avec mon trading automatique"),
    ("scam.phishing", "i am a widow with 4 millions to share with you"),
    ("threat.sextortion", "if u block me i'll post your pics everywhere"),
    ("threat.sextortion", "j'ai gardé tes vidéos, si tu réponds pas je les poste"),
    ("escort.offer", "y a des hommes qui paient cher pour ça tu sais"),
    ("gift.money", "t'aurais pas besoin de thune en ce moment ?"),
    ("offplatform.app", "on continue sur une autre appli ?"),
    # Meeting a child at school; modelling lures.
    ("meet.request", "je peux passer te prendre à la sortie du lycée"),
    ("meet.request", "i could pick you up after school"),
    ("photo.request", "t'as le physique pour le mannequinat"),
    ("photo.request", "je connais une agence de mannequins"),
    # Paid company without the usual words.
    ("escort.offer", "je fais des soirées contre un petit cadeau"),
    ("escort.offer", "rencontre possible moyennant une participation"),
    ("escort.offer", "moi c'est que du rémunéré"),
    ("escort.offer", "looking for a paid date tonight"),
    ("escort.offer", "she's a sugar arrangement kind of girl"),
    ("sex.price", "250 la nuit, discrète"),
    ("sex.price", "80 la demi-heure chez moi"),
    ("sex.price", "300 dollars the night, I host"),
    ("gift.money", "je te donne 40 balles si tu me montres"),
    ("gift.money", "je peux te payer un iphone"),
    ("gift.money", "i'll give you 100 bucks if you send one"),
    # Moving elsewhere, whatever the app is called.
    ("offplatform.app", "viens sur l'appli au fantôme"),
    ("offplatform.app", "on continue sur kik"),
    ("offplatform.app", "add me on threema"),
    # Age: guessing a minor's age, school year after a few words, one's own exam.
    ("age.probe", "you must be 14 then"),
    ("age.probe", "t'es encore en 4e toi"),
    ("age.disclosure", "je suis trop nulle en 3e"),
    ("age.disclosure", "jsuis en galère pour le brevet"),
    ("age.disclosure", "demain je révise pour le dnb"),
    ("age.disclosure", "mes parents me forcent à me coucher à 21h"),
]


@pytest.mark.parametrize(("rule_id", "text"), STRONG)
def test_pattern_fires(rule_id: str, text: str) -> None:
    signals = fired(text)
    assert rule_id in signals, signals
    assert signals[rule_id].score >= 0.5


def test_a_promise_to_keep_quiet_scores_lower_than_a_demand() -> None:
    asked = fired("tu diras rien à personne")["secrecy"].score
    promised = fired("je vais rien dire à personne")["secrecy"].score
    assert promised < asked


def test_a_promise_counts_as_a_step_only_towards_a_minor() -> None:
    to_minor = MessageContext(Setting.PRIVATE, 35, False, recipient_age=14, recipient_minor=True)
    promise = "t'inquiète je dirai rien à personne"
    assert fired(promise, to_minor)["secrecy"].score >= 0.6
    assert fired(promise)["secrecy"].score < 0.4


def test_ones_own_secret_is_not_a_demand() -> None:
    own = fired("garde ça pour toi stp, je l'ai pas encore dit à ma mère")["secrecy"].score
    demand = fired("garde ça pour toi, faut pas que ta mère le sache")["secrecy"].score
    assert own < 0.4 <= 0.8 <= demand


def test_a_bare_answer_with_any_tail_after_an_age_question() -> None:
    context = after("tu as quel âge ?")
    assert fired("14 mais le dis pas", context)["age.disclosure"].score >= 0.8
    assert fired("4e wsh pourquoi", context)["age.disclosure"].score >= 0.8
    assert "age.disclosure" not in fired("20 minutes de route", context)


def test_a_bare_grade_after_a_grade_question() -> None:
    assert fired("9th, it sucks", after("lol what grade?"))["age.disclosure"].score >= 0.8
    assert fired("7th grade lol", after("what year are u in"))["age.disclosure"].score >= 0.8
    assert "age.disclosure" not in fired("9th, it sucks")


def test_school_and_year_together_disclose_unasked() -> None:
    assert fired("ouais lycée, seconde", ROOM)["age.disclosure"].score >= 0.8


def test_paid_time_needs_the_trade_nearby() -> None:
    assert fired("35 de l'heure pour du babysitting c'est correct").get("sex.price") is None or (
        fired("35 de l'heure pour du babysitting c'est correct")["sex.price"].score < 0.5
    )
    context = after("tu fais des massages ?")
    assert fired("120 l'heure", context)["sex.price"].score >= 0.7


AMBUSH = [
    "retrouve moi dans le bois derrière le stade, viens seul",
    "au fond du parking souterrain à 1h du mat",
    "meet me behind the warehouse at midnight",
    "bring cash and come alone",
    "les cafés c'est trop exposé, viens au terrain vague",
    "pas de visio, rdv derrière la gare à 23h",
    "on se capte au bout du chemin de halage, y'a jamais personne",
    "non plutôt ce soir, derrière le gymnase",
    "nan retrouve-moi sous le pont du périph, c'est plus simple",
    "au final viens plutôt derrière l'entrepôt, y a personne",
    "meet me at the back gate right now",
]


@pytest.mark.parametrize("text", AMBUSH)
def test_ambush_cues_together(text: str) -> None:
    assert fired(text)["meet.isolated"].score >= 0.6


def test_asking_how_much_cash_the_other_carries_joins_the_cues() -> None:
    context = after(sender=("je t'attends derrière la station-service",))
    assert fired("t'auras combien sur toi ?", context)["meet.isolated"].score >= 0.6


def test_ambush_cues_across_the_senders_messages() -> None:
    context = after(sender=("on se voit au parc côté forêt",))
    assert fired("ramène ta carte bleue", context)["meet.isolated"].score >= 0.6


HARD_NEGATIVES = [
    # Secrecy words that are not secrecy.
    "pas de souci, parle avec ton copain et tu me dis",
    "je l'ai pas dit à mes parents encore, je leur annonce dimanche",
    "il a jamais rien raconté à ses parents, c'était dur",
    "tu me diras si tu veux venir au ciné",
    "dis à ta mère que je la remercie pour le gâteau",
    # Adults meeting, in the evening, in public.
    "on se retrouve au café de la gare à 19h ?",
    "ce soir au bar vers 22h avec tes potes si tu veux",
    "rdv devant le cinéma, je serai avec ma soeur",
    "I'll be at the pub at 8, bring your friends",
    # Prices that are not prices for a person.
    "la chambre d'hôtel c'est 90 la nuit",
    "je l'ai payé 300 euros",
    "le babysitting c'est 12 de l'heure",
    # Parents and teachers on school, adults on their past.
    "ma fille passe le brevet cette année, elle stresse",
    "je corrige les copies du brevet blanc",
    "à mon époque le brevet c'était facile",
    "je suis prof en 4e dans un collège de Lyon",
    "la mienne passe le brevet en juin, elle révise",
    "bon courage pour le bac de français à ton fils",
    # The trade talked about, a sale paid in cash.
    "t'as lu l'article sur le proxénète arrêté ? il faisait passer des annonces d'escort",
    "ok for the bike, I'll bring cash on saturday",
    "tu fais 30 ans pas plus",
    "viens seul ou avec ta copine, comme tu veux",
    "la séance de kiné c'est 30 la demi-heure",
    "je sors du lycée, j'ai récupéré ma fille",
    "je rentre du collège, réunion parents-profs interminable",
    "si tu veux je poste les photos du mariage ce soir",
    "if you want i'll send the pics from the trip",
    "you won the quiz last night haha",
    "tu as gagné le pari, je te dois une bière",
    "les migrants devraient avoir accès aux soins",
    "it's Marie Dupont from accounting, she says hi",
    "je te donne 10 balles si tu me ramènes un kebab mdr",
    "je peux te payer le train si tu viens au mariage",
    "i'll pay you back the 30 bucks tomorrow",
    "150 la nuit pour l'hôtel, c'est correct pour Paris",
    "120 euros l'heure pour un avocat c'est normal",
    "mes parents m'interdisaient de sortir quand j'avais 15 ans",
    "je suis au lycée Victor Hugo comme surveillant",
    "my flat is up the stairs behind the bakery, come for dinner with Sam",
    "4e et seconde, le grand passe le bac de français l'an prochain",
    "je rentre au lycée à 8h pour surveiller les examens",
    "t'as un tel à toi ou t'utilises celui du boulot ?",
    "à 14 ans j'étais déjà fan de rock",
    "j'avais 13 ans quand j'ai eu mon premier portable",
    "you're the first person I'm telling, I'm pregnant",
    "my 8th graders were wild today",
    "les hommes paient moins d'impôts ? je crois pas",
    # One's own apps, said plainly.
    "on continue sur le salon demain",
    "l'airbnb est à 120 la nuit, on partage ?",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_stay_below_acting(text: str) -> None:
    strong = {
        rule: signal.score
        for rule, signal in fired(text).items()
        if signal.score >= 0.5 and rule not in ("age.gap", "meet.request", "age.adult_claim")
    }
    assert strong == {}


# Noted, at a score under what the default policy acts on alone (an ambush set-up from 0.6,
# secrecy in private from 0.8), so a later step can still make them count.
NOTED = [
    ("meet.isolated", 0.4, "je peux passer vers 23h ?"),
    ("meet.isolated", 0.6, "rendez-vous derrière la mairie à 14h pour la manif"),
    ("meet.isolated", 0.6, "il y avait trop de monde au concert cette nuit"),
    ("secrecy", 0.8, "j'ai rien dit à personne de ta surprise, promis"),
    ("secrecy", 0.8, "je vais rien raconter à tes parents t'inquiète"),
    ("secrecy", 0.8, "don't tell anyone but I got the job!!"),
    ("secrecy", 0.8, "ne dis rien à tes parents pour la surprise de leur anniversaire"),
    ("secrecy", 0.8, "garde ça pour toi mais je démissionne"),
]


@pytest.mark.parametrize(("rule_id", "ceiling", "text"), NOTED)
def test_noted_below_acting(rule_id: str, ceiling: float, text: str) -> None:
    signal = fired(text).get(rule_id)
    assert signal is None or signal.score < ceiling


def test_keeping_ones_good_news_quiet_is_not_grooming_secrecy() -> None:
    news = after("don't tell anyone but i'm proposing to sarah next week", "omg congrats")
    assert fired("keep it between us ok? she can't find out", news)["secrecy"].score < 0.4
    assert fired("keep it between us ok? she can't find out")["secrecy"].score >= 0.8


def test_a_bare_price_answering_the_price_of_an_hour() -> None:
    asked = after("c'est combien pour la nuit ?")
    assert fired("250, et tu viens chez moi", asked)["sex.price"].score >= 0.7
    assert "sex.price" not in fired("250, et tu viens chez moi")
    assert "sex.price" not in fired("120 minutes de route, trop loin", asked)
