"""The shape of every content table, as pydantic models: one model = one row.

A maintainer edits these tables in a spreadsheet, so every rule here is one a person can
read in the error message: allowed values are listed, ids have one simple pattern.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from datetime import date
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

from explainer.selection import NO_TREATMENT_ID
from explainer.vocabulary import BASIS_LABELS, Aim, Basis, Dimension, Tier

ID_PATTERN = r"^[a-z0-9_]+$"

Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=ID_PATTERN, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


def _not_reserved(value: str) -> str:
    if value == NO_TREATMENT_ID:
        raise ValueError(f"'{NO_TREATMENT_ID}' is kept for 'No further treatment': give this treatment another id")
    return value


class FieldError(ValueError):
    """A rule about several cells of one row that still names the cell to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
OptionalBasis = Annotated[Basis | None, BeforeValidator(_blank_to_none)]
YesNo = Literal["yes", "no"]


class Row(BaseModel):
    # Frozen: content is shared by every session of the server and must never change.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    # Columns a file may leave out altogether (every other column must be in the header).
    optional_columns: ClassVar[frozenset[str]] = frozenset()
    # Columns the app no longer reads: an old file that still has one loads, the column is
    # ignored, and the content check prints a warning saying why and what to do.
    retired_columns: ClassVar[dict[str, str]] = {}


class Sourced(Row):
    """A row that states a fact: it names its sources, and may say what the claim rests on
    (`basis`). Only a row whose basis is expert view may have no source."""

    optional_columns: ClassVar[frozenset[str]] = frozenset({"basis"})

    source_ids: IdList
    basis: OptionalBasis = None

    @model_validator(mode="after")
    def sourced(self) -> Sourced:
        if not self.source_ids and self.basis is not Basis.EXPERT_VIEW:
            raise FieldError(
                "source_ids",
                "this cell is empty but must be filled in (only a row whose basis is 'expert_view' may have no source)",
            )
        return self


# Settings a clinic must confirm: they ship with these words, and the content check warns, by
# key, about every one still equal to its default.
SETTING_DEFAULTS: dict[str, str] = {
    "clinic_phone": "your clinic's phone number",
    "emergency_number": "your local emergency number (999 in the UK, 112 in Europe, 911 in the US)",
    "crisis_line": "a crisis line (116 123 Samaritans in the UK, 988 in the US)",
}

SettingKey = Literal[
    "clinic_name",
    "clinic_contact",
    "clinic_phone",
    "emergency_number",
    "crisis_line",
    "clinic_logo",
    "public_address",
    "reviewer_name",
    "review_date",
    "written_by",
    "funding",
    "conflicts",
    "update_policy",
]
SETTING_KEYS: tuple[str, ...] = SettingKey.__args__  # type: ignore[attr-defined]
# Keys that may be missing from settings.csv (an empty value means "none" or "not set").
OPTIONAL_SETTINGS = frozenset({"clinic_logo", "public_address"})

# The placeholders a warning-tier text may use, each filled from the setting of the same name.
PLACEHOLDERS: tuple[str, ...] = ("emergency_number", "clinic_phone", "crisis_line")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

DRAFT_TEXT = "Draft: not yet checked by a clinician"


class Setting(Row):
    key: SettingKey
    value: OptionalText


class Reference(Row):
    id: Id
    short: Text
    authors: OptionalText
    title: Text  # the exact published title, never a paraphrase
    journal: OptionalText
    year: OptionalInt = None
    pmid: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(\d{1,9})?$")]
    doi: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(10\.\d{4,9}/\S+)?$")]
    url: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^(https://\S+)?$")]
    checked: Literal["V", "U"]  # V: verified from a record; U: not yet verified (the app says so)
    note: OptionalText

    @model_validator(mode="after")
    def findable(self) -> Reference:
        if not (self.pmid or self.doi or self.url):
            raise FieldError("pmid", "a reference needs at least a PMID, a DOI or a URL, so a reader can find it")
        return self

    @property
    def verified(self) -> bool:
        return self.checked == "V"


class Category(Row):
    dimension: Dimension
    id: Id
    order: int
    label: Text
    description: Text


class Cause(Sourced):
    id: Id
    order: int
    name: Text
    in_article: YesNo  # 'no': a cause the clinic article leaves out, shown in its own labelled group
    article_wording: OptionalText  # the article's own words (not shown); required when in_article is 'yes'
    explanation: Text
    how_found: Text
    timing: Annotated[list[Id], BeforeValidator(_split_list), Field(min_length=1)]
    mechanism: Id
    pain_type: Id
    how_common: Text
    caution: OptionalText

    @model_validator(mode="after")
    def worded(self) -> Cause:
        if self.in_article == "yes" and not self.article_wording:
            raise FieldError("article_wording", "a cause from the article needs the article's own words")
        return self

    def categories(self, dimension: Dimension | str) -> tuple[str, ...]:
        """The ids of this cause's categories in one dimension (timing may have several)."""
        value = getattr(self, Dimension(dimension).value)
        return tuple(value) if isinstance(value, list) else (value,)


# One name for each symptom and option everywhere: `short_name` (an abbreviation for chart axes)
# is gone, and a file that still has it gets this warning.
SHORT_NAME_RETIRED = {
    "short_name": "this column is no longer used and is ignored: the app shows `name` everywhere "
    "(charts wrap long names). Delete the column."
}


class Symptom(Sourced):
    retired_columns: ClassVar[dict[str, str]] = SHORT_NAME_RETIRED

    id: Id
    order: int
    name: Text  # the one name a patient sees everywhere: pills, charts, grid, summary, PDF
    description: Text
    usually_signals: Text
    kind: Literal["body", "feelings"]


class Treatment(Sourced):
    retired_columns: ClassVar[dict[str, str]] = SHORT_NAME_RETIRED

    id: Annotated[Id, AfterValidator(_not_reserved)]
    order: int
    name: Text  # the one name a patient sees everywhere: pills, charts, grid, summary, PDF
    invasiveness: Id
    in_article: YesNo
    what_it_is: Text
    aims_at: Text
    evidence: Text
    risks: Text
    # Recovery, in plain words: time off usual activities, healing, how long before any effect.
    recovery: Text
    recovery_basis: Basis  # what the recovery cell rests on; expert_view is shown as such
    guidelines: Text  # what guidelines say, plainly; where they disagree, say so
    certainty: Literal["moderate", "low", "very low", "uncertain", ""]
    why_included: OptionalText

    @property
    def recovery_text(self) -> str:
        """The recovery cell as a patient reads it: reasoning, not a study finding, says so."""
        return recovery_text(self.recovery, self.recovery_basis)


def recovery_text(recovery: str, basis: Basis | str | None) -> str:
    """The recovery text, tagged '(Expert view)' after it, as a source is, when it rests on
    expert view: what specialists think, not what a study found (see the About page)."""
    if basis == Basis.EXPERT_VIEW and recovery:
        return f"{recovery.rstrip()} ({BASIS_LABELS[Basis.EXPERT_VIEW]})"
    return recovery


class TreatmentSymptomLink(Sourced):
    optional_columns: ClassVar[frozenset[str]] = frozenset()  # basis is required here

    treatment_id: Id
    symptom_id: Id
    aim: Aim
    reason: Text
    basis: Basis


class WarningTier(Row):
    tier: Tier
    order: int
    heading: Text
    instruction: Text  # may use {emergency_number}, {clinic_phone}, {crisis_line}
    cue: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]  # not colour

    @model_validator(mode="after")
    def placeholders(self) -> WarningTier:
        for name in ("heading", "instruction", "cue"):
            problem = placeholder_problem(getattr(self, name))
            if problem:
                raise FieldError(name, problem)
        return self


class RedFlag(Sourced):
    id: Id
    order: int
    tier: Tier
    sign: Text

    @property
    def group(self) -> str:
        """Transitional alias of `tier` for explainer/ui.py and summary.py (see RED_FLAG_GROUPS)."""
        return self.tier.value

    @model_validator(mode="after")
    def new_or_worse(self) -> RedFlag:
        if self.tier is Tier.GO_NOW and not says_new_or_worse(self.sign):
            raise FieldError(
                "sign",
                "a go-now sign must say it is new or getting worse: many people have long-lasting signs after surgery",
            )
        return self


NEW_OR_WORSE = re.compile(r"\b(new|newly|worse|worsening|getting worse)\b", re.IGNORECASE)


def says_new_or_worse(sign: str) -> bool:
    return bool(NEW_OR_WORSE.search(sign))


def placeholder_problem(text: str) -> str | None:
    """Why a text's {placeholders} cannot be filled, or None when they all can."""
    for match in PLACEHOLDER.finditer(text):
        if match.group(1) not in PLACEHOLDERS:
            return f"'{{{match.group(1)}}}' is not a placeholder; use one of: " + ", ".join(
                f"{{{p}}}" for p in PLACEHOLDERS
            )
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        return "a '{' or '}' is not part of a placeholder; write placeholders as {emergency_number}"
    return None


def fill_placeholders(text: str, settings: Mapping[str, str]) -> str:
    """The text with each {placeholder} replaced by its setting (or the setting's default)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            return match.group(0)
        return settings.get(name) or SETTING_DEFAULTS.get(name, "")

    return PLACEHOLDER.sub(value, text)


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


class EvidenceNumber(Sourced):
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


class Emotion(Sourced):
    id: Id
    order: int
    feeling: Text
    explanation: Text
    what_helps: Text


# file name -> (row model, the column that must be unique or None)
TABLES: dict[str, tuple[type[Row], str | None]] = {
    "settings.csv": (Setting, "key"),
    "references.csv": (Reference, "id"),
    "categories.csv": (Category, None),  # unique per dimension, checked in the loader
    "causes.csv": (Cause, "id"),
    "symptoms.csv": (Symptom, "id"),
    "treatments.csv": (Treatment, "id"),
    "treatment_symptom_links.csv": (TreatmentSymptomLink, None),  # pairs checked in the loader
    "warning_tiers.csv": (WarningTier, "tier"),
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
    "spine_discectomy",
    "spine_fusion",
    "spine_diagram_help",
    "causes_intro",
    "symptoms_intro",
    "feelings_intro",
    "red_flags_intro",
    "treatments_intro",
    "treatments_filter_help",
    "self_help",
    "expectations",
    "another_operation",
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


# Transitional: explainer/ui.py and explainer/summary.py still import RED_FLAG_GROUPS and read
# `flag.group`. Both now follow the tiers (headings by tier, `group` is the tier) until they read
# `Content.warning_tiers` / `Content.red_flags_by_tier`; then this goes. Not for new code.
_TIER_HEADINGS = {Tier.GO_NOW: "Go now", Tier.SAME_DAY: "Today", Tier.SOON: "In 1 to 2 days"}


def __getattr__(name: str) -> object:
    if name == "RED_FLAG_GROUPS":
        warnings.warn(
            "RED_FLAG_GROUPS is gone: use Content.red_flags_by_tier (headings from warning_tiers.csv)",
            DeprecationWarning,
            stacklevel=2,
        )
        return dict(_TIER_HEADINGS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
