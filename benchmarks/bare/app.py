"""The floor: Streamlit itself. Laid out like the real app (st.navigation in the entrypoint, page
scripts one folder down, a shared sidebar with one control), but every page is a title and a line.

The sidebar pill is the bare equivalent of a click on a filter: it only makes the page rerun.
"""

import os

import streamlit as st

# BARE_CHART=1: page two also draws one small chart (the benchmark's floor for pages with a chart).
SECOND = "app_pages/bare/chart.py" if os.environ.get("BARE_CHART") else "app_pages/bare/second.py"

st.set_page_config(page_title="Bare", page_icon="🩺", layout="centered")

page = st.navigation(
    {
        "Bare": [
            st.Page("app_pages/bare/first.py", title="Bare page one", url_path="first", default=True),
            st.Page(SECOND, title="Bare page two", url_path="second"),
        ]
    },
    position="sidebar",
    expanded=True,
)
with st.sidebar:
    st.pills("Bare control", ["A", "B", "C"], key="bare_pill")
page.run()
