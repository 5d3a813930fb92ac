"""What the DSA commands of ``causette admin`` do: statements for the Transparency Database,
their submission, and the records the transparency report cannot make by itself (orders from
authorities, Art. 9 and 10; out-of-court disputes, Art. 21).

Like the other admin commands, each checks its arguments before opening anything, writes
nothing on a refusal, and exits with status 2 and one line on standard error.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from causette.app import open_data_stores
from causette.config import Settings
from causette.domain.audit import AuditEntry
from causette.domain.moderation import Category
from causette.reports import dsa_rules, dsa_submit
from causette.reports.dsa_tdb import batch, tdb_statements
from causette.reports.eu_template import About


class DsaError(Exception):
    """A refusal of a DSA command (printed as one line, exit status 2)."""


def parse_time(raw: str, option: str) -> float:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (UTC) as epoch seconds."""
    for pattern, shape in (
        (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
        (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", "%Y-%m-%dT%H:%M"),
    ):
        if re.fullmatch(pattern, raw):
            try:
                return datetime.strptime(raw, shape).replace(tzinfo=UTC).timestamp()
            except ValueError:
                break
    raise DsaError(f"{option}: not a UTC time (YYYY-MM-DD or YYYY-MM-DDTHH:MM): {raw!r}")


def about_of(settings: Settings) -> About:
    """The report's texts from the configuration, and the safety evaluation's figures."""
    d = settings.dsa
    evaluation: dict[str, Any] = {}
    if d.evaluation_file is not None:
        path = d.evaluation_file
        try:
            loaded = json.loads(path.read_text("utf-8"))
        except OSError as error:
            raise DsaError(f"dsa.evaluation_file: cannot read {path}: {error.strerror}") from None
        except ValueError:
            raise DsaError(f"dsa.evaluation_file: {path} is not JSON") from None
        if not isinstance(loaded, dict):
            raise DsaError(f"dsa.evaluation_file: {path} must hold a JSON object")
        evaluation = loaded
    return About(d.provider, d.service, d.training, d.automated_means, evaluation)


async def tdb_export(settings: Settings, start: float, end: float) -> list[dict[str, Any]]:
    """The statements of ``[start, end)`` in the database's format."""
    async with open_data_stores(settings) as stores:
        decisions = await stores.moderation.decisions_between(start, end)
    return tdb_statements(decisions, start, end, settings.dsa.puid_prefix)


async def tdb_submit(
    settings: Settings,
    statements: list[dict[str, Any]],
    post: dsa_submit.Post = dsa_submit.http_post,
    sleep: Callable[[float], None] = time.sleep,
) -> dsa_submit.Outcome:
    """Send the statements not sent yet; each accepted one is recorded before the next batch."""
    d = settings.dsa
    if not d.submit:
        raise DsaError("submission is off: set [dsa] submit = true and token in the config")
    endpoint = dsa_submit.Endpoint(d.endpoint, d.token, d.batch_size)
    prefix = d.puid_prefix + "-"
    async with open_data_stores(settings) as stores:
        mod = stores.moderation

        async def record(decision_id: int, puid: str) -> None:
            await mod.record_submission(decision_id, puid, time.time())

        return await dsa_submit.submit(
            statements,
            endpoint,
            await mod.submissions(),
            record,
            lambda puid: int(puid.removeprefix(prefix)),
            post,
            sleep,
        )


def run_tdb(args: argparse.Namespace, settings: Settings, start: float, end: float) -> int:
    """``statements --format dsa-tdb`` (and ``--submit``); the exit status."""
    import asyncio

    found = asyncio.run(tdb_export(settings, start, end))
    problems = dsa_rules.batch_errors(batch(found)) if found else {}
    if problems:  # the export checks every statement; this is a second look at the batch
        raise DsaError(f"statements the database would refuse: {problems}")
    from causette.cli.admin import write_file

    write_file(args.out, json.dumps(batch(found), ensure_ascii=False, indent=2) + "\n")
    print(f"{args.out}: {len(found)} statements of reasons (DSA Transparency Database)")
    if not args.submit:
        return 0
    try:
        outcome = asyncio.run(tdb_submit(settings, found))
    except dsa_submit.SubmissionError as error:
        raise DsaError(f"submission failed, nothing more was recorded: {error}") from None
    print(f"sent {len(outcome.sent)}, already sent {outcome.skipped}")
    if outcome.refused:
        print(f"refused by the database: {json.dumps(outcome.refused, ensure_ascii=False)}")
        return 1
    return 0


async def _append(settings: Settings, entry: AuditEntry) -> None:
    async with open_data_stores(settings) as stores:
        await stores.moderation.append(entry)


def _category(raw: str) -> str:
    try:
        return Category(raw).value
    except ValueError:
        names = ", ".join(c.value for c in Category)
        raise DsaError(f"--category: one of {names}") from None


def _text(raw: str, option: str, limit: int = 200) -> str:
    text = " ".join(raw.split())
    if not text or len(text) > limit:
        raise DsaError(f"{option}: required, at most {limit} characters")
    return text


def run_record_order(args: argparse.Namespace, settings: Settings, actor: str | None) -> int:
    """``record-order``: an order of a Member State's authority (Art. 9 or 10), received,
    acknowledged and (when it was) given effect."""
    import asyncio

    received = parse_time(args.received, "--received")
    acknowledged = parse_time(args.acknowledged, "--acknowledged")
    effect = parse_time(args.effect, "--effect") if args.effect else None
    if acknowledged < received or (effect is not None and effect < received):
        raise DsaError("--acknowledged and --effect cannot be before --received")
    state = args.member_state.upper()
    if not re.fullmatch(r"[A-Z]{2}", state):
        raise DsaError("--member-state: a two-letter country code (FR)")
    entry = AuditEntry(
        0,
        time.time(),
        "system",
        actor,
        "authority_order",
        category=_category(args.category),
        reason=_text(args.reference, "--reference"),
        details={
            "article": args.article,
            "authority": _text(args.authority, "--authority"),
            "member_state": state,
            "received_at": received,
            "acknowledged_at": acknowledged,
            "effect_at": effect,
        },
    )
    asyncio.run(_append(settings, entry))
    print(f"Art. {args.article} order recorded in the audit log")
    return 0


def run_record_dispute(args: argparse.Namespace, settings: Settings, actor: str | None) -> int:
    """``record-dispute``: an out-of-court dispute (Art. 21) and its outcome."""
    import asyncio

    submitted = parse_time(args.submitted, "--submitted")
    closed = parse_time(args.closed, "--closed") if args.closed else None
    if closed is not None and closed < submitted:
        raise DsaError("--closed cannot be before --submitted")
    if args.outcome != "pending" and closed is None:
        raise DsaError("--closed is required unless the outcome is pending")
    entry = AuditEntry(
        0,
        time.time(),
        "system",
        actor,
        "out_of_court_dispute",
        reason=_text(args.reference, "--reference"),
        details={
            "outcome": args.outcome,
            "body": _text(args.body, "--body"),
            "submitted_at": submitted,
            "closed_at": closed,
            "days": round((closed - submitted) / 86400, 1) if closed is not None else None,
        },
    )
    asyncio.run(_append(settings, entry))
    print("out-of-court dispute recorded in the audit log")
    return 0
