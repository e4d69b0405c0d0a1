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
    # A study's other group is told, by its label, beside the option it was compared with: never
    # shown as what "no further treatment" does.
    assert "Usual care alone: 9 in 100" in scs["Chance of benefit"]
    assert "in 100" not in table.iloc[-1]["Chance of benefit"]


def test_every_group_is_told_by_its_label_in_its_own_options_cell(content):
    table = figures.treatment_compare_table(content, ["epidural_steroid", "revision_surgery"]).set_index("Option")
    epidural = table.loc["Epidural steroid injection", "Chance of benefit"]
    assert "Steroid plus numbing medicine: 58 in 100" in epidural and "Numbing medicine alone: 47 in 100" in epidural
    # The 66 in 100 are people having their first operation: said so, not given as this option's chance.
    operation = table.loc["Another operation", "Chance of benefit"]
    assert "First lower back operation: 66 in 100" in operation
    assert "After 4 or more past operations: 22 in 100" in operation
    assert "Numbing" not in table.loc["No further treatment", "Chance of benefit"]
    summary = figures.treatment_numbers_summary(content, ["revision_surgery"])
    assert "First lower back operation: 66 in 100" in summary and "Another operation: 66" not in summary
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


BOTH = ["spinal_cord_stimulation", "revision_surgery"]  # North 2005 compared these two head to head


def _north(content):
    return next(e for e in content.evidence if e.id == "north_scs")


@pytest.mark.parametrize("narrow", [False, True])
def test_a_trial_that_compared_two_picked_options_is_shown_once(content, narrow):
    north = _north(content)
    a, b = f"{north.group_a_count} in 100", f"{north.group_b_count} in 100"
    fig = figures.treatment_numbers_figure(content, BOTH, font_size=22, narrow=narrow)
    assert_valid(fig)
    words = [t.replace("<br>", " ") for t in fig.to_dict()["data"][2]["text"]]
    headings = [w for w in words if "compared with" in w]
    assert len(headings) == 1, words  # one picture for the trial, not one under each option
    assert "Spinal cord stimulation compared with another operation" in headings[0]
    assert sum(a in w for w in words) == 1 and sum(b in w for w in words) == 1

    table = figures.treatment_numbers_table(content, BOTH)
    trial = table[table["Group"].isin([north.group_a_label, north.group_b_label])]
    assert trial["Out of 100"].tolist() == [north.group_a_count, north.group_b_count]  # once each
    assert set(trial["Treatment"]) == {"Spinal cord stimulation compared with another operation"}
    filled = next(t for t in fig.to_dict()["data"] if t["name"] == "People it happened to")
    assert len(filled["x"]) == table["Out of 100"].sum()  # the picture draws what the table lists

    summary = figures.treatment_numbers_summary(content, BOTH)
    assert_plain(summary)
    assert summary.count(a) == 1 and summary.count(b) == 1
    assert "One trial compared spinal cord stimulation and another operation" in summary


def test_the_comparison_table_tells_the_head_to_head_trial_once(content):
    north = _north(content)
    table = figures.treatment_compare_table(content, BOTH)
    cells = table["Chance of benefit"].tolist()
    told = [c for c in cells if f"{north.group_a_count} in 100" in c]
    assert len(told) == 1 and f"{north.group_b_label}: {north.group_b_count} in 100" in told[0]
    repeat = table[table["Option"] == "Another operation"].iloc[0]["Chance of benefit"]
    assert "One trial compared it with spinal cord stimulation: see that option" in repeat
    # The other option's group of a head-to-head trial is not "no further treatment".
    assert north.group_b_label not in table.iloc[-1]["Chance of benefit"]


def test_one_option_of_a_head_to_head_trial_names_both_and_labels_each_group(content):
    """Picked alone, another operation never shows the stimulator's 47 in 100 as its own result."""
    north = _north(content)
    [cell] = figures.treatment_compare_table(content, ["revision_surgery"]).iloc[:1]["Chance of benefit"]
    assert f"{north.group_a_count} in 100: " not in cell  # never a bare count under this option
    assert f"{north.group_a_label}: {north.group_a_count} in 100" in cell
    assert f"{north.group_b_label}: {north.group_b_count} in 100" in cell
    fig = figures.treatment_numbers_figure(content, ["revision_surgery"], font_size=16)
    words = " ".join(fig.to_dict()["data"][2]["text"]).replace("<br>", " ")
    assert "Chance of benefit: Spinal cord stimulation compared with another operation" in words


def test_recovery_is_compared_for_every_option_and_says_when_it_is_expert_view(content):
    table = figures.treatment_compare_table(content, DISCUSSED)
    order = list(table.columns)
    assert order.index("Certainty") < order.index("Recovery") < order.index("What guidelines say")
    for t in content.treatments:
        if t.id in DISCUSSED:
            [cell] = table[table["Option"] == t.name]["Recovery"]
            assert cell.startswith(t.recovery)
            assert cell.endswith("(Expert view)") == (t.recovery_basis == "expert_view")
            assert_plain(cell)
    assert_plain(table.iloc[-1]["Recovery"])  # no further treatment has a recovery cell too
