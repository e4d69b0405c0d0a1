"""Pain after back surgery: a consult explainer.

The router is the frame around every page: it restores this patient's choices from the address,
sets up the page, draws the sidebar, the page header, the content check for the section, the page
itself and the Back/Next footer. Every page runs through here, including a deep link that is the
first request after the server starts.
"""

import streamlit as st

from explainer import sections
from explainer_ui import data, frame, heap, state, text

state.restore_from_address()

st.set_page_config(
    page_title="Pain after back surgery: an explainer",
    page_icon="🩺",  # an emoji, not a material icon: those fetch a favicon from the web
    layout="centered",
    initial_sidebar_state="collapsed" if state.consult() else "auto",
)

# One flat list in guided order: Streamlit's grouped navigation nests <div>s inside its <ul>,
# which screen readers cannot follow (axe-core: list, listitem, serious).
pages = {
    section: st.Page(section.path, title=section.title, url_path=section.url_path, default=section == sections.FIRST)
    for section in sections.SECTIONS
}
page = st.navigation(list(pages.values()), position="sidebar", expanded=True)
section = next(s for s, p in pages.items() if p is page)

state.write_address(section.key)
frame.styles()
frame.sidebar()
frame.address_notes()
frame.consult_bar(section)
frame.header(section)
if data.ready(section):  # otherwise a calm note says which file has a mistake
    text.start_page(data.get_content())
    page.run()
frame.footer(section)
# Last on the page: sent on a tab's first run only, so nothing above moves when they are left out.
frame.tab_scripts()
heap.settle()  # once per server process: later page moves are not held up by the garbage collector
