"""In the real browser: the warning-signs banner on every page opens the full tiered list, the
Treatments page shows risks and guidelines beside the benefits, the filter shows expert view, and
every page says the content is a draft until a clinician is named."""

import re

import pytest
from playwright.sync_api import expect

from explainer import sections
from explainer.content import load_content
from explainer.schema import DRAFT_TEXT
from tests.support.browser import wait_for_app
from tests.support.pages import open_url, url_of

pytestmark = pytest.mark.browser

CONTENT = load_content()
WARNING = sections.by_key("warning_signs")
MAIN = '[data-testid="stMain"]'


def banner(page):
    return page.locator(".st-key-warning_banner")


@pytest.mark.parametrize("key", ["start", "symptoms", "treatments", "aims", "summary", "about"])
def test_banner_on_the_page_opens_the_full_list(page, base_url, key):
    open_url(page, base_url, url_of(sections.by_key(key)) + "?consult=1")
    box = banner(page)
    expect(box).to_be_visible()
    expect(box).to_contain_text("Go now")
    expect(box).to_contain_text(CONTENT.settings["emergency_number"])
    box.get_by_role("link", name="When to get help").click()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"/when-to-get-help"))
    expect(page.locator(MAIN).get_by_role("heading", name="When to get help", level=1)).to_be_visible()


def test_warning_page_shows_three_tiers_with_numbers(page, base_url):
    open_url(page, base_url, url_of(WARNING))
    main = page.locator(MAIN)
    for tier, flags in CONTENT.red_flags_by_tier:
        heading = main.get_by_role("heading", name=re.compile(re.escape(tier.heading)))
        expect(heading).to_be_visible()
        expect(heading).to_contain_text(tier.cue.upper())  # a word, not colour alone
        expect(main).to_contain_text(CONTENT.tier_instruction(tier.tier))
        expect(main.get_by_text(flags[0].sign, exact=True)).to_be_visible()
    expect(main).to_contain_text(CONTENT.settings["clinic_phone"])


def test_treatments_show_risks_and_guidelines_beside_benefits(page, base_url):
    scs = next(t for t in CONTENT.treatments if t.id == "spinal_cord_stimulation")
    open_url(page, base_url, url_of(sections.by_key("treatments")) + "?treatments=spinal_cord_stimulation")
    main = page.locator(MAIN)
    expect(main.get_by_text(scs.risks).first).to_be_visible()  # the card of a picked option is open
    expect(main.get_by_text(scs.guidelines).first).to_be_visible()
    expect(main.get_by_text(scs.evidence).first).to_be_visible()
    expect(main.get_by_role("heading", name="Side by side")).to_be_visible()
    expect(main.locator("table").filter(has_text="No further treatment").first).to_be_visible()


@pytest.mark.parametrize(("width", "beside"), [(1366, True), (390, False)])
def test_a_cards_benefits_and_risks_sit_side_by_side_and_stack_on_a_phone(page, base_url, width, beside):
    page.set_viewport_size({"width": width, "height": 900})
    open_url(page, base_url, url_of(sections.by_key("treatments")) + "?treatments=spinal_cord_stimulation")
    card = page.locator(".st-key-treatment_cards td")
    benefit = card.filter(has_text="What it aims at:").first
    risk = card.filter(has_text="Risks:").first
    benefit.scroll_into_view_if_needed()
    a, b = benefit.bounding_box(), risk.bounding_box()
    assert a and b
    if beside:
        assert b["x"] >= a["x"] + a["width"] - 1 and abs(b["y"] - a["y"]) < 2, (a, b)
    else:
        assert b["y"] >= a["y"] + a["height"] - 1 and b["width"] > 0.8 * width - 60, (a, b)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_filter_detail_shows_expert_view_and_risks(page, base_url):
    scs = next(t for t in CONTENT.treatments if t.id == "spinal_cord_stimulation")
    open_url(page, base_url, url_of(sections.by_key("aims")) + "?treatments=spinal_cord_stimulation")
    main = page.locator(MAIN)
    main.get_by_text("Why, the risks, what guidelines say").click()
    expect(main.get_by_text("Expert view").first).to_be_visible()
    expect(main.get_by_text(scs.risks)).to_be_visible()


@pytest.mark.parametrize("key", ["start", "about", "sources", "warning_signs"])
def test_draft_note_on_every_page(page, base_url, key):
    assert CONTENT.review_status().is_draft
    open_url(page, base_url, url_of(sections.by_key(key)))
    expect(page.locator(MAIN).get_by_text(DRAFT_TEXT).first).to_be_visible()
