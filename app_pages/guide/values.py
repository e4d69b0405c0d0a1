"""What matters to you: what matters most, how the patient feels about each option talked about
and about no further treatment, and four short questions on how ready they feel to choose. It
never ranks or recommends."""

import streamlit as st

from explainer.selection import NO_TREATMENT_ID
from explainer.summary import LEANINGS, NO_TREATMENT
from explainer_ui import charts, state, text
from explainer_ui.data import get_content

READINESS = {"yes": "Yes", "no": "No"}
NOT_A_RANKING = "This step does not pick a treatment for you, and it does not put the options in order."
NO_WRONG_ANSWERS = "There are no right or wrong answers."
ON_THE_SUMMARY = "Your answers go on your summary, so you and your care team can talk about them."

content = get_content()
consult = state.consult()
if consult:  # picture first: where the patient stands, filled in as they answer below
    charts.lead([NO_WRONG_ANSWERS, "The dots show how you feel about each option, for now.", "Tap a dot to change it."])
    charts.where_you_stand("where_you_stand")
# Said once: in consult mode the lead above the picture has already said there are no wrong answers.
st.info(" ".join([NOT_A_RANKING, *([] if consult else [NO_WRONG_ANSWERS]), ON_THE_SUMMARY]), icon=":material/balance:")

st.header("What matters most to you?", anchor=False)
state.pick_list(
    "values",
    [v.id for v in content.values],
    "Pick as many as you like.",
)

st.header("How do you feel about each option?", anchor=False)
discussed = [t for t in content.treatments if t.id in set(state.picks("treatments"))]
if not discussed:
    text.show(
        "No treatments are marked yet. Mark the ones we talked about, then say how you feel about each.", remember=True
    )
    state.pick_list("treatments", [t.id for t in content.treatments], state.PICK_LABELS["treatments"], part="values")
else:
    text.show(
        "For each option we talked about, pick the words that fit best for now. You can change your mind.",
        remember=True,
    )
    for treatment in discussed:
        state.answer_choice("leanings", treatment.id, treatment.name, LEANINGS)
    # Last, as on the Treatments page: carrying on without a new treatment is a real choice too.
    state.answer_choice("leanings", NO_TREATMENT_ID, NO_TREATMENT["name"], LEANINGS)
if not consult:  # at home, under the answers it draws
    charts.where_you_stand("where_you_stand")

st.header("Are you ready to choose?", anchor=False)
text.show("Four short questions. A “No” is fine: it shows what to talk about next.", remember=True)
for item in content.readiness:
    state.answer_choice("readiness", item.id, item.question, READINESS)
