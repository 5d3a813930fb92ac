"""The contracts by name: ``Subject`` written and parsed, and the clocks."""

from __future__ import annotations

import asyncio
import time

import pytest

from causette.types import FakeClock, Subject, SubjectKind, SystemClock

# --- Subject ---------------------------------------------------------------------------------


def test_a_subject_is_written_kind_colon_key() -> None:
    assert str(Subject.device("3f" * 32)) == "device:" + "3f" * 32
    assert str(Subject.room("paris")) == "room:paris"
    assert Subject.device("abc").is_device
    assert not Subject.room("paris").is_device


@pytest.mark.parametrize("raw", ["device:abc", "room:paris", "room:a:b"])
def test_parse_is_the_inverse_of_str(raw: str) -> None:
    assert str(Subject.parse(raw)) == raw


def test_only_the_first_colon_separates() -> None:
    assert Subject.parse("room:a:b") == Subject(SubjectKind.ROOM, "a:b")


@pytest.mark.parametrize("raw", ["", "paris", "room:", ":paris", "planet:mars", "Room:paris"])
def test_parse_refuses_anything_else(raw: str) -> None:
    with pytest.raises(ValueError, match=r"subject|SubjectKind"):
        Subject.parse(raw)


def test_subjects_are_values() -> None:
    assert Subject.parse("room:paris") == Subject.room("paris")
    assert Subject.room("paris") != Subject.device("paris")
    assert len({Subject.room("paris"), Subject.parse("room:paris")}) == 1


# --- FakeClock -------------------------------------------------------------------------------


def test_a_fake_clock_stands_still_until_advanced() -> None:
    clock = FakeClock(wall=1_700_000_000.0, monotonic=50.0)
    assert (clock.wall(), clock.monotonic()) == (1_700_000_000.0, 50.0)
    clock.advance(2.5)
    assert (clock.wall(), clock.monotonic()) == (1_700_000_002.5, 52.5)


def test_timers_run_when_due_in_order() -> None:
    clock = FakeClock(monotonic=0.0)
    ran: list[tuple[str, float]] = []
    clock.call_later(3, lambda: ran.append(("c", clock.monotonic())))
    clock.call_later(1, lambda: ran.append(("a", clock.monotonic())))
    clock.call_later(1, lambda: ran.append(("b", clock.monotonic())))  # same time: FIFO
    clock.advance(0.5)
    assert ran == []
    clock.advance(1.0)
    assert ran == [("a", 1.0), ("b", 1.0)]  # each sees the time it fell due
    clock.advance(1.5)  # exactly due: runs
    assert ran == [("a", 1.0), ("b", 1.0), ("c", 3.0)]
    assert clock.monotonic() == 3.0


def test_wall_time_moves_with_timers() -> None:
    clock = FakeClock(wall=100.0, monotonic=0.0)
    walls: list[float] = []
    clock.call_later(2, lambda: walls.append(clock.wall()))
    clock.advance(5)
    assert walls == [102.0]
    assert clock.wall() == 105.0


def test_a_cancelled_timer_does_not_run() -> None:
    clock = FakeClock()
    ran: list[str] = []
    timer = clock.call_later(1, lambda: ran.append("x"))
    clock.call_later(1, lambda: ran.append("y"))
    timer.cancel()
    clock.advance(2)
    assert ran == ["y"]


def test_a_timer_set_by_a_timer_runs_in_the_same_advance_if_due() -> None:
    clock = FakeClock(monotonic=0.0)
    ran: list[float] = []

    def first() -> None:
        ran.append(clock.monotonic())
        clock.call_later(1, lambda: ran.append(clock.monotonic()))
        clock.call_later(10, lambda: ran.append(clock.monotonic()))

    clock.call_later(1, first)
    clock.advance(3)
    assert ran == [1.0, 2.0]
    clock.advance(10)
    assert ran == [1.0, 2.0, 11.0]


def test_a_zero_delay_timer_runs_on_the_next_advance() -> None:
    clock = FakeClock()
    ran: list[str] = []
    clock.call_later(0, lambda: ran.append("now"))
    assert ran == []
    clock.advance(0)
    assert ran == ["now"]


# --- SystemClock -----------------------------------------------------------------------------


async def test_the_system_clock_runs_timers_on_the_loop() -> None:
    clock = SystemClock()
    fired = asyncio.Event()
    start = clock.monotonic()
    clock.call_later(0.01, fired.set)
    async with asyncio.timeout(2):
        await fired.wait()
    assert clock.monotonic() >= start + 0.009
    cancelled: list[str] = []
    clock.call_later(0.01, lambda: cancelled.append("x")).cancel()
    await asyncio.sleep(0.03)
    assert cancelled == []
    assert abs(clock.wall() - time.time()) < 1
