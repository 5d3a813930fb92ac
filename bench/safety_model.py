"""The cost of the model's review of delivered messages (``safety/review.py``): loading the
shipped model (time, memory), scoring one message (``MessageModel.score``, CPU time of the
thread), and ``Messages.say`` with the rules, without and with the review: CPU of the chat's
process (the review drained at the end; the worker process that scores is not counted) and
wall time of the ``say`` calls alone (what a sender waits for).

    .venv/bin/python bench/safety_model.py [--corpus corpus/safety/train.jsonl]
        [--rounds 3] [--says 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import time
import tracemalloc
from pathlib import Path

from safety_pipeline import percentile, room_of_two

from causette import config
from causette.app import replay_chat
from causette.cli.safety_eval import replay_settings
from causette.errors import CausetteError
from causette.safety import policy
from causette.safety.context import MessageContext
from causette.safety.detectors import detect
from causette.safety.gate import Setting
from causette.safety.model import MessageModel
from causette.safety.pipeline import RuleGate

ROOT = Path(__file__).resolve().parents[1]


def texts_of(path: Path) -> list[str]:
    return [
        m["text"]
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
        for m in json.loads(line)["messages"]
    ]


def bench_load() -> MessageModel:
    tracemalloc.start()
    start = time.perf_counter()
    model = MessageModel.load()
    took = time.perf_counter() - start
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"MessageModel.load: {took * 1000:.0f} ms, {held / 1e6:.1f} MB held, {len(model)} n-grams"
    )
    return model


def bench_score(model: MessageModel, texts: list[str], rounds: int) -> None:
    cpu: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.thread_time_ns()
            model.score(text)
            cpu.append((time.thread_time_ns() - start) / 1000)
    print(
        f"MessageModel.score over {len(texts)} corpus messages x {rounds}: CPU median "
        f"{statistics.median(cpu):.1f} µs, p99 {percentile(cpu, 0.99):.1f} µs, "
        f"max {max(cpu):.0f} µs"
    )


async def bench_say(
    model: MessageModel | None, texts: list[str], says: int
) -> tuple[float, float, float]:
    """CPU µs per message (the chat's process, the review drained at the end), and wall µs of
    ``say`` (median, p99), in a room of two, with the rules and the review when a model is
    given."""
    settings = replay_settings(config.parse({}))
    async with replay_chat(settings, RuleGate(policy.load()), model) as wired:
        chat = wired.chat
        links = await room_of_two(chat)
        walls: list[float] = []
        start = time.process_time()
        for i in range(says):
            wired.clock.advance(20.0)
            begin = time.perf_counter_ns()
            # A refusal costs what it costs; it is not an error here.
            with contextlib.suppress(CausetteError):
                await chat.messages.say(links[i % 2], texts[i % len(texts)], "salon", None, False)
            walls.append((time.perf_counter_ns() - begin) / 1000)
            for link in links:
                link.outbox.frames.clear()
        if chat.messages.review is not None:
            await chat.messages.review.drain()
        cpu = (time.process_time() - start) / says * 1e6
        return cpu, statistics.median(walls), percentile(walls, 0.99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus/safety/train.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--says", type=int, default=3000)
    args = parser.parse_args()
    texts = texts_of(args.corpus)
    model = bench_load()
    bench_score(model, texts, args.rounds)
    # ``say`` on messages the rules let through without a case, as most are: those are the
    # ones the review reads (a refusal or a mute would measure the refusals instead).
    room = MessageContext(Setting.ROOM, 30, False)
    quiet = [text for text in texts if not detect(text, room)]
    for name, given in (("rules only", None), ("rules and the model's review", model)):
        cpu, median, p99 = asyncio.run(bench_say(given, quiet, args.says))
        print(
            f"Messages.say in a room of two, {name}, {len(quiet)} texts that fire no rule "
            f"x {args.says}: "
            f"CPU of the chat's process {cpu:.0f} µs per message; "
            f"wall of say median {median:.0f} µs, p99 {p99:.0f} µs"
        )


if __name__ == "__main__":
    main()
