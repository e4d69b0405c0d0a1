"""The shipped content is complete, consistent and true to the article and the brief."""

import re

from explainer.content import load_content
from explainer.schema import PROSE_BLOCKS
from tests.support.paths import ARTICLE


def test_shipped_content_has_no_problems(content):
    assert content.problems == [], "\n".join(map(str, content.problems))


def test_all_eleven_causes_from_the_article_in_order(content):
    article = ARTICLE.read_text(encoding="utf-8")
    bullets = [line.strip(" •\t") for line in article.splitlines() if line.strip().startswith("•")]
    assert len(bullets) == 11
    assert [c.article_wording for c in content.article_causes] == bullets


def test_causes_the_article_leaves_out_form_their_own_group(content):
    # Review section C10: the causes the article omits, each labelled as not from the article.
    others = {c.id for c in content.other_causes}
    for words in ("sacroiliac", "instability", "arachnoiditis", "leak", "sensiti", "decondition", "other_places"):
        assert any(words in c.id or words in c.name.lower() for c in content.other_causes), words
    assert others.isdisjoint(c.id for c in content.article_causes)


def test_names_of_the_condition_without_blame(content):
    names = content.prose["start_names"].lower()
    for name in ("persistent spinal pain syndrome", "failed back surgery syndrome", "post-laminectomy syndrome"):
        assert name in names
    # The brief's correction: PSPS was proposed by experts, it was not an IASP renaming.
    assert "iasp renamed" not in names


def test_every_symptom_the_article_lists(content):
    ids = [s.id for s in content.symptoms]
    assert ids == [
        "dull_ache",
        "sharp_nerve_pain",
        "old_symptoms_back",
        "tingling",
        "numbness",
        "weakness",
        "touch_sensitivity",
        "low_mood",
    ]


def test_treatments_the_article_names_plus_psychology_and_rehab(content):
    in_article = {t.id for t in content.treatments if t.in_article == "yes"}
    assert in_article == {
        "nsaids",
        "pain_medicines",
        "physical_therapy",
        "epidural_steroid",
        "facet_injection",
        "spinal_cord_stimulation",
        "revision_surgery",
    }
    added = {t.id: t for t in content.treatments if t.in_article == "no"}
    assert {"pain_psychology", "rehab"} <= set(added)
    assert all(t.why_included for t in added.values())


def test_other_options_named_in_the_reviews(content):
    # Review section C: radiofrequency denervation, pain management programmes, ACT.
    names = " ".join(f"{t.id} {t.name}".lower() for t in content.treatments)
    for words in ("radiofrequency", "pain management programme", "acceptance"):
        assert words in names, words


def test_spinal_cord_stimulation_is_balanced(content):
    scs = next(t for t in content.treatments if t.id == "spinal_cord_stimulation")
    assert scs.certainty in {"low", "very low"}
    hara = [r for r in content.references if r.pmid == "36255427"]  # Hara 2022, JAMA, placebo-controlled
    assert hara and hara[0].id in scs.source_ids
    assert "revision" in scs.risks.lower() or "another operation" in scs.risks.lower()


def test_medicines_say_do_not_stop_suddenly(content):
    medicine = re.compile(r"opioid|pregabalin|gabapentin", re.IGNORECASE)
    for t in content.treatments:
        text = " ".join((t.what_it_is, t.aims_at, t.evidence, t.risks, t.guidelines))
        if medicine.search(text):
            assert "stop suddenly" in text.lower(), t.id
    assert any(g.term.lower() == "gabapentin" for g in content.glossary)


def test_treatments_run_from_least_to_most_invasive(content):
    step = {c.id: c.order for c in content.categories("invasiveness")}
    orders = [step[t.invasiveness] for t in content.treatments]
    assert orders == sorted(orders)
    assert content.treatments[-1].id == "revision_surgery"


def test_link_matrix_follows_the_brief(content):
    aims = {(x.treatment_id, x.symptom_id): x.aim for x in content.links}
    assert len(aims) == len(content.treatments) * len(content.symptoms)
    assert {x.basis for x in content.links} <= {"study", "guideline", "expert_view"}
    assert aims[("spinal_cord_stimulation", "sharp_nerve_pain")] == "main"
    assert aims[("spinal_cord_stimulation", "tingling")] == "not"
    assert aims[("pain_psychology", "low_mood")] == "main"
    assert aims[("revision_surgery", "old_symptoms_back")] == "main"
    assert aims[("facet_injection", "dull_ache")] == "main"


def test_disputed_and_badly_named_causes_say_so(content):
    causes = {c.id: c for c in content.causes}
    assert "disput" in causes["scar_tissue"].caution.lower() or "not sure" in causes["scar_tissue"].caution.lower()
    assert causes["bone_fragments"].caution


def test_every_prose_block_exists_and_cites_real_sources(content):
    assert set(content.prose) == set(PROSE_BLOCKS)
    ids = {r.id for r in content.references}
    for text in content.prose.values():
        for ref in re.findall(r"\[ref:([^\]]+)\]", text):
            assert set(ref.split(";")) <= ids


def test_key_references_are_present_with_an_identifier(content):
    refs = {r.id: r for r in content.references}
    for key in ("christelis2021", "weir2017", "process2007", "north2005", "nice_ta159", "nice_ng59", "norspine2023"):
        assert key in refs, key
    for ref in refs.values():
        assert ref.title and (ref.pmid or ref.doi or ref.url), ref.id


def test_no_unsuitable_anatomy_source(content):
    # Review A2: the HPO abnormality term is not a source for normal anatomy.
    for ref in content.references:
        text = f"{ref.title} {ref.url} {ref.note}".lower()
        assert "phenotype ontology" not in text and "hp:0008438" not in text, ref.id


def test_no_html_in_content(content):
    tag = re.compile(r"<\s*[a-zA-Z/!]")
    for rows in content.tables.values():
        for row in rows:
            for value in row.model_dump().values():
                assert not tag.search(str(value)), value
    for text in content.prose.values():
        assert not tag.search(text)


def test_loading_is_deterministic():
    assert load_content().tables == load_content().tables
