"""Bare pages with N small plotly charts, drawn as the app draws its charts (no toolbar, no
template, Streamlit's theme off): the floor for an app page with N charts. Each chart's bars
follow the sidebar pill, so a click on the pill redraws them: the floor for a click that redraws
a chart."""

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

VALUES = {None: (3, 5, 2), "A": (4, 2, 5), "B": (1, 4, 3), "C": (5, 3, 1)}


@st.cache_resource
def small_chart(pill: str | None) -> go.Figure:
    return go.Figure(
        go.Bar(x=list(VALUES.get(pill, VALUES[None])), y=["One", "Two", "Three"], orientation="h"),
        layout={"template": "none", "height": 240, "margin": {"l": 10, "r": 10, "t": 10, "b": 10}},
    )


def title(charts: int) -> str:
    return f"Bare page with {charts} chart{'s' * (charts != 1)}"


def page(charts: int) -> Callable[[], None]:
    """The page script for a page with `charts` charts (a function: st.Page takes one)."""

    def draw() -> None:
        st.title(title(charts))
        st.markdown("Another line of text.")
        for i in range(charts):
            st.plotly_chart(
                small_chart(st.session_state.get("bare_pill")),
                width="stretch",
                config={"displayModeBar": False},
                theme=None,
                key=f"bare_chart_{i}",
            )

    draw.__name__ = f"charts_{charts}"
    return draw
