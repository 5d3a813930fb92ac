"""Sextortion told over several lines: "I recorded you", then the contacts, the bitcoin and
the clock.

The mass "webcam" blackmail is a set of parts: a recording of the other claimed (through the
camera, while on certain sites, a device accessed), the exposure threatened (sent to the
contacts, the family, the colleagues), the ransom (bitcoin, a wallet, an amount), the
deadline (48 hours, the timer, "once paid I delete everything") and the isolation (no
police, "I'll know"). A claim or an exposure with a ransom, a deadline or the isolation, in
this line or the sender's last five, is the blackmail. Told about ("j'ai reçu un mail qui
disait qu'on m'avait filmé") it is a victim's report, not a threat. ``threat.py`` emits it.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Screen
from causette.safety.detectors.schemes import received
from causette.safety.normalize import Normalized

_CASH = r"(?:[$€£] ?\d[\d.,]*k?|\d[\d.,]*k? ?(?:€|\$|£|euros?|dollars?|usd|eur))"

_RECORDED = (
    r"\b(?:recorded|filmed|captured|taped) (?:you|u|a video of you|videos? of you)\b|"
    r"\bi (?:have|got|gained|had) (?:full |remote )?(?:access to|control of|into) (?:your|ur) (?:device|"
    r"camera|webcam|computer|phone|pc|laptop|accounts?|e-?mail)\b|"
    r"\bthrough (?:your|ur) (?:camera|webcam|cam)\b|\b(?:a |the )?(?:video|recording|footage) of (?:you|u) "
    r"(?:while|doing|on|watching)\b|\bwhile (?:you|u) were (?:on|watching|visiting) (?:certain|adult|porn|"
    r"those|some)\b|"
    r"\b(?:je t'?ai|je vous ai|on t'?a|on vous a) (?:filme|enregistre)e?s?\b|"
    r"\bj'?ai (?:une |des |la |les )?(?:video|videos|enregistrement|enregistrements|images) de (?:toi|vous)\b|"
    r"\bj'?ai (?:acces a|pirate|hacke|pris le controle de) (?:ton|votre|ta|tes|vos) (?:appareil|ordinateur|"
    r"ordi|telephone|tel|webcam|camera|pc|compte|comptes|boite mail|mails)\b|"
    r"\b(?:via|par|avec|a travers) (?:ta|votre) (?:webcam|camera)\b|"
    r"\bpendant que (?:tu|vous) (?:etais|etiez|regardais|regardiez) (?:sur )?(?:des|certains) (?:sites|videos)\b"
)
_EXPOSED = (
    r"\b(?:send|share|forward|leak|post|goes|go|will go|sent|release|be sent)\b[^.!?\n]{0,30}\bto (?:all |"
    r"each )?(?:of )?(?:your|ur) (?:contacts|family|friends|colleagues|coworkers|co-workers|boss|followers|"
    r"wife|husband|parents)\b|\b(?:your|ur) (?:contact list|contacts list|address book)\b|"
    r"\b(?:envoi|envoie|enverrai|balance|diffuse|partage|transmet|publie|part|ira|iront)\w*\b[^.!?\n]{0,30}"
    r"\ba (?:tous |toutes )?(?:tes|vos|ta|votre|ton) (?:contacts|proches|amis|collegues|parents|famille|"
    r"entourage|patron|femme|mari|abonnes)\b|\b(?:ta|votre) liste de contacts\b|\btous (?:tes|vos) contacts\b"
)
_RANSOM = (
    r"\b(?:bitcoins?|btc|monero|xmr|usdt)\b|\b(?:crypto )?wallet ?:|\bbc1[a-z0-9-]{6,}|"
    rf"\b(?:send|pay|payer|paie|paye|payez|envoie|envoyez|verse|versez|transfer)\w* (?:me )?{_CASH}"
)
_CLOCK = (
    r"\b(?:within|in|under|sous|dans les|d'?ici|en|dans) (?:\d{1,3}|twenty-four|forty-eight|vingt-quatre|"
    r"quarante-huit) ?(?:h|hrs?|hours?|heures?|jours?|days?)\b|"
    r"\btimer (?:has started|is running|starts)\b|\b(?:compte a rebours|chrono) (?:a commence|est lance|tourne)\b|"
    r"\bonce (?:paid|you pay|the payment)\b|\bune fois (?:paye|le paiement|que (?:tu|vous) (?:as|avez) paye)\b|"
    r"\b(?:i|je) (?:will |vais )?(?:delete|supprime|efface|supprimer|effacer)\w* (?:everything|it all|tout|"
    r"la video|the video)\b"
)
_ALONE = (
    r"\b(?:don'?t|do not|dont) (?:contact|call|tell|go to|involve) (?:the )?(?:police|cops|anyone|"
    r"authorities)\b|\b(?:contacte|previens|appelle|contacter|prevenir|appeler)[sz]? (?:pas |jamais )?(?:la "
    r"police|les flics|les gendarmes|personne)\b|\bi(?:'ll| will) know\b|\bje le saurai\b|"
    r"\bi know (?:your|ur) password\b|\bje (?:connais|sais) ton mot de passe\b"
)
WAKING = "|".join((_RECORDED, _EXPOSED, _RANSOM))
WAKING_ANCHORS = (
    *("recorded", "filmed", "captured", "taped", "access", "control", "through", "video"),
    *("recording", "footage", "while", "filme", "enregistre", "images", "pirate", "hacke"),
    *("controle", "webcam", "camera", "pendant que", "contact", "family", "friends", "colleague"),
    *("coworker", "co-worker", "boss", "followers", "wife", "husband", "parents", "address book"),
    *("proches", "amis", "collegues", "famille", "entourage", "patron", "femme", "mari", "abonnes"),
    *("bitcoin", "btc", "monero", "xmr", "usdt", "wallet", "bc1", "send", "pay", "envoie"),
    *("envoyez", "verse", "transfer", "paie", "paye"),
)

_CLAIMS = (_RECORDED, _EXPOSED)
_DEMANDS = (_RANSOM, _CLOCK, _ALONE)
_SCREEN = Screen({p: re.compile(p) for p in (*_CLAIMS, *_DEMANDS)})

# The blackmail named as such is told about: a blackmailer does not call his mail a scam.
_NAMED = re.compile(
    r"\b(?:arnaques?|scams?|spams?|phishing|fake|faux mails?|chantage|sextortion|sextorsion|blackmail\w*|"
    r"pharos|cybermalveillance|escroc\w*)\b"
)


def extorted(norm: Normalized, context: MessageContext) -> bool:
    """Whether this line, with the sender's last five, holds a claim and a demand."""
    text = norm.folded.text
    before = [folded(t) for t in context.recent_from_sender[-5:]]
    if _NAMED.search(text) or received(text) or any(received(t) for t in before[-3:]):
        return False
    seen: set[str] = set()
    for said in (text, *before):
        seen.update(_SCREEN.search(said))
    return not seen.isdisjoint(_CLAIMS) and not seen.isdisjoint(_DEMANDS)
