"""The lower spine from the side, where causes sit on it, and the operations before and after."""

import pytest

from explainer import figures
from explainer.figures.places import read_places
from tests.support.figures import (
    SCALES,
    assert_plain,
    assert_text_not_below_floor,
    assert_valid,
    trace_with_ids,
)


@pytest.mark.parametrize("font_size", SCALES)
def test_side_view_labels_its_parts(content, font_size):
    fig = figures.spine_side_figure(content, font_size=font_size)
    as_dict = assert_valid(fig)
    labels = " ".join(a["text"] for a in as_dict["layout"]["annotations"]).replace("<br>", " ")
    for part in read_places().parts:
        if part.show == "yes":
            assert part.label in labels
    for level in ("L3", "L4", "L5", "S1"):
        assert level in labels
    assert len(as_dict["layout"]["shapes"]) > 15  # bones, discs, canal, nerves and roots
    assert_text_not_below_floor(fig, font_size)


@pytest.mark.parametrize("font_size", SCALES)
def test_every_cause_asked_for_is_shown_and_clickable(content, font_size):
    ids = [c.id for c in content.causes]
    marked = ["scar_tissue", "leftover_disc"]
    fig = figures.spine_places_figure(content, ids, marked, font_size=font_size)
    assert_valid(fig)
    key = trace_with_ids(fig, ids)  # the key lists all, even those not at one spot
    assert len(key["customdata"]) == len(ids)
    for cid, text in zip(key["customdata"], key["text"], strict=True):
        assert ("Yours:" in text) == (cid in marked)
    marks = next(t for t in fig.to_dict()["data"] if t["name"] == "Where causes sit")
    places = read_places()
    on_spine = [cid for cid in ids if (p := places.spine_place(cid)) and p.part_id]
    assert marks["customdata"] == on_spine
    for cid, width in zip(marks["customdata"], marks["marker"]["line"]["width"], strict=True):
        assert (width >= 4) == (cid in marked)
    assert_text_not_below_floor(fig, font_size)


def test_a_cause_with_no_place_is_listed_not_dropped(content):
    fig = figures.spine_places_figure(content, ["diagnosis_missed", "scar_tissue"], font_size=16)
    key = trace_with_ids(fig, ["diagnosis_missed", "scar_tissue"])
    assert "Not at one spot" in key["text"][0]
    summary = figures.spine_places_summary(content, ["diagnosis_missed", "scar_tissue"])
    assert_plain(summary)
    assert "Not at one spot" in summary
    table = figures.spine_places_table(content, ["diagnosis_missed", "scar_tissue"], ["scar_tissue"])
    assert table["Yours"].tolist() == ["", "Yes"]


def test_unknown_cause_ids_are_ignored(content):
    fig = figures.spine_places_figure(content, ["no_such_cause"], font_size=16)
    assert_valid(fig)
    assert figures.spine_places_table(content, ["no_such_cause"]).empty


def test_side_view_words(content):
    assert_plain(figures.spine_side_summary())
    assert len(figures.spine_side_table()) == len(read_places().parts)


@pytest.mark.parametrize("font_size", SCALES)
@pytest.mark.parametrize("name", ["laminectomy", "Discectomy", "FUSION"])
def test_each_operation_before_and_after(name, font_size):
    before = figures.operation_figure(name, False, font_size=font_size)
    after = figures.operation_figure(name, True, font_size=font_size)
    for fig in (before, after):
        assert_valid(fig)
        assert_text_not_below_floor(fig, font_size)
    b, a = before.to_dict()["layout"], after.to_dict()["layout"]
    assert (b["xaxis"]["range"], b["yaxis"]["range"]) == (a["xaxis"]["range"], a["yaxis"]["range"])  # no jump
    titles = [x["text"] for x in b["annotations"] + a["annotations"]]
    assert any("before" in t for t in titles) and any("after" in t for t in titles)
    # what an operation takes away is a dashed outline, not colour alone (fusion adds metal instead)
    dashes = [s["line"].get("dash") for s in a["shapes"]]
    if name.lower() != "fusion":
        assert "dash" in dashes
    else:
        assert len(a["shapes"]) > len(b["shapes"])


def test_operation_words():
    for op in figures.OPERATIONS:
        assert_plain(figures.operation_summary(op))
        assert_plain(figures.operation_summary(op, after=True))
        assert_plain(figures.operation_summary(op, after=False))
        assert len(figures.operation_table(op)) == 3
    with pytest.raises(KeyError):
        figures.operation_figure("appendectomy", False)


@pytest.mark.parametrize("font_size", SCALES)
def test_the_top_view_follows_consult_text(font_size):
    fig = figures.vertebra_figure(True, font_size=font_size)
    assert_valid(fig)
    assert_text_not_below_floor(fig, font_size)


def test_the_top_view_without_a_size_is_unchanged():
    sizes = {a["font"]["size"] for a in figures.vertebra_figure(False).to_dict()["layout"]["annotations"]}
    assert sizes == {14, 15}


def test_the_top_view_in_words():
    for after in (False, True):
        assert_plain(figures.vertebra_summary(after))
    assert len(figures.vertebra_table()) == len(figures.VERTEBRA_PARTS)


@pytest.mark.parametrize("font_size", SCALES)
def test_the_phone_spine_lists_every_cause_under_the_drawing(content, font_size):
    ids = [c.id for c in content.causes]
    fig = figures.spine_places_figure(content, ids, ["scar_tissue"], font_size=font_size, narrow=True)
    as_dict = assert_valid(fig)
    key = trace_with_ids(fig, ids)
    assert key["yaxis"] == "y2"
    assert as_dict["layout"]["yaxis2"]["domain"][1] < as_dict["layout"]["yaxis"]["domain"][0]  # under it
    assert sum("Yours:" in t for t in key["text"]) == 1
    assert_text_not_below_floor(fig, font_size)
    assert_valid(figures.spine_side_figure(content, font_size=font_size, narrow=True))
