"""The whole app over broken content: it starts, the page that needs the broken file says so
calmly (naming the file, row and field for the maintainer), and a page that does not need it
keeps its title and its content. Run through app.py with AppTest, one broken copy per case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit as st

from explainer import sections
from explainer.content import MAX_FILE_BYTES, cite, load_content
from tests.support.app import all_text, make_app, texts
from tests.support.csv_edit import edit_rows

MAINTAINER = "Details for the clinic's content maintainer"


# -- Ways a person breaks a file ------------------------------------------------------------


def invalid_syntax(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ',"a quoted"word,', 1)  # text after a closing quote
    path.write_text("".join(lines), encoding="utf-8")


def rename_column(old: str, new: str) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        edit_rows(path, lambda rows: rows[0].__setitem__(rows[0].index(old), new))

    return apply


def drop_column(name: str) -> Callable[[Path], None]:
    def apply(path: Path) -> None:
        def edit(rows):
            index = rows[0].index(name)
            for row in rows:
                del row[index]

        edit_rows(path, edit)

    return apply


def empty(path: Path) -> None:
    path.write_text("", encoding="utf-8")


def delete(path: Path) -> None:
    path.unlink()


def duplicate_id(path: Path) -> None:
    def edit(rows):
        rows[3][rows[0].index("id")] = rows[2][rows[0].index("id")]

    edit_rows(path, edit)


def set_cell(row: int, column: str, value: str) -> Callable[[Path], None]:
    """row is the spreadsheet row (the header is row 1)."""

    def apply(path: Path) -> None:
        def edit(rows):
            rows[row - 1][rows[0].index(column)] = value

        edit_rows(path, edit)

    return apply


def latin1(path: Path) -> None:
    def edit(rows):
        rows[1][-1] = rows[1][-1] + " (Clinique Sainte-Thérèse)"

    edit_rows(path, edit)
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def enormous(path: Path) -> None:
    """A pasted export: the real rows again and again, well over the size limit."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]
    copies = MAX_FILE_BYTES // max(len(body), 1) + 2
    path.write_text(text + body * copies, encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    breakage: Callable[[Path], None]
    page: str  # a page that needs the file
    other: str | None  # a page that does not
    row: int | None = None  # what the maintainer's message must point at
    field: str | None = None
    words: str = ""


CASES = [
    Case("invalid-csv-syntax", "causes.csv", invalid_syntax, "causes", "treatments", words="not valid CSV"),
    Case(
        "renamed-column",
        "treatments.csv",
        rename_column("what_it_is", "what it is"),
        "treatments",
        "causes",
        row=1,
        field="what_it_is",
        words="missing",
    ),
    Case(
        "missing-column",
        "evidence.csv",
        drop_column("uncertainty"),
        "evidence",
        "spine",
        row=1,
        field="uncertainty",
        words="missing",
    ),
    Case("empty-file", "questions.csv", empty, "next_steps", "evidence", words="empty"),
    Case("deleted-file", "evidence.csv", delete, "evidence", "start", words="missing"),
    Case("duplicate-id", "symptoms.csv", duplicate_id, "symptoms", "causes", row=4, field="id", words="unique"),
    Case(
        "dangling-source-id",
        "emotions.csv",
        set_cell(3, "source_ids", "no_such_paper"),
        "symptoms",
        "evidence",
        row=3,
        field="source_ids",
        words="'no_such_paper' is not in references.csv",
    ),
    Case(
        "dangling-link-id",
        "treatment_symptom_links.csv",
        set_cell(2, "treatment_id", "leeches"),
        "aims",
        "symptoms",
        row=2,
        field="treatment_id",
        words="'leeches' is not in treatments.csv",
    ),
    Case(
        "unknown-category",
        "causes.csv",
        set_cell(3, "mechanism", "gremlins"),
        "causes",
        "symptoms",
        row=3,
        field="mechanism",
        words="'gremlins' is not a mechanism category",
    ),
    Case("wrong-encoding-latin1", "settings.csv", latin1, "about", "start", words="not UTF-8"),
    Case("enormous-file", "treatment_symptom_links.csv", enormous, "aims", "causes", words="must be under"),
    Case("deleted-references", "references.csv", delete, "start", None, words="missing"),
]


# -- Running the app ------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh(fresh_caches):
    """Each test reads its own copy of the content (see tests/conftest.py)."""


def open_section(key: str):
    section = sections.by_key(key)
    at = make_app()
    at.run()
    if section != sections.FIRST:
        at.switch_page(section.path).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def maintainer_text(at) -> list[str]:
    return [line for e in at.main.expander if e.label == MAINTAINER for t in e.text for line in t.value.splitlines()]


def calm_note_shown(at) -> bool:
    return any("content file has a mistake" in i.value for i in at.main.info)


def test_every_case_is_about_real_pages_and_files():
    """The map above is checked against what the sections declare, so it cannot go stale quietly."""
    from explainer.schema import TABLES

    for case in CASES:
        assert case.file in TABLES, case.id
        assert case.file in sections.by_key(case.page).needs, f"{case.page} does not need {case.file}"
        if case.other:
            assert case.file not in sections.by_key(case.other).needs, f"{case.other} needs {case.file}"


def prose_shown(at, content) -> set[str]:
    """The prose blocks whose first line this page shows."""
    markdown = "\n".join(texts(at.main))
    return {name for name, text in content.prose.items() if cite(text, content).splitlines()[0] in markdown}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_broken_file_is_explained_where_needed_and_nowhere_else(case, content_copy, monkeypatch):
    healthy = load_content(content_copy)
    prose_before = prose_shown(open_section(case.other), healthy) if case.other else set()
    st.cache_resource.clear()
    case.breakage(content_copy / case.file)
    problems = load_content(content_copy).broken(case.file)
    assert problems, f"{case.id}: the loader found nothing wrong"
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))

    # The page that needs the file: a calm note, and the details for the maintainer.
    at = open_section(case.page)
    assert calm_note_shown(at), [i.value for i in at.info]
    details = maintainer_text(at)
    assert details, "no maintainer details"
    for problem in problems[:50]:
        assert str(problem) in details
    assert any(line.startswith(case.file) for line in details)
    if case.row is not None:
        assert any(f"{case.file}, row {case.row}" in line for line in details), details
    if case.field is not None:
        assert any(f"field '{case.field}'" in line for line in details), details
    assert any(case.words in line for line in details), details
    # The sidebar still works and says something is hidden.
    assert any(b.label.endswith("Words explained") for b in at.sidebar.button)
    assert any("Content check:" in t for t in texts(at.sidebar))

    # A page that does not need the file: its title and its content, no note.
    if case.other is None:
        return
    section = sections.by_key(case.other)
    at = open_section(case.other)
    assert [t.value for t in at.main.title] == [section.title]
    assert not calm_note_shown(at)
    assert not maintainer_text(at)
    content = load_content(content_copy)
    for block in prose_before:
        assert block in prose_shown(at, content), f"{section.key}: prose '{block}' is missing"
    assert len(texts(at.main)) + len(at.main.header) >= 2  # more than a title


def test_broken_prose_block_is_explained_in_place(content, content_copy, monkeypatch):
    """A prose file only hides its own block: the rest of its page still shows."""
    (content_copy / "prose" / "causes_intro.md").unlink()
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))
    at = open_section("causes")
    assert [t.value for t in at.main.title] == [sections.by_key("causes").title]
    assert calm_note_shown(at)
    assert any("prose/causes_intro.md: the file is missing" in line for line in maintainer_text(at))
    assert at.get("plotly_chart"), "the causes chart should still be drawn"
    shown = all_text(at)
    assert all(c.name in shown for c in content.causes)  # every cause still listed


@pytest.mark.parametrize("section", sections.SECTIONS, ids=lambda s: s.key)
def test_every_page_survives_an_empty_content_folder(section, tmp_path, monkeypatch):
    """Nothing there at all (a wrong EXPLAINER_CONTENT_DIR): every page explains, none crashes."""
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(tmp_path))
    at = open_section(section.key)
    assert calm_note_shown(at)
    assert any("references.csv: the file is missing" in line for line in maintainer_text(at))
