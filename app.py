"""Pain after back surgery: a consult explainer.

The router: page set-up, the navigation, the shared sidebar. Every page runs through here,
including a deep link that is the first request after the server starts (see README).
"""

import streamlit as st

from explainer import sections, ui

st.set_page_config(
    page_title="Pain after back surgery: an explainer",
    page_icon="🩺",  # an emoji, not a material icon: those fetch a favicon from the web
    layout="centered",
    initial_sidebar_state="auto",
)

pages: dict[str, list] = {}
for section in sections.SECTIONS:
    pages.setdefault(section.group, []).append(
        st.Page(
            section.path,
            title=section.title,
            url_path=section.url_path,
            default=section.key == "start",
        )
    )

page = st.navigation(pages, position="sidebar", expanded=True)
ui.sidebar()
page.run()
