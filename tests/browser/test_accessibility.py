"""Accessibility: axe-core finds no serious or critical WCAG 2.1 A/AA problem on any page, every chart
has an accessible name and a text summary beside it, and the filter works with the keyboard alone.

axe-core comes from npm (tests/browser/package.json) and is injected from node_modules: no CDN.
"""

import pytest

from tests.support.browser import wait_for_app
from tests.support.pages import (
    GRID,
    PAGES,
    SECTION,
    assert_page_complete,
    assert_visible,
    blocking,
    describe_violations,
    open_every_fold,
    open_url,
    rerun_after,
    reveal_everything,
    run_axe,
    url_of,
)

pytestmark = pytest.mark.browser


def assert_charts_named_and_described(page, section) -> None:
    """Every chart has an accessible name, and its summary in words comes right after it."""
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for i in range(charts.count()):
        chart = charts.nth(i)
        # st.plotly_chart(alt=...) puts role="figure" and aria-label on the chart's container.
        name = chart.get_attribute("aria-label")
        role = chart.get_attribute("role")
        assert role in {"figure", "img"}, f"{section.key}: chart {i} has role {role!r}"
        assert name and len(name.split()) >= 4, f"{section.key}: chart {i} has no useful accessible name: {name!r}"
        assert page.get_by_role(role, name=name, exact=True).count() >= 1
        after = chart.evaluate(
            """el => {
                const box = el.closest('[data-testid="stElementContainer"]');
                let next = box && box.nextElementSibling;
                // A picture drawn wide and narrow (two keyed blocks, the width shows one): the words
                // follow the pair.
                const pair = '[class*="st-key-wide_"], [class*="st-key-phone_"]';
                let wrap = !next && el.closest(pair);
                while (wrap && !wrap.nextElementSibling) wrap = wrap.parentElement;
                if (wrap) next = wrap.nextElementSibling;
                while (next && (next.matches(pair) || next.querySelector(pair))) next = next.nextElementSibling;
                return next ? next.innerText.trim() : '';
            }"""
        )
        assert after.startswith("In words:") and len(after.split()) >= 6, (
            f"{section.key}: chart {i} ({name!r}) is followed by {after[:120]!r}, not its summary in words"
        )


CHART_PAGES = {"spine", "causes", "treatments", "aims", "evidence"}


@pytest.mark.parametrize("section", PAGES, ids=lambda s: s.key)
def test_every_page_is_accessible(page, base_url, axe_js, section):
    """axe-core as the page opens, then with every chart and expander shown; every chart named and described."""
    open_url(page, base_url, url_of(section))
    found = {"as it opens": blocking(run_axe(page))}
    # The page's other states: every chart shown (evidence answers, one treatment picked) ...
    reveal_everything(page, section)
    if section.key in CHART_PAGES:
        assert page.locator('[data-testid="stPlotlyChart"]').count() >= 1, f"{section.key}: no chart to check"
    assert_charts_named_and_described(page, section)
    # ... and every fold open (citations, the tables of the charts, the treatment cards).
    open_every_fold(page)
    found["with every chart and expander shown"] = blocking(run_axe(page))
    problems = {state: v for state, v in found.items() if v}
    assert not problems, f"axe-core on {url_of(section)}:\n" + "\n".join(
        f"-- {state}:\n{describe_violations(v)}" for state, v in problems.items()
    )


def test_axe_finds_no_serious_problem_in_the_glossary(page, base_url, axe_js):
    open_url(page, base_url, "/")
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Words explained").click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for()
    wait_for_app(page)
    assert_visible(dialog.get_by_text("Words explained"))
    violations = blocking(run_axe(page))
    assert not violations, "axe-core with the glossary open:\n" + describe_violations(violations)


FOCUSED = """() => {
    const el = document.activeElement;
    const group = el && el.closest('[role="toolbar"], [role="radiogroup"]');
    const s = getComputedStyle(el);
    return {text: (el.innerText || '').trim(), group: group && group.getAttribute('aria-label'),
            pressed: el.getAttribute('aria-pressed'),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
            shadow: s.boxShadow !== 'none' && s.boxShadow !== ''};
}"""


def test_the_filter_works_with_the_keyboard_alone(page, console, base_url):
    """Tab to the treatment pills, arrow to 'Spinal cord stimulation', press Space: the grid appears.

    The pills are an ARIA toolbar: Tab enters it once, the arrow keys move between its buttons."""
    open_url(page, base_url, "/treatment-aims")
    assert page.get_by_role("figure", name=GRID).count() == 0
    focused = None
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["group"] == "Pick one or more treatments":
            break
    else:
        pytest.fail(f"150 presses of Tab never reached the treatment pills (last focus: {focused})")
    for _ in range(30):
        if focused["text"] == "Spinal cord stimulation":
            break
        page.keyboard.press("ArrowRight")
        focused = page.evaluate(FOCUSED)
    else:
        pytest.fail(f"the arrow keys never reached 'Spinal cord stimulation' (last focus: {focused})")
    assert focused["group"] == "Pick one or more treatments" and focused["pressed"] == "false", focused
    assert focused["outline"] or focused["shadow"], f"the focused pill shows no focus indicator: {focused}"

    rerun_after(page, lambda: page.keyboard.press("Space"))
    grid = page.get_by_role("figure", name=GRID)
    assert grid.count() == 1 and grid.locator(".main-svg").count() >= 1
    assert_visible(page.get_by_text("It mainly aims at sharp, shooting nerve pain in the leg."))
    pill = page.get_by_role("toolbar", name="Pick one or more treatments").get_by_role(
        "button", name="Spinal cord stimulation", exact=True
    )
    assert pill.get_attribute("aria-pressed") == "true"

    # Focus stays on the pill through the rerun, and Enter takes it off again.
    focused = page.evaluate(FOCUSED)
    assert focused["text"] == "Spinal cord stimulation" and focused["pressed"] == "true", focused
    rerun_after(page, lambda: page.keyboard.press("Enter"))
    assert page.get_by_role("figure", name=GRID).count() == 0
    assert_page_complete(page, SECTION["aims"], console)
