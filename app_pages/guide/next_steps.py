"""Next steps: see a specialist, with questions a patient can take along, and the teach-back
questions the clinician asks at the end ('we went over this again' puts a topic on the summary)."""

import streamlit as st

from explainer import sections
from explainer_ui import state, text
from explainer_ui.data import get_content

content = get_content()
text.prose("next_steps_intro")

st.header("Questions you can ask")
st.markdown("Tick the ones you want to ask. They go on your summary. Nothing is saved on this computer.")
for topic in dict.fromkeys(q.topic for q in content.questions):
    st.subheader(topic)
    for question in (q for q in content.questions if q.topic == topic):
        state.question_checkbox(question)

if "teach_back.csv" in content.tables and content.teach_back:
    st.header("Check we explained it well")
    st.markdown(
        "Your care team may ask you these questions. It is not a test of you: it checks how well we explained. "
        "If we go over a topic again, tick it. It goes on your summary under “Look at again at home”."
    )
    for item in content.teach_back:
        with st.container(border=True):
            st.markdown(f"**{item.question}**")
            try:
                page = sections.by_key(item.section).title
            except StopIteration:
                page = ""
            state.teach_back_checkbox(
                item.id, f"We went over this again ({page})" if page else "We went over this again"
            )

settings = content.settings
if settings.get("clinic_name") or settings.get("clinic_contact"):
    st.header("Contact")
    st.markdown(" · ".join(v for v in (settings.get("clinic_name"), settings.get("clinic_contact")) if v))
