"""What each treatment aims at: a filter that links each treatment to the symptoms it is meant to
help, and back. Its own step, so the options and the side-by-side view are one idea each."""

from contextlib import nullcontext

import streamlit as st

from explainer.aims import aim_sentences, aim_summary, aim_table, link_detail_parts, links_for
from explainer.vocabulary import Direction
from explainer_ui import charts, state, text
from explainer_ui.data import get_content
from explainer_ui.fold import fold

content = get_content()
if not state.consult():  # at home, how to use it first; in the consult, the grid first
    text.prose("treatments_filter_help")


@st.fragment
def treatment_symptom_filter() -> None:
    """The filter reruns on its own when a pill is clicked: the rest of the page stays as it is."""
    # In the consult the grid comes first, above the picks it follows (picture first).
    picture = st.container() if state.consult() else nullcontext()
    direction = state.filter_direction_control()
    from_treatments = direction == Direction.BY_TREATMENT
    treatment_names = {t.id: t.name for t in content.treatments}
    symptom_names = {s.id: s.name for s in content.symptoms}
    chosen = state.filter_pick_list(direction, treatment_names if from_treatments else symptom_names)
    rows, columns = (chosen, list(symptom_names)) if from_treatments else (list(treatment_names), chosen)

    if not chosen:
        st.info(f"Pick at least one {direction[:-1]} above to see the links.", icon=":material/touch_app:")
        return
    # What was picked goes across the grid, as in the table beside it. On a phone, the table itself:
    # full names across a grid that narrow would overlap, and a click redraws one chart, not two.
    grid = aim_table(content, rows, columns, direction)
    with picture:
        charts.chart(
            charts.aim_matrix(tuple(rows), tuple(columns), from_treatments),
            alt="Grid of treatments against symptoms: main aim, may help, or not aimed at",
            summary=aim_summary(content, rows, columns, direction),
            data=grid,
            key="aim_matrix_chart",
            phone=grid,
        )
    sentences = aim_sentences(content, direction, chosen)
    links = links_for(content, direction, chosen)
    # The content's own words for what was picked: their HTML is kept between clicks.
    text.show("\n\n".join(f"#### {title}\n\n{sentence}" for title, sentence in sentences), remember=True)
    # Drawn only while open: with many picks it is 10-20 kB of HTML the browser would take in
    # again on every click, shut or not.
    with fold("Why, the risks, what guidelines say, and where this comes from", key="aim_details") as is_open:
        if is_open:
            text.show_blocks(
                link_detail_parts(content, [title for title, _ in sentences], links, direction), remember=True
            )


treatment_symptom_filter()
if state.consult():
    with charts.more() as read_more:
        if read_more:
            text.prose("treatments_filter_help")
