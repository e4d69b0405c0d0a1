"""Issue 11, read from the content the app loads (no literals of the content in these tests):
warning tiers, numbers to call, treatment risks and guidelines, references, basis, review status."""

import re

import pytest

from explainer.content import NOT_VERIFIED, format_reference, review_status
from explainer.schema import DRAFT_TEXT, PLACEHOLDERS, SETTING_DEFAULTS, says_new_or_worse
from explainer.vocabulary import Basis, Tier

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def test_the_content_loads_without_problems(content):
    assert content.problems == [], "\n".join(map(str, content.problems))


def test_every_tier_has_a_heading_instruction_cue_and_signs(content):
    assert [t.tier for t in content.warning_tiers] == list(Tier)  # most urgent first
    for tier, signs in content.red_flags_by_tier:
        assert tier.heading and tier.instruction and tier.cue, tier.tier
        assert signs, tier.tier
    assert {t.tier for t, _ in content.red_flags_by_tier} == set(Tier)
    cues = [t.cue for t in content.warning_tiers]
    assert len(set(cues)) == len(cues)  # each tier is told apart by words, not only by colour


def test_every_go_now_sign_says_new_or_getting_worse(content):
    go_now = [f for f in content.red_flags if f.tier is Tier.GO_NOW]
    assert go_now
    for flag in go_now:
        assert re.search(r"\bnew\b|\bworse\b|\bworsening\b|getting worse", flag.sign, re.IGNORECASE), flag.id
        assert says_new_or_worse(flag.sign)


def test_go_now_instruction_says_straight_away_and_slowly(content):
    text = content.tier_instruction(Tier.GO_NOW).lower()
    assert "straight away" in text and "even at night" in text
    assert "slowly" in text
    assert "all of them" in text


def test_tier_instructions_fill_in_the_numbers(content):
    for tier in content.warning_tiers:
        filled = content.tier_instruction(tier.tier)
        assert "{" not in filled and "}" not in filled, tier.tier
        for name in PLACEHOLDERS:
            if "{" + name + "}" in tier.instruction:
                assert content.settings[name] in filled


def test_numbers_to_call_are_never_blank(content):
    numbers = {n.key: n for n in content.numbers_to_call}
    assert set(numbers) == set(SETTING_DEFAULTS)
    for number in numbers.values():
        assert number.value and number.label
        assert number.is_default == (number.value == SETTING_DEFAULTS[number.key])


def test_every_setting_left_at_its_default_is_warned_about_by_name(content):
    at_default = {k for k, v in SETTING_DEFAULTS.items() if content.settings[k] == v}
    warned = {w.field for w in content.warnings if "default" in w.message}
    assert warned == at_default
    for warning in content.warnings:
        if warning.field in at_default:
            assert f"'{warning.field}'" in str(warning)


def test_every_treatment_has_risks_and_guidelines(content):
    assert content.treatments
    for treatment in content.treatments:
        assert treatment.risks.strip(), treatment.id
        assert treatment.guidelines.strip(), treatment.id


def test_every_reference_has_a_title_and_a_valid_identifier(content):
    assert content.references
    for ref in content.references:
        assert ref.title.strip(), ref.id
        assert ref.pmid or ref.doi or ref.url, ref.id
        assert not ref.pmid or ref.pmid.isdigit(), ref.id
        assert not ref.doi or DOI.match(ref.doi), ref.id
        assert not ref.url or ref.url.startswith("https://"), ref.id
        assert ref.checked in {"V", "U"}, ref.id


def test_every_link_has_a_basis(content):
    assert content.links
    for link in content.links:
        assert isinstance(link.basis, Basis), (link.treatment_id, link.symptom_id)
        if link.basis is not Basis.EXPERT_VIEW:
            assert link.source_ids, (link.treatment_id, link.symptom_id)
    assert {x.basis for x in content.links_with_names} <= set(Basis)


def test_every_cause_says_whether_it_is_in_the_article(content):
    assert content.causes
    assert all(c.in_article in {"yes", "no"} for c in content.causes)
    assert {c.id for c in content.article_causes + content.other_causes} == {c.id for c in content.causes}
    assert all(c.article_wording for c in content.article_causes)


def test_draft_text_appears_exactly_when_no_reviewer_is_named(content):
    named = bool(content.settings["reviewer_name"].strip() and content.settings["review_date"].strip())
    status = content.review_status()
    assert status.is_draft is not named
    assert (status.text == DRAFT_TEXT) is not named
    if named:
        assert content.settings["reviewer_name"] in status.text


def test_review_status_for_every_combination():
    assert review_status({}) == (True, "Draft: not yet checked by a clinician")
    assert review_status({"reviewer_name": "Dr A Jones", "review_date": ""}) == (True, DRAFT_TEXT)
    assert review_status({"reviewer_name": " ", "review_date": "2026-12-01"}) == (True, DRAFT_TEXT)
    assert review_status({"reviewer_name": "Dr A Jones", "review_date": "2026-12-01"}) == (
        False,
        "Checked by Dr A Jones on 2026-12-01",
    )


def test_unverified_references_say_so_wherever_they_are_listed(content):
    for ref in content.references:
        assert format_reference(ref).endswith(NOT_VERIFIED) is not ref.verified, ref.id
        assert format_reference(ref, markdown=True).endswith(f"**{NOT_VERIFIED}**") is not ref.verified


def test_settings_cannot_be_changed_by_a_page(content):
    with pytest.raises(TypeError):
        content.settings["clinic_phone"] = "0"  # type: ignore[index]


def test_red_flags_follow_the_tier_order_of_warning_tiers(content):
    rank = {t.tier: i for i, t in enumerate(content.warning_tiers)}
    ranks = [rank[f.tier] for f in content.red_flags]
    assert ranks == sorted(ranks)
    grouped = [f.id for _, signs in content.red_flags_by_tier for f in signs]
    assert grouped == [f.id for f in content.red_flags]
    for tier, signs in content.red_flags_by_tier:
        assert all(f.tier == tier.tier for f in signs)
        assert [f.order for f in signs] == sorted(f.order for f in signs)
