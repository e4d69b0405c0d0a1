"""The operation: laminectomy, discectomy and fusion, each before and after.

A laminectomy and a discectomy are shown from above (one vertebra, belly side at the top), where
the room made for the nerves shows best; a fusion from the side (L3 to the sacrum), where the
screws, rod and spacer show best. Both states of one operation share their layout, so switching
between before and after does not move the drawing. What was removed is a dashed outline (not
colour alone) and every change is named in a label.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from explainer.figures.base import (
    BONE,
    GREEN,
    GREY,
    INK,
    MAY_BLUE,
    NARROWEST_PLOT,
    VERMILLION,
    YELLOW,
    _layout,
    ellipse,
    figure,
    font,
    mirror,
    note,
    scatter,
    sizes,
)
from explainer.figures.spine import BODY_X0, BODY_X1, DISC_H, _poly, _rounded_rect, _shape, nerve_shapes, spine_shapes

OPERATIONS = {"laminectomy": "Laminectomy", "discectomy": "Discectomy", "fusion": "Fusion"}

# What each drawing says, for the summary and the table (plain words, grade 8 or below).
STEPS = {
    "laminectomy": (
        "Thick bone and ligament narrow the canal and squeeze the nerves.",
        "The back of the bone (the lamina and the bump in the middle) is taken away.",
        "The nerves have more room.",
    ),
    "discectomy": (
        "A piece of disc bulges out and presses on a nerve root.",
        "The bulging piece is taken out through a small window in the bone.",
        "The nerve root is free again.",
    ),
    "fusion": (
        "A worn disc lets two bones move too much and rub.",
        "Screws and a rod hold the bones still. A spacer with bone graft fills the disc space.",
        "Over months the two bones grow into one.",
    ),
}

GONE = dict(color=VERMILLION, width=3, dash="dash")


def operation_id(name: str) -> str:
    """The operation's id from its id or its name, in any case ('Fusion' -> 'fusion')."""
    key = name.strip().casefold()
    for op_id, label in OPERATIONS.items():
        if key in (op_id, label.casefold()):
            return op_id
    raise KeyError(f"unknown operation '{name}'; expected one of: {', '.join(OPERATIONS)}")


def _path(xs: list[float], ys: list[float]) -> str:
    return _poly(list(zip(xs, ys, strict=True)))


def _gone(path: str) -> dict:
    return dict(type="path", path=path, xref="x", yref="y", fillcolor="rgba(255,255,255,0)", line=GONE, layer="below")


def _top_view(op: str, after: bool) -> tuple[list[dict], list[tuple]]:
    """Shapes and labels (x, y, label x, label y, text) of one vertebra from above."""
    shapes: list[dict] = []
    labels: list[tuple] = []
    disc = op == "discectomy"
    bx, by = ellipse(0, 2.3, 2.3, 1.45)
    shapes.append(_shape(_path(bx, by), MAY_BLUE if disc else BONE))
    if disc:
        nx_, ny_ = ellipse(0, 2.4, 1.1, 0.7)
        shapes.append(_shape(_path(nx_, ny_), "#D6ECF9", INK, 1))
    px, py = [-1.5, -0.85, -0.75, -1.35], [1.05, 1.05, -0.35, -0.45]
    tx, ty = [-1.4, -3.4, -3.5, -3.3, -1.3], [-0.05, 0.05, -0.3, -0.55, -0.5]
    for xs, ys in ((px, py), (mirror(px), py), (tx, ty), (mirror(tx), ty)):
        shapes.append(_shape(_path(xs, ys), BONE))
    lx, ly = [-1.35, -0.75, 0.0, 0.0, -1.15, -1.5], [-0.45, -0.35, -1.45, -2.05, -1.05, -0.7]
    sx, sy = [-0.28, 0.28, 0.22, 0.0, -0.22], [-1.7, -1.7, -3.5, -3.75, -3.5]
    if op == "laminectomy" and after:
        for xs, ys in ((lx, ly), (mirror(lx), ly), (sx, sy)):
            shapes.append(_gone(_path(xs, ys)))
    elif op == "discectomy" and after:
        # a small window: the inner part of the left lamina is gone
        wx, wy = [-0.95, -0.75, -0.35, -0.6, -1.1], [-0.4, -0.35, -0.85, -1.25, -0.75]
        shapes.append(_shape(_path(lx, ly), BONE))
        shapes.append(_shape(_path(wx, wy), "white", VERMILLION, 3, "dash"))
        shapes.append(_shape(_path(mirror(lx), ly), BONE))
        shapes.append(_shape(_path(sx, sy), BONE))
    else:
        for xs, ys in ((lx, ly), (mirror(lx), ly), (sx, sy)):
            shapes.append(_shape(_path(xs, ys), BONE))
    cx, cy = ellipse(0, 0.25, 0.72, 0.75)
    shapes.append(_shape(_path(cx, cy), "white", GREY, 1, "dot"))
    squeezed = op == "laminectomy" and not after
    if squeezed:
        # thick ligament and bone pressing in from the back and sides
        hx, hy = ellipse(0, -0.25, 0.7, 0.45)
        shapes.append(dict(_shape(_path(hx, hy), "#C9B98F", INK, 1.5)))
        nx, ny = ellipse(0, 0.6, 0.42, 0.26)
    else:
        nx, ny = ellipse(0, 0.35, 0.5, 0.45)
    shapes.append(_shape(_path(nx, ny), YELLOW, "#8A7A00", 1.5))
    left_root = (-1.05, -0.05)
    if disc and not after:
        # the bulge pushes back and left into the canal, onto the left nerve root
        bgx, bgy = ellipse(-0.75, 0.75, 0.5, 0.38)
        shapes.append(_shape(_path(bgx, bgy), MAY_BLUE, INK, 2))
        left_root = (-1.2, -0.2)
    if disc and after:
        bgx, bgy = ellipse(-0.75, 0.75, 0.5, 0.38)
        shapes.append(_gone(_path(bgx, bgy)))
    for cx_, cy_ in (left_root, (1.05, -0.05)):
        rx, ry = ellipse(cx_, cy_, 0.2, 0.2, 24)
        shapes.append(_shape(_path(rx, ry), YELLOW, "#8A7A00", 1.5))

    labels.append((0, 3.0, 3.2, 3.5, "Vertebral<br>body" if not disc else "Disc"))
    labels.append((1.05, -0.05, 3.6, 1.2, "Nerve<br>root"))
    if op == "laminectomy":
        if after:
            labels.append((-0.75, -1.0, -3.0, -2.6, "Bone removed:<br>more room"))
            labels.append((0.3, 0.35, 3.0, -1.8, "Nerves no<br>longer<br>squeezed"))
        else:
            labels.append((-0.5, -0.45, -3.0, -2.6, "Thick bone<br>and ligament"))
            labels.append((0.3, 0.6, 3.3, -1.6, "Squeezed<br>nerves"))
    elif op == "discectomy":
        if after:
            labels.append((-0.75, 0.75, -3.2, 1.9, "Bulge<br>removed"))
            labels.append((-0.75, -0.8, -3.0, -2.6, "Small window<br>in the bone"))
        else:
            labels.append((-0.75, 0.75, -3.2, 1.9, "Disc<br>bulge"))
            labels.append((-1.2, -0.2, -3.0, -2.6, "Nerve root<br>pressed"))
        labels.append((0.3, 0.35, 3.3, -1.6, "Nerves"))
    return shapes, labels


def _side_view(after: bool) -> tuple[list[dict], list[tuple]]:
    """The side view with a worn L4-L5 disc; after: spacer, screws and a rod."""
    shapes = spine_shapes(thin_disc="L4") + nerve_shapes()
    top_l5 = 6.8
    disc_y0, disc_y1 = top_l5 + 0.0, top_l5 + DISC_H - 0.35
    labels: list[tuple] = []
    if after:
        shapes.append(
            dict(_shape(_rounded_rect(BODY_X0 + 0.4, disc_y0 - 0.05, BODY_X1 - 0.4, disc_y1 + 0.35, 0.1), GREEN),
                 layer="above")
        )  # fmt: skip
        for y in (8.9, 5.9):  # a screw through each pedicle into the body
            shapes.append(
                dict(type="line", x0=3.1, y0=y + 0.15, x1=-2.2, y1=y - 0.15, xref="x", yref="y",
                     line=dict(color=INK, width=9), layer="above")
            )  # fmt: skip
            shapes.append(
                dict(type="line", x0=3.1, y0=y + 0.15, x1=-2.2, y1=y - 0.15, xref="x", yref="y",
                     line=dict(color="#B8B8B8", width=5, dash="dot"), layer="above")
            )  # fmt: skip
        shapes.append(
            dict(type="line", x0=3.2, y0=9.6, x1=3.2, y1=5.2, xref="x", yref="y",
                 line=dict(color=INK, width=10), layer="above")
        )  # fmt: skip
        labels += [
            (-2.2, 8.75, -5.5, 12.6, "Screw"),
            (3.2, 7.4, 6.6, 11.0, "Rod"),
            (-1.7, 7.1, -5.5, 7.1, "Spacer with<br>bone graft"),
            (-1.7, 5.7, -5.5, 1.9, "Bones grow<br>into one"),
        ]
    else:
        labels += [
            (-1.7, 7.0, -5.5, 7.1, "Worn, thin disc"),
            (1.75, 7.25, 6.6, 11.0, "Bones move<br>too much"),
        ]
    labels += [(-1.7, 8.7, -5.5, 10.2, "L4"), (-1.7, 5.7, -5.5, 4.5, "L5")]
    return shapes, labels


BOLD_EM = 0.55  # about how wide a bold label's letter is drawn, in em


def _inside(x: float, text: str, x_range: list[float], font_size: float) -> float:
    """A label's centre moved in, if need be, so that its widest line stays inside the drawing on
    the narrowest phone in this type size (consult mode's too): wider, it has more room."""
    _small, label_px, _head = sizes(font_size)
    units_per_px = (x_range[1] - x_range[0]) / NARROWEST_PLOT
    half = max(len(line) for line in text.split("<br>")) * BOLD_EM * label_px / 2 * units_per_px + 0.1
    return min(max(x, x_range[0] + half), x_range[1] - half)


def operation_figure(name: str, after: bool, *, font_size: float = 16) -> go.Figure:
    """One operation (by id or name), before or after it."""
    op = operation_id(name)
    small, label_px, head_px = sizes(font_size)
    if op == "fusion":
        shapes, labels = _side_view(after)
        xr, yr = [-9.0, 9.5], [-1.0, 15.0]
        front, back = (-8.8, 14.3), (5.0, 14.3)
    else:
        shapes, labels = _top_view(op, after)
        xr, yr = [-4.8, 4.8], [-4.6, 4.6]
        front, back = (-4.6, 4.25), (0, -4.25)
    layout = _layout(
        round(max(480, 26 * font_size)),
        xaxis=dict(visible=False, range=xr, fixedrange=True),
        yaxis=dict(visible=False, range=yr, scaleanchor="x", scaleratio=1, fixedrange=True),
        shapes=shapes,
        font=font(label_px),
        hoverlabel=dict(font=font(label_px), bgcolor="white"),
        margin=dict(l=10, r=10, t=round(2 * head_px), b=10),
    )
    annotations = [
        note(
            x=x,
            y=y,
            ax=_inside(tx, text, xr, font_size),
            ay=ty,
            axref="x",
            ayref="y",
            text=f"<b>{text}</b>",
            showarrow=True,
            arrowhead=2,
            arrowwidth=1.5,
            arrowcolor=INK,
            font=font(label_px),
            bgcolor="rgba(255,255,255,0.9)",
        )
        for x, y, tx, ty, text in labels
    ]
    state = "after" if after else "before"
    annotations += [
        note(
            x=front[0], y=front[1], text="Front (belly side)", showarrow=False, font=font(small, GREY), xanchor="left"
        ),
        note(x=back[0], y=back[1], text="Back", showarrow=False, font=font(small, GREY)),
        note(
            x=0,
            y=1,
            xref="paper",
            yref="paper",
            xanchor="left",
            yanchor="bottom",
            yshift=4,
            text=f"<b>{OPERATIONS[op]}: {state}</b>",
            showarrow=False,
            font=font(head_px),
        ),
    ]
    # One invisible point: a drawing of shapes only still has a trace layer (the page can tell
    # when it has been drawn, and the pen has a plot to draw on).
    anchor = scatter(x=[0], y=[0], mode="markers", marker=dict(opacity=0), hoverinfo="skip", showlegend=False)
    return figure([anchor], layout, annotations)


def operation_summary(name: str, after: bool | None = None) -> str:
    """The operation in words: before, what is done and after (or only one state)."""
    op = operation_id(name)
    before, done, result = STEPS[op]
    if after is None:
        return f"{before} {done} {result}"
    return f"{done} {result}" if after else before


def operation_table(name: str) -> pd.DataFrame:
    op = operation_id(name)
    before, done, result = STEPS[op]
    return pd.DataFrame({"Step": ["Before", "What is done", "After"], "In words": [before, done, result]})
