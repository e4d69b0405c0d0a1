"""Printing the summary from consult mode (where the browser's menu is hidden): the page's own
button asks the browser to print, once per press, and the print view shows what the PDF's first
page holds, without the controls or the details."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import wait_for_app
from tests.support.pages import SECTION, open_url, rerun_after, url_of

pytestmark = pytest.mark.browser

QUERY = "?treatments=spinal_cord_stimulation&values=sleep&teach_back=tb_why_pain&consult=1"
COUNT_PRINTS = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"


@pytest.mark.own_tab  # an init script and print media: they would outlive the test in the kept tab
def test_print_button_prints_in_consult_mode_and_the_print_view_is_the_first_page(page, base_url):
    page.add_init_script(COUNT_PRINTS)
    open_url(page, base_url, url_of(SECTION["summary"]) + QUERY)
    button = page.get_by_role("button", name="Print this page")
    expect(button).to_be_visible()
    rerun_after(page, button.click)
    page.wait_for_function("() => window.__printed === 1")
    rerun_after(page, button.click)
    page.wait_for_function("() => window.__printed === 2")
    wait_for_app(page)
    assert page.evaluate("window.__printed") == 2, "one print per press, not one per rerun"

    page.emulate_media(media="print")
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("What matters most to you:")).to_be_visible()
    expect(main.get_by_role("heading", name="When to get help")).to_be_visible()
    expect(main.get_by_role("heading", name="More detail")).to_be_hidden()
    expect(button).to_be_hidden()
    expect(page.get_by_role("button", name="Download summary (PDF)")).to_be_hidden()
    expect(main.get_by_text("Check or change your choices")).to_be_hidden()
