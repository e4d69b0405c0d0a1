"""What the numbers say: each number as 100 people, with a guess before the answer."""

import pandas as pd
import streamlit as st

from explainer import ui

content = ui.require("evidence.csv")
ui.page_title("evidence")
ui.prose("evidence_intro")

for number in content.evidence:
    st.header(number.title)
    revealed_key = f"revealed_{number.id}"
    guess = st.slider(
        number.guess_prompt,
        min_value=0,
        max_value=100,
        value=50,
        key=f"guess_{number.id}",
        help="Move the slider to your guess, then show the answer.",
    )
    if st.button("Show the answer", key=f"reveal_{number.id}", disabled=st.session_state.get(revealed_key, False)):
        st.session_state[revealed_key] = True
        st.rerun()
    if not st.session_state.get(revealed_key):
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
            ui.chart(
                ui.figure("icon_array", count, number.outcome, "The others"),
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
    ui.sources(number.source_ids, content)

ui.step_footer("evidence")
