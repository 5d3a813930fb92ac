"""Recruiting into prostitution, and the news that tells of it.

The recruiter does not name the trade: men "who pay for company", a cut taken with the ads,
the bookings and "the safety", the girls' earnings by the week, "you only have to be pretty".
Each wording alone is a job offer or a compliment; the money or the management beside it is
the offer. Talk about the trade (a network taken down, a trial) is no part of it: ``told``
says when a line is the news, or continues it in the third person.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import folded
from causette.safety.detectors.rules import Judge, Rule, rule
from causette.safety.normalize import Normalized

# Talking about the trade (the news, a trial, its victims) is not taking part in it.
NEWS = re.compile(
    r"\b(?:reportages?|articles?|documentaires?|demantel\w*|arrete\w*|condamne\w*|proxenet\w*|"
    r"victimes?|exploit\w*|enquetes?|proces|journal|news|documentary|arrested|busted|"
    r"trafficking|traite des|reseaux? d'?escort\w*|interpell\w*|la police|les flics|gendarm\w*|"
    r"tribunal|garde a vue|mis en examen|the police|the cops|police raid|charged with|sentenced|"
    r"on trial)\b"
)
# A speaker offering or asking: the first or second person ("on" left out: English has it too).
# A story told of others ("les annonces étaient sur des sites d'escort", "their ads were on
# escort sites") has none.
_PERSONAL = re.compile(
    r"(?:\b(?:je|moi|tu|toi|te|vous|nous|me|mon|ma|mes|ton|ta|tes|votre|vos|i|my|you|your|"
    r"ur|u|we|us|our)\b|\b[jtm]')"
)


def told(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message is the news, or goes on with the news of the lines before, in the
    third person."""
    text = norm.folded.text
    if NEWS.search(text):
        return True
    before = any(NEWS.search(folded(line)) for line in context.recent[-3:])
    return before and _PERSONAL.search(text) is None


def not_news(score: float) -> Judge:
    """A judge keeping an escort offer at ``score`` unless it is told as the news."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return None if told(norm, context) else ("escort.offer", score)

    return judge


# What a pimp manages beside the cut: the clients' side and "the safety", the girls.
_MANAGED = re.compile(
    r"\b(?:securite|protection|proteg\w*|les filles|des filles|mes filles|messieurs|clients?|"
    r"security|protect\w*|the girls|my girls|gentlemen|punters|johns)\b"
)
# Money earned by the night or the week, a cut: what makes "only be pretty" a job offer.
_EARNINGS = re.compile(
    r"\b(?:\d{1,2} ?%|\d[\d ]{1,5} ?(?:€|e|eur|euros?|balles|\$)? (?:par|la|a la|per|a|each) "
    r"(?:semaine|soiree|soir|nuit|week|night|weekend|heure|hour)|se font|gagnent|payent|paient|"
    r"make|earn|pay)\b"
)


def _with_money(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    lines = (norm.folded.text, *map(folded, context.recent_from_sender[-3:]))
    if not any(_EARNINGS.search(line) for line in lines) or told(norm, context):
        return None
    return ("escort.offer", 0.7)


def _managed_cut(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    lines = (norm.folded.text, *map(folded, context.recent_from_sender[-3:]))
    if not any(_MANAGED.search(line) for line in lines) or told(norm, context):
        return None
    return ("escort.offer", 0.8)


# Money or company offered for the evening, by the speaker a few lines up or here.
_PAID_EVENING = re.compile(
    r"\b(?:paient|payent|paye\w*|remunere\w*|pay|paid|pays|compagnie|company|soirees? privees?|"
    r"private parties|\d{2,4} ?(?:€|e|eur|euros?|balles|\$)? (?:en une|la|par|a|per|in one|each) "
    r"(?:soiree|nuit|night|evening))\b"
)


def _paid_evenings(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    lines = (norm.folded.text, *map(folded, context.recent_from_sender[-3:]))
    if not any(_PAID_EVENING.search(line) for line in lines) or told(norm, context):
        return None
    return ("escort.offer", 0.8)


RECRUIT_RULES: list[Rule] = [
    # Men who pay for company: "des messieurs qui payent pour de la compagnie", "des clients
    # qui paient bien pour ta compagnie", "men who pay good money for your time".
    rule(
        "escort.offer",
        0.8,
        r"\b(?:messieurs|hommes|mecs|gars|clients|types|men|guys|gentlemen|businessmen)(?: \w+){0,2}? "
        r"(?:qui )?(?:payent|paient|paye|paie|payeront|pay|paying|pays|will pay) (?:tres |vraiment |really )?"
        r"(?:bien |cher |well |good money |big |a lot )?(?:pour|for) (?:de la |un peu de |ta |votre |"
        r"your |some |a bit of |the |a little )?(?:compagnie|company|companionship|presence|temps|time)\b",
        "payent",
        "paient",
        "paye",
        "paie",
        "pay",
        judge=not_news(0.8),
    ),
    # The cut, with the clients or "the safety" managed: "je gère les annonces, les rdv, la
    # sécurité. je prends 40%", "I take 30% and handle the clients".
    rule(
        "escort.offer",
        0.8,
        r"\b(?:je (?:prends|prend|garde|recupere|touche|me prends|me garde)|j'?prends|(?:i|we) "
        r"(?:take|keep|get)|(?:my|ma) (?:cut|part|com|commission) (?:is|c'?est|est)"
        # The share left to her, said to her: "tu gardes 60%", "you keep 70 percent".
        r"|(?:tu|t'?) ?(?:gardes|garderas|touches|toucheras|recuperes|empoches)|(?:you|u) "
        r"(?:keep|get to keep|take home)) (?:que |seulement "
        r"|juste |only |just )?(?:\d{1,2} ?%|\d{1,2} pour ?cent|\d{1,2} percent|la moitie|half)",
        "prend",
        "garde",
        "recupere",
        "touche",
        "take",
        "keep",
        "get",
        "cut",
        "part",
        "com",
        "gardes",
        "garderas",
        "touches",
        "toucheras",
        "recuperes",
        "empoches",
        judge=_managed_cut,
    ),
    # Nothing to do but be pretty, with money beside it: "t'as rien à faire à part être
    # jolie", "tu n'as qu'à être belle", "all you have to do is look pretty".
    rule(
        "escort.offer",
        0.7,
        r"\b(?:t'?as rien a faire (?:a part|sauf|que)|tu n'?as rien a faire (?:a part|sauf|que)|"
        r"t'?as (?:juste|qu'?) a|tu n'?as qu'?a|tu as juste a|tu dois juste|il (?:te )?suffit d'?|"
        r"all (?:you|u) (?:have|need|got) to do is|(?:you|u) (?:just|only) (?:have|need|got) to|"
        r"nothing to do but) (?:etre|rester|te faire|look|be|stay) (?:jolie|belle|sexy|mignonne|"
        r"canon|bonne|souriante et jolie|pretty|hot|cute|beautiful|gorgeous)\b",
        "rien a faire",
        "juste a",
        "qu'a",
        "dois juste",
        "suffit",
        "all you",
        "all u",
        "have to",
        "need to",
        "got to",
        "nothing to do",
        judge=_with_money,
    ),
    # The girls' earnings in the flat: "des filles y bossent, elles se font 3000 par semaine",
    # "my girls make 2k a week".
    rule(
        "escort.offer",
        0.6,
        r"\b(?:filles|meufs|nanas|girls|ladies)\b(?:,? [\w']+){0,6}? (?:se font|gagnent|se mettent|"
        r"touchent|makes?|earns?|pull|take home) (?:facile |easy |jusqu'?a |up to |minimum |au moins "
        r"|at least )?\d[\d ]{2,5} ?(?:€|e|eur|euros?|balles|\$|k)? (?:par|la|a la|per|a|each) "
        r"(?:semaine|soiree|soir|nuit|week|night|weekend)\b",
        "se font",
        "gagnent",
        "mettent",
        "touchent",
        "make",
        "earn",
        "pull",
        "take home",
        judge=not_news(0.6),
    ),
    # Girls paid to come and keep men company, at their parties or dinners: "des gars qui
    # paient les filles qui viennent leur tenir compagnie", "guys who pay girls to keep them
    # company", "des filles pour leur tenir compagnie, payées 300 la soirée".
    rule(
        "escort.offer",
        0.8,
        r"\b(?:payent|paient|paye|paie|payeront|pay|pays|paying)(?: (?:bien|cher|well))? (?:les |des |de "
        r"|some |the )?(?:jeunes |young )?(?:filles|meufs|nanas|jeunes|etudiantes|girls|ladies|women|"
        r"students)\b[^.!?\n]{0,30}?\b(?:(?:leur |lui )?tenir compagnie|(?:les |l')?accompagner|keep "
        r"(?:them|him|the guys|the men) company|to (?:accompany|entertain) (?:them|him))\b"
        r"|\b(?:filles|meufs|nanas|girls|ladies)\b[^.!?\n]{0,30}?\b(?:(?:leur |lui )?tenir compagnie|keep "
        r"(?:them|him) company)\b[^.!?\n]{0,30}?\b(?:payees?|remunerees?|paid|\d{2,4} ?(?:€|e|eur|"
        r"euros?|balles|\$))",
        "payent",
        "paient",
        "paye",
        "paie",
        "pay",
        "compagnie",
        "company",
        judge=not_news(0.8),
    ),
    # The clients' taste for the youngest, in a pitch for paid evenings: "ils préfèrent les
    # jeunes, 15 16 ans ça passe", "they like them young".
    rule(
        "escort.offer",
        0.8,
        r"\b(?:ils|les gars|les mecs|les clients|les messieurs|they|the guys|the clients|the men) "
        r"(?:preferent|prefereront|aiment|kiffent|veulent|cherchent|prefer|like|want)(?: bien| surtout"
        r"| mostly)? (?:les |des |them )?(?:jeunes|petites|plus jeunes|mineures|young(?:er)?(?: ones| girls)?"
        r"|minors)\b",
        "preferent",
        "prefereront",
        "aiment",
        "kiffent",
        "veulent",
        "cherchent",
        "prefer",
        "like",
        "want",
        judge=_paid_evenings,
    ),
]
