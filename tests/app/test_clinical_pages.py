"""The clinical facts the pages show: warning signs once (a banner on every page, the full tiered
list on its own page), risks and guidelines beside benefits, what each link rests on, and an
honest review status. Every expectation is read from the content the app loads."""

from __future__ import annotations

import re

import pytest

from explainer import sections
from explainer.content import load_content
from explainer.figures.numbers import NO_FURTHER
from explainer.schema import DRAFT_TEXT
from explainer.vocabulary import Aim, Basis
from explainer_ui.state import Keys
from tests.support.app import (
    all_text,
    chart_specs,
    folds,
    make_app,
    markdown_tables,
    open_every_fold,
    open_fold,
    open_page,
    texts,
)
from tests.support.csv_edit import edit_rows

WARNING_PAGE = sections.by_key("warning_signs").path


def markdown_text(at) -> str:
    return "\n".join(texts(at.main))


# -- Warning signs -------------------------------------------------------------------------


def test_warning_page_shows_every_tier_with_its_cue_instruction_numbers_and_signs(content):
    at = open_page(WARNING_PAGE)
    text = markdown_text(at)
    assert [t.value for t in at.title] == ["When to get help"]
    positions = []
    for tier, flags in content.red_flags_by_tier:
        heading = next(line for line in text.splitlines() if tier.heading in line)
        assert tier.cue.upper() in heading, tier.tier  # a word cue, not colour alone
        assert ":material/" in heading, tier.tier  # and an icon beside it
        assert content.tier_instruction(tier.tier) in text, tier.tier
        positions.append(text.index(tier.heading))
        for flag in flags:
            assert flag.sign in text, flag.id
    assert positions == sorted(positions)  # most urgent first
    assert len(positions) == 3
    for number in content.numbers_to_call:
        if number.key in {"emergency_number", "clinic_phone"}:
            assert number.value in text, number.key
    assert "{" not in text  # every placeholder filled in
    assert "straight away, even at night" in text


@pytest.mark.parametrize("section", sections.SECTIONS, ids=lambda s: s.key)
def test_every_page_has_the_when_to_get_help_banner(section, content):
    at = open_page(section.path)
    [banner] = [t for t in texts(at.main) if "warning sign" in t and "**Go now:**" in t]
    assert content.settings["emergency_number"] in banner
    if section.path != WARNING_PAGE:
        assert "When to get help" in page_link_labels(at.main), section.key


def page_link_labels(node) -> list[str]:
    """Every page link's label under a node (AppTest's `get` does not look inside every block)."""
    found = [node.proto.label] if type(node).__name__ == "PageLink" else []
    for child in getattr(node, "children", {}).values():
        found += page_link_labels(child)
    return found


@pytest.mark.parametrize("key", ["symptoms", "treatments", "aims", "next_steps"])
def test_the_full_list_is_not_repeated_on_the_guided_pages(key, content):
    text = all_text(open_page(sections.by_key(key).path))
    assert not [flag.id for flag in content.red_flags if flag.sign in text]


# -- Treatments ----------------------------------------------------------------------------


def test_treatments_page_shows_risks_and_guidelines_beside_the_benefits(content):
    at = open_every_fold(open_page("app_pages/guide/treatments.py"))  # every card opened
    text = markdown_text(at)
    for t in content.treatments:
        assert f"**Risks:** {t.risks}" in text, t.id
        assert f"**What guidelines say:** {t.guidelines}" in text, t.id
        assert f"**Recovery:** {t.recovery_text}" in text, t.id
        assert t.evidence in text, t.id
    # Risks sit in the same card as the benefits: never behind a click of their own.
    cards = [f for f in folds(at.main) if f.label.startswith("**")]
    assert len(cards) == len(content.treatments)
    for card, t in zip(cards, content.treatments, strict=True):
        assert card.label.startswith(f"**{t.name}**") and f"**Risks:** {t.risks}" in card.text


def test_treatments_compared_side_by_side_with_no_further_treatment(content):
    picked = ["physical_therapy", "spinal_cord_stimulation"]
    at = make_app(treatments=",".join(picked))
    at.run()
    at.switch_page("app_pages/guide/treatments.py").run()
    assert not at.exception
    [compare] = [t for t in markdown_tables(at) if NO_FURTHER in t.columns]
    cells = compare.to_csv()
    assert list(compare.columns)[-1] == NO_FURTHER  # one column per option, side by side
    assert "What guidelines say" in list(compare.iloc[:, 0])
    # Recovery is a row of its own, for every option and for no further treatment too, and says
    # when it rests on expert view (not a study).
    recovery = compare[compare.iloc[:, 0] == "Recovery"].iloc[0]
    for t in content.treatments:
        if t.id in picked:
            assert t.name in cells and t.guidelines in cells
            assert recovery[t.name] == t.recovery + (" (Expert view)" if t.recovery_basis == "expert_view" else "")
    assert recovery[NO_FURTHER].strip()
    assert NO_FURTHER in cells
    # The stimulator has numbers: its icon arrays are drawn, with their words.
    icons = chart_specs(at)[0]
    assert any(trace.get("name") == "People it happened to" for trace in icon_traces(icons))
    assert any(t.startswith("**In words:**") and "Spinal cord stimulation" in t for t in texts(at.main))
    # The cards of the options talked about are open.
    open_cards = [f.label.split("**")[1] for f in folds(at.main) if f.expanded]
    assert set(open_cards) == {t.name for t in content.treatments if t.id in picked}


def icon_traces(spec: dict) -> list[dict]:
    return spec["data"]


def test_no_options_picked_asks_for_them():
    at = open_page("app_pages/guide/treatments.py")
    assert any("Pick the options you talked about" in i.value for i in at.info)


# -- The filter ----------------------------------------------------------------------------


def test_filter_opens_with_this_patients_marks():
    at = make_app(treatments="spinal_cord_stimulation,pain_medicines", symptoms="touch_sensitivity")
    at.run()
    at.switch_page("app_pages/guide/aims.py").run()
    assert at.pills(key=Keys.filter_picks("treatments")).value == ["pain_medicines", "spinal_cord_stimulation"]
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("symptoms").run()
    assert at.pills(key=Keys.filter_picks("symptoms")).value == ["touch_sensitivity"]
    # Cleared by the clinician: stays cleared (a choice, not a default).
    at.pills(key=Keys.filter_picks("symptoms")).set_value([]).run()
    assert at.pills(key=Keys.filter_picks("symptoms")).value == []


def filter_detail(at) -> str:
    """The filter's "Why, the risks, ..." fold, opened: drawn only when open (a click on a pill
    does not redraw it while it is shut)."""
    [shut] = [e for e in at.main.expander if "risks" in e.label.lower()]
    assert not texts(shut, fold_labels=False), "a shut fold draws nothing"
    open_fold(at, "aim_details")
    [detail] = [e for e in at.main.expander if "risks" in e.label.lower()]
    return "\n".join(texts(detail, fold_labels=False))


def test_filter_detail_shows_basis_risks_and_guidelines(content):
    at = open_page("app_pages/guide/aims.py")
    at.pills(key=Keys.filter_picks("treatments")).set_value(["spinal_cord_stimulation"]).run()
    text = filter_detail(at)
    scs = next(t for t in content.treatments if t.id == "spinal_cord_stimulation")
    assert scs.risks in text and scs.guidelines in text
    for link in content.links:
        if link.treatment_id != scs.id or link.aim == Aim.NOT:
            continue
        line = next(x for x in text.splitlines() if link.reason in x)
        if link.basis == Basis.EXPERT_VIEW:
            assert line.endswith("*Expert view*"), link.symptom_id
        else:
            assert re.search(r"\*(Study|Guideline): ", line), link.symptom_id


def test_filter_from_symptoms_shows_each_treatments_risks(content):
    at = open_page("app_pages/guide/aims.py")
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("symptoms").run()
    at.pills(key=Keys.filter_picks("symptoms")).set_value(["touch_sensitivity"]).run()
    text = filter_detail(at)
    named = {x.treatment_id for x in content.links if x.symptom_id == "touch_sensitivity" and x.aim != Aim.NOT}
    for t in content.treatments:
        if t.id in named:
            assert t.risks in text, t.id
    assert "Expert view" in text


def test_no_may_help_where_nice_advises_against(content):
    """Review B-S6: a link whose reason says a guideline advises against it is never 'may help'."""
    against = [x for x in content.links if "advises against" in x.reason.lower()]
    assert against, "the content should name what NICE advises against"
    assert [f"{x.treatment_id}/{x.symptom_id}" for x in against if x.aim == Aim.MAY] == []


# -- Review status -------------------------------------------------------------------------

REVIEW_PAGES = ["about", "sources", "start", "treatments"]


@pytest.mark.parametrize("key", REVIEW_PAGES)
def test_draft_text_on_about_sources_and_every_footer_when_no_reviewer(key, content):
    assert content.review_status().is_draft  # the shipped content names no reviewer yet
    at = open_page(sections.by_key(key).path)
    assert any(DRAFT_TEXT in t for t in texts(at.main)), "footer note"
    if key in {"about", "sources"}:
        assert DRAFT_TEXT in markdown_text(at)
    assert "last reviewed" not in all_text(at).lower()


@pytest.fixture
def reviewed_copy(content_copy, monkeypatch, fresh_caches):
    def name(rows):
        for row in rows:
            if row[0] == "reviewer_name":
                row[1] = "Dr Ada Example"
            if row[0] == "review_date":
                row[1] = "2026-11-01"

    edit_rows(content_copy / "settings.csv", name)
    assert not load_content(content_copy).review_status().is_draft
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))
    return content_copy


@pytest.mark.parametrize("key", REVIEW_PAGES)
def test_named_reviewer_shows_who_and_when_and_no_draft(key, reviewed_copy):
    at = open_page(sections.by_key(key).path)
    text = all_text(at)
    assert DRAFT_TEXT not in text
    assert any("Checked by Dr Ada Example on 2026-11-01" in t for t in texts(at.main)), "footer note"
    if key in {"about", "sources"}:
        assert "Checked by Dr Ada Example on 2026-11-01" in markdown_text(at)


def test_sources_page_marks_unverified_references(content):
    text = markdown_text(open_page("app_pages/reference/sources.py"))
    unverified = [r for r in content.references if not r.verified]
    assert unverified
    for ref in content.references:
        line = next(x for x in text.splitlines() if f"**{ref.short}**." in x)
        assert ("Not yet verified" in line) == (not ref.verified), ref.id


def test_about_page_explains_basis_and_expert_view():
    text = markdown_text(open_page("app_pages/reference/about.py"))
    for word in ("**Study**", "**Guideline**", "**Expert view**"):
        assert word in text
