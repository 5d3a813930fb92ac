"""Sessions: entry and its refusals, age rules, connection and request limits, the grace
period, resuming, takeover and quit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import pytest
from visitors import PROFILE, MakeSite, Site, Visitor, closed_reason, events, received

from causette.domain.identity import network_hash
from causette.domain.models import Message
from causette.errors import CausetteError, InvalidInput, LimitExceeded, NotFound, Refused
from causette.services.sessions import Resumed

DAY = 24 * 3600.0


async def refusal(site: Site, nickname: str, **profile: Any) -> CausetteError:
    link = site.connect()
    with pytest.raises(CausetteError) as refused:
        await site.entered(link, nickname, **profile)
    return refused.value


# -- entry -------------------------------------------------------------------------------


async def test_enter_gives_a_token_and_a_guest_with_the_departement(site: Site) -> None:
    link = site.connect()
    entered = await site.entered(link, "Zoé", age=34, postal_code="75011")
    assert len(entered.token) >= 32
    view = entered.guest.view
    assert (view.nick, view.age, view.location.code) == ("Zoé", 34, "75")
    assert link.guest_id == entered.guest.id
    assert entered.ignores == []
    assert "general" in [r.id for r in entered.rooms]
    assert site.hub.is_attached(entered.guest.id)


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"nickname": "ab"}, "nickname_length", "nickname"),
        ({"nickname": "x" * 21}, "nickname_length", "nickname"),
        ({"nickname": "Zoé!"}, "nickname_chars", "nickname"),
        ({"nickname": "Zоé"}, "nickname_chars", "nickname"),  # Cyrillic о
        ({"nickname": "Admin"}, "nickname_reserved", "nickname"),
        ({"nickname": "M0d-o"}, "nickname_reserved", "nickname"),
        ({"age": 0}, "age_invalid", "age"),
        ({"age": 121}, "age_invalid", "age"),
        ({"age": "trente"}, "age_invalid", "age"),
        ({"age": True}, "age_invalid", "age"),
        ({"gender": "robot"}, "gender_invalid", "gender"),
        ({"gender": None}, "gender_invalid", "gender"),
        ({"postal_code": "7501"}, "postal_code_invalid", "postal_code"),
        ({"postal_code": 75011}, "postal_code_invalid", "postal_code"),
    ],
)
async def test_each_bad_field_is_refused_with_its_code_and_changes_nothing(
    site: Site, fields: dict[str, Any], code: str, field: str
) -> None:
    request = {"nickname": "Valide", **PROFILE, **fields}
    link = site.connect()
    nickname = request.pop("nickname")
    with pytest.raises(InvalidInput) as refused:
        await site.entered(link, nickname, **request)
    assert (refused.value.code, refused.value.params.get("field")) == (code, field)
    assert link.guest_id is None
    assert site.services.chat.state.guests == {}
    # Nothing was created: the same connection can still enter.
    assert (await site.entered(link, "Valide")).guest.profile.nickname == "Valide"


@pytest.mark.parametrize(("first", "second"), [("Zoé", "zoe"), ("Iris", "1ris"), ("Marc", "rnarc")])
async def test_a_look_alike_of_a_live_nickname_is_taken(
    site: Site, first: str, second: str
) -> None:
    await site.enter(first)
    error = await refusal(site, second)
    assert (error.code, error.params["field"]) == ("nickname_taken", "nickname")


async def test_a_nickname_is_free_again_after_quit(site: Site) -> None:
    zoe = await site.enter("Zoé")
    await site.services.sessions.quit(zoe.link)
    assert (await site.enter("zoe")).nick == "zoe"


async def test_a_second_entry_on_a_connection_is_already_entered(site: Site) -> None:
    zoe = await site.enter("Zoé")
    with pytest.raises(Refused, match="already_entered"):
        await site.entered(zoe.link, "Autre")


async def test_verbs_before_entry_are_not_entered(site: Site) -> None:
    link = site.connect()
    with pytest.raises(Refused, match="not_entered"):
        await site.services.rooms.join(link, "general")
    with pytest.raises(Refused, match="not_entered"):
        await site.services.messages.say(link, "hi", "general", None, False)
    with pytest.raises(Refused, match="not_entered"):
        await site.services.sessions.quit(link)
    assert site.services.sessions.set_lang(link, "en") == "en"
    with pytest.raises(InvalidInput, match="lang_invalid"):
        site.services.sessions.set_lang(link, "de")


# -- age ---------------------------------------------------------------------------------


async def test_age_below_minimum_blocks_the_device_for_the_cooldown_and_the_network_briefly(
    site: Site,
) -> None:
    young = site.connect(ip="192.0.2.7", device="dev-young")
    with pytest.raises(Refused) as refused:
        await site.entered(young, "Petit", age=15)
    assert (refused.value.code, refused.value.params["field"]) == ("age_below_minimum", "age")
    until = refused.value.params["until"]
    assert until == site.clock.wall() + DAY
    assert await site.store.get_block("dev-young") == until
    # The network is not blocked in storage for the cooling period: only briefly, shared.
    assert await site.store.get_block(network_hash("192.0.2.7", site.services.chat.secret)) is None
    # The same device, whatever age it now declares.
    with pytest.raises(Refused) as again:
        await site.entered(young, "Petit", age=30)
    assert (again.value.code, again.value.params["until"]) == ("age_cooldown", until)
    # Another device on the same network: only for the short window, and told so.
    neighbour = site.connect(ip="192.0.2.7", device="dev-neighbour")
    with pytest.raises(Refused) as network:
        await site.entered(neighbour, "Adulte")
    assert network.value.code == "age_network_cooldown"
    assert network.value.params["until"] == pytest.approx(site.clock.wall() + 600)
    # Another network and device are not concerned.
    other = await site.enter("Ailleurs", ip="198.51.100.1")
    assert other.nick == "Ailleurs"
    assert not site.services.chat.state.guests[other.id].possible_minor
    # Past the network window, a new device of that network enters, as a possible minor.
    await site.advance(601)
    entered = await site.entered(neighbour, "Adulte")
    assert entered.guest.profile.age == 30
    assert entered.guest.possible_minor
    # The refused device itself is still blocked until the end of the cooling period.
    with pytest.raises(Refused, match="age_cooldown"):
        await site.entered(young, "Petit", age=30)
    # Past the cooling period, a new device of that network is no longer suspect.
    await site.advance(DAY)
    later = await site.entered(site.connect(ip="192.0.2.7", device="dev-later"), "Plustard")
    assert not later.guest.possible_minor


async def test_a_known_device_of_the_network_is_not_a_possible_minor(site: Site) -> None:
    parent = await site.enter("Parent", ip="192.0.2.9", device="dev-parent", age=45)
    await site.services.sessions.quit(parent.link)
    with pytest.raises(Refused):
        await site.entered(site.connect(ip="192.0.2.9", device="dev-kid"), "Kid", age=14)
    await site.advance(601)
    again = await site.entered(site.connect(ip="192.0.2.9", device="dev-parent"), "Parent", age=45)
    assert not again.guest.possible_minor


async def test_the_network_window_is_configurable_and_can_be_off(make_site: MakeSite) -> None:
    site = await make_site({"entry": {"network_age_block_minutes": 0}})
    with pytest.raises(Refused):
        await site.entered(site.connect(ip="192.0.2.7", device="dev-young"), "Petit", age=15)
    entered = await site.entered(site.connect(ip="192.0.2.7", device="dev-sister"), "Soeur")
    assert entered.guest.possible_minor


async def test_prefill_shows_the_block_and_the_last_declaration_of_this_device(
    site: Site,
) -> None:
    young = site.connect(ip="192.0.2.8", device="dev-young")
    with pytest.raises(Refused):
        await site.entered(young, "Petit", age=15)
    declaration, block = await site.services.sessions.prefill(
        site.connect(ip="192.0.2.8", device="dev-young")
    )
    assert declaration is None
    assert block is not None
    assert (block.scope, block.until) == ("device", site.clock.wall() + DAY)
    declaration, block = await site.services.sessions.prefill(
        site.connect(ip="192.0.2.8", device="dev-other")
    )
    assert block is not None
    assert block.scope == "network"
    assert block.until == pytest.approx(site.clock.wall() + 600)
    await site.advance(601)
    _, block = await site.services.sessions.prefill(site.connect(ip="192.0.2.8", device="dev-x"))
    assert block is None

    zoe = await site.enter("Zoé", device="dev-zoe", age=34, gender="woman", postal_code="75011")
    await site.services.sessions.quit(zoe.link)
    declaration, block = await site.services.sessions.prefill(site.connect(device="dev-zoe"))
    assert declaration is not None
    assert (declaration.nickname, declaration.age, declaration.gender.value) == ("Zoé", 34, "woman")
    assert declaration.postal_code == "75011"
    assert block is None
    stranger, _ = await site.services.sessions.prefill(site.connect())
    assert stranger is None


async def test_a_device_keeps_its_declared_age_for_the_cooldown(site: Site) -> None:
    zoe = await site.enter("Zoé", device="dev-zoe", age=30)
    await site.services.sessions.quit(zoe.link)
    link = site.connect(device="dev-zoe")
    with pytest.raises(Refused) as refused:
        await site.entered(link, "Zoé", age=25)
    assert (refused.value.code, refused.value.params["field"]) == ("age_cooldown", "age")
    assert refused.value.params["until"] == site.clock.wall() + DAY
    # The age first declared is still accepted, and a refused change blocks nothing.
    assert (await site.entered(link, "Zoé", age=30)).guest.profile.age == 30
    await site.services.sessions.quit(link)
    await site.advance(DAY + 1)
    later = site.connect(device="dev-zoe")
    assert (await site.entered(later, "Zoé", age=25)).guest.profile.age == 25


# -- connection and request limits -------------------------------------------------------


async def test_connections_per_address_are_limited_and_a_closed_one_frees_its_slot(
    make_site: MakeSite,
) -> None:
    site = await make_site({"limits": {"connections_per_ip": 2}})
    first = site.connect(ip="192.0.2.1")
    site.connect(ip="192.0.2.1")
    for _ in range(3):  # refused connections do not use up the limit
        with pytest.raises(LimitExceeded) as refused:
            site.connect(ip="192.0.2.1")
        assert (refused.value.code, refused.value.params["max"]) == ("too_many_connections", 2)
    site.connect(ip="192.0.2.2")  # another address has its own count
    await site.services.sessions.disconnected(first)
    site.connect(ip="192.0.2.1")


async def test_requests_beyond_the_budget_are_rate_limited_then_refill(
    make_site: MakeSite,
) -> None:
    site = await make_site({"limits": {"requests_burst": 5, "requests_per_second": 2}})
    zoe = await site.enter("Zoé")
    link = zoe.link
    for _ in range(5):
        site.services.sessions.charge(link)
    with pytest.raises(LimitExceeded) as refused:
        site.services.sessions.charge(link)
    assert refused.value.code == "rate_limited"
    assert refused.value.params["retry_after"] == pytest.approx(0.5)
    await site.advance(0.5)
    site.services.sessions.charge(link)
    with pytest.raises(LimitExceeded):
        site.services.sessions.charge(link)
    assert closed_reason(zoe) is None


async def test_persistent_request_flooding_disconnects_with_flood(make_site: MakeSite) -> None:
    site = await make_site(
        {"limits": {"requests_burst": 2, "requests_per_second": 0.1, "strikes_to_disconnect": 3}}
    )
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for _ in range(2):
        site.services.sessions.charge(zoe.link)
    for _ in range(3):
        with pytest.raises(LimitExceeded, match="rate_limited"):
            site.services.sessions.charge(zoe.link)
    await site.settle()
    assert closed_reason(zoe) == "flood"
    assert not site.present(zoe)
    left = await events(marc, "left")
    assert [(f["user"]["id"], f["room"]) for f in left] == [(zoe.id, "general")]
    with pytest.raises(NotFound, match="session_expired"):
        await site.resume(zoe, 0)


async def test_strikes_spread_beyond_the_window_do_not_disconnect(make_site: MakeSite) -> None:
    site = await make_site(
        {
            "limits": {
                "requests_burst": 1,
                "requests_per_second": 0.01,
                "strikes_to_disconnect": 2,
                "strike_window_seconds": 10,
            }
        }
    )
    zoe = await site.enter("Zoé")
    site.services.sessions.charge(zoe.link)
    with pytest.raises(LimitExceeded):
        site.services.sessions.charge(zoe.link)
    site.clock.advance(11)
    with pytest.raises(LimitExceeded):
        site.services.sessions.charge(zoe.link)
    await site.settle()
    assert closed_reason(zoe) is None
    assert site.present(zoe)


async def test_persistent_message_flooding_ends_the_session_for_good(make_site: MakeSite) -> None:
    site = await make_site(
        {"limits": {"burst": 3, "rate_per_second": 0.5, "strikes_to_disconnect": 3}}
    )
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for n in range(3):
        await site.say(zoe, "general", f"m{n}")
    for n in range(3):
        with pytest.raises(LimitExceeded, match="rate_limited"):
            await site.say(zoe, "general", f"x{n}")
    await site.settle()
    assert closed_reason(zoe) == "flood"
    assert await received(zoe) == []  # what was queued is discarded
    frames = await received(marc)
    assert [f["text"] for f in frames if f["type"] == "message"] == ["m0", "m1", "m2"]
    assert [f["user"]["id"] for f in frames if f["type"] == "left"] == [zoe.id]
    with pytest.raises(NotFound, match="session_expired"):
        await site.resume(zoe, 0)


# -- grace period and resume -------------------------------------------------------------


async def test_a_dropped_guest_stays_for_the_grace_period_then_times_out(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    grace = site.settings.session.grace_seconds
    await site.advance(grace - 1)
    assert site.present(zoe)
    assert await events(marc, "left") == []
    # Its nickname stays taken meanwhile.
    with pytest.raises(Refused, match="nickname_taken"):
        await site.enter("zoe")
    await site.advance(2)
    assert not site.present(zoe)
    left = await events(marc, "left")
    assert [(f["user"]["id"], f["room"], f["reason"]) for f in left] == [
        (zoe.id, "general", "timeout")
    ]
    with pytest.raises(NotFound, match="session_expired"):
        await site.resume(zoe, 0)
    assert (await site.enter("Zoé")).id != zoe.id


async def test_resume_restores_rooms_and_replays_every_missed_message_once(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    for visitor in (zoe, marc):
        await site.services.rooms.join(visitor.link, "musique")
    seen = (await site.say(zoe, "general", "avant")).id
    await site.drop(zoe)
    missed = [
        await site.say(marc, "general", "un"),
        await site.say(marc, "musique", "deux"),
        await site.tell(marc, zoe, "trois"),
        await site.say(marc, "general", "quatre"),
    ]
    await site.advance(site.settings.session.grace_seconds / 2)
    again, resumed = await site.resume(zoe, seen)
    assert resumed.guest.id == zoe.id
    assert [j.room.id for j in resumed.joined] == ["general", "musique"]
    assert {m.nick for m in resumed.joined[0].members} == {"Zoé", "Marc"}
    assert [p.nick for p in resumed.privates] == ["Marc"]
    frames = await received(again)
    assert frames[0]["re"] == "r"
    assert [(f["id"], f["text"]) for f in frames[1:]] == [(m.id, m.text) for m in missed]
    # Live again: the next message arrives once, and nothing is replayed twice.
    said = await site.say(marc, "general", "cinq")
    assert [f["id"] for f in await received(again)] == [said.id]
    # Resuming stopped the grace timer: nobody sees Zoé time out later.
    await site.advance(site.settings.session.grace_seconds * 2)
    assert site.present(zoe)
    assert await events(marc, "left") == []


async def test_a_message_posted_while_resuming_comes_once_after_the_replay(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    before = await site.say(marc, "general", "pendant la coupure")
    link = site.connect(device=zoe.device)
    resuming = asyncio.ensure_future(site.services.sessions.resume(link, zoe.token, 0))
    during = asyncio.ensure_future(site.say(marc, "general", "pendant la reprise"))
    resumed, said = await asyncio.gather(resuming, during)
    # Stored after the resume's query: it waited behind the replay, not inside it.
    assert [m.id for m in resumed.missed] == [before.id]
    site.services.sessions.finish_resume(link, '{"type":"ack","re":"r"}', resumed)
    again = Visitor(link, zoe.id, zoe.nick, zoe.token, zoe.device)
    frames = await received(again)
    assert frames[0]["type"] == "ack"
    ids = [f["id"] for f in frames[1:] if f["type"] == "message"]
    assert ids == [before.id, said.id]


async def test_a_message_stored_as_the_resume_starts_is_replayed_and_not_sent_again(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal stores a message, the resume begins (holding live frames) and reads it
    from storage, then the journal announces it: it must arrive once, in the replay."""
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.drop(zoe)
    link = site.connect(device=zoe.device)
    resuming: list[asyncio.Future[Resumed]] = []
    append = site.store.append_messages

    async def append_then_resume(messages: Sequence[Message]) -> None:
        await append(messages)
        if not resuming:
            resuming.append(
                asyncio.ensure_future(site.services.sessions.resume(link, zoe.token, 0))
            )
            await asyncio.sleep(0)  # one loop turn: the resume holds frames and queries

    monkeypatch.setattr(site.store, "append_messages", append_then_resume)
    said = await site.say(marc, "general", "au même moment")
    resumed = await resuming[0]
    assert [m.id for m in resumed.missed] == [said.id]
    site.services.sessions.finish_resume(link, '{"type":"ack","re":"r"}', resumed)
    frames = await received(Visitor(link, zoe.id, zoe.nick, zoe.token, zoe.device))
    assert [f["type"] for f in frames] == ["ack", "message"]
    assert frames[1]["id"] == said.id


async def test_the_message_budget_is_not_reset_by_a_resume(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"burst": 2, "rate_per_second": 0.1}})
    (zoe,) = await site.in_room("general", "Zoé")
    for n in range(2):
        await site.say(zoe, "general", f"m{n}")
    await site.drop(zoe)
    again, _ = await site.resume(zoe, 0)
    with pytest.raises(LimitExceeded, match="rate_limited"):
        await site.say(again, "general", "encore")


async def test_resume_does_not_replay_messages_of_ignored_people(site: Site) -> None:
    zoe, bob, iris = await site.in_room("general", "Zoé", "Bob", "Iris")
    await site.services.people.ignore(zoe.link, bob.id)
    await site.drop(zoe)
    await site.say(bob, "general", "ignoré")
    kept = await site.say(iris, "general", "gardé")
    again, resumed = await site.resume(zoe, 0)
    assert [m.id for m in resumed.missed] == [kept.id]
    assert [f["text"] for f in await events(again, "message")] == ["gardé"]


async def test_resume_with_an_unknown_token_or_on_an_entered_connection_is_refused(
    site: Site,
) -> None:
    link = site.connect()
    with pytest.raises(NotFound, match="session_expired"):
        await site.services.sessions.resume(link, "nope", 0)
    assert link.guest_id is None
    zoe = await site.enter("Zoé")
    marc = await site.enter("Marc")
    with pytest.raises(Refused, match="already_entered"):
        await site.services.sessions.resume(marc.link, zoe.token, 0)


async def test_quit_ends_the_session_for_everyone(site: Site) -> None:
    zoe, marc = await site.in_room("general", "Zoé", "Marc")
    await site.services.sessions.quit(zoe.link)
    assert not site.present(zoe)
    assert not site.hub.is_attached(zoe.id)
    left = await events(marc, "left")
    assert [(f["user"]["id"], f["reason"]) for f in left] == [(zoe.id, "quit")]
    with pytest.raises(NotFound, match="session_expired"):
        await site.resume(zoe, 0)
    assert [g.id for g in await site.store.live_guests()] == [marc.id]
