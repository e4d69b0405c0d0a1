"""Running the app through app.py with Streamlit's AppTest, and reading what it shows."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from explainer import sections
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


def chart_specs(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [e.label for e in at.expander]
    return "\n".join(parts)
