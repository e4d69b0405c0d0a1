"""What every figure shares: the Okabe-Ito palette, the layout without a template, text sizes
that follow consult mode, and freezing a finished figure."""

from __future__ import annotations

import math

import plotly.graph_objects as go
import plotly.io as pio

# Okabe-Ito palette (Okabe & Ito 2008), safe for the common kinds of colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
SKY = "#56B4E9"
YELLOW = "#F0E442"
INK = "#1A1A1A"
DEEP_BLUE = "#1F4E9A"
MAY_BLUE = "#A9D5F5"
BONE = "#EDE3CF"
GREY = "#6B6B6B"

FONT = dict(family="Source Sans Pro, Source Sans 3, sans-serif", size=16, color=INK)
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
SYMBOLS = ("circle", "diamond", "square", "triangle-up", "star", "hexagon")

# Plotly's toolbar is clutter in a consult and its logo links off the machine.
CHART_CONFIG = {
    "displaylogo": False,
    "displayModeBar": False,
    "scrollZoom": False,
    "responsive": True,
}


# A drawing the clinician can draw and circle on during the consult: only the pen, the circle
# and the eraser in the toolbar, always shown (not only on hover). What is drawn lives in the
# browser tab only; nothing is stored. Plotly names each button from its dictionary (the name a
# screen reader reads and the tooltip): plain words instead of "Draw open freeform".
DRAW_TOOLS = {
    "drawopenpath": ("Draw open freeform", "Draw with the pen"),
    "drawcircle": ("Draw circle", "Draw a circle"),
    "eraseshape": ("Erase active shape", "Rub out a line you drew (tap it first)"),
}
DRAW_CONFIG = {
    **CHART_CONFIG,
    "displayModeBar": True,
    "modeBarButtons": [list(DRAW_TOOLS)],
    "locale": "en-US",
    "locales": {"en-US": {"dictionary": {plotly_name: name for plotly_name, name in DRAW_TOOLS.values()}}},
}
# The tool buttons' size in px (layout.css, and consult.css on the wall screen): at least 44 x 44,
# WCAG 2.5.5. A drawing keeps a band this high (and a gap) above it for them: they cover nothing.
TOOL_PX = {"normal": 44, "consult": 56}

# No plotly template: every style the charts need is set in _layout. Each builder passes _layout
# when it creates its figure; otherwise plotly copies its default template into the new figure
# (about 2 ms) and sends it to the browser (about 6 kB a chart).
NO_TEMPLATE = pio.templates["none"].to_plotly_json()


def _layout(height: int, xaxis: dict | None = None, yaxis: dict | None = None, **extra) -> dict:
    """The layout every chart shares, as one dict: plotly validates it once, at construction."""
    # automargin: room for the axis labels however long they are (plotly does not reserve it).
    # No grid or zero line unless a chart asks for one (as plotly's default template drew them:
    # white on white).
    axis = dict(automargin=True, tickfont=dict(size=15, color=INK), showgrid=False, zeroline=False)
    # `extra` may also replace a shared value (a legend, a larger font for consult mode).
    return {
        **dict(
            template=NO_TEMPLATE,
            height=height,
            font=FONT,
            paper_bgcolor="white",
            plot_bgcolor="white",
            margin=dict(l=10, r=10, t=10, b=10),
            showlegend=False,
            hoverlabel=dict(font=dict(size=16), bgcolor="white"),
            dragmode=False,
            xaxis={**axis, **(xaxis or {})},
            yaxis={**axis, **(yaxis or {})},
        ),
        **extra,
    }


class FrozenFigure(go.Figure):
    """A finished figure that is never changed again: its dict is worked out once.

    Figures are cached and shared by every session. `st.plotly_chart` turns a figure into a dict on
    every rerun (a deep copy and base64 packing of every array), about 1 ms a chart; a frozen figure
    hands over the dict it made when it was frozen. Make one with `freeze`; do not change it.
    """

    _frozen_dict: dict

    def to_dict(self) -> dict:
        return self._frozen_dict


def freeze(figure: go.Figure) -> FrozenFigure:
    """The same figure object, frozen. Not a copy: copying a figure re-validates all of it, which
    costs as much as building it again."""
    frozen_dict = figure.to_dict()
    figure.__class__ = FrozenFigure
    figure._frozen_dict = frozen_dict
    return figure


# ------------------------------------------------------------------------------------------
# Text sizes. Body text is 16 px normally and 22 px in consult mode; no chart or drawing text may
# be smaller than 70 % of it, or a patient two metres from a wall screen cannot read it.

BODY_PX = {"normal": 16, "consult": 22}
FLOOR_SHARE = 0.7


def body_px(consult: bool) -> int:
    """The body text size the page uses: pass it as `font_size` to every builder."""
    return BODY_PX["consult" if consult else "normal"]


def floor_px(font_size: float) -> float:
    """The smallest text allowed in a figure drawn beside body text of `font_size` px."""
    return FLOOR_SHARE * font_size


def sizes(font_size: float) -> tuple[int, int, int]:
    """(small, label, heading) px for a figure beside body text of `font_size` px; small is 80 %."""
    label = round(font_size)
    small = max(round(0.8 * font_size), int(-(-floor_px(font_size) // 1)))
    return small, label, round(1.15 * font_size)


def scatter(**trace) -> dict:
    """A scatter trace as a plain dict (see `figure`)."""
    return {"type": "scatter", **trace}


def note(**annotation) -> dict:
    """An annotation as a plain dict, placed in data units unless it says otherwise."""
    return {"xref": "x", "yref": "y", **annotation}


def figure(data: list[dict], layout: dict, annotations: list[dict] | None = None) -> go.Figure:
    """A figure from plain dicts, without plotly's checks: checking every shape, trace and label
    took most of a drawing's build (60-190 ms). The tests check that plotly, checking everything,
    accepts each figure unchanged (tests/unit/figures_support.py: assert_valid)."""
    if annotations:
        layout = {**layout, "annotations": annotations}
    if not layout.get("shapes", True):
        layout = {k: v for k, v in layout.items() if k != "shapes"}  # plotly drops an empty list
    return go.Figure(data=data, layout=layout, _validate=False)


def tool_px(font_size: float) -> int:
    """The drawing tools' button size beside body text of `font_size` px (consult mode: larger)."""
    return TOOL_PX["consult" if font_size >= BODY_PX["consult"] else "normal"]


def drawable(fig: go.Figure, font_size: float = 16) -> go.Figure:
    """A copy of a drawing that starts with the pen in hand (use with DRAW_CONFIG): thick
    vermillion lines, so what the clinician draws stands out from the drawing's own lines.

    The top margin grows by a band as high as the tool buttons (`tool_px(font_size)`), so the
    buttons sit above the drawing and its title, never on them."""
    as_dict = fig.to_dict()
    old = as_dict.get("layout", {})
    margin = {"l": 10, "r": 10, "t": 10, "b": 10, **old.get("margin", {})}
    band = tool_px(font_size) + 8
    layout = {
        **old,
        "dragmode": "drawopenpath",
        "newshape": {"line": {"color": VERMILLION, "width": 6}, "opacity": 1, "fillcolor": "rgba(0,0,0,0)"},
        # Dark icons (plotly's are 30 % grey: too faint to find at a glance), the chosen tool in blue.
        "modebar": {"color": INK, "activecolor": DEEP_BLUE, "bgcolor": "rgba(255,255,255,0)"},
        "margin": {**margin, "t": margin["t"] + band},
        "height": old.get("height", 450) + band,
    }
    return go.Figure(data=as_dict.get("data", []), layout=layout, _validate=False)


def min_width(figure: go.Figure) -> int | None:
    """The narrowest chart width (px) at which a figure keeps its scale, so its text cannot overlap
    (its `layout.meta["min_width"]`); None for a figure that is right at any width."""
    meta = figure.to_dict()["layout"].get("meta")
    return meta.get("min_width") if isinstance(meta, dict) else None


def font(size: float, color: str = INK) -> dict:
    """The shared font at another size (consult mode)."""
    return {**FONT, "size": round(size), "color": color}


# px: a chart's width on the narrowest screen a page must reflow to (320 px, WCAG 1.4.10), less the
# page's 17 px margins (measured in Streamlit 1.67). test_layout_fit.py draws there.
NARROWEST_CHART = 320 - 2 * 17
# px: the plot in it, less a figure's usual 10 px side margins.
NARROWEST_PLOT = NARROWEST_CHART - 20
# px: the same inside a fold (explainer_ui.fold): a picture there spans all but its border (layout.css).
NARROWEST_IN_A_FOLD = NARROWEST_CHART - 2 * 1


def chars_at(chars: int, label_px: float) -> int:
    """A line length given in characters at the normal text size, at this size: as wide on the
    screen, so a label that fits beside its marks at home fits in consult mode's type too."""
    return round(chars * BODY_PX["normal"] / label_px)


def phone_chars(label_px: float, width_px: float = 290) -> int:
    """About how many characters of a label fit on one line on a phone (390 px wide)."""
    return max(14, int(width_px / (0.55 * label_px)))


def wrap_lines(label: str, width: int = 22) -> list[str]:
    """A label broken into short lines at spaces."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def wrap(label: str, width: int = 22) -> str:
    """Break a label into short lines at spaces (plotly's <br>)."""
    return "<br>".join(wrap_lines(label, width))


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 60) -> tuple[list, list]:
    xs = [cx + rx * math.cos(2 * math.pi * i / n) for i in range(n + 1)]
    ys = [cy + ry * math.sin(2 * math.pi * i / n) for i in range(n + 1)]
    return xs, ys


def mirror(xs: list[float]) -> list[float]:
    return [-x for x in xs]
