"""Issue 15, M4-M6 and point 3/4: content cannot inject markup, and one content mistake costs one
fact. explainer/markup.py and explainer/files.py on their own, then through load_content, the
check command (no traceback) and the app (AppTest through app.py)."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer import files, markup
from explainer.content import cite, load_content
from tests.support.commands import run_check
from tests.support.paths import ROOT

# -- markup on its own ----------------------------------------------------------------------

FORBIDDEN = {
    "![A spine](https://evil.example/pixel.png)": "image",
    "![scan](http://192.0.2.1/track.gif)": "image",
    "![local](/app/static/x.png)": "image",  # no pictures from content text at all
    "![x][1]": "image",
    "[Log in](https://ev.il/)": "link",
    "[p](//ev.il/p.png)": "link",
    "[x](javascript:alert(1))": "link",
    "[d](data:text/html;base64,PHNjcmlwdD4=)": "link",
    "[w](www.ev.il)": "link",
    "<https://ev.il/>": "link",
    "<iframe src=https://ev.il>": "html",
    "<img src=x onerror=alert(1)>": "html",
    "<!-- a note -->": "html",
    "</div>": "html",
    "go to https://ev.il/page now": "address",
    "see www.ev.il": "address",
    "ftp://ev.il/file": "address",
}
ALLOWED = [
    "Plain words, **bold**, *italic*, 3 < 5 and 7 > 2, and/or, at 10:30.",
    "A citation [ref:weir2017] and two [ref:a; b].",
    "Go to [Symptoms](/symptoms), [the top](#top) or [the filter](treatment-aims).",
    "Call [the clinic](tel:+441234567890) or [write](mailto:clinic@example.org).",
    "- a list\n- of things\n\n## A heading",
]


@pytest.mark.parametrize(("text", "kind"), FORBIDDEN.items())
def test_forbidden_markup_is_found_and_neutralised(text, kind):
    found = markup.findings(f"Some words. {text} More words.")
    assert [f.kind for f in found] == [kind]
    assert found[0].line == 1 and found[0].column == len("Some words. ") + text.index(found[0].snippet) + 1
    safe = markup.neutralise(text)
    assert "](" not in safe.replace("\\]\\(", ""), "no live link or image left"
    assert re.search(r"(?<!\\)<", safe) is None, "every '<' is shown as text"
    assert re.search(r"(?<!\\):/", safe) is None, "no address the browser would follow"


def test_reference_style_definitions_are_links():
    text = "See [the site][1].\n\n[1]: http://ev.il/p.png\n"
    assert [f.kind for f in markup.findings(text)] == ["link"]
    assert "ev.il" not in markup.neutralise(text)


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed_markup_is_left_alone(text):
    assert markup.findings(text) == []
    assert markup.neutralise(text) == text


def test_findings_give_line_and_column():
    [finding] = markup.findings("line one\nline two has ![x](https://e.x/p)\n")
    assert (finding.line, finding.column) == (2, len("line two has ") + 1)


def test_escape_shows_any_text_as_typed():
    for text in ["![](https://ev.il/x)", "[Log in](https://ev.il)", ":red[alarm] *x* `y` <b>"]:
        assert "](" not in markup.escape(text)
        assert "https://" not in markup.escape(text)


def test_table_keeps_every_cell_in_its_column_and_shows_it_as_typed():
    rows = [["a | b", "line\none", "[x](https://ev.il) **y**"], [None, float("nan"), 21]]
    text = markup.table(["Name", "When", "Note"], rows)
    lines = text.split("\n")
    assert len(lines) == 2 + len(rows)  # header, separator, one line per row: a break in a cell is a space
    unescaped_pipe = re.compile(r"(?<!\\)\|")
    assert all(len(unescaped_pipe.findall(line)) == 4 for line in lines), lines
    assert lines[1] == "| --- | --- | --- |"
    assert "](" not in text and "**" not in text.replace("\\*", "")
    assert "line one" in text.replace("\\", "")
    assert re.fullmatch(r"\|\s+\|\s+\|\s*21\s*\|", lines[3]), lines[3]  # None and NaN: empty cells


HOSTILE_HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://ev.il></iframe>",
    "<style>body { display: none }</style>",
    "<!-- a note -->",
]


@pytest.mark.parametrize("text", HOSTILE_HTML)
def test_to_html_shows_raw_html_as_text(text):
    made = markup.to_html(f"Some words {text} more words.")
    assert made.count("<") == made.count("<p>") + made.count("</p>"), made  # only its own paragraph tags
    assert html.unescape(re.sub(r"</?p>", "", made)).strip() == f"Some words {text} more words."


@pytest.mark.parametrize("target", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"])
def test_to_html_leaves_script_links_as_text(target):
    made = markup.to_html(f"[click]({target})")
    assert "<a" not in made and "href" not in made


def test_to_html_draws_no_image_from_any_address():
    made = markup.to_html("![A spine](https://ev.il/pixel.png) and ![x](/app/static/x.png)")
    assert "<img" not in made and "src=" not in made


def test_to_html_keeps_the_markdown_the_app_writes():
    made = markup.to_html(
        "#### :material/warning: GO NOW: heading\n\n**What to do:** call *999*.\n\n- one\n- two\n\n"
        + markup.table(["a | b", "c"], [["x", "[y](https://ev.il)"]])
        + "\n\nSee [record](https://pubmed.ncbi.nlm.nih.gov/1/) or [the top](#top)."
    )
    assert '<h4><span class="icon" aria-hidden="true">warning</span> GO NOW: heading</h4>' in made
    assert "<strong>What to do:</strong> call <em>999</em>." in made
    assert "<li>one</li>" in made and "<li>two</li>" in made
    assert "<th>a | b</th>" in made and "<td>[y](https://ev.il)</td>" in made  # a table cell as typed
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/1/" target="_blank" rel="noopener noreferrer">record</a>' in made
    assert '<a href="#top">the top</a>' in made  # a link on the page stays in the tab
    assert markup.to_html("**x**", remember=True) == markup.to_html("**x**") == "<p><strong>x</strong></p>\n"


def test_to_html_icon_only_from_the_icon_syntax():
    assert "icon" not in markup.to_html("\\:material/warning\\: and :material/<b>x</b>:")
    assert 'class="icon"' not in markup.to_html("\ue000warning\ue001")  # its private marks are never typed


# -- markup in the content ------------------------------------------------------------------


def rewrite(path: Path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def test_image_in_prose_is_reported_by_file_row_and_field(content_copy):
    path = content_copy / "prose" / "start_intro.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n\n![A spine](https://evil.example/pixel.png)\n")
    c = load_content(content_copy)
    [problem] = c.broken("prose/start_intro.md")
    assert problem.field == "text" and problem.row and problem.row > 1
    assert "image" in problem.message
    assert "start_intro" not in c.prose, "the block is not shown"
    assert c.is_ok("causes.csv"), "other files keep working"


@pytest.mark.parametrize(
    ("file", "column", "value"),
    [
        ("causes.csv", "explanation", "Scar tissue ![scan](http://192.0.2.1/track.gif)"),
        ("treatments.csv", "name", "Physio [more](https://ev.il)"),
        ("glossary.csv", "meaning", "A nerve <img src=https://ev.il/p>"),
        ("questions.csv", "question", "Is www.ev.il right for me?"),
    ],
)
def test_markup_in_a_cell_is_reported(content_copy, file, column, value):
    def edit(rows):
        rows[2][rows[0].index(column)] = value

    rewrite(content_copy / file, edit)
    problems = [p for p in load_content(content_copy).problems if p.file == file]
    assert [(p.row, p.field) for p in problems] == [(3, column)], problems


def test_reference_url_fields_are_addresses_by_design(content):
    assert not [p for p in content.problems if p.file == "references.csv"]
    assert any(r.url for r in content.references)


def test_cite_is_a_run_time_backstop(content):
    text = "Words [ref:weir2017] ![x](https://ev.il/p.png) [Log in](https://ev.il)"
    shown = cite(text, content)
    assert "https://" not in shown and "](" not in shown
    assert "(Weir 2017)" in shown or "(weir2017)" in shown.lower()


# -- reading files ----------------------------------------------------------------------------


def _cp1252(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp1252"))


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "encoding_char"),
    [
        ("causes.csv", 4, "explanation", "Café pain: Müller", "é"),
        ("symptoms.csv", 3, "name", "Niño ache", "ñ"),
        ("glossary.csv", 5, "meaning", "A nerve ‘word’", "‘"),
    ],
)
def test_old_encoding_names_row_column_and_field(content_copy, file, row, column, value, encoding_char):
    _cp1252(content_copy / file, row, column, value)
    [problem] = [p for p in load_content(content_copy).problems if p.file == file]
    assert (problem.row, problem.field) == (row, column)
    assert "column " in problem.message and "position" not in problem.message
    assert f"'{encoding_char}'" in problem.message
    assert "CSV UTF-8" in problem.message


def test_old_encoding_in_prose_gives_text_editor_advice(content_copy):
    path = content_copy / "prose" / "start_intro.md"
    path.write_bytes(("First line\nSecond line, café\n").encode("cp1252"))
    [problem] = load_content(content_copy).broken("prose/start_intro.md")
    assert problem.row == 2 and "column 17" in problem.message
    assert "text editor" in problem.message and "spreadsheet" not in problem.message


def test_utf16_unicode_text(content_copy):
    path = content_copy / "treatments.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace(",", "\t").encode("utf-16"))
    [problem] = load_content(content_copy).broken("treatments.csv")
    assert "UTF-16" in problem.message


@pytest.mark.parametrize(("sep", "label"), [(";", "semicolons"), ("\t", "tabs")])
def test_other_separators_are_named(content_copy, sep, label):
    path = content_copy / "causes.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    problems = load_content(content_copy).broken("causes.csv")
    assert len(problems) == 1, "one line that names the separator, not one per column"
    assert label in problems[0].message and problems[0].row == 1


def test_front_matter_in_prose(content_copy):
    path = content_copy / "prose" / "start_intro.md"
    path.write_text("---\ntitle: Start\nauthor: Dr X\n---\n" + path.read_text(encoding="utf-8"))
    c = load_content(content_copy)
    [problem] = c.broken("prose/start_intro.md")
    assert problem.field == "front matter" and "rows 1 to 4" in problem.message
    assert "start_intro" not in c.prose
    assert "start_names" in c.prose


@pytest.mark.parametrize("name", ["questions.csv", "prose/disclaimer.md"])
def test_links_out_of_the_folder_are_refused(content_copy, name):
    target = content_copy / name
    target.unlink()
    target.symlink_to("/etc/passwd")
    c = load_content(content_copy)
    [problem] = c.broken(name)
    assert "outside the content folder" in problem.message
    assert "root:" not in str(c.problems), "nothing of the linked file reaches a message"


def test_a_linked_folder_out_of_content_is_refused(content_copy, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.copytree(content_copy / "prose", outside)
    shutil.rmtree(content_copy / "prose")
    (content_copy / "prose").symlink_to(outside)
    c = load_content(content_copy)
    assert c.prose == {}
    assert all("outside the content folder" in p.message for p in c.problems if p.file.startswith("prose/"))


def test_a_link_inside_the_folder_is_fine(content_copy):
    real = content_copy / "prose" / "disclaimer.md"
    kept = content_copy / "prose" / "disclaimer-real.md"
    real.rename(kept)
    real.symlink_to(kept)
    assert load_content(content_copy).is_ok("prose/disclaimer.md")


def test_a_folder_with_a_file_name(content_copy):
    (content_copy / "causes.csv").unlink()
    (content_copy / "causes.csv").mkdir()
    [problem] = load_content(content_copy).broken("causes.csv")
    assert "not a file" in problem.message


def test_unreadable_file_in_process(content_copy, monkeypatch):
    """As root chmod does not bite: make the read itself fail, as it does for another uid."""
    blocked = content_copy / "causes.csv"
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self == blocked:
            raise PermissionError(13, "Permission denied")
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    text, notes = files.read_text(blocked, "causes.csv")
    assert text is None and "permission denied" in notes[0].message


def _without_dac_override(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: chmod 000 cannot be tested for real")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *command]


@pytest.mark.parametrize("target", ["causes.csv", "prose/start_intro.md", "prose"])
def test_unreadable_file_check_has_no_traceback(content_copy, target):
    (content_copy / target).chmod(0)
    try:
        result = subprocess.run(
            _without_dac_override([sys.executable, "-m", "explainer.check", "--content", str(content_copy)]),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        (content_copy / target).chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "permission denied" in result.stdout


# -- a bad reference row costs that reference only ------------------------------------------


def test_bad_reference_row_drops_that_reference_only(content_copy):
    path = content_copy / "references.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    bad_id = rows[1][0]
    rows[1][rows[0].index("doi")] = "doi:" + (rows[1][rows[0].index("doi")] or "10.1136/x")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")

    c = load_content(content_copy)
    assert [(p.file, p.row, p.field) for p in c.problems] == [("references.csv", 2, "doi")]
    assert c.broken("references.csv") == [], "pages that need references keep working"
    assert c.reference(bad_id) is None
    assert len(c.references) == len(rows) - 2
    assert c.is_ok("causes.csv", "symptoms.csv", "treatments.csv", "red_flags.csv")
    result = run_check("--content", str(content_copy))
    assert result.returncode == 1 and "references.csv, row 2, field 'doi'" in result.stdout


def test_a_broken_references_header_still_blocks(content_copy):
    path = content_copy / "references.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("title", "Title", 1), encoding="utf-8")
    assert load_content(content_copy).broken("references.csv")


def test_pages_work_with_a_bad_reference_row(content_copy, monkeypatch, fresh_caches):
    from tests.support.app import make_app

    path = content_copy / "references.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[2][rows[0].index("pmid")] = "PMID 123"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))
    at = make_app()
    at.run()
    assert not at.exception
    for page in ("app_pages/guide/causes.py", "app_pages/reference/sources.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert not [e for e in at.error if "could not be shown" in e.value]
        assert at.title or at.header


def test_the_public_address_setting_is_an_address_by_design():
    from explainer.content import Content
    from explainer.schema import Setting

    rows = (
        Setting(key="public_address", value="https://explainer.clinic.example/"),
        Setting(key="clinic_contact", value="See https://ev.il/"),
    )
    content = Content(tables={"settings.csv": rows}, lines={"settings.csv": (2, 3)})
    assert [(f, row, fld) for f, _, row, fld in markup.content_findings(content)] == [("settings.csv", 3, "value")]


def test_table_html_is_the_markdown_table_made_without_markdown():
    rows = [["a | b", "line\none", "[x](https://ev.il) **y** <b>"], [None, float("nan"), 21]]
    made = markup.table_html(["Name", "When", "Note"], rows)
    via_markdown = markup.to_html(markup.table(["Name", "When", "Note"], rows))
    assert re.sub(r">\s+<", "><", made).strip() == re.sub(r">\s+<", "><", via_markdown).strip()
    assert "<b>" not in made and "&lt;b&gt;" in made and "href" not in made


def test_plain_words_skip_markdown_and_come_out_the_same():
    """The short cut for a line of plain words gives what markdown-it gives, for every field and
    paragraph of the content; anything that may be Markdown still goes through markdown-it."""
    content = load_content()
    lines = [str(value) for file in content.tables for _, row in content.numbered(file) for _, value in row]
    lines += [part for text in content.prose.values() for part in text.split("\n\n")]
    lines += ['He said "yes", it\'s 1 in 5 (about).', "Not at one spot: the nerves and the scar."]
    plain = [line for line in lines if markup._plain_html(line) is not None]
    assert len(plain) > 100  # the short cut is taken: most fields are plain words
    for line in plain:
        assert markup._plain_html(line) == markup._MARKDOWN.render(line), line
    for line in ["1. a list", "- a list", "a *word*", "a [link](x)", "a <b>", "a &amp; b", "# Head", "x\ny", " x"]:
        assert markup._plain_html(line) is None, line
    assert markup.to_html("a <b>tag</b> & 1 < 2") == "<p>a &lt;b&gt;tag&lt;/b&gt; &amp; 1 &lt; 2</p>\n"


@pytest.mark.parametrize("summary", ["The numbers show where 3 causes sit.", "1. Not a *list* here", "A <b> tag"])
def test_a_charts_words_are_the_markdown_they_were(summary):
    """'In words:' and the table fold as one element: the same HTML as the Markdown it replaces."""
    made = markup.described_html(summary, ["Cause"], [("Scar <tissue>",)])
    words = markup.to_html(f"**In words:** {summary}")
    assert made == words + markup.table_fold_html("See this chart as a table", ["Cause"], [("Scar <tissue>",)])
    assert "<b>" not in made and "<tissue>" not in made
