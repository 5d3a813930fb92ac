"""Age bands and the reaction to a self-disclosure, on live sessions (SAFETY.md 1, 3, 5): the
real server, real WebSocket clients, and the console over HTTP.

The teen band holds on every request a client can make about the other band; a person who
says in private that they are a minor is treated as one at once, the conversation with the
adult closes on both sides, and the case, naming the adult, is in the moderators' queue. The
gate is a stand-in for the detectors behind the ``SafetyGate`` port (``DisclosureGate``)."""

from __future__ import annotations

import re
from typing import Any

from harness import Client, Connector, Launcher, Server, entered
from test_console import Console, account

from causette.safety.gate import ALLOW, Conversation, Draft, Signal, Verdict

TEEN_SITE: dict[str, Any] = {
    "entry": {"min_age": 15, "adult_age": 18},
    "rooms": [
        {"name": "Ados", "topic": "", "band": "teen"},
        {"name": "general", "topic": ""},
    ],
}
DISCLOSURE = "j'ai 14 ans"


class DisclosureGate:
    """Answers "the sender said they are a minor" when the text says ``DISCLOSURE``."""

    def inspect(self, draft: Draft, conversation: Conversation) -> Verdict:
        at = draft.text.find(DISCLOSURE)
        if at < 0:
            return ALLOW
        signal = Signal("age.disclosure", 1.0, (at, at + len(DISCLOSURE)))
        return Verdict(disclosure=True, signals=(signal,))


async def open_to_all(client: Client) -> Client:
    await client.request("set_privacy", privacy="everyone")
    return client


async def test_the_teen_band_holds_on_every_request(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start(TEEN_SITE)
    lea = await open_to_all(await entered(connect_client, server, "Lea", age=16))
    tom = await open_to_all(await entered(connect_client, server, "Tom", age=17))
    marc = await open_to_all(await entered(connect_client, server, "Marc", age=35))

    # Room lists.
    assert [r["id"] for r in (await lea.request("list_rooms"))["rooms"]] == ["ados"]
    assert [r["id"] for r in (await marc.request("list_rooms"))["rooms"]] == ["general"]
    # Joins.
    assert (await lea.refused("join", room="general"))["code"] == "room_band_adult"
    assert (await marc.refused("join", room="ados"))["code"] == "room_band_teen"
    await lea.request("join", room="ados")
    joined = await tom.request("join", room="ados")
    # User lists.
    assert {u["nick"] for u in joined["room"]["members"]} == {"Lea", "Tom"}
    await marc.request("join", room="general")
    # Whois.
    assert (await lea.request("whois", user=tom.me["id"]))["user"]["nick"] == "Tom"
    for viewer, target in ((marc, lea), (lea, marc)):
        refused = await viewer.refused("whois", user=target.me["id"])
        assert refused["code"] == "user_not_found"
    # Private messages, both ways.
    for sender, target in ((marc, lea), (lea, marc)):
        refused = await sender.refused("say", to=target.me["id"], text="salut")
        assert refused["code"] == "user_not_found"
    await lea.request("say", to=tom.me["id"], text="coucou")
    assert (await tom.next_event("message"))["text"] == "coucou"
    await marc.no_event("message")
    # The periodic room list: each band hears only its own rooms.
    await tom.request("part", room="ados")
    lists = [(await c.next_event("room_list"))["rooms"] for c in (lea, marc)]
    assert [[r["id"] for r in rooms] for rooms in lists] == [["ados"], ["general"]]


async def test_a_disclosure_in_private_closes_it_and_opens_a_case_in_the_console(
    server: Server, connect_client: Connector
) -> None:
    server.app.chat.messages.gate = DisclosureGate()
    lea = await open_to_all(await entered(connect_client, server, "Lea", device="dev-lea"))
    marc = await open_to_all(await entered(connect_client, server, "Marc", device="dev-marc"))
    await marc.request("say", to=lea.me["id"], text="tu as quel âge ?")
    await lea.next_event("message")

    await lea.request("say", to=marc.me["id"], text=f"{DISCLOSURE} et toi ?")

    for me, other in ((lea, marc), (marc, lea)):
        closed = await me.next_event("private_closed")
        assert (closed["user"]["id"], closed["reason"]) == (other.me["id"], "age_band")
    tip = await lea.next_event("safety_tip")
    assert (tip["advice"], tip["user"]["id"]) == ("minor_help", marc.me["id"])
    for me, other in ((lea, marc), (marc, lea)):
        refused = await me.refused("say", to=other.me["id"], text="allô ?")
        assert refused["code"] in ("private_closed", "user_not_found")
    assert (await marc.refused("whois", user=lea.me["id"]))["code"] == "user_not_found"

    await account(server, "vigie")
    console = Console(server)
    try:
        assert (await console.login("vigie")).status_code == 303
        queue = (await console.get("/moderation/queue")).text
        cases = re.findall(r'href="/moderation/cases/(\d+)">(C-[A-Z0-9]+)<', queue)
        assert len(cases) == 2  # Lea's, and Marc's
        pages = [(await console.get(f"/moderation/cases/{n}")).text for n, _ in cases]
        lea_page = next(p for p in pages if "Personnes nommées par la détection" in p)
        assert "Marc" in lea_page
        assert marc.me["id"] in lea_page
        assert DISCLOSURE.replace("'", "&#39;") in lea_page
        assert 'class="case p0"' in queue
        marc_page = next(p for p in pages if p is not lea_page)
        assert lea.me["id"] in marc_page
    finally:
        await console.close()
