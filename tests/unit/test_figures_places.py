"""The places and numbers files: read calmly, every problem named by file, row and field."""

import shutil

import pytest

from explainer.content import CONTENT_DIR
from explainer.figures import places as P
from explainer.readability import MAX_GRADE, grade


@pytest.fixture
def folder(tmp_path):
    for name in P.FILES:
        shutil.copy(CONTENT_DIR / name, tmp_path / name)
    return tmp_path


def test_the_shipped_files_have_no_problems(content):
    places = P.read_places()
    assert places.problems == ()
    assert P.place_problems(content, places) == []
    assert {c.id for c in content.causes} <= {p.cause_id for p in places.spine}
    assert {s.id for s in content.symptoms} <= {p.symptom_id for p in places.body}


def test_every_cause_has_a_confirmed_row(content):
    places = P.read_places()
    assert not [p.cause_id for p in places.spine if p.pending]  # the ids are confirmed: no pending block
    assert {p.cause_id for p in places.spine} == {c.id for c in content.causes}


def test_a_marked_block_of_new_ids_is_not_a_problem(content, folder):
    path = folder / P.SPINE_PLACES
    path.write_text(
        path.read_text(encoding="utf-8") + "# --- likely new\nnot_yet_a_cause,canal,Note\n", encoding="utf-8"
    )
    places = P.read_places(folder)
    assert [p.cause_id for p in places.spine if p.pending] == ["not_yet_a_cause"]
    assert P.place_problems(content, places) == []


def test_labels_and_notes_read_at_grade_8(content):
    places = P.read_places()
    texts = [p.description for p in places.parts] + [p.note for p in places.spine] + [p.place for p in places.body]
    for text in texts:
        assert grade(text) <= MAX_GRADE, text
    assert all(len(p.label) <= 40 for p in places.parts)


def test_a_missing_file_is_a_problem_not_a_crash(folder):
    (folder / P.BODY_PLACES).unlink()
    places = P.read_places(folder)
    assert places.body == () and len(places.parts) > 0
    assert [p.file for p in places.problems] == [P.BODY_PLACES]
    assert "missing" in places.problems[0].message


def test_a_bad_cell_names_file_row_and_field(folder):
    path = folder / P.BODY_PLACES
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].rsplit(",", 2)[0] + ",left,0.7"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    places = P.read_places(folder)
    (problem,) = places.problems
    assert (problem.file, problem.row, problem.field) == (P.BODY_PLACES, 3, "x")
    assert "number" in problem.message
    assert len(places.body) == len(lines) - 2  # the other rows are kept


def test_duplicate_and_unknown_ids(folder, content):
    path = folder / P.SPINE_PLACES
    text = path.read_text(encoding="utf-8").replace("scar_tissue,nerve_root_l5", "scar_tissue,no_such_part", 1)
    text = text.replace("nerve_damage,", "scar_tissue,", 1)
    lines = text.splitlines()
    lines.insert(2, "not_a_cause,disc_l4_l5,Somewhere")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    places = P.read_places(folder)
    messages = [str(p) for p in places.problems]
    assert any("already used in row" in m and "cause_id" in m for m in messages)
    assert any("no_such_part" in m for m in messages)
    linked = [str(p) for p in P.place_problems(content, places)]
    assert any("not_a_cause" in m for m in linked)
    assert any("nerve_damage" in m and "no row" in m for m in linked)


def test_a_renamed_column_is_named(folder):
    path = folder / P.SPINE_PARTS
    path.write_text(path.read_text(encoding="utf-8").replace("label,", "name,", 1), encoding="utf-8")
    places = P.read_places(folder)
    assert places.parts == ()
    fields = {p.field for p in places.problems}
    assert {"label", "name"} <= fields


def test_a_number_without_evidence_needs_its_count(folder):
    path = folder / P.TREATMENT_NUMBERS
    path.write_text(path.read_text(encoding="utf-8").replace(",With a stimulator,32,", ",With a stimulator,,"), "utf-8")
    places = P.read_places(folder)
    assert len(places.problems) == 1 and places.problems[0].file == P.TREATMENT_NUMBERS
    assert "count" in places.problems[0].message


def test_not_utf8_is_a_calm_problem(folder):
    (folder / P.SPINE_PARTS).write_bytes(b"id,order\n\xff\xfe,1\n")
    places = P.read_places(folder)
    assert places.parts == ()
    assert "UTF-8" in places.problems[0].message
