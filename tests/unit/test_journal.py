"""The journal: ids in posting order, group commit, announce only what is stored."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from causette.domain.departements import location_by_code
from causette.domain.models import Gender, Message, UserView
from causette.live.journal import Journal
from causette.store.connections import ConnectionRecord

ZOE = UserView("zoe", "Zoé", 30, Gender.WOMAN, location_by_code("75"))


class FakeStore:
    """Records each ``append_messages`` call; the other Store methods are not used here."""

    def __init__(self, max_id: int = 0, failures: int = 0) -> None:
        self.max_id = max_id
        self.failures = failures
        self.batches: list[list[int]] = []
        self.gate: asyncio.Event | None = None

    async def max_message_id(self) -> int:
        return self.max_id

    async def append_messages(self, messages: Sequence[Message]) -> None:
        if self.gate is not None:
            await self.gate.wait()
        if self.failures:
            self.failures -= 1
            raise OSError("disk full")
        self.batches.append([m.id for m in messages])

    @property
    def stored(self) -> list[int]:
        return [mid for batch in self.batches for mid in batch]


class Recorder:
    """An ``on_durable`` that notes what was stored and resolved when it is called."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.calls: list[int] = []
        self.futures: dict[int, asyncio.Future[None]] = {}
        self.violations: list[str] = []

    def __call__(self, message: Message) -> None:
        if message.id not in self.store.stored:
            self.violations.append(f"{message.id} announced before stored")
        future = self.futures.get(message.id)
        if future is not None and future.done():
            self.violations.append(f"{message.id} resolved before announced")
        self.calls.append(message.id)


def message(mid: int) -> Message:
    return Message(mid, 1000.0, ZOE, "dev-zoe", "bonjour", room="general")


async def started(store: FakeStore) -> tuple[Journal, Recorder]:
    recorder = Recorder(store)
    journal = Journal(store)  # type: ignore[arg-type]
    journal.observe(recorder)
    await journal.start()
    return journal, recorder


def post(journal: Journal, recorder: Recorder) -> asyncio.Future[None]:
    mid = journal.next_id()
    future = journal.append(message(mid))
    recorder.futures[mid] = future
    return future


async def test_ids_follow_the_stored_maximum() -> None:
    journal, _ = await started(FakeStore(max_id=41))
    assert [journal.next_id() for _ in range(3)] == [42, 43, 44]
    await journal.stop()


async def test_one_tick_of_appends_is_one_write_announced_in_order() -> None:
    store = FakeStore()
    journal, recorder = await started(store)
    futures = [post(journal, recorder) for _ in range(3)]
    async with asyncio.timeout(1):
        await asyncio.gather(*futures)
    assert store.batches == [[1, 2, 3]]
    assert recorder.calls == [1, 2, 3]
    assert recorder.violations == []
    later = post(journal, recorder)
    async with asyncio.timeout(1):
        await later
    assert store.batches == [[1, 2, 3], [4]]
    assert recorder.calls == [1, 2, 3, 4]
    await journal.stop()


async def test_appends_during_a_write_form_the_next_batch() -> None:
    store = FakeStore()
    store.gate = asyncio.Event()
    journal, recorder = await started(store)
    first = post(journal, recorder)
    await asyncio.sleep(0.01)
    rest = [post(journal, recorder) for _ in range(2)]
    store.gate.set()
    async with asyncio.timeout(1):
        await asyncio.gather(first, *rest)
    assert store.batches == [[1], [2, 3]]
    assert recorder.calls == [1, 2, 3]
    await journal.stop()


async def test_failed_write_fails_the_futures_and_announces_nothing() -> None:
    store = FakeStore(failures=1)
    journal, recorder = await started(store)
    futures = [post(journal, recorder) for _ in range(2)]
    for future in futures:
        with pytest.raises(OSError, match="disk full"):
            async with asyncio.timeout(1):
                await future
    assert recorder.calls == []
    assert store.batches == []
    # The writer survives a failed write.
    again = post(journal, recorder)
    async with asyncio.timeout(1):
        await again
    assert recorder.calls == [3]
    await journal.stop()


async def test_a_failing_announcement_does_not_lose_the_acknowledgement() -> None:
    store = FakeStore()

    def broken(message: Message) -> None:
        raise RuntimeError("fan-out bug")

    journal = Journal(store)  # type: ignore[arg-type]
    journal.observe(broken)
    await journal.start()
    future = journal.append(message(journal.next_id()))
    async with asyncio.timeout(1):
        await future
    assert store.batches == [[1]]
    await journal.stop()


async def test_stop_flushes_what_is_queued() -> None:
    store = FakeStore()
    journal, recorder = await started(store)
    futures = [post(journal, recorder) for _ in range(3)]
    await journal.stop()
    assert store.stored == [1, 2, 3]
    assert recorder.calls == [1, 2, 3]
    assert all(f.done() and f.exception() is None for f in futures)


async def test_stop_finishes_a_write_in_progress() -> None:
    store = FakeStore()
    store.gate = asyncio.Event()
    journal, recorder = await started(store)
    first = post(journal, recorder)
    await asyncio.sleep(0.01)  # the writer is now inside append_messages
    stopping = asyncio.create_task(journal.stop())
    await asyncio.sleep(0.01)
    store.gate.set()
    async with asyncio.timeout(1):
        await stopping
    assert store.stored == [1]
    assert recorder.calls == [1]
    assert first.done()
    assert first.exception() is None


class FakeConnectionLog:
    """Records each ``record`` call, noting which messages were already stored then."""

    def __init__(self, store: FakeStore, fail: bool = False) -> None:
        self.store = store
        self.fail = fail
        self.batches: list[list[int]] = []
        self.stored_before: list[list[int]] = []

    async def record(self, records: Sequence[ConnectionRecord]) -> None:
        if self.fail:
            raise OSError("connection log unavailable")
        self.stored_before.append(list(self.store.stored))
        self.batches.append([r.message_id for r in records])


def connection(mid: int) -> ConnectionRecord:
    return ConnectionRecord(mid, "zoe", "192.0.2.7", 51000 + mid, "web", 1000.0)


async def test_connection_data_goes_in_the_same_group_commit_before_the_messages() -> None:
    store = FakeStore()
    log = FakeConnectionLog(store)
    journal = Journal(store, log)  # type: ignore[arg-type]
    journal.observe(Recorder(store))
    await journal.start()
    futures = [journal.append(message(journal.next_id()), connection(n + 1)) for n in range(3)]
    await asyncio.gather(*futures)
    await journal.stop()
    assert log.batches == [[1, 2, 3]]
    assert store.batches == [[1, 2, 3]]
    assert log.stored_before == [[]]


async def test_no_message_is_stored_or_announced_without_its_connection_data() -> None:
    store = FakeStore()
    recorder = Recorder(store)
    journal = Journal(store, FakeConnectionLog(store, fail=True))  # type: ignore[arg-type]
    journal.observe(recorder)
    await journal.start()
    future = journal.append(message(journal.next_id()), connection(1))
    with pytest.raises(OSError, match="connection log"):
        await future
    await journal.stop()
    assert store.stored == []
    assert recorder.calls == []
