"""Round 5 spam classes: how a fraud gets paid (prepaid coupons, a cash transfer to a third
party's name, gift-card codes, crypto for "the fees"), the fee before a release, credentials
asked (the bank login, the code about to be texted, the ID front and back), the overpaid
cheque; and what is none of these: a present, one's own bills, a real loan told, a scam
reported or warned against.

Every sentence is written for this test, not copied from a corpus.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting

ACTS = 0.5  # what the shipped policy acts on


def acting(text: str, *before: str) -> list[str]:
    """The scam rules the policy would act on, ``before`` being the sender's lines."""
    context = MessageContext(
        Setting.PRIVATE,
        sender_age=40,
        sender_minor=False,
        recent=before,
        recent_from_sender=before,
    )
    return [s.rule for s in detect(text, context) if s.rule.startswith("scam.") and s.score >= ACTS]


# --- The payment route: asked of the listener, it is the fraud -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le règlement se fait uniquement en coupons Transcash, c'est plus simple",
        "Achetez 3 recharges PCS de 100 € et gardez les tickets",
        "vous devez payer la taxe par coupon Paysafecard",
        "pour la caution tu prends des tickets Neosurf au bureau de tabac",
        "please pay the release fee with Paysafecard vouchers",
        "you need to send it through MoneyGram today",
        "fais un Moneygram à l'ordre de mon avocat, il s'occupe de tout",
        "send a Western Union in the name of my secretary, Mrs Adeyemi",
        "the processing fee is payable in bitcoin only",
        "les frais de dossier se règlent en USDT sur cette adresse",
        "steam cards or bitcoin, whichever is easier for you",
        "crypto ou cartes Amazon, comme tu veux",
        "envoie-moi les codes des cartes quand tu les as",
        "gratte le dos de la carte et envoie une photo du code",
        "just text me the numbers on the cards",
        # Evasive spellings: capitals, stretched letters, no accents.
        "PAYEZ EN COUPONS NEOSURF",
        "tu peux reglr les frais en neosurf stp",
    ],
)
def test_a_payment_route_asked_is_a_scam(text: str) -> None:
    assert acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "je t'offre une carte cadeau Fnac pour ton anniversaire",
        "I'll get you an amazon gift card for Christmas",
        "j'ai payé ma facture de téléphone en ligne hier",
        "j'ai rechargé ma carte PCS ce matin au tabac",
        "I bought a Steam card for my nephew, he loved it",
        "my gran got a call asking her to pay in gift cards, she hung up",
        "attention, la douane ne demande jamais de payer par coupons Transcash",
        "never pay anyone with gift cards, it's always a scam",
        "on lui a demandé des coupons PCS, c'était une arnaque évidente",
        "western union a fermé son agence en bas de chez moi",
        "tu préfères une carte cadeau ou du liquide pour le pot de départ ?",
        "le bitcoin ou l'ethereum, lequel a le plus monté cette année ?",
        "the bus driver told me to tap my card on the reader",
    ],
)
def test_a_route_named_without_a_demand_is_not(text: str) -> None:
    assert not acting(text)


# --- A fee or an advance before the release ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Il reste juste 95 € de frais de notaire à verser avant le virement de votre héritage",
        "une petite avance de 60 € pour débloquer ton colis et c'est réglé",
        "there's a small insurance fee of $150 before we can release your loan",
        "a handling tax must be paid to unlock your winnings",
        "pour passer au palier VIP il faut déposer 200 €, tu les retrouves après",
        "to reach the next level you just deposit 50 usdt",
    ],
)
def test_a_fee_before_a_release_is_a_scam(text: str) -> None:
    assert acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "la banque m'a pris 400 € de frais de dossier avant le déblocage du prêt",
        "we paid the deposit before moving in, the landlord was fine",
        "les frais d'inscription au club sont de 30 € l'année",
        "j'ai versé l'acompte pour le traiteur, il reste le solde à payer le jour J",
        "j'ai atteint le niveau 40 hier soir sur le jeu",
    ],
)
def test_an_ordinary_fee_is_not(text: str) -> None:
    assert not acting(text)


# --- Credentials: the bank login, the code about to be texted, the ID both sides ------------


@pytest.mark.parametrize(
    "text",
    [
        "for the onboarding send me your address and your online banking password",
        "j'ai besoin de ton nom, de ta date de naissance et de tes identifiants bancaires",
        "donne-moi ton mot de passe de ta banque, je fais le virement pour toi",
        "read me the code you're going to receive, it's just to check",
        "dis-moi le code que tu vas recevoir par SMS",
        "tu me donnes le code qui va t'arriver dans une minute ?",
        "send a picture of your passport, front and back",
        "une photo de ta carte d'identité recto verso et c'est bon",
        "Transmettez votre RIB et votre pièce d'identité à notre service",
    ],
)
def test_credentials_asked_are_a_scam(text: str) -> None:
    assert acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "I forgot my bank login again, third time this month",
        "ne donne jamais tes identifiants bancaires à personne",
        "l'agence veut la carte d'identité recto verso et un RIB pour le dossier de location",
        "le code que tu vas recevoir, garde-le pour toi, même moi je ne te le demanderai jamais",
        "my passport photo is awful, I look like a ghost",
    ],
)
def test_credentials_spoken_of_are_not(text: str) -> None:
    assert not acting(text)


# --- The overpaid cheque ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (
            (),
            "I'll post you a cashier's check for $2,400, cash it, wire the difference to my mover",
        ),
        (
            ("je vous envoie un chèque de 900 € pour le canapé",),
            "vous me renvoyez le surplus par virement",
        ),
        ((), "encaissez le chèque et reversez l'excédent à notre transporteur"),
    ],
)
def test_the_overpaid_cheque_is_a_scam(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before)


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (("je t'ai viré 50 au lieu de 35",), "rends-moi la différence quand tu peux"),
        ((), "send me the rest of the photos when you're home"),
        ((), "check the rest of the list and give me the balance of the account"),
    ],
)
def test_change_between_friends_is_not(before: tuple[str, ...], text: str) -> None:
    assert not acting(text, *before)


# --- Scams told: a victim's story, a message received, a colleague's pitch ------------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        ((), "got burned last year by a 'guaranteed 20% a week' app a friend pushed on me"),
        (
            ("j'ai reçu un drôle de sms ce matin",),
            "« votre compte a été suspendu, validez vos informations ici »",
        ),
        ((), "ma voisine veut que j'investisse dans un truc qui rapporte 4 % par semaine"),
        ((), "my coworker wants me to invest in a thing that pays 3% a day"),
        ((), "rien d'honnête ne rapporte 10 % par mois, c'est un Ponzi"),
    ],
)
def test_a_scam_told_is_not_one(before: tuple[str, ...], text: str) -> None:
    assert not acting(text, *before)


@pytest.mark.parametrize(
    "text",
    [
        "I got burnt on a 'double your money' platform two years ago, lost 800",
        "je me suis fait avoir par une plateforme 'garantie 15 % par mois', plus jamais",
    ],
)
def test_a_victim_telling_is_not_a_pitch(text: str) -> None:
    assert not acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "the guy from the ad wanted me to cash his cheque and send back the difference",
        "le type m'a demandé d'encaisser son chèque et de renvoyer le surplus",
        "ils voulaient que je paie les frais en coupons PCS avant le déblocage",
    ],
)
def test_a_demand_reported_is_not_one(text: str) -> None:
    assert not acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "tu préfères btc ou eth pour commencer ?",
        "les frais de transaction en bitcoin sont délirants en ce moment",
        "gas fees in eth are insane today",
        "envoie-moi une photo de la carte du resto stp",
        "send me pics of the cards you made in class",
    ],
)
def test_coins_compared_and_menus_are_not_payments(text: str) -> None:
    assert not acting(text)


@pytest.mark.parametrize(
    "text",
    [
        "si vous pourriez faire un western union ce soir ça m'aiderait",
        "could you send it by moneygram before friday",
    ],
)
def test_a_cash_transfer_asked_politely_is_a_scam(text: str) -> None:
    assert acting(text)


def test_the_distant_lovers_plea_in_the_plural_and_the_vous() -> None:
    before = ("ma fille est à l'hôpital et mes comptes sont bloqués ici",)
    assert acting("je vous rembourse dès que je rentre, envoyez par Ria Money", *before)
