"""The handout PDF, read back with pypdf: page one stands alone, the draft line appears exactly
when no reviewer is named, names in any script print, '{nb}' prints as typed, the pictures are
vector drawings, references are one short line each, and nothing is written to disk."""

import io
import re
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from explainer.content import load_content
from explainer.handout import build_handout
from explainer.selection import Selection
from explainer.summary import DRAFT_BANNER, Choices
from tests.support.csv_edit import set_cell
from tests.support.privacy import assert_nothing_written, watch_writes

ADDRESS = "https://clinic.example.org/explainer"


def _pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    """Extracted text on one line: pypdf breaks lines where the PDF wraps them."""
    return " ".join(text.split())


@pytest.fixture
def clinic(content_copy):
    set_cell(content_copy, "settings.csv", "clinic_name", "value", "Riverside Spine Clinic")
    set_cell(content_copy, "settings.csv", "clinic_contact", "value", "Ward 4, Riverside Hospital")
    set_cell(content_copy, "settings.csv", "clinic_phone", "value", "020 7946 0000")
    set_cell(content_copy, "settings.csv", "emergency_number", "value", "999")
    return content_copy


def _typical(content):
    treatments = ("physical_therapy", "spinal_cord_stimulation")
    selection = Selection(causes=("scar_tissue",), symptoms=("sharp_nerve_pain",), treatments=treatments)
    choices = Choices(
        questions=(content.questions[0].id,),
        values=("sleep", "work"),
        leanings={"spinal_cord_stimulation": "not_sure"},
        readiness={"sure": False},
        teach_back=("tb_options",),
    )
    query = {"causes": "scar_tissue", "symptoms": "sharp_nerve_pain", "treatments": ",".join(treatments)}
    return selection, choices, query


def test_page_one_holds_the_clinic_choices_tiers_numbers_and_the_qr_link(clinic):
    content = load_content(clinic)
    selection, choices, query = _typical(content)
    data = build_handout(content, selection, choices=choices, today=date(2026, 11, 30), address=ADDRESS, query=query)
    page_one = _flat(_pages(data)[0])
    for expected in (
        "Riverside Spine Clinic",
        "Ward 4, Riverside Hospital",
        "30 November 2026",
        "Scar tissue or swelling as you heal",
        "Sharp, shooting nerve pain in the leg",
        "Physical therapy and exercise",
        "Spinal cord stimulation",
        "No further treatment",
        "Sleep better; Get back to work",
        "Not sure",
        "020 7946 0000",
        "999",
        "Notes",
    ):
        assert expected in page_one, expected
    for tier in content.warning_tiers:
        assert tier.cue.upper() in page_one and tier.heading in page_one
    link = (
        f"{ADDRESS}/summary?causes=scar_tissue&symptoms=sharp_nerve_pain"
        "&treatments=physical_therapy,spinal_cord_stimulation"
    )
    assert link in page_one.replace(" ", "")


def test_without_a_public_address_page_one_says_the_link_only_works_here(content):
    selection, choices, query = _typical(content)
    page_one = _flat(_pages(build_handout(content, selection, choices=choices, query=query))[0])
    assert "only works on this computer" in page_one
    assert "https://" not in page_one


def test_the_draft_line_appears_exactly_when_no_reviewer_is_named(content_copy):
    draft = "\n".join(_pages(build_handout(load_content(content_copy), Selection(treatments=("nsaids",)))))
    assert DRAFT_BANNER in _flat(draft) and DRAFT_BANNER.upper() in _flat(draft)
    set_cell(content_copy, "settings.csv", "reviewer_name", "value", "Dr A. Reviewer")
    set_cell(content_copy, "settings.csv", "review_date", "value", "2026-11-30")
    checked = _flat("\n".join(_pages(build_handout(load_content(content_copy), Selection(treatments=("nsaids",))))))
    assert "draft" not in checked.lower()
    assert "Checked by Dr A. Reviewer" in checked


NAMES = {
    "Chinese": "王秀英",
    "Japanese": "山田はなこ",
    "Korean": "김민준",
    "Devanagari": "प्रिया शर्मा",
    "Arabic": "محمد عبد الله",
}


def _letters(text: str) -> str:
    """Text as a reader sees it: shaped glyphs can leave control characters in extraction."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch) != "Cc")


@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_any_script_prints(content, script):
    name = NAMES[script]
    data = build_handout(content, Selection(treatments=("nsaids",)), patient_name=f"{name} {{nb}}")
    page_one = _letters(PdfReader(io.BytesIO(data)).pages[0].extract_text())
    assert name in page_one, (script, page_one[:300])
    [line] = [line for line in page_one.splitlines() if name in line]
    assert "{nb}" in line  # printed as typed, not as the page count (right-to-left may put it first)


def test_page_numbers_still_count_the_pages(content):
    pages = _pages(build_handout(content, Selection(treatments=("nsaids",)), patient_name="Ann {nb} Lee"))
    assert "For: Ann {nb} Lee" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_pictures_are_vector_drawings_and_references_one_line_each(content):
    selection, choices, query = _typical(content)
    data = build_handout(content, selection, choices=choices, query=query, address=ADDRESS)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        objects = page["/Resources"].get("/XObject") or {}
        assert not objects, "a picture was embedded as an image, not drawn"
    text = "\n".join(_pages(data))
    assert "Before the operation" in text and "After a laminectomy" in text
    assert "in 100" in text  # the icon arrays' numbers
    assert "et al.." not in text
    tail = text.split("Where this comes from")[-1]
    lines = [line for line in tail.splitlines() if re.match(r"^[A-Z][\w'’ -]+ \d{4}[a-z]?\.", line)]
    assert len(lines) >= 3
    assert all(len(line) < 150 for line in lines)
    assert text.rfind("Where this comes from") > text.rfind("Treatments we talked about")


def test_building_a_handout_with_every_part_writes_no_file(content, monkeypatch, tmp_path):
    writes, work, scratch = watch_writes(monkeypatch, tmp_path)
    selection, choices, query = _typical(content)
    build_handout(content, selection, choices=choices, query=query, address=ADDRESS, patient_name="王秀英 محمد")
    assert_nothing_written(writes, work, scratch)


def _images(data: bytes) -> int:
    page = PdfReader(io.BytesIO(data)).pages[0]
    return len(page["/Resources"].get("/XObject") or {})


def test_the_clinic_logo_prints_from_inside_content_only(content_copy, tmp_path):
    from PIL import Image

    Image.new("L", (60, 20), 0).save(content_copy / "logo.png")
    Image.new("L", (60, 20), 0).save(tmp_path / "outside.png")
    set_cell(content_copy, "settings.csv", "clinic_logo", "value", "logo.png")
    assert _images(build_handout(load_content(content_copy), Selection())) == 1
    for elsewhere in ("../outside.png", str(tmp_path / "outside.png"), "missing.png", "settings.csv"):
        set_cell(content_copy, "settings.csv", "clinic_logo", "value", elsewhere)
        assert _images(build_handout(load_content(content_copy), Selection())) == 0, elsewhere


def test_handouts_built_at_once_in_several_threads_are_all_whole(content):
    """Streamlit serves sessions in threads, and the fonts are read once and shared."""
    from concurrent.futures import ThreadPoolExecutor

    selection, choices, query = _typical(content)

    def build(i: int) -> str:
        data = build_handout(content, selection, choices=choices, query=query, patient_name=f"Patient {i}")
        return _pages(data)[0]

    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(build, range(8)))
    for i, page in enumerate(pages):
        assert f"For: Patient {i}" in page and "Spinal cord stimulation" in page


def test_it_prints_in_black_and_white_only(content):
    """Every colour in the PDF is a grey (equal red, green and blue): no cue rests on colour."""
    selection, choices, query = _typical(content)
    data = build_handout(content, selection, choices=choices, query=query, address=ADDRESS)
    colour = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) (rg|RG)\b")
    seen = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        for r, g, b, _ in colour.findall(page.get_contents().get_data()):
            seen += 1
            assert float(r) == float(g) == float(b), (r, g, b)
    assert seen  # the check looked at something


def test_a_head_to_head_trial_prints_once_when_both_its_options_were_picked(content):
    north = next(e for e in content.evidence if e.id == "north_scs")
    selection = Selection(treatments=("spinal_cord_stimulation", "revision_surgery"))
    text = _flat(" ".join(_pages(build_handout(content, selection, today=date(2026, 11, 30)))))
    assert text.count(north.title) == 1


def test_page_one_compares_recovery_and_says_when_it_is_expert_view(content):
    selection = Selection(treatments=("physical_therapy", "revision_surgery"))
    page_one = _flat(_pages(build_handout(content, selection, today=date(2026, 11, 30)))[0])
    assert "Recovery" in page_one
    surgery = next(t for t in content.treatments if t.id == "revision_surgery")
    first = surgery.recovery.split(". ")[0] + "."
    assert f"{first} (Expert view)" in page_one  # its first sentence, tagged as expert view
