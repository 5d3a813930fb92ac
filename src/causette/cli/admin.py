"""What the ``causette admin`` commands do (``cli.py`` parses their arguments).

Each command opens the stores of an existing data folder, as ``causette serve`` would find
them (``--config`` and ``--data-dir``), does one thing and closes them; it may run while the
server runs (SQLite in WAL mode). Every argument is checked before anything is opened, and a
command that fails writes nothing: bad dates, a missing data folder or file, an unknown
nickname print one line on standard error and exit with status 2.

Dates are UTC days and ``--to`` is included: ``--from 2025-01-01 --to 2025-01-31`` is January.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import re
import sys
import time
from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from causette import config
from causette.app import open_data_stores, with_overrides
from causette.cli import dsa
from causette.config import Settings
from causette.errors import CausetteError, ConfigError
from causette.reports.eu_template import write_csv
from causette.reports.requisition import export_requisition
from causette.reports.transparency import build_report, month_bounds, record_activity, render_html
from causette.reports.transparency import statements as statements_of

# A month's activity summary is written after the month ends: look this far past the period.
ACTIVITY_LAG = 92 * 24 * 3600.0


class AdminError(Exception):
    """A refusal to print as is (one line, no traceback) with exit status 2."""


# -- arguments ---------------------------------------------------------------------------------


def parse_day(raw: str, option: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise AdminError(f"{option}: not a date (YYYY-MM-DD): {raw!r}")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise AdminError(f"{option}: not a date (YYYY-MM-DD): {raw!r}") from None


def period(start_raw: str, end_raw: str) -> tuple[float, float]:
    """``--from`` and ``--to`` (both included) as the UTC epoch bounds ``[start, end)``."""
    first, last = parse_day(start_raw, "--from"), parse_day(end_raw, "--to")
    if last < first:
        raise AdminError(f"--to ({last}) is before --from ({first})")
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    end = datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1)
    return start.timestamp(), end.timestamp()


def parse_month(raw: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", raw)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise AdminError(f"--month: not a month (YYYY-MM): {raw!r}")
    return int(match[1]), int(match[2])


def settings_of(args: argparse.Namespace) -> Settings:
    return with_overrides(config.load(args.config), None, None, args.data_dir)


def _out_file(path: Path) -> Path:
    """An output file whose folder exists (checked before any store is opened)."""
    if path.is_dir():
        raise AdminError(f"--out: {path} is a folder, not a file")
    if not path.parent.is_dir():
        raise AdminError(f"--out: folder {path.parent} does not exist")
    return path


def _out_dir(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise AdminError(f"--out: {path} is not a folder")
    if not path.exists() and not path.parent.is_dir():
        raise AdminError(f"--out: folder {path.parent} does not exist")
    return path


def write_file(path: Path, text: str, private: bool = False) -> None:
    """Write ``text`` whole or not at all (a temporary file renamed over ``path``);
    ``private`` files (personal data) are readable by their owner only."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _operator() -> str | None:
    """Who runs the command, for the audit log (the system user; None if unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None


# -- commands ----------------------------------------------------------------------------------


async def transparency_report(settings: Settings, start: float, end: float) -> dict[str, Any]:
    """The transparency report of ``[start, end)`` from the data folder's audit log."""
    about = dsa.about_of(settings)
    async with open_data_stores(settings) as stores:
        entries = await stores.moderation.entries(start, end + ACTIVITY_LAG)
    return build_report(entries, start, end, about)


async def statements(settings: Settings, start: float, end: float) -> list[dict[str, Any]]:
    """The statements of reasons of the decisions taken in ``[start, end)``."""
    async with open_data_stores(settings) as stores:
        decisions = await stores.moderation.decisions_between(start, end)
    return statements_of(decisions, start, end)


async def requisition(
    settings: Settings,
    nickname: str | None,
    guest_id: str | None,
    start: float,
    end: float,
    reference: str,
    requested_by: str,
    out: Path,
) -> dict[str, Any]:
    """Answer a legal request into ``out`` (mode 0600); the export is audited."""
    async with open_data_stores(settings, connections=True) as stores:
        assert stores.connections is not None
        export = await export_requisition(
            stores.chat,
            stores.connections,
            stores.moderation,
            nickname,
            guest_id,
            start,
            end,
            requested_by,
            reference,
            actor=_operator(),
        )
    write_file(out, json.dumps(export, ensure_ascii=False, indent=2) + "\n", private=True)
    return export


async def activity(settings: Settings, year: int, month: int, now: float) -> int:
    """Record the month's count of active visitors in the audit log; the count."""
    start, end = month_bounds(year, month)
    if end > now:
        raise AdminError(f"--month {year:04d}-{month:02d} is not over yet")
    async with open_data_stores(settings) as stores:
        entry = await record_activity(
            stores.chat, stores.moderation, start, end, f"{year:04d}-{month:02d}", at=now
        )
    count = entry.details["active_visitors"]
    assert isinstance(count, int)
    return count


# -- dispatch ----------------------------------------------------------------------------------


def _run_transparency_report(args: argparse.Namespace) -> int:
    start, end = period(args.start_day, args.end_day)
    out_dir = _out_dir(args.out)
    report = _run(transparency_report(settings_of(args), start, end))
    out_dir.mkdir(exist_ok=True)
    name = f"transparency-{args.start_day}-{args.end_day}"
    json_path, html_path = out_dir / f"{name}.json", out_dir / f"{name}.html"
    write_file(json_path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    write_file(html_path, render_html(report))
    # The Commission's template, one CSV per sheet (Implementing Regulation (EU) 2024/2835).
    sheets = write_csv(report["template"], out_dir, name, write_file)
    for path in (json_path, html_path, *sheets):
        print(path)
    return 0


def _run_statements(args: argparse.Namespace) -> int:
    start, end = period(args.start_day, args.end_day)
    out = _out_file(args.out)
    if args.format == "dsa-tdb":
        return dsa.run_tdb(args, settings_of(args), start, end)
    if args.submit:
        raise AdminError("--submit needs --format dsa-tdb")
    found = _run(statements(settings_of(args), start, end))
    write_file(out, "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in found))
    print(f"{out}: {len(found)} statements of reasons")
    return 0


def _run_export_requisition(args: argparse.Namespace) -> int:
    start, end = period(args.start_day, args.end_day)
    out = _out_file(args.out)
    export = _run(
        requisition(
            settings_of(args),
            args.nickname,
            args.guest,
            start,
            end,
            args.reference,
            args.requested_by,
            out,
        )
    )
    print(
        f"{out}: {len(export['sessions'])} sessions, {len(export['connections'])} connection"
        " records (export recorded in the audit log)"
    )
    return 0


def _run_record_activity(args: argparse.Namespace) -> int:
    year, month = parse_month(args.month)
    count = _run(activity(settings_of(args), year, month, time.time()))
    print(f"{year:04d}-{month:02d}: {count} active visitors recorded")
    return 0


def _run_seed_demo(args: argparse.Namespace) -> int:
    from causette.cli import demo

    if args.data_dir is None:
        raise AdminError("--data-dir is required: the folder to fill")
    try:
        demo.check_empty(args.data_dir)
    except demo.DemoError as error:
        raise AdminError(str(error)) from None
    if args.start:
        first = parse_day(args.start, "--start")
        start = datetime(first.year, first.month, first.day, tzinfo=UTC).timestamp()
    else:
        today = datetime.now(UTC).date() - timedelta(days=7 * demo.WEEKS)
        start = datetime(today.year, today.month, today.day, tzinfo=UTC).timestamp()
    made = _run(demo.seed(settings_of(args), start))
    print(
        f"{args.data_dir}: demo history of {demo.WEEKS} weeks from "
        f"{datetime.fromtimestamp(made.start, UTC):%Y-%m-%d}, {made.decisions} decisions"
    )
    for name, password in made.passwords.items():
        print(f"console account {name}: password {password}")
    return 0


def _run(coroutine: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(coroutine)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "transparency-report": _run_transparency_report,
    "statements": _run_statements,
    "record-order": lambda args: dsa.run_record_order(args, settings_of(args), _operator()),
    "record-dispute": lambda args: dsa.run_record_dispute(args, settings_of(args), _operator()),
    "export-requisition": _run_export_requisition,
    "record-activity": _run_record_activity,
    "seed-demo": _run_seed_demo,
}

# Codes of CausetteError an admin command can meet, in words.
MESSAGES = {
    "requisition_no_session": "no session matches that {field} in the period",
    "requisition_field_invalid": "--{field}: required, at most {max} characters",
    "requisition_target_invalid": "give exactly one of --nickname and --guest",
}


def run(args: argparse.Namespace) -> int:
    """Run the admin command ``args.admin_command``; its exit status."""
    try:
        return COMMANDS[args.admin_command](args)
    except (AdminError, dsa.DsaError) as error:
        _fail(str(error))
    except ConfigError as error:
        _fail(f"configuration error: {error.params.get('key')}: {error.params.get('problem')}")
    except FileNotFoundError as error:
        _fail(f"{error.filename}: not found (is --data-dir right?)")
    except CausetteError as error:
        params = {k: str(v).replace("_", "-") for k, v in error.params.items()}
        _fail(MESSAGES.get(error.code, error.code).format_map(_Missing(params)))
    return 2


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return key


def _fail(message: str) -> None:
    print(f"causette: {message}", file=sys.stderr)
