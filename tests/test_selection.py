"""This patient's selection: from the address, across pages, onto the summary and the PDF."""

import builtins
import io
import os
import tempfile
from datetime import date

from pypdf import PdfReader

from explainer import sections
from explainer.content import load_content
from explainer.handout import build_handout
from explainer.selection import Selection, parse_address, to_address
from tests.conftest import make_app, open_page

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


def test_selection_made_on_a_page_shows_on_the_summary(content):
    at = open_page("app_pages/guide/treatments.py")
    at.pills(key="marks_treatments").set_value(["spinal_cord_stimulation"]).run()
    assert at.session_state["sel_treatments"] == ["spinal_cord_stimulation"]
    at.switch_page("app_pages/guide/symptoms.py").run()
    at.pills(key="marks_symptoms_body").set_value(["sharp_nerve_pain"]).run()
    at.switch_page("app_pages/guide/summary.py").run()
    text = "\n".join(m.value for m in at.markdown)
    assert "**Spinal cord stimulation**" in text
    assert "For what you feel, it aims at: sharp, shooting nerve pain in the leg." in text
    # The summary's editor shows the same choices, and the sidebar counts them.
    assert at.multiselect(key="edit_treatments").value == ["spinal_cord_stimulation"]
    assert any("Picked so far: 1 symptom, 1 treatment." in c.value for c in at.sidebar.caption)


def test_a_pick_list_changes_only_the_items_it_offers():
    """Feelings picked lower on the page stay when a body symptom is picked or unpicked, and the
    selection keeps the content's order, whatever order things were clicked in."""
    at = open_page("app_pages/guide/symptoms.py", symptoms="low_mood,sharp_nerve_pain")
    body = at.pills(key="marks_symptoms_body")
    assert body.value == ["sharp_nerve_pain"]
    assert at.pills(key="marks_symptoms_feelings").value == ["low_mood"]
    body.set_value([]).run()
    assert at.session_state["sel_symptoms"] == ["low_mood"]
    at.pills(key="marks_symptoms_body").set_value(["numbness", "dull_ache"]).run()
    order = [s.id for s in load_content().symptoms]
    assert at.session_state["sel_symptoms"] == sorted(["low_mood", "numbness", "dull_ache"], key=order.index)


def test_choices_changed_on_the_summary_stay_when_moving_on():
    """The selection is kept under its own keys: Streamlit forgets a widget's value on a page that
    does not show the widget, and the summary's editor is on one page only."""
    at = open_page("app_pages/guide/summary.py")
    at.multiselect(key="edit_causes").set_value(["nerve_damage", "scar_tissue"]).run()
    at.switch_page("app_pages/guide/start.py").run()
    at.switch_page("app_pages/guide/causes.py").run()
    assert at.session_state["sel_causes"] == ["scar_tissue", "nerve_damage"]  # the content's order
    assert set(at.pills(key="marks_causes").value) == {"scar_tissue", "nerve_damage"}


def test_selection_is_restored_from_the_address():
    at = open_page("app_pages/guide/summary.py", treatments="spinal_cord_stimulation", causes="scar_tissue")
    assert at.multiselect(key="edit_treatments").value == ["spinal_cord_stimulation"]
    assert at.multiselect(key="edit_causes").value == ["scar_tissue"]
    assert any(h.value == "Causes we are looking into" for h in at.header)
    assert not at.info or all("not recognised" not in i.value for i in at.info)


def test_bad_address_values_give_a_visible_note_not_a_crash():
    at = make_app(treatments="spinal_cord_stimulation,nonsense", consult="2")
    at.run()
    assert not at.exception
    notes = [i.value for i in at.info if "not recognised" in i.value]
    assert len(notes) == 1 and "nonsense" in notes[0]
    assert at.session_state["sel_treatments"] == ["spinal_cord_stimulation"]


def test_consult_mode_from_the_address_guides_step_by_step():
    at = open_page("app_pages/guide/causes.py", consult="1")
    assert any(m.value == f"**Step 3 of {len(sections.GUIDED)}**" for m in at.markdown)
    labels = [b.label for b in at.button]
    assert "Back: The spine and the operation" in labels and "Next: Symptoms and feelings" in labels
    assert "Leave consult mode" in labels
    at.button(key="consult_leave").click().run()
    assert "Leave consult mode" not in [b.label for b in at.button]
    assert any(b.label == "Start consult mode" for b in at.sidebar.button)


def test_consult_next_goes_to_the_next_step():
    at = open_page("app_pages/guide/spine.py", consult="1")
    at.button(key="consult_next").click().run()
    assert [t.value for t in at.title] == ["Why pain can continue"]


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
    writes = []
    real_open = builtins.open

    def watching_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            writes.append(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(io, "open", watching_open)
    work, scratch = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    scratch.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where any temp file would land
    build_handout(content, Selection(treatments=("nsaids",)), patient_name="Private Name")
    assert writes == []
    assert os.listdir(work) == [] and os.listdir(scratch) == []


def test_summary_page_offers_the_pdf_download():
    at = open_page("app_pages/guide/summary.py", treatments="nsaids")
    [download] = at.get("download_button")
    assert download.proto.label == "Download summary (PDF)"
