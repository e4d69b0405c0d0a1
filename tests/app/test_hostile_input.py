"""Hostile input: HTML in content is shown as text; any address leaves every page working;
the server configuration is locked down."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from streamlit.util import calc_hash

from explainer import sections, selection
from explainer.content import load_content
from tests.support.app import make_app
from tests.support.hostile import IMG, SCRIPT
from tests.support.paths import ROOT

PAGE_FOLDERS = sorted({Path(s.path).parts[0] for s in sections.SECTIONS})  # where the page scripts live
APP_SOURCES = sorted(
    [
        ROOT / "app.py",
        *(ROOT / "explainer").rglob("*.py"),
        *(ROOT / "explainer_ui").rglob("*.py"),
        *(p for d in PAGE_FOLDERS for p in (ROOT / d).rglob("*.py")),
    ]
)


@pytest.fixture(autouse=True)
def _fresh(fresh_caches):
    """Each test reads its own copy of the content (see tests/conftest.py)."""


# -- (a) HTML and script in content are text ----------------------------------------------


def test_html_in_content_is_refused_calmly_and_never_shown(hostile_copy):
    at = make_app().run()
    at.switch_page(sections.by_key("causes").path).run()
    assert not at.exception
    # The page says calmly that part of it is missing; the payload itself is never drawn as markdown.
    assert at.info and "content file has a mistake" in at.info[0].value
    assert not [m.value[:80] for m in at.markdown if SCRIPT in m.value or IMG in m.value]
    assert not [m.value[:80] for m in at.markdown if m.proto.allow_html]
    for element in at.get("html"):
        assert "alert(" not in element.proto.body
    # The maintainer's details name the file, the row and the field.
    details = " ".join(t.value for t in at.text)
    assert "causes.csv, row 2, field 'explanation'" in details


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def _name(func: ast.expr) -> str:
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    return ".".join(reversed(parts))


def _fixed_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _style_sheet(node: ast.expr) -> bool:
    """STYLES / "print.css": a fixed .css (or .html) file from the app's styles folder."""
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Div)
        and _name(node.left) == "STYLES"
        and _fixed_string(node.right)
        and str(getattr(node.right, "value", "")).endswith((".css", ".html"))
    )


def _rendered_markdown(node: ast.expr) -> bool:
    """markup.to_html(text) (or a fold of it): Markdown made into HTML by the app, raw HTML escaped;
    or the app's own drawing."""
    return (
        isinstance(node, ast.Call)
        and _name(node.func)
        in {
            "markup.to_html",
            "markup.fold_html",
            "markup.folds_html",
            "markup.boxes_html",
            "markup.table_html",
            "markup.table_fold_html",
            "markup.described_html",
            "markup.parts_html",
            "markup.blocks_html",
            "markup.picture_html",  # the app's own SVG drawing (its text escaped) and an escaped name
            "markup.image_html",  # the same, one drawing
        }
        and all(k.arg in {"remember", "expanded", "icon", "small"} for k in node.keywords)
    )


def html_violations(source: str, where: str) -> list[str]:
    """Ways a script could put raw HTML from content on a page."""
    found = []
    if "unsafe_allow_html" in source:
        found.append(f"{where} uses unsafe_allow_html")
    if "components.v1" in source or "components.html" in source:
        found.append(f"{where} embeds raw HTML with components")
    for call in _calls(ast.parse(source)):
        name = _name(call.func)
        if name.endswith((".html", ".iframe")) or name in {"html", "iframe"}:
            # Only fixed strings or the app's own style sheets (STYLES / "x.css"), never content.
            # A fixed script may run (unsafe_allow_javascript=True): the app's own text or files, never content.
            # Markdown made into HTML by markup.to_html (raw HTML escaped) may hold content, but never runs.
            args = [*call.args, *(k.value for k in call.keywords if k.arg != "unsafe_allow_javascript")]
            scripted = any(k.arg == "unsafe_allow_javascript" for k in call.keywords)
            if len(call.args) == 1 and not call.keywords and _rendered_markdown(call.args[0]):
                continue
            if scripted and any(_rendered_markdown(a) for a in args):
                found.append(f"{where}:{call.lineno} lets script run in rendered Markdown")
            elif not args or not all(_fixed_string(a) or _style_sheet(a) for a in args):
                found.append(f"{where}:{call.lineno} passes something other than a fixed string to {name}")
    return found


WARM = ROOT / "explainer_ui" / "warm.py"


def test_no_code_turns_html_on_or_feeds_content_to_st_html():
    assert len(APP_SOURCES) > 5
    # warm.py fills its fixed script with a file name of the installed Streamlit, checked below.
    scanned = [path for path in APP_SOURCES if path != WARM]
    found = [v for path in scanned for v in html_violations(path.read_text(encoding="utf-8"), str(path))]
    assert found == []


def test_the_plotly_warming_script_holds_nothing_but_streamlits_own_file_name():
    from explainer_ui import warm

    chunk = warm.plotly_chunk()
    assert chunk is not None and re.fullmatch(r"PlotlyChart\.[\w-]+\.js", chunk)
    script = warm._SCRIPT % {"chunk": chunk, "how": "import"}
    assert script.count(chunk) >= 1 and "{" not in chunk and "<" not in chunk
    assert "content" not in warm.__dict__ and "state" not in warm.__dict__  # nothing of a patient's reaches it


def test_the_source_scan_would_catch_a_violation():
    bad = (
        "import streamlit as st\n"
        "st.markdown(x, unsafe_allow_html=True)\n"
        'st.html(content.prose["a"])\n'
        'st.html(f"<b>{cause.name}</b>")\n'
        'st.html("<style>p {}</style>")\n'
        'st.html(STYLES / "print.css")\n'
        "st.html(STYLES / name)\n"
        "st.html(markup.to_html(content.prose['a']))\n"
        "st.html(markup.to_html(text), unsafe_allow_javascript=True)\n"
        "st.html(markup.to_html(text) + tail)\n"
    )
    found = html_violations(bad, "bad.py")
    assert len(found) == 6, found
    assert "bad.py:3" in found[1] and "bad.py:4" in found[2] and "bad.py:7" in found[3]
    assert "bad.py:9" in found[4] and "bad.py:10" in found[5]


# -- (b) Any address leaves every page working -----------------------------------------------


def _known_keys() -> list[str]:
    """Every query key the app might read: declared in explainer.selection, bound widgets,
    literal st.query_params lookups, plus keys people and tools commonly add."""
    keys = {*selection.KINDS, selection.CONSULT, "page", "embed", "embed_options", "utm_source", "fbclid"}
    for path in APP_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree):
            kwargs = {k.arg: k.value for k in call.keywords}
            bind, key = kwargs.get("bind"), kwargs.get("key")
            if isinstance(bind, ast.Constant) and bind.value == "query-params" and isinstance(key, ast.Constant):
                keys.add(str(key.value))
            if _name(call.func).endswith("query_params.get") and call.args and isinstance(call.args[0], ast.Constant):
                keys.add(str(call.args[0].value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Subscript)
                and _name(node.value).endswith("query_params")
                and isinstance(node.slice, ast.Constant)
            ):
                keys.add(str(node.slice.value))
    return sorted(keys)


KNOWN_KEYS = _known_keys()
_content = load_content()
KNOWN_IDS = sorted(
    {row.id for file in ("causes.csv", "symptoms.csv", "treatments.csv") for row in _content.rows(file)}
    | {c.id for c in _content.rows("categories.csv")}
)
ODD = ["", " ", ",", ",,,", ";", "&", "=", "?", "#", "%", "%00", "%%", "\x00", "\n", "\t", "../../etc/passwd",
       "<script>alert(1)</script>", "' OR 1=1 --", "1", "0", "true", "yes", "off", "-1", "1e309", "NaN", "null",
       "None", "[]", "{}", "🩺", "é", "\u202e", "\ufeff", "ＡＢＣ", "a" * 5000]  # fmt: skip

text = hs.text(alphabet=hs.characters(exclude_categories=("Cs",)), max_size=60)
long_text = hs.text(alphabet=hs.characters(exclude_categories=("Cs",)), min_size=1000, max_size=5000)
value = hs.one_of(
    text,
    hs.sampled_from(ODD),
    hs.sampled_from(KNOWN_IDS),
    hs.lists(hs.sampled_from(KNOWN_IDS + ODD[:12]), max_size=6).map(",".join),
    long_text,
)
key = hs.one_of(hs.sampled_from(KNOWN_KEYS), text, hs.sampled_from(ODD))
query = hs.dictionaries(key, hs.one_of(value, hs.lists(value, min_size=2, max_size=4)), max_size=6)

# Ten addresses per page keeps the file under a minute; FUZZ_EXAMPLES=200 for a deeper run.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def deep_link(section: sections.Section, params: dict):
    """A session whose very first run is this page with this address, like a link from an e-mail."""
    at = make_app()
    for k, v in params.items():
        at.query_params[k] = v
    # AppTest has no public deep link: ask for the page's navigation hash (st.Page hashes
    # its url_path) as switch_page would after a first run.
    at._page_hash = calc_hash(section.url_path)
    return at.run()


def test_deep_link_helper_lands_on_the_page():
    for section in sections.SECTIONS:
        at = deep_link(section, {})
        assert [t.value for t in at.title] == [section.title], section.key


@pytest.mark.parametrize("section", sections.SECTIONS, ids=lambda s: s.key)
@FUZZ
@given(params=query)
def test_any_address_leaves_every_page_working(section, params):
    at = deep_link(section, params)
    assert not at.exception, (params, [e.value for e in at.exception])
    assert [t.value for t in at.title] == [section.title], params
    assert not at.error, [e.value for e in at.error]
    # A second run in the same session (a click) with whatever the app made of the address.
    at.run()
    assert not at.exception, (params, [e.value for e in at.exception])
    assert [t.value for t in at.title] == [section.title]


def test_app_code_writes_nothing_to_disk():
    """Nothing a patient picks is written anywhere: no file, database or log writes in the app."""
    writes = re.compile(
        r"\bopen\([^)]*['\"][wax+]|\.write_text\(|\.write_bytes\(|\.to_csv\(|\.to_excel\(|sqlite3|shelve|pickle\.dump"
        r"|logging\.|\.to_parquet\(|\.mkdir\("
    )
    for path in APP_SOURCES:
        if path.name in {"check.py", "review_pack.py"}:  # the maintainer's commands, never run by the app
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert not writes.search(line), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
