"""Restarting the server loses nothing that was acknowledged, and sessions can resume.

The in-process tests stop the server gracefully (as on SIGTERM); the subprocess test kills
``python -m causette serve`` with SIGKILL, which no code of ours gets to see.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from harness import (
    FRAMES_PER_CONNECTION,
    Client,
    Connector,
    Launcher,
    Server,
    entered,
    in_room,
    open_ws,
)
from websockets.exceptions import ConnectionClosed


async def test_clients_are_told_the_server_is_shutting_down(
    launch: Launcher, connect_client: Connector
) -> None:
    server = await launch.start()
    (zoe,) = await in_room(connect_client, server, "general", "Zoé")
    await server.stop()
    disconnect = await zoe.next_event("disconnect")
    assert disconnect["code"] == "server_shutdown"
    await zoe.closed()


async def test_history_survives_a_graceful_restart(
    launch: Launcher, connect_client: Connector
) -> None:
    first = await launch.start()
    zoe, marc = await in_room(connect_client, first, "general", "Zoé", "Marc")
    acked = [(await zoe.say("general", f"avant {n}"))["message_id"] for n in range(3)]
    acked.append((await marc.say("general", "avant 3"))["message_id"])
    await first.stop()
    second = await launch.start()
    iris = await entered(connect_client, second, "Iris")
    history = (await iris.request("join", room="general"))["room"]["history"]
    assert [m["id"] for m in history] == acked
    assert [m["text"] for m in history] == ["avant 0", "avant 1", "avant 2", "avant 3"]
    # Ids keep increasing after the restart.
    assert (await iris.say("general", "après"))["message_id"] > acked[-1]


async def resume_on(
    connect_client: Connector, server: Server, old: Client, last: int
) -> tuple[Client, dict[str, Any]]:
    client = await connect_client(server, old.device)
    ack = await client.request("resume", token=old.token, last_event_id=last)
    client.me, client.token = ack["me"], old.token
    return client, ack


async def test_session_resumes_after_a_graceful_restart(
    launch: Launcher, connect_client: Connector
) -> None:
    first = await launch.start()
    zoe, marc = await in_room(connect_client, first, "general", "Zoé", "Marc")
    await zoe.request("create_room", name="Les Potes", topic="entre nous")
    await marc.request("join", room="les-potes")
    await marc.request("say", to=zoe.me["id"], text="en privé")
    last = (await zoe.next_event("message"))["id"]
    await first.stop()

    second = await launch.start()
    iris = await entered(connect_client, second, "Iris")
    await iris.request("join", room="general")
    posted = (await iris.say("general", "pendant que tu n'étais pas là"))["message_id"]
    zoe2, ack = await resume_on(connect_client, second, zoe, last)
    assert ack["me"] == zoe.me
    joined = {r["id"]: r for r in ack["joined"]}
    assert set(joined) == {"general", "les-potes"}
    assert {m["nick"] for m in joined["general"]["members"]} == {"Zoé", "Marc", "Iris"}
    assert (joined["les-potes"]["kind"], joined["les-potes"]["owner"]) == ("user", zoe.me["id"])
    assert [p["nick"] for p in ack["privates"]] == ["Marc"]
    assert (await zoe2.next_event("message"))["id"] == posted

    marc2, _ = await resume_on(connect_client, second, marc, last)
    await marc2.say("les-potes", "après le redémarrage")
    assert (await zoe2.next_event("message"))["text"] == "après le redémarrage"
    await marc2.request("say", to=zoe.me["id"], text="toujours en privé")
    assert (await zoe2.next_event("message"))["to"] == zoe.me


async def test_sessions_not_resumed_after_a_restart_time_out(
    launch: Launcher, connect_client: Connector
) -> None:
    overrides = {"session": {"grace_seconds": 0.5}}
    first = await launch.start(overrides)
    zoe, _ = await in_room(connect_client, first, "general", "Zoé", "Marc")
    await first.stop()
    second = await launch.start(overrides)
    zoe2, _ = await resume_on(connect_client, second, zoe, 0)
    left = await zoe2.next_event("left", timeout=3)
    assert (left["user"]["nick"], left["reason"]) == ("Marc", "timeout")


async def test_ignores_survive_a_restart(launch: Launcher, connect_client: Connector) -> None:
    first = await launch.start()
    zoe, bob, iris = await in_room(connect_client, first, "general", "Zoé", "Bob", "Iris")
    await zoe.request("ignore", user=bob.me["id"])
    await first.stop()
    second = await launch.start()
    zoe2, ack = await resume_on(connect_client, second, zoe, 0)
    assert [e["nick"] for e in ack["ignores"]] == ["Bob"]
    bob2, _ = await resume_on(connect_client, second, bob, 0)
    iris2, _ = await resume_on(connect_client, second, iris, 0)
    await bob2.say("general", "après redémarrage")
    await iris2.next_event("message", lambda f: f["text"] == "après redémarrage")
    await zoe2.no_event("message")


async def test_lowering_rooms_max_keeps_the_first_rooms_of_live_sessions(
    launch: Launcher, connect_client: Connector
) -> None:
    first = await launch.start({"limits": {"rooms_max": 3}})
    (zoe,) = await in_room(connect_client, first, "general", "Zoé")
    await zoe.request("join", room="musique")
    await zoe.request("join", room="ouest")
    await first.stop()
    second = await launch.start({"limits": {"rooms_max": 2}})
    _, ack = await resume_on(connect_client, second, zoe, 0)
    assert [r["id"] for r in ack["joined"]] == ["general", "musique"]


async def test_message_ids_keep_increasing_after_the_purge_emptied_the_history(
    launch: Launcher, connect_client: Connector
) -> None:
    purge_all = {"history": {"retention_hours": 0, "max_age_hours": 0}}
    first = await launch.start(purge_all)
    (marc,) = await in_room(connect_client, first, "general", "Marc")
    last = max([(await marc.say("general", f"m{n}"))["message_id"] for n in range(3)])
    await first.stop()
    await (await launch.start(purge_all)).stop()  # its start-up purge deletes them all
    third = await launch.start(purge_all)
    marc2, _ = await resume_on(connect_client, third, marc, last)
    assert (await marc2.say("general", "après"))["message_id"] > last


# -- a real process, killed ------------------------------------------------------------------


class Process:
    """``python -m causette serve`` on a free port, its JSON logs in a file."""

    def __init__(self, data_dir: Path, config: Path, log: Path) -> None:
        self.log = log
        self.handle = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "causette",
                "serve",
                "--port",
                "0",
                "--data-dir",
                str(data_dir),
                "--config",
                str(config),
            ],
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )
        self.port = 0

    async def listening(self) -> Process:
        async with asyncio.timeout(20):
            while True:
                for line in self.log.read_text("utf-8").splitlines():
                    with contextlib.suppress(json.JSONDecodeError):
                        entry = json.loads(line)
                        if entry.get("event") == "listening":
                            self.port = int(entry["port"])
                            return self
                if self.handle.poll() is not None:
                    raise AssertionError(f"server exited: {self.log.read_text('utf-8')}")
                await asyncio.sleep(0.05)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?v=1"

    def kill(self) -> None:
        if self.handle.poll() is None:
            self.handle.send_signal(signal.SIGKILL)
            self.handle.wait(10)


@pytest.fixture
async def processes(tmp_path: Path) -> AsyncIterator[list[Process]]:
    started: list[Process] = []
    yield started
    for process in started:
        process.kill()


async def start_process(tmp_path: Path, started: list[Process]) -> Process:
    config = tmp_path / "causette.toml"
    config.write_text(
        "[limits]\nburst = 1000\nrate_per_second = 1000\n[history]\ncount = 1000\n", "utf-8"
    )
    process = Process(tmp_path / "data", config, tmp_path / f"server{len(started)}.log")
    started.append(process)
    return await process.listening()


async def client_of(process: Process, nickname: str) -> Client:
    client = Client(await open_ws(process.ws_url, f"device-{nickname}"), f"device-{nickname}")
    client.hello = await client.next_event("hello")
    await client.enter(nickname)
    await client.request("join", room="general")
    return client


async def test_every_acknowledged_message_survives_sigkill(
    tmp_path: Path, processes: list[Process]
) -> None:
    first = await start_process(tmp_path, processes)
    senders = [await client_of(first, f"Poster{n}") for n in range(6)]
    for n in range(FRAMES_PER_CONNECTION - 3):  # 132 in all, pipelined
        for index, sender in enumerate(senders):
            await sender.send({"type": "say", "id": n, "room": "general", "text": f"m{index}-{n}"})
    # Kill as soon as some acks came back, while more are in flight.
    await senders[0].reply(5, timeout=10)
    first.kill()
    acked: dict[int, str] = {}
    for index, sender in enumerate(senders):
        with contextlib.suppress(ConnectionClosed, AssertionError):
            await sender.closed(timeout=5)
        for frame in sender.received():
            if frame.get("type") == "ack" and "message_id" in frame:
                acked[frame["message_id"]] = f"m{index}-{frame['re']}"
    assert len(acked) >= 6

    second = await start_process(tmp_path, processes)
    reader = Client(await open_ws(second.ws_url, "device-reader"), "device-reader")
    await reader.next_event("hello")
    await reader.enter("Lecteur")
    history = (await reader.request("join", room="general"))["room"]["history"]
    stored = {m["id"]: m["text"] for m in history}
    missing = {i: t for i, t in acked.items() if stored.get(i) != t}
    assert not missing, f"{len(missing)} acknowledged messages lost"
    ids = [m["id"] for m in history]
    assert ids == sorted(ids)
    await reader.close()


async def test_session_resumes_after_sigkill(tmp_path: Path, processes: list[Process]) -> None:
    first = await start_process(tmp_path, processes)
    zoe = await client_of(first, "Zoé")
    await zoe.say("general", "juste avant")
    first.kill()
    second = await start_process(tmp_path, processes)
    again = Client(await open_ws(second.ws_url, zoe.device), zoe.device)
    await again.next_event("hello")
    ack = await again.request("resume", token=zoe.token, last_event_id=0)
    assert ack["me"] == zoe.me
    assert [r["id"] for r in ack["joined"]] == ["general"]
    assert (await again.next_event("message"))["text"] == "juste avant"
    await again.close()


async def test_logs_carry_no_text_address_postal_code_or_secret(
    tmp_path: Path, processes: list[Process]
) -> None:
    process = await start_process(tmp_path, processes)
    zoe = await client_of(process, "Zoé")
    local_port = zoe.ws.transport.get_extra_info("sockname")[1]
    await zoe.say("general", "canari-du-texte")
    minor = Client(await open_ws(process.ws_url, "device-minor"), "device-minor")
    await minor.next_event("hello")
    await minor.refused("enter", nickname="Petit", age=12, gender="man", postal_code="13001")
    await zoe.request("quit")
    await zoe.closed()
    await minor.close()
    process.kill()
    log = process.log.read_text("utf-8")
    # The log did record what happened, without the details.
    assert "entry refused" in log
    assert "guest entered" in log
    for secret in (
        "canari-du-texte",
        "75011",
        "13001",
        f"127.0.0.1:{local_port}",
        "device-Zoé",
        "device-minor",
        zoe.token,
    ):
        assert secret not in log, secret
