"""End-to-end fan-out over real WebSockets: server CPU per delivered message.

Starts `causette serve` as a subprocess on a free port with a temporary data folder, connects
N visitors (raw WebSocket clients, in this process) to one room, has a few of them post, waits
until every member received every message, and reads the server's CPU time from /proc.

    .venv/bin/python bench/room_e2e.py --members 300 --messages 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from websockets.asyncio.client import ClientConnection, connect


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def start_server(data_dir: str, config: str) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "causette",
            "serve",
            "--port",
            "0",
            "--data-dir",
            data_dir,
            "--config",
            config,
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        entry = json.loads(line)
        if entry.get("event") == "listening":
            # Keep reading the log so the server never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, int(entry["port"])
    raise RuntimeError("server did not start")


async def member(url: str, index: int) -> ClientConnection:
    ws = await connect(url, max_size=None)
    await ws.recv()
    await ws.send(
        json.dumps(
            {
                "type": "enter",
                "id": 1,
                "nickname": f"bench{index:05d}",
                "age": 30,
                "gender": "other",
                "postal_code": "75011",
            }
        )
    )
    while '"re":1' not in await ws.recv():
        pass
    await ws.send(json.dumps({"type": "join", "id": 2, "room": "general"}))
    while '"re":2' not in await ws.recv():
        pass
    return ws


async def count_messages(ws: ClientConnection, expected: int) -> None:
    seen = 0
    while seen < expected:
        frame = await ws.recv()
        seen += frame.count('"type":"message"')


async def run(members: int, messages: int, senders: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        config = Path(data) / "bench.toml"
        config.write_text(
            "[limits]\nconnections_per_ip = 100000\nburst = 1000\nrate_per_second = 1000\n"
            "requests_burst = 100000\nrequests_per_second = 100000\n"
            "network_burst = 1000000\nnetwork_rate_per_second = 1000000\n"
            "network_entries_per_minute = 1000000\nentries_per_minute = 1000\n"
            "outbox_max_bytes = 67108864\n"
        )
        proc, port = start_server(data, str(config))
        try:
            url = f"ws://127.0.0.1:{port}/ws?v=1"
            clients = []
            for i in range(members):
                clients.append(await member(url, i))
            await asyncio.sleep(1.5)  # let join/room-list traffic settle
            for ws in clients:  # drop what joins produced
                try:
                    while True:
                        await asyncio.wait_for(ws.recv(), 0.001)
                except TimeoutError:
                    pass
            counters = [asyncio.create_task(count_messages(ws, messages)) for ws in clients]
            cpu0, wall0 = cpu_seconds(proc.pid), time.perf_counter()
            per_sender = messages // senders
            for n in range(per_sender):
                for s in range(senders):
                    await clients[s].send(
                        json.dumps(
                            {
                                "type": "say",
                                "id": f"m{n}",
                                "room": "general",
                                "text": f"message {n} {secrets.token_hex(8)}",
                            }
                        )
                    )
            await asyncio.wait_for(asyncio.gather(*counters), 300)
            wall = time.perf_counter() - wall0
            cpu = cpu_seconds(proc.pid) - cpu0
            delivered = members * per_sender * senders
            print(
                f"members={members} messages={per_sender * senders} delivered={delivered} "
                f"server_cpu={cpu:.2f}s wall={wall:.2f}s "
                f"server_cpu_per_delivery={cpu / delivered * 1e6:.2f}us "
                f"deliveries_per_s={delivered / wall:.0f}"
            )
            for ws in clients:
                await ws.close()
        finally:
            proc.terminate()
            proc.wait(10)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--members", type=int, default=300)
    p.add_argument("--messages", type=int, default=200)
    p.add_argument("--senders", type=int, default=4)
    args = p.parse_args()
    asyncio.run(run(args.members, args.messages, args.senders))


if __name__ == "__main__":
    main()
