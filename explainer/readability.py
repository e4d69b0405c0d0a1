"""Reading grade of everything a patient reads, with textstat (offline, syllables by pyphen).

A 'block' is what a patient reads as one unit: a prose file, or the text of one table row
as it appears on screen (a cause card, a treatment card, a glossary meaning). Only the
Sources page and reference entries are exempt. So are names that are the medical word being
explained (a glossary term), and the article's own wording, which is kept for traceability
and never shown.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cached_property

from explainer.content import Content
from explainer.schema import CITATION, Row, TreatmentSymptomLink

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports pkg_resources, which warns
    import textstat

MAX_GRADE = 8.0  # the hard limit; the aim is 6
TARGET_GRADE = 6.0

# Patient-facing text fields of each table, in the order they are read on screen.
READ_FIELDS: dict[str, tuple[str, ...]] = {
    "categories.csv": ("label", "description"),
    "causes.csv": ("name", "explanation", "caution", "how_found", "how_common"),
    "symptoms.csv": ("name", "description", "usually_signals"),
    "treatments.csv": ("name", "what_it_is", "aims_at", "evidence", "risks", "recovery", "guidelines", "why_included"),
    "treatment_symptom_links.csv": ("reason",),
    "warning_tiers.csv": ("heading", "instruction", "cue"),
    "red_flags.csv": ("sign",),
    "questions.csv": ("question", "why_ask"),
    "glossary.csv": ("meaning",),
    "evidence.csv": ("title", "guess_prompt", "outcome", "plain_summary", "uncertainty"),
    "emotions.csv": ("feeling", "explanation", "what_helps"),
    "settings.csv": ("value",),
    "values.csv": ("label",),
    "teach_back.csv": ("question",),
    "readiness.csv": ("question",),
}
# Settings that are sentences a patient reads (the others are names, numbers, dates, paths).
PROSE_SETTINGS = frozenset({"written_by", "funding", "conflicts", "update_policy"})


@dataclass(frozen=True)
class Block:
    name: str  # e.g. "causes.csv: scar_tissue" or "prose/start_intro.md"
    text: str

    @cached_property
    def grade(self) -> float:
        return grade(self.text)

    @property
    def words(self) -> int:
        return textstat.lexicon_count(self.text)


def plain_text(markdown: str) -> str:
    """Markdown as a reader hears it: no citations, heading marks, bullets or emphasis."""
    text = CITATION.sub("", markdown)
    text = re.sub(r"^\s{0,3}#{1,6}\s*(.+)$", r"\1.", text, flags=re.MULTILINE)  # a heading is a phrase
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def _sentence(value: str) -> str:
    value = value.strip()
    return value if not value or value[-1] in ".?!:" else value + "."


def grade(text: str) -> float:
    return float(textstat.flesch_kincaid_grade(plain_text(text)))


def blocks(content: Content) -> list[Block]:
    """Every patient-facing block of the content."""
    out = [Block(f"prose/{name}.md", text) for name, text in content.prose.items()]
    for file, fields in READ_FIELDS.items():
        for row in content.rows(file):
            label = block_label(file, row)
            if file == "settings.csv" and label not in PROSE_SETTINGS:
                continue
            # Placeholders read as the numbers the patient sees.
            text = " ".join(_sentence(content.fill(str(getattr(row, f)))) for f in fields if getattr(row, f))
            if text:
                out.append(Block(f"{file}: {label}", text))
    return out


def block_label(file: str, row: Row) -> str:
    """The row's id as the check, the audit and the review pack name it."""
    if isinstance(row, TreatmentSymptomLink):
        return f"{row.treatment_id}/{row.symptom_id}"
    for name in ("id", "key", "term", "tier"):
        value = getattr(row, name, None)
        if value:
            return str(value)
    return ""


def too_hard(content: Content, limit: float = MAX_GRADE) -> list[Block]:
    return [b for b in blocks(content) if b.grade > limit]
