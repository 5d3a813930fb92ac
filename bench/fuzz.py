"""Protocol fuzzing at volume: a million hostile frames against a real server (issue 7).

Starts `causette serve` as a subprocess on 127.0.0.1 (a free port, a temporary data folder,
request budgets out of the way), then sends frames from the generator of the fuzz test
(``tests/transport/hostile.py``) over several connections at once, each connection one frame
at a time so that every answer is matched to its frame. Stops by itself at ``--frames`` or
``--seconds``, whichever comes first, and prints: frames sent, answers, disconnects and
closes, unanswered frames, internal_error answers, tracebacks and error lines in the server's
log, and the server's RSS at the start and at the end.

    .venv/bin/python bench/fuzz.py --frames 1000000 --connections 16 --seconds 1800
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "transport"))

from hostile import FUZZ_LIMITS, Prober, Tally


class ServerLog:
    """Reads the server's JSON log lines, counting tracebacks and error lines."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.tracebacks = 0
        self.errors = 0
        self.samples: list[str] = []
        self.port: int | None = None
        self.started = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            try:
                entry = json.loads(line)
            except ValueError:
                entry = {"level": "error", "event": line.strip(), "exception": "not JSON"}
            if entry.get("event") == "listening":
                self.port = int(entry["port"])
                self.started.set()
            if "exception" in entry or "Traceback" in line:
                self.tracebacks += 1
            if entry.get("level") in ("error", "critical"):
                self.errors += 1
            if ("exception" in entry or entry.get("level") == "error") and len(self.samples) < 5:
                self.samples.append(line.strip()[:500])
        self.started.set()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(data_dir: str) -> tuple[subprocess.Popen[str], ServerLog]:
    config = Path(data_dir) / "fuzz.toml"
    config.write_text(
        "[limits]\n" + "".join(f"{key} = {value}\n" for key, value in FUZZ_LIMITS.items())
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "causette",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data-dir",
            data_dir,
            "--config",
            str(config),
        ],
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
    )
    log = ServerLog(proc)
    if not log.started.wait(30) or log.port is None:
        proc.kill()
        raise RuntimeError("server did not start")
    return proc, log


async def run(frames: int, connections: int, seconds: float, seed: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        proc, log = start_server(data)
        tally = Tally()
        try:
            url = f"ws://127.0.0.1:{log.port}/ws?v=1"
            rss_start = rss_mb(proc.pid)
            start = time.perf_counter()
            deadline = start + seconds
            chunk = 500  # frames per turn of a connection
            per_connection = frames // connections

            async def worker(index: int) -> None:
                rng = random.Random(seed * 1000 + index)
                prober = Prober(url, tally)
                serial = index * 10 * per_connection
                done = 0
                while done < per_connection and time.perf_counter() < deadline:
                    count = min(chunk, per_connection - done)
                    # Half the connections enter first, so that handlers run past the gate.
                    serial = await prober.run(rng, count, serial, enter=index % 2 == 0)
                    done += count

            await asyncio.gather(*(worker(i) for i in range(connections)))
            wall = time.perf_counter() - start
            await asyncio.sleep(1)  # let the last log lines arrive
            print(
                f"frames_sent={tally.sent} answers={tally.answered} "
                f"disconnects_or_closes={tally.disconnects} unanswered={tally.unanswered} "
                f"internal_errors={tally.internal_errors} wrong_re={tally.wrong_re} "
                f"tracebacks={log.tracebacks} error_lines={log.errors} "
                f"server_rss_mb_start={rss_start:.0f} server_rss_mb_end={rss_mb(proc.pid):.0f} "
                f"wall={wall:.0f}s frames_per_s={tally.sent / wall:.0f}"
            )
            top = sorted(tally.codes.items(), key=lambda kv: -kv[1])[:12]
            print("answers by code:", ", ".join(f"{code}={n}" for code, n in top))
            for failure in tally.failures[:5]:
                print("failure:", failure[:300])
            for sample in log.samples:
                print("log:", sample)
        finally:
            proc.terminate()
            proc.wait(15)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--frames", type=int, default=1_000_000)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--seconds", type=float, default=1800.0, help="stop after this long")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    asyncio.run(run(args.frames, args.connections, args.seconds, args.seed))


if __name__ == "__main__":
    main()
