"""Plain language, measured: every block a patient reads is at Flesch-Kincaid grade 8 or
below (the aim is 6). Only the Sources page and reference entries are exempt."""

import statistics

import pytest

from explainer import readability, sections
from explainer.readability import MAX_GRADE, TARGET_GRADE, blocks, grade
from tests.support.app import all_text, open_page
from tests.support.paths import ARTICLE


def test_every_content_block_is_grade_8_or_below(content):
    hard = [f"{b.name}: grade {b.grade:.1f}" for b in blocks(content) if b.grade > MAX_GRADE]
    assert hard == []


def test_content_aims_for_grade_6(content):
    grades = [b.grade for b in blocks(content)]
    assert statistics.median(grades) <= TARGET_GRADE


def test_every_prose_file_and_table_row_is_measured(content):
    names = {b.name for b in blocks(content)}
    assert {f"prose/{p}.md" for p in content.prose} <= names
    assert {f"causes.csv: {c.id}" for c in content.causes} <= names
    links = [n for n in names if n.startswith("treatment_symptom_links.csv")]
    assert len(links) == len(content.treatments) * len(content.symptoms)
    assert {f"warning_tiers.csv: {t.tier}" for t in content.warning_tiers} <= names
    assert {f"red_flags.csv: {f.id}" for f in content.red_flags} <= names


def test_risks_guidelines_and_tier_instructions_are_measured(content):
    by_name = {b.name: b.text for b in blocks(content)}
    for t in content.treatments:
        text = by_name[f"treatments.csv: {t.id}"]
        assert t.risks.rstrip(".") in text and t.guidelines.rstrip(".") in text, t.id
    for tier in content.warning_tiers:
        # Measured as the patient reads it: the numbers to call filled in.
        assert content.tier_instruction(tier.tier).rstrip(".") in by_name[f"warning_tiers.csv: {tier.tier}"]


def test_every_measured_field_exists():
    from explainer.schema import TABLES

    for file, fields in readability.READ_FIELDS.items():
        model, _ = TABLES[file]
        assert set(fields) <= set(model.model_fields), file


def test_the_measure_catches_hard_text():
    # The clinic article we started from reads at about grade 12.7; the check must see that.
    assert grade(ARTICLE.read_text(encoding="utf-8")) > 12
    assert grade("The lamina is the bony roof over the nerves.") < 6


def test_markdown_and_citations_are_not_counted():
    plain = readability.plain_text("### Title\n\n- **Bold** point [ref:weir2017].")
    assert plain.split() == ["Title.", "Bold", "point", "."]


@pytest.mark.parametrize("section", [s for s in sections.SECTIONS if s.key != "sources"], ids=lambda s: s.key)
def test_what_each_page_shows_is_grade_8_or_below(section):
    """Everything on screen, including the words written in the page scripts themselves."""
    text = all_text(open_page(section.path))
    assert grade(text) <= MAX_GRADE, f"{section.key}: grade {grade(text):.1f}"
