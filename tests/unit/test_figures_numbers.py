"""Treatments compared as 100 people: benefit and harm as icon arrays, in words and as a table."""

import pytest

from explainer import figures
from explainer.figures.places import read_places
from tests.support.figures import SCALES, assert_plain, assert_text_not_below_floor, assert_valid

DISCUSSED = ["spinal_cord_stimulation", "epidural_steroid", "physical_therapy"]


@pytest.mark.parametrize("font_size", SCALES)
def test_arrays_show_each_number_as_100_people(content, font_size):
    fig = figures.treatment_numbers_figure(content, DISCUSSED, font_size=font_size)
    assert_valid(fig)
    assert_text_not_below_floor(fig, font_size)
    data = fig.to_dict()["data"]
    filled = next(t for t in data if t["name"] == "People it happened to")
    empty = next(t for t in data if t["name"] == "Others")
    table = figures.treatment_numbers_table(content, DISCUSSED)
    assert len(filled["x"]) == table["Out of 100"].sum()
    assert len(filled["x"]) + len(empty["x"]) == 100 * len(table)
    # harm is a square, benefit a circle: the shape differs, not only the colour
    harms = table[table["Benefit or harm"] == "Harm"]["Out of 100"].sum()
    assert list(filled["marker"]["symbol"]).count("square") == harms > 0
    words = " ".join(t for t in data[2]["text"])
    assert "Chance of harm" in words and "Chance of benefit" in words and "48 in 100" in words


def test_numbers_come_from_the_evidence(content):
    table = figures.treatment_numbers_table(content, ["spinal_cord_stimulation"])
    process = next(e for e in content.evidence if e.id == "process_scs")
    assert process.group_a_count in table["Out of 100"].tolist()
    assert process.group_b_count in table["Out of 100"].tolist()


def test_a_treatment_without_numbers_says_so(content):
    fig = figures.treatment_numbers_figure(content, ["physical_therapy"], font_size=16)
    assert_valid(fig)
    assert_plain(figures.treatment_numbers_summary(content, ["physical_therapy"]))
    summary = figures.treatment_numbers_summary(content, DISCUSSED)
    assert_plain(summary)
    assert "No numbers yet" in summary


def test_the_comparison_table_has_a_no_further_treatment_row(content):
    table = figures.treatment_compare_table(content, DISCUSSED)
    assert table["Option"].tolist()[-1] == "No further treatment"
    assert len(table) == len(DISCUSSED) + 1
    scs = table[table["Option"] == "Spinal cord stimulation"].iloc[0]
    assert "32 in 100" in scs["Chance of harm"] and "48 in 100" in scs["Chance of benefit"]
    assert "9 in 100" in table.iloc[-1]["Chance of benefit"]  # usual care, from the same study
    for column in ("What it involves", "Chance of benefit", "Chance of harm", "Certainty", "What guidelines say"):
        assert column in table.columns


@pytest.mark.parametrize("font_size", SCALES)
def test_each_evidence_row_as_icons(content, font_size):
    for ev in content.evidence:
        fig = figures.evidence_icons_figure(content, ev.id, font_size=font_size)
        assert_valid(fig)
        assert_text_not_below_floor(fig, font_size)
        assert ev.title in fig.to_dict()["data"][2]["text"][0]
        table = figures.evidence_icons_table(content, ev.id)
        assert table["Out of 100"].iloc[0] == ev.group_a_count
        assert_plain(figures.evidence_icons_summary(content, ev.id))


def test_every_number_links_to_real_content(content):
    assert figures.place_problems(content, read_places()) == []


@pytest.mark.parametrize("font_size", SCALES)
def test_the_phone_arrays_keep_every_number(content, font_size):
    wide = figures.treatment_numbers_figure(content, DISCUSSED, font_size=font_size).to_dict()
    fig = figures.treatment_numbers_figure(content, DISCUSSED, font_size=font_size, narrow=True)
    narrow = assert_valid(fig)
    for name in ("People it happened to", "Others"):
        a = next(t for t in wide["data"] if t["name"] == name)
        b = next(t for t in narrow["data"] if t["name"] == name)
        assert len(a["x"]) == len(b["x"])
    assert_text_not_below_floor(fig, font_size)
    assert_valid(figures.evidence_icons_figure(content, "process_scs", font_size=font_size, narrow=True))
