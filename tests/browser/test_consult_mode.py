"""Consult mode, this patient's selection and the handout, in a real browser (issue 4)."""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from explainer import sections
from tests.support.browser import wait_for_app
from tests.support.pages import (
    CONSULT_SCREENS,
    PAGES,
    assert_consult_fits,
    assert_page_complete,
    blocking,
    click_nav,
    describe_violations,
    open_url,
    pick_pill,
    rerun_after,
    run_axe,
    url_of,
)

pytestmark = pytest.mark.browser

BODY_FONT = """() => parseFloat(getComputedStyle(
    document.querySelector('[data-testid="stMain"] [data-testid="stMarkdownContainer"] p')).fontSize)"""
SIDEBAR_WIDTH = """() => {
    const s = document.querySelector('[data-testid="stSidebar"]');
    if (!s) return 0;
    const r = s.getBoundingClientRect();
    return Math.max(0, Math.min(r.right, window.innerWidth) - Math.max(r.left, 0));
}"""
GUIDED = [s for s in PAGES if s.guided]


# Each shown label in the main area that one of `selectors` finds, with the size its words are
# drawn at, and the size of the page's running text.
LABEL_SIZES = """(selectors) => {
    const size = e => parseFloat(getComputedStyle(e).fontSize);
    const main = '[data-testid="stMain"]';
    const shown = [...document.querySelectorAll(selectors.map(s => `${main} ${s}`).join(', '))]
        .filter(e => e.getClientRects().length > 0);
    const labels = shown.map(s => {
        const words = s.querySelector('[data-testid="stMarkdownContainer"] p') || s;
        return [s.innerText.replace(/\\s+/g, ' ').trim(), size(words)];
    });
    const text = [...document.querySelectorAll(`${main} p`)].find(p => p.innerText.length > 80);
    return [labels, size(text)];
}"""
FOLDS_AND_LINKS = ["summary", '[data-testid="stPageLink"] a']
QUESTIONS_AND_PILLS = ['[data-testid="stWidgetLabel"] p', '[data-testid="stButtonGroup"] button p']


@pytest.mark.parametrize("consult", [False, True], ids=["normal", "consult"])
def test_every_fold_label_and_link_is_as_large_as_the_text(page, base_url, consult):
    """Next steps' topics are expanders, its 'Words used here' a text fold, 'When to get help' in
    the banner and Back / Next are links: all read at the body text's size, at home and on the
    wall screen."""
    next_steps = sections.by_key("next_steps")
    open_url(page, base_url, consult_url(next_steps) if consult else url_of(next_steps))
    labels, text = page.evaluate(LABEL_SIZES, FOLDS_AND_LINKS)
    assert any("When to get help" in label for label, _ in labels), labels
    assert len(labels) >= 8, labels
    small = [(label, px) for label, px in labels if px < text - 0.5]
    assert not small, f"fold labels and links smaller than the {text} px text: {small}"


# The arrow of each shown expander and of each text fold, in px.
ARROWS = """() => {
    const main = '[data-testid="stMain"]';
    const shown = e => e.getClientRects().length > 0;
    const arrow = '[data-testid="stExpander"] summary [data-testid="stIconMaterial"]';
    const expanders = [...document.querySelectorAll(`${main} ${arrow}`)]
        .filter(shown).map(e => parseFloat(getComputedStyle(e).fontSize));
    const folds = [...document.querySelectorAll(`${main} details.fold > summary`)]
        .filter(shown).map(e => parseFloat(getComputedStyle(e, '::before').fontSize));
    return [expanders, folds];
}"""


@pytest.mark.parametrize("consult", [False, True], ids=["normal", "consult"])
def test_questions_and_pills_read_at_the_text_size_and_every_fold_arrow_is_alike(page, base_url, consult):
    """A patient picking at home reads the question and each pill's words as large as the text
    (Streamlit draws them smaller); an expander's arrow is as large as a text fold's."""
    treatments = sections.by_key("treatments")
    open_url(page, base_url, consult_url(treatments) if consult else url_of(treatments))
    labels, text = page.evaluate(LABEL_SIZES, QUESTIONS_AND_PILLS)
    assert any("Spinal cord stimulation" in label for label, _ in labels), labels
    small = [(label, px) for label, px in labels if px < text - 0.5]
    assert not small, f"questions and pills smaller than the {text} px text: {small}"

    next_steps = sections.by_key("next_steps")
    open_url(page, base_url, consult_url(next_steps) if consult else url_of(next_steps))
    expanders, folds = page.evaluate(ARROWS)
    assert expanders and folds, (expanders, folds)
    assert {round(px) for px in expanders + folds} == {round(folds[0])}, (expanders, folds)


def consult_url(section) -> str:
    return url_of(section) + "?consult=1"


def test_consult_mode_enlarges_text_folds_the_sidebar_and_guides(page, base_url):
    causes = sections.by_key("causes")
    open_url(page, base_url, url_of(causes))
    normal_font, normal_sidebar = page.evaluate(BODY_FONT), page.evaluate(SIDEBAR_WIDTH)
    assert normal_sidebar > 100, "the sidebar should be open outside consult mode on a laptop"

    open_url(page, base_url, consult_url(causes))
    assert_page_complete(page, causes)
    assert page.evaluate(BODY_FONT) >= 1.25 * normal_font
    assert page.evaluate(SIDEBAR_WIDTH) < 5, "the sidebar should be folded away in consult mode"
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text(f"Step 3 of {len(GUIDED)}", exact=True).is_visible()

    rerun_after(page, main.get_by_role("button", name="Next: Symptoms and feelings").click)
    page.wait_for_url(re.compile(r"/symptoms\?"))
    wait_for_app(page)
    assert parse_qs(urlsplit(page.url).query).get("consult") == ["1"], page.url
    assert main.get_by_text(f"Step 4 of {len(GUIDED)}", exact=True).is_visible()


def test_consult_mode_on_and_off_with_the_keyboard(page, base_url):
    open_url(page, base_url, "/")
    page.locator('[data-testid="stMain"] h1').first.click()  # focus the page, not a text box
    rerun_after(page, lambda: page.keyboard.press("p"))
    leave = page.get_by_role("button", name=re.compile("Leave consult mode"))
    leave.wait_for(state="visible", timeout=15_000)
    assert parse_qs(urlsplit(page.url).query).get("consult") == ["1"]
    rerun_after(page, lambda: page.keyboard.press("p"))
    leave.wait_for(state="detached", timeout=15_000)
    assert "consult" not in parse_qs(urlsplit(page.url).query)


@pytest.mark.parametrize("width,height", [(1366, 768), (1024, 768), (1920, 1080)], ids=lambda v: str(v))
def test_consult_mode_fits_laptop_tablet_and_wall_display(kept_tab, base_url, width, height):
    page = kept_tab.fresh(viewport={"width": width, "height": height})
    for section in PAGES:
        if section.guided and (width, height) in CONSULT_SCREENS:
            continue  # test_consult_pictures opens these steps at this size and checks the same
        open_url(page, base_url, consult_url(section))
        assert_consult_fits(page, section.key, width, height)


@pytest.mark.parametrize("section", PAGES, ids=lambda s: s.key)
def test_consult_mode_is_accessible(page, base_url, axe_js, section):
    open_url(page, base_url, consult_url(section))
    violations = blocking(run_axe(page))
    assert not violations, describe_violations(violations)


def test_selection_survives_a_reload_and_reaches_the_pdf(page, base_url):
    open_url(page, base_url, url_of(sections.by_key("treatments")))
    pick_pill(page, "Which of these did we talk about?", "Spinal cord stimulation")
    # The address is brought up to date with the next page move, not on every pick (issue 15 pt 7:
    # each address change from the server adds a browser-history entry).
    click_nav(page, sections.by_key("summary"))
    page.wait_for_function("() => location.search.includes('treatments=spinal_cord_stimulation')")

    page.reload()
    wait_for_app(page, settle_ms=0)
    main = page.locator('[data-testid="stMain"]')
    expect(main.get_by_text("Treatments we talked about: Spinal cord stimulation.")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download summary \\(PDF\\)")).click()
    data = download.value.path().read_bytes()
    assert data.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Spinal cord stimulation" in text and "Get help the same day" in text


def test_bad_link_values_show_a_note(page, base_url):
    open_url(page, base_url, "/summary?treatments=nsaids,not_a_treatment&colour=blue")
    note = page.get_by_text(re.compile("Some parts of the link were not recognised"))
    note.wait_for(state="visible")
    assert "not_a_treatment" in note.inner_text() and "colour" in note.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "Anti-inflammatory medicines" in page.locator('[data-testid="stMain"]').inner_text()
