"""How times are written: every format the site uses, in one place, always in UTC.

Times are epoch seconds everywhere inside; they become text only at an edge (a protocol
frame, a log line, a report, a console page), through one of these functions. Each format
truncates to its precision (it never rounds up to the next second or minute).
"""

from __future__ import annotations

from datetime import UTC, datetime


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def iso_utc(ts: float) -> str:
    """ISO 8601 in UTC with milliseconds, as the protocol and the logs write every time:
    ``2024-01-31T23:59:59.123Z``."""
    moment = _utc(ts)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_utc_seconds(ts: float) -> str:
    """ISO 8601 in UTC to the second, as reports and exports write times:
    ``2024-01-31T23:59:59Z``."""
    return _utc(ts).strftime("%Y-%m-%dT%H:%M:%SZ")


def minute_utc(ts: float) -> str:
    """A time as moderators read it in the console: ``2024-01-31 23:59 UTC``."""
    return _utc(ts).strftime("%Y-%m-%d %H:%M UTC")


def day_first_minute_utc(ts: float) -> str:
    """A time as a sentence to a visitor reads it (French order): ``31/01/2024 23:59 UTC``."""
    return _utc(ts).strftime("%d/%m/%Y %H:%M UTC")
