"""The one request loop: every transport's decoded requests go through it.

A transport gives it a command table (request type to ``Command``), a decoder, the way it
answers (``Answers``: an ack, an error) and the context its handlers take. The loop then does,
for each frame and in this order: decode (a frame that is no request still costs one from
the connection's budget), charge the command's cost, the entry gate (``not_entered``), the
site-ban gate (for a connection without a session), the arguments (checked once against
the command's specs), the handler, and the answer. A ``CausetteError`` anywhere becomes that
transport's error answer; anything else is a bug, logged once and answered
``internal_error``. Nothing raises to the socket.

As in Ergo, a command's rules sit beside its handler (``Command(join, args=(Text("room",
max_len=100),))``) and this one place checks them; the rules of the chat stay in services.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from causette.errors import CausetteError, InvalidInput, LimitExceeded, Refused
from causette.protocol.request import (
    Arg,
    Args,
    BadFrame,
    Flag,
    Int,
    Raw,
    Request,
    RequestId,
    Text,
    Texts,
)
from causette.services.chat import Link

__all__ = [
    "Answers",
    "Arg",
    "Args",
    "BadFrame",
    "Command",
    "Flag",
    "Gates",
    "Int",
    "Raw",
    "Request",
    "RequestId",
    "RequestLoop",
    "Text",
    "Texts",
]

log = logging.getLogger(__name__)

C = TypeVar("C")  # what a transport's handlers take (its services and the connection)
P = TypeVar("P")  # what its handlers return: the payload of the answer
P_contra = TypeVar("P_contra", contravariant=True)
F_contra = TypeVar("F_contra", contravariant=True)  # a frame as read from the wire


@dataclass(frozen=True, slots=True)
class Command(Generic[C, P]):
    """What one request type may do, declared beside its handler.

    ``before_entry``: accepted before the connection has a session (``enter``, reading and
    contesting a decision). ``while_banned``: accepted from a connection without a session
    while a site ban binds its device or network, so that a banned visitor can still read
    the decision and contest it (DSA Arts. 17 and 20); ``enter`` is, and shows the ban.
    ``cost``: taken from the connection's request budget. ``args``: the fields the handler
    reads, checked before it runs.
    ``answers_itself``: the handler sends its own ack (``resume``: the ack must go ahead of
    the replay). ``closes``: once answered, the connection closes with this reason.
    """

    handler: Callable[[C, Args], Awaitable[P]]
    args: tuple[Arg, ...] = ()
    before_entry: bool = False
    while_banned: bool = False
    cost: int = 1
    answers_itself: bool = False
    closes: str | None = None


class Answers(Protocol[P_contra]):
    """How a transport answers a request on a connection (the web: ack and error frames
    pushed to the outbox, in the visitor's language)."""

    def ack(self, link: Link, request: Request, payload: P_contra) -> None:
        """The request succeeded; ``payload`` is what its handler returned."""
        ...

    def error(self, link: Link, request: Request, error: CausetteError) -> None:
        """The request was refused (``request.type`` is "" when the frame was no request)."""
        ...


class Gates(Protocol):
    """The session checks the loop applies to every request (``Sessions`` provides them)."""

    def charge(self, link: Link, cost: int = 1) -> None:
        """Take ``cost`` from the connection's budget, or raise ``rate_limited``."""
        ...

    def check_not_banned(self, link: Link) -> None:
        """Raise ``banned`` while a site ban binds the connection."""
        ...


class RequestLoop(Generic[F_contra, C, P]):
    """One connection's requests through one command table (one per connection)."""

    __slots__ = ("answers", "commands", "context", "decode", "gates", "link")

    def __init__(
        self,
        commands: Mapping[str, Command[C, P]],
        decode: Callable[[F_contra], Request],
        answers: Answers[P],
        gates: Gates,
        link: Link,
        context: C,
    ) -> None:
        self.commands = commands
        self.decode = decode
        self.answers = answers
        self.gates = gates
        self.link = link
        self.context = context

    async def handle(self, frame: F_contra) -> None:
        """Answer one frame from the client; never raises for a client's mistake or a bug."""
        link = self.link
        try:
            request = self.decode(frame)
        except BadFrame as bad:
            # Garbage counts against the connection's budget like any request.
            with contextlib.suppress(LimitExceeded):
                self.gates.charge(link)
            self.answers.error(link, Request("", bad.request_id, {}), bad)
            return
        try:
            command = self.commands.get(request.type)
            self.gates.charge(link, command.cost if command is not None else 1)
            if command is None:
                raise InvalidInput("bad_request")
            if not command.before_entry and link.guest_id is None:
                raise Refused("not_entered")
            if not command.while_banned:
                # The same rule as at entry, on every request: a site ban binding the
                # connection's device or network leaves it only reading and contesting a
                # decision (a session opened before the ban must not carry on).
                self.gates.check_not_banned(link)
            payload = await command.handler(self.context, Args.read(command.args, request))
            if not command.answers_itself:
                self.answers.ack(link, request, payload)
        except CausetteError as error:
            self.answers.error(link, request, error)
            return
        except Exception:
            log.exception("request failed", extra={"request": request.type})
            self.answers.error(link, request, CausetteError("internal_error"))
            return
        if command.closes is not None:
            link.outbox.close(command.closes)
