"""This patient's values, kept by the state module: across pages, onto the summary, the PDF and
the address, and cleared by New patient. Run through app.py with AppTest."""

from explainer import sections
from explainer.content import load_content
from explainer_ui.state import Keys, read_selection
from tests.support.app import make_app, open_page


def test_selection_made_on_a_page_shows_on_the_summary(content):
    at = open_page("app_pages/guide/treatments.py")
    at.pills(key=Keys.picks("treatments")).set_value(["spinal_cord_stimulation"]).run()
    assert read_selection(at.session_state).treatments == ("spinal_cord_stimulation",)
    at.switch_page("app_pages/guide/symptoms.py").run()
    at.pills(key=Keys.picks("symptoms", "body")).set_value(["sharp_nerve_pain"]).run()
    at.switch_page("app_pages/guide/summary.py").run()
    text = "\n".join(m.value for m in at.markdown)
    assert "**Spinal cord stimulation**" in text
    assert "For what you feel, it aims at: sharp, shooting nerve pain in the leg." in text
    # The summary's editor shows the same choices, and the sidebar counts them.
    assert at.multiselect(key=Keys.editor("treatments")).value == ["spinal_cord_stimulation"]
    assert any("Picked so far: 1 symptom, 1 treatment." in c.value for c in at.sidebar.caption)


def test_a_pick_list_changes_only_the_items_it_offers():
    """Feelings picked lower on the page stay when a body symptom is picked or unpicked, and the
    selection keeps the content's order, whatever order things were clicked in."""
    at = open_page("app_pages/guide/symptoms.py", symptoms="low_mood,sharp_nerve_pain")
    body = at.pills(key=Keys.picks("symptoms", "body"))
    assert body.value == ["sharp_nerve_pain"]
    assert at.pills(key=Keys.picks("symptoms", "feelings")).value == ["low_mood"]
    body.set_value([]).run()
    assert list(read_selection(at.session_state).symptoms) == ["low_mood"]
    at.pills(key=Keys.picks("symptoms", "body")).set_value(["numbness", "dull_ache"]).run()
    order = [s.id for s in load_content().symptoms]
    assert list(read_selection(at.session_state).symptoms) == sorted(
        ["low_mood", "numbness", "dull_ache"], key=order.index
    )


def test_choices_changed_on_the_summary_stay_when_moving_on():
    """The selection is kept under its own keys: Streamlit forgets a widget's value on a page that
    does not show the widget, and the summary's editor is on one page only."""
    at = open_page("app_pages/guide/summary.py")
    at.multiselect(key=Keys.editor("causes")).set_value(["nerve_damage", "scar_tissue"]).run()
    at.switch_page("app_pages/guide/start.py").run()
    at.switch_page("app_pages/guide/causes.py").run()
    assert list(read_selection(at.session_state).causes) == ["scar_tissue", "nerve_damage"]  # the content's order
    assert set(at.pills(key=Keys.picks("causes")).value) == {"scar_tissue", "nerve_damage"}


def test_selection_is_restored_from_the_address():
    at = open_page("app_pages/guide/summary.py", treatments="spinal_cord_stimulation", causes="scar_tissue")
    assert at.multiselect(key=Keys.editor("treatments")).value == ["spinal_cord_stimulation"]
    assert at.multiselect(key=Keys.editor("causes")).value == ["scar_tissue"]
    assert any(h.value == "Causes we are looking into" for h in at.header)
    assert not at.info or all("not recognised" not in i.value for i in at.info)


def test_bad_address_values_give_a_visible_note_not_a_crash():
    at = make_app(treatments="spinal_cord_stimulation,nonsense", consult="2")
    at.run()
    assert not at.exception
    notes = [i.value for i in at.info if "not recognised" in i.value]
    assert len(notes) == 1 and "nonsense" in notes[0]
    assert list(read_selection(at.session_state).treatments) == ["spinal_cord_stimulation"]


def test_consult_mode_from_the_address_guides_step_by_step():
    at = open_page("app_pages/guide/causes.py", consult="1")
    assert any(m.value == f"**Step 3 of {len(sections.GUIDED)}**" for m in at.markdown)
    labels = [b.label for b in at.button]
    assert "Back: The spine and the operation" in labels and "Next: Symptoms and feelings" in labels
    assert "Leave consult mode" in labels
    at.button(key=Keys.CONSULT_LEAVE).click().run()
    assert "Leave consult mode" not in [b.label for b in at.button]
    assert any(b.label == "Start consult mode" for b in at.sidebar.button)


def test_consult_next_goes_to_the_next_step():
    at = open_page("app_pages/guide/spine.py", consult="1")
    at.button(key=Keys.CONSULT_NEXT).click().run()
    assert [t.value for t in at.title] == ["Why pain can continue"]


def test_summary_page_offers_the_pdf_download():
    at = open_page("app_pages/guide/summary.py", treatments="nsaids")
    [download] = at.get("download_button")
    assert download.proto.label == "Download summary (PDF)"
