"""Hostile text in content, in a real browser: shown as the characters typed, never run."""

import pytest

from explainer import sections
from tests.support.browser import streamlit_server, wait_for_app
from tests.support.hostile import IMG, SCRIPT

pytestmark = pytest.mark.browser


def test_html_in_content_does_not_run_in_a_real_browser(browser, hostile_copy):
    """A server on a copy of the content with script and image tags in it: no alert, no element."""
    dialogs: list[str] = []
    with streamlit_server(env={"EXPLAINER_CONTENT_DIR": str(hostile_copy)}) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{server.url}/{sections.by_key('causes').url_path}")
            wait_for_app(page)
            page.get_by_text(SCRIPT, exact=False).first.wait_for(state="attached", timeout=10_000)
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert SCRIPT in body and IMG in body  # shown as the characters a person typed
            page.wait_for_timeout(500)
            injected = page.evaluate(
                """() => [...document.querySelectorAll('[data-testid="stMain"] script, '
                        + '[data-testid="stMain"] img[src="x"]')].length"""
            )
            assert injected == 0
            links = page.eval_on_selector_all(
                '[data-testid="stMain"] a', "els => els.map(a => a.getAttribute('href') || '')"
            )
            assert not [h for h in links if h.strip().lower().startswith("javascript:")], links
        finally:
            context.close()
    assert dialogs == []
