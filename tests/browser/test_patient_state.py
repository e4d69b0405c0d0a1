"""What the patient did, in a real browser: kept across pages, in the summary and the PDF, cleared by
New patient; the address cannot inject markup, and picks do not flood the browser history."""

import io
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from explainer.content import load_content
from tests.support.browser import wait_for_app
from tests.support.hostile import ADDRESS_PAYLOADS
from tests.support.pages import SECTION, click_nav, main_text, open_topic, open_url, pick_pill, rerun_after, url_of

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def content():
    return load_content()


def main(page):
    return page.locator('[data-testid="stMain"]')


def tick(page, label: str) -> None:
    rerun_after(page, main(page).get_by_text(label, exact=True).click)


def address(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_ticked_questions_reach_the_summary_and_the_pdf_and_survive_a_return(page, base_url, content):
    first, second, *others = content.questions
    open_url(page, base_url, url_of(SECTION["next_steps"]))
    expect(main(page).get_by_role("checkbox")).to_have_count(0)  # every topic shut
    open_topic(page, first)
    tick(page, first.question)
    open_topic(page, second)
    tick(page, second.question)
    click_nav(page, SECTION["summary"])
    name = main(page).get_by_role("textbox", name="Name to print on the summary (optional)")
    name.fill("Alex")
    rerun_after(page, lambda: name.press("Enter"))
    expect(main(page).get_by_text(first.question).filter(visible=True)).to_have_count(1)
    expect(main(page).get_by_text(second.question).filter(visible=True)).to_have_count(1)
    for question in others:
        expect(main(page).get_by_text(question.question, exact=True).filter(visible=True)).to_have_count(0)
    with page.expect_download() as download:
        main(page).get_by_role("button", name="Download summary (PDF)").click()
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages)
    squashed = " ".join(pdf.split())
    assert " ".join(first.question.split()) in squashed and " ".join(second.question.split()) in squashed
    assert not [q.id for q in others if " ".join(q.question.split()) in squashed]

    click_nav(page, SECTION["next_steps"])
    expect(main(page).get_by_text(f"You ticked 2: {first.question} {second.question}")).to_be_visible()
    for question in (first, second, others[0]):
        open_topic(page, question)
    expect(main(page).get_by_role("checkbox", name=first.question)).to_be_checked()
    expect(main(page).get_by_role("checkbox", name=second.question)).to_be_checked()
    expect(main(page).get_by_role("checkbox", name=others[0].question)).not_to_be_checked()


def test_a_guess_of_20_survives_leaving_and_returning(page, base_url, content):
    number = content.evidence[0]
    open_url(page, base_url, url_of(SECTION["evidence"]))
    slider = main(page).locator('[data-testid="stSlider"]').first
    slider.locator('input[type="range"]').focus()
    for _ in range(60):  # from 50 down to 20 with the keyboard, as a person can
        if slider.get_by_test_id("stSliderThumbValue").inner_text().strip() == "20":
            break
        page.keyboard.press("ArrowLeft")
    wait_for_app(page)
    expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("20")
    rerun_after(page, main(page).get_by_role("button", name="Show the answer").first.click)
    expect(main(page).get_by_text("You guessed 20 in 100.")).to_be_visible()
    click_nav(page, SECTION["start"])
    click_nav(page, SECTION["evidence"])
    expect(main(page).get_by_text("You guessed 20 in 100.")).to_be_visible()
    expect(slider.get_by_test_id("stSliderThumbValue")).to_have_text("20")
    assert number.title in main_text(page)


def test_filter_picks_survive_a_direction_switch_and_a_page_move(page, base_url, content):
    treatment, symptom = content.treatments[0], content.symptoms[0]
    open_url(page, base_url, url_of(SECTION["aims"]))
    pick_pill(page, "Pick one or more treatments", treatment.name)
    rerun_after(page, page.get_by_role("radiogroup", name="Start from").get_by_text("Symptoms").click)
    pick_pill(page, "Pick one or more symptoms", symptom.name)
    rerun_after(page, page.get_by_role("radiogroup", name="Start from").get_by_text("Treatments").click)
    picked = main(page).get_by_role("toolbar", name="Pick one or more treatments")
    expect(picked.get_by_role("button", name=treatment.name, exact=True)).to_have_attribute("aria-pressed", "true")
    click_nav(page, SECTION["start"])
    click_nav(page, SECTION["aims"])
    picked = main(page).get_by_role("toolbar", name="Pick one or more treatments")
    expect(picked.get_by_role("button", name=treatment.name, exact=True)).to_have_attribute("aria-pressed", "true")
    expect(main(page).get_by_role("heading", name=treatment.name)).to_be_visible()


def test_new_patient_clears_everything_and_the_address(page, base_url, content):
    cause, question = content.causes[0], content.questions[0]
    open_url(page, base_url, f"{url_of(SECTION['causes'])}?causes={cause.id}&questions={question.id}")
    click_nav(page, SECTION["summary"])
    expect(main(page).get_by_text(cause.name).filter(visible=True).first).to_be_visible()
    sidebar = page.locator('[data-testid="stSidebar"]')
    rerun_after(page, sidebar.get_by_role("button", name="New patient").click)
    rerun_after(page, sidebar.get_by_role("button", name="Yes, clear everything").click)
    expect(sidebar.get_by_text("Nothing picked yet.", exact=False)).to_be_visible()
    expect(main(page).get_by_text("Nothing is picked yet.", exact=False)).to_be_visible()
    page.wait_for_function("() => !location.search.includes('causes')", timeout=10_000)
    assert not {"causes", "questions", "symptoms", "treatments"} & set(address(page))
    click_nav(page, SECTION["next_steps"])
    expect(main(page).get_by_text("You ticked")).to_have_count(0)
    open_topic(page, question)
    expect(main(page).get_by_role("checkbox", name=question.question)).not_to_be_checked()
    page.reload()
    wait_for_app(page, settle_ms=0)
    expect(sidebar.get_by_text("Nothing picked yet.", exact=False)).to_be_visible()


@pytest.mark.parametrize("payload", ADDRESS_PAYLOADS)
def test_address_payloads_are_shown_as_typed_and_fetch_nothing(browser, base_url, payload):
    context = browser.new_context()
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(f"{base_url}/?symptoms={quote(payload, safe='')}")
        wait_for_app(page)
        note = main(page).locator('[data-testid="stAlert"]').filter(has_text="not recognised")
        expect(note).to_have_count(1)
        expect(note.locator("a, img, script, iframe")).to_have_count(0)
        assert not [url for url in requested if (urlsplit(url).hostname or "").endswith("ev.il")]
        shown = " ".join(note.inner_text().split())
        assert " ".join(payload.split())[:20] in shown
    finally:
        context.close()


def test_picks_do_not_flood_the_browser_history(page, base_url, content):
    open_url(page, base_url, url_of(SECTION["start"]))
    click_nav(page, SECTION["treatments"])
    start_length = page.evaluate("history.length")
    for treatment in content.treatments[:3]:
        pick_pill(page, "Which of these did we talk about?", treatment.name)
    assert page.evaluate("history.length") == start_length
    click_nav(page, SECTION["summary"])
    # One entry for the move: the choices written into the address replace it, never add a second
    # (which Back would have stepped to, staying on the summary).
    assert page.evaluate("history.length") == start_length + 1
    for treatment in content.treatments[:3]:
        expect(main(page).get_by_text(treatment.name).filter(visible=True).first).to_be_visible()
    page.go_back()
    page.wait_for_url(lambda url: urlsplit(url).path == url_of(SECTION["treatments"]), timeout=15_000)
    wait_for_app(page)
    expect(main(page).get_by_role("heading", name=SECTION["treatments"].title, level=1)).to_be_visible()
