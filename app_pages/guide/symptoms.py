"""Symptoms and feelings: a body map to point at and tap (a tap picks the symptom for this
patient), what each symptom often means, then feelings as one calm section."""

import streamlit as st

from explainer import figures
from explainer_ui import charts, state, text
from explainer_ui.data import get_content

MAP_KEY = "body_map"
PHONE_KEY = f"{MAP_KEY}_phone"

content = get_content()
size = charts.font_size()
marked = state.picks("symptoms")
body = [s for s in content.symptoms if s.kind == "body"]
feelings = [s for s in content.symptoms if s.kind == "feelings"]


def tapped() -> None:
    """A tap on a place or a name picks that symptom for this patient (a pick is undone in the list)."""
    ids = charts.clicked_ids(st.session_state.get(MAP_KEY)) + charts.clicked_ids(st.session_state.get(PHONE_KEY))
    known = {s.id for s in body}
    new = [i for i in ids if i in known and i not in state.picks("symptoms")]
    if new:
        state.set_picks("symptoms", [*state.picks("symptoms"), *new])


charts.lead(
    [
        "Pain after back surgery is not the same for everyone. Where you feel it gives your specialist clues.",
        "Tap each place where you feel something. It is added to your list.",
    ]
)
charts.chart(
    charts.body_map(marked, size),
    alt="Outline of a body seen from behind, with a mark for each symptom where it is felt"
    + (". Your symptoms are ringed and say Yours" if marked else ""),
    summary=figures.body_map_summary(content, marked),
    data=figures.body_map_table(content, marked),
    key=MAP_KEY,
    on_click=tapped,
    phone=charts.body_map(marked, size, narrow=True),
)
state.pick_list("symptoms", [s.id for s in body], state.PICK_LABELS["symptoms"], part="body")

with charts.more() as read_more:
    if read_more:
        text.prose("symptoms_intro")
        st.header("Symptoms and what they often mean", anchor=False)
        ordered = sorted(body, key=lambda s: s.id not in marked)  # this patient's first
        text.show(
            "\n\n---\n\n".join(
                f"#### {symptom.name}"
                + (" (yours)" if symptom.id in marked else "")
                + f"\n\n{symptom.description}\n\n**What it often points to:** {symptom.usually_signals}"
                + text.words_line(f"{symptom.description} {symptom.usually_signals}")
                + text.sources_line(symptom.source_ids)
                for symptom in ordered
            )
        )

st.header("Feelings and daily life", anchor=False)
text.prose("feelings_intro")
state.pick_list("symptoms", [s.id for s in feelings], state.PICK_LABELS["feelings"], part="feelings")
lines = [f"- **{s.name}.** {s.description} {s.usually_signals}" for s in feelings]
lines += [f"- **{e.feeling}.** {e.explanation} *What can help:* {e.what_helps}" for e in content.emotions]
ids = [i for s in feelings for i in s.source_ids] + [i for e in content.emotions for i in e.source_ids]
text.show_fold("Common feelings, and what can help", "\n".join(lines) + text.sources_line(ids), remember=True)
