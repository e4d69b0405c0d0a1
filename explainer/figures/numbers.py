"""Treatments compared as 100 people: chance of benefit and chance of harm, where numbers exist.

Each number is a 10 x 10 icon array: the people it happened to are filled in, the rest are open
rings, and the count is written above in words ("48 in 100"). A benefit is a filled circle, a harm
a filled square with the word "harm" in its heading, so neither relies on colour. The numbers come
from evidence.csv (both groups of a study) through content/treatment_numbers.csv, which says which
numbers belong to which treatment; a treatment with no numbers simply has no array, and the table
says so in words. A trial that compared two options head to head (its evidence row used by both)
is shown once, headed with both names, in the picture, its words, its table and the comparison.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from explainer.content import Content
from explainer.figures.base import (
    BLUE,
    GREY,
    INK,
    NARROWEST_PLOT,
    VERMILLION,
    _layout,
    figure,
    font,
    phone_chars,
    scatter,
    sizes,
    wrap,
)
from explainer.figures.icons import icon_array_svg, icon_rows_svg
from explainer.figures.places import Places, TreatmentNumber, load_places
from explainer.schema import EvidenceNumber
from explainer.summary import NO_TREATMENT
from explainer.wording import join_names

GAP = 2.2  # cells between two arrays side by side
PHONE_WIDTH = 360  # px: the figure's width on a phone
KIND_WORDS = {"benefit": "Chance of benefit", "harm": "Chance of harm"}
NO_FURTHER = NO_TREATMENT["name"]


def _groups(content: Content, number: TreatmentNumber) -> tuple[str, list[tuple[str, int]]]:
    """(outcome, [(group label, count), ...]) for one number: one or two groups."""
    if number.evidence_id:
        ev = next((e for e in content.evidence if e.id == number.evidence_id), None)
        if ev is None:
            return number.outcome or number.id, []
        return number.outcome or ev.outcome, _evidence_groups(ev)
    return number.outcome, [(number.label, number.count or 0)]


def _evidence_groups(ev: EvidenceNumber) -> list[tuple[str, int]]:
    """A row of evidence.csv's groups: (label, count out of 100), one or two."""
    groups = [(ev.group_a_label, ev.group_a_count)]
    if ev.group_b_count is not None and ev.group_b_label:
        groups.append((ev.group_b_label, ev.group_b_count))
    return groups


def _compared(content: Content, places: Places) -> dict[str, list[str]]:
    """Trials that compared options head to head: evidence id -> the names of the treatments
    (in content order) whose numbers all come from that one row of evidence.csv. Such a trial is
    shown once, named as a comparison, never once under each option."""
    by_evidence: dict[str, set[str]] = {}
    for number in places.numbers:
        if number.evidence_id:
            by_evidence.setdefault(number.evidence_id, set()).add(number.treatment_id)
    return {
        evidence_id: [t.name for t in content.treatments if t.id in ids]
        for evidence_id, ids in by_evidence.items()
        if len(ids) > 1
    }


def compared_label(names: list[str]) -> str:
    """'Spinal cord stimulation compared with another operation': one trial, two options."""
    return f"{names[0]} compared with {join_names(names[1:])}"


def compared_sentence(names: list[str], groups: list[tuple[str, int]], what: str) -> str:
    """'One trial compared spinal cord stimulation and another operation. Offered a stimulator:
    47 in 100 had this result. Offered another operation: 12 in 100 had this result.'"""
    counts = " ".join(f"{label}: {count} in 100 {what}." for label, count in groups)
    return f"One trial compared {join_names(names)}. {counts}"


def _panels(content: Content, treatment_ids: Iterable[str], places: Places) -> list[tuple]:
    """(label, kind, outcome, groups) for every number of these treatments, in content order.
    `label` is the treatment's name, or for a trial that compared options, all their names: that
    trial is shown once however many of its options were picked."""
    wanted = set(treatment_ids)
    compared = _compared(content, places)
    shown: set[str] = set()
    panels = []
    for treatment in content.treatments:
        if treatment.id not in wanted:
            continue
        for number in places.numbers_for(treatment.id):
            outcome, groups = _groups(content, number)
            if not groups:
                continue
            if number.evidence_id in compared:
                if number.evidence_id in shown:
                    continue
                shown.add(number.evidence_id)
                panels.append((compared_label(compared[number.evidence_id]), number.kind, outcome, groups))
            else:
                panels.append((treatment.name, number.kind, outcome, groups))
    return panels


def _icon_rows(panels: list[tuple], font_size: float, heading: str | None = None, narrow: bool = False) -> go.Figure:
    """Rows of 10 x 10 arrays, two side by side, each row under its heading in words.

    `narrow` (a phone): smaller icons so both arrays of a row still fit side by side."""
    _small, label_px, _head_px = sizes(font_size)
    per_row = 2
    width_cells = per_row * 10 + (per_row - 1) * GAP
    cell_px = PHONE_WIDTH / (width_cells + 1) if narrow else round(1.35 * font_size)
    heading_chars = phone_chars(label_px, NARROWEST_PLOT) if narrow else 60
    label_chars = max(10, int(10 * cell_px / (0.55 * label_px)))
    # One line of text, in cells. On a phone the cells are as wide as the screen lets them be, so
    # the lines are spaced for the narrowest: they cannot meet on a wider one.
    line_units = 1.3 * label_px / (NARROWEST_PLOT / (width_cells + 1) if narrow else cell_px)
    xs_on, ys_on, xs_off, ys_off, sym_on, col_on, texts_x, texts_y, texts = ([] for _ in range(9))
    hover_on = []
    y_top = 0.0
    for name, kind, outcome, groups in panels:
        # As wide as the two arrays under it (about 60 letters), not wider: in consult mode on a
        # tablet the column is little wider than the arrays.
        title = heading or (
            f"<b>{wrap(KIND_WORDS[kind] + ': ' + name, heading_chars)}</b><br>{wrap(outcome, heading_chars)}"
        )
        texts_x.append(-0.5)
        texts_y.append(y_top)
        texts.append(title)
        group_top = y_top - (title.count("<br>") + 1) * line_units - 0.3
        what = " had this harm" if kind == "harm" else ""
        labels = [f"<b>{count} in 100</b>{what}<br>{wrap(label, label_chars)}" for label, count in groups[:per_row]]
        label_lines = max(t.count("<br>") + 1 for t in labels)
        array_top = group_top - label_lines * line_units - 0.6
        for g, ((label, count), text) in enumerate(zip(groups[:per_row], labels, strict=True)):
            x0 = g * (10 + GAP)
            texts_x.append(x0 - 0.5)
            texts_y.append(group_top)
            texts.append(text)
            for k in range(100):
                x, y = x0 + k % 10, array_top - k // 10
                if k < count:
                    xs_on.append(x)
                    ys_on.append(y)
                    sym_on.append("square" if kind == "harm" else "circle")
                    col_on.append(VERMILLION if kind == "harm" else BLUE)
                    hover_on.append(f"{label}: {count} in 100")
                else:
                    xs_off.append(x)
                    ys_off.append(y)
        y_top = array_top - 9 - 1.6
    bottom = y_top + 0.8
    height = round(-bottom * cell_px + 40)
    marker = round(0.72 * cell_px)
    return figure(
        [
            scatter(
                x=xs_off,
                y=ys_off,
                mode="markers",
                marker=dict(symbol="circle-open", size=marker, color=GREY, line=dict(width=2, color=GREY)),
                hoverinfo="skip",
                name="Others",
            ),
            scatter(
                x=xs_on,
                y=ys_on,
                mode="markers",
                marker=dict(symbol=sym_on, size=marker, color=col_on, line=dict(width=1.5, color=INK)),
                hovertext=hover_on,
                hoverinfo="text",
                name="People it happened to",
            ),
            scatter(
                x=texts_x,
                y=texts_y,
                mode="text",
                text=texts,
                textposition="bottom right",
                textfont=font(label_px),
                hoverinfo="skip",
                name="Words",
            ),
        ],
        _layout(
            height,
            xaxis=dict(visible=False, range=[-0.8, width_cells + 0.2], fixedrange=True),
            yaxis=dict(visible=False, range=[bottom, 0.3], scaleanchor="x", scaleratio=1, fixedrange=True),
            font=font(label_px),
            hoverlabel=dict(font=font(label_px), bgcolor="white"),
            margin=dict(l=10, r=10, t=10, b=10),
        ),
    )


def treatment_numbers_figure(
    content: Content,
    treatment_ids: Iterable[str],
    *,
    font_size: float = 16,
    places: Places | None = None,
    narrow: bool = False,
) -> go.Figure:
    """For each of these treatments, its numbers as 100 people: benefit and harm, with and without."""
    return _icon_rows(_panels(content, treatment_ids, places or load_places()), font_size, narrow=narrow)


def treatment_numbers_svg(
    content: Content, treatment_ids: Iterable[str], *, font_size: float = 16, places: Places | None = None
) -> str:
    """The same numbers as `treatment_numbers_figure`, drawn for a phone as plain SVG (icons.py):
    in consult mode's type, where the wide figure does not fit, at the cost of no chart to draw."""
    panels = [
        (f"{KIND_WORDS[kind]}: {name}", outcome, kind, groups)
        for name, kind, outcome, groups in _panels(content, treatment_ids, places or load_places())
    ]
    return icon_rows_svg(panels, font_size=font_size)


def evidence_icons_figure(
    content: Content, evidence_id: str, *, font_size: float = 16, narrow: bool = False
) -> go.Figure:
    """One row of evidence.csv as 100 people, its groups side by side."""
    ev = next(e for e in content.evidence if e.id == evidence_id)
    outcome, groups = ev.outcome, _evidence_groups(ev)
    # The heading names the study's question, not a benefit claim.
    return _icon_rows(
        [(None, "benefit", outcome, groups)],
        font_size,
        heading=f"<b>{wrap(ev.title, 40 if narrow else 80)}</b><br>{wrap(outcome, 40 if narrow else 60)}",
        narrow=narrow,
    )


def evidence_icons_svg(content: Content, evidence_id: str, *, font_size: float = 16, narrow: bool = False) -> str:
    """The same as `evidence_icons_figure`, drawn as plain SVG (no plotly: see icons.py)."""
    ev = next(e for e in content.evidence if e.id == evidence_id)
    return icon_array_svg(_evidence_groups(ev), heading=ev.title, font_size=font_size, narrow=narrow)


def evidence_icons_summary(content: Content, evidence_id: str) -> str:
    ev = next(e for e in content.evidence if e.id == evidence_id)
    return ev.plain_summary


def evidence_icons_table(content: Content, evidence_id: str) -> pd.DataFrame:
    ev = next(e for e in content.evidence if e.id == evidence_id)
    rows = [{"Group": ev.group_a_label, "Out of 100": ev.group_a_count, "What happened": ev.outcome}]
    if ev.group_b_count is not None:
        rows.append({"Group": ev.group_b_label, "Out of 100": ev.group_b_count, "What happened": ev.outcome})
    return pd.DataFrame(rows)


def treatment_numbers_table(
    content: Content, treatment_ids: Iterable[str], places: Places | None = None
) -> pd.DataFrame:
    """Every number behind the icon arrays: treatment, benefit or harm, group, out of 100."""
    rows = []
    for name, kind, outcome, groups in _panels(content, treatment_ids, places or load_places()):
        for label, count in groups:
            rows.append(
                {
                    "Treatment": name,
                    "Benefit or harm": "Harm" if kind == "harm" else "Benefit",
                    "What happened": outcome,
                    "Group": label,
                    "Out of 100": count,
                }
            )
    return pd.DataFrame(rows, columns=["Treatment", "Benefit or harm", "What happened", "Group", "Out of 100"])


def treatment_numbers_summary(content: Content, treatment_ids: Iterable[str], places: Places | None = None) -> str:
    places = places or load_places()
    ids = list(treatment_ids)
    panels = _panels(content, ids, places)
    if not panels:
        return "We have no numbers as 100 people for these treatments."
    sentences = []
    compared = {compared_label(names): names for names in _compared(content, places).values()}
    for name, kind, outcome, groups in panels:
        what = "had this harm" if kind == "harm" else "had this result"
        if name in compared:
            sentences.append(compared_sentence(compared[name], groups, what))
            continue
        # Each group by its label: a group may be people not having this option (a first operation).
        told = " ".join(f"{label}: {count} in 100 {what}." for label, count in groups)
        sentences.append(f"{name}, {outcome[0].lower()}{outcome[1:]}. {told}")
    without = [t.name for t in content.treatments if t.id in set(ids) and not places.numbers_for(t.id)]
    if without:
        sentences.append(f"No numbers yet for: {', '.join(without)}.")
    return " ".join(sentences)


def treatment_compare_table(
    content: Content, treatment_ids: Iterable[str], places: Places | None = None
) -> pd.DataFrame:
    """The options side by side, with "No further treatment" as a row: what it involves, chance of
    benefit and of harm in words (from the numbers where they exist), certainty, recovery (tagged
    "(Expert view)" where it rests on expert view), and guidelines."""
    places = places or load_places()
    ids = set(treatment_ids)
    compared = _compared(content, places)
    rows = []
    shown: dict[str, str] = {}  # a head-to-head trial already told in an earlier option's column
    for t in content.treatments:
        if t.id not in ids:
            continue
        benefit: list[str] = []
        harm: list[str] = []
        for number in places.numbers_for(t.id):
            outcome, groups = _groups(content, number)
            if not groups:
                continue
            cell = harm if number.kind == "harm" else benefit
            if number.evidence_id in compared:  # a head-to-head trial: told once, every group by its label
                if number.evidence_id in shown:
                    cell.append(f"One trial compared it with {shown[number.evidence_id][0].lower()}"
                                f"{shown[number.evidence_id][1:]}: see that option")  # fmt: skip
                    continue
                shown[number.evidence_id] = t.name
                what = outcome[0].lower() + outcome[1:]
                cell.append(compared_sentence(compared[number.evidence_id], groups, f"({what})").rstrip("."))
                continue
            # Every group by its label, in this option's own cell: a study's other group is not "no
            # further treatment" (an epidural trial's other group had numbing shots), and a group may
            # not be people having this option at all (a first operation, beside another one).
            told = "; ".join(f"{label}: {count} in 100" for label, count in groups)
            cell.append(f"{told} ({outcome[0].lower()}{outcome[1:]})")
        rows.append(
            {
                "Option": t.name,
                "What it involves": t.what_it_is,
                "Chance of benefit": "; ".join(benefit) or "No numbers as 100 people",
                "Chance of harm": "; ".join(harm) or getattr(t, "risks", "") or "No numbers as 100 people",
                "Certainty": t.certainty.capitalize(),
                "Recovery": t.recovery_text,
                "What guidelines say": getattr(t, "guidelines", ""),
            }
        )
    rows.append(
        {
            "Option": NO_FURTHER,
            "What it involves": NO_TREATMENT["involves"],
            "Chance of benefit": "No numbers as 100 people",
            "Chance of harm": NO_TREATMENT["harms"],
            "Certainty": "",
            "Recovery": NO_TREATMENT["recovery"],
            "What guidelines say": NO_TREATMENT["guidelines"],
        }
    )
    return pd.DataFrame(rows)
