"""Page weight of a cold load of the entry page, and time to a usable form, on emulated Fast 3G.

Starts `causette serve` as a subprocess on a free port with a temporary data folder, opens the
entry page in Debian's Chromium (Playwright) with the cache disabled and Chrome DevTools' "Fast
3G" preset applied through CDP (`Network.emulateNetworkConditions`: 562.5 ms latency,
1.6 Mbit/s down and 750 kbit/s up, each times 0.9), and counts what crossed the wire.

"Usable" is observable: the client sets `data-ready` on the entry form once its submit handler
is attached. A client without that attribute (an older build) is timed to the end of its last
script or JSON response instead, the earliest moment its boot could have finished.

    .venv/bin/python bench/page_weight.py --runs 5
    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8080/   # a running server
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
FAST_3G = {
    "offline": False,
    "latency": 150 * 3.75,
    "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
    "uploadThroughput": 750 * 1000 / 8 * 0.9,
}
SLOW_3G = {
    "offline": False,
    "latency": 400 * 5,
    "downloadThroughput": 500 * 1000 / 8 * 0.8,
    "uploadThroughput": 500 * 1000 / 8 * 0.8,
}
READY = "#entry-form[data-ready]"
READY_TIMEOUT_MS = 30_000
# Notes, inside the page, when the client marks the form ready: measured where it happens, not
# when Playwright next polls.
WATCH_READY = """
new MutationObserver((_, observer) => {
  if (document.querySelector('#entry-form[data-ready]')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true, attributes: true });
"""


def start_server(data_dir: str) -> tuple[subprocess.Popen[str], int]:
    """`causette serve` on a free port; returns the process and its port."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "causette", "serve", "--port", "0", "--data-dir", data_dir],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") == "listening":
            # Keep reading the log so the server never blocks on a full pipe.
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, int(entry["port"])
    raise RuntimeError("the server did not start")


@dataclass
class Load:
    """One cold load: the HTTP requests, bytes received and the time to a usable form."""

    requests: int = 0
    wire_bytes: int = 0
    ready_ms: float = 0.0
    ready_observed: bool = False
    encodings: dict[str, str] = field(default_factory=dict)


def cold_load(browser: Browser, url: str, conditions: dict[str, Any]) -> Load:
    """Load ``url`` in a fresh context, cache disabled, under ``conditions``."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.add_init_script(WATCH_READY)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", conditions)
    load = Load()
    urls: dict[str, str] = {}
    kinds: dict[str, str] = {}
    finished: dict[str, float] = {}
    start: list[float] = []

    def sent(e: dict[str, Any]) -> None:
        if not start:
            start.append(e["timestamp"])
        if e["request"]["url"].startswith("http"):
            urls[e["requestId"]] = e["request"]["url"]
            kinds[e["requestId"]] = e.get("type", "")

    def received(e: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in e["response"]["headers"].items()}
        path = e["response"]["url"].split("/", 3)[-1]
        load.encodings["/" + path] = headers.get("content-encoding", "identity")

    def done(e: dict[str, Any]) -> None:
        if e["requestId"] in urls:
            load.requests += 1
            load.wire_bytes += int(e["encodedDataLength"])
            finished[e["requestId"]] = e["timestamp"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", done)
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
        # performance.now() counts from the start of the navigation.
        load.ready_ms = float(page.evaluate("window.__readyAt"))
        load.ready_observed = True
    except Exception:  # an older client: no data-ready, time its last script or data
        page.wait_for_load_state("networkidle")
        boot = [finished[r] for r in finished if kinds.get(r) in ("Script", "Fetch", "XHR")]
        load.ready_ms = (max(boot) - start[0]) * 1000 if boot else float("nan")
    page.wait_for_load_state("networkidle")
    context.close()
    return load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server (default: start one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow", action="store_true", help="Slow 3G instead of Fast 3G")
    args = parser.parse_args()
    proc = None
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            proc, port = start_server(str(Path(tmp) / "data"))
            url = f"http://127.0.0.1:{port}/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
                loads = [
                    cold_load(browser, url, SLOW_3G if args.slow else FAST_3G)
                    for _ in range(args.runs)
                ]
                browser.close()
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
    last = loads[-1]
    times = [x.ready_ms for x in loads]
    how = "data-ready" if last.ready_observed else "last script/data response (no data-ready)"
    print(
        f"{'Slow' if args.slow else 'Fast'} 3G, cache disabled, {args.runs} cold loads: "
        f"{last.requests} requests, {last.wire_bytes / 1000:.1f} kB on the wire, "
        f"usable form at {statistics.median(times):.0f} ms median "
        f"(min {min(times):.0f}, max {max(times):.0f}; {how})"
    )
    for path, encoding in sorted(last.encodings.items()):
        print(f"  {encoding:8} {path}")


if __name__ == "__main__":
    main()
