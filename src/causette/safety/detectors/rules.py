"""How a detector family is written: phrase rules behind a keyword pre-filter, and lexicons.

A ``Rule`` is a regular expression over the ``folded`` view with the literal ``anchors`` one of
which any match must contain (chosen by hand: whole words, rare in ordinary chat). Its
``literals`` are derived from the expression itself (``literals.py``): strings one of which
every match contains, by construction. Every ``RuleSet`` puts both into one Aho-Corasick
automaton shared by all families, so each view of a message is scanned once and only the
rules with an anchor *and* a literal in it run their expression: most chat lines wake none,
which keeps the fast path cheap.

A ``Lexicon`` is a list of terms (a data file in ``safety/lexicons``), normalised the way
the ``lexical`` view is and matched against that view on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import ahocorasick

from causette.safety.context import MessageContext
from causette.safety.detectors.literals import required
from causette.safety.gate import Signal
from causette.safety.normalize import Normalized, View, lexical_form

# Decides, from a match, the rule id and score to emit, or ``None`` to drop it.
Judge = Callable[["re.Match[str]", Normalized, MessageContext], "tuple[str, float] | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    rule: str
    score: float
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    judge: Judge | None = None
    literals: tuple[str, ...] | None = None  # ``None``: the expression gives no useful set
    # The judge reads the line and its context, not the match: one answer holds for every
    # match, so the first is the only one judged.
    once: bool = False


def rule(
    rule_id: str,
    score: float,
    pattern: str,
    *anchors: str,
    judge: Judge | None = None,
    once: bool = False,
) -> Rule:
    """A ``Rule`` with its expression compiled once, at import; ``once`` for a judge whose
    answer does not depend on the match."""
    if not anchors:
        raise ValueError(f"rule {rule_id} needs at least one anchor")
    if once and judge is None:
        raise ValueError(f"rule {rule_id}: once is for a rule with a judge")
    compiled = re.compile(pattern)
    return Rule(rule_id, score, compiled, anchors, judge, _literals(compiled), once)


def _literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    found = required(pattern.pattern, pattern.flags & ~re.UNICODE)
    # A single letter is in nearly every line: it would cost hits and filter nothing. Two
    # ("1h", "bd") already spare most lines a search (measured: bench/safety_pipeline.py).
    if found is None or min(map(len, found)) < 2:
        return None
    return found


# The anchors of a rule that needs a digit somewhere in its match.
DIGITS = tuple("0123456789")


class _Index:
    """The anchors and literals of every ``RuleSet`` in one automaton: each family scans the
    same few views of a message, so each view is read once rather than once per family.

    A string's value is a pair of bit masks over all rules (each set's rules at its offset):
    those it is an anchor of, and those it is a literal of. A scan ORs integers. A ``Screen``
    takes bits too, one an expression, whose literals are both its anchors and its literals.
    """

    # Texts whose masks are kept: a message's views and the recent lines the families read
    # (a sender's last five, each read by several families) fit, so each is scanned once.
    KEEP = 24

    def __init__(self) -> None:
        self.sets: list[RuleSet] = []
        self.size = 0  # bits: the rules of every set, the expressions of every screen
        self._entries: list[tuple[tuple[str, ...], tuple[str, ...] | None]] = []
        self._automaton: Any = None
        self._unliteral = 0
        self.masks: dict[str, int] = {}  # the last ``KEEP`` texts' masks, read by the sets

    def add(self, rules: RuleSet) -> int:
        """Register a set; its offset among all bits."""
        self.sets.append(rules)
        return self._grow([(item.anchors, item.literals) for item in rules.rules])

    def add_screen(self, literals: Sequence[tuple[str, ...]]) -> int:
        """Register a screen's expressions by their literals; its offset among all bits."""
        return self._grow([(found, found) for found in literals])

    def _grow(self, entries: list[tuple[tuple[str, ...], tuple[str, ...] | None]]) -> int:
        offset = self.size
        self._entries.extend(entries)
        self.size += len(entries)
        self._automaton = None  # rebuilt with the new strings at the next scan
        self.masks.clear()
        return offset

    def _build(self) -> Any:
        anchors: dict[str, int] = {}
        literals: dict[str, int] = {}
        unliteral = 0
        for index, (of_anchor, of_literal) in enumerate(self._entries):
            bit = 1 << index
            for anchor in of_anchor:
                anchors[anchor] = anchors.get(anchor, 0) | bit
            for literal in of_literal or ():
                literals[literal] = literals.get(literal, 0) | bit
            if of_literal is None:
                unliteral |= bit  # counts as having seen a literal
        automaton: Any = ahocorasick.Automaton()
        for key in anchors.keys() | literals.keys():
            automaton.add_word(key, (anchors.get(key, 0), literals.get(key, 0)))
        automaton.make_automaton()
        self._unliteral = unliteral
        return automaton

    def woken(self, text: str) -> int:
        """The mask of the rules, of every set, with an anchor and a literal in ``text``."""
        known = self.masks.get(text)
        if known is not None:
            return known
        if self._automaton is None:
            self._automaton = self._build()
        anchored = literal = 0
        for _, (of_anchor, of_literal) in self._automaton.iter(text):
            anchored |= of_anchor
            literal |= of_literal
        woken = anchored & (literal | self._unliteral)
        if len(self.masks) >= self.KEEP:
            self.masks.clear()
        self.masks[text] = woken
        return woken


def _bits(mask: int) -> list[int]:
    """The indexes of the bits set in ``mask``, lowest first."""
    found: list[int] = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return found


_INDEX = _Index()


def rule_sets() -> tuple[RuleSet, ...]:
    """Every ``RuleSet`` made so far (each family's, at import)."""
    return tuple(_INDEX.sets)


class RuleSet:
    """Rules of one family, woken by their anchors and literals (see ``_Index``)."""

    def __init__(self, rules: Sequence[Rule], view: str = "folded") -> None:
        self.rules = tuple(rules)
        self.view = view  # which view of ``Normalized`` the expressions are written for
        self._offset = _INDEX.add(self)
        self._mask = (1 << len(self.rules)) - 1

    def candidates(self, text: str) -> list[int]:
        """Indexes of the rules with an anchor and a literal in ``text``, in rule order."""
        return _bits((_INDEX.woken(text) >> self._offset) & self._mask)

    def scan(self, norm: Normalized, context: MessageContext) -> list[Signal]:
        """Every rule that matches the set's view, once per rule (its first match)."""
        views: tuple[View, ...] = (
            norm.scanned if self.view == "folded" else (getattr(norm, self.view),)
        )
        found: list[Signal] = []
        fired = 0
        known = _INDEX.masks
        for current in views:
            text = current.text
            # The kept mask read here rather than through ``woken``: this runs for every set
            # on every view of every message, and a call costs more than the lookup.
            mask = known.get(text)
            if mask is None:
                mask = _INDEX.woken(text)
            woken = (mask >> self._offset) & self._mask & ~fired
            if not woken:
                continue  # most lines wake no rule of a set: it costs no more than this
            for index in _bits(woken):
                item = self.rules[index]
                for match in item.pattern.finditer(text):
                    verdict: tuple[str, float] | None = (item.rule, item.score)
                    if item.judge is not None:
                        verdict = item.judge(match, norm, context)
                    if verdict is None:
                        if item.once:
                            break
                        continue
                    fired |= 1 << index
                    found.append(
                        Signal(verdict[0], verdict[1], current.span(match.start(), match.end()))
                    )
                    break
        return found


class Screen:
    """Named expressions searched together: the literals each requires (``literals.py``),
    in the automaton shared with the rules (``_Index``), tell which could match a text, and
    only those are searched. An expression without usable literals is always searched."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]]) -> None:
        self.patterns = dict(patterns)
        self._always: list[str] = []
        self._names: list[str] = []  # those with literals, in order: bit n is the n-th
        literals: list[tuple[str, ...]] = []
        for name, pattern in self.patterns.items():
            found = _literals(pattern)
            if found is None:
                self._always.append(name)
            else:
                self._names.append(name)
                literals.append(found)
        self._offset = _INDEX.add_screen(literals)
        self._mask = (1 << len(literals)) - 1
        self._order = {name: n for n, name in enumerate(self.patterns)}

    def search(self, text: str) -> dict[str, re.Match[str]]:
        """The first match of each expression that matches ``text``, in the given order."""
        mask = _INDEX.masks.get(text)
        if mask is None:
            mask = _INDEX.woken(text)
        woken = (mask >> self._offset) & self._mask
        if not woken and not self._always:
            return {}
        names = [self._names[n] for n in _bits(woken)]
        if self._always:
            names = sorted((*names, *self._always), key=self._order.__getitem__)
        matches: dict[str, re.Match[str]] = {}
        for name in names:
            match = self.patterns[name].search(text)
            if match is not None:
                matches[name] = match
        return matches


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon term found in the ``lexical`` view."""

    rule: str
    score: float
    start: int  # offsets into the lexical view
    end: int


class Lexicon:
    """Terms from a data file: one ``rule score term`` a line, ``#`` starts a comment.

    A term is normalised like the lexical view; its plural in ``s`` is added, so a file
    lists each word once.
    """

    def __init__(self, *names: str) -> None:
        self._automaton: Any = ahocorasick.Automaton()
        self.size = 0
        for name in names:
            text = resources.files("causette.safety").joinpath("lexicons", name).read_text("utf-8")
            for number, line in enumerate(text.splitlines(), 1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                parts = line.split(maxsplit=2)
                if len(parts) != 3:
                    raise ValueError(f"{name}:{number}: expected 'rule score term'")
                rule_id, score, term = parts
                self._add(rule_id, float(score), term)
        self._automaton.make_automaton()

    def _add(self, rule_id: str, score: float, term: str) -> None:
        key = lexical_form(term)
        if not key:
            return
        for form in (key, key + "s") if not key.endswith("s") else (key,):
            self._automaton.add_word(form, (rule_id, score, len(form)))
            self.size += 1

    def hits(self, view: View) -> list[Hit]:
        """Whole-word occurrences in ``view`` (a lexical view), longest first at each end."""
        text = view.text
        found: list[Hit] = []
        size = len(text)
        for end, (rule_id, score, length) in self._automaton.iter(text):
            start = end - length + 1
            if start > 0 and text[start - 1] != " ":
                continue
            if end + 1 < size and text[end + 1] != " ":
                continue
            found.append(Hit(rule_id, score, start, end + 1))
        return found


# Advice that quotes what a groomer or an ambusher says ("méfiez-vous de ceux qui disent
# 'viens seul'") uses the same words as the act, in reported speech.
_ADVICE = re.compile(
    r"(?:ceux qui (?:te |vous )?(?:disent|demandent|proposent|ecrivent)|quelqu'?un qui (?:te |vous )?"
    r"(?:dit|demande|propose)|si (?:on|quelqu'?un|un inconnu|un adulte) (?:te |vous )?(?:dit|demande|"
    r"propose)|mefie[zr]?[- ]?(?:vous|toi)? (?:de|des)|attention (?:a|aux) (?:ceux|les gens|celles) qui|"
    r"jamais (?:accepter|accepte|acceptez) (?:de|qu'?on)|never (?:trust|accept|agree)|beware of|"
    r"if (?:someone|anyone|a stranger) (?:says|asks|tells)|people who (?:say|ask))[^.!?]{0,12}$"
)
_QUOTE_MARKS = "\"'«»“”‘’"


def reported(norm: Normalized, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are quoted or reported as advice, not said."""
    start, end = span
    if end <= start:
        return False
    original = norm.original
    before = original[max(0, start - 2) : start].strip()[-1:]
    after = original[end : end + 2].strip()[:1]
    if before and after and before in _QUOTE_MARKS and after in _QUOTE_MARKS:
        return True
    return _ADVICE.search(Normalized(original[max(0, start - 80) : start]).folded.text) is not None


def best(signals: Sequence[Signal]) -> tuple[Signal, ...]:
    """One signal per rule: the highest score, the earliest span on a tie."""
    chosen: dict[str, Signal] = {}
    for signal in signals:
        kept = chosen.get(signal.rule)
        if kept is None or signal.score > kept.score:
            chosen[signal.rule] = signal
    return tuple(chosen.values())
