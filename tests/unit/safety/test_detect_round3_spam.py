"""Round 3 spam classes: links on any real suffix, scams told about rather than run, and the
scam shapes that were missing (a copied trader, expiring training rights, a tax refund, paid
tasks unlocked by a deposit, free game currency "generators").

Every sentence is written for this test, not copied from a corpus.
"""

from __future__ import annotations

from pathlib import Path

import hypothesis
import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.spam_links import found, tiers
from causette.safety.gate import Setting, Signal
from causette.safety.normalize import fold

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)
TALKING = MessageContext(Setting.ROOM, 30, False, recent_from_sender=("salut", "ça va ?"))
ACTS = 0.5  # what the shipped policy acts on


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def acting(text: str, prefix: str = "scam.", context: MessageContext = TALKING) -> list[str]:
    return [
        rule
        for rule, signal in fired(text, context).items()
        if rule.startswith(prefix) and signal.score >= ACTS
    ]


def links_in(text: str) -> list[str]:
    return found(fold(text).text)


# --- Links: any real suffix, but not two words glued by a missing space ---------------------


def test_every_listed_suffix_is_in_the_root_zone() -> None:
    # The lexicon is IANA's list re-sorted: nothing invented but the reserved names.
    vendored = Path(hypothesis.__file__).parent / "vendor" / "tlds-alpha-by-domain.txt"
    iana = {
        line.strip().lower()
        for line in vendored.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    unlisted = {"example", "test", "invalid", "localhost", "onion", "login"}
    assert set(tiers()) - iana <= unlisted
    assert len(tiers()) > 1000


@pytest.mark.parametrize(
    "text",
    [
        "regarde ça : mon-super-deal.example",
        "inscris-toi sur gains-rapides.test/inscription",
        "new drop at sneaker-outlet.buzz",
        "le site c'est promo-hiver.shop",
        "tout est sur cadeaux-noel.cyou",
        "see the deal on fast-cash.sbs",
        "dispo sur boutique-ski.ch et mode-femme.nl",
        "check bestdeals.ws",
        "watch it live on streamz.tv",
        "le lien : sklep-tani.pl",
        "try our bot at trade-genius.ai",
        "infos sur freiheit-angebot.de/gewinn",
        "echa un vistazo a ofertas-hoy.es/regalo",
        "the form is at claim-now-2024.it",
        "your parcel: track-parcel-usps.us/id?4471",
        "latest at crypto-alerts.news",
        "full video on hot-clips.stream",
        "voir la page promo-noel.page",
        "cheap stuff at deals4u.rest",
        "free stuff lol at free-gift-now.lol",
    ],
)
def test_links_on_real_suffixes(text: str) -> None:
    assert links_in(text), text


@pytest.mark.parametrize(
    "text",
    [
        # A full stop typed without its space: the next word is no suffix.
        "salut.ca va ?",
        "j'arrive dans 5 min.ca te va",
        "pas.de souci, je gère",
        "t'inquiète.tu.es où ?",
        "ok.la je file",
        "c'était long.il est tard",
        "peut-être.moi aussi j'hésite",
        "on se voit au rendez-vous.la bas",
        "merci.de rien",
        "vraiment.lol",
        "grave.mdr",
        "fini.et toi ?",
        "thanks.it works now",
        "see you.so long",
        "ok.no worries",
        "tell.us more",
        # Files and quantities.
        "j'ai envoyé script.py et vacances-ete.zip",
        "le compte rendu est dans notes-reunion.md",
        "une bouteille de 33.cl",
        "limité à 130.km/h",
        # A brand or a word without a hyphen, a digit or a path.
        "on regarde sur spiegel.de",
    ],
)
def test_glued_words_are_not_links(text: str) -> None:
    assert not links_in(text), text


def test_links_keep_their_subdomain_and_stop_before_a_full_stop() -> None:
    assert links_in("c'est sur shop.mon-site.example.") == ["shop.mon-site.example"]
    assert links_in("docs.google.com/d/xyz") == ["docs.google.com/d/xyz"]
    assert links_in("x.com/quelquun") == ["x.com/quelquun"]


def test_three_new_suffix_links_are_a_flood() -> None:
    text = "promo-a.buzz promo-b.cyou promo-c.sbs"
    assert fired(text)["spam.link"].score >= 0.8


def test_glued_typing_makes_no_flood() -> None:
    text = "salut.ca va ? pas.de souci. tu.es où ? ok.la j'arrive"
    assert "spam.link" not in fired(text, TALKING)


# --- A scam told about, warned against or quoted is not one ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A victim's story, in the past or the third person.
        "ma voisine s'est fait arnaquer par un mec qui lui promettait de doubler son bitcoin",
        "mon oncle s'est fait avoir : un trader sur Telegram lui promettait 30 % par mois",
        "my cousin got scammed, the guy promised him guaranteed returns on crypto",
        "she fell for a trading bot that would double her money",
        "il a perdu 5 000 € sur une fausse plateforme de trading crypto",
        "they kept asking for her bank details to unlock the parcel",
        # Advice against it.
        "never share your seed phrase with anyone, not even support",
        "ne donne jamais ton code de vérification, même à un ami",
        "ne cliquez pas sur le lien du colis en attente, c'est du vol",
        "don't click the 'your account will be suspended' links",
        # The impostor named as one.
        "c'était un faux conseiller bancaire qui demandait son mot de passe",
    ],
)
def test_scam_talked_about_is_silent(text: str) -> None:
    assert not acting(text), text


def test_a_quoted_scam_after_asking_about_it_is_a_report() -> None:
    asked = MessageContext(
        Setting.PRIVATE,
        50,
        False,
        recipient_age=52,
        recipient_minor=False,
        recent_from_sender=("t'as reçu toi aussi un sms bizarre de ta banque ?",),
    )
    quoted = "« votre compte sera suspendu, confirmez vos identifiants », un truc du genre"
    assert not acting(quoted, context=asked)
    # The same words, sent cold, are the phishing.
    assert acting(quoted, context=TALKING)


def test_a_quote_described_with_its_link_is_a_report() -> None:
    text = "'Votre colis est bloqué, frais de douane à payer', avec un lien bizarre en .top"
    assert not acting(text)


@pytest.mark.parametrize(
    "text",
    [
        # The scammer's own first person and second person still fire.
        "vous avez reçu un message de votre banque : votre compte sera suspendu, cliquez ici",
        "never give up! copy my trades and earn 500€ per week",
        "ici y a trop de faux profils, sur rencontre-vraie.example tout est vérifié, inscris-toi",
        "je te promets x10 en un mois avec mes signaux crypto",
        "c'est pas une arnaque, mon mentor m'a fait gagner 3000€ en 2 semaines avec le trading",
    ],
)
def test_pitches_still_fire(text: str) -> None:
    assert acting(text, context=ROOM), text


@pytest.mark.parametrize(
    "text",
    [
        "merci de confirmer sur le groupe des parents",
        "tu peux confirmer sur WhatsApp ce soir ?",
        "confirme via Doodle stp",
        "please confirm on the team chat",
        "j'ai renouvelé sur l'appli de la médiathèque",
        "that's the giveaway: nobody real asks for gift cards",
        "the accent was a dead giveaway",
    ],
)
def test_ordinary_confirmations_and_idioms(text: str) -> None:
    assert not acting(text), text


@pytest.mark.parametrize(
    "text",
    [
        "confirmez sur ce lien avant ce soir",
        "renouvelez-la sur carte-vitale-maj.example",
        "débloquez via le formulaire",
        "unlock it here",
    ],
)
def test_confirm_on_a_link_still_fires(text: str) -> None:
    assert acting(text, context=ROOM), text


# --- Pitches told over several lines ---------------------------------------------------------


def sender_said(*lines: str) -> MessageContext:
    return MessageContext(Setting.PRIVATE, 30, False, 31, False, recent_from_sender=lines)


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        # The copied trader: a mentor, signals sent, positions copied, a VIP group, a deposit.
        ((), "mon coach poste ses signaux chaque matin sur Telegram, je copie ses trades"),
        ((), "my mentor drops signals every morning, you just mirror his positions"),
        (("je vis du trading depuis un an",), "rejoins le groupe VIP, c'est 150€ le mois"),
        (
            ("my mentor sends signals daily",),
            "you just open an account on his platform, min deposit $200",
        ),
        (
            (),
            "grâce à mon formateur j'ai fait +1800€ cette semaine, dépôt minimum 250€",
        ),
        # The official refund, expiring rights.
        ((), "il vous reste 860€ sur votre CPF, ces droits expirent le 31/12, utilisez-les"),
        ((), "vous êtes éligible à un remboursement de 96,20€, munissez-vous de votre RIB"),
        ((), "you are eligible for a refund of £84.10, your claim will be closed without action"),
        ((), "formation anglais 100% financée, vérifiez vos droits avec votre numéro de sécu"),
        (("Votre dossier sera clôturé sous 48h.",), "vous êtes éligible à une indemnisation"),
        # Paid tasks.
        ((), "are you looking for a part-time job? €200-€350 daily, paid the same day"),
        ((), "on recrute des testeurs d'applis, 20 min par jour, payé chaque jour"),
        ((), "recharge ton compte de tâches de 40€ pour débloquer le prochain lot"),
        ((), "just top up your work balance to unlock the next set of orders"),
        # Free game currency.
        ((), "robux gratuits illimités ici"),
        ((), "FREE VBUCKS no verification"),
        ((), "générateur de diamants free fire qui marche"),
        ((), "nitro generator 2025 working"),
    ],
)
def test_pitches_fire(earlier: tuple[str, ...], text: str) -> None:
    assert acting(text, context=sender_said(*earlier)), text


@pytest.mark.parametrize(
    ("earlier", "text"),
    [
        # One part alone is ordinary talk.
        ((), "mon coach m'envoie le programme tous les matins"),
        ((), "elle m'envoie des signaux contradictoires, je sais pas quoi penser"),
        ((), "on a eu une table VIP au concert, +50€ chacun quand même"),
        ((), "pour ouvrir le livret il faut un dépôt minimum de 10€"),
        ((), "j'ai fait 2000€ le mois dernier avec les heures sup"),
        ((), "mon mentor de stage m'a trop aidé pour le mémoire"),
        # A friend's tip about a real benefit, no deadline, no details to hand over.
        (
            (),
            "t'es éligible à un remboursement de 12,50€ pour le retard, remplis le formulaire SNCF",
        ),
        ((), "ma formation est financée à 100 % par France Travail"),
        ((), "n'oublie pas ta carte vitale pour le rendez-vous"),
        ((), "mes points de fidélité expirent fin du mois, faut que je les utilise"),
        # Jobs and games, told.
        ((), "je cherche un job flexible, genre 2h par jour"),
        ((), "il bosse comme testeur de jeux vidéo, il adore"),
        ((), "j'ai eu nitro gratuit avec l'offre epic games"),
        ((), "il a dépensé 50€ de robux, ma mère est furieuse"),
    ],
)
def test_one_part_is_no_pitch(earlier: tuple[str, ...], text: str) -> None:
    assert not acting(text, context=sender_said(*earlier)), text


@pytest.mark.parametrize(
    "text",
    [
        "r0bux gratuits ici",
        "V BUCKS GRATUITS",
        "FR33 V-BUCKS",
        "R.O.B.U.X gratuits",
        "g3n3rateur de robux",
        "t0p up your task account",
        "il vous reste 500 € sur votre C.P.F, ces droits expirent le 31/12",
    ],
)
def test_pitches_evasive_spellings(text: str) -> None:
    assert acting(text), text


@pytest.mark.parametrize(
    "text",
    [
        "envoie-moi ton RIB, je te fais le virement ce soir pour les courses",
        "file moi ton iban que je te rembourse ta part du resto",
        "donne-moi ton rib pour la cagnotte du cadeau de Julie",
        "send me your IBAN and I'll pay you back tomorrow",
    ],
)
def test_bank_details_asked_to_pay_the_listener_back_are_no_phishing(text: str) -> None:
    assert acting(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Envoyez votre RIB pour recevoir le remboursement de 214,30 € sous 48h",
        "donne-moi ton RIB et ton code reçu par sms pour débloquer le paiement",
        "communiquez votre IBAN à notre service client pour valider le dossier",
    ],
)
def test_bank_details_asked_by_a_phisher_still_fire(text: str) -> None:
    assert "scam.phishing" in acting(text)
