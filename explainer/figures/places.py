"""Where things sit on the drawings, and the numbers the icon arrays show: plain CSV files a
clinician can edit.

- `content/spine_parts.csv`: the named parts of the side view of the lower spine (label, a short
  description, the point on the drawing, and whether the label is always shown).
- `content/spine_places.csv`: for each cause, the spine part where it sits (blank = not at one
  spot, such as pain from another place). Rows after a line starting with `#` form a block of
  likely new causes whose ids are still to be confirmed: they are kept, but an unknown id there is
  not a problem.
- `content/body_places.csv`: for each symptom, its place on the back-and-legs outline.
- `content/treatment_numbers.csv`: for a treatment, its chances of benefit and harm as 100 people
  (from a row of evidence.csv, or one group's count given here).

Nothing here raises on bad content: `load_places` returns the rows it could read and a list of
problems naming the file, the row and the field, like the content loader does.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from explainer.content import Content, Problem, content_dir

SPINE_PARTS = "spine_parts.csv"
SPINE_PLACES = "spine_places.csv"
BODY_PLACES = "body_places.csv"
TREATMENT_NUMBERS = "treatment_numbers.csv"
FILES = (SPINE_PARTS, SPINE_PLACES, BODY_PLACES, TREATMENT_NUMBERS)
MAX_FILE_BYTES = 200_000

Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_]+$", max_length=60)]
OptionalId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_]*$", max_length=60)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
# The drawings are about 12 units wide and 22 high; a point far outside them is a typing mistake.
Coordinate = Annotated[float, Field(ge=-20, le=40)]


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class SpinePart(_Row):
    id: Id
    order: int
    label: Label
    description: Text
    x: Coordinate
    y: Coordinate
    show: Literal["yes", "no"]


class SpinePlace(_Row):
    cause_id: Id
    part_id: OptionalId
    note: Label
    pending: bool = False  # in the block of likely new causes (ids not yet confirmed)


class BodyPlace(_Row):
    symptom_id: Id
    place: Label
    x: Coordinate
    y: Coordinate


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _split(value: object) -> object:
    return [v.strip() for v in value.split(";") if v.strip()] if isinstance(value, str) else value


class TreatmentNumber(_Row):
    """A number for one treatment as 100 people: a benefit or a harm. With `evidence_id` the
    numbers (both groups) come from that row of evidence.csv; without it, `label` and `count`
    give one group (e.g. a harm only counted in the treated group)."""

    id: Id
    treatment_id: Id
    order: int
    kind: Literal["benefit", "harm"]
    evidence_id: OptionalId
    outcome: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
    count: Annotated[Annotated[int, Field(ge=0, le=100)] | None, BeforeValidator(_blank_to_none)] = None
    source_ids: Annotated[list[Id], BeforeValidator(_split), Field(min_length=1)]

    @model_validator(mode="after")
    def numbers_given(self) -> TreatmentNumber:
        if not self.evidence_id and (self.count is None or not self.label or not self.outcome):
            raise ValueError("without an evidence_id, give outcome, label and count (0 to 100)")
        return self


MODELS: dict[str, tuple[type[_Row], str]] = {
    SPINE_PARTS: (SpinePart, "id"),
    SPINE_PLACES: (SpinePlace, "cause_id"),
    BODY_PLACES: (BodyPlace, "symptom_id"),
    TREATMENT_NUMBERS: (TreatmentNumber, "id"),
}


@dataclass(frozen=True)
class Places:
    """Everything the drawings need to know about where things sit, and what was wrong reading it."""

    parts: tuple[SpinePart, ...] = ()
    spine: tuple[SpinePlace, ...] = ()
    body: tuple[BodyPlace, ...] = ()
    numbers: tuple[TreatmentNumber, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def part(self, part_id: str) -> SpinePart | None:
        return next((p for p in self.parts if p.id == part_id), None)

    def spine_place(self, cause_id: str) -> SpinePlace | None:
        return next((p for p in self.spine if p.cause_id == cause_id), None)

    def body_place(self, symptom_id: str) -> BodyPlace | None:
        return next((p for p in self.body if p.symptom_id == symptom_id), None)

    def numbers_for(self, treatment_id: str) -> list[TreatmentNumber]:
        return sorted((n for n in self.numbers if n.treatment_id == treatment_id), key=lambda n: n.order)


def _plain(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "this value is missing."
    if kind == "string_too_short":
        return "this cell is empty; it needs a value."
    if kind == "string_too_long":
        return f"this text is too long (at most {error.get('ctx', {}).get('max_length')} characters)."
    if kind == "string_pattern_mismatch":
        return "use lower-case letters, digits and _ only."
    if kind == "literal_error":
        return f"use one of: {error.get('ctx', {}).get('expected', '')}."
    if kind in {"float_parsing", "int_parsing", "float_type", "int_type"}:
        return "this must be a number."
    if kind in {"greater_than_equal", "less_than_equal"}:
        return "this number is far outside the drawing."
    return str(error.get("msg", "this value is not allowed."))


def _read(folder: Path, name: str, problems: list[Problem]) -> list[_Row]:
    model, unique = MODELS[name]
    path = folder / name
    if not path.is_file():
        problems.append(Problem(name, "the file is missing. Restore it from the last good copy."))
        return []
    if path.stat().st_size > MAX_FILE_BYTES:
        problems.append(Problem(name, f"the file is larger than {MAX_FILE_BYTES:,} bytes; it cannot be right."))
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
        lines = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except (UnicodeDecodeError, csv.Error) as err:
        problems.append(Problem(name, f"the file could not be read as CSV UTF-8 ({err}). Save it as 'CSV UTF-8'."))
        return []
    if not lines:
        problems.append(Problem(name, "the file is empty; it needs a header row."))
        return []
    header = [h.strip() for h in lines[0]]
    expected = [f for f in model.model_fields if f != "pending"]
    missing = [c for c in expected if c not in header]
    if missing or len(header) != len(expected):
        for column in missing:
            problems.append(Problem(name, "this column is missing (or was renamed).", row=1, field=column))
        for column in (c for c in header if c not in expected):
            problems.append(
                Problem(name, f"unknown column; expected only: {', '.join(expected)}.", row=1, field=column)
            )
        return []
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    pending = False
    for line_no, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if cells[0].lstrip().startswith("#"):
            pending = True  # a marked block: the rows after it are likely new causes
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(name, f"this row has {len(cells)} cells but the header has {len(header)}.", row=line_no)
            )
            continue
        record: dict[str, object] = dict(zip(header, cells, strict=True))
        if model is SpinePlace:
            record["pending"] = pending
        try:
            row = model.model_validate(record)
        except ValidationError as err:
            for e in err.errors():
                problems.append(Problem(name, _plain(e), row=line_no, field=str(e["loc"][0]) if e["loc"] else None))
            continue
        except (TypeError, ValueError) as err:  # a rule that could not even be applied
            problems.append(Problem(name, f"this row could not be read: {err}", row=line_no))
            continue
        key = getattr(row, unique)
        if key in seen:
            problems.append(
                Problem(
                    name, f"'{key}' is already used in row {seen[key]}; it must be unique.", row=line_no, field=unique
                )
            )
            continue
        seen[key] = line_no
        rows.append(row)
    return rows


def read_places(folder: Path | None = None) -> Places:
    """Read and check the three files (no cache). Never raises for bad content."""
    folder = Path(folder) if folder is not None else content_dir()
    problems: list[Problem] = []
    parts = tuple(sorted(_read(folder, SPINE_PARTS, problems), key=lambda p: p.order))  # type: ignore[attr-defined]
    spine = tuple(_read(folder, SPINE_PLACES, problems))
    body = tuple(_read(folder, BODY_PLACES, problems))
    numbers = tuple(_read(folder, TREATMENT_NUMBERS, problems))
    part_ids = {p.id for p in parts}  # type: ignore[attr-defined]
    for place in spine:
        if place.part_id and parts and place.part_id not in part_ids:  # type: ignore[attr-defined]
            problems.append(
                Problem(SPINE_PLACES, f"'{place.part_id}' is not an id in {SPINE_PARTS}.", field="part_id")  # type: ignore[attr-defined]
            )
    return Places(parts, spine, body, numbers, tuple(problems))  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def _cached(folder: str) -> Places:
    return read_places(Path(folder))


def load_places(folder: Path | None = None) -> Places:
    """The places, read once per content folder (content does not change while the server runs)."""
    return _cached(str(Path(folder) if folder is not None else content_dir()))


def place_problems(content: Content, places: Places) -> list[Problem]:
    """Links between the places and the content: ids that do not exist, and causes or symptoms
    with no place. A cause or symptom with no place is still drawn (listed beside the drawing)."""
    problems: list[Problem] = []
    cause_ids = {c.id for c in content.causes}
    symptom_ids = {s.id for s in content.symptoms}
    for place in places.spine:
        if place.cause_id not in cause_ids and not place.pending:
            problems.append(
                Problem(SPINE_PLACES, f"'{place.cause_id}' is not a cause id in causes.csv.", field="cause_id")
            )
    placed = {p.cause_id for p in places.spine}
    for cause in content.causes:
        if cause.id not in placed:
            problems.append(
                Problem(SPINE_PLACES, f"the cause '{cause.id}' has no row; add one (part_id may be blank).")
            )
    for body_place in places.body:
        if body_place.symptom_id not in symptom_ids:
            problems.append(
                Problem(
                    BODY_PLACES, f"'{body_place.symptom_id}' is not a symptom id in symptoms.csv.", field="symptom_id"
                )
            )
    treatment_ids = {t.id for t in content.treatments}
    evidence_ids = {e.id for e in content.evidence}
    reference_ids = {r.id for r in content.references}
    for number in places.numbers:
        if number.treatment_id not in treatment_ids:
            problems.append(
                Problem(TREATMENT_NUMBERS, f"'{number.treatment_id}' is not a treatment id.", field="treatment_id")
            )
        if number.evidence_id and number.evidence_id not in evidence_ids:
            problems.append(
                Problem(TREATMENT_NUMBERS, f"'{number.evidence_id}' is not an id in evidence.csv.", field="evidence_id")
            )
        for ref in number.source_ids:
            if reference_ids and ref not in reference_ids:
                problems.append(Problem(TREATMENT_NUMBERS, f"'{ref}' is not in references.csv.", field="source_ids"))
    on_body = {p.symptom_id for p in places.body}
    for symptom in content.symptoms:
        if symptom.id not in on_body:
            problems.append(Problem(BODY_PLACES, f"the symptom '{symptom.id}' has no place on the body."))
    return problems
