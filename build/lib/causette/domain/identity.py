"""Identifiers and the one-way hashes that stand for devices and networks.

Raw device tokens and IP addresses never reach storage or logs: a device is known by the
SHA-256 of its cookie, a network by a keyed hash (HMAC with the server's secret) of its IPv4
address or IPv6 /64, so that a sanction can bind to it without anyone reading it back.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets


def new_token() -> str:
    """A secret bearer token (device cookie, session resume token)."""
    return secrets.token_urlsafe(32)


def new_public_id() -> str:
    """A short public identifier for a guest or an ignore entry (not a secret)."""
    return secrets.token_hex(5)


def token_hash(token: str) -> str:
    """The stored form of a bearer token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def network_of(ip: str) -> str:
    """The unit a network sanction binds to: the IPv4 address, or the IPv6 /64."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)


def network_hash(ip: str, secret: bytes) -> str:
    """Keyed hash of an address's network: stable for the server, unreadable without it."""
    digest = hmac.new(secret, network_of(ip).encode("ascii", "replace"), hashlib.sha256)
    return "net:" + digest.hexdigest()
