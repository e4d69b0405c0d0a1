"""The floor for a page with a chart: 'Bare page two' plus one small plotly chart, drawn as the
app draws its charts (no toolbar, no template, Streamlit's theme off). Served only when the bare
app runs with BARE_CHART=1; the budgets never use it."""

import plotly.graph_objects as go
import streamlit as st


@st.cache_resource
def small_chart() -> go.Figure:
    return go.Figure(
        go.Bar(x=[3, 5, 2], y=["One", "Two", "Three"], orientation="h"),
        layout={"template": "none", "height": 240, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}},
    )


st.title("Bare page two")
st.markdown("Another line of text.")
st.plotly_chart(small_chart(), width="stretch", config={"displayModeBar": False}, theme=None)
