"""Why pain can continue: every cause on one map (when x what, pain as shape), a click or a group
shows the cards, and the spine drawing (in a fold) shows where the causes sit."""

import streamlit as st

from explainer.causes import DIMENSIONS, causes_in_category
from explainer.schema import Cause
from explainer_ui import charts, state, text
from explainer_ui.data import get_content
from explainer_ui.fold import fold

content = get_content()
size = charts.font_size()
marked = state.picks("causes")
group_labels = {d: {c.id: c.label for c in content.categories(d)} for d in DIMENSIONS}


def card(cause: Cause) -> None:
    with st.container(border=True):
        when = ", ".join(group_labels["timing"].get(t, t) for t in cause.timing)
        lines = [
            cause.explanation,
            f"**Good to know:** {cause.caution}" if cause.caution else "",
            f"**How a specialist looks for it:** {cause.how_found}",
            f"**How common:** {cause.how_common}",
            f"*When:* {when} · *What:* {group_labels['mechanism'].get(cause.mechanism)} · "
            f"*Pain:* {group_labels['pain_type'].get(cause.pain_type)}",
        ]
        words = text.words_line(f"{cause.explanation} {cause.how_found}")
        text.show_parts(
            f"#### {cause.name}" + (" (yours)" if cause.id in marked else ""),
            "\n\n".join(p for p in lines if p) + words + text.sources_line(cause.source_ids),
        )


charts.lead(
    [
        "There is no single reason why pain goes on. Each cause is on this map.",
        "Across: when it starts. Down: what is going on. The shape shows the kind of pain. "
        "Tap a cause to read about it.",
    ]
)
summary, table = charts.cause_map_words(marked)
event = charts.chart(
    charts.cause_map(marked, size),
    alt="Map of all causes: across, when it starts; down, what is going on; the shape is the kind of pain"
    + (". Your causes are ringed and say Yours" if marked else ""),
    summary=summary,
    data=table,
    key="cause_map",
    clickable=True,
    phone=charts.cause_map(marked, size, narrow=True),
)
by_id = {c.id: c for c in content.causes}
clicked = [by_id[i] for i in charts.clicked_ids(event) if i in by_id]
for cause in clicked:
    card(cause)

st.header("Causes by group", anchor=False)
dimension = state.cause_dimension_control(DIMENSIONS)
categories = content.categories(dimension)
labels = {c.id: c.label for c in categories}
picked = state.cause_group_pills(dimension, labels)
if picked:
    category = next(c for c in categories if c.id == picked)
    shown = causes_in_category(content, dimension, picked)
    st.subheader(f"{category.label}: {len(shown)} cause{'s' if len(shown) != 1 else ''}", anchor=False)
    text.show(category.description, remember=True)
    for cause in shown:
        if cause not in clicked:
            card(cause)
else:
    shown = list(content.causes)

# The second picture of the step, drawn when asked for: one picture at a time, and a page move
# draws two charts (the map, wide and phone) instead of four.
# With a group picked, the drawing shows that group's causes.
with fold("Where in the spine each cause sits", key="cause_places") as is_open:
    if is_open:
        ids = tuple(c.id for c in shown)
        summary, table = charts.spine_places_words(ids, marked)
        charts.chart(
            charts.spine_places(ids, marked, size),
            alt="Drawing of the lower back from the side, with a numbered mark where each cause sits",
            summary=summary,
            data=table,
            key=f"cause_places_{dimension}_{picked}",
            phone=charts.spine_places(ids, marked, size, narrow=True),
        )
state.pick_list("causes", [c.id for c in content.causes], state.PICK_LABELS["causes"])

with charts.more() as read_more:
    if read_more:
        text.prose("causes_intro")
        if not picked:
            st.subheader(f"All {len(shown)} causes", anchor=False)
            text.show(
                text.name_list((c.name, c.explanation + text.sources_line(c.source_ids)) for c in shown), remember=True
            )
