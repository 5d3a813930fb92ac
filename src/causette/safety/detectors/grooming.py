"""Grooming: checking the other is alone, secrecy, isolation, flattery, probing questions.

None of these is alarming alone between adults ("t'es seule ce soir ?" is flirting); each is
a step of the pattern that the risk model weighs with the ages and what came before.
"""

from __future__ import annotations

from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import MES_PARENTS, TES_PARENTS, TU_AS, TU_ES
from causette.safety.detectors.rules import Rule, RuleSet, rule
from causette.safety.detectors.voice import promise_voice, secrecy_voice
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

_RULES = RuleSet(
    [
        # Alone, unsupervised.
        rule(
            "alone.check",
            0.6,
            rf"\b{TU_ES} (?:toute? )?seule?s?\b(?! (?:au monde|dans la vie|dans ta vie|a penser|a croire|a faire))",
            "seul",
        ),
        rule(
            "alone.check",
            0.8,
            rf"\b(?:{TU_ES} (?:toute? )?seule? (?:a la maison|chez toi|ce soir chez toi|dans ta chambre|a la maison ce soir)|{TU_ES} seule? (?:a la maison|chez toi)|{TES_PARENTS} (?:sont|est|rentrent|rentre|reviennent|revient|dorment|dort|bossent|travaillent|te surveillent|regardent|sont partis|sont sortis|sont la|sont pas la|rentrent quand|rentrent a quelle heure)|y'? ?a (?:qui|quelqu'?un|personne) (?:chez toi|avec toi|a la maison|a cote de toi)|quelqu'?un (?:peut|pourrait) (?:voir|lire) (?:ton ecran|tes messages|ce que tu)|personne (?:ne )?(?:regarde|lit|voit) (?:ton (?:tel|ecran|portable)|tes messages)|ta porte est (?:fermee|fermee a cle)|tu dors (?:toute )?seule|t'?es tranquille (?:la|chez toi)|tu peux parler (?:librement|tranquille)|{TU_ES} dans ta chambre)",
            "seul",
            "parents",
            "mere",
            "maman",
            "daronne",
            "pere",
            "papa",
            "daron",
            "famille",
            "beau",
            "belle",
            "vieux",
            "frere",
            "soeur",
            "chez toi",
            "avec toi",
            "maison",
            "ecran",
            "messages",
            "porte",
            "dors",
            "tranquille",
            "librement",
            "chambre",
        ),
        rule(
            "alone.check",
            0.75,
            r"\b(?:are (?:you|u) (?:home )?alone|(?:r|are) (?:you|u|ur) (?:home )?(?:by yourself|alone)|are (?:your|ur) (?:parents|mom|mum|dad) (?:home|around|there|asleep|out)|is (?:anyone|anybody|someone) (?:home|with you|around)|can (?:anyone|someone) see (?:your|ur) (?:screen|phone)|when do (?:your|ur) parents (?:get|come) (?:home|back))\b",
            "alone",
            "yourself",
            "parents",
            "mom",
            "mum",
            "dad",
            "anyone",
            "anybody",
            "someone",
        ),
        # Secrecy.
        rule(
            "secrecy",
            0.85,
            r"\b(?:c'?est|ce sera|ca reste|ca sera|ce serait|que ca reste|gardons ca|ce sera) (?:notre|un) (?:petit )?secret\b|\b(?:notre|nos) (?:petits? )?secrets?\b",
            "secret",
            judge=secrecy_voice,
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:ne )?(?:dis|dit|di|dites|raconte|racontes|parle|parles|montre|montres)(?: le| les| en)?(?: rien| pas| jamais| surtout pas| surtout rien)(?: de (?:ca|nous|moi|notre conv\w*|tout ca))? (?:a |aux )?(?:personne|{TES_PARENTS}|tes potes|tes amis|tes copines?|tes profs|ta prof|ton prof|ta copine|ton copain|la police|tes parents ni)\b",
            "dis",
            "dit",
            "di ",
            "raconte",
            "parle",
            "montre",
            judge=secrecy_voice,
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:(?:le|en) (?:dis|dit|parle) a personne|(?:n'?en |en )?parle (?:a|pas a) personne|personne (?:ne )?(?:doit|dois|va|doit jamais) (?:savoir|le savoir|etre au courant)|{TES_PARENTS} (?:ne )?(?:doivent|doit|doivent jamais|doit jamais) (?:pas |rien |jamais )?(?:savoir|le savoir|etre au courant|voir)|garde (?:ca|le|les|tout ca) pour toi|que (?:ca|tout ca) reste entre (?:nous|toi et moi)|reste entre (?:nous|toi et moi))\b",
            "personne",
            "parents",
            "mere",
            "pere",
            "famille",
            "garde",
            "entre nous",
            "entre toi",
            judge=secrecy_voice,
        ),
        rule(
            "secrecy",
            0.85,
            r"\b(?:efface|supprime|effacer|supprimer|efface bien|supprime bien|delete|vide|cache)s? (?:la|cette|notre|nos|les|tes|ton|tout|mes|nos) ?(?:conv|convo|conversation|discussion|messages?|msgs?|historique|photos?|echanges?|discu|discut|chat)\b|\befface tout\b|\b(?:mode ephemere|messages? ephemeres?)\b",
            "efface",
            "supprime",
            "delete",
            "vide",
            "cache",
            "ephemere",
        ),
        rule("secrecy", 0.4, r"\bentre nous\b", "entre nous"),
        rule(
            "secrecy",
            0.85,
            r"\b(?:(?:it'?s|this is|keep it|that'?s) (?:our|a) (?:little )?secret|our (?:little )?secret|don'?t tell (?:anyone|anybody|(?:your|ur) (?:mom|mum|dad|parents|friends|teacher))|(?:keep|it stays) (?:this|it) between (?:us|you and me)|delete (?:the|our|this|these|your) (?:chat|messages|conversation|texts|pics|photos)|nobody (?:needs|has|must|should) (?:to )?know|your parents (?:can'?t|shouldn'?t|mustn'?t) know)\b",
            "secret",
            "tell",
            "between",
            "delete",
            "nobody",
            "know",
            judge=secrecy_voice,
        ),
        # Isolation and flattery.
        rule(
            "isolation",
            0.65,
            rf"\b(?:(?:{TES_PARENTS}|tes potes|tes amis|tes copines|personne|les autres|ils|elles) (?:ne )?(?:te )?(?:comprennent|comprend|comprenent|ecoutent|ecoute) (?:pas|rien|jamais)|personne (?:ne )?te comprend|moi (?:je )?te comprends?|je suis (?:le |la )?seule? a te comprendre|je (?:te )?comprends mieux que (?:eux|tes parents|personne)|(?:ils|elles|tes potes|tes amis|tes parents) (?:sont|sont juste) (?:jaloux|jalouses|nuls|cons)|{TU_AS} pas besoin (?:d'?eux|de tes (?:parents|potes|amis)|de personne d'autre)|je suis (?:le |la )?seule? qui (?:compte|te comprend)|(?:ils|tes parents) veulent (?:juste )?te controler)\b",
            "compren",
            "ecoute",
            "jaloux",
            "jalouses",
            "nuls",
            "cons",
            "besoin",
            "compte",
            "controler",
        ),
        rule(
            "isolation",
            0.65,
            r"\b(?:(?:your|ur) (?:parents|mom|dad|friends) (?:don'?t|dont|never) (?:understand|get|listen to) (?:you|u)|(?:only i|i'?m the only one who) (?:understands?|gets?) (?:you|u)|(?:you|u) don'?t need (?:them|your (?:parents|friends)))\b",
            "understand",
            "get",
            "listen",
            "need",
        ),
        rule(
            "flattery",
            0.7,
            rf"\b(?:{TU_ES} (?:tres |trop |super |vachement |hyper |si )?(?:mature|matures) pour ton age|tu fais (?:plus|pas) (?:que |)ton age|tu fais plus vieille|{TU_ES} pas comme les (?:autres )?(?:filles|gars|ados|jeunes) de ton age|(?:you'?re|ur|you are) (?:so |very |really )?mature for (?:your|ur) age)\b",
            "mature",
            "ton age",
            "vieille",
        ),
        # Photos and camera.
        # Money and gifts.
        # Later additions: the same steps in the words of slower, softer approaches.
        rule(
            "flattery",
            0.7,
            r"\b(?:mature|matures|grande|mure|en avance|developpee?|plus vieille|plus age|plus agee|plus grande) pour ton age\b|\btu fais (?:plus|pas) (?:que )?ton age\b|\b(?:les|des) (?:garcons|gars|mecs|filles|meufs|jeunes|ados) de ton age (?:sont|c'?est|savent|peuvent|comprennent)\b|\bun (?:vrai )?homme (?:saurait|sait|pourrait|peut) (?:prendre soin|s'?occuper|te traiter)\b|\b(?:you (?:seem|look|sound|act) (?:so |much |really )?(?:older|mature|grown)|boys your age)\b",
            "pour ton age",
            "ton age",
            "homme",
            "seem",
            "look",
            "sound",
            "act",
            "boys your",
        ),
        rule(
            "isolation",
            0.6,
            r"\b(?:les autres|ils|elles|les gens|personne|tes parents) (?:ne )?(?:peuvent|pourraient|vont|sauront|pourront) (?:pas|jamais) (?:comprendre|comprendre ce qu'?on|savoir ce qu'?on)\b|\b(?:toi et moi|nous deux) (?:on est|c'?est) (?:speciaux|speciales|different\w*|pareils|unique\w*|a part)\b|\bon est (?:speciaux|a part) toi et moi\b|\b(?:elle|il|ils|ta mere|ton pere|tes parents) te (?:traite|traitent) comme (?:une gamine|un gamin|un bebe|une enfant|un enfant|une petite)\b|\btu merites (?:mieux|quelqu'?un qui)\b|\b(?:les gens|ils) (?:jugent|jugeraient|critiquent) (?:trop|tout)\b|\btu peux tout me dire\b|\b(?:you deserve someone who|they (?:wouldn'?t|won'?t|can'?t) understand (?:us|this))\b",
            "compren",
            "toi et moi",
            "nous deux",
            "speciaux",
            "traite",
            "merites",
            "jugent",
            "jugeraient",
            "critiquent",
            "tout me dire",
            "deserve",
            "understand",
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:(?:il )?(?:faut|faudrait|faut surtout) (?:pas|rien|surtout pas|jamais) (?:le |la |les |en |leur |lui )?(?:dire|raconter|parler|montrer|demander)(?: (?:ca|rien))? a (?:personne|{TES_PARENTS}|tes potes|tes amis|tes copines)|(?:dis|dit|raconte|parle|montre)[- ]?(?:le|la|les|en)? ?(?:a|aux) personne|personne (?:ne )?(?:le |l'|n'en )?(?:saura|saura jamais|va le savoir|en saura rien|le saura)|(?:faut|faudrait) (?:pas|rien) (?:le |en )?(?:dire|parler) a personne|faut rien demander a personne)\b",
            "faut",
            "faudrait",
            "personne",
            judge=secrecy_voice,
        ),
        rule(
            "alone.check",
            0.75,
            rf"\b(?:(?:ils|elles|{TES_PARENTS}) (?:regardent|checkent|surveillent|fouillent|controlent|lisent|verifient) (?:ton|tes|ta) (?:tel|telephone|portable|messages|conv\w*|historique)|quelqu'?un (?:regarde|lit|check|verifie) (?:ton|tes) (?:tel|telephone|portable|messages)|(?:do|does) (?:your|ur) (?:parents|mom|dad|mum) (?:check|read|look at) (?:your|ur) (?:phone|messages))\b",
            "regardent",
            "checkent",
            "surveillent",
            "fouillent",
            "controlent",
            "lisent",
            "verifient",
            "regarde",
            "lit",
            "check",
            "verifie",
            "read",
            "look at",
        ),
        rule(
            "alone.reply",
            0.45,
            rf"\b(?:{MES_PARENTS}|ma mere|mon pere) (?:travaille|travaillent|bosse|bossent|rentre|rentrent|revient|reviennent|sont|est|dort|dorment) (?:tard|pas la|au (?:travail|taf|boulot)|a \d\d ?h|partis?|sortis?|en voyage|en deplacement|absents?|jamais la|ce soir pas la)\b|\b(?:je suis|chui|jsuis|jsui) (?:toute? )?seule? (?:a la maison|chez moi|ce soir|dans ma chambre|jusqu'?a)\b|\bmy (?:mom|mum|dad|parents) (?:is|are|works|work) (?:at work|away|out|not home|late|on a trip)\b|\bi'?m (?:home )?alone\b",
            "parents",
            "mere",
            "maman",
            "daronne",
            "pere",
            "papa",
            "daron",
            "vieux",
            "famille",
            "seul",
            "mom",
            "mum",
            "dad",
            "alone",
        ),
        rule(
            "sexual.probe",
            0.8,
            rf"\b(?:{TU_ES} (?:encore )?vierge|{TU_AS} deja (?:couche|fait l'?amour|eu un rapport|fait des trucs|embrasse un|vu un mec nu|suce)|tu (?:te touches|t'?es deja touchee?)|are (?:you|u) (?:still )?a virgin|have (?:you|u) ever (?:kissed|had sex|done it))\b",
            "vierge",
            "couche",
            "amour",
            "rapport",
            "trucs",
            "embrasse",
            "nu",
            "suce",
            "touche",
            "virgin",
            "kissed",
            "sex",
            "done it",
        ),
        rule(
            "romance.probe",
            0.35,
            rf"\b{TU_AS} (?:deja eu |deja )?(?:un|une) (?:copain|copine|petit copain|petite copine|amoureux|amoureuse|mec|keum|meuf|chéri|cheri|cherie)\b|\bdo (?:you|u) have a (?:boyfriend|girlfriend|bf|gf)\b",
            "copain",
            "copine",
            "amoureu",
            "mec",
            "keum",
            "meuf",
            "cheri",
            "boyfriend",
            "girlfriend",
            "bf",
            "gf",
        ),
        rule(
            "secrecy",
            0.8,
            r"\b(?:tu gardes? (?:ca|le|tout ca|ca bien) pour toi|gardes? ca pour toi|(?:en mp|en prive|en pv),? c'?est (?:discret|plus discret)|en toute discretion|don'?t (?:mention|say anything about) (?:it|this|us|me)(?: at home| to anyone)?|(?:better|best) if (?:they|your parents|no one) (?:don'?t|doesn'?t|never) find out|(?:they|your parents) (?:shouldn'?t|mustn'?t|can'?t|won'?t) find out|our little (?:club|secret|thing)|just (?:us|you and me), (?:ok|okay|deal))\b",
            "gardes",
            "garde",
            "discret",
            "discretion",
            "mention",
            "say anything",
            "find out",
            "our little",
            "just us",
            "just you",
            judge=secrecy_voice,
        ),
        rule(
            "isolation",
            0.6,
            r"\b(?:adults|grown[- ]ups|people|they) (?:wouldn'?t|won'?t|don'?t|can'?t) understand\b|\b(?:parents|they) don'?t (?:always )?see what (?:we|i) see\b|\b(?:you seem|t'?as l'?air|tu as l'?air|tu sembles?) (?:so |tres |trop |un peu )?(?:lonely|seule?|triste|isolee?|sad)\b|\bi'?m always (?:here|there) (?:for you|if you need)\b|\bje serai toujours la pour toi\b",
            "understand",
            "see what",
            "seem",
            "air",
            "sembl",
            "always here",
            "always there",
            "toujours la",
        ),
        rule(
            "flattery",
            0.5,
            r"\b(?:you'?re|ur|you are) (?:so )?(?:special|different from the others|not like the others)\b|\bt'?es (?:trop |tellement |vraiment )?(?:speciale?|unique|pas comme les autres)\b|\byou draw better than\b",
            "special",
            "different",
            "not like",
            "speciale",
            "unique",
            "pas comme",
            "better than",
        ),
        rule(
            "alone.check",
            0.6,
            r"\b(?:what'?s|what is) (?:your|ur) schedule\b|\b(?:ton|ta) (?:emploi du temps|planning) (?:apres|apres les cours|le soir)\b|\b(?:tu rentres|t'?es chez toi|tu finis) a quelle heure\b|\bwhen do you get home\b",
            "schedule",
            "emploi du temps",
            "planning",
            "quelle heure",
            "get home",
        ),
        rule(
            "alone.reply",
            0.5,
            r"\b(?:home at \d+,? parents at \d+|parents (?:at|a) \d+ ?h?|parents? (?:rentrent|rentre|home) (?:a|at|vers) \d+)\b",
            "parents",
        ),
        rule(
            "alone.check",
            0.75,
            rf"\b(?:(?:ils|elles) sont ou {TES_PARENTS}|ou sont {TES_PARENTS}|{TES_PARENTS} (?:sont|est) ou)\b",
            "ou",
        ),
        rule(
            "flattery",
            0.7,
            r"\bmature for (?:your age|ur age|\d+|a \d+ year old)\b|\bmature pour (?:\d+ ans|une fille de \d+|un gars de \d+)\b",
            "mature",
        ),
        rule(
            "alone.check",
            0.6,
            rf"\b{TU_AS} (?:le droit|la permission) de (?:sortir|aller|parler|avoir|venir|dormir)\b|\b{TES_PARENTS} (?:te laissent|te laisse|t'?autorisent|t'?autorise) (?:sortir|aller|parler|venir|dormir)\b|\b{TES_PARENTS} (?:savent|sait|sont au courant|est au courant) (?:que|qu'|de|ou)\b|\btu (?:dors|te couches) a quelle heure\b|\b(?:do|does) (?:your|ur) parents know\b",
            "droit",
            "permission",
            "laisse",
            "autoris",
            "savent",
            "sait",
            "courant",
            "dors",
            "couches",
            "parents know",
        ),
        rule(
            "sexual.probe",
            0.6,
            rf"\btu portes quoi\b|\b{TU_ES} (?:habillee?|en pyjama|en culotte|en serviette|en sous[- ]vetements?|dans ton lit|sous la douche|dans ton bain) ?(?:la|maintenant|comment)?\s*\?|\bwhat are (?:you|u) wearing\b|\b(?:are|r) (?:you|u) in (?:bed|your pyjamas)\b",
            "portes quoi",
            "habille",
            "pyjama",
            "culotte",
            "serviette",
            "vetement",
            "lit",
            "douche",
            "bain",
            "wearing",
            "in bed",
            "pyjamas",
        ),
        rule(
            "isolation",
            0.45,
            r"\b(?:t'?es|tu es) (?:la |le )?seule? (?:qui me comprend|a me comprendre|qui compte)\b|\bje pense a toi (?:tout le temps|jour et nuit|sans arret|h24)\b|\b(?:you'?re|ur) the only one (?:who|that) (?:gets|understands) me\b",
            "seul",
            "pense a toi",
            "only one",
        ),
        rule(
            "secrecy",
            0.7,
            rf"\b(?:t'?en as|tu en as) parle a (?:quelqu'?un|personne|{TES_PARENTS}|tes potes|tes amis)\b|\b(?:tu l'?as|t'?as|tu as) (?:dit|raconte|montre) a (?:quelqu'?un|{TES_PARENTS}|tes potes|tes amis)\b|\bentre toi et moi\b|\bdid (?:you|u) tell (?:anyone|your (?:mom|parents))\b",
            "parle a",
            "dit a",
            "raconte a",
            "montre a",
            "entre toi et moi",
            "tell",
        ),
        rule(
            "secrecy",
            0.85,
            rf"\b(?:{TU_AS}|y'?a|t'?auras|tu auras) (?:pas|aucun|rien) besoin de (?:le |la |les |leur |lui |en )?(?:dire|raconter|parler|montrer|prevenir)\b",
            "besoin",
        ),
        rule(
            "flattery",
            0.4,
            r"\b(?:petite|ma|une vraie) princesse\b|\b(?:t'?es|tu es) (?:trop |si |tellement )?(?:belle|beau|mignonne?|jolie) pour ton age\b",
            "princesse",
            "pour ton age",
        ),
        rule(
            "isolation",
            0.4,
            r"\b(?:tu me fais (?:pas )?confiance|je (?:ne )?te ferai jamais (?:de )?mal|je suis pas comme les autres (?:mecs|gars|hommes|adultes)|je veux juste (?:te connaitre|t'?aider|parler avec toi)|on est (?:amis|potes) (?:non|hein)\s*\?|(?:you can|u can) trust me|i would never hurt (?:you|u))\b",
            "confiance",
            "mal",
            "comme les autres",
            "veux juste",
            "amis",
            "potes",
            "trust",
            "hurt",
        ),
        rule(
            "alone.check",
            0.65,
            rf"\b(?:{TU_AS} (?:ta|une) (?:propre )?chambre|ta (?:porte|chambre) (?:ferme|se ferme|est fermee) a cle|tu (?:finis|sors de|termines) (?:les cours|l'?ecole|le college|le lycee) a quelle heure|(?:do|d) (?:you|u) have (?:your|ur) own room|is (?:your|ur) door locked|what are (?:you|u) doing after school|what do (?:your|ur) parents think about (?:you|u) talking)\b",
            "chambre",
            "cle",
            "quelle heure",
            "own room",
            "door",
            "after school",
            "parents think",
        ),
        rule(
            "secrecy",
            0.65,
            r"\b(?:je (?:ne )?(?:dirai|dis|raconterai) (?:rien|jamais rien) a personne|je (?:ne )?le dirai a personne|tu peux tout me (?:dire|raconter)|ca reste entre nous|(?:this|it) stays between us|i won'?t tell (?:anyone|anybody|your parents)|you can tell me anything)\b",
            "dirai",
            "dis ",
            "raconterai",
            "tout me",
            "entre nous",
            "stays between",
            "won't tell",
            "wont tell",
            "tell me anything",
            judge=promise_voice,
        ),
        rule(
            "romance.probe",
            0.45,
            rf"\b(?:tu veux (?:etre|devenir) (?:ma|mon) (?:copine|copain|cherie?|meuf|mec|amoureuse|amoureux)|{TU_ES} (?:ma|mon) (?:personne preferee|preferee?|cherie?)|(?:do you|wanna|want to) (?:want to )?be my (?:girlfriend|boyfriend|gf|bf)|(?:you'?re|ur) my (?:favorite|favourite) (?:person|girl|boy))\b",
            "veux",
            "preferee",
            "cheri",
            "girlfriend",
            "boyfriend",
            "gf",
            "bf",
            "favorite",
            "favourite",
        ),
        rule(
            "flattery",
            0.4,
            r"\btu te maquilles\b|\bdo (?:you|u) wear makeup\b",
            "maquilles",
            "makeup",
        ),
    ]
)


# Whom a secret is kept from, as the subject of "must not know".
_KEPT_FROM = (
    rf"(?:{TES_PARENTS}|ta (?:mere|maman|soeur|famille|copine|prof)|ton (?:pere|papa|frere|copain|prof)|"
    r"tes (?:potes|amis|amies|copines|copains|profs|freres|soeurs)|les autres|ta meuf|ton mec)"
)
_KEPT_FROM_EN = (
    r"(?:(?:your|ur) (?:parents|mom|mum|mother|dad|father|family|friends|sister|brother|teachers?|"
    r"bf|gf|boyfriend|girlfriend)|they|the others)"
)
# Secrecy stated as what the others must not know, rather than as an order not to tell: any
# modal, any negation ("tes parents ont pas besoin de savoir", "ta mère doit jamais
# l'apprendre", "mieux vaut que tes parents sachent pas", "no one can know about us", "your mom
# doesn't need to know"), "pas un mot à ...", "keep this to yourself", "delete this after".
_KNOWING: list[Rule] = [
    rule(
        "secrecy",
        0.85,
        rf"\b{_KEPT_FROM} (?:ne |n'?)?(?:ont|a|doivent|doit|devraient|devrait|vont|va|peuvent|peut|"
        r"sauront|saura|auront|aura) (?:pas|jamais|surtout pas|rien) (?:besoin |a |d'?)?(?:de |d'?)?"
        r"(?:le |l'|en |nous |rien )?(?:savoir|sav|etre au courant|apprendre|decouvrir|voir|lire|"
        r"entendre parler)\b"
        rf"|\b(?:mieux vaut|vaut mieux|faut) que {_KEPT_FROM} (?:ne )?(?:le |l'|en )?(?:sachent|sache|"
        r"voient|voie|apprennent|apprenne|soient au courant|soit au courant) (?:pas|rien|jamais)\b"
        rf"|\bpas un mot (?:a|aux) (?:personne|{_KEPT_FROM})\b",
        "besoin",
        "savoir",
        "courant",
        "apprendre",
        "decouvrir",
        "voir",
        "lire",
        "entendre",
        "sachent",
        "sache",
        "voient",
        "voie",
        "apprenne",
        "pas un mot",
        judge=secrecy_voice,
    ),
    rule(
        "secrecy",
        0.85,
        r"\b(?:no ?one|nobody) (?:else )?(?:can|should|must|needs to|has to|will|is going to|gets to|"
        r"is allowed to|may)? ?(?:ever )?(?:know|find out|hear about|see this|learn)\b"
        r"(?! (?:the (?:difference|answer)|for sure|yet|better|anything about it))"
        rf"|\b{_KEPT_FROM_EN} (?:can'?t|cannot|can never|shouldn'?t|should never|mustn'?t|must never|"
        r"don'?t need to|doesn'?t need to|do not need to|does not need to|won'?t ever|will never|"
        r"never need to|can'?t ever) (?:ever )?(?:know|find out|hear about|see (?:this|these|it)|learn)\b"
        r"|\bkeep (?:this|it|that|us|our chats?|what we (?:say|do)) (?:to yourself|secret|a secret|"
        r"on the (?:down ?low|dl)|hush(?:[- ]hush)?|from (?:your|ur) (?:parents|mom|mum|dad|family))\b"
        r"|\b(?:delete|erase|clear) (?:this|it|everything|all of (?:it|this)|the whole (?:chat|thing)|"
        r"these) (?:after|once|right after) (?:reading|you(?:'ve)? read (?:it|this)|we talk|we'?re done|"
        r"tonight|you see it)\b",
        "know",
        "find out",
        "hear about",
        "see",
        "learn",
        "keep",
        "delete",
        "erase",
        "clear",
        judge=secrecy_voice,
    ),
    # What the others will not see or know, in the future: "comme ça tes parents verront
    # rien", "so your parents can't check it".
    rule(
        "secrecy",
        0.8,
        rf"\b{_KEPT_FROM} (?:ne |n'?)?(?:le |l'|en |y )?(?:verront|verra|sauront|saura|liront|lira|"
        r"decouvriront|decouvrira|remarqueront|remarquera|captent|captera|capteront) (?:rien|jamais|pas)\b"
        rf"|\bso (?:that )?{_KEPT_FROM_EN} (?:can'?t|cannot|won'?t|don'?t|will never|never|wouldn'?t) "
        r"(?:check|see|know|find|read|look at|track)\b",
        "verront",
        "verra",
        "sauront",
        "saura",
        "liront",
        "lira",
        "decouvrir",
        "remarquer",
        "capte",
        "so ",
        judge=secrecy_voice,
    ),
    # A secret relationship, a friendship kept hidden: "ton copain secret", "I'll be your
    # secret boyfriend", "let's keep our friendship private".
    rule(
        "secrecy",
        0.75,
        r"\b(?:secret|hidden|cachee?|secrete?) (?:boyfriend|girlfriend|bf|gf|relationship|romance|"
        r"lover|copain|copine|relation|histoire|amoureux|amoureuse|cheri|cherie)\b"
        r"|\b(?:ton|ta|your|ur|notre|our) (?:copain|copine|amoureux|amoureuse|boyfriend|girlfriend|"
        r"relation|histoire|amitie|friendship|relationship) (?:secrete?|cachee?|secret|hidden)\b"
        r"|\bkeep (?:our|this|the) (?:friendship|relationship|chats?|talks?|thing) (?:private|secret|"
        r"hidden|low[- ]?key|on the down ?low|between us)\b"
        r"|\bgarder (?:notre (?:relation|amitie|histoire)|ca|nous) (?:secrete?|cachee?|secret|discret|"
        r"pour nous)\b",
        "secret",
        "hidden",
        "cache",
        "keep",
        "garder",
        judge=secrecy_voice,
    ),
    # When the parents are away, as the time proposed: "come over when your parents are at
    # work", "quand tes parents sont au boulot".
    rule(
        "alone.check",
        0.8,
        r"\bwhen (?:your|ur) (?:parents|mom|mum|dad|folks) (?:are|is|r|get|go) (?:at work|out|away|gone|"
        r"asleep|not (?:home|there|around)|to (?:bed|sleep|work))\b"
        rf"|\bquand {TES_PARENTS} (?:ne )?(?:sont|est|seront|sera) (?:au (?:travail|boulot|taf)|partis?|"
        r"absente?s?|pas la|sortie?s?|couchee?s?|en (?:voyage|vacances|deplacement))\b"
        rf"|\bquand {TES_PARENTS} (?:travaillent|travaille|bossent|bosse|dorment|dort|partent|part)\b"
        r"|\bwhat time (?:do|does|will) (?:you|u) (?:get|come) (?:back|home|out)\b",
        "when",
        "quand",
        "what time",
    ),
    # Sexual questions in other words: an older partner, touching oneself, underwear,
    # a bra size.
    rule(
        "sexual.probe",
        0.75,
        r"\b(?:have|did) (?:you|u) ever (?:touched|touch) (?:yourself|urself)\b|\bdo (?:you|u) (?:ever )?"
        r"touch (?:yourself|urself)\b"
        r"|\b(?:what'?s|what is|whats) (?:your|ur) (?:bra|cup) size\b|\b(?:ta|quelle|quel) (?:taille|tour) de "
        r"(?:soutif|soutien[- ]gorge|bonnet|poitrine)\b|\btu fais (?:quel|quelle) (?:bonnet|taille de soutif\w*|"
        r"taille de soutien[- ]gorge)\b"
        r"|\b(?:are|r) (?:you|u) wearing (?:anything|something) (?:under|underneath)\b|\btu portes "
        r"(?:quelque chose|qqch|un truc) (?:en )?dessous\b",
        "touch",
        "size",
        "taille",
        "tour de",
        "bonnet",
        "wearing",
        "dessous",
    ),
    rule(
        "sexual.probe",
        0.6,
        r"\b(?:like|into|been with|dated|date|kissed|aimes|kiffes|deja ete avec|deja sorti avec|sortir avec|"
        r"deja embrasse) (?:an |a |des |les |un |une )?(?:older|plus (?:ages?|agees?|vieux|vieilles?|murs?)) "
        r"(?:guys?|men|man|boys?|women|woman|girls?|hommes?|mecs?|gars|femmes?|filles?)\b"
        r"|\b(?:like|into|been with|dated|date|kissed|aimes|kiffes|deja ete avec|deja sorti avec|sortir avec|"
        r"deja embrasse) (?:an |a |des |les |un |une )?(?:guys?|men|man|boys?|women|woman|hommes?|mecs?|gars|"
        r"femmes?) (?:plus (?:ages?|agees?|vieux|vieilles?|murs?)|d'?age mur|older (?:than you|than u))\b",
        "older",
        "plus age",
        "plus vieu",
        "plus vieille",
        "plus mur",
        "age mur",
    ),
    # Flattery measured against the age: "so grown up for 14", "belle pour 13 ans".
    rule(
        "flattery",
        0.7,
        r"\b(?:you'?re|ur|u r|you are|you look|you seem|t'?es|tu es|t es|tu fais|t'?as l'?air|tu parais|"
        r"tu sembles)(?: \w+){0,2}? (?:grown[- ]up|mature|pretty|beautiful|gorgeous|cute|hot|sexy|developed|"
        r"tall|smart|wise|belle|jolie|mignonne|canon|bonne|developpee?|formee?|grande?|mure|intelligente?) "
        r"(?:for|pour) (?:your age|ur age|(?:a |an )?\d{1,2}(?:[- ]years?[- ]old)?\b|ton age|\d{1,2} ans|"
        r"une (?:fille|gamine|ado) de \d{1,2}|(?:une|ta) (?:4e|3e|5e|6e|seconde|collegienne|lyceenne))",
        " for ",
        " pour ",
    ),
    # Setting the other against friends and family: "ils te méritent pas".
    rule(
        "isolation",
        0.6,
        rf"\b(?:ils|elles|{_KEPT_FROM}) (?:ne )?te (?:meritent|merite) pas\b"
        rf"|\b(?:they|{_KEPT_FROM_EN}) (?:don'?t|do not|doesn'?t|does not) deserve (?:you|u)\b",
        "meritent",
        "merite",
        "deserve",
    ),
    # Checking that nobody is there, as a question about a parent's whereabouts.
    rule(
        "alone.check",
        0.75,
        r"\b(?:are |r |is )?(?:your|ur) (?:parents|mom|mum|dad|folks|family|mother|father) "
        r"(?:asleep|sleeping|home|out|away|at work|gone|around|in bed|back)(?: yet| now| rn| tonight| already)?\s*\?"
        r"|\b(?:is )?(?:anyone|anybody|someone) (?:else (?:home|around|there)|(?:else )?(?:there )?"
        r"with (?:you|u))(?: rn| now| right now)?\s*\?",
        "parents",
        "mom",
        "mum",
        "dad",
        "folks",
        "family",
        "mother",
        "father",
        "anyone",
        "anybody",
        "someone",
    ),
]
# One scan for both lists: a rule set costs a pass over the message even when nothing wakes.
_RULES = RuleSet([*_RULES.rules, *_KNOWING])


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Alone checks, secrecy, isolation, flattery and probing questions."""
    yield from _RULES.scan(norm, context)
