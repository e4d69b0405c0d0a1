"""The cause groupings (explainer.causes), without Streamlit."""

from explainer.causes import cause_counts, causes_in_category


def test_cause_groupings_cover_all_causes(content):
    for dimension in ("timing", "mechanism", "pain_type"):
        counts = cause_counts(content, dimension)
        named = {n for cell in counts["Causes"] for n in cell.split("; ") if n}
        assert named == {c.name for c in content.causes}, dimension
    # One cause (the leftover or returning disc) happens both during and after surgery.
    timings = sum(len(c.timing) for c in content.causes)
    assert cause_counts(content, "timing")["Number of causes"].sum() == timings > len(content.causes)
    assert cause_counts(content, "mechanism")["Number of causes"].sum() == len(content.causes)


def test_causes_in_category(content):
    before = causes_in_category(content, "timing", "before")
    assert "diagnosis_missed" in [c.id for c in before]
    assert [c.id for c in before] == [c.id for c in content.causes if "before" in c.timing]
    infection = causes_in_category(content, "mechanism", "infection")
    assert [c.id for c in infection] == ["disc_infection"]
