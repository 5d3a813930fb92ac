"""Sending statements of reasons to the DSA Transparency Database's batch API (Art. 24(5)).

Off by default (``[dsa] submit``). When on, ``submit`` posts the statements not sent yet in
batches of ``[dsa] batch_size`` (at most 100, the endpoint's limit) with the operator's token,
retries a batch that failed for a reason that may pass (no answer, HTTP 429 or 5xx) with
exponential backoff, and records every statement the database accepted (``201 Created``)
under its puid, so that none is ever sent twice. A refusal (422: the database's rules) is not
retried: it is reported with the database's errors, and the statements stay unsent.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

RETRIABLE = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Endpoint:
    url: str  # the batch endpoint, e.g. https://transparency.dsa.ec.europa.eu/api/v1/statements
    token: str
    batch_size: int = 100
    attempts: int = 5
    backoff: float = 2.0  # seconds before the first retry, doubled at each
    timeout: float = 60.0


@dataclass(slots=True)
class Outcome:
    sent: list[str] = field(default_factory=list)  # puids the database accepted
    skipped: int = 0  # already sent before
    refused: dict[str, Any] = field(default_factory=dict)  # the database's errors, by batch


class SubmissionError(Exception):
    """The database could not be reached, or kept failing, after every retry."""


Post = Callable[[Endpoint, bytes], tuple[int, bytes]]


def http_post(endpoint: Endpoint, body: bytes) -> tuple[int, bytes]:
    """POST ``body`` as JSON with the bearer token; the status and the answer."""
    request = urllib.request.Request(
        endpoint.url,
        data=body,
        method="POST",
        headers={
            "Authorization": f"Bearer {endpoint.token}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _post_batch(
    endpoint: Endpoint, body: bytes, post: Post, sleep: Callable[[float], None]
) -> tuple[int, bytes]:
    delay = endpoint.backoff
    last = ""
    for attempt in range(endpoint.attempts):
        if attempt:
            sleep(delay)
            delay *= 2
        try:
            status, answer = post(endpoint, body)
        except OSError as error:  # no connection, timeout, TLS failure
            last = str(error)
            continue
        if status not in RETRIABLE:
            return status, answer
        last = f"HTTP {status}"
    raise SubmissionError(f"{endpoint.url}: {last} after {endpoint.attempts} attempts")


async def submit(
    statements: Sequence[dict[str, Any]],
    endpoint: Endpoint,
    already: dict[int, str],
    record: Callable[[int, str], Awaitable[None]],
    decision_of_puid: Callable[[str], int],
    post: Post = http_post,
    sleep: Callable[[float], None] = time.sleep,
) -> Outcome:
    """Send the statements whose decision is not in ``already`` (decision id to puid),
    ``record``-ing each one accepted before the next batch goes."""
    outcome = Outcome()
    pending = []
    for statement in statements:
        # By decision, not by puid: a decision sent under an older prefix stays sent.
        if decision_of_puid(statement["puid"]) in already:
            outcome.skipped += 1
        else:
            pending.append(statement)
    size = max(1, min(endpoint.batch_size, 100))
    for first in range(0, len(pending), size):
        chunk = pending[first : first + size]
        body = json.dumps({"statements": chunk}, ensure_ascii=False).encode()
        status, answer = _post_batch(endpoint, body, post, sleep)
        if status == 201:
            for statement in chunk:
                await record(decision_of_puid(statement["puid"]), statement["puid"])
                outcome.sent.append(statement["puid"])
            continue
        try:
            detail: Any = json.loads(answer or b"{}")
        except ValueError:
            detail = answer[:500].decode("utf-8", "replace")
        if status == 422:
            outcome.refused[f"batch_{first // size}"] = detail
            continue
        raise SubmissionError(f"{endpoint.url}: HTTP {status}: {detail}")
    return outcome
