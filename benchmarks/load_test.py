"""Load test: many consult rooms on one server.

    .venv/bin/python benchmarks/load_test.py [--sessions 20] [--waves 2]

Starts one `streamlit run` on a loopback port and one headless Chromium, then, per wave, opens
N browser contexts at once (N sessions, each its own websocket). Every session deep-links to
one page (a different one per session), then clicks through every other page in the sidebar
and back to where it started. Counted as errors: exception boxes on a page, a page whose title
never appears, a timeout, a JavaScript error, a console error (except the 404s the frontend's
deep-link probe causes by design), a traceback in the server's log.

Server memory (VmRSS of the server process) is read cold, after one warm-up session (the
baseline: imports and shared caches loaded), sampled during each wave (peak)
and read again a few seconds after every session of the wave has closed; a second wave shows
whether memory comes back to the same level instead of growing with every group of sessions.

Not a pytest test: a script with a table and an exit code (non-zero on any error, or if the
server's memory after the last wave exceeds the memory after the first by more than the
budget). Loopback only; the number of sessions, pages and the total time are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.async_api import Browser, Page, async_playwright  # noqa: E402

from explainer import sections  # noqa: E402
from tests.support.browser import CHROMIUM_ARGS, chromium_path, streamlit_server  # noqa: E402

MAX_SESSIONS = 50
TOTAL_TIMEOUT_S = 1800
GROWTH_BUDGET_MB = 25.0  # RSS after the last wave minus after the first
# The frontend probes <page>/_stcore/health and <page>/_stcore/host-config on a deep link and
# gets 404s before falling back to the root: the framework's own noise (see the notes).
PROBE_SUFFIXES = ("/_stcore/health", "/_stcore/host-config")

IDLE_JS = """
(title) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testConnectionState !== "CONNECTED") return false;
  if (app.dataset.testScriptState !== "notRunning") return false;
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const failed = document.querySelector('[data-testid="stException"]');
  if (!failed && (!h1 || h1.innerText.trim() !== title)) return false;
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every((el) => el.querySelector(".main-svg"));
}
"""


# What the page shows, read in one go (a rerun cannot change it halfway through reading).
STATE_JS = """
() => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  return {
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    title: h1 ? h1.innerText.trim() : null,
  };
}
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class PeakSampler:
    """Samples a process's RSS in a background thread; .peak is the highest seen."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak = pid, interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb(self.pid))


@dataclass
class SessionResult:
    pages_rendered: int = 0
    exceptions: int = 0
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    timeouts: list[str] = field(default_factory=list)
    page_seconds: list[float] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.exceptions + len(self.console_errors) + len(self.page_errors) + len(self.timeouts)


async def settle(page: Page, title: str, timeout_ms: int) -> None:
    """The page shows this title (or an exception box), its script has finished and its charts
    are drawn (twice, 250 ms apart: the frontend debounces its script-state attribute)."""
    await page.wait_for_function(IDLE_JS, arg=title, timeout=timeout_ms)
    await page.wait_for_timeout(250)
    await page.wait_for_function(IDLE_JS, arg=title, timeout=timeout_ms)


async def what_the_page_shows(page: Page) -> str:
    """For an error message: connection, script state and title at the moment of failure."""
    try:
        app = await asyncio.wait_for(
            page.evaluate(
                """() => {
                  const app = document.querySelector('[data-testid="stApp"]');
                  const h1 = document.querySelector('[data-testid="stMain"] h1');
                  return [app?.dataset.testConnectionState, app?.dataset.testScriptState, h1?.innerText.trim()];
                }"""
            ),
            timeout=5,
        )
        return "connection {}, script {}, title {!r}".format(*app)
    except Exception as err:
        return f"page state unreadable: {type(err).__name__}"


async def tour(browser: Browser, base_url: str, index: int, timeout_ms: int) -> SessionResult:
    result = SessionResult()
    order = list(
        sections.SECTIONS[index % len(sections.SECTIONS) :] + sections.SECTIONS[: index % len(sections.SECTIONS)]
    )
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    listening = True

    def on_console(msg) -> None:
        if not listening or msg.type != "error":
            return
        url = urlparse((msg.location or {}).get("url", "")).path
        if "404" in msg.text and url.endswith(PROBE_SUFFIXES):
            return
        result.console_errors.append(f"{msg.text} ({url})")

    def on_page_error(error) -> None:
        if listening:
            result.page_errors.append(str(error))

    try:
        page = await context.new_page()
        page.on("console", on_console)
        page.on("pageerror", on_page_error)
        for step, section in enumerate([*order, order[0]]):
            start = time.perf_counter()
            try:
                if step == 0:  # a deep link, like a bookmark, is the session's first request
                    path = "" if section.key == "start" else section.url_path
                    await page.goto(f"{base_url}/{path}", timeout=timeout_ms)
                else:
                    nav = page.locator('[data-testid="stSidebarNav"]')
                    await nav.get_by_role("link", name=section.title, exact=True).click(timeout=timeout_ms)
                await settle(page, section.title, timeout_ms)
                seconds = time.perf_counter() - start
                state = await page.evaluate(STATE_JS)
            except Exception as err:  # a timeout or a missing link: count it, go on with the tour
                seen = await what_the_page_shows(page)
                result.timeouts.append(f"{section.key}: {type(err).__name__}: {str(err).splitlines()[0]} [{seen}]")
                continue
            result.page_seconds.append(seconds)
            result.exceptions += state["exceptions"]
            if not state["exceptions"] and state["title"] == section.title:
                result.pages_rendered += 1
    finally:
        listening = False
        await context.close()
    return result


@dataclass
class Wave:
    number: int
    results: list[SessionResult]
    wall_s: float
    peak_mb: float
    after_mb: float

    def total(self, name: str) -> int:
        return sum(len(v) if isinstance(v := getattr(r, name), list) else v for r in self.results)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def run_wave(browser: Browser, base_url: str, sessions: int, timeout_ms: int, label: str) -> list[SessionResult]:
    started = time.perf_counter()

    async def one(i: int) -> SessionResult:
        try:
            result = await tour(browser, base_url, i, timeout_ms)
        except Exception as err:  # never let one session end the others' tours
            result = SessionResult(timeouts=[f"session failed: {type(err).__name__}: {err}"])
        progress(
            f"  {label} session {i:>2}: {result.pages_rendered} pages, {result.errors} errors "
            f"({time.perf_counter() - started:.0f} s)"
        )
        return result

    return list(await asyncio.gather(*(one(i) for i in range(sessions))))


@dataclass
class Report:
    sessions: int
    waves_planned: int
    pages_per_session: int = len(sections.SECTIONS) + 1  # every page, then back to the first
    cold_mb: float = float("nan")
    before_mb: float = float("nan")
    warmup: SessionResult | None = None
    waves: list[Wave] = field(default_factory=list)
    tracebacks: int = 0

    def header(self) -> None:
        print(
            f"\nLoad test: {self.sessions} concurrent sessions x {self.pages_per_session} page views "
            f"({len(sections.SECTIONS)} pages: a deep link first, then sidebar clicks), "
            f"{self.waves_planned} wave(s), one server, one Chromium",
            flush=True,
        )
        columns = (
            f"{'wave':>4} {'sessions':>8} {'pages rendered':>15} {'exceptions':>10} {'console err':>11} "
            f"{'JS err':>6} {'timeouts':>8} {'wall s':>7} {'page p50 s':>10} {'page p95 s':>10} "
            f"{'RSS peak MB':>11} {'RSS after MB':>12}"
        )
        print(f"Server RSS: {self.cold_mb:.1f} MB cold, {self.before_mb:.1f} MB after one warm-up session (baseline)")
        print(columns)
        print("-" * len(columns), flush=True)

    def row(self, wave: Wave) -> None:
        seconds = sorted(s for r in wave.results for s in r.page_seconds)
        p50 = statistics.median(seconds) if seconds else float("nan")
        p95 = seconds[min(len(seconds) - 1, int(0.95 * len(seconds)))] if seconds else float("nan")
        rendered = f"{wave.total('pages_rendered')}/{len(wave.results) * self.pages_per_session}"
        print(
            f"{wave.number:>4} {len(wave.results):>8} {rendered:>15} "
            f"{wave.total('exceptions'):>10} {wave.total('console_errors'):>11} {wave.total('page_errors'):>6} "
            f"{wave.total('timeouts'):>8} {wave.wall_s:>7.1f} {p50:>10.2f} {p95:>10.2f} "
            f"{wave.peak_mb:>11.1f} {wave.after_mb:>12.1f}",
            flush=True,
        )

    def verdict(self) -> int:
        waves = self.waves
        failures = []
        if self.warmup is not None:
            w = self.warmup
            failures += [f"warm-up session: {m}" for m in w.console_errors + w.page_errors + w.timeouts]
            if w.exceptions or w.pages_rendered != self.pages_per_session:
                failures.append(f"warm-up session: {w.exceptions} exception box(es), {w.pages_rendered} pages")
        if len(waves) < self.waves_planned:
            failures.append(f"only {len(waves)} of {self.waves_planned} wave(s) finished")
        for wave in waves:
            for i, r in enumerate(wave.results):
                for kind in ("console_errors", "page_errors", "timeouts"):
                    failures += [f"wave {wave.number} session {i}: {kind[:-1]}: {m}" for m in getattr(r, kind)]
                if r.exceptions:
                    failures.append(f"wave {wave.number} session {i}: {r.exceptions} exception box(es)")
                if r.pages_rendered != self.pages_per_session:
                    failures.append(
                        f"wave {wave.number} session {i}: {r.pages_rendered}/{self.pages_per_session} pages"
                    )
        print(f"\nTracebacks in the server log: {self.tracebacks}")
        if self.tracebacks:
            failures.append(f"{self.tracebacks} traceback(s) in the server log")
        if waves:
            print(
                f"RSS after the last wave minus the baseline: {waves[-1].after_mb - self.before_mb:+.1f} MB; "
                f"minus after wave 1: {waves[-1].after_mb - waves[0].after_mb:+.1f} MB (budget {GROWTH_BUDGET_MB} MB)"
            )
            growth = waves[-1].after_mb - waves[0].after_mb
            if len(waves) > 1 and growth > GROWTH_BUDGET_MB:
                failures.append(f"server memory grew by {growth:.1f} MB between waves (budget {GROWTH_BUDGET_MB} MB)")
        if failures:
            print("\nFAILED:")
            for line in list(dict.fromkeys(failures))[:60]:
                print(f"  {line}")
            return 1
        print("\nOK: zero errors, every page rendered in every session.")
        return 0


async def main_async(args: argparse.Namespace, report: Report) -> None:
    with streamlit_server() as server:
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
                )
                try:
                    report.cold_mb = rss_mb(server.pid)
                    # One session first, so the baseline includes the imports and caches every server has.
                    progress("warm-up session")
                    report.warmup = await tour(browser, server.url, 0, args.timeout_ms)
                    await asyncio.sleep(args.settle)
                    report.before_mb = rss_mb(server.pid)
                    report.header()
                    for number in range(1, args.waves + 1):
                        progress(f"wave {number}: {args.sessions} sessions")
                        start = time.perf_counter()
                        with PeakSampler(server.pid) as sampler:
                            results = await run_wave(
                                browser, server.url, args.sessions, args.timeout_ms, f"wave {number}"
                            )
                        wall = time.perf_counter() - start
                        await asyncio.sleep(args.settle)  # every context is closed: let the server drop them
                        wave = Wave(number, results, wall, sampler.peak, rss_mb(server.pid))
                        report.waves.append(wave)
                        report.row(wave)
                finally:
                    await browser.close()
        finally:
            report.tracebacks = server.log().count("Traceback (most recent call last)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions per wave (max 50)")
    parser.add_argument("--waves", type=int, default=2, help="how many times to open and close all sessions")
    parser.add_argument("--timeout-ms", type=int, default=90_000, help="per page view")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds to wait before measuring memory")
    parser.add_argument("--max-seconds", type=int, default=TOTAL_TIMEOUT_S, help="stop the whole run after this")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS or not 1 <= args.waves <= 5 or not 0 < args.max_seconds <= 3600:
        parser.error(f"--sessions must be 1..{MAX_SESSIONS}, --waves 1..5, --max-seconds 1..3600")
    if chromium_path() is None:
        print("No system Chromium found (/usr/bin/chromium or $CHROMIUM).", file=sys.stderr)
        return 2
    report = Report(args.sessions, args.waves)
    try:
        asyncio.run(asyncio.wait_for(main_async(args, report), timeout=args.max_seconds))
    except TimeoutError:
        print(f"\nStopped: the load test did not finish within {args.max_seconds} s (--max-seconds).")
    return report.verdict()


if __name__ == "__main__":
    sys.exit(main())
