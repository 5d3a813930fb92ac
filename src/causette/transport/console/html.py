"""The console's HTML: a tiny escaping helper and the page shell.

Invariant: every value interpolated into markup goes through ``esc``, unless it is already
``Markup`` (built here from escaped parts). Templates are literals in the code; nothing a
visitor or a moderator typed is ever a template. No inline script or style: the page loads
``/moderation/static/console.js`` and ``console.css`` (the CSP forbids anything else).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from causette.domain.times import minute_utc
from causette.transport.console.i18n import t

STATIC = "/moderation/static"


class Markup(str):
    """A string of HTML that is safe to emit as it is."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """``value`` as HTML text (quotes included, for attributes), unless already Markup."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def render(template: str, **values: Any) -> Markup:
    """Fill ``{name}`` fields of a literal template with escaped values."""
    return Markup(template.format(**{k: esc(v) for k, v in values.items()}))


def join(parts: Iterable[Markup], sep: str = "") -> Markup:
    return Markup(sep.join(esc(p) for p in parts))


def table(headings: Iterable[str], rows: Markup, css_class: str = "") -> Markup:
    """A table with one header row (already translated headings) and its body rows."""
    head = join(render("<th>{h}</th>", h=h) for h in headings)
    if css_class:
        return render(
            '<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>',
            cls=css_class,
            head=head,
            rows=rows,
        )
    return render(
        "<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>", head=head, rows=rows
    )


def when(ts: float | None) -> Markup:
    """A time as moderators read it everywhere in the console: UTC, to the minute."""
    if ts is None:
        return Markup("—")
    return esc(minute_utc(ts))


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


def csrf_field(csrf: str) -> Markup:
    return render('<input type="hidden" name="csrf" value="{v}">', v=csrf)


def select(name: str, options: Iterable[tuple[str, str]], chosen: str = "", **attrs: str) -> Markup:
    """A ``<select>``; ``options`` are (value, label) pairs."""
    extra = join(render(' {k}="{v}"', k=k.replace("_", "-"), v=v) for k, v in attrs.items())
    items = join(
        render(
            '<option value="{v}"{s}>{label}</option>',
            v=value,
            label=label,
            s=Markup(" selected") if value == chosen else Markup(""),
        )
        for value, label in options
    )
    return render('<select name="{n}"{extra}>{items}</select>', n=name, extra=extra, items=items)


def page(
    title: str,
    body: Markup,
    lang: str,
    *,
    nav: Markup | None = None,
    page_id: str = "",
    flash: Markup | None = None,
) -> Markup:
    """The whole document around a page's body."""
    return render(
        "<!doctype html>\n"
        '<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Same-origin: forms then send their true Origin; other sites still learn nothing.
        '<meta name="referrer" content="same-origin">'
        "<title>{title} · {brand}</title>"
        '<link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="{static}/console.css">'
        '<script type="module" src="{static}/console.js"></script>'
        '</head><body data-page="{page_id}">'
        "{nav}<main>{flash}<h1>{title}</h1>{body}</main>{help}</body></html>",
        lang=lang,
        title=title,
        brand=t("brand", lang),
        static=STATIC,
        page_id=page_id,
        nav=nav or Markup(""),
        flash=flash or Markup(""),
        body=body,
        help=help_dialog(lang),
    )


def help_dialog(lang: str) -> Markup:
    keys = [
        ("j / k", "key_move"),
        ("Entrée / Enter", "key_open"),
        ("r", "key_remove"),
        ("w", "key_warn"),
        ("m", "key_mute"),
        ("b", "key_ban"),
        ("x", "key_reject"),
        ("?", "key_help"),
    ]
    rows = join(
        render("<tr><th><kbd>{k}</kbd></th><td>{label}</td></tr>", k=k, label=t(label, lang))
        for k, label in keys
    )
    return render(
        '<aside id="help" class="help" hidden><h2>{title}</h2><table>{rows}</table>'
        "<p>{note}</p></aside>",
        title=t("shortcuts", lang),
        rows=rows,
        note=t("shortcuts_note", lang),
    )
