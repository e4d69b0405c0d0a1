"""Start: what this is for, the names of the condition, how common it is, the path ahead."""

import streamlit as st

from explainer import sections, ui

content = ui.require()
ui.page_title("start")
ui.prose("start_intro", "start_names", "start_how_common", "start_path")
for number, section in enumerate(sections.GUIDED[1:], start=2):
    st.page_link(section.path, label=f"{number}. {section.title}")

ui.step_footer("start")
