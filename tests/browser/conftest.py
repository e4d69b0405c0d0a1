"""Fixtures for the real-browser tests: one Chromium and one Streamlit server for the whole session,
a fresh Streamlit session for every test.

A test's `page` is one browser tab kept for the whole run, emptied between tests (a new document,
so a new Streamlit session; no cookies or storage; the desktop size; the pointer in a corner). A
new tab costs 2-3 s more per test than a new document in a kept one: Chromium starts a renderer
and parses Streamlit's and plotly's bundles again. A test that asks for `context` as well, or is
marked `own_tab`, gets a tab in a browser context of its own (for anything that outlives a
document: init scripts, emulated media, context listeners).

No browser: in CI (CI=true) every browser test FAILS; on a developer's machine they are skipped,
loudly (see the summary at the end of the run).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM_ARGS, chromium_path, count_runs, streamlit_server, wait_for_app
from tests.support.pages import AXE_JS, SCREENSHOTS, ConsoleWatch

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
DESKTOP = {"width": 1366, "height": 768}
_skipped_for: list[str] = []
SKIP_LEAD = "BROWSER TESTS NOT RUN: "
_FAILED = pytest.StashKey[bool]()


def _unavailable(what: str) -> None:
    """Fail in CI, skip loudly elsewhere."""
    if IN_CI:
        pytest.fail(f"CI=true and {what}. The browser tests must run in CI.", pytrace=False)
    _skipped_for.append(what)
    pytest.skip(f"{SKIP_LEAD}{what}")


def pytest_configure(config):
    """Only this run's failure screenshots: cleared once, by the main process (not by each worker
    when tests run in parallel, which would remove another worker's)."""
    if not hasattr(config, "workerinput"):
        shutil.rmtree(SCREENSHOTS / "failures", ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    # With pytest-xdist the skips happen in a worker: their reasons come back in the reports.
    found = list(_skipped_for)
    for report in terminalreporter.stats.get("skipped", []):
        text = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if SKIP_LEAD in text:
            found.append(text.split(SKIP_LEAD, 1)[1])
    if found:
        reasons = "\n".join(f"  - {r}" for r in dict.fromkeys(found))
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", red=True, bold=True)
        terminalreporter.write_line(
            "The real-browser tests did not run on this machine:\n"
            f"{reasons}\n"
            "Install Chromium (Debian: apt-get install chromium) and axe-core (cd tests/browser && npm ci).",
            red=True,
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash.setdefault(_FAILED, False)
        if report.failed:
            item.stash[_FAILED] = True
    return report


# ------------------------------------------------------------------------------------------
# Browser


@pytest.fixture(scope="session")
def playwright_driver():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """The system Chromium where there is one, else Playwright's own browser if it was installed."""
    executable = chromium_path()
    if executable is None:
        bundled = playwright_driver.chromium.executable_path
        if not bundled or not Path(bundled).exists():
            _unavailable(
                "no Chromium was found (looked at $CHROMIUM, /usr/bin/chromium, `chromium` on PATH "
                "and Playwright's own browser)"
            )
    browser = playwright_driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.exists():
        _unavailable(f"axe-core is not installed ({AXE_JS} is missing: cd tests/browser && npm ci)")
    return AXE_JS


# ------------------------------------------------------------------------------------------
# Server


@pytest.fixture(scope="session")
def app_server(browser):
    """One `streamlit run app.py` for most tests. A first session on '/' warms it up, so that tests do
    not depend on which one happens to come first (test_fresh_server.py covers a cold first request)."""
    with streamlit_server() as server:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(server.url + "/")
        wait_for_app(page, timeout_ms=60_000)
        context.close()
        yield server


@pytest.fixture(scope="session")
def base_url(app_server) -> str:
    return app_server.url


# ------------------------------------------------------------------------------------------
# Tabs: a kept one emptied between tests, or a context of the test's own


def new_context(browser, **options):
    """A browser context whose pages count their script runs (for rerun_after)."""
    context = browser.new_context(**({"viewport": DESKTOP, "service_workers": "block"} | options))
    context.set_default_timeout(30_000)
    context.on("page", count_runs)
    return context


# Chromium keeps the last 50 history entries of a tab: a test that counts them (a page move adds
# one) needs the count to be below that, so a tab with many is swapped for a new one.
HISTORY_ROOM = 25


class KeptTab:
    """One tab for the run, emptied before each test that uses it."""

    def __init__(self, browser):
        self.browser = browser
        self.context = None
        self.page = None

    def fresh(self, viewport: dict | None = None):
        """The tab on a blank document: the last test's Streamlit session ends with its document."""
        if self.context is None:
            self.context = new_context(self.browser)
        page = self.page
        alive = page is not None and not page.is_closed()
        if alive and page.url.startswith("http"):
            # Storage belongs to the app's origin: cleared while the tab is still on it (and
            # before the tab is swapped: a new tab in this context would still find it).
            page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        if not alive or page.evaluate("history.length") > HISTORY_ROOM:
            if alive:
                page.close()
            page = self.page = self.context.new_page()  # same context: its cache of the bundles stays
        page.goto("about:blank")
        self.context.clear_cookies()
        page.set_viewport_size(viewport or DESKTOP)
        page.mouse.move(0, 0)  # no hover left over from the last test (tooltips, hover labels)
        return page

    def close(self) -> None:
        if self.context is not None:
            with contextlib.suppress(Exception):  # a crashed browser: the next fresh() makes a new context
                self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="session")
def kept_tab(browser):
    tab = KeptTab(browser)
    yield tab
    tab.close()


@pytest.fixture
def context(browser):
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(request, kept_tab):
    if "context" in request.fixturenames or request.node.get_closest_marker("own_tab"):
        page = request.getfixturevalue("context").new_page()
    else:
        page = kept_tab.fresh()
    yield page
    if request.node.stash.get(_FAILED, False) and not page.is_closed():
        target = SCREENSHOTS / "failures" / (re.sub(r"[^\w.-]+", "_", request.node.name) + ".png")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(target))
            print(f"screenshot of the failed test: {target}")
        except Exception as exc:  # a crashed page must not hide the real failure
            print(f"could not take a screenshot of the failed test: {exc}")


@pytest.fixture
def console(page) -> ConsoleWatch:
    """Console errors of `page`, minus the framework's deep-link probes."""
    watch = ConsoleWatch().attach(page)
    yield watch
    if not page.is_closed():
        watch.detach(page)
