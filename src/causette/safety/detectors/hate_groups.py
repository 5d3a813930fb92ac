"""Attacks on a group: the groups hate names, the words that dehumanise them, their judges.

``ALL_GROUPS`` names each group in its own capture group, so a judge tells which hate a
match is (``hate.racist``, ``hate.antitrans``, ...). The rules of ``hate.py`` build on these
phrases; ``GROUP_RULES`` are the calls to kill, expel or hate a whole group.
"""

from __future__ import annotations

import re

from causette.safety.context import MessageContext
from causette.safety.detectors.rules import Judge, rule
from causette.safety.normalize import Normalized

_GROUPS = {
    "hate.homophobic": r"(?:gay people|pd|pedes?|homos?|gays?|gouines?|lesbiennes?|tapettes?|fags?|faggots?|homosexuels?|lgbt\w*)",
    "hate.racist": r"(?:you people|black people|black guys|asians|mexicans|africans|arabes?|romanos|romanichel\w*|bohemien\w*|rroms?|manouches?|tsiganes?|tziganes?|gypsies|gypsy|gens du voyage|brides|towelheads?|ragheads?|noirs?|noires?|negres?|bougnoules?|blacks?|renois|rebeus?|beurs?|chinois|asiatiques?|roms?|gitans?|migrants?|musulmans?|muzz|mouzz|muzzs|m slims?|musl ms?|immigres?|africains?|maghrebins?|bicots?|niggers?|muslims?|immigrants?)",
    "hate.antisemitic": r"(?:juifs?|feujs?|juives?|youpins?|feujs?|jews?|kikes?)",
    "hate.misogynistic": r"(?:(?:women|femmes|meufs|filles) (?:like you|comme toi)|females?|feministes?|feminists?|femmes?|meufs?|nanas?|gonzesses?|women|bitches)",
    "hate.antitrans": r"(?:trans people|trans women|trans men|trans|transsexuel\w*|transexuel\w*|travelos?|trannies|tranny|transgenres?|non binaires?|nonbinaires?|enbys?|enbies|queers?)",
}
ALL_GROUPS = "|".join(f"(?P<{rule_id.split('.')[1]}>{words})" for rule_id, words in _GROUPS.items())
DEHUMANISE = (
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
    r"stupid|dumb|bougnoules|une sous race|sous races|des sous races|"
    # Pests and prowlers: the old words for travellers and the poor.
    r"nuisibles|des nuisibles|rodeurs|des rodeurs|pillards|des pillards|une engeance)"
)
# A people made a collective of its vice: "une engeance de voleurs", "une race de rôdeurs".
COLLECTIVE = r"(?:(?:engeance|race|sous race|ramassis|horde|graine|nid) (?:de |d ))"
# The vices said of a people by birth (no animal: "cette race de chiens" is a breed).
_VICES = (
    r"(?:voleurs|rodeurs|pillards|parasites|nuisibles|criminels|delinquants|menteurs|profiteurs|"
    r"fraudeurs|faineants|feignants|assistes|sauvages|barbares|violeurs|sangsues|vermines?|"
    r"thieves|criminals|parasites|savages|leeches|vermin|rapists)"
)


def group_rule(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    for name in ("homophobic", "racist", "antisemitic", "misogynistic", "antitrans"):
        if match.group(name):
            return (f"hate.{name}", 0.9)
    return None


def group_at(score: float) -> Judge:
    """``group_rule`` at another score."""

    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        found = group_rule(match, norm, context)
        return None if found is None else (found[0], score)

    return judge


# Written for the lexical view: words only (no apostrophes: "c est"), leetspeak undone and
# spelled-out letters joined, so "les j u i f s" and "tr4nnies" read as words.
GROUP_RULES = [
    rule(
        "hate.group",
        0.9,
        rf"\b(?:mort aux|a mort les|dehors les|il faut (?:tous )?(?:les )?(?:tuer|gazer|bruler|exterminer|deporter|eliminer|pendre|virer) (?:tous )?les|on devrait (?:tuer|gazer|bruler|exterminer|deporter|eliminer|pendre) (?:tous )?les|je (?:hais|deteste|nique|vomis) (?:tous )?les|nique les|kill all|death to|i hate all|gas the|ban all) (?:sales? )?(?:{ALL_GROUPS})\b",
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
        judge=group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:les|tous les|toutes les|ces|the|all) (?:sales? )?(?:{ALL_GROUPS}) (?:\w+ ){{0,3}}?(?:(?:sont|c ?est|ce sont|are|=) (?:tous |toutes |que |juste |all |just |so |such )?|(?:tous|toutes|all) )(?:des |de la |une |du |de )?(?:\w+ )?{COLLECTIVE}?{DEHUMANISE}\b",
        "sont",
        "c est",
        "cest",
        "ce sont",
        "are",
        "=",
        "tous",
        "toutes",
        "all",
        judge=group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:{ALL_GROUPS}) (?:dehors|hors de france|au four|au bucher|a la potence|dans les camps|a la chambre a gaz|en camp|to the ovens|should (?:die|burn|be gassed))\b",
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
        judge=group_rule,
    ),
    rule(
        "hate.group",
        0.9,
        rf"\b(?:{ALL_GROUPS}) (?:(?:il )?faut|(?:il )?faudrait|on devrait|devraient|doivent|should|must|need to) (?:tous |toutes |all |les |tous les |toutes les |them )*(?:tuer|bruler|gazer|exterminer|deporter|pendre|degager|virer|eliminer|crever|mourir|disparaitre|etre (?:bannis|interdits|extermines|brules|elimines|enfermes|gazes)|be (?:banned|killed|gassed|exterminated|wiped out|deported|burned|locked up)|die|burn|disappear|leave)\b",
        "faut",
        "faudrait",
        "devrait",
        "devraient",
        "doivent",
        "should",
        "must",
        "need to",
        judge=group_rule,
    ),
]

# Animals said of a person and of their kind: "les singes comme toi", "des rats comme vous".
_PRIMATES = re.compile(
    r"\b(?:singes?|macaques?|gorilles?|chimpanzes?|ouistitis?|monkeys?|apes?|gorillas?|chimps?)\b"
)
_GROUP = re.compile(rf"\b(?:{ALL_GROUPS})\b")


def kind_like_you(
    match: re.Match[str], norm: Normalized, context: MessageContext
) -> tuple[str, float] | None:
    # The group named in the message says which hate; a primate for a person is the racist
    # trope by itself. "Des têtus comme toi" is teasing: no group, no primate, nothing.
    text = norm.lexical.text
    group = _GROUP.search(text)
    if group is not None:
        for name in ("homophobic", "racist", "antisemitic", "misogynistic", "antitrans"):
            if group.group(name):
                return (f"hate.{name}", 0.85)
    if _PRIMATES.search(match.group()):
        return ("hate.racist", 0.85)
    return None


KIND_RULES = [
    rule(
        "hate.group",
        0.85,
        r"\b(?:(?:les|des|ces|sales?|the|all|those) )?(?:singes|macaques|gorilles|chimpanzes|animaux|betes|"
        r"cafards|rats|vermines|parasites|chiens|porcs|sous hommes|monkeys|apes|gorillas|animals|"
        r"cockroaches|rats|vermin|parasites|dogs|pigs|subhumans) (?:comme (?:toi|vous|lui|elle|eux|ta "
        r"mere)|de ton espece|de ta race|de ton genre|like (?:you|u|him|her|them|your kind))\b(?! (?:et|and) (?:moi|nous|me|us|i)\b)",
        "comme",
        "espece",
        "race",
        "genre",
        "like",
        judge=kind_like_you,
    ),
    # A vice given by birth or blood to a whole group: "des voleurs de naissance", "c'est dans
    # leur sang"; and the group said to rot, infest or invade a place.
    rule(
        "hate.group",
        0.85,
        rf"\b(?:{ALL_GROUPS})\b(?: \w+){{0,10}} (?:(?:des |que des |tous des |all )?{DEHUMANISE} (?:de naissance|dans l ame|par nature|dans le sang|by nature|from birth)|(?:c est|it s|its) dans leur (?:sang|adn|genes|nature)|(?:it s|its) in their (?:blood|dna|genes|nature)|born (?:thieves|criminals|liars|rapists))\b",
        "naissance",
        "ame",
        "nature",
        "sang",
        "birth",
        "adn",
        "genes",
        "blood",
        "dna",
        "born",
        judge=group_at(0.85),
    ),
    # A people named by its vice, the group unnamed: "cette race de rôdeurs", "une engeance
    # de voleurs", "that race of thieves". Race or breed said of people is the racism itself.
    rule(
        "hate.racist",
        0.8,
        rf"\b(?:cette|ces|une|sale|leur|cet|that|this|a) (?:engeance|race|sous race|race of|breed of) "
        rf"(?:de |d )?{_VICES}\b",
        "engeance",
        "race",
        "breed",
    ),
    rule(
        "hate.group",
        0.8,
        rf"\b(?:{ALL_GROUPS}) (?:\w+ ){{0,2}}?(?:pourrissent|pourrissez|infestent|infestez|salissent|salissez|polluent|polluez|gangrenent|gangrenez|infest|pollute|ruin|rot) (?:le|la|les|notre|nos|ce|cette|ces|tout|toute|mon|ma|our|the|this|every|my|\d{{2}})\b",
        "pourri",
        "infest",
        "saliss",
        "pollu",
        "gangren",
        "ruin",
        "rot",
        judge=group_at(0.8),
    ),
]


# One's people, named to the person spoken to: the frame that turns a question about food
# or a disease into a stereotype thrown at someone ("like the rest of your people").
_YOUR_PEOPLE = re.compile(
    r"\b(?:(?:the rest of |all of )?(?:your|ur) (?:people|kind|race|lot|country|family)|you people|"
    r"you (?:guys|lot) (?:over there|from there)|(?:in|back in|back) (?:your|ur) country|"
    r"(?:ton|votre) peuple|(?:ta|votre) race|tes semblables|(?:comme )?(?:tous )?les tiens|"
    r"chez (?:toi|vous) (?:la bas|au pays)|(?:dans )?ton pays|au bled|vous les (?:chinois|asiat\w*|"
    r"jaunes|noirs|arabes|africains|viets?|vietnamiens|coreens))\b"
)


def _to_your_people(score: float) -> Judge:
    def judge(
        match: re.Match[str], norm: Normalized, context: MessageContext
    ) -> tuple[str, float] | None:
        return ("hate.racist", score) if _YOUR_PEOPLE.search(norm.lexical.text) else None

    return judge


# Stereotypes thrown at a person of Asian (or any) origin, or sent back to a place that says
# the speaker's contempt. Written for the lexical view (no apostrophes, leetspeak undone).
STEREOTYPE_RULES = [
    # Eating dogs, cats or bats said of the listener and their people: "do you eat dogs like
    # the rest of your people", "tu manges du chien comme les tiens", "your people eat bats".
    rule(
        "hate.racist",
        0.85,
        r"\b(?:you|u|tu|vous|your people|ur people|your kind|you people|ton peuple|ta race|les tiens)"
        r"(?: \w+){0,3} (?:eat|eats|eating|ate|mange|manges|mangez|mangent|bouffe|bouffes|bouffez|"
        r"bouffent) (?:des |du |de la |les |le |la |your |ton |ta |tes )?(?:dogs?|cats?|bats?|"
        r"doggies|puppies|kittens|chiens?|chats?|chatons?|chauves souris)\b",
        "eat",
        "ate",
        "mange",
        "bouff",
        judge=_to_your_people(0.85),
    ),
    # A disease laid at a people's door: "you people brought covid", "vous les chinois nous
    # avez ramené le virus", "your kind spread this plague".
    rule(
        "hate.racist",
        0.8,
        r"\b(?:you people|your people|ur people|your kind|your country|ton peuple|ta race|ton pays|"
        r"vous les (?:chinois|asiat\w*|jaunes|noirs|arabes|africains|juifs|viets?|immigres|migrants)|"
        r"vous autres)(?: vous| you)?(?: (?:all|have|just|literally|tous|nous|nous avez|avez))?"
        r" (?:brought|spread|started|caused|made|created|unleashed|released|gave (?:us|the world|"
        r"everyone)|ramene|ramenez|apporte|apportez|refile|refilez|propage|propagez|repandu|"
        r"repandez|lache|cree|invente|donne) (?:us |the world |a tout le monde |au monde )?"
        r"(?:le |la |the |this |that |ce |cette |leur |your |votre |ton |ta )?(?:covid\w*|corona\w*|"
        r"virus|plague|peste|pandemi\w*|disease|diseases|maladies?)\b",
        "brought",
        "spread",
        "started",
        "caused",
        "made",
        "created",
        "unleash",
        "released",
        "gave",
        "ramen",
        "apport",
        "refil",
        "propag",
        "repand",
        "lache",
        "cree",
        "invente",
        "donne",
    ),
    # Sent back to a rice field, a mud hut or a coconut tree: the place is the insult.
    rule(
        "hate.racist",
        0.85,
        r"\b(?:go back|get back|crawl back|run back|head back|fuck off back|retourne|retournez|rentre|"
        r"rentrez|repars|repartez|va|allez) (?:to|into|in|dans|a|sur|en) (?:your|ur|the|ta|ton|tes|"
        r"votre|vos) (?:own )?(?:rice (?:fields?|paddy|paddies|farm)|paddy fields?|paddies|rice "
        r"paddies|mud huts?|huts?|jungle|rizieres?|huttes?|cocotiers?|cases? en terre|palmiers?|"
        r"cage|grotte|caverne)\b",
        "back",
        "retourn",
        "rentr",
        "repar",
        "va",
        "allez",
    ),
]
