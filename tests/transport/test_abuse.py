"""What one anonymous visitor could do to everyone else, written as the attack: reconnecting to
reset limits, dropping sockets to leave ghosts, filing reports without a cookie, keeping a
second session through a ban. Each attacker connects from its own loopback address (its own
network) and without the device cookie unless said otherwise: a new device every time."""

from __future__ import annotations

import time
from typing import Any

from harness import (
    OTHER_NETWORK,
    Connector,
    Launcher,
    Server,
    connect_from,
    eventually,
    in_room,
)
from test_report_flow import account

from causette.domain.moderation import SanctionKind
from causette.services.moderation.decisions import Action

ATTACKER = "127.0.0.3"
PROFILE: dict[str, Any] = {"age": 30, "gender": "man", "postal_code": "75011"}


async def test_reconnecting_does_not_reset_the_message_budget(
    launch: Launcher, connect_client: Connector
) -> None:
    limits = {"network_burst": 20, "network_rate_per_second": 2.0, "entries_per_minute": 1000}
    server = await launch.start({"limits": {**limits, "network_entries_per_minute": 1000}})
    (watcher,) = await in_room(connect_client, server, "general", "Guetteur")
    started = time.monotonic()
    posted = 0
    # Enter, join, eight messages, quit: the loop that used to deliver 13,472 messages in 30 s.
    for n in range(12):
        spammer = await connect_from(connect_client, server, ATTACKER, device=None)
        await spammer.enter(f"Spam{n}", **PROFILE)
        await spammer.request("join", room="general")
        for i in range(8):
            answer = await spammer.answer("say", room="general", text=f"pub {n}.{i}")
            posted += answer["type"] == "ack"
        await spammer.request("quit")
    elapsed = time.monotonic() - started
    await watcher.drain(0.5)
    delivered = [e for e in watcher.events("message") if e["text"].startswith("pub ")]
    allowed = 20 + 2.0 * elapsed + 2
    assert len(delivered) == posted
    assert posted <= allowed, f"{posted} messages from one network in {elapsed:.1f} s"
    assert posted >= 20  # the budget was spent, not refused from the start


async def test_entries_are_budgeted_per_network(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"limits": {"network_entries_per_minute": 5}})
    codes = []
    for n in range(8):
        visitor = await connect_from(connect_client, server, ATTACKER, device=None)
        answer = await visitor.answer("enter", nickname=f"Entrant{n}", **PROFILE)
        codes.append(answer.get("code", "ok"))
        if answer["type"] == "ack":
            await visitor.request("quit")
    assert codes[:5] == ["ok"] * 5
    assert set(codes[5:]) == {"rate_limited"}
    # Another network is not affected.
    (other,) = await in_room(connect_client, server, "general", "Ailleurs")
    assert other.me["nick"] == "Ailleurs"


async def test_dropped_sockets_leave_a_bounded_number_of_ghosts(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(
        {"limits": {"grace_sessions_per_network": 3, "network_entries_per_minute": 1000}}
    )
    (watcher,) = await in_room(connect_client, server, "general", "Guetteur")
    for n in range(10):
        ghost = await connect_from(connect_client, server, ATTACKER, device=None)
        await ghost.enter(f"Fantome{n}", **PROFILE)
        await ghost.request("join", room="general")
        ghost.abort()  # the connection is lost: no quit, the session waits for a resume

    def ghosts() -> int:
        room = server.app.chat.chat.state.rooms["general"]
        return len(room.members) - 1  # the watcher

    await eventually(lambda: ghosts() <= 3, timeout=5)
    assert ghosts() == 3
    await watcher.drain(0.5)
    # The newest three are the ones still waiting; the others left as timed out.
    left = {e["user"]["nick"] for e in watcher.events("left") if e["reason"] == "timeout"}
    assert left == {f"Fantome{n}" for n in range(7)}


async def test_a_report_flood_without_cookies_is_capped_per_network(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(
        {
            "limits": {
                "network_reports_burst": 4,
                "network_reports_per_minute": 1.0,
                "network_entries_per_minute": 1000,
            }
        }
    )
    targets = await in_room(connect_client, server, "general", *(f"Cible{n}" for n in range(8)))
    accepted = 0
    for n, target in enumerate(targets):
        flooder = await connect_from(connect_client, server, ATTACKER, device=None)
        await flooder.enter(f"Signaleur{n}", **PROFILE)
        answer = await flooder.answer(
            "report",
            target={"user": target.me["id"]},
            category="child_abuse",
            explanation="faux signalement",
            good_faith=True,
        )
        if answer["type"] == "ack":
            accepted += 1
        else:
            assert answer["code"] == "rate_limited"
        await flooder.request("quit")
    assert accepted == 4
    assert len(await server.app.moderation_store.open_cases()) == 4


async def test_a_ban_reaches_the_persons_other_live_session_at_once(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    # The same person in two browsers: two cookies, one network.
    marc = await connect_from(connect_client, server, OTHER_NETWORK)
    await marc.enter("Marc", **PROFILE)
    await marc.request("join", room="general")
    other_browser = await connect_from(connect_client, server, OTHER_NETWORK)
    await other_browser.enter("Marco", **PROFILE)
    await other_browser.request("join", room="general")
    said = await marc.say("general", "t'es qu'une idiote")
    ack = await zoe.request(
        "report",
        target={"message": said["message_id"]},
        category="harassment",
        explanation="insultes",
        good_faith=True,
    )
    moderation = server.app.moderation
    case = next(c for c, _ in await moderation.cases.queue() if c.code == ack["case"])
    mod = await account(server)
    ban = Action(SanctionKind.SITE_BAN, "Insultes.", "CGU art. 4", 86400, network_duration=3600)
    await moderation.decisions.decide(mod, case.id, ban)
    await marc.closed()
    # The other browser, entered before the ban, is ended too by the network binding,
    # without the statement nor its code.
    disconnect = await other_browser.next_event("disconnect")
    assert disconnect["code"] == "network_restricted"
    assert "decision" not in disconnect.get("params", {})
    assert other_browser.events("sanction") == []
    await other_browser.closed()
    assert len(server.app.chat.chat.state.rooms["general"].members) == 1  # Zoé


async def test_a_room_ban_stops_the_persons_other_session_posting_there(
    server: Server, connect_client: Connector
) -> None:
    await in_room(connect_client, server, "general", "Zoé")
    marc = await connect_from(connect_client, server, OTHER_NETWORK)
    await marc.enter("Marc", **PROFILE)
    await marc.request("join", room="general")
    mod = await account(server)
    ban = Action(SanctionKind.ROOM_BAN, "Insultes.", "CGU art. 4", 3600, room="general")
    await server.app.moderation.decisions.act_on_guest(mod, marc.me["id"], ban)
    await eventually(
        lambda: "general" not in server.app.chat.chat.state.guests[marc.me["id"]].rooms
    )
    # A session that is somehow still a member (another node, a race) cannot speak there.
    chat = server.app.chat.chat
    guest = chat.state.guests[marc.me["id"]]
    chat.state.join(guest, "general")
    refused = await marc.refused("say", room="general", text="encore moi")
    assert refused["code"] == "room_banned"
    assert (await marc.refused("join", room="general"))["code"] == "room_banned"


async def test_a_ban_without_the_network_spares_the_shared_network(
    server: Server, connect_client: Connector
) -> None:
    await in_room(connect_client, server, "general", "Zoé")
    marc = await connect_from(connect_client, server, OTHER_NETWORK)
    await marc.enter("Marc", **PROFILE)
    flat_mate = await connect_from(connect_client, server, OTHER_NETWORK)
    await flat_mate.enter("Coloc", **PROFILE)
    mod = await account(server)
    ban = Action(SanctionKind.SITE_BAN, "Insultes.", "CGU art. 4", 86400)
    await server.app.moderation.decisions.act_on_guest(mod, marc.me["id"], ban)
    assert (await marc.next_event("disconnect"))["code"] == "banned"
    assert (await flat_mate.request("join", room="general"))["room"]["id"] == "general"
    newcomer = await connect_from(connect_client, server, OTHER_NETWORK)
    await newcomer.enter("Nouveau", **PROFILE)
    again = await connect_from(connect_client, server, OTHER_NETWORK, marc.device)
    assert (await again.refused("enter", nickname="Marc2", **PROFILE))["code"] == "banned"
