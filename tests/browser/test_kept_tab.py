"""The kept tab (tests/browser/conftest.py) gives each test what a new tab would: a new Streamlit
session, no storage or cookies, the desktop size. And no test that shares it leaves behind what a
new document would keep (init scripts, emulated media, routes)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HISTORY_ROOM
from tests.support.browser import run_count
from tests.support.pages import SECTION, open_url, pick_pill, pill, url_of

pytestmark = pytest.mark.browser

FILTER = "Pick one or more treatments"
OPTION = "Spinal cord stimulation"


def test_each_test_starts_with_a_new_session_and_nothing_stored(kept_tab, base_url):
    page = kept_tab.fresh(viewport={"width": 390, "height": 844})
    open_url(page, base_url, url_of(SECTION["aims"]))
    runs = run_count(page)  # rerun_after waits for the run the websocket reports
    assert runs is not None
    before = runs.finished
    pick_pill(page, FILTER, OPTION)
    assert runs.finished == before + 1
    expect(pill(page, FILTER, OPTION)).to_have_attribute("aria-pressed", "true")
    page.evaluate("() => { localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1'); }")
    page.context.add_cookies([{"name": "left", "value": "1", "url": base_url}])

    # The tab's history grows with every test's pages. (Another path each time: the app's address
    # script turns a push that keeps the path into a replace.)
    page.evaluate("n => { for (let i = 0; i < n; i++) history.pushState(null, '', '/filler-' + i); }", HISTORY_ROOM)
    assert page.evaluate("history.length") > HISTORY_ROOM

    page = kept_tab.fresh()
    assert page.viewport_size == {"width": 1366, "height": 768}
    assert page.evaluate("history.length") <= HISTORY_ROOM, "no room left to count history entries"
    open_url(page, base_url, url_of(SECTION["aims"]))  # the same page, without the pick in its address
    expect(pill(page, FILTER, OPTION)).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("() => [localStorage.getItem('left'), sessionStorage.getItem('left')]") == [None, None]
    assert not [c for c in page.context.cookies() if c["name"] == "left"]


# Page calls whose effect outlives the document: in the kept tab they would reach later tests.
LASTING = {
    "add_init_script",
    "emulate_media",
    "route",
    "route_from_har",
    "expose_function",
    "expose_binding",
    "set_extra_http_headers",
}


def _own_tab(function: ast.FunctionDef) -> bool:
    marked = any("own_tab" in ast.unparse(d) for d in function.decorator_list)
    return marked or "context" in {a.arg for a in function.args.args}


def test_no_test_on_the_kept_tab_leaves_something_behind():
    offenders = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or _own_tab(function):
                continue
            if not {"page", "screen", "kept_tab"} & {a.arg for a in function.args.args}:
                continue
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in LASTING:
                    offenders.append(f"{path.name}::{function.name} calls {call.func.attr}")
    assert not offenders, "mark these @pytest.mark.own_tab (or ask for `context`):\n" + "\n".join(offenders)
