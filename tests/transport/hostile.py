"""Hostile frames over every request type and field of the web command table.

One generator for the fuzz test (``test_fuzz.py``, where Hypothesis drives the ``Random`` and
shrinks what fails) and for ``bench/fuzz.py`` (a seeded ``Random``, a million frames). It reads
the command table itself, so a new request type or field is fuzzed without touching this file.

A frame is JSON text built by hand, so that it can hold what ``json.dumps`` refuses to write
(integers of 5,000 digits, ``NaN``) and lone surrogates escaped as ``"\\ud800"``, the way an
attacker's client sends them.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from causette.domain.text import first_unsafe
from causette.protocol.request import Arg, Flag, Int, Raw, Text, Texts
from causette.transport.web.commands import COMMANDS, Target

TYPES = sorted(COMMANDS)
HUGE = "9" * 5000  # over the 4,300 digits Python parses by default
SURROGATES = ("\ud800", "\udfff", "a\udc80b", "\ud83d", "\ude00x")
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")
NONCHARACTERS = ("\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff")
CONTROLS = ("\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9b", "\r", "\n", "\t")
ORDINARY = (
    "bonjour",
    "general",
    "Zoé",
    "Marc2",
    "D-7K3M9Q2X",
    "i0",
    "fr",
    "en",
    "75011",
    "harassment",
    "everyone",
    "",
)
INTEGERS = (
    "0",
    "-1",
    "1",
    "120",
    str(2**63 - 1),
    str(2**63),
    str(-(2**63)),
    str(-(2**63) - 1),
    str(2**64),
    HUGE,
    "-" + HUGE,
    "1e400",
    "-1e400",
    "1.5",
    "NaN",
    "Infinity",
)
WRONG_TYPES = ("null", "true", "false", "[]", "{}", '[""]', '{"a":1}', "0.0")
MAX_FRAME = 60_000  # the server refuses frames over 64 KiB with a close (1009)


@dataclass(frozen=True, slots=True)
class Frame:
    """What to send, and the ``re`` its answer must carry (None: a frame that is no request,
    answered ``re: null``). ``utf8`` False: the bytes go in a text frame (invalid UTF-8)."""

    data: str | bytes
    re: int | str | None
    utf8: bool = True


def odds(rng: random.Random, p: float) -> bool:
    """True with probability ``p``, on the high draws: Hypothesis favours draws near 0, which
    must then be the ordinary case, not the rare one."""
    return rng.random() >= 1.0 - p


def roll_of(rng: random.Random) -> float:
    """A draw in (0, 1] where low values are the rare cases (see ``odds``)."""
    return 1.0 - rng.random()


def text(rng: random.Random) -> str:
    """A string mixing ordinary text with what the text rule refuses (half the time)."""
    pieces = [rng.choice(ORDINARY)]
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        pool = rng.choice((SURROGATES, BIDI, NONCHARACTERS, CONTROLS, ORDINARY))
        pieces.insert(rng.randint(0, len(pieces)), rng.choice(pool))
    if odds(rng, 0.05):
        pieces.append("a" * rng.choice((101, 2001, 10_001, 20_001, 25_000)))
    return "".join(pieces)


def string(rng: random.Random) -> str:
    """A JSON string literal; ``json.dumps`` escapes lone surrogates as ``\\udXXX``."""
    return json.dumps(text(rng))


def nested(rng: random.Random) -> str:
    depth = rng.choice((2, 100, 1000, 20_000))
    open_, close = rng.choice((("[", "]"), ('{"a":', "}")))
    return open_ * depth + "0" + close * depth


def value(rng: random.Random, spec: Arg, wild: bool = True) -> str:
    """A JSON value for ``spec``'s field: of its type (hostile inside) unless ``wild``,
    which also sends values of no type the field takes."""
    roll = roll_of(rng) if wild else 1.0
    if roll < 0.15:
        return rng.choice(WRONG_TYPES)
    if roll < 0.2:
        return nested(rng)
    if roll < 0.3:
        return rng.choice(INTEGERS)
    if isinstance(spec, Int):
        return rng.choice(INTEGERS)
    if isinstance(spec, Flag):
        return rng.choice(("true", "false", "1", "null"))
    if isinstance(spec, Texts):
        return "[" + ",".join(string(rng) for _ in range(rng.randint(0, 4))) + "]"
    if isinstance(spec, Target):
        key = rng.choice(("message", "user", "room"))
        inner = rng.choice(INTEGERS) if key == "message" else string(rng)
        if odds(rng, 0.2):
            inner = nested(rng)
        return "{" + json.dumps(key) + ":" + inner + "}"
    if isinstance(spec, Text | Raw):
        return string(rng)
    return string(rng)


def request_id(rng: random.Random, serial: int) -> tuple[str | None, int | str | None]:
    """The id's JSON text (None: left out) and the ``re`` the answer must carry."""
    roll = rng.random()  # near 0: the common case
    if roll < 0.8:
        return str(serial), serial
    if roll < 0.85:
        return json.dumps(f"s{serial}"), f"s{serial}"
    bad = rng.choice(
        (None, "null", "true", "1.5", "[]", HUGE, str(2**63), json.dumps("x" * 33), string(rng))
    )
    if bad is not None and bad.startswith('"'):
        # A short string id is valid unless it breaks the text rule.
        decoded = json.loads(bad)
        if 0 < len(decoded) <= 32 and first_unsafe(decoded) is None:
            return bad, decoded
    return bad, None


def frame(rng: random.Random, serial: int) -> Frame:
    """One frame a hostile client could send; ``serial`` makes its id unique."""
    roll = roll_of(rng)
    if roll < 0.02:
        return Frame(rng.randbytes(rng.randint(0, 64)), None)  # binary
    if roll < 0.03:
        return Frame(b'{"type":"ping","id":1,"x":"\xff\xfe"}', None, utf8=False)
    if roll < 0.07:
        junk = rng.choice(
            ('{"type":"ping"', "[]", "42", '"ping"', "", "{", nested(rng), "{'a':1}", "NaN")
        )
        return Frame(junk, None)
    kind = text(rng) if odds(rng, 0.05) else rng.choice(TYPES)
    id_text, re = request_id(rng, serial)
    # Keys as JSON text, values as JSON text: nothing here goes through ``json.dumps`` whole.
    fields: dict[str, str] = {'"type"': json.dumps(kind)}
    if odds(rng, 0.03):
        fields['"type"'] = rng.choice(INTEGERS)  # no string: answered with ``re`` all the same
    if id_text is not None:
        fields['"id"'] = id_text
    command = COMMANDS.get(kind)
    wild = odds(rng, 0.4)  # else every field has its type, so that handlers run
    if command is not None:
        for spec in command.args:
            if not odds(rng, 0.1):
                fields[json.dumps(spec.name)] = value(rng, spec, wild)
    if odds(rng, 0.1):
        fields[string(rng)] = value(rng, Raw("extra"))
    body = "{" + ",".join(f"{k}:{v}" for k, v in fields.items()) + "}"
    if len(body.encode("utf-8", "surrogatepass")) > MAX_FRAME:
        return Frame('{"type":"ping","id":' + str(serial) + "}", serial)
    return Frame(body, re)


# -- sending them --------------------------------------------------------------------------

# The server's configuration for fuzzing: budgets out of the way, so that frames reach the
# handlers instead of stopping at ``rate_limited`` (which is an answer all the same).
FUZZ_LIMITS: dict[str, int | float] = {
    "requests_burst": 100_000,
    "requests_per_second": 100_000.0,
    "burst": 1000,
    "rate_per_second": 1000.0,
    "connections_per_ip": 10_000,
    "strikes_to_disconnect": 1000,
}


@dataclass
class Tally:
    """What came back: every frame sent is answered, refused whole or closes its socket."""

    sent: int = 0
    answered: int = 0  # an ack or an error
    disconnects: int = 0  # a ``disconnect`` frame with a reason, or a close code
    unanswered: int = 0
    internal_errors: int = 0
    wrong_re: int = 0
    codes: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def fail(self, why: str) -> None:
        if len(self.failures) < 20:
            self.failures.append(why)


class Prober:
    """Connections to one server, each sending one frame at a time and reading its answer
    (requests on a connection are answered in order, so the next ack or error is it)."""

    def __init__(self, url: str, tally: Tally, answer_timeout: float = 10.0) -> None:
        self.url = url
        self.tally = tally
        self.answer_timeout = answer_timeout
        self._opened = 0
        self.sent = (
            0  # by this prober: frames that left, not counting any refused to a closed socket
        )

    async def open(self, enter: bool) -> ClientConnection:
        """A connection past its ``hello``; entered and in ``general`` if ``enter``."""
        self._opened += 1
        ws = await connect(
            self.url,
            additional_headers={"Cookie": f"causette_device={secrets.token_urlsafe(12)}"},
            proxy=None,
            compression=None,
            ping_interval=None,
            max_size=None,
            close_timeout=1,
        )
        await ws.recv()  # hello
        if enter:
            nick = f"Fz{self._opened}x{secrets.randbelow(10_000)}"
            for request in (
                {
                    "type": "enter",
                    "id": "e",
                    "nickname": nick,
                    "age": 30,
                    "gender": "man",
                    "postal_code": "75011",
                },
                {"type": "join", "id": "j", "room": "general"},
            ):
                await ws.send(json.dumps(request))
                await self._answer(ws, request["id"], count=False)
        return ws

    async def send(self, ws: ClientConnection, item: Frame) -> bool:
        """Send ``item`` and check its answer; False once the connection is closed."""
        self.tally.sent += 1
        try:
            if isinstance(item.data, bytes):
                await ws.send(item.data, text=not item.utf8)
            else:
                await ws.send(item.data.encode("utf-8", "surrogatepass"), text=True)
        except ConnectionClosed:
            self.tally.sent -= 1  # closed before it left: never sent
            return False
        self.sent += 1
        failures = len(self.tally.failures)
        still_open = await self._answer(ws, item.re)
        if len(self.tally.failures) > failures:
            self.tally.failures[-1] += f" after {item.data[:300]!r}"
        return still_open

    async def _answer(self, ws: ClientConnection, re: int | str | None, count: bool = True) -> bool:
        tally = self.tally
        try:
            async with asyncio.timeout(self.answer_timeout):
                while True:
                    data = await ws.recv()
                    assert isinstance(data, str)
                    for line in data.split("\n"):
                        obj = json.loads(line)
                        kind = obj.get("type")
                        if kind == "disconnect":
                            tally.disconnects += count
                            tally.codes[obj["code"]] = tally.codes.get(obj["code"], 0) + 1
                            return False
                        if kind not in ("ack", "error"):
                            continue  # an event
                        if not count:
                            return True
                        tally.answered += 1
                        code = obj.get("code", "ack")
                        tally.codes[code] = tally.codes.get(code, 0) + 1
                        if code == "internal_error":
                            tally.internal_errors += 1
                            tally.fail(f"internal_error for re={obj.get('re')!r}")
                        # A frame refused whole (NaN, deep nesting) is answered re: null.
                        if obj.get("re") not in (re, None):
                            tally.wrong_re += 1
                            tally.fail(f"answer re={obj.get('re')!r}, expected {re!r}")
                        return True
        except ConnectionClosed as closed:
            code = closed.rcvd.code if closed.rcvd is not None else None
            if code in (1000, 1007, 1008, 1009):
                # A close with a code is an answer: 1007 (not UTF-8), 1009 (too big), or
                # the close after a ``quit`` ack or a ``disconnect``.
                tally.disconnects += count
                tally.codes[f"close_{code}"] = tally.codes.get(f"close_{code}", 0) + 1
            else:
                tally.unanswered += count
                tally.fail(f"closed without a reason ({code}) expecting re={re!r}")
            return False
        except TimeoutError:
            tally.unanswered += count
            tally.fail(f"no answer within {self.answer_timeout}s for re={re!r}")
            return False

    async def run(self, rng: random.Random, frames: int, serial: int, enter: bool) -> int:
        """Send ``frames`` frames from ``rng`` on one connection at a time (reopened when the
        server closes it); returns the next serial."""
        ws: ClientConnection | None = None
        target = self.sent + frames
        # A frame that finds its connection already closed goes again on the next one rather
        # than a new frame being drawn: the draws from ``rng`` must not depend on when the
        # server or the garbage collector closed a socket, or hypothesis sees them change.
        pending: Frame | None = None
        try:
            while self.sent < target:
                if ws is None:
                    ws = await self.open(enter)
                if pending is None:
                    serial += 1
                    pending = frame(rng, serial)
                before = self.sent
                still_open = await self.send(ws, pending)
                if self.sent > before:
                    pending = None
                if not still_open:
                    await ws.close()
                    ws = None
        finally:
            if ws is not None:
                await ws.close()
        return serial
