"""The pictures of what the patient said: where they stand on each option, and their questions."""

import pytest

from explainer import figures
from explainer.summary import LEANINGS
from tests.support.figures import SCALES, assert_plain, assert_text_not_below_floor, assert_valid

OPTIONS = [
    ("Spinal cord stimulation", "not_for_me"),
    ("Physical therapy and exercise", None),
    ("No further treatment", "leaning"),
]
TOPICS = [
    ("diagnosis", [("What is causing my pain?", True), ("Could it be the nerve?", False)]),
    ("risks", [("What can go wrong?", False)]),
]


def _points(trace: dict) -> list[tuple[float, float]]:
    return list(zip(trace["x"], trace["y"], strict=True))


@pytest.mark.parametrize("font_size", SCALES)
def test_each_answer_is_a_large_filled_dot_in_its_column_the_rest_open_rings(font_size):
    fig = assert_valid(figures.leanings_figure(OPTIONS, LEANINGS, font_size=font_size))
    rings, dots = fig["data"]
    columns = list(LEANINGS)
    assert sorted(_points(dots)) == [(columns.index("leaning"), 2), (columns.index("not_for_me"), 0)]
    assert dots["marker"]["symbol"] == "circle" and rings["marker"]["symbol"] == "circle-open"
    assert dots["marker"]["size"] > rings["marker"]["size"]  # shape and size, not only colour
    assert len(_points(rings)) == 3 * len(OPTIONS) - 2  # every other step of every option
    assert fig["layout"]["xaxis"]["ticktext"] == ["Leaning<br>towards", "Not<br>sure", "Not<br>for me"]
    names = [label.replace("<br>", " ") for label in fig["layout"]["yaxis"]["ticktext"]]
    assert names[1] == "Physical therapy and exercise <i>not said</i>"
    assert names[0] == "Spinal cord stimulation" and names[2] == "No further treatment"  # the pages' order
    assert_text_not_below_floor(figures.leanings_figure(OPTIONS, LEANINGS, font_size=font_size), font_size)


def test_where_you_stand_in_words_and_as_a_table():
    words = figures.leanings_summary(OPTIONS, LEANINGS)
    assert_plain(words)
    assert "Leaning towards: no further treatment" in words
    assert "Not for me: spinal cord stimulation" in words
    assert "Not said: physical therapy and exercise" in words
    assert "Not sure" not in words  # nothing is there
    table = figures.leanings_table(OPTIONS, LEANINGS)
    assert table.to_dict("records") == [
        {"Option": "Spinal cord stimulation", "How you feel": "Not for me"},
        {"Option": "Physical therapy and exercise", "How you feel": "Not said"},
        {"Option": "No further treatment", "How you feel": "Leaning towards"},
    ]
    none_yet = figures.leanings_summary([("No further treatment", None)], LEANINGS)
    assert_plain(none_yet)
    assert none_yet.startswith("No answers yet")


@pytest.mark.parametrize("font_size", SCALES)
def test_a_ticked_question_is_a_filled_dot_on_its_topics_row(font_size):
    fig = assert_valid(figures.questions_figure(TOPICS, font_size=font_size))
    rings, dots, counts = fig["data"]
    assert _points(dots) == [(0, 0)]
    assert sorted(_points(rings)) == [(0, 1), (1, 0)]
    assert dots["hovertext"] == ["Ticked: What is causing my pain?"]
    assert counts["text"] == ["1 of 2", "0 of 1"]  # the count is written, not only drawn
    assert fig["layout"]["yaxis"]["ticktext"] == ["Diagnosis", "Risks"]
    assert_text_not_below_floor(figures.questions_figure(TOPICS, font_size=font_size), font_size)


def test_your_questions_in_words_and_as_a_table():
    words = figures.questions_summary(TOPICS)
    assert_plain(words)
    assert words.startswith("You ticked 1 of 3: 1 on diagnosis.")
    assert figures.questions_table(TOPICS).to_dict("records") == [
        {"Topic": "Diagnosis", "Questions": 2, "You ticked": 1},
        {"Topic": "Risks", "Questions": 1, "You ticked": 0},
    ]
    none = figures.questions_summary([(t, [(q, False) for q, _ in qs]) for t, qs in TOPICS])
    assert_plain(none)
    assert "not ticked" in none
