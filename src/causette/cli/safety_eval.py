"""``causette safety eval FILE.jsonl``: replay labelled conversations through the live
pipeline and measure what it catches (SAFETY.md 11).

Each line of the file is one conversation::

    {"id": str, "lang": "fr"|"en", "setting": "pm"|"room",
     "participants": {"a": {"age": int, "gender": "homme"|"femme"|"autre", "postal_code": str}},
     "messages": [{"from": "a", "text": str}, ...],
     "label": "grooming"|"minor_prostitution"|"prostitution"|"ambush"|"doxxing"|"hate"
              |"spam"|"benign",
     "harm_starts_at": int|null}

(other keys, such as ``note``, are ignored). Every line is checked before anything runs; bad
lines are all reported by number and nothing is replayed.

The replay is the live path after entry: a chat wired as the server wires it
(``app.replay_chat``: the same services, gate and policy, with SQLite in memory and a fake
clock), each participant entering with their declared age, gender and postal code (and a
generated nickname) from their own address and device, joining the room or accepting private
messages, then each message through ``Messages.say``, 20 seconds apart. Rate limits are set
generously for the replay (a corpus speaks faster than people): they are not what is measured.

What counts, per conversation:

- **flagged**: something a moderator or the sender would see: a case opened, a message held
  or refused by the gate, the private conversation closed, or a sanction (a mute);
- **nudged only**: safety advice was shown, without any flag;
- **refused by checks**: messages the ordinary checks refused (not the gate), counted and
  reported: after a close, for instance, the rest of the conversation cannot be sent.

Reported per label and overall: precision, recall, F0.5 (precision weighs more: a false flag
costs a moderator and a person), false-positive rate on benign conversations, and the median
number of messages from ``harm_starts_at`` to the first flag (0 when the first harmful message
is itself flagged, or when the flag came earlier).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from causette import config
from causette.domain.names import room_slug
from causette.errors import CausetteError, ConfigError
from causette.safety.gate import SafetyGate
from causette.safety.model import MessageModel

LABELS = (
    "grooming",
    "minor_prostitution",
    "prostitution",
    "ambush",
    "doxxing",
    "hate",
    "spam",
    "benign",
)
HARMFUL = tuple(label for label in LABELS if label != "benign")
GENDERS = {"homme": "man", "femme": "woman", "autre": "other"}
SETTINGS = ("pm", "room")
STEP_SECONDS = 20.0
# Generous budgets: a corpus types faster than people, and rate limits are not what is measured.
REPLAY_LIMITS = {
    "burst": 1000,
    "rate_per_second": 1000.0,
    "network_burst": 100_000,
    "network_rate_per_second": 100_000.0,
    "entries_per_minute": 10_000,
    "network_entries_per_minute": 1_000_000,
}
REPLAY_ROOM = "Salon"
REPLAY_TEEN_ROOM = "Salon ados"
# Refusals that are the age bands keeping a declared minor and a declared adult apart
# (SAFETY.md 1): on the site, that conversation cannot happen, which is the protection.
BAND_REFUSALS = frozenset({"user_not_found", "room_band_teen", "room_band_adult"})
MAX_ERRORS_SHOWN = 20


class CorpusError(ValueError):
    """Lines of a corpus that cannot be replayed, each named by its number."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Person:
    age: int
    gender: str
    postal_code: str


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled conversation of the corpus."""

    line: int
    id: str
    lang: str
    setting: str
    participants: dict[str, Person]
    messages: tuple[tuple[str, str], ...]
    label: str
    harm_starts_at: int | None


def _check(line: int, raw: object) -> Case:
    """One line, checked; raises ``ValueError`` with what is wrong (without the line)."""
    if not isinstance(raw, dict):
        raise ValueError("must be a JSON object")
    ident = raw.get("id")
    if not isinstance(ident, str) or not ident:
        raise ValueError('"id" must be a non-empty string')
    lang = raw.get("lang")
    if lang not in ("fr", "en"):
        raise ValueError(f'{ident}: "lang" must be "fr" or "en"')
    setting = raw.get("setting")
    if setting not in SETTINGS:
        raise ValueError(f'{ident}: "setting" must be "pm" or "room"')
    people = raw.get("participants")
    if not isinstance(people, dict) or not people:
        raise ValueError(f'{ident}: "participants" must be a non-empty object')
    participants: dict[str, Person] = {}
    for key, person in people.items():
        if not isinstance(person, dict):
            raise ValueError(f"{ident}: participant {key!r} must be an object")
        age = person.get("age")
        if isinstance(age, bool) or not isinstance(age, int) or not 1 <= age <= 120:
            raise ValueError(f"{ident}: participant {key!r}: age must be a whole number, 1-120")
        gender = person.get("gender")
        if gender not in GENDERS:
            raise ValueError(
                f'{ident}: participant {key!r}: gender must be "homme", "femme" or "autre"'
            )
        postal = person.get("postal_code")
        if not isinstance(postal, str) or not postal:
            raise ValueError(f"{ident}: participant {key!r}: postal_code must be a string")
        participants[key] = Person(age, GENDERS[gender], postal)
    if setting == "pm" and len(participants) != 2:
        raise ValueError(f"{ident}: a private conversation has exactly two participants")
    messages = raw.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ValueError(f'{ident}: "messages" must be a non-empty list')
    said: list[tuple[str, str]] = []
    for index, message in enumerate(messages):
        if not isinstance(message, dict):
            raise ValueError(f"{ident}: message {index} must be an object")
        sender, text = message.get("from"), message.get("text")
        if sender not in participants:
            raise ValueError(f'{ident}: message {index}: "from" names no participant')
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f'{ident}: message {index}: "text" must be a non-empty string')
        said.append((str(sender), text))
    label = raw.get("label")
    if label not in LABELS:
        raise ValueError(f'{ident}: "label" must be one of {", ".join(LABELS)}')
    start = raw.get("harm_starts_at")
    if start is not None and (
        isinstance(start, bool) or not isinstance(start, int) or not 0 <= start < len(said)
    ):
        raise ValueError(f'{ident}: "harm_starts_at" must be null or a message index')
    if label == "benign" and start is not None:
        raise ValueError(f'{ident}: a benign conversation has "harm_starts_at": null')
    return Case(line, ident, lang, setting, participants, tuple(said), label, start)


def read_corpus(path: Path) -> list[Case]:
    """Every conversation of a JSON-lines file; ``CorpusError`` lists every bad line."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise CorpusError([f"{path}: cannot be read: {exc.strerror or exc}"]) from exc
    except UnicodeDecodeError as exc:
        raise CorpusError([f"{path}: is not UTF-8 text"]) from exc
    cases: list[Case] = []
    problems: list[str] = []
    ids: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            case = _check(number, json.loads(line))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        except ValueError as exc:
            problems.append(f"{path}:{number}: {exc}")
            continue
        if case.id in ids:
            problems.append(f"{path}:{number}: {case.id}: id already used on line {ids[case.id]}")
            continue
        ids[case.id] = number
        cases.append(case)
    if problems:
        raise CorpusError(problems)
    if not cases:
        raise CorpusError([f"{path}: no conversation in the file"])
    return cases


@dataclass(slots=True)
class Outcome:
    """What the live pipeline did with one conversation."""

    case: Case
    first_flag: int | None = None  # index of the message after which a flag was seen
    flags: list[str] = field(default_factory=list)  # what kinds, in order of appearance
    nudges: int = 0
    refused_by_checks: int = 0
    kept_apart: int = 0  # messages the age bands refused (a minor and an adult)
    error: str | None = None  # the conversation could not be replayed (entry refused ...)

    @property
    def flagged(self) -> bool:
        return self.first_flag is not None

    def flag(self, index: int, kind: str) -> None:
        if self.first_flag is None:
            self.first_flag = index
        if kind not in self.flags:
            self.flags.append(kind)


def replay_settings(base: config.Settings) -> config.Settings:
    """The server's settings, with the replay's budgets, entry for every declared age, and a
    room of each age band (the conversation's first speaker's band picks it)."""
    settings = config.parse(
        {
            "entry": {"min_age": 15, "adult_age": base.entry.adult_age},
            "limits": REPLAY_LIMITS,
            "rooms": [{"name": REPLAY_ROOM}, {"name": REPLAY_TEEN_ROOM, "band": "teen"}],
        }
    )
    # Declared ages are taken as given: the eval measures what happens after entry.
    return replace(
        base,
        limits=settings.limits,
        rooms=settings.rooms,
        entry=replace(base.entry, min_age=1),
    )


async def replay(
    settings: config.Settings,
    gates: Callable[[], SafetyGate],
    cases: Sequence[Case],
    model: MessageModel | None = None,
) -> list[Outcome]:
    """Replay each conversation in a chat of its own, through a gate of its own (``gates()``):
    every replay starts its clock at the same time in the same room, and a gate shared by
    them would carry one conversation's memory of that room into the next."""
    from causette.app import replay_chat

    outcomes = []
    for case in cases:
        async with replay_chat(settings, gates(), model) as wired:
            try:
                outcomes.append(await _replay_one(wired, case))
            except Exception as exc:
                # One conversation that breaks the replay is reported, not the end of it.
                outcomes.append(Outcome(case, error=f"replay failed: {exc!r}"))
    return outcomes


async def _replay_one(wired: Any, case: Case) -> Outcome:
    from causette.live.hub import Outbox
    from causette.protocol import web
    from causette.services.chat import Link

    chat, outcome = wired.chat, Outcome(case)
    links: dict[str, Link] = {}
    ids: dict[str, str] = {}
    kept_out: set[str] = set()  # refused the room by the age bands
    # The room of the first speaker's band: a teens' conversation happens in a teen room.
    first = case.participants[case.messages[0][0]]
    adult = first.age >= chat.chat.state.rules.adult_age
    room = room_slug(REPLAY_ROOM if adult else REPLAY_TEEN_ROOM)
    try:
        for n, (key, person) in enumerate(case.participants.items(), 1):
            link = Link(f"198.51.100.{n}", f"replay-device-{n}", Outbox(web.CODEC, 1 << 24))
            chat.sessions.admit(link)
            entered = await chat.sessions.enter(
                link, f"Replay_{n}", person.age, person.gender, person.postal_code
            )
            links[key], ids[key] = link, entered.guest.id
            if case.setting == "room":
                try:
                    await chat.rooms.join(link, room)
                except CausetteError as error:
                    if error.code not in BAND_REFUSALS:
                        raise
                    kept_out.add(key)
            else:
                await chat.people.set_privacy(link, "everyone")
    except CausetteError as error:
        outcome.error = f"entry: {error.code}"
        return outcome
    for link in links.values():
        await _frames(link)
    cases_before = await wired.moderation_store.count_open_cases()
    for index, (sender, text) in enumerate(case.messages):
        wired.clock.advance(STEP_SECONDS)
        link = links[sender]
        if sender in kept_out:
            # The age bands keep this person out of the room: what they would say never
            # reaches the others.
            outcome.kept_apart += 1
            outcome.flag(index, "age_band")
            continue
        if case.setting == "room":
            target_room, to = room, None
        else:
            target_room = None
            to = next(ids[k] for k in ids if k != sender)
        try:
            message = await chat.messages.say(link, text, target_room, to, False)
        except CausetteError as error:
            if error.code == "message_refused":
                outcome.flag(index, "refused")
            elif case.setting == "pm" and error.code in BAND_REFUSALS:
                # Both are in: only the age bands answer "no such person" between them.
                outcome.kept_apart += 1
                outcome.flag(index, "age_band")
            else:
                outcome.refused_by_checks += 1
        else:
            if message.held_at is not None:
                outcome.flag(index, "held")
        if chat.messages.review is not None:
            # Live, the model's review runs beside the chat; here each message waits for it,
            # so that its flag is counted on the message that caused it.
            await chat.messages.review.drain()
        for participant in links.values():
            for frame in await _frames(participant):
                kind = frame.get("type")
                if kind == "safety_tip":
                    outcome.nudges += 1
                elif kind == "private_closed":
                    outcome.flag(index, "closed")
                elif kind == "sanction":
                    outcome.flag(index, "sanction")
        if await wired.moderation_store.count_open_cases() > cases_before:
            outcome.flag(index, "case")
            cases_before = await wired.moderation_store.count_open_cases()
        if await wired.moderation_store.active_sanctions(wired.clock.wall()):
            outcome.flag(index, "sanction")
    return outcome


async def _frames(link: Any) -> list[dict[str, Any]]:
    """What a participant's connection was sent since the last call, decoded."""
    if not link.outbox.frames:
        return []
    text = await link.outbox.take()  # does not wait: there are frames
    return [json.loads(line) for line in (text or "").split("\n") if line]


# -- the report -------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f(beta: float, precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None if precision is None or recall is None else 0.0
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


def _delay(outcome: Outcome) -> int:
    """Messages from the first harmful one to the first flag (0: flagged at once, or before)."""
    assert outcome.first_flag is not None
    start = outcome.case.harm_starts_at or 0
    return max(0, outcome.first_flag - start)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def summarise(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The figures of ``--json``: overall, then per label."""
    replayed = [o for o in outcomes if o.error is None]
    harmful = [o for o in replayed if o.case.label != "benign"]
    benign = [o for o in replayed if o.case.label == "benign"]
    flagged = [o for o in replayed if o.flagged]
    true_flags = [o for o in harmful if o.flagged]
    precision = _ratio(len(true_flags), len(flagged))
    recall = _ratio(len(true_flags), len(harmful))
    per_label: dict[str, Any] = {}
    for label in LABELS:
        group = [o for o in replayed if o.case.label == label]
        if not group and not any(o.case.label == label for o in outcomes):
            continue
        hits = [o for o in group if o.flagged]
        entry: dict[str, Any] = {
            "n": len(group),
            "flagged": len(hits),
            "nudged_only": sum(1 for o in group if not o.flagged and o.nudges),
            "recall": _ratio(len(hits), len(group)) if label != "benign" else None,
            "median_messages_to_flag": (
                _median([_delay(o) for o in hits]) if label != "benign" else None
            ),
            "refused_by_checks": sum(o.refused_by_checks for o in group),
            "kept_apart_by_age_bands": sum(1 for o in group if o.kept_apart),
            "not_replayed": sum(1 for o in outcomes if o.case.label == label and o.error),
        }
        if label == "benign":
            entry["false_positive_rate"] = _ratio(len(hits), len(group))
        per_label[label] = entry
    return {
        "conversations": len(replayed),
        "not_replayed": [
            {"id": o.case.id, "line": o.case.line, "why": o.error} for o in outcomes if o.error
        ],
        "harmful": len(harmful),
        "benign": len(benign),
        "flagged": len(flagged),
        "nudged_only": sum(1 for o in replayed if not o.flagged and o.nudges),
        "precision": precision,
        "recall": recall,
        "f05": _f(0.5, precision, recall),
        "false_positive_rate": _ratio(sum(1 for o in benign if o.flagged), len(benign)),
        "median_messages_to_flag": _median([_delay(o) for o in true_flags]),
        "refused_by_checks": sum(o.refused_by_checks for o in replayed),
        "kept_apart_by_age_bands": sum(1 for o in replayed if o.kept_apart),
        "per_label": per_label,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def table(summary: dict[str, Any]) -> str:
    """The figures as a Markdown table (as docs/safety.md shows them)."""
    lines = [
        "| label | n | flagged | nudged only | recall | median msgs to flag |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, e in summary["per_label"].items():
        recall = _pct(e["recall"]) if label != "benign" else f"FPR {_pct(e['false_positive_rate'])}"
        lines.append(
            f"| {label} | {e['n']} | {e['flagged']} | {e['nudged_only']} | {recall} "
            f"| {_num(e['median_messages_to_flag'])} |"
        )
    s = summary
    lines += [
        "",
        f"conversations {s['conversations']} ({s['harmful']} harmful, {s['benign']} benign), "
        f"flagged {s['flagged']}, nudged only {s['nudged_only']}",
        f"precision {_pct(s['precision'])}, recall {_pct(s['recall'])}, "
        f"F0.5 {_num(None if s['f05'] is None else round(s['f05'], 3))}, "
        f"false positives on benign {_pct(s['false_positive_rate'])}, "
        f"median messages to flag {_num(s['median_messages_to_flag'])}",
        f"messages refused by the ordinary checks (not the gate): {s['refused_by_checks']}",
        f"conversations where the age bands kept a minor and an adult apart (flagged): "
        f"{s['kept_apart_by_age_bands']}",
    ]
    for skipped in s["not_replayed"]:
        lines.append(f"not replayed: line {skipped['line']} ({skipped['id']}): {skipped['why']}")
    return "\n".join(lines)


def run(path: Path, config_path: Path | None, as_json: bool, with_model: bool = True) -> int:
    """``causette safety eval``: 0 when the corpus was replayed, 2 on bad input; without the
    model's review when ``with_model`` is false (or the configuration turns it off)."""
    from causette.app import gates_of, model_of

    try:
        base = config.load(config_path)
        cases = read_corpus(path)
        settings = replay_settings(base)
        gates = gates_of(settings)
        model = model_of(settings) if with_model else None
    except ConfigError as error:
        print(
            f"causette: configuration error: {error.params.get('key')}: "
            f"{error.params.get('problem')}",
            file=sys.stderr,
        )
        return 2
    except CorpusError as error:
        shown = error.problems[:MAX_ERRORS_SHOWN]
        more = len(error.problems) - len(shown)
        for problem in shown:
            print(f"causette: {problem}", file=sys.stderr)
        if more:
            print(f"causette: ... and {more} more bad lines", file=sys.stderr)
        return 2
    summary = summarise(asyncio.run(replay(settings, gates, cases, model)))
    summary["model"] = model is not None
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(table(summary))
    return 0
