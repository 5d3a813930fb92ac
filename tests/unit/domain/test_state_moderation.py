"""ChatState rules that moderation switches on: moderated and closed rooms, emergency levels."""

from __future__ import annotations

import pytest
from test_state import add_guest, make_state, private_message, room_message

from causette.domain.events import GuestLeft
from causette.domain.models import LeaveReason, Privacy
from causette.domain.state import ChatState
from causette.errors import Refused


@pytest.fixture
def state() -> ChatState:
    return make_state()


def test_in_a_moderated_room_only_voiced_devices_speak(state: ChatState) -> None:
    zoe, bob = add_guest(state, "zoe"), add_guest(state, "bob")
    for g in (zoe, bob):
        state.join(g, "general")
    state.rooms["general"].moderated = True
    state.rooms["general"].voiced.add(zoe.device)
    assert state.check_room_post(zoe, "general").id == "general"
    with pytest.raises(Refused, match="room_moderated"):
        state.check_room_post(bob, "general")


def test_the_all_rooms_moderated_level_silences_unvoiced_people_everywhere(
    state: ChatState,
) -> None:
    bob = add_guest(state, "bob")
    state.join(bob, "musique")
    state.check_room_post(bob, "musique")
    with pytest.raises(Refused, match="room_moderated"):
        state.check_room_post(bob, "musique", all_moderated=True)


def test_closing_a_room_kicks_everyone_and_refuses_new_joins(state: ChatState) -> None:
    zoe, bob = add_guest(state, "zoe"), add_guest(state, "bob")
    for g in (zoe, bob):
        state.join(g, "general")
    room, deliveries = state.close_room("general")
    assert room.closed
    assert not room.members
    assert not zoe.rooms
    assert not bob.rooms
    kicked = [d for d in deliveries if isinstance(d.event, GuestLeft)]
    assert {d.event.user.id for d in kicked} == {"zoe", "bob"}
    assert all(d.event.reason is LeaveReason.KICKED for d in kicked)
    with pytest.raises(Refused, match="room_closed"):
        state.join(zoe, "general")


def test_shared_room_only_overrides_everyone_and_existing_conversations(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", privacy=Privacy.EVERYONE)
    bob = add_guest(state, "bob")
    state.record_posted(private_message(bob, zoe))  # an existing conversation
    assert state.check_private(bob, "zoe") is zoe
    with pytest.raises(Refused, match="private_refused_emergency"):
        state.check_private(bob, "zoe", shared_room_only=True)
    state.join(zoe, "general")
    state.join(bob, "general")
    assert state.check_private(bob, "zoe", shared_room_only=True) is zoe


def test_a_message_audience_is_its_room_or_its_two_parties(state: ChatState) -> None:
    zoe, bob, eve = add_guest(state, "zoe"), add_guest(state, "bob"), add_guest(state, "eve")
    state.join(zoe, "general")
    state.join(eve, "general")
    assert sorted(state.message_audience(room_message(zoe, "general"))) == ["eve", "zoe"]
    assert sorted(state.message_audience(private_message(zoe, bob))) == ["bob", "zoe"]
