"""Warm plotly's bundle on the first page, so the first chart a visitor opens does not wait for it.

Streamlit's frontend loads each kind of element lazily: the first plotly chart in a tab fetches,
compiles and runs PlotlyChart.*.js (4.7 MB, plotly.js inside) before it can draw. `warm_plotly()`
asks the browser to do that while the start page sits idle, after it is drawn.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import streamlit as st

# Run once the page is idle: the first page draws first. The chunk's address is worked out from the
# entry script's own address, so it follows a server's base URL path. A failure only means no warming.
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
  if (window.requestIdleCallback) window.requestIdleCallback(warm, { timeout: 3000 });
  else setTimeout(warm, 500);
})();
</script>"""


KEY = "explainer_warm"  # the benchmark does not count charts inside `.st-key-explainer_warm*`


@cache
def plotly_chunk() -> str | None:
    """The file name of Streamlit's plotly chunk in this installed version (None if not found)."""
    found = sorted((Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    return found[0].name if found else None


def warm_plotly(how: str | None = None) -> None:
    """Call on every run of the start page, before its content (the router: `if page is the start
    page: warm_plotly()`). Draws nothing a person can see or reach."""
    how = how or os.environ.get("EXPLAINER_WARM", "import")
    chunk = plotly_chunk()
    if chunk is None or how == "off":
        return
    # A style-only st.html goes to the event container (takes no space); it hides the container the
    # script sits in, so the page's layout does not move (no gap above the title).
    st.html(f"<style>.st-key-{KEY}, :has(> .st-key-{KEY}) {{ display: none; }}</style>")
    with st.container(key=KEY):
        st.html(_SCRIPT % {"chunk": chunk, "how": how}, unsafe_allow_javascript=True)
