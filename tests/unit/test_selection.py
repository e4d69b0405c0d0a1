"""This patient's selection: from the address, across pages, onto the summary and the PDF."""

import io
from datetime import date

from pypdf import PdfReader

from explainer.handout import build_handout
from explainer.selection import CONSULT, KINDS, Selection, parse_address, to_address
from tests.support.privacy import assert_nothing_written, watch_writes

KNOWN = {"causes": ["a", "b"], "symptoms": ["s1", "s2"], "treatments": ["t1", "t2", "t3"]}


def test_address_round_trip():
    selection = Selection(causes=("b",), symptoms=("s1", "s2"), treatments=("t3",))
    params = {k: [v] for k, v in to_address(selection, consult=True).items()}
    parsed = parse_address(params, KNOWN)
    assert parsed.selection == selection and parsed.consult and parsed.notes == ()


def test_address_accepts_repeated_keys_and_keeps_content_order():
    parsed = parse_address({"treatments": ["t3", "t1,t3"]}, KNOWN)
    assert parsed.selection.treatments == ("t1", "t3")


def test_unknown_and_malformed_values_are_dropped_with_one_note():
    parsed = parse_address(
        {"treatments": ["t1,leeches"], "consult": ["maybe"], "utm_source": ["mail"], "causes": ["<script>"]}, KNOWN
    )
    assert parsed.selection == Selection(treatments=("t1",))
    assert parsed.consult is False
    [note] = parsed.notes
    assert "leeches" in note and "maybe" in note and "utm_source" in note and "<script>" in note


def test_very_long_values_are_cut_and_shown_short():
    parsed = parse_address({"causes": ["x" * 100_000]}, KNOWN)
    [note] = parsed.notes
    assert len(note) < 200


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_pdf_holds_the_selection_red_flags_questions_and_sources(content):
    selection = Selection(
        causes=("scar_tissue",), symptoms=("sharp_nerve_pain",), treatments=("spinal_cord_stimulation",)
    )
    data = build_handout(content, selection, patient_name="Alex", today=date(2026, 11, 24))
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    for expected in (
        "Your summary: pain after back surgery",
        "24 November 2026",
        "For: Alex",
        "Spinal cord stimulation",
        "Scar tissue",
        "Get help the same day",
        "Questions to ask",
        "Where this comes from",
        "Kumar 2007",
        "not medical advice",
    ):
        assert expected in text, expected
    reader = PdfReader(io.BytesIO(data))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert all("/FontFile2" in f.get_object()["/DescendantFonts"][0]["/FontDescriptor"] for f in fonts.values())


def test_pdf_without_a_selection_says_so(content):
    text = _pdf_text(build_handout(content, Selection()))
    assert "No causes, symptoms or treatments were marked" in text


def test_building_a_handout_writes_no_file(content, monkeypatch, tmp_path):
    """Privacy: the handout exists only in memory until the person downloads it."""
    writes, work, scratch = watch_writes(monkeypatch, tmp_path)
    build_handout(content, Selection(treatments=("nsaids",)), patient_name="Private Name")
    assert_nothing_written(writes, work, scratch)


def test_every_take_home_kind_travels_in_the_address():
    known = {
        **KNOWN,
        "questions": ["q1", "q2"],
        "values": ["sleep", "work"],
        "teach_back": ["tb1"],
        "leanings": ["t1", "t2", "t3"],
        "readiness": ["r1", "r2"],
    }
    selection = Selection(
        treatments=("t1",),
        questions=("q2",),
        values=("sleep", "work"),
        teach_back=("tb1",),
        leanings=(("t1", "leaning"), ("t3", "not_for_me")),
        readiness=(("r1", "yes"), ("r2", "no")),
    )
    params = {k: [v] for k, v in to_address(selection, consult=False).items()}
    parsed = parse_address(params, known)
    assert parsed.selection == selection and parsed.notes == ()


def test_bad_answers_are_dropped_with_a_note():
    known = {**KNOWN, "leanings": ["t1"], "readiness": ["r1"]}
    parsed = parse_address({"leanings": ["t1:maybe,t9:leaning"], "readiness": ["r1:yes"]}, known)
    assert parsed.selection.leanings == () and parsed.selection.readiness == (("r1", "yes"),)
    [note] = parsed.notes
    assert "t1:maybe" in note and "t9:leaning" in note


def test_a_kind_whose_table_does_not_exist_yet_is_ignored():
    parsed = parse_address({"values": ["sleep"], "readiness": ["r1:yes"], "treatments": ["t1"]}, KNOWN)
    assert parsed.selection == Selection(treatments=("t1",)) and parsed.notes == ()


def test_the_address_never_holds_a_name():
    params = to_address(Selection(causes=("a",)), consult=True)
    assert set(params) <= {*KINDS, CONSULT}
