"""Start: what this is for, the names of the condition, how common it is, the path ahead."""

import streamlit as st

from explainer import sections
from explainer_ui import text

text.prose("start_intro", "start_names", "start_how_common", "start_path")
for number, section in enumerate(sections.GUIDED[1:], start=2):
    st.page_link(section.path, label=f"{number}. {section.title}")
