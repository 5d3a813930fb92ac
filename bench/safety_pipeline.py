"""The cost of the automatic protection per message: ``RuleGate.inspect`` (normalisation,
every detector, risk and policy) on the corpus's own messages, each in its conversation with
the window the services give it; then ``Messages.say`` with and without the gate, through the
replay's wiring (SQLite in memory, fake clock).

    .venv/bin/python bench/safety_pipeline.py [--corpus corpus/safety/train.jsonl]
        [--rounds 5] [--says 3000]

Prints the median and p99 of ``inspect`` (targets: under 100 µs and 1 ms), in CPU time of
the thread and in wall time, the same for the messages that fire nothing (the common case),
and the CPU time of ``say`` per message with and without the gate.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path

from causette import config
from causette.app import replay_chat
from causette.cli.safety_eval import read_corpus, replay_settings
from causette.domain.departements import location_of
from causette.domain.models import Gender, Message, UserView
from causette.errors import CausetteError
from causette.live.hub import Outbox
from causette.protocol import web
from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import (
    AllowAll,
    Conversation,
    Draft,
    Participant,
    SafetyGate,
    Setting,
    band_of,
)
from causette.safety.pipeline import RuleGate
from causette.services.chat import Link
from causette.services.messages import WINDOW_MESSAGES
from causette.services.verbs import ChatServices

ROOT = Path(__file__).resolve().parents[1]


def participant(key: str, age: int) -> Participant:
    view = UserView(f"id-{key}", f"nick{key}", age, Gender.WOMAN, location_of("75011"))
    return Participant(view, f"device-{key}", age, band_of(age))


def drafts(path: Path) -> list[tuple[Draft, Conversation]]:
    """Every message of the corpus as the gate would see it live."""
    found = []
    for n, case in enumerate(read_corpus(path)):
        people = {k: participant(f"{n}{k}", p.age) for k, p in case.participants.items()}
        setting = Setting.ROOM if case.setting == "room" else Setting.PRIVATE
        key = f"room:r{n}" if setting is Setting.ROOM else f"private:{n}a:{n}b"
        recent: list[Message] = []
        for i, (sender, text) in enumerate(case.messages):
            me = people[sender]
            other = next((p for k, p in people.items() if k != sender), None)
            ts = 1_700_000_000.0 + 20 * i
            draft = Draft(
                me,
                text,
                False,
                ts,
                room=f"r{n}" if setting is Setting.ROOM else None,
                recipient=other if setting is Setting.PRIVATE else None,
            )
            found.append((draft, Conversation(setting, key, tuple(recent[-WINDOW_MESSAGES:]))))
            recent.append(
                Message(
                    id=len(found),
                    ts=ts,
                    sender=me.user,
                    sender_device=me.device,
                    text=text,
                    room=draft.room,
                    recipient=other.user if other and draft.room is None else None,
                )
            )
    return found


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_inspect(items: list[tuple[Draft, Conversation]], rounds: int) -> None:
    gate = RuleGate(policy.load())
    for draft, conversation in items:  # warm up: lexicons, caches, the risk book
        gate.inspect(draft, conversation)
    times: list[float] = []
    cpu: list[float] = []
    quiet: list[float] = []
    for r in range(rounds):
        gate = RuleGate(policy.load())  # a fresh risk book each round: the same sequence
        for draft, conversation in items:
            start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
            verdict = gate.inspect(draft, conversation)
            used = (time.thread_time_ns() - start_cpu) / 1000
            times.append((time.perf_counter_ns() - start) / 1000)
            cpu.append(used)
            if not verdict.signals and r == 0:
                quiet.append(used)
    # Wall time counts the moments another process had the core; on a shared machine the
    # thread's CPU time is the cost of the pipeline itself.
    print(
        f"RuleGate.inspect over {len(items)} corpus messages x {rounds}: "
        f"CPU median {statistics.median(cpu):.1f} µs, p99 {percentile(cpu, 0.99):.1f} µs, "
        f"max {max(cpu):.0f} µs; wall median {statistics.median(times):.1f} µs, "
        f"p99 {percentile(times, 0.99):.1f} µs; messages that fire nothing ({len(quiet)}): "
        f"CPU median {statistics.median(quiet):.1f} µs, p99 {percentile(quiet, 0.99):.1f} µs"
    )


async def room_of_two(chat: ChatServices) -> list[Link]:
    """Two visitors in the replay's room, each on a connection of their own."""
    links = []
    for n in (1, 2):
        link = Link(f"198.51.100.{n}", f"bench-{n}", Outbox(web.CODEC, 1 << 30))
        chat.sessions.admit(link)
        await chat.sessions.enter(link, f"Bench_{n}", 30, "woman", "75011")
        await chat.rooms.join(link, "salon")
        links.append(link)
    return links


async def bench_say(gate: SafetyGate, texts: list[str], says: int) -> tuple[float, int]:
    """Microseconds per ``say`` in a room of two, the gate given, and how many were refused
    (a refusal, or a mute that refuses what follows, skips the fan-out: fewer is fairer)."""
    settings = replay_settings(config.parse({}))
    async with replay_chat(settings, gate) as wired:
        chat = wired.chat
        links = await room_of_two(chat)
        refused = 0
        start = time.process_time()
        for i in range(says):
            wired.clock.advance(20.0)
            # A refusal (by the rules or a check) costs what it costs; it is not an error here.
            try:
                await chat.messages.say(links[i % 2], texts[i % len(texts)], "salon", None, False)
            except CausetteError:
                refused += 1
            for link in links:
                link.outbox.frames.clear()
        return (time.process_time() - start) / says * 1e6, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus/safety/train.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--says", type=int, default=3000)
    args = parser.parse_args()
    items = drafts(args.corpus)
    bench_inspect(items, args.rounds)
    benign = [
        text
        for line in args.corpus.read_text("utf-8").splitlines()
        if line.strip() and (row := json.loads(line))["label"] == "benign"
        for text in (m["text"] for m in row["messages"])
    ]
    # The messages that fire nothing measure the gate's own cost; the others add what their
    # actions cost (a held message files a case and freezes its evidence).
    room = MessageContext(Setting.ROOM, 30, False)
    quiet = [text for text in benign if not detect(text, room)]
    for name, texts in (("that fire nothing", quiet), ("all benign", benign)):
        without, _ = asyncio.run(bench_say(AllowAll(), texts, args.says))
        with_gate, refused = asyncio.run(bench_say(RuleGate(policy.load()), texts, args.says))
        print(
            f"Messages.say in a room of two, {name} ({len(texts)} texts) x {args.says}, CPU: "
            f"{without:.0f} µs without the gate, {with_gate:.0f} µs with RuleGate "
            f"({refused} refused by it or after its mute)"
        )


if __name__ == "__main__":
    main()
