"""`python -m explainer.check`: what a maintainer runs after editing content/."""

import re
from pathlib import Path

from explainer.content import load_content
from tests.support.commands import run_check
from tests.support.csv_edit import put_cell

SUMMARY = re.compile(
    r"^Content OK: (\d+) causes, (\d+) symptoms, (\d+) treatments, (\d+) links, "
    r"(\d+) references, (\d+) glossary terms, (\d+) prose blocks\.$"
)


def test_real_content_passes_with_a_one_line_summary(content):
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    *warnings, last = result.stdout.splitlines()
    assert [w for w in warnings if not w.startswith("warning: settings.csv")] == []  # only setting warnings
    assert len(warnings) == len(content.warnings)
    match = SUMMARY.match(last)
    assert match, last
    counts = [int(n) for n in match.groups()]
    expected = [
        len(content.causes),
        len(content.symptoms),
        len(content.treatments),
        len(content.links),
        len(content.references),
        len(content.glossary),
        len(content.prose),
    ]
    assert counts == expected
    assert len(content.article_causes) == 11  # the article's causes
    assert counts[3] == counts[1] * counts[2]  # every treatment-symptom pair


def test_content_option_and_environment_variable(content_copy):
    assert run_check("--content", str(content_copy)).returncode == 0
    assert run_check(env={"EXPLAINER_CONTENT_DIR": str(content_copy)}).returncode == 0
    (content_copy / "causes.csv").unlink()
    assert run_check(env={"EXPLAINER_CONTENT_DIR": str(content_copy)}).returncode == 1


def break_several_files(folder: Path) -> None:
    """Three unrelated mistakes, as a person editing by hand makes them."""
    (folder / "questions.csv").unlink()
    put_cell(folder / "causes.csv", 1, "mechanism", "gremlins")
    glossary = folder / "glossary.csv"
    glossary.write_bytes(glossary.read_text(encoding="utf-8").replace("the", "thé", 1).encode("latin-1"))


def test_broken_copy_lists_every_problem_and_fails(content_copy):
    break_several_files(content_copy)
    result = run_check("--content", str(content_copy))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [str(p) for p in load_content(content_copy).problems]
    assert len(expected) >= 3
    assert lines[: len(expected)] == expected  # every problem, one per line, nothing else before
    text = result.stdout
    assert "questions.csv: the file is missing" in text
    assert re.search(r"causes\.csv, row 2, field 'mechanism': 'gremlins' is not a mechanism category", text)
    assert re.search(r"glossary\.csv, row \d+, field '\w+': the file is not UTF-8 text", text)
    assert "Content OK" not in text
    assert "problem(s)" in result.stderr


def test_missing_folder_fails(tmp_path):
    result = run_check("--content", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "does not exist" in result.stdout


def test_hard_prose_fails_the_readability_part(content_copy):
    intro = content_copy / "prose" / "start_intro.md"
    intro.write_text(
        "Notwithstanding multidisciplinary neurophysiological considerations, postoperative persistent "
        "radicular symptomatology necessitates comprehensive individualised biopsychosocial rehabilitation "
        "methodologies incorporating pharmacological interventions.\n",
        encoding="utf-8",
    )
    assert load_content(content_copy).is_ok("prose/start_intro.md")  # the loader itself is content
    result = run_check("--content", str(content_copy))
    assert result.returncode == 1
    line = r"^readability: prose/start_intro\.md reads at grade \d+\.\d; the limit is 8\.$"
    assert re.search(line, result.stdout, re.MULTILINE), result.stdout
