"""The shape of every content table, as pydantic models: one model = one row.

A maintainer edits these tables in a spreadsheet, so every rule here is one a person can
read in the error message: allowed values are listed, ids have one simple pattern.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

ID_PATTERN = r"^[a-z0-9_]+$"

Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
ShortName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=22)]


def _split_list(value: object) -> object:
    """Cells hold lists as 'a;b;c'; blank entries (a trailing ';') are ignored."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return value


def _blank_to_none(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        return None
    return value


IdList = Annotated[list[Id], BeforeValidator(_split_list)]
SourceIds = Annotated[list[Id], BeforeValidator(_split_list), Field(min_length=1)]
OptionalInt = Annotated[int | None, BeforeValidator(_blank_to_none)]
Count = Annotated[int, Field(ge=0, le=100)]
OptionalCount = Annotated[Count | None, BeforeValidator(_blank_to_none)]


class Row(BaseModel):
    # Frozen: content is shared by every session of the server and must never change.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Setting(Row):
    key: Literal[
        "clinic_name",
        "clinic_contact",
        "last_reviewed",
        "next_review",
        "written_by",
        "reviewed_by",
        "funding",
        "conflicts",
        "update_policy",
    ]
    value: OptionalText


class Reference(Row):
    id: Id
    short: Text
    authors: OptionalText
    title: OptionalText  # left blank where the brief did not record it; never guessed
    journal: OptionalText
    year: OptionalInt = None
    pmid: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(\d{1,9})?$")]
    doi: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(10\.\S+/\S+)?$")]
    url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(https://\S+)?$")]
    checked: Literal["V", "S", "B"]
    note: OptionalText

    @model_validator(mode="after")
    def findable(self) -> Reference:
        if not (self.pmid or self.doi or self.url or self.journal):
            raise ValueError("a reference needs at least a PMID, a DOI, a URL or a journal, so a reader can find it")
        return self


class Category(Row):
    dimension: Literal["timing", "mechanism", "pain_type", "invasiveness"]
    id: Id
    order: int
    label: Text
    description: Text


class Cause(Row):
    id: Id
    order: int
    name: Text
    article_wording: Text
    explanation: Text
    how_found: Text
    timing: Annotated[list[Id], BeforeValidator(_split_list), Field(min_length=1)]
    mechanism: Id
    pain_type: Id
    how_common: Text
    caution: OptionalText
    source_ids: SourceIds


class Symptom(Row):
    id: Id
    order: int
    name: Text
    short_name: ShortName
    description: Text
    usually_signals: Text
    kind: Literal["body", "feelings"]
    source_ids: SourceIds


class Treatment(Row):
    id: Id
    order: int
    name: Text
    short_name: ShortName
    invasiveness: Id
    in_article: Literal["yes", "no"]
    what_it_is: Text
    aims_at: Text
    evidence: Text
    certainty: Literal["moderate", "low", "very low", "uncertain"]
    why_included: OptionalText
    source_ids: SourceIds


class TreatmentSymptomLink(Row):
    treatment_id: Id
    symptom_id: Id
    aim: Literal["main", "may", "not"]
    reason: Text
    source_ids: SourceIds


# How the red-flag groups are headed wherever they are shown (box, summary, PDF).
RED_FLAG_GROUPS = {
    "cauda_equina": "Signs the nerves at the base of the spine are squeezed",
    "infection": "Signs of infection",
    "weakness": "Weakness",
    "other": "Also tell a doctor soon about",
}


class RedFlag(Row):
    id: Id
    order: int
    group: Literal["cauda_equina", "infection", "weakness", "other"]
    sign: Text
    source_ids: SourceIds


class Question(Row):
    id: Id
    order: int
    topic: Text
    question: Text
    why_ask: Text


class GlossaryTerm(Row):
    term: Text
    aliases: Annotated[list[str], BeforeValidator(_split_list)]
    meaning: Text


class EvidenceNumber(Row):
    id: Id
    order: int
    title: Text
    guess_prompt: Text
    group_a_label: Text
    group_a_count: Count
    group_b_label: OptionalText
    group_b_count: OptionalCount = None
    outcome: Text
    plain_summary: Text
    uncertainty: Text
    source_ids: SourceIds


class Emotion(Row):
    id: Id
    order: int
    feeling: Text
    explanation: Text
    what_helps: Text
    source_ids: SourceIds


# file name -> (row model, the column that must be unique or None)
TABLES: dict[str, tuple[type[Row], str | None]] = {
    "settings.csv": (Setting, "key"),
    "references.csv": (Reference, "id"),
    "categories.csv": (Category, None),  # unique per dimension, checked in the loader
    "causes.csv": (Cause, "id"),
    "symptoms.csv": (Symptom, "id"),
    "treatments.csv": (Treatment, "id"),
    "treatment_symptom_links.csv": (TreatmentSymptomLink, None),  # pairs checked in the loader
    "red_flags.csv": (RedFlag, "id"),
    "questions.csv": (Question, "id"),
    "glossary.csv": (GlossaryTerm, "term"),
    "evidence.csv": (EvidenceNumber, "id"),
    "emotions.csv": (Emotion, "id"),
}

# Prose blocks the pages place between their widgets; each is content/prose/<name>.md.
PROSE_BLOCKS: tuple[str, ...] = (
    "disclaimer",
    "start_intro",
    "start_names",
    "start_how_common",
    "start_path",
    "spine_lamina",
    "spine_laminectomy",
    "spine_diagram_help",
    "causes_intro",
    "symptoms_intro",
    "feelings_intro",
    "red_flags_intro",
    "treatments_intro",
    "treatments_filter_help",
    "evidence_intro",
    "next_steps_intro",
    "about_content",
)

CITATION = re.compile(r"\[ref:([^\]]*)\]")


def parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


# Take-home tables (TAKEHOME: what matters, teach-back, readiness; read by explainer/summary.py)


class Value(Row):
    """One thing that may matter most to the patient ('what matters to you')."""

    id: Id
    order: int
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class TeachBack(Row):
    """A question the clinician asks at the end, tied to the page that explains its answer."""

    id: Id
    order: int
    question: Text
    # The page that explains the answer: a section key from explainer/sections.py.
    section: Literal["start", "spine", "causes", "symptoms", "treatments", "aims", "evidence", "next_steps", "summary"]


class Readiness(Row):
    """One SURE question (Légaré 2010), answered yes or no."""

    id: Id
    order: int
    question: Text
    source_ids: SourceIds


TABLES.update(
    {
        "values.csv": (Value, "id"),
        "teach_back.csv": (TeachBack, "id"),
        "readiness.csv": (Readiness, "id"),
    }
)
