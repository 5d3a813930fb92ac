"""Age detectors: probes, first-person present disclosures, and the declared gap."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


@pytest.mark.parametrize(
    "text",
    [
        "t'as quel âge ?",
        "tu as quel age",
        "ta quel age",
        "quel âge as-tu ?",
        "tu es en quelle classe ?",
        "t'es au collège ou au lycée ?",
        "t'es dans quel lycée ?",
        "t'es majeure ?",
        "how old are you?",
        "what grade are u in",
        "ah t'as genre 14 ans alors",
        "t'es née en 2010 ?",
        "ton anniversaire c'est quand ?",
    ],
)
def test_age_probe(text: str) -> None:
    assert "age.probe" in fired(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("j'ai 14 ans", "j'ai 14 ans"),
        ("jai 13ans et toi", "jai 13ans"),
        ("moi j'ai quatorze ans", "j'ai quatorze ans"),
        ("je suis en 4e", "je suis en 4e"),
        ("jsui en 3ème", "jsui en 3ème"),
        ("je suis en seconde", "je suis en seconde"),
        ("jsui au collège", "jsui au collège"),
        ("chui au lycée", "chui au lycée"),
        ("I'm 13", "I'm 13"),
        ("im 15 lol", "im 15"),
        ("brevet blanc demain jsuis stressée", "brevet blanc"),
        ("ma mère veut pas que je sorte après 18h", "ma mère veut pas que je sorte"),
        ("mes parents me laissent pas sortir", "mes parents me laissent pas"),
        ("j'ai cours demain au lycée", "j'ai cours demain au lycée"),
        ("je suis mineure", "je suis mineure"),
        ("bientôt 15 ans", "bientôt 15 ans"),
        ("my mom won't let me go out", "my mom won't let me"),
        ("J'AI 14 ANS", "J'AI 14 ANS"),
        ("I'm in 4ème, so like 8th grade", "I'm in 4ème"),
        ("mon père m'a privé de sortie", "mon père m'a privé de sortie"),
        ("je dois rentrer avant 19h sinon ma mère me tue", "je dois rentrer avant 19h"),
        ("j'ai contrôle de maths demain", "j'ai contrôle de maths demain"),
    ],
)
def test_age_disclosure(text: str, span: str) -> None:
    signal = fired(text).get("age.disclosure")
    assert signal is not None
    assert span in text[signal.span[0] : signal.span[1]]
    assert signal.score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "j'avais 14 ans quand j'ai commencé le foot",
        "à 14 ans j'étais déjà fan",
        "ma fille a 14 ans",
        "mon fils est en 4e",
        "mes élèves de 4e sont adorables",
        "je suis prof au collège",
        "le brevet blanc arrive, je vais corriger 90 copies",
        "vous révisez le brevet blanc ?",
        "ton fils passe le brevet blanc demain ?",
        "j'ai 14 ans d'expérience dans la vente",
        "j'ai 16 ans de plus que toi",
        "depuis que j'ai 14 ans je vais à la mer",
        "je suis en 3e année de licence",
        "je suis en première ligne",
        "I'm 15 minutes away",
        "j'ai 2 chats et 3 enfants",
        "15 ans pour les réseaux sociaux c'est bien",
    ],
)
def test_not_a_disclosure(text: str) -> None:
    assert "age.disclosure" not in fired(text)


def test_adult_claim() -> None:
    assert "age.adult_claim" in fired("j'ai 25 ans")
    assert "age.disclosure" not in fired("j'ai 25 ans")


def test_a_bare_age_is_a_disclosure_only_as_an_answer() -> None:
    asked = MessageContext(Setting.PRIVATE, 15, False, 30, False, recent=("t'as quel age ?",))
    assert "age.disclosure" in fired("15 et toi ?", asked)
    assert "age.disclosure" in fired(
        "4e B",
        MessageContext(Setting.PRIVATE, 15, False, 30, False, recent=("t'es en quelle classe ?",)),
    )
    unasked = MessageContext(Setting.PRIVATE, 15, False, 30, False, recent=("ça va ?",))
    assert "age.disclosure" not in fired("15 et toi ?", unasked)


def test_age_gap_across_the_line_in_private() -> None:
    pair = MessageContext(Setting.PRIVATE, 35, False, recipient_age=14, recipient_minor=True)
    gap = fired("salut", pair)["age.gap"]
    assert gap.score >= 0.9
    assert gap.span == (0, 0)


@pytest.mark.parametrize(
    "context",
    [
        MessageContext(Setting.PRIVATE, 30, False, recipient_age=33, recipient_minor=False),
        MessageContext(Setting.ROOM, 45, False),
    ],
)
def test_no_age_gap_between_close_adults_or_in_rooms(context: MessageContext) -> None:
    assert "age.gap" not in fired("salut", context)


def test_disclosed_minor_counts_for_the_gap() -> None:
    # Declared 19, said 14: the context says minor, the gap is across the line.
    pair = MessageContext(Setting.PRIVATE, 19, True, recipient_age=40, recipient_minor=False)
    assert fired("salut", pair)["age.gap"].score >= 0.7
