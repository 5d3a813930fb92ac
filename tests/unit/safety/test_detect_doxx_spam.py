"""Doxxing, spam and scams, and the properties of ``detect`` as a whole."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def test_several_details_about_someone_score_high() -> None:
    text = "il s'appelle Kevin Martin, il habite 12 rue Pasteur, il est au lycée Jean Moulin"
    rules = fired(text)
    for rule in ("doxx.name", "doxx.address", "doxx.school"):
        assert rules[rule].score >= 0.9
    name = rules["doxx.name"]
    assert "Kevin Martin" in text[name.span[0] : name.span[1]]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("doxx.address", "son adresse c'est 3 allée des pins"),
        ("doxx.address", "elle habite au 5 rue Victor Hugo"),
        ("doxx.workplace", "il bosse chez Carrefour à Rouen"),
        ("doxx.school", "elle va au collège Victor Hugo"),
        ("doxx.profile", "son insta c'est @lea_93"),
        ("doxx.vehicle", "il roule en clio, plaque FG-482-KL"),
        ("doxx.name", "his name is john smith he goes to lincoln high"),
        ("doxx.request", "quelqu'un connaît où habite le prof de maths ?"),
        ("doxx.workplace", "son père bosse à la mairie de Créteil"),
        ("doxx.request", "quelqu'un a son adresse ?"),
        ("doxx.request", "harcelez le il le mérite"),
        ("doxx.request", "allez tous lui dire qu'elle est moche"),
    ],
)
def test_doxxing(rule: str, text: str) -> None:
    assert rule in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "il s'appelle comment ton chat ?",
        "elle est au lycée, elle a des exams",
        "il travaille dur en ce moment",
        "il habite loin d'ici",
        "her name is like whatever",
        "oui le mec avait balancé son adresse, c'est horrible",
    ],
)
def test_not_doxxing(text: str) -> None:
    assert not [rule for rule in fired(text) if rule.startswith("doxx.")]


def test_link_flood() -> None:
    assert fired("www.a.com www.b.com www.c.com")["spam.link"].score >= 0.8
    talking = MessageContext(Setting.ROOM, 30, False, recent_from_sender=("salut", "ça va ?"))
    assert "spam.link" not in fired("regarde www.lemonde.fr", talking)
    # A link as the sender's very first words is how bots start: noted, weakly.
    assert fired("regarde www.lemonde.fr")["spam.link"].score < 0.5
    assert "spam.link" in fired("promo -50% sur tous nos produits www.shop-discount.top")
    assert "spam.link" in fired("inscription gratuite sur www.rencontre-hot.xyz")
    flooding = MessageContext(
        Setting.ROOM, 30, False, recent_from_sender=("va sur promo.xyz", "promo.xyz vite")
    )
    assert "spam.link" in fired("promo.xyz !!!", flooding)


def test_repetition_uses_the_senders_recent_messages() -> None:
    ad = "Des célibataires chaudes près de chez toi sur rencontre.fr"
    context = MessageContext(Setting.ROOM, 30, False, recent_from_sender=(ad, ad))
    assert fired(ad, context)["spam.repeat"].score >= 0.8
    assert "spam.repeat" not in fired(ad, ROOM)
    varied = MessageContext(
        Setting.ROOM, 30, False, recent_from_sender=(ad.replace("rencontre.fr", "rdv.fr"),)
    )
    assert "spam.repeat" in fired(ad, varied)
    short = MessageContext(Setting.ROOM, 30, False, recent_from_sender=("mdr", "mdr"))
    assert "spam.repeat" not in fired("mdr", short)


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("scam.crypto", "gagne 500€ par jour avec le trading crypto"),
        ("scam.crypto", "I made 4000$ in 2 days with this crypto bot"),
        ("scam.crypto", "connect your wallet to get free tokens"),
        ("scam.webcam", "viens sur mon onlyfans, lien dans ma bio"),
        ("scam.webcam", "webcam gratuite, filles en direct"),
        ("scam.phishing", "ton compte va être suspendu, confirme tes identifiants"),
        ("scam.phishing", "donne moi le code que tu as reçu par sms"),
        ("scam.phishing", "votre colis est bloqué, payez 1,99€"),
        ("scam.phishing", "gagne un iphone ici bit.ly/xyz"),
        ("scam.phishing", "your account has been suspended"),
        ("scam.crypto", "make $500 a day from home"),
        ("scam.phishing", "ton colis n'a pas pu être livré, reprogrammez la livraison"),
        ("scam.phishing", "achetez des followers pas chers"),
        ("scam.crypto", "investis 250€ avec moi, rendement garanti"),
        ("doxx.profile", "voilà sa tête"),
        ("doxx.address", "elle prend le bus tous les matins à 7h"),
        ("scam.phishing", "gagne des abonnés instagram gratuitement"),
        ("scam.crypto", "je recrute des personnes motivées pour travailler depuis chez elles"),
        ("scam.webcam", "viens me voir sur mon site"),
        ("scam.phishing", "iptv 12 mois pas cher"),
    ],
)
def test_scams(rule: str, text: str) -> None:
    assert rule in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "j'ai acheté un peu de bitcoin il y a longtemps",
        "j'ai gagné au loto mdr",
        "mon compte en banque",
    ],
)
def test_not_scams(text: str) -> None:
    assert not [rule for rule in fired(text) if rule.startswith("scam.")]


@pytest.mark.parametrize(
    "text",
    [
        "salut ça va ?",
        "tu fais quoi ce soir ?",
        "mdr trop bien",
        "j'ai vu un super film hier",
        "t'as vu le match ?",
        "bonne nuit tout le monde",
        "hello, how are you doing?",
        "",
        "   ",
    ],
)
def test_ordinary_lines_raise_nothing(text: str) -> None:
    assert detect(text, ROOM) == ()


def test_one_signal_per_rule_with_spans_inside_the_text() -> None:
    text = "t'es seule ? t'es seule chez toi ? envoie une photo de toi"
    signals = detect(text, ROOM)
    rules = [s.rule for s in signals]
    assert len(rules) == len(set(rules))
    for signal in signals:
        assert 0 <= signal.span[0] < signal.span[1] <= len(text)
        assert 0 < signal.score <= 1


def test_hostile_input_does_not_break_detection() -> None:
    text = "\u202e" + "a" * 10_000 + "\x00\ud800" + "06 12 34 56 78"
    assert isinstance(detect(text, ROOM), tuple)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("méfiez-vous de ceux qui disent 'viens seul'", "meet.isolated"),
        ("si quelqu'un te dit c'est notre secret, parles-en à un adulte", "secrecy"),
        ("il m'a écrit \"efface la conv\" et ça m'a fait peur", "secrecy"),
    ],
)
def test_quoted_or_reported_advice_scores_low(text: str, rule: str) -> None:
    signal = fired(text)[rule]
    assert signal.score < 0.4


@pytest.mark.parametrize(
    ("text", "rule"), [("viens seul", "meet.isolated"), ("efface la conv", "secrecy")]
)
def test_said_outright_keeps_its_score(text: str, rule: str) -> None:
    assert fired(text)[rule].score >= 0.8
