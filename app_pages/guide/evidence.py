"""What the numbers say: each number as 100 people, with a guess before the answer."""

import pandas as pd
import streamlit as st

from explainer_ui import charts, state, text
from explainer_ui.data import get_content

text.prose("evidence_intro")

for number in get_content().evidence:
    st.header(number.title)
    guess = state.guess_slider(number)
    if not state.reveal_button(number):
        continue
    st.markdown(f"You guessed **{guess} in 100**.")
    groups = [(number.group_a_label, number.group_a_count)]
    if number.group_b_label and number.group_b_count is not None:
        groups.append((number.group_b_label, number.group_b_count))
    # The outcome is a short label ("At least half of leg pain gone"): lower-cased inside a sentence.
    outcome = number.outcome[0].lower() + number.outcome[1:]
    st.markdown(f"*What was counted:* {number.outcome}.")
    columns = st.columns(len(groups))
    for column, (label, count) in zip(columns, groups, strict=True):
        with column:
            st.markdown(f"**{label}**: about **{count} in 100** people.")
            charts.chart(
                charts.icon_array(count, number.outcome, "The others"),
                alt=f"100 people: {count} filled in, {100 - count} empty. Filled in means: {outcome}",
                summary=f"{count} of 100 people: {outcome}. The other {100 - count}: not.",
                data=pd.DataFrame(
                    {
                        "Group": [label, label],
                        "What happened": [number.outcome, "Not this"],
                        "People out of 100": [count, 100 - count],
                    }
                ),
                key=f"icons_{number.id}_{count}_{label[:10]}",
            )
    st.markdown(number.plain_summary)
    st.markdown(f"**How sure can we be?** {number.uncertainty}")
    text.sources(number.source_ids)
