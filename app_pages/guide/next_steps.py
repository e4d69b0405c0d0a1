"""Next steps: see a specialist, with questions a patient can take along, and the teach-back
questions the clinician asks at the end ('we went over this again' puts a topic on the summary)."""

import streamlit as st

from explainer.wording import upper_first
from explainer_ui import charts, state, text
from explainer_ui.data import get_content
from explainer_ui.fold import fold

content = get_content()
consult = state.consult()
# Picture first in the consult: the questions by topic, the ones ticked filled in. At home the
# topics below say the same in words.
if consult:
    charts.lead(["Here are questions you can ask, by topic.", "A filled dot is one you ticked."])
    charts.your_questions("your_questions")
with charts.more() as read_more:  # open at home; under "Read more" in the consult
    if read_more:
        text.prose("next_steps_intro")

st.header("Questions you can ask", anchor=False)
text.show(
    "Open a topic. Tick the questions you want to ask. They go on your summary. Nothing is saved on this computer.",
    remember=True,
)
ticked = set(state.picks("questions"))
asked = [q for q in content.questions if q.id in ticked]
if asked:
    text.show(f"**You ticked {len(asked)}:** " + " ".join(q.question for q in asked))
for topic in dict.fromkeys(q.topic for q in content.questions):
    questions = [q for q in content.questions if q.topic == topic]
    # Closed, a topic's tick boxes are not drawn: twenty of them made this page slow to open. The
    # label never changes (a changed label would be a new fold, shut after every tick).
    label = f"{upper_first(topic)}: {len(questions)} question{'s' * (len(questions) != 1)}"
    with fold(label, key=state.Keys.question_topic(topic)) as is_open:
        if is_open:
            for question in questions:
                state.question_checkbox(question)

if "teach_back.csv" in content.tables and content.teach_back:
    st.header("Check we explained it well", anchor=False)
    text.show(
        "Your care team may ask you these questions. It is not a test of you: it checks how well we explained. "
        "If we go over a topic again, tick it below. It goes on your summary under “Look at again at home”.\n\n"
        + "\n".join(
            f"{n}. **{item.question}** ({text.topic_of(item)})" for n, item in enumerate(content.teach_back, 1)
        ),
        remember=True,
    )
    state.teach_back_pills({item.id: text.topic_of(item) for item in content.teach_back})

settings = content.settings
if settings.get("clinic_name") or settings.get("clinic_contact"):
    st.header("Contact", anchor=False)
    text.show(" · ".join(v for v in (settings.get("clinic_name"), settings.get("clinic_contact")) if v), remember=True)
