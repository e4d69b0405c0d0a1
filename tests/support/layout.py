"""Layout checks measured in the browser: text that overlaps other text in a drawn chart, text that
runs out of its chart, sideways scrolling. Each helper works on a Playwright sync `Page` (or a
locator) that shows the app."""

from __future__ import annotations

from itertools import combinations

# Every text plotly drew in one chart (SVG <text>, each with all its lines; not hover labels), with
# its box on the page, and the chart's own box.
_TEXT_BOXES = """chart => {
    const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    const texts = [...chart.querySelectorAll('svg text')]
        .filter(t => t.textContent.trim() && !t.closest('.hoverlayer') && t.getClientRects().length)
        .map(t => ({text: t.textContent.trim(), ...box(t.getBoundingClientRect())}));
    return {chart: box(chart.getBoundingClientRect()), texts};
}"""

TOLERANCE_PX = 1.0  # boxes that touch, or meet by less than this, do not overlap


def chart_text_boxes(chart) -> tuple[dict, list[dict]]:
    """(the chart's box, every drawn text's box) for a stPlotlyChart locator."""
    found = chart.evaluate(_TEXT_BOXES)
    return found["chart"], found["texts"]


def overlapping(texts: list[dict], tolerance: float = TOLERANCE_PX) -> list[str]:
    """Every pair of texts whose boxes overlap, by name and by how much (px across x down)."""
    pairs = []
    for a, b in combinations(texts, 2):
        if meet(a, b, tolerance):
            across = min(a["right"], b["right"]) - max(a["left"], b["left"])
            down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            pairs.append(f"{a['text']!r} and {b['text']!r} overlap by {across:.0f} x {down:.0f} px")
    return pairs


def outside(chart: dict, texts: list[dict], tolerance: float = TOLERANCE_PX) -> list[str]:
    """Every text that runs out of its chart's box (cut off, or over the page around it)."""
    out = []
    for t in texts:
        if (
            t["left"] < chart["left"] - tolerance
            or t["right"] > chart["right"] + tolerance
            or t["top"] < chart["top"] - tolerance
            or t["bottom"] > chart["bottom"] + tolerance
        ):
            out.append(f"{t['text']!r} at {[round(t[k]) for k in ('left', 'top', 'right', 'bottom')]}")
    return out


# The drawing tools of a chart: each button's name (what a screen reader reads), box and opacity as
# drawn (plotly fades a hover-only toolbar to 0), whether it is the chosen tool; and the plot area.
TOOLBAR = """chart => {
    const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                       width: r.width, height: r.height});
    const gd = chart.querySelector('.js-plotly-plot');
    const size = gd._fullLayout._size;
    const page = gd.getBoundingClientRect();
    const buttons = [...chart.querySelectorAll('.modebar-btn')].map(b => {
        let opacity = 1;
        for (let e = b; e && e !== chart; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
        return {name: b.getAttribute('aria-label'), tag: b.tagName.toLowerCase(), opacity,
                active: b.classList.contains('active'), pressed: b.getAttribute('aria-pressed'),
                ...box(b.getBoundingClientRect())};
    });
    const plot = {left: page.left + size.l, top: page.top + size.t,
                  right: page.left + size.l + size.w, bottom: page.top + size.t + size.h};
    return {buttons, plot};
}"""


def meet(a: dict, b: dict, tolerance: float = TOLERANCE_PX) -> bool:
    """Whether two boxes overlap by more than `tolerance` px both ways."""
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return across > tolerance and down > tolerance


# Everything in an element that scrolls sideways (its content is wider than its box), named.
SIDEWAYS_INSIDE = """root => [root, ...root.querySelectorAll('*')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
                 && e.clientWidth > 0)
    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}: ${e.scrollWidth} in ${e.clientWidth}px`)"""
