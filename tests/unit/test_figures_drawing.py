"""Drawing on a picture during the consult: the pen, a circle and an eraser; nothing stored."""

import pytest

from explainer import figures
from tests.support.figures import assert_valid


@pytest.mark.parametrize(
    "make",
    [
        lambda c: figures.spine_side_figure(c, font_size=22),
        lambda c: figures.operation_figure("fusion", True, font_size=22),
        lambda c: figures.vertebra_figure(True, font_size=22),
        lambda c: figures.body_map_figure(c, font_size=22),
    ],
)
def test_any_drawing_can_start_with_the_pen(content, make):
    original = make(content)
    before = original.to_dict()
    pen = figures.drawable(original)
    as_dict = assert_valid(pen)
    assert as_dict["layout"]["dragmode"] == "drawopenpath"
    assert as_dict["layout"]["newshape"]["line"]["width"] >= 4
    assert as_dict["data"] == before["data"]
    assert original.to_dict() == before  # the cached drawing is not changed


def test_frozen_drawings_can_be_drawn_on(content):
    frozen = figures.freeze(figures.spine_side_figure(content, font_size=16))
    assert figures.drawable(frozen).to_dict()["layout"]["dragmode"] == "drawopenpath"


def test_the_toolbar_offers_only_drawing_tools():
    config = figures.DRAW_CONFIG
    assert config["displayModeBar"] is True and config["displaylogo"] is False
    assert config["modeBarButtons"] == [["drawopenpath", "drawcircle", "eraseshape"]]


@pytest.mark.parametrize("font_size", [16, 22])
def test_the_tools_get_a_band_above_the_drawing_and_plain_names(font_size):
    original = figures.operation_figure("laminectomy", False, font_size=font_size).to_dict()["layout"]
    layout = figures.drawable(figures.operation_figure("laminectomy", False, font_size=font_size), font_size)
    layout = layout.to_dict()["layout"]
    band = layout["margin"]["t"] - original["margin"]["t"]
    assert band >= figures.tool_px(font_size) >= 44
    assert layout["height"] - original["height"] == band  # the drawing itself keeps its size
    assert figures.tool_px(22) > figures.tool_px(16)  # larger on the wall screen
    names = figures.DRAW_CONFIG["locales"]["en-US"]["dictionary"]
    assert set(names) == {"Draw open freeform", "Draw circle", "Erase active shape"}  # plotly's own titles
    for name in names.values():
        assert "freeform" not in name.lower() and "shape" not in name.lower()
