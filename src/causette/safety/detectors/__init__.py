"""The pure detectors: one message and its context in, signals out.

``detect(text, context)`` runs every family over the normalised views of ``text``
(``causette.safety.normalize``) and returns at most one ``Signal`` per rule: its score in
[0, 1] says how sure or how severe, its span gives the offsets in the original text of what
fired (``(0, 0)`` for a fact about the conversation rather than words). The policy weighs
the signals; detectors never decide anything. Words in quotation marks or reported as advice
("méfiez-vous de ceux qui disent 'viens seul'") keep their rule at 0.4 of its score.

Rule ids (stable: the policy, the audit log and statements of reasons name them):

Age (``age.py``; the gap, reported minors and adult posing in ``age_context.py``)
    ``age.probe``         asking the other's age, year of birth, class or school
    ``age.disclosure``    the sender says, first person and present tense, that they are a
                          minor: an age under 18, a school year, collège/lycée, the brevet,
                          parents who decide when they go out; the weaker cues (an exam, a
                          teacher, a curfew) only from the pupil, now (``age_speaker.py``)
    ``age.adult_claim``   the sender states an adult age
    ``age.gap``           private conversation across the age line or with a wide declared gap
    ``age.reported_minor`` in a room, a message that approaches someone (private, another
                          app, a number, photos, the age) after someone else said that a
                          person here is a minor ("attention elle a 14 ans", "she's only 13")
    ``age.adult_posing``  someone declared a minor says they are an adult ("c'est juste pour
                          rentrer ici, j'en ai 24", "I say 17 here", "my real age is 30")
    ``age_speaker.py``: whose school life a message tells: the speaker's now, not a teacher's
    classes, a parent's child or an adult's youth (the sender's last lines read too)
Grooming (``grooming.py``, indirect wordings in ``grooming_indirect.py``)
    ``alone.check``       checking that the other is alone or unsupervised
    ``alone.reply``       the sender says they are alone or unsupervised ("ma mère rentre tard")
    ``secrecy``           "c'est notre secret", "dis rien à tes parents", "efface la conv";
                          quoted ("si un mec dit 'c notre secret'") or warned against, 0.3
    ``isolation``         setting the other against parents and friends, "only I understand"
    ``flattery``          "t'es mature pour ton âge", "les garçons de ton âge..."
    ``romance.probe``     "t'as un copain ?" (weak: adults ask it too)
    ``sexual.probe``      "t'es vierge ?", questions about the other's sexual experience
Gifts and pictures (``gifts.py``)
    ``photo.request``     asking for photos or the camera (higher when body or undress words),
                          model and photo-shoot lures
    ``gift.money``        offering money, paying for things, "se faire de l'argent facile"
    ``gift.card``         top-up and gift cards (PCS, Neosurf, Paysafecard, Steam...), in-game
                          currency, paying the other's phone plan
    gifts and pictures told as what someone else offered, or listed as red flags, score 0.3;
    a share sent back by an app ("je te fais un lydia pour la moitié") is no gift
Meeting (``meeting.py``, later ambush marks in ``meeting_ambush.py``)
    ``meet.request``      proposing to meet, asking where the other lives or their address
    ``meet.address``      a street address or a door code in the message
    ``meet.isolated``     an isolated place, the night, "viens seul" (also "dis-lui de venir
                          seul"), "un pote sera là" (a party's guests only noted), a
                          last-minute change of place, "laisse ton tel", hurry; the water's
                          edge alone is only noted, conditional advice is a warning
Contact (``contact.py``)
    ``contact.phone``     a phone number, however spelled (checked with ``phonenumbers``); a
                          business's line, a room's appeal, one's own number in a room, 0.35
    ``contact.email``     an e-mail address, including "arobase" and "point com"
    ``contact.request``   asking for the other's number, handle or e-mail, or to call
    ``private.invite``    inviting someone from a room into private messages (weak)
    ``offplatform.app``   an app or site elsewhere (Snapchat, WhatsApp...), invitations to
                          move there, "ajoute-moi", invite links (discord.gg, t.me, wa.me)
    ``offplatform.handle`` a handle: "@name", "mon snap c'est name"
    ``phone_lines.py``: phone numbers found, and whose: a business's, an appeal's, one's own
Sexual services (``sexual.py``; intimacy stated as due in a paid arrangement in
``sexual_terms.py``)
    ``sex.price``         a price for a sexual service, "tarifs", "100 roses", coded money
                          asked for a length of time ("combien de roses pour une heure");
                          not roses that grow or are offered, a tradesman's quote, a lodging
                          named right after the price ("120 la nuit à l'hôtel"), care,
                          sport and training (a physio, a course's hours)
    ``escort.offer``      escort offers, paid meetings, "plan rémunéré", sugar arrangements and
                          allowances (also in plain words: an allowance by the month with
                          dinners, help with the rent for company), recruiting young women
                          for the trade, men to be "accompanied", clients found and a cut
                          taken, sensual massages; not presents swapped ("cadeau contre cadeau")
Threats (``threat.py``)
    ``threat``            threats to hurt, kill, find the other, aimed at someone ("je vais te
                          ...", "lui", a relative); lower with laughter or game talk, dropped
                          when the words after the verb give its ordinary sense (a place to
                          meet, something found for the other, dying of laughter, a bill, a
                          match to win); watching then a warning ("i know a lot. be careful")
    ``threat.sextortion`` threats to publish the other's pictures or tell their parents
Hate (``hate.py``, group attacks in ``hate_groups.py``, masked slurs in ``hate_masked.py``,
the antisemitic trope of control in any shape in ``hate_tropes.py``)
    ``hate.homophobic``, ``hate.racist``, ``hate.antisemitic``, ``hate.misogynistic``,
    ``hate.antitrans``    slurs (lexicon, also with masked letters: "p*te") and attacks on a
                          group (addressed, dehumanised, denied rights or worth, its places
                          set on fire, the "(((echo)))"); lower score when the slur is quoted
                          to be condemned or told as thrown at the speaker, in its ordinary
                          sense ("the PD said", "faire la bamboula"), a costume, a word its
                          community took back ("dyke march"), friends' teasing ("mdr connasse")
Doxxing (``doxxing.py``, full names in ``doxx_names.py``, recitals in ``doxx_recital.py``)
    ``doxx.name``, ``doxx.address``, ``doxx.phone``, ``doxx.school``, ``doxx.workplace``,
    ``doxx.profile``, ``doxx.vehicle``
                          another person's details; higher when several are given together;
                          a full name (a known given name, capitalised) with a home address or
                          two kinds of detail
    ``doxx.request``      asking for someone else's details, or calling others to harass
                          someone or spread their pictures ("l'adresse" only of a person named)
    ``doxx.threat``       telling someone their details are known or will be posted ("je sais
                          où tu habites", "everyone will know where she sleeps"), or reciting
                          their workplace, hours, route, home, door or car to them
    ``doxx_calls.py``: calls against a third person: an insult to pass on, a flood of their
    posts, their employer written to, a watch on their comings and goings (``doxx.request``)
    ``doxx_given.py``: a detail given, not spoken of: an account by its name, a shop's "leur
    numéro", "l'adresse" of a person named
    ``doxx_home.py``: a third person's home down to the door (building, floor, flat, buzzer)
    ``doxx_known.py``: a full name beside what locates the person (a street, a door, a car,
    a ward, the parents' home, a child's school), or set out as an identification
    ("je sais qui t'es", "his real name's")
    ``doxx_pranks.py``: harassment at home or by phone (pizzas or taxis sent, a crowd told to
    ring a number) as ``doxx.request``
    ``doxx_traced.py``: a third person traced over the sender's last lines, one fact a line
    (workplace, shift, car and where it is parked, a home by its landmarks, a number)
Spam and scams (``spam.py``)
    ``spam.link``         several links, a link flood across the sender's recent messages, or
                          one link with a call to click ("free" alone acts only with a hand
                          pointing at it, a bait path or links sent before); a link is any
                          IANA suffix, tiered in ``lexicons/tlds.txt`` ("salut.ca va" is none)
    ``spam.repeat``       the same text repeated by the sender
    ``scam.crypto``       crypto and trading "opportunities", money from home, "link in bio",
                          a trader's signals to copy, paid tasks unlocked by a deposit
    ``scam.followers``    followers, likes or views sold, priced or on promotion
    ``scam.webcam``       luring to cam, OnlyFans-style or "free registration" sites
    ``scam.phishing``     account-suspension scares, asking for codes or passwords, prizes, bank
                          security alerts, refunds that need a card, loans from a private
                          lender, links spelled with spaces ("bit . ly / x"), an official
                          refund or expiring rights, free game currency; a scam message one
                          received and reports, a victim's story, advice against it are talk,
                          not a scam; a RIB asked to pay the listener back scores 0.3
    Offers shaped as scams (``spam_offers.py``, run by ``spam.py``): prizes drawn at random,
    resold streaming logins, paid tips channels, network marketing, referral codes and game
    apps that pay, stakes that multiply by the week, "sign up and write to me there"
    Pitches over several lines (``spam_pitches.py``, run by ``spam.py``): two parts of one
    pitch in the sender's last lines (the copied trader, the official refund, paid tasks);
    a task account to top up or a game-currency generator alone
    Impostors (``spam_impostors.py``): a bank, an insurer, a wallet or this site's
    moderators who threaten an account, set a deadline and ask for a credential or send to
    a look-alike domain (three parts over the sender's last lines); a line that warns gives
    none. A scam quoted rather than run (``spam_quoted.py``: "le mien disait", "those sites
    that say") is talk
Patterns (``general.py``, scanned with the next three by ``patterns.py``)
    rules stated for a family of wordings rather than a phrase (a verb of telling in any tense
    with a negation and a listener, one's own exam, money offered in exchange), emitting the
    ids above
Paid company (``paid.py``)
    ``sex.price`` for a price of time near the words of the trade, or a bare price answering
    "how much for an hour"; ``escort.offer`` for encounters against gifts or money
Ambush cues (``cues.py``)
    ``meet.isolated`` also when several kinds of ambush cue (an isolated place, the night,
    "come alone", money to bring, a public place refused, someone keeping watch or waiting,
    a false front) come together in a message or across the sender's last few; told as news
    or a warning, or by the person they were proposed to, they score 0.4 of their weight
Scam and doxxing shapes (``schemes.py``)
    ``scam.*`` for money that multiplies, returns by the week, prizes with a fee, "free"
    sites that want a card, pay per like with a deposit, links spelled to slip past filters;
    ``doxx.*`` for a capitalised full name with an address, school or workplace, someone
    else's family number (not a shop's "leur numéro"), a call to a crowd to write to someone
Steps as structures (``steps.py``)
    a parent's presence asked with any parent and any verb, which school at any level, a
    child's school day in the first person, "if you ..., I post your pictures" whatever
    the condition; English alongside French
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from causette.safety.context import MessageContext
from causette.safety.detectors import (
    age,
    age_context,
    contact,
    cues,
    doxxing,
    gifts,
    grooming,
    hate,
    meeting,
    patterns,
    sexual,
    spam,
    threat,
)
from causette.safety.detectors.rules import best, reported
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized

Family = Callable[[Normalized, MessageContext], Iterable[Signal]]

# Every family, in the order their signals are listed.
FAMILIES: dict[str, Family] = {
    "age": age.signals,
    "grooming": grooming.signals,
    "gifts": gifts.signals,
    "meeting": meeting.signals,
    "contact": contact.signals,
    "sexual": sexual.signals,
    "threat": threat.signals,
    "hate": hate.signals,
    "doxxing": doxxing.signals,
    "spam": spam.signals,
    "patterns": patterns.signals,
    "cues": cues.signals,
}

# Longer texts are cut before detection: a chat line is short, and the detectors stay linear.
MAX_TEXT = 4000


def detect(text: str, context: MessageContext) -> tuple[Signal, ...]:
    """Every signal ``text`` raises in ``context``, one per rule (its strongest)."""
    norm = Normalized(text[:MAX_TEXT])
    found: list[Signal] = []
    for family in FAMILIES.values():
        found.extend(family(norm, context))
    # Quoted or reported as advice, the words are not the act: noted, at a fraction of the
    # score (hate applies its own, stricter, condemnation frames).
    for index, signal in enumerate(found):
        if not signal.rule.startswith("hate.") and reported(norm, signal.span):
            found[index] = Signal(signal.rule, round(signal.score * 0.4, 3), signal.span)
    if age_context.approaches(found):
        # An approach in a room where someone said a person here is a minor ("attention elle
        # a 14 ans"): looked back for only then, the rare case.
        minor = age_context.reported_minor(context)
        if minor is not None:
            found.append(minor)
    return best(found)
