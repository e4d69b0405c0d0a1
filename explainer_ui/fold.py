"""A fold whose contents are drawn only while it is open.

Streamlit sends and draws a closed expander's contents all the same (hidden), and the browser pays
for every element on every page move. A fold that tracks whether it is open (`on_change="rerun"`)
lets the page leave its contents out until it is opened; opening it reruns the page. Whether a fold
is open is not about the patient: it is a widget key, and a fold opens closed on the next page.
A fold that holds only text is cheaper still as HTML the browser opens by itself
(`explainer_ui.text.show_fold`); this one is for folds that hold controls or much to draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st


@contextmanager
def fold(label: str, key: str, *, expanded: bool = False, icon: str | None = None) -> Iterator[bool]:
    """`with fold("Read more", key="more") as is_open: if is_open: ...`; the key must be unique on the page."""
    expander = st.expander(label, expanded=expanded, key=fold_key(key), icon=icon, on_change="rerun")
    with expander:
        yield bool(expander.open)


PREFIX = "fold_"  # of every fold's widget key: tests find folds by it (also as the class st-key-fold_...)


def fold_key(key: str) -> str:
    """The widget key of the fold with this key (tests open a fold by setting it to True)."""
    return PREFIX + key
