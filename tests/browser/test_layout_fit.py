"""Layout in a real browser (issue 13, what was left): no chart text over other text, drawing tools
a clinician can hit on a wall screen, and the treatment comparison readable on a phone.

Screenshots go to artifacts/screenshots/layout/ for a person to look at."""

from __future__ import annotations

import pytest

from explainer import figures, sections
from explainer.content import load_content
from explainer.figures import DRAW_TOOLS, TOOL_PX
from explainer.figures.numbers import NO_FURTHER
from tests.support.layout import SIDEWAYS_INSIDE, TOOLBAR, chart_text_boxes, meet, outside, overlapping
from tests.support.pages import (
    OVERFLOW,
    SCREENSHOTS,
    blocking,
    describe_violations,
    open_fold,
    open_picture_folds,
    open_url,
    rerun_after,
    run_axe,
    url_of,
)

pytestmark = pytest.mark.browser

SHOTS = SCREENSHOTS / "layout"
CONTENT = load_content()
# Marked names are bold and start "Yours:": the widest and tallest labels.
MARKED_SYMPTOMS = "symptoms=dull_ache,touch_sensitivity,old_symptoms_back,sharp_nerve_pain"

# (mode, width, height, marked, wide): the wall screen, a laptop, a tablet in consult mode (the wide
# drawing at its narrowest), consult mode where the column is too narrow for it, reading at home, at
# home with the sidebar open (a narrow column on a wide screen), and phones. `wide`: the wide drawing
# shows (else the phone one, with its list).
BODY_MAP_SCREENS = [
    ("consult", 1920, 1080, True, True),
    ("consult", 1366, 768, True, True),
    ("consult", 1024, 768, True, True),
    ("consult", 800, 800, True, False),
    ("normal", 1366, 768, False, True),
    ("normal", 1366, 768, True, True),
    ("normal", 900, 800, True, False),
    ("normal", 390, 844, True, False),
    ("consult", 390, 844, False, False),
]


def _url(key: str, consult: bool, extra: str = "") -> str:
    params = [p for p in ("consult=1" if consult else "", extra) if p]
    return url_of(sections.by_key(key)) + ("?" + "&".join(params) if params else "")


def _screenshot(page, element, name: str) -> None:
    """The whole element: the main area scrolls, so make the window tall enough (same width, same layout)."""
    size = page.viewport_size
    bottom = element.evaluate("e => e.getBoundingClientRect().height")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], round(bottom) + 300)})
    page.wait_for_timeout(200)
    element.evaluate("e => e.scrollIntoView({block: 'center'})")  # clear of Streamlit's header
    SHOTS.mkdir(parents=True, exist_ok=True)
    element.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size(size)


@pytest.fixture
def screen(kept_tab, request):
    _mode, width, height, *_ = request.param
    return kept_tab.fresh(viewport={"width": width, "height": height}), request.param


@pytest.mark.parametrize(
    "screen", BODY_MAP_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}{'-marked' if s[3] else ''}"
)
def test_no_body_map_text_overlaps_other_text(screen, base_url):
    page, (mode, width, height, marked, wide) = screen
    open_url(page, base_url, _url("symptoms", mode == "consult", MARKED_SYMPTOMS if marked else ""))
    page.wait_for_timeout(300)  # plotly settles its text after the first draw
    charts = page.locator('[data-testid="stMain"] [data-testid="stPlotlyChart"]').locator("visible=true")
    assert charts.count() == 1, f"{charts.count()} body maps shown (one of wide and phone must show)"
    body_map = charts.first
    box, texts = chart_text_boxes(body_map)
    words = " ".join(t["text"] for t in texts)
    assert "Numbness" in words and "Low back" in words, f"the body map's names are not drawn: {words[:200]}"
    shown_wide = body_map.evaluate("c => !!c.closest('[class*=\"st-key-wide_\"]')")
    assert shown_wide == wide, f"{mode} at {width}x{height}: the {'wide' if shown_wide else 'phone'} body map shows"
    assert ("Seen from behind" in words) == wide, "the wide drawing says where it is seen from"

    _screenshot(page, body_map, f"body-map-{mode}-{width}x{height}{'-marked' if marked else ''}")

    assert not overlapping(texts), f"{mode} at {width}x{height}: " + "; ".join(overlapping(texts))
    assert not outside(box, texts), f"{mode} at {width}x{height}: text out of the chart: " + "; ".join(
        outside(box, texts)
    )


# ------------------------------------------------------------------------------------------
# The drawing tools on "The spine and the operation"

TOOL_SCREENS = [
    ("consult", 1920, 1080, False, None),
    ("consult", 1366, 768, False, None),
    ("normal", 1366, 768, False, None),
    ("normal", 390, 844, False, None),
]


@pytest.mark.parametrize("screen", TOOL_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}")
def test_drawing_tools_are_big_named_always_shown_and_cover_nothing(screen, base_url, axe_js):
    page, (mode, width, height, *_) = screen
    open_url(page, base_url, _url("spine", mode == "consult"))
    page.mouse.move(1, 1)  # nowhere near the drawing: the tools must show without a hover
    page.wait_for_timeout(500)  # plotly fades a hover-only toolbar out in 0.3 s
    drawing = page.locator('[data-testid="stMain"] [data-testid="stPlotlyChart"]').filter(
        has=page.locator(".modebar-btn")
    )
    assert drawing.count() == 1, f"{drawing.count()} charts with drawing tools"
    tools = drawing.evaluate(TOOLBAR)
    buttons, plot = tools["buttons"], tools["plot"]
    names = [b["name"] for b in buttons]
    assert names == [name for _, name in DRAW_TOOLS.values()], f"the tools a screen reader names: {names}"
    least = TOOL_PX[mode]
    assert least >= 44
    for b in buttons:
        assert b["tag"] == "button", f"{b['name']}: a {b['tag']}, not a button"
        assert b["width"] >= least and b["height"] >= least, f"{b['name']}: {b['width']:.0f} x {b['height']:.0f} px"
        assert b["opacity"] > 0.99, f"{b['name']}: opacity {b['opacity']} without a hover"
        assert not meet(b, plot), f"{b['name']} covers the drawing: {b} over {plot}"
    for b in page.get_by_role("button", name=DRAW_TOOLS["drawopenpath"][1], exact=True).all():
        assert b.is_visible()
    _, texts = chart_text_boxes(drawing)
    covered = [t["text"] for t in texts for b in buttons if meet(b, t)]
    assert not covered, f"the tools cover the drawing's words: {covered}"
    assert [b["active"] for b in buttons] == [True, False, False], "the pen is in hand at the start"
    # A screen reader hears which tool is in hand: the pen and circle are toggles, the eraser an action.
    assert [b["pressed"] for b in buttons] == ["true", "false", None]

    # They work: the circle tool is chosen with one click (a real click at its centre).
    circle = drawing.get_by_role("button", name=DRAW_TOOLS["drawcircle"][1], exact=True)
    circle.click()
    page.wait_for_timeout(200)
    after = drawing.evaluate(TOOLBAR)["buttons"]
    assert [b["active"] for b in after] == [False, True, False]
    assert [b["pressed"] for b in after] == ["false", "true", None]
    violations = blocking(run_axe(page))
    assert not violations, describe_violations(violations)
    _screenshot(page, drawing, f"drawing-tools-{mode}-{width}x{height}")


# ------------------------------------------------------------------------------------------
# The comparison on "Treatments"

FIVE = ["physical_therapy", "pain_psychology", "epidural_steroid", "spinal_cord_stimulation", "revision_surgery"]
COMPARE_SCREENS = [
    ("normal", 390, 844, False, False),
    ("consult", 390, 844, False, False),
    ("consult", 800, 800, False, False),  # a small window in consult mode: too narrow for six columns
    ("normal", 1366, 768, False, True),
    ("consult", 1366, 768, False, True),
    ("consult", 1920, 1080, False, True),
]


@pytest.mark.parametrize(
    "screen", COMPARE_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}-{'table' if s[4] else 'blocks'}"
)
def test_five_options_compared_without_sideways_scrolling(screen, base_url, axe_js):
    page, (mode, width, height, _, table) = screen
    open_url(page, base_url, _url("treatments", mode == "consult", "treatments=" + ",".join(FIVE)))
    names = [t.name for t in CONTENT.treatments if t.id in FIVE] + [NO_FURTHER]
    assert len(names) == 6
    main = page.locator('[data-testid="stMain"]')
    wide = main.locator(".st-key-wide_compare")
    blocks = main.locator(".st-key-phone_compare")
    assert wide.is_visible() == table and blocks.is_visible() == (not table), (
        f"{mode} at {width}x{height}: table shown {wide.is_visible()}, blocks shown {blocks.is_visible()}"
    )

    doc_width, inner = page.evaluate(OVERFLOW)["document"]
    assert doc_width <= inner, f"the page scrolls sideways: {doc_width} px in a {inner} px window"
    shown = wide if table else blocks
    sideways = shown.evaluate(SIDEWAYS_INSIDE)
    assert not sideways, f"{mode} at {width}x{height}: the comparison scrolls sideways: {sideways}"

    if table:  # a real table: one column per option, named in its header
        headers = [h.strip() for h in wide.locator("table thead th").all_inner_texts()]
        assert headers[1:] == names, headers
    for name in names:
        if table:
            cell = wide.locator("table thead th").filter(has_text=name).first
        else:  # a headed block per option
            cell = blocks.get_by_role("heading", name=name, level=4, exact=True)
        assert cell.count() and cell.is_visible(), f"{name} is not shown"
        cell.scroll_into_view_if_needed()
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= inner + 1, f"{name} is outside the window: {box}"
    if not table:
        assert blocks.get_by_text("What guidelines say:").count() == len(names)  # each option's facts, named
    violations = blocking(run_axe(page))
    assert not violations, describe_violations(violations)
    _screenshot(page, shown, f"compare-{mode}-{width}x{height}")


# The top edges (rounded) of each shown answer's options on What matters to you: one per line.
ANSWER_ROWS = """() => [...document.querySelectorAll('[data-testid="stMain"] [role="radiogroup"]')]
    .filter(g => g.getClientRects().length > 0)
    .map(g => [g.getAttribute('aria-label'),
               new Set([...g.querySelectorAll('button')].map(b => Math.round(b.getBoundingClientRect().top))).size])"""


def test_each_answer_is_one_line_on_a_phone(kept_tab, base_url):
    """With their words at the text's size, 'Leaning towards', 'Not sure' and 'Not for me' still sit
    on one line of a 390 px phone: a control broken over two lines reads as two."""
    page = kept_tab.fresh(viewport={"width": 390, "height": 844})
    open_url(page, base_url, _url("values", False, "treatments=physical_therapy,spinal_cord_stimulation"))
    rows = page.evaluate(ANSWER_ROWS)
    assert len(rows) >= 3 + len(CONTENT.readiness), rows  # two options, no further treatment, readiness
    assert all(lines == 1 for _, lines in rows), rows


# ------------------------------------------------------------------------------------------
# "Where in the spine" on Why pain can continue: the side view with every cause and its key

# The screens the test of every chart below does not open: consult mode on a laptop, at home
# without a mark, and at home with the sidebar open on a small screen (the phone figure shows).
PLACES_SCREENS = [
    ("consult", 1366, 768, True, True),
    ("normal", 1366, 768, False, True),
    ("normal", 900, 800, True, False),  # the sidebar open: too narrow for the key beside the drawing
]


@pytest.mark.parametrize(
    "screen", PLACES_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}{'-marked' if s[3] else ''}"
)
def test_no_spine_label_overlaps_the_key_of_causes(screen, base_url):
    """The parts named at the back of the spine (facet joint, back muscles...) and the numbered key
    of causes beside the drawing never cover each other, at home with the sidebar open too."""
    page, (mode, width, height, marked, wide) = screen
    open_url(page, base_url, _url("causes", mode == "consult", "causes=scar_tissue,adjacent_segment" if marked else ""))
    open_fold(page, "cause_places")
    page.wait_for_timeout(300)
    charts = page.locator('[data-testid="stMain"] [class*="st-key-cause_places_"] [data-testid="stPlotlyChart"]')
    places = charts.locator("visible=true")
    assert places.count() == 1, f"{places.count()} side views shown (one of wide and phone must show)"
    box, texts = chart_text_boxes(places.first)
    words = " ".join(t["text"] for t in texts)
    assert "Nerve root" in words and "Scar tissue" in words, f"the side view's names are not drawn: {words[:200]}"
    shown_wide = places.first.evaluate("c => !!c.closest('[class*=\"st-key-wide_\"]')")
    assert shown_wide == wide, f"{mode} at {width}x{height}: the {'wide' if shown_wide else 'phone'} side view shows"
    _screenshot(page, places.first, f"spine-places-{mode}-{width}x{height}{'-marked' if marked else ''}")
    if wide:  # the drawing starts beside the key's first line, not halfway down a long key
        [front] = [t for t in texts if t["text"] == "Front (belly side)"]
        assert front["top"] - box["top"] < 60, f"the drawing starts {front['top'] - box['top']:.0f} px down"
    assert not overlapping(texts), f"{mode} at {width}x{height}: " + "; ".join(overlapping(texts))
    assert not outside(box, texts), f"{mode} at {width}x{height}: text out of the chart: " + "; ".join(
        outside(box, texts)
    )


# ------------------------------------------------------------------------------------------
# Every chart on every step: no text over other text, none out of its chart

CHART_STEPS = [s.key for s in sections.GUIDED if s.key != "start"]  # start's picture is an image
EVERY_MARK = (
    "causes=scar_tissue,instability&symptoms=dull_ache,numbness"
    "&treatments=spinal_cord_stimulation,physical_therapy,epidural_steroid"
    "&leanings=spinal_cord_stimulation:leaning&questions=q_cause"
)
# The wall screen, a tablet in consult mode, a laptop at home with the sidebar open (the narrowest
# column a wide chart is drawn in), a small laptop with the sidebar open, a 320 px screen (the
# width WCAG 1.4.10 asks a page to reflow to; what fits it fits a 360 or 390 px phone too), and
# consult mode on a phone.
CHART_SCREENS = [
    ("consult", 1920, 1080),
    ("consult", 768, 1024),
    ("normal", 1366, 768),
    ("normal", 900, 800),
    ("normal", 320, 640),
    ("consult", 390, 844),
]


@pytest.mark.parametrize("screen", CHART_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}")
def test_no_chart_text_overlaps_or_runs_out_on_any_step(screen, base_url):
    """With causes, symptoms, options, an answer and a question marked (the longest, boldest
    names), every shown chart keeps each text clear of the others and inside the chart."""
    page, (mode, width, height) = screen
    problems = []
    for key in CHART_STEPS:
        open_url(page, base_url, _url(key, mode == "consult", EVERY_MARK))
        open_picture_folds(page, key)  # their charts are checked too
        page.wait_for_timeout(300)  # plotly settles its text after the first draw
        charts = page.locator('[data-testid="stMain"] [data-testid="stPlotlyChart"]').locator("visible=true")
        for i in range(charts.count()):
            box, texts = chart_text_boxes(charts.nth(i))
            found = overlapping(texts) + outside(box, texts)
            if found:
                problems.append(f"{key}, chart {i + 1}: " + "; ".join(found[:4]))
    assert not problems, f"{mode} at {width}x{height}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [360, 390])
def test_the_options_as_100_people_fit_a_phone_in_consult_mode(kept_tab, base_url, width):
    """In consult mode's type the wide icon arrays do not fit a phone: the same numbers show as a
    drawing made for it, at its own size (not shrunk), with its name; the wide chart is hidden."""
    page = kept_tab.fresh(viewport={"width": width, "height": 800})
    open_url(page, base_url, _url("treatments", True, "treatments=epidural_steroid,spinal_cord_stimulation"))
    main = page.locator('[data-testid="stMain"]')
    wide = main.locator('.st-key-wide_treatment_numbers_chart [data-testid="stPlotlyChart"]')
    assert wide.count() == 1 and not wide.is_visible()
    [image] = main.locator(".st-key-phone_treatment_numbers_chart img").all()
    assert image.is_visible() and image.get_attribute("alt").startswith("Icon arrays")
    shown = image.evaluate("i => [i.getBoundingClientRect().width, i.naturalWidth, i.parentElement.clientWidth]")
    assert shown[0] == shown[1] <= shown[2], f"drawn {shown[0]} px wide, made {shown[1]}, room {shown[2]}"
    overflow = page.evaluate(OVERFLOW)
    assert not overflow["culprits"] and overflow["document"][0] <= width, f"the page scrolls sideways: {overflow}"
    _screenshot(page, image, f"treatment-numbers-consult-{width}")


# The wall screen, 320 px at home, the narrowest common phone in consult mode's type (one drawing
# fits all: labels sit inside it at the narrowest), and a tablet in consult mode.
OPERATION_SCREENS = [("consult", 1920, 1080), ("normal", 320, 640), ("consult", 360, 740), ("consult", 768, 1024)]


@pytest.mark.parametrize("screen", OPERATION_SCREENS, indirect=True, ids=lambda s: f"{s[0]}-{s[1]}x{s[2]}")
def test_each_operation_before_and_after_keeps_its_labels_apart(screen, base_url):
    """The drawing the clinician points at, for each operation before and after: no label over
    another, none out of the drawing."""
    page, (mode, width, height) = screen
    open_url(page, base_url, _url("spine", mode == "consult"))
    problems = []
    for operation in figures.OPERATIONS.values():
        for state in ("Before", "After"):
            for control, name in (("spine_operation", operation), ("spine_view", state)):
                choice = page.locator(f".st-key-{control}").get_by_role("radio", name=name, exact=True)
                if choice.get_attribute("aria-checked") != "true":
                    rerun_after(page, choice.click)
            chart = page.locator(
                '[data-testid="stMain"] [class*="st-key-operation_chart"] [data-testid="stPlotlyChart"]'
            )
            page.wait_for_timeout(300)  # plotly settles its text after the first draw
            box, texts = chart_text_boxes(chart.locator("visible=true").first)
            found = overlapping(texts) + outside(box, texts)
            if found:
                problems.append(f"{operation} {state.lower()}: " + "; ".join(found[:4]))
    assert not problems, f"{mode} at {width}x{height}:\n" + "\n".join(problems)
