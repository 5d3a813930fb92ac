"""Notice and action over the WebSocket: a visitor reports, a moderator decides, the affected
person reads the statement of reasons and contests it, another moderator reverses it.

Moderators act through ``server.app.moderation`` (the console's service), visitors through
the protocol. Sanctions bind to the device and to the network, so the person sanctioned
connects from another loopback address (127.0.0.2) than the others (127.0.0.1): otherwise a
site ban would reach everyone in the test.
"""

from __future__ import annotations

import time
from itertools import count

import pytest
from harness import (
    OTHER_NETWORK,
    Client,
    Connector,
    Server,
    connect_from,
    in_room,
    offender_in,
)

from causette.domain.accounts import Account, Role
from causette.domain.moderation import EmergencyLevel, SanctionKind
from causette.errors import Refused
from causette.services.moderation.decisions import Action

_accounts = count(1)

STATEMENT_FIELDS = {
    "id", "code", "kind", "room", "duration_seconds", "until", "facts", "ground", "source",
    "notice_source", "automated_detection", "automated_decision", "created_at", "reversed_at",
    "appeal_until",
}  # fmt: skip


async def account(server: Server, role: Role = Role.MODERATOR) -> Account:
    """A console account (no login here: the tests call the service directly)."""
    n = next(_accounts)
    return await server.app.moderation_store.add_account(
        Account(0, f"{role.value}{n}", "not-a-real-hash", role, None, 0, None, time.time())
    )


async def report_message(reporter: Client, message_id: int, category: str = "harassment") -> dict:
    return await reporter.request(
        "report",
        target={"message": message_id},
        category=category,
        explanation="Il insulte tout le monde.",
        good_faith=True,
    )


async def test_report_ban_appeal_and_reversal(server: Server, connect_client: Connector) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    said = await marc.say("general", "t'es qu'une idiote")
    ack = await report_message(zoe, said["message_id"])
    assert ack["receipt"].startswith("R-")
    assert ack["case"].startswith("C-")
    status = await zoe.request("report_status", receipts=[ack["receipt"]])
    assert status["reports"] == [
        {"receipt": ack["receipt"], "category": "harassment", "status": "open",
         "outcome": None, "closed_at": None}
    ]  # fmt: skip

    moderation = server.app.moderation
    queue = await moderation.cases.queue()
    case = next(c for c, _ in queue if c.code == ack["case"])
    mod = await account(server)
    decision = await moderation.decisions.decide(
        mod, case.id,
        Action(SanctionKind.SITE_BAN, "Insultes répétées en salon.", "CGU art. 4", 7 * 86400,
               network_duration=86400),
    )  # fmt: skip

    sanction = await marc.next_event("sanction")
    statement = sanction["decision"]
    assert set(statement) >= STATEMENT_FIELDS
    assert statement["code"] == decision.code
    assert statement["id"] == decision.id
    assert statement["kind"] == "site_ban"
    assert statement["facts"] == "Insultes répétées en salon."
    assert statement["ground"] == "CGU art. 4"
    assert (statement["source"], statement["notice_source"]) == ("notice", "visitor")
    assert statement["automated_decision"] is False
    assert statement["appeal_until"] > statement["created_at"]
    assert statement["until"] is not None
    disconnect = await marc.next_event("disconnect")
    assert disconnect["code"] == "banned"
    assert disconnect["params"]["decision"] == decision.code
    await marc.closed()

    outcome = await zoe.next_event("report_outcome")
    assert outcome == {"type": "report_outcome", "receipt": ack["receipt"], "outcome": "actioned"}
    await zoe.no_event("sanction")
    closed = (await zoe.request("report_status", receipts=[ack["receipt"]]))["reports"][0]
    assert (closed["status"], closed["outcome"]) == ("closed", "actioned")
    assert closed["closed_at"] is not None

    # The same browser comes back: refused, with the decision to read and contest.
    again = await connect_from(connect_client, server, OTHER_NETWORK, marc.device)
    refused = await again.refused("enter", nickname="Marc2", age=30, gender="man",
                                  postal_code="75011")  # fmt: skip
    assert refused["code"] == "banned"
    assert refused["params"]["decision"] == decision.code
    read = await again.request("decision", code=decision.code.lower())
    assert read["decision"]["code"] == decision.code
    assert read["appeals"] == []
    # A new browser on the network the ban binds (for a day) is told that the network is
    # restricted, and until when, never the decision: it may be someone else.
    evader = await connect_from(connect_client, server, OTHER_NETWORK)
    evading = await evader.refused("enter", nickname="Marcus", age=30, gender="man",
                                   postal_code="75011")  # fmt: skip
    assert evading["code"] == "network_restricted"
    assert set(evading["params"]) == {"until"}
    assert decision.code not in evading["message"]

    filed = await again.request("appeal", code=decision.code, text="Je n'ai insulté personne.")
    appeal = filed["appeal"]
    assert appeal["code"].startswith("A-")
    assert (appeal["status"], appeal["appellant"], appeal["answer"]) == (
        "pending", "affected", None,
    )  # fmt: skip
    assert (await again.refused("appeal", code=decision.code, text="Encore"))["code"] == (
        "appeal_pending"
    )
    stored = await server.app.moderation_store.appeal_by_code(appeal["code"])
    assert stored is not None
    with pytest.raises(Refused, match="appeal_same_moderator"):
        await moderation.appeals.decide_appeal(mod, stored.id, True, "Je me déjuge.")
    other = await account(server)
    await moderation.appeals.decide_appeal(
        other, stored.id, True, "Les messages ne sont pas de lui."
    )

    status = (await again.request("appeal_status", code=appeal["code"]))["appeal"]
    assert status["status"] == "reversed"
    assert status["answer"].startswith("Les messages ne sont pas de lui.")
    assert status["decided_at"] is not None
    reversed_ = (await again.request("decision", code=decision.code))["decision"]
    assert reversed_["reversed_at"] is not None
    await again.enter("Marc3")
    await evader.enter("Marcus")


async def test_a_rejected_report_can_be_contested_with_its_receipt(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    said = await marc.say("general", "bonjour")
    ack = await report_message(zoe, said["message_id"], "spam")
    # Not rejected yet: nothing to contest.
    early = await zoe.refused("appeal", code=ack["receipt"], text="?")
    assert early["code"] == "appeal_not_rejected"

    case = next(c for c, _ in await server.app.moderation.cases.queue() if c.code == ack["case"])
    await server.app.moderation.decisions.reject(
        await account(server), case.id, False, "Rien d'illicite."
    )
    assert (await zoe.next_event("report_outcome"))["outcome"] == "rejected"
    report = (await zoe.request("report_status", receipts=[ack["receipt"], "R-NOPE"]))["reports"]
    assert [(r["receipt"], r["status"], r["outcome"]) for r in report] == [
        (ack["receipt"], "closed", "rejected")
    ]
    appeal = (await zoe.request("appeal", code=ack["receipt"], text="C'est une arnaque."))["appeal"]
    assert (appeal["status"], appeal["appellant"]) == ("pending", "reporter")
    await marc.no_event("sanction")


async def test_reports_are_checked(server: Server, connect_client: Connector) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    said = await marc.say("general", "salut")
    target = {"message": said["message_id"]}
    cases = [
        ({"target": target, "category": "nope", "good_faith": True}, "report_category_invalid"),
        ({"target": target, "category": "spam", "good_faith": False},
         "report_good_faith_required"),
        ({"target": target, "category": "spam", "good_faith": True, "explanation": "x" * 2001},
         "report_explanation_invalid"),
        ({"target": {"user": zoe.me["id"]}, "category": "spam", "good_faith": True},
         "report_self"),
        ({"target": {"message": 999_999}, "category": "spam", "good_faith": True},
         "report_target_not_found"),
        ({"target": {}, "category": "spam", "good_faith": True}, "report_target_missing"),
    ]  # fmt: skip
    for fields, code in cases:
        assert (await zoe.refused("report", **fields))["code"] == code, fields
    # A person (with the room where it happened) and a room can be reported too.
    person = await zoe.request(
        "report", target={"user": marc.me["id"], "room": "general"}, category="threat",
        good_faith=True, contact="",
    )  # fmt: skip
    room = await zoe.request("report", target={"room": "general"}, category="terms",
                             good_faith=True)  # fmt: skip
    assert person["receipt"] != room["receipt"]
    assert person["case"] != room["case"]
    # Before entering, only the decision and appeal requests are open.
    stranger = await connect_client(server)
    assert (await stranger.refused("report_status", receipts=[]))["code"] == "not_entered"
    assert (await stranger.refused("decision", code="D-NOPE"))["code"] == "decision_not_found"
    assert (await stranger.refused("appeal_status", code="A-NOPE"))["code"] == "appeal_not_found"


async def test_a_removed_message_disappears_everywhere(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    kept = await zoe.say("general", "on parle de quoi ?")
    said = await marc.say("general", "contenu à retirer")
    message_id = said["message_id"]
    await server.app.moderation.decisions.act_on_message(
        await account(server), message_id,
        Action(SanctionKind.REMOVAL, "Message injurieux.", "CGU art. 4"),
    )  # fmt: skip
    for client in (zoe, marc):
        deleted = await client.next_event("message_deleted")
        assert deleted == {"type": "message_deleted", "id": message_id, "room": "general"}
    statement = (await marc.next_event("sanction"))["decision"]
    assert (statement["kind"], statement["source"]) == ("removal", "own_initiative")
    await zoe.no_event("sanction")

    iris = await connect_client(server)
    await iris.enter("Iris")
    history = (await iris.request("join", room="general"))["room"]["history"]
    ids = [m["id"] for m in history]
    assert kept["message_id"] in ids
    assert message_id not in ids


async def test_a_muted_person_reads_but_cannot_post(
    server: Server, connect_client: Connector
) -> None:
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    decision = await server.app.moderation.decisions.act_on_guest(
        await account(server), marc.me["id"],
        Action(SanctionKind.MUTE, "Flood.", "CGU art. 5", 600),
    )  # fmt: skip
    assert (await marc.next_event("sanction"))["decision"]["kind"] == "mute"
    refused = await marc.refused("say", room="general", text="je peux parler ?")
    assert refused["code"] == "muted"
    assert refused["params"]["decision"] == decision.code
    await zoe.say("general", "toujours là")
    assert (await marc.next_event("message"))["text"] == "toujours là"


async def test_emergency_levels(server: Server, connect_client: Connector) -> None:
    moderation = server.app.moderation
    admin = await account(server, Role.ADMINISTRATOR)
    with pytest.raises(Refused, match="forbidden"):
        await moderation.controls.set_emergency(
            await account(server), EmergencyLevel.CLOSE_ENTRIES, True
        )
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    stranger = await connect_client(server)

    await moderation.controls.set_emergency(admin, EmergencyLevel.CLOSE_ENTRIES, True)
    late = await stranger.refused("enter", nickname="Iris", age=30, gender="woman",
                                  postal_code="75011")  # fmt: skip
    assert late["code"] == "entries_closed"
    await moderation.controls.set_emergency(admin, EmergencyLevel.CLOSE_ENTRIES, False)
    await stranger.enter("Iris")

    await zoe.request("set_privacy", privacy="everyone")
    await moderation.controls.set_emergency(admin, EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY, True)
    refused = await stranger.refused("say", to=zoe.me["id"], text="salut")
    assert refused["code"] == "private_refused_emergency"
    await marc.request("say", to=zoe.me["id"], text="on partage un salon")
    await moderation.controls.set_emergency(admin, EmergencyLevel.PRIVATE_SHARED_ROOM_ONLY, False)
    await stranger.request("say", to=zoe.me["id"], text="salut")

    await moderation.controls.set_emergency(admin, EmergencyLevel.ALL_ROOMS_MODERATED, True)
    assert (await marc.refused("say", room="general", text="allô"))["code"] == "room_moderated"
    await moderation.controls.set_emergency(admin, EmergencyLevel.ALL_ROOMS_MODERATED, False)
    await marc.say("general", "allô")


async def test_a_ban_tells_only_the_person_and_ends_every_session_it_binds(
    server: Server, connect_client: Connector
) -> None:
    """People sharing the banned person's address (a family, a campus) are not told someone
    else's statement of reasons nor its code; a network binding the moderator chose applies
    to their sessions as at entry (it is how the person's own second browser is stopped)."""
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    marc = await offender_in(connect_client, server, "general", "Marc", zoe)
    flat_mate = await connect_from(connect_client, server, OTHER_NETWORK)
    await flat_mate.enter("Coloc")
    said = await marc.say("general", "insulte")
    ack = await report_message(zoe, said["message_id"])
    case = next(c for c, _ in await server.app.moderation.cases.queue() if c.code == ack["case"])
    await server.app.moderation.decisions.decide(
        await account(server),
        case.id,
        Action(SanctionKind.SITE_BAN, "Insultes.", "CGU art. 4", network_duration=86400),
    )
    await marc.next_event("sanction")
    disconnect = await flat_mate.next_event("disconnect")
    assert disconnect["code"] == "network_restricted"
    assert "decision" not in disconnect.get("params", {})
    assert flat_mate.events("sanction") == []
    newcomer = await connect_from(connect_client, server, OTHER_NETWORK)
    refused = await newcomer.refused(
        "enter", nickname="Nouveau", age=30, gender="man", postal_code="75011"
    )
    assert refused["code"] == "network_restricted"


async def test_reports_are_paced_per_device_with_a_clear_error(
    server: Server, connect_client: Connector
) -> None:
    zoe, marc = await in_room(connect_client, server, "general", "Zoé", "Marc")
    said = await marc.say("general", "spam spam spam")
    for _ in range(5):
        await report_message(zoe, said["message_id"], "spam")
    refused = await zoe.refused(
        "report", target={"message": said["message_id"]}, category="spam", good_faith=True
    )
    assert refused["code"] == "rate_limited"
    assert refused["params"]["retry_after"] >= 1
    # Another visitor is not held back by Zoé's reports.
    iris = (await in_room(connect_client, server, "musique", "Iris"))[0]
    assert (await report_message(iris, said["message_id"], "spam"))["receipt"]
