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
    columns = st.columns(len(groups))
    for column, (label, count) in zip(columns, groups, strict=True):
        with column:
            st.markdown(f"**{label}**: about **{count} in 100** {number.outcome}")
            ui.chart(
                ui.figure("icon_array", count, f"{number.outcome}", f"the other {100 - count}"),
                alt=f"100 people: {count} filled in ({number.outcome}), {100 - count} empty",
                summary=f"{count} of 100 people {number.outcome}; {100 - count} do not.",
                data=pd.DataFrame(
                    {
                        "Group": [label, label],
                        "What happened": [number.outcome, "not this"],
                        "People out of 100": [count, 100 - count],
                    }
                ),
                key=f"icons_{number.id}_{count}_{label[:10]}",
            )
    st.markdown(number.plain_summary)
    st.markdown(f"**How sure can we be?** {number.uncertainty}")
    ui.sources(number.source_ids, content)

ui.step_footer("evidence")
