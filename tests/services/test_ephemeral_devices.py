"""A client without the device cookie is a new device at every connection: what it binds to
that device (ignores, the declaration) lives as long as its session, and nothing grows."""

from __future__ import annotations

from visitors import PROFILE, Site, Visitor

from causette.live.hub import Outbox
from causette.protocol import web
from causette.services.chat import Link


async def cookieless(site: Site, nickname: str, device: str) -> Visitor:
    link = Link("192.0.2.50", device, Outbox(web.CODEC, 1 << 20), ephemeral=True)
    site.services.sessions.admit(link)
    entered = await site.entered(link, nickname, **PROFILE)
    return Visitor(link, entered.guest.id, nickname, entered.token, device)


async def test_a_cookieless_visitors_ignores_and_declaration_end_with_its_session(
    site: Site,
) -> None:
    zoe = await site.enter("Zoé")
    anon = await cookieless(site, "Passant", "dev-anon")
    await site.services.people.ignore(anon.link, zoe.id)
    await site.services.people.ignore(zoe.link, anon.id)
    assert await site.store.get_declaration("dev-anon") is None
    assert len(await site.store.ignores_of("dev-anon")) == 1
    await site.services.sessions.quit(anon.link)
    assert await site.store.ignores_of("dev-anon") == []
    # Zoé's ignore of a device that can never come back is gone from storage too.
    assert await site.store.ignores_of(zoe.device) == []
    assert site.services.chat.state.ignores_of("dev-anon") == []


async def test_a_devices_ignores_leave_memory_with_its_last_session_and_come_back(
    site: Site,
) -> None:
    zoe, marc = await site.enter("Zoé"), await site.enter("Marc")
    await site.services.people.ignore(zoe.link, marc.id)
    state = site.services.chat.state
    await site.services.sessions.quit(zoe.link)
    assert state.ignores_of(zoe.device) == []
    assert not state.is_ignoring(zoe.device, marc.device)
    again = await site.enter("Zoé", device=zoe.device)
    assert [e.ignored_device for e in state.ignores_of(again.device)] == [marc.device]
    assert await site.store.get_declaration(zoe.device) is not None
