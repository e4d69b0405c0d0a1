"""Pain after back surgery: a consult explainer.

The router: page set-up, the navigation, the shared sidebar and consult mode. Every page
runs through here, including a deep link that is the first request after the server starts.
"""

import streamlit as st

from explainer import sections, ui

# The address may carry this patient's choices and consult mode (a bookmark or a shared link).
ui.restore_from_address()
consult = st.session_state.consult

st.set_page_config(
    page_title="Pain after back surgery: an explainer",
    page_icon="🩺",  # an emoji, not a material icon: those fetch a favicon from the web
    layout="centered",
    initial_sidebar_state="collapsed" if consult else "auto",
)

# One flat list in guided order: Streamlit's grouped navigation nests <div>s inside its <ul>,
# which screen readers cannot follow (axe-core: list, listitem, serious).
pages = [st.Page(s.path, title=s.title, url_path=s.url_path, default=s.key == "start") for s in sections.SECTIONS]
key_of_title = {s.title: s.key for s in sections.SECTIONS}
page = st.navigation(pages, position="sidebar", expanded=True)

ui.sidebar()
ui.write_address()
ui.print_styles()
if consult:
    ui.consult_mode_styles()
ui.address_notes()
ui.consult_bar(key_of_title.get(page.title))
ui.start_page()
page.run()
