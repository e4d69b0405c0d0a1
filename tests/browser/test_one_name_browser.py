"""One name everywhere, as drawn (issue 13, point 6): the treatment ladder and the aim grid show each
option and symptom by its full name, wrapped, and still fit: at 1920x1080 and 1366x768 in consult
mode and at 390 px on a phone, no label leaves its chart and none is under 70 % of the body text.
Screenshots go to artifacts/screenshots/one-name/ for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from explainer import sections
from explainer.figures import body_px, floor_px
from tests.support.pages import SCREENSHOTS, open_url, url_of

pytestmark = pytest.mark.browser

PICKED = "treatments=nsaids,act_therapy,epidural_steroid,spinal_cord_stimulation,revision_surgery"
SCREENS = [(1920, 1080, True), (1366, 768, True), (390, 844, False)]
SHOTS = SCREENSHOTS / "one-name"
LADDER = "Chart of the treatment options, ordered from least to most invasive"


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def screen(kept_tab, request):
    width, height, consult = request.param
    return kept_tab.fresh(viewport={"width": width, "height": height}), width, consult


GRID = "Grid of treatments against symptoms: main aim, may help, or not aimed at"


def _check(page, figure_name: str, consult: bool, shot: str) -> list[dict]:
    chart = page.get_by_role("figure", name=figure_name).locator("visible=true")  # wide or phone, as shown
    chart.first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # the chart settles its text
    SHOTS.mkdir(parents=True, exist_ok=True)
    chart.first.screenshot(path=str(SHOTS / shot))
    texts = chart.first.evaluate(
        """(c) => { const box = c.getBoundingClientRect();
        return [...c.querySelectorAll('svg text')]
            .filter(t => t.textContent.trim() && !t.closest('.hoverlayer'))
            .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent.trim(), size: parseFloat(getComputedStyle(t).fontSize),
                        inside: r.left >= box.left - 1 && r.right <= box.right + 1
                                && r.top >= box.top - 1 && r.bottom <= box.bottom + 1}; }); }"""
    )
    floor = floor_px(body_px(consult))
    assert texts, f"{figure_name}: no text"
    small = [(t["text"], t["size"]) for t in texts if t["size"] < floor - 0.01]
    assert not small, f"{figure_name}: text under {floor} px: {small[:5]}"
    outside = [t["text"] for t in texts if not t["inside"]]
    assert not outside, f"{figure_name}: labels leave the chart: {outside[:5]}"
    return texts


@pytest.mark.parametrize("screen", SCREENS, indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_ladder_and_the_grid_show_full_names_that_fit(screen, base_url, content):
    page, width, consult = screen
    mode = "&consult=1" if consult else ""

    open_url(page, base_url, url_of(sections.by_key("treatments")) + f"?{PICKED}{mode}")
    texts = _check(page, LADDER, consult, f"ladder-{width}.png")
    shown = {_squash(t["text"]) for t in texts}
    for t in content.treatments:
        assert _squash(t.name) in shown, f"the ladder does not name {t.name!r}: {sorted(shown)}"

    open_url(page, base_url, url_of(sections.by_key("aims")) + f"?{PICKED}{mode}")
    if width <= 640:  # a phone reads the grid as its table (full names; one chart less per click)
        phone = page.locator(".st-key-phone_aim_matrix_chart table")
        expect(phone).to_be_visible()
        expect(page.get_by_role("figure", name=GRID).locator("visible=true")).to_have_count(0)
        shown = _squash(phone.inner_text())
        named = [t.name for t in content.treatments if t.id in PICKED] + [s.name for s in content.symptoms]
        assert all(_squash(n) in shown for n in named), shown
        return
    grid = GRID
    if page.get_by_role("figure", name=grid).count() == 0:  # the filter opens on the marked options
        pytest.fail("the aim grid is not drawn for the marked treatments")
    texts = _check(page, grid, consult, f"grid-{width}.png")
    labels = "".join(_squash(t["text"]) for t in texts)
    for t in content.treatments:
        if t.id in PICKED:
            assert _squash(t.name) in labels, t.name
    for s in content.symptoms:
        assert _squash(s.name) in labels, s.name
