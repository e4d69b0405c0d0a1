"""Fixtures, and how pytest-xdist shares the tests out; helpers live in tests/support."""

import shutil
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.content import CONTENT_DIR, Content, load_content
from tests.support.csv_edit import edit_rows
from tests.support.hostile import PAYLOAD


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """get_content and the figures are cache_resource: a test that swaps the content folder
    (EXPLAINER_CONTENT_DIR) must not see another test's cached copy, nor leave its own."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the real content, to break on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


@pytest.fixture
def hostile_copy(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content copy with script, image and link text in a cause and a prose block, served by the app.
    The loader refuses both (HTML is not allowed in content), naming file, row and field."""

    def edit(rows: list[list[str]]) -> None:
        rows[1][rows[0].index("explanation")] = PAYLOAD

    edit_rows(content_copy / "causes.csv", edit)
    intro = content_copy / "prose" / "causes_intro.md"
    intro.write_text(intro.read_text(encoding="utf-8") + f"\n\n{PAYLOAD}\n", encoding="utf-8")
    refused = {(p.file, p.row, p.field) for p in load_content(content_copy).problems}
    assert ("causes.csv", 2, "explanation") in refused and any(f == "prose/causes_intro.md" for f, _, _ in refused)
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))
    return content_copy


BROWSER_TESTS = "tests/browser/"
# Browser test files with module-scoped fixtures (a server or a context of their own): their tests
# stay on one worker, so each fixture starts once.
WHOLE_FILES = ("test_flows.py", "test_patient_state.py", "test_served_in_browser.py", "test_take_home_phone.py")


def browser_half(nodeid: str) -> str:
    """Which of the two browser workers runs a test: a stable hash of its id (of its file, for the
    files above), so the halves are about even and the same from run to run."""
    path = nodeid.split("::", 1)[0]
    return f"browser-{zlib.crc32((path if path.endswith(WHOLE_FILES) else nodeid).encode()) % 2}"


@pytest.hookimpl(optionalhook=True)  # a run without pytest-xdist (-p no:xdist) still works
def pytest_xdist_make_scheduler(config, log):
    """With `-n 2` (scripts/test.sh): the browser tests in two halves, one a worker, each with its
    own Streamlit server and Chromium (half of the browser tests' time is waiting for a page to
    settle, so two share the machine's cores well); the other tests one by one on whichever worker
    is free. (pytest-xdist's own --dist loadgroup does not group under pytest 9, which no longer
    reads a test's id from the attribute xdist rewrites.)"""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsInHalves(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return browser_half(nodeid) if nodeid.startswith(BROWSER_TESTS) else nodeid

    return BrowserTestsInHalves(config, log)
