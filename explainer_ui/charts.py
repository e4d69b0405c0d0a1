"""Charts: each comes with its accessible name, a one-sentence summary and its data. Figures are
built once per set of arguments by one cached, typed function each, shared by every session
(frozen, so never changed after they are built)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainer import figures
from explainer.figures import CHART_CONFIG, FrozenFigure, freeze
from explainer_ui.data import get_content


def chart(figure: FrozenFigure, *, alt: str, summary: str, data: pd.DataFrame, key: str) -> None:
    """A chart always comes with its accessible name, a one-sentence summary and its data."""
    # theme=None: the figure's own dark labels, not Streamlit's lighter grey (contrast).
    st.plotly_chart(figure, width="stretch", config=CHART_CONFIG, alt=alt, key=key, theme=None)
    st.markdown(f"**In words:** {summary}")
    with st.expander("See this chart as a table"):
        st.table(data, hide_index=True)


@st.cache_resource(show_spinner=False, max_entries=128)
def vertebra(after_laminectomy: bool) -> FrozenFigure:
    return freeze(figures.vertebra_figure(after_laminectomy))


@st.cache_resource(show_spinner=False, max_entries=128)
def cause_groups(dimension: str, picked: str | None) -> FrozenFigure:
    return freeze(figures.cause_groups_figure(get_content(), dimension, picked))


@st.cache_resource(show_spinner=False, max_entries=128)
def treatment_ladder() -> FrozenFigure:
    return freeze(figures.treatment_ladder_figure(get_content(), []))


@st.cache_resource(show_spinner=False, max_entries=512)
def aim_matrix(treatment_ids: tuple[str, ...], symptom_ids: tuple[str, ...], treatments_across: bool) -> FrozenFigure:
    return freeze(figures.aim_matrix_figure(get_content(), list(treatment_ids), list(symptom_ids), treatments_across))


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
