"""TOTP (through pyotp, as the account service calls it) against RFC 6238's test vectors
(Appendix B, the SHA-1 ones) and its edge cases."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlsplit

import pytest

from causette.errors import InvalidInput
from causette.services.accounts import (
    TOTP_STEP,
    new_totp_secret,
    provisioning_uri,
    totp_code,
    totp_step,
)

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
    assert totp_code(RFC_SECRET, t, digits=8) == expected
    assert totp_step(RFC_SECRET, expected, t, digits=8) is not None


@pytest.mark.parametrize(("t", "expected"), RFC_VECTORS)
def test_six_digits_are_the_last_six_of_eight(t: int, expected: str) -> None:
    assert totp_code(RFC_SECRET, t) == expected[-6:]


def test_window_accepts_one_step_of_drift_and_no_more() -> None:
    secret = new_totp_secret()
    t = 1_700_000_015.0
    code = totp_code(secret, t)
    assert totp_step(secret, code, t + 30) is not None
    assert totp_step(secret, code, t - 30) is not None
    assert totp_step(secret, code, t + 60) is None
    assert totp_step(secret, code, t + 30, window=0) is None
    assert totp_step(secret, code, t + 30) == int(t // TOTP_STEP)


@pytest.mark.parametrize("bad", ["", "12345", "1234567", "abcdef", "12 34 5x", "１２３４５６"])
def test_malformed_codes_are_refused(bad: str) -> None:
    assert totp_step(new_totp_secret(), bad, 1_700_000_000) is None


def test_spaces_in_the_code_and_the_secret_are_ignored() -> None:
    secret = new_totp_secret()
    code = totp_code(secret, 1_700_000_000)
    spaced = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)).lower()
    assert totp_step(spaced, f"{code[:3]} {code[3:]}", 1_700_000_000) is not None


def test_new_secrets_are_base32_and_distinct() -> None:
    a, b = new_totp_secret(), new_totp_secret()
    assert a != b
    assert len(a) == 32
    assert len(base64.b32decode(a)) == 20  # 160 bits


def test_invalid_secret_is_an_input_error() -> None:
    with pytest.raises(InvalidInput):
        totp_code("not base32!", 0)


def test_provisioning_uri() -> None:
    uri = provisioning_uri(RFC_SECRET, "alice.m")
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
