"""Round 6 spam classes: an official body's credential grab over several lines, a prize that
costs a fee, the pig-butchering pitch (coins as the stake, weekly earnings boasted, an invite
code), followers priced in either order, a domain spelled letter by letter, a bot's loop; and
what is none of these: the warning, a sale's shipping, one's pay, a friend's sign-up link
given on request, a scam told about, an invitation to come and watch.

Every sentence is written for this test, not copied from a corpus.
"""

from __future__ import annotations

import pytest
from detecting import private, room, score_of, strongest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.spam_links import found
from causette.safety.gate import Setting

ACTS = 0.5  # what the shipped policy acts on


def scams(text: str, context: MessageContext) -> list[str]:
    """The scam rules the policy would act on."""
    return [s.rule for s in detect(text, context) if s.rule.startswith("scam.") and s.score >= ACTS]


# --- An official body's credential grab ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        (
            "pour bloquer le paiement, donnez-moi votre identifiant et le code reçu par sms",
            (
                "Bonjour, ici le service sécurité de la Banque Postale",
                "un prélèvement de 612 € a été détecté sur votre compte",
            ),
        ),
        (
            "connectez-vous sur caf-regularisation-dossier.fr avant vendredi",
            ("Madame, votre dossier CAF doit être mis à jour sinon vos aides seront suspendues",),
        ),
        (
            "il suffit de mettre ton numéro de sécu et ta carte bancaire, c'est rapide",
            ("la carte vitale doit être renouvelée avant le 15, sinon elle ne sera plus valable",),
        ),
        (
            "Votre compte sera désactivé dans 2 heures : confirmez votre mot de passe ici",
            ("Bonjour, l'équipe de modération de Causette vous contacte.",),
        ),
        (
            "head to ledger-secure-sync.io and type your 24 word phrase",
            ("Ledger support here, unverified wallets will be frozen tonight",),
        ),
        (
            "please confirm your password within 30 minutes or the account stays locked",
            ("this is the Netflix security team, your account will be suspended",),
        ),
        # Evasive: no accents, capitals.
        (
            "MUNISSEZ VOUS DE VOTRE CODE SECURIPASS",
            ("CREDIT AGRICOLE SERVICE SECURITE", "une operation de 990 euros a ete detectee"),
        ),
    ],
)
def test_an_official_body_asking_a_credential_is_a_grab(text: str, before: tuple[str, ...]) -> None:
    assert "scam.phishing" in scams(text, private(*before))


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # The warning, said by someone who saw the grab.
        ("l'assurance maladie ne demande jamais ta carte bancaire, c'est une arnaque", ()),
        ("never type your 12 word phrase on a site, whatever the support team says", ()),
        # One's own errands: a card renewed, a password changed.
        ("j'ai renouvelé ma carte vitale à la CPAM, ils m'ont rendu la carte bancaire", ()),
        ("la banque m'a appelée pour mon prêt, rendez-vous mardi à 10 h", ()),
        ("j'ai changé mon mot de passe netflix hier, tout marche", ()),
        # A real site, a date, nothing asked.
        ("la CAF verse les aides le 5, c'est sur caf.fr", ()),
    ],
)
def test_a_warning_or_an_errand_is_no_grab(text: str, before: tuple[str, ...]) -> None:
    assert not scams(text, private(*before))


# --- A prize that costs a fee -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        (
            "pour l'envoi il reste 2 € de frais de port à régler sur le formulaire",
            ("Bravo, ton profil a été tiré au sort ce mois-ci !",),
        ),
        ("tentez de gagner une console, 1,50 € de frais de dossier seulement", ()),
        ("si tu gagnes on t'expédie le lot, juste 3 euros de frais d'envoi", ()),
        ("you have won a tablet, just pay £1.99 for shipping", ()),
        ("only a small handling fee and your prize ships today", ()),
    ],
)
def test_a_prize_that_costs_a_fee_is_a_scam(text: str, before: tuple[str, ...]) -> None:
    assert "scam.phishing" in scams(text, private(*before))


@pytest.mark.parametrize(
    "text",
    [
        "je te vends le vélo 80 €, plus 12 € de frais de port si je l'envoie",
        "la tombola de l'école, c'est 2 € le ticket et le tirage est samedi",
        "the shipping fee on my order was higher than the item itself",
    ],
)
def test_a_sale_or_a_raffle_is_not(text: str) -> None:
    assert not scams(text, private())


# --- Pig-butchering: coins as the stake, weekly earnings, an invite code ------------------


@pytest.mark.parametrize(
    ("text", "before"),
    [
        (
            "je me fais 1500 € par semaine à côté, tu commences avec 300 USDT",
            ("ma tante m'a appris le trading de contrats, depuis ça va mieux",),
        ),
        (
            "start with only 0.1 btc, I earn around 4k a week and I'll guide you",
            ("my cousin taught me crypto arbitrage last year",),
        ),
        (
            "inscris-toi avec mon code de parrainage, je pourrai suivre tes trades",
            ("je gagne environ 800 € par semaine", "tu commences avec 200 usdt"),
        ),
    ],
)
def test_the_pig_butchering_pitch_is_a_scam(text: str, before: tuple[str, ...]) -> None:
    assert "scam.crypto" in scams(text, private(*before))


@pytest.mark.parametrize(
    "text",
    [
        "je gagne 2100 € par mois comme infirmière, c'est correct",
        "ouvre un compte avec mon code parrainage, la banque t'offre 80 €",
        "mon frère m'a appris à faire du vélo cet été",
    ],
)
def test_pay_or_a_referral_told_is_not(text: str) -> None:
    assert not scams(text, private())


# --- Followers priced, either order -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "abonnés 5000 pour 9 €, livraison en une heure",
        "likes 2k for $4, instant",
        "20k views $15, dm me",
        "3000 followers €6 seulement",
    ],
)
def test_followers_priced_are_sold(text: str) -> None:
    assert score_of(text, "scam.followers", room()) >= ACTS


def test_followers_counted_are_not_sold() -> None:
    assert score_of("j'ai passé les 5000 abonnés hier, merci à vous", "scam.followers", room()) == 0


# --- A domain spelled letter by letter ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("va sur f l a s h c a m s point c o m", "flashcams.com"),
        ("p r o m o g e m . f r", "promogem.fr"),
        ("go to c h e a p f a n s dot net now", "cheapfans.net"),
    ],
)
def test_a_spelled_domain_is_a_link(text: str, link: str) -> None:
    assert link in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "j e t ' a i m e",
        "le point c'est qu'on est en retard",
        "mon numéro c'est le 0 6 1 2 point final",
        "s o s . f r t'es la",
    ],
)
def test_spelled_words_are_no_link(text: str) -> None:
    assert not found(text)


def test_a_spelled_domain_with_an_invitation_is_spam() -> None:
    text = "inscription gratuite sur n u i t c h a u d e . f r 😘"
    assert score_of(text, "spam.link", room("salut")) >= ACTS


# --- A bot's loop: greeting, links, the same greeting --------------------------------------


def test_a_line_said_again_after_links_is_a_loop() -> None:
    mine = (
        "salut tout le monde je suis nouvelle",
        "mon site: chaudes-soirees.com",
        "x x x . c o m ici aussi pas-cher-live.net",
    )
    assert score_of("salut tout le monde je suis nouvelle", "spam.repeat", room(*mine)) >= 0.8


def test_a_line_said_twice_among_chat_is_no_loop() -> None:
    mine = ("quelqu'un a vu mes clés de voiture", "je les cherche partout")
    assert score_of("quelqu'un a vu mes clés de voiture", "spam.repeat", room(*mine)) < 0.8


# --- A friend's sign-up link given on request ----------------------------------------------


def test_a_sign_up_link_asked_for_is_no_advert() -> None:
    context = MessageContext(
        Setting.ROOM, sender_age=30, sender_minor=False,
        recent=("tournoi de pétanque dimanche au parc", "on doit s'inscrire où ?"),
        recent_from_sender=("tournoi de pétanque dimanche au parc",),
    )  # fmt: skip
    text = "inscris-toi là : petanque-club-rennes.fr/inscriptions"
    assert "spam.link" not in strongest(text, context)


def test_the_same_link_unasked_is_an_advert() -> None:
    text = "inscris-toi là : petanque-club-rennes.fr/inscriptions"
    assert score_of(text, "spam.link", room("salut la compagnie")) >= ACTS


# --- A scam told about, and an invitation to watch -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "on m'a fait le coup avec 'votre compte sera suspendu ce soir'",
        "did anyone else get a text saying your parcel is held for a fee?",
        "quelqu'un d'autre a reçu 'votre colis est en attente' aujourd'hui ?",
        "ma voisine me bassine avec une plateforme crypto qui fait x4 en un mois",
        "my brother keeps going on about a trading bot that makes 5% a day",
    ],
)
def test_a_scam_told_about_is_not_one(text: str) -> None:
    assert not scams(text, room())


def test_come_watch_the_game_is_no_cam() -> None:
    assert score_of("come watch, the final starts at 8", "scam.webcam", private()) == 0


def test_come_watch_me_on_cam_is() -> None:
    assert score_of("come watch me live on my cam", "scam.webcam", private()) >= ACTS
