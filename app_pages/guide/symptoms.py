"""Symptoms and feelings: what each symptom usually signals, the emotional side, red flags."""

import streamlit as st

from explainer_ui import state, text
from explainer_ui.data import get_content

content = get_content()
text.prose("symptoms_intro")
text.red_flags_box()

st.header("Symptoms and what they often mean")
body = [s for s in content.symptoms if s.kind == "body"]
for symptom in body:
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description}\n\n**What it often points to:** {symptom.usually_signals}"
            + text.words_line(f"{symptom.description} {symptom.usually_signals}")
            + text.sources_line(symptom.source_ids)
        )
state.pick_list("symptoms", [s.id for s in body], state.PICK_LABELS["symptoms"], part="body")

st.header("Feelings and daily life")
text.prose("feelings_intro")
feelings = [s for s in content.symptoms if s.kind == "feelings"]
for symptom in feelings:
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description} {symptom.usually_signals}"
            + text.sources_line(symptom.source_ids)
        )
state.pick_list("symptoms", [s.id for s in feelings], state.PICK_LABELS["feelings"], part="feelings")
for emotion in content.emotions:
    with st.container(border=True):
        st.markdown(
            f"#### {emotion.feeling}\n\n{emotion.explanation}\n\n**What can help:** {emotion.what_helps}"
            + text.sources_line(emotion.source_ids)
        )
