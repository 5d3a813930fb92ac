"""A decoded request and the specs its fields are checked against, for every transport.

A codec (the web's JSON frames, later IRC lines) turns what a client sent into a ``Request``:
a type, the client's id for the answer, and named fields. A command declares its fields as
specs (``Text("room", max_len=100)``); ``Args.read`` checks them all once, so handlers read
typed values and never repeat a limit. Sans I/O, like the codecs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

from causette.domain.text import check_safe
from causette.errors import CausetteError, InvalidInput

RequestId = int | str | None
T = TypeVar("T")


class Arg(Protocol):
    """A field a command reads: its name, and how it is read and checked (raising a
    ``CausetteError``, ``bad_request`` unless the protocol documents a better code). The
    specs below cover plain values; a transport may declare its own for a structured one."""

    @property
    def name(self) -> str: ...

    def read(self, fields: Mapping[str, Any]) -> object: ...


@dataclass(frozen=True, slots=True)
class Text:
    """A string of at most ``max_len`` characters; missing (or null) reads as "" unless
    ``required``. A wrong value is refused with ``code`` (``bad_request`` unless the protocol
    documents a more precise one). Every character must pass the one text rule
    (``causette.domain.text``: no lone surrogate, noncharacter, bidirectional override, nor a
    control other than those in ``allow``), else ``chars_code`` with ``params.char``."""

    name: str
    max_len: int = 10_000
    required: bool = True
    code: str = "bad_request"
    allow: str = ""
    chars_code: str = "text_chars"

    def read(self, fields: Mapping[str, Any]) -> str:
        value = fields.get(self.name)
        if value is None and not self.required:
            return ""
        if not isinstance(value, str) or len(value) > self.max_len:
            raise InvalidInput(self.code, field=self.name)
        return check_safe(value, self.name, self.chars_code, self.allow)


# A store's integer is signed 64-bit (SQLite, PostgreSQL bigint): anything outside cannot name
# a message or an event, and would fail in the store, after the request had taken effect.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Int:
    """A signed 64-bit integer (a JSON true is not one); missing reads as ``default`` if
    there is one."""

    name: str
    default: int | None = None

    def read(self, fields: Mapping[str, Any]) -> int:
        value = fields.get(self.name, self.default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput("bad_request", field=self.name)
        if not INT_MIN <= value <= INT_MAX:
            raise InvalidInput("bad_request", field=self.name)
        return value


@dataclass(frozen=True, slots=True)
class Flag:
    """A boolean; missing reads as False."""

    name: str

    def read(self, fields: Mapping[str, Any]) -> bool:
        value = fields.get(self.name, False)
        if not isinstance(value, bool):
            raise InvalidInput("bad_request", field=self.name)
        return value


@dataclass(frozen=True, slots=True)
class Texts:
    """A list of at most ``max_items`` strings of at most ``max_len`` characters each."""

    name: str
    max_items: int = 500
    max_len: int = 100

    def read(self, fields: Mapping[str, Any]) -> list[str]:
        value = fields.get(self.name)
        if (
            not isinstance(value, list)
            or len(value) > self.max_items
            or not all(isinstance(v, str) and len(v) <= self.max_len for v in value)
        ):
            raise InvalidInput("bad_request", field=self.name)
        for item in value:
            check_safe(item, self.name)
        return cast(list[str], value)


@dataclass(frozen=True, slots=True)
class Raw:
    """A value the service parses with its own error codes (an age, a gender, a postal
    code). Only what no service should ever see is refused here: a string longer than
    ``max_len`` or breaking the text rule, an integer outside 64 bits."""

    name: str
    max_len: int = 200

    def read(self, fields: Mapping[str, Any]) -> object:
        value = fields.get(self.name)
        if isinstance(value, str):
            if len(value) > self.max_len:
                raise InvalidInput("bad_request", field=self.name)
            check_safe(value, self.name)
        elif isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            raise InvalidInput("bad_request", field=self.name)
        return value


@dataclass(frozen=True, slots=True)
class Request:
    """A decoded client request; field accessors raise ``bad_request`` on a wrong type."""

    type: str
    id: RequestId
    fields: Mapping[str, Any]

    def text(self, name: str, *, required: bool = True, max_len: int = 10_000) -> str:
        return Text(name, max_len, required).read(self.fields)

    def integer(self, name: str, default: int | None = None) -> int:
        return Int(name, default).read(self.fields)

    def flag(self, name: str) -> bool:
        return Flag(name).read(self.fields)

    def raw(self, name: str) -> object:
        return Raw(name).read(self.fields)


class BadFrame(CausetteError):
    """A frame that is not a request at all; answered with ``re`` set to what could be read."""

    def __init__(self, request_id: RequestId) -> None:
        super().__init__("bad_request")
        self.request_id = request_id


class Args:
    """A request's fields once checked against its command's specs, read by type.

    Reading a name the command did not declare, or as another type than declared, is a bug
    in the command table (``TypeError``/``KeyError``), not a client's mistake.
    """

    __slots__ = ("_values", "request_id")

    def __init__(self, request_id: RequestId, values: Mapping[str, tuple[Arg, object]]) -> None:
        self.request_id = request_id
        self._values = values

    @classmethod
    def read(cls, specs: Sequence[Arg], request: Request) -> Args:
        """Check every declared field, in order; the first one at fault is refused."""
        fields = request.fields
        return cls(request.id, {spec.name: (spec, spec.read(fields)) for spec in specs})

    def _get(self, name: str, kind: type[object]) -> object:
        spec, value = self._values[name]
        if not isinstance(spec, kind):
            raise TypeError(f"{name} is declared as {type(spec).__name__}, not {kind.__name__}")
        return value

    def value(self, name: str, kind: type[T]) -> T:
        """The value of a transport's own spec, checked to be a ``kind``."""
        value = self._values[name][1]
        if not isinstance(value, kind):
            raise TypeError(f"{name} is a {type(value).__name__}, not a {kind.__name__}")
        return value

    def text(self, name: str) -> str:
        return cast(str, self._get(name, Text))

    def integer(self, name: str) -> int:
        return cast(int, self._get(name, Int))

    def flag(self, name: str) -> bool:
        return cast(bool, self._get(name, Flag))

    def texts(self, name: str) -> list[str]:
        return cast(list[str], self._get(name, Texts))

    def raw(self, name: str) -> object:
        return self._get(name, Raw)
