"""Real-browser timings (Chromium against `streamlit run`), server start and server memory.

Timing is taken inside the page, so neither Playwright's round trips nor the wait for a quiet
page are counted. A measurement starts at navigation start (first load) or at the pointer press
(a click). It ends at the page's last change (a MutationObserver notes the time of each) once the
server has sent the end of a script run, the page is fully drawn as the browser tests define it
(`wait_for_app`: no placeholders or stale elements, every chart plotted) and has then been quiet
for QUIET_MS.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.common import APP, BARE_APP, BARE_PAGES, Plan, alternate
from benchmarks.report import Row
from explainer import sections
from tests.support.browser import CHROMIUM_ARGS, chromium_path, streamlit_server, wait_for_app

BROWSER_BUDGET = 1.5  # x the bare equivalent
START_BUDGET = 1.3
MEMORY_BUDGET_MB = 1.0  # per added session
QUIET_MS = 300
TIMEOUT_MS = 60_000

# Installed before any page script: `since` is when the measurement started (0 = navigation
# start, null = not yet), `last` when the page last changed.
INIT_JS = """
(() => {
  const bench = (window.__bench = { since: 0, last: 0 });
  new MutationObserver(() => {
    bench.last = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener("pointerdown", () => { bench.since = performance.now(); }, true);
})();
"""

QUIET_JS = """
(quietMs) => window.__bench && window.__bench.since !== null && performance.now() - window.__bench.last >= quietMs
"""


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def finishes_run(frame: str | bytes) -> bool:
    """Whether a websocket frame from the server is the end of a script run."""
    if isinstance(frame, str):
        return False
    msg = ForwardMsg.FromString(frame)
    return msg.WhichOneof("type") == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN


@dataclass
class Tab:
    """One browser tab (one server session) that times what it does. `Tab.open` gives each tab
    its own context: its own cache, as a new visitor has.

    The end of a script run is read from the server's websocket messages: the page's own
    script-state attribute can skip a short run altogether.
    """

    page: Page
    runs: int = 0  # script runs finished so far

    def __post_init__(self) -> None:
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, frame: str | bytes) -> None:
        self.runs += finishes_run(frame)

    @classmethod
    def open(cls, browser: Browser, url: str) -> Tab:
        context = browser.new_context()
        context.add_init_script(INIT_JS)
        tab = cls(context.new_page())
        tab.page.goto(url, wait_until="commit")
        tab.drawn_ms(runs_before=0)
        return tab

    def close(self) -> None:
        self.page.context.close()

    def drawn_ms(self, runs_before: int) -> float:
        """Wait for a script run to end and the page to be fully drawn (as the browser tests define
        it), then quiet; the milliseconds from the start mark to the page's last change."""
        self.wait_for_run(runs_before)
        wait_for_app(self.page, timeout_ms=TIMEOUT_MS)
        self.page.wait_for_function(QUIET_JS, arg=QUIET_MS, polling=20, timeout=TIMEOUT_MS)
        return self.page.evaluate("window.__bench.last - window.__bench.since")

    def wait_for_run(self, runs_before: int) -> None:
        """Wait until the server has sent the end of a script run after the first `runs_before`."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while self.runs <= runs_before:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no script run finished on {self.page.url}")
            self.page.wait_for_timeout(10)  # lets Playwright deliver the websocket events

    def click_ms(self, target: Locator) -> float:
        runs_before = self.runs
        self.page.evaluate("window.__bench.since = null")
        target.click()
        return self.drawn_ms(runs_before)

    def nav_link(self, title: str) -> Locator:
        return self.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True)


# ------------------------------------------------------------------------------------------
# Server start


def start_seconds(script: Path) -> float:
    start = time.perf_counter()
    with streamlit_server(script):
        return time.perf_counter() - start


def server_start_row(plan: Plan) -> Row:
    app, bare = alternate(lambda: start_seconds(APP), lambda: start_seconds(BARE_APP), 1, plan.server_starts)
    return Row("Server", "Start to healthy", "s", app, bare, START_BUDGET)


# ------------------------------------------------------------------------------------------
# Page loads, page moves, the filter click


def first_load_ms(browser: Browser, url: str) -> float:
    """A new visitor: a fresh context (empty cache, new session) until the start page is drawn."""
    tab = Tab.open(browser, url)
    try:
        return tab.page.evaluate("window.__bench.last")  # since navigation start
    finally:
        tab.close()


def first_load_row(browser: Browser, app_url: str, bare_url: str, plan: Plan) -> Row:
    app, bare = alternate(
        lambda: first_load_ms(browser, app_url), lambda: first_load_ms(browser, bare_url), 1, plan.loads
    )
    return Row("Browser", "First load of the start page", "ms", app, bare, BROWSER_BUDGET)


def navigation_rows(browser: Browser, app_url: str, bare_url: str, plan: Plan) -> list[Row]:
    """Round trips through every page by the sidebar, each move paired with a move between bare pages."""
    app, bare = Tab.open(browser, app_url), Tab.open(browser, bare_url)
    titles = [s.title for s in sections.SECTIONS]
    route = titles[1:] + titles[:1]  # from the start page through every page and back
    bare_targets = itertools.cycle([*BARE_PAGES[1:], BARE_PAGES[0]])
    samples: dict[str, tuple[list[float], list[float]]] = {t: ([], []) for t in titles}
    try:
        for cycle in range(1 + plan.nav_cycles):  # the first round is the warm-up
            for title in route:
                app_ms = app.click_ms(app.nav_link(title))
                bare_ms = bare.click_ms(bare.nav_link(next(bare_targets)))
                if cycle:
                    samples[title][0].append(app_ms)
                    samples[title][1].append(bare_ms)
    finally:
        app.close()
        bare.close()
    return [Row("Browser", f"Move to {t}", "ms", *samples[t], BROWSER_BUDGET) for t in titles]


def chart_floor_row(browser: Browser, bare_url: str, chart_url: str, plan: Plan) -> Row:
    """Information, not a budget: a move to a bare page that also draws one small plotly chart,
    against the same move between the plain bare pages. No page with a chart can beat this
    ratio, so it shows how much of the 1.5x page-move budget a chart alone takes."""
    plain, chart = Tab.open(browser, bare_url), Tab.open(browser, chart_url)
    targets = itertools.cycle([*BARE_PAGES[1:], BARE_PAGES[0]])
    chart_ms: list[float] = []
    plain_ms: list[float] = []
    try:
        for round_ in range(2 * (1 + plan.nav_cycles)):
            target = next(targets)
            a, b = chart.click_ms(chart.nav_link(target)), plain.click_ms(plain.nav_link(target))
            if round_ >= 2 and target == BARE_PAGES[1]:  # the first round trip is the warm-up
                chart_ms.append(a)
                plain_ms.append(b)
    finally:
        plain.close()
        chart.close()
    return Row(
        "Floor",
        "Move to a bare page with one small chart",
        "ms",
        chart_ms,
        plain_ms,
        note="information: the least any page with a chart can take (Streamlit and plotly alone)",
    )


def filter_click_row(browser: Browser, app_url: str, bare_url: str, plan: Plan) -> Row:
    """Clicking treatment pills one after another (each click a new selection) vs the bare pill."""
    name = "Treatment filter: click a pill"
    app = Tab.open(browser, f"{app_url}/{sections.by_key('aims').url_path}")
    bare = Tab.open(browser, bare_url)
    try:
        pills = app.page.locator(".st-key-filter_treatments button")
        try:
            pills.first.wait_for(timeout=10_000)
        except PlaywrightTimeoutError:
            shown = app.page.locator("h1").all_inner_texts()
            note = f"the filter is not on the page ({app.page.url} shows {shown})"
            return Row("Browser", name, "ms", max_ratio=BROWSER_BUDGET, note=note)
        app_pills = itertools.cycle(range(pills.count()))
        bare_pills = itertools.cycle(range(3))
        bare_pill = bare.page.locator(".st-key-bare_pill button")
        app_ms, bare_ms = alternate(
            lambda: app.click_ms(pills.nth(next(app_pills))),
            lambda: bare.click_ms(bare_pill.nth(next(bare_pills))),
            plan.warmups,
            plan.clicks,
        )
    finally:
        app.close()
        bare.close()
    return Row("Browser", name, "ms", app_ms, bare_ms, BROWSER_BUDGET)


def browser_rows(browser: Browser, plan: Plan) -> list[Row]:
    with streamlit_server(APP) as app, streamlit_server(BARE_APP) as bare:
        rows = [first_load_row(browser, app.url, bare.url, plan)]
        rows += navigation_rows(browser, app.url, bare.url, plan)
        rows.append(filter_click_row(browser, app.url, bare.url, plan))
        with streamlit_server(BARE_APP, env={"BARE_CHART": "1"}) as chart:
            rows.append(chart_floor_row(browser, bare.url, chart.url, plan))
    return rows


# ------------------------------------------------------------------------------------------
# Memory


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass
class MemoryProfile:
    idle: float
    one: float
    many: float
    closed: float
    sessions: int

    @property
    def growth(self) -> float:
        return (self.many - self.one) / (self.sessions - 1)


def memory_profile(browser: Browser, script: Path, url_path: str, sessions: int, settle_s: float = 2) -> MemoryProfile:
    """A fresh server: RSS idle, with 1 and with `sessions` open tabs on one page, then with all closed.

    The first tab is opened alone; the others all at once, as a waiting room would. The server's
    memory is read once it has run the page for every tab (the drawing is the browser's affair).
    """
    with streamlit_server(script) as server:
        url = f"{server.url}/{url_path}"
        idle = rss_mb(server.pid)
        context = browser.new_context()
        try:
            tabs = [Tab(context.new_page()) for _ in range(sessions)]
            tabs[0].page.goto(url, wait_until="commit")
            tabs[0].wait_for_run(0)
            time.sleep(settle_s)
            one = rss_mb(server.pid)
            for tab in tabs[1:]:
                tab.page.goto(url, wait_until="commit")
            for tab in tabs[1:]:
                tab.wait_for_run(0)
            time.sleep(settle_s)
            many = rss_mb(server.pid)
        finally:
            context.close()
        time.sleep(settle_s)
        return MemoryProfile(idle, one, many, rss_mb(server.pid), sessions)


def memory_rows(browser: Browser, plan: Plan, heaviest: sections.Section) -> list[Row]:
    n = plan.sessions
    app = memory_profile(browser, APP, heaviest.url_path, n)
    bare = memory_profile(browser, BARE_APP, "", n)
    where = f"on {heaviest.title}"
    return [
        Row("Memory", "Server RSS, idle after start", "MB", [app.idle], [bare.idle]),
        Row("Memory", f"Server RSS, 1 session {where}", "MB", [app.one], [bare.one]),
        Row("Memory", f"Server RSS, {n} sessions {where}", "MB", [app.many], [bare.many]),
        Row(
            "Memory",
            "Server RSS, all sessions closed",
            "MB",
            [app.closed],
            [bare.closed],
            note="Streamlit keeps a closed tab's session 2 minutes for reconnection, and Python rarely "
            "hands freed memory back to the system: this is not expected to drop to the 1-session figure.",
        ),
        Row(
            "Memory",
            f"Growth per added session (1 -> {n})",
            "MB",
            [app.growth],
            [bare.growth],
            max_value=MEMORY_BUDGET_MB,
        ),
    ]
