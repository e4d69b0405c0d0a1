"""About this content: who wrote it, how it is kept up to date, what it does not replace."""

import streamlit as st

from explainer_ui import text
from explainer_ui.data import get_content

content = get_content()
text.prose("about_content")

settings = content.settings
facts = {
    "Written by": settings.get("written_by"),
    "Reviewed by": settings.get("reviewed_by"),
    "Last reviewed": settings.get("last_reviewed"),
    "Next review": settings.get("next_review"),
    "How it is updated": settings.get("update_policy"),
    "Funding": settings.get("funding"),
    "Conflicts of interest": settings.get("conflicts"),
}
st.header("Who made this")
st.markdown("\n\n".join(f"**{label}:** {value or 'Not recorded.'}" for label, value in facts.items()))

st.header("Your privacy")
st.markdown(
    "This app keeps nothing about you. What you pick stays in this browser tab. "
    "It is not saved on the computer or sent anywhere. When you close the tab, it is gone."
)
