"""Next steps: see a specialist, with questions a patient can take along."""

import streamlit as st

from explainer import ui

content = ui.require("questions.csv", "settings.csv")
ui.page_title("next_steps")
ui.prose("next_steps_intro")

st.header("Questions you can ask")
st.markdown("Tick the ones you want to ask. Nothing you tick is saved.")
for topic in dict.fromkeys(q.topic for q in content.questions):
    st.subheader(topic)
    for question in (q for q in content.questions if q.topic == topic):
        st.checkbox(question.question, key=f"ask_{question.id}", help=question.why_ask)

settings = content.settings
if settings.get("clinic_name") or settings.get("clinic_contact"):
    st.header("Contact")
    st.markdown(" · ".join(v for v in (settings.get("clinic_name"), settings.get("clinic_contact")) if v))

ui.red_flags_box(content)
ui.step_footer("next_steps")
