"""Meeting: proposals to meet, addresses, and the marks of an ambush or an isolated place.

An ambush ("guet-apens") against gay men and the grooming of a minor both end in a meeting:
the place is isolated or private, the time late, the person told to come alone, or a
"friend" will be there too. A meeting in a café between adults only raises ``meet.request``,
which the policy answers with anti-ambush advice, never a sanction.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from causette.safety.context import MessageContext
from causette.safety.detectors.phrases import TON, TU_ES, folded
from causette.safety.detectors.rules import DIGITS, RuleSet, rule
from causette.safety.gate import Setting, Signal
from causette.safety.normalize import Normalized

_STREET = (
    r"(?:rue|r\.|av|av\.|avenue|bd|bd\.|boulevard|blvd|allee|impasse|imp|place|pl\.|chemin|"
    r"route|rte|quai|cours|square|passage|residence|res\.|lotissement|lot\.|cite|hameau|"
    r"sentier|voie|faubourg|fbg|parvis|esplanade|rond[- ]point)"
)
_PLACE = (
    r"(?:parking|sous[- ]sol|cave|caves|bois|foret|entrepot|terrain vague|chantier|hangar|"
    r"ruelle|impasse|garage|usine desaffectee|batiment abandonne|maison abandonnee|squat|"
    r"local a poubelles|cage d'?escalier|toit|berges?|sous (?:le|un) pont|derriere (?:le|la|les) \w+|"
    r"coin (?:tranquille|discret|isole|pomme)|endroit (?:tranquille|discret|isole|calme|a l'?abri)|"
    r"ma voiture|ta voiture|une voiture|mon camion|ma camionnette|mon van|champ|aire d'autoroute|"
    r"aire de repos)"
)

_RULES = RuleSet(
    [
        rule(
            "meet.request",
            0.5,
            r"\b(?:on (?:se )?(?:voit|voie|rencontre|retrouve|capte|rejoint|boit un verre|prend un verre|se fait un (?:cafe|verre|resto|cine))|(?:on pourrait|on peut|tu veux|ca te dit|ca te dirait|quand est-ce qu'?on|on devrait|faudrait qu'?on|j'?aimerais (?:bien )?qu'?on|je veux qu'?on|tu voudrais)(?: qu'?on| bien qu'?on)? (?:se )?(?:voir|voie|rencontrer|retrouver|capter|boire un verre|prendre un verre|rencontre|voit|retrouve)|je (?:viens|passe) te (?:chercher|prendre|voir|recuperer)|je peux (?:venir|passer) (?:chez toi|te voir|te chercher|te prendre)|(?:viens|passe|tu viens|tu passes) chez moi|rdv|rendez[- ]vous|en vrai (?:on se voit|tu veux)|irl)\b",
            "voit",
            "voie",
            "rencontre",
            "retrouve",
            "capte",
            "rejoint",
            "verre",
            "fait un",
            "voir",
            "chercher",
            "prendre",
            "recuperer",
            "chez moi",
            "chez toi",
            "rdv",
            "rendez",
            "irl",
        ),
        rule(
            "meet.request",
            0.5,
            r"\b(?:let'?s meet|(?:wanna|want to|can we|should we|shall we) (?:meet|hang out|hook up)|meet (?:up|irl|in person)|come (?:over|to my place)|can i come (?:over|to your place|pick (?:you|u) up)|i'?ll pick (?:you|u) up)\b",
            "meet",
            "hang out",
            "hook up",
            "come",
            "pick",
        ),
        rule(
            "meet.request",
            0.7,
            rf"\b(?:(?:tu habites|t'?habites|tu vis|t'?vis|tu crêches|tu creches|{TU_ES} de|tu viens de|tu es ou|t'?es ou|tu loges) (?:ou|dans quel(?:le)? (?:coin|quartier|ville|village|bled|region|departement)|quelle ville|quel (?:coin|quartier|bled|arrondissement|departement))|(?:c'?est quoi|donne|donne[- ]moi|envoie[- ]moi|file[- ]moi|quelle est|dis[- ]moi|balance|ecris[- ]moi) {TON} ?(?:adresse|adresse exacte|code postal|ville exacte|rue|numero de rue|quartier exact|digicode|code (?:de la porte|d'?entree|d'?immeuble)|etage)|tu habites (?:quelle|quel|a quel)|ou (?:tu habites|t'?habites|tu vis|tu loges|est-ce que tu habites))\b",
            "habite",
            "vis",
            "creches",
            "loges",
            "de",
            "ou",
            "adresse",
            "postal",
            "rue",
            "quartier",
            "digicode",
            "code",
            "etage",
            "ville",
        ),
        rule(
            "meet.request",
            0.7,
            r"\b(?:where do (?:you|u) live|where (?:are|r) (?:you|u) from exactly|what'?s (?:your|ur) (?:address|postcode|zip code)|send (?:me )?(?:your|ur) (?:address|location|pin)|(?:your|ur) exact (?:address|location)|drop (?:your|ur|a) (?:pin|location))\b",
            "live",
            "address",
            "postcode",
            "zip",
            "location",
            "pin",
        ),
        rule(
            "meet.address",
            0.8,
            rf"\b\d{{1,4}}\s?(?:bis|ter|b)?,?\s+{_STREET}\s+(?:de la |de l'|du |des |de |d'|la |le |les )?[a-z][a-z'\-]{{2,}}",
            "rue",
            "r.",
            "av",
            "bd",
            "boulevard",
            "blvd",
            "allee",
            "impasse",
            "imp",
            "place",
            "pl.",
            "chemin",
            "route",
            "rte",
            "quai",
            "cours",
            "square",
            "passage",
            "residence",
            "res.",
            "lotissement",
            "lot.",
            "cite",
            "hameau",
            "sentier",
            "voie",
            "faubourg",
            "fbg",
            "parvis",
            "esplanade",
            "rond",
        ),
        rule(
            "meet.address",
            0.6,
            rf"\b(?:j'?habite|jhabite|j'?vis|je vis|chez moi c'?est|mon adresse c'?est|mon adresse :|je suis) (?:au |a la |a l'|dans la |dans le |sur le |sur la )?{_STREET}\s+(?:de la |de l'|du |des |de |d'|la |le |les )?[a-z][a-z'\-]{{2,}}",
            "habite",
            "vis",
            "chez moi",
            "adresse",
            "suis",
        ),
        rule(
            "meet.address",
            0.75,
            r"\b(?:digicode|code (?:de la porte|d'?entree|porte|d'?immeuble|portail)|interphone|bat(?:iment)?\.? [a-z0-9]\b.{0,20}\b(?:etage|escalier)|\d+(?:e|eme|er) etage|porte (?:de gauche|de droite|\d+)|appart(?:ement)? \d+)\b",
            "digicode",
            "code",
            "interphone",
            "bat",
            "etage",
            "porte",
            "appart",
        ),
        rule(
            "meet.address",
            0.5,
            r"\b\d{5}\s+[a-z][a-z\-]{2,}(?:\s+(?:sur|sous|en|les|le|la)\s+[a-z\-]+)?\b(?!\s*(?:€|euros?|eur|e\b|abonnes|vues|personnes|km|ans|habitants))",
            *DIGITS,
        ),
        rule(
            "meet.address",
            0.75,
            r"\b\d{1,5}\s+(?:[a-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|court|ct|way|terrace|close|crescent)\b",
            "street",
            "st",
            "road",
            "rd",
            "avenue",
            "ave",
            "lane",
            "ln",
            "drive",
            "dr",
            "boulevard",
            "blvd",
            "court",
            "ct",
            "way",
            "terrace",
            "close",
            "crescent",
        ),
        # Ambush and isolation marks.
        rule(
            "meet.isolated",
            0.8,
            r"\b(?:viens?|vient|venez|passe|passes) (?:toute? )?seule?s?\b(?!,? (?:ou|or) (?:avec|accompagne\w*|with|en groupe|pas))|\b(?:viens|vient|venez) sans (?:personne|tes potes|tes amis|ton copain|ta copine|tes copines|ton pote|ta pote|prevenir)\b|\b(?:ne )?(?:dis|dit) a personne (?:ou|que) (?:tu (?:vas|viens)|on se voit)\b|\b(?:personne ne doit savoir (?:ou|que) (?:tu|on))\b",
            "seul",
            "sans",
            "personne",
        ),
        rule(
            "meet.isolated",
            0.75,
            r"\b(?:un|mon|1|deux|2|des|mes) (?:pote|potes|ami|amis|copain|copains|cousin|cousins|gars|mecs?|collegue|frere|reuf|poto|potos|couz|kheys?)(?: a moi)? (?:sera|seront|va etre|vont etre|viendra|viendront|vient|viennent|passera|passeront|sera la|peut venir|peuvent venir|risque de passer|se joindra|se joindront|nous rejoindra|nous rejoindront|sera avec moi)\b|\bje (?:serai|serais) pas seul\b",
            "pote",
            "ami",
            "copain",
            "cousin",
            "gars",
            "mec",
            "collegue",
            "frere",
            "reuf",
            "poto",
            "couz",
            "khey",
            "plusieurs",
            "deux",
            "trois",
            "accompagne",
            "pas seul",
        ),
        rule(
            "meet.isolated",
            0.55,
            rf"\b(?:au|a la|a l'|dans (?:le|la|un|une|l'|ma|ta|mon)|sur (?:le|un|une)|derriere|sous|vers|pres d[eu]s?) ?{_PLACE}\b",
            "parking",
            "sous",
            "cave",
            "bois",
            "foret",
            "entrepot",
            "terrain",
            "chantier",
            "hangar",
            "ruelle",
            "impasse",
            "garage",
            "usine",
            "batiment",
            "maison abandonnee",
            "squat",
            "poubelles",
            "escalier",
            "toit",
            "berge",
            "pont",
            "derriere",
            "coin",
            "endroit",
            "voiture",
            "camion",
            "camionnette",
            "van",
            "champ",
            "aire",
        ),
        rule(
            "meet.isolated",
            0.5,
            r"\b(?:a minuit|vers minuit|a (?:1|2|3|4|une|deux|trois|quatre) ?h(?:eures?)? du mat(?:in)?|en pleine nuit|tard (?:le|ce) soir|cette nuit|quand il fera nuit|a la nuit tombee|quand tout le monde dort|apres (?:22|23|minuit) ?h?)\b",
            "minuit",
            "mat",
            "nuit",
            "soir",
            "dort",
            "22",
            "23",
        ),
        rule(
            "meet.isolated",
            0.75,
            r"\b(?:come alone|don'?t bring (?:anyone|anybody|your friends)|(?:my|a) (?:friend|buddy|cousin|mate|bro) (?:will|is going to|might) (?:be there|come|join)|somewhere (?:quiet|private|secluded)|in my car)\b",
            "alone",
            "bring",
            "friend",
            "buddy",
            "cousin",
            "mate",
            "bro",
            "somewhere",
            "parking",
            "car",
            "behind",
        ),
        rule(
            "meet.isolated",
            0.75,
            r"\b(?:pas de (?:potes|pote|amis|copains|copines|monde|temoins?)|sans (?:potes|tes potes|personne|temoin)|personne avec toi|seule? hein|t'?amenes personne|(?:laisse|mets pas|eteins|coupe|prends pas|oublie) ton (?:tel|portable|telephone|phone)|y'?a pas de reseau|pas de reseau|on sera (?:tranquilles?|peinards?|seuls|au calme|pas derange\w*)|personne (?:nous|ne nous) (?:verra|derangera|entendra)|y'?a (?:jamais )?personne (?:la[- ]bas|le soir|la nuit)|c'?est (?:desert|isole|paume|perdu)|no one (?:will see|around)|nobody (?:will see|around|comes there)|(?:leave|don'?t bring|do not bring) (?:your|ur) phone)\b",
            "pas de",
            "sans",
            "personne",
            "seul",
            "amenes",
            "tel",
            "portable",
            "telephone",
            "phone",
            "reseau",
            "on sera",
            "desert",
            "isole",
            "paume",
            "perdu",
            "no one",
            "nobody",
        ),
        rule(
            "meet.isolated",
            0.6,
            r"\b(?:change(?:ment)? de (?:plan|lieu|programme|endroit|adresse)|finalement c'?est (?:au|a la|le|la|dans|derriere|sous|chez)|plutot (?:au|a la|le|la|dans|derriere|sous) (?:parking|bois|parc|pont|garage|entrepot|cave)|(?:change of plans?|actually (?:let'?s|meet) (?:at|behind|in)))\b",
            "change",
            "finalement",
            "plutot",
            "actually",
        ),
        rule(
            "meet.isolated",
            0.55,
            r"\b(?:sous (?:le|un) pont|derriere (?:le|la|les|l') ?[a-z]+|back (?:gate|door|entrance|alley)|(?:mon|ma|a mon|dans mon|dans ma) (?:hotel|chambre d'?hotel|voiture|camion|van)|a l'?hotel (?:ce soir|cette nuit))\b",
            "pont",
            "derriere",
            "back",
            "hotel",
            "voiture",
            "camion",
            "van",
        ),
        rule(
            "meet.isolated",
            0.35,
            r"\b(?:(?:a|vers|pour|des) (?:22|23|00|0|1|2|3|4) ?h ?(?:\d\d)?|(?:22|23) ?h ?(?:\d\d)?|(?:1|2|3|4) ?am|(?:11|12) ?pm|(?:at|after|past) midnight|late tonight)\b",
            "h",
            "am",
            "pm",
            "midnight",
            "late",
        ),
        rule(
            "meet.isolated",
            0.5,
            r"\b(?:vite sinon je (?:pars|dois partir|me casse|m'?en vais)|t'?as \d+ ?min(?:utes)?|depeche[- ]toi|grouille[- ]toi|viens vite|maintenant ou jamais|c'?est maintenant ou|just hurry|hurry up|now or never|right now or)\b",
            "vite",
            "min",
            "depeche",
            "grouille",
            "maintenant",
            "hurry",
            "now or",
        ),
        rule(
            "meet.isolated",
            0.75,
            r"\b(?:my|a) (?:friend|buddy|cousin|mate|bro) (?:might|will|may|could) (?:pass by|drop by|show up|tag along|stop by)\b",
            "friend",
            "buddy",
            "cousin",
            "mate",
            "bro",
        ),
        rule(
            "meet.request",
            0.6,
            r"\b(?:c'?est ou|c est ou|c'?est quoi|donne|envoie) ton adresse\b|\bton adresse\s*\?",
            "adresse",
        ),
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:(?:monte|montes|monter) (?:dedans|dans (?:la|ma|sa|une) (?:voiture|camionnette|caisse|bagnole|van))|au fond du (?:parking|parc|jardin|terrain|bois)|(?:dans|monte dans) (?:une|la) camionnette|camionnette (?:blanche|garee|au fond|derriere)|on (?:te|va te) (?:recupere|recuperer|prend|prendre) (?:en voiture|au|a la)|mon (?:pote|cousin|frere|reuf) (?:a une voiture|conduit|nous depose|nous recupere|nous emmene)|mes potes (?:me deposent|m'?emmenent|sont dans la voiture)|on est deja en route|(?:t'?as|prends|ramene|amene|apporte) (?:ton|ta|du|de l') ?(?:portefeuille|cb|carte bleue|carte bancaire|liquide|argent|cash)\s*\?|get in the (?:car|van))\b",
            "monte",
            "monter",
            "fond du",
            "camionnette",
            "on te",
            "on va te",
            "pote",
            "cousin",
            "frere",
            "reuf",
            "potes",
            "en route",
            "portefeuille",
            "cb",
            "carte",
            "liquide",
            "argent",
            "cash",
            "get in",
            "bring",
        ),
        rule(
            "meet.isolated",
            0.5,
            r"\b(?:fais pas (?:ta|ton|la|le) (?:victime|relou|chiant|chiante|timide|parano|flippe|flippee|compliquee?)|arrete de (?:flipper|faire ta victime)|(?:don'?t be|stop being) (?:paranoid|a baby|difficult))\b",
            "fais pas",
            "flipper",
            "victime",
            "paranoid",
            "baby",
            "difficult",
        ),
        rule(
            "meet.request",
            0.6,
            r"\b(?:te|se|vous) voir en vrai\b|\bj'?aimerais (?:bien |trop )?(?:te voir|te rencontrer|qu'?on se voie)\b|\bje veux te voir\b",
            "en vrai",
            "aimerais",
            "veux te voir",
        ),
        rule(
            "meet.request",
            0.8,
            r"\b(?:(?:a|devant) la sortie (?:de ton|du|de l'|de ta) ?(?:college|lycee|ecole|bahut|cours)|devant (?:ton|ta) (?:college|lycee|ecole|bahut)|je t'?attends? (?:a|devant|apres) (?:la sortie|ton|ta|l'ecole|les cours))\b",
            "sortie",
            "devant",
            "attends",
        ),
        rule(
            "meet.isolated",
            0.65,
            r"\b(?:zone (?:industrielle|indus|artisanale)|(?:au )?bord (?:du canal|de l'?eau|du lac|de la riviere|de la voie)|voie ferree|friche|arriere[- ]cour|entree de service|local technique|(?:parc|stade|aire de jeux|jardin public) (?:ferme|la nuit|le soir|de nuit)|a l'?abri des regards|loin (?:de tout|des gens|du monde)|gare desaffectee|terrain de (?:foot|basket) (?:la nuit|le soir)|aire (?:d'?autoroute|de repos)|jardins? (?:ouvriers?|familiaux|partages)|(?:l'?entree|la porte|la sortie) (?:du fond|de derriere|arriere)|(?:appart|appartement|maison|logement|studio) (?:vide|inoccupee?)|empty (?:flat|house|apartment))\b",
            "zone",
            "bord",
            "voie",
            "friche",
            "cour",
            "entree",
            "local",
            "parc",
            "stade",
            "aire",
            "jardin",
            "abri",
            "loin",
            "gare",
            "terrain",
            "jardin",
            "porte",
            "sortie",
            "vide",
            "inoccupe",
            "empty",
        ),
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:je (?:t'?envoie|te donne|te dirai|t'?enverrai) (?:la localisation|l'?adresse(?: exacte)?|le lieu|ou) (?:au dernier moment|quand t'?es la|quand tu (?:arrives|seras la)|sur place|plus tard)|(?:tu viens|tu viendras|tu seras|t'?seras|t'?es|tu es) (?:toute? )?seule?s?\s*\?|(?:i'?ll|will) (?:send|give) (?:you )?the (?:address|location) (?:last minute|when you(?:'re| are) there))",
            "envoie",
            "donne",
            "dirai",
            "enverrai",
            "seul",
            "send",
            "give",
        ),
        rule(
            "meet.isolated",
            0.55,
            r"\b(?:chez|a l'?appart d'?|dans l'?appart d'?|a la maison d'?|dans la maison d'?) ?(?:mon|un|une|ma) (?:pote|ami|amie|cousin|cousine|frere|poto|reuf|collegue)\b|\b(?:at|to) (?:my|a) (?:friend'?s|buddy'?s|cousin'?s) (?:place|house|flat)\b",
            "chez",
            "appart",
            "maison",
            "friend",
            "buddy",
            "cousin",
        ),
        rule(
            "meet.request",
            0.75,
            r"\b(?:i (?:can|could|'?ll) pick (?:you|u) up (?:from|after) school|je (?:peux|vais) (?:venir )?te (?:chercher|recuperer) (?:a|apres|devant) (?:l'?ecole|le college|le lycee|les cours|la sortie))\b",
            "pick",
            "chercher",
            "recuperer",
        ),
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:y'?aura personne|il y aura personne|au bout de (?:l'?impasse|la ruelle|la rue|du chemin|l'?allee)|(?:je serai|je suis|on sera) dans une (?:voiture|caisse|camionnette)|monte a l'?arriere|gare[- ]toi (?:derriere|au fond|plus loin)|(?:coupe|desactive|eteins) (?:ta|la) (?:geoloc|localisation|position)|viens sans (?:ton|ta) (?:portable|tel|telephone)|parking souterrain|en bas de (?:la|ma) tour|(?:turn off|disable) (?:your|ur) location|no one will be (?:there|around))\b",
            "personne",
            "bout de",
            "voiture",
            "caisse",
            "camionnette",
            "arriere",
            "gare",
            "geoloc",
            "localisation",
            "position",
            "sans",
            "souterrain",
            "en bas",
            "location",
            "no one",
        ),
        # Where, only once it is too late to tell anyone or to check the place: the address
        # sent on the way, at the last minute, at an hour.
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:t'?envoie|te donne|te dirai|t'?enverrai|te file|t'?ecris|te passe|te dis) (?:l'?adresse(?: exacte)?|la localisation|la loc|le lieu|l'?endroit(?: exact)?|la position|le point de (?:rdv|rendez-vous)|ou c'?est) (?:(?:quand|une fois (?:que )?|des que )(?:t'?es|tu es|tu seras|t'?seras|t'?arrives|tu arrives|tu descends|t'?y es|tu y es)|une fois (?:sur place|la[- ]bas|descendue?)|au dernier moment|sur place|en route|(?:a|vers) \d|dans le (?:tram|bus|metro|train|rer))|\bprefere (?:te (?:la|le) (?:donner|dire|envoyer) )?au dernier moment\b|\b(?:i'?ll|i will|will) (?:message|text|send|tell|dm|give|ping) (?:you )?(?:the )?(?:exact )?(?:spot|address|location|place|pin) (?:at \d|(?:when|once) (?:you|u)\b|last minute|on the way)|\bhead (?:towards?|to|down to) the (?:river|canal|woods|forest|tracks|docks|old \w+)\b|\bi'?ll (?:send|drop) (?:you )?a (?:pin|location) (?:when|once)\b|\bi'?ll tell you where to go\b|\bje te dirai ou aller\b",
            "envoie",
            "donne",
            "dirai",
            "enverrai",
            "file",
            "ecris",
            "passe",
            "dis",
            "dernier moment",
            "spot",
            "address",
            "location",
            "place",
            "pin",
            "head",
            "tell",
        ),
        # Nobody to know where you go: no word to a friend ("come on foot" is a cue, cues.py).
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:no need|don'?t need|you don'?t have|pas besoin|pas la peine|inutile) (?:to tell|de (?:le )?dire a|d'?en parler a|de prevenir) (?:anyone|anybody|a friend|your friends|personne|qui que ce soit|tes potes|tes amis|ta pote|ton pote)\b|\b(?:ne )?previens personne\b|\b(?:don'?t|do not|never) tell (?:anyone|anybody|your (?:friends?|mates|parents|mum|mom|family)|ur (?:friends|mom|mum|parents)) (?:where (?:you'?re|you are|u r|ur) going|where we'?re meeting|about (?:us meeting|tonight|the meet))\b|\b(?:dis|dites) (?:pas|rien) a (?:tes|vos) (?:potes|amis|parents|copines?) (?:ou|que) (?:tu vas|vous allez|on se voit|tu viens)\b",
            "no need",
            "don't need",
            "dont need",
            "have",
            "besoin",
            "peine",
            "inutile",
            "previens",
            "tell",
            "dis",
            "dites",
        ),
        # Friends already there, waiting: the "date" is a group. A brother waiting with the
        # keys is an errand: a friend sent instead only counts, below acting alone.
        rule(
            "meet.isolated",
            0.75,
            r"\b(?:je t'?attends?|on t'?attend|ils? t'?attend\w*) avec (?:des|mes|un|deux|2|trois|3|mon|ma) (?:potes?|amis?|gars|mecs?|cousins?|freres?|reufs?|potos?|kheys?)\b|\b(?:my|some) (?:friends|mates|buddies|boys) (?:will|are going to) (?:be )?(?:wait|waiting)\b",
            "attend",
            "wait",
        ),
        rule(
            "meet.isolated",
            0.5,
            r"\b(?:mon|un|des|mes) (?:pote|ami|cousin|frere|reuf|gars|potes|amis|cousins|freres|mecs) (?:il |ils )?(?:t'?attendr\w+|t'?attend(?:ent)?|te recupere\w*|t'?ouvrira|va t'?(?:ouvrir|attendre)|vont t'?attendre)\b|\b(?:a|my) (?:friend|mate|buddy|cousin|bro) (?:will|is going to) (?:be )?(?:wait|waiting)\b",
            "attend",
            "recupere",
            "ouvri",
            "wait",
        ),
        # The place kept back until the person is on the way, said place first ("le lieu je te
        # le dirai quand tu seras à la gare").
        rule(
            "meet.isolated",
            0.7,
            r"\b(?:le lieu|l'?adresse(?: exacte)?|l'?endroit(?: exact)?|la loc\w*|le point de (?:rdv|rendez-vous)|the (?:address|place|spot|location))\b[^.!?]{0,15}?\b(?:je te l[ea]|je te l'?|i'?ll (?:send|give|tell) (?:it|you))\s?(?:dirai|donnerai|enverrai|envoie|donne|dis|filerai)?\b[^.!?]{0,12}?\b(?:(?:quand|une fois|des que|when|once) (?:que )?(?:tu|t'|you|u)\b|au dernier moment|sur place|en route|last minute|on the way)",
            "lieu",
            "adresse",
            "endroit",
            "loc",
            "point de",
            "address",
            "place",
            "spot",
            "location",
        ),
        # Places, named in English, where no one sees: squats, derelict buildings.
        rule(
            "meet.isolated",
            0.65,
            r"\b(?:squat|abandoned (?:building|house|factory|warehouse|lot|station)|boarded(?:[- ]up)? (?:windows|building|house)|derelict|waste ?(?:land|ground)|(?:building|construction) site|industrial (?:estate|park|zone)|under the (?:bridge|underpass)|back of the (?:car park|parking lot|park|woods)|rest (?:area|stop)|lay-?by)\b",
            "squat",
            "abandoned",
            "boarded",
            "derelict",
            "waste",
            "site",
            "industrial",
            "under the",
            "back of",
            "rest",
            "lay",
        ),
        # What is to be brought: money, at a meeting with a stranger (alone it only counts:
        # "I'll bring cash on saturday" for a bike is a sale).
        rule(
            "meet.isolated",
            0.45,
            r"\b(?:ramene|ramener|prends|prendre|apporte|amene|prevois) (?:ton |ta |du |de l'?|des )?(?:liquide|cash|especes|carte (?:de banque|bancaire|bleue)|cb|billets)\b|\bbring (?:the |some )?(?:cash|money|your card)\b|\b(?:pas de|no) (?:virement|bank transfer|transfer|paypal|lydia)\b",
            "ramene",
            "prends",
            "prendre",
            "apporte",
            "amene",
            "prevois",
            "bring",
            "virement",
            "transfer",
            "paypal",
            "lydia",
        ),
    ]
)


# An ambush told as news or as a warning ("encore un guet-apens à Marseille", "le mode
# opératoire c'est toujours le même", "si vous voyez ça vous annulez") names the crime or
# gives the advice: the marks it quotes are not a proposal. "C'est pas un piège" is not.
_WARNING = re.compile(
    r"\b(?:guet[- ]?apens|traquenards?|ambush(?:ed|es)?|(?:a|un|une|the) set[- ]?up|robbed|mugged|"
    r"agress(?:e|ee|es|ees|ion|ions|eurs?)|depouille\w*|se (?:faire|sont fait|fait) (?:agresser|"
    r"voler|depouiller|tabasser|racketter)|faits? divers|aux infos|dans le journal|local news|"
    r"in the news|news story|article|mode operatoire|toujours le meme|always the same|"
    r"red flags?|warning signs?|signes? d'?alerte|si (?:vous voyez|tu vois|on vous "
    r"(?:dit|propose)|quelqu'?un (?:vous|te) (?:dit|propose))|if (?:you see|someone (?:says|asks)|"
    r"anyone (?:says|asks))|mefie[zr]?[- ]?(?:vous|toi)?|beware|attention aux|sos homophobie|"
    r"porter plainte|la police (?:dit|conseille|recommande)|(?:police|cops|pd) (?:say|says|"
    r"advise|recommend|is telling|are telling))\b"
)
# The marks told by the one they were proposed to ("un mec veut me voir ce soir dans un
# parking, c'est normal ?", "he wants me to come alone"): asking for advice, not proposing.
_PROPOSED_TO_ME = re.compile(
    r"\b(?:il|elle|un mec|un gars|une meuf|une fille|quelqu'?un|le mec|le gars|l'?acheteur|le vendeur|"
    r"un acheteur|un type|the guy|a guy|he|she|someone|the buyer|the seller|this guy|a buyer)\b"
    r"(?: \w+){0,2}? (?:veut|voulait|voudrait|propose|proposait|m'?a propose|me propose|insiste|"
    r"a insiste|m'?a dit|me dit|demande|m'?a demande|wants|wanted|asked|asks|told me|tells me|says|"
    r"said|insisted|suggested|keeps asking)\b(?: \w+){0,2}? (?:me|moi|que je|qu'?on|pour que je|"
    r"i|me to|that i)\b"
)
_DENIED = re.compile(
    r"\b(?:pas (?:un|de) (?:piege|guet[- ]?apens|traquenard|arnaque)|not a (?:trap|set[- ]?up|scam))\b"
)


def warned_about(norm: Normalized, context: MessageContext) -> bool:
    """Whether the message tells of ambushes as news or advice rather than proposes one.

    The message itself, the sender's last lines, and in a room anyone's last three (a
    public thread about the news); in private the other's words do not count, so a worried
    "c'est pas un guet-apens ?" does not excuse the answer."""
    lines = [norm.folded.text, *map(folded, context.recent_from_sender[-2:])]
    if context.setting is Setting.ROOM:
        lines.extend(map(folded, context.recent[-3:]))
    if _PROPOSED_TO_ME.search(norm.folded.text):
        return True
    return any(_WARNING.search(line) and not _DENIED.search(line) for line in lines)


def signals(norm: Normalized, context: MessageContext) -> Iterator[Signal]:
    """Meeting proposals, address requests, addresses, isolated places and ambush marks."""
    warned: bool | None = None
    for signal in _RULES.scan(norm, context):
        if signal.rule == "meet.isolated":
            if warned is None:
                warned = warned_about(norm, context)
            if warned:
                signal = Signal(signal.rule, round(signal.score * 0.4, 3), signal.span)
        yield signal
