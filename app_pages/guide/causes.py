"""Why pain can continue: the 11 causes, grouped three ways, with a control to pick a group."""

import streamlit as st

from explainer import ui
from explainer.filters import DIMENSIONS, cause_counts, causes_in_category

content = ui.require("causes.csv", "categories.csv")
ui.page_title("causes")
ui.prose("causes_intro")

st.header("Three ways to sort the causes")
dimension = st.segmented_control(
    "Sort the causes by",
    list(DIMENSIONS),
    format_func=DIMENSIONS.get,
    default="timing",
    key="cause_dimension",
    required=True,
)
categories = content.categories(dimension)
labels = {c.id: c.label for c in categories}
picked = st.pills(
    "Pick a group to see its causes",
    list(labels),
    format_func=labels.get,
    key=f"cause_group_{dimension}",
    help="Pick a group again to go back to all causes.",
)

counts = content.remember(("cause_counts", dimension), lambda: cause_counts(content, dimension))
biggest = counts.loc[counts["Number of causes"].idxmax()]
summary = (
    f"Sorted by {DIMENSIONS[dimension].lower()}, the biggest group is "
    f"“{biggest['Group']}” with {biggest['Number of causes']} of the {len(content.causes)} causes."
)
if dimension == "timing":
    summary += " One cause can belong to more than one time."
ui.chart(
    ui.figure("cause_groups", dimension, picked),
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
        # One markdown per card: fewer elements keep reruns and page moves fast.
        words = ui.words_line(f"{cause.explanation} {cause.how_found}")
        st.markdown("\n\n".join(p for p in card if p) + words + ui.sources_line(cause.source_ids, content))
ui.marks("causes", [c.id for c in causes], ui.MARK_LABELS["causes"])

ui.step_footer("causes")
