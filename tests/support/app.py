"""Running the app through app.py with Streamlit's AppTest, and reading what it shows."""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

from explainer import sections
from explainer_ui.fold import PREFIX as FOLD_PREFIX
from explainer_ui.fold import fold_key
from tests.support.paths import ROOT


def make_app(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at


def open_page(path: str, **query: str) -> AppTest:
    """Run the app through app.py, then move to a page the way the navigation does."""
    at = make_app(**query)
    at.run()
    if path != sections.FIRST.path:
        at.switch_page(path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_fold(at: AppTest, key: str) -> AppTest:
    """Open a fold (explainer_ui.fold) as a click does: its contents are drawn on the rerun."""
    at.session_state[fold_key(key)] = True
    return at.run()


def open_every_fold(at: AppTest) -> AppTest:
    """Open every fold on the page (folds inside folds too): all the page can show."""
    for _ in range(3):
        # A keyed widget's id ends in "-" and its key.
        keys = [e.proto.id.rsplit("-", 1)[1] for e in at.expander if e.proto.id]
        shut = [key for key in keys if key.startswith(FOLD_PREFIX) and not at.session_state[key]]
        if not shut:
            break
        for key in shut:
            at.session_state[key] = True
        at.run()
    return at


def chart_specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [e.label for e in at.expander]
    return "\n".join(parts)


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_ESCAPED = re.compile(r"\\(.)")


def markdown_tables(at: AppTest) -> list[pd.DataFrame]:
    """Every Markdown table the app shows (explainer.markup.table), read back as text: the first
    row is the header, the escapes are undone."""
    tables = []
    for block in at.markdown:
        lines = [line for line in block.value.splitlines() if line.startswith("|")]
        if len(lines) < 2 or not set(lines[1]) <= set("|- :"):
            continue
        rows = [[_ESCAPED.sub(r"\1", c).strip() for c in _CELL_SPLIT.split(line)[1:-1]] for line in lines]
        tables.append(pd.DataFrame(rows[2:], columns=rows[0]))
    return tables
