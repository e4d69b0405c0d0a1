"""What the numbers say: each number as 100 people. The picture shows the guess first, then the
answer; numbers about an option this patient talked about come first and say so."""

import pandas as pd
import streamlit as st

from explainer import figures
from explainer.figures import load_places
from explainer_ui import charts, state, text
from explainer_ui.data import get_content

content = get_content()
size = charts.font_size()
talked = set(state.picks("treatments"))
names = {t.id: t.name for t in content.treatments}
about = {}  # evidence id -> the patient's options it is about
for row in load_places().numbers:
    if row.evidence_id and row.treatment_id in talked:
        about.setdefault(row.evidence_id, []).append(names.get(row.treatment_id, row.treatment_id))

charts.lead(["Here, results are shown as 100 people. Guess first, then see the answer."])
numbers = sorted(content.evidence, key=lambda n: n.id not in about)
for number in numbers:
    st.header(number.title, anchor=False)
    if number.id in about:
        text.show(f"**About an option you talked about:** {', '.join(dict.fromkeys(about[number.id]))}.")
    picture, words = st.columns([3, 2])
    with words:
        guess = state.guess_slider(number)
        revealed = state.reveal_button(number)
        if revealed:
            text.show(f"You guessed **{guess} in 100**. {number.plain_summary}")
            text.show(
                "These numbers come from groups of people. They cannot tell you what will happen to you.", remember=True
            )
    with picture:
        if revealed:
            charts.chart(
                charts.evidence_icons(number.id, size),
                alt=f"100 people, the answer: {figures.evidence_icons_summary(content, number.id)}",
                summary=figures.evidence_icons_summary(content, number.id),
                data=figures.evidence_icons_table(content, number.id),
                key=f"answer_icons_{number.id}",
            )
        else:
            charts.chart(
                charts.icon_array(guess, "Your guess", "The others"),
                alt=f"100 people: your guess, {guess} of them filled in",
                summary=f"Your guess: {guess} of 100 people. Show the answer to compare.",
                data=pd.DataFrame({"Your guess": [f"{guess} in 100"]}),
                key=f"guess_icons_{number.id}",
            )
    if revealed:
        with charts.more(number.id) as read_more:
            if read_more:
                text.show(f"*What was counted:* {number.outcome}.", remember=True)
                text.show(f"**How sure can we be?** {number.uncertainty}", remember=True)
                text.sources(number.source_ids)

with charts.more() as read_more:
    if read_more:
        text.prose("evidence_intro")
