"""Classes of wording for hate, threats, paid sex and spam, each with its hard negatives.

Every case is written for this test (not copied from a corpus): a class is a frame (a slur with
masked letters, a group addressed or denied to be people, a price near a garden or a
tradesman's quote, a link spelled with spaces), stated several ways, and the sentences that
share its words without being it.
"""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)
PRIVATE = MessageContext(Setting.PRIVATE, 35, False, recipient_age=30, recipient_minor=False)

# What the shipped policy acts on (a signal scoring at least this).
ACTS = 0.5


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def acting(text: str, prefix: str, context: MessageContext = ROOM) -> list[str]:
    return [
        rule
        for rule, signal in fired(text, context).items()
        if rule.startswith(prefix) and signal.score >= ACTS
    ]


# --- Hate ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # Slurs with letters masked.
        ("hate.misogynistic", "ferme-la sale p*te"),
        ("hate.misogynistic", "espèce de s*lope"),
        ("hate.racist", "t'es qu'un n****r"),
        ("hate.homophobic", "shut up f*ggot"),
        ("hate.homophobic", "sale p#d#"),
        # A group addressed in the second person.
        ("hate.misogynistic", "vous les meufs vous êtes toutes des menteuses"),
        ("hate.racist", "vous les arabes vous êtes des voleurs"),
        ("hate.homophobic", "vous autres gays vous êtes des malades"),
        # Denied to be people.
        ("hate.racist", "les roms c'est pas des gens"),
        ("hate.racist", "des migrants, ce sont même pas des humains"),
        ("hate.antitrans", "trans people are not even human"),
        # Worth nothing.
        ("hate.misogynistic", "une femme ça vaut rien sans son mari"),
        ("hate.racist", "les africains valent rien"),
        ("hate.misogynistic", "women are good for nothing"),
        # Good only for the kitchen or for sex.
        ("hate.misogynistic", "t'es juste bonne à faire la vaisselle"),
        ("hate.misogynistic", "elles sont bonnes qu'à écarter"),
        ("hate.misogynistic", "girls are only good for cooking"),
        # Fire to a group's places.
        ("hate.racist", "faut cramer leur campement"),
        ("hate.racist", "un cocktail d'essence sur cette mosquée et c'est réglé"),
        ("hate.antisemitic", "someone should burn down that synagogue"),
        ("hate.racist", "ces voleurs de poules sont encore là"),
        # The echo and the control libel, in other words.
        ("hate.antisemitic", "ask who owns the (((media)))"),
        ("hate.antisemitic", "the jews own it all, wake up"),
        ("hate.antisemitic", "les juifs tiennent tout"),
        # A trans woman called a man in costume.
        ("hate.antitrans", "t'es qu'un gars en jupe"),
        ("hate.antitrans", "just a guy in a wig"),
        # Belongings to guard because a group is near.
        ("hate.racist", "planquez vos sacs, y a des roumains... non des gitans dans le parc"),
        ("hate.racist", "the gypsies are back, lock up your bikes"),
        # Made for the kitchen.
        ("hate.misogynistic", "une meuf c'est faite pour faire des gosses"),
        ("hate.misogynistic", "women were made for the kitchen"),
        # Stereotypes of crime, dirt or stupidity said of the whole group, in either order.
        ("hate.racist", "les noirs c'est tous des dealers"),
        ("hate.racist", "ils sont sales ces roms"),
        ("hate.antisemitic", "jews are greedy rats"),
        ("hate.homophobic", "les lesbiennes c'est juste des frustrées"),
        ("hate.racist", "the blacks are ruining this neighborhood"),
        ("hate.racist", "these immigrants are taking over"),
        ("hate.antitrans", "trans women are just men"),
        ("hate.racist", "t'es une sous-race"),
        # Swearing before the group, the fate wished first, money as the trope, uselessness.
        ("hate.racist", "ces putains de migrants"),
        ("hate.racist", "ils devraient tous crever ces arabes"),
        ("hate.antisemitic", "les juifs et leur argent, toujours pareil"),
        ("hate.misogynistic", "une femme ça sert à rien"),
        ("hate.racist", "go back to the jungle"),
        # An insulting adjective after a slur is no condemnation.
        ("hate.homophobic", "t'es qu'une gouine dégueulasse"),
    ],
)
def test_hate_classes(rule: str, text: str) -> None:
    assert rule in acting(text, "hate.")


@pytest.mark.parametrize(
    "text",
    [
        # Masked swearing is not a masked slur.
        "what a piece of s**t",
        "f*** this printer",
        "p*tain de bouchons",
        "c'est de la m*rde",
        # Not a group denied: people who do something.
        "les migrants c'est pas des gens qui partent par plaisir",
        # Kitchens, fires and camps without a group.
        "ces tomates sont bonnes à la cuisine du midi",
        "on a fait un feu de camp au bord du lac",
        "a woman is worth listening to",
        # PD as a police department, fag as a cigarette.
        "PD is asking people to avoid the bridge",
        "the local PD said the road is closed",
        "city PD confirmed nobody was hurt",
        "going out for a quick fag break",
        "he rolled a fag outside the pub",
        # A parenthesised aside.
        "the bankers (as always) win",
        # Costumes, belongings and kitchens without a group.
        "mon père en perruque pour le carnaval",
        "surveillez vos sacs dans le métro, il y a des pickpockets",
        "les migrants sont victimes de passeurs criminels",
        "un juif de mes amis a prêté de l'argent à l'asso",
        "les femmes sont sous-payées, c'est un scandale",
        "the chinese restaurants are taking over my diet",
        "la cuisine c'est fait pour les gens patients",
        # Ordinary senses of ambiguous slurs.
        "on a fait la bamboula jusqu'à l'aube",
        "les macaques du zoo étaient adorables",
        "je suis au trav jusqu'à 18h",
        "en 1488 il n'y avait pas d'imprimerie ici",
        "la facture fait 1488 euros",
        # A costume.
        "un mec en robe au carnaval de Dunkerque, c'est la tradition",
        "my dad wore a dress for the panto",
    ],
)
def test_hate_negatives(text: str) -> None:
    assert acting(text, "hate.") == []


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("hate.homophobic", "t'es qu'un PD"),
        ("hate.homophobic", "sale pd"),
        ("hate.homophobic", "les pd sont des malades"),
        ("hate.homophobic", "you fucking fag"),
        ("hate.racist", "sale bamboula"),
        ("hate.antitrans", "t'es qu'un mec en robe"),
    ],
)
def test_the_slur_sense_still_acts(rule: str, text: str) -> None:
    assert rule in acting(text, "hate.")


# --- Threats -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm gonna kill you, you took my kill again",
        "i'll kill you next round, no respawn for you",
        "je vais te défoncer à la prochaine partie",
        "i'm gonna kill you 💀",
        "je sais où t'habites 😂 on est voisins",
        "je sais où tu habites mdr",
    ],
)
def test_game_and_laughter_lower_a_threat(text: str) -> None:
    assert acting(text, "threat") == []


@pytest.mark.parametrize(
    "text",
    [
        "i'm gonna kill you",
        "je sais où tu habites",
        "je vais te défoncer",
        "je sais ou t'habites",
        # Aimed at someone: a pronoun, a relative, a third person with a verb of killing.
        "je vais te retrouver",
        "je vais te retrouver à la sortie",
        "je vais lui casser la gueule",
        "je vais le buter ce bâtard",
        "je vais défoncer ta famille",
        "je vais niquer ta mère",
        "tu vas me le payer",
        "tu vas payer pour ça",
        "t'es mort",
        # Other blows, a condition, the family or the property as the target.
        "je vais te péter les genoux",
        "si je te croise je te démonte",
        "if i see you again i'll smash your face",
        "ta famille va payer",
        "your kids are going to suffer",
        "je vais brûler ta voiture",
        "I'm going to hunt you down",
        "I'll make you pay for this",
        "tu vas finir six pieds sous terre",
    ],
)
def test_a_threat_said_straight_acts(text: str) -> None:
    assert fired(text)["threat"].score >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        # The same verbs with no one to harm.
        "je vais retrouver mes clés",
        "je vais tuer le temps avec une série",
        "je vais exploser mon record demain",
        "je vais frapper à la porte du voisin",
        # A meeting place or something found for the other.
        "je vais te retrouver à la gare vers 18h",
        "on va te retrouver au resto",
        "je vais te trouver un bon plombier",
        "i'm gonna find you a seat",
        # Dying of laughter, paying the bill, a concert not to miss, a match to win.
        "tu vas mourir de rire",
        "t'es mort de fatigue ou quoi",
        "tu vas payer combien pour le resto ?",
        "you'll regret it if you miss this show",
        "tu vas le regretter si tu viens pas",
        "je vais te défoncer au tennis samedi",
        "i'll destroy you at chess",
        # "Take care", and looking someone up.
        "rentre bien, fais gaffe à toi",
        "i'm gonna find you on insta later",
        "je connais ton adresse, je t'envoie le colis demain",
        "si je te croise je te fais un bisou",
        "i'll get you a coffee",
        "your family will pay less with this plan",
        "ta famille va payer le resto ?",
    ],
)
def test_ordinary_senses_do_not_act(text: str) -> None:
    assert acting(text, "threat") == []


# --- Paid sex ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("sex.price", "150 roses la nuit"),
        ("sex.price", "200 roses, pas de négo"),
        # Recruiting for the trade.
        ("escort.offer", "on recrute des filles majeures et jolies, 1500€ la semaine"),
        ("escort.offer", "agence recrute jeunes femmes 18-25 ans pour soirées"),
        ("escort.offer", "now hiring young women 18+ for private events"),
        ("escort.offer", "tu accompagnes des messieurs aisés, je m'occupe du reste"),
        ("escort.offer", "looking for girls to entertain wealthy men"),
        ("escort.offer", "je trouve les clients, je prends 30% et tu as l'appart"),
        ("escort.offer", "we find the clients, you keep 60%, we take our cut"),
        # Sugar arrangements and allowances.
        ("escort.offer", "je propose un arrangement sugar discret"),
        ("escort.offer", "sugar relationship, generous"),
        ("escort.offer", "1200 par mois d'allocation, tu choisis les dates"),
        ("escort.offer", "allowance of 2000 a month for two dinners a week at the hotel"),
        # Massages with more.
        ("escort.offer", "massage à domicile et plus si affinités"),
        ("escort.offer", "masseur sensuel pour dames"),
        ("escort.offer", "sensual massage tonight"),
        ("escort.offer", "dîners, voyages et + si affinités, rémunéré bien sûr"),
        ("escort.offer", "200 euros la soirée et plus si affinités"),
        ("escort.offer", "an allowance of $3k a month, discreet"),
        ("escort.offer", "je cherche une relation mutuellement avantageuse"),
        ("escort.offer", "seeking a mutually beneficial relationship"),
        ("escort.offer", "dispo pour des plans rému ce soir"),
        # A trick, or paying for the night.
        ("sex.price", "t'as des dispos pour une passe ce soir ?"),
        ("sex.price", "combien pour une fellation ?"),
        # The hotel as the place of the meeting, not the thing priced.
        ("sex.price", "c'est combien la nuit ? je suis à l'hôtel Ibis"),
        ("sex.price", "150 l'heure, à l'hôtel ou chez toi"),
        ("escort.offer", "je te paie 200 si tu passes la nuit avec moi"),
        ("escort.offer", "je cherche une fille pour la nuit, je paie bien"),
        ("escort.offer", "I'll pay you $300 to spend the night"),
        # Coded money asked for a length of time.
        ("sex.price", "combien de roses pour la nuit ?"),
        ("sex.price", "c'est combien de cadeaux l'heure"),
        ("sex.price", "how many roses for an hour?"),
    ],
)
def test_paid_sex_classes(rule: str, text: str) -> None:
    assert fired(text, PRIVATE)[rule].score >= ACTS


@pytest.mark.parametrize(
    "text",
    [
        # Roses that grow or are offered.
        "12 roses sur un seul pied cette année",
        "un bouquet de 50 roses rouges pour la Saint-Valentin",
        "j'ai planté 40 roses le long du mur",
        "he sent her a dozen roses, 36 roses actually",
        # A tradesman's rates.
        "la main d'oeuvre c'est 60€ de l'heure plus le déplacement",
        "devis : 45 euros de l'heure, hors taxes",
        "labour is 50 an hour, the call-out fee is extra",
        # Recruiting and massages that are jobs or sport.
        "le club recrute des filles de 12 à 15 ans pour l'équipe de hand",
        "on recrute des serveuses motivées pour l'été",
        "je cherche un massage pour mon dos, kiné ou ostéo",
        "rencontre amicale et plus si affinités, j'aime la rando",
        "my weekly allowance was 10 dollars as a kid",
        "j'accompagne mes parents chez le médecin",
        # A lodging, a profession or a pet named with the price of the night or the hour.
        "120€ la nuit à l'hôtel, petit déjeuner compris",
        "c'est combien la nuit au camping ?",
        "le prof particulier demande 30€ l'heure",
        "le forfait c'est 100 la nuit pour garder ton chien",
        "il m'a offert 50 roses pour nos noces d'or",
        "mes tarifs de traduction sont sur mon site",
        # A host, a generous relative, a free museum, a frank conversation.
        "je reçois chez moi samedi pour l'anniversaire de Léo",
        "mon grand-père est un monsieur généreux",
        "c'est pas gratuit le musée ?",
        "sans tabou, on parle de tout dans ce salon",
        "je me déplace à Lyon demain pour le boulot",
        "rencontre discrète entre parents d'élèves pour préparer la surprise",
        "combien de bisous tu veux ?",
        "belle passe décisive de Mbappé",
        "je te paie un verre si tu passes ce soir",
        "combien de roses dans ton jardin ?",
        "un plan remix de la chanson",
    ],
)
def test_paid_sex_negatives(text: str) -> None:
    assert acting(text, "sex.", PRIVATE) == []
    assert acting(text, "escort.", PRIVATE) == []


def test_hot_water_is_not_the_trade() -> None:
    context = MessageContext(
        Setting.PRIVATE,
        34,
        False,
        recipient_age=58,
        recipient_minor=False,
        recent=("le ballon d'eau chaude fait un bruit bizarre",),
    )
    assert acting("je passe demain, c'est 50€ de l'heure", "sex.", context) == []
    assert acting("je passe ce soir, c'est 150 l'heure, chaude", "sex.", context) != []


# --- Spam and scams ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        # Links spelled with spaces around the dot.
        ("scam.phishing", "go to win-prize . com now"),
        ("scam.phishing", "tinyurl . com / abc"),
        ("scam.phishing", "rendez-vous sur mon-colis-suivi . fr"),
        # Bank and account scares.
        ("scam.phishing", "Your account is temporarily suspended"),
        ("scam.phishing", "your account was permanently restricted, verify now"),
        ("scam.phishing", "please confirm your card details to continue"),
        ("scam.phishing", "read me the code you will receive"),
        ("scam.phishing", "Failure to confirm will result in suspension."),
        ("scam.phishing", "donnez-moi le code reçu par SMS"),
        ("scam.phishing", "transmettez-lui le code de sécurité"),
        ("scam.phishing", "Si vous n'êtes pas à l'origine de cette opération, cliquez ici"),
        ("scam.phishing", "If this wasn't you, secure your account now"),
        ("scam.phishing", "a new login was detected on your account"),
        # Trading signals and money multiplied in a story.
        ("scam.crypto", "rejoins nos signaux VIP, 90% de réussite"),
        ("scam.crypto", "premium signals, 87% win rate"),
        ("scam.crypto", "my cousin turned $300 into $9k in a month"),
        ("scam.crypto", "il a transformé 200€ en 5000€ avec le bot"),
        # Cam sites.
        ("scam.webcam", "i'm live right now on my webcam"),
        ("scam.webcam", "just sign up with your credit card, nothing charged"),
        ("scam.webcam", "inscris-toi avec ta carte, c'est juste pour l'âge"),
        ("scam.webcam", "je m'ennuie seule devant ma webcam"),
        ("scam.webcam", "come watch me live on my page"),
        # Refunds that need a card, and loans from a private lender.
        ("scam.phishing", "une indemnisation de 240€ vous attend"),
        ("scam.phishing", "préparez votre carte bleue pour recevoir le remboursement"),
        ("scam.phishing", "we need your card to receive the refund"),
        ("scam.phishing", "vous avez droit à un avoir, saisissez vos données ici"),
        ("scam.phishing", "particulier sérieux propose des crédits rapides"),
        ("scam.phishing", "prêts de 5 000 € à 200 000 € au taux de 3 %"),
        ("scam.phishing", "your Amazon payment failed, update card here"),
        ("scam.crypto", "signaux trading gratuits chaque matin"),
        ("scam.crypto", "made x20 in 3 days with this coin"),
        # Recovery scams, sure bets, documents and deliveries to renew on a site.
        ("scam.crypto", "I can help you recover your lost crypto"),
        ("scam.crypto", "on peut récupérer votre argent perdu en 48h"),
        ("scam.crypto", "just send 0.05 btc as a fee"),
        ("scam.crypto", "mes paris sont gagnants à coup sûr"),
        ("scam.phishing", "Your PayPal account has been limited, log in to restore access"),
        ("scam.phishing", "votre carte vitale expire, renouvelez-la sur ce site"),
        ("scam.phishing", "votre livraison est suspendue, confirmez l'adresse ici"),
        ("scam.webcam", "dispo pour des lives privés ce soir"),
        ("spam.link", "-60% aujourd'hui seulement 👉 promos-folles.shop"),
        ("scam.crypto", 'earn $300 daily from your phone, DM me "START"'),
        ("scam.phishing", "j'offre 500 followers gratuits, clique vite"),
    ],
)
def test_spam_classes(rule: str, text: str) -> None:
    assert fired(text, PRIVATE)[rule].score >= ACTS


@pytest.mark.parametrize(
    "text",
    [
        # A scam message received and reported, in its own words.
        "je viens de recevoir un sms 'votre colis est bloqué, payez 2€'",
        "j'ai reçu un mail bizarre : votre compte sera suspendu",
        "I just got a text saying my account is locked",
        "my mum received an email saying she'd won an iPhone",
        # Dots and spaces in ordinary sentences.
        "j'ai fini . me voilà",
        "the code for the gate is on the fridge",
        "If this was you, ignore it",
        "my payment failed, I'll try again tomorrow",
        "ma banque m'a accordé un prêt de 15000€ à 2%",
        # One's pay told as a fact; one's own account; a worry about crypto.
        "je gagne 1800 euros par mois, c'est juste",
        "he makes 4000 a month as a nurse",
        "mon compte a été suspendu sur un jeu, je sais pas pourquoi",
        "mon fils veut investir en crypto, c'est risqué non ?",
        "le remboursement de la sécu met deux semaines",
        # A scam going round, warned about.
        "y a un sms qui tourne 'votre colis est bloqué', c'est du phishing",
        "there's a text going round saying your account is locked",
        "ma carte vitale expire en mars, je dois la refaire",
        "clique sur le lien du drive pour les photos du mariage",
    ],
)
def test_spam_negatives(text: str) -> None:
    assert acting(text, "scam.", PRIVATE) == []


def test_one_letter_invite_links_count() -> None:
    assert fired("join us t.me/+cryptogroup", ROOM)["spam.link"].score >= ACTS
    assert "spam.link" not in fired("c'est a.me de voir", ROOM)


def test_free_with_one_link_acts_only_after_earlier_links() -> None:
    text = "entrée gratuite samedi, infos sur le site mairie-quimper.fr"
    first = MessageContext(Setting.ROOM, 40, False, recent_from_sender=("bonjour à tous",))
    again = MessageContext(
        Setting.ROOM,
        40,
        False,
        recent_from_sender=("promo sur promo-deals.shop", "voir deals-fous.xyz"),
    )
    assert fired(text, first)["spam.link"].score < ACTS
    assert fired(text, again)["spam.link"].score >= ACTS
    # An invitation to click or join still makes one link an advert.
    assert fired("clique ici promo-deals.shop", first)["spam.link"].score >= ACTS
    # So do a hand pointing at it, or a link whose path asks to join or claim.
    assert fired("webcam gratuite 👉 cams-locales.xyz", first)["spam.link"].score >= ACTS
    assert fired("it's free babe, cams-locales.live/join", first)["spam.link"].score >= ACTS


@pytest.mark.parametrize(
    "text",
    [
        "je gagne 1500 €/mois en 2h par jour grâce à une marque",
        "je gagne 300€ par jour depuis mon tel",
        "investis en crypto, zéro risque, rendement garanti",
        "votre compte risque d'être suspendu, vérifiez-le",
    ],
)
def test_testimonials_and_denied_risks_still_act(text: str) -> None:
    assert acting(text, "scam.", PRIVATE) != []


def test_a_shared_profile_is_a_lure_only_with_its_promise() -> None:
    assert acting("check my profile for my portfolio", "scam.", PRIVATE) == []
    assert acting("check my profile to see more 😘", "scam.", PRIVATE) != []


def test_a_spelled_email_is_not_a_spelled_link() -> None:
    assert "scam.phishing" not in fired("mon mail c'est jean.dupont @ gmail . com", PRIVATE)
