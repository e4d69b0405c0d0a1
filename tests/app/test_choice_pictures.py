"""The steps made of choices have a picture of this patient's choices (issue 13, points 1 and 2):
where they stand on each option (What matters to you, the summary), their questions by topic
(Next steps, in consult mode), the treatment ladder with the options talked about, and the aims
grid opened on what the patient marked."""

from __future__ import annotations

import json

import pytest

from explainer import sections
from tests.support.app import all_text, chart_specs, open_page

LEANING = {"treatments": "spinal_cord_stimulation", "leanings": "spinal_cord_stimulation:leaning,none:not_for_me"}


def _chart(at, key: str) -> dict:
    """The spec of the chart with this key (its element id ends with the key)."""
    found = [el for el in at.get("plotly_chart") if el.proto.id.endswith(key)]
    assert found, f"no chart {key!r} on the page: {[el.proto.id for el in at.get('plotly_chart')]}"
    return json.loads(found[0].proto.spec)


def _dots(spec: dict) -> list[tuple[float, float]]:
    """Where the filled dots are: (column, row)."""
    filled = next(t for t in spec["data"] if t.get("marker", {}).get("symbol") == "circle")
    return sorted(zip(filled["x"], filled["y"], strict=True))


@pytest.mark.parametrize("consult", ["", "1"])
@pytest.mark.parametrize(("page", "key"), [("values", "where_you_stand"), ("summary", "summary_where_you_stand")])
def test_where_you_stand_shows_this_patients_answers(page, key, consult):
    at = open_page(sections.by_key(page).path, **LEANING, **({"consult": consult} if consult else {}))
    spec = _chart(at, key)
    rows = [label.replace("<br>", " ") for label in spec["layout"]["yaxis"]["ticktext"]]
    assert rows == ["Spinal cord stimulation", "No further treatment"]
    # Leaning towards is the first step, not for me the third.
    assert _dots(spec) == [(0, 0), (2, 1)]


def test_where_you_stand_without_answers_says_not_said_yet():
    at = open_page(sections.by_key("values").path, treatments="spinal_cord_stimulation")
    spec = _chart(at, "where_you_stand")
    assert all("not said" in label for label in spec["layout"]["yaxis"]["ticktext"])
    assert _dots(spec) == []


def test_next_steps_draws_the_questions_in_the_consult_only():
    at = open_page(sections.by_key("next_steps").path, consult="1", questions="q_cause")
    spec = _chart(at, "your_questions")
    assert _dots(spec) == [(0, 0)]  # the first question of the first topic
    home = open_page(sections.by_key("next_steps").path, questions="q_cause")
    assert not [el for el in home.get("plotly_chart") if el.proto.id.endswith("your_questions")]


def test_the_ladder_marks_the_options_talked_about():
    at = open_page(sections.by_key("treatments").path, treatments="spinal_cord_stimulation")
    ladder = _chart(at, "ladder_chart")
    sizes = {
        name: size for trace in ladder["data"] for name, size in zip(trace["y"], trace["marker"]["size"], strict=True)
    }
    assert sizes["Spinal cord stimulation"] > max(s for n, s in sizes.items() if n != "Spinal cord stimulation")


def test_the_aims_grid_opens_on_the_marked_symptoms_when_no_treatment_is_marked():
    at = open_page(sections.by_key("aims").path, symptoms="dull_ache")
    grids = [s for s in chart_specs(at) if s["data"] and s["data"][0]["type"] == "heatmap"]
    assert grids, "the grid is not drawn"
    across = [label.replace("<br>", " ") for label in grids[0]["data"][0]["x"]]
    assert across == ["Dull, aching pain in the back or leg"]
    # A marked treatment still comes first.
    at = open_page(sections.by_key("aims").path, symptoms="dull_ache", treatments="spinal_cord_stimulation")
    grid = next(s for s in chart_specs(at) if s["data"] and s["data"][0]["type"] == "heatmap")
    assert [label.replace("<br>", " ") for label in grid["data"][0]["x"]] == ["Spinal cord stimulation"]


@pytest.mark.parametrize("consult", ["", "1"])
def test_what_matters_says_there_are_no_wrong_answers_once(consult):
    at = open_page(sections.by_key("values").path, **LEANING, **({"consult": consult} if consult else {}))
    assert all_text(at).count("no right or wrong answers") == 1
