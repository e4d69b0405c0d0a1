"""Symptoms on a body: a simple back-and-legs outline seen from behind, each symptom at its place.

Each place (content/body_places.csv) is a round mark on the body joined by a line to the
symptom's name beside the body; mark and name both carry the symptom id (customdata), so a tap
on either can pick that symptom. This patient's symptoms have a thick ring, a bigger mark and the
word "Yours". A symptom with no place is listed under the body, still tappable, so every symptom
shows.

Text never overlaps, whatever the width: the names are spaced for a fixed scale (PX_PER_EM px of
outline per unit for each px of body text), and the figure says the narrowest plot width at which
that scale holds (`layout.meta["min_width"]`, see `base.min_width`). A narrower column shows the phone
figure instead (explainer_ui.charts). "Seen from behind" sits above the drawing, in its own margin.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from explainer.content import Content
from explainer.figures.base import (
    GREY,
    INK,
    ORANGE,
    SKY,
    _layout,
    ellipse,
    figure,
    font,
    mirror,
    phone_chars,
    scatter,
    sizes,
    wrap,
)
from explainer.figures.places import BodyPlace, Places, load_places
from explainer.figures.spine import _poly, _shape
from explainer.schema import Symptom
from explainer.wording import join_names

SKIN = "#F5E6DA"
LABEL_X = 5.4  # the names sit in two columns, left and right of the body
NAME_WIDTH = 20
PX_PER_EM = 1.35  # the wide drawing: px of outline per unit, for each px of body text
CHAR_EM = 0.56  # a generous average character width, in em (bold and italic included)
LINE_EM = 1.3  # plotly's line spacing
MARGIN_PX = 10  # the layout's left and right margins


def _label(symptom) -> str:
    """The symptom's name as the body map shows it (one name everywhere: the name in symptoms.csv)."""
    return symptom.name


def outline_shapes() -> list[dict]:
    """The outline from behind: head, neck, body, arms and legs, and the line of the spine."""
    torso = [(-0.55, 18.6), (-2.9, 18.0), (-3.3, 17.2), (-2.9, 14.0), (-2.5, 12.0), (-2.8, 10.5), (-2.9, 9.2),
             (2.9, 9.2), (2.8, 10.5), (2.5, 12.0), (2.9, 14.0), (3.3, 17.2), (2.9, 18.0), (0.55, 18.6)]  # fmt: skip
    arm = [(-3.3, 17.2), (-3.95, 16.2), (-4.3, 13.5), (-4.75, 9.6), (-4.2, 9.5), (-3.65, 12.8), (-3.1, 15.0)]
    leg = [(-2.9, 9.2), (-2.75, 6.0), (-2.25, 3.4), (-2.1, 1.0), (-2.7, 0.15), (-0.75, 0.15), (-0.9, 1.0),
           (-0.8, 3.4), (-0.35, 6.3), (-0.1, 8.6), (0.0, 8.7)]  # fmt: skip
    shapes = []
    for points in (arm, [(-x, y) for x, y in arm], leg, [(-x, y) for x, y in leg], torso):
        shapes.append(_shape(_poly(points), SKIN, INK, 2))
    hx, hy = ellipse(-4.55, 9.1, 0.4, 0.6, 24)
    shapes.append(_shape(_poly(list(zip(hx, hy, strict=True))), SKIN, INK, 2))
    shapes.append(_shape(_poly(list(zip(mirror(hx), hy, strict=True))), SKIN, INK, 2))
    shapes.append(_shape(_poly([(-0.55, 18.5), (-0.55, 19.0), (0.55, 19.0), (0.55, 18.5)]), SKIN, INK, 2))
    hx, hy = ellipse(0, 20.1, 1.2, 1.45)
    shapes.append(_shape(_poly(list(zip(hx, hy, strict=True))), SKIN, INK, 2))
    shapes.append(dict(type="line", x0=0, y0=18.3, x1=0, y1=9.9, xref="x", yref="y",
                       line=dict(color=GREY, width=2, dash="dot"), layer="below"))  # fmt: skip
    return shapes


# The phone drawing spans -PHONE_X..PHONE_X; it keeps its scale (so its list is spaced right) on any
# plot at least PHONE_UNIT_PX * 2 * PHONE_X px wide: 297 px, a 350 px screen.
PHONE_X = 5.3
PHONE_UNIT_PX = 28
PHONE_TEXT_PX = 280  # the list's lines: at most this wide


def _body_map_narrow(content: Content, marked_set: set[str], font_size: float, places: Places) -> go.Figure:
    """For a phone: numbered marks on the body, and the numbered names in a list under it."""
    small, label_px, _ = sizes(font_size)
    unit_px = PHONE_UNIT_PX
    line = 1.3 * label_px / unit_px
    xs, ys, nums, mids, msize, mwidth = [], [], [], [], [], []
    lx, ly, ltext, lids = [], [], [], []
    y = -0.8
    for n, symptom in enumerate(content.symptoms, start=1):
        place = places.body_place(symptom.id)
        yours = symptom.id in marked_set
        if place:
            xs.append(place.x)
            ys.append(place.y)
            nums.append(str(n))
            mids.append(symptom.id)
            msize.append(round(font_size * (1.9 if yours else 1.5)))
            mwidth.append(5 if yours else 1.5)
        chars = phone_chars(label_px, PHONE_TEXT_PX)
        if yours:
            text = f"<b>{wrap(f'{n}  Yours: {_label(symptom)}', chars)}</b>"
        else:
            text = f"<b>{n}</b>  {wrap(_label(symptom), chars - len(str(n)) - 2)}"
        text += f"<br><i>{wrap(place.place if place else 'Not placed', chars)}</i>"
        lines = text.count("<br>") + 1
        y -= lines * line / 2
        lx.append(-PHONE_X + 0.2)
        ly.append(y)
        ltext.append(text)
        lids.append(symptom.id)
        y -= lines * line / 2 + 0.4
    bottom = y
    layout = _layout(
        round((22.0 - bottom) * unit_px + 20),
        xaxis=dict(visible=False, range=[-PHONE_X, PHONE_X], fixedrange=True),
        yaxis=dict(visible=False, range=[bottom, 22.0], scaleanchor="x", scaleratio=1, fixedrange=True),
        shapes=outline_shapes(),
        font=font(label_px),
        hoverlabel=dict(font=font(label_px), bgcolor="white"),
        clickmode="event+select",
    )
    keep = dict(marker=dict(opacity=1))
    return figure(
        [
            scatter(x=xs, y=ys, mode="markers+text", text=nums, textfont=font(small), customdata=mids,
                    marker=dict(color=ORANGE, size=msize, opacity=1, line=dict(color=INK, width=mwidth)),
                    selected=keep, unselected=keep, hoverinfo="none", name="Places"),
            scatter(x=lx, y=ly, mode="text", text=ltext, textposition="middle right", textfont=font(label_px),
                    customdata=lids, hoverinfo="none", name="Symptoms"),
        ],
        layout,
    )  # fmt: skip


def _label_width(text: str, label_px: float) -> float:
    """About how wide a label is drawn, in px: its longest line, generously."""
    lines = text.replace("<b>", "").replace("</b>", "").replace("<i>", "").replace("</i>", "").split("<br>")
    return max(len(line) for line in lines) * CHAR_EM * label_px


def _mark_room(font_size: float) -> float:
    """px from a name's anchor to where its text starts: half the biggest square and plotly's gap."""
    return 0.6 * 1.2 * font_size + 6


def body_map_figure(
    content: Content,
    marked: Iterable[str] = (),
    *,
    font_size: float = 16,
    places: Places | None = None,
    narrow: bool = False,
) -> go.Figure:
    """The body outline with every symptom at its place; this patient's symptoms ringed.

    `narrow` (a phone): numbered marks on the body and the names listed under it. The wide figure
    is exact from `min_width(figure)` px up; below that, show the narrow one."""
    places = places or load_places()
    if narrow:
        return _body_map_narrow(content, set(marked), font_size, places)
    small, label_px, _head_px = sizes(font_size)
    marked_set = set(marked)
    unit_px = PX_PER_EM * font_size  # px of drawing per unit, at every width from min_width up

    def height(text: str) -> float:
        """A name's height in units, with a gap under it."""
        return ((text.count("<br>") + 1) * LINE_EM * label_px + 0.4 * label_px) / unit_px

    placed: list[tuple[Symptom, BodyPlace]] = []
    unplaced: list[tuple[Symptom, None]] = []
    for symptom in content.symptoms:
        place = places.body_place(symptom.id)
        if place:
            placed.append((symptom, place))
        else:
            unplaced.append((symptom, None))

    def label_text(symptom, place) -> str:
        where = f"<br><i>{wrap(place.place, NAME_WIDTH)}</i>" if place else ""
        if symptom.id in marked_set:
            return f"<b>{wrap('Yours: ' + _label(symptom), NAME_WIDTH)}</b>{where}"
        return f"{wrap(_label(symptom), NAME_WIDTH)}{where}"

    shapes = outline_shapes()
    px, py, pid, psize, pwidth, phover = [], [], [], [], [], []
    lx, ly, lid, ltext, lpos, lsize, lwidth = [], [], [], [], [], [], []
    top = 22.0
    for side in (-1, 1):
        column = sorted((sp for sp in placed if (sp[1].x < 0) == (side < 0)), key=lambda sp: -sp[1].y)
        last_bottom = None
        for symptom, place in column:
            text = label_text(symptom, place)
            half = height(text) / 2
            y = place.y if last_bottom is None else min(place.y, last_bottom - half)
            last_bottom = y - half
            top = max(top, y + half)
            yours = symptom.id in marked_set
            px.append(place.x)
            py.append(place.y)
            pid.append(symptom.id)
            psize.append(round(font_size * (1.7 if yours else 1.2)))
            pwidth.append(5 if yours else 1.5)
            phover.append(f"{symptom.name}: {place.place}")
            lx.append(side * LABEL_X)
            ly.append(y)
            lid.append(symptom.id)
            ltext.append(text)
            lpos.append("middle left" if side < 0 else "middle right")
            lsize.append(round(font_size * (1.2 if yours else 0.9)))
            lwidth.append(4 if yours else 1.5)
            shapes.append(
                dict(type="line", x0=place.x, y0=place.y, x1=side * LABEL_X, y1=y, xref="x", yref="y",
                     line=dict(color=INK, width=3 if yours else 1.5), layer="below")
            )  # fmt: skip
    # Below the feet and below the lowest name of either column.
    y = min([-0.2, *(yy - height(t) / 2 for yy, t in zip(ly, ltext, strict=True))])
    for symptom, place in unplaced:  # still shown, and still tappable
        text = label_text(symptom, place)
        y -= height(text) / 2
        lx.append(-LABEL_X)
        ly.append(y)
        lid.append(symptom.id)
        ltext.append(text)
        lpos.append("middle right")
        lsize.append(round(font_size * (1.2 if symptom.id in marked_set else 0.9)))
        lwidth.append(4 if symptom.id in marked_set else 1.5)
        y -= height(text) / 2
    bottom = min(y, -0.5)

    # Each column needs its names' width beside the body; an unplaced name runs right from -LABEL_X.
    sides = [_label_width(t, label_px) + (0 if pos == "middle right" and x < 0 else LABEL_X * unit_px)
             for t, pos, x in zip(ltext, lpos, lx, strict=True)]  # fmt: skip
    half_width = max([LABEL_X * unit_px, *sides]) + _mark_room(font_size)
    plot_width = 2 * half_width
    caption_px = round(LINE_EM * small) + 6
    layout = _layout(
        round((top - bottom) * unit_px) + caption_px + 2 * MARGIN_PX,
        # At plot_width the x range fills the plot; wider, plotly widens the x range (same scale).
        xaxis=dict(visible=False, range=[-half_width / unit_px, half_width / unit_px], fixedrange=True),
        yaxis=dict(visible=False, range=[bottom, top], scaleanchor="x", scaleratio=1, fixedrange=True),
        shapes=shapes,
        font=font(label_px),
        hoverlabel=dict(font=font(label_px), bgcolor="white"),
        clickmode="event+select",
        margin=dict(l=MARGIN_PX, r=MARGIN_PX, t=MARGIN_PX + caption_px, b=MARGIN_PX),
        meta={"min_width": int(plot_width + 2 * MARGIN_PX) + 1},
    )
    # Above the drawing, in a margin of its own: it can meet no name.
    seen_from = dict(xref="paper", yref="paper", x=0.5, y=1, yanchor="bottom", xanchor="center", yshift=4,
                     text="Seen from behind", showarrow=False, font=font(small, GREY))  # fmt: skip
    return figure(
        [
            scatter(
                x=px,
                y=py,
                mode="markers",
                customdata=pid,
                hovertext=phover,
                hoverinfo="text",
                marker=dict(color=ORANGE, size=psize, opacity=1, line=dict(color=INK, width=pwidth)),
                selected=dict(marker=dict(opacity=1)),
                unselected=dict(marker=dict(opacity=1)),
                name="Places",
            ),
            scatter(
                x=lx,
                y=ly,
                mode="markers+text",
                text=ltext,
                textposition=lpos,
                textfont=font(label_px),
                customdata=lid,
                hoverinfo="none",
                marker=dict(symbol="square", color=SKY, size=lsize, opacity=1, line=dict(color=INK, width=lwidth)),
                selected=dict(marker=dict(opacity=1)),
                unselected=dict(marker=dict(opacity=1)),
                name="Symptoms",
            ),
        ],
        layout,
        [seen_from],
    )


def body_map_table(content: Content, marked: Iterable[str] = (), places: Places | None = None) -> pd.DataFrame:
    places = places or load_places()
    marked_set = set(marked)
    rows = []
    for s in content.symptoms:
        place = places.body_place(s.id)
        rows.append(
            {
                "Symptom": _label(s),
                "Where": place.place if place else "Not placed",
                "Yours": "Yes" if s.id in marked_set else "",
            }
        )
    return pd.DataFrame(rows, columns=["Symptom", "Where", "Yours"])


def body_map_summary(content: Content, marked: Iterable[str] = ()) -> str:
    marked_set = set(marked)
    text = f"The body shows where each of the {len(content.symptoms)} symptoms is often felt. Tap a place to pick it."
    yours = [_label(s) for s in content.symptoms if s.id in marked_set]
    if yours:
        text += f" Yours have a thick ring: {join_names(yours)}."
    return text
