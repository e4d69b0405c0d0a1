"""A bookmark must work right after the clinic restarts the server.

For every page, a FRESH `streamlit run` whose very first request is that page's deep link: the whole
app must render (the router's sidebar with every section, 'Words explained', the page's own title),
with no 'Page not found' and no console error. This catches the legacy `pages/` auto-discovery trap
(see ../shared/docs/streamlit-notes.md), which only ever shows on a server's first session.
"""

import pytest

from tests.support.browser import streamlit_server, wait_for_app
from tests.support.pages import (
    DEFAULT_KEY,
    PAGES,
    ConsoleWatch,
    assert_page_complete,
    assert_shared_sidebar,
    url_of,
)

pytestmark = pytest.mark.browser

DEEP_LINKS = [s for s in PAGES if s.key != DEFAULT_KEY]  # "/" is the ordinary first request


@pytest.mark.parametrize("section", DEEP_LINKS, ids=lambda s: s.key)
def test_deep_link_as_first_request_on_a_fresh_server(browser, section):
    with streamlit_server() as server:
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        try:
            page = context.new_page()
            console = ConsoleWatch().attach(page)
            page.goto(server.url + url_of(section))
            wait_for_app(page, timeout_ms=60_000)  # a cold server imports everything on its first run
            assert_shared_sidebar(page)
            assert_page_complete(page, section, console)
        finally:
            context.close()
        log = server.log()
        assert "Traceback" not in log, f"the server logged an error:\n{log[-3000:]}"
