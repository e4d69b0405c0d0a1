"""The main flows, clicked as a person clicks them: the cause groupings and the treatment <-> symptom filter.

Expected texts come from the content through the same pure functions the pages use, so a content edit
does not break these tests, but a page that stops showing what the content says does.
"""

import re

import pytest

from explainer.aims import aim_sentences
from explainer.causes import DIMENSIONS, causes_in_category
from explainer.content import load_content
from explainer.vocabulary import Direction
from tests.support.pages import (
    GRID,
    POINT_JS,
    SECTION,
    assert_page_complete,
    assert_visible,
    open_url,
    pick_pill,
    pick_segment,
    pills,
    rerun_after,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def content():
    return load_content()


def chart_state(page, index: int = 0) -> dict:
    """What a chart shows: its accessible name, its axis labels and the colours of its marks."""
    chart = page.locator('[data-testid="stPlotlyChart"]').nth(index)
    return chart.evaluate(
        """el => ({
            name: el.getAttribute('aria-label'),
            yticks: [...el.querySelectorAll('.ytick text')].map(t => t.textContent),
            xticks: [...el.querySelectorAll('.xtick text')].map(t => t.textContent),
            fills: [...el.querySelectorAll('.point path, .point, path.point')].map(p => p.style.fill),
        })"""
    )


def test_a_click_on_the_cause_map_or_a_group_shows_the_cards(page, console, base_url, content):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_url(page, base_url, "/causes")
    main = page.locator('[data-testid="stMain"]')
    cause = next(c for c in content.causes if c.id == "disc_infection")
    x, y = page.evaluate(POINT_JS, cause.id)
    rerun_after(page, lambda: page.mouse.click(x, y))
    assert_visible(main.get_by_role("heading", name=cause.name, level=4))

    pick_segment(page, "Sort the causes by", DIMENSIONS["mechanism"])
    group = next(
        c
        for c in content.categories("mechanism")
        if 1 < len(causes_in_category(content, "mechanism", c.id)) < len(content.causes)
    )
    expected = [c.name for c in causes_in_category(content, "mechanism", group.id)]
    pick_pill(page, "Pick a group to see its causes", group.label)
    n = len(expected)
    assert_visible(page.get_by_role("heading", name=f"{group.label}: {n} cause{'s' if n != 1 else ''}"))
    for name in expected:
        assert_visible(main.get_by_role("heading", name=re.compile("^" + re.escape(name)), level=4))
    assert_page_complete(page, SECTION["causes"], console)


def test_treatment_filter_from_a_treatment(page, console, base_url, content):
    scs = next(t for t in content.treatments if t.name == "Spinal cord stimulation")
    open_url(page, base_url, "/treatment-aims")
    assert page.get_by_role("figure", name=GRID).count() == 0
    assert_visible(page.get_by_text("Pick at least one treatment above"))

    pick_pill(page, "Pick one or more treatments", "Spinal cord stimulation")
    grid = page.get_by_role("figure", name=GRID)
    assert grid.count() == 1
    assert grid.locator(".main-svg").count() >= 1
    # The picked treatment goes across the grid (one column), the symptoms down.
    columns = grid.evaluate("el => [...el.querySelectorAll('.xtick text')].map(t => t.textContent)")
    assert [c.replace(" ", "") for c in columns] == [scs.name.replace(" ", "")], columns  # one name, wrapped
    rows = grid.evaluate("el => [...el.querySelectorAll('.ytick text')].map(t => t.textContent)")
    assert sorted(r.replace(" ", "") for r in rows) == sorted(s.name.replace(" ", "") for s in content.symptoms), rows
    assert_visible(page.get_by_text("It mainly aims at sharp, shooting nerve pain in the leg."))
    assert_visible(page.get_by_role("heading", name="Spinal cord stimulation", exact=True))
    assert_page_complete(page, SECTION["aims"], console)


def test_treatment_filter_from_a_symptom(page, console, base_url, content):
    open_url(page, base_url, "/treatment-aims")
    pick_segment(page, "Start from", "Symptoms")
    assert_visible(pills(page, "Pick one or more symptoms"))
    assert pills(page, "Pick one or more treatments").count() == 0
    assert_visible(page.get_by_text("Pick at least one symptom above"))

    # A symptom that some treatment mainly aims at: its sentence names those treatments.
    symptom = next(s for s in content.symptoms if any(x.symptom_id == s.id and x.aim == "main" for x in content.links))
    [(title, sentence)] = aim_sentences(content, Direction.BY_SYMPTOM, [symptom.id])
    assert sentence.startswith("Treatments that mainly aim at it:")

    pick_pill(page, "Pick one or more symptoms", symptom.name)
    grid = page.get_by_role("figure", name=GRID)
    assert grid.count() == 1
    rows = grid.evaluate("el => [...el.querySelectorAll('.ytick text')].map(t => t.textContent)")
    assert sorted(r.replace(" ", "") for r in rows) == sorted(t.name.replace(" ", "") for t in content.treatments), rows
    assert_visible(page.get_by_role("heading", name=title, exact=True))
    assert_visible(page.get_by_text(sentence, exact=True))
    assert_page_complete(page, SECTION["aims"], console)
