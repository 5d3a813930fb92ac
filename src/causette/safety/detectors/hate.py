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
from importlib import resources

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import Judge, Lexicon, RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized, lexical_form

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
# Words that also insult ("gouine dégueulasse") condemn only with their verb ("c'est ...").
_CONDEMN_AFTER = re.compile(
    r"^\W*(?:(?:c'?est|est|ca reste|ce mot est|c est)\s*(?:degueulasse|honteux|grave|ignoble|pas normal)|"
    r"(?:c'?est|est|ca reste|ce mot est|c est)?\s*(?:pas ok|raciste|homophobe|antisemite|"
    r"transphobe|sexiste|misogyne|inacceptable|inadmissible|une insulte|"
    r"interdit|puni|penalement|(?:is )?(?:not ok|racist|homophobic|unacceptable)))"
)
_QUOTES = "\"'«»“”‘’`*"

_GROUPS = {
    "hate.homophobic": r"(?:gay people|pd|pedes?|homos?|gays?|gouines?|lesbiennes?|tapettes?|fags?|faggots?|homosexuels?|lgbt\w*)",
    "hate.racist": r"(?:you people|black people|black guys|asians|mexicans|africans|arabes?|romanos|manouches?|tsiganes?|tziganes?|gypsies|gypsy|gens du voyage|brides|towelheads?|ragheads?|noirs?|noires?|negres?|bougnoules?|blacks?|renois|rebeus?|beurs?|chinois|asiatiques?|roms?|gitans?|migrants?|musulmans?|muzz|mouzz|muzzs|m slims?|musl ms?|immigres?|africains?|maghrebins?|bicots?|niggers?|muslims?|immigrants?)",
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
    r"hysteriques|des hysteriques|chiennes|des chiennes|gold diggers|liars|whores|sluts|"
    # The stereotypes of crime, laziness, dirt and savagery said of a whole group.
    r"dealers|trafiquants|drogues|junkies|cassos|assistes|profiteurs|fraudeurs|faineants|feignants|"
    r"lazy|frustrees|objets|objects|greedy|sales|dirty|puants|stinky|bons a rien|good for nothing|"
    r"primitifs|primitive|sauvages|savages|barbares|barbarians|arrieres|backward|stupides|debiles|"
    r"stupid|dumb|bougnoules|une sous race|sous races|des sous races)"
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


_GUARD = r"gaffe|attention|surveillez|surveille|planquez|planque|cachez|cache|gardez|watch|hide|guard|lock up"
_GUARD_ANCHORS = (
    "gaffe",
    "attention",
    "surveill",
    "planque",
    "cache",
    "garde",
    "watch",
    "hide",
    "guard",
    "lock up",
)
_BELONGINGS = (
    r"(?:portefeuilles?|porte monnaies?|sacs?|wallets?|bags?|bijoux|affaires|poules|velos|bikes?|"
    r"voitures?|cars?|valuables)"
)

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
        rf"\b(?:les|tous les|toutes les|ces|the|all) (?:sales? )?(?:{_ALL_GROUPS}) (?:\w+ ){{0,3}}?(?:(?:sont|c ?est|ce sont|are|=) (?:tous |toutes |que |juste |all |just |so |such )?|(?:tous|toutes|all) )(?:des |de la |une |du |de )?(?:\w+ )?{_DEHUMANISE}\b",
        "sont",
        "c est",
        "cest",
        "ce sont",
        "are",
        "=",
        "tous",
        "toutes",
        "all",
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
            r"\b(?:les trans (?:sont|c ?est) (?:des )?(?:malades|fous|folles|tares|pervers|abominations|une maladie|des mecs deguises)|un trans (?:c ?est|ca reste) (?:juste |qu )?un (?:homme|mec)|une (?:femme )?trans (?:c ?est|ca reste) (?:juste |qu )?un (?:homme|mec)|t ?es (?:qu'?)?un mec deguise|trans (?:women|woman) (?:are|is) (?:just |only |really |still |actually )?(?:men|a man|males?|dudes?))\b",
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
            rf"\b(?:sales?|dirty|fucking|filthy|putains? de|espece de|bande de|saloperies? de|enfoires de|connards de|batards de) (?:{_ALL_GROUPS})\b",
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
            r"\b(?:grand remplacement|race (?:superieure|inferieure|pure)|(?:retourne|rentre|repars) (?:dans|a|en|chez) (?:ton|ta|tes) (?:pays|bled|brousse|desert|cambrousse|afrique|cite|tribu)|go back to (?:your|ur|the) (?:desert|jungle|country|tribe|cave|trees))\b",
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
            r"\b(?:jews|juifs|feujs) (?:control|controls|run|runs|own|owns|controlent|dirigent|possedent|tiennent) (?:the |every|all|our|everything|it all|it |les |la |le |toutes |tous |tout|nos )\w*\b",
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
        # The group ruining a place: "the X are ruining this neighborhood".
        rule(
            "hate.group",
            0.85,
            rf"\b(?:les|ces|the|all|all these|these) (?:{_ALL_GROUPS}) (?:are |r )?(?:ruin|ruining|ruined|destroy|destroying|destroyed|taking over|take over|invading|invade|replacing|replace|pourrissent|detruisent|envahissent|ruinent|gachent)\b",
            "ruin",
            "destroy",
            "taking over",
            "take over",
            "invad",
            "replac",
            "pourrissent",
            "detruisent",
            "envahissent",
            "ruinent",
            "gachent",
            judge=_group_rule,
        ),
        # What should happen to them first, the group after: "ils devraient tous crever ces X".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:ils|elles|they) (?:devraient|doivent|vont|should|must|need to) (?:tous |toutes |all )?(?:crever|mourir|disparaitre|degager|bruler|etre (?:gazes|brules|extermines|expulses|deportes)|die|burn|disappear|be (?:gassed|deported|killed))\b[^.!?]{{0,10}}\b(?:ces|les|those|these|the) (?:{_ALL_GROUPS})\b",
            "devraient",
            "doivent",
            "vont",
            "should",
            "must",
            "need to",
            judge=_group_rule,
        ),
        # Money as the antisemitic trope: "les juifs et leur argent".
        rule(
            "hate.antisemitic",
            0.8,
            r"\b(?:les juifs|the jews|les feujs|jews)\b(?: \w+){0,4}? (?:leur|leurs|their) (?:argent|fric|thune|pognon|money|banques?|banks?|finance)\b",
            "leur",
            "their",
        ),
        # The stereotype first, the group after: "ils sont sales ces X".
        rule(
            "hate.group",
            0.85,
            rf"\b(?:ils|elles|they) sont (?:tous |toutes |vraiment |trop )?(?:des )?{_DEHUMANISE} (?:ces|les) (?:{_ALL_GROUPS})\b",
            "sont",
            judge=_group_rule,
        ),
        # The group addressed in the second person: "vous les X vous êtes tous des ...".
        rule(
            "hate.group",
            0.9,
            rf"\bvous (?:les |autres |les sales )?(?:{_ALL_GROUPS}) (?:vous )?(?:etes|z etes) (?:tous |toutes |que |juste |vraiment )?(?:des |de la |une |du )?{_DEHUMANISE}",
            "vous",
            judge=_group_rule,
        ),
        # Denied to be people: "c'est des X, c'est pas des gens", "X are not even human".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{_ALL_GROUPS})\b(?: \w+){{0,4}}? (?:c est|ce sont|ils sont|elles sont|sont|they re|they are|are) (?:pas|meme pas|not|not even) (?:des |de vrais |de vraies )?(?:gens|humains|etres humains|personnes|people|humans|human beings|human)\b(?! (?:qui|que|dont|who|that)\b)",
            "c est",
            "ce sont",
            "sont",
            "they re",
            "are",
            judge=_group_rule,
        ),
        # A group worth nothing: "une meuf ça vaut rien sans un homme", "X are worth nothing".
        rule(
            "hate.group",
            0.8,
            rf"\b(?:(?:une|un|les|des|ces|a|an|all) )?(?:{_ALL_GROUPS}) (?:ca |ils |elles |they )?(?:ne |n )?(?:(?:vaut|valent|is worth|are worth|are good for|sert|servent) (?:a )?(?:rien|nothing|que dalle|pas grand chose)|(?:is|are) useless)\b",
            "vaut",
            "valent",
            "worth",
            "good for",
            "sert",
            "useless",
            judge=_group_at(0.8),
        ),
        # Good only for the kitchen, the household or sex: the group is in the feminine.
        rule(
            "hate.misogynistic",
            0.85,
            r"\b(?:(?:juste|que|seulement|tout juste|qu) bonnes? (?:qu )?a|bonnes? qu a) (?:la cuisine|faire (?:la cuisine|le menage|la vaisselle|des gosses|des enfants|a manger|la bouffe)|la vaisselle|pondre|ecarter|sucer|baiser|se taire|la fermer|fermer (?:leur|vos|sa|ta) gueule|rester a la maison)\b|\b(?:only|just) good (?:for|at) (?:cooking|the kitchen|making sandwiches|sex|cleaning|breeding)\b",
            "bonne",
            "good",
        ),
        # Fire set to the places of a group: a camp, caravans, a mosque, a synagogue.
        rule(
            "hate.racist",
            0.85,
            r"\b(?:cramer|bruler|incendier|(?:mettre|foutre|fout|met) le feu (?:a|au|aux|dans)|(?:coup|bidon|jerrican|cocktail|cocktails) d ?essence (?:sur|dans)|molotov (?:sur|dans)|burn down|torch) (?:leur |leurs |ce |cette |ces |le |la |les |their |that |the )?(?:camps?|campements?|caravanes?|bidonvilles?|mosquees?|foyers? de migrants|camps? de migrants|centres? d accueil|mosques?|refugee camps?)\b",
            "cramer",
            "bruler",
            "incendier",
            "feu",
            "essence",
            "molotov",
            "burn down",
            "torch",
        ),
        # A trans woman called a man in costume: "un mec en perruque", "a dude in a dress".
        rule(
            "hate.antitrans",
            0.85,
            r"\b(?:un |a |juste un |just a )?(?:mec|homme|gars|type|keum|man|dude|guy|bloke) (?:en|in a|in) (?:robe|jupe|perruque|talons|dress|skirt|wig|heels)\b",
            "robe",
            "jupe",
            "perruque",
            "talons",
            "dress",
            "skirt",
            "wig",
            "heels",
        ),
        # Belongings to guard because a group is near: the stereotype of a thieving people.
        rule(
            "hate.group",
            0.8,
            rf"\b(?:{_GUARD}) (?:a |aux |bien )?(?:vos|tes|your) {_BELONGINGS}\b(?: \w+){{0,6}}? (?:{_ALL_GROUPS})\b",
            *_GUARD_ANCHORS,
            judge=_group_at(0.8),
        ),
        rule(
            "hate.group",
            0.8,
            rf"\b(?:{_ALL_GROUPS})\b(?: \w+){{0,8}}? (?:{_GUARD}) (?:a |aux |bien )?(?:vos|tes|your) {_BELONGINGS}\b",
            *_GUARD_ANCHORS,
            judge=_group_at(0.8),
        ),
        # Made for the kitchen: "les femmes c'est fait pour la cuisine".
        rule(
            "hate.misogynistic",
            0.85,
            r"\b(?:les |une |ces )?(?:femmes|meufs|filles|nanas|gonzesses|femme|meuf|fille|nana) (?:c ?est|sont|ca ?est|ca) (?:faite?s? |fait )pour (?:la cuisine|le menage|la vaisselle|faire (?:des gosses|des enfants|la cuisine|le menage|a manger)|obeir|se taire|fermer (?:leur|sa) gueule|baiser|sucer|ecarter|la maison|rester a la maison)\b|\bwomen (?:are|were) (?:made|born|built) (?:for|to) (?:the kitchen|cook|cooking|clean|cleaning|obey|breed)\b",
            "fait",
            "faite",
            "made",
            "born",
            "built",
        ),
        rule(
            "hate.antisemitic",
            0.85,
            r"\b(?:cramer|bruler|incendier|(?:mettre|foutre|fout|met) le feu (?:a|au|aux|dans)|(?:coup|bidon|jerrican|cocktail|cocktails) d ?essence (?:sur|dans)|molotov (?:sur|dans)|burn down|torch) (?:leur |leurs |cette |ces |la |les |their |that |the )?(?:synagogues?)\b",
            "cramer",
            "bruler",
            "incendier",
            "feu",
            "essence",
            "molotov",
            "burn down",
            "torch",
        ),
    ],
    view="lexical",
)

# Written for the folded view, where punctuation survives: the "echo" of antisemitic
# code, a word in triple parentheses to mark it as Jewish ("the (((bankers)))").
_FOLDED_RULES = RuleSet(
    [
        rule(
            "hate.antisemitic",
            0.85,
            r"\(\(\(\s?[a-z][^()]{0,30}\)\)\)",
            "(((",
        ),
    ]
)

# Slurs typed with letters masked ("p*te", "n***e"): each run of masks stands for as many
# letters (one star for one or two), and the word is read as the slur it can only be.
_MASKED = re.compile(r"(?<![a-z*#])(?:[a-z]*(?:[*#]+[a-z]+)+[*#]*|[a-z]+[*#]+)(?![a-z*#])")


def _slur_terms() -> dict[str, tuple[str, float]]:
    terms: dict[str, tuple[str, float]] = {}
    text = resources.files("causette.safety").joinpath("lexicons", "hate.txt").read_text("utf-8")
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split(maxsplit=2)
        if len(parts) == 3 and float(parts[1]) >= 0.6:
            term = lexical_form(parts[2])
            if term and " " not in term and len(term) >= 3:
                terms[term] = (parts[0], float(parts[1]))
    return terms


_SLUR_TERMS = _slur_terms()
# Swear words people mask far more often than slurs: "s**t" is "shit" before it is "slut".
_SWEARS = (
    "shit",
    "fuck",
    "fucking",
    "fucked",
    "damn",
    "hell",
    "crap",
    "piss",
    "dick",
    "cock",
    "arse",
    "ass",
    "bloody",
    "putain",
    "merde",
    "bordel",
    "chier",
    "con",
    "conne",
    "connard",
    "cul",
    "salaud",
    "enfoire",
    "encule",
    "batard",
    "nique",
    "foutre",
)


def _masked(norm: Normalized) -> Iterator[Signal]:
    view = norm.folded
    text = view.text
    if "*" not in text and "#" not in text:
        return
    for token in _MASKED.finditer(text):
        word = token.group()
        if sum(char.isalpha() for char in word) < 2:
            continue
        shape = re.compile(
            "".join(
                re.escape(run)
                if run[0] not in "*#"
                else ("[a-z]{1,2}" if len(run) == 1 else f"[a-z]{{{len(run)}}}")
                for run in re.findall(r"[*#]+|[a-z]+", word)
            )
        )
        if any(shape.fullmatch(swear) for swear in _SWEARS):
            continue
        found = [value for term, value in _SLUR_TERMS.items() if shape.fullmatch(term)]
        if found:
            rule_id, score = max(found, key=lambda value: value[1])
            yield Signal(rule_id, score, view.span(token.start(), token.end()))
            return


def _condemned(norm: Normalized, start: int, end: int) -> bool:
    """Whether the slur at ``start:end`` (original offsets) is reported or condemned."""
    original = norm.original
    before = Normalized(original[max(0, start - 60) : start]).folded.text
    after = Normalized(original[end : end + 40]).folded.text
    if _CONDEMN_BEFORE.search(before) or _CONDEMN_AFTER.search(after):
        return True
    # An empty string is "in" any string: a slur at the end of the line is not quoted.
    before_mark = original[max(0, start - 2) : start].strip()[-1:]
    after_mark = original[end : end + 2].strip()[:1]
    return bool(before_mark and after_mark) and before_mark in _QUOTES and after_mark in _QUOTES


# Slurs that are also ordinary words in some sentences: "PD" for a police department in
# English ("the PD said", "PD is telling people"), "fag" for a cigarette in British English
# ("a fag break", "rolled a fag"), "faire la bamboula" (to party), macaques at the zoo, "au
# trav" (at work), 1488 as a year or an amount. Each innocent sense has its frame, before or
# after the word.
_NEVER = re.compile(r"(?!)")
_OTHER_SENSE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "bamboula": (re.compile(r"\bla $"), _NEVER),
    "macaque": (
        re.compile(r"\b(?:les|des|ces|deux|trois|quelques|\d+|bebes?|jeunes?|petits?|groupe de) $"),
        re.compile(
            r" (?:du|au|des|de barbarie|japonais|rhesus|crabiers?|magots?|sauvages?|en liberte|"
            r"dans|at the|in the|monkeys?)\b"
        ),
    ),
    "trav": (
        re.compile(r"\b(?:au|du|mon|ton|son|notre|votre|leur|apres le|avant le|sur le|de) $"),
        _NEVER,
    ),
    "1488": (
        re.compile(
            r"\b(?:en|in|an|annee|year|page|p|n|no|numero|ticket|code|commande|order|vol|flight|"
            r"bus|ligne|route|km|depuis|since|vers|around|de|du|le|la) $"
        ),
        re.compile(
            r" (?:€|euros?|e|eur|dollars?|km|m|ans|pages?|habitants?|points?|followers|abonnes)\b"
        ),
    ),
    "pd": (
        re.compile(
            r"\b(?:the|local|city|county|state|police|metro|campus|transit|ny|la|sf|chicago|"
            r"houston|phoenix|portland|seattle|boston|dallas|detroit|vegas) $"
        ),
        re.compile(
            r" (?:is|was|says|said|told|tells|are|were|has|have|had|will|would|arrested|"
            r"officers?|department|dept|reports?|reported|confirmed|responded|showed|came|"
            r"called|chief|station|cars?|released|warned|warns|asks|asked|recommends)\b"
        ),
    ),
    "fag": (
        re.compile(
            r"\b(?:smoke|smoking|smoked|roll|rolled|rolling|light|lit|lighting|quick|sneaky|"
            r"cheeky|packet of|pack of|box of|spare|bum|bummed|last|first|morning) $"
        ),
        re.compile(r" (?:break|breaks|end|ends|packet|packets|butt|butts|paper|papers|outside)\b"),
    ),
}


def _other_sense(text: str, start: int, end: int) -> bool:
    """Whether the lexicon term at ``text[start:end]`` (lexical view) is in its innocent sense."""
    frames = _OTHER_SENSE.get(text[start:end].removesuffix("s"))
    if frames is None:
        return False
    before, after = frames
    return bool(before.search(text, max(0, start - 30), start) or after.match(text, end))


# A man in a dress or a wig at a carnival, on stage or in drag is a costume, not a slur.
_COSTUME = re.compile(
    r"\b(?:carnaval\w*|deguis\w*|halloween|theatre|drag|costumes?|spectacle|kilt|ecossais|"
    r"panto\w*|fancy dress|stage|scene|cosplay|mardi gras|bal masque|fete deguisee)\b"
)
_COSTUME_WORDS = re.compile(r"\b(?:robe|jupe|perruque|talons|dress|skirt|wig|heels)\b")


def _costume(norm: Normalized, signal: Signal) -> bool:
    if signal.rule != "hate.antitrans":
        return False
    words = Normalized(norm.original[signal.span[0] : signal.span[1]]).folded.text
    return (
        _COSTUME_WORDS.search(words) is not None and _COSTUME.search(norm.folded.text) is not None
    )


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Slurs and attacks on a group; quoted-to-condemn slurs at a reduced score."""
    lexical = norm.lexical
    for hit in SLURS.hits(lexical):
        span = lexical.span(hit.start, hit.end)
        reduced = _condemned(norm, *span) or _other_sense(lexical.text, hit.start, hit.end)
        found = Signal(hit.rule, hit.score * 0.3 if reduced else hit.score, span)
        if not reduced and _costume(norm, found):
            found = Signal(hit.rule, hit.score * 0.3, span)
        yield Signal(found.rule, round(found.score, 3), span)
    for found in (*_RULES.scan(norm, context), *_FOLDED_RULES.scan(norm, context), *_masked(norm)):
        if _condemned(norm, *found.span) or _costume(norm, found):
            found = Signal(found.rule, round(found.score * 0.3, 3), found.span)
        yield found
