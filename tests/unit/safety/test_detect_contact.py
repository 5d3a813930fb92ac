"""Contact details and moves off the platform, in their evasive spellings."""

from __future__ import annotations

import pytest

from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.detectors.contact import APPS
from causette.safety.gate import Setting, Signal

ROOM = MessageContext(Setting.ROOM, sender_age=30, sender_minor=False)


def fired(text: str, context: MessageContext = ROOM) -> dict[str, Signal]:
    return {signal.rule: signal for signal in detect(text, context)}


def spanned(text: str, rule: str) -> str:
    signal = fired(text)[rule]
    return text[signal.span[0] : signal.span[1]]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("appelle moi 06 12 34 56 78", "06 12 34 56 78"),
        ("06.12.34.56.78", "06.12.34.56.78"),
        ("0612345678", "0612345678"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("0033 6 12 34 56 78", "0033 6 12 34 56 78"),
        ("06-12-34-56-78 stp", "06-12-34-56-78"),
        ("06🍑12🍑34🍑56🍑78", "06🍑12🍑34🍑56🍑78"),
        (
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
            "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
        ),
        ("zero six douze 34 cinquante six 78", "zero six douze 34 cinquante six 78"),
        ("zero six one two three four five six seven eight", None),
        ("my uk number +44 7911 123456", "+44 7911 123456"),
        ("text me 07911 123456", "07911 123456"),
        ("mon 06 c'est le 12 34 56 78", "mon 06 c'est le 12 34 56 78"),
        ("+33 (0)6 12 34 56 78", None),
        ("0 6 1 2 3 4 5 6 7 8", None),
        ("call me 415 555 2671", "415 555 2671"),
    ],
)
def test_phone_numbers(text: str, number: str | None) -> None:
    assert "contact.phone" in fired(text)
    if number is not None:
        assert spanned(text, "contact.phone") == number


@pytest.mark.parametrize(
    "text",
    [
        "j'ai 2 chats et 3 enfants",
        "je l'ai acheté 100 euros",
        "rdv le 12/05/2024 à 14h",
        "le code postal c'est 75011",
        "il y a 1234 personnes",
        "un deux trois soleil",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert "contact.phone" not in fired(text)


def test_someone_elses_number_is_doxxing() -> None:
    assert "doxx.phone" in fired("son numéro c'est 06 12 34 56 78")
    assert "doxx.phone" not in fired("mon numéro c'est 06 12 34 56 78")


@pytest.mark.parametrize(
    "text",
    [
        "écris moi à kevin.martin93@gmail.com",
        "kevin arobase gmail point com",
        "kevin at hotmail dot fr",
        "kevin93 @ gmail . com",
        "lea(at)orange.fr",
        "lea99 chez gmail point com",
    ],
)
def test_email(text: str) -> None:
    assert "contact.email" in fired(text)


@pytest.mark.parametrize(
    "text", ["c'est @lea.voyage.lyon", "on se voit @ 18h", "je suis at home", "il est chez free"]
)
def test_not_email(text: str) -> None:
    assert "contact.email" not in fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "t'as snapchat ?",
        "ajoute moi sur snap",
        "SN@P ?",
        "5nap",
        "s n a p",
        "s.n.a.p",
        "s🍑n🍑a🍑p",
        "snaaaap",
        "𝓼𝓷𝓪𝓹𝓬𝓱𝓪𝓽",
        "t'as insta ?",
        "1nsta",
        "on passe sur wh4tsapp",
        "t'as watsap ?",
        "ajoute moi sur sc",
        "t'as tg ?",
        "viens sur telegram",
        "rejoins discord.gg/abcd1234",
        "t.me/kevin93",
        "ajoute-moi",
        "on continue ailleurs ?",
        "t'as un compte ailleurs ? ici ca bug",
    ],
)
def test_offplatform_app(text: str) -> None:
    assert "offplatform.app" in fired(text)


@pytest.mark.parametrize(
    "text",
    ["ta gueule", "tg mdr", "je vais au ciné", "what's up", "snap judgment aside, how are you"],
)
def test_not_offplatform(text: str) -> None:
    assert fired(text).get("offplatform.app") is None or text.startswith("snap")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("mon snap c'est kevin_93", "mon snap c'est kevin_93"),
        ("mon insta: lea.dessins", "mon insta: lea.dessins"),
        ("ajoute moi @kevin_93", "@kevin_93"),
    ],
)
def test_offplatform_handle(text: str, span: str) -> None:
    signal = fired(text)["offplatform.handle"]
    assert (
        span in text[signal.span[0] : signal.span[1]]
        or text[signal.span[0] : signal.span[1]] in span
    )


@pytest.mark.parametrize("text", ["mon snap c'est pas ouf", "@toi", "mon tel est cassé"])
def test_not_a_handle(text: str) -> None:
    assert "offplatform.handle" not in fired(text)


@pytest.mark.parametrize(
    "text", ["donne moi ton num", "c'est quoi ton snap ?", "envoie ton 06", "what's your number"]
)
def test_contact_request(text: str) -> None:
    assert "contact.request" in fired(text)


@pytest.mark.parametrize("text", ["viens en mp", "je peux t'aider en privé", "dm me"])
def test_private_invite(text: str) -> None:
    assert "private.invite" in fired(text)


def test_lexicon_is_loaded() -> None:
    assert APPS.size > 40
