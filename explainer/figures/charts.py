"""The first charts of the app: the vertebra from above, cause counts, the treatment ladder, the
aim grid and one icon array. Rules kept by every builder: an Okabe-Ito colour-blind-safe palette,
and a second cue besides colour (text on the marks, marker shapes, bar patterns or dashed outlines).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import pandas as pd
import plotly.graph_objects as go

from explainer.aims import AIM_SCORE, aim_grid
from explainer.causes import DIMENSIONS, cause_counts
from explainer.content import Content
from explainer.figures.base import (
    BLUE,
    BONE,
    DEEP_BLUE,
    GREEN,
    GREY,
    INK,
    MAY_BLUE,
    ORANGE,
    PATTERNS,
    PURPLE,
    SKY,
    SYMBOLS,
    VERMILLION,
    YELLOW,
    _layout,
    chars_at,
    ellipse,
    mirror,
    sizes,
    wrap,
)
from explainer.vocabulary import AIM_LABELS, Aim

# ------------------------------------------------------------------------------------------
# The vertebra seen from above


VERTEBRA_PARTS = {
    "body": "Vertebral body: the thick, round front part that carries your weight.",
    "pedicle": "Pedicles: two short pillars joining the body to the back arch.",
    "lamina": "Laminae: two flat plates that make the bony roof over the nerves.",
    "spinous": "Spinous process: the bump you can feel down the middle of your back.",
    "transverse": "Transverse processes: side wings where muscles attach.",
    "canal": "Spinal canal: the tunnel that holds the nerves.",
    "nerves": "Nerves: the bundle of nerves inside the canal.",
    "roots": "Nerve roots: nerves leaving the spine to go to the leg.",
}


def vertebra_figure(after_laminectomy: bool, font_size: float | None = None) -> go.Figure:
    """A lumbar vertebra seen from above, front (belly side) at the top, back at the bottom.

    `font_size` is the page's body text size (16, or 22 in consult mode): the labels follow it.
    Without it the labels keep their first sizes (15 and 14 px)."""
    label_px, note_px = (15, 14) if font_size is None else (round(font_size), sizes(font_size)[0])
    fig = go.Figure(layout=_layout(520 if font_size is None else round(520 * max(1.0, font_size / 16))))
    outline = dict(color=INK, width=2)

    def shape(xs, ys, name, fill, line=outline, dash=None, text=None):
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                fill="toself",
                fillcolor=fill,
                line=dict(line, dash=dash) if dash else line,
                mode="lines",
                name=name,
                hoveron="fills",
                hoverinfo="text",
                text=text or VERTEBRA_PARTS.get(name, name),
            )
        )

    body_x, body_y = ellipse(0, 2.3, 2.3, 1.45)
    shape(body_x, body_y, "body", BONE)
    # pedicles
    px = [-1.5, -0.85, -0.75, -1.35, -1.5]
    py = [1.05, 1.05, -0.35, -0.45, 1.05]
    shape(px, py, "pedicle", BONE)
    shape(mirror(px), py, "pedicle", BONE)
    # transverse processes
    tx = [-1.4, -3.4, -3.5, -3.3, -1.3, -1.4]
    ty = [-0.05, 0.05, -0.3, -0.55, -0.5, -0.05]
    shape(tx, ty, "transverse", BONE)
    shape(mirror(tx), ty, "transverse", BONE)

    # laminae and spinous process: the part a laminectomy removes
    lx = [-1.35, -0.75, 0.0, 0.0, -1.15, -1.5, -1.35]
    ly = [-0.45, -0.35, -1.45, -2.05, -1.05, -0.7, -0.45]
    sx = [-0.28, 0.28, 0.22, 0.0, -0.22, -0.28]
    sy = [-1.7, -1.7, -3.5, -3.75, -3.5, -1.7]
    if after_laminectomy:
        removed = "Removed in a laminectomy: the laminae and the spinous process."
        gone = dict(color=VERMILLION, width=3)
        shape(lx, ly, "lamina", "rgba(255,255,255,0)", gone, "dash", removed)
        shape(mirror(lx), ly, "lamina", "rgba(255,255,255,0)", gone, "dash", removed)
        shape(sx, sy, "spinous", "rgba(255,255,255,0)", gone, "dash", removed)
    else:
        shape(lx, ly, "lamina", ORANGE)
        shape(mirror(lx), ly, "lamina", ORANGE)
        shape(sx, sy, "spinous", BONE)

    # canal and its nerves
    cx, cy = ellipse(0, 0.25, 0.72, 0.75)
    shape(cx, cy, "canal", "white", dict(color=GREY, width=1), "dot")
    nx, ny = ellipse(0, 0.35, 0.5, 0.45)
    shape(nx, ny, "nerves", YELLOW)
    rx, ry = ellipse(-1.05, -0.05, 0.2, 0.2)
    shape(rx, ry, "roots", YELLOW)
    shape(mirror(rx), ry, "roots", YELLOW)

    labels = [
        (0, 2.3, 0, 2.3, "Vertebral body", 0, 0),
        (-1.15, 0.6, -3.3, 1.3, "Pedicle", -40, 0),
        (-1.05, -0.05, -3.0, -1.4, "Nerve root", -40, 20),
        (0, 0.4, 2.6, 0.9, "Nerves in the<br>spinal canal", 60, -10),
        (2.9, -0.25, 3.1, -1.3, "Transverse<br>process", 0, 30),
    ]
    if after_laminectomy:
        labels += [
            (-0.75, -1.0, -2.6, -2.6, "Laminae removed:<br>more room for nerves", -30, 30),
            (0.0, -3.0, 1.8, -3.3, "Spinous process<br>removed", 40, 0),
        ]
    else:
        labels += [
            (-0.75, -1.0, -2.6, -2.6, "Lamina: the bony<br>roof over the nerves", -30, 30),
            (0.0, -3.0, 1.8, -3.3, "Spinous process", 40, 0),
        ]
    for x, y, tx_, ty_, text, _, _ in labels:
        same = (x, y) == (tx_, ty_)
        fig.add_annotation(
            x=x,
            y=y,
            ax=tx_,
            ay=ty_,
            axref="x",
            ayref="y",
            text=f"<b>{text}</b>",
            showarrow=not same,
            arrowhead=2,
            arrowwidth=1.5,
            arrowcolor=INK,
            font=dict(size=label_px, color=INK),
            bgcolor="rgba(255,255,255,0.85)" if not same else None,
        )
    fig.add_annotation(x=0, y=4.2, text="Front (belly side)", showarrow=False, font=dict(size=note_px, color=GREY))
    fig.add_annotation(x=0, y=-4.15, text="Back (skin side)", showarrow=False, font=dict(size=note_px, color=GREY))
    # Larger labels need more room around the drawing (the first sizes keep the first ranges).
    x_half, y_half = (4.6, 4.5) if font_size is None else (4.6 + 0.06 * font_size, 4.5 + 0.02 * font_size)
    fig.update_xaxes(visible=False, range=[-x_half, x_half], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-y_half, y_half], scaleanchor="x", scaleratio=1, fixedrange=True)
    return fig


def vertebra_summary(after_laminectomy: bool) -> str:
    """The vertebra drawing in words."""
    text = "This is one bone of the lower back seen from above, belly side at the top."
    if after_laminectomy:
        return text + " The dashed lines show the bone taken away, which gives the nerves more room."
    return text + " The bony roof at the back covers the nerves in the canal."


def vertebra_table() -> pd.DataFrame:
    """The parts of the vertebra drawing, in words."""
    return pd.DataFrame(
        {"Part": [t.split(":")[0] for t in VERTEBRA_PARTS.values()],
         "What it is": [t.split(": ", 1)[1] for t in VERTEBRA_PARTS.values()]}
    )  # fmt: skip


# ------------------------------------------------------------------------------------------
# Causes


def cause_groups_figure(content: Content, dimension: str, highlight: str | None = None) -> go.Figure:
    """Horizontal bars: how many of the 11 causes fall in each group of one dimension."""
    counts = cause_counts(content, dimension)
    colours = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY]
    n = len(counts)
    faded = [
        c if highlight in (None, cid) else "rgba(200,200,200,0.6)"
        for c, cid in zip((colours * 2)[:n], counts["id"], strict=True)
    ]
    fig = go.Figure(
        go.Bar(
            y=counts["Group"].tolist(),
            x=counts["Number of causes"].tolist(),
            orientation="h",
            marker=dict(
                color=faded,
                line=dict(color=INK, width=[3 if cid == highlight else 1 for cid in counts["id"]]),
                pattern=dict(shape=list((PATTERNS * 2)[:n]), fgcolor=INK, size=8, solidity=0.15),
            ),
            text=[f"{k} cause{'s' if k != 1 else ''}" for k in counts["Number of causes"]],
            textposition="outside",
            cliponaxis=False,  # a label past the last gridline stays whole on a phone
            hovertext=counts["Causes"].str.replace("; ", "<br>").tolist(),
            hoverinfo="text",
        ),
        layout=_layout(90 + 58 * n),
    )
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=16), fixedrange=True, title=None)
    fig.update_xaxes(
        title=dict(text=f"Number of causes ({DIMENSIONS[dimension].lower()})", font=dict(size=15)),
        dtick=1,
        range=[0, counts["Number of causes"].max() * 1.4 + 1],
        showgrid=True,
        gridcolor="#E5E5E5",
        fixedrange=True,
    )
    return fig


# ------------------------------------------------------------------------------------------
# Treatments


# Treatments and symptoms carry one name everywhere (their `name` in the content): the charts
# wrap a long name over lines instead of shortening it.
LADDER_CHARS = 24  # a label to the right of its mark (the first two steps: room to the right edge)
LADDER_CHARS_LEFT = 14  # a label to the left of its mark (the last steps, near the right edge)


def treatment_ladder_figure(
    content: Content, highlight: list[str] | None = None, font_size: float | None = None
) -> go.Figure:
    """Treatments as steps, from least to most invasive; marker shape and text show the step.

    Each option is labelled with its name, wrapped: to the right of its mark on the first two
    steps, to the left on the later ones (so a label never runs off the right edge of a phone).
    `font_size` is the page's body text (16, or 22 in consult mode): the labels follow it."""
    small_px, label_px, _head = sizes(font_size or 16)
    steps = {cat.id: (i, cat.label) for i, cat in enumerate(content.categories("invasiveness"), start=1)}
    treatments = list(content.treatments)
    colours = [BLUE, ORANGE, GREEN, VERMILLION]
    chosen = set(highlight or [])
    half = (len(steps) + 1) // 2

    def label(t, step: int) -> str:
        return wrap(t.name, LADDER_CHARS if step <= half else LADDER_CHARS_LEFT)

    labels = {t.id: label(t, steps[t.invasiveness][0]) for t in treatments if t.invasiveness in steps}
    lines = max((text.count("<br>") + 1 for text in labels.values()), default=1)
    row_px = max(44 * label_px / 16, lines * 1.3 * label_px + 14)
    fig = go.Figure(layout=_layout(round(150 * label_px / 16 + row_px * len(treatments))))
    for step_id, (step, name) in steps.items():
        rows = [t for t in treatments if t.invasiveness == step_id]
        if not rows:
            continue
        right = step <= half
        fig.add_trace(
            go.Scatter(
                x=[step] * len(rows),
                y=[t.name for t in rows],
                mode="markers+text",
                marker=dict(
                    symbol=SYMBOLS[(step - 1) % len(SYMBOLS)],
                    size=[26 if t.id in chosen else 18 for t in rows],
                    color=colours[(step - 1) % len(colours)],
                    line=dict(color=INK, width=[3 if t.id in chosen else 1 for t in rows]),
                ),
                text=[labels[t.id] for t in rows],
                textposition="middle right" if right else "middle left",
                textfont=dict(size=label_px, color=INK),
                cliponaxis=False,
                name=name,
                hovertext=[f"{t.name}: {name}" for t in rows],
                hoverinfo="text",
            )
        )
    # Room above the first row for its label's second line.
    fig.update_layout(margin=dict(l=10, r=10, t=round(label_px), b=round(110 * label_px / 16)))
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[t.name for t in treatments],
        autorange="reversed",
        showticklabels=False,
        tickfont=dict(size=label_px, color=INK),  # not drawn: the names are the marks' text
        fixedrange=True,
    )
    fig.update_xaxes(
        tickvals=[s for s, _ in steps.values()],
        # Fits under its step on a phone: 10 characters at the normal size, fewer in larger type.
        ticktext=[wrap(label, chars_at(10, label_px)) for _, label in steps.values()],
        tickfont=dict(size=small_px, color=INK),
        tickangle=0,
        range=[0.3, len(steps) + 0.8],
        title=dict(text="Less invasive  →  more invasive", font=dict(size=label_px), standoff=18),
        showgrid=True,
        gridcolor="#E5E5E5",
        fixedrange=True,
    )
    return fig


def _wrap(label: str, columns: int) -> str:
    """A column's name in lines short enough that its neighbours never overlap: 9 letters when
    there are many columns, up to 24 when there are few (not a tall stack of short lines)."""
    return wrap(label, max(9, min(24, 54 // max(1, columns))))


GRID_ROW_CHARS = 18  # a row name of the aim grid, wrapped so the grid keeps room on a phone


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def _oriented(
    treatments: Sequence[_Named], symptoms: Sequence[_Named], by_treatment: list[list[Aim]], treatments_across: bool
) -> tuple[Sequence[_Named], Sequence[_Named], list[list[Aim]]]:
    """(rows, columns, aims) with the treatments across or down."""
    if treatments_across:
        return symptoms, treatments, [list(col) for col in zip(*by_treatment, strict=True)]
    return treatments, symptoms, by_treatment


def _hover(row: _Named, column: _Named, aim: str, treatments_across: bool) -> str:
    treatment, symptom = (column, row) if treatments_across else (row, column)
    return f"{treatment.name}: {AIM_LABELS[Aim(aim)].lower()} for {symptom.name.lower()}"


def aim_matrix_figure(
    content: Content,
    treatment_ids: list[str],
    symptom_ids: list[str],
    treatments_as_columns: bool = False,
    validate: bool = False,
    font_size: float | None = None,
) -> go.Figure:
    """Treatment-by-symptom grid; every cell says its meaning in words, colour is extra.

    What the person picked goes across (few, wide columns), the other side down. Every treatment
    and symptom is shown by its name, wrapped. `font_size` is the page's body text (16, or 22 in
    consult mode): the grid's words follow it (never under 70 % of it). A phone reads the grid as
    its table (aims.aim_table) instead. This figure is new for each pick in the filter, so it is
    built from plain dicts without plotly's validation, which took most of a click (about 6 ms of
    7). The tests build it with validation for many picks and check that plotly accepts it unchanged."""
    small, _label, _head = sizes(font_size or 16)
    treatments, symptoms, by_treatment = aim_grid(content, treatment_ids, symptom_ids)
    rows, columns, aims = _oriented(treatments, symptoms, by_treatment, treatments_as_columns)
    marks = {"main": "<b>Main<br>aim</b>", "may": "May<br>help", "not": "Not<br>aimed"}
    row_px_font = max(15, small)  # the row names: 15 px as before, larger in consult mode
    row_labels = [wrap(r.name, GRID_ROW_CHARS) for r in rows]
    lines = max((label.count("<br>") + 1 for label in row_labels), default=1)
    row_px = max(62 * small / 13, lines * 1.3 * row_px_font + 10)
    heatmap = dict(
        type="heatmap",
        z=[[AIM_SCORE[aim] for aim in row] for row in aims],
        x=[_wrap(c.name, len(columns)) for c in columns],
        y=row_labels,
        zmin=0,
        zmax=2,
        # Light blue for "may help" so plotly's dark cell text keeps a high contrast (about 7:1).
        colorscale=[
            [0, "#F2F2F2"],
            [0.33, "#F2F2F2"],
            [0.34, MAY_BLUE],
            [0.66, MAY_BLUE],
            [0.67, DEEP_BLUE],
            [1, DEEP_BLUE],
        ],
        showscale=False,
        xgap=3,
        ygap=3,
        # The words are drawn by the heatmap itself (one trace, not one annotation per cell):
        # plotly picks black or white text for each cell's colour.
        text=[[marks[aim] for aim in row] for row in aims],
        texttemplate="%{text}",
        textfont=dict(size=small),
        hovertext=[
            [_hover(r, c, a, treatments_as_columns) for c, a in zip(columns, row, strict=True)]
            for r, row in zip(rows, aims, strict=True)
        ],
        hoverinfo="text",
    )
    # Margins worked out from the labels, not plotly's automargin: that draws the chart, measures
    # the labels and draws it again, on every pick (it was most of a filter click).
    left = round(max((len(line) for r in row_labels for line in r.split("<br>")), default=0) * 0.55 * row_px_font) + 16
    top_lines = max((_wrap(c.name, len(columns)).count("<br>") + 1 for c in columns), default=1)
    top = round(top_lines * 1.25 * small) + 14
    layout = _layout(
        round(140 * small / 13 + row_px * max(1, len(rows))),
        xaxis=dict(side="top", tickfont=dict(size=small, color=INK), fixedrange=True, automargin=False),
        margin=dict(l=left, r=10, t=top, b=10),
        yaxis=dict(autorange="reversed", fixedrange=True, tickfont=dict(size=row_px_font, color=INK), automargin=False),
        hoverlabel=dict(font=dict(size=max(16, small)), bgcolor="white"),
    )
    return go.Figure(data=[heatmap], layout=layout, _validate=validate)


# ------------------------------------------------------------------------------------------
# Evidence: 100 people


def icon_array_figure(count: int, label: str, rest_label: str, colour: str = BLUE) -> go.Figure:
    """100 people in a 10 x 10 grid: `count` filled in, the rest as open outlines."""
    xs = [i % 10 for i in range(100)]
    ys = [9 - i // 10 for i in range(100)]
    filled = [i < count for i in range(100)]
    fig = go.Figure(layout=_layout(330))
    for is_filled, name in ((True, label), (False, rest_label)):
        idx = [i for i in range(100) if filled[i] == is_filled]
        if not idx:
            continue
        fig.add_trace(
            go.Scatter(
                x=[xs[i] for i in idx],
                y=[ys[i] for i in idx],
                mode="markers",
                name=name,
                marker=dict(
                    symbol="circle" if is_filled else "circle-open",
                    size=20,
                    color=colour if is_filled else GREY,
                    line=dict(width=2, color=INK if is_filled else GREY),
                ),
                hoverinfo="name",
            )
        )
    fig.update_layout(margin=dict(l=0, r=0, t=0, b=0))
    fig.update_xaxes(visible=False, range=[-0.7, 9.7], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.7, 9.7], scaleanchor="x", fixedrange=True)
    return fig
