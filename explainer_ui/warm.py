"""Warm plotly's bundle on the first page, so the first chart a visitor opens does not wait for it.

Streamlit's frontend loads each kind of element lazily: the first plotly chart in a tab fetches,
compiles and runs PlotlyChart.*.js (4.7 MB, plotly.js inside) before it can draw. `warm_plotly()`
asks the browser to do that once the page is drawn and the browser is idle, from a hidden
container that takes no space (nothing to see, nothing to reach with the keyboard).

`how` is for the benchmark's comparison: "import" (the default: fetch, compile and run the file),
"preload" (a <link rel="modulepreload">: fetch and compile only), "chart" (no script: a tiny
hidden plotly chart, which makes Streamlit load the file itself), "off".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from pathlib import Path

import streamlit as st

KEY = "explainer_warm"  # the benchmark does not count charts inside `.st-key-explainer_warm*`

# The chunk's address is worked out from the entry script's own address, so it follows a server's
# base URL path. Once per tab, after the page is drawn; a failure only means no warming.
_SCRIPT = """<script>
(() => {
  if (window.__explainerWarm) return;
  window.__explainerWarm = true;
  const entry = document.querySelector('script[type="module"][src*="static/js/index."]');
  if (!entry) return;
  const url = new URL("%(chunk)s", entry.src).href;
  const warm = () => {
    if ("%(how)s" === "preload") {
      const link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = url;
      document.head.appendChild(link);
    } else {
      import(url).catch(() => {});
    }
  };
  // Wait until the first run has ended and the page is drawn, half a second, then for the browser to be idle:
  // warming must not compete with drawing the first page.
  const app = () => document.querySelector('[data-testid="stApp"]');
  const drawn = () => app() && app().dataset.testScriptState === "notRunning"
    && !document.querySelector('[data-testid="stSkeleton"]');
  const idle = (f) =>
    window.requestIdleCallback ? window.requestIdleCallback(f, { timeout: 3000 }) : setTimeout(f, 300);
  const poll = setInterval(() => {
    if (!drawn()) return;
    clearInterval(poll);
    setTimeout(() => idle(warm), 500);
  }, 100);
})();
</script>"""


@cache
def plotly_chunk() -> str | None:
    """The file name of Streamlit's plotly chunk in this installed version (None if not found)."""
    found = sorted((Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return found[0].name if found else None


@contextmanager
def hidden(key: str) -> Iterator[None]:
    """A container for scripts: it takes no space, shows nothing and holds nothing to focus."""
    # A style-only st.html goes to the event container (takes no space); it hides the container
    # below and its wrapper, so there is no gap on the page.
    st.html(f"<style>.st-key-{key}, :has(> .st-key-{key}) {{ display: none; }}</style>")
    with st.container(key=key):
        yield


def warm_plotly(how: str = "import", *, hide: bool = True) -> None:
    """Call from the router on a tab's first run (the script then lives in the tab). Draws nothing
    a person can see or reach; the layout does not move. `hide=False`: the caller has put it in a
    `hidden(KEY)` container already (with the tab's other scripts)."""
    chunk = plotly_chunk()
    if chunk is None or how == "off":
        return
    with hidden(KEY) if hide else nullcontext():
        if how == "chart":
            st.plotly_chart(
                {"data": [{"type": "bar", "x": [1], "y": [1]}], "layout": {"height": 20, "width": 20}},
                config={"staticPlot": True},
                theme=None,
                key=f"{KEY}_chart",
            )
        else:
            st.html(_SCRIPT % {"chunk": chunk, "how": how}, unsafe_allow_javascript=True)
