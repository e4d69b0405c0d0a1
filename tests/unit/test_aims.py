"""The treatment-symptom filter (explainer.aims), without Streamlit."""

from explainer.aims import aim_grid, aim_sentences, aim_summary, aim_table, link_detail_parts, links_for
from explainer.vocabulary import AIM_LABELS, Direction


def test_spinal_cord_stimulation_mainly_aims_at_sharp_leg_nerve_pain(content):
    links = links_for(content, Direction.BY_TREATMENT, ["spinal_cord_stimulation"])
    main = [x.symptom_id for x in links if x.aim == "main"]
    assert main == ["sharp_nerve_pain"]
    assert links[0].aim == "main"  # main aims come first
    [(name, sentence)] = aim_sentences(content, Direction.BY_TREATMENT, ["spinal_cord_stimulation"])
    assert name == "Spinal cord stimulation"
    assert sentence.startswith("It mainly aims at sharp, shooting nerve pain in the leg.")


def test_every_link_has_a_reason_and_a_source(content):
    for link in links_for(content, Direction.BY_TREATMENT, [t.id for t in content.treatments]):
        assert link.reason
        # A claim with no study behind it says so (basis 'expert_view') instead of citing one.
        assert link.source_ids or link.basis == "expert_view", (link.treatment_id, link.symptom_id)


def test_no_treatment_chosen_gives_nothing(content):
    assert links_for(content, Direction.BY_TREATMENT, []) == []
    assert aim_grid(content, [], [s.id for s in content.symptoms])[2] == []  # no rows in the grid
    assert aim_sentences(content, Direction.BY_TREATMENT, []) == []


def test_all_treatments_give_the_whole_matrix(content):
    every_t = [t.id for t in content.treatments]
    every_s = [s.id for s in content.symptoms]
    treatments, symptoms, aims = aim_grid(content, every_t, every_s)
    size = (len(content.treatments), len(content.symptoms))
    assert (len(aims), len(aims[0])) == size and (len(treatments), len(symptoms)) == size
    assert {aim for row in aims for aim in row} <= {"main", "may", "not"}
    psychology = next(i for i, t in enumerate(treatments) if t.id == "pain_psychology")
    assert symptoms[-1] == content.symptoms[-1] and aims[psychology][-1] == "main"


def test_symptom_direction(content):
    links = links_for(content, Direction.BY_SYMPTOM, ["sharp_nerve_pain"])
    main = {x.treatment_id for x in links if x.aim == "main"}
    assert "spinal_cord_stimulation" in main and "epidural_steroid" in main
    assert len(links) == len(content.treatments)
    [(_name, sentence)] = aim_sentences(content, Direction.BY_SYMPTOM, ["sharp_nerve_pain"])
    assert "Spinal cord stimulation".lower() in sentence.lower()


def test_link_details_give_each_pick_its_reasons_and_every_source_once(content):
    picks = ["spinal_cord_stimulation", "nsaids"]
    links = links_for(content, Direction.BY_TREATMENT, picks)
    titles = [title for title, _ in aim_sentences(content, Direction.BY_TREATMENT, picks)]
    text = "\n\n".join(link_detail_parts(content, titles, links, Direction.BY_TREATMENT))
    scs = next(x for x in links if x.treatment_id == "spinal_cord_stimulation" and x.aim == "main")
    assert f"- {scs.symptom} (main aim): {scs.reason}" in text
    assert text.index("**Anti-inflammatory medicines**") < text.index("**Spinal cord stimulation**")
    # 'Not aimed at' links are left out: the sentences and the grid say those.
    assert not any(f"- {x.symptom} (not aimed at)" in text for x in links)
    sources = text.split("**Where this comes from**")[1]
    for ref_id in {r for x in links for r in x.source_ids}:
        assert sources.count(content.reference(ref_id).short) >= 1
    assert len(sources.strip().splitlines()) == len({r for x in links for r in x.source_ids})


def test_the_table_beside_the_grid_says_the_same_in_words(content):
    picks, symptoms = ["spinal_cord_stimulation", "nsaids"], [s.id for s in content.symptoms]
    rows, columns, aims = aim_grid(content, picks, symptoms)
    across = aim_table(content, picks, symptoms, Direction.BY_TREATMENT)
    assert list(across.columns) == ["Symptom", *(t.name for t in rows)]  # the picks across, content order
    assert across["Symptom"].tolist() == [s.name for s in columns]
    assert across.iloc[:, 1:].to_numpy().tolist() == [[AIM_LABELS[row[j]] for row in aims] for j in range(len(columns))]
    down = aim_table(content, ["nsaids"], ["dull_ache", "weakness"], Direction.BY_SYMPTOM)
    assert down.to_dict("records") == [
        {"Treatment": rows[0].name, columns[0].name: "Main aim", "Muscle weakness": "Not aimed at"}
    ]


def test_summary_reads_right_for_one_thing_or_several(content):
    text = aim_summary(content, ["nsaids", "pain_medicines"], [s.id for s in content.symptoms], Direction.BY_TREATMENT)
    assert text.startswith("Anti-inflammatory medicines: mainly aimed at dull, aching pain in the back or leg.")
    assert "Other pain medicines: not mainly aimed at any of these symptoms." in text


def test_matrix_keeps_content_order_whatever_the_pick_order(content):
    treatments, symptoms, aims = aim_grid(content, ["revision_surgery", "nsaids"], ["weakness", "dull_ache"])
    assert treatments[0].name == next(t.name for t in content.treatments if t.id == "nsaids")
    assert [s.id for s in symptoms] == ["dull_ache", "weakness"]
    assert (len(aims), len(aims[0])) == (2, 2)
