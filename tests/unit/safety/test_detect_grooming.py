"""Grooming steps: alone checks, secrecy, isolation, flattery, photos, gifts."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

PRIVATE = MessageContext(Setting.PRIVATE, 35, False, recipient_age=30, recipient_minor=False)


def fired(text: str, context: MessageContext = PRIVATE) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


CASES = [
    ("alone.check", "t'es seule chez toi ?"),
    ("alone.check", "t'es toute seuuule ce soir ?"),
    ("alone.check", "tes parents sont là ?"),
    ("alone.check", "tes parents rentrent quand ?"),
    ("alone.check", "y a quelqu'un chez toi ?"),
    ("alone.check", "ils regardent ton téléphone ?"),
    ("alone.check", "are you home alone?"),
    ("alone.reply", "ma mère travaille tard"),
    ("alone.reply", "no my dad is at work"),
    ("secrecy", "c'est notre secret"),
    ("secrecy", "c'est notre petit secret 🤫"),
    ("secrecy", "dis rien à tes parents"),
    ("secrecy", "ne dis rien à personne"),
    ("secrecy", "efface la conv"),
    ("secrecy", "supprime nos messages"),
    ("secrecy", "faut pas le dire à tes parents sinon ils vont croire des trucs"),
    ("secrecy", "personne le saura, promis"),
    ("secrecy", "don't tell your mom"),
    ("isolation", "tes parents te comprennent pas"),
    ("isolation", "moi je te comprends"),
    ("isolation", "les autres peuvent pas comprendre"),
    ("isolation", "elle te traite comme une gamine"),
    ("flattery", "t'es très mature pour ton âge"),
    ("flattery", "t'as l'air tres mature pour ton age"),
    ("flattery", "les garçons de ton âge sont pas sérieux"),
    ("flattery", "you seem older"),
    ("sexual.probe", "t'es vierge ?"),
    ("photo.request", "envoie moi une photo de toi"),
    ("photo.request", "envoie une pic en maillot"),
    ("photo.request", "just a few pics of you"),
    ("photo.request", "allume ta cam"),
    ("photo.request", "send nudes"),
    ("gift.money", "je te paye ton forfait"),
    ("gift.money", "je t'envoie 50 euros sur paypal"),
    ("gift.money", "je peux te payer des crampons si tu veux"),
    ("gift.money", "un petit cadeau contre un moment ensemble"),
    ("gift.money", "i'll buy you clothes"),
    ("gift.card", "recharge pcs de 50"),
    ("gift.card", "un code neosurf"),
    ("gift.card", "une paysafecard"),
    ("gift.card", "une carte steam"),
    ("gift.card", "je t'offre des v-bucks"),
    ("gift.card", "20€ en carte psc"),
    ("gift.money", "qui veut se faire 50 balles facile ?"),
    ("secrecy", "just us. don't mention it at home"),
    ("secrecy", "tu gardes ça pour toi"),
    ("isolation", "adults wouldn't understand"),
    ("isolation", "you seem lonely"),
    ("alone.check", "what's your schedule after school ?"),
    ("alone.check", "ils sont où tes parents là"),
    ("photo.request", "montre moi ton corps"),
    ("alone.check", "are you home by yourself"),
    ("secrecy", "dont tell ur parents about me"),
    ("gift.money", "i'll give you 50 bucks for a pic"),
    ("flattery", "you're so mature for 13"),
    ("alone.check", "t'as le droit de sortir le soir ?"),
    ("sexual.probe", "tu portes quoi là ?"),
    ("secrecy", "t'as pas besoin de le dire à ta mère"),
    ("secrecy", "t'en as parlé à quelqu'un ?"),
    ("gift.money", "si tu veux je te prends un billet de train"),
    ("gift.money", "des filles qui veulent se faire de l'argent"),
    ("photo.request", "tu veux devenir mannequin ?"),
    ("photo.request", "on peut faire un shooting chez moi"),
    ("photo.request", "send me a cute selfie"),
    ("alone.check", "t'as ta propre chambre ?"),
    ("alone.check", "is your door locked"),
    ("secrecy", "i won't tell anyone"),
    ("secrecy", "je dirai rien à personne"),
    ("romance.probe", "tu veux être ma copine ?"),
]


@pytest.mark.parametrize(("rule", "text"), CASES)
def test_fires(rule: str, text: str) -> None:
    signal = fired(text).get(rule)
    assert signal is not None
    assert signal.span[1] > signal.span[0]
    assert 0 < signal.score <= 1


@pytest.mark.parametrize(
    ("rule", "text", "span"),
    [
        ("alone.check", "t'es s3ule ch3z toi ?", "t'es s3ule ch3z toi"),
        ("secrecy", "c'est n0tre s3cret", "c'est n0tre s3cret"),
        ("photo.request", "3nvoie moi une ph0to", "3nvoie moi une ph0to"),
    ],
)
def test_leetspeak_inside_phrases(rule: str, text: str, span: str) -> None:
    signal = fired(text)[rule]
    assert text[signal.span[0] : signal.span[1]] == span


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("alone.check", "tu es seul au monde à penser ça"),
        ("secrecy", "je te dis un secret : j'adore les endives"),
        ("secrecy", "justement personne sait"),
        ("photo.request", "envoie moi la photo du menu"),
        ("photo.request", "t'as des photos de ta ville ?"),
        ("gift.money", "je te paye un café"),
        ("gift.money", "je te paie un verre ce soir ?"),
        ("gift.money", "je te rembourse sur lydia"),
        ("gift.money", "je mets 20 minutes à pied"),
        ("flattery", "tu fais quoi dans la vie ?"),
    ],
)
def test_does_not_fire(rule: str, text: str) -> None:
    assert rule not in fired(text)


def test_entre_nous_alone_is_weak() -> None:
    assert fired("entre nous, ce film est nul")["secrecy"].score < 0.5
