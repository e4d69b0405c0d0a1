"""The summary model the summary page and the handout share: this patient's choices, the options
side by side (never ranked), tiered warnings with the numbers filled in, and the take-home tables."""

from datetime import date

from explainer import sections
from explainer.content import load_content
from explainer.readability import grade
from explainer.selection import Selection
from explainer.summary import (
    LINK_ONLY_HERE,
    NO_TREATMENT_ID,
    Choices,
    take_home,
)
from tests.support.csv_edit import set_cell

ADDRESS = "https://clinic.example.org/explainer"


def _last_two_treatments(content):
    return tuple(t.id for t in content.treatments[-2:])


def test_take_home_tables_load_with_the_contract_columns(content):
    assert 5 <= len(content.values) <= 12
    assert 3 <= len(content.teach_back) <= 5
    assert [r.id for r in content.readiness] == ["sure", "understand", "values", "support"]
    keys = {s.key for s in sections.SECTIONS}
    assert all(t.section in keys for t in content.teach_back)
    assert all(content.reference(r) is not None for q in content.readiness for r in q.source_ids)


def test_take_home_text_reads_at_grade_8_or_below(content):
    texts = [v.label for v in content.values] + [t.question for t in content.teach_back]
    texts += [q.question for q in content.readiness]
    too_hard = {text: grade(text if text[-1] in ".?!" else text + ".") for text in texts}
    assert {t: g for t, g in too_hard.items() if g > 8} == {}


def test_options_keep_content_order_whatever_the_patient_leans_to(content):
    ids = _last_two_treatments(content)
    choices = Choices(leanings={ids[1]: "leaning", ids[0]: "not_for_me", NO_TREATMENT_ID: "not_sure"})
    summary = take_home(content, Selection(treatments=tuple(reversed(ids))), choices)
    names = [o.name for o in summary.options]
    assert names[:2] == [t.name for t in content.treatments if t.id in ids]
    assert summary.options[-1].id == NO_TREATMENT_ID
    assert [o.leaning for o in summary.options] == ["Not for me", "Leaning towards", "Not sure"]
    for option in summary.options[:-1]:
        assert option.harms and option.guidelines and option.involves and option.benefit and option.certainty


def test_no_options_and_no_no_treatment_row_when_no_treatment_was_discussed(content):
    assert take_home(content, Selection(causes=(content.causes[0].id,))).options == ()


def test_warnings_come_by_tier_with_the_numbers_filled_in(content):
    summary = take_home(content, Selection())
    assert [w.tier for w in summary.warnings] == ["go_now", "same_day", "soon"]
    assert all(w.cue and w.signs for w in summary.warnings)
    assert "straight away, even at night" in summary.warnings[0].instruction
    assert not any("{" in w.instruction for w in summary.warnings)
    assert content.settings["emergency_number"] in summary.warnings[0].instruction


def test_choices_show_in_content_order_and_only_what_was_picked(content):
    values = [v.id for v in content.values]
    questions = [q.id for q in content.questions]
    choices = Choices(
        questions=(questions[2], questions[0]),
        values=(values[3], values[1]),
        readiness={"sure": True, "support": False},
        teach_back=(content.teach_back[1].id,),
    )
    summary = take_home(content, Selection(), choices, address=ADDRESS, query={"questions": "x"})
    assert summary.what_matters == (content.values[1].label, content.values[3].label)
    assert summary.questions == (content.questions[0].question, content.questions[2].question)
    assert [(a.answer) for a in summary.readiness] == ["Yes", "", "", "No"]
    [again] = summary.look_again
    section = sections.by_key(content.teach_back[1].section)
    assert again.page == section.title
    assert again.link == f"{ADDRESS}/{section.url_path}?questions=x"


def test_a_look_again_topic_on_the_first_page_links_to_the_root(content_copy):
    topic = load_content(content_copy).teach_back[0].id
    set_cell(content_copy, "teach_back.csv", topic, "section", "start")
    edited = load_content(content_copy)
    assert not edited.problems
    choices = Choices(teach_back=(topic,))
    [again] = take_home(edited, Selection(), choices, address=ADDRESS, query={"questions": "x"}).look_again
    assert (again.page, again.link) == ("Start here", f"{ADDRESS}/?questions=x")


def test_the_link_says_plainly_when_it_only_works_on_this_computer(content):
    summary = take_home(content, Selection(treatments=("nsaids",)), query={"treatments": "nsaids"})
    assert summary.link == "summary?treatments=nsaids"
    assert not summary.link_is_public
    assert summary.link_note == LINK_ONLY_HERE
    public = take_home(content, Selection(treatments=("nsaids",)), address=ADDRESS, query="treatments=nsaids")
    assert public.link_is_public and public.link == f"{ADDRESS}/summary?treatments=nsaids"


def test_review_status_is_draft_until_a_reviewer_is_named(content_copy):
    draft = take_home(load_content(content_copy), Selection(), today=date(2026, 11, 30)).header
    assert draft.is_draft and draft.review_text == "Draft: not yet checked by a clinician"
    set_cell(content_copy, "settings.csv", "reviewer_name", "value", "Dr A. Reviewer")
    set_cell(content_copy, "settings.csv", "review_date", "value", "2026-11-30")
    checked = take_home(load_content(content_copy), Selection()).header
    assert not checked.is_draft and "Dr A. Reviewer" in checked.review_text
    assert draft.date_text == "30 November 2026"
