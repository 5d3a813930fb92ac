"""Ignores that never reveal a device: a later session of someone already ignored gets an
entry of its own, as a stranger would."""

from __future__ import annotations

from test_state import add_guest, state

from causette.domain.models import IgnoreEntry
from causette.domain.state import ChatState

__all__ = ["state"]  # the fixture, used by name


def test_ignoring_a_later_session_of_an_ignored_device_looks_like_a_new_ignore(
    state: ChatState,
) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    iris = add_guest(state, "iris")
    first = state.ignore(zoe, bob, "i1")
    state.remove_guest(bob)
    robert = add_guest(state, "bob2", "Robert", device="dev-bob")
    state.ignore(zoe, iris, "i2")
    again = state.ignore(zoe, robert, "i3")
    # An entry of its own, in the order made, as for any stranger.
    assert again == IgnoreEntry("i3", "dev-bob", "Robert", robert.id)
    assert [e.id for e in state.ignores_of("dev-zoe")] == ["i1", "i2", "i3"]
    # The device stays ignored while one of its entries is left.
    assert state.unignore(zoe, "i1") == first
    assert state.is_ignoring("dev-zoe", "dev-bob")
    state.unignore(zoe, "i3")
    assert not state.is_ignoring("dev-zoe", "dev-bob")
