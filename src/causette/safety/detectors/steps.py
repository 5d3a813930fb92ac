"""Grooming steps and threats in more wordings, English alongside French.

The phrase rules list the commonest sentences; these state the same steps as structures: a
question about whether a parent is home (any parent, any verb of presence), which school
(any level), a child's day at school in the first person, "if you ... I'll post your
pictures" whatever the condition. The ids are those of the families they extend.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.age_judges import THEIR_CHILD
from causette.safety.detectors.age_speaker import not_pupil_now
from causette.safety.detectors.phrases import TES_PARENTS, TU_AS, TU_ES, about_kin
from causette.safety.detectors.rules import Rule, rule
from causette.safety.detectors.voice import secrecy_voice
from causette.safety.normalize import Normalized

_PARENT_EN = r"(?:mom|mum|mommy|mother|dad|daddy|father|parents?|folks|family|stepdad|stepmom)"
_LEVEL = (
    r"(?:primaire|college|lycee|cm1|cm2|6e|6eme|5e|5eme|4e|4eme|3e|3eme|seconde|2nde|premiere|"
    r"terminale|sixieme|cinquieme|quatrieme|troisieme)"
)
_PICTURES = (
    r"(?:photos?|pics?|nudes?|videos?|vids?|messages|msgs?|conv\w*|snaps?|screens?|captures?)"
)
_TEACHING = re.compile(
    r"\b(?:eleves|prof|profs|professeure?|enseign\w*|cpe|surveillante?|j'?y travaille|je bosse|"
    r"je travaille|reunion|parents d'?eleves|chercher|recuper\w*|depos\w*|surveill\w*|corrig\w*|"
    r"boulot|taf|job)\b"
)


def _own_school_day(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # A teacher leaving work or a parent picking a child up says the same words.
    if _TEACHING.search(norm.folded.text) or about_kin(norm, context):
        return None
    if not_pupil_now(norm, context):  # a teacher or a parent said so earlier, or a memory
        return None
    return ("age.disclosure", 0.75)


def _not_of_kin(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # "tu as quel âge ton fils ?": the age of the other's child, asked between parents.
    return None if THEIR_CHILD.search(norm.folded.text) else ("age.probe", 0.6)


RULES: list[Rule] = [
    # Is a parent there, when do they come back, whose phone is it.
    rule(
        "alone.check",
        0.75,
        rf"\b(?:is|are) (?:your|ur) {_PARENT_EN} (?:home|around|there|in|out|asleep|awake|at work|still at work|away|gone)\b|\b(?:what time|when) (?:does|do|will|did) (?:your|ur) {_PARENT_EN} (?:get|come|be|go) (?:back|home|to bed|to sleep|out)\b|\b(?:anyone|anybody|someone) (?:else )?(?:at|in) (?:your|ur) (?:house|place|room)\b",
        " mom",
        " mum",
        " dad",
        "mommy",
        "mother",
        "father",
        "parent",
        "folks",
        "family",
        "step",
        "anyone",
        "anybody",
        "someone",
    ),
    rule(
        "alone.check",
        0.6,
        r"\b(?:t'?as|tu as) (?:un|ton) (?:tel|telephone|portable|phone|ordi) (?:a toi|perso|rien qu'?a toi)\b(?![^.!?\n]{0,40}\b(?:boulot|taf|travail|pro|job|work|bureau)\b)|\bc'?est (?:le (?:tel|portable|telephone)|celui) de (?:ta mere|ta maman|ton pere|ton papa|tes parents|ta famille)\b|\bdo (?:you|u) have (?:your|ur) own (?:phone|laptop|computer)\b|\b(?:is|it'?s) (?:that|this) (?:your|ur) (?:mom'?s|mum'?s|dad'?s|parents'?) (?:phone|laptop)\b",
        "a toi",
        "perso",
        "celui de",
        "le tel de",
        "le portable de",
        "le telephone de",
        "own",
        "phone",
        "laptop",
    ),
    rule(
        "alone.check",
        0.75,
        rf"\b{TES_PARENTS} (?:\w+ ){{0,2}}?(?:rentre\w*|revien\w*|part\w*|fini\w*|bosse\w*|travaille\w*|dort|dorment|sort\w*)\b[^.!?\n]{{0,20}}\b(?:quelle heure|quand|a \d+ ?h|tard|ce soir|cette nuit)\b",
        "tes parents",
        "ta mere",
        "ta maman",
        "ta daronne",
        "ton pere",
        "ton papa",
        "ton daron",
        "tes darons",
        "ta famille",
        "ton beau",
        "ta belle",
        "tes vieux",
        "ton frere",
        "ta soeur",
        "tes rents",
        "tes reup",
        "tes remps",
        "ta reum",
        "ton reup",
    ),
    # Which school, which level.
    rule(
        "age.probe",
        0.7,
        rf"\b(?:which|what) (?:middle |high |elementary |primary |junior high )?school (?:do|d|did) (?:you|u) (?:go|attend)\b|\b(?:what|which) (?:grade|year)\s*\?|\bwhat (?:year|grade|class) (?:are|r) (?:you|u) in\b|\b{TU_ES} (?:en|au) {_LEVEL} ou (?:en|au) {_LEVEL}\b|\b{TU_AS} (?:cours|ecole|college|lycee) (?:demain|lundi|mardi|mercredi|jeudi|vendredi)\s*\?",
        "school",
        "year",
        "grade",
        "class",
        " ou ",
        "cours",
        "ecole",
        "college",
        "lycee",
    ),
    # Chat spellings the phrase rules do not list: "kel age", "envoi 1 foto".
    rule(
        "age.probe",
        0.6,
        r"\b(?:t'?as|tu as|ta) (?:kel|kl|ql|quel|quelle|qel) ?(?:age|ages|ag)\b|\b(?:kel|kl|ql|qel) ?age\b",
        "kel",
        "kl",
        "ql",
        "qel",
        "quel",
        judge=_not_of_kin,
    ),
    rule(
        "photo.request",
        0.65,
        r"\b(?:envoi\w*|envoy\w*|send|montre\w*|fai[st][- ]?moi|file[- ]?moi) (?:moi |me )?(?:une |1 |des |ta |tes |un |a )?(?:fotos?|tofs?|phot|selfies?|selfs?|pikz|pix)\b(?: de toi| of (?:you|u))?",
        "foto",
        "tof",
        "phot",
        "self",
        "pikz",
        "pix",
    ),
    # A child's school day, in the first person.
    rule(
        "age.disclosure",
        0.75,
        r"\b(?:je|j'?) ?(?:sors|sortirai|rentre|reviens|pars|finis|suis|arrive|vais) (?:du|au|de mon|a mon|en) (?:college|lycee|bahut)\b|\bj'?ai (?:\d+ ?h|cours|maths|francais|sport|eps|svt|anglais|histoire|physique|techno)\b[^.!?\n]{0,25}\b(?:au bahut|au college|au lycee)\b|\bmy (?:\w+ )?(?:teacher|homeroom|class|school|principal)\b[^.!?\n]{0,20}\b(?:gave|made|said|told|homework|detention|gives|makes)\b|\b(?:after|before) school (?:i|my mom|my dad)\b",
        "college",
        "lycee",
        "bahut",
        "teacher",
        "homeroom",
        "class",
        "school",
        judge=_own_school_day,
    ),
    # Flattery about age, English.
    rule(
        "flattery",
        0.7,
        r"\b(?:so |very |really )?(?:grown[- ]up|mature|developed|smart|pretty|hot|beautiful|cute) for (?:a|an) (?:\d{1,2}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]?(?:year[- ]old|yo|y/o)\b|\b(?:you don'?t|u don'?t) (?:look|seem|act) (?:\d{1,2}|thirteen|fourteen|fifteen)\b",
        "for a",
        "for an",
        "look",
        "seem",
        "act",
    ),
    # Secrecy, English.
    rule(
        "secrecy",
        0.85,
        r"\bwhat (?:your|ur) (?:parents|mom|mum|dad|folks) (?:don'?t|dont|do not|doesn'?t|does not) know (?:won'?t|can'?t|doesn'?t) hurt\b|\bkeep (?:this|it|that|us) (?:just |only )?(?:between|to) (?:us|ourselves|you and me|the two of us)\b|\b(?:no one|nobody) (?:has|needs|ever needs) to (?:know|find out)\b|\b(?:you can'?t|u can'?t|you cannot|never) tell (?:anyone|anybody|a soul) about (?:us|this|me)\b",
        "know",
        "keep",
        "no one",
        "nobody",
        "tell",
        judge=secrecy_voice,
    ),
    # Loneliness probed.
    rule(
        "isolation",
        0.5,
        r"\btu te sens (?:souvent |parfois |un peu )?(?:seule?|isolee?|incomprise?|rejetee?)\b|\b(?:do you|d'?you|u) (?:ever )?feel (?:lonely|alone|misunderstood)\b",
        "sens",
        "feel",
    ),
    # Riches promised: automatic trading, a widow's millions to share.
    rule(
        "scam.crypto",
        0.75,
        r"\b(?:devenez|deviens|devenir|become|get) riches?\b|\btrading automatique\b|\bauto[- ]?trading\b|\b(?:rejoins|rejoignez|join) (?:mon|notre|my|our) (?:canal|groupe|channel|group) (?:vip|prive|private|telegram|signal\w*)\b",
        "riche",
        "rich",
        "trading",
        "rejoign",
        "join",
    ),
    rule(
        "scam.phishing",
        0.75,
        r"\b(?:widow|veuve|heritage|inheritance|heritier|next of kin|barrister|notaire|diplomat\w*)\b[^.!?\n]{0,40}\b(?:\d+ ?(?:millions?|m\b)|millions?)\b|\b(?:\d+ ?)?millions? (?:to|a) (?:share|partager|transfer|transferer|invest)\b",
        "widow",
        "veuve",
        "heritage",
        "inheritance",
        "heritier",
        "kin",
        "barrister",
        "notaire",
        "diplomat",
        "million",
    ),
    # Recruiting: men who pay, money needed.
    rule(
        "escort.offer",
        0.75,
        r"\b(?:des|les|certains|plein de|beaucoup de|some|rich|older) (?:messieurs|hommes|mecs|gars|clients|men|guys|gentlemen) (?:qui )?(?:paient|payent|paieraient|payeraient|pay|would pay|donnent|offrent) (?:bien|cher|beaucoup|tres bien|well|a lot|good money|big)\b",
        "messieurs",
        "hommes",
        "mecs",
        "gars",
        "clients",
        "men",
        "guys",
        "gentlemen",
    ),
    rule(
        "gift.money",
        0.6,
        r"\b(?:t'?as|tu as|t'?aurais|do (?:you|u)) (?:pas )?(?:besoin|need|envie) (?:d'?argent|de thune|de sous|de fric|de cash|of money|money|cash|some cash)\b",
        "besoin",
        "need",
        "envie",
    ),
    rule(
        "offplatform.app",
        0.55,
        r"\b(?:sur|on|to|vers) (?:une|un|another|a different|l'?) ?autre (?:appli|app|application|site|plateforme|reseau|messagerie)\b|\b(?:another|a different|other) (?:app|platform|site)\b",
        "autre",
        "another",
        "different",
        "other",
    ),
    # "If you ..., I post your pictures", whatever the condition.
    rule(
        "threat.sextortion",
        0.9,
        rf"\bsi tu (?!veux|voulais|voudrais|preferes|as envie|es d'?accord|es ok|aimes|kiffes|es interesse)(?:me |m'|ne |n')?[a-z']+\b[^.!?\n]{{0,40}}\bje (?:balance|publie|montre|envoie|diffuse|poste|fais tourner|partage|leak|mets)\w* (?:tes|ta|ton|les|nos|toutes tes|tous tes|ces) {_PICTURES}|\bif (?:you|u) (?!want|wanna|like|prefer|are interested|d like|would like)[a-z']+\b[^.!?\n]{{0,40}}\bi(?:'ll| will|ll) (?:post|send|share|leak|show|spread) (?:your|ur|the|those|these|all your|our) {_PICTURES}",
        "si tu",
        "if you",
        "if u",
    ),
    rule(
        "threat.sextortion",
        0.9,
        rf"\b{_PICTURES}\b[^\n]{{0,80}}\b(?:si tu|sinon|if (?:you|u)|or else)\b[^.!?\n]{{0,40}}\b(?:je|i'?ll|i will) (?:les|la|le|them|it) (?:balance|publie|montre|envoie|diffuse|poste|partage|mets|leak|post|send|share|show)\w*\b",
        "si tu",
        "sinon",
        "if you",
        "if u",
        "or else",
    ),
]
