"""The treatment <-> symptom filter and the cause groupings, without Streamlit."""

from explainer.filters import (
    aim_matrix,
    cause_counts,
    causes_in_category,
    links_for_symptoms,
    links_for_treatments,
    symptom_sentences,
    treatment_sentences,
)


def test_spinal_cord_stimulation_mainly_aims_at_sharp_leg_nerve_pain(content):
    links = links_for_treatments(content, ["spinal_cord_stimulation"])
    main = [x.symptom_id for x in links if x.aim == "main"]
    assert main == ["sharp_nerve_pain"]
    assert links[0].aim == "main"  # main aims come first
    [(name, sentence)] = treatment_sentences(content, ["spinal_cord_stimulation"])
    assert name == "Spinal cord stimulation"
    assert sentence.startswith("It mainly aims at sharp, shooting nerve pain in the leg.")


def test_every_link_has_a_reason_and_a_source(content):
    for link in links_for_treatments(content, [t.id for t in content.treatments]):
        assert link.reason and link.source_ids


def test_no_treatment_chosen_gives_nothing(content):
    assert links_for_treatments(content, []) == []
    assert aim_matrix(content, [], [s.id for s in content.symptoms]).empty
    assert treatment_sentences(content, []) == []


def test_all_treatments_give_the_whole_matrix(content):
    every_t = [t.id for t in content.treatments]
    every_s = [s.id for s in content.symptoms]
    matrix = aim_matrix(content, every_t, every_s)
    assert matrix.shape == (9, 8)
    assert set(matrix.values.ravel()) <= {"main", "may", "not"}
    psychology = next(t.short_name for t in content.treatments if t.id == "pain_psychology")
    assert matrix.loc[psychology, content.symptoms[-1].short_name] == "main"


def test_symptom_direction(content):
    links = links_for_symptoms(content, ["sharp_nerve_pain"])
    main = {x.treatment_id for x in links if x.aim == "main"}
    assert "spinal_cord_stimulation" in main and "epidural_steroid" in main
    assert len(links) == len(content.treatments)
    [(_name, sentence)] = symptom_sentences(content, ["sharp_nerve_pain"])
    assert "Spinal cord stimulation".lower() in sentence.lower()


def test_matrix_keeps_content_order_whatever_the_pick_order(content):
    m = aim_matrix(content, ["revision_surgery", "nsaids"], ["weakness", "dull_ache"])
    assert next(iter(m.index)) == next(t.short_name for t in content.treatments if t.id == "nsaids")
    assert m.shape == (2, 2)


def test_cause_groupings_cover_all_causes(content):
    for dimension in ("timing", "mechanism", "pain_type"):
        counts = cause_counts(content, dimension)
        named = {n for cell in counts["Causes"] for n in cell.split("; ") if n}
        assert named == {c.name for c in content.causes}, dimension
    # One cause (the leftover or returning disc) happens both during and after surgery.
    assert cause_counts(content, "timing")["Number of causes"].sum() == 12
    assert cause_counts(content, "mechanism")["Number of causes"].sum() == 11


def test_causes_in_category(content):
    before = causes_in_category(content, "timing", "before")
    assert [c.id for c in before] == ["diagnosis_missed"]
    infection = causes_in_category(content, "mechanism", "infection")
    assert [c.id for c in infection] == ["disc_infection"]
