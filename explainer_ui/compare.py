"""The options this patient talked about, side by side: a table with one column per option where
there is room, one headed block per option on a phone (no sideways scrolling)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainer_ui import charts
from explainer_ui.charts import font_size, phone_below

COLUMN_EM = 6.25  # the least room an option's column needs in the table, in body text px (100 px at 16)
WIDE_FROM = (600, 1000)  # px of main column: the table needs at least the first, never more than the second


def side_by_side(table: pd.DataFrame, key: str = "compare") -> None:
    """`table`: one row per option, its name under "Option", then one column per thing compared
    (treatment_compare_table). Every column is shown, in its order; an empty cell is left out of
    the phone blocks."""
    least, most = WIDE_FROM
    needed = COLUMN_EM * font_size() * (len(table) + 1)  # and the column of row names
    with phone_below(round(min(most, max(least, needed))), key):
        with st.container(key=f"wide_{key}"):
            # One column per option, read across to compare; the things compared down the left.
            across = table.set_index("Option").T
            charts.table(across.rename_axis("").reset_index())
        with st.container(key=f"phone_{key}"):
            for _, row in table.iterrows():
                facts = [f"**{name}:** {value}" for name, value in row.items() if name != "Option" and _said(value)]
                st.container(border=True).markdown("\n\n".join([f"#### {row['Option']}", *facts]))


def _said(value: object) -> bool:
    return not pd.isna(value) and bool(str(value).strip())
