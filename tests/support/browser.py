"""Start a real Streamlit server and a system Chromium: shared by the browser tests,
the benchmark and the load test, so they all measure the same thing the same way."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import weakref
from contextlib import contextmanager
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[2]

# Flags that keep Chromium quiet on a machine with no internet (see the Streamlit notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    """A system Chromium if there is one; None means use Playwright's own browser."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, process: subprocess.Popen, port: int, log_path: Path | None = None):
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_path

    @property
    def pid(self) -> int:
        return self.process.pid

    def log(self) -> str:
        """What the server has written to stderr so far (warnings, tracebacks)."""
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")


def wait_healthy(url: str, timeout: float = 60) -> float:
    """Poll /_stcore/health until it answers 'ok'; return the seconds it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not become healthy in {timeout}s")


@contextmanager
def streamlit_server(
    app: str | Path = "app.py",
    cwd: Path = ROOT,
    extra_args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    port: int | None = None,
):
    """`streamlit run` on a free loopback port (or `port`); stopped by its process id afterwards.

    `env` adds to (or overrides) this process's environment, e.g. EXPLAINER_CONTENT_DIR."""
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--browser.serverAddress", "127.0.0.1",
        *extra_args,
    ]  # fmt: skip
    # stderr goes to a file, not a pipe: a pipe nobody reads fills up and freezes the server.
    log_file = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **env} if env else None,
        stdout=subprocess.DEVNULL,
        stderr=log_file,
        start_new_session=True,
    )
    log_file.close()
    server = Server(process, port, Path(log_file.name))
    try:
        wait_healthy(server.url)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        Path(log_file.name).unlink(missing_ok=True)


def wait_for_app(page, timeout_ms: int = 30_000, settle_ms: int = 250) -> None:
    """Wait until the script run has finished and every plotly chart has drawn.

    `settle_ms`: the frontend debounces its script-state attribute, so right after a click the state may
    still say "notRunning". A caller that already saw the run start (or loaded a new document, whose state
    is "initial" until its first run) can pass 0."""
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout_ms)
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    # The run can end before the page is drawn: each kind of element is a lazily loaded chunk, shown
    # as a stSkeleton placeholder until it arrives, and a rerun leaves old elements marked stale.
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')""",
        timeout=timeout_ms,
    )
    # .main-svg appears before the traces are drawn; plotly sets _fullData on the graph div
    # once a plot has finished, and every trace gets a g.trace (or heatmap image) layer.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(el => {
                 const gd = el.querySelector('.js-plotly-plot');
                 return gd && gd._fullData && el.querySelector('.main-svg')
                     && el.querySelectorAll('g.trace, g.hm, image').length > 0;
             })""",
        timeout=timeout_ms,
    )


# ------------------------------------------------------------------------------------------
# Script runs, counted from the websocket


def finishes_run(frame: str | bytes) -> bool:
    """Whether a websocket frame from the server is the end of a script run."""
    if isinstance(frame, str):
        return False
    msg = ForwardMsg.FromString(frame)
    return msg.WhichOneof("type") == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN


class RunCount:
    """Script runs the server has finished for one page (across its documents)."""

    def __init__(self) -> None:
        self.finished = 0

    def on_frame(self, frame: str | bytes) -> None:
        self.finished += finishes_run(frame)

    def wait_past(self, page, before: int, timeout_s: float) -> bool:
        """Wait until more than `before` runs have finished; False if none did within `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while self.finished <= before:
            if time.monotonic() > deadline:
                return False
            page.wait_for_timeout(10)  # lets Playwright deliver the websocket frames
        return True


_RUN_COUNTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def count_runs(page) -> RunCount:
    """Count the script runs of `page` from its websocket, from before it opens the app: its
    script-state attribute is debounced and can skip a short run altogether."""
    count = _RUN_COUNTS[page] = RunCount()
    page.on("websocket", lambda ws: ws.on("framereceived", count.on_frame))
    return count


def run_count(page) -> RunCount | None:
    """The page's run count, if `count_runs` was set up for it."""
    return _RUN_COUNTS.get(page)
