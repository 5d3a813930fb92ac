"""Reading the bus's JSON safely: one object field by field, each read checking its type and
naming where it was found, so a malformed message is a ``ValueError`` that says why."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


class Fields:
    """A JSON object read field by field, each read checking the type and naming the path.

    ``absent_ok`` marks a field whose dataclass has a default: it may be missing.
    """

    __slots__ = ("_data", "_where")

    def __init__(self, raw: object, where: str) -> None:
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: expected an object, got {type(raw).__name__}")
        self._data: dict[str, object] = raw
        self._where = where

    def _value(self, key: str, absent_ok: bool, absent: object = None) -> object:
        if key in self._data:
            return self._data[key]
        if absent_ok:
            return absent
        raise ValueError(f"{self._where}.{key}: missing")

    def _wrong(self, key: str, expected: str, value: object) -> ValueError:
        return ValueError(f"{self._where}.{key}: expected {expected}, got {type(value).__name__}")

    def text(self, key: str) -> str:
        value = self._value(key, False)
        if not isinstance(value, str):
            raise self._wrong(key, "a string", value)
        return value

    def opt_text(self, key: str, *, absent_ok: bool = False) -> str | None:
        value = self._value(key, absent_ok)
        return None if value is None else self.text(key)

    def integer(self, key: str) -> int:
        value = self._value(key, False)
        # bool is an int in Python, never in our messages.
        if not isinstance(value, int) or isinstance(value, bool):
            raise self._wrong(key, "an integer", value)
        return value

    def opt_integer(self, key: str) -> int | None:
        return None if self._value(key, False) is None else self.integer(key)

    def number(self, key: str) -> float:
        value = self._value(key, False)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self._wrong(key, "a number", value)
        return float(value)

    def opt_number(self, key: str, *, absent_ok: bool = False) -> float | None:
        return None if self._value(key, absent_ok) is None else self.number(key)

    def flag(self, key: str, *, absent: bool | None = None) -> bool:
        """A boolean; ``absent`` is the dataclass default, None when the field is required."""
        value = self._value(key, absent is not None, absent)
        if not isinstance(value, bool):
            raise self._wrong(key, "a boolean", value)
        return value

    def enum(self, key: str, kind: type[E]) -> E:
        value = self.text(key)
        try:
            return kind(value)
        except ValueError:
            raise ValueError(f"{self._where}.{key}: unknown {kind.__name__} {value!r}") from None

    def obj(self, key: str) -> Fields:
        return Fields(self._value(key, False), f"{self._where}.{key}")

    def opt_obj(self, key: str, *, absent_ok: bool = False) -> Fields | None:
        return None if self._value(key, absent_ok) is None else self.obj(key)

    def _list(self, key: str, absent_ok: bool = False) -> list[object]:
        value = self._value(key, absent_ok, [])
        if not isinstance(value, list):
            raise self._wrong(key, "a list", value)
        return value

    def objs(self, key: str) -> list[Fields]:
        return [Fields(v, f"{self._where}.{key}[{i}]") for i, v in enumerate(self._list(key))]

    def texts(self, key: str, *, absent_ok: bool = False) -> list[str]:
        values = self._list(key, absent_ok)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise self._wrong(f"{key}[{i}]", "a string", v)
        return [str(v) for v in values]
