"""Symptoms on a body: every symptom at its place, tappable by id, this patient's ringed."""

import pytest

from explainer import figures
from explainer.figures.places import Places, read_places
from tests.support.figures import (
    SCALES,
    assert_plain,
    assert_text_not_below_floor,
    assert_valid,
    trace_with_ids,
)

MARKED = ["dull_ache", "tingling"]


@pytest.mark.parametrize("font_size", SCALES)
def test_every_symptom_has_a_tappable_place_and_name(content, font_size):
    ids = [s.id for s in content.symptoms]
    fig = figures.body_map_figure(content, MARKED, font_size=font_size)
    assert_valid(fig)
    marks = trace_with_ids(fig, ids)
    assert sorted(marks["customdata"]) == sorted(ids)
    names = next(t for t in fig.to_dict()["data"] if t["name"] == "Symptoms")
    assert sorted(names["customdata"]) == sorted(ids)  # the names are tappable too
    drawn = " ".join(names["text"]).replace("<br>", " ")
    for symptom in content.symptoms:
        assert symptom.name in drawn
    assert_text_not_below_floor(fig, font_size)


def test_marked_symptoms_are_ringed_and_say_yours(content):
    fig = figures.body_map_figure(content, MARKED, font_size=22).to_dict()
    marks, names = fig["data"][0], fig["data"][1]
    for cid, width in zip(marks["customdata"], marks["marker"]["line"]["width"], strict=True):
        assert (width >= 4) == (cid in MARKED)
    for cid, text in zip(names["customdata"], names["text"], strict=True):
        assert text.startswith("<b>Yours:") == (cid in MARKED)


def test_a_symptom_without_a_place_is_still_shown(content):
    places = read_places()
    fewer = Places(places.parts, places.spine, places.body[1:], places.numbers)
    missing = places.body[0].symptom_id
    fig = figures.body_map_figure(content, [missing], font_size=16, places=fewer)
    assert_valid(fig)
    names = fig.to_dict()["data"][1]
    assert missing in names["customdata"]
    assert missing not in fig.to_dict()["data"][0]["customdata"]
    assert figures.body_map_table(content, places=fewer)["Where"].tolist().count("Not placed") == 1


def test_words(content):
    summary = figures.body_map_summary(content, MARKED)
    assert_plain(summary)
    assert "thick ring" in summary
    table = figures.body_map_table(content, MARKED)
    assert len(table) == len(content.symptoms)
    assert (table["Yours"] == "Yes").sum() == 2


@pytest.mark.parametrize("font_size", SCALES)
def test_the_phone_body_numbers_each_place_and_lists_every_symptom(content, font_size):
    fig = figures.body_map_figure(content, MARKED, font_size=font_size, narrow=True)
    assert_valid(fig)
    data = fig.to_dict()["data"]
    marks, names = data[0], data[1]
    assert sorted(names["customdata"]) == sorted(s.id for s in content.symptoms)
    assert sorted(marks["customdata"]) == sorted(s.id for s in content.symptoms)
    for cid, width in zip(marks["customdata"], marks["marker"]["line"]["width"], strict=True):
        assert (width >= 4) == (cid in MARKED)
    for cid, text in zip(names["customdata"], names["text"], strict=True):
        assert ("Yours:" in text) == (cid in MARKED)
    assert_text_not_below_floor(fig, font_size)


@pytest.mark.parametrize("font_size", SCALES)
def test_the_caption_has_a_margin_of_its_own_and_the_figure_says_its_narrowest_width(content, font_size):
    fig = figures.body_map_figure(content, MARKED, font_size=font_size)
    layout = fig.to_dict()["layout"]
    (caption,) = layout["annotations"]
    assert caption["text"] == "Seen from behind"
    assert (caption["yref"], caption["y"], caption["yanchor"]) == ("paper", 1, "bottom")  # above the plot area
    assert layout["margin"]["t"] >= 1.3 * caption["font"]["size"] + 10
    # Each name's full height is inside the y range (none runs into the caption's margin).
    names = fig.to_dict()["data"][1]
    plot_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    unit_px = plot_px / (layout["yaxis"]["range"][1] - layout["yaxis"]["range"][0])
    for y, text in zip(names["y"], names["text"], strict=True):
        half = (text.count("<br>") + 1) * 1.3 * font_size / unit_px / 2
        assert y + half <= layout["yaxis"]["range"][1]
    narrowest = figures.min_width(fig)
    assert narrowest and 2 * 5.4 * 1.35 * font_size < narrowest < 1146  # consult mode's column holds it
    assert figures.min_width(figures.body_map_figure(content, MARKED, font_size=font_size, narrow=True)) is None
