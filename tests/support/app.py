"""Running the app through app.py with Streamlit's AppTest, and reading what it shows."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
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


_ICON_SPAN = re.compile(r'<span class="icon" aria-hidden="true">([a-z_]+)</span>')
_TAG = re.compile(r"<[^>]+>")


def _table_as_markdown(table: re.Match) -> str:
    rows = []
    for n, row in enumerate(re.findall(r"<tr>(.*?)</tr>", table.group(0), re.S)):
        cells = [c.replace("\\", "\\\\").replace("|", "\\|") for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", row, re.S)]
        rows.append("| " + " | ".join(cells) + " |")
        if n == 0:
            rows.append("|" + " --- |" * len(cells))
    return "\n".join(rows) + "\n\n"


def _numbered(listing: re.Match) -> str:
    items = re.findall(r"<li>(.*?)</li>", listing.group(0), re.S)
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)) + "\n\n"


_FOLD = re.compile(
    r'<details class="fold"( open)?><summary><span>(.*?)</span></summary><div class="fold-body">(.*?)</div></details>',
    re.S,
)


@dataclass(frozen=True)
class Fold:
    """A text fold the browser opens by itself (explainer.markup.fold_html), read as Markdown."""

    label: str  # as Markdown, without its icon
    text: str
    expanded: bool


def folds(node: Any) -> list[Fold]:
    """Every text fold in a part of the page, in page order."""
    found = []
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", "") == "html":
            found += [
                Fold(as_markdown(_ICON_SPAN.sub("", m.group(2))), as_markdown(m.group(3)), bool(m.group(1)))
                for m in _FOLD.finditer(child.proto.body)
            ]
        else:
            found += folds(child)
    return found


def as_markdown(body: str, *, fold_labels: bool = True) -> str:
    """A text drawn from HTML (explainer_ui.text.show, made by explainer.markup.to_html) written
    back in the Markdown it was made from, near enough for a test to read it as it read
    st.markdown: headings, bold, italics, links, lists, tables and icons."""
    # A fold: its label, then its text.
    text = _FOLD.sub(lambda m: (f"<p>{m.group(2)}</p>\n" if fold_labels else "") + m.group(3), body)
    text = _ICON_SPAN.sub(r":material/\1:", text)
    text = re.sub(r"<table>.*?</table>\n?", _table_as_markdown, text, flags=re.S)
    text = re.sub(r"<ol>.*?</ol>\n?", _numbered, text, flags=re.S)
    text = re.sub(r"<li>(.*?)</li>", r"- \1", text, flags=re.S)
    text = re.sub(r"<h([1-6])>", lambda m: "#" * int(m.group(1)) + " ", text)
    text = re.sub(r"</(?:h[1-6]|p|ul)>\n?", "\n\n", text)
    text = re.sub(r"</?strong>", "**", text)
    text = re.sub(r"</?em>", "*", text)
    text = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>', r"[\2](\1)", text, flags=re.S)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(_TAG.sub("", text))).strip()


def texts(node: Any, *, fold_labels: bool = True) -> list[str]:
    """Every text a part of the page shows (`st.markdown`, and HTML from explainer_ui.text.show
    written back as Markdown by `as_markdown`), in page order. Style sheets and scripts are left out."""
    found = []
    for child in getattr(node, "children", {}).values():
        kind = getattr(child, "type", "")
        if kind == "markdown":
            found.append(child.value)
        elif kind == "html" and not child.proto.body.lstrip().startswith(("<style", "<script")):
            found.append(as_markdown(child.proto.body, fold_labels=fold_labels))
        else:
            found += texts(child, fold_labels=fold_labels)
    return found


def all_text(at: AppTest) -> str:
    parts = texts(at.main, fold_labels=False) + texts(at.sidebar, fold_labels=False)
    parts += [t.value for t in at.title] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [e.label for e in at.expander] + [f.label for f in folds(at.main)]  # labels last, one a line
    return "\n".join(parts)


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_ESCAPED = re.compile(r"\\(.)")


def markdown_tables(at: AppTest) -> list[pd.DataFrame]:
    """Every Markdown table the app shows (explainer.markup.table), read back as text: the first
    row is the header, the escapes are undone."""
    tables = []
    for block in texts(at.main) + texts(at.sidebar):
        lines = [line for line in block.splitlines() if line.startswith("|")]
        if len(lines) < 2 or not set(lines[1]) <= set("|- :"):
            continue
        rows = [[_ESCAPED.sub(r"\1", c).strip() for c in _CELL_SPLIT.split(line)[1:-1]] for line in lines]
        tables.append(pd.DataFrame(rows[2:], columns=rows[0]))
    return tables
