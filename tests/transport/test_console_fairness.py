"""The console shows each frozen exchange once, with the reports pointing into it, writes its
audit trail as sentences, and lets a moderator answer a network review."""

from __future__ import annotations

import re
from typing import Any

from harness import OTHER_NETWORK, Connector, Server, connect_from, in_room, offender_in
from test_console import browser, case_id, logged_in, report

__all__ = ["browser"]  # the fixture, used by name

PROFILE: dict[str, Any] = {"age": 30, "gender": "man", "postal_code": "75011"}


def section(page: str, heading: str) -> str:
    """The HTML of the page's section under ``heading``."""
    start = page.index(f"<h2>{heading}</h2>")
    end = page.find("<section", start)
    return page[start : end if end != -1 else None]


async def test_one_message_reported_three_times_shows_its_evidence_once(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    zoe, iris, max_ = await in_room(connect_client, server, "general", "Zoé", "Iris", "Max")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe, iris, max_)
    await zoe.say("general", "bonsoir")
    said = await marc.say("general", "une insulte")
    later = await marc.say("general", "une autre insulte")
    acks = [await report(who, said["message_id"]) for who in (zoe, iris, max_)]
    acks.append(await report(zoe, later["message_id"]))
    moderator = await logged_in(server, browser, "helene")
    number = case_id((await moderator.get("/moderation/queue")).text, acks[0]["case"])
    page = (await moderator.get(f"/moderation/cases/{number}")).text
    evidence = section(page, "Preuves figées")
    # One conversation, each message once, both reported ones marked.
    assert evidence.count('<div class="conversation">') == 1
    assert evidence.count(f'id="m{said["message_id"]}"') == 1
    assert evidence.count("bonsoir") == 1
    assert evidence.count('aria-current="true"') == 2
    receipts = re.search(r"Signalements qui y renvoient : ([^<]+)<", evidence)
    assert receipts is not None
    assert receipts[1].split(", ") == [a["receipt"] for a in acks]

    decided = await moderator.post(
        f"/moderation/cases/{number}/decide",
        kind="mute",
        facts="Insultes.",
        ground_choice="law_harassment",
        duration="3600",
    )
    assert decided.status_code == 303
    page = (await moderator.get(f"/moderation/cases/{number}")).text
    trail = section(page, "Journal du dossier")
    assert "{" not in trail  # no JSON left
    lines = re.findall(r"<li><time>[^<]+</time> ([^<]+)</li>", trail)
    assert lines[0] == f"Signalement {acks[0]['receipt']} reçu (visiteur, Harcèlement) : " + (
        "le dossier est ouvert."
    )
    assert lines[1].endswith(": joint au dossier.")
    assert any(
        line.startswith("helene (modération) a décidé : Rendre muet") and "1 h" in line
        for line in lines
    )
    assert "helene (modération) a clos le dossier : mesure prise." in lines
    # The decision's statement links to the article of the rules it applies.
    assert '<a href="/regles#art-1">règle appliquée</a>' in page
    english = (await moderator.get(f"/moderation/cases/{number}?lang=en")).text
    assert "helene (moderator) closed the case: actioned." in english
    assert "Reports pointing into it: " in english


async def test_a_moderator_spares_a_device_caught_by_a_network_binding(
    server: Server, browser: Any, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    said = await marc.say("general", "une menace")
    ack = await report(zoe, said["message_id"])
    helene = await logged_in(server, browser, "helene")
    number = case_id((await helene.get("/moderation/queue")).text, ack["case"])
    page = (await helene.get(f"/moderation/cases/{number}")).text
    # The network box is ticked by default, for a day.
    assert re.search(r'name="bind_network" value="1" checked', page)
    assert re.search(r'<option value="86400" selected', page)
    banned = await helene.post(
        f"/moderation/cases/{number}/decide",
        kind="site_ban",
        facts="Menaces.",
        ground_choice="law_threat",
        duration="604800",
        bind_network="1",
        network_duration="86400",
    )
    assert banned.status_code == 303
    await marc.closed()

    sister = await connect_from(connect_client, server, OTHER_NETWORK)
    refused = await sister.refused("enter", nickname="Lea", **PROFILE)
    assert refused["code"] == "network_restricted"
    filed = await sister.request("network_review", text="Je suis sa sœur, pas lui.")
    assert filed["appeal"]["appellant"] == "network"

    queue = (await helene.get("/moderation/queue")).text
    assert "Demandes de réexamen d&#39;un réseau en attente : 1" in queue
    ines = await logged_in(server, browser, "ines")
    appeals = (await ines.get("/moderation/appeals")).text
    assert "Je suis sa sœur, pas lui." in appeals
    assert "Lever pour cet appareil" in appeals
    appeal_id = int(re.findall(r'id="appeal-(\d+)"', appeals)[0])
    spared = await ines.post(
        f"/moderation/appeals/{appeal_id}", outcome="reverse", answer="Appareil distinct."
    )
    assert spared.status_code == 303
    welcome = await sister.request("enter", nickname="Lea", **PROFILE)
    assert welcome["me"]["nick"] == "Lea"
    status = await sister.request("appeal_status", code=filed["appeal"]["code"])
    assert status["appeal"]["status"] == "reversed"
    # Everyone else on the network is still held back.
    cousin = await connect_from(connect_client, server, OTHER_NETWORK)
    assert (await cousin.refused("enter", nickname="Cousin", **PROFILE))["code"] == (
        "network_restricted"
    )
    trail = section((await ines.get(f"/moderation/cases/{number}")).text, "Journal du dossier")
    assert "restriction du réseau levée pour cet appareil" in trail
