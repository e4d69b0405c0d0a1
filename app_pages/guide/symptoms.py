"""Symptoms and feelings: what each symptom usually signals, the emotional side, red flags."""

import streamlit as st

from explainer import ui

content = ui.require("symptoms.csv", "emotions.csv")
ui.page_title("symptoms")
ui.prose("symptoms_intro")
ui.red_flags_box(content)

st.header("Symptoms and what they often mean")
for symptom in (s for s in content.symptoms if s.kind == "body"):
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description}\n\n**What it often points to:** {symptom.usually_signals}"
            + ui.words_line(f"{symptom.description} {symptom.usually_signals}")
            + ui.sources_line(symptom.source_ids, content)
        )
        ui.mark("symptoms", symptom.id)

st.header("Feelings and daily life")
ui.prose("feelings_intro")
for symptom in (s for s in content.symptoms if s.kind == "feelings"):
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description} {symptom.usually_signals}"
            + ui.sources_line(symptom.source_ids, content)
        )
        ui.mark("symptoms", symptom.id)
for emotion in content.emotions:
    with st.container(border=True):
        st.markdown(
            f"#### {emotion.feeling}\n\n{emotion.explanation}\n\n**What can help:** {emotion.what_helps}"
            + ui.sources_line(emotion.source_ids, content)
        )

ui.step_footer("symptoms")
