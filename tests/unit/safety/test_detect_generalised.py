"""Families of wordings rather than phrases: ambush set-ups, threats to expose someone, bought
audiences and get-rich schemes, with the ordinary lines that look like them."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting, Signal

PRIVATE = MessageContext(Setting.PRIVATE, 30, False, recipient_age=31, recipient_minor=False)
ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)


def fired(text: str, context: MessageContext = PRIVATE) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


# (rule, lowest score it must reach, text): the scores that make the policy act alone.
ACTING = [
    # The place given only once it is too late to check it or to tell anyone.
    ("meet.isolated", 0.6, "je te donne l'endroit exact une fois que t'es descendu du bus"),
    ("meet.isolated", 0.6, "je t'enverrai la localisation vers 23h, pas avant"),
    ("meet.isolated", 0.6, "je préfère te le dire au dernier moment"),
    ("meet.isolated", 0.6, "I'll text you the address once you're in the cab"),
    ("meet.isolated", 0.6, "head down to the canal and wait there"),
    ("meet.isolated", 0.6, "call me from the bus stop, I'll tell you where to go"),
    ("meet.isolated", 0.6, "I'll drop a pin once you're out of the metro"),
    ("meet.isolated", 0.6, "dernier niveau du parking Indigo, personne n'y va le dimanche"),
    ("meet.isolated", 0.6, "do not bring your phone, you won't need it"),
    # Nobody told, no way back.
    ("meet.isolated", 0.6, "pas la peine de prévenir tes potes, c'est entre nous"),
    ("meet.isolated", 0.6, "you don't have to tell anybody, it's just a chat"),
    # Friends already waiting.
    ("meet.isolated", 0.6, "on t'attend avec deux gars à moi, t'inquiète"),
    ("meet.isolated", 0.6, "my mates will be waiting by the gate"),
    # Places where no one sees.
    ("meet.isolated", 0.6, "it's in a derelict house past the station"),
    ("meet.isolated", 0.6, "pull into the lay-by on the A6, I'll be there"),
    ("meet.isolated", 0.6, "rendez-vous aux jardins familiaux, côté rivière"),
    ("meet.isolated", 0.6, "passe par la porte de derrière du gymnase"),
    ("meet.isolated", 0.6, "c'est l'appartement vide de ma tante, elle est partie"),
    ("meet.isolated", 0.6, "on se gare sur l'aire de repos après le péage"),
    # Someone's details told to them, or a threat to post them.
    ("doxx.threat", 0.6, "je sais où tu bosses, fais gaffe"),
    ("doxx.threat", 0.6, "on sait que tu habites au 4 rue des Tanneurs"),
    ("doxx.threat", 0.6, "tout le lycée va savoir qui t'es"),
    ("doxx.threat", 0.6, "je vais publier ton vrai nom sur le salon"),
    ("doxx.threat", 0.6, "I'm gonna leak your address to the whole server"),
    ("doxx.threat", 0.6, "the whole school will know where you sleep"),
    ("doxx.threat", 0.6, "on connaît ton adresse, fais gaffe"),
    ("doxx.threat", 0.6, "j'vais tout raconter à ta femme"),
    ("doxx.threat", 0.6, "I know where your kids go to school"),
    ("doxx.request", 0.6, "qui peut retrouver où elle bosse ?"),
    ("doxx.request", 0.6, "can anyone find her real name?"),
    ("doxx.phone", 0.6, "son portable c'est le 07 xx xx 12 40"),
    ("doxx.request", 0.6, "si vous voulez lui écrire, son snap est dans ma bio"),
    ("doxx.profile", 0.6, "found her insta, check it out"),
    ("doxx.address", 0.6, "il sort du taf tous les soirs vers 18h30 par la porte arrière"),
    ("doxx.phone", 0.6, "her number is on my screen, want it?"),
    ("doxx.profile", 0.6, "son insta c lea.dmc"),
    ("doxx.address", 0.6, "il se gare tous les soirs devant le 8 avenue Foch"),
    # Bought audiences and get-rich schemes.
    ("scam.followers", 0.6, "5k abonnés pour 20€ seulement, livraison rapide"),
    ("scam.followers", 0.6, "achetez des vues YouTube, vrais comptes"),
    ("scam.followers", 0.6, "selling 10k followers, dm me"),
    ("scam.followers", 0.6, "-30% sur les likes TikTok jusqu'à dimanche"),
    ("scam.crypto", 0.6, "earn cash from home with my method"),
    ("scam.crypto", 0.6, "gagnez de l'argent depuis chez vous, 2h par jour"),
    ("scam.crypto", 0.6, "copiez mes signaux et encaissez"),
    ("scam.crypto", 0.6, "tout est expliqué, lien en bio"),
    ("scam.crypto", 0.6, "envie d'arrondir vos fins de mois ? écrivez-moi"),
    ("scam.crypto", 0.6, "commentez GO en commentaire et je vous envoie tout"),
    ("scam.crypto", 0.6, "send me 'PLAN' to get the course"),
    ("scam.phishing", 0.6, "vente de comptes spotify premium à vie"),
    ("scam.crypto", 0.6, "vous voulez 500€ en 3 jours ? suivez le guide"),
    ("scam.crypto", 0.6, "abonnement VIP: pronos garantis tous les week-ends"),
    ("scam.phishing", 0.6, "prêt entre particuliers sans frais, contactez-moi"),
    ("scam.phishing", 0.6, "comptes Fortnite à vendre, skins rares"),
    # Money first, company after.
    ("escort.offer", 0.6, "300 par semaine contre quelques soirées avec moi"),
    ("escort.offer", 0.6, "200 euros in exchange for regular dates"),
    ("escort.offer", 0.6, "50 de plus si tu restes la nuit"),
    # Hate with the group in another spelling, or left implicit.
    ("hate.antisemitic", 0.6, "les feujs tiennent tous les médias"),
    ("hate.racist", 0.6, "kick all of them out of this country"),
    ("hate.racist", 0.6, "virez-les tous hors de France"),
]


@pytest.mark.parametrize(("rule", "least", "text"), ACTING)
def test_family_of_wordings_acts(rule: str, least: float, text: str) -> None:
    assert fired(text)[rule].score >= least


# Counted, not acted on alone: knowing who someone is, bringing money to a sale.
def test_weak_marks_count_but_do_not_act() -> None:
    assert 0.4 <= fired("je sais qui tu es, on était au même lycée")["doxx.threat"].score < 0.6
    assert 0.4 <= fired("ramène du liquide samedi pour le vélo")["meet.isolated"].score < 0.5
    assert 0.4 <= fired("mes cousins vont t'attendre en bas")["meet.isolated"].score < 0.6
    referral = "voici le numéro de son père, il répare les vélos"
    assert 0.4 <= fired(referral, ROOM)["doxx.phone"].score < 0.6


FAMILIES = ("meet.isolated", "doxx.", "scam.", "escort.", "hate.")
ORDINARY = [
    # Meetings between adults, sales in daylight, one's own details.
    "je t'envoie l'adresse du restaurant, c'est le 14 rue Nationale",
    "je te dis l'heure demain, j'attends le planning",
    "pas besoin de me dire merci",
    "I'll text you when I'm at the café",
    "laisse tomber, c'est pas grave",
    "on va au parc à vélo avec les enfants",
    "mon frère t'attend au café à 15h avec les clés",
    "chez elle, 5 rue des Acacias, 2e étage, on apporte le gâteau",
    "je vais partager ton article sur mon mur",
    "je sais que tu habites loin, c'est pas grave",
    "mon numéro c'est le 06 12 34 56 78, appelle-moi",
    "j'ai 2000 abonnés sur insta lol",
    "il a gagné plein de likes avec sa vidéo",
    "je travaille de chez moi le vendredi",
    "12 euros for some company t-shirts",
    "je te vends mon vélo 300 contre un paiement en liquide",
    "kick them out of the country club if they cheat at golf",
    "my jewish friend runs every marathon",
    "attendez-le, il arrive dans 5 minutes",
    "écris moi pour la soirée de samedi",
    "tape moi en mp si t'as des questions",
    "je connais ton école, j'y étais aussi !",
    "je vais dire à ta copine que t'es trop fort au foot",
    "quelqu'un peut trouver où est la soirée ?",
    "je fais du baby-sitting pour arrondir mes fins de mois",
    "viens à pied, c'est à 5 min du métro",
    "leave your car at home and take the night bus",
    "je t'envoie l'adresse quand je pars de chez moi",
    "I'll text you the address later",
    "t'as acheté des likes ou quoi mdr",
    "bien sûr, on sera plusieurs de toute façon",
    "j'ai trouvé son insta trop drôle, elle fait des recettes",
    "mes pronos pour le match de ce soir: 2-1 pour Lyon",
    "on a fait 300 km en 4 h",
    "call me when you're at the café, I'll come down",
    "on visite la carrière de Saint-Maximin avec le club samedi",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_lines_do_not_act(text: str) -> None:
    acting = {
        rule: signal.score
        for rule, signal in fired(text, ROOM).items()
        if signal.score >= 0.6 and rule.startswith(FAMILIES)
    }
    assert acting == {}


# Cues that mean an ambush only together, spread over the sender's last messages.
SPREAD = [
    ("c'est au 3e sous-sol du parking", "ramène du liquide"),
    ("the old railway bridge", "after midnight, nobody goes there"),
    ("viens au bout du chemin du cimetière", "personne passe là le soir"),
    ("rendez-vous derrière l'entrepôt", "viens à pied"),
    ("it's behind the old warehouse", "leave the car and walk there"),
    ("viens seul au parking du fond", "on sera plusieurs, t'inquiète"),
]


@pytest.mark.parametrize(("earlier", "text"), SPREAD)
def test_cues_over_several_messages_act(earlier: str, text: str) -> None:
    alone = fired(text).get("meet.isolated")
    assert alone is None or alone.score < 0.6
    context = MessageContext(
        Setting.PRIVATE, 30, False, 31, False, recent=(earlier,), recent_from_sender=(earlier,)
    )
    assert fired(text, context)["meet.isolated"].score >= 0.6


def test_one_place_alone_is_an_outing() -> None:
    assert "meet.isolated" not in fired("on se retrouve au cimetière pour l'enterrement de mamie")
