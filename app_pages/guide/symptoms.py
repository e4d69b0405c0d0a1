"""Symptoms and feelings: what each symptom usually signals, the emotional side, red flags."""

import streamlit as st

from explainer import ui

content = ui.require("symptoms.csv", "emotions.csv")
ui.page_title("symptoms")
ui.prose("symptoms_intro")
ui.red_flags_box(content)

st.header("Symptoms and what they often mean")
body = [s for s in content.symptoms if s.kind == "body"]
for symptom in body:
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description}\n\n**What it often points to:** {symptom.usually_signals}"
            + ui.words_line(f"{symptom.description} {symptom.usually_signals}")
            + ui.sources_line(symptom.source_ids, content)
        )
ui.marks("symptoms", [s.id for s in body], ui.MARK_LABELS["symptoms"], key="marks_symptoms_body")

st.header("Feelings and daily life")
ui.prose("feelings_intro")
feelings = [s for s in content.symptoms if s.kind == "feelings"]
for symptom in feelings:
    with st.container(border=True):
        st.markdown(
            f"#### {symptom.name}\n\n{symptom.description} {symptom.usually_signals}"
            + ui.sources_line(symptom.source_ids, content)
        )
ui.marks("symptoms", [s.id for s in feelings], ui.MARK_LABELS["feelings"], key="marks_symptoms_feelings")
for emotion in content.emotions:
    with st.container(border=True):
        st.markdown(
            f"#### {emotion.feeling}\n\n{emotion.explanation}\n\n**What can help:** {emotion.what_helps}"
            + ui.sources_line(emotion.source_ids, content)
        )

ui.step_footer("symptoms")
