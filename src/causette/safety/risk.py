"""Risk that builds up in a conversation: signals accumulate, fade with time, and the rules
that fired are remembered for a while so that a *sequence* can be recognised.

Grooming rarely announces itself in one message: an adult asks the age, then checks that the
child is alone, asks to keep it secret, and moves the talk to Snapchat. No single message is
alarming; the sequence is. So each conversation keeps:

- a risk score, the sum of its weighted signals, halving every ``half_life`` seconds;
- the rule ids seen (with the last time each fired), forgotten after ``memory`` seconds,
  which the policy's stages read ("``age.probe`` then ``secrecy`` then ``offplatform``");
- whether a minor showed up in it (a self-disclosure), which changes how everything after
  weighs, even before the services have caught up with the disclosure;
- which policy actions that depend on the conversation (not on one message) already fired,
  so that a sequence opens one case, not one per later message.

A private conversation is keyed by its pair (``Conversation.key``); in a room, a person's risk
is their own (the room's key and their id), since a room's crowd is not one conversation.
Bounded: the least recently active conversations are forgotten past ``conversations``.
Pure: no I/O, no clock of its own; time is the draft's timestamp.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from causette.safety.gate import Setting, Signal


class Pairing(StrEnum):
    """Who is talking to whom, which decides how much a signal weighs."""

    MINOR_ADULT = "minor_adult"  # private, one side a minor (declared, disclosed or possible)
    PRIVATE = "private"  # private, otherwise
    ROOM = "room"


@dataclass(frozen=True, slots=True)
class RiskSettings:
    """How risk accumulates and fades (the policy file's ``[risk]`` table)."""

    half_life: float = 1800.0  # seconds for the score to halve
    memory: float = 7200.0  # seconds a rule id stays "seen" for the stages
    seen_min_score: float = 0.5  # a signal below this adds to the score but is not "seen"
    conversations: int = 20_000  # remembered, least recently active forgotten first
    # Multiplier of every signal's weight, by pairing.
    pairing: tuple[tuple[Pairing, float], ...] = (
        (Pairing.MINOR_ADULT, 2.0),
        (Pairing.PRIVATE, 1.0),
        (Pairing.ROOM, 0.7),
    )
    # Per-rule weights: (pattern, weight), first match wins; a pattern is a rule id or a
    # prefix ending in ``.*``; a rule matching none weighs 1.
    weights: tuple[tuple[str, float], ...] = ()

    def pairing_weight(self, pairing: Pairing) -> float:
        for name, weight in self.pairing:
            if name is pairing:
                return weight
        return 1.0

    def weight_of(self, rule: str) -> float:
        for pattern, weight in self.weights:
            if matches(pattern, rule):
                return weight
        return 1.0


@functools.lru_cache(maxsize=8192)
def fits(patterns: str | tuple[str, ...], rule: str) -> bool:
    """Whether ``rule`` matches any of ``patterns`` (a tuple, or one string with ``a|b``
    alternatives). Memoised: rule ids and the policy's patterns are few, and this runs for
    every action on every signal."""
    options = patterns.split("|") if isinstance(patterns, str) else patterns
    return any(matches(p, rule) for p in options)


def matches(pattern: str, rule: str) -> bool:
    """Whether a rule id matches a pattern: the id itself, its family (``age`` matches
    ``age.probe``), or a prefix with ``.*`` (``hate.*``); ``*`` matches every rule."""
    if pattern == "*" or pattern == rule:
        return True
    stem = pattern[:-2] if pattern.endswith(".*") else pattern
    return rule.startswith(stem + ".")


@dataclass(slots=True)
class RiskState:
    """One conversation's risk, as of ``ts``."""

    score: float = 0.0
    ts: float = 0.0
    seen: dict[str, float] = field(default_factory=dict)  # rule id -> last time it fired
    # Who said they are a minor in it (guest id -> when): never forgotten while the
    # conversation is remembered, since a disclosure does not fade like a suspicion.
    minors: dict[str, float] = field(default_factory=dict)
    fired: dict[str, float] = field(default_factory=dict)  # policy action -> when

    def has_seen(self, pattern: str) -> bool:
        """Whether a rule matching ``pattern`` (``a|b`` for either) fired within memory."""
        return any(fits(pattern, rule) for rule in self.seen)

    def stages_met(self, stages: tuple[str, ...]) -> tuple[str, ...] | None:
        """Distinct seen rules, one per stage (``a|b`` for either), or None: a sequence of
        two stages needs two different rules, not one rule that fits both."""
        options = [[rule for rule in self.seen if fits(stage, rule)] for stage in stages]
        if not all(options):
            return None
        chosen: list[str] = []

        def assign(index: int) -> bool:
            if index == len(options):
                return True
            for rule in options[index]:
                if rule not in chosen:
                    chosen.append(rule)
                    if assign(index + 1):
                        return True
                    chosen.pop()
            return False

        return tuple(chosen) if assign(0) else None


@dataclass(frozen=True, slots=True)
class Observation:
    """What one message did to its conversation's risk: the state after it."""

    key: str
    pairing: Pairing
    score: float
    added: float
    state: RiskState


def risk_key(setting: Setting, conversation_key: str, sender_id: str) -> str:
    """A private pair shares one risk; in a room each person has their own."""
    if setting is Setting.PRIVATE:
        return conversation_key
    return f"{conversation_key}:{sender_id}"


class RiskBook:
    """The risk of every recent conversation, bounded (LRU)."""

    def __init__(self, settings: RiskSettings | None = None) -> None:
        self.settings = settings or RiskSettings()
        self._states: OrderedDict[str, RiskState] = OrderedDict()
        self._weights: dict[str, float] = {}  # rule id -> weight (a finite set of ids)

    def __len__(self) -> int:
        return len(self._states)

    def get(self, key: str) -> RiskState | None:
        """The stored state of ``key`` (not decayed), or None; for tests and inspection."""
        return self._states.get(key)

    def _state(self, key: str, ts: float) -> RiskState:
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = RiskState(ts=ts)
            while len(self._states) > self.settings.conversations:
                self._states.popitem(last=False)
        else:
            self._states.move_to_end(key)
        return state

    def _decay(self, state: RiskState, ts: float) -> None:
        s = self.settings
        elapsed = ts - state.ts
        if elapsed > 0:
            state.score *= 0.5 ** (elapsed / s.half_life) if s.half_life > 0 else 0.0
            state.ts = ts
        horizon = ts - s.memory
        if state.seen and min(state.seen.values()) < horizon:
            state.seen = {rule: at for rule, at in state.seen.items() if at >= horizon}
        if state.fired and min(state.fired.values()) < horizon:
            state.fired = {name: at for name, at in state.fired.items() if at >= horizon}

    def observe(
        self, key: str, ts: float, pairing: Pairing, signals: Iterable[Signal]
    ) -> Observation:
        """Add one message's signals to its conversation (at time ``ts``)."""
        s = self.settings
        state = self._state(key, ts)
        self._decay(state, ts)
        factor = s.pairing_weight(pairing)
        added = 0.0
        for signal in signals:
            weight = self._weights.get(signal.rule)
            if weight is None:
                weight = self._weights[signal.rule] = s.weight_of(signal.rule)
            added += max(signal.score, 0.0) * weight * factor
            if signal.score >= s.seen_min_score:
                state.seen[signal.rule] = ts
        state.score += added
        return Observation(key, pairing, state.score, added, state)

    def mark_minor(self, key: str, guest: str, ts: float) -> None:
        """``guest`` is a minor in this conversation (said so, or declared): treated as one
        in it; the time is the latest they were seen so."""
        self._state(key, ts).minors[guest] = ts

    def mark_fired(self, key: str, name: str, ts: float) -> None:
        """A policy action that depends on the conversation fired (once per memory)."""
        self._state(key, ts).fired[name] = ts
