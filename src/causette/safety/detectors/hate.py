"""Hate: slurs (a lexicon, ``lexicons/hate.txt``) and attacks on a group, French and English.

Quoting a slur to condemn it ("il m'a traité de ...", "arrêtez de dire ...") is a known hard
negative: the words are the same, the act is the opposite. When a condemning frame stands
just before or after the slur, or the slur is in quotation marks, the score is cut so the
policy notes it without acting on the speaker. Swearing with no group targeted ("putain",
"merde") is not hate and is not in the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import Judge, Lexicon, RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

SLURS = Lexicon("hate.txt")

# A frame that reports or condemns the word rather than uses it.
_CONDEMN_BEFORE = re.compile(
    r"(?:(?:m'?a|m'?ont|nous a|nous ont|l'?a|t'?a|les a|me|te|se|s'?est fait|se faire|on m'?a|"
    r"il m'?a|elle m'?a|ils m'?ont|m'?avait|m'?traite|m'?traitee)\s*(?:traite|traitee|traiter|"
    r"appele|appelee|appeler|insulte|insultee|insulter|qualifie|qualifiee)\s*(?:de|d'|d)|"
    r"arret(?:e|ez|er|ons)? de (?:dire|dire des trucs comme|utiliser|ecrire|traiter les gens de)|"
    r"(?:on |il |faut |faudrait )?(?:ne )?(?:dit|dis|dites|dire|utilise|ecris) (?:plus |pas |jamais )"
    r"|(?:le mot|les mots|l'insulte|le terme|des mots comme|des insultes comme|des trucs comme)|"
    r"(?:il|elle|ils|elles|quelqu'un|un mec|une meuf|un gars) (?:a dit|a ecrit|disait|dit|m'?a dit|"
    r"m'?a ecrit|crie|criait|hurlait)|(?:traitee?s? de|traites de|traitees de)|"
    r"trait\w* (?:\w+ ){0,3}(?:de|d'|d)|(?:je suis|chui|jsuis|on est|nous sommes|nous les|en tant que|"
    r"moi (?:le|la|les)|fier d'?etre|fiere d'?etre|fiers d'?etre|proud to be|as a) (?:un |une |des |les )?|"
    r"(?:called me|call me|calling me|called (?:him|her|them)|stop saying|don'?t say|the word|"
    r"words like|he said|she said|they said|someone wrote))\W*(?:sales?\W+|dirty\W+|an?\W+|un\W+|une\W+|des\W+)?$"
)
_CONDEMN_AFTER = re.compile(
    r"^\W*(?:c'?est|est|ca reste|ce mot est|c est)?\s*(?:pas ok|raciste|homophobe|antisemite|"
    r"transphobe|sexiste|misogyne|inacceptable|inadmissible|degueulasse|honteux|grave|une insulte|"
    r"pas normal|interdit|puni|penalement|ignoble|(?:is )?(?:not ok|racist|homophobic|unacceptable))"
)
_QUOTES = "\"'«»“”‘’`*"

_GROUPS = {
    "hate.homophobic": r"(?:gay people|pd|pedes?|homos?|gays?|gouines?|lesbiennes?|tapettes?|fags?|faggots?|homosexuels?|lgbt\w*)",
    "hate.racist": r"(?:you people|black people|black guys|asians|mexicans|africans|arabes?|romanos|manouches?|brides|towelheads?|ragheads?|noirs?|noires?|negres?|bougnoules?|blacks?|renois|rebeus?|beurs?|chinois|asiatiques?|roms?|gitans?|migrants?|musulmans?|muzz|mouzz|muzzs|m slims?|musl ms?|immigres?|africains?|maghrebins?|bicots?|niggers?|muslims?|immigrants?)",
    "hate.antisemitic": r"(?:juifs?|feujs?|juives?|youpins?|feujs?|jews?|kikes?)",
    "hate.misogynistic": r"(?:(?:women|femmes|meufs|filles) (?:like you|comme toi)|females?|feministes?|feminists?|femmes?|meufs?|nanas?|gonzesses?|women|bitches)",
    "hate.antitrans": r"(?:trans people|trans women|trans men|trans|transsexuel\w*|transexuel\w*|travelos?|trannies|tranny|transgenres?|non binaires?|nonbinaires?|enbys?|enbies|queers?)",
}
_ALL_GROUPS = "|".join(
    f"(?P<{rule_id.split('.')[1]}>{words})" for rule_id, words in _GROUPS.items()
)
_DEHUMANISE = (
    r"(?:animaux|betes|singes|cafards|rats|vermines?|parasites|sous[- ]hommes|malades|degeneres|"
    r"pervers|une maladie|une plaie|des merdes|de la merde|inferieur\w*|une erreur|des abominations|"
    r"abominations|a exterminer|a eliminer|a bruler|pas des humains|pas humains|des chiens|"
    r"des porcs|terroristes|des terroristes|voleurs|des voleurs|violeurs|des violeurs|delinquants|"
    r"criminels|racailles|des racailles|une race inferieure|animals|vermin|disgusting|subhuman|"
    r"a disease|not human|terrorists|thieves|rapists|criminals|mentally ill|sick|inferior|evil|"
    r"trash|a plague|scum|filth|groomers|pedos|pedophiles|pedophiles|des pedophiles|des malades|"
    r"rapaces|des rapaces|sangsues|des sangsues|vautours|des vautours|usuriers|une secte|secte|"
    r"malades mentaux|des malades mentaux|une invasion|invasion|envahisseurs|des envahisseurs|"
    r"leeches|vultures|a cult|invaders|an invasion|mentally ill freaks|freaks|menteuses|des menteuses|"
    r"manipulatrices|des manipulatrices|profiteuses|trainees|des trainees|garces|des garces|venales|"
    r"hysteriques|des hysteriques|chiennes|des chiennes|gold diggers|liars|whores|sluts)"
)


def _group_rule(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    for name in ("homophobic", "racist", "antisemitic", "misogynistic", "antitrans"):
        if match.group(name):
            return (f"hate.{name}", 0.9)
    return None


def _group_at(score: float) -> Judge:
    """``_group_rule`` at another score."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        found = _group_rule(match, norm, context)
        return None if found is None else (found[0], score)

    return judge


# Written for the lexical view: words only (no apostrophes: "c est"), leetspeak undone and
# spelled-out letters joined, so "les j u i f s" and "tr4nnies" read as words.
_GROUP_RULES = [
    rule(
        "hate.group",
        0.9,
        rf"\b(?:mort aux|a mort les|dehors les|il faut (?:tous )?(?:les )?(?:tuer|gazer|bruler|exterminer|deporter|eliminer|pendre|virer) (?:tous )?les|on devrait (?:tuer|gazer|bruler|exterminer|deporter|eliminer|pendre) (?:tous )?les|je (?:hais|deteste|nique|vomis) (?:tous )?les|nique les|kill all|death to|i hate all|gas the|ban all) (?:sales? )?(?:{_ALL_GROUPS})\b",
        "mort",
        "dehors",
        "il faut",
        "on devrait",
        "hais",
        "deteste",
        "nique",
        "vomis",
        "kill",
        "death",
        "hate",
        "gas",
        "ban",
        judge=_group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:les|tous les|toutes les|ces|the|all) (?:sales? )?(?:{_ALL_GROUPS}) (?:\w+ ){{0,3}}?(?:sont|c ?est|ce sont|are|=) (?:tous |toutes |que |juste |all |just )?(?:des |de la |une |du )?{_DEHUMANISE}",
        "sont",
        "c est",
        "cest",
        "ce sont",
        "are",
        "=",
        judge=_group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:{_ALL_GROUPS}) (?:dehors|hors de france|au four|au bucher|a la potence|dans les camps|a la chambre a gaz|en camp|to the ovens|should (?:die|burn|be gassed))\b",
        "four",
        "bucher",
        "potence",
        "camps",
        "gaz",
        "camp",
        "ovens",
        "should",
        "dehors",
        "hors de",
        judge=_group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:{_ALL_GROUPS}) (?:(?:il )?faut|(?:il )?faudrait|on devrait|devraient|doivent|should|must|need to) (?:tous |toutes |all |les |tous les |toutes les |them )*(?:tuer|bruler|gazer|exterminer|deporter|pendre|degager|virer|eliminer|crever|mourir|disparaitre|etre (?:bannis|interdits|extermines|brules|elimines|enfermes|gazes)|be (?:banned|killed|gassed|exterminated|wiped out|deported|burned|locked up)|die|burn|disappear|leave)\b",
        "faut",
        "faudrait",
        "devrait",
        "devraient",
        "doivent",
        "should",
        "must",
        "need to",
        judge=_group_rule,
    ),
]

_RULES = RuleSet(
    [
        *_GROUP_RULES,
        rule(
            "hate.misogynistic",
            0.85,
            r"\b(?:les (?:femmes|meufs|filles|nanas) (?:sont|c ?est) (?:toutes |que )?(?:des )?(?:putes|salopes|chiennes|connes|objets|inferieures|bonnes qu ?a)|(?:une femme|les femmes|une meuf|les meufs) (?:ca|c ?est fait pour|doit|doivent) (?:rester a la cuisine|obeir|fermer (?:sa|leur) gueule|se taire)|(?:ta|sa) place est (?:a la cuisine|dans la cuisine)|women (?:belong in the kitchen|are (?:all )?(?:whores|sluts|objects|inferior)))\b",
            "femmes",
            "meufs",
            "filles",
            "nanas",
            "femme",
            "meuf",
            "place",
            "women",
        ),
        rule(
            "hate.antitrans",
            0.85,
            r"\b(?:les trans (?:sont|c ?est) (?:des )?(?:malades|fous|folles|tares|pervers|abominations|une maladie|des mecs deguises)|un trans (?:c ?est|ca reste) un (?:homme|mec)|une (?:femme )?trans (?:c ?est|ca reste) un (?:homme|mec)|t ?es (?:qu'?)?un mec deguise|trans (?:women|woman) (?:are|is) (?:men|a man))\b",
            "trans",
        ),
        rule(
            "hate.misogynistic",
            0.8,
            r"\b(?:les |ces |des )?(?:femmes|meufs|filles|nanas|gonzesses) (?:comme toi )?(?:il )?(?:faut|faudrait) (?:les )?(?:remettre a (?:leur|sa) place|dresser|faire taire|frapper|battre)\b|\b(?:remettre|remets|remettez) (?:les femmes|les meufs|ta meuf|ta femme) a (?:leur|sa) place\b",
            "faut",
            "faudrait",
            "remettre",
            "remets",
            "remettez",
        ),
        rule(
            "hate.misogynistic",
            0.8,
            r"\b(?:women|girls|femmes|meufs|filles|nanas) (?:like you|comme toi) (?:need|needs|should|must|faut|il faut|doivent|devraient)\b|\b(?:les )?(?:femmes|meufs|filles|nanas) (?:c ?est|sont) (?:juste |que |tout juste )?(?:bonnes?|bon) (?:qu ?)?a\b",
            "like you",
            "comme toi",
            "bon",
        ),
        rule(
            "hate.group",
            0.85,
            rf"\b(?:sales?|dirty|fucking|filthy|putain de|espece de|bande de) (?:{_ALL_GROUPS})\b",
            "sale",
            "dirty",
            "fucking",
            "filthy",
            "putain",
            "espece",
            "bande",
            judge=_group_rule,
        ),
        rule(
            "hate.misogynistic",
            0.8,
            r"\b(?:les )?(?:femmes|meufs|filles|nanas|gonzesses) (?:n )?(?:ont|a) (?:pas|rien) (?:leur place|a faire|a dire)\b|\b(?:women|girls) (?:don t|do not) belong\b",
            "femmes",
            "meufs",
            "filles",
            "nanas",
            "gonzesses",
            "women",
            "girls",
        ),
        rule("hate.group", 0.85, rf"\b(?:{_ALL_GROUPS}) de merde\b", "merde", judge=_group_rule),
        rule(
            "hate.group",
            0.85,
            rf"\bles (?:{_ALL_GROUPS}) (?:nous envahissent|nous remplacent|envahissent|volent tout|puent|pourrissent|detruisent)\b",
            "envahissent",
            "remplacent",
            "volent",
            "puent",
            "pourrissent",
            "detruisent",
            judge=_group_rule,
        ),
        rule(
            "hate.group",
            0.6,
            rf"\bje (?:supporte|peux) pas (?:les|ces) (?:{_ALL_GROUPS})\b",
            "supporte",
            "peux pas",
            judge=_group_at(0.6),
        ),
        rule(
            "hate.racist",
            0.85,
            r"\b(?:grand remplacement|race (?:superieure|inferieure|pure)|(?:retourne|rentre|repars) (?:dans|a|en|chez) (?:ton|ta|tes) (?:pays|bled|brousse|desert|cambrousse|afrique|cite|tribu)|go back to (?:your|ur) (?:desert|jungle|country|tribe))\b",
            "remplacement",
            "race",
            "retourne",
            "rentre",
            "repars",
            "go back",
        ),
        rule(
            "hate.antisemitic",
            0.9,
            r"\b(?:vive|heil|sieg) (?:hitler|le reich|le 3e reich)\b|\bles juifs (?:controlent|dirigent|possedent) (?:tout|le monde|les medias|la finance|les banques)\b|\bla shoah (?:n a jamais existe|c est faux|est un mensonge)\b",
            "vive",
            "heil",
            "sieg",
            "juifs",
            "shoah",
        ),
        rule(
            "hate.group",
            0.85,
            rf"\b(?:{_ALL_GROUPS}) (?:are|r) (?:all |just |so |fucking |literally )?(?:{_DEHUMANISE}|disgusting|gross|a mistake|an abomination|abominations)\b",
            "are",
            " r ",
            judge=_group_rule,
        ),
        rule(
            "hate.antisemitic",
            0.9,
            r"\b(?:jews|juifs|feujs) (?:control|controls|run|runs|own|owns|controlent|dirigent|possedent|tiennent) (?:the |every|all|our|everything|les |la |le |toutes |tous |tout|nos )\w*\b",
            "jews",
            "juifs",
            "feujs",
        ),
        # The group named, then what should be done to them a few words on: "les X c'est des
        # ..., faut les cramer", "X ... send them all back".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{_ALL_GROUPS})\b[^.!?]{{0,40}}?\b(?:(?:il )?faut|(?:il )?faudrait|on devrait|on va|faut qu on) (?:tous |toutes )?les (?:tuer|cramer|bruler|gazer|buter|fumer|exterminer|enfermer|deporter|virer|renvoyer|expulser|pendre|eliminer|degager|noyer|chasser|ratonner)\b",
            "faut",
            "faudrait",
            "devrait",
            "on va",
            judge=_group_rule,
        ),
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{_ALL_GROUPS})\b[^.!?]{{0,40}}?\b(?:send them|kill them|gas them|deport them|burn them|lock them up|get rid of them|kick them out)\b",
            "send them",
            "kill them",
            "gas them",
            "deport them",
            "burn them",
            "lock them",
            "get rid",
            "kick them",
            judge=_group_rule,
        ),
        # A group denied rights: "les femmes devraient pas voter", "females should lose the vote".
        rule(
            "hate.group",
            0.85,
            rf"\b(?:{_ALL_GROUPS}) (?:should not|shouldn t|should never|ne devraient (?:pas|jamais|plus)|devraient (?:pas|jamais|plus)|ne doivent (?:pas|jamais|plus)|doivent (?:pas|jamais|plus)|n ont pas a|ont pas a|should (?:all )?lose|devraient (?:toutes |tous )?perdre|need to lose) (?:pas |not |never |jamais |plus |all |toutes |tous )*(?:lose|perdre|have|avoir|be allowed|etre autorise\w*|get|obtenir|voter|vote|exister|exist|sortir|travailler|work|drive|conduire|adopter|adopt|se marier|marry|parler|speak)\b[^.!?]{{0,30}}(?:right|droit|vote|allowed|autorise|droits|rights|seules?|alone|enfants|kids|children)?",
            "should",
            "devraient",
            "doivent",
            "ont pas a",
            "need to",
            judge=_group_rule,
        ),
        # A group said to corrupt children, the oldest libel against gay and trans people.
        rule(
            "hate.group",
            0.85,
            rf"\b(?:{_ALL_GROUPS})\b[^.!?]{{0,30}}?\b(?:pervertir|pervertissent|pervertit|endoctrin\w*|corromp\w*|recrut\w*|groom\w*|brainwash\w*|corrupt\w*|indoctrinat\w*) (?:les|nos|des|vos|our|the|your)? ?(?:gosses|enfants|gamins|jeunes|kids|children|mioches|petits)\b",
            "pervert",
            "endoctrin",
            "corromp",
            "recrut",
            "groom",
            "brainwash",
            "corrupt",
            "indoctrinat",
            judge=_group_rule,
        ),
        rule(
            "hate.antitrans",
            0.85,
            r"\b(?:vous allez|ils vont|elles vont|you re going to|you will) (?:pervertir|corrompre|endoctriner|groom|corrupt|brainwash) (?:les|nos|our|the) (?:gosses|enfants|gamins|kids|children)\b|\b(?:non binaire|trans|genre) (?:ca|ça) existe pas\b|\bca existe pas\W+t es (?:juste )?(?:un|une) (?:malade|fou|folle|tare|tarée?)\b",
            "vous allez",
            "ils vont",
            "elles vont",
            "going to",
            "you will",
            "existe pas",
        ),
        # Dehumanising similes and the invasion trope, the group left implicit.
        rule(
            "hate.racist",
            0.85,
            r"\bkick (?:them|every one of them|all of them|them all|every last one of them) out of (?:the|our|this) country\b(?! club)|\b(?:virez|foutez|jetez|chassez)[- ]les (?:tous )?(?:hors de (?:france|du pays|notre pays)|du pays)\b|\b(?:vous|ils|elles|they|you people) (?:vous |se )?(?:reproduisez|reproduisent|multipliez|multiplient|pullulez|pullulent|breed|multiply)\b[^.!?]{0,20}\b(?:comme des|like) (?:rats|lapins|cafards|animaux|vermine|rabbits|cockroaches|animals|vermin)\b|\b(?:t es|tu es|vous etes|you re|you are) (?:une |an )?(?:invasion|envahisseurs?|invaders?)\b|\bsend them (?:all )?back\b|\b(?:renvoy\w*|expuls\w*|vir\w*|deport\w*|send) (?:les |them )?(?:tous |all )?(?:chez eux|dans leur pays|dans leurs pays|en afrique|au bled|dans leur bled|d ou ils viennent|back where they came from|back to (?:africa|their country))\b|\bles (?:renvoyer|expulser|virer|deporter) (?:tous )?(?:chez eux|au bled|dans leur pays|en afrique|d ou ils viennent)\b",
            "kick",
            "virez",
            "foutez",
            "jetez",
            "chassez",
            "reproduis",
            "multipli",
            "pullul",
            "breed",
            "multiply",
            "invasion",
            "envahisseur",
            "invader",
            "send them",
            "renvoy",
            "expuls",
            "vir",
            "deport",
            "send",
        ),
        # Rights for one group taken away in so many words.
        rule(
            "hate.misogynistic",
            0.85,
            r"\b(?:lose|perdre) (?:the|le|leur|their) (?:right|droit) (?:to vote|de vote|de voter)\b|\bwhy men hate women\b|\bpourquoi les (?:hommes|mecs) detestent les (?:femmes|meufs)\b",
            "right",
            "droit",
            "men hate",
            "detestent",
        ),
    ],
    view="lexical",
)


def _condemned(norm: Normalized, start: int, end: int) -> bool:
    """Whether the slur at ``start:end`` (original offsets) is reported or condemned."""
    original = norm.original
    before = Normalized(original[max(0, start - 60) : start]).folded.text
    after = Normalized(original[end : end + 40]).folded.text
    if _CONDEMN_BEFORE.search(before) or _CONDEMN_AFTER.search(after):
        return True
    quoted_before = original[max(0, start - 2) : start].strip()[-1:] in _QUOTES if start else False
    quoted_after = original[end : end + 2].strip()[:1] in _QUOTES
    return quoted_before and quoted_after


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Slurs and attacks on a group; quoted-to-condemn slurs at a reduced score."""
    lexical = norm.lexical
    for hit in SLURS.hits(lexical):
        span = lexical.span(hit.start, hit.end)
        score = hit.score * 0.3 if _condemned(norm, *span) else hit.score
        yield Signal(hit.rule, round(score, 3), span)
    for found in _RULES.scan(norm, context):
        if _condemned(norm, *found.span):
            found = Signal(found.rule, round(found.score * 0.3, 3), found.span)
        yield found
