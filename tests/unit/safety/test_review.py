"""The model's review of delivered messages (``safety/review.py``): in the background, one
flag per conversation and harm, bounded, loud on failure, and the case it files."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import signal
from collections.abc import Coroutine
from typing import Any

import pytest

from causette.safety import review as review_module
from causette.safety.model import MessageModel
from causette.safety.review import Flag, ModelReview, case_of, rule_of

# " iban" pulls hard towards spam, " 14" towards grooming; threshold 0.9.
MODEL = MessageModel(
    {
        "format": 1,
        "labels": ["benign", "grooming", "spam"],
        "threshold": 0.9,
        "scale": 1.0,
        "bias": [2.0, -2.0, -2.0],
        "grams": " iban\n 14 ",
        "weights": base64.b64encode(bytes([0, 0, 10, 0, 10, 0])).decode("ascii"),
        "trained_on": {},
    }
)


class Recorder:
    def __init__(self) -> None:
        self.flags: list[Flag[str]] = []
        self.tasks: set[asyncio.Task[None]] = set()

    async def file(self, flag: Flag[str]) -> None:
        self.flags.append(flag)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)


def review(recorder: Recorder, **kwargs: Any) -> ModelReview[str]:
    return ModelReview(MODEL, recorder.file, recorder.spawn, **kwargs)


@pytest.mark.parametrize("workers", [1, 0])
async def test_messages_over_the_threshold_become_flags_in_the_background(workers: int) -> None:
    """In a worker process (the default) or, with none, in this one: the same flags."""
    recorder = Recorder()
    reviewer = review(recorder, workers=workers)
    reviewer.submit("m1", "bonjour", "room:a", "g1")
    reviewer.submit("m2", "ton iban stp", "room:a", "g1")
    reviewer.submit("m3", "j'ai 14 ans", "private:g1:g2", "g2")
    assert recorder.flags == []  # submit only queues
    await reviewer.drain()
    assert [(f.item, f.scored.label, f.category, f.priority) for f in recorder.flags] == [
        ("m2", "spam", "spam", False),
        ("m3", "grooming", "child_abuse", True),
    ]
    assert reviewer.scored == 3
    assert all(task.done() for task in recorder.tasks)  # the worker ended with the queue


async def test_one_flag_per_conversation_sender_and_harm() -> None:
    recorder = Recorder()
    reviewer = review(recorder)
    for item in ("a", "b"):
        reviewer.submit(item, "iban", "room:a", "g1")
    reviewer.submit("c", "iban", "room:a", "g2")  # someone else
    reviewer.submit("d", "iban", "room:b", "g1")  # elsewhere
    await reviewer.drain()
    assert [f.item for f in recorder.flags] == ["a", "c", "d"]


async def test_the_threshold_can_be_set_by_the_operator() -> None:
    recorder = Recorder()
    reviewer = review(recorder, threshold=0.9999)
    reviewer.submit("m", "iban", "room:a", "g1")
    await reviewer.drain()
    assert recorder.flags == []
    assert reviewer.threshold == 0.9999


async def test_a_full_queue_drops_the_oldest_and_counts_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    reviewer = review(recorder, capacity=2)
    for i in range(4):
        reviewer.submit(f"m{i}", "iban", f"room:{i}", "g1")
    await reviewer.drain()
    assert reviewer.dropped == 2
    assert [f.item for f in recorder.flags] == ["m2", "m3"]
    assert "oldest messages dropped" in caplog.text


async def test_a_flag_that_cannot_be_filed_is_logged_and_the_review_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    calls: list[str] = []

    async def broken(flag: Flag[str]) -> None:
        calls.append(flag.item)
        if flag.item == "m1":
            raise RuntimeError("store down")

    reviewer = ModelReview(MODEL, broken, recorder.spawn)
    with caplog.at_level(logging.ERROR):
        reviewer.submit("m1", "iban", "room:a", "g1")
        reviewer.submit("m2", "iban", "room:b", "g1")
        await reviewer.drain()
    assert calls == ["m1", "m2"]
    assert "model flag not filed" in caplog.text


async def test_a_worker_that_dies_loses_its_batch_loudly_and_is_replaced(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder()
    reviewer = review(recorder)
    reviewer.submit("m1", "iban", "room:a", "g1")
    await reviewer.drain()
    pool = review_module._POOLS[MODEL]
    for process in list(pool._processes.values()):  # the test kills it, as the OOM killer would
        os.kill(process.pid, signal.SIGKILL)
        process.join()
    with caplog.at_level(logging.ERROR):
        reviewer.submit("m2", "iban", "room:b", "g1")
        await reviewer.drain()
    assert "model review failed on 1 messages" in caplog.text
    reviewer.submit("m3", "iban", "room:c", "g1")
    await reviewer.drain()
    assert [f.item for f in recorder.flags] == ["m1", "m3"]


async def test_drain_returns_at_once_when_nothing_is_queued() -> None:
    await asyncio.wait_for(review(Recorder()).drain(), 1)


def test_the_case_names_the_rule_the_harm_and_the_words() -> None:
    text = "Envoie ton IBAN"
    flag = Flag(text, text, MODEL.score(text), MODEL.evidence(text, "spam"))
    case, verdict = case_of(flag)
    assert case.rule == rule_of("spam") == "model.spam"
    assert case.category == "spam"
    assert "« IBAN »" in case.explanation
    assert "spam ou arnaque" in case.explanation
    assert verdict.rules == ("model.spam",)
    assert [text[a:b] for a, b in (s.span for s in verdict.signals)] == ["IBAN"]
    assert verdict.signals[0].score == pytest.approx(flag.scored.harm)
