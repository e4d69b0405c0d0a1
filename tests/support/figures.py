"""Shared checks for the figure tests: what plotly accepts, every text size, the reading grade."""

from __future__ import annotations

import plotly.graph_objects as go

from explainer.figures import floor_px
from explainer.readability import MAX_GRADE, grade

SCALES = (16, 22)  # body text in normal and in consult mode

FONT_KEYS = ("font", "textfont", "tickfont", "insidetextfont", "outsidetextfont")


def font_sizes(node, path="", visible=True):
    """Every (path, size) of a text font in a figure dict that is drawn (hidden axes draw no text)."""
    if isinstance(node, dict):
        if node.get("visible") is False:
            return
        for key, value in node.items():
            here = f"{path}.{key}"
            if key in FONT_KEYS and isinstance(value, dict) and "size" in value:
                sizes = value["size"] if isinstance(value["size"], list | tuple) else [value["size"]]
                for size in sizes:
                    yield here, size
            yield from font_sizes(value, here)
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            yield from font_sizes(item, f"{path}[{i}]")


def assert_valid(fig) -> dict:
    """Plotly, checking everything, accepts the figure unchanged; returns its dict."""
    as_dict = fig.to_dict()
    assert go.Figure(as_dict).to_dict() == as_dict
    return as_dict


def assert_text_not_below_floor(fig, font_size: float) -> None:
    found = list(font_sizes(fig.to_dict()))
    assert found, "the figure has no text at all"
    small = [(path, size) for path, size in found if size < floor_px(font_size)]
    assert not small, f"text below 70 % of {font_size} px: {small[:5]}"


def assert_plain(text: str) -> None:
    assert text.strip()
    assert grade(text) <= MAX_GRADE, (grade(text), text)
    assert "<" not in text and "_" not in text, text  # no markup or ids in words for a patient


def trace_with_ids(fig, ids) -> dict:
    """The trace whose customdata holds these ids (the clickable one)."""
    for trace in fig.to_dict()["data"]:
        if set(ids) <= set(trace.get("customdata") or []):
            return trace
    raise AssertionError(f"no trace carries all of {sorted(ids)} as customdata")
