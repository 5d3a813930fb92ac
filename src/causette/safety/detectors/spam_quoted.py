"""A scam quoted, not run: the message one got, its words after "it said"; the claims of
"those sites that say ..."; a scam site's name recalled with a shrug ("called crypto-profit
or something"). ``schemes.scam_talked_about`` reads these with its other frames, so the
scam rules stay silent on the line.

A scammer gives their own words and their own site as theirs: they never say what "hers
said", which "version" they got, or that the site is called something "I think".
"""

from __future__ import annotations

import re

QUOTED = re.compile(
    # The words of the message, after a verb of saying whose subject is the message or
    # whoever got it: "hers said 'you have been selected'", "le mien disait « ... »" (the
    # folded view writes « as <<).
    r"\b(?:hers|his|mine|theirs|it|the (?:message|text|sms|mail|email|letter|ad|post|one (?:i|she|he|"
    r"they|we) got)|(?:le|la) (?:mien|mienne|sien|sienne|leur|message|sms|mail|texto|lettre|pub|annonce)|"
    r"ca|son (?:sms|mail|message|texto)|sa lettre) (?:said|says|read|reads|went|disait|dit|affichait|"
    r"marquait|indiquait|annoncait)[:,]? ?(?:<<|[«“\"]|'(?=\w))|"
    # Another version of the same message, received: "j'ai eu la version ameli".
    r"\b(?:j'?ai|on a|j'?avais|i|we|i'?ve|my \w+|mon \w+|ma \w+) (?:eu|recu|got|had|received) (?:la|le|"
    r"une|un|the|a) (?:meme |same )?(?:version|variante|variant)\b|"
    # The claims of a kind of site or ad, reported: "those sites that say 'no credit check'".
    r"\b(?:those|these|the|such|ces|les|des|certains|certaines) (?:\w+ )?(?:sites?|websites?|ads?|"
    r"adverts?|apps?|pubs?|annonces?|offres?|offers?|lenders?|companies|boites|organismes|messages?|"
    r"sms|mails?|emails?|posts?|videos?) (?:that|which|qui) (?:\w+ )?(?:say|says|promise|promises|"
    r"claim|claims|advertise|advertises|disent|promettent|promet|proposent|affichent|pretendent)\b|"
    # A scam site's name recalled, not given: "the site's called X or something".
    r"\b(?:called|named|s'?appel\w+|nomme\w*)\b[^.!?\n]{0,50}\b(?:or something|or whatever|or smth|"
    r"ou un truc|ou quelque chose|ou je sais (?:plus|pas) quoi|je crois|i think)\b|"
    r"\b(?:was called|s'?appelait)\b"
)
