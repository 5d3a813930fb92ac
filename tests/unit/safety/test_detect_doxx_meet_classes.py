"""Doxxing and ambush stated as classes of wording, with the benign wordings next to them.

Each test lists several wordings of one class (French and English) and the near misses that
must stay quiet: a business's address, one's own car for sale, an acquaintance met in a story,
a family's routine, the news of an ambush and the advice that quotes it.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)
PRIVATE = MessageContext(Setting.PRIVATE, sender_age=30, sender_minor=False, recipient_age=28)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def doxx(text: str, context: MessageContext = ROOM) -> dict[str, float]:
    return {rule: s.score for rule, s in fired(text, context).items() if rule.startswith("doxx.")}


# --- A full name set out with where the person lives, works or studies -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "voilà : Nadia Ferrand, 7 impasse des Mûriers à Rezé, 1er étage",
        "j'ai trouvé : Thomas Girard, 18 avenue Jean Jaurès, maison au fond",
        "Sarah Lopez. 3 rue du Moulin, et elle bosse à la Fnac le samedi",
        "real name Peter Collins, lives in Harehills, works nights at the Asda depot",
        "his name's Liam Archer, 42 Kingsley Road, the blue door",
        "Kevin Morel, il vit à Vénissieux, quartier des Minguettes, il bosse chez Norauto",
        "Marcus Hale. black Golf, plate AB-123-CD, he parks it behind the gym every night",
    ],
)
def test_a_named_person_with_a_home_or_two_details_is_doxxing(text: str) -> None:
    assert doxx(text).get("doxx.name", 0) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        # One detail, set out as an identification: noted, for a call to act on.
        "Julie Renaud, elle vit à Lyon maintenant",
        "her name's Emma Price, works at the Tesco on Mill Road",
    ],
)
def test_one_detail_with_a_set_out_name_only_counts(text: str) -> None:
    score = doxx(text).get("doxx.name", 0)
    assert 0.4 <= score < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Chez Marcel, 12 rue Mercière, un vrai bouchon lyonnais",
        "le collège Marcel Pagnol, 12 rue Jean Jaurès, ouvre samedi",
        "mon adresse : Julie Martin, 12 rue des Lilas, 2e étage",
        "Boulangerie Ducros, 4 place de la Mairie, ouverte le dimanche",
        "j'ai croisé Julie Martin au lycée hier, elle a pas changé",
        "Pierre de Ronsard et Marie Curie habitaient à Paris",
        "hi I'm Sophie Turner, I live at 12 Elm Road if the parcel comes",
    ],
)
def test_businesses_streets_one_s_own_name_and_stories_are_not_doxxing(text: str) -> None:
    assert "doxx.name" not in doxx(text) or doxx(text)["doxx.name"] < 0.6


# --- Someone's workplace, hours and route recited back to them -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tu bosses au Carrefour de Bron, tu finis à 21h et tu prends le tram T2",
        "tu travailles à la pharmacie du centre, caisse 2, le jeudi",
        "you work at the Costa on Mill Road, till 4, and you finish at 6 on fridays",
        "you teach maths at Oakfield, room 12, and you take the 43 home",
        "tu habites au 9 rue Pasteur et tu sors à 7h45 tous les matins",
    ],
)
def test_a_recited_life_is_a_threat(text: str) -> None:
    assert doxx(text, PRIVATE).get("doxx.threat", 0) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "tu finis à quelle heure ce soir ?",
        "tu bosses chez Decathlon maintenant, cool",
        "tu bosses au Lidl et tu finis à 19h le mardi ?",
        "you work at the library, right?",
    ],
)
def test_one_fact_or_a_question_is_small_talk(text: str) -> None:
    assert "doxx.threat" not in doxx(text, PRIVATE)


# --- A third person's routine: a place makes it a way to find them ---------------------------


def test_a_routine_without_a_place_only_counts() -> None:
    for text in (
        "elle prend le bus tous les matins à 7h20",
        "she takes the bus every morning at 7:20",
        "il part au travail tous les jours vers 8h",
    ):
        score = doxx(text).get("doxx.address", 0)
        assert 0.4 <= score < 0.6, text


def test_a_routine_with_a_place_is_doxxing() -> None:
    for text in (
        "elle prend le 12 tous les matins à 7h20 à l'arrêt Jaurès",
        "il sort du taf tous les soirs vers 18h30 par la porte arrière",
        "she leaves the gym every tuesday at 9pm by the back door",
    ):
        assert doxx(text).get("doxx.address", 0) >= 0.6, text


def test_a_relative_s_routine_is_not_a_third_person_s() -> None:
    assert not doxx("ma fille prend le bus tous les matins à 7h20, elle est crevée")


# --- Vehicles: whose car it is ---------------------------------------------------------------


def test_someone_else_s_plate_is_doxxing_and_one_s_own_car_for_sale_is_not() -> None:
    assert doxx("sa caisse c'est une golf noire AB-123-CD")["doxx.vehicle"] >= 0.6
    assert doxx("she drives a red fiesta, plate KX19 ABC")["doxx.vehicle"] >= 0.6
    selling = MessageContext(
        Setting.ROOM,
        sender_age=40,
        sender_minor=False,
        recent_from_sender=("je vends ma clio 4 de 2017, 98 000 km",),
    )
    assert "doxx.vehicle" not in doxx("l'immat c'est FB-317-QM si tu veux vérifier", selling)
    assert "doxx.vehicle" not in doxx("my car's plate is AB-123-CD, it's for sale")
    # The make alone is talk.
    assert doxx("il roule en clio grise").get("doxx.vehicle", 0) < 0.6


# --- Calls to pile on ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "allez lui pourrir son mur les gars",
        "pourrissez sa page, il le mérite",
        "flood his work inbox boys",
        "spam her dms till she deletes",
        "on lui envoie 200 messages ce soir",
        "let's all send him hundreds of emails",
        "ptet que 300 commentaires il comprendra",
        "text her from a burner, make it weird",
        "écris-lui depuis un faux compte",
        "someone go give her a warm welcome lol",
        "va lui rendre une petite visite",
        "anyone got his home address too?",
    ],
)
def test_calls_to_pile_on(text: str) -> None:
    assert "doxx.request" in doxx(text)


@pytest.mark.parametrize(
    "text",
    [
        "je vais lui rendre visite à l'hôpital demain",
        "on lui fait une petite surprise pour son anniv",
        "il m'a envoyé 50 messages hier, je l'ai bloqué",
        "j'ai reçu 200 messages pour mon anniversaire",
        "use a burner number when you sell on marketplace",
    ],
)
def test_visits_surprises_and_advice_are_not_calls(text: str) -> None:
    assert "doxx.request" not in doxx(text)


def test_a_colleague_s_email_counts_and_does_not_hold_alone() -> None:
    score = doxx("son mail pro c'est c.dupont@ac-exemple.fr")["doxx.profile"]
    assert 0.4 <= score < 0.6


# --- Threats of knowing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i know which school the little one goes to",
        "je sais dans quelle école va ta fille",
        "I know what car you drive",
        "on sait quel bus tu prends le matin",
        "fais ça et tout le monde aura ton adresse sur le salon",
        "everyone will see your real name tomorrow",
    ],
)
def test_threats_of_knowing(text: str) -> None:
    assert doxx(text, PRIVATE).get("doxx.threat", 0) >= 0.6


def test_knowing_which_thing_to_buy_is_not_a_threat() -> None:
    assert not doxx("je sais quelle voiture acheter", PRIVATE)
    assert not doxx("I know which school has the best results", PRIVATE)


# --- Ambush cues: together, and told as news or advice ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tell him to bring it to the underpass by the canal, 10pm, say you'll pay cash",
        "dis-lui de venir au parking souterrain à 22h, et qu'il paie en liquide",
        "meet him behind the garages at 11pm, we'll wait round the corner, three of us",
    ],
)
def test_ambush_cues_together_hold(text: str) -> None:
    assert fired(text).get("meet.isolated", Signal("", 0.0)).score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "et changement de lieu à la dernière minute. si vous voyez ça vous annulez direct",
        "encore un guet-apens : 3 mecs qui attendaient le gars dans un parking à minuit",
        "local news: the buyer set the meet behind the garages at 11pm and robbed him",
        "un mec veut me voir ce soir à 22h dans un parking de zone commerciale, c'est normal ?",
        "he wants me to come alone to the car park at midnight, is that weird?",
    ],
)
def test_ambushes_told_as_news_or_asked_about_do_not_hold(text: str) -> None:
    assert fired(text).get("meet.isolated", Signal("", 0.0)).score < 0.6


def test_a_worried_question_does_not_excuse_the_proposal_in_private() -> None:
    context = MessageContext(
        Setting.PRIVATE,
        sender_age=30,
        sender_minor=False,
        recent=("c'est pas un guet-apens au moins ? 😅",),
    )
    assert fired("viens seule au parking du fond à minuit", context)["meet.isolated"].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "say my brother's gonna pick it up so he doesn't expect me, then meet by the garages",
        "fais-toi passer pour une meuf, on le fait venir derrière le gymnase",
        "on le coince au parking du fond, il verra rien venir",
    ],
)
def test_a_false_front_with_a_place_is_an_ambush(text: str) -> None:
    assert fired(text).get("meet.isolated", Signal("", 0.0)).score >= 0.6


def test_a_surprise_party_is_not_a_false_front() -> None:
    text = "on lui fait une surprise samedi chez Paul, elle se doute de rien"
    assert fired(text).get("meet.isolated", Signal("", 0.0)).score < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "here's her address, have fun",
        "voilà où elle habite : juste au-dessus du tabac",
        "found his real name lol",
        "this is where he lives, the grey house",
    ],
)
def test_someone_s_address_handed_out(text: str) -> None:
    assert doxx(text).get("doxx.address", 0) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "ma voisine Claire Dubois, celle du 3e étage, est adorable",
        "Jean Dupont, notre nouveau prof de maths au lycée, est trop bien",
        "ma collègue Julie Martin bosse de nuit à l'hôpital, elle est crevée",
    ],
)
def test_acquaintances_with_one_detail_do_not_hold(text: str) -> None:
    assert doxx(text).get("doxx.name", 0) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "tu bosses à la Poste et tu finis à 14h, t'as de la chance",
        "tu passes par le parc et tu rentres vers 19h, comme d'hab",
    ],
)
def test_two_loose_facts_about_the_listener_only_count(text: str) -> None:
    assert doxx(text, PRIVATE).get("doxx.threat", 0) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "tu rentres tous les soirs vers 19h par le parc, je t'ai vue",
        "I've been watching you, you leave at 6 every day",
    ],
)
def test_facts_with_being_watched_are_a_threat(text: str) -> None:
    assert doxx(text, PRIVATE)["doxx.threat"] >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "je sais à quelle heure ta fille sort de l'école",
        "I know what time your wife gets home",
        "on sait où ton fils dort",
    ],
)
def test_knowing_when_a_relative_can_be_found(text: str) -> None:
    assert doxx(text, PRIVATE)["doxx.threat"] >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "je sais quand ta fille a son spectacle, on viendra !",
        "je sais où ta femme a acheté sa robe",
        "I know your son goes to Lincoln, mine too!",
    ],
)
def test_knowing_a_relative_s_plans_is_friendly(text: str) -> None:
    assert doxx(text, PRIVATE).get("doxx.threat", 0) < 0.6


@pytest.mark.parametrize(
    "text",
    [
        "le lieu je te le dirai quand tu seras à la gare",
        "l'adresse je te l'envoie une fois que t'es dans le bus",
    ],
)
def test_the_place_kept_back_said_place_first(text: str) -> None:
    assert fired(text, PRIVATE)["meet.isolated"].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "le lieu je te le dirai quand j'aurai réservé le resto",
        "on l'attend à trois pour commencer la partie",
        "il se doute de rien pour la fête, on se retrouve derrière la salle à 22h",
        "fais-toi passer pour malade demain, on ira à la plage",
    ],
)
def test_plans_among_friends_are_not_ambushes(text: str) -> None:
    assert fired(text, PRIVATE).get("meet.isolated", Signal("", 0.0)).score < 0.6


def test_setting_something_up_is_not_the_news_of_an_ambush() -> None:
    context = MessageContext(
        Setting.PRIVATE,
        sender_age=35,
        sender_minor=False,
        recent_from_sender=("bring your bank card so we can set up payroll on the spot",),
    )
    text = "the manager only does nights. come alone, no need to tell anyone"
    assert fired(text, context)["meet.isolated"].score >= 0.6


def _after(*lines: str, own: tuple[str, ...] = ()) -> MessageContext:
    return MessageContext(
        Setting.PRIVATE,
        sender_age=30,
        sender_minor=False,
        recipient_age=28,
        recent=lines,
        recent_from_sender=own,
    )


@pytest.mark.parametrize(
    "refusal",
    ["arrête, laisse-moi tranquille", "stop messaging me", "comment tu sais ça ??", "who is this"],
)
@pytest.mark.parametrize(
    "text",
    [
        "je suis passé devant chez toi ce matin, jolis volets verts",
        "nice house btw, red door on Cedar Drive",
        "tu bosses toujours au Monoprix de la gare",
        "je sais qui tu es",
    ],
)
def test_what_is_known_of_the_listener_after_a_refusal_is_a_threat(refusal: str, text: str) -> None:
    assert doxx(text, _after(refusal))["doxx.threat"] >= 0.6


def test_the_sender_s_own_refusal_words_do_not_count() -> None:
    context = _after("stop, je rigole", own=("stop, je rigole",))
    assert "doxx.threat" not in doxx("je suis passé devant chez toi ce matin", context)
    assert "doxx.threat" not in doxx("je suis passé devant chez toi ce matin", PRIVATE)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("doxx.address", "she's staying at 14 Oak Street now, flat 2"),
        ("doxx.address", "il dort au 7 rue des Lilas chez sa copine en ce moment"),
        ("doxx.address", "son adresse perso circule, c'est le 4 rue des Acacias"),
        ("doxx.request", "i've got her work email, let's send them the screenshots"),
        ("doxx.request", "envoie les captures à sa femme"),
        ("doxx.request", "allez sonner chez lui"),
        ("doxx.threat", "I found your mum's facebook, and your sister's"),
        ("doxx.threat", "j'ai retrouvé le facebook de ta mère"),
    ],
)
def test_more_doxxing_wordings(rule: str, text: str) -> None:
    assert doxx(text, PRIVATE).get(rule, 0) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "I got your number from Sarah, hope that's ok",
        "elle dort chez sa copine ce soir",
        "son adresse a changé, elle a déménagé à Lyon",
    ],
)
def test_ordinary_news_of_people_is_not_doxxing(text: str) -> None:
    assert all(score < 0.6 for score in doxx(text, PRIVATE).values())


@pytest.mark.parametrize(
    "text",
    [
        "come to the car park round the back of the leisure centre, after dark",
        "don't tell your friends where you're going, it's our thing",
        "dis rien à tes potes que tu viens, c'est entre nous",
    ],
)
def test_more_ambush_wordings(text: str) -> None:
    assert fired(text, PRIVATE)["meet.isolated"].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "Victor Hugo a vécu au 6 place des Vosges, c'est un musée maintenant",
        "Dr Dupont, 5 rue Pasteur, il prend les nouveaux patients",
        "je suis Sophie Martin, j'habite au 12 rue des Lilas, 2e étage",
        "moi c'est Paul Durand, 4 allée des Pins si tu passes",
    ],
)
def test_the_famous_dead_practices_and_one_s_own_name(text: str) -> None:
    assert "doxx.name" not in doxx(text)


def test_introducing_oneself_does_not_hide_someone_else_named_after() -> None:
    text = "je suis choquée, Kevin Marchadier, 12 rue Pasteur, c'est lui l'arnaqueur"
    assert doxx(text)["doxx.name"] >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "park at the end of the dirt road and walk to the barn",
        "je préfère pas me montrer en photo, viens au parking souterrain",
        "no pics of me, meet behind the garages",
        "rdv à la gare désaffectée, derrière les entrepôts",
    ],
)
def test_more_ambush_cues_together(text: str) -> None:
    assert fired(text, PRIVATE)["meet.isolated"].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "the old station café does great brunch, it's quiet there on sundays",
        "je préfère pas envoyer de photos, on se voit au café ?",
        "we walked the rest of the way to the barn, the horses were lovely",
    ],
)
def test_one_cue_or_a_cafe_is_an_outing(text: str) -> None:
    assert fired(text, PRIVATE).get("meet.isolated", Signal("", 0.0)).score < 0.6
