"""Load test: many consults on one server, driven by headless websocket sessions.

    .venv/bin/python benchmarks/load_test.py                      # 1, 20, 40, 60 sessions
    .venv/bin/python benchmarks/load_test.py --stages 1,20 --app-dir /path/to/other/checkout

Each session is a real Streamlit session that sends the browser's own messages (BackMsg
protobufs, benchmarks/ws_client.py), not a browser: 20 Chromium tabs on 2 cores measure
Chromium, not the app. Per stage, N sessions start at the same moment and each does a consult
tour: a deep link to Causes with symptoms in the address, then page moves to Symptoms,
Treatments, "What each treatment aims at" and Your summary, then the take-home PDF exactly as
the download button fetches it (the deferred-file request over the websocket, then two GETs:
the button's check and the download).

Errors counted: an exception element on a page, a run that does not finish in time, a refused
or failed PDF (any GET that is not 200 with a PDF). Times are from message sent to
`script_finished` (the server's work, without drawing). Server memory is VmRSS of the server
process: peak during the stage and a few seconds after its sessions closed. `/_stcore/health`
is polled during the stage (worst answer time).

Loopback only (the server is started here on 127.0.0.1); every stage is bounded in time.
Exit status 1 on any error. Not a pytest test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.ws_client import WsSession, fetch_like_browser

ROOT = Path(__file__).resolve().parents[1]

FIRST = ("causes", "symptoms=leg_pain,back_pain")
MOVES = ["symptoms", "treatments", "treatment-aims", "summary"]
STAGE_TIMEOUT = 240.0


@dataclass
class Stage:
    sessions: int
    errors: list[str] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    moves: list[float] = field(default_factory=list)
    pdf: list[float] = field(default_factory=list)
    pdf_ok: int = 0
    rss_peak: float = 0.0
    rss_after: float = 0.0
    health_worst: float = 0.0
    wall: float = 0.0


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def tour(port: int, stage: Stage) -> None:
    try:
        async with WsSession(port) as s:
            result = await s.run(*FIRST)
            stage.first.append(result.seconds)
            if result.exceptions:
                stage.errors.append(f"first page: {result.exceptions[0][:80]}")
            for page in MOVES:
                result = await s.run(page, FIRST[1])
                stage.moves.append(result.seconds)
                if result.exceptions:
                    stage.errors.append(f"{page}: {result.exceptions[0][:80]}")
            if not result.deferred_ids:
                stage.errors.append("summary: no download button")
                return
            start = time.perf_counter()
            path = await s.request_file(result.deferred_ids[0])
            got = await fetch_like_browser(s.base, path)
            stage.pdf.append(time.perf_counter() - start)
            bad = [status for status, _, body in got if status != 200 or not body.startswith(b"%PDF-")]
            if bad:
                stage.errors.append(f"PDF GET {bad}")
            else:
                stage.pdf_ok += 1
    except Exception as err:  # a timeout, a closed socket: one error for this session
        stage.errors.append(f"{type(err).__name__}: {str(err)[:80]}")


def run_stage(port: int, pid: int, n: int) -> Stage:
    stage = Stage(sessions=n)
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            stage.rss_peak = max(stage.rss_peak, rss_mb(pid))
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=30) as r:
                    r.read()
            except OSError:
                stage.errors.append("health did not answer")
            stage.health_worst = max(stage.health_worst, time.perf_counter() - start)
            stop.wait(0.25)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()

    async def everyone() -> None:
        await asyncio.wait_for(asyncio.gather(*(tour(port, stage) for _ in range(n))), STAGE_TIMEOUT)

    try:
        asyncio.run(everyone())
    except TimeoutError:
        stage.errors.append(f"stage did not finish in {STAGE_TIMEOUT:.0f} s")
    stage.wall = time.perf_counter() - start
    stop.set()
    watcher.join()
    time.sleep(3)
    stage.rss_after = rss_mb(pid)
    return stage


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(app_dir: Path, script: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="load-test-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=app_dir,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return process, port
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"the server did not start; see {log.name}") from None
            time.sleep(0.2)


def table(stages: list[Stage], cold: float, warm: float) -> str:
    ms = 1000
    lines = [
        f"Server RSS: cold {cold:.0f} MB, warm (after one tour) {warm:.0f} MB.",
        "",
        "| sessions | errors | PDFs ok | first page p50 / p95 | page move p50 / p95 | PDF p50 / p95 "
        "| health worst | RSS peak / after | stage time |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in stages:
        lines.append(
            f"| {s.sessions} | {len(s.errors)} | {s.pdf_ok}/{s.sessions} "
            f"| {pct(s.first, 0.5) * ms:.0f} / {pct(s.first, 0.95) * ms:.0f} ms "
            f"| {pct(s.moves, 0.5) * ms:.0f} / {pct(s.moves, 0.95) * ms:.0f} ms "
            f"| {pct(s.pdf, 0.5) * ms:.0f} / {pct(s.pdf, 0.95) * ms:.0f} ms "
            f"| {s.health_worst * ms:.0f} ms | {s.rss_peak:.0f} / {s.rss_after:.0f} MB | {s.wall:.1f} s |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stages", default="1,20,40,60", help="sessions per stage, comma-separated")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="the checkout to serve (default: this one)")
    parser.add_argument("--script", default=None, help="serve.py if the checkout has it, else app.py")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    counts = [int(x) for x in args.stages.split(",") if x.strip()]
    if max(counts) > 100:
        parser.error("at most 100 sessions per stage on one machine")
    script = args.script or ("serve.py" if (args.app_dir / "serve.py").exists() else "app.py")

    process, port = start_server(args.app_dir, script)
    try:
        time.sleep(1)
        cold = rss_mb(process.pid)
        warm_up = run_stage(port, process.pid, 1)
        warm = rss_mb(process.pid)
        if warm_up.errors:
            print("warm-up errors:", warm_up.errors, file=sys.stderr)
        stages = [run_stage(port, process.pid, n) for n in counts]
        time.sleep(10)
        idle = rss_mb(process.pid)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)

    print(f"{args.app_dir} ({script}), {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(table(stages, cold, warm))
    print(f"\nRSS 10 s after the last stage: {idle:.0f} MB.")
    for s in stages:
        for error in sorted(set(s.errors))[:5]:
            print(f"  {s.sessions} sessions: {s.errors.count(error)}x {error}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "cold_mb": cold,
                    "warm_mb": warm,
                    "idle_mb": idle,
                    "stages": [
                        {
                            "sessions": s.sessions,
                            "errors": s.errors,
                            "pdf_ok": s.pdf_ok,
                            "move_p50": statistics.median(s.moves) if s.moves else None,
                            "move_p95": pct(s.moves, 0.95),
                            "rss_peak": s.rss_peak,
                            "rss_after": s.rss_after,
                            "health_worst": s.health_worst,
                        }
                        for s in stages
                    ],
                },
                indent=2,
            )
        )
    return 1 if any(s.errors for s in stages) else 0


if __name__ == "__main__":
    sys.exit(main())
