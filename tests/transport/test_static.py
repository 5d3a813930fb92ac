"""The page and its static files as a client receives them: compressed (brotli or gzip, as
negotiated), versioned names cached a year, the page and plain names revalidated by ETag.

The raw bytes are read (``iter_raw``) and decompressed here, so the test sees what crossed
the wire, not what httpx decoded.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import AsyncIterator

import brotli
import httpx
import pytest
from harness import Server

from causette.transport.web.listener import DIST_DIR, STATIC_DIR

IMMUTABLE = "public, max-age=31536000, immutable"
VERSIONED = re.compile(r'(?:src|href)="(/static/[^"]+)"')


@pytest.fixture
async def http(server: Server) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.base_url) as client:
        yield client


async def fetch(http: httpx.AsyncClient, url: str, **headers: str) -> tuple[httpx.Response, bytes]:
    """The response and its body as sent, still encoded."""
    headers = {k.replace("_", "-"): v for k, v in headers.items()}
    async with http.stream("GET", url, headers=headers) as response:
        raw = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, raw


def decode(response: httpx.Response, raw: bytes) -> bytes:
    coding = response.headers.get("content-encoding")
    if coding == "br":
        return bytes(brotli.decompress(raw))
    if coding == "gzip":
        return gzip.decompress(raw)
    assert coding is None, coding
    return raw


async def page_assets(http: httpx.AsyncClient) -> list[str]:
    response, raw = await fetch(http, "/", accept_encoding="br")
    return VERSIONED.findall(decode(response, raw).decode())


async def test_the_page_is_compressed_and_revalidated(http: httpx.AsyncClient) -> None:
    plain, plain_raw = await fetch(http, "/", accept_encoding="identity")
    assert "content-encoding" not in plain.headers
    assert "causette_device" in plain.headers["set-cookie"]  # a new device, as before
    for coding in ("br", "gzip"):
        response, raw = await fetch(http, "/", accept_encoding=coding)
        assert response.status_code == 200
        assert response.headers["content-encoding"] == coding
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.headers["cache-control"] == "no-cache"
        assert int(response.headers["content-length"]) == len(raw) < len(plain_raw) / 3
        assert decode(response, raw) == plain_raw
        assert response.headers["etag"] != plain.headers["etag"]
    assert plain.headers["vary"] == "Accept-Encoding"
    # An unchanged page costs a 304 without a body, for the representation the client holds.
    etag = (await fetch(http, "/", accept_encoding="gzip, br"))[0].headers["etag"]
    again, body = await fetch(http, "/", accept_encoding="gzip, br", if_none_match=etag)
    assert (again.status_code, body, again.headers["etag"]) == (304, b"", etag)
    other, _ = await fetch(http, "/", accept_encoding="gzip", if_none_match=etag)
    assert other.status_code == 200  # the gzip copy is another representation


async def test_the_page_names_the_bundle_and_stylesheet_by_version(
    http: httpx.AsyncClient,
) -> None:
    urls = await page_assets(http)
    assert len(urls) == 2
    expected = {
        (DIST_DIR / "app.js").read_bytes(),
        (STATIC_DIR / "style.css").read_bytes(),
    }
    served = set()
    for url in urls:
        assert re.fullmatch(r"/static/(app|style)\.[0-9a-f]{12}\.(js|css)", url)
        response, raw = await fetch(http, url, accept_encoding="gzip, deflate, br")
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "br"
        assert response.headers["cache-control"] == IMMUTABLE
        assert response.headers["vary"] == "Accept-Encoding"
        assert "charset=utf-8" in response.headers["content-type"]
        served.add(decode(response, raw))
        gz, gz_raw = await fetch(http, url, accept_encoding="gzip")
        assert gz.headers["content-encoding"] == "gzip"
        assert decode(gz, gz_raw) == decode(response, raw)
        etag = response.headers["etag"]
        cached, body = await fetch(http, url, accept_encoding="br", if_none_match=f"W/{etag}")
        assert (cached.status_code, body) == (304, b"")
        assert cached.headers["cache-control"] == IMMUTABLE
    assert served == expected


async def test_negotiation_follows_the_quality_values(http: httpx.AsyncClient) -> None:
    url = next(u for u in await page_assets(http) if u.endswith(".js"))
    cases = {
        "br;q=0, gzip": "gzip",
        "gzip;q=0.5, br;q=0.1": "gzip",  # the client's preference
        "gzip, br": "br",  # no preference: the smaller one
        "*": "br",
        "*, br;q=0": "gzip",
        "identity": None,
        "": None,
        "deflate": None,
    }
    for header, coding in cases.items():
        response, raw = await fetch(http, url, accept_encoding=header)
        assert response.headers.get("content-encoding") == coding, header
        assert decode(response, raw) == (DIST_DIR / "app.js").read_bytes()


async def test_plain_names_revalidate_and_stale_versions_are_gone(
    http: httpx.AsyncClient,
) -> None:
    plain, _ = await fetch(http, "/static/style.css", accept_encoding="br")
    assert plain.status_code == 200
    assert plain.headers["cache-control"] == "no-cache"
    assert plain.headers["content-encoding"] == "br"
    again, _ = await fetch(
        http, "/static/style.css", accept_encoding="br", if_none_match=plain.headers["etag"]
    )
    assert again.status_code == 304
    # A name with another version (an older release) is not answered with today's bytes.
    stale, _ = await fetch(http, "/static/style.000000000000.css")
    assert stale.status_code == 404
    # The bundle's sources are not served: the page loads the bundle only.
    for url in ("/static/js/app.js", "/static/i18n/fr.json", "/static/../index.html"):
        response, _ = await fetch(http, url)
        assert response.status_code == 404, url


async def test_head_and_other_methods(http: httpx.AsyncClient) -> None:
    url = next(u for u in await page_assets(http) if u.endswith(".css"))
    head = await http.head(url, headers={"accept-encoding": "br"})
    assert head.status_code == 200
    assert head.content == b""
    get, raw = await fetch(http, url, accept_encoding="br")
    assert head.headers["content-length"] == str(len(raw))
    assert head.headers["etag"] == get.headers["etag"]
    post = await http.post(url)
    assert post.status_code == 405


async def test_console_assets_are_versioned_and_compressed(http: httpx.AsyncClient) -> None:
    response = await http.get("/moderation/login")
    urls = re.findall(r'(?:src|href)="(/moderation/static/[^"]+)"', response.text)
    assert len(urls) == 2
    for url in urls:
        assert re.fullmatch(r"/moderation/static/console\.[0-9a-f]{12}\.(js|css)", url)
        asset, _ = await fetch(http, url, accept_encoding="br, gzip")
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == IMMUTABLE
        assert asset.headers["content-encoding"] == "br"
