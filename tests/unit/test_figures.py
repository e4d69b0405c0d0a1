"""The chart builders, without Streamlit: what keeps them fast must not change what they draw."""

import itertools

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from explainer import figures


def every_figure(content):
    treatments, symptoms = [t.id for t in content.treatments], [s.id for s in content.symptoms]
    yield figures.vertebra_figure(False)
    yield figures.vertebra_figure(True)
    yield figures.cause_groups_figure(content, "timing", None)
    yield figures.treatment_ladder_figure(content, treatments[:2])
    yield figures.aim_matrix_figure(content, treatments, symptoms, True)
    yield figures.icon_array_figure(22, "Pain eased", "Pain not eased")


def test_the_grid_built_without_validation_is_what_plotly_accepts(content):
    """The filter's grid skips plotly's checks at run time (they took most of a click), so check
    here that plotly, checking everything, accepts the very same figure for many picks."""
    treatments, symptoms = [t.id for t in content.treatments], [s.id for s in content.symptoms]
    picks = [treatments[:1], treatments[2:5], treatments, symptoms[:1], symptoms[3:], symptoms]
    for pick, across in itertools.product(picks, (True, False)):
        rows, columns = (pick, symptoms) if pick[0] in treatments else (treatments, pick)
        fast = figures.aim_matrix_figure(content, rows, columns, across)
        checked = figures.aim_matrix_figure(content, rows, columns, across, validate=True)
        assert fast.to_dict() == checked.to_dict()  # exactly what would be sent, checked or not
        assert go.Figure(fast.to_dict()).to_dict() == checked.to_dict()


@pytest.mark.parametrize(("picked", "longest"), [(1, 24), (3, 18), (8, 9)])
def test_a_grid_column_name_is_as_wide_as_its_column_allows(content, picked, longest):
    """Few columns: a name in a line or two, not a stack of short lines; many: short lines that
    cannot run into the next column."""
    treatments, symptoms = [t.id for t in content.treatments], [s.id for s in content.symptoms]
    grid = figures.aim_matrix_figure(content, treatments, symptoms[:picked], False).to_dict()
    names = grid["data"][0]["x"]
    assert len(names) == picked
    lines = [line for name in names for line in name.split("<br>")]
    assert all(len(line) <= longest for line in lines if " " in line), lines  # a long word stays whole
    if picked == 1:
        assert names[0].count("<br>") <= 1, names  # "Dull, aching pain in the back or leg": two lines


def test_a_mistake_in_the_grid_would_be_caught_by_plotly(content):
    """The check above can fail: plotly, checking, refuses a property it does not know."""
    fig = figures.aim_matrix_figure(content, ["nsaids"], ["dull_ache"]).to_dict()
    fig["data"][0]["colour"] = "red"
    with pytest.raises(ValueError, match="colour"):
        go.Figure(fig)


def test_a_frozen_figure_hands_over_the_dict_it_was_frozen_with(content):
    fig = figures.cause_groups_figure(content, "timing", "during")
    before = fig.to_dict()
    frozen = figures.freeze(fig)
    assert isinstance(frozen, figures.FrozenFigure) and frozen is fig
    assert frozen.to_dict() == before
    assert frozen.to_dict() is frozen.to_dict()  # worked out once, not on every rerun


def test_no_figure_carries_plotly_default_template(content):
    """Each style is set by the builders: the default template would add ~6 kB to every chart."""
    for fig in every_figure(content):
        assert fig.to_dict()["layout"]["template"] == pio.templates["none"].to_plotly_json()
        assert fig.to_dict()["layout"]["font"]["size"] == figures.FONT["size"]
        assert len(fig.to_json()) < 40_000
