"""TOTP against RFC 6238's test vectors (Appendix B, the SHA-1 ones) and its edge cases."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from causette.domain import totp
from causette.errors import InvalidInput

# RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode("ascii")
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]


@pytest.mark.parametrize(("t", "expected"), RFC_VECTORS)
def test_rfc_6238_sha1_vectors(t: int, expected: str) -> None:
    assert totp.code_at(RFC_SECRET, t, digits=8) == expected
    assert totp.verify(RFC_SECRET, expected, t, digits=8)


@pytest.mark.parametrize(("t", "expected"), RFC_VECTORS)
def test_six_digits_are_the_last_six_of_eight(t: int, expected: str) -> None:
    assert totp.code_at(RFC_SECRET, t) == expected[-6:]


def test_window_accepts_one_step_of_drift_and_no_more() -> None:
    secret = totp.new_secret()
    t = 1_700_000_015.0
    code = totp.code_at(secret, t)
    assert totp.verify(secret, code, t + 30)
    assert totp.verify(secret, code, t - 30)
    assert not totp.verify(secret, code, t + 60)
    assert not totp.verify(secret, code, t + 30, window=0)
    assert totp.matching_step(secret, code, t + 30) == totp.step_of(t)


@pytest.mark.parametrize("bad", ["", "12345", "1234567", "abcdef", "12 34 5x"])
def test_malformed_codes_are_refused(bad: str) -> None:
    assert not totp.verify(totp.new_secret(), bad, 1_700_000_000)


def test_spaces_in_the_code_and_the_secret_are_ignored() -> None:
    secret = totp.new_secret()
    code = totp.code_at(secret, 1_700_000_000)
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)).lower()
    assert totp.verify(spaced, f"{code[:3]} {code[3:]}", 1_700_000_000)


def test_new_secrets_are_base32_and_distinct() -> None:
    a, b = totp.new_secret(), totp.new_secret()
    assert a != b
    assert len(a) == 32
    assert len(base64.b32decode(a)) == totp.SECRET_BYTES


def test_invalid_secret_is_an_input_error() -> None:
    with pytest.raises(InvalidInput):
        totp.code_at("not base32!", 0)


def test_provisioning_uri() -> None:
    uri = totp.provisioning_uri(RFC_SECRET, "alice.m")
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.path) == ("otpauth", "totp", "/causette:alice.m")
    query = parse_qs(parts.query)
    assert query == {
        "secret": [RFC_SECRET.rstrip("=")],
        "issuer": ["causette"],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }
