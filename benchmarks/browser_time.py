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
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from benchmarks.common import APP, BARE_APP, BARE_MAX_CHARTS, BARE_PAGES, Plan, alternate, bare_page
from benchmarks.report import Row
from explainer import sections
from tests.support.browser import (
    CHROMIUM_ARGS,
    RunCount,
    chromium_path,
    count_runs,
    streamlit_server,
    wait_for_app,
)

# Budgets, each x the bare equivalent measured in the same run (issue 13, point 9)
FIRST_LOAD_BUDGET = 1.2  # the start page in a fresh tab vs the bare start page
MOVE_BUDGET = 2.5  # a page move vs a move to the bare page with as many plotly charts
CLICK_BUDGET = 2.0  # the filter click vs a bare pill click that redraws one chart
FIRST_CHART_BUDGET = 1.3  # the first move to a chart page in a fresh tab vs the same on the bare app
START_BUDGET = 1.3
MEMORY_BUDGET_MB = 1.0  # per added session
QUIET_MS = 300
READ_START_MS = 1500  # a new visitor looks at the start page this long before moving on

# Plotly charts a page drew, not counting the start page's warming (explainer_warm), if it draws one.
CHARTS_JS = """
() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
  .filter(el => !el.closest('[class*="st-key-explainer_warm"]')).length
"""
TIMEOUT_MS = 60_000

# Installed before any page script: `since` is when the measurement started (0 = navigation
# start, null = not yet), `last` when the page last changed.
INIT_JS = """
(() => {
  const bench = (window.__bench = { since: 0, last: 0 });
  new MutationObserver(() => {
    bench.last = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // The event's own time stamp: when the browser received the press, so a busy page's input delay counts.
  window.addEventListener("pointerdown", (event) => { bench.since = event.timeStamp; }, true);
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


@dataclass
class Tab:
    """One browser tab (one server session) that times what it does. `Tab.open` gives each tab
    its own context: its own cache, as a new visitor has.

    The end of a script run is read from the server's websocket messages: the page's own
    script-state attribute can skip a short run altogether.
    """

    page: Page
    _runs: RunCount = field(init=False)

    def __post_init__(self) -> None:
        self._runs = count_runs(self.page)

    @property
    def runs(self) -> int:
        """Script runs finished so far."""
        return self._runs.finished

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
        if not self._runs.wait_past(self.page, runs_before, TIMEOUT_MS / 1000):
            raise TimeoutError(f"no script run finished on {self.page.url}")

    def click_ms(self, target: Locator) -> float:
        runs_before = self.runs
        self.page.evaluate("window.__bench.since = null")
        target.click()
        return self.drawn_ms(runs_before)

    def charts(self) -> int:
        """How many plotly charts the page shows now."""
        return self.page.evaluate(CHARTS_JS)

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
    return Row("Browser", "First load of the start page", "ms", app, bare, FIRST_LOAD_BUDGET)


def bare_move_ms(tab: Tab, charts: int) -> float:
    """The floor for a move to a page with `charts` plotly charts: from the bare start page (an
    untimed move there first) to the bare page with that many small charts."""
    tab.click_ms(tab.nav_link(BARE_PAGES[0]))
    return tab.click_ms(tab.nav_link(bare_page(min(charts, BARE_MAX_CHARTS))))


def charts_label(charts: int) -> str:
    return f"{charts} chart{'s' * (charts != 1)}"


@dataclass
class Moves:
    """Page moves through the sidebar: each app page's times, the paired bare times and the number
    of plotly charts the page drew (counted in the browser, each time)."""

    app: dict[str, list[float]] = field(default_factory=dict)
    bare: dict[str, list[float]] = field(default_factory=dict)
    charts: dict[str, int] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # title -> why it was not measured

    def first_chart_page(self) -> str | None:
        """The first page in guided order that draws a chart (after the start page)."""
        return next((t for t, n in list(self.charts.items())[1:] if n), None)


def navigation_moves(browser: Browser, app_url: str, bare_url: str, plan: Plan) -> Moves:
    """Round trips through every page by the sidebar, each move paired with a bare move to a page
    with as many plotly charts as the app's page drew."""
    app, bare = Tab.open(browser, app_url), Tab.open(browser, bare_url)
    titles = [s.title for s in sections.SECTIONS]
    moves = Moves()
    for title in titles:
        moves.app[title], moves.bare[title] = [], []
        moves.charts[title] = app.charts() if title == titles[0] else 0
    route = titles[1:] + titles[:1]  # from the start page through every page and back
    try:
        for cycle in range(1 + plan.nav_cycles):  # the first round is the warm-up
            for title in route:
                link = app.nav_link(title)
                if title in moves.missing:
                    continue
                if not link.count():
                    moves.missing[title] = "skipped: no link with this title in the sidebar"
                    print(f"  {title!r}: {moves.missing[title]}", file=sys.stderr)
                    continue
                try:
                    app_ms = app.click_ms(link)
                except (PlaywrightTimeoutError, TimeoutError) as err:
                    moves.missing[title] = f"skipped: the page did not finish drawing ({str(err).splitlines()[0]})"
                    print(f"  {title!r}: {moves.missing[title]}", file=sys.stderr)
                    continue
                moves.charts[title] = charts = app.charts()
                bare_ms = bare_move_ms(bare, charts)
                if cycle:
                    moves.app[title].append(app_ms)
                    moves.bare[title].append(bare_ms)
    finally:
        app.close()
        bare.close()
    return moves


def navigation_rows(moves: Moves) -> list[Row]:
    rows = []
    for title, charts in moves.charts.items():
        note = moves.missing.get(title, "")
        if charts > BARE_MAX_CHARTS:
            note = f"the bare app has pages with up to {BARE_MAX_CHARTS} charts: compared with that"
        name = f"Move to {title} ({charts_label(charts)})"
        rows.append(Row("Browser", name, "ms", moves.app[title], moves.bare[title], MOVE_BUDGET, note=note))
    return rows


def floor_rows(browser: Browser, bare_url: str, plan: Plan, most_charts: int) -> list[Row]:
    """Information: moves to bare pages with 1, 2, ... small plotly charts (up to the most any app
    page drew), each against the same run's move to the bare page with none. What Streamlit and
    plotly alone take: the page-move budgets compare each app page with the row of its chart count."""
    tab = Tab.open(browser, bare_url)
    counts = range(max(1, min(most_charts, BARE_MAX_CHARTS)) + 1)
    samples: dict[int, list[float]] = {n: [] for n in counts}
    try:
        for round_ in range(1 + plan.clicks):  # cheap, and noisy on a busy machine: as many as clicks
            for n in counts:
                ms = bare_move_ms(tab, n)
                if round_:
                    samples[n].append(ms)
    finally:
        tab.close()
    return [
        Row("Floor", f"Move to a bare page with {charts_label(n)}", "ms", samples[n], samples[0]) for n in counts if n
    ]


def first_chart_visit_ms(browser: Browser, url: str, title: str) -> tuple[float, int]:
    """A new visitor opens the start page, reads it for a moment, then moves to a page with charts:
    the move's time and the number of charts the page drew."""
    tab = Tab.open(browser, url)
    try:
        tab.page.wait_for_timeout(READ_START_MS)
        ms = tab.click_ms(tab.nav_link(title))
        return ms, tab.charts()
    finally:
        tab.close()


def first_chart_visit_row(
    browser: Browser, app_url: str, bare_url: str, plan: Plan, moves: Moves, group: str = "Browser"
) -> Row:
    """The first visit to a chart page in a fresh tab (plotly's bundle is fetched on the first chart)
    vs the same on the bare app, to its page with as many charts."""
    title = moves.first_chart_page()
    if title is None:
        return Row(
            group, "First visit to a chart page", "ms", max_ratio=FIRST_CHART_BUDGET, note="no page drew a chart"
        )
    charts = moves.charts[title]
    app, bare = alternate(
        lambda: first_chart_visit_ms(browser, app_url, title)[0],
        lambda: first_chart_visit_ms(browser, bare_url, bare_page(min(charts, BARE_MAX_CHARTS)))[0],
        1,
        plan.loads,
    )
    name = f"First visit to a chart page: {title} ({charts_label(charts)})"
    return Row(group, name, "ms", app, bare, FIRST_CHART_BUDGET)


# The treatment filter's pills, tried in order: its key today, then any key that starts like it, then
# pills whose label names treatments. The page: the section keys tried in order.
FILTER_SECTIONS = ("aims", "filter", "treatments")
FILTER_PILLS = (
    ".st-key-filter_treatments button",
    '[class*="st-key-filter_treat"] button',
    '[data-testid="stMain"] [data-testid="stButtonGroup"]:has-text("treatment") button',
)


def find_filter(tab: Tab, app_url: str) -> tuple[Locator | None, str]:
    """The filter's pills on the first page that has them (None and why not, if none)."""
    tried = []
    for key in FILTER_SECTIONS:
        section = next((s for s in sections.SECTIONS if s.key == key), None)
        if section is None:
            continue
        runs_before = tab.runs
        tab.page.goto(f"{app_url}/{section.url_path}", wait_until="commit")
        tab.drawn_ms(runs_before)
        for selector in FILTER_PILLS:
            pills = tab.page.locator(selector)
            if pills.count() >= 2:
                return pills, f"{section.title}: {selector}"
        tried.append(section.title)
    pages = ", ".join(tried) or f"any page (no section key {'/'.join(FILTER_SECTIONS)})"
    return None, f"no treatment pills found on {pages}"


def filter_click_row(browser: Browser, app_url: str, bare_url: str, plan: Plan) -> Row:
    """Clicking treatment pills one after another (each click a new selection) vs a click on the
    bare pill on the bare page with one chart, which redraws that chart."""
    name = "Treatment filter: click a pill"
    app = Tab.open(browser, app_url)
    bare = Tab.open(browser, f"{bare_url}/charts-1")
    try:
        pills, where = find_filter(app, app_url)
        if pills is None:
            print(f"  skipped: {name}: {where}", file=sys.stderr)
            return Row("Browser", name, "ms", max_ratio=CLICK_BUDGET, note=f"skipped: {where}")
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
    return Row("Browser", f"{name} (vs a bare pill redrawing 1 chart)", "ms", app_ms, bare_ms, CLICK_BUDGET)


def warm_rows(browser: Browser, bare_url: str, plan: Plan) -> list[Row]:
    """Information: what warming plotly on the start page (explainer_ui.warm.warm_plotly) does to the
    bare app: its first load, and the first visit to its page with one chart, vs without."""
    with streamlit_server(BARE_APP, env={"BARE_WARM": "1"}) as warm:
        load, plain_load = alternate(
            lambda: first_load_ms(browser, warm.url), lambda: first_load_ms(browser, bare_url), 1, plan.loads
        )
        visit, plain_visit = alternate(
            lambda: first_chart_visit_ms(browser, warm.url, bare_page(1))[0],
            lambda: first_chart_visit_ms(browser, bare_url, bare_page(1))[0],
            1,
            plan.loads,
        )
    note = "information: the bare app with and without warm_plotly() on its start page"
    return [
        Row("Warm", "Bare first load, warmed", "ms", load, plain_load, note=note),
        Row("Warm", "Bare first visit to a page with 1 chart, warmed", "ms", visit, plain_visit),
    ]


def browser_rows(browser: Browser, plan: Plan) -> list[Row]:
    with streamlit_server(APP) as app, streamlit_server(BARE_APP) as bare:
        rows = [first_load_row(browser, app.url, bare.url, plan)]
        moves = navigation_moves(browser, app.url, bare.url, plan)
        rows += navigation_rows(moves)
        rows.append(first_chart_visit_row(browser, app.url, bare.url, plan, moves))
        rows.append(filter_click_row(browser, app.url, bare.url, plan))
        rows += floor_rows(browser, bare.url, plan, max(moves.charts.values(), default=1))
        rows += warm_rows(browser, bare.url, plan)
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
