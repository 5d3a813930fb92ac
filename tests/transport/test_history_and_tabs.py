"""Over the wire: older history of a room (`history` with `before`), the count of people in
the `hello`, the away flag, and what one tab does reaching the other."""

from __future__ import annotations

from harness import Connector, Launcher, entered, in_room


async def test_history_before_pages_back_and_hello_counts_people(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"history": {"count": 3}, "limits": {"burst": 50}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    ids = [(await marc.say("general", f"m{n}"))["message_id"] for n in range(5)]
    page = (await zoe.request("history", room="general", before=ids[3]))["messages"]
    assert [m["text"] for m in page] == ["m0", "m1", "m2"]
    assert "away" not in page[0]["from"]
    assert (await zoe.request("history", room="general", before=ids[0]))["messages"] == []
    refused = await zoe.refused("history", room="18-25", before=ids[3])
    assert refused["code"] == "not_in_room"
    bad = await zoe.refused("history", room="general", before="x")
    assert (bad["code"], bad["field"]) == ("bad_request", "before")
    visitor = await connect_client(server)
    assert visitor.hello["online"] == 2
    assert "Zoé" not in str(visitor.hello)


async def test_tabs_of_one_session_follow_each_other_and_away_is_shown(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start({"session": {"grace_seconds": 30}})
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    tab = await connect_client(server, zoe.device)
    await tab.send({"type": "resume", "id": "r", "token": zoe.token, "last_event_id": 0,
                    "fresh": True})  # fmt: skip
    assert (await tab.next_event("ack"))["joined"][0]["id"] == "general"
    await zoe.request("join", room="18-25")
    assert (await tab.next_event("room_entered"))["room"] == "18-25"
    await tab.request("set_privacy", privacy="nobody")
    assert (await zoe.next_event("privacy"))["privacy"] == "nobody"
    zoe.abort()
    await marc.no_event("user_updated")  # one tab is left: not away
    tab.abort()
    away = await marc.next_event("user_updated")
    assert (away["user"]["id"], away["user"]["away"]) == (zoe.me["id"], True)
    again = await entered(connect_client, server, "Iris")
    members = (await again.request("join", room="general"))["room"]["members"]
    assert {m["nick"]: m.get("away", False) for m in members} == {
        "Zoé": True,
        "Marc": False,
        "Iris": False,
    }
