"""Device and network identifiers: one-way hashes, IPv6 grouped by /64."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from causette.domain.identity import (
    network_hash,
    network_of,
    new_public_id,
    new_token,
    token_hash,
)

SECRET = b"s" * 32


def test_network_of_ipv4_is_the_address() -> None:
    assert network_of("203.0.113.7") == "203.0.113.7"
    assert network_of("203.0.113.7") != network_of("203.0.113.8")


def test_network_of_ipv6_is_the_slash_64() -> None:
    assert network_of("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert network_of("2001:DB8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"


def test_two_addresses_in_one_slash_64_share_a_network_hash() -> None:
    a = network_hash("2001:db8:1:2::1", SECRET)
    b = network_hash("2001:db8:1:2:dead:beef:0:7", SECRET)
    other = network_hash("2001:db8:1:3::1", SECRET)
    assert a == b
    assert a != other


def test_ipv4_mapped_ipv6_counts_as_ipv4() -> None:
    assert network_of("::ffff:203.0.113.7") == "203.0.113.7"
    assert network_hash("::ffff:203.0.113.7", SECRET) == network_hash("203.0.113.7", SECRET)


def test_unparsable_address_is_kept_as_is() -> None:
    assert network_of("unix:/run/socket") == "unix:/run/socket"


def test_network_hash_is_keyed_and_hides_the_address() -> None:
    digest = network_hash("203.0.113.7", SECRET)
    assert digest.startswith("net:")
    assert "203.0.113" not in digest
    assert digest == network_hash("203.0.113.7", SECRET)
    assert digest != network_hash("203.0.113.7", b"t" * 32)


def test_token_hash_is_deterministic_sha256() -> None:
    token = new_token()
    assert token_hash(token) == token_hash(token)
    assert token_hash(token) == hashlib.sha256(token.encode()).hexdigest()
    assert token_hash(token) != token_hash(token + "x")


@pytest.mark.parametrize("make", [new_token, new_public_id])
def test_new_identifiers_differ(make: Callable[[], str]) -> None:
    values = {make() for _ in range(50)}
    assert len(values) == 50
