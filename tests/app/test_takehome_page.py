"""What matters to you, teach-back and the summary page, run through app.py with AppTest."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from pypdf import PdfReader

from explainer.content import load_content
from explainer.handout import build_handout
from explainer.qr import ENV_VAR
from explainer.sections import by_key
from explainer.selection import NO_TREATMENT_ID
from explainer.summary import LINK_ONLY_HERE, LOOK_AGAIN_HEADING, choices_from
from explainer_ui.state import Keys, read_selection
from tests.support.app import all_text, open_page, texts

CHOICES = {
    "treatments": "spinal_cord_stimulation,physical_therapy",
    "questions": "",
    "values": "sleep,work",
    "teach_back": "tb_why_pain",
    "leanings": "spinal_cord_stimulation:not_sure,physical_therapy:leaning",
    "readiness": "sure:no,understand:yes",
}
PUBLIC = "https://explainer.example-clinic.org"


@pytest.fixture
def no_public_address(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def _choices(content):
    query = dict(CHOICES)
    query["questions"] = content.questions[0].id
    ids = {t.id for t in content.treatments}
    assert {"spinal_cord_stimulation", "physical_therapy"} <= ids, "the test's treatments are in the content"
    return query


def test_what_matters_page_stores_values_leanings_and_readiness(no_public_address):
    at = open_page("app_pages/guide/values.py", treatments="spinal_cord_stimulation")
    assert "does not pick a treatment for you" in "\n".join(i.value for i in at.info)
    at.pills(key=Keys.picks("values")).set_value(["sleep", "avoid_operation"]).run()
    at.segmented_control(key=Keys.answer("leanings", "spinal_cord_stimulation")).set_value("not_for_me").run()
    at.segmented_control(key=Keys.answer("readiness", "support")).set_value("yes").run()
    chosen = read_selection(at.session_state)
    assert chosen.values == ("avoid_operation", "sleep")  # content order
    assert chosen.answers("leanings") == {"spinal_cord_stimulation": "not_for_me"}
    assert chosen.answers("readiness") == {"support": "yes"}
    at.switch_page("app_pages/guide/summary.py").run()
    shown = all_text(at)
    assert "Avoid more surgery; Sleep better." in shown
    assert "Not for me" in shown
    assert "Do you have enough support and advice to make a choice? **Yes**" in shown


def test_no_further_treatment_can_hold_a_leaning_that_reaches_the_summary_and_the_address(no_public_address):
    at = open_page("app_pages/guide/values.py", treatments="spinal_cord_stimulation")
    labels = [c.label for c in at.segmented_control if c.key and c.key.startswith(Keys.answer("leanings", ""))]
    assert labels == ["Spinal cord stimulation", "No further treatment"]  # content order, then none
    at.segmented_control(key=Keys.answer("leanings", NO_TREATMENT_ID)).set_value("leaning").run()
    assert read_selection(at.session_state).answers("leanings") == {NO_TREATMENT_ID: "leaning"}
    at.switch_page("app_pages/guide/summary.py").run()
    shown = all_text(at)
    assert "**No further treatment**\n\n*How you feel:* **Leaning towards**" in shown
    assert "**Spinal cord stimulation**\n\n*How you feel:* **Not said**" in shown
    assert at.query_params["leanings"] == f"{NO_TREATMENT_ID}:leaning"

    # Opened again from that address, the leaning is still there.
    again = open_page("app_pages/guide/values.py", treatments="spinal_cord_stimulation", leanings="none:not_sure")
    assert again.segmented_control(key=Keys.answer("leanings", NO_TREATMENT_ID)).value == "not_sure"
    assert not any("not recognised" in i.value for i in again.info)


def test_teach_back_tick_puts_the_topic_on_the_summary_with_a_link(no_public_address):
    at = open_page("app_pages/guide/next_steps.py")
    went_over = at.pills(key=Keys.TEACH_BACK)
    assert went_over.options == [t.title for t in (by_key(i.section) for i in load_content().teach_back)]
    went_over.set_value(["tb_options"]).run()
    assert read_selection(at.session_state).teach_back == ("tb_options",)
    at.switch_page("app_pages/guide/summary.py").run()
    assert any(s.value == LOOK_AGAIN_HEADING for s in at.subheader)
    shown = all_text(at)
    assert "What are the options we talked about?" in shown
    assert "See [Treatments](treatments?teach_back=tb_options)." in shown


def test_summary_without_a_public_address_says_local_only_and_offers_no_qr(no_public_address):
    content = load_content()
    at = open_page("app_pages/guide/summary.py", **_choices(content))
    assert any(LINK_ONLY_HERE in w.value for w in at.warning)
    assert not at.get("image"), "no QR code without a public address"
    shown = all_text(at)
    assert "Sleep better; Get back to work." in shown
    assert "Leaning towards" in shown and "Not sure" in shown
    assert "In your own words, why can pain go on after an operation?" in shown
    assert content.questions[0].question in shown
    assert "Do you feel sure about the best choice for you? **No**" in shown


def test_summary_with_a_public_address_shows_the_link_and_a_qr(monkeypatch):
    monkeypatch.setenv(ENV_VAR, PUBLIC)
    content = load_content()
    at = open_page("app_pages/guide/summary.py", **_choices(content))
    assert not any(LINK_ONLY_HERE in w.value for w in at.warning)
    assert len(at.get("image")) == 1, "one QR code"
    links = [t for t in texts(at.main) if t.startswith(f"[{PUBLIC}/summary?")]
    assert len(links) == 1
    link = links[0].split("](")[1].removesuffix(")")
    query = parse_qs(urlsplit(link).query)
    assert query["values"] == ["sleep,work"]
    assert query["teach_back"] == ["tb_why_pain"]
    assert query["questions"] == [content.questions[0].id]
    assert set(query["leanings"][0].split(",")) == {"spinal_cord_stimulation:not_sure", "physical_therapy:leaning"}
    assert "consult" not in query
    # The look-again link goes to the public page too.
    assert f"]({PUBLIC}/causes?" in all_text(at)


def test_pdf_from_the_pages_own_build_holds_the_choices(monkeypatch):
    """The handout the page builds (same selection, choices and address) holds every chosen item."""
    monkeypatch.setenv(ENV_VAR, PUBLIC)
    content = load_content()
    at = open_page("app_pages/guide/summary.py", **_choices(content))
    selection = read_selection(at.session_state)
    pdf = build_handout(content, selection, choices=choices_from(selection), address=PUBLIC, query=CHOICES)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    first = " ".join(pages[0].split())
    assert "Sleep better; Get back to work." in first
    assert "Spinal cord stimulation" in first and "Leaning towards" in first
    everything = " ".join(" ".join(pages).split())
    assert "Look at again at home" in everything
    assert "why can pain go on after an operation?" in everything
