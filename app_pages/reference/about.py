"""About this content: who wrote it, whether a clinician has checked it, what each fact rests on,
how it is kept up to date, what it does not replace."""

import streamlit as st

from explainer_ui import text
from explainer_ui.data import get_content

content = get_content()
text.show(text.review_line(content), remember=True)
text.prose("about_content")

st.header("What each fact rests on", anchor=False)
text.show(
    "Beside a fact, the guide says what it rests on:\n\n"
    "- **Study**: a trial or a review of trials. The source is named.\n"
    "- **Guideline**: advice from a national body, such as NICE in England. The source is named.\n"
    "- **Expert view**: what specialists think, from how the body works. No trial has tested it. "
    "We say *expert view* instead of naming a study that does not show it.",
    remember=True,
)

settings = content.settings
status = content.review_status()
facts = {
    "Written by": settings.get("written_by"),
    "Checked by a clinician": "Not yet. This is a draft." if status.is_draft else status.text + ".",
    "How it is updated": settings.get("update_policy"),
    "Funding": settings.get("funding"),
    "Conflicts of interest": settings.get("conflicts"),
}
st.header("Who made this", anchor=False)
text.show("\n\n".join(f"**{label}:** {value or 'Not recorded.'}" for label, value in facts.items()), remember=True)

st.header("Your privacy", anchor=False)
text.show(
    "This app keeps nothing about you. What you pick stays in this browser tab. "
    "It is not saved on the computer or sent anywhere. When you close the tab, it is gone.",
    remember=True,
)
