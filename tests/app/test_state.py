"""This patient's values, kept by the state module: across pages, onto the summary, the PDF and
the address, and cleared by New patient. Run through app.py with AppTest."""

import pytest

from explainer import sections
from explainer.content import load_content
from explainer.selection import Selection
from explainer_ui.state import Keys, read_guess, read_selection
from tests.support.app import all_text, make_app, open_every_fold, open_fold, open_page, texts
from tests.support.hostile import ADDRESS_PAYLOADS


def test_selection_made_on_a_page_shows_on_the_summary(content):
    at = open_page("app_pages/guide/treatments.py")
    at.pills(key=Keys.picks("treatments")).set_value(["spinal_cord_stimulation"]).run()
    assert read_selection(at.session_state).treatments == ("spinal_cord_stimulation",)
    at.switch_page("app_pages/guide/symptoms.py").run()
    at.pills(key=Keys.picks("symptoms", "body")).set_value(["sharp_nerve_pain"]).run()
    at.switch_page("app_pages/guide/summary.py").run()
    open_every_fold(at)
    text = "\n".join(texts(at.main) + texts(at.sidebar))
    assert "**Spinal cord stimulation**" in text
    assert "For what you feel, it aims at: sharp, shooting nerve pain in the leg." in text
    # The summary's editor shows the same choices, and the sidebar counts them.
    assert at.multiselect(key=Keys.editor("treatments")).value == ["spinal_cord_stimulation"]
    assert any("Picked so far: 1 symptom, 1 treatment." in t for t in texts(at.sidebar))


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
    at = open_every_fold(open_page("app_pages/guide/summary.py"))
    at.multiselect(key=Keys.editor("causes")).set_value(["nerve_damage", "scar_tissue"]).run()
    at.switch_page("app_pages/guide/start.py").run()
    at.switch_page("app_pages/guide/causes.py").run()
    assert list(read_selection(at.session_state).causes) == ["scar_tissue", "nerve_damage"]  # the content's order
    assert set(at.pills(key=Keys.picks("causes")).value) == {"scar_tissue", "nerve_damage"}


def test_selection_is_restored_from_the_address():
    at = open_page("app_pages/guide/summary.py", treatments="spinal_cord_stimulation", causes="scar_tissue")
    assert not at.multiselect  # the editor's fold is shut: its lists are not drawn
    open_every_fold(at)
    assert at.multiselect(key=Keys.editor("treatments")).value == ["spinal_cord_stimulation"]
    assert at.multiselect(key=Keys.editor("causes")).value == ["scar_tissue"]
    assert any(h.value == "Causes we are looking into" for h in at.subheader)
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
    assert "Back" in labels and "Next: Symptoms and feelings" in labels
    assert at.button(key=Keys.CONSULT_BACK).help == "Back to The spine and the operation"
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


# -- Nothing the patient did is lost by moving between pages --------------------------------

NEXT_STEPS = sections.by_key("next_steps").path
SUMMARY = sections.by_key("summary").path
EVIDENCE = sections.by_key("evidence").path
AIMS = sections.by_key("aims").path
CAUSES = sections.by_key("causes").path
START = sections.FIRST.path


def test_ticked_questions_reach_the_summary_and_survive_a_rerun_and_a_return(content):
    first, second, *others = content.questions
    at = open_page(NEXT_STEPS)
    assert not at.checkbox  # a shut topic draws no tick boxes
    for topic in {first.topic, second.topic, others[0].topic}:
        open_fold(at, Keys.question_topic(topic))
    at.checkbox(key=Keys.question(first.id)).check().run()
    at.checkbox(key=Keys.question(second.id)).check().run()
    at.switch_page(SUMMARY).run()
    at.text_input(key=Keys.HANDOUT_NAME).input("Alex").run()  # a rerun, as any PDF download needs
    text = all_text(at)
    assert first.question in text and second.question in text
    assert not [q.question for q in others if q.question in text]
    assert read_selection(at.session_state).questions == (first.id, second.id)
    at.switch_page(NEXT_STEPS).run()
    assert f"**You ticked 2:** {first.question} {second.question}" in all_text(at)  # seen with every topic shut
    for topic in {first.topic, second.topic, others[0].topic}:
        open_fold(at, Keys.question_topic(topic))
    assert at.checkbox(key=Keys.question(first.id)).value and at.checkbox(key=Keys.question(second.id)).value
    assert not at.checkbox(key=Keys.question(others[0].id)).value
    assert at.query_params["questions"] == f"{first.id},{second.id}"  # in the take-home address


def test_questions_come_back_from_the_address(content):
    question = content.questions[2]
    at = open_page(NEXT_STEPS, questions=question.id)
    for topic in {question.topic, content.questions[0].topic}:
        open_fold(at, Keys.question_topic(topic))
    assert at.checkbox(key=Keys.question(question.id)).value
    assert not at.checkbox(key=Keys.question(content.questions[0].id)).value


def test_a_guess_survives_leaving_and_returning(content):
    first = content.evidence[0]
    at = open_page(EVIDENCE)
    at.slider(key=Keys.guess(first.id)).set_value(20).run()
    at.button(key=Keys.reveal(first.id)).click().run()
    assert "You guessed **20 in 100**." in all_text(at)
    at.switch_page(START).run()
    at.switch_page(EVIDENCE).run()
    assert at.slider(key=Keys.guess(first.id)).value == 20
    assert "You guessed **20 in 100**." in all_text(at)
    assert read_guess(at.session_state, first.id) == 20


def test_filter_picks_survive_a_direction_switch_and_a_page_move():
    at = open_page(AIMS)
    at.pills(key=Keys.filter_picks("treatments")).set_value(["spinal_cord_stimulation"]).run()
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("symptoms").run()
    at.pills(key=Keys.filter_picks("symptoms")).set_value(["low_mood"]).run()
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("treatments").run()
    assert at.pills(key=Keys.filter_picks("treatments")).value == ["spinal_cord_stimulation"]
    at.switch_page(START).run()
    at.switch_page(AIMS).run()
    assert at.segmented_control(key=Keys.FILTER_DIRECTION).value == "treatments"
    assert at.pills(key=Keys.filter_picks("treatments")).value == ["spinal_cord_stimulation"]
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("symptoms").run()
    assert at.pills(key=Keys.filter_picks("symptoms")).value == ["low_mood"]


def test_causes_sort_and_group_survive_a_page_move():
    at = open_page(CAUSES)
    at.segmented_control(key=Keys.CAUSE_DIMENSION).set_value("mechanism").run()
    at.pills(key=Keys.cause_group("mechanism")).set_value("infection").run()
    at.switch_page(START).run()
    at.switch_page(CAUSES).run()
    assert at.segmented_control(key=Keys.CAUSE_DIMENSION).value == "mechanism"
    assert at.pills(key=Keys.cause_group("mechanism")).value == "infection"


# -- New patient -------------------------------------------------------------------------------


def test_new_patient_clears_every_value_and_the_address(content):
    first = content.evidence[0]
    at = open_page(EVIDENCE, treatments="nsaids", questions=content.questions[0].id)
    at.slider(key=Keys.guess(first.id)).set_value(20).run()
    at.button(key=Keys.reveal(first.id)).click().run()
    at.switch_page(SUMMARY).run()
    at.text_input(key=Keys.HANDOUT_NAME).input("Alex").run()
    at.sidebar.button(key=Keys.NEW_PATIENT).click().run()
    at.button(key=Keys.NEW_PATIENT_CONFIRM).click().run()
    assert read_selection(at.session_state) == Selection()
    assert not [key for key in at.query_params if at.query_params[key]]
    assert at.text_input(key=Keys.HANDOUT_NAME).value == ""
    assert any("Nothing picked yet." in t for t in texts(at.sidebar))
    at.switch_page(EVIDENCE).run()
    assert at.slider(key=Keys.guess(first.id)).value == 50
    assert "You guessed" not in all_text(at)


def test_new_patient_from_the_consult_bar_keeps_consult_mode():
    at = open_page(CAUSES, consult="1", causes="scar_tissue")
    at.button(key=Keys.NEW_PATIENT_BAR).click().run()
    at.button(key=Keys.NEW_PATIENT_CONFIRM).click().run()
    assert read_selection(at.session_state) == Selection()
    assert any(b.label == "Leave consult mode" for b in at.button)
    assert at.query_params["consult"] == "1"


# -- What the address cannot make the app show ----------------------------------------------


@pytest.mark.parametrize("payload", ADDRESS_PAYLOADS)
def test_unrecognised_address_values_are_shown_as_plain_text(payload):
    at = make_app(symptoms=payload)
    at.run()
    assert not at.exception
    [note] = [i.value for i in at.info if "not recognised" in i.value]
    # What the address said is quoted in one code span: nothing in it can become a link, an image or HTML.
    _, quoted = note.split(": ", 1)
    fence = quoted[: len(quoted) - len(quoted.lstrip("`"))]
    assert fence and quoted.endswith(fence) and fence not in quoted[len(fence) : -len(fence)], note
    assert "\n" not in note and payload.split()[0][:10] in quoted
