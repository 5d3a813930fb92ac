"""The safety policy: which signals and risk levels lead to which actions.

An operator reads and changes it as a TOML file; the shipped default is
``causette/safety/policy.toml`` (documented line by line, French-first texts), and a file named
by ``[safety] policy`` in the configuration is laid over it: ``[risk]`` and ``[limits]`` key by
key, ``[[action]]`` tables by ``name`` (same name: replaced; ``enabled = false``: removed; a
new name: added). Every value is checked at load time; a bad file raises ``ConfigError``
naming the file and the key, never a surprise at run time.

Each action has conditions, all of which must hold for it to fire on a message:

- ``rules``: the message carries a signal matching one of these patterns (a rule id, a family
  such as ``meet``, or ``hate.*``), scoring at least ``min_score``;
- ``stages``: each pattern (``a|b`` for either) was seen in the conversation within the risk
  memory, this message included: the sequences that make grooming;
- ``min_risk``: the conversation's accumulated risk is at least this;
- ``pairing``: who talks to whom (``minor_adult``, ``private``, ``room``);
- ``sender``: ``minor`` (treated as one), ``adult`` or ``any``;
- ``minor_present``: someone other than the sender is a minor (the recipient in private; in a
  room, a minor who spoke there within the risk memory).

An action that names no ``rules`` depends on the conversation rather than the message: it
fires once per conversation (within the risk memory) unless ``once = false``.

Every action that fires adds its effects, and the strongest wins: the verdict
(allow < refuse < hold < close; a close in a room holds), nudges, the sender's warning, the
longest mute (capped by ``[limits] max_mute_seconds``, itself at most ``MUTE_CAP``: automation
never sanctions for longer, a person decides), and the most urgent case. The verdict carries
the signals that caused it, including those of earlier messages that completed a sequence
(with an empty span, since their text is not this message's).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from causette.domain.moderation import PRIORITY, Category
from causette.errors import ConfigError
from causette.safety.gate import ALLOW, CaseRequest, Nudge, Signal, Verdict, VerdictKind
from causette.safety.risk import Pairing, RiskSettings, RiskState, fits

MUTE_CAP = 3600.0  # the longest mute automation may give; beyond it a moderator decides
ADVICE = ("ambush", "safety", "minor_help")  # the advice keys every client knows
SENDERS = ("any", "minor", "adult")
VERDICTS = ("allow", "refuse", "hold", "close")
# Severity order of verdict kinds: the strongest of the fired actions wins.
SEVERITY = {
    VerdictKind.ALLOW: 0,
    VerdictKind.REFUSE: 1,
    VerdictKind.HOLD: 2,
    VerdictKind.CLOSE: 3,
}
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_PATTERN = re.compile(r"\*|[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?")
DEFAULT_POLICY = "policy.toml"


@dataclass(frozen=True, slots=True)
class Action:
    """One line of the policy: conditions, then what to do."""

    name: str
    rules: tuple[str, ...] = ()
    min_score: float = 0.5
    stages: tuple[str, ...] = ()
    min_risk: float = 0.0
    pairing: frozenset[Pairing] = frozenset(Pairing)
    sender: str = "any"
    minor_present: bool = False  # fires only when someone other than the sender is a minor
    once: bool = False
    verdict: VerdictKind = VerdictKind.ALLOW
    reason: str = "safety"
    nudge_recipient: str | None = None
    nudge_sender: str | None = None
    nudge_minor: str | None = None  # whichever side of the conversation is a minor
    warning: str | None = None
    mute_seconds: float = 0.0
    case: Category | None = None
    priority: bool = False
    explanation: str = ""
    disclosure: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """What the policy is told about one message: its signals and its conversation."""

    signals: tuple[Signal, ...]
    pairing: Pairing
    sender_id: str
    recipient_id: str | None
    sender_minor: bool
    recipient_minor: bool
    score: float
    state: RiskState
    # Someone other than the sender is a minor: the recipient in private; in a room, a minor
    # who spoke there within the risk memory.
    minor_present: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """The verdict, and the conversation-wide actions that fired (to remember as fired)."""

    verdict: Verdict
    fired: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    risk: RiskSettings = field(default_factory=RiskSettings)
    max_mute_seconds: float = 600.0
    actions: tuple[Action, ...] = ()
    # Which actions a rule id can wake (filled as ids are met; the ids are few), and the
    # actions that depend on the conversation rather than on one message's rules.
    _by_rule: dict[str, tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _without_rules: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unruled = tuple(i for i, a in enumerate(self.actions) if not a.rules)
        object.__setattr__(self, "_without_rules", unruled)

    def _woken(self, rule: str) -> tuple[int, ...]:
        found = self._by_rule.get(rule)
        if found is None:
            found = self._by_rule[rule] = tuple(
                i for i, a in enumerate(self.actions) if a.rules and fits(a.rules, rule)
            )
        return found

    def decide(self, facts: Facts) -> Decision:
        """The verdict for one message, from every action whose conditions hold (in the
        file's order; only those the message's rules can wake are looked at)."""
        candidates = set(self._without_rules)
        for signal in facts.signals:
            candidates.update(self._woken(signal.rule))
        fired = [self.actions[i] for i in sorted(candidates) if self._holds(self.actions[i], facts)]
        if not fired:
            return Decision(ALLOW)
        return Decision(self._combine(fired, facts), tuple(a.name for a in fired if a.once))

    def _holds(self, action: Action, facts: Facts) -> bool:
        if facts.pairing not in action.pairing:
            return False
        if action.sender == "minor" and not facts.sender_minor:
            return False
        if action.sender == "adult" and facts.sender_minor:
            return False
        if action.minor_present and not facts.minor_present:
            return False
        if facts.score < action.min_risk:
            return False
        if action.once and action.name in facts.state.fired:
            return False
        if action.rules and not any(
            s.score >= action.min_score and fits(action.rules, s.rule) for s in facts.signals
        ):
            return False
        return not action.stages or facts.state.stages_met(action.stages) is not None

    def _combine(self, fired: list[Action], facts: Facts) -> Verdict:
        kind = VerdictKind.ALLOW
        reason: str | None = None
        nudges: dict[tuple[str, str], Nudge] = {}
        warning: str | None = None
        mute = 0.0
        case: CaseRequest | None = None
        disclosure = False
        causes: dict[str, Signal] = {}
        for action in fired:
            wanted = action.verdict
            if wanted is VerdictKind.CLOSE and facts.pairing is Pairing.ROOM:
                wanted = VerdictKind.HOLD  # a room cannot be closed by one message
            if SEVERITY[wanted] > SEVERITY[kind]:
                kind = wanted
            if wanted is VerdictKind.REFUSE and reason is None:
                reason = action.reason
            if action.nudge_recipient and facts.recipient_id is not None:
                key = (facts.recipient_id, action.nudge_recipient)
                nudges[key] = Nudge(*key)
            if action.nudge_sender:
                key = (facts.sender_id, action.nudge_sender)
                nudges[key] = Nudge(*key)
            if action.nudge_minor:
                for who, minor in (
                    (facts.sender_id, facts.sender_minor),
                    (facts.recipient_id, facts.recipient_minor),
                ):
                    if minor and who is not None:
                        nudges[(who, action.nudge_minor)] = Nudge(who, action.nudge_minor)
            warning = warning or action.warning
            mute = max(mute, min(action.mute_seconds, self.max_mute_seconds))
            disclosure = disclosure or action.disclosure
            if action.case is not None:
                case = _more_urgent(case, action)
            for signal in facts.signals:
                if not action.rules or fits(action.rules, signal.rule):
                    causes.setdefault(signal.rule, signal)
            for rule in facts.state.stages_met(action.stages) or ():
                causes.setdefault(rule, Signal(rule, 1.0))  # from an earlier message
        if kind is VerdictKind.REFUSE:
            reason = reason or "safety"
        if case is not None:
            rules = ", ".join(causes) or case.rule
            text = f"{case.explanation} Règles : {rules}." if case.explanation else ""
            # A minor on either side puts the case at the top of the queue.
            minor = facts.sender_minor or facts.recipient_minor
            case = CaseRequest(case.category, case.rule, text, case.priority or minor)
        return Verdict(
            kind,
            reason=reason if kind is VerdictKind.REFUSE else None,
            nudges=tuple(nudges.values()),
            case=case,
            signals=tuple(causes.values()),
            disclosure=disclosure,
            warning=warning,
            mute_seconds=mute,
        )


def _more_urgent(current: CaseRequest | None, action: Action) -> CaseRequest:
    assert action.case is not None
    candidate = CaseRequest(action.case.value, action.name, action.explanation, action.priority)
    if current is None:
        return candidate
    rank_now = (not current.priority, PRIORITY[Category(current.category)])
    rank_new = (not candidate.priority, PRIORITY[action.case])
    if rank_new < rank_now:
        return candidate
    if candidate.priority and not current.priority:
        return CaseRequest(current.category, current.rule, current.explanation, True)
    return current


# -- loading ----------------------------------------------------------------------------------


def _fail(where: str, key: str, problem: str) -> ConfigError:
    return ConfigError("config_invalid", key=f"{where}: {key}", problem=problem)


class _Table:
    """Typed reads from one TOML table of a policy file, with errors naming the key."""

    def __init__(self, where: str, name: str, table: object) -> None:
        if not isinstance(table, dict):
            raise _fail(where, name, "must be a table")
        self.where, self.name, self.table = where, name, table
        self.used: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.name}.{key}" if self.name else key

    def _get(self, key: str) -> Any:
        self.used.add(key)
        return self.table[key]

    def number(self, key: str, default: float, low: float, high: float) -> float:
        if key not in self.table:
            return default
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _fail(self.where, self._key(key), "must be a number")
        if not low <= value <= high:
            raise _fail(self.where, self._key(key), f"must be between {low:g} and {high:g}")
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        if key not in self.table:
            return default
        value = self._get(key)
        if not isinstance(value, bool):
            raise _fail(self.where, self._key(key), "must be true or false")
        return value

    def text(self, key: str, default: str | None, choices: Iterable[str] = ()) -> str | None:
        if key not in self.table:
            return default
        value = self._get(key)
        options = tuple(choices)
        if not isinstance(value, str):
            raise _fail(self.where, self._key(key), "must be a string")
        if options and value not in options:
            raise _fail(self.where, self._key(key), f"must be one of {', '.join(options)}")
        return value

    def word(self, key: str) -> str | None:
        """A key a client translates (a warning, a refusal reason): lower case, digits, _."""
        value = self.text(key, None)
        if value is not None and not _KEY.fullmatch(value):
            raise _fail(self.where, self._key(key), "must be a key like contact_sharing")
        return value

    def patterns(self, key: str, alternatives: bool = False) -> tuple[str, ...]:
        if key not in self.table:
            return ()
        value = self._get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(self.where, self._key(key), "must be a list of rule patterns")
        for item in value:
            parts = item.split("|") if alternatives else [item]
            if not all(_PATTERN.fullmatch(p) for p in parts):
                raise _fail(
                    self.where,
                    self._key(key),
                    f"{item!r} is not a rule pattern (like age.probe, meet or hate.*"
                    + (", or a|b" if alternatives else "")
                    + ")",
                )
        return tuple(value)

    def check_unknown(self) -> None:
        unknown = sorted(set(self.table) - self.used)
        if unknown:
            raise _fail(self.where, self._key(unknown[0]), "unknown key")


def _risk(where: str, raw: object) -> RiskSettings:
    t = _Table(where, "risk", raw)
    minute = 60.0
    half_life = t.number("half_life_minutes", 30.0, 0.0, 7 * 24 * 60) * minute
    memory = t.number("memory_minutes", 120.0, 0.0, 7 * 24 * 60) * minute
    seen = t.number("seen_min_score", 0.5, 0.0, 1.0)
    conversations = t.number("conversations", 20_000, 1, 10_000_000)
    if conversations != int(conversations):
        raise _fail(where, "risk.conversations", "must be a whole number")
    pairing: list[tuple[Pairing, float]] = []
    if "pairing" in t.table:
        p = _Table(where, "risk.pairing", t._get("pairing"))
        for name in Pairing:
            pairing.append((name, p.number(name.value, 1.0, 0.0, 100.0)))
        p.check_unknown()
    else:
        pairing = list(RiskSettings().pairing)
    weights: list[tuple[str, float]] = []
    if "weights" in t.table:
        w = _Table(where, "risk.weights", t._get("weights"))
        for pattern in list(w.table):
            if not _PATTERN.fullmatch(pattern):
                raise _fail(where, f"risk.weights.{pattern}", "is not a rule pattern")
            weights.append((pattern, w.number(pattern, 1.0, 0.0, 100.0)))
    t.check_unknown()
    # The most specific pattern wins whatever the order in the file: exact ids, then the
    # longest families, then ``*``.
    weights.sort(key=lambda item: (item[0] == "*", item[0].endswith(".*"), -len(item[0])))
    return RiskSettings(
        half_life=half_life,
        memory=memory,
        seen_min_score=seen,
        conversations=int(conversations),
        pairing=tuple(pairing),
        weights=tuple(weights),
    )


def _action(where: str, index: int, raw: object, max_mute: float) -> Action | None:
    name_of = raw.get("name") if isinstance(raw, dict) else None
    label = f"action[{index}]" + (f" ({name_of})" if isinstance(name_of, str) else "")
    t = _Table(where, label, raw)
    name = t.text("name", None)
    if not name:
        raise _fail(where, f"{label}.name", "is required")
    if not t.flag("enabled", True):
        t.used.update(t.table)
        return None
    rules = t.patterns("rules")
    stages = t.patterns("stages", alternatives=True)
    pairing_names = t.table.get("pairing", [p.value for p in Pairing])
    t.used.add("pairing")
    if not isinstance(pairing_names, list) or not pairing_names:
        raise _fail(where, f"{label}.pairing", "must be a non-empty list")
    pairing = set()
    for value in pairing_names:
        try:
            pairing.add(Pairing(value))
        except ValueError:
            options = ", ".join(p.value for p in Pairing)
            raise _fail(where, f"{label}.pairing", f"{value!r} is not one of {options}") from None
    verdict = VerdictKind(t.text("verdict", "allow", VERDICTS) or "allow")
    advice = (*ADVICE,)
    category = t.text("case", None, (c.value for c in Category))
    mute = t.number("mute_seconds", 0.0, 0.0, MUTE_CAP)
    if mute > max_mute:
        raise _fail(
            where, f"{label}.mute_seconds", f"is over limits.max_mute_seconds ({max_mute:g})"
        )
    action = Action(
        name=name,
        rules=rules,
        min_score=t.number("min_score", 0.5, 0.0, 1.0),
        stages=stages,
        min_risk=t.number("min_risk", 0.0, 0.0, 1e6),
        pairing=frozenset(pairing),
        sender=t.text("sender", "any", SENDERS) or "any",
        minor_present=t.flag("minor_present", False),
        once=t.flag("once", not rules),
        verdict=verdict,
        reason=t.word("reason") or "safety",
        nudge_recipient=t.text("nudge_recipient", None, advice),
        nudge_sender=t.text("nudge_sender", None, advice),
        nudge_minor=t.text("nudge_minor", None, advice),
        warning=t.word("warning"),
        mute_seconds=mute,
        case=Category(category) if category else None,
        priority=t.flag("priority", False),
        explanation=t.text("explanation", "") or "",
        disclosure=t.flag("disclosure", False),
    )
    t.check_unknown()
    if not (rules or stages or action.min_risk > 0):
        raise _fail(where, label, "needs at least one of rules, stages or min_risk")
    if (action.verdict is not VerdictKind.ALLOW or action.disclosure) and action.case is None:
        # Every hold, refusal, close and disclosure is looked at by a person (and counted).
        raise _fail(where, f"{label}.case", f"is required with verdict = {verdict.value}")
    return action


def parse(document: Mapping[str, Any], where: str = DEFAULT_POLICY) -> Policy:
    """A policy from a TOML document (already merged over the defaults)."""
    known = {"risk", "limits", "action"}
    unknown = sorted(set(document) - known)
    if unknown:
        raise _fail(where, unknown[0], "unknown section")
    risk = _risk(where, document.get("risk", {}))
    lim = _Table(where, "limits", document.get("limits", {}))
    max_mute = lim.number("max_mute_seconds", 600.0, 0.0, MUTE_CAP)
    lim.check_unknown()
    raw_actions = document.get("action", [])
    if not isinstance(raw_actions, list):
        raise _fail(where, "action", "must be a list of [[action]] tables")
    actions: list[Action] = []
    names: set[str] = set()
    for index, raw in enumerate(raw_actions):
        action = _action(where, index, raw, max_mute)
        if action is None:
            continue
        if action.name in names:
            raise _fail(where, f"action[{index}].name", f"{action.name!r} is used twice")
        names.add(action.name)
        actions.append(action)
    return Policy(risk=risk, max_mute_seconds=max_mute, actions=tuple(actions))


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise _fail(str(path), "file", f"cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _fail(str(path), "file", "is not UTF-8 text") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(str(path), "file", f"is not valid TOML: {exc}") from exc


def default_document() -> dict[str, Any]:
    """The shipped policy, as a TOML document."""
    text = resources.files("causette.safety").joinpath(DEFAULT_POLICY).read_text("utf-8")
    return tomllib.loads(text)


def overlay(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """An operator's policy over the default: tables key by key, actions by name."""
    merged: dict[str, Any] = dict(base)
    for key, value in override.items():
        if key == "action" and isinstance(value, list) and isinstance(base.get(key), list):
            actions: dict[str, Any] = {}
            for item in base[key]:
                actions[str(item.get("name"))] = item
            extra: list[Any] = []
            for item in value:
                name = item.get("name") if isinstance(item, dict) else None
                if isinstance(name, str):
                    actions[name] = item  # replaces (or, with enabled = false, removes)
                else:
                    extra.append(item)  # reported by the parser, with its position
            merged[key] = [*actions.values(), *extra]
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            inner = dict(merged[key])
            for k, v in value.items():
                if isinstance(v, dict) and isinstance(inner.get(k), dict):
                    inner[k] = {**inner[k], **v}
                else:
                    inner[k] = v
            merged[key] = inner
        else:
            merged[key] = value
    return merged


def load(path: Path | None = None) -> Policy:
    """The shipped policy, with the operator's file at ``path`` laid over it."""
    base = default_document()
    if path is None:
        return parse(base)
    where, mine = str(path), _read(path)
    merged = overlay(base, mine)
    # The operator's actions are checked first, where they stand in their own file, so an
    # error names the position the operator sees, not the one in the merged list.
    limits = merged.get("limits", {})
    max_mute = _Table(where, "limits", limits).number("max_mute_seconds", 600.0, 0.0, MUTE_CAP)
    own = mine.get("action", [])
    if isinstance(own, list):
        names: dict[str, int] = {}
        for index, raw in enumerate(own):
            action = _action(where, index, raw, max_mute)
            name = raw.get("name") if isinstance(raw, dict) else None
            if isinstance(name, str) and name in names:
                raise _fail(where, f"action[{index}].name", f"{name!r} is used twice")
            if isinstance(name, str):
                names[name] = index
            del action  # checked; the merged list is parsed below
    return parse(merged, where)
