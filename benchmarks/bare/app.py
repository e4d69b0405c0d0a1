"""The floor: Streamlit itself. Laid out like the real app (st.navigation in the entrypoint, page
scripts one folder down, a shared sidebar with one control), but every page is a title and a line:
'Bare page one' (the start page), 'Bare page two', and 'Bare page with N charts' for N = 1 to
BARE_MAX_CHARTS (default 8), which also draw N small plotly charts.

The sidebar pill is the bare equivalent of a click on a filter: it makes the page rerun (and a
chart page redraw its charts).

BARE_WARM=1 (or import, preload, chart): the start page also calls the app's plotly warming
(explainer_ui.warm.warm_plotly, in that way), so the benchmark can measure what warming does.
"""

import os
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent / "app_pages" / "bare"))
from charts import page as chart_page
from charts import title as chart_title

MAX_CHARTS = int(os.environ.get("BARE_MAX_CHARTS", "8"))

st.set_page_config(page_title="Bare", page_icon="🩺", layout="centered")

page = st.navigation(
    [
        st.Page("app_pages/bare/first.py", title="Bare page one", url_path="first", default=True),
        st.Page("app_pages/bare/second.py", title="Bare page two", url_path="second"),
        *(st.Page(chart_page(n), title=chart_title(n), url_path=f"charts-{n}") for n in range(1, MAX_CHARTS + 1)),
    ],
    position="sidebar",
    expanded=True,
)
with st.sidebar:
    st.pills("Bare control", ["A", "B", "C"], key="bare_pill")
if os.environ.get("BARE_WARM") and page.title == "Bare page one":
    from explainer_ui.warm import warm_plotly

    warm_plotly(how="import" if os.environ["BARE_WARM"] == "1" else os.environ["BARE_WARM"])
page.run()
