"""Two pictures of what this patient said, for the steps that are made of choices.

- Where you stand: each option talked about (and "No further treatment", last) on a three-step
  line: leaning towards, not sure, not for me. The options keep the content's order: it is never a
  ranking. The patient's answer is a large filled dot; the other steps are small open rings, so the
  answer shows by its shape and size, not only its colour. An option with no answer says "not
  said", the summary's word (explainer.summary.NO_LEANING).
- Your questions: one row for each topic of questions, one dot for each question in it; a question
  the patient ticked is a filled dot, the others open rings.

Neither picture adds a fact: they draw back what the patient picked, so a clinician can point at
it. Each comes with its words (`*_summary`) and its table (`*_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.figures.base import DEEP_BLUE, GREY, INK, _layout, chars_at, figure, font, scatter, sizes, wrap
from explainer.summary import NO_LEANING
from explainer.wording import join_names, upper_first

NAME_CHARS = 18  # a row name's line length, in characters, at the normal size: fits beside the dots on a phone
CHAR_EM = 0.56  # a generous average character width, in em


def _margin_for(names: Sequence[str], label_px: int) -> int:
    """The left margin (px) the wrapped row names need: plotly's automargin would draw twice."""
    longest = max((len(line) for name in names for line in name.split("<br>")), default=8)
    return round(longest * CHAR_EM * label_px) + 16


def _row_px(names: Sequence[str], label_px: int) -> float:
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    return max(2.6 * label_px, lines * 1.3 * label_px + 14)


# -- Where you stand ------------------------------------------------------------------------------


def leanings_figure(
    options: Sequence[tuple[str, str | None]],
    steps: Mapping[str, str],
    *,
    font_size: float = 16,
    ids: Sequence[str] = (),
) -> go.Figure:
    """`options`: (name, answer id or None) in the order the pages list them; `steps`: answer id ->
    words (explainer.summary.LEANINGS), in the order they are drawn from left to right. With the
    options' `ids`, each dot and ring carries "option id:answer id" (customdata): a tap on one
    answers for that option."""
    small, label, _head = sizes(font_size)
    step_ids = list(steps)
    not_said = f"<br><i>{NO_LEANING.lower()}</i>"
    names = [
        wrap(name, chars_at(NAME_CHARS, label)) + (not_said if answer not in steps else "") for name, answer in options
    ]
    rings_x, rings_y, hover, rings_ids = [], [], [], []
    dots_x, dots_y, dots_hover, dots_ids = [], [], [], []
    for row, (name, answer) in enumerate(options):
        for column, step in enumerate(step_ids):
            tag = f"{ids[row]}:{step}" if row < len(ids) else None
            if step == answer:
                dots_x.append(column)
                dots_y.append(row)
                dots_hover.append(f"{name}: {steps[step].lower()}")
                dots_ids.append(tag)
            else:
                rings_x.append(column)
                rings_y.append(row)
                hover.append(f"{name}: {steps[step].lower()}")
                rings_ids.append(tag)
    # A tap selects a point; the others keep their look (plotly would fade them).
    kept = dict(selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)))
    data = [
        scatter(
            x=rings_x, y=rings_y, mode="markers", hovertext=hover, hoverinfo="text", showlegend=False,
            marker=dict(symbol="circle-open", size=round(0.9 * font_size), color=GREY, line=dict(width=2, color=GREY)),
            customdata=rings_ids if ids else None, **kept,
        ),
        scatter(
            x=dots_x, y=dots_y, mode="markers", hovertext=dots_hover, hoverinfo="text", showlegend=False,
            marker=dict(symbol="circle", size=round(1.7 * font_size), color=DEEP_BLUE, line=dict(width=2, color=INK)),
            customdata=dots_ids if ids else None, **kept,
        ),
    ]  # fmt: skip
    row_px = _row_px(names, label)
    top = round(2.6 * small) + 16
    layout = _layout(
        round(top + 20 + row_px * max(1, len(options))),
        xaxis=dict(
            side="top", range=[-0.42, len(step_ids) - 0.58], tickvals=list(range(len(step_ids))),
            ticktext=[wrap(steps[s], 6) for s in step_ids], tickfont=font(small), fixedrange=True, automargin=False,
            showline=False, ticks="", tickangle=0,  # never turned: a turned label rises out of the chart
        ),
        yaxis=dict(
            range=[len(options) - 0.5, -0.5], tickvals=list(range(len(options))), ticktext=names,
            tickfont=font(label), fixedrange=True, automargin=False, ticks="",
        ),
        margin=dict(l=_margin_for(names, label), r=10, t=top, b=10),
        hoverlabel=dict(font=font(max(16, small)), bgcolor="white"),
        clickmode="event+select" if ids else "event",
        # A thin line along each row, so the eye follows the option to its answer.
        shapes=[
            dict(type="line", xref="x", yref="y", x0=-0.3, x1=len(step_ids) - 0.7, y0=row, y1=row,
                 line=dict(color="#D6D6D6", width=2), layer="below")
            for row in range(len(options))
        ],
    )  # fmt: skip
    return figure(data, layout)


def leanings_summary(options: Sequence[tuple[str, str | None]], steps: Mapping[str, str]) -> str:
    said = [(name, answer) for name, answer in options if answer in steps]
    if not said:
        return "No answers yet. The dots fill in when you say how you feel about each option."
    parts = [
        f"{steps[step].lower()}: {join_names([name for name, answer in said if answer == step])}"
        for step in steps
        if any(answer == step for _, answer in said)
    ]
    text = "How you feel for now. " + " ".join(upper_first(p) + "." for p in parts)
    not_said = [name for name, answer in options if answer not in steps]
    if not_said:
        text += f" {NO_LEANING}: {join_names(not_said)}."
    return text


def leanings_table(options: Sequence[tuple[str, str | None]], steps: Mapping[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"Option": name, "How you feel": steps.get(answer or "", NO_LEANING)} for name, answer in options],
        columns=["Option", "How you feel"],
    )


# -- Your questions -------------------------------------------------------------------------------


def questions_figure(topics: Sequence[tuple[str, Sequence[tuple[str, bool]]]], *, font_size: float = 16) -> go.Figure:
    """`topics`: (topic, [(question, ticked), ...]) in the content's order."""
    small, label, _head = sizes(font_size)
    names = [wrap(upper_first(topic), chars_at(NAME_CHARS, label)) for topic, _ in topics]
    counts = [f"{sum(t for _, t in questions)} of {len(questions)}" for _, questions in topics]
    widest = max((len(questions) for _, questions in topics), default=1)
    traces: dict[bool, dict[str, list]] = {True: {"x": [], "y": [], "t": []}, False: {"x": [], "y": [], "t": []}}
    for row, (_topic, questions) in enumerate(topics):
        for column, (question, ticked) in enumerate(questions):
            traces[ticked]["x"].append(column)
            traces[ticked]["y"].append(row)
            traces[ticked]["t"].append(("Ticked: " if ticked else "") + question)
    data = [
        scatter(
            x=traces[False]["x"], y=traces[False]["y"], mode="markers", hovertext=traces[False]["t"],
            hoverinfo="text", showlegend=False,
            marker=dict(symbol="circle-open", size=round(1.1 * font_size), color=GREY, line=dict(width=2, color=GREY)),
        ),
        scatter(
            x=traces[True]["x"], y=traces[True]["y"], mode="markers", hovertext=traces[True]["t"], hoverinfo="text",
            showlegend=False,
            marker=dict(symbol="circle", size=round(1.5 * font_size), color=DEEP_BLUE, line=dict(width=2, color=INK)),
        ),
        # How many are ticked, written at the end of each row (the count is never only in the dots).
        scatter(
            x=[widest - 0.2] * len(topics), y=list(range(len(topics))), mode="text", text=counts,
            textposition="middle right", textfont=font(small), hoverinfo="skip", showlegend=False,
        ),
    ]  # fmt: skip
    row_px = _row_px(names, label)
    layout = _layout(
        round(20 + row_px * max(1, len(topics))),
        xaxis=dict(visible=False, range=[-0.6, widest + 1.6], fixedrange=True),
        yaxis=dict(
            range=[len(topics) - 0.5, -0.5], tickvals=list(range(len(topics))), ticktext=names,
            tickfont=font(label), fixedrange=True, automargin=False, ticks="",
        ),
        margin=dict(l=_margin_for(names, label), r=10, t=10, b=10),
        hoverlabel=dict(font=font(max(16, small)), bgcolor="white"),
    )  # fmt: skip
    return figure(data, layout)


def questions_summary(topics: Sequence[tuple[str, Sequence[tuple[str, bool]]]]) -> str:
    total = sum(len(questions) for _, questions in topics)
    ticked = [(topic, sum(t for _, t in questions)) for topic, questions in topics]
    count = sum(n for _, n in ticked)
    if not count:
        return f"There are {total} questions in {len(topics)} topics. You have not ticked one yet."
    which = join_names([f"{n} on {topic}" for topic, n in ticked if n])
    return f"You ticked {count} of {total}: {which}. A filled dot is one you ticked."


def questions_table(topics: Sequence[tuple[str, Sequence[tuple[str, bool]]]]) -> pd.DataFrame:
    """One row a topic (the questions themselves are under their topics on the page)."""
    return pd.DataFrame(
        [
            {
                "Topic": upper_first(topic),
                "Questions": len(questions),
                "You ticked": sum(t for _, t in questions),
            }
            for topic, questions in topics
        ],
        columns=["Topic", "Questions", "You ticked"],
    )
