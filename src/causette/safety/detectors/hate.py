"""Hate: slurs (a lexicon, ``lexicons/hate.txt``) and attacks on a group, French and English.

Quoting a slur to condemn it ("il m'a traité de ...", "arrêtez de dire ...") is a known hard
negative: the words are the same, the act is the opposite. When a condemning frame stands
just before or after the slur, or the slur is in quotation marks, the score is cut so the
policy notes it without acting on the speaker. Swearing with no group targeted ("putain",
"merde") is not hate and is not in the lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.hate_benign import (
    condemned,
    costume,
    other_sense,
    reclaimed,
    teasing,
)
from causette.safety.detectors.hate_groups import (
    ALL_GROUPS,
    DEHUMANISE,
    GROUP_RULES,
    KIND_RULES,
    STEREOTYPE_RULES,
    group_at,
    group_rule,
)
from causette.safety.detectors.hate_masked import masked
from causette.safety.detectors.hate_tropes import TROPE_RULES, asserted
from causette.safety.detectors.rules import Lexicon, RuleSet, rule
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

SLURS = Lexicon("hate.txt")

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

# Written for the lexical view, like ``GROUP_RULES``.
# Setting fire to a place of a group (its camps, its places of worship): the verbs and their
# anchors, shared by the rules for each group.
_BURN = (
    r"(?:cramer|bruler|incendier|(?:mettre|foutre|fout|met) le feu (?:a|au|aux|dans)|"
    r"(?:coup|bidon|jerrican|cocktail|cocktails) d ?essence (?:sur|dans)|molotov (?:sur|dans)|"
    r"burn down|torch)"
)
_BURN_ANCHORS = ("cramer", "bruler", "incendier", "feu", "essence", "molotov", "burn down", "torch")


_RULES = RuleSet(
    [
        *GROUP_RULES,
        *KIND_RULES,
        *STEREOTYPE_RULES,
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
            rf"\b(?:sales?|dirty|fucking|filthy|putains? de|espece de|bande de|saloperies? de|enfoires de|connards de|batards de) (?:{ALL_GROUPS})\b",
            "sale",
            "dirty",
            "fucking",
            "filthy",
            "putain",
            "espece",
            "bande",
            judge=group_rule,
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
        rule("hate.group", 0.85, rf"\b(?:{ALL_GROUPS}) de merde\b", "merde", judge=group_rule),
        rule(
            "hate.group",
            0.85,
            rf"\bles (?:{ALL_GROUPS}) (?:nous envahissent|nous remplacent|envahissent|volent tout|puent|pourrissent|detruisent)\b",
            "envahissent",
            "remplacent",
            "volent",
            "puent",
            "pourrissent",
            "detruisent",
            judge=group_rule,
        ),
        rule(
            "hate.group",
            0.6,
            rf"\bje (?:supporte|peux) pas (?:les|ces) (?:{ALL_GROUPS})\b",
            "supporte",
            "peux pas",
            judge=group_at(0.6),
        ),
        rule(
            "hate.racist",
            0.85,
            r"\b(?:grand remplacement|race (?:superieure|inferieure|pure)|(?:retourne|rentre|repars) (?:dans|a|en|chez) (?:ton|ta|tes) (?:pays|bled|brousse|desert|cambrousse|afri\w*|cite|tribu)|go back to (?:your|ur|the) (?:desert|jungle|country|tribe|cave|trees))\b",
            "remplacement",
            "race",
            "retourne",
            "rentre",
            "repars",
            "go back",
        ),
        # Sent back as a duty, said of "ça" or of a whole "they": "ça devrait retourner en
        # Afrique", "ils doivent tous rentrer dans leur bled", "they should go back to Africa".
        rule(
            "hate.racist",
            0.8,
            r"\b(?:ca|ils|elles|they|them|you people|ces gens|ces \w+ la) (?:\w+ )?(?:devrai\w*|doivent|doit|faut|faudrait|should|must|need to|ought to|have to) (?:tous |toutes |all )?(?:retourner|rentrer|repartir|go back|be sent back|etre renvoyes?|etre expulses?) (?:dans|en|a|au|chez|to) (?:leur |leurs |their |the |la |le )?(?:bled|brousse|jungle|desert|afri\w*|tribu|tribe|trees|cave|caverne)\b",
            "devrai",
            "doivent",
            "doit",
            "faut",
            "faudrait",
            "should",
            "must",
            "need to",
            "ought to",
            "have to",
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
            rf"\b(?:{ALL_GROUPS}) (?:are|r) (?:all |just |so |fucking |literally )?(?:{DEHUMANISE}|disgusting|gross|a mistake|an abomination|abominations)\b",
            "are",
            " r ",
            judge=group_rule,
        ),
        rule(
            "hate.antisemitic",
            0.9,
            r"\b(?:jews|juifs|feujs) (?:control|controls|run|runs|own|owns|controlent|dirigent|possedent|tiennent) (?:the |every|all|our|everything|it all|it |les |la |le |toutes |tous |tout|nos )\w*\b",
            "jews",
            "juifs",
            "feujs",
            judge=asserted,
        ),
        # The group named, then what should be done to them a few words on: "les X c'est des
        # ..., faut les cramer", "X ... send them all back".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{ALL_GROUPS})\b[^.!?]{{0,40}}?\b(?:(?:il )?faut|(?:il )?faudrait|on devrait|on va|faut qu on) (?:tous |toutes )?les (?:tuer|cramer|bruler|gazer|buter|fumer|exterminer|enfermer|deporter|virer|renvoyer|expulser|pendre|eliminer|degager|noyer|chasser|ratonner)\b",
            "faut",
            "faudrait",
            "devrait",
            "on va",
            judge=group_rule,
        ),
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{ALL_GROUPS})\b[^.!?]{{0,40}}?\b(?:send them|kill them|gas them|deport them|burn them|lock them up|get rid of them|kick them out)\b",
            "send them",
            "kill them",
            "gas them",
            "deport them",
            "burn them",
            "lock them",
            "get rid",
            "kick them",
            judge=group_rule,
        ),
        # A group denied rights: "les femmes devraient pas voter", "females should lose the vote".
        rule(
            "hate.group",
            0.85,
            rf"\b(?:{ALL_GROUPS}) (?:should not|shouldn t|should never|ne devraient (?:pas|jamais|plus)|devraient (?:pas|jamais|plus)|ne doivent (?:pas|jamais|plus)|doivent (?:pas|jamais|plus)|n ont pas a|ont pas a|should (?:all )?lose|devraient (?:toutes |tous )?perdre|need to lose) (?:pas |not |never |jamais |plus |all |toutes |tous )*(?:lose|perdre|have|avoir|be allowed|etre autorise\w*|get|obtenir|voter|vote|exister|exist|sortir|travailler|work|drive|conduire|adopter|adopt|se marier|marry|parler|speak)\b[^.!?]{{0,30}}(?:right|droit|vote|allowed|autorise|droits|rights|seules?|alone|enfants|kids|children)?",
            "should",
            "devraient",
            "doivent",
            "ont pas a",
            "need to",
            judge=group_rule,
        ),
        # A group said to corrupt children, the oldest libel against gay and trans people.
        rule(
            "hate.group",
            0.85,
            rf"\b(?:{ALL_GROUPS})\b[^.!?]{{0,30}}?\b(?:pervertir|pervertissent|pervertit|endoctrin\w*|corromp\w*|recrut\w*|groom\w*|brainwash\w*|corrupt\w*|indoctrinat\w*) (?:les|nos|des|vos|our|the|your)? ?(?:gosses|enfants|gamins|jeunes|kids|children|mioches|petits)\b",
            "pervert",
            "endoctrin",
            "corromp",
            "recrut",
            "groom",
            "brainwash",
            "corrupt",
            "indoctrinat",
            judge=group_rule,
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
            r"\bkick (?:them|every one of them|all of them|them all|every last one of them) out of (?:the|our|this) country\b(?! club)|\b(?:virez|foutez|jetez|chassez)[- ]les (?:tous )?(?:hors de (?:france|du pays|notre pays)|du pays)\b|\b(?:vous|ils|elles|they|you people) (?:vous |se )?(?:reproduisez|reproduisent|multipliez|multiplient|pullulez|pullulent|breed|multiply)\b[^.!?]{0,20}\b(?:comme des|like) (?:rats|lapins|cafards|animaux|vermine|rabbits|cockroaches|animals|vermin)\b|\b(?:t es|tu es|vous etes|you re|you are) (?:une |an )?(?:invasion|envahisseurs?|invaders?)\b|\bsend them (?:all )?back\b|\b(?:renvoy\w*|expuls\w*|vir\w*|deport\w*|send) (?:les |them )?(?:tous |all )?(?:chez eux|dans leur pays|dans leurs pays|en afrique|au bled|dans leur bled|d ou ils viennent|back where they came from|back to (?:africa|their country))\b|\bles (?:renvoyer|expulser|virer|deporter) (?:tous )?(?:chez eux|au bled|dans leur pays|en afrique|d ou ils viennent)\b|\bles renvoi\w* (?:tous )?(?:d ou ils viennent|au bled|dans leur pays|en afrique)\b",
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
            "renvoi",
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
            rf"\b(?:les|ces|the|all|all these|these) (?:{ALL_GROUPS}) (?:are |r )?(?:ruin|ruining|ruined|destroy|destroying|destroyed|taking over|take over|invading|invade|replacing|replace|pourrissent|detruisent|envahissent|ruinent|gachent)\b",
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
            judge=group_rule,
        ),
        # What should happen to them first, the group after: "ils devraient tous crever ces X".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:ils|elles|they) (?:devraient|doivent|vont|should|must|need to) (?:tous |toutes |all )?(?:crever|mourir|disparaitre|degager|bruler|etre (?:gazes|brules|extermines|expulses|deportes)|die|burn|disappear|be (?:gassed|deported|killed))\b[^.!?]{{0,10}}\b(?:ces|les|those|these|the) (?:{ALL_GROUPS})\b",
            "devraient",
            "doivent",
            "vont",
            "should",
            "must",
            "need to",
            judge=group_rule,
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
            rf"\b(?:ils|elles|they) sont (?:tous |toutes |vraiment |trop )?(?:des )?{DEHUMANISE} (?:ces|les) (?:{ALL_GROUPS})\b",
            "sont",
            judge=group_rule,
        ),
        # The group addressed in the second person: "vous les X vous êtes tous des ...".
        rule(
            "hate.group",
            0.9,
            rf"\bvous (?:les |autres |les sales )?(?:{ALL_GROUPS}) (?:vous )?(?:etes|z etes) (?:tous |toutes |que |juste |vraiment )?(?:des |de la |une |du )?{DEHUMANISE}",
            "vous",
            judge=group_rule,
        ),
        # Denied to be people: "c'est des X, c'est pas des gens", "X are not even human".
        rule(
            "hate.group",
            0.9,
            rf"\b(?:{ALL_GROUPS})\b(?: \w+){{0,4}}? (?:c est|ce sont|ils sont|elles sont|sont|they re|they are|are) (?:pas|meme pas|not|not even) (?:des |de vrais |de vraies )?(?:gens|humains|etres humains|personnes|people|humans|human beings|human)\b(?! (?:qui|que|dont|who|that)\b)",
            "c est",
            "ce sont",
            "sont",
            "they re",
            "are",
            judge=group_rule,
        ),
        # A group worth nothing: "une meuf ça vaut rien sans un homme", "X are worth nothing".
        rule(
            "hate.group",
            0.8,
            rf"\b(?:(?:une|un|les|des|ces|a|an|all) )?(?:{ALL_GROUPS}) (?:ca |ils |elles |they )?(?:ne |n )?(?:(?:vaut|valent|is worth|are worth|are good for|sert|servent) (?:a )?(?:rien|nothing|que dalle|pas grand chose)|(?:is|are) useless)\b",
            "vaut",
            "valent",
            "worth",
            "good for",
            "sert",
            "useless",
            judge=group_at(0.8),
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
            rf"\b{_BURN} (?:leur |leurs |ce |cette |ces |le |la |les |their |that |the )?(?:camps?|campements?|caravanes?|bidonvilles?|mosquees?|foyers? de migrants|camps? de migrants|centres? d accueil|mosques?|refugee camps?)\b",
            *_BURN_ANCHORS,
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
            rf"\b(?:{_GUARD}) (?:a |aux |bien )?(?:vos|tes|your) {_BELONGINGS}\b(?: \w+){{0,6}}? (?:{ALL_GROUPS})\b",
            *_GUARD_ANCHORS,
            judge=group_at(0.8),
        ),
        rule(
            "hate.group",
            0.8,
            rf"\b(?:{ALL_GROUPS})\b(?: \w+){{0,8}}? (?:{_GUARD}) (?:a |aux |bien )?(?:vos|tes|your) {_BELONGINGS}\b",
            *_GUARD_ANCHORS,
            judge=group_at(0.8),
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
            rf"\b{_BURN} (?:leur |leurs |cette |ces |la |les |their |that |the )?(?:synagogues?)\b",
            *_BURN_ANCHORS,
        ),
        *TROPE_RULES,
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


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Slurs and attacks on a group; quoted-to-condemn slurs at a reduced score."""
    lexical = norm.lexical
    for hit in SLURS.hits(lexical):
        span = lexical.span(hit.start, hit.end)
        reduced = (
            condemned(norm, *span)
            or other_sense(lexical.text, hit.start, hit.end)
            or reclaimed(lexical.text, hit.start, hit.end, norm.original)
            or teasing(norm, *span)
        )
        found = Signal(hit.rule, hit.score * 0.3 if reduced else hit.score, span)
        if not reduced and costume(norm, found):
            found = Signal(hit.rule, hit.score * 0.3, span)
        yield Signal(found.rule, round(found.score, 3), span)
    for found in (*_RULES.scan(norm, context), *_FOLDED_RULES.scan(norm, context), *masked(norm)):
        if condemned(norm, *found.span) or costume(norm, found):
            found = Signal(found.rule, round(found.score * 0.3, 3), found.span)
        yield found
