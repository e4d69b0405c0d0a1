"""One name for each option and symptom everywhere (issue 13, point 6): every chart, grid and table
shows a treatment or a symptom by its `name` in the content, wrapped over lines perhaps, never
by another name (an abbreviation, a short name, a paraphrase).

Each check collects the labels a figure or table shows for treatments or symptoms and compares
them with the names, so a label that is not a name (say "NSAIDs" for "Anti-inflammatory
medicines") fails, and so does a name left out."""

from __future__ import annotations

import re

import pytest

from explainer import figures
from explainer.aims import aim_summary, aim_table
from explainer.figures.numbers import NO_FURTHER
from explainer.selection import Selection
from explainer.summary import options, picks, summarise
from explainer.vocabulary import Direction
from tests.support.figures import SCALES, assert_text_not_below_floor, assert_valid


def unwrap(label: str) -> str:
    """A label as read: line breaks, bold and the padding beside a mark taken away."""
    return " ".join(re.sub(r"<br>|</?b>", " ", str(label)).split())


def names(rows) -> list[str]:
    return [r.name for r in rows]


@pytest.mark.parametrize("font_size", SCALES)
def test_the_ladder_labels_every_option_by_its_name(content, font_size):
    built = figures.treatment_ladder_figure(content, [], font_size=font_size)
    assert_text_not_below_floor(built, font_size)  # full names, still at the page's text size
    fig = assert_valid(built)
    shown = [unwrap(text) for trace in fig["data"] for text in trace["text"]]
    assert sorted(shown) == sorted(names(content.treatments))
    assert [y for trace in fig["data"] for y in trace["y"]] == names(content.treatments)
    assert fig["layout"]["yaxis"]["categoryarray"] == names(content.treatments)
    hover = [h.split(": ")[0] for trace in fig["data"] for h in trace["hovertext"]]
    assert hover == names(content.treatments)


@pytest.mark.parametrize("across", [True, False])
def test_the_aim_grid_and_its_table_show_names_only(content, across):
    treatments, symptoms = [t.id for t in content.treatments], [s.id for s in content.symptoms]
    built = figures.aim_matrix_figure(content, treatments, symptoms, across, validate=True, font_size=22)
    assert_text_not_below_floor(built, 22)
    fig = built.to_dict()
    heat = fig["data"][0]
    columns, rows = (content.treatments, content.symptoms) if across else (content.symptoms, content.treatments)
    assert [unwrap(x) for x in heat["x"]] == names(columns)
    assert [unwrap(y) for y in heat["y"]] == names(rows)
    for hover_row in heat["hovertext"]:
        for hover in hover_row:
            treatment, rest = hover.split(": ", 1)
            assert treatment in names(content.treatments)
            assert rest.split(" for ", 1)[1] in [n.lower() for n in names(content.symptoms)]

    for direction in Direction:
        picked = treatments[:3] if direction == Direction.BY_TREATMENT else symptoms[:3]
        rows_, cols_ = (picked, symptoms) if direction == Direction.BY_TREATMENT else (treatments, picked)
        table = aim_table(content, rows_, cols_, direction)
        everyone = names(content.treatments) + names(content.symptoms)
        assert set(table.columns[1:]) <= set(everyone) and len(table.columns) == 4
        assert set(table.iloc[:, 0]) <= set(everyone)
        summary = aim_summary(content, rows_, cols_, direction)
        picked_names = names(
            [t for t in content.treatments if t.id in picked] + [s for s in content.symptoms if s.id in picked]
        )
        assert all(n in summary for n in picked_names[:3])


def test_the_icon_arrays_their_table_and_the_comparison_name_each_option_by_its_name(content):
    every = [t.id for t in content.treatments]
    known = set(names(content.treatments))
    table = figures.treatment_numbers_table(content, every)
    for label in table["Treatment"]:
        # an option's name, or a trial that compared options: "A compared with b"
        parts = label.split(" compared with ")
        assert parts[0] in known and all(p[0].upper() + p[1:] in known for p in parts[1:]), label
    for narrow in (False, True):
        fig = figures.treatment_numbers_figure(content, every, font_size=16, narrow=narrow).to_dict()
        # Each array's heading: "<b>Chance of benefit: NAME</b><br>outcome" (group labels say "in 100").
        headings = [unwrap(t.split("</b>")[0]) for t in fig["data"][2]["text"] if "in 100</b>" not in t]
        assert headings
        for heading in headings:
            shown = heading.split(": ", 1)[1].split(" compared with ")
            assert shown[0] in known and all(p[0].upper() + p[1:] in known for p in shown[1:]), heading
    compare = figures.treatment_compare_table(content, every)
    assert compare["Option"].tolist() == [*names(content.treatments), NO_FURTHER]


def test_the_summary_and_the_handout_use_the_same_names(content):
    every = tuple(t.id for t in content.treatments)
    selection = Selection(symptoms=tuple(s.id for s in content.symptoms), treatments=every)
    shown = {p.heading: list(p.names) for p in picks(content, selection)}
    assert shown["What you feel"] == names(content.symptoms)
    assert shown["Treatments we talked about"] == names(content.treatments)
    assert [o.name for o in options(content, selection, _no_choices())] == [*names(content.treatments), NO_FURTHER]
    parts = {p.heading: [i.title for i in p.items] for p in summarise(content, selection)}
    assert parts["Treatments we talked about"] == names(content.treatments)
    assert parts["What you told us you feel"] == names(content.symptoms)


def test_the_body_map_names_every_symptom_by_its_name(content):
    table = figures.body_map_table(content)
    assert table["Symptom"].tolist() == names(content.symptoms)


def _no_choices():
    from explainer.summary import Choices

    return Choices()
