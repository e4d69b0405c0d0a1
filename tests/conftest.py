import shutil
from pathlib import Path

import pytest

from explainer.content import CONTENT_DIR, Content, load_content

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "docs" / "source" / "source-article.txt"  # the clinic article we started from


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()


@pytest.fixture
def fresh_caches():
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


def make_app(**query):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def open_page(path: str, **query):
    """Run the app through app.py, then move to a page the way the navigation does."""
    at = make_app(**query)
    at.run()
    if path != "app_pages/guide/start.py":
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at
