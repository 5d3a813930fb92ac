"""What nodes share, through the services: resume tokens, nickname claims, presence, and
budgets that a new session does not reset."""

from __future__ import annotations

import pytest
from visitors import MakeSite, Site

from causette.domain.identity import token_hash
from causette.domain.names import nickname_key
from causette.errors import LimitExceeded, NotFound, Refused
from causette.live.bus import BusMessage, PresenceChanged
from causette.types import GuestId, NodeId


async def test_a_resume_token_is_found_in_the_shared_state(site: Site) -> None:
    zoe = await site.enter("Zoé")
    shared = site.services.chat.shared
    assert await shared.token_guest(token_hash(zoe.token)) == zoe.id
    await site.services.sessions.quit(zoe.link)
    assert await shared.token_guest(token_hash(zoe.token)) is None
    with pytest.raises(NotFound):
        await site.resume(zoe, 0)


async def test_a_nickname_claimed_on_another_node_is_taken_here(site: Site) -> None:
    shared = site.services.chat.shared
    assert await shared.claim_nick(nickname_key("Iris"), "guest-on-node-b")
    with pytest.raises(Refused) as refused:
        await site.enter("Iris")
    assert refused.value.code == "nickname_taken"
    with pytest.raises(Refused):
        await site.enter("lris")  # a look-alike shares the key


async def test_claims_follow_renames_and_quits(site: Site) -> None:
    shared = site.services.chat.shared
    zoe = await site.enter("Zoé")
    assert await shared.nick_owner(nickname_key("Zoé")) == zoe.id
    await site.services.people.set_nick(zoe.link, "Zoéline")
    assert await shared.nick_owner(nickname_key("Zoé")) is None
    assert await shared.nick_owner(nickname_key("Zoéline")) == zoe.id
    await site.services.sessions.quit(zoe.link)
    assert await shared.nick_owner(nickname_key("Zoéline")) is None


async def test_presence_is_set_renewed_and_cleared(site: Site) -> None:
    chat = site.services.chat
    heard: list[BusMessage] = []
    chat.bus.subscribe(heard.append)
    zoe = await site.enter("Zoé")
    await site.settle()
    assert await chat.shared.present_on(GuestId(zoe.id)) == chat.node
    assert PresenceChanged(GuestId(zoe.id), chat.node, True) in heard
    await site.drop(zoe)
    await site.settle()
    assert await chat.shared.present_on(GuestId(zoe.id)) is None
    assert PresenceChanged(GuestId(zoe.id), chat.node, False) in heard


async def test_grace_does_not_end_a_guest_attached_on_another_node(site: Site) -> None:
    chat = site.services.chat
    zoe = await site.enter("Zoé")
    await site.drop(zoe)
    await site.settle()
    await chat.shared.set_present(GuestId(zoe.id), NodeId("node-b"), 300)
    await site.advance(site.settings.session.grace_seconds + 1)
    assert site.present(zoe)
    # Without that other node, the same drop ends the session when its grace is over.
    await chat.shared.clear_present(GuestId(zoe.id), NodeId("node-b"))
    marc = await site.enter("Marc")
    await site.drop(marc)
    await site.advance(site.settings.session.grace_seconds + 1)
    assert not site.present(marc)


async def test_the_message_budget_follows_the_device_into_a_new_session(
    make_site: MakeSite,
) -> None:
    site = await make_site({"limits": {"burst": 2, "rate_per_second": 0.01}})
    (zoe,) = await site.in_room("general", "Zoé")
    for n in range(2):
        await site.say(zoe, "general", f"message {n}")
    await site.services.sessions.quit(zoe.link)
    again = await site.enter("Zoé2", device=zoe.device)
    await site.services.rooms.join(again.link, "general")
    with pytest.raises(LimitExceeded):
        await site.say(again, "general", "encore")


async def test_the_network_budget_holds_devices_without_a_cookie(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"network_burst": 3, "network_rate_per_second": 0.01}})
    accepted = 0
    for n in range(5):
        visitor = await site.enter(f"Anon{n}", ip="192.0.2.77", device=f"fresh-{n}")
        await site.services.rooms.join(visitor.link, "general")
        try:
            await site.say(visitor, "general", "pub")
            accepted += 1
        except LimitExceeded:
            pass
    assert accepted == 3


async def test_connections_are_counted_per_ipv6_64_like_sanctions(make_site: MakeSite) -> None:
    site = await make_site({"limits": {"connections_per_ip": 3}})
    for n in range(3):
        site.connect(ip=f"2001:db8:1:2::{n + 1}")
    with pytest.raises(LimitExceeded) as refused:
        site.connect(ip="2001:db8:1:2:ffff::9")  # another address, the same /64
    assert refused.value.code == "too_many_connections"
    site.connect(ip="2001:db8:1:3::1")  # the next /64 is another network
