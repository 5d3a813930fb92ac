"""Structured logs: one JSON object per line, UTC times, never a message's text.

Call sites pass facts as ``extra={...}``; they are copied into the object. Chat text is never
passed to a logger at any level, so it cannot leak into logs.
"""

from __future__ import annotations

import json
import logging
import sys

from causette.domain.times import iso_utc

# Attributes every LogRecord has; anything else came from ``extra``.
_STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": iso_utc(record.created),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        line = json.dumps(entry, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (from a client's input) cannot be written to the stream: escape
            # everything rather than lose the line in a "Logging error" traceback.
            line = json.dumps(entry)
        return line


class BadInputFilter(logging.Filter):
    """uvicorn logs each text frame that is not UTF-8 with a full traceback at ERROR: a
    client's mistake, which it can repeat on every connection to flood the logs. Such a
    record becomes one debug line without traceback (the connection is closed, 1007, so
    that is once per connection)."""

    PREFIX = "Invalid UTF-8"

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(self.PREFIX):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        record.msg, record.args = "invalid UTF-8 text frame; connection closed (1007)", ()
        record.exc_info = record.exc_text = None
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def quiet_bad_input() -> None:
    """Install ``BadInputFilter`` on uvicorn's logger (idempotent; the server calls it)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, BadInputFilter) for f in logger.filters):
        logger.addFilter(BadInputFilter())


def configure(level: str = "info") -> None:
    """Send every logger (ours, uvicorn's) to stderr as JSON lines."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Access logs would record every page load with its address: not needed at info. The same
    # goes for uvicorn's info lines on each WebSocket ("1.2.3.4:5678 - WebSocket [accepted]").
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
