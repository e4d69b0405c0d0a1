"""The fixed words of the content: each enum's values are the exact strings the CSV files use.

A StrEnum member equals its string (``Tier.GO_NOW == "go_now"``), so code can compare a loaded
row with a member, and a member can be written anywhere a CSV string is expected.
"""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """How soon to act on a warning sign (`red_flags.csv` `tier`, `warning_tiers.csv` `tier`)."""

    GO_NOW = "go_now"
    SAME_DAY = "same_day"
    SOON = "soon"


class Basis(StrEnum):
    """What a claim rests on (`basis` column): a study, a guideline, or expert view only."""

    STUDY = "study"
    GUIDELINE = "guideline"
    EXPERT_VIEW = "expert_view"


class Aim(StrEnum):
    """What a treatment aims at for one symptom (`treatment_symptom_links.csv` `aim`)."""

    MAIN = "main"
    MAY = "may"
    NOT = "not"


class Dimension(StrEnum):
    """A way of grouping causes or treatments (`categories.csv` `dimension`)."""

    TIMING = "timing"
    MECHANISM = "mechanism"
    PAIN_TYPE = "pain_type"
    INVASIVENESS = "invasiveness"


class Kind(StrEnum):
    """The kinds of item a patient can pick (causes, symptoms, treatments)."""

    CAUSES = "causes"
    SYMPTOMS = "symptoms"
    TREATMENTS = "treatments"


# How each value reads on screen, wherever it is shown.
AIM_LABELS: dict[Aim, str] = {Aim.MAIN: "Main aim", Aim.MAY: "May help", Aim.NOT: "Not aimed at"}
BASIS_LABELS: dict[Basis, str] = {
    Basis.STUDY: "Study",
    Basis.GUIDELINE: "Guideline",
    Basis.EXPERT_VIEW: "Expert view",
}


class Direction(StrEnum):
    """Which side the treatment-symptom filter starts from: the patient picks treatments and sees
    their symptoms, or picks symptoms and sees their treatments."""

    BY_TREATMENT = "treatments"
    BY_SYMPTOM = "symptoms"


DIRECTION_LABELS: dict[Direction, str] = {Direction.BY_TREATMENT: "Treatments", Direction.BY_SYMPTOM: "Symptoms"}
