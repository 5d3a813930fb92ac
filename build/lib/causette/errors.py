"""The error tree shared by every layer.

Every refusal the core makes is a ``CausetteError`` with a stable string ``code`` (part of the
public protocol) and keyword ``params`` used to render a human message in the visitor's
language (see ``causette.i18n``). Adapters map the code to a wire form: a WebSocket error
frame today, an IRC numeric later. Nothing here knows about transports.

    CausetteError
    ├── InvalidInput        bad field in a request (nickname, age, text, ...)
    ├── Refused             a rule forbids it (age, privacy, ignore, permissions)
    ├── NotFound            unknown room, user or session
    ├── LimitExceeded       rate limit, room count, connection count, message length
    └── ConfigError         the operator's configuration file is wrong
"""

from __future__ import annotations

from typing import Any


class CausetteError(Exception):
    """A refusal with a stable code and the parameters of its human message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.params!r})"


class InvalidInput(CausetteError):
    """A field of the request is malformed; ``params['field']`` names it when there is one."""


class Refused(CausetteError):
    """The request is well-formed but a rule forbids it."""


class NotFound(CausetteError):
    """The room, user or session named does not exist (or is not visible to the caller)."""


class LimitExceeded(CausetteError):
    """A configured limit was reached; ``params`` says which and when to retry."""


class ConfigError(CausetteError):
    """The operator's configuration is invalid; raised at start-up, never at run time."""
