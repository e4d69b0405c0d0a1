"""Every page, run through app.py as the server runs it, shows what a patient should see."""

import gc
import json
import re

import pytest

from explainer import sections
from explainer_ui.state import Keys
from tests.support.app import all_text, chart_specs, folds, open_fold, open_page, texts
from tests.support.paths import ROOT


@pytest.mark.parametrize("section", sections.SECTIONS, ids=lambda s: s.key)
def test_every_page_renders_through_the_router(section):
    at = open_page(section.path)
    assert [t.value for t in at.title] == [section.title]
    assert not at.error
    # The shared sidebar (glossary button, educational note) is on every page.
    assert any(b.label.endswith("Words explained") for b in at.sidebar.button)
    assert any("not medical advice" in c.lower() or "educational" in c.lower() for c in texts(at.sidebar))


def test_start_page_names_the_condition_and_how_common(content):
    text = all_text(open_page("app_pages/guide/start.py")).lower()
    assert "persistent spinal pain syndrome" in text
    assert "1 in 5" in text
    assert "(weir 2017)" in text  # the citation is made readable


def test_prose_in_a_row_is_one_text_with_one_fold_out_for_its_words_and_sources(content):
    at = open_page("app_pages/guide/start.py")
    [fold] = [f for f in folds(at.main) if f.label.startswith("Words used here: ")]
    assert not fold.expanded  # shut until opened (by the browser itself: no rerun)
    [text] = [t for t in texts(at.main) if "(Weir 2017)" in t]
    for name in ("start_intro", "start_names", "start_how_common"):  # the steps: listed once, as links
        first_heading = next(line for line in content.prose[name].splitlines() if line.startswith("#"))
        assert first_heading in text
    assert fold.label.endswith(" · Where this comes from")
    inside = fold.text
    assert "**Where this comes from**" in inside and "Weir" in inside.split("**Where this comes from**")[1]
    # Each word is explained once on the page, with its meaning.
    term = fold.label.removeprefix("Words used here: ").removesuffix(" · Where this comes from").split(",")[0]
    assert inside.count(f"**{term}**") == 1


def test_spine_side_view_beside_the_operation_before_and_after():
    at = open_page("app_pages/guide/spine.py")
    side, before = chart_specs(at)[:2]
    assert any("L4" in a["text"] for a in side["layout"]["annotations"])  # the side view
    assert any("Laminectomy: before" in a["text"] for a in before["layout"]["annotations"])
    assert before["layout"]["dragmode"] == "drawopenpath"  # the clinician can draw on it
    at.segmented_control(key=Keys.SPINE_VIEW).set_value("After").run()
    after = chart_specs(at)[1]
    assert any("Laminectomy: after" in a["text"] for a in after["layout"]["annotations"])
    at.segmented_control(key="spine_operation").set_value("fusion").run()
    assert any("Fusion: after" in a["text"] for a in chart_specs(at)[1]["layout"]["annotations"])


def test_the_cause_map_names_every_cause_and_a_group_shows_its_cards(content):
    at = open_page("app_pages/guide/causes.py", causes="scar_tissue")
    cause_map = chart_specs(at)[0]
    shown = {i for trace in cause_map["data"] for i in (trace.get("customdata") or []) if isinstance(i, str)}
    assert {c.id for c in content.causes} <= shown
    assert any("Yours" in str(trace.get("text")) for trace in cause_map["data"])

    at.segmented_control(key=Keys.CAUSE_DIMENSION).set_value("mechanism").run()
    at.pills(key=Keys.cause_group("mechanism")).set_value("infection").run()
    cards = [t for t in texts(at.main) if t.startswith("#### ")]
    assert [c.splitlines()[0].removeprefix("#### ") for c in cards] == [
        c.name for c in content.causes if c.mechanism == "infection"
    ]
    # The spine drawing is a click away: drawn only once its fold is opened, for the group picked.
    assert len(chart_specs(at)) == 2  # the map, wide and for a phone
    open_fold(at, "cause_places")
    places = chart_specs(at)[-2:]  # the places on the spine, wide and for a phone
    assert len(chart_specs(at)) == 4
    assert all(any("Infection" in str(t.get("text")) for t in p["data"]) for p in places)
    assert all(not any("Scar tissue" in str(t.get("text")) for t in p["data"]) for p in places)


def test_filter_spinal_cord_stimulation_shows_sharp_nerve_pain_as_main_aim(content):
    at = open_page("app_pages/guide/aims.py")
    assert any("Pick at least one treatment" in i.value for i in at.info)
    at.pills(key=Keys.filter_picks("treatments")).set_value(["spinal_cord_stimulation"]).run()
    heat = chart_specs(at)[-1]["data"][0]
    scs = next(t for t in content.treatments if t.id == "spinal_cord_stimulation")
    # The picked treatment goes across, the symptoms down.
    assert [x.replace("<br>", " ") for x in heat["x"]] == [scs.name]  # one name everywhere, wrapped
    assert [y.replace("<br>", " ") for y in heat["y"]] == [s.name for s in content.symptoms]
    text = all_text(at)
    assert "It mainly aims at sharp, shooting nerve pain in the leg." in text
    assert "Spinal cord stimulation: mainly aimed at sharp, shooting nerve pain in the leg." in text  # chart summary
    # Row 1 is the sharp nerve pain: the word is in the cell, not only the colour.
    assert heat["z"][1][0] == 2 and heat["text"][1][0] == "<b>Main<br>aim</b>"


def test_filter_none_and_all_treatments(content):
    at = open_page("app_pages/guide/aims.py")
    every = [t.id for t in content.treatments]
    at.pills(key=Keys.filter_picks("treatments")).set_value(every).run()
    heat = chart_specs(at)[-1]["data"][0]
    assert len(heat["x"]) == len(content.treatments) and len(heat["y"]) == len(content.symptoms)
    headings = [line for c in texts(at.main) for line in c.splitlines() if line.startswith("#### ")]
    assert headings == [f"#### {t.name}" for t in content.treatments]
    at.pills(key=Keys.filter_picks("treatments")).set_value([]).run()
    assert any("Pick at least one treatment" in i.value for i in at.info)
    assert chart_specs(at) == []  # no grid until something is picked


def test_filter_from_symptoms_to_treatments(content):
    at = open_page("app_pages/guide/aims.py")
    at.segmented_control(key=Keys.FILTER_DIRECTION).set_value("symptoms").run()
    at.pills(key=Keys.filter_picks("symptoms")).set_value(["low_mood"]).run()
    heat = chart_specs(at)[-1]["data"][0]
    assert len(heat["x"]) == 1 and len(heat["y"]) == len(content.treatments)
    text = all_text(at)
    assert "Treatments that mainly aim at it:" in text and "pain psychology" in text.lower()


def test_treatment_ladder_orders_least_to_most_invasive(content):
    at = open_page("app_pages/guide/treatments.py")
    ladder = chart_specs(at)[0]
    xs = [x for trace in ladder["data"] for x in trace["x"]]
    assert xs == sorted(xs)
    assert ladder["data"][-1]["y"] == [content.treatments[-1].name]


def test_symptoms_page_has_the_body_map_feelings_and_the_banner_not_the_full_list(content):
    at = open_page("app_pages/guide/symptoms.py", symptoms="dull_ache")
    text = all_text(at)
    for symptom in content.symptoms:
        assert symptom.name in text
    for emotion in content.emotions:  # the feelings fold: each with what can help
        assert f"**{emotion.feeling}.** {emotion.explanation} *What can help:* {emotion.what_helps}" in text
    body_map = chart_specs(at)[0]
    assert any("dull_ache" in (t.get("customdata") or []) for t in body_map["data"])
    assert "**Go now:**" in text  # the banner; the full list has its own page
    assert not [flag.sign for flag in content.red_flags if flag.sign in text]
    assert len([t for t in texts(at.main) if t.startswith("#### ")]) <= len(content.symptoms)


def test_no_heading_carries_a_link_to_itself():
    """Streamlit gives each heading a "Link to heading" link by default: one more stop for the
    keyboard on every heading, and one more part to draw on each page move, for nothing a patient
    needs (no page links to a heading)."""
    marks = {"causes": "scar_tissue", "treatments": "physical_therapy,epidural_steroid", "questions": "q_cause"}
    for section in sections.SECTIONS:
        at = open_page(section.path, **marks)
        headings = [*at.title, *at.header, *at.subheader]
        assert headings, section.key
        assert [h.value for h in headings if not h.proto.hide_anchor] == [], section.key


def test_every_chart_has_an_accessible_name_and_a_summary():
    for section in sections.SECTIONS:
        at = open_page(section.path)
        for el in at.get("plotly_chart"):
            assert el.proto.alt, section.key
        # A picture drawn for a phone too (key ..._phone) shares its words and table.
        n_charts = len([el for el in at.get("plotly_chart") if not str(el.proto.id).endswith("_phone")])
        # A picture drawn as SVG (start page): images with their alt text, wide and for a phone.
        pictures = [el.proto.body for el in at.get("html") if "data:image/svg+xml" in el.proto.body]
        names = [
            re.findall(r'<img class="picture-(?:wide|phone)" src="data:image/svg\+xml[^"]*" [^>]*alt="([^"]+)"', b)
            for b in pictures
        ]
        assert all(len(pair) == 2 and len(set(pair)) == 1 and len(pair[0].split()) >= 4 for pair in names), section.key
        n_charts += len(names)
        summaries = [t for t in texts(at.main) if t.startswith("**In words:**")]
        assert len(summaries) == n_charts, section.key


def test_sources_page_lists_every_reference(content):
    text = all_text(open_page("app_pages/reference/sources.py"))
    for ref in content.references:
        assert ref.short in text
    assert content.review_status().text in text
    assert "last reviewed" not in text.lower()


def test_evidence_guess_then_reveal(content):
    at = open_page("app_pages/guide/evidence.py")
    first = content.evidence[0]
    guess = chart_specs(at)[0]  # the guess as 100 people, before the answer
    assert len(next(t for t in guess["data"] if t["marker"]["symbol"] == "circle")["x"]) == 50
    at.slider(key=Keys.guess(first.id)).set_value(30).run()
    at.button(key=Keys.reveal(first.id)).click().run()
    assert "You guessed **30 in 100**." in all_text(at)
    answer = json.dumps(chart_specs(at)[0])
    assert f"{first.group_a_count} in 100" in answer


def test_no_legacy_pages_folder_beside_the_entrypoint():
    """Streamlit 1.67 treats ANY folder named 'pages' beside app.py as a legacy multipage app
    for the first session after a start (PagesManager.uses_pages_directory). A bookmark then
    opens with a 'Page not found' dialog. The page scripts live in app_pages/ instead."""
    assert not (ROOT / "pages").exists()
    assert all((ROOT / s.path).is_file() for s in sections.SECTIONS)


def test_after_the_first_page_the_garbage_collector_passes_the_servers_own_objects_by():
    """A full collection walked every object the server holds, now and then in the middle of a page
    move (65 to 105 ms measured): after the first page, what exists is frozen (explainer_ui.heap)."""
    open_page(sections.FIRST.path)
    assert gc.get_freeze_count() > 10_000
