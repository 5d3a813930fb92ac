"""Threats and sextortion; slurs and group hate, with condemned quotes and swearing."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.hate import SLURS
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)


def fired(text: str) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, ROOM)}


def hate(text: str) -> list[Signal]:
    return [s for s in detect(text, ROOM) if s.rule.startswith("hate.")]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("threat", "je vais te tuer"),
        ("threat", "je vais te retrouver"),
        ("threat", "je sais où tu habites"),
        ("threat", "t'es mort"),
        ("threat", "i'll kill you"),
        ("threat", "kys"),
        ("threat", "va te pendre"),
        ("threat.sextortion", "je vais diffuser tes photos"),
        ("threat.sextortion", "si tu m'envoies pas d'autres photos je balance tout"),
        ("threat.sextortion", "je vais tout dire à tes parents"),
        ("threat.sextortion", "i'll post your pics"),
        ("threat.sextortion", "send me more or I'll show everyone"),
        ("threat.sextortion", "envoie sinon je montre tout à ton lycée"),
        ("threat", "I know where your school is"),
    ],
)
def test_threats(rule: str, text: str) -> None:
    assert fired(text)[rule].score >= 0.7


def test_banter_scores_lower() -> None:
    assert fired("je vais te tuer mdr")["threat"].score < fired("je vais te tuer")["threat"].score


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("hate.homophobic", "sale pd"),
        ("hate.homophobic", "espèce de tapette"),
        ("hate.homophobic", "p.d"),
        ("hate.homophobic", "p3d3"),
        ("hate.homophobic", "les p e d e s c'est des malades"),
        ("hate.homophobic", "les pd faudrait tous les bruler"),
        ("hate.racist", "sale bougnoule"),
        ("hate.racist", "mort aux arabes"),
        ("hate.racist", "go back to africa"),
        ("hate.racist", "ferme ta gueule sale arabe"),
        ("hate.antisemitic", "you dirty jew"),
        ("hate.racist", "les musulmans sont tous des terroristes"),
        ("hate.racist", "les arabes dehors"),
        ("hate.misogynistic", "les femmes ont pas leur place ici"),
        ("hate.racist", "les arabes de merde"),
        ("hate.antisemitic", "vive hitler"),
        ("hate.racist", "retourne dans ton pays"),
        ("hate.homophobic", "gays are disgusting"),
        ("hate.antitrans", "trans people are mentally ill"),
        ("hate.antisemitic", "jews control the media"),
        ("hate.antisemitic", "sale juif"),
        ("hate.antisemitic", "les juifs sont des rats"),
        ("hate.antisemitic", "les j u i f s devraient dégager"),
        ("hate.antisemitic", "les 𝔧𝔲𝔦𝔣𝔰 au four"),
        ("hate.misogynistic", "retourne à la cuisine"),
        ("hate.misogynistic", "les femmes sont toutes des putes"),
        ("hate.misogynistic", "women like you need to be taught a lesson"),
        ("hate.antitrans", "travelo"),
        ("hate.antitrans", "tr4nnies should be banned"),
        ("hate.antitrans", "t'es qu'un mec en jupe"),
    ],
)
def test_hate(rule: str, text: str) -> None:
    assert fired(text)[rule].score >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "putain de merde",
        "ta gueule mdr t'es trop con",
        "j'ai mangé un melon",
        "le raton laveur",
        "mets le au four 20 minutes",
        "ma chienne est malade",
        "les gays de mon quartier organisent une fête",
        "les femmes de ma famille sont géniales",
        "the trains are late",
        "we are sick of this",
    ],
)
def test_not_hate(text: str) -> None:
    assert all(signal.score < 0.5 for signal in hate(text)), hate(text)


@pytest.mark.parametrize(
    "text",
    [
        "il m'a traité de \"pd\", c'est inadmissible",
        "on m'a traitée de salope dans le salon",
        "arrêtez de dire pédé",
        "le mec qui traitait les gens de sale pd a été banni",
        "he called me a faggot",
        "on est des pédés fiers 😂",
    ],
)
def test_quoted_to_condemn_scores_low(text: str) -> None:
    found = hate(text)
    assert found, "the word is still noticed"
    assert all(signal.score < 0.4 for signal in found)


def test_hate_span_points_at_the_slur() -> None:
    text = "t'es qu'une sale tarlouze"
    signal = fired(text)["hate.homophobic"]
    assert text[signal.span[0] : signal.span[1]] == "tarlouze"


def test_slur_lexicon_is_loaded() -> None:
    assert SLURS.size > 100
