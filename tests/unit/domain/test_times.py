"""The time formats, each truncated to its precision and always in UTC."""

from __future__ import annotations

from causette.domain import times

TS = 1_764_398_400.1239  # 2025-11-29T06:40:00.123900Z


def test_iso_utc_has_milliseconds_and_z() -> None:
    assert times.iso_utc(TS) == "2025-11-29T06:40:00.123Z"
    assert times.iso_utc(0) == "1970-01-01T00:00:00.000Z"
    assert times.iso_utc(59.9999) == "1970-01-01T00:00:59.999Z"


def test_iso_utc_seconds_truncates() -> None:
    assert times.iso_utc_seconds(TS) == "2025-11-29T06:40:00Z"
    assert times.iso_utc_seconds(59.9) == "1970-01-01T00:00:59Z"


def test_minute_formats_read_by_people() -> None:
    assert times.minute_utc(TS + 59) == "2025-11-29 06:40 UTC"
    assert times.day_first_minute_utc(TS) == "29/11/2025 06:40 UTC"
