"""Views of a message that survive ordinary evasion, each with a map back to the original text.

A detector never matches the raw text: people write ``SN@P``, ``s n a p``, ``s🍑n🍑a🍑p``,
``snaaaap``, ``𝓼𝓷𝓪𝓹`` or "zéro six douze ..." precisely so that a filter misses them. Each
view here undoes one family of tricks, and every character of every view remembers which
characters of the original it came from, so a signal's span points at what the person wrote.

- ``folded``: lower case, accents and fancy letters folded to ASCII (``anyascii``), emoji and
  other symbols turned into spaces, invisible characters dropped, runs of three or more of the
  same letter squeezed to one ("seuuuule" -> "seule"). Punctuation and digits stay, so phrase
  patterns ("t'es seule ?", "je suis en 4e") are written against it.
- ``lexical``: the words of ``folded`` only, one space apart, with leetspeak undone inside
  words that mix letters and digits or symbols ("5nap", "wh4tsapp", "sn@p"), runs of single
  letters joined ("s n a p", "s.n.a.p", "p.d"). Lexicons are normalised the same way and
  matched against it. Single letters are joined only when at least three stand in a row, or
  two are glued by dots or stars, so ordinary words are never glued together.
- ``digits``: ``folded`` with numbers written as words turned into digits (``text2num``'s
  ``alpha2digit``, French then English): "zéro six douze" -> "06 12". Built only when a message
  holds enough digits or number words to be a phone number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence

from anyascii import anyascii
from text_to_num import alpha2digit


class View:
    """A transformed text; ``starts[i]:ends[i]`` is the original slice behind ``text[i]``.

    ``starts`` is ``None`` when the view is the original text itself (the cheap common case of
    a plain lower-case ASCII line), so no map is built for it. A view may also be given a
    ``build`` function instead of its map: most messages never fire, so their map is never
    needed, and it is built on the first ``span`` only.
    """

    __slots__ = ("_build", "_ends", "_starts", "text")

    def __init__(
        self,
        text: str,
        starts: list[int] | None = None,
        ends: list[int] | None = None,
        build: Callable[[], tuple[list[int], list[int]]] | None = None,
    ) -> None:
        self.text = text
        self._starts = starts
        self._ends = ends
        self._build = build

    def _mapped(self) -> None:
        if self._build is not None:
            self._starts, self._ends = self._build()
            self._build = None

    @property
    def starts(self) -> list[int] | None:
        self._mapped()
        return self._starts

    @property
    def ends(self) -> list[int] | None:
        self._mapped()
        return self._ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets behind ``text[start:end]`` (``end`` exclusive, non-empty)."""
        starts, ends = self.starts, self.ends
        if starts is None or ends is None:
            return (start, end)
        if end <= start:
            return (starts[start], starts[start]) if start < len(starts) else (0, 0)
        return (starts[start], ends[end - 1])


# Characters whose fold we computed once: most messages reuse a handful of accented letters.
_FOLD_CACHE: dict[str, str] = {}
_KEEP_SYMBOLS = frozenset("€£$@%+#&*/")
# The characters that fold to exactly one ASCII character, as a ``str.translate`` table: with
# them, a line keeps its offsets and folds in one call.
_ONE_TO_ONE: dict[int, str] = {}


def _fold_char(char: str) -> str:
    folded = _FOLD_CACHE.get(char)
    if folded is not None:
        return folded
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf", "Cc"):
        folded = ""  # combining marks (zalgo), zero-width joiners, bidi overrides
    elif char in _KEEP_SYMBOLS:
        folded = char
    elif category[0] in "SZ" or category == "Co":
        folded = " "  # emoji and symbols separate words, they are never letters
    else:
        folded = anyascii(char).lower()
        if folded.startswith(":") and folded.endswith(":") and len(folded) > 2:
            folded = " "  # anyascii names some emoji (":peach:"): still a separator
    if len(_FOLD_CACHE) < 20_000:
        _FOLD_CACHE[char] = folded
    return folded


# "www" is the one triple letter that means something (a link), so it is never squeezed.
_RUN3 = re.compile(r"([a-vx-z])\1\1")


def _squeeze(chars: list[str], starts: list[int], ends: list[int]) -> View:
    """Collapse runs of three or more of one letter to that letter, spanning the run."""
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    n = len(chars)
    i = 0
    while i < n:
        char = chars[i]
        j = i + 1
        while j < n and chars[j] == char:
            j += 1
        if j - i >= 3 and char.isalpha() and char != "w":
            out.append(char)
            out_starts.append(starts[i])
            out_ends.append(ends[j - 1])
        else:
            out.extend(chars[i:j])
            out_starts.extend(starts[i:j])
            out_ends.extend(ends[i:j])
        i = j
    return View("".join(out), out_starts, out_ends)


def fold(text: str) -> View:
    """The ``folded`` view (see the module docstring)."""
    if text.isascii():
        low = text.lower()
        if _RUN3.search(low) is None and "\x00" not in low:
            return View(low)
        chars = list(low)
        return _squeeze(chars, list(range(len(low))), list(range(1, len(low) + 1)))
    # Most non-ASCII lines hold accents, emoji or fancy letters, each folding to one character:
    # then the view keeps the original offsets and one ``translate`` builds it.
    low = text.translate(_ONE_TO_ONE)
    if not low.isascii():
        for char in set(low):
            if char >= "\x80" and len(_fold_char(char)) == 1 and len(_ONE_TO_ONE) < 20_000:
                _ONE_TO_ONE[ord(char)] = _fold_char(char)
        low = text.translate(_ONE_TO_ONE)
    if low.isascii():
        low = low.lower()
        if _RUN3.search(low) is None:
            return View(low)
        chars = list(low)
        return _squeeze(chars, list(range(len(low))), list(range(1, len(low) + 1)))
    chars: list[str] = []  # type: ignore[no-redef]
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        if char < "\x80":
            chars.append(char.lower())
            starts.append(index)
            ends.append(index + 1)
            continue
        for piece in _fold_char(char):
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return _squeeze(chars, starts, ends)


# Leetspeak, undone only inside a word that mixes letters with digits or symbols.
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "l"})  # fmt: skip
_TOKEN = re.compile(r"(?:[@$](?=[a-z0-9]))?[a-z0-9]+(?:[@$!|]+[a-z0-9]+)*")
_HAS_LETTER = re.compile(r"[a-z]")
_HAS_LEET = re.compile(r"[0-9@$!|]")
# Two single characters in a row, the start of a spelled-out word ("s n a p", "p.d").
_GLUE = re.compile(r"(?<![a-z0-9'])[a-z0-9@$][ .\-_*/+,~]{1,3}[a-z0-9@$](?![a-z0-9'])")
# Where leetspeak could be: a letter against a digit, or a symbol inside or before a word.
_MIXED = re.compile(r"[a-z][0-9]|[0-9][a-z]|[a-z0-9][@$!|]+[a-z0-9]|(?:^|[^a-z0-9])[@$][a-z0-9]")
# What may separate the single letters of a spelled-out word: a few spaces, dots, dashes...
_LETTER_GAP = re.compile(r"[ .\-_*/+,~]{1,3}")


def _lexical(folded: View) -> View:
    text = folded.text
    if _GLUE.search(text) is None and _MIXED.search(text) is None:
        # The common line: no single letters to glue, no leetspeak; the words as they are.
        return View(
            " ".join(_TOKEN.findall(text)), build=lambda: _word_map(folded, _TOKEN.finditer(text))
        )
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # Glue runs of at least three single characters separated by short gaps ("s n a p").
    groups: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j][1] - tokens[j][0] == 1
            and tokens[j + 1][1] - tokens[j + 1][0] == 1
            # An elided word ("c'est", "j'ai") starts a word, it is not a spelled letter.
            and text[tokens[j + 1][1] : tokens[j + 1][1] + 1] != "'"
            and _LETTER_GAP.fullmatch(text, tokens[j][1], tokens[j + 1][0]) is not None
        ):
            j += 1
        # Two letters glued by dots or stars ("p.d", "p*d") are one word too.
        tight = j - i + 1 == 2 and not text[tokens[i][1] : tokens[j][0]].strip(".*-_")
        if j - i + 1 >= 3 or tight:
            groups.append(tokens[i : j + 1])
            i = j + 1
        else:
            groups.append([tokens[i]])
            i += 1
    words: list[str] = []
    places: list[Sequence[int]] = []  # the folded positions behind each word
    leet = _HAS_LEET.search(text) is not None
    for group in groups:
        if len(group) == 1:
            start, end = group[0]
            word = text[start:end]
            place: Sequence[int] = range(start, end)
        else:
            word = "".join(text[start:end] for start, end in group)
            place = [p for start, end in group for p in range(start, end)]
        if leet and _HAS_LEET.search(word) and _HAS_LETTER.search(word):
            word = word.translate(_LEET)
        words.append(word)
        places.append(place)

    def build() -> tuple[list[int], list[int]]:
        base_starts, base_ends = folded.starts, folded.ends
        starts: list[int] = []
        ends: list[int] = []
        for place in places:
            if starts:  # the space between two words
                starts.append(starts[-1])
                ends.append(ends[-1])
            for p in place:
                starts.append(p if base_starts is None else base_starts[p])
                ends.append(p + 1 if base_ends is None else base_ends[p])
        return starts, ends

    return View(" ".join(words), build=build)


def _deleet(folded: View) -> View | None:
    """Leetspeak undone in the words that mix letters with digits or symbols (same length)."""

    def word(match: re.Match[str]) -> str:
        token = match.group()
        return token.translate(_LEET) if _HAS_LETTER.search(token) else token

    text = _TOKEN.sub(word, folded.text)
    if text == folded.text:
        return None
    return View(text, folded.starts, folded.ends)


def _word_map(folded: View, words: Iterator[re.Match[str]]) -> tuple[list[int], list[int]]:
    """The map of a lexical view whose words are ``words`` of ``folded``, one space apart."""
    base_starts, base_ends = folded.starts, folded.ends
    starts: list[int] = []
    ends: list[int] = []
    for match in words:
        if starts:
            starts.append(starts[-1])
            ends.append(ends[-1])
        for p in range(match.start(), match.end()):
            starts.append(p if base_starts is None else base_starts[p])
            ends.append(p + 1 if base_ends is None else base_ends[p])
    return starts, ends


def lexical_form(term: str) -> str:
    """A lexicon entry in the form the ``lexical`` view takes."""
    return _lexical(fold(term)).text


# Number words (folded, so without accents), French then English.
_FRENCH_NUMBERS = frozenset(
    [
        "zero",
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
    ]
)
_ENGLISH_NUMBERS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "oh",
    ]
)
# Those that may take part in a phone number ("double six" in English).
NUMBER_WORDS = _FRENCH_NUMBERS | _ENGLISH_NUMBERS | {"double"}
_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_ZERO = re.compile(r"\bzero\b")
# "five five five, oh one four": "oh" is zero between spelled digits (text2num leaves it), and
# an interjection elsewhere ("oh no", "oh one more thing" has no digit before it).
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|\d)"
_OH = re.compile(rf"(\b{_DIGIT_WORD}[ ,.\-]{{1,3}})oh\b(?=[ ,.\-]{{1,3}}{_DIGIT_WORD}\b)")
_OH_AFTER_ZERO = re.compile(r"(\bzero[ ,.\-]{1,3})oh\b")
_SPACE_TOKEN = re.compile(r"\S+")


def number_weight(folded: str) -> int:
    """How many digits and number words a text holds: a phone number needs several."""
    weight = len(_DIGIT.findall(folded))
    if weight >= 8:
        return weight
    return weight + sum(1 for w in _WORD.findall(folded) if w in NUMBER_WORDS)


def _digits(folded: View) -> View:
    """Spelled numbers as digits; words map back to the whole run of words they replaced."""
    text = folded.text
    # text2num knows "zéro" only with its accent; the folded view has none (same length).
    converted = alpha2digit(_ZERO.sub("zéro", text), "fr")
    words = set(_WORD.findall(converted))
    if words & _ENGLISH_NUMBERS:
        # English digits spelled out ("nine three seven, zero one"): the French pass's accent
        # on "zero" would hide it from the English one.
        converted = converted.replace("zéro", "zero")
        if "oh" in converted:
            # Twice: "one oh oh one" overlaps ("oh oh" shares a space).
            converted = _OH.sub(r"\1zero", _OH.sub(r"\1zero", converted))
            converted = _OH_AFTER_ZERO.sub(r"\1zero", converted)  # "nine oh oh" ends a number
        converted = alpha2digit(converted, "en")
    if converted == text:
        return folded
    source = [(m.group(), m.start(), m.end()) for m in _SPACE_TOKEN.finditer(text)]
    target = [m.group() for m in _SPACE_TOKEN.finditer(converted)]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(token: str, start: int, end: int) -> None:
        if chars:
            chars.append(" ")
            starts.append(starts[-1])
            ends.append(ends[-1])
        for k, char in enumerate(token):
            # A token that kept its form maps char by char; a converted one maps as a block.
            if end - start == len(token):
                starts.append(start + k)
                ends.append(start + k + 1)
            else:
                starts.append(start)
                ends.append(end)
            chars.append(char)

    i = 0
    j = 0
    while j < len(target):
        token = target[j].replace("zéro", "zero")
        if i < len(source) and source[i][0] == token:
            emit(target[j], source[i][1], source[i][2])
            i += 1
            j += 1
            continue
        # A converted run: it ends at the first later pair of tokens that agree again.
        anchor_i, anchor_j = _anchor(source, i + 1, target, j + 1)
        block = source[i:anchor_i] or source[-1:]
        for converted_token in target[j:anchor_j]:
            emit(converted_token, block[0][1], block[-1][2])
        i, j = anchor_i, anchor_j
    return _compose(folded, View("".join(chars), starts, ends))


_AHEAD = 24


def _anchor(
    source: list[tuple[str, int, int]], i: int, target: list[str], j: int
) -> tuple[int, int]:
    """The earliest source token from ``i`` that reappears unchanged in ``target`` from ``j``.

    A spelled number is a few words long, so the search looks a bounded way ahead: the
    alignment stays linear however long the message is.
    """
    for m in range(i, min(len(source), i + _AHEAD)):
        for k in range(j, min(len(target), j + _AHEAD)):
            if target[k].replace("zéro", "zero") == source[m][0]:
                return m, k
    return len(source), len(target)


def _compose(outer: View, inner: View) -> View:
    """``inner`` maps into ``outer.text``; the result maps into the original."""
    if outer.starts is None or outer.ends is None or inner.starts is None or inner.ends is None:
        return inner
    n = len(outer.starts)
    starts = [outer.starts[min(s, n - 1)] for s in inner.starts]
    ends = [outer.ends[max(min(e, n) - 1, 0)] for e in inner.ends]
    return View(inner.text, starts, ends)


# Three single letters or more, each followed by a space, a dot, a dash or a star.
_SPACED = re.compile(r"(?:\b\w[ .\-_*]){3,}\w\b")


class Normalized:
    """The views of one message, built on first use and kept."""

    __slots__ = ("_deleeted", "_digits", "_folded", "_lexical", "_scanned", "original")

    def __init__(self, text: str) -> None:
        self.original = text
        self._folded: View | None = None
        self._lexical: View | None = None
        self._digits: View | None = None
        self._deleeted: View | bool | None = False  # False: not computed yet
        self._scanned: tuple[View, ...] | None = None

    # Plain properties rather than ``functools.cached_property``, which takes a lock on every
    # first access in Python 3.11: this is the hot path of every message.
    @property
    def folded(self) -> View:
        if self._folded is None:
            self._folded = fold(self.original)
        return self._folded

    @property
    def lexical(self) -> View:
        if self._lexical is None:
            self._lexical = _lexical(self.folded)
        return self._lexical

    @property
    def deleeted(self) -> View | None:
        """``folded`` with leetspeak undone inside words ("t'es s3ule", "ph0to"), offsets
        unchanged; ``None`` when the message has none (most messages)."""
        if self._deleeted is False:
            folded = self.folded
            self._deleeted = _deleet(folded) if _MIXED.search(folded.text) else None
        return self._deleeted  # type: ignore[return-value]

    @property
    def scanned(self) -> tuple[View, ...]:
        """The views a rule written for ``folded`` is run on: ``folded``; ``deleeted`` when
        there is leetspeak ("t'es s3ule"); ``lexical`` when there are spaced-out letters
        ("t'es s.e.u.l.e", "sur s n a p"), which it has joined."""
        if self._scanned is None:
            folded = self.folded
            views = [folded]
            if self.deleeted is not None:
                views.append(self.deleeted)
            if _SPACED.search(folded.text) is not None:
                views.append(self.lexical)
            self._scanned = tuple(views)
        return self._scanned

    @property
    def digits(self) -> View:
        if self._digits is None:
            self._digits = _digits(self.folded)
        return self._digits
