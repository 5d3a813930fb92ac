"""Static assets without a server: versioned names, negotiation, page rewriting."""

from __future__ import annotations

import gzip

import brotli

from causette.transport.web.assets import Assets, accepted_codings, choose_coding, make_asset

CSS = b"body { color: #222; }\n" * 40


def test_versioned_names_follow_the_content() -> None:
    one = make_asset("style.css", CSS)
    assert one.versioned_name == f"style.{one.digest}.css"
    assert len(one.digest) == 12
    assert make_asset("style.css", CSS + b" ").digest != one.digest
    assert make_asset("js/app.js", CSS).versioned_name == f"js/app.{one.digest}.js"
    assert make_asset("LICENSE", CSS).versioned_name == f"LICENSE.{one.digest}"


def test_text_is_compressed_once_both_ways_and_binary_is_not() -> None:
    asset = make_asset("style.css", CSS)
    assert asset.media_type == "text/css; charset=utf-8"
    assert brotli.decompress(asset.encoded["br"]) == CSS
    assert gzip.decompress(asset.encoded["gzip"]) == CSS
    assert make_asset("ping.png", CSS).encoded == {}
    assert make_asset("tiny.css", b"a{}").encoded == {}  # not worth a header


def test_accept_encoding_with_quality_values() -> None:
    assert accepted_codings("gzip, deflate, br") == {"gzip": 1.0, "deflate": 1.0, "br": 1.0}
    assert accepted_codings("br;q=0, gzip;q=0.8") == {"gzip": 0.8}
    assert accepted_codings("*;q=0.5, gzip;q=0") == {"br": 0.5}
    assert accepted_codings("x-gzip") == {"gzip": 1.0}
    assert accepted_codings("br;q=nope") == {}
    assert accepted_codings(None) == {} == accepted_codings("")
    asset = make_asset("style.css", CSS)
    assert choose_coding(asset, "gzip, br") == "br"
    assert choose_coding(asset, "br;q=0.2, gzip") == "gzip"
    assert choose_coding(asset, "identity") is None
    assert choose_coding(make_asset("ping.png", CSS), "br") is None


def test_pages_name_the_versioned_files() -> None:
    assets = Assets("/static", {"style.css": CSS, "app.js": b"export {};"})
    html = (
        '<link rel="stylesheet" href="/static/style.css">'
        "<script type='module' src='/static/app.js'></script>"
        '<a href="/static/missing.css">x</a><p>/static/style.css</p>'
    )
    page = assets.rewrite(html)
    assert f'href="{assets.url("style.css")}"' in page
    assert f"src='{assets.url('app.js')}'" in page
    assert '"/static/missing.css"' in page  # not held: left alone
    assert "<p>/static/style.css</p>" in page  # not an attribute
    found = assets.lookup(assets.url("style.css").removeprefix("/static/"))
    assert found is not None
    assert found[1]
    assert assets.lookup("style.css") == (found[0], False)
    assert assets.lookup("style.000000000000.css") is None
