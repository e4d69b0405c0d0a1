"""A broken content file leaves its table empty: every builder still returns a figure plotly
accepts (the page shows the content problem beside it), and summaries and tables stay calm."""

import pytest

from explainer import figures
from explainer.content import Content
from tests.support.figures import assert_valid

EMPTY = Content()

BUILDERS = [
    lambda: figures.cause_map_figure(EMPTY, ["scar_tissue"], font_size=22),
    lambda: figures.cause_map_figure(EMPTY, narrow=True),
    lambda: figures.spine_places_figure(EMPTY, ["scar_tissue"]),
    lambda: figures.spine_side_figure(EMPTY, narrow=True),
    lambda: figures.body_map_figure(EMPTY, ["dull_ache"]),
    lambda: figures.body_map_figure(EMPTY, narrow=True),
    lambda: figures.treatment_numbers_figure(EMPTY, ["spinal_cord_stimulation"]),
    lambda: figures.treatment_numbers_figure(EMPTY, [], narrow=True),
]


@pytest.mark.parametrize("build", BUILDERS)
def test_builders_with_empty_content(build):
    assert_valid(build())


def test_words_with_empty_content():
    assert figures.cause_map_table(EMPTY).empty
    assert figures.body_map_table(EMPTY).empty
    assert figures.spine_places_table(EMPTY, ["scar_tissue"]).empty
    assert figures.treatment_numbers_table(EMPTY, ["x"]).empty
    assert figures.treatment_compare_table(EMPTY, ["x"])["Option"].tolist() == ["No further treatment"]
    for text in (
        figures.cause_map_summary(EMPTY),
        figures.body_map_summary(EMPTY),
        figures.treatment_numbers_summary(EMPTY, []),
        figures.spine_places_summary(EMPTY, []),
    ):
        assert text
