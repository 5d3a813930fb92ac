"""The journal under one bad message: a failed group write never fails the others (issue 7)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace

from test_journal import FakeConnectionLog, FakeStore, Recorder, connection, message

from causette.domain.models import Message
from causette.live.journal import Journal


class PickyStore(FakeStore):
    """Refuses, in a whole transaction, any batch holding a text SQLite cannot encode."""

    async def append_messages(self, messages: Sequence[Message]) -> None:
        for m in messages:
            m.text.encode("utf-8")  # UnicodeEncodeError on a lone surrogate, as sqlite3 does
        await super().append_messages(messages)


async def test_a_bad_message_fails_alone_and_the_others_are_stored_and_announced() -> None:
    store = PickyStore()
    log = FakeConnectionLog(store)
    recorder = Recorder(store)
    journal = Journal(store, log)  # type: ignore[arg-type]
    journal.observe(recorder)
    await journal.start()
    futures = []
    for n in range(5):
        mid = journal.next_id()
        text = "piège \ud800" if n == 2 else f"bonjour {n}"
        futures.append(journal.append(replace(message(mid), text=text), connection(mid)))
    results = await asyncio.gather(*futures, return_exceptions=True)
    await journal.stop()
    assert [type(r).__name__ for r in results] == [
        "NoneType",
        "NoneType",
        "UnicodeEncodeError",
        "NoneType",
        "NoneType",
    ]
    assert store.stored == [1, 2, 4, 5]
    assert recorder.calls == [1, 2, 4, 5]  # in id order, each once
    assert recorder.violations == []
    # The group's connection data was stored once; nothing is recorded twice.
    assert log.batches == [[1, 2, 3, 4, 5]]
