"""Treatments: the options from least to most invasive, each with what it is, what it aims at
and how sure the research is."""

import pandas as pd
import streamlit as st

from explainer_ui import charts, state, text
from explainer_ui.data import get_content

content = get_content()
text.prose("treatments_intro")

st.header("The options, from least to most invasive")
steps = {c.id: c.label for c in content.categories("invasiveness")}
ladder = pd.DataFrame(
    {
        "Treatment": [t.name for t in content.treatments],
        "Type": [steps[t.invasiveness] for t in content.treatments],
        "How sure the research is": [t.certainty.capitalize() for t in content.treatments],
    }
)
charts.chart(
    charts.treatment_ladder(),
    alt="Chart of the treatment options, ordered from least to most invasive",
    summary=(
        f"{sum(t.invasiveness == next(iter(steps)) for t in content.treatments)} of the "
        f"{len(content.treatments)} options need no needle or operation. "
        f"The most invasive is {content.treatments[-1].name.lower()}."
    ),
    data=ladder,
    key="ladder_chart",
)
for treatment in content.treatments:
    with st.expander(f"**{treatment.name}** · {steps[treatment.invasiveness]}"):
        card = [
            f"**What it is:** {treatment.what_it_is}",
            f"**What it aims at:** {treatment.aims_at}",
            f"**What the research says:** {treatment.evidence}",
            f"**How sure we can be:** {treatment.certainty.capitalize()}.",
            f"**Why it is here:** {treatment.why_included}" if treatment.why_included else "",
        ]
        words = text.words_line(f"{treatment.name}. {treatment.what_it_is} {treatment.aims_at}")
        st.markdown("\n\n".join(p for p in card if p) + words + text.sources_line(treatment.source_ids))
state.pick_list("treatments", [t.id for t in content.treatments], state.PICK_LABELS["treatments"])

text.red_flags_box()
