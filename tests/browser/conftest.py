"""Fixtures for the real-browser tests: one Chromium and one Streamlit server for the whole session,
a fresh browser context (so a fresh Streamlit session) for every test.

No browser: in CI (CI=true) every browser test FAILS; on a developer's machine they are skipped,
loudly (see the summary at the end of the run).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM_ARGS, chromium_path, streamlit_server, wait_for_app
from tests.support.pages import AXE_JS, SCREENSHOTS, ConsoleWatch

IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
DESKTOP = {"width": 1366, "height": 768}
_skipped_for: list[str] = []
_FAILED = pytest.StashKey[bool]()


def _unavailable(what: str) -> None:
    """Fail in CI, skip loudly elsewhere."""
    if IN_CI:
        pytest.fail(f"CI=true and {what}. The browser tests must run in CI.", pytrace=False)
    _skipped_for.append(what)
    pytest.skip(f"BROWSER TESTS NOT RUN: {what}")


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
    if _skipped_for:
        reasons = "\n".join(f"  - {r}" for r in dict.fromkeys(_skipped_for))
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
# One fresh context (so one fresh Streamlit session) per test


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    context.set_default_timeout(30_000)
    yield context
    context.close()


@pytest.fixture
def page(context, request):
    page = context.new_page()
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
    return ConsoleWatch().attach(page)
