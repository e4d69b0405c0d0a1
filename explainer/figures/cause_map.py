"""Causes as a map: every cause in one picture, with all three groupings at once.

Across: when it starts (before, during, after surgery). Down: what is going on. Marker shape and
colour: the kind of pain, named in the legend. The causes marked for this patient have a thick
ring, a bigger marker and the word "Yours". Each cause point carries its id (customdata), so the
page can open that cause's card when it is picked.

Data-driven: rows and columns are the categories in categories.csv, in their order; a cause whose
category is unknown goes in an "Other" row or column, so a new cause always appears.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from explainer.content import Content
from explainer.figures.base import (
    BLUE,
    GREEN,
    GREY,
    INK,
    NARROWEST_CHART,
    ORANGE,
    PURPLE,
    SKY,
    VERMILLION,
    _layout,
    figure,
    font,
    note,
    phone_chars,
    scatter,
    sizes,
    wrap,
)
from explainer.wording import join_names

PAIN_SYMBOLS = ("circle", "diamond", "square", "triangle-up", "hexagon", "star")
PAIN_COLOURS = (BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY)
OTHER = "_other"
NAME_WIDTH = 20  # characters per line of a cause's name on the map (this patient's, in bold: 2 fewer)
ROW_WIDTH = 13  # characters per line of a row's name
MARK_AT = 0.05  # where in its column a cause's mark sits (its name follows)
# About how wide a letter is drawn, in font sizes (measured here: 0.40, and 0.44 in bold; a margin added).
LETTER_EM, BOLD_EM = 0.42, 0.46

# px a phone leaves a line of text beside its mark: the narrowest phone's chart, less its margins,
# from where the text starts (7 % across, after the mark).
NARROW_TEXT_PX = NARROWEST_CHART - 22 - 40

TIMING_WORDS = {"before": "before surgery", "during": "during surgery", "after": "after surgery"}


def _label(cause) -> str:
    """The cause's name as the map shows it (one name everywhere: the name from causes.csv)."""
    return cause.name


def _categories(content: Content, dimension: str, used: Iterable[str]) -> list[tuple[str, str]]:
    known = [(c.id, c.label) for c in content.categories(dimension)]
    ids = {cid for cid, _ in known}
    if any(u not in ids for u in used):
        known.append((OTHER, "Other"))
    return known


def _where(ids: list[str], value: str) -> int:
    return ids.index(value) if value in ids else ids.index(OTHER)


def _is_yours(cause, marked: set[str]) -> bool:
    return cause.id in marked


def cause_map_layout(content: Content) -> dict:
    """Where each cause sits: {cause id: (column, row)} and the columns and rows (id, label).

    A cause that can start at more than one time sits in the first of them; its label says the rest."""
    causes = list(content.causes)
    columns = _categories(content, "timing", [t for c in causes for t in c.timing])
    rows = _categories(content, "mechanism", [c.mechanism for c in causes])
    pains = _categories(content, "pain_type", [c.pain_type for c in causes])
    col_ids, row_ids = [c for c, _ in columns], [r for r, _ in rows]
    place = {c.id: (_where(col_ids, c.timing[0]), _where(row_ids, c.mechanism)) for c in causes}
    return {"columns": columns, "rows": rows, "pains": pains, "place": place}


def _legend(pains, used: set[int], yours: bool, font_size: float, label_px: int) -> list[dict]:
    """Legend entries in words: one per kind of pain used (its shape), and the ring for "Yours"."""
    entries = [
        scatter(x=[None], y=[None], mode="markers", name=label, showlegend=True, hoverinfo="skip",
                marker=dict(symbol=PAIN_SYMBOLS[i % len(PAIN_SYMBOLS)], size=round(font_size),
                            color=PAIN_COLOURS[i % len(PAIN_COLOURS)], line=dict(color=INK, width=1.5)))
        for i, (_, label) in enumerate(pains)
        if i in used
    ]  # fmt: skip
    if yours:
        entries.append(
            scatter(x=[None], y=[None], mode="markers", name="Yours: thick ring", showlegend=True, hoverinfo="skip",
                    marker=dict(symbol="circle-open", size=round(font_size * 1.2), color=INK, line=dict(width=5)))
        )  # fmt: skip
    return entries


def _cause_map_narrow(content: Content, marked_set: set[str], font_size: float) -> go.Figure:
    """For a phone: one column, a heading for each time, each cause with what is going on under it."""
    _, label_px, head_px = sizes(font_size)
    grid = cause_map_layout(content)
    columns, rows, pains, place = grid["columns"], grid["rows"], grid["pains"], grid["place"]
    row_labels = dict(rows)
    pain_index = {pid: i for i, (pid, _) in enumerate(pains)}
    causes = sorted(content.causes, key=lambda c: place[c.id])
    chars = phone_chars(label_px, NARROW_TEXT_PX)
    line = 0.0
    heads, xs, ys, texts, ids, size, width, symbol, colour = ([] for _ in range(9))
    for col, (_, col_label) in enumerate(columns):
        here = [c for c in causes if place[c.id][0] == col]
        if not here:
            continue
        heads.append(note(x=0, y=line + 0.8, xanchor="left", text=f"<b>{col_label}</b>", showarrow=False,
                          font=font(head_px)))  # fmt: skip
        line += 1.6
        for cause in here:
            yours = cause.id in marked_set
            text = wrap(("Yours: " if yours else "") + _label(cause), chars)
            if yours:
                text = f"<b>{text}</b>"
            mechanism = row_labels.get(cause.mechanism, "Other")
            text += f"<br><i>{mechanism}</i>"
            n = text.count("<br>") + 1
            xs.append(0.07)
            ys.append(line + n / 2)
            texts.append(text)
            ids.append(cause.id)
            i = pain_index.get(cause.pain_type, pain_index.get(OTHER, 0))
            size.append(round(font_size * (1.6 if yours else 1.1)))
            width.append(5 if yours else 1.5)
            symbol.append(PAIN_SYMBOLS[i % len(PAIN_SYMBOLS)])
            colour.append(PAIN_COLOURS[i % len(PAIN_COLOURS)])
            line += n + 0.6
    # The legend as rows of the drawing (plotly's legend clips its words on a narrow screen).
    used = sorted({pain_index.get(c.pain_type, 0) for c in causes})
    key = [(PAIN_SYMBOLS[i % len(PAIN_SYMBOLS)], PAIN_COLOURS[i % len(PAIN_COLOURS)], 1.5, pains[i][1]) for i in used]
    if marked_set & set(place):
        key.append(("circle-open", INK, 5, "Yours: thick ring"))
    heads.append(note(x=0, y=line + 0.8, xanchor="left", text="<b>Kind of pain</b>", showarrow=False,
                      font=font(label_px)))  # fmt: skip
    line += 1.6
    key_texts, key_y = [wrap(k[3], chars) for k in key], []
    for text in key_texts:
        n = text.count("<br>") + 1
        key_y.append(line + n / 2)
        line += n + 0.3
    line += 0.2
    line_px = 1.3 * label_px
    keep = dict(marker=dict(opacity=1))
    data = [
        scatter(x=xs, y=ys, mode="markers+text", text=texts, textposition="middle right",
                textfont=font(label_px, INK), customdata=ids, hoverinfo="none", showlegend=False, name="Causes",
                marker=dict(symbol=symbol, size=size, color=colour, opacity=1, line=dict(color=INK, width=width)),
                selected=keep, unselected=keep),
        scatter(x=[0.07] * len(key), y=key_y, mode="markers+text", text=key_texts,
                textposition="middle right", textfont=font(label_px, INK), hoverinfo="skip", showlegend=False,
                name="Kind of pain", marker=dict(symbol=[k[0] for k in key], color=[k[1] for k in key],
                size=round(font_size), opacity=1, line=dict(color=INK, width=[k[2] for k in key]))),
    ]  # fmt: skip
    layout = _layout(
        round(line * line_px + 20),
        xaxis=dict(visible=False, range=[0, 1], fixedrange=True),
        yaxis=dict(visible=False, range=[line, 0], fixedrange=True),
        margin=dict(l=12, r=10, t=10, b=10),
        font=font(label_px),
        hoverlabel=dict(font=font(label_px), bgcolor="white"),
        clickmode="event+select",
    )
    return figure(data, layout, heads)


def cause_map_figure(
    content: Content, marked: Iterable[str] = (), *, font_size: float = 16, narrow: bool = False
) -> go.Figure:
    """All causes on a when x what grid, pain type as marker shape; this patient's causes ringed.

    `narrow` (a phone): one column with a heading for each time; the kind of pain is still the
    shape and what is going on is written under each cause."""
    if narrow:
        return _cause_map_narrow(content, set(marked), font_size)
    _small, label_px, head_px = sizes(font_size)
    marked_set = set(marked)
    grid = cause_map_layout(content)
    columns, rows, pains, place = grid["columns"], grid["rows"], grid["pains"], grid["place"]
    timing_labels = dict(columns)
    causes = list(content.causes)

    # Heights in units of one text line: each cause takes its lines plus a gap.
    def name(cause) -> str:
        return wrap(_label(cause), NAME_WIDTH - 2 if _is_yours(cause, marked_set) else NAME_WIDTH)

    def lines(cause) -> int:
        extra = 1 if len(cause.timing) > 1 else 0
        yours = 1 if _is_yours(cause, marked_set) else 0
        return name(cause).count("<br>") + 1 + extra + yours

    cells: dict[tuple[int, int], list] = {}
    for cause in causes:
        cells.setdefault(place[cause.id], []).append(cause)
    line_units = 1.3  # one text line, in units of font_size px
    row_heights = []
    for r in range(len(rows)):
        tallest = max(
            (sum(lines(c) * line_units + 0.9 for c in cells.get((col, r), [])) for col in range(len(columns))),
            default=0,
        )
        row_heights.append(max(tallest, 2.2) + 0.8)
    total = sum(row_heights)

    xs, ys, texts, ids, hover, size, width, symbol, colour = ([] for _ in range(9))
    pain_index = {pid: i for i, (pid, _) in enumerate(pains)}
    pain_of = {c.id: pain_index.get(c.pain_type, pain_index.get(OTHER, 0)) for c in causes}
    shapes = []
    row_centres = []
    top = total
    for r, height in enumerate(row_heights):
        bottom = top - height
        row_centres.append((top + bottom) / 2)
        if r % 2 == 0:
            shapes.append(
                dict(type="rect", xref="x", yref="y", x0=-0.02, x1=len(columns) - 0.02, y0=bottom, y1=top,
                     fillcolor="#F3F3F3", line=dict(width=0), layer="below")
            )  # fmt: skip
        for col in range(len(columns)):
            y = top - 0.6
            for cause in cells.get((col, r), []):
                n = lines(cause)
                centre = y - n * line_units / 2
                text = name(cause)
                if len(cause.timing) > 1:
                    also = " or ".join(TIMING_WORDS.get(t, timing_labels.get(t, t)).lower() for t in cause.timing[1:])
                    text += f"<br><i>also {also}</i>"
                if _is_yours(cause, marked_set):
                    text = f"<b>Yours:<br>{text}</b>"
                xs.append(col + MARK_AT)
                ys.append(centre)
                texts.append(text)
                ids.append(cause.id)
                hover.append(f"{cause.name}<br>{pains[pain_of[cause.id]][1]}")
                yours = _is_yours(cause, marked_set)
                size.append(round(font_size * (1.9 if yours else 1.2)))
                width.append(5 if yours else 1.5)
                symbol.append(PAIN_SYMBOLS[pain_of[cause.id] % len(PAIN_SYMBOLS)])
                colour.append(PAIN_COLOURS[pain_of[cause.id] % len(PAIN_COLOURS)])
                y -= n * line_units + 0.9
        top = bottom
    for col in range(1, len(columns)):
        shapes.append(
            dict(type="line", xref="x", yref="y", x0=col - 0.02, x1=col - 0.02, y0=0, y1=total,
                 line=dict(color=GREY, width=1, dash="dot"))
        )  # fmt: skip

    data = [
        scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=texts,
            textposition="middle right",
            textfont=dict(size=label_px, color=INK),
            customdata=ids,
            hovertext=hover,
            hoverinfo="text",
            marker=dict(symbol=symbol, size=size, color=colour, opacity=1, line=dict(color=INK, width=width)),
            # A picked cause keeps every other one readable (plotly fades the rest by default).
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1)),
            showlegend=False,
            name="Causes",
        )
    ]
    # The legend says in words what each shape means, and what the ring means.
    used = {pain_of[c.id] for c in causes}
    data += _legend(pains, used, bool(marked_set & {c.id for c in causes}), font_size, label_px)
    height = round(total * font_size * 1.0 + 6 * font_size + 40)
    left = round(0.62 * label_px * ROW_WIDTH) + 10
    # A column holds its mark and the widest line of a name beside it, before the next column's line.
    widest = max(
        (
            max(len(line) for line in name(c).split("<br>")) * (BOLD_EM if _is_yours(c, marked_set) else LETTER_EM)
            for c in causes
        ),
        default=0.0,
    )
    column_px = (widest * label_px + max(size, default=0) / 2 + 8) / (0.98 - MARK_AT)
    layout = _layout(
        height,
        xaxis=dict(
            side="top",
            range=[-0.02, len(columns) - 0.02],
            tickvals=[i + 0.45 for i in range(len(columns))],
            ticktext=[f"<b>{label}</b>" for _, label in columns],
            tickfont=dict(size=head_px, color=INK),
            fixedrange=True,
            automargin=False,
        ),
        yaxis=dict(
            range=[0, total],
            tickvals=row_centres,
            ticktext=[f"<b>{wrap(label, ROW_WIDTH)}</b>" for _, label in rows],
            tickfont=dict(size=label_px, color=INK),
            fixedrange=True,
            automargin=False,
        ),
        shapes=shapes,
        showlegend=True,
        legend=dict(
            orientation="h",
            x=0,
            y=-0.01,
            xanchor="left",
            yanchor="top",
            font=dict(size=label_px, color=INK),
            title=dict(text="<b>Kind of pain:</b> ", font=dict(size=label_px, color=INK)),
            itemclick=False,
            itemdoubleclick=False,
            # room for the longest name, so a name never runs into the next shape
            entrywidth=round(max((len(label) for _, label in pains), default=10) * 0.55 * label_px + 50),
        ),
        # Room for the row names in bold and the column names above, worked out here: plotly's
        # automargin draws the map, measures the names and draws it again (and measured them short).
        margin=dict(l=left, r=10, t=round(1.5 * head_px) + 10, b=round(3 * font_size)),
        font=font(label_px),
        hoverlabel=dict(font=dict(size=label_px), bgcolor="white"),
        clickmode="event+select",
        # Narrower than this, a name runs into the next column or out of the map: show the phone map.
        meta={"min_width": left + 10 + math.ceil(len(columns) * column_px)},
    )
    return figure(data, layout)


def cause_map_table(content: Content, marked: Iterable[str] = ()) -> pd.DataFrame:
    """The map as a table: one row per cause, every grouping in words, and whether it is yours."""
    marked_set = set(marked)
    labels = {dim: {c.id: c.label for c in content.categories(dim)} for dim in ("timing", "mechanism", "pain_type")}
    return pd.DataFrame(
        {
            "Cause": [_label(c) for c in content.causes],
            "When it starts": [", ".join(labels["timing"].get(t, t) for t in c.timing) for c in content.causes],
            "What is going on": [labels["mechanism"].get(c.mechanism, "Other") for c in content.causes],
            "Kind of pain": [labels["pain_type"].get(c.pain_type, "Other") for c in content.causes],
            "In the article": ["Yes" if getattr(c, "in_article", "yes") == "yes" else "No" for c in content.causes],
            "Yours": ["Yes" if c.id in marked_set else "" for c in content.causes],
        }
    )


def cause_map_summary(content: Content, marked: Iterable[str] = ()) -> str:
    """One or two plain sentences: what the map shows, and which causes are this patient's."""
    marked_set = set(marked)
    n = len(content.causes)
    text = (
        f"This map shows all {n} causes. Across is when it starts. Down is what is going on. "
        "The shape shows the kind of pain."
    )
    yours = [_label(c) for c in content.causes if c.id in marked_set]
    if yours:
        text += f" Yours have a thick ring: {join_names(yours)}."
    return text
