"""The new pictures stay light: no plotly template (about 6 kB and 2 ms a chart) and a small dict."""

import plotly.io as pio
import pytest

from explainer import figures
from explainer.summary import LEANINGS


def new_figures(content):
    causes = [c.id for c in content.causes]
    symptoms = [s.id for s in content.symptoms]
    treatments = [t.id for t in content.treatments]
    for narrow in (False, True):
        yield figures.cause_map_figure(content, causes[:2], font_size=22, narrow=narrow)
        yield figures.spine_places_figure(content, causes, causes[:2], font_size=22, narrow=narrow)
        yield figures.body_map_figure(content, symptoms[:2], font_size=22, narrow=narrow)
        yield figures.treatment_numbers_figure(content, treatments, font_size=22, narrow=narrow)
    yield figures.spine_side_figure(content, font_size=22)
    for op in figures.OPERATIONS:
        yield figures.operation_figure(op, True, font_size=22)
    yield figures.leanings_figure([("No further treatment", "leaning")], LEANINGS, font_size=22)
    yield figures.questions_figure([("diagnosis", [("What is causing my pain?", True)])], font_size=22)


@pytest.mark.parametrize("index", range(14))
def test_no_template_and_small(content, index):
    fig = list(new_figures(content))[index]
    as_dict = fig.to_dict()
    assert as_dict["layout"]["template"] == pio.templates["none"].to_plotly_json()
    assert as_dict["layout"]["dragmode"] is False  # no accidental zoom box on a touch screen
    assert len(fig.to_json()) < 60_000


def test_frozen_new_figures_hand_over_their_dict(content):
    for fig in new_figures(content):
        before = fig.to_dict()
        assert figures.freeze(fig).to_dict() == before


def test_the_list_above_covers_every_new_picture(content):
    assert len(list(new_figures(content))) == 14
