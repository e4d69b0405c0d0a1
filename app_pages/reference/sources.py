"""Sources: every reference the app cites, and when the content was last reviewed."""

import streamlit as st

from explainer_ui import text
from explainer_ui.data import get_content

content = get_content()
settings = content.settings
st.markdown(
    f"Content last reviewed: **{settings.get('last_reviewed') or 'not recorded'}**. "
    f"Next review due: **{settings.get('next_review') or 'not recorded'}**."
)
st.markdown(
    "Each fact in this guide names one of these sources. "
    "**Checked** means we read the source itself; **secondary** means we relied on a summary; "
    "**background** means general knowledge still to be confirmed."
)
checked = {"V": "Checked", "S": "Secondary", "B": "Background"}
lines = []
for ref in sorted(content.references, key=lambda r: r.short.casefold()):
    line = text.reference_line(ref)
    if ref.url:
        line += f" [Link]({ref.url})"
    lines.append(f"- {line} *({checked[ref.checked]})*" + (f" {ref.note}" if ref.note else ""))
st.markdown("\n".join(lines))  # one list, one element: quicker to draw than one per source
