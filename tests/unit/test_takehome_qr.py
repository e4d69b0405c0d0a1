"""The take-home link and its QR code: the public address, the link built from any query, and a
code that decodes (offline, with zxing-cpp) to exactly the link."""

import io

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from explainer import qr, sections

ADDRESS = "https://clinic.example.org/explainer"


def test_the_environment_variable_wins_over_the_setting():
    settings = {"public_address": "https://from-settings.example.org/"}
    assert qr.public_address(settings, {}) == "https://from-settings.example.org"
    env = {qr.ENV_VAR: "https://from-env.example.org/guide/"}
    assert qr.public_address(settings, env) == "https://from-env.example.org/guide"
    assert qr.public_address({"public_address": ""}, {}) == ""


@pytest.mark.parametrize(
    "raw",
    [
        "http://localhost:8501",
        "http://127.0.0.1:8501",
        "http://0.0.0.0:8501",
        "javascript:alert(1)",
        "ftp://clinic.example.org",
        "clinic.example.org",
        "https://clinic.example.org/?a=1",
        "https://clinic example.org",
    ],
)
def test_an_address_a_phone_cannot_open_reads_as_not_set(raw):
    assert qr.public_address({"public_address": raw}, {}) == ""
    assert qr.public_address({}, {qr.ENV_VAR: raw}) == ""


def test_the_link_is_the_same_from_a_query_string_or_a_mapping():
    mapping = {"causes": "scar_tissue,leftover_disc", "questions": ["q_cause", "q_tests"], "values": ""}
    from_mapping = qr.take_home_link(ADDRESS + "/", mapping)
    from_string = qr.take_home_link(ADDRESS, "?causes=scar_tissue,leftover_disc&questions=q_cause&questions=q_tests")
    assert from_mapping == from_string
    assert from_mapping == f"{ADDRESS}/summary?causes=scar_tissue,leftover_disc&questions=q_cause&questions=q_tests"


def test_without_a_public_address_the_link_is_relative_and_gets_no_code():
    link = qr.take_home_link("", {"treatments": "nsaids"})
    assert link == "summary?treatments=nsaids"
    assert not qr.can_offer_qr(link)
    assert qr.can_offer_qr(qr.take_home_link(ADDRESS, {"treatments": "nsaids"}))


def test_a_link_to_the_first_page_goes_to_the_root():
    """Streamlit serves the first page at '/' only: its url_path ('/start') opens a "Page not found" box."""
    first = sections.FIRST
    assert first.address_path == "" and sections.by_key("causes").address_path == "causes"
    assert qr.page_link(ADDRESS, first.address_path, {"teach_back": "tb"}) == f"{ADDRESS}/?teach_back=tb"
    assert qr.page_link("", first.address_path, {"teach_back": "tb"}) == "./?teach_back=tb"
    assert qr.page_link("", first.address_path) == "./"


def _decode(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_png_decodes_to_the_same_link():
    link = qr.take_home_link(ADDRESS, {"causes": "scar_tissue", "treatments": "nsaids,spinal_cord_stimulation"})
    assert _decode(Image.open(io.BytesIO(qr.qr_png(link)))) == [link]


def test_the_vector_squares_the_pdf_draws_decode_to_the_same_link():
    """Draw exactly the runs that draw_qr puts in the PDF, then decode that picture."""
    link = qr.take_home_link(ADDRESS, {"questions": ",".join(f"q{i}" for i in range(20)), "consult": "1"})
    n, runs = qr.dark_runs(link)
    module, quiet = 6, 4
    image = Image.new("L", ((n + 2 * quiet) * module,) * 2, 255)
    draw = ImageDraw.Draw(image)
    for row, col, length in runs:
        x, y = (col + quiet) * module, (row + quiet) * module
        draw.rectangle([x, y, x + length * module - 1, y + module - 1], fill=0)
    assert _decode(image) == [link]


def test_the_svg_is_an_svg_image_with_no_external_reference():
    svg = qr.qr_svg(qr.take_home_link(ADDRESS, "treatments=nsaids")).decode()
    assert svg.startswith("<svg") and "</svg>" in svg
    assert "href" not in svg and "<script" not in svg
