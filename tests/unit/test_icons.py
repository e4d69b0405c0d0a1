"""The start page's icon array, drawn as SVG without plotly (explainer/figures/icons.py)."""

from __future__ import annotations

import base64
import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from explainer.figures import body_px, evidence_icons_svg, floor_px, treatment_numbers_svg
from explainer.figures.base import NARROWEST_CHART, sizes
from explainer.figures.icons import LETTER_EM, icon_array_svg, icon_rows_svg
from explainer.figures.numbers import treatment_numbers_table
from explainer.markup import picture_html

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (the app's own drawing): well-formed XML, or an error


@pytest.mark.parametrize("consult", [False, True])
@pytest.mark.parametrize("narrow", [False, True])
def test_the_count_is_filled_and_the_rest_are_rings(content, consult, narrow):
    svg = parse(evidence_icons_svg(content, "lasting_pain", font_size=body_px(consult), narrow=narrow))
    circles = svg.findall(f"{SVG}circle")
    assert len(circles) == 100
    filled = [c for c in circles if c.get("fill") != "none"]
    ev = next(e for e in content.evidence if e.id == "lasting_pain")
    assert len(filled) == ev.group_a_count
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert f"{ev.group_a_count} in 100" in texts and ev.title.split()[0] in texts


@pytest.mark.parametrize("consult", [False, True])
def test_text_is_at_body_size_and_a_phone_needs_no_shrinking(consult):
    size = body_px(consult)
    for narrow in (False, True):
        svg = parse(
            icon_array_svg([("People with pain that lasts", 21)], heading="How many?", font_size=size, narrow=narrow)
        )
        sizes = [float(t.get("font-size")) for t in svg.iter(f"{SVG}text")]
        assert sizes and min(sizes) >= floor_px(size)
    phone = parse(
        icon_array_svg(
            [("People with pain that lasts", 21)], heading="How many?", font_size=body_px(False), narrow=True
        )
    )
    assert float(phone.get("width")) <= 350  # a 390 px phone's column: shown at full size


def test_content_text_is_escaped_and_nothing_can_run():
    svg = icon_array_svg([("<script>alert(1)</script> & co", 3)], heading='<img src="https://ev.il/x">', font_size=16)
    assert "<script" not in svg and "<img" not in svg
    tree = parse(svg)
    assert {el.tag.removeprefix(SVG) for el in tree.iter()} <= {"svg", "text", "circle"}
    attributes = [f"{k}={v}" for el in tree.iter() for k, v in el.attrib.items()]
    assert not [a for a in attributes if re.search(r"href|https?:|url\(", a)], attributes  # shown as text only


def test_the_picture_is_one_element_with_both_drawings_their_sizes_and_an_escaped_name(content):
    wide = evidence_icons_svg(content, "lasting_pain", font_size=16)
    phone = evidence_icons_svg(content, "lasting_pain", font_size=16, narrow=True)
    name = 'About 21 in 100 "people" <b>'
    images = list(ET.fromstring("<div>" + picture_html(wide, phone, name) + "</div>"))  # noqa: S314 (the app's own)
    assert [(img.tag, img.get("class"), img.get("alt")) for img in images] == [
        ("img", "picture-wide", name),
        ("img", "picture-phone", name),
    ]
    for img, svg in zip(images, (wide, phone), strict=True):
        prefix = "data:image/svg+xml;base64,"
        assert img.get("src").startswith(prefix)
        assert base64.b64decode(img.get("src").removeprefix(prefix)).decode() == svg
        assert (img.get("width"), img.get("height")) == (parse(svg).get("width"), parse(svg).get("height"))
    with pytest.raises(ValueError, match="phone"):
        picture_html(wide, "<svg>no size</svg>", name)


# The options as 100 people on a phone in consult mode (treatments.py): drawn as an image.
OPTIONS = ["epidural_steroid", "spinal_cord_stimulation", "revision_surgery"]


@pytest.mark.parametrize("consult", [False, True])
def test_the_options_as_100_people_fit_the_narrowest_phone_at_body_size(content, consult):
    size = body_px(consult)
    svg = parse(treatment_numbers_svg(content, OPTIONS, font_size=size))
    width = float(svg.get("width"))
    assert width <= NARROWEST_CHART  # never shrunk to fit: its text stays at its size
    label_px = sizes(size)[1]
    rows = []
    for t in svg.iter(f"{SVG}text"):
        assert float(t.get("font-size")) >= floor_px(size)
        right = float(t.get("x")) + len(t.text) * LETTER_EM * label_px
        assert right <= width + 1, f"{t.text!r} runs out of the drawing ({right:.0f} px of {width:.0f})"
        rows.append((float(t.get("y")), float(t.get("x")), right))
    # Two texts on one line never meet; lines are a line apart.
    for y, x, right in rows:
        beside = [(x2, r2) for y2, x2, r2 in rows if y2 == y and x2 > x]
        assert all(right < x2 for x2, _ in beside), (y, x, right, beside)
    ys = sorted({y for y, _, _ in rows})
    assert all(b - a >= label_px for a, b in itertools.pairwise(ys))


def test_the_options_as_100_people_show_every_number_in_the_table(content):
    svg = treatment_numbers_svg(content, OPTIONS, font_size=body_px(True))
    table = treatment_numbers_table(content, OPTIONS)
    words = " ".join(t.text or "" for t in parse(svg).iter(f"{SVG}text"))
    for _, row in table.iterrows():
        assert f"{row['Out of 100']} in 100" in words
        assert row["Treatment"].split()[0] in words


def test_a_harm_is_a_square_and_a_benefit_a_circle():
    svg = parse(
        icon_rows_svg(
            [
                ("Chance of harm: X", "It hurt", "harm", [("With X", 7)]),
                ("Chance of benefit: X", "Better", "benefit", [("With X", 30), ("Without", 20)]),
            ],
            font_size=16,
        )
    )
    assert len(svg.findall(f"{SVG}rect")) == 7
    filled = [c for c in svg.findall(f"{SVG}circle") if c.get("fill") != "none"]
    assert len(filled) == 50
    assert len(svg.findall(f"{SVG}circle")) == 300 - 7
    escaped = icon_rows_svg([("<script>x</script>", "&", "benefit", [("<b>", 1)])], font_size=16)
    assert "<script" not in escaped and "<b>" not in escaped
