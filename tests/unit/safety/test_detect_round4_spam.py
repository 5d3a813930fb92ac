"""Round 4 spam classes: frauds told over several lines (the sure investment, the bank's
"fraud department", the distant lover's money request, the webcam blackmail), and what is no
spam: an e-mail's domain, a student's "promo", a scam described, mocked or warned against.

Every sentence is written for this test, not copied from a corpus.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.spam_links import advert, found
from causette.safety.gate import Setting
from causette.safety.normalize import fold

ACTS = 0.5  # what the shipped policy acts on


def acting(text: str, *before: str, prefix: str = "scam.", room: bool = False) -> list[str]:
    """The rules of ``prefix`` the policy would act on, ``before`` being the sender's lines."""
    context = MessageContext(
        Setting.ROOM if room else Setting.PRIVATE,
        sender_age=40,
        sender_minor=False,
        recent=before,
        recent_from_sender=before,
    )
    return [s.rule for s in detect(text, context) if s.rule.startswith(prefix) and s.score >= ACTS]


# --- The sure investment: three parts, one only a fraud needs ---------------------------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (
            ("ma tante bosse comme analyste pour un fonds à Genève",),
            "elle me file ses tuyaux, j'ai pris +45 % en un mois, c'est garanti",
        ),
        (
            ("Notre produit rapporte 11 % net par an, capital protégé.",),
            "Il suffit d'un virement sur le compte de notre cabinet partenaire, ticket 5 000 €.",
        ),
        (
            ("returns are guaranteed, 12% a year, zero risk",),
            "no need to tell your bank about it, they hate when clients find better products",
        ),
        (
            ("on a fait +60 % depuis janvier",),
            "tu commences avec 300 € seulement, c'est sans risque, ouvre ton compte aujourd'hui",
        ),
        (
            ("my brother works as a trader at an exchange, he knows the market moves in advance",),
            "start with just $200 and it's risk-free, I promise",
        ),
    ],
)
def test_investment_fraud_over_several_lines(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before) == ["scam.crypto"]


@pytest.mark.parametrize(
    ("before", "text"),
    [
        # A savings account: guaranteed, a low rate, a small start; nothing only a fraud needs.
        (("le livret A c'est garanti par l'État",), "3 % par an, tu commences avec 10 €"),
        # A warranty and a deadline are ordinary shopping.
        (("la machine est garantie 2 ans",), "décide-toi avant vendredi, la promo s'arrête"),
        # One's own savings told: a fact, no pitch.
        ((), "mon placement a fait +4 % cette année, rien de fou mais c'est garanti"),
        ((), "the fund is capital protected but returns are low, I'll ask my bank adviser"),
    ],
)
def test_ordinary_savings_talk_is_no_fraud(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before) == []


# --- The bank's "fraud department": a code asked, a validation to click ----------------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (
            ("Cellule anti-fraude de votre banque, un paiement inhabituel de 870 € est en cours.",),
            "Merci de me communiquer le code que vous allez recevoir par SMS pour l'annuler.",
        ),
        (
            ("Hello, this is the fraud team, we blocked a suspicious transaction on your card.",),
            "you'll get a prompt in your app, tap Approve to cancel the transfer",
        ),
        (
            ("Le service sécurité de votre banque vous contacte.",),
            "Validez la notification sur votre téléphone, c'est la procédure, faites vite.",
        ),
        (
            ("unusual login on your account from another country",),
            "please confirm your customer number and read me the code you just got",
        ),
    ],
)
def test_bank_impersonation(before: tuple[str, ...], text: str) -> None:
    assert "scam.phishing" in acting(text, *before)


@pytest.mark.parametrize(
    "text",
    [
        "ma banque m'a appelée pour une opération suspecte, j'ai raccroché et rappelé l'agence",
        "tu peux cliquer sur valider, le formulaire est bon",
        "le service client de ma banque est nul, 40 minutes d'attente",
    ],
)
def test_bank_talk_is_no_impersonation(text: str) -> None:
    assert acting(text, room=True) == []


# --- The distant lover's money request: gift cards, money transfer, an "agent" -------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (
            ("my love, my salary is frozen until the mission ends",),
            "just buy Apple gift cards and send me the codes, I will repay you when I land",
        ),
        (
            ("Mon amour, la douane bloque mon colis, 900 € de frais de dédouanement",),
            "Envoie par Western Union à mon avocat, je te rembourserai dès mon arrivée",
        ),
        (
            ("j'ai honte de te demander, mon billet d'avion coûte 1 200 €",),
            "tu peux payer en coupons Transcash, c'est plus rapide",
        ),
    ],
)
def test_romance_money_request(before: tuple[str, ...], text: str) -> None:
    assert "scam.phishing" in acting(text, *before)


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (("bloquée à l'aéroport, vol annulé",), "j'ai acheté une carte Steam pour mon neveu"),
        ((), "I sent my sister money by Western Union when she was in Peru"),
        ((), "the customs fees on my parcel from Japan were 20 quid, annoying"),
    ],
)
def test_travel_and_gift_cards_are_ordinary(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before) == []


# --- The webcam blackmail: a claim and a demand --------------------------------------------


@pytest.mark.parametrize(
    ("before", "text"),
    [
        (
            ("Je t'ai filmé avec ta webcam pendant que tu regardais certains sites.",),
            "Tu as 72 heures pour verser 800 € en bitcoin, sinon la vidéo part à tes contacts.",
        ),
        (
            ("I gained remote access to your laptop and have a video of you while on those sites",),
            "pay $900 to the wallet below within 24 hours. don't call the police, I'll know",
        ),
        (
            (),
            "your contact list is with me. BTC address follows, the timer has started",
        ),
        (
            ("j'ai pris le contrôle de ton ordi",),
            "la vidéo ira à ta famille et tes collègues, une fois payé je supprime tout",
        ),
    ],
)
def test_webcam_blackmail(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before, prefix="threat.") == ["threat.sextortion"]


@pytest.mark.parametrize(
    ("before", "text"),
    [
        # The victim's report, or the scam named: no threat.
        (
            ("j'ai reçu un mail bizarre ce matin",),
            "il dit qu'on m'a filmé par la webcam et veut 500 € en bitcoin sous 48h",
        ),
        ((), "those 'I recorded you through your webcam, pay in bitcoin' emails are a scam"),
        # A camera and bitcoin, without a claim on the other.
        ((), "my webcam is broken and bitcoin dropped 10 % in 24 hours, great day"),
        ((), "je t'envoie la vidéo du mariage ce soir, ta famille va adorer"),
    ],
)
def test_blackmail_told_about_is_no_threat(before: tuple[str, ...], text: str) -> None:
    assert acting(text, *before, prefix="threat.") == []


# --- What is no spam: an e-mail's domain, a student's promo ----------------------------------


def test_an_email_domain_is_no_link() -> None:
    assert found(fold("écris-moi à lea.martin@boite-mail.example").text) == []
    assert found(fold("mail: sam@studio-nord.example, site: samnord.example").text) == [
        "samnord.example"
    ]


@pytest.mark.parametrize(
    ("text", "is_advert"),
    [
        ("le groupe de la promo M2 est là : chat.example/m2-droit", False),
        ("ma promo fait un afterwork, infos sur asso-bde.example/agenda", False),
        ("grosse promo sur les baskets : shop-ldn.example", True),
        ("promo -40 % ce week-end, boutique-x.example", True),
        ("use promo code SPRING at kicks-store.example", True),
    ],
)
def test_a_promo_is_a_year_or_a_sale(text: str, is_advert: bool) -> None:
    assert advert(fold(text).text) is is_advert


def test_own_site_and_email_are_not_spam() -> None:
    line = "sure, my address is tom.reyes@post.example and my portfolio is tomreyes-art.example"
    assert acting(line, "hi!", prefix="spam.") == []


# --- A scam described, mocked or warned against ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "si quelqu'un te garantit 10 % par mois, c'est qu'il prend sur ton dépôt",
        "anyone who promises you guaranteed returns is lying",
        "toujours le même scénario : colis bloqué, frais de douane, carte cadeau",
        "classic MLM, a starter kit and then you recruit your friends",
        "he wants me to buy a starter kit and join his downline, no way",
        "ma voisine essaie de me recruter, kit de démarrage à 200 €",
        "sa 'coach' lui disait de recruter ses cousines, kit de démarrage à 300 €",
        "stay away from those 'free robux generator' sites",
        "la banque ne demande jamais de confirmer le code reçu par SMS",
        "ne tombez pas dedans : rendement garanti et virement à l'étranger, c'est du vol",
    ],
)
def test_scam_spoken_of_is_silent(text: str) -> None:
    assert acting(text, room=True) == []


@pytest.mark.parametrize(
    "text",
    [
        # The same words as a pitch still fire.
        "rendement garanti de 15 % par mois, inscris-toi",
        "kit de démarrage à 99 €, tu gagnes sur chaque personne que tu recrutes",
        "free robux generator, link in bio",
    ],
)
def test_pitch_still_fires(text: str) -> None:
    assert acting(text, room=True) != []


def test_the_fake_banks_fraudulent_transfer_is_no_warning() -> None:
    # "Le virement frauduleux" is the impostor's own wording, not someone naming a fraud.
    before = ("Ici le service fraude de votre banque, opération suspecte détectée.",)
    text = "Cliquez sur Valider dans l'appli pour annuler le virement frauduleux."
    assert "scam.phishing" in acting(text, *before)


# --- Evasive spellings: capitals, digits for letters, missing accents --------------------------


@pytest.mark.parametrize(
    ("before", "text", "rule"),
    [
        (
            ("MON AMOUR, MON SALAIRE EST BLOQUÉ",),
            "envoie via W3STERN UNION a mon agent stp",
            "scam.phishing",
        ),
        (
            ("service anti fraude de votre banque, operation suspecte",),
            "donnez moi le code recu par sms",
            "scam.phishing",
        ),
        (
            ("I recorded u through ur webcam",),
            "send 600 $ in b1tcoin within 48 hrs",
            "threat.sextortion",
        ),
    ],
)
def test_evasive_spellings(before: tuple[str, ...], text: str, rule: str) -> None:
    assert rule in acting(text, *before, prefix=rule.split(".")[0] + ".")


@pytest.mark.parametrize(
    "text",
    [
        "les deux articles dont je parlais : lemonde.fr/sciences/xyz et arte.tv/fr/videos/abc",
        "my portfolio is at janedoe-design.net and my shop is janedoe.example/shop",
    ],
)
def test_two_links_among_friends_are_not_a_flood(text: str) -> None:
    assert acting(text, "salut", prefix="spam.") == []


def test_two_links_with_an_advert_still_act() -> None:
    text = "promo -50 % aujourd'hui seulement : bestdeals-shop.example et bestdeals.example/promo"
    assert acting(text, "salut", prefix="spam.") == ["spam.link"]


@pytest.mark.parametrize(
    "text",
    [
        "🚀 NOUVEAU TOKEN $PANDAX 🚀 x20 garanti avant le listing 👉 pandax-launch.example",
        "guaranteed x5 in a week, get in before the listing",
        "presale du jeton $LUNO ouverte ce soir seulement",
        "new memecoin presale is live, connect your wallet here",
        "connectez votre wallet ici pour recevoir l'airdrop",
    ],
)
def test_a_token_launch_is_a_crypto_scam(text: str) -> None:
    assert "scam.crypto" in acting(text, "salut", room=True)


@pytest.mark.parametrize(
    "text",
    [
        "la prévente des billets du concert est ouverte demain à 10h",
        "presale tickets for the gig are live, who's in?",
        "j'ai connecté mon wallet sur l'appli hier, ça marche bien",
        "méfiez-vous des trucs x10 garanti, c'est toujours une arnaque",
    ],
)
def test_presales_wallets_and_warnings_are_no_token_launch(text: str) -> None:
    assert acting(text, "salut", room=True) == []
