"""Screens: at a laptop, a small laptop/tablet and a phone size, no page scrolls sideways, and a full-page
screenshot of every page is written to artifacts/screenshots/<width>x<height>/<page>.png for a person
to look at. Each page is shown with all its charts (the evidence answers, one treatment in the filter).
"""

import pytest

from tests.support.browser import wait_for_app
from tests.support.pages import (
    OVERFLOW,
    PAGES,
    SCREENSHOTS,
    assert_page_complete,
    click_nav,
    open_url,
    reveal_everything,
    sidebar_link,
    url_of,
)

pytestmark = pytest.mark.browser

VIEWPORTS = [(1366, 768), (1024, 768), (390, 844)]


FULL_HEIGHT = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const side = document.querySelector('[data-testid="stSidebarContent"]');
    return Math.max(main ? main.scrollHeight : 0, side && side.offsetWidth > 100 ? side.scrollHeight : 0,
                    document.scrollingElement.scrollHeight);
}"""


def full_page_screenshot(page, path, width: int, height: int) -> None:
    """Streamlit's main area scrolls inside a fixed-height app, so a 'full page' screenshot only shows
    the viewport: make the window as tall as the content, take it, then put the window back."""
    full = min(page.evaluate(FULL_HEIGHT), 20_000)
    if full > height:
        page.set_viewport_size({"width": width, "height": full})
        wait_for_app(page, settle_ms=0)  # no rerun: only the charts redraw
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    if full > height:
        page.set_viewport_size({"width": width, "height": height})


@pytest.mark.parametrize("size", VIEWPORTS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_sideways_scrolling_and_a_screenshot_of_every_page(page, base_url, size):
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    problems = []
    open_url(page, base_url, url_of(PAGES[0]))
    for section in PAGES:
        # Where the sidebar shows, move on through it (cheaper than reloading); on a phone, by address.
        if section is not PAGES[0]:
            box = sidebar_link(page, section).bounding_box()
            if box and box["x"] >= 0 and box["x"] + box["width"] <= width:
                click_nav(page, section)
            else:
                open_url(page, base_url, url_of(section))
        reveal_everything(page, section)
        assert_page_complete(page, section)
        found = page.evaluate(OVERFLOW)
        doc_width, inner = found["document"]
        sideways = doc_width > inner + 1 or (found["main"] and found["main"][0] > found["main"][1] + 1)
        if sideways:
            problems.append(
                f"{url_of(section)} at {width}x{height}: document {doc_width}px / window {inner}px, "
                f"main area {found['main']}\n    " + "\n    ".join(found["culprits"])
            )
        key = "start" if url_of(section) == "/" else section.url_path
        full_page_screenshot(page, SCREENSHOTS / f"{width}x{height}" / f"{key}.png", width, height)
    assert not problems, "pages that scroll sideways:\n" + "\n".join(problems)
