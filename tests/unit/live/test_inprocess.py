"""What the in-process bus and shared state promise beyond their ports' contracts.

The bus delivers synchronously, and ``roundtrip`` really hands subscribers decoded copies. The
shared state stays bounded in memory: expired entries go at the next sweep, a refilled bucket
is forgotten, and a key's failures are capped.
"""

from __future__ import annotations

import dataclasses

import pytest

from causette.domain.moderation import Person, Sanction, SanctionKind
from causette.live.bus import BusMessage, ConsoleUpdated, SanctionApplied
from causette.live.inprocess import FAILURES_KEPT, InProcessBus, InProcessSharedState
from causette.types import FakeClock, GuestId, NodeId

BAN = Sanction(
    77, SanctionKind.SITE_BAN, Person("d" * 64, "net", "Bob"), None, 1.0, None, decision_id=5
)


async def test_publish_returns_after_every_subscriber_ran() -> None:
    bus = InProcessBus()
    got: list[BusMessage] = []
    bus.subscribe(got.append)
    bus.subscribe(got.append)
    await bus.start()
    bus.publish(ConsoleUpdated("report", 1))
    assert got == [ConsoleUpdated("report", 1)] * 2  # no await in between


@pytest.mark.parametrize("roundtrip", [False, True])
async def test_roundtrip_hands_over_a_decoded_copy(roundtrip: bool) -> None:
    bus = InProcessBus(roundtrip=roundtrip)
    got: list[BusMessage] = []
    bus.subscribe(got.append)
    await bus.start()
    sent = SanctionApplied(BAN, "D-7K3M9Q2X")
    bus.publish(sent)
    assert got == [sent]
    assert (got[0] is not sent) is roundtrip


async def test_roundtrip_refuses_what_cannot_cross_the_wire() -> None:
    bus = InProcessBus(roundtrip=True)
    await bus.start()
    with pytest.raises(ValueError, match="Out of range float"):
        bus.publish(SanctionApplied(dataclasses.replace(BAN, expires_at=float("inf")), "D-X"))


async def test_expired_entries_are_swept() -> None:
    clock = FakeClock()
    state = InProcessSharedState(clock, sweep_every=10)
    for i in range(100):
        await state.put_token(f"h{i}", GuestId(f"g{i}"), ttl=1)
        await state.set_present(GuestId(f"g{i}"), NodeId("node-a"), ttl=1)
        await state.use_once(f"totp:{i}", ttl=1)
        await state.claim_nick(f"nick{i}", f"g{i}", ttl=1)
        await state.count_failure(f"login:{i}", window=1)
    await state.claim_nick("kept", "g-zoe")  # no ttl: stays
    assert state.size() == 501
    clock.advance(5)
    await state.nick_owner("unrelated")
    assert state.size() == 501  # not yet: at most one sweep every ten seconds
    clock.advance(5)
    await state.nick_owner("unrelated")
    assert state.size() == 1
    assert await state.nick_owner("kept") == "g-zoe"


async def test_a_refilled_bucket_is_forgotten() -> None:
    clock = FakeClock()
    state = InProcessSharedState(clock, sweep_every=10)
    for i in range(50):
        await state.take(f"posts:{i}", burst=5, rate=1, cost=5)
    assert state.size() == 50
    clock.advance(4.9)  # not quite full again
    assert await state.take("posts:0", burst=5, rate=1, cost=5) > 0
    clock.advance(5.1)
    await state.peek("unrelated", burst=5, rate=1)
    assert state.size() == 0
    assert await state.take("posts:0", burst=5, rate=1, cost=5) == 0.0


async def test_a_free_take_stores_nothing() -> None:
    state = InProcessSharedState(FakeClock())
    assert await state.take("posts", burst=5, rate=1, cost=0) == 0.0
    assert state.size() == 0


async def test_failures_on_one_key_are_capped() -> None:
    state = InProcessSharedState(FakeClock())
    counts = [await state.count_failure("login:3", window=60) for _ in range(FAILURES_KEPT + 50)]
    assert counts[9] == 10
    assert counts[-1] == FAILURES_KEPT
    assert state.size() == FAILURES_KEPT


def test_the_sweep_interval_must_be_positive() -> None:
    with pytest.raises(ValueError, match="sweep_every"):
        InProcessSharedState(FakeClock(), sweep_every=0)
