"""Dropped connections: the grace period, resuming without loss or duplicates, several
connections of one session."""

from __future__ import annotations

from typing import Any

from harness import Client, Connector, Launcher, Server, entered, in_room, posters


def message_ids(frames: list[dict[str, Any]]) -> list[int]:
    return [int(f["id"]) for f in frames if f.get("type") == "message"]


async def resume(connect_client: Connector, server: Server, old: Client, last: int) -> Client:
    """A new connection from ``old``'s device that resumes ``old``'s session."""
    client = await connect_client(server, old.device)
    client.me, client.token = old.me, old.token
    await client.send({"type": "resume", "id": "r", "token": old.token, "last_event_id": last})
    return client


async def test_resume_restores_rooms_and_replays_every_missed_message_once(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    await zoe.request("join", room="musique")
    await marc.request("join", room="musique")
    seen = (await zoe.say("general", "avant"))["message_id"]
    zoe.abort()
    missed = [
        (await marc.say("general", "un"))["message_id"],
        (await marc.say("musique", "deux"))["message_id"],
        (await marc.request("say", to=zoe.me["id"], text="trois"))["message_id"],
        (await marc.say("general", "quatre"))["message_id"],
    ]
    again = await resume(connect_client, server, zoe, seen)
    ack = await again.next_event("ack")
    assert ack["re"] == "r"
    assert ack["me"] == zoe.me
    assert ack["token"] == zoe.token
    joined = {r["id"]: r for r in ack["joined"]}
    assert set(joined) == {"general", "musique"}
    assert {m["nick"] for m in joined["general"]["members"]} == {"Zoé", "Marc"}
    assert [p["nick"] for p in ack["privates"]] == ["Marc"]
    await again.drain(0.3)
    received = again.received()
    # The missed messages come right after the answer, oldest first, each once.
    after_ack = received[received.index(next(f for f in received if f.get("re") == "r")) + 1 :]
    assert message_ids(after_ack) == missed
    texts = [f["text"] for f in after_ack if f["type"] == "message"]
    assert texts == ["un", "deux", "trois", "quatre"]


async def test_others_never_see_a_dropped_guest_leave_within_the_grace_period(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    zoe.abort()
    await marc.say("general", "tu es là ?")
    again = await resume(connect_client, server, zoe, 0)
    await again.next_event("ack")
    await again.say("general", "oui")
    await marc.next_event("message", lambda f: f["text"] == "oui")
    await marc.no_event("left")
    assert not [f for f in marc.received() if f["type"] == "left"]


async def test_messages_posted_during_a_resume_arrive_exactly_once_in_order(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(
        {
            "limits": {
                "burst": 500,
                "rate_per_second": 100,
                "network_burst": 500,
                "network_rate_per_second": 100,
            }
        }
    )
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    senders = await posters(connect_client, server, "general", 4)
    for sender in senders:
        sender.buffer.clear()
    posted = 24  # per round: 6 per sender, 18 in all, within each connection's budget
    for round_ in range(3):
        seen = max([0, *message_ids(zoe.received())])
        zoe.abort()
        for n in range(posted):
            say = {"type": "say", "id": f"{round_}-{n}", "room": "general", "text": "x"}
            await senders[n % 4].send(say)
            if n == posted // 2:
                zoe = await resume(connect_client, server, zoe, seen)
        await zoe.reply("r")
        expected = [
            (await senders[n % 4].reply(f"{round_}-{n}"))["message_id"] for n in range(posted)
        ]
        await zoe.drain(0.2)
        ids = [i for i in message_ids(zoe.received()) if i > seen]
        assert ids == sorted(expected), f"round {round_}"
        for sender in senders:
            sender.buffer.clear()


async def test_a_second_connection_joins_the_session_and_quit_closes_both(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    second = await resume(connect_client, server, zoe, 0)
    assert (await second.next_event("ack"))["me"] == zoe.me
    await marc.say("general", "pour les deux onglets")
    for tab in (zoe, second):
        assert (await tab.next_event("message"))["text"] == "pour les deux onglets"
    await zoe.no_event("disconnect")
    await second.request("quit")
    disconnect = await zoe.next_event("disconnect")
    assert disconnect["code"] == "session_ended"
    await zoe.closed()
    await second.closed()
    left = await marc.next_event("left")
    assert (left["user"]["id"], left["reason"]) == (zoe.me["id"], "quit")


async def test_resume_after_the_grace_period_is_session_expired(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"session": {"grace_seconds": 0.5}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    zoe.abort()
    left = await marc.next_event("left", timeout=3)
    assert (left["user"]["id"], left["reason"]) == (zoe.me["id"], "timeout")
    again = await connect_client(server, zoe.device)
    error = await again.refused("resume", token=zoe.token, last_event_id=0)
    assert error["code"] == "session_expired"
    # The nickname is free again.
    assert (await again.enter("Zoé"))["me"]["id"] != zoe.me["id"]


async def test_grace_period_is_not_cut_short(launch: Launcher, connect_client: Connector) -> None:
    server = await launch.start({"session": {"grace_seconds": 1.0}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    zoe.abort()
    await marc.no_event("left", within=0.6)
    again = await resume(connect_client, server, zoe, 0)
    assert (await again.next_event("ack"))["me"] == zoe.me
    # Resuming stopped the clock: nobody sees Zoé time out later.
    await marc.no_event("left", within=0.8)


async def test_resume_with_an_unknown_token_is_session_expired(
    server: Server, connect_client: Connector
) -> None:
    client = await connect_client(server)
    error = await client.refused("resume", token="nope", last_event_id=0)
    assert error["code"] == "session_expired"
    assert (await client.refused("join", room="general"))["code"] == "not_entered"


async def test_resume_on_an_entered_connection_is_already_entered(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    marc = await entered(connect_client, server, "Marc")
    error = await marc.refused("resume", token=zoe.token, last_event_id=0)
    assert error["code"] == "already_entered"


async def test_resume_does_not_replay_messages_of_ignored_people(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob, iris = await in_room(connect_client, server, "general", "Zoé", "Bob", "Iris")
    await zoe.request("ignore", user=bob.me["id"])
    zoe.abort()
    await bob.say("general", "ignoré")
    kept = (await iris.say("general", "gardé"))["message_id"]
    again = await resume(connect_client, server, zoe, 0)
    await again.next_event("ack")
    await again.drain(0.3)
    assert [(f["id"], f["text"]) for f in again.events("message")] == [(kept, "gardé")]


async def test_silent_connection_is_closed_idle_timeout_and_can_resume(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    # The configured minimum is 10 s. Each read arms the listener's current value, so lower
    # it for Zoé's next read only.
    server.app.web.idle_timeout = 0.3
    await zoe.request("ping")
    server.app.web.idle_timeout = 90
    disconnect = await zoe.next_event("disconnect", timeout=2)
    assert disconnect["code"] == "idle_timeout"
    await zoe.closed()
    await marc.no_event("left")
    again = await resume(connect_client, server, zoe, 0)
    assert (await again.next_event("ack"))["me"] == zoe.me
    await marc.request("ping")


async def test_a_dropped_guests_nickname_stays_taken_during_the_grace_period(
    server: Server, connect_client: Connector
) -> None:
    zoe = await entered(connect_client, server, "Zoé")
    zoe.abort()
    other = await connect_client(server)
    error = await other.refused("enter", nickname="zoe", age=30, gender="man", postal_code="13001")
    assert error["code"] == "nickname_taken"
