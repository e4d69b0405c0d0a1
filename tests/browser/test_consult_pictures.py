"""Picture first in consult mode (issue 13 points 1-5 and 8), in a real browser.

On every guided step, at 1920x1080 and 1366x768: the first picture's top edge is on
the first screen, no chart text is under 70 % of the body text, this patient's marks are highlighted;
a tap on the body map picks the symptom; the folded sidebar is out of the tab order; focus lands on
the heading after a move; one Next control. Screenshots of each step at 1920x1080 go to
artifacts/screenshots/consult-1920/ for a person to look at."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from explainer import sections
from explainer.figures import body_px, floor_px
from tests.support.browser import wait_for_app
from tests.support.pages import (
    CONSULT_SCREENS,
    POINT_JS,
    SCREENSHOTS,
    assert_consult_fits,
    open_every_fold,
    open_picture_folds,
    open_url,
    pill,
    rerun_after,
    segmented,
    sidebar_link,
    url_of,
)

pytestmark = pytest.mark.browser

GUIDED = [section.key for section in sections.GUIDED]
MARKED = "causes=scar_tissue&symptoms=dull_ache"
SCREENS_DIR = SCREENSHOTS / "consult-1920"


# The shown charts: a picture drawn twice (wide and phone) shows one of the two; the hidden one
# has no offsetParent.
VISIBLE_CHARTS = """[...document.querySelectorAll('[data-testid="stMain"] [data-testid="stPlotlyChart"]')]
    .filter(c => c.offsetParent !== null)"""
# Pictures drawn without plotly (explainer.figures.icons): SVG shown as an image with its alt text.
VISIBLE_PICTURES = """[...document.querySelectorAll('[data-testid="stMain"] img[src^="data:image/svg+xml"]')]
    .filter(c => c.offsetParent !== null && c.alt)"""
FIRST_CHART_TOP = f"""() => {{
    const tops = [...{VISIBLE_CHARTS}, ...{VISIBLE_PICTURES}].map(c => c.getBoundingClientRect().top);
    return tops.length ? Math.min(...tops) : null;
}}"""
CHART_COUNT = f"() => {VISIBLE_CHARTS}.length + {VISIBLE_PICTURES}.length"
# Every text plotly drew in the shown charts (SVG <text>, not hover labels), with its font size.
CHART_TEXTS = f"""() => {VISIBLE_CHARTS}.flatMap(c => [...c.querySelectorAll('svg text')])
    .filter(t => t.textContent.trim() && !t.closest('.hoverlayer'))
    .map(t => [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize)])"""
FOCUSED_IN_SIDEBAR = """() => !!document.activeElement
    && !!document.activeElement.closest('[data-testid="stSidebar"]')"""


def consult_url(key: str, extra: str = "") -> str:
    return url_of(sections.by_key(key)) + "?consult=1" + (f"&{extra}" if extra else "")


@pytest.fixture
def screen(kept_tab, request):
    width, height = request.param
    return kept_tab.fresh(viewport={"width": width, "height": height}), (width, height)


@pytest.mark.parametrize("screen", CONSULT_SCREENS, indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("key", GUIDED)
def test_each_step_opens_on_its_picture_with_large_chart_text(screen, base_url, key):
    page, (width, height) = screen
    open_url(page, base_url, consult_url(key, MARKED))
    page.wait_for_timeout(300)  # the last chart settles its text
    top = page.evaluate(FIRST_CHART_TOP)
    assert top is not None, f"{key}: no picture"
    assert 0 <= top < height - 100, f"{key} at {width}x{height}: the first picture starts at {top} px"
    assert_consult_fits(page, key, width, height)  # for test_consult_mode, which leaves these out

    open_picture_folds(page, key)  # the pictures a click away are checked too
    floor = floor_px(body_px(True))
    texts = page.evaluate(CHART_TEXTS)
    # A guess is 100 dots, no text; the start page's picture is an image (its text: test_icons.py).
    assert texts or key in ("evidence", "start"), f"{key}: no chart text found"
    small = [(t, size) for t, size in texts if size < floor - 0.01]
    assert not small, f"{key}: chart text under {floor} px: {small[:5]}"

    # Every chart keeps its words and its table.
    charts = page.evaluate(CHART_COUNT)
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("In words:").count() >= charts
    assert main.get_by_text("See this chart as a table").count() >= charts
    open_every_fold(page)
    tables = main.locator("details.fold").filter(has_text="See this chart as a table").locator("table")
    assert tables.count() >= charts, f"{key}: {charts} charts but {tables.count()} tables of their data"

    if width == 1920:
        SCREENS_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENS_DIR / f"{sections.by_key(key).step:02d}-{key}.png"))


@pytest.mark.parametrize("key", ["spine", "causes", "symptoms"])
def test_this_patients_marks_are_highlighted(page, base_url, key):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_url(page, base_url, consult_url(key, MARKED))
    texts = " ".join(t for t, _ in page.evaluate(CHART_TEXTS))
    assert "Yours" in texts, f"{key}: the patient's marks are not highlighted"
    open_url(page, base_url, consult_url(key))
    texts = " ".join(t for t, _ in page.evaluate(CHART_TEXTS))
    assert "Yours" not in texts


def test_the_spine_step_shows_the_side_view_and_the_operation_picker_on_the_wall_screen(page, base_url):
    """Both drawings start on the first screen and the picker sits over the drawing it changes, so
    the clinician shows another operation, or before and after, without scrolling."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_url(page, base_url, consult_url("spine", MARKED))
    side = page.locator(".st-key-spine_side_chart").first.bounding_box()
    picker = page.locator(".st-key-operation_controls").bounding_box()
    assert side and picker, "the side view or the operation picker is missing"
    assert side["y"] + side["height"] <= 1080, f"the side view runs off the first screen: {side}"
    assert picker["y"] + picker["height"] <= 1080 and picker["x"] > side["x"] + side["width"] - 1, picker


def test_a_tap_on_the_body_map_picks_the_symptom(page, base_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_url(page, base_url, consult_url("symptoms"))
    numbness = pill(page, "Which of these do you have?", "Numbness")
    expect(numbness).to_have_attribute("aria-pressed", "false")  # not picked yet
    x, y = page.evaluate(POINT_JS, "numbness")
    rerun_after(page, lambda: page.mouse.click(x, y))
    wait_for_app(page)
    expect(numbness).to_have_attribute("aria-pressed", "true")
    texts = " ".join(t for t, _ in page.evaluate(CHART_TEXTS))
    assert "Yours" in texts


@pytest.mark.parametrize(("width", "height", "consult"), [(1920, 1080, True), (390, 844, False)])
def test_a_tap_on_where_you_stand_answers_for_that_option(page, base_url, width, height, consult):
    """On the wall screen and on a phone at home: a tap on a ring answers for that option, as its
    control does, and the answer is kept (the app's state: it is still there after a page move)."""
    page.set_viewport_size({"width": width, "height": height})
    url = url_of(sections.by_key("values")) + f"?{'consult=1&' if consult else ''}treatments=physical_therapy"
    open_url(page, base_url, url)
    answer = segmented(page, "Physical therapy and exercise").get_by_role("radio", name="Not for me", exact=True)
    expect(answer).to_have_attribute("aria-checked", "false")
    x, y = page.evaluate(POINT_JS, "physical_therapy:not_for_me")
    rerun_after(page, lambda: page.mouse.click(x, y))
    wait_for_app(page)
    expect(answer).to_have_attribute("aria-checked", "true")
    assert "Not for me: physical therapy and exercise" in page.locator('[data-testid="stMain"]').inner_text()
    # On to the next step (the consult bar's Next, or the page's) and the answer is on its picture too.
    following = page.get_by_role("link", name=re.compile(r"^Next: ")).or_(
        page.get_by_role("button", name=re.compile(r"^Next\b"))
    )
    following.locator("visible=true").first.click()
    page.wait_for_url(re.compile(r"/summary"))
    wait_for_app(page)
    assert "Not for me: physical therapy and exercise" in page.locator('[data-testid="stMain"]').inner_text()


def test_the_folded_sidebar_is_not_in_the_tab_order_and_opens_with_its_button(page, base_url):
    open_url(page, base_url, consult_url("causes"))
    page.locator('[data-testid="stMain"] h1').first.click()
    for _ in range(25):
        page.keyboard.press("Tab")
        assert not page.evaluate(FOCUSED_IN_SIDEBAR), "a folded sidebar link took the focus"
    # Folded, not gone: the clinician opens it to go straight to any step, still in consult mode.
    page.get_by_test_id("stExpandSidebarButton").click()
    aims = sidebar_link(page, sections.by_key("aims"))
    expect(aims).to_be_visible()
    rerun_after(page, aims.click)
    page.wait_for_url(re.compile(rf"/{sections.by_key('aims').url_path}\?(.*&)?consult=1"))
    expect(
        page.locator('[data-testid="stMain"]').get_by_text(
            f"Step {sections.by_key('aims').step} of {len(GUIDED)}", exact=True
        )
    ).to_be_visible()


def test_one_next_control_and_focus_on_the_heading_after_a_move(page, base_url):
    open_url(page, base_url, consult_url("spine"))
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("button", name=re.compile("^Next:"))).to_have_count(1)
    expect(main.get_by_role("link", name=re.compile("^Next:"))).to_have_count(0)
    rerun_after(page, main.get_by_role("button", name="Next: Why pain can continue").click)
    page.wait_for_url(re.compile(r"/causes\?"))
    wait_for_app(page)
    heading = main.get_by_role("heading", name="Why pain can continue", level=1)
    expect(heading).to_be_focused()


def test_focus_goes_to_the_heading_after_a_sidebar_move_and_stays_put_on_a_rerun(page, base_url):
    open_url(page, base_url, url_of(sections.by_key("start")))
    rerun_after(page, sidebar_link(page, sections.by_key("aims")).click)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_role("heading", name=sections.by_key("aims").title, level=1)).to_be_focused()
    # A pick on the same page reruns it: focus stays on what was pressed, not pulled back to the heading.
    target = pill(page, "Pick one or more treatments", "Spinal cord stimulation")
    rerun_after(page, target.click)
    page.wait_for_timeout(300)
    expect(target).to_be_focused()


def test_start_lists_the_steps_once(page, base_url):
    open_url(page, base_url, consult_url("start"))
    main = page.locator('[data-testid="stMain"]')
    for section in sections.GUIDED[1:]:
        expect(main.get_by_role("link", name=re.compile(re.escape(section.title)))).to_have_count(1)


@pytest.mark.parametrize(("key", "chart"), [("causes", "cause_map"), ("symptoms", "body_map")])
def test_a_phone_gets_the_narrow_picture(page, base_url, key, chart):
    page.set_viewport_size({"width": 390, "height": 844})
    open_url(page, base_url, url_of(sections.by_key(key)))
    expect(page.locator(f".st-key-phone_{chart} [data-testid='stPlotlyChart']")).to_be_visible()
    expect(page.locator(f".st-key-wide_{chart} [data-testid='stPlotlyChart']")).to_be_hidden()
    page.set_viewport_size({"width": 1366, "height": 768})
    expect(page.locator(f".st-key-wide_{chart} [data-testid='stPlotlyChart']")).to_be_visible()
