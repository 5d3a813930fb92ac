"""How the console renders: Starlette's ``Jinja2Templates`` over ``web/console/templates``,
with autoescaping, and the page context (``Ctx``) every template reads.

Invariant: every value reaches the page through a template expression, which escapes it;
nothing a visitor or a moderator typed is ever a template, and no Python here builds markup.
Templates load only ``/moderation/static/console.js`` and ``console.css`` (the CSP forbids
inline scripts and styles), by their versioned names (``asset("console.css")``, see
``transport/web/assets.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.templating import Jinja2Templates

from causette.domain.accounts import Account
from causette.domain.moderation import Locator
from causette.domain.rules import rules_url
from causette.domain.times import minute_utc
from causette.transport.console.i18n import t
from causette.transport.web.assets import Assets

STATIC = "/moderation/static"
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "web" / "console" / "templates"
STATIC_DIR = TEMPLATES_DIR.parent / "static"


@cache
def console_assets() -> Assets:
    """The console's static files, read and compressed once per process."""
    return Assets.from_dirs(STATIC, STATIC_DIR)


def asset(name: str) -> str:
    """The versioned URL of one of the console's static files."""
    return console_assets().url(name)


@dataclass(frozen=True, slots=True)
class Ctx:
    """Who is looking, in which language, and the CSRF token their forms carry."""

    lang: str
    account: Account | None = None
    csrf: str = ""
    now: float = 0.0

    def t(self, key: str, **params: object) -> str:
        """The console's word for ``key`` in this page's language."""
        return t(key, self.lang, **params)

    def age(self, seconds: float) -> str:
        """How long, short: "45 s", "12 min", "3 h", "2 j"."""
        return age(seconds, self.lang)

    def ago(self, ts: float) -> str:
        """How long ago ``ts`` was, as ``age`` writes it."""
        return age(self.now - ts, self.lang)

    def duration(self, seconds: float | None) -> str:
        """A sanction's duration; none is indefinite."""
        return self.t("duration_indefinite") if seconds is None else self.age(seconds)

    def category(self, category: str) -> str:
        return self.t("cat_" + category)

    def kind(self, kind: str) -> str:
        return self.t("kind_" + kind)

    def yes_no(self, value: object) -> str:
        return self.t("yes") if value else self.t("no")

    def locator(self, where: Locator) -> str:
        """What a report points at: a message, a person, a room (those it names)."""
        parts = []
        if where.message_id is not None:
            parts.append(self.t("loc_message", id=where.message_id))
        if where.user_id is not None:
            parts.append(self.t("loc_user", id=where.user_id))
        if where.room is not None:
            parts.append(self.t("loc_room", room=where.room))
        return ", ".join(parts)


def when(ts: float | None) -> str:
    """A time as moderators read it everywhere in the console: UTC, to the minute."""
    return "—" if ts is None else minute_utc(ts)


def age(seconds: float, lang: str) -> str:
    """How long ago, short: "45 s", "12 min", "3 h", "2 j"."""
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} h"
    return f"{s // 86400} {'j' if lang == 'fr' else 'd'}"


def short_hash(value: object, keep: int = 12) -> str:
    """A device or network hash cut short: enough to compare, never an address."""
    text = str(value or "")
    prefix, _, rest = text.rpartition(":")
    body = rest[:keep]
    return f"{prefix}:{body}…" if prefix else f"{body}…" if body else "—"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails the page instead of vanishing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(when=when, short_hash=short_hash, rules_url=rules_url)
    env.globals.update(STATIC=STATIC, asset=asset)
    return env


templates = Jinja2Templates(env=_environment())
