"""The spine and the operation: the side view beside the operation seen before and after, a
drawing the clinician can draw and circle on (nothing of it is stored)."""

import streamlit as st

from explainer import figures
from explainer_ui import charts, state, text

OPERATION_PROSE = {
    "laminectomy": "spine_laminectomy",
    "discectomy": "spine_discectomy",
    "fusion": "spine_fusion",
}

size = charts.font_size()
marked = state.picks("causes")
charts.lead(
    [
        "Your spine is a stack of bones with soft discs between them. Nerves run down a tunnel behind them.",
        "An operation makes more room for a squeezed nerve, or holds bones still.",
    ]
)
# One under the other in a column too narrow for both (layout.css, consult.css): side by side,
# their names would not fit.
side, top = st.container(key="spine_views").columns(2)
with side:
    if marked:  # this patient's causes, numbered where they sit
        summary, table = charts.spine_places_words(marked, marked)
        charts.chart(
            charts.spine_places(marked, marked, size, narrow=True),
            alt="Drawing of the lower back seen from the side, with your causes marked where they sit",
            summary=summary,
            data=table,
            key="spine_side_chart",
        )
    else:
        charts.chart(
            charts.spine_side(size, narrow=True),
            alt="Drawing of the lower back seen from the side: bones, discs and nerves",
            summary=figures.spine_side_summary(),
            data=figures.spine_side_table(),
            key="spine_side_chart",
        )
with top:
    # Over the drawing they change: the side view starts right under the key sentences.
    with st.container(horizontal=True, vertical_alignment="bottom", key="operation_controls"):
        operation = st.segmented_control(
            "The operation",
            list(figures.OPERATIONS),
            format_func=figures.OPERATIONS.get,
            default="laminectomy",
            required=True,
            key="spine_operation",
        )
        after = state.spine_view_control(["Before", "After"])
    operation = operation or "laminectomy"
    name = figures.OPERATIONS[operation]
    charts.chart(
        charts.operation(operation, after, size),
        alt=f"Drawing of a {name.lower()}, {'after' if after else 'before'} the operation. "
        "You can draw and circle on it.",
        summary=figures.operation_summary(operation, after),
        data=figures.operation_table(operation),
        key=f"operation_chart_{operation}_{after}",
        drawing=True,
    )
st.caption("Draw or circle on the drawing with the pen in its corner. Nothing you draw is saved.")

with charts.more() as read_more:
    if read_more:
        text.prose("spine_lamina", "spine_diagram_help", OPERATION_PROSE[operation])
