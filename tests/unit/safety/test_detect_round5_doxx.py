"""Doxxing, round 5: a listener's life recited over several lines; a third person's car marked.

Harmful classes: after a quarrel, the sender recites the listener's life one fact a line
(their street and door, their full name, their mother's workplace, their child's school,
their sister's club, an address read off a parcel) and the listener takes alarm or the
sender adds a veiled warning; a third person's car and hours given with a soft call to mark
the car or unsettle them ("un petit mot sur le pare-brise", "make it awkward for her").
Benign classes: old friends catching up (questions, shared memories, a laughing "how do you
know"); the same facts with nobody alarmed; one's own note on a bad parker's windscreen.
"""

from __future__ import annotations

import pytest
from detecting import score_of, strongest

from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.gate import Setting, Signal, VerdictKind
from causette.safety.policy import Facts
from causette.safety.risk import Pairing, RiskState

ROOM = MessageContext(Setting.ROOM, sender_age=40, sender_minor=False)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return strongest(text, context)


def score(text: str, rule: str, context: MessageContext = ROOM) -> float:
    return score_of(text, rule, context)


def talk(lines: list[tuple[str, str]]) -> MessageContext:
    """The context of the next line by ``s`` after ``lines`` (speaker, text), in private."""
    return MessageContext(
        Setting.PRIVATE,
        sender_age=35,
        sender_minor=False,
        recipient_age=32,
        recent=tuple(text for _, text in lines),
        recent_from_sender=tuple(text for who, text in lines if who == "s"),
    )


def threat_at_end(lines: list[tuple[str, str]]) -> float:
    *before, (_, last) = lines
    return score(last, "doxx.threat", talk(before))


# --- The listener's life recited over several lines ------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        [
            ("s", "big talk for someone on Millbrook Lane"),
            ("s", "grey gate, the red door, number 17"),
            ("l", "how do you know where I live"),
            ("s", "and your lad in the navy uniform, that's Oakfield primary right?"),
        ],
        [
            ("s", "Chloé Marchand, c'est bien ton nom complet"),
            ("l", "qui t'a dit ça ?"),
            ("s", "ta mère bosse à l'accueil de la clinique des Lilas"),
            ("s", "et ton frère est en 4e, il joue au basket le mercredi"),
        ],
        [
            ("s", "Mr Daniel Okafor. it was on the label of the box behind you"),
            ("s", "your job at the council, your kids in that pic"),
            ("s", "would be a shame if people started asking questions"),
        ],
        [
            ("s", "tu habites rue des Glycines, le portail blanc"),
            ("s", "ta fille est en CM1 à l'école Jean Macé"),
            ("s", "ta femme travaille à la banque du centre. tant que tu restes poli tout va bien"),
        ],
        [
            ("s", "you're Megan Price aren't you"),
            ("l", "stay away from me"),
            ("s", "your dad works nights at the depot, your sister's in year 11"),
        ],
    ],
)
def test_a_listeners_life_recited_over_lines_is_a_threat(lines: list[tuple[str, str]]) -> None:
    assert threat_at_end(lines) >= 0.6


def test_a_veiled_warning_after_the_facts_is_the_threat() -> None:
    lines = [
        ("s", "Sophie Lambert. that's your name right"),
        ("s", "your mum works at the bakery on Station Road"),
        ("s", "your brother plays rugby on sundays"),
        ("s", "wouldn't want anybody dropping by"),
    ]
    assert threat_at_end(lines) >= 0.6


def test_evasive_spellings_of_the_recital_still_count() -> None:
    lines = [
        ("s", "T'ES BIEN Inès Garnier"),
        ("l", "pourquoi tu regardes ça ?"),
        ("s", "ta  mère  bosse  à  la  poste,  ta  sœur  est  en  3e"),
    ]
    assert threat_at_end(lines) >= 0.6


@pytest.mark.parametrize(
    "lines",
    [
        # Old friends asking.
        [
            ("s", "ça fait longtemps ! ta mère bosse toujours à la pharmacie ?"),
            ("l", "oui toujours"),
            ("s", "et ta sœur elle est en quelle classe maintenant ?"),
            ("l", "comment tu sais qu'elle a changé d'école ? 😂"),
            ("s", "et tu habites toujours rue des Lilas ?"),
        ],
        # Old friends remembering, with surprise.
        [
            ("s", "tu te souviens, ta mère bossait à la pharmacie du centre"),
            ("s", "ta sœur était en 6e avec mon frère, elle jouait au hand le samedi"),
            ("l", "comment tu sais tout ça"),
            ("s", "on habitait rue des Lilas à côté de chez vous !"),
        ],
        # The same facts, nobody alarmed.
        [
            ("s", "your mum works at the library now, right?"),
            ("s", "and your sister's in year 10 already, she plays netball on saturdays"),
            ("l", "yeah she loves it"),
            ("s", "you still live on Elm Road, the blue door?"),
        ],
        # A laughing "how do you know".
        [
            ("s", "your brother's in year 8, plays football on saturdays"),
            ("l", "haha how do you know that"),
            ("s", "your mum works with my aunt at the hospital"),
        ],
    ],
)
def test_friends_catching_up_is_no_dossier(lines: list[tuple[str, str]]) -> None:
    assert threat_at_end(lines) < 0.6


# --- A third person's car marked ---------------------------------------------------------------


def held(*lines: str) -> bool:
    """Whether the policy holds the last line once the sender's earlier lines were seen."""
    seen: dict[str, float] = {}
    last: dict[str, Signal] = {}
    for n, line in enumerate(lines):
        context = MessageContext(
            Setting.ROOM,
            sender_age=40,
            sender_minor=False,
            recent=lines[:n],
            recent_from_sender=lines[:n],
        )
        last = fired(line, context)
        seen.update({rule: 0.0 for rule, signal in last.items() if signal.score >= 0.4})
    facts = Facts(
        signals=tuple(last.values()),
        pairing=Pairing.ROOM,
        sender_id="s",
        recipient_id=None,
        sender_minor=False,
        recipient_minor=False,
        score=2.0,
        state=RiskState(score=2.0, seen=seen),
    )
    return policy.load().decide(facts).verdict.kind is VerdictKind.HOLD


@pytest.mark.parametrize(
    "text",
    [
        "si quelqu'un du quartier passe, une petite griffure sur la portière",
        "un petit mot sous l'essuie-glace, une petite rayure, ça lui apprendra",
        "et des rayures sur la carrosserie pour qu'il comprenne",
        "just leave a little note on her windscreen",
        "make things uncomfortable for him. nothing serious",
        "tell him people know what he did",
        "faites-lui comprendre que le quartier sait",
    ],
)
def test_a_soft_call_to_mark_a_car_or_unsettle_someone_is_a_call(text: str) -> None:
    assert score(text, "doxx.request") >= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "je vais lui laisser un mot sur le pare-brise, il bloque mon garage",
        "I'll leave a note on his car asking him to move it",
        "quelqu'un m'a fait une petite rayure sur la voiture au parking",
        "don't make it awkward for her, she's new here",
        "on m'a laissé un mot sur le pare-brise, super gentil",
    ],
)
def test_ones_own_note_or_a_scratch_suffered_is_no_call(text: str) -> None:
    assert score(text, "doxx.request") < 0.6


def test_a_plate_where_it_parks_and_a_soft_call_are_held() -> None:
    assert held(
        "Peugeot 208 noire, plaque FK-719-LB, toujours garée devant le 14 rue Pasteur",
        "elle part à 7h30 tous les matins",
        "si vous passez par là, un petit mot sur le pare-brise, ça lui fera du bien",
    )
    assert held(
        "drives a red Corsa, plate starts with KX, parks outside the gym on Hill Street",
        "make it awkward for him. leave a note on the car",
    )


def test_a_soft_call_without_any_detail_is_not_held() -> None:
    assert not held("make it awkward for him lol", "tell him people know")


def test_a_friends_invitation_after_the_facts_is_no_warning() -> None:
    lines = [
        ("s", "your mum still works at the post office, your brother's in year 12"),
        ("s", "and you live on Park Avenue now, the green door"),
        ("s", "drop by anytime and say hi to your mum for me"),
    ]
    assert threat_at_end(lines) < 0.6
    lines = [
        ("s", "ta mère bosse à la mairie, ton frère est en terminale, tu vis rue Gambetta"),
        ("s", "t'inquiète je dirai rien pour la surprise, passe me dire bonjour"),
    ]
    assert threat_at_end(lines) < 0.6


def test_a_friends_invitation_after_alarm_is_a_threat() -> None:
    lines = [
        ("s", "your mum works at the post office, your brother's in year 12"),
        ("l", "who told you that"),
        ("s", "and you live on Park Avenue, the green door. maybe I'll pop by"),
    ]
    assert threat_at_end(lines) >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "euh non je vais pas rayer la voiture d'un inconnu",
        "I won't key it mate, that's mad",
        "je refuse de rayer sa voiture, t'es malade",
    ],
)
def test_refusing_the_call_is_no_call(text: str) -> None:
    assert score(text, "doxx.request", ROOM) < 0.6


def test_the_call_itself_still_fires() -> None:
    assert score("si des gens du coin passent, rayez sa voiture", "doxx.request", ROOM) >= 0.6
