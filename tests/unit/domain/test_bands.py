"""Age bands in the live state (pure): who is a teen, who sees whom, what a disclosure does."""

from __future__ import annotations

import pytest

from causette.domain.departements import location_of
from causette.domain.entry import AgeGate, check_age
from causette.domain.events import GuestLeft
from causette.domain.models import AgeBand, Gender, Guest, LeaveReason, Profile, Rules
from causette.domain.state import ChatState
from causette.errors import NotFound, Refused


def teen_state() -> ChatState:
    state = ChatState(Rules(min_age=15, adult_age=18))
    state.add_official_room("Ados", "", AgeBand.TEEN)
    state.add_official_room("Général", "")
    return state


def guest(state: ChatState, gid: str, age: int) -> Guest:
    profile = Profile(gid.capitalize(), age, Gender.WOMAN, "75011", location_of("75011"))
    made = Guest(gid, "dev-" + gid, profile)
    state.add_guest(made)
    return made


def test_the_band_follows_the_declared_age_and_a_disclosure() -> None:
    state = teen_state()
    assert state.has_teen_band
    assert not ChatState(Rules()).has_teen_band
    lea, marc = guest(state, "lea", 17), guest(state, "marc", 18)
    assert (state.band(lea), state.band(marc)) == (AgeBand.TEEN, AgeBand.ADULT)
    marc.disclosed_minor = True
    assert state.band(marc) is AgeBand.TEEN


def test_room_lists_and_lookups_hold_one_band() -> None:
    state = teen_state()
    lea, marc = guest(state, "lea", 16), guest(state, "marc", 40)
    assert [r.id for r in state.room_list(AgeBand.TEEN)] == ["ados"]
    assert [r.id for r in state.room_list()] == ["general"]
    with pytest.raises(Refused, match="room_band_adult"):
        state.join(lea, "general")
    with pytest.raises(Refused, match="room_band_teen"):
        state.join(marc, "ados")
    with pytest.raises(NotFound, match="user_not_found"):
        state.visible_guest(marc, "lea")
    with pytest.raises(NotFound, match="user_not_found"):
        state.check_private(lea, "marc")


def test_a_disclosure_leaves_the_adult_rooms_with_neutral_words_for_the_others() -> None:
    state = teen_state()
    paul, anna = guest(state, "paul", 30), guest(state, "anna", 30)
    for g in (paul, anna):
        state.join(g, "general")
    left, deliveries = state.disclose_minor(paul)
    assert left == ["general"]
    assert paul.disclosed_minor
    assert "general" not in paul.rooms
    assert paul.id not in state.rooms["general"].members
    told = {tuple(d.recipients): d.event for d in deliveries}
    others, himself = told[("anna",)], told[("paul",)]
    assert isinstance(others, GuestLeft)
    assert isinstance(himself, GuestLeft)
    assert (others.reason, himself.reason) == (LeaveReason.PART, LeaveReason.AGE_BAND)
    state.join(paul, "ados")  # a teen now


def test_a_network_block_is_its_own_refusal_after_the_devices() -> None:
    now = 1000.0
    network = AgeGate(None, None, None, network_blocked_until=now + 600)
    with pytest.raises(Refused) as caught:
        check_age(30, 18, network, now, 86400)
    assert (caught.value.code, caught.value.params["until"]) == ("age_network_cooldown", now + 600)
    both = AgeGate(now + 86400, None, None, network_blocked_until=now + 600)
    with pytest.raises(Refused, match="age_cooldown"):
        check_age(30, 18, both, now, 86400)
    check_age(30, 18, AgeGate(None, None, None, network_blocked_until=now - 1), now, 86400)
