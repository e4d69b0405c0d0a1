"""Next steps: see a specialist, with questions a patient can take along."""

import streamlit as st

from explainer_ui import state, text
from explainer_ui.data import get_content

content = get_content()
text.prose("next_steps_intro")

st.header("Questions you can ask")
st.markdown("Tick the ones you want to ask. Nothing you tick is saved.")
for topic in dict.fromkeys(q.topic for q in content.questions):
    st.subheader(topic)
    for question in (q for q in content.questions if q.topic == topic):
        state.question_checkbox(question)

settings = content.settings
if settings.get("clinic_name") or settings.get("clinic_contact"):
    st.header("Contact")
    st.markdown(" · ".join(v for v in (settings.get("clinic_name"), settings.get("clinic_contact")) if v))

text.red_flags_box()
