from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest

from causette.domain.ratelimit import StrikeCounter, TokenBucket

if TYPE_CHECKING:
    from conftest import FakeClock


def test_bucket_allows_a_burst_then_refuses(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=3, rate=0.5, clock=clock)
    assert [bucket.try_take() for _ in range(4)] == [True, True, True, False]


def test_refused_take_consumes_nothing(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=2, rate=1, clock=clock)
    assert bucket.try_take(2)
    assert not bucket.try_take()
    clock.advance(1)
    assert bucket.try_take()


def test_retry_after_is_exact_and_honoured(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=2, rate=0.5, clock=clock)
    assert bucket.retry_after() == 0.0
    bucket.try_take(2)
    assert bucket.retry_after() == pytest.approx(2.0)
    clock.advance(1.5)
    wait = bucket.retry_after()
    assert wait == pytest.approx(0.5)
    assert not bucket.try_take()
    clock.advance(wait)
    assert bucket.try_take()


def test_refill_stops_at_capacity(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=2, rate=10, clock=clock)
    bucket.try_take(2)
    clock.advance(3600)
    assert [bucket.try_take() for _ in range(3)] == [True, True, False]


def test_fractional_rate_refill_is_not_lost_to_rounding(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=1, rate=0.1, clock=clock)
    bucket.try_take()
    for _ in range(10):
        clock.advance(1)
        bucket.retry_after()  # refill in small float steps
    assert bucket.try_take()


def test_cost_beyond_capacity_can_never_be_taken(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=2, rate=1, clock=clock)
    assert bucket.retry_after(3) == math.inf
    assert not bucket.try_take(3)


def test_clock_going_back_does_not_drain(clock: FakeClock) -> None:
    bucket = TokenBucket(capacity=1, rate=1, clock=clock)
    clock.advance(-10)
    assert bucket.try_take()


def test_strikes_within_window_trip_the_counter(clock: FakeClock) -> None:
    counter = StrikeCounter(limit=3, window=10, clock=clock)
    results = []
    for _ in range(3):
        results.append(counter.strike())
        clock.advance(4)
    assert results == [False, False, True]


def test_strikes_spread_beyond_window_do_not_trip(clock: FakeClock) -> None:
    counter = StrikeCounter(limit=3, window=10, clock=clock)
    results = []
    for _ in range(6):
        results.append(counter.strike())
        clock.advance(5)
    assert results == [False] * 6


def test_old_strikes_expire_and_new_burst_trips(clock: FakeClock) -> None:
    counter = StrikeCounter(limit=2, window=10, clock=clock)
    assert not counter.strike()
    clock.advance(10)
    assert not counter.strike()  # the first strike is exactly one window old: expired
    clock.advance(1)
    assert counter.strike()


@pytest.mark.parametrize(("capacity", "rate"), [(0, 1), (1, -1)])
def test_bucket_rejects_nonsense(clock: FakeClock, capacity: float, rate: float) -> None:
    with pytest.raises(ValueError, match="token bucket"):
        TokenBucket(capacity, rate, clock)
