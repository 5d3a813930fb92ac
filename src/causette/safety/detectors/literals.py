"""The literal strings every match of a regular expression must contain.

``required(pattern)`` reads the expression's syntax tree and returns a set of strings such
that any text the expression matches contains one of them, or ``None`` when no useful set
exists (a match may be made of classes and repeats alone). ``RuleSet`` puts them into its
Aho-Corasick automaton, so a rule wakes only on text that could match it: the same idea as
the prefilters of RE2 and Hyperscan, kept small.

Sound by construction: a literal is taken only from parts of the expression that every
match goes through (a sequence's items, each branch of an alternation, a repeat of at least
one), and optional parts contribute the empty string, which voids a set.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

# ``re`` has no public parser; this is the one ``re.compile`` itself uses.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Past this many strings a set of exact strings is given up (it stops being a literal).
_MAX_EXACT = 64
# A character class of up to this many characters is treated as a set of literals.
_MAX_CLASS = 6

Strings = frozenset[str]
# For one node: the exact strings it can match (when few), and a set one of which each of
# its matches contains (when known).
Info = tuple["Strings | None", "Strings | None"]

_EMPTY: Strings = frozenset({""})
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def required(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, or ``None``."""
    if flags:
        return None  # case folding and the like would need the same folding of the anchors
    try:
        tree = _parser.parse(pattern)
    except re.error:  # refused again, with its message, where it is compiled
        return None
    if tree.state.flags & ~_c.SRE_FLAG_UNICODE:
        return None  # inline flags such as (?i)
    exact, needed = _sequence(list(tree))
    found = needed if needed is not None else _usable(exact)
    return tuple(sorted(found)) if found else None


def _usable(strings: Strings | None) -> Strings | None:
    """A set of exact strings as a requirement: void if one of them is empty."""
    if strings is None or "" in strings:
        return None
    return strings


def _better(a: Strings | None, b: Strings | None) -> Strings | None:
    """The more selective of two requirements: the longer shortest string, then fewer."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return b if key_b > key_a else a


def _product(a: Strings, b: Strings) -> Strings | None:
    if len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x in a for y in b)


def _sequence(items: Sequence[tuple[Any, Any]]) -> Info:
    run: Strings | None = _EMPTY  # exact strings of the items since the last break
    broken = False
    best: Strings | None = None
    for op, av in items:
        exact, needed = _node(op, av)
        joined = _product(run, exact) if run is not None and exact is not None else None
        if joined is not None:
            run = joined
            continue
        broken = True
        best = _better(best, _usable(run))
        best = _better(best, needed if needed is not None else _usable(exact))
        run = exact if exact is not None else _EMPTY
    best = _better(best, _usable(run))
    return (None if broken else run), best


def _alternatives(branches: Iterable[Sequence[tuple[Any, Any]]]) -> Info:
    exact: set[str] | None = set()
    needed: set[str] | None = set()
    for branch in branches:
        e, n = _sequence(branch)
        if exact is not None:
            exact = exact | e if e is not None and len(exact) + len(e) <= _MAX_EXACT else None
        own = n if n is not None else _usable(e)
        needed = needed | own if needed is not None and own is not None else None
    return (
        frozenset(exact) if exact is not None else None,
        frozenset(needed) if needed is not None else None,
    )


def _node(op: Any, av: Any) -> Info:
    if op is _c.LITERAL:
        return frozenset({chr(av)}), None
    if op in _ZERO_WIDTH:
        return _EMPTY, None
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags:
            return None, None
        return _sequence(list(sub))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.BRANCH:
        return _alternatives(av[1])
    if op is _c.IN:
        return _class(av), None
    if op in _REPEATS:
        low, high, sub = av
        exact, needed = _sequence(list(sub))
        if low == high == 1:
            return exact, needed
        if low == 0:
            optional = exact | _EMPTY if exact is not None and high == 1 else None
            return optional, None
        return None, needed if needed is not None else _usable(exact)
    return None, None  # any character, categories, back-references: no literal


def _class(items: Sequence[tuple[Any, Any]]) -> Strings | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # a negated class, a category, a wide range
    return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS else None
