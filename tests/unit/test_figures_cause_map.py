"""Causes as a map: every cause named, all three groupings at once, this patient's causes ringed."""

import pytest

from explainer import figures
from tests.support.figures import (
    SCALES,
    assert_plain,
    assert_text_not_below_floor,
    assert_valid,
    trace_with_ids,
)

MARKED = ["scar_tissue", "hardware_position"]


@pytest.mark.parametrize("font_size", SCALES)
def test_the_map_names_every_cause_and_plotly_accepts_it(content, font_size):
    fig = figures.cause_map_figure(content, MARKED, font_size=font_size)
    assert_valid(fig)
    trace = trace_with_ids(fig, [c.id for c in content.causes])
    assert len(trace["customdata"]) == len(content.causes)  # each cause once, clickable by its id
    drawn = " ".join(trace["text"]).replace("<br>", " ")
    for cause in content.causes:
        assert " ".join(cause.name.split()) in drawn, cause.name
    assert_text_not_below_floor(fig, font_size)


def test_the_three_groupings_show_at_once(content):
    fig = figures.cause_map_figure(content, font_size=22).to_dict()
    layout = fig["layout"]
    columns = " ".join(layout["xaxis"]["ticktext"])
    rows = " ".join(layout["yaxis"]["ticktext"]).replace("<br>", " ")
    for category in content.categories("timing"):
        assert category.label in columns
    for category in content.categories("mechanism"):
        assert category.label in rows
    legend = [t["name"] for t in fig["data"] if t.get("showlegend")]
    assert {c.label for c in content.categories("pain_type")} <= set(legend)  # the shapes, in words
    # The kind of pain is the marker's shape: more than one shape on the map.
    trace = fig["data"][0]
    assert len(set(trace["marker"]["symbol"])) == len({c.pain_type for c in content.causes})


def test_marked_causes_have_a_thick_ring_and_say_yours(content):
    fig = figures.cause_map_figure(content, MARKED, font_size=16)
    trace = trace_with_ids(fig, MARKED)
    for cid, width, text in zip(trace["customdata"], trace["marker"]["line"]["width"], trace["text"], strict=True):
        if cid in MARKED:
            assert width >= 4 and text.startswith("<b>Yours:")
        else:
            assert width < 3 and "Yours" not in text
    legend = [t["name"] for t in fig.to_dict()["data"] if t.get("showlegend")]
    assert any("Yours" in name for name in legend)  # the ring is explained in words


def test_no_marked_cause_means_no_yours(content):
    fig = figures.cause_map_figure(content, [], font_size=16).to_dict()
    assert "Yours" not in str(fig)


def test_a_new_cause_appears_without_code_changes(content):
    """A cause with a category the map has never seen (as the clinical team adds) still shows."""
    new = content.causes[0].model_copy(update={"id": "arachnoiditis", "name": "Swollen lining of the nerves",
                                               "mechanism": "inflammation", "timing": ["after"]})  # fmt: skip
    grown = type(content)(tables={**content.tables, "causes.csv": (*content.causes, new)}, prose=content.prose)
    fig = figures.cause_map_figure(grown, ["arachnoiditis"], font_size=22)
    assert_valid(fig)
    trace = trace_with_ids(fig, ["arachnoiditis"])
    assert any("Swollen lining" in t for t in trace["text"])
    assert "Other" in " ".join(fig.to_dict()["layout"]["yaxis"]["ticktext"])
    assert "arachnoiditis" not in figures.cause_map_table(grown).to_string()
    assert len(figures.cause_map_table(grown)) == len(grown.causes)


def test_summary_and_table(content):
    summary = figures.cause_map_summary(content, MARKED)
    assert_plain(summary)
    assert str(len(content.causes)) in summary and "thick ring" in summary
    table = figures.cause_map_table(content, MARKED)
    assert len(table) == len(content.causes)
    assert list(table.columns) == [
        "Cause",
        "When it starts",
        "What is going on",
        "Kind of pain",
        "In the article",
        "Yours",
    ]
    assert (table["Yours"] == "Yes").sum() == len(MARKED)


@pytest.mark.parametrize("font_size", SCALES)
def test_the_phone_map_names_every_cause_with_its_groups(content, font_size):
    fig = figures.cause_map_figure(content, MARKED, font_size=font_size, narrow=True)
    as_dict = assert_valid(fig)
    trace = trace_with_ids(fig, [c.id for c in content.causes])
    assert len(trace["customdata"]) == len(content.causes)
    words = " ".join(trace["text"]).replace("<br>", " ")
    headings = " ".join(a["text"] for a in as_dict["layout"]["annotations"])
    for category in content.categories("timing"):
        assert category.label in headings
    for cause in content.causes:
        assert " ".join(cause.name.split()) in words
    for cid, width, text in zip(trace["customdata"], trace["marker"]["line"]["width"], trace["text"], strict=True):
        assert (width >= 4) == (cid in MARKED) == text.startswith("<b>Yours:")
    key = next(t for t in as_dict["data"] if t["name"] == "Kind of pain")
    assert {c.label for c in content.categories("pain_type")} <= {t.replace("<br>", " ") for t in key["text"]}
    assert_text_not_below_floor(fig, font_size)
