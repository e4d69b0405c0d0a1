"""Python's garbage collector, out of the way of page moves.

A full collection walks every object the server holds: Python's modules, Streamlit, plotly, pandas,
the content and the figures already made. Measured here, one took 65 to 105 ms, now and then in
the middle of a page move. Once the first page has been drawn, the objects made so far live as long
as the server; frozen (gc.freeze), later collections pass them by (one took 8 ms). Reference
counting still frees everything that is let go; only cycles made before the freeze stay.
Nothing about a patient is involved: this is the server's own memory, settled once per process.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_settled = False


def settle() -> None:
    """Once per server process, after its first page: collect, then freeze what is left."""
    global _settled
    with _lock:
        if _settled:
            return
        _settled = True
        gc.collect()
        gc.freeze()
