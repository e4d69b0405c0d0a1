"""Every page renders completely, reached by a deep link and by the sidebar navigation."""

import pytest

from tests.support.pages import PAGES, assert_page_complete, assert_shared_sidebar, click_nav, open_url, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("section", PAGES, ids=lambda s: s.key)
def test_page_by_deep_link(page, console, base_url, section):
    open_url(page, base_url, url_of(section))
    assert_shared_sidebar(page)
    assert_page_complete(page, section, console)


def test_every_page_by_the_sidebar_navigation(page, console, base_url):
    """One session clicks through the whole navigation (and back to the first page), as a person would."""
    open_url(page, base_url, url_of(PAGES[0]))
    console.clear()  # the first page is checked by its deep-link test, and again at the end of the tour
    problems = []
    for section in [*PAGES[1:], PAGES[0]]:
        try:
            click_nav(page, section)
            assert_shared_sidebar(page)
            assert_page_complete(page, section, console)
        except AssertionError as error:
            problems.append(f"{section.title} ({url_of(section)}): {error}")
        console.clear()
    assert not problems, "pages reached by the navigation:\n" + "\n".join(problems)
