"""ChatState: the pure rules between guests, rooms, nicknames and ignores."""

from __future__ import annotations

import random

import pytest

from causette.domain.departements import location_of
from causette.domain.events import (
    Delivery,
    GuestJoined,
    GuestLeft,
    GuestRenamed,
    MessagePosted,
    TopicChanged,
)
from causette.domain.models import (
    Gender,
    Guest,
    IgnoreEntry,
    LeaveReason,
    Message,
    Privacy,
    Profile,
    RoomKind,
    Rules,
)
from causette.domain.state import ChatState
from causette.errors import CausetteError, InvalidInput, LimitExceeded, NotFound, Refused


def make_state(**rules: object) -> ChatState:
    state = ChatState(Rules(**rules))  # type: ignore[arg-type]
    state.add_official_room("Général", "On parle de tout")
    state.add_official_room("Musique", "Ce que tu écoutes")
    state.add_official_room("Cinéma Séries", "Films")
    return state


def add_guest(
    state: ChatState,
    gid: str,
    nick: str | None = None,
    *,
    device: str | None = None,
    privacy: Privacy = Privacy.SHARED_ROOM,
) -> Guest:
    profile = Profile(nick or gid.capitalize(), 30, Gender.WOMAN, "75011", location_of("75011"))
    guest = Guest(gid, device or f"dev-{gid}", profile, privacy=privacy)
    state.add_guest(guest)
    return guest


def room_message(sender: Guest, room: str, mid: int = 1) -> Message:
    return Message(mid, 1000.0, sender.view, sender.device, "bonjour", room=room)


def private_message(sender: Guest, recipient: Guest, mid: int = 1) -> Message:
    return Message(mid, 1000.0, sender.view, sender.device, "coucou", recipient=recipient.view)


def snapshot(state: ChatState) -> object:
    return (
        {
            gid: (list(g.rooms), list(g.privates), g.profile.nickname)
            for gid, g in state.guests.items()
        },
        {rid: (list(r.members), r.topic, r.owner) for rid, r in state.rooms.items()},
        dict(state._nicks),
    )


def assert_membership_invariant(state: ChatState) -> None:
    for guest in state.guests.values():
        for room_id in guest.rooms:
            assert guest.id in state.rooms[room_id].members
    for room in state.rooms.values():
        for guest_id in room.members:
            assert room.id in state.guests[guest_id].rooms


@pytest.fixture
def state() -> ChatState:
    return make_state()


# -- join and part ---------------------------------------------------------------------------


def test_join_links_guest_and_room_and_tells_the_others(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.join(zoe, "general")
    room, deliveries = state.join(bob, "general")
    assert room.id == "general"
    assert list(bob.rooms) == ["general"]
    assert list(room.members) == ["zoe", "bob"]
    [delivery] = deliveries
    assert delivery.event == GuestJoined("general", bob.view)
    assert list(delivery.recipients) == ["zoe"]
    assert_membership_invariant(state)


def test_joining_twice_is_a_no_op(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    state.join(zoe, "general")
    room, deliveries = state.join(zoe, "Général")
    assert deliveries == []
    assert list(room.members) == ["zoe"]
    assert list(zoe.rooms) == ["general"]


def test_rooms_max_refuses_one_more_room_and_changes_nothing() -> None:
    state = make_state(rooms_max=2)
    zoe = add_guest(state, "zoe")
    state.join(zoe, "general")
    state.join(zoe, "musique")
    before = snapshot(state)
    with pytest.raises(LimitExceeded) as caught:
        state.join(zoe, "cinema-series")
    assert caught.value.code == "rooms_max"
    assert caught.value.params["max"] == 2
    assert snapshot(state) == before
    # A room one is already in is still a no-op, not a limit error.
    assert state.join(zoe, "general")[1] == []


def test_part_removes_both_sides_and_tells_those_left(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.join(zoe, "general")
    state.join(bob, "general")
    [delivery] = state.part(bob, "general")
    assert delivery.event == GuestLeft("general", bob.view, LeaveReason.PART, None)
    assert list(delivery.recipients) == ["zoe"]
    assert "general" not in bob.rooms
    assert list(state.rooms["general"].members) == ["zoe"]


def test_part_when_not_in_room_is_refused(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    with pytest.raises(Refused) as caught:
        state.part(zoe, "general")
    assert caught.value.code == "not_in_room"


def test_part_of_unknown_room_is_not_found(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    with pytest.raises(NotFound) as caught:
        state.part(zoe, "nowhere")
    assert caught.value.code == "room_not_found"


# -- rooms -----------------------------------------------------------------------------------


def test_find_room_by_id_and_by_name_ignoring_case_and_accents(state: ChatState) -> None:
    general = state.rooms["general"]
    for ref in ("general", "Général", "GÉNÉRAL", "general ", "Generai"):
        assert state.find_room(ref) is general
    assert state.find_room("cinema-series") is state.rooms["cinema-series"]
    assert state.find_room("cinéma séries") is state.rooms["cinema-series"]
    with pytest.raises(NotFound) as caught:
        state.find_room("Jardinage")
    assert caught.value.code == "room_not_found"
    assert caught.value.params["room"] == "Jardinage"


def test_created_room_is_owned_by_its_creator_and_not_yet_joined(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    room = state.create_room(zoe, "Jardinage Bio", "Des tomates")
    assert (room.id, room.name, room.topic) == ("jardinage-bio", "Jardinage Bio", "Des tomates")
    assert room.kind is RoomKind.USER
    assert room.owner == "zoe"
    assert room.members == {}
    assert state.find_room("jardinage bio") is room
    infos = state.room_list()
    assert [i.id for i in infos][-1] == "jardinage-bio"
    assert infos[-1].owner == "zoe"


def test_user_room_is_dropped_when_its_last_member_leaves(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.create_room(zoe, "Jardinage", "")
    state.join(zoe, "jardinage")
    state.join(bob, "jardinage")
    state.part(zoe, "jardinage")
    assert not state.room_gone("jardinage")
    state.part(bob, "jardinage")
    assert state.room_gone("jardinage")
    with pytest.raises(NotFound):
        state.find_room("Jardinage")
    # The name is free again, for anyone.
    assert state.create_room(bob, "Jardinage", "").owner == "bob"


def test_official_room_stays_when_empty(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    state.join(zoe, "general")
    state.part(zoe, "general")
    assert not state.room_gone("general")
    assert state.drop_if_empty("general") is False


@pytest.mark.parametrize(
    "name", ["General", "GÉNÉRAL", "Genera1", "GÉNÉRAI", "Cinéma_Séries", "Cinema-Series"]
)
def test_look_alike_room_names_are_refused(state: ChatState, name: str) -> None:
    zoe = add_guest(state, "zoe")
    rooms_before = set(state.rooms)
    with pytest.raises(Refused) as caught:
        state.create_room(zoe, name, "")
    assert caught.value.code == "room_exists"
    assert caught.value.params["field"] == "room"
    assert set(state.rooms) == rooms_before


def test_look_alike_of_a_user_room_is_refused_too(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    state.create_room(zoe, "Les Amis", "")
    with pytest.raises(Refused, match="room_exists"):
        state.create_room(zoe, "les_amls", "")


def test_room_creation_counts_the_creator_rooms() -> None:
    state = make_state(rooms_max=1)
    zoe = add_guest(state, "zoe")
    state.join(zoe, "general")
    with pytest.raises(LimitExceeded, match="rooms_max"):
        state.create_room(zoe, "Jardinage", "")
    assert "jardinage" not in state.rooms


def test_user_rooms_max() -> None:
    state = make_state(user_rooms_max=1)
    zoe = add_guest(state, "zoe")
    state.create_room(zoe, "Jardinage", "")
    with pytest.raises(LimitExceeded) as caught:
        state.create_room(zoe, "Tricot", "")
    assert caught.value.code == "user_rooms_max"
    assert "tricot" not in state.rooms


def test_set_topic_is_for_the_owner_only(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.create_room(zoe, "Jardinage", "Avant")
    state.join(zoe, "jardinage")
    state.join(bob, "jardinage")
    with pytest.raises(Refused) as caught:
        state.set_topic(bob, "jardinage", "Pirate")
    assert caught.value.code == "not_room_owner"
    assert state.rooms["jardinage"].topic == "Avant"

    room, delivery = state.set_topic(zoe, "Jardinage", "  Des\ntomates ")
    assert room.topic == "Des tomates"
    assert delivery.event == TopicChanged("jardinage", "Des tomates", zoe.view)
    assert sorted(delivery.recipients) == ["bob", "zoe"]


def test_nobody_owns_an_official_room(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    state.join(zoe, "general")
    with pytest.raises(Refused, match="not_room_owner"):
        state.set_topic(zoe, "general", "Mien")


# -- kick ------------------------------------------------------------------------------------


@pytest.fixture
def garden(state: ChatState) -> tuple[Guest, Guest, Guest]:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    eve = add_guest(state, "eve")
    state.create_room(zoe, "Jardinage", "")
    for guest in (zoe, bob, eve):
        state.join(guest, "jardinage")
    return zoe, bob, eve


def test_owner_kicks_and_the_kicked_guest_hears_of_it(
    state: ChatState, garden: tuple[Guest, Guest, Guest]
) -> None:
    zoe, bob, _ = garden
    [delivery] = state.kick(zoe, "jardinage", "bob")
    assert delivery.event == GuestLeft("jardinage", bob.view, LeaveReason.KICKED, zoe.view)
    assert sorted(delivery.recipients) == ["bob", "eve", "zoe"]
    assert "jardinage" not in bob.rooms
    assert list(state.rooms["jardinage"].members) == ["zoe", "eve"]


def test_only_the_owner_kicks(state: ChatState, garden: tuple[Guest, Guest, Guest]) -> None:
    _, bob, _ = garden
    before = snapshot(state)
    with pytest.raises(Refused) as caught:
        state.kick(bob, "jardinage", "eve")
    assert caught.value.code == "not_room_owner"
    assert snapshot(state) == before


def test_owner_cannot_kick_self(state: ChatState, garden: tuple[Guest, Guest, Guest]) -> None:
    zoe, _, _ = garden
    with pytest.raises(Refused) as caught:
        state.kick(zoe, "jardinage", "zoe")
    assert caught.value.code == "cannot_kick_self"
    assert "jardinage" in zoe.rooms


def test_kick_of_someone_not_in_the_room(
    state: ChatState, garden: tuple[Guest, Guest, Guest]
) -> None:
    zoe, _, _ = garden
    add_guest(state, "max")
    with pytest.raises(Refused, match="not_in_room"):
        state.kick(zoe, "jardinage", "max")
    with pytest.raises(NotFound, match="user_not_found"):
        state.kick(zoe, "jardinage", "ghost")


# -- nicknames -------------------------------------------------------------------------------


@pytest.mark.parametrize("nick", ["Zoé", "zoe", "ZOE", "Z0e", "Zoë"])
def test_nicknames_are_unique_across_look_alikes(state: ChatState, nick: str) -> None:
    zoe = add_guest(state, "zoe", "Zoé")
    with pytest.raises(Refused) as caught:
        state.check_nickname(nick)
    assert caught.value.code == "nickname_taken"
    assert caught.value.params["field"] == "nickname"
    # A guest may keep (or re-case) their own nickname.
    assert state.check_nickname(nick, for_guest=zoe) == nick


def test_add_guest_refuses_a_taken_nickname(state: ChatState) -> None:
    add_guest(state, "zoe", "Zoé")
    with pytest.raises(Refused, match="nickname_taken"):
        add_guest(state, "other", "ZOE")
    assert "other" not in state.guests


def test_invalid_nickname_is_invalid_input(state: ChatState) -> None:
    with pytest.raises(InvalidInput, match="nickname_length"):
        state.check_nickname("Zo")


def test_rename_frees_the_old_nickname(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", "Zoé")
    state.rename(zoe, "Zed")
    assert zoe.profile.nickname == "Zed"
    assert zoe.view.nick == "Zed"
    assert state.check_nickname("zoe") == "zoe"
    bob = add_guest(state, "bob", "ZOE")
    with pytest.raises(Refused, match="nickname_taken"):
        state.rename(bob, "zed")
    with pytest.raises(Refused, match="nickname_taken"):
        state.rename(zoe, "Zoé")
    assert zoe.profile.nickname == "Zed"


def test_rename_to_the_same_nickname_tells_nobody(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", "Zoé")
    assert state.rename(zoe, " Zoé ") == []


def test_rename_is_told_to_audience_and_self(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", "Zoé")
    roommate = add_guest(state, "bob")
    pen_pal = add_guest(state, "eve")
    stranger = add_guest(state, "max")
    state.join(zoe, "general")
    state.join(roommate, "general")
    state.join(stranger, "musique")
    state.record_posted(private_message(zoe, pen_pal))
    [delivery] = state.rename(zoe, "Zed")
    assert delivery.event == GuestRenamed(zoe.view, "Zoé")
    assert delivery.event.user.nick == "Zed"
    assert sorted(delivery.recipients) == ["bob", "eve", "zoe"]
    assert stranger.id not in delivery.recipients


def test_remove_guest_leaves_every_room_and_frees_the_nickname(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", "Zoé")
    bob = add_guest(state, "bob")
    state.join(zoe, "general")
    state.join(bob, "general")
    state.create_room(zoe, "Jardinage", "")
    state.join(zoe, "jardinage")
    state.record_posted(private_message(zoe, bob))
    deliveries = state.remove_guest(zoe)
    assert [(d.event.room, list(d.recipients)) for d in deliveries] == [  # type: ignore[union-attr]
        ("general", ["bob"]),
        ("jardinage", []),
    ]
    assert all(
        isinstance(d.event, GuestLeft) and d.event.reason is LeaveReason.QUIT for d in deliveries
    )
    assert "zoe" not in state.guests
    assert "zoe" not in state.rooms["general"].members
    assert state.room_gone("jardinage")
    assert "zoe" not in bob.privates
    assert state.check_nickname("Zoe") == "Zoe"
    assert_membership_invariant(state)


def test_remove_guest_with_a_reason(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.join(zoe, "general")
    state.join(bob, "general")
    [delivery] = state.remove_guest(zoe, LeaveReason.TIMEOUT)
    assert isinstance(delivery.event, GuestLeft)
    assert delivery.event.reason is LeaveReason.TIMEOUT


# -- private conversations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("privacy", "share_a_room", "refusal"),
    [
        (Privacy.EVERYONE, False, None),
        (Privacy.EVERYONE, True, None),
        (Privacy.SHARED_ROOM, True, None),
        (Privacy.SHARED_ROOM, False, "private_refused_shared_room"),
        (Privacy.NOBODY, True, "private_refused_nobody"),
        (Privacy.NOBODY, False, "private_refused_nobody"),
    ],
)
def test_check_private_follows_the_recipient_privacy(
    state: ChatState, privacy: Privacy, share_a_room: bool, refusal: str | None
) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob", privacy=privacy)
    state.join(bob, "general")
    state.join(zoe, "general" if share_a_room else "musique")
    if refusal is None:
        assert state.check_private(zoe, "bob") is bob
    else:
        with pytest.raises(Refused) as caught:
            state.check_private(zoe, "bob")
        assert caught.value.code == refusal
        assert caught.value.params["nick"] == "Bob"


def test_an_existing_conversation_stays_open(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob", privacy=Privacy.EVERYONE)
    state.record_posted(private_message(zoe, bob))
    bob.privacy = Privacy.NOBODY
    assert state.check_private(zoe, "bob") is bob
    assert state.check_private(bob, "zoe") is zoe


def test_ignored_sender_is_refused_even_in_a_conversation(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob", privacy=Privacy.EVERYONE)
    state.record_posted(private_message(zoe, bob))
    state.ignore(bob, zoe, "i1")
    with pytest.raises(Refused) as caught:
        state.check_private(zoe, "bob")
    # The same refusal as the privacy setting "nobody": the ignore is not revealed.
    assert caught.value.code == "private_refused_nobody"


def test_private_to_self_and_to_nobody(state: ChatState) -> None:
    zoe = add_guest(state, "zoe", privacy=Privacy.EVERYONE)
    with pytest.raises(Refused, match="private_self"):
        state.check_private(zoe, "zoe")
    with pytest.raises(NotFound, match="user_not_found"):
        state.check_private(zoe, "ghost")


# -- ignores ---------------------------------------------------------------------------------


def test_ignore_binds_to_the_device(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    entry = state.ignore(zoe, bob, "i1")
    assert entry == IgnoreEntry("i1", "dev-bob", "Bob", bob.id)
    assert state.ignore(zoe, bob, "i2") is None
    assert state.ignores_of("dev-zoe") == [entry]
    # Bob's next session from the same browser is still ignored.
    state.remove_guest(bob)
    bob2 = add_guest(state, "bob2", "Robert", device="dev-bob")
    assert state.is_ignoring("dev-zoe", bob2.device)
    assert state.unignore(zoe, "i1") == entry
    assert not state.is_ignoring("dev-zoe", "dev-bob")
    with pytest.raises(NotFound):
        state.unignore(zoe, "i1")


def test_cannot_ignore_own_device(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    twin = add_guest(state, "twin", device="dev-zoe")
    with pytest.raises(Refused, match="cannot_ignore_self"):
        state.ignore(zoe, twin, "i1")


# -- messages --------------------------------------------------------------------------------


def test_room_message_skips_members_ignoring_the_sender(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    eve = add_guest(state, "eve")
    add_guest(state, "max")
    for guest in (zoe, bob, eve):
        state.join(guest, "general")
    message = room_message(zoe, "general")
    assert sorted(state.record_posted(message).recipients) == ["bob", "eve", "zoe"]
    state.ignore(bob, zoe, "i1")
    delivery = state.record_posted(message)
    assert delivery.event == MessagePosted(message)
    assert sorted(delivery.recipients) == ["eve", "zoe"]
    # Ignoring someone else's device changes nothing for Zoé's messages.
    state.ignore(eve, bob, "i2")
    assert sorted(state.record_posted(message).recipients) == ["eve", "zoe"]


def test_private_message_goes_to_both_and_opens_the_conversation(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    add_guest(state, "eve")
    message = private_message(zoe, bob)
    delivery = state.record_posted(message)
    assert delivery.event == MessagePosted(message)
    assert sorted(delivery.recipients) == ["bob", "zoe"]
    assert list(zoe.privates) == ["bob"]
    assert list(bob.privates) == ["zoe"]
    assert state.audience(zoe) == {"bob"}


def test_private_message_not_delivered_to_an_ignoring_recipient(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    state.ignore(bob, zoe, "i1")
    assert list(state.record_posted(private_message(zoe, bob)).recipients) == ["zoe"]


def test_visible_to_filters_ignored_devices(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    bob = add_guest(state, "bob")
    eve = add_guest(state, "eve")
    history = [room_message(g, "general", i) for i, g in enumerate((zoe, bob, eve), 1)]
    state.ignore(zoe, bob, "i1")
    assert [m.id for m in state.visible_to(zoe, history)] == [1, 3]
    assert [m.id for m in state.visible_to(eve, history)] == [1, 2, 3]


def test_check_room_post_needs_membership(state: ChatState) -> None:
    zoe = add_guest(state, "zoe")
    with pytest.raises(Refused, match="not_in_room"):
        state.check_room_post(zoe, "general")
    state.join(zoe, "general")
    assert state.check_room_post(zoe, "Général").id == "general"


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x07\x1b"])
def test_check_text_refuses_empty(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        make_state().check_text(text)
    assert caught.value.code == "message_empty"
    assert caught.value.params["field"] == "text"


def test_check_text_bounds_the_length() -> None:
    state = make_state(message_max=10)
    assert state.check_text("x" * 10) == "x" * 10
    with pytest.raises(InvalidInput) as caught:
        state.check_text("x" * 11)
    assert caught.value.code == "message_too_long"
    assert caught.value.params["max"] == 10


def test_check_text_strips_controls_and_keeps_newlines(state: ChatState) -> None:
    assert state.check_text("  bon\x00jour\x1b[31m\n\tà tous\r ") == "bonjour[31m\n\tà tous"


# -- state snapshot + applied deliveries -----------------------------------------------------


class ClientModel:
    """What each guest's client believes about member lists: a snapshot taken when joining,
    then kept up to date only from the deliveries it receives."""

    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, set[str]]] = {}

    def joined(self, state: ChatState, guest: Guest, room_id: str) -> None:
        self.rooms.setdefault(guest.id, {})[room_id] = set(state.rooms[room_id].members)

    def parted(self, guest: Guest, room_id: str) -> None:
        del self.rooms[guest.id][room_id]

    def apply(self, deliveries: list[Delivery]) -> None:
        for delivery in deliveries:
            event = delivery.event
            for recipient in delivery.recipients:
                view = self.rooms[recipient]
                if isinstance(event, GuestJoined):
                    assert event.user.id not in view[event.room]
                    view[event.room].add(event.user.id)
                elif isinstance(event, GuestLeft):
                    if event.user.id == recipient:
                        del view[event.room]
                    else:
                        view[event.room].remove(event.user.id)

    def assert_matches(self, state: ChatState) -> None:
        for guest in state.guests.values():
            view = self.rooms.get(guest.id, {})
            assert set(view) == set(guest.rooms)
            for room_id, members in view.items():
                assert members == set(state.rooms[room_id].members)


@pytest.mark.parametrize("seed", range(25))
def test_member_lists_rebuilt_from_deliveries_match_the_state(seed: int) -> None:
    rng = random.Random(seed)
    state = make_state(rooms_max=3)
    model = ClientModel()
    names = ["Jardinage", "Tricot", "Jardlnage", "Echecs"]
    counter = 0

    def new_guest() -> Guest:
        nonlocal counter
        counter += 1
        guest = add_guest(state, f"g{counter}")
        model.rooms[guest.id] = {}
        return guest

    for _ in range(4):
        new_guest()
    for _ in range(150):
        guests = list(state.guests.values())
        guest = rng.choice(guests)
        op = rng.choice(["join", "join", "part", "create", "kick", "quit"])
        before = snapshot(state)
        try:
            if op == "join":
                room_id = rng.choice(list(state.rooms))
                room, deliveries = state.join(guest, room_id)
                if deliveries:
                    model.joined(state, guest, room.id)
                model.apply(deliveries)
            elif op == "part" and guest.rooms:
                room_id = rng.choice(list(guest.rooms))
                deliveries = state.part(guest, room_id)
                model.parted(guest, room_id)
                model.apply(deliveries)
            elif op == "create":
                room = state.create_room(guest, rng.choice(names), "")
                _, deliveries = state.join(guest, room.id)
                model.joined(state, guest, room.id)
                model.apply(deliveries)
            elif op == "kick":
                owned = [r for r in state.rooms.values() if r.owner == guest.id]
                if owned:
                    room = rng.choice(owned)
                    target = rng.choice(list(state.guests))
                    model.apply(state.kick(guest, room.id, target))
            elif op == "quit":
                model.apply(state.remove_guest(guest))
                del model.rooms[guest.id]
                new_guest()
        except CausetteError:
            # A refused verb changes nothing.
            assert snapshot(state) == before
        assert_membership_invariant(state)
        model.assert_matches(state)
    assert any(guest.rooms for guest in state.guests.values())
