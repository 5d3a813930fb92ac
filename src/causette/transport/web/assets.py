"""Static files held in memory: content-hashed URLs, precompressed, negotiated, cached.

Each file of a folder is read once at start-up, hashed (SHA-256) and, when it is text,
compressed once with brotli (quality 11) and gzip (level 9). It is served under two URLs:

- ``/static/style.3f2a9c1d0b7e.css``, its **versioned** name: the bytes behind it never change,
  so browsers and proxies keep it a year without asking again (``immutable``);
- ``/static/style.css``, its plain name, for whoever links to it: revalidated on every use
  (``no-cache`` with an ``ETag``, so an unchanged file costs a ``304`` and no body).

Pages (the client's ``index.html``) are rewritten at start-up so that every ``"/static/x"``
attribute they hold names the versioned file, then served ``no-cache``: a new release reaches
the next page load, and everything the page needs is fetched once per release.

Compression is negotiated from ``Accept-Encoding`` (the client's highest quality value,
brotli before gzip on a tie, else none) and every answer says ``Vary: Accept-Encoding``; each
representation has its own strong ``ETag``.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import brotli
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

ONE_YEAR = 365 * 24 * 3600
IMMUTABLE = f"public, max-age={ONE_YEAR}, immutable"
REVALIDATE = "no-cache"
HASH_CHARS = 12
# Below this, compression saves less than the header costs.
MIN_COMPRESS = 256
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
CODINGS = ("br", "gzip")  # in order of preference
_QUALITY = re.compile(r"^\s*q\s*=\s*(\S*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Asset:
    """One file as it is served: its bytes, their compressed forms and their version."""

    name: str  # the path below the prefix, "js/app.js"
    media_type: str
    body: bytes
    digest: str  # hex SHA-256 of ``body``, cut to HASH_CHARS
    encoded: Mapping[str, bytes] = field(default_factory=dict)

    @property
    def versioned_name(self) -> str:
        """ "style.css" -> "style.3f2a9c1d0b7e.css" (the digest before the last suffix)."""
        stem, dot, suffix = self.name.rpartition(".")
        if not dot or "/" in suffix:
            return f"{self.name}.{self.digest}"
        return f"{stem}.{self.digest}.{suffix}"


def accepted_codings(header: str | None) -> dict[str, float]:
    """The content codings an ``Accept-Encoding`` header accepts, with their quality (> 0);
    "*" stands for every coding of ``CODINGS`` not named."""
    named: dict[str, float] = {}
    star = 0.0
    for part in (header or "").split(","):
        coding, _, params = part.partition(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        q = 1.0
        for param in params.split(";"):
            m = _QUALITY.match(param)
            if m:
                try:
                    q = min(float(m.group(1)), 1.0)
                except ValueError:
                    q = 0.0
        if coding == "*":
            star = q
        else:
            named["gzip" if coding == "x-gzip" else coding] = q
    if star > 0:
        for coding in CODINGS:
            named.setdefault(coding, star)
    return {c: q for c, q in named.items() if q > 0}


def choose_coding(asset: Asset, header: str | None) -> str | None:
    """The coding of ``asset`` the client prefers (its highest quality; brotli on a tie), or
    None for the plain bytes."""
    accepted = accepted_codings(header)
    offered = [c for c in CODINGS if c in accepted and c in asset.encoded]
    if not offered:
        return None
    return max(offered, key=lambda c: (accepted[c], -CODINGS.index(c)))


@cache
def _compress(body: bytes) -> tuple[tuple[str, bytes], ...]:
    # Memoized by content: servers started again in one process (tests) compress once.
    out = []
    for coding, data in (
        ("br", brotli.compress(body, quality=11)),
        ("gzip", gzip.compress(body, compresslevel=9, mtime=0)),
    ):
        if len(data) < len(body):
            out.append((coding, data))
    return tuple(out)


def make_asset(name: str, body: bytes, media_type: str | None = None) -> Asset:
    """An ``Asset`` of ``body``, compressed when it is text worth compressing."""
    if media_type is None:
        guessed, _ = mimetypes.guess_type(name)
        media_type = guessed or "application/octet-stream"
    if media_type.startswith("text/") or media_type in ("application/javascript", "text/css"):
        media_type += "; charset=utf-8"
    text = media_type.startswith(TEXT_TYPES)
    encoded = dict(_compress(body)) if text and len(body) >= MIN_COMPRESS else {}
    digest = hashlib.sha256(body).hexdigest()[:HASH_CHARS]
    return Asset(name, media_type, body, digest, encoded)


class Assets:
    """The files of one or more folders, served in memory below ``prefix`` ("/static")."""

    def __init__(self, prefix: str, files: Mapping[str, bytes]) -> None:
        self.prefix = prefix.rstrip("/")
        self._plain: dict[str, Asset] = {}
        self._versioned: dict[str, Asset] = {}
        for name, body in sorted(files.items()):
            asset = make_asset(name, body)
            self._plain[name] = asset
            self._versioned[asset.versioned_name] = asset

    @classmethod
    def from_dirs(cls, prefix: str, *roots: Path, exclude: Iterable[str] = ()) -> Assets:
        """Every file below each root, by its path relative to it (a later root wins), but
        those below an ``exclude`` folder ("js/")."""
        skip = tuple(exclude)
        files: dict[str, bytes] = {}
        for root in roots:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                name = path.relative_to(root).as_posix()
                if not name.startswith(skip):
                    files[name] = path.read_bytes()
        return cls(prefix, files)

    def names(self) -> Iterable[str]:
        """The plain names held, sorted."""
        return self._plain.keys()

    def url(self, name: str) -> str:
        """The versioned URL of ``name`` ("style.css" -> "/static/style.3f2a9c1d0b7e.css")."""
        return f"{self.prefix}/{self._plain[name].versioned_name}"

    def rewrite(self, html: str) -> str:
        """``html`` with each quoted ``"/static/name"`` of a held file made versioned."""

        def swap(m: re.Match[str]) -> str:
            name = m.group(2)
            return f"{m.group(1)}{self.url(name)}{m.group(1)}" if name in self._plain else m[0]

        pattern = re.compile(rf"""(["']){re.escape(self.prefix)}/([^"'?#]+)\1""")
        return pattern.sub(swap, html)

    def page(self, name: str, html: str) -> Asset:
        """An HTML page whose references name versioned files, ready to serve."""
        return make_asset(name, self.rewrite(html).encode("utf-8"), "text/html")

    def lookup(self, name: str) -> tuple[Asset, bool] | None:
        """The asset behind a path below the prefix, and whether it was its versioned name."""
        if name in self._versioned:
            return self._versioned[name], True
        if name in self._plain:
            return self._plain[name], False
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The ASGI app mounted at the prefix."""
        request = Request(scope, receive)
        # Mounted, the path still holds the prefix, which the root path ends with.
        path, root = scope["path"], scope.get("root_path", "")
        found = self.lookup(path.removeprefix(root).lstrip("/"))
        if found is None or request.method not in ("GET", "HEAD"):
            status = 404 if found is None else 405
            await Response(status_code=status, headers={"cache-control": REVALIDATE})(
                scope, receive, send
            )
            return
        asset, versioned = found
        response = respond(request, asset, IMMUTABLE if versioned else REVALIDATE)
        await response(scope, receive, send)


def respond(request: Request, asset: Asset, cache_control: str) -> Response:
    """``asset`` in the best coding the request accepts; ``304`` when its ETag matches."""
    coding = choose_coding(asset, request.headers.get("accept-encoding"))
    etag = f'"{asset.digest}-{coding}"' if coding else f'"{asset.digest}"'
    headers = {"cache-control": cache_control, "vary": "Accept-Encoding", "etag": etag}
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    if coding:
        headers["content-encoding"] = coding
    # For HEAD the server sends the headers (Content-Length included) and drops the body.
    body = asset.encoded[coding] if coding else asset.body
    return Response(body, headers=headers, media_type=asset.media_type)


def _matches(header: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, as RFC 9110 asks)."""
    if not header:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags
