"""``ModelReview``: the model's second opinion on delivered messages, off the hot path.

The gate (rules) judges every message before it is stored and must stay fast; the model costs
about as much again, so it does not run there. The services hand each message the gate let
through without a case to ``submit``, which only queues it; a background task, started by
the first message and given 50 ms to let others gather, sends the queue in batches to a
worker process that holds the model (or, with no worker, scores a few messages at a time
between the chat's own work). Each message whose probability of being
harmful (any harmful label) reaches the threshold becomes a ``Flag`` the services file as a
case (the platform's own initiative, like a rule's), with the model's label, probability and
the words that weighed most. The model never holds, refuses or mutes: by the time it has an
opinion the message is delivered, and a person decides.

The queue is bounded: under a flood it drops the oldest messages and counts them (logged,
and in ``dropped``), since a review that falls behind should review the newest.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Coroutine
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from causette.safety.gate import CaseRequest, Signal, Verdict
from causette.safety.model import MessageModel, Scored

log = logging.getLogger(__name__)

T = TypeVar("T")
# Messages waiting for the model at most; beyond it the oldest are dropped (counted).
CAPACITY = 10_000
# Seconds the review waits for more messages once one arrives (drain() does not wait).
DELAY = 0.05
# Messages sent to a worker process at once.
BATCH = 256
# Without a worker process: messages scored in one go (about 0.1 ms each), and the pause after
# them in which the chat's work goes first, so the review takes at most about 40 % of a busy
# process.
SLICE = 4
PAUSE = 0.0005
# (conversation, sender, label) already flagged, remembered so that one conversation gives
# one case per harm, not one per message.
REMEMBERED = 20_000
# Cases by label, as the rules' policy files them.
CATEGORY = {
    "grooming": "child_abuse",
    "minor_prostitution": "child_abuse",
    "prostitution": "trafficking",
    "ambush": "threat",
    "doxxing": "doxxing",
    "hate": "hate",
    "spam": "spam",
}
MINOR_LABELS = frozenset({"grooming", "minor_prostitution"})


def rule_of(label: str) -> str:
    """The rule id a model flag is recorded under."""
    return f"model.{label}"


@dataclass(frozen=True, slots=True)
class Flag(Generic[T]):
    """A message the model finds harmful, with what the services need to file it."""

    item: T
    text: str
    scored: Scored
    spans: tuple[tuple[int, int], ...]  # the words that weighed most towards its label

    @property
    def category(self) -> str:
        """The case's category, as the rules' policy files this harm."""
        return CATEGORY.get(self.scored.label, "terms")

    @property
    def priority(self) -> bool:
        """A minor's protection: the top of the queue."""
        return self.scored.label in MINOR_LABELS


@dataclass(frozen=True, slots=True)
class Pending(Generic[T]):
    item: T
    text: str
    conversation: str
    sender: str


class ModelReview(Generic[T]):
    """Queues messages and files the model's flags through ``on_flag``, in the background."""

    def __init__(
        self,
        model: MessageModel,
        on_flag: Callable[[Flag[T]], Awaitable[None]],
        spawn: Callable[[Coroutine[Any, Any, None]], None],
        threshold: float | None = None,
        capacity: int = CAPACITY,
        delay: float = DELAY,
        workers: int = 1,
    ) -> None:
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold
        self._on_flag = on_flag
        self._spawn = spawn
        self._queue: deque[Pending[T]] = deque()
        self._capacity = capacity
        self.delay = delay
        # Worker processes that score (the chat's own cores stay the chat's); 0 scores here,
        # a few messages at a time between the chat's work (a machine with one core).
        self.workers = workers
        self._flush = asyncio.Event()
        self._running = False
        self._idle = asyncio.Event()
        self._idle.set()
        self._flagged: OrderedDict[tuple[str, str, str], None] = OrderedDict()
        self.dropped = 0
        self.scored = 0

    def submit(self, item: T, text: str, conversation: str, sender: str) -> None:
        """Queue one delivered message; returns at once."""
        if len(self._queue) >= self._capacity:
            self._queue.popleft()
            self.dropped += 1
            if self.dropped % 1000 == 1:
                log.warning("model review behind: oldest messages dropped (%d)", self.dropped)
        self._queue.append(Pending(item, text, conversation, sender))
        if not self._running:
            self._running = True
            self._idle.clear()
            self._spawn(self._work())

    async def drain(self) -> None:
        """Wait until every message queued so far is scored and its flag filed (at once,
        without the review's usual wait for more)."""
        if self._idle.is_set():
            return
        self._flush.set()
        try:
            await self._idle.wait()
        finally:
            self._flush.clear()

    async def _work(self) -> None:
        try:
            while self._queue:
                # Let a burst gather: one batch (one trip to the worker) for many messages,
                # rather than one for each while the chat is busiest.
                if self.delay > 0 and len(self._queue) < BATCH and not self._flush.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._flush.wait(), self.delay)
                if self.workers:
                    batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
                    try:
                        scores = await _in_worker(self.model, self.workers, batch)
                    except Exception:
                        log.exception("model review failed on %d messages", len(batch))
                        continue
                else:
                    batch = [self._queue.popleft() for _ in range(min(SLICE, len(self._queue)))]
                    scores = [self.model.score(p.text) for p in batch]
                self.scored += len(batch)
                for pending, scored in zip(batch, scores, strict=True):
                    if scored.harm >= self.threshold:
                        await self._flag(pending, scored)
                if not self.workers:
                    # The chat's work goes first: a message waits at most one slice for it.
                    await asyncio.sleep(0 if self._flush.is_set() else PAUSE)
        finally:
            self._running = False
            self._idle.set()

    async def _flag(self, pending: Pending[T], scored: Scored) -> None:
        key = (pending.conversation, pending.sender, scored.label)
        if key in self._flagged:
            self._flagged.move_to_end(key)
            return
        self._flagged[key] = None
        if len(self._flagged) > REMEMBERED:
            self._flagged.popitem(last=False)
        flag = Flag(
            pending.item, pending.text, scored, self.model.evidence(pending.text, scored.label)
        )
        try:
            await self._on_flag(flag)
        except Exception:
            # The message is delivered either way; a flag not filed is loud, not fatal.
            log.exception("model flag not filed", extra={"rule": rule_of(scored.label)})


# One pool of worker processes per model, shared by every review of this process (the eval
# replays each conversation in a chat of its own), started at the first message.
_POOLS: dict[MessageModel, ProcessPoolExecutor] = {}
_WORKER_MODEL: list[MessageModel] = []


def _install(model: MessageModel) -> None:
    """In a worker process: the model it scores with."""
    _WORKER_MODEL[:] = [model]


def _score_texts(texts: list[str]) -> list[Scored]:
    """In a worker process."""
    model = _WORKER_MODEL[0]
    return [model.score(text) for text in texts]


async def _in_worker(model: MessageModel, workers: int, batch: list[Pending[Any]]) -> list[Scored]:
    """Score a batch in the model's worker processes; a pool that broke (a worker killed) is
    replaced for the next batch, and this one is reported lost by the caller."""
    pool = _POOLS.get(model)
    if pool is None:
        # Spawned, not forked: the chat's process has threads, and a fork would copy them.
        pool = _POOLS[model] = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_install,
            initargs=(model,),
        )
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(pool, _score_texts, [p.text for p in batch])
    except BrokenProcessPool:
        _POOLS.pop(model, None)
        raise


# What a moderator reads of the label, in French like the rest of the case texts.
LABEL_NAMES = {
    "grooming": "pédopiégeage (grooming)",
    "minor_prostitution": "prostitution de mineur",
    "prostitution": "prostitution",
    "ambush": "guet-apens",
    "doxxing": "divulgation de données personnelles",
    "hate": "haine",
    "spam": "spam ou arnaque",
}


def case_of(flag: Flag[Any]) -> tuple[CaseRequest, Verdict]:
    """The case a flag opens and the verdict recorded with it: the model's rule, its
    probability as the score, and the words that weighed most as the spans."""
    scored = flag.scored
    rule = rule_of(scored.label)
    words = " ; ".join(f"« {flag.text[a:b]} »" for a, b in flag.spans)
    explanation = (
        f"Détection automatique (modèle, hors règles) : ressemble à "
        f"{LABEL_NAMES.get(scored.label, scored.label)}, probabilité d'un message nuisible "
        f"{scored.harm:.2f}".replace(".", ",")
        + (f" ; mots qui ont pesé : {words}" if words else "")
    )
    signals = tuple(Signal(rule, scored.harm, span) for span in flag.spans) or (
        Signal(rule, scored.harm),
    )
    case = CaseRequest(flag.category, rule, explanation, flag.priority)
    return case, Verdict(case=case, signals=signals)
