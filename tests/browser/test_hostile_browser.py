"""Hostile text in content, in a real browser: shown as the characters typed, never run."""

import pytest
from playwright.sync_api import expect

from explainer import sections
from tests.support.browser import streamlit_server, wait_for_app

pytestmark = pytest.mark.browser


def test_html_in_content_does_not_run_in_a_real_browser(browser, hostile_copy):
    """A server on a copy of the content with script and image tags in it: the loader refuses them, the
    page says calmly what is wrong (the maintainer's details quote the tags as text); no alert, no element."""
    dialogs: list[str] = []
    with streamlit_server(env={"EXPLAINER_CONTENT_DIR": str(hostile_copy)}) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{server.url}/{sections.by_key('causes').url_path}")
            wait_for_app(page)
            expect(page.get_by_text("content file has a mistake", exact=False).first).to_be_visible()
            page.get_by_text("Details for the clinic's content maintainer").first.click()
            expect(page.get_by_text("causes.csv, row 2, field 'explanation'", exact=False).first).to_be_visible()
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "<script>" in body  # the problem quotes the tag as the characters typed
            page.wait_for_timeout(500)
            injected = page.evaluate(
                """() => [...document.querySelectorAll('[data-testid="stMain"] script')]
                        .filter(el => el.textContent.includes('alert(')).length
                      + document.querySelectorAll('[data-testid="stMain"] img[src="x"]').length"""
            )  # the app's own fixed scripts (focus, plotly warming) are not the payload
            assert injected == 0
            links = page.eval_on_selector_all(
                '[data-testid="stMain"] a', "els => els.map(a => a.getAttribute('href') || '')"
            )
            assert not [h for h in links if h.strip().lower().startswith("javascript:")], links
        finally:
            context.close()
    assert dialogs == []
