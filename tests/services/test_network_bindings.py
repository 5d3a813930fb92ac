"""Measures that hit the right person: a mute, a kick and a room ban bind the device alone; a
site ban binds the device and, when the moderator chooses, the network for a shorter time.
Someone else caught by a network binding is told the truth without the decision, and asks for
a review that reaches the moderators, who may spare that device."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from visitors import MakeSite, Site, Visitor, closed_reason, events

from causette.domain.accounts import Account, Role
from causette.domain.moderation import AppealStatus, Appellant, Decision, SanctionKind
from causette.errors import InvalidInput, Refused
from causette.services.moderation.decisions import Action
from causette.services.moderation.service import (
    ModerationPolicy,
    ModerationService,
    build_moderation,
)
from causette.store.sqlite.moderation import SqliteModerationStore

ANNE = Account(3, "modo-anne", "", Role.MODERATOR, None, 0, None, 0.0)
BRUNO = Account(4, "modo-bruno", "", Role.MODERATOR, None, 0, None, 0.0)
HOME = "192.0.2.20"  # one address for a whole family
DAY = 86400.0


@dataclass
class World:
    site: Site
    mod: ModerationService
    store: SqliteModerationStore


@pytest.fixture
async def world(make_site: MakeSite) -> World:
    site = await make_site({"rooms": [{"name": "general", "topic": ""}]})
    store = SqliteModerationStore(site.store)
    mod = build_moderation(site.services, site.store, store, ModerationPolicy(), site.clock)
    await mod.start()
    return World(site, mod, store)


async def family(w: World) -> tuple[Visitor, Visitor]:
    """Marc and his sister, on two devices behind one address, both in the room."""
    marc = await w.site.enter("Marc", ip=HOME, device="dev-marc")
    sister = await w.site.enter("Lea", ip=HOME, device="dev-lea")
    for v in (marc, sister):
        await w.site.services.rooms.join(v.link, "general")
    return marc, sister


async def act(w: World, who: Visitor, action: Action) -> Decision:
    return await w.mod.decisions.act_on_guest(ANNE, who.id, action)


async def test_a_mute_binds_the_device_only(world: World) -> None:
    marc, sister = await family(world)
    await act(world, marc, Action(SanctionKind.MUTE, "Insultes.", "Règles art. 3", 3600))
    with pytest.raises(Refused, match="muted"):
        await world.site.say(marc, "general", "encore ?")
    await world.site.say(sister, "general", "moi je parle")
    # A new device on the same address speaks too.
    cousin = await world.site.enter("Cousin", ip=HOME)
    await world.site.services.rooms.join(cousin.link, "general")
    await world.site.say(cousin, "general", "moi aussi")


async def test_a_kick_binds_the_device_only(world: World) -> None:
    marc, sister = await family(world)
    kick = Action(SanctionKind.KICK, "Hors sujet.", "Règles art. 6", room="general")
    await act(world, marc, kick)
    room = world.site.services.chat.state.rooms["general"]
    assert marc.id not in room.members
    assert sister.id in room.members


async def test_a_room_ban_binds_the_device_only(world: World) -> None:
    marc, sister = await family(world)
    ban = Action(SanctionKind.ROOM_BAN, "Insultes.", "Règles art. 3", 3600, room="general")
    await act(world, marc, ban)
    assert sister.id in world.site.services.chat.state.rooms["general"].members
    with pytest.raises(Refused, match="room_banned"):
        await world.site.services.rooms.join(marc.link, "general")
    cousin = await world.site.enter("Cousin", ip=HOME)
    assert (await world.site.services.rooms.join(cousin.link, "general")).room.id == "general"


async def test_only_a_site_ban_may_bind_the_network(world: World) -> None:
    marc, _ = await family(world)
    with pytest.raises(InvalidInput, match="action_network_duration_invalid"):
        await act(world, marc, Action(SanctionKind.MUTE, "F.", "G", 3600, network_duration=60))


async def test_a_site_ban_binds_the_device_and_the_network_for_its_shorter_time(
    world: World,
) -> None:
    site = world.site
    marc, sister = await family(world)
    now = site.clock.wall()
    ban = Action(SanctionKind.SITE_BAN, "Menaces.", "Règles art. 2", 7 * DAY, network_duration=DAY)
    decision = await act(world, marc, ban)
    await site.settle()
    assert closed_reason(marc) == "banned"
    # The sister's session ends too, told the truth and nothing of the decision.
    assert closed_reason(sister) == "network_restricted"
    assert sister.link.outbox.close_params == {"until": now + DAY}
    assert await events(sister, "sanction") == []
    (sanction,) = await world.store.sanctions_of_decision(decision.id)
    assert (sanction.expires_at, sanction.network_until) == (now + 7 * DAY, now + DAY)
    with pytest.raises(Refused) as refused:
        await site.enter("Nouveau", ip=HOME)
    assert (refused.value.code, refused.value.params) == (
        "network_restricted",
        {"until": now + DAY},
    )
    # The network binding ends after a day; the person's own device stays banned.
    await site.advance(DAY)
    assert (await site.enter("Nouveau", ip=HOME)).nick == "Nouveau"
    with pytest.raises(Refused) as own:
        await site.enter("Marc2", ip="198.51.100.7", device="dev-marc")
    assert (own.value.code, own.value.params["decision"]) == ("banned", decision.code)


async def test_a_site_ban_without_the_network_spares_the_family(world: World) -> None:
    marc, sister = await family(world)
    await act(world, marc, Action(SanctionKind.SITE_BAN, "Menaces.", "Règles art. 2", DAY))
    await world.site.settle()
    assert closed_reason(marc) == "banned"
    assert closed_reason(sister) is None
    assert (await world.site.enter("Cousin", ip=HOME)).nick == "Cousin"


async def test_another_device_asks_for_a_review_that_a_moderator_grants_for_it_alone(
    world: World,
) -> None:
    site, appeals = world.site, world.mod.appeals
    marc, _sister = await family(world)
    ban = Action(SanctionKind.SITE_BAN, "Menaces.", "Règles art. 2", 7 * DAY, network_duration=DAY)
    code = (await act(world, marc, ban)).code
    await site.settle()
    lea = site.connect(ip=HOME, device="dev-lea")
    with pytest.raises(Refused, match="network_restricted"):
        await site.entered(lea, "Lea")
    review = await appeals.request_review(lea.device, lea.network, "C'est mon frère, pas moi.")
    assert (review.appellant, review.status, review.device) == (
        Appellant.NETWORK,
        AppealStatus.PENDING,
        "dev-lea",
    )
    with pytest.raises(Refused, match="review_pending"):
        await appeals.request_review(lea.device, lea.network, "")
    # A device that nothing holds back has nothing to ask.
    elsewhere = site.connect(ip="203.0.113.5")
    with pytest.raises(Refused, match="review_not_restricted"):
        await appeals.request_review(elsewhere.device, elsewhere.network, "")
    # It reaches the moderators' list, with what it contests.
    (pending,) = await appeals.pending()
    assert pending.appeal.id == review.id
    assert pending.decision is not None
    assert pending.decision.code == code
    # The person the decision concerns does not see someone else's review of it.
    _, theirs = await appeals.decision_by_code(code)
    assert theirs == []
    # Another moderator spares that device; the decision stands for everyone else.
    decided = await appeals.decide_appeal(BRUNO, review.id, True, "Appareil distinct.")
    assert decided.status is AppealStatus.REVERSED
    assert (await site.entered(lea, "Lea")).guest.profile.nickname == "Lea"
    with pytest.raises(Refused, match="network_restricted"):
        await site.enter("Cousin", ip=HOME)
    with pytest.raises(Refused, match="banned"):
        await site.enter("Marc2", ip=HOME, device="dev-marc")
    stored = await world.store.decision_by_code(code)
    assert stored is not None
    assert stored.reversed_at is None
    # Both steps are in the audit log.
    steps = [
        (e.action, e.details.get("appellant"), e.details.get("outcome"))
        for e in await world.store.entries(0, site.clock.wall() + 1)
        if e.action.startswith("appeal_")
    ]
    assert steps == [("appeal_filed", "network", None), ("appeal_decided", "network", "reversed")]


async def test_a_moderator_may_keep_the_network_binding(world: World) -> None:
    site, appeals = world.site, world.mod.appeals
    marc, _ = await family(world)
    ban = Action(SanctionKind.SITE_BAN, "Menaces.", "Règles art. 2", DAY, network_duration=DAY)
    await act(world, marc, ban)
    await site.settle()
    lea = site.connect(ip=HOME, device="dev-lea")
    review = await appeals.request_review(lea.device, lea.network, "")
    await appeals.decide_appeal(BRUNO, review.id, False, "Le réseau reste restreint.")
    with pytest.raises(Refused, match="network_restricted"):
        await site.entered(lea, "Lea")
    # One request per device and decision: the answer was given.
    with pytest.raises(Refused, match="review_done"):
        await appeals.request_review(lea.device, lea.network, "encore")
    followed = await appeals.appeal_status(review.code)
    assert followed.status is AppealStatus.UPHELD
