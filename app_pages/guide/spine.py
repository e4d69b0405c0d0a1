"""The spine and the operation: the lamina, what a laminectomy does, a drawing to point at."""

import pandas as pd
import streamlit as st

from explainer.figures import VERTEBRA_PARTS
from explainer_ui import charts, state, text

text.prose("spine_lamina")

st.header("A bone of the spine, seen from above")
after = state.spine_view_control(["Before the operation", "After a laminectomy"])
parts = pd.DataFrame(
    {
        "Part": [p.split(":")[0] for p in VERTEBRA_PARTS.values()],
        "What it is": [p.split(": ", 1)[1] for p in VERTEBRA_PARTS.values()],
    }
)
if after:
    parts["After a laminectomy"] = ["Removed" if key in {"lamina", "spinous"} else "Stays" for key in VERTEBRA_PARTS]
charts.chart(
    charts.vertebra(after),
    alt="Drawing of a lower back vertebra seen from above" + (", after a laminectomy" if after else ", before surgery"),
    summary=(
        "After a laminectomy, the laminae and the spinous process are gone (dashed red outline). "
        "The nerves in the canal have more room."
        if after
        else "The laminae (orange) form the bony roof behind the nerves. "
        "The round body is at the front, the spinous process points to your back."
    ),
    data=parts,
    key="vertebra_chart",
)
text.prose("spine_diagram_help", "spine_laminectomy")
