"""Time-based one-time passwords (RFC 6238, over HOTP, RFC 4226) for console accounts.

Pure functions, standard library only: the secret is base32 text (what authenticator apps
read from a provisioning URI), the time is UTC epoch seconds passed in by the caller.
Defaults are what every authenticator app assumes: SHA-1, 6 digits, a 30-second step.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

from causette.errors import InvalidInput

STEP = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, as RFC 4226 recommends for HMAC-SHA-1


def new_secret() -> str:
    """A fresh random secret, base32 without padding (32 characters)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    """The secret's bytes; spaces and case do not matter, padding is optional."""
    text = "".join(secret.split()).upper().rstrip("=")
    try:
        return base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raise InvalidInput("totp_secret_invalid", field="secret") from None


def _hotp(key: bytes, counter: int, digits: int) -> str:
    mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def step_of(t: float, step: int = STEP) -> int:
    """The time step (RFC 6238's T) that contains time ``t``."""
    return int(t // step)


def code_at(secret: str, t: float, digits: int = DIGITS, step: int = STEP) -> str:
    """The code an authenticator shows at time ``t``."""
    return _hotp(_key(secret), step_of(t, step), digits)


def matching_step(
    secret: str, code: str, t: float, window: int = 1, digits: int = DIGITS, step: int = STEP
) -> int | None:
    """The time step whose code is ``code``, within ``window`` steps of ``t`` (clock drift),
    or None. Callers that refuse replays remember the step of the last code accepted."""
    code = "".join(code.split())
    if len(code) != digits or not code.isdigit():
        return None
    key = _key(secret)
    now = step_of(t, step)
    found = None
    # Compare every candidate, so the time taken does not say which one matched.
    for counter in range(now - window, now + window + 1):
        if counter >= 0 and hmac.compare_digest(_hotp(key, counter, digits), code):
            found = counter
    return found


def verify(
    secret: str, code: str, t: float, window: int = 1, digits: int = DIGITS, step: int = STEP
) -> bool:
    """Whether ``code`` is the code of ``t`` or of a step at most ``window`` away."""
    return matching_step(secret, code, t, window, digits, step) is not None


def provisioning_uri(secret: str, username: str, issuer: str = "causette") -> str:
    """The ``otpauth://`` URI an authenticator app reads (usually from a QR code)."""
    label = quote(f"{issuer}:{username}", safe=":@")
    query = urlencode(
        {
            "secret": "".join(secret.split()).upper().rstrip("="),
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
