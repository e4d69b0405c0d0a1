"""Why pain can continue: the 11 causes, grouped three ways, with a control to pick a group."""

import streamlit as st

from explainer.causes import DIMENSIONS, cause_counts, causes_in_category
from explainer_ui import charts, state, text
from explainer_ui.data import get_content

content = get_content()
text.prose("causes_intro")

st.header("Three ways to sort the causes")
dimension = state.cause_dimension_control(DIMENSIONS)
categories = content.categories(dimension)
labels = {c.id: c.label for c in categories}
picked = state.cause_group_pills(dimension, labels)

counts = content.remember(("cause_counts", dimension), lambda: cause_counts(content, dimension))
biggest = counts.loc[counts["Number of causes"].idxmax()]
summary = (
    f"Sorted by {DIMENSIONS[dimension].lower()}, the biggest group is "
    f"“{biggest['Group']}” with {biggest['Number of causes']} of the {len(content.causes)} causes."
)
if dimension == "timing":
    summary += " One cause can belong to more than one time."
charts.chart(
    charts.cause_groups(dimension, picked),
    alt=f"Bar chart: number of causes in each group, sorted by {DIMENSIONS[dimension].lower()}",
    summary=summary,
    data=content.remember(("cause_table", dimension), lambda: counts.drop(columns="id")),
    key=f"cause_chart_{dimension}",
)
if picked:
    category = next(c for c in categories if c.id == picked)
    causes = causes_in_category(content, dimension, picked)
    st.subheader(f"{category.label}: {len(causes)} cause{'s' if len(causes) != 1 else ''}")
    st.markdown(category.description)
else:
    causes = list(content.causes)
    st.subheader(f"All {len(causes)} causes")

group_labels = {d: {c.id: c.label for c in content.categories(d)} for d in DIMENSIONS}
for cause in causes:
    with st.expander(f"**{cause.name}**", expanded=len(causes) <= 3):
        when = ", ".join(group_labels["timing"].get(t, t) for t in cause.timing)
        card = [
            cause.explanation,
            f"**Good to know:** {cause.caution}" if cause.caution else "",
            f"**How a specialist looks for it:** {cause.how_found}",
            f"**How common:** {cause.how_common}",
            f"*When:* {when} · *What:* {group_labels['mechanism'].get(cause.mechanism)} · "
            f"*Pain:* {group_labels['pain_type'].get(cause.pain_type)}",
        ]
        words = text.words_line(f"{cause.explanation} {cause.how_found}")
        st.markdown("\n\n".join(p for p in card if p) + words + text.sources_line(cause.source_ids))
state.pick_list("causes", [c.id for c in causes], state.PICK_LABELS["causes"])
