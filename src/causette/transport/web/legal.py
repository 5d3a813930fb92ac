"""The site's rules and the law, as pages: terms of use (``/cgu``), community rules
(``/regles``), privacy policy (``/confidentialite``) and legal notice (``/mentions-legales``).

Rendered from ``web/legal/templates`` (Jinja2, autoescaped) with what the operator set in the
configuration (``[operator]``) and the retention periods it enforces, so that the policy says
what the server does. French by default, English with ``?lang=en``. No script, and nothing
loaded from elsewhere: one small stylesheet from ``/static``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from causette.config import Settings
from causette.domain.rules import ARTICLES

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "web" / "legal" / "templates"
LANGS = ("fr", "en")

# path -> (template, title in each language)
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "/cgu": ("cgu.html", {"fr": "Conditions générales d'utilisation", "en": "Terms of use"}),
    "/regles": ("regles.html", {"fr": "Règles de la communauté", "en": "Community rules"}),
    "/confidentialite": (
        "confidentialite.html",
        {"fr": "Politique de confidentialité", "en": "Privacy policy"},
    ),
    "/mentions-legales": ("mentions.html", {"fr": "Mentions légales", "en": "Legal notice"}),
}


@dataclass(frozen=True, slots=True)
class Retention:
    """The periods the privacy policy states, as the configuration sets them."""

    connection_days: int
    session_days: int
    evidence_hold_days: int
    history_hours: float
    age_cooldown_hours: float
    misuse_window_days: int
    device_cookie_days: int


class LegalPages:
    """The four pages, rendered per request in the visitor's language."""

    def __init__(self, settings: Settings, device_cookie_days: int) -> None:
        self._settings = settings
        r, h = settings.retention, settings.history
        self._retention = Retention(
            r.connection_days,
            r.session_days,
            r.evidence_hold_days,
            h.retention_hours,
            settings.entry.age_cooldown_hours,
            settings.moderation.misuse_window_days,
            device_cookie_days,
        )
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES_DIR),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._env.filters["hours"] = _hours

    def routes(self) -> list[Route]:
        return [Route(path, self._page) for path in PAGES]

    def lang_of(self, request: Request) -> str:
        """``?lang=`` when it names a language, else the server's."""
        asked = request.query_params.get("lang", "")
        return asked if asked in LANGS else self._settings.server.lang

    async def _page(self, request: Request) -> Response:
        path = request.url.path
        template, titles = PAGES[path]
        lang = self.lang_of(request)
        other = next(lang_ for lang_ in LANGS if lang_ != lang)
        context: dict[str, Any] = {
            "lang": lang,
            "other": other,
            "path": path,
            "title": titles[lang],
            "pages": [(p, PAGES[p][1][lang]) for p in PAGES],
            "operator": self._settings.operator,
            "retention": self._retention,
            "articles": ARTICLES,
            "min_age": self._settings.entry.min_age,
        }
        html = self._env.get_template(f"{lang}/{template}").render(context)
        return HTMLResponse(html, headers={"cache-control": "no-cache"})


def _hours(value: float) -> str:
    """12 -> "12", 1.5 -> "1,5" (French and English read both)."""
    return f"{value:g}"
