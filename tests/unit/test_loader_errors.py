"""Broken content gives a message naming the file, the row and the field, and breaks only
what depends on the broken file."""

import pytest

from explainer.content import MAX_FILE_BYTES, load_content
from tests.support.csv_edit import drop_column, edit_rows, put_cell, set_cell


def only(problems, file):
    found = [p for p in problems if p.file == file]
    assert found, f"expected a problem in {file}, got {problems}"
    return found


def test_missing_file(content_copy):
    (content_copy / "causes.csv").unlink()
    c = load_content(content_copy)
    [problem] = only(c.problems, "causes.csv")
    assert "missing" in str(problem)
    assert c.causes == ()
    # Pages that do not need causes keep their content.
    assert c.treatments and c.is_ok("treatments.csv", "symptoms.csv")


def test_empty_file(content_copy):
    (content_copy / "glossary.csv").write_text("", encoding="utf-8")
    c = load_content(content_copy)
    assert "empty" in str(only(c.problems, "glossary.csv")[0])
    assert c.is_ok("causes.csv")


def test_renamed_column(content_copy):
    put_cell(content_copy / "causes.csv", 0, "explanation", "explaination")
    messages = [str(p) for p in only(load_content(content_copy).problems, "causes.csv")]
    assert any("row 1, field 'explanation': this column is missing" in m for m in messages)
    assert any("field 'explaination': unknown column" in m for m in messages)


def test_duplicate_id(content_copy):
    def edit(rows):
        rows[3][0] = rows[2][0]

    edit_rows(content_copy / "treatments.csv", edit)
    [problem] = only(load_content(content_copy).problems, "treatments.csv")
    assert problem.row == 4 and problem.field == "id"
    assert "already used in row 3" in problem.message


def test_source_id_that_points_nowhere(content_copy):
    put_cell(content_copy / "symptoms.csv", 5, "source_ids", "weir2017;no_such_paper")
    [problem] = only(load_content(content_copy).problems, "symptoms.csv")
    assert (problem.row, problem.field) == (6, "source_ids")
    assert "'no_such_paper' is not in references.csv" in problem.message


def test_unknown_category(content_copy):
    put_cell(content_copy / "causes.csv", 2, "mechanism", "gremlins")
    [problem] = only(load_content(content_copy).problems, "causes.csv")
    assert (problem.row, problem.field) == (3, "mechanism")
    assert "'gremlins' is not a mechanism category" in problem.message
    assert "nerve_pressure" in problem.message  # lists what is allowed


def test_value_not_allowed(content_copy):
    put_cell(content_copy / "treatment_symptom_links.csv", 1, "aim", "maybe")
    [problem] = only(load_content(content_copy).problems, "treatment_symptom_links.csv")
    assert (problem.row, problem.field) == (2, "aim")
    assert "'maybe' is not allowed; use one of: 'main', 'may' or 'not'" in problem.message


def test_link_to_unknown_treatment(content_copy):
    put_cell(content_copy / "treatment_symptom_links.csv", 1, "treatment_id", "leeches")
    messages = [str(p) for p in only(load_content(content_copy).problems, "treatment_symptom_links.csv")]
    assert messages == [
        "treatment_symptom_links.csv, row 2, field 'treatment_id': treatment 'leeches' is not in treatments.csv."
    ]


def test_missing_treatment_symptom_pair(content_copy):
    def edit(rows):
        del rows[5]

    edit_rows(content_copy / "treatment_symptom_links.csv", edit)
    [problem] = only(load_content(content_copy).problems, "treatment_symptom_links.csv")
    assert "every pair needs one" in problem.message


def test_wrong_encoding(content_copy):
    path = content_copy / "questions.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace("you", "yöu").encode("latin-1"))
    [problem] = only(load_content(content_copy).problems, "questions.csv")
    assert "not UTF-8" in problem.message and "CSV UTF-8" in problem.message


def test_invalid_csv_syntax(content_copy):
    path = content_copy / "red_flags.csv"
    path.write_text(path.read_text(encoding="utf-8") + 'extra,1,other,"an unclosed quote\n', encoding="utf-8")
    problems = only(load_content(content_copy).problems, "red_flags.csv")
    assert any("not valid CSV" in p.message or "cells" in p.message for p in problems)


def test_row_with_a_stray_comma(content_copy):
    path = content_copy / "red_flags.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra,99,other,a sign,weir2017,oops\n", encoding="utf-8")
    [problem] = only(load_content(content_copy).problems, "red_flags.csv")
    assert "6 cells but the header has 5" in problem.message


def test_enormous_file(content_copy):
    (content_copy / "emotions.csv").write_text("x" * (MAX_FILE_BYTES + 1), encoding="utf-8")
    [problem] = only(load_content(content_copy).problems, "emotions.csv")
    assert "must be under" in problem.message


def test_not_a_number(content_copy):
    put_cell(content_copy / "evidence.csv", 1, "group_a_count", "lots")
    [problem] = only(load_content(content_copy).problems, "evidence.csv")
    assert (problem.row, problem.field) == (2, "group_a_count")
    assert "'lots' is not a whole number" in problem.message


def test_empty_required_cell(content_copy):
    put_cell(content_copy / "glossary.csv", 1, "meaning", "   ")
    [problem] = only(load_content(content_copy).problems, "glossary.csv")
    assert (problem.row, problem.field) == (2, "meaning")
    assert "empty" in problem.message


def test_prose_citation_that_points_nowhere(content_copy):
    path = content_copy / "prose" / "start_intro.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA claim [ref:made_up].\n", encoding="utf-8")
    c = load_content(content_copy)
    [problem] = only(c.problems, "prose/start_intro.md")
    assert "'made_up' is not in references.csv" in problem.message
    assert "start_intro" not in c.prose
    assert "start_names" in c.prose


def test_bad_date_in_settings(content_copy):
    def edit(rows):
        for row in rows:
            if row[0] == "review_date":
                row[1] = "last Tuesday"

    edit_rows(content_copy / "settings.csv", edit)
    [problem] = only(load_content(content_copy).problems, "settings.csv")
    assert problem.field == "review_date" and "YYYY-MM-DD" in problem.message
    assert problem.row is not None  # the line of the review_date row


def test_broken_references_break_everything_that_cites(content_copy):
    (content_copy / "references.csv").unlink()
    c = load_content(content_copy)
    assert c.broken("references.csv")


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onclick=x>hi</b>"])
def test_html_in_content_is_refused_by_file_row_and_field(content_copy, text):
    put_cell(content_copy / "causes.csv", 1, "explanation", text)
    c = load_content(content_copy)
    found = [p for p in c.problems if p.file == "causes.csv"]
    assert found and all((p.row, p.field) == (2, "explanation") for p in found)
    assert all("HTML" in p.message for p in found)
    assert c.is_ok("symptoms.csv", "treatments.csv")  # the rest of the content still loads


@pytest.mark.parametrize("file", ["treatments.csv", "symptoms.csv"])
def test_an_old_short_name_column_is_ignored_with_a_warning(content_copy, file):
    """`short_name` is gone (one name everywhere): an old file that still has it loads, its
    abbreviations are never shown, and the check tells the maintainer to delete the column."""

    def add_short_names(rows):
        at = rows[0].index("name") + 1
        rows[0].insert(at, "short_name")
        for row in rows[1:]:
            row.insert(at, "Old abbreviation")

    edit_rows(content_copy / file, add_short_names)
    c = load_content(content_copy)
    assert [p for p in c.problems if p.file == file] == []
    rows = c.treatments if file == "treatments.csv" else c.symptoms
    assert rows and all(not hasattr(r, "short_name") for r in rows)
    [warning] = [w for w in c.warnings if w.file == file]
    assert (warning.row, warning.field) == (1, "short_name")
    assert "no longer used" in warning.message and "`name` everywhere" in warning.message


def test_an_empty_recovery_cell_names_the_file_row_and_field(content_copy):
    line = set_cell(content_copy, "treatments.csv", "epidural_steroid", "recovery", " ")
    c = load_content(content_copy)
    [problem] = only(c.problems, "treatments.csv")
    assert (problem.row, problem.field) == (line, "recovery")
    assert str(problem) == f"treatments.csv, row {line}, field 'recovery': this cell is empty but must be filled in."
    assert c.treatments == ()  # a file with a problem is not shown half-checked


def test_a_missing_recovery_column_or_an_unknown_basis_is_named(content_copy):
    line = set_cell(content_copy, "treatments.csv", "nsaids", "recovery_basis", "hunch")
    [problem] = only(load_content(content_copy).problems, "treatments.csv")
    assert (problem.row, problem.field) == (line, "recovery_basis")
    assert "'hunch' is not allowed" in problem.message and "'expert_view'" in problem.message
    drop_column(content_copy, "treatments.csv", "recovery")
    messages = [str(p) for p in only(load_content(content_copy).problems, "treatments.csv")]
    assert "treatments.csv, row 1, field 'recovery': this column is missing (or was renamed)." in messages


def test_the_id_kept_for_no_further_treatment_is_refused_for_a_treatment(content_copy):
    line = set_cell(content_copy, "treatments.csv", "nsaids", "id", "none")
    [problem] = only(load_content(content_copy).problems, "treatments.csv")
    assert (problem.row, problem.field) == (line, "id")
    assert "'none' is kept for 'No further treatment'" in problem.message
