"""The start page's icon array, drawn as SVG without plotly (explainer/figures/icons.py)."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import pytest

from explainer.figures import body_px, evidence_icons_svg, floor_px
from explainer.figures.icons import icon_array_svg
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
