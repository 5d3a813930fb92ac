"""An official body's credential grab: someone speaking as a bank, a health insurer, a wallet
or this site's own moderators, who threatens an account, sets a deadline and asks for a
credential or sends to a look-alike domain.

Each part alone is ordinary: a bank named, "avant vendredi", a card that expires, even "ton
mot de passe" among friends. The grab is three parts from the same sender, in this line or
the last five, one of them the ask itself (a password, a texted code, the wallet's words, the
card) or a link whose name borrows the body's ("ameli-remboursement-...", "...-walletsync").
A line that says "jamais" or "never" gives no part: that is the warning, not the grab.
``spam.py`` runs these with its own rules, so a grab described or mocked stays silent.
"""

from __future__ import annotations

import re
from functools import lru_cache

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import RuleSet, Screen, rule
from causette.safety.detectors.spam_links import found
from causette.safety.normalize import Normalized

_DAY = (
    r"(?:ce soir|demain|minuit|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la fin du mois|"
    r"tonight|tomorrow|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)

# Who the sender speaks as: a bank, an insurer or an office, a wallet, a platform's team.
_BODY = (
    r"\b(?:credit agricole|bnp(?: paribas)?|societe generale|banque postale|lcl|caisse d'?epargne|"
    r"credit mutuel|boursorama|revolut|paypal|ameli|assurance maladie|cpam|carte vitale|cartes vitales?|"
    r"caf|impots|tresor public|france travail|pole emploi|antai|colissimo|chronopost|royal mail|hmrc|"
    r"netflix|metamask|ledger|trust ?wallet|coinbase|binance|"
    r"(?:equipe|service|cellule|pole|departement) (?:de |du |des |d')?(?:la )?(?:moderation|securite|"
    r"support|conformite|verification|fraudes?)|moderation (?:de |du )?causette|causette (?:team|"
    r"moderation|support)|(?:security|moderation|support|compliance|verification) (?:team|department|"
    r"desk)|trust and safety)\b"
)
# What will happen to the account, or what is owed: the threat or the bait of a refund.
_THREAT = (
    r"\b(?:comptes?|profils?|cartes?|wallets?|portefeuilles?|acces|accounts?|cards?|profiles?|"
    r"abonnements?|il|elle|it|they) (?:\w+ ){0,3}?(?:sera|seront|va etre|vont etre|risque d'?etre|"
    r"will be|get|gets|are being|is being|will get) (?:\w+ )?(?:suspendu|desactive|bloque|gele|supprime|"
    r"ferme|resilie|frozen|suspended|locked|disabled|deleted|closed|deactivated|banned)e?s?\b|"
    r"\b(?:operation|transaction|paiement|achat|prelevement|connexion|payment|purchase|login)s? "
    r"(?:\w+ ){0,5}?(?:a ete |ont ete |was |has been |were )?(?:detecte|signale|bloque|detected|"
    r"flagged|blocked)e?s?\b|"
    r"\b(?:doivent|doit|must|needs? to) (?:etre |be )?(?:renouvele|mise? a jour|revalide|valide|"
    r"verifie|renewed|re-?validated|validated|verified|updated)e?s?\b|"
    r"\bne (?:marchera|fonctionnera|sera) plus (?:valable|active|utilisable)?|"
    r"\bwill (?:stop working|no longer work)\b|"
    r"\b(?:fait|a fait) l'?objet (?:de |d')(?:\w+ )?signalements?\b|"
    r"\bunvalidated\b|\bnon (?:valides?|verifies?) (?:seront|will)\b|"
    r"\b(?:remboursements?|trop[- ]percus?|indemnisation|refunds?) (?:\w+ ){0,2}?(?:oublies?|en attente|"
    r"non reclames?|unclaimed|pending|owed)\b|\btrop[- ]percus?\b"
)
# The clock the sender sets.
_DEADLINE = (
    rf"\b(?:sous|dans|within|in the next) \d{{1,3}} ?(?:minutes|min|heures|h|hours)\b|"
    rf"\b(?:avant|d'?ici|jusqu'?a|before|by|until) (?:le \d{{1,2}}\b|{_DAY})|"
    r"\b(?:ce soir|tonight) a minuit\b|\bderniers? jours?\b|\blast days?\b|"
    r"\bpasse ce delai\b|\bafter (?:this|the) deadline\b|\bvas-y vite\b|\bhurry\b"
)
# The ask itself: a credential of the listener's.
_CREDENTIAL = (
    r"\b(?:ton|ta|tes|votre|vos|your|ur|le|la|the) (?:code (?:\w+ )?(?:securipass|sms|secret|de "
    r"securite|de validation|recu|confidentiel|pin)|securipass|mot de passe|mdp|password|identifiants?|"
    r"(?:12|24|douze|vingt-quatre)[- ]?(?:words?|mots)|seed(?: phrase)?|phrase (?:secrete|de "
    r"recuperation|seed)|recovery phrase|secret phrase|numero de (?:secu|securite sociale|carte)|"
    r"carte (?:bancaire|bleue)|rib|iban|cvv|cryptogramme|piece d'?identite|card (?:number|details)|"
    r"bank details)\b"
)
_PARTS = (_BODY, _THREAT, _DEADLINE, _CREDENTIAL)
_SCREEN = Screen({p: re.compile(p) for p in _PARTS})
_LOOKALIKE = "lookalike"  # the part a borrowed link name makes

# A line that warns: "l'Assurance maladie fait jamais payer", "never give your seed phrase".
_WARNING = re.compile(
    r"\b(?:jamais|never|arnaques?|scams?|phishing|hameconnage)\b|"
    r"\bne (?:\w+ )?(?:donne|clique|communique|envoie|reponds)\w* (?:pas|rien)\b|"
    r"\b(?:don'?t|do not) (?:give|click|send|share|enter|reply)\b"
)

# The words a look-alike domain borrows: a body's name, or the errand it pretends to run.
_BORROWED = frozenset(
    [
        "ameli",
        "vitale",
        "caf",
        "impots",
        "gouv",
        "banque",
        "bank",
        "bnp",
        "ca",
        "lcl",
        "sg",
        "paypal",
        "netflix",
        "metamask",
        "wallet",
        "ledger",
        "binance",
        "coinbase",
        "causette",
        "poste",
        "laposte",
        "colissimo",
        "chronopost",
        "antai",
        "secu",
        "securite",
        "secure",
        "verif",
        "verification",
        "validation",
        "annulation",
        "cancel",
        "remboursement",
        "refund",
        "renouv",
        "renouvellement",
        "sync",
        "walletsync",
        "support",
        "login",
        "client",
        "clients",
        "assure",
        "account",
        "compte",
        "moderation",
        "officiel",
        "official",
        "contestation",
        "dossier",
    ]
)
_PIECES = re.compile(r"[-.]")


def _borrowed(link: str) -> bool:
    """Whether a link's host is hyphenated and borrows an official body's words."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link).split("/", 1)[0]
    if "-" not in host:
        return False
    pieces = _PIECES.split(host)[:-1]  # the suffix is no piece of the name
    return any(
        piece in _BORROWED or piece.startswith(("renouv", "verif", "rembours", "secur"))
        for piece in pieces
    )


# A hyphenated host with a piece a body's name could be: what wakes the rule for a look-alike
# domain (``_borrowed`` decides), rather than any hyphen, which most French lines have.
_SHORT_PIECES = sorted(piece for piece in _BORROWED if len(piece) < 3)
_BORROWING_ANCHORS = (
    *sorted(p for p in _BORROWED if len(p) >= 3),
    *(f"{p}-" for p in _SHORT_PIECES),
    *(f"-{p}." for p in _SHORT_PIECES),
    *(f".{p}." for p in _SHORT_PIECES),
    *("renouv", "verif", "rembours", "secur"),
)
_BORROWING_HOST = (
    r"\b(?=[a-z0-9.-]{0,60}?(?:"
    + "|".join(re.escape(a) for a in sorted(_BORROWING_ANCHORS, key=len, reverse=True))
    + r"))[a-z0-9][a-z0-9-]*-[a-z0-9-]*\.[a-z]{2,}"
)


@lru_cache(maxsize=1024)
def _parts(text: str) -> frozenset[str]:
    """The grab's parts a folded line holds; none in a line that warns."""
    if _WARNING.search(text):
        return frozenset()
    parts = set(_SCREEN.search(text))
    if "-" in text and any(_borrowed(link) for link in found(text)):
        parts.add(_LOOKALIKE)
    return frozenset(parts)


def _grab(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    """Three parts in this line or the sender's last five, one the ask or the borrowed link."""
    seen: set[str] = set()
    for text in (norm.folded.text, *map(folded, context.recent_from_sender[-5:])):
        seen.update(_parts(text))
    if len(seen) >= 3 and (_CREDENTIAL in seen or _LOOKALIKE in seen):
        return ("scam.phishing", 0.8)
    return None


RULES = RuleSet(
    [
        # A stranger who introduces themselves as calling from the listener's own bank: on a
        # chat site, no bank does ("ici Julien du service fraude de votre banque").
        rule(
            "scam.phishing",
            0.75,
            r"\b(?:ici|je suis|c'?est|this is|i'?m|i am|my name is|je m'?appelle) [a-z]+(?: [a-z]+)?,? "
            r"(?:du|de la|de l'|from|with|of) (?:(?:service|departement|cellule|equipe|pole|team|department|"
            r"fraud|security) (?:\w+ ){0,2}(?:de |d'|of |at )?)?(?:votre|ta|ton|your|ur) "
            r"(?:banque|bank|bank's|banque en ligne)\b",
            "banque",
            "bank",
        ),
        rule(
            "scam.phishing",
            0.8,
            "|".join((_BODY, _THREAT, _CREDENTIAL, _BORROWING_HOST)),
            *("agricole", "bnp", "generale", "postale", "lcl", "epargne", "mutuel", "boursorama"),
            *("revolut", "paypal", "ameli", "maladie", "cpam", "vitale", "caf", "impots"),
            *("tresor", "travail", "emploi", "antai", "colissimo", "chronopost", "royal mail"),
            *("hmrc", "netflix", "metamask", "ledger", "wallet", "coinbase", "binance"),
            *("moderation", "securite", "support", "conformite", "verification", "fraud"),
            *("causette", "security", "compliance", "trust and", "suspendu", "desactive"),
            *("bloque", "gele", "supprime", "ferme", "resilie", "frozen", "suspended", "locked"),
            *("disabled", "deleted", "closed", "deactivated", "banned", "detecte", "signale"),
            *("detected", "flagged", "blocked", "renouvele", "a jour", "valide", "verifie"),
            *("renewed", "validated", "verified", "updated", "marchera", "fonctionnera"),
            *("stop working", "no longer", "objet", "rembours", "percu", "indemnisation"),
            *("refund", "code", "securipass", "mot de passe", "mdp", "password", "identifiant"),
            *("word", "mots", "seed", "phrase", "numero", "carte", "rib", "iban", "cvv"),
            *("cryptogramme", "identite", "card", "bank"),
            *_BORROWING_ANCHORS,
            judge=_grab,
            once=True,
        ),
    ]
)
