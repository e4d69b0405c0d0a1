"""The loader enforces the data contract on a copy of the content: each rule names the file,
the row and the field, and hides only the broken file."""

import pytest

from explainer.content import load_content
from explainer.schema import SETTING_DEFAULTS
from tests.support.commands import run_check
from tests.support.csv_edit import drop_column, edit_csv, set_cell


def problems_in(folder, file):
    found = [p for p in load_content(folder).problems if p.file == file]
    assert found, f"expected a problem in {file}"
    return found


def first_id(folder, file, column="id"):
    rows = []
    edit_csv(folder / file, rows.extend)
    return rows[0][column]


@pytest.mark.parametrize(
    ("value", "words"),
    [("PMID123", "not in the expected form"), ("12.34", "not in the expected form")],
)
def test_pmid_is_digits_only(contract_copy, value, words):
    ref = first_id(contract_copy, "references.csv")
    line = set_cell(contract_copy, "references.csv", ref, "pmid", value)
    [problem] = problems_in(contract_copy, "references.csv")
    assert (problem.row, problem.field) == (line, "pmid") and words in problem.message


@pytest.mark.parametrize("value", ["doi:10.1000/x", "10.12/abc", "10.1000/"])
def test_doi_form(contract_copy, value):
    ref = first_id(contract_copy, "references.csv")
    line = set_cell(contract_copy, "references.csv", ref, "doi", value)
    [problem] = problems_in(contract_copy, "references.csv")
    assert (problem.row, problem.field) == (line, "doi")


def test_url_must_be_https(contract_copy):
    ref = first_id(contract_copy, "references.csv")
    set_cell(contract_copy, "references.csv", ref, "url", "http://example.org/paper")
    [problem] = problems_in(contract_copy, "references.csv")
    assert problem.field == "url"


def test_reference_needs_a_title_and_an_identifier(contract_copy):
    ref = first_id(contract_copy, "references.csv")
    line = set_cell(contract_copy, "references.csv", ref, "title", "")
    [problem] = problems_in(contract_copy, "references.csv")
    assert (problem.row, problem.field) == (line, "title")
    set_cell(contract_copy, "references.csv", ref, "title", "A real title")
    for column in ("pmid", "doi", "url"):
        set_cell(contract_copy, "references.csv", ref, column, "")
    [problem] = problems_in(contract_copy, "references.csv")
    assert (problem.row, problem.field) == (line, "pmid")
    assert "PMID, a DOI or a URL" in problem.message


def test_checked_is_v_or_u(contract_copy):
    ref = first_id(contract_copy, "references.csv")
    set_cell(contract_copy, "references.csv", ref, "checked", "S")
    [problem] = problems_in(contract_copy, "references.csv")
    assert problem.field == "checked" and "'V' or 'U'" in problem.message


def test_treatment_needs_risks_and_guidelines(contract_copy):
    treatment = first_id(contract_copy, "treatments.csv")
    set_cell(contract_copy, "treatments.csv", treatment, "risks", "")
    set_cell(contract_copy, "treatments.csv", treatment, "guidelines", " ")
    c = load_content(contract_copy)
    assert {p.field for p in c.problems if p.file == "treatments.csv"} == {"risks", "guidelines"}
    assert c.treatments == () and c.causes  # only what depends on the file is hidden


def test_missing_risks_column_is_named(contract_copy):
    drop_column(contract_copy, "treatments.csv", "risks")
    [problem] = problems_in(contract_copy, "treatments.csv")
    assert (problem.row, problem.field) == (1, "risks") and "missing" in problem.message


@pytest.mark.parametrize("value", ["", "opinion"])
def test_link_basis_is_required_and_known(contract_copy, value):
    rows = []
    edit_csv(contract_copy / "treatment_symptom_links.csv", rows.extend)

    def edit(rows):
        rows[0]["basis"] = value

    edit_csv(contract_copy / "treatment_symptom_links.csv", edit)
    [problem] = problems_in(contract_copy, "treatment_symptom_links.csv")
    assert (problem.row, problem.field) == (2, "basis")


def test_expert_view_link_may_have_no_source_but_a_study_link_may_not(contract_copy):
    def edit(rows):
        rows[0]["basis"], rows[0]["source_ids"] = "expert_view", ""
        rows[1]["basis"], rows[1]["source_ids"] = "study", ""

    edit_csv(contract_copy / "treatment_symptom_links.csv", edit)
    [problem] = problems_in(contract_copy, "treatment_symptom_links.csv")
    assert (problem.row, problem.field) == (3, "source_ids")


def test_cause_in_article_is_yes_or_no(contract_copy):
    cause = first_id(contract_copy, "causes.csv")
    line = set_cell(contract_copy, "causes.csv", cause, "in_article", "maybe")
    [problem] = problems_in(contract_copy, "causes.csv")
    assert (problem.row, problem.field) == (line, "in_article")


def test_go_now_sign_without_new_or_worse_is_refused(contract_copy):
    rows = []
    edit_csv(contract_copy / "red_flags.csv", rows.extend)
    flag = next(r for r in rows if r["tier"] == "go_now")["id"]
    line = set_cell(contract_copy, "red_flags.csv", flag, "sign", "Pain in both legs.")
    [problem] = problems_in(contract_copy, "red_flags.csv")
    assert (problem.row, problem.field) == (line, "sign") and "new or getting worse" in problem.message


def test_old_group_column_is_reported(contract_copy):
    path = contract_copy / "red_flags.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("tier", "group", 1), encoding="utf-8")
    messages = [str(p) for p in problems_in(contract_copy, "red_flags.csv")]
    assert any("field 'tier': this column is missing" in m for m in messages)
    assert any("field 'group': unknown column" in m for m in messages)


def test_unknown_tier_is_refused(contract_copy):
    flag = first_id(contract_copy, "red_flags.csv")
    set_cell(contract_copy, "red_flags.csv", flag, "tier", "urgent")
    [problem] = problems_in(contract_copy, "red_flags.csv")
    assert problem.field == "tier" and "'go_now', 'same_day' or 'soon'" in problem.message


def test_every_tier_needs_a_row(contract_copy):
    def edit(rows):
        rows[:] = [r for r in rows if r["tier"] != "soon"]

    edit_csv(contract_copy / "warning_tiers.csv", edit)
    [problem] = problems_in(contract_copy, "warning_tiers.csv")
    assert "'soon'" in problem.message and problem.field == "tier"


@pytest.mark.parametrize(("text", "words"), [("Call {ambulance}.", "{ambulance}"), ("Call {clinic_phone.", "'{'")])
def test_placeholders_are_checked(contract_copy, text, words):
    line = set_cell(contract_copy, "warning_tiers.csv", "same_day", "instruction", text)
    [problem] = problems_in(contract_copy, "warning_tiers.csv")
    assert (problem.row, problem.field) == (line, "instruction") and words in problem.message


def test_placeholders_are_filled_from_settings(contract_copy):
    set_cell(contract_copy, "warning_tiers.csv", "same_day", "instruction", "Ring {clinic_phone} today.")
    set_cell(contract_copy, "settings.csv", "clinic_phone", "value", "01234 567890")
    c = load_content(contract_copy)
    assert c.tier_instruction("same_day") == "Ring 01234 567890 today."


def test_settings_keys_and_review_date(contract_copy):
    set_cell(contract_copy, "settings.csv", "review_date", "value", "1 Dec 2026")

    def edit(rows):
        rows[:] = [r for r in rows if r["key"] != "crisis_line"]

    edit_csv(contract_copy / "settings.csv", edit)
    problems = {p.field: p for p in problems_in(contract_copy, "settings.csv")}
    assert set(problems) == {"review_date", "crisis_line"}
    assert "YYYY-MM-DD" in problems["review_date"].message
    # A broken settings file still gives a number to call.
    c = load_content(contract_copy)
    assert c.settings["crisis_line"] == SETTING_DEFAULTS["crisis_line"]


def test_old_settings_keys_are_refused(contract_copy):
    edit_csv(contract_copy / "settings.csv", lambda rows: rows.append({"key": "last_reviewed", "value": "2026-11-24"}))
    [problem] = problems_in(contract_copy, "settings.csv")
    assert problem.field == "key" and "'last_reviewed' is not allowed" in problem.message


def test_logo_must_be_an_image_inside_content(contract_copy):
    set_cell(contract_copy, "settings.csv", "clinic_logo", "value", "../secret.png")
    [problem] = problems_in(contract_copy, "settings.csv")
    assert problem.field == "clinic_logo"


def test_named_reviewer_ends_the_draft(contract_copy):
    set_cell(contract_copy, "settings.csv", "reviewer_name", "value", "Dr A Jones")
    assert load_content(contract_copy).review_status().is_draft  # no date yet: still a draft
    assert any(w.field == "review_date" for w in load_content(contract_copy).warnings)
    set_cell(contract_copy, "settings.csv", "review_date", "value", "2026-12-01")
    assert load_content(contract_copy).review_status() == (False, "Checked by Dr A Jones on 2026-12-01")


def test_check_warns_by_name_about_each_default_and_still_passes(contract_copy):
    for key, value in SETTING_DEFAULTS.items():
        set_cell(contract_copy, "settings.csv", key, "value", value)
    result = run_check("--content", str(contract_copy))
    assert result.returncode == 0, result.stdout
    warnings = [line for line in result.stdout.splitlines() if line.startswith("warning:")]
    assert len(warnings) == len(SETTING_DEFAULTS)
    for key in SETTING_DEFAULTS:
        assert any(f"field '{key}'" in w and f"'{key}' is still the default" in w for w in warnings), key
    assert result.stdout.splitlines()[-1].startswith("Content OK:")


def test_check_is_quiet_once_the_clinic_fills_its_numbers(contract_copy):
    for key in SETTING_DEFAULTS:
        set_cell(contract_copy, "settings.csv", key, "value", "0800 000 000")
    result = run_check("--content", str(contract_copy))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [result.stdout.splitlines()[-1]]
    assert "warning" not in result.stdout


def test_public_address_from_settings_or_environment(contract_copy, monkeypatch):
    monkeypatch.delenv("EXPLAINER_PUBLIC_ADDRESS", raising=False)
    set_cell(contract_copy, "settings.csv", "public_address", "value", "https://clinic.example/guide")
    assert load_content(contract_copy).public_address == "https://clinic.example/guide"
    monkeypatch.setenv("EXPLAINER_PUBLIC_ADDRESS", "https://other.example")
    assert load_content(contract_copy).public_address == "https://other.example"
    set_cell(contract_copy, "settings.csv", "public_address", "value", "clinic.example")
    [problem] = problems_in(contract_copy, "settings.csv")
    assert problem.field == "public_address"


def test_clinic_logo_is_a_file_in_the_content_folder(contract_copy):
    assert load_content(contract_copy).clinic_logo is None or load_content(contract_copy).clinic_logo.is_file()
    (contract_copy / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    set_cell(contract_copy, "settings.csv", "clinic_logo", "value", "logo.png")
    assert load_content(contract_copy).clinic_logo == contract_copy / "logo.png"
    set_cell(contract_copy, "settings.csv", "clinic_logo", "value", "missing.png")
    c = load_content(contract_copy)
    assert c.clinic_logo is None and c.broken("settings.csv")
