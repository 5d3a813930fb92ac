"""Connection data (LCEN): every acknowledged message has its address, port, protocol and time
in the sealed connection log, and nowhere else."""

from __future__ import annotations

from harness import Connector, Server, in_room


async def test_each_message_records_its_connection_and_the_chat_store_does_not(
    server: Server, connect_client: Connector
) -> None:
    zoe, bob = await in_room(connect_client, server, "general", "Zoé", "Bob")
    ack = await zoe.say("general", "bonjour")
    await bob.request("say", to=zoe.me["id"], text="coucou")  # private messages too
    (record,) = await server.app.connections.of_messages([ack["message_id"]])
    local_port = zoe.ws.local_address[1]
    assert (record.guest_id, record.ip, record.port) == (zoe.me["id"], "127.0.0.1", local_port)
    assert record.protocol == "web"
    records = await server.app.connections.of_guests([bob.me["id"]], 0, 2e9)
    assert len(records) == 1
    rows = await server.app.store.rows("SELECT * FROM message")
    assert all("127.0.0.1" not in str(tuple(row)) for row in rows)
