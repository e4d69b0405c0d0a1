"""Charts: each comes with its accessible name, a one-sentence summary and its data. Figures are
built once per set of arguments by one cached, typed function each, shared by every session
(frozen, so never changed after they are built).

Picture first: `lead()` gives a page's picture its key sentences in large type, and `more()` folds
the rest of the page's text under "Read more" in consult mode (normal mode keeps it open)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

import pandas as pd
import streamlit as st

from explainer import figures, markup
from explainer.figures import CHART_CONFIG, DRAW_CONFIG, FrozenFigure, freeze
from explainer.selection import NO_TREATMENT_ID
from explainer.summary import LEANINGS, NO_TREATMENT
from explainer_ui import state
from explainer_ui.data import get_content
from explainer_ui.fold import fold
from explainer_ui.text import show


def font_size() -> int:
    """The page's body text in px: chart text scales with it (consult mode is larger)."""
    return figures.body_px(state.consult())


def chart(
    figure: FrozenFigure,
    *,
    alt: str,
    summary: str,
    data: pd.DataFrame,
    key: str,
    clickable: bool = False,
    on_click: Callable[[], None] | None = None,
    drawing: bool = False,
    phone: FrozenFigure | pd.DataFrame | str | None = None,
) -> Any:
    """A chart always comes with its accessible name, a one-sentence summary and its data.

    `clickable`: a click on a point reruns the page and the selection is returned (the point's
    customdata is the id); `on_click` is called once per new click instead. `drawing`: the pen,
    circle and eraser are in the toolbar; what is drawn stays in the browser tab. `phone`: the
    figure for a narrow screen (one column, key underneath), a table to read there instead (one
    chart less to draw on each click), or a drawing made without plotly (SVG, shown as an image:
    nothing more to draw); the screen's width picks which shows."""
    # theme=None: the figure's own dark labels, not Streamlit's lighter grey (contrast).
    options = dict(
        width="stretch",
        config=DRAW_CONFIG if drawing else CHART_CONFIG,
        alt=alt,
        theme=None,
        on_select=on_click or ("rerun" if clickable else "ignore"),
        selection_mode="points",
    )
    # A wide figure whose text can meet below some width: the phone figure below it (layout.css).
    needed = figures.min_width(figure) if isinstance(phone, FrozenFigure) else None
    # +5: the block container is a few px wider than the chart it holds.
    with phone_below(needed + 5, key) if needed else nullcontext():
        if phone is None:
            event = st.plotly_chart(figure, key=key, **options)
        else:  # layout.css shows one of the two by the screen's width
            with st.container(key=f"wide_{key}"):
                event = st.plotly_chart(figure, key=key, **options)
            with st.container(key=f"phone_{key}"):
                if isinstance(phone, pd.DataFrame):
                    table(phone)
                    narrow = None
                elif isinstance(phone, str):
                    st.html(markup.image_html(phone, alt))
                    narrow = None
                else:
                    narrow = st.plotly_chart(phone, key=f"{key}_phone", **options)
            if clicked_ids(narrow) and not clicked_ids(event):
                event = narrow
        described(summary, data)
    return event


def described(summary: str, data: pd.DataFrame) -> None:
    """Beside every picture: its one-sentence summary, and its data as a table in a fold the
    browser opens by itself."""
    st.html(markup.described_html(summary, list(data.columns), _rows(data)))


def _rows(data: pd.DataFrame) -> list[tuple]:
    """A table's rows as plain values, column by column (twice as quick as itertuples)."""
    return list(zip(*(column.tolist() for _, column in data.items()), strict=True))


# The widths (px of main column) at which layout.css can switch a wide/phone pair, besides a 640 px
# screen: one rule per step, so no page writes CSS of its own.
FIT_STEPS = range(400, 1201, 50)


def phone_below(width_px: int, key: str) -> AbstractContextManager:
    """A block in which a wide/phone pair (`wide_{key}`, `phone_{key}`) shows its phone variant in any
    main column narrower than `width_px` (rounded up to a step of FIT_STEPS), whatever the screen's
    width: the sidebar can be open, and consult mode's text is larger. The main column is a size
    container and the rules are in layout.css; the block's key names the step."""
    step = next((s for s in FIT_STEPS if s >= width_px), None)
    if step is None:
        raise ValueError(f"{key}: {width_px} px is wider than any main column")
    return st.container(key=f"fit{step}_{key}")


def picture(svg: str, *, phone: str, alt: str, summary: str, data: pd.DataFrame) -> None:
    """A drawing made without plotly (explainer.figures.icons), wide and for a phone (layout.css
    shows one by the screen's width), with its accessible name, its one-sentence summary and its
    data, like `chart`. SVG written into the page: nothing in it runs or is fetched."""
    st.html(markup.picture_html(svg, phone, alt))
    described(summary, data)


@st.cache_resource(show_spinner=False, max_entries=64)
def evidence_icons_svg(evidence_id: str, size: int, narrow: bool = False) -> str:
    return figures.evidence_icons_svg(get_content(), evidence_id, font_size=size, narrow=narrow)


def table(data: pd.DataFrame) -> None:
    """A table of plain text, as HTML: st.table's component costs several times more to draw, on
    every page move, even folded away."""
    st.html(markup.table_html(list(data.columns), _rows(data)))


def clicked_ids(event: Any) -> list[str]:
    """The ids (customdata) of the points a click selected, in click order."""
    try:
        points = event.selection.points  # type: ignore[union-attr]
    except AttributeError:
        return []
    ids = []
    for point in points or ():
        custom = point.get("customdata")
        if isinstance(custom, list | tuple):
            custom = custom[0] if custom else None
        if isinstance(custom, str) and custom not in ids:
            ids.append(custom)
    return ids


def lead(sentences: Sequence[str]) -> None:
    """At most three key sentences beside the picture, in large type (consult.css)."""
    with st.container(key="lead"):
        show("\n\n".join(sentences[:3]), remember=True)  # the page's own sentences, never a patient's


@contextmanager
def more(key: str = "page") -> Iterator[bool]:
    """The rest of the page's words: folded under "Read more" in consult mode (drawn when opened),
    open at home. `with more() as read_more: if read_more: ...`; `key` tells two on one page apart."""
    if state.consult():
        with fold("Read more", key=f"more_{key}", icon=":material/article:") as is_open:
            yield is_open
    else:
        yield True


@st.cache_resource(show_spinner=False, max_entries=128)
def vertebra(after_laminectomy: bool) -> FrozenFigure:
    return freeze(figures.vertebra_figure(after_laminectomy))


@st.cache_resource(show_spinner=False, max_entries=128)
def cause_groups(dimension: str, picked: str | None) -> FrozenFigure:
    return freeze(figures.cause_groups_figure(get_content(), dimension, picked))


def treatment_ladder(marked: tuple[str, ...] = ()) -> FrozenFigure:
    """The ladder, its labels at the page's text size (larger in consult mode); the options this
    patient talked about have a larger mark with a thick ring."""
    return _treatment_ladder(marked, font_size())


@st.cache_resource(show_spinner=False, max_entries=128)
def _treatment_ladder(marked: tuple[str, ...], size: int) -> FrozenFigure:
    return freeze(figures.treatment_ladder_figure(get_content(), list(marked), font_size=size))


Leanings = tuple[tuple[str, str | None], ...]
Topics = tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]


@st.cache_resource(show_spinner=False, max_entries=256)
def _leanings(options: Leanings, size: int, ids: tuple[str, ...]) -> FrozenFigure:
    return freeze(figures.leanings_figure(options, LEANINGS, font_size=size, ids=ids))


@st.cache_resource(show_spinner=False, max_entries=256)
def _questions(topics: Topics, size: int) -> FrozenFigure:
    return freeze(figures.questions_figure(topics, font_size=size))


def where_you_stand(key: str) -> None:
    """How this patient feels about each option talked about, and about no further treatment
    (What matters to you, the summary): the options in the pages' order, never ranked. A tap on a
    dot or ring answers for that option, as the answer's control below it does."""
    content = get_content()
    selection = state.selection()
    answers = selection.answers("leanings")
    marked = set(selection.treatments)
    ids = (*(t.id for t in content.treatments if t.id in marked), NO_TREATMENT_ID)
    options: Leanings = (
        *((t.name, answers.get(t.id)) for t in content.treatments if t.id in marked),
        (NO_TREATMENT["name"], answers.get(NO_TREATMENT_ID)),
    )

    def tapped() -> None:
        now = state.selection().answers("leanings")
        for tag in clicked_ids(st.session_state.get(key)):
            option, _, answer = tag.partition(":")
            if option in ids and answer in LEANINGS:
                now[option] = answer
        state.set_answers("leanings", now)

    chart(
        _leanings(options, font_size(), ids),
        alt="Where you stand: for each option, a filled dot at leaning towards, not sure or not for me. "
        "Tap a dot to change the answer",
        summary=figures.leanings_summary(options, LEANINGS),
        data=figures.leanings_table(options, LEANINGS),
        key=key,
        on_click=tapped,
    )


def your_questions(key: str) -> None:
    """The questions a patient may ask, one row a topic, the ticked ones filled in (Next steps)."""
    content = get_content()
    ticked = set(state.picks("questions"))
    topics: Topics = tuple(
        (topic, tuple((q.question, q.id in ticked) for q in content.questions if q.topic == topic))
        for topic in dict.fromkeys(q.topic for q in content.questions)
    )
    chart(
        _questions(topics, font_size()),
        alt="Your questions: one row for each topic, a dot for each question, filled if you ticked it",
        summary=figures.questions_summary(topics),
        data=figures.questions_table(topics),
        key=key,
    )


def aim_matrix(treatment_ids: tuple[str, ...], symptom_ids: tuple[str, ...], treatments_across: bool) -> FrozenFigure:
    """The aim grid, its words at the page's text size (larger in consult mode)."""
    return _aim_matrix(treatment_ids, symptom_ids, treatments_across, font_size())


@st.cache_resource(show_spinner=False, max_entries=512)
def _aim_matrix(
    treatment_ids: tuple[str, ...], symptom_ids: tuple[str, ...], treatments_across: bool, size: int
) -> FrozenFigure:
    return freeze(
        figures.aim_matrix_figure(
            get_content(), list(treatment_ids), list(symptom_ids), treatments_across, font_size=size
        )
    )


@st.cache_resource(show_spinner=False, max_entries=128)
def icon_array(count: int, outcome: str, others: str) -> FrozenFigure:
    return freeze(figures.icon_array_figure(count, outcome, others))


# CLIN-UI: the Treatments page's icon arrays (benefit and harm as 100 people) for the options
# this patient discussed.
@st.cache_resource(show_spinner=False, max_entries=256)
def treatment_numbers(treatment_ids: tuple[str, ...], font_size: float, narrow: bool = False) -> FrozenFigure:
    return freeze(
        figures.treatment_numbers_figure(get_content(), list(treatment_ids), font_size=font_size, narrow=narrow)
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def treatment_numbers_svg(treatment_ids: tuple[str, ...], font_size: float) -> str:
    return figures.treatment_numbers_svg(get_content(), list(treatment_ids), font_size=font_size)


@st.cache_resource(show_spinner=False, max_entries=512)
def cause_map(marked: tuple[str, ...], size: int, narrow: bool = False) -> FrozenFigure:
    return freeze(figures.cause_map_figure(get_content(), marked, font_size=size, narrow=narrow))


@st.cache_resource(show_spinner=False, max_entries=512)
def cause_map_words(marked: tuple[str, ...]) -> tuple[str, pd.DataFrame]:
    """The cause map's summary and table (read only, like the figures)."""
    content = get_content()
    return figures.cause_map_summary(content, marked), figures.cause_map_table(content, marked)


@st.cache_resource(show_spinner=False, max_entries=512)
def spine_places_words(cause_ids: tuple[str, ...], marked: tuple[str, ...]) -> tuple[str, pd.DataFrame]:
    """Where the causes sit, in words and as a table (read only, like the figures)."""
    content = get_content()
    return (
        figures.spine_places_summary(content, cause_ids, marked),
        figures.spine_places_table(content, cause_ids, marked),
    )


@st.cache_resource(show_spinner=False, max_entries=512)
def spine_places(cause_ids: tuple[str, ...], marked: tuple[str, ...], size: int, narrow: bool = False) -> FrozenFigure:
    return freeze(figures.spine_places_figure(get_content(), cause_ids, marked, font_size=size, narrow=narrow))


@st.cache_resource(show_spinner=False, max_entries=512)
def spine_side(size: int, narrow: bool = False) -> FrozenFigure:
    return freeze(figures.spine_side_figure(get_content(), font_size=size, narrow=narrow))


@st.cache_resource(show_spinner=False, max_entries=128)
def operation(name: str, after: bool, size: int) -> FrozenFigure:
    return freeze(figures.drawable(figures.operation_figure(name, after, font_size=size), size))


@st.cache_resource(show_spinner=False, max_entries=512)
def body_map(marked: tuple[str, ...], size: int, narrow: bool = False) -> FrozenFigure:
    return freeze(figures.body_map_figure(get_content(), marked, font_size=size, narrow=narrow))


@st.cache_resource(show_spinner=False, max_entries=128)
def evidence_icons(evidence_id: str, size: int) -> FrozenFigure:
    return freeze(figures.evidence_icons_figure(get_content(), evidence_id, font_size=size))
