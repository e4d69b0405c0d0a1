"""The lower spine from the side (L3 to the sacrum), and where causes sit on it.

Front (belly side) is on the left, back on the right. The bones, discs, spinal canal and nerve
roots are simple shapes drawn here; their names and the points the labels point at come from
content/spine_parts.csv, and where each cause sits from content/spine_places.csv, so a clinician
can change both without code. A cause with no spot on the spine (blank part_id, or no row) is
listed under the drawing instead, so every cause asked for is shown.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from explainer.content import Content
from explainer.figures.base import (
    BODY_PX,
    BONE,
    GREY,
    INK,
    MAY_BLUE,
    NARROWEST_IN_A_FOLD,
    ORANGE,
    YELLOW,
    _layout,
    ellipse,
    figure,
    floor_px,
    font,
    note,
    phone_chars,
    scatter,
    sizes,
    wrap,
)
from explainer.figures.places import Places, load_places
from explainer.wording import join_names

# Geometry (drawing units): bodies span x -3.2..-0.2; each level is 3 units tall.
BODY_X0, BODY_X1 = -3.2, -0.2
CANAL_X0, CANAL_X1 = -0.2, 1.0
LEVELS = (("L3", 12.8), ("L4", 9.8), ("L5", 6.8))  # (name, top of the body)
BODY_H, DISC_H = 2.2, 0.8
KEY_FROM = 0.58  # where the key of causes starts, as a share of the chart's width
MUSCLE = "#F2D7CC"
NERVE_EDGE = "#8A7A00"


def _rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float = 0.35) -> str:
    """An SVG path for a rectangle with rounded corners."""
    return (
        f"M {x0 + r},{y0} L {x1 - r},{y0} Q {x1},{y0} {x1},{y0 + r} L {x1},{y1 - r} Q {x1},{y1} {x1 - r},{y1} "
        f"L {x0 + r},{y1} Q {x0},{y1} {x0},{y1 - r} L {x0},{y0 + r} Q {x0},{y0} {x0 + r},{y0} Z"
    )


def _poly(points: list[tuple[float, float]]) -> str:
    return "M " + " L ".join(f"{x},{y}" for x, y in points) + " Z"


def _shape(path: str, fill: str, line: str = INK, width: float = 2, dash: str | None = None) -> dict:
    return dict(
        type="path",
        path=path,
        xref="x",
        yref="y",
        fillcolor=fill,
        line=dict(color=line, width=width, dash=dash or "solid"),
        layer="below",
    )


def spine_shapes(*, thin_disc: str | None = None, levels=LEVELS) -> list[dict]:
    """The side view as plotly shapes (also used by the fusion drawing)."""
    shapes = [
        # back muscles, faint, behind the bony arches
        _shape(_rounded_rect(4.5, 3.0, 5.6, 13.4, 0.5), MUSCLE, GREY, 1),
    ]
    for name, top in levels:
        bottom = top - BODY_H
        shapes.append(_shape(_rounded_rect(BODY_X0, bottom, BODY_X1, top), BONE))
        # the back arch: lamina with its facet joints, and the spinous process
        shapes.append(
            _shape(
                _poly([(CANAL_X1, top - 0.3), (2.3, top - 0.2), (4.4, top - 1.0), (4.5, bottom + 0.7),
                       (2.3, bottom + 0.2), (CANAL_X1, bottom - 0.1)]),
                BONE,
            )
        )  # fmt: skip
        # the pedicle joins body and arch across the canal (drawn thin so the nerves show)
        shapes.append(_shape(_rounded_rect(BODY_X1 - 0.1, top - 0.9, CANAL_X1 + 0.1, top - 0.2, 0.2), BONE, INK, 1))
        disc_top = bottom
        y0 = disc_top - DISC_H + (0.35 if thin_disc == name else 0.0)  # a worn disc is thinner
        shapes.append(_shape(_rounded_rect(BODY_X0 + 0.1, y0, BODY_X1 - 0.1, disc_top, 0.3), MAY_BLUE, INK, 1.5))
        # facet joint between this arch and the one below
        fx, fy = ellipse(1.75, disc_top - 0.35, 0.35, 0.3, 24)
        shapes.append(_shape(_poly(list(zip(fx, fy, strict=True))), BONE, INK, 1.5))
    # sacrum (S1 and below), tilted back
    shapes.append(
        _shape(_poly([(BODY_X0, 3.8), (BODY_X1, 3.8), (CANAL_X1, 3.8), (2.4, 3.3), (1.7, 0.9), (-0.5, -0.3),
                      (-2.4, 0.4)]), BONE)
    )  # fmt: skip
    return shapes


def nerve_shapes() -> list[dict]:
    """The nerves in the canal and a nerve root leaving at each disc level."""
    shapes = [
        _shape(_rounded_rect(CANAL_X0, 1.1, CANAL_X1, 13.4, 0.2), "white", GREY, 1, "dot"),
        _shape(_poly([(0.05, 13.4), (0.75, 13.4), (0.7, 1.6), (0.1, 1.6)]), YELLOW, NERVE_EDGE, 1.5),
    ]
    for _, top in LEVELS:
        y = top - BODY_H - 0.1  # leaves just above the disc below, through the foramen
        shapes.append(
            _shape(
                f"M 0.1,{y + 0.35} Q -1.0,{y + 0.1} -1.8,{y - 1.0} L -2.3,{y - 1.9} L -1.95,{y - 2.1} "
                f"L -1.45,{y - 1.25} Q -0.8,{y - 0.45} 0.1,{y - 0.2} Z",
                YELLOW,
                NERVE_EDGE,
                1.5,
            )
        )
    return shapes  # below the traces too, so the cause marks sit on top


def _part_labels(
    annotations: list[dict], shapes: list[dict], places: Places, label_px: int, front_only: bool = False
) -> None:
    """Each part marked `show = yes`, named outside the drawing with a line to its point. The line
    is a shape under the cause marks (an annotation's arrow would cross them)."""
    shown = [p for p in places.parts if p.show == "yes" and not (front_only and p.x >= 0)]
    front = sorted((p for p in shown if p.x < 0), key=lambda p: -p.y)
    back = sorted((p for p in shown if p.x >= 0), key=lambda p: -p.y)
    for side, parts in ((-1, front), (1, back)):
        last = None
        for part in parts:
            ty = part.y if last is None else min(part.y, last - 1.3)
            last = ty
            label_x = -4.0 if side < 0 else 6.0
            # The line ends near the front edge of a front part, clear of the cause marks.
            tip_x = max(part.x - 1.2, BODY_X0 + 0.2) if side < 0 else part.x
            shapes.append(
                dict(type="line", xref="x", yref="y", x0=label_x, y0=ty, x1=tip_x, y1=part.y,
                     line=dict(color=INK, width=1.5), layer="below")
            )  # fmt: skip
            annotations.append(
                note(
                    x=label_x,
                    y=ty,
                    text=f"<b>{wrap(part.label, 14)}</b>",
                    xanchor="right" if side < 0 else "left",
                    showarrow=False,
                    font=font(label_px),
                    bgcolor="rgba(255,255,255,0.9)",
                    hovertext=part.description,
                )
            )


# px: the phone key's text, in the narrowest chart less the figure's margins and the text's offset.
KEY_TEXT_PX = NARROWEST_IN_A_FOLD - 20 - 6


def spine_side_figure(
    content: Content | None = None,
    marked: Iterable[str] = (),
    *,
    causes: Iterable[str] | None = None,
    font_size: float = 16,
    places: Places | None = None,
    narrow: bool = False,
) -> go.Figure:
    """The lower spine from the side. With `causes`, each cause is a numbered mark at its place
    (customdata = cause id), with a key beside the drawing; `marked` causes are ringed and "Yours".

    `narrow` (a phone): the key goes under the drawing, and only the front labels are drawn (the
    table has every part)."""
    places = places or load_places()
    small, label_px, _head_px = sizes(font_size)
    marked_set = set(marked)
    wanted = list(causes) if causes is not None else []
    by_id = {c.id: c for c in content.causes} if content is not None else {}
    wanted = [cid for cid in wanted if cid in by_id]
    # The key beside the drawing: for each cause a number, its name, where it sits, "Yours" in words.
    key_lines: list[tuple[float, str, str]] = []
    line = 0.0
    key_width = 0.0
    for n, cid in enumerate(wanted, start=1):
        place = places.spine_place(cid)
        part = places.part(place.part_id) if place and place.part_id else None
        where = place.note if place and part else "Not at one spot"
        # On a phone the key's lines fit the narrowest chart (in a fold on the causes step), its
        # number and "Yours:" counted in the first line.
        prefix = f"{n}  Yours: " if cid in marked_set else f"{n}  "
        name = wrap(by_id[cid].name, phone_chars(small, KEY_TEXT_PX) - len(prefix) if narrow else 32)
        text = f"<b>{n}</b>  {name}<br><i>{where}</i>"
        if cid in marked_set:
            text = f"<b>{n}  Yours: {name}</b><br><i>{where}</i>"
        # About how wide its widest line is drawn (bold letters are wider): the key's width.
        first, *rest = name.split("<br>")
        name_chars = max([len(f"{n}  Yours: {first}" if cid in marked_set else f"{n}  {first}"), *map(len, rest)])
        name_px = name_chars * (0.48 if cid in marked_set else 0.45) * small  # measured: 0.43 bold
        key_width = max(key_width, name_px, len(where) * 0.45 * small)
        lines = text.count("<br>") + 1
        key_lines.append((line + lines / 2, text, cid))
        line += lines + 0.8
    drawing: dict[str, Any] = dict(visible=False, range=[-9.0, 8.0], fixedrange=True)
    height = max(560, 34 * font_size, (line + 1) * 1.5 * small + 40)
    extra: dict = {}
    # Kept in shape, the drawing is shorter than a long key beside it: at the top, where the key starts.
    upright = dict(visible=False, range=[-1.2, 15.0], scaleanchor="x", scaleratio=1, fixedrange=True,
                   constrain="domain", constraintoward="top")  # fmt: skip
    if narrow:
        drawing["range"] = [-10.0, 6.0]  # room for the front labels in consult mode's type too
        # With many causes (marks side by side), larger with consult mode's larger marks, so they stay
        # apart on a tablet; a few of this patient's causes fit the usual size.
        grow = max(1.0, font_size / 17) if len(wanted) > 4 else 1.0
        drawing_px = 360 * grow * 16.2 / (drawing["range"][1] - drawing["range"][0])
        key_px = (line + 1) * 1.5 * small if wanted else 0
        height = drawing_px + key_px + 30
        if wanted:
            share = key_px / (drawing_px + key_px)
            upright["domain"] = [share + 0.02, 1]
            extra = dict(
                xaxis2=dict(visible=False, domain=[0, 1], range=[0, 1], fixedrange=True),
                yaxis2=dict(visible=False, domain=[0, share], range=[line + 0.5, -0.5], fixedrange=True,
                            anchor="x2"),
            )  # fmt: skip
    elif wanted:
        drawing["domain"] = [0, KEY_FROM - 0.02]
        extra = dict(
            xaxis2=dict(visible=False, domain=[KEY_FROM, 1], range=[0, 1], fixedrange=True),
            yaxis2=dict(visible=False, range=[line + 0.5, -0.5], fixedrange=True, anchor="x2"),
            # Narrower than this, the key's widest line runs out of the chart: show the phone figure.
            meta={"min_width": math.ceil(key_width / (1 - KEY_FROM)) + 20},
        )
    shapes = spine_shapes() + nerve_shapes()
    layout = _layout(
        round(height),
        xaxis=drawing,
        yaxis=upright,
        shapes=shapes,
        font=font(label_px),
        hoverlabel=dict(font=font(label_px), bgcolor="white"),
        clickmode="event+select",
        **extra,
    )
    annotations = [
        note(x=-5.5, y=14.4, text="Front (belly side)", showarrow=False, font=font(small, GREY)),
        note(x=5.0, y=14.4, text="Back", showarrow=False, font=font(small, GREY)),
    ]
    # With the key beside the drawing, the parts at the back are not named: their names would run
    # into the key (each cause's place is in its key line, and the table names every part).
    _part_labels(annotations, shapes, places, label_px, front_only=narrow or bool(wanted))
    if not wanted:
        # One invisible point: the drawing still has a trace layer (the page can tell it is drawn).
        anchor = scatter(x=[0], y=[0], mode="markers", marker=dict(opacity=0), hoverinfo="skip", showlegend=False)
        return figure([anchor], layout, annotations)

    # Causes at the same spot sit side by side, centred on it.
    at_spot: dict[tuple[float, float], list[str]] = {}
    for cid in wanted:
        place = places.spine_place(cid)
        part = places.part(place.part_id) if place and place.part_id else None
        if part is not None:
            at_spot.setdefault((part.x, part.y), []).append(cid)
    xs, ys, nums, ids, hover, size, width = [], [], [], [], [], [], []
    for n, cid in enumerate(wanted, start=1):
        place = places.spine_place(cid)
        part = places.part(place.part_id) if place and place.part_id else None
        if part is None or place is None:
            continue
        together = at_spot[(part.x, part.y)]
        k = together.index(cid) - (len(together) - 1) / 2
        xs.append(part.x + 1.0 * k)
        ys.append(part.y)
        nums.append(str(n))
        ids.append(cid)
        hover.append(f"{by_id[cid].name}: {place.note}")
        yours = cid in marked_set
        size.append(round(font_size * (2.0 if yours else 1.6)))
        width.append(5 if yours else 2)
    data = [
        scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=nums,
            # On a phone, consult mode's numbers at the smallest size allowed (never smaller than at
            # home): the marks of nearby places are closer there than the numbers' usual height.
            textfont=font(max(math.ceil(floor_px(font_size)), round(0.8 * BODY_PX["normal"])) if narrow else small),
            marker=dict(color=ORANGE, size=size, opacity=1, line=dict(color=INK, width=width)),
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1)),
            customdata=ids,
            hovertext=hover,
            hoverinfo="text",
            name="Where causes sit",
        ),
        scatter(
            x=[0.0] * len(key_lines),
            y=[y for y, _, _ in key_lines],
            xaxis="x2",
            yaxis="y2",
            mode="text",
            text=[t for _, t, _ in key_lines],
            textposition="middle right",
            textfont=font(small),
            customdata=[cid for _, _, cid in key_lines],
            hoverinfo="skip",
            name="Key",
        ),
    ]
    return figure(data, layout, annotations)


def spine_places_figure(
    content: Content,
    cause_ids: Iterable[str],
    marked: Iterable[str] = (),
    *,
    font_size: float = 16,
    places: Places | None = None,
    narrow: bool = False,
) -> go.Figure:
    """Where each of these causes sits on the side view of the spine (`narrow`: for a phone)."""
    return spine_side_figure(content, marked, causes=cause_ids, font_size=font_size, places=places, narrow=narrow)


def spine_side_table(places: Places | None = None) -> pd.DataFrame:
    """The parts of the side view, in words."""
    places = places or load_places()
    return pd.DataFrame({"Part": [p.label for p in places.parts], "What it is": [p.description for p in places.parts]})


def spine_side_summary(places: Places | None = None) -> str:
    return (
        "This is the lower back seen from the side, with the belly on the left. "
        "Discs sit between the bones, and nerves run down the canal behind them."
    )


def _places_rows(
    content: Content, cause_ids: Iterable[str], marked: Iterable[str], places: Places
) -> list[tuple[int, str, str, str, str]]:
    """(number, cause, where, part of the spine, yours) for each cause on the drawing."""
    marked_set = set(marked)
    by_id = {c.id: c for c in content.causes}
    rows = []
    for n, cid in enumerate((c for c in cause_ids if c in by_id), start=1):
        place = places.spine_place(cid)
        part = places.part(place.part_id) if place and place.part_id else None
        rows.append(
            (
                n,
                by_id[cid].name,
                place.note if place else "Not placed yet",
                part.label if part else NOT_AT_ONE_SPOT,
                "Yes" if cid in marked_set else "",
            )
        )
    return rows


NOT_AT_ONE_SPOT = "Not at one spot"


def spine_places_table(
    content: Content, cause_ids: Iterable[str], marked: Iterable[str] = (), places: Places | None = None
) -> pd.DataFrame:
    """Each cause with its number on the drawing, where it sits, and whether it is yours."""
    rows = _places_rows(content, cause_ids, marked, places or load_places())
    return pd.DataFrame(rows, columns=["Number", "Cause", "Where", "Part of the spine", "Yours"])


def spine_places_summary(
    content: Content, cause_ids: Iterable[str], marked: Iterable[str] = (), places: Places | None = None
) -> str:
    rows = _places_rows(content, cause_ids, marked, places or load_places())
    if not rows:
        return "No causes are shown on the spine."
    elsewhere = [cause for _, cause, _, part, _ in rows if part == NOT_AT_ONE_SPOT]
    text = f"The numbers show where {len(rows) - len(elsewhere)} of these causes sit on the spine."
    if elsewhere:
        text += f" Not at one spot: {join_names(elsewhere)}."
    return text
