"""Your summary: this patient's choices in plain words, a link to reopen them at home, and
the take-home PDF."""

from datetime import date
from urllib.parse import urlencode

import streamlit as st

from explainer.handout import build_handout
from explainer.selection import to_address
from explainer.summary import cited, summarise
from explainer_ui import state, text
from explainer_ui.data import get_content
from explainer_ui.download import personal_download_button

content = get_content()
selection = state.selection()
asked = [q.question for q in state.asked_questions(content)]

with st.expander("Check or change your choices", icon=":material/edit_note:", expanded=selection.is_empty()):
    state.choices_editor()
if selection.is_empty():
    st.info(
        "Nothing is picked yet. Use the pick lists on the pages about causes, symptoms and treatments, or pick here.",
        icon=":material/edit_note:",
    )
parts = summarise(content, selection, asked)
for part in parts:
    st.header(part.heading)
    st.markdown(part.intro)
    for item in part.items:
        if item.title:
            st.markdown(f"**{item.title}**")
        st.markdown("\n".join(f"- {line}" for line in item.lines))
text.sources(cited(parts))

st.header("Take it home")
address = to_address(selection, consult=False)
# st.context.url is the page's address in the browser (absent outside a browser session).
link = (st.context.url or "").split("?")[0] + ("?" + urlencode(address, safe=",:") if address else "")
st.markdown("This link opens the same choices on another device. It holds no name.")
st.code(link, language=None, wrap_lines=True)

name = st.text_input(
    "Name to print on the summary (optional)",
    key=state.Keys.HANDOUT_NAME,
    max_chars=80,
    help="Printed on the PDF only. It is not saved or sent anywhere.",
)
# The PDF holds the name: it is made on press, kept for this browser until fetched, then removed.
personal_download_button(
    "Download summary (PDF)",
    lambda: build_handout(content, selection, questions=asked, patient_name=name, today=date.today()),
    file_name="summary-pain-after-back-surgery.pdf",
    icon=":material/download:",
    type="primary",
    key=state.Keys.DOWNLOAD_SUMMARY,
)
st.caption("To print this page instead, use Print in the menu at the top right.")
