"""Load and validate everything in content/, once, with messages a maintainer can act on.

Each file is checked on its own, then the links between files. A file with any problem is
marked broken: pages that need it show the problems instead of half-checked facts, and the
pages that do not need it keep working.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from explainer import files, markup
from explainer.schema import (
    CITATION,
    DRAFT_TEXT,
    OPTIONAL_SETTINGS,
    PROSE_BLOCKS,
    SETTING_DEFAULTS,
    SETTING_KEYS,
    TABLES,
    Category,
    Cause,
    Emotion,
    EvidenceNumber,
    FieldError,
    GlossaryTerm,
    Question,
    Readiness,
    RedFlag,
    Reference,
    Row,
    Setting,
    Symptom,
    TeachBack,
    Treatment,
    TreatmentSymptomLink,
    Value,
    WarningTier,
    fill_placeholders,
    parse_date,
)
from explainer.vocabulary import AIM_LABELS, Aim, Basis, Dimension, Tier

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def content_dir() -> Path:
    """The shipped content, unless EXPLAINER_CONTENT_DIR points a deployment (or a test) elsewhere."""
    return Path(os.environ.get("EXPLAINER_CONTENT_DIR") or CONTENT_DIR)


# A content file is a few kB; a very large one is a mistake (a pasted export, a wrong file).
MAX_FILE_BYTES = 1_000_000

T = TypeVar("T")

PUBLIC_ADDRESS_ENV = "EXPLAINER_PUBLIC_ADDRESS"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the content, located as precisely as we can."""

    file: str
    message: str
    row: int | None = None  # the spreadsheet row: the header is row 1
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class ReviewStatus(NamedTuple):
    """Whether the content is still a draft, and the one sentence every page, the About page,
    the Sources page and the handout show about it."""

    is_draft: bool
    text: str


def review_status(settings: Mapping[str, str]) -> ReviewStatus:
    """'Draft: not yet checked by a clinician' until settings name a reviewer and a date;
    then 'Checked by <name> on <date>'."""
    name = (settings.get("reviewer_name") or "").strip()
    when = (settings.get("review_date") or "").strip()
    if not name or not when:
        return ReviewStatus(True, DRAFT_TEXT)
    return ReviewStatus(False, f"Checked by {name} on {when}")


class NumberToCall(NamedTuple):
    key: str  # the setting: emergency_number, clinic_phone or crisis_line
    label: str
    value: str
    is_default: bool  # still the words the content shipped with: the clinic has not confirmed it


NOT_VERIFIED = "Not yet verified."

NUMBER_LABELS: dict[str, str] = {
    "emergency_number": "Emergency",
    "clinic_phone": "Your clinic",
    "crisis_line": "Crisis line",
}


@dataclass(frozen=True)
class Link:
    """One treatment-symptom link with the names a reader sees."""

    treatment_id: str
    treatment: str
    symptom_id: str
    symptom: str
    aim: str
    reason: str
    source_ids: tuple[str, ...]
    basis: str = Basis.STUDY

    @property
    def aim_label(self) -> str:
        return AIM_LABELS[Aim(self.aim)]


@dataclass(frozen=True, eq=False)
class Content:
    """All content, validated. Tables are tuples of frozen rows in display order. Frozen, and
    compared by identity: one Content is shared by every session of the server.

    Values worked out from the content are cached properties: the content never changes while
    the server runs, so each is worked out once and shared by every session."""

    tables: dict[str, tuple[Row, ...]] = field(default_factory=dict)
    prose: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Things a clinic should look at that break nothing (e.g. a phone number left at its default).
    warnings: list[Problem] = field(default_factory=list)
    # file -> the spreadsheet line of each row, in the same order as tables[file].
    lines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    folder: Path | None = None
    # Ids of references.csv rows dropped for a problem of their own: citing one is not a new problem.
    dropped_references: frozenset[str] = frozenset()
    memo: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False, compare=False)

    # -- state -------------------------------------------------------------------------
    def broken(self, *files: str) -> list[Problem]:
        """Problems in any of these files (e.g. 'causes.csv', 'prose/start_intro.md')."""
        wanted = set(files)
        # A bad row of references.csv drops that reference only: the facts citing it stay.
        return [p for p in self.problems if p.file in wanted and not _reference_row(p)]

    def is_ok(self, *files: str) -> bool:
        return not self.broken(*files)

    def remember(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """Kept for the UI's own derived values (explainer/ui.py and a page still call it); the
        domain's derived values are the named cached properties below. Callers must not change
        what they get back."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]  # type: ignore[return-value]

    # -- tables ------------------------------------------------------------------------
    def rows(self, file: str) -> tuple[Row, ...]:
        return self.tables.get(file, ())

    def numbered(self, file: str) -> Iterator[tuple[int | None, Row]]:
        """(spreadsheet line, row) for every row of a file."""
        lines = self.lines.get(file, ())
        for i, row in enumerate(self.rows(file)):
            yield (lines[i] if i < len(lines) else None), row

    def _typed(self, file: str, model: type[T]) -> tuple[T, ...]:
        return tuple(row for row in self.rows(file) if isinstance(row, model))

    @property
    def references(self) -> tuple[Reference, ...]:
        return self._typed("references.csv", Reference)

    @property
    def causes(self) -> tuple[Cause, ...]:
        return self._typed("causes.csv", Cause)

    @property
    def article_causes(self) -> tuple[Cause, ...]:
        """The causes the clinic article names (in_article 'yes')."""
        return tuple(c for c in self.causes if c.in_article == "yes")

    @property
    def other_causes(self) -> tuple[Cause, ...]:
        """Causes the article leaves out (in_article 'no'): shown as their own labelled group."""
        return tuple(c for c in self.causes if c.in_article == "no")

    @property
    def symptoms(self) -> tuple[Symptom, ...]:
        return self._typed("symptoms.csv", Symptom)

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        return self._typed("treatments.csv", Treatment)

    @property
    def links(self) -> tuple[TreatmentSymptomLink, ...]:
        return self._typed("treatment_symptom_links.csv", TreatmentSymptomLink)

    @property
    def warning_tiers(self) -> tuple[WarningTier, ...]:
        """The warning-sign tiers, most urgent first (the order column of warning_tiers.csv)."""
        return self._typed("warning_tiers.csv", WarningTier)

    @property
    def red_flags(self) -> tuple[RedFlag, ...]:
        """Warning signs, most urgent tier first, then by their order."""
        rank = {t.tier: i for i, t in enumerate(self.warning_tiers)}
        flags = self._typed("red_flags.csv", RedFlag)
        return tuple(sorted(flags, key=lambda f: rank.get(f.tier, len(rank))))

    @property
    def red_flags_by_tier(self) -> tuple[tuple[WarningTier, tuple[RedFlag, ...]], ...]:
        """Each tier with its signs, most urgent first (a tier with no sign is left out)."""
        flags = self.red_flags
        out = []
        for tier in self.warning_tiers:
            mine = tuple(f for f in flags if f.tier == tier.tier)
            if mine:
                out.append((tier, mine))
        return tuple(out)

    def warning_tier(self, tier: Tier | str) -> WarningTier | None:
        return next((t for t in self.warning_tiers if t.tier == tier), None)

    def tier_instruction(self, tier: Tier | str) -> str:
        """The tier's instruction with the numbers to call filled in ('' for an unknown tier)."""
        row = self.warning_tier(tier)
        return self.fill(row.instruction) if row else ""

    def fill(self, text: str) -> str:
        """Text with {emergency_number}, {clinic_phone} and {crisis_line} filled from settings."""
        return fill_placeholders(text, self.settings)

    @property
    def questions(self) -> tuple[Question, ...]:
        return self._typed("questions.csv", Question)

    @property
    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return self._typed("glossary.csv", GlossaryTerm)

    @property
    def evidence(self) -> tuple[EvidenceNumber, ...]:
        return self._typed("evidence.csv", EvidenceNumber)

    @property
    def emotions(self) -> tuple[Emotion, ...]:
        return self._typed("emotions.csv", Emotion)

    # Take-home tables (TAKEHOME)
    @property
    def values(self) -> tuple[Value, ...]:
        """What may matter most to the patient, in order (values.csv)."""
        return self._typed("values.csv", Value)

    @property
    def teach_back(self) -> tuple[TeachBack, ...]:
        """The clinician's teach-back questions, in order (teach_back.csv)."""
        return self._typed("teach_back.csv", TeachBack)

    @property
    def readiness(self) -> tuple[Readiness, ...]:
        """The four SURE questions, in order (readiness.csv)."""
        return self._typed("readiness.csv", Readiness)

    @cached_property
    def settings(self) -> Mapping[str, str]:
        """Every setting by key (read-only). A key missing from settings.csv, or a number left
        empty, reads as its default, so a number to call is never blank."""
        given: dict[str, str] = {row.key: row.value for row in self._typed("settings.csv", Setting)}
        values = {key: given.get(key, "") for key in SETTING_KEYS}
        for key, default in SETTING_DEFAULTS.items():
            values[key] = values[key] or default
        return MappingProxyType(values)

    def review_status(self) -> ReviewStatus:
        return review_status(self.settings)

    @property
    def public_address(self) -> str:
        """The app's web address for the take-home link: $EXPLAINER_PUBLIC_ADDRESS, else the
        setting; '' when neither is set."""
        return os.environ.get(PUBLIC_ADDRESS_ENV, "").strip() or self.settings["public_address"]

    @property
    def clinic_logo(self) -> Path | None:
        """The clinic's logo file inside the content folder, or None (not set, or not valid)."""
        value = self.settings["clinic_logo"]
        if not value or self.folder is None or _logo_problem(self.folder, value):
            return None
        return self.folder / value

    @cached_property
    def numbers_to_call(self) -> tuple[NumberToCall, ...]:
        """Emergency number, clinic phone and crisis line, in that order, with their labels."""
        return tuple(
            NumberToCall(key, label, self.settings[key], self.settings[key] == SETTING_DEFAULTS[key])
            for key, label in NUMBER_LABELS.items()
        )

    def categories(self, dimension: Dimension | str) -> tuple[Category, ...]:
        return tuple(c for c in self._typed("categories.csv", Category) if c.dimension == dimension)

    def reference(self, ref_id: str) -> Reference | None:
        return self.references_by_id.get(ref_id)

    @cached_property
    def references_by_id(self) -> Mapping[str, Reference]:
        return MappingProxyType({r.id: r for r in self.references})

    @cached_property
    def aim_by_pair(self) -> Mapping[tuple[str, str], Aim]:
        """(treatment id, symptom id) -> aim, for every link."""
        return MappingProxyType({(x.treatment_id, x.symptom_id): x.aim for x in self.links})

    @cached_property
    def links_with_names(self) -> tuple[Link, ...]:
        """Every treatment-symptom link with the names of both sides, in file order."""
        treatments = {t.id: t.name for t in self.treatments}
        symptoms = {s.id: s.name for s in self.symptoms}
        return tuple(
            Link(
                link.treatment_id,
                treatments[link.treatment_id],
                link.symptom_id,
                symptoms[link.symptom_id],
                link.aim,
                link.reason,
                tuple(link.source_ids),
                link.basis,
            )
            for link in self.links
            if link.treatment_id in treatments and link.symptom_id in symptoms
        )


# ------------------------------------------------------------------------------------------
# Reading one file


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a calm note: missing or unreadable files, links out of the
    folder, old encodings (by row and column), semicolon tables and front matter (explainer/files.py)."""
    text, notes = files.read_text(path, name, MAX_FILE_BYTES)
    problems.extend(Problem(name, note.message, row=note.row, field=note.field) for note in notes)
    return text


def _reference_row(problem: Problem) -> bool:
    """A problem in one row of references.csv: that row is dropped, the file stays."""
    return problem.file == "references.csv" and files.row_level(problem)


def _csv_lines(name: str, text: str, problems: list[Problem]) -> list[list[str]] | None:
    """The file's lines as lists of cells, or None (with the problem) when it is not CSV."""
    if not text.strip():
        problems.append(Problem(name, "the file is empty; it needs a header row and at least one row."))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as err:
        problems.append(
            Problem(name, f"the file is not valid CSV near row {reader.line_num}: {err}. Check the quotes.")
        )
        return None


def _header_problems(name: str, header: list[str], model: type[Row]) -> list[Problem]:
    """Missing, unknown and repeated columns of the header row."""
    expected = list(model.model_fields)
    out = [
        Problem(name, "this column is missing (or was renamed).", row=1, field=column)
        for column in expected
        if column not in header and column not in model.optional_columns
    ]
    out += [
        Problem(name, f"unknown column; expected only: {', '.join(expected)}.", row=1, field=column or "(blank)")
        for column in header
        if column not in expected and column not in model.retired_columns
    ]
    if not out and len(set(header)) != len(header):
        out.append(Problem(name, "a column name appears twice.", row=1))
    return out


def _parse_row(name: str, model: type[Row], header: list[str], line_no: int, cells: list[str]) -> Row | list[Problem]:
    """One row as its model, or the problems that stop it (each naming the row and field)."""
    if len(cells) != len(header):
        message = (
            f"this row has {len(cells)} cells but the header has {len(header)}. "
            "Check for a stray comma or a missing quote."
        )
        return [Problem(name, message, row=line_no)]
    try:
        return model.model_validate(dict(zip(header, cells, strict=True)))
    except ValidationError as err:
        problems = []
        for e in err.errors():
            cause = e.get("ctx", {}).get("error")
            field_name = str(e["loc"][0]) if e["loc"] else getattr(cause, "field", None)
            problems.append(Problem(name, _plain_error(e), row=line_no, field=field_name))
        return problems
    except (TypeError, ValueError) as err:  # a rule that could not even be applied
        return [Problem(name, f"this row could not be read: {err}", row=line_no)]


def _read_table(
    folder: Path, name: str, problems: list[Problem], warnings: list[Problem] | None = None
) -> list[tuple[int, Row]]:
    """(spreadsheet line, row) for every valid row, in display order; problems are appended, and
    a warning for each retired column the file still has (its cells are ignored)."""
    model, unique_field = TABLES[name]
    text = _read_text(folder / name, name, problems)
    lines = _csv_lines(name, text, problems) if text is not None else None
    if not lines:
        return []
    header = [h.strip() for h in lines[0]]
    header_problems = _header_problems(name, header, model)
    if header_problems:
        problems.extend(header_problems)
        return []
    retired = [i for i, column in enumerate(header) if column in model.retired_columns]
    if retired:
        if warnings is not None:
            warnings.extend(Problem(name, model.retired_columns[header[i]], row=1, field=header[i]) for i in retired)
        keep = [i for i in range(len(header)) if i not in retired]
        lines = [lines[0]] + [[c for i, c in enumerate(cells) if i in keep] if len(cells) == len(header) else cells
                              for cells in lines[1:]]  # fmt: skip
        header = [header[i] for i in keep]

    rows: list[tuple[int, Row]] = []
    seen: dict[str, int] = {}
    for line_no, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # blank spreadsheet rows are harmless
        row = _parse_row(name, model, header, line_no, cells)
        if isinstance(row, list):
            problems.extend(row)
            continue
        if unique_field:
            value = str(getattr(row, unique_field))
            if value.casefold() in seen:
                message = f"'{value}' is already used in row {seen[value.casefold()]}; it must be unique."
                problems.append(Problem(name, message, row=line_no, field=unique_field))
                continue
            seen[value.casefold()] = line_no
        rows.append((line_no, row))

    if not rows and not any(p.file == name for p in problems):
        problems.append(Problem(name, "the file has a header but no rows."))
    if "order" in model.model_fields:
        rows.sort(key=lambda pair: getattr(pair[1], "order", 0))
    return rows


def _plain_error(error: ErrorDetails) -> str:
    """Pydantic's messages, reworded for a person editing a spreadsheet."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in {"literal_error", "enum"}:
        return f"'{error['input']}' is not allowed; use one of: {ctx.get('expected', '')}."
    if kind == "string_pattern_mismatch":
        return f"'{error['input']}' is not in the expected form (pattern {ctx.get('pattern')})."
    if kind in {"string_too_short", "too_short"}:
        return "this cell is empty but must be filled in."
    if kind == "string_too_long":
        return f"this text is too long (at most {ctx.get('max_length')} characters)."
    if kind in {"int_parsing", "int_from_float"}:
        return f"'{error['input']}' is not a whole number."
    if kind in {"less_than_equal", "greater_than_equal"}:
        return f"'{error['input']}' is out of range ({error['msg'].lower()})."
    if kind == "value_error":
        cause = ctx.get("error")
        message = str(cause) if isinstance(cause, FieldError) else str(error["msg"]).removeprefix("Value error, ")
        return message + "."
    return f"{error['msg']} (got '{error.get('input')}')."


# ------------------------------------------------------------------------------------------
# Rules between files: one function each, run in order by load_content. Each gets the content
# and the problems found so far (so it can skip a file that is already broken) and yields new ones.

Check = Callable[[Content, list[Problem]], Iterable[Problem]]
LINKS = "treatment_symptom_links.csv"


def _has_problems(problems: list[Problem], file: str) -> bool:
    """Whether the file is broken as a whole (a bad references.csv row only drops that row)."""
    return any(p.file == file and not _reference_row(p) for p in problems)


def check_source_ids(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every source_ids entry names a row of references.csv."""
    if _has_problems(problems, "references.csv"):
        return
    for file in c.tables:
        if file == "references.csv":
            continue
        for line, row in c.numbered(file):
            for ref in getattr(row, "source_ids", ()):
                if ref not in c.references_by_id and ref not in c.dropped_references:
                    yield Problem(file, f"source '{ref}' is not in references.csv.", line, "source_ids")


def check_category_ids(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """A category id is unique within its dimension."""
    seen: Counter[tuple[str, str]] = Counter((cat.dimension, cat.id) for cat in c.rows("categories.csv"))  # type: ignore[attr-defined]
    for (dimension, cat_id), n in seen.items():
        if n > 1:
            yield Problem("categories.csv", f"'{cat_id}' appears {n} times in dimension '{dimension}'.", field="id")


def _category_problem(c: Content, file: str, line: int | None, dimension: Dimension, value: str) -> Problem | None:
    allowed = {cat.id for cat in c.categories(dimension)}
    if value in allowed:
        return None
    return Problem(
        file,
        f"'{value}' is not a{'n' if dimension == 'invasiveness' else ''} {dimension} category; "
        f"use one of: {', '.join(sorted(allowed))}.",
        line,
        dimension.value,
    )


def check_cause_categories(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every cause names real timing, mechanism and pain_type categories."""
    if not c.rows("categories.csv"):
        return
    for line, cause in c.numbered("causes.csv"):
        assert isinstance(cause, Cause)  # noqa: S101 (the table's model)
        for dimension in (Dimension.TIMING, Dimension.MECHANISM, Dimension.PAIN_TYPE):
            for value in cause.categories(dimension):
                problem = _category_problem(c, "causes.csv", line, dimension, value)
                if problem:
                    yield problem


def check_treatment_categories(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every treatment names a real invasiveness category."""
    if not c.rows("categories.csv"):
        return
    for line, treatment in c.numbered("treatments.csv"):
        problem = _category_problem(c, "treatments.csv", line, Dimension.INVASIVENESS, treatment.invasiveness)  # type: ignore[attr-defined]
        if problem:
            yield problem


def check_link_ids(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every link names a real treatment and symptom, and each pair appears once."""
    if not (c.treatments and c.symptoms):
        return
    treatment_ids = {t.id for t in c.treatments}
    symptom_ids = {s.id for s in c.symptoms}
    pairs: dict[tuple[str, str], int | None] = {}
    for line, link in c.numbered(LINKS):
        assert isinstance(link, TreatmentSymptomLink)  # noqa: S101 (the table's model)
        if link.treatment_id not in treatment_ids:
            yield Problem(LINKS, f"treatment '{link.treatment_id}' is not in treatments.csv.", line, "treatment_id")
        if link.symptom_id not in symptom_ids:
            yield Problem(LINKS, f"symptom '{link.symptom_id}' is not in symptoms.csv.", line, "symptom_id")
        pair = (link.treatment_id, link.symptom_id)
        if pair in pairs:
            yield Problem(LINKS, f"this pair is already given in row {pairs[pair]}.", line, "symptom_id")
        pairs[pair] = line


def check_link_pairs_complete(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every treatment-symptom pair has a row (unless the links file is already broken)."""
    if not (c.treatments and c.symptoms and c.links) or _has_problems(problems, LINKS):
        return
    missing = [(t.id, s.id) for t in c.treatments for s in c.symptoms if (t.id, s.id) not in c.aim_by_pair]
    for t, s in missing[:20]:
        yield Problem(LINKS, f"no row for treatment '{t}' and symptom '{s}'; every pair needs one.")
    if len(missing) > 20:
        yield Problem(LINKS, f"... and {len(missing) - 20} more missing pairs.")


def check_prose_citations(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every [ref:...] in prose names a row of references.csv."""
    if _has_problems(problems, "references.csv"):
        return
    for name, text in c.prose.items():
        for match in CITATION.finditer(text):
            for ref in (part.strip() for part in match.group(1).split(";")):
                if ref not in c.references_by_id and ref not in c.dropped_references:
                    line = text.count("\n", 0, match.start()) + 1
                    yield Problem(f"prose/{name}.md", f"source '{ref}' is not in references.csv.", line, "[ref:...]")


def check_warning_tiers(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """warning_tiers.csv has a row for every tier, and every tier has at least one sign."""
    if c.rows("warning_tiers.csv") and not _has_problems(problems, "warning_tiers.csv"):
        given = {t.tier for t in c.warning_tiers}
        for tier in Tier:
            if tier not in given:
                yield Problem("warning_tiers.csv", f"no row for tier '{tier}'; every tier needs one.", field="tier")
    if c.rows("red_flags.csv") and not _has_problems(problems, "red_flags.csv"):
        used = {f.tier for f in c.red_flags}
        for tier in Tier:
            if tier not in used:
                yield Problem("red_flags.csv", f"no warning sign in tier '{tier}'; every tier needs one.", field="tier")


def check_settings(c: Content, problems: list[Problem]) -> Iterator[Problem]:
    """Every required key is there; the review date is a date; the logo is an image in content/;
    the public address is a web address."""
    if not c.rows("settings.csv"):
        return
    given = {row.key: (line, row.value) for line, row in c.numbered("settings.csv")}  # type: ignore[attr-defined]
    for key in SETTING_KEYS:
        if key not in given and key not in OPTIONAL_SETTINGS:
            yield Problem("settings.csv", f"the setting '{key}' is missing; add a row for it.", field=key)
    line, value = given.get("review_date", (None, ""))
    if value and parse_date(value) is None:
        yield Problem("settings.csv", f"'{value}' is not a date; write it as YYYY-MM-DD.", line, "review_date")
    line, value = given.get("clinic_logo", (None, ""))
    if value:
        problem = _logo_problem(c.folder, value)
        if problem:
            yield Problem("settings.csv", problem, line, "clinic_logo")
    line, value = given.get("public_address", (None, ""))
    if value and not value.startswith(("https://", "http://")):
        yield Problem(
            "settings.csv", f"'{value}' is not a web address; start it with https://.", line, "public_address"
        )


LOGO_TYPES = (".png", ".jpg", ".jpeg")


def _logo_problem(folder: Path | None, value: str) -> str | None:
    path = Path(value)
    if path.is_absolute() or ".." in path.parts or path.suffix.lower() not in LOGO_TYPES:
        return f"'{value}' must be a PNG or JPEG file inside the content folder, e.g. logo.png."
    if folder is not None and not (folder / path).is_file():
        return f"'{value}' is not in the content folder."
    return None


CHECKS: tuple[Check, ...] = (
    check_source_ids,
    check_category_ids,
    check_cause_categories,
    check_treatment_categories,
    check_link_ids,
    check_link_pairs_complete,
    check_prose_citations,
    check_warning_tiers,
    check_settings,
)


def setting_warnings(c: Content) -> Iterator[Problem]:
    """Settings a clinic must confirm that still hold the words the content shipped with, and a
    reviewer without a date (or a date without a reviewer): the content then shows as a draft."""
    given = {row.key: (line, row.value) for line, row in c.numbered("settings.csv")}  # type: ignore[attr-defined]
    for key, default in SETTING_DEFAULTS.items():
        line, value = given.get(key, (None, ""))
        if not value or value == default:
            yield Problem(
                "settings.csv",
                f"'{key}' is still the default ('{default}'); put in the clinic's own before showing patients.",
                line,
                key,
            )
    name, when = given.get("reviewer_name", (None, ""))[1], given.get("review_date", (None, ""))[1]
    if bool(name) != bool(when):
        yield Problem(
            "settings.csv",
            "fill in both reviewer_name and review_date; until both are filled, the app says the content is a draft.",
            field="review_date" if name else "reviewer_name",
        )


# ------------------------------------------------------------------------------------------


def _drop_bad_references(
    folder: Path, tables: dict[str, tuple[Row, ...]], lines: dict[str, tuple[int, ...]], problems: list[Problem]
) -> frozenset[str]:
    """Take out the references.csv rows that have a problem of their own; return their ids, so a fact
    citing one shows the id as a missing source instead of hiding its whole file."""
    bad_rows = {p.row for p in problems if _reference_row(p) and p.row is not None}
    if not bad_rows:
        return frozenset()
    pairs = zip(lines["references.csv"], tables["references.csv"], strict=True)
    kept = [(line, row) for line, row in pairs if line not in bad_rows]
    tables["references.csv"] = tuple(row for _, row in kept)
    lines["references.csv"] = tuple(line for line, _ in kept)
    text, _ = files.read_text(folder / "references.csv", "references.csv", MAX_FILE_BYTES)
    return frozenset(files.dropped_ids(text, bad_rows))


def load_content(directory: Path | str | None = None) -> Content:
    """Read and check every content file. Never raises for bad content: see .problems."""
    folder = Path(directory) if directory is not None else content_dir()
    problems: list[Problem] = []
    tables: dict[str, tuple[Row, ...]] = {}
    lines: dict[str, tuple[int, ...]] = {}
    prose: dict[str, str] = {}
    retired: list[Problem] = []
    for name in TABLES:
        numbered = _read_table(folder, name, problems, retired)
        tables[name] = tuple(row for _, row in numbered)
        lines[name] = tuple(line for line, _ in numbered)
    for block in PROSE_BLOCKS:
        file = f"prose/{block}.md"
        text = _read_text(folder / file, file, problems)
        if text is not None:
            if not text.strip():
                problems.append(Problem(file, "the file is empty."))
            else:
                prose[block] = text.strip()
    checking = Content(tables=dict(tables), prose=dict(prose), lines=dict(lines), folder=folder)
    # No image, raw HTML or off-machine link in any text (file, row, field).
    problems.extend(
        Problem(f, message, row=row, field=fld) for f, message, row, fld in markup.content_findings(checking)
    )
    dropped = _drop_bad_references(folder, tables, lines, problems)
    checking = Content(
        tables=dict(tables), prose=dict(prose), lines=dict(lines), folder=folder, dropped_references=dropped
    )
    for check in CHECKS:
        problems.extend(check(checking, problems))
    warnings = retired + list(setting_warnings(checking))
    # A file with problems is not shown at all: a half-valid table could show a fact
    # without its source, or a link that points nowhere.
    for file in {p.file for p in problems if not _reference_row(p)}:
        if file in tables:
            tables[file], lines[file] = (), ()
        elif file.startswith("prose/"):
            prose.pop(file.removeprefix("prose/").removesuffix(".md"), None)
    return Content(
        tables=tables,
        prose=prose,
        problems=problems,
        warnings=warnings,
        lines=lines,
        folder=folder,
        dropped_references=dropped,
    )


def cite(text: str, content: Content) -> str:
    """Turn '[ref:weir2017]' into '(Weir 2017)' for reading."""

    def replace(match) -> str:
        shorts = []
        for ref in (part.strip() for part in match.group(1).split(";")):
            reference = content.reference(ref)
            shorts.append(reference.short if reference else ref)
        return f"({'; '.join(shorts)})"

    return markup.neutralise(CITATION.sub(replace, text))  # a run-time backstop to the content check


def cited_ids(text: str) -> list[str]:
    ids: list[str] = []
    for match in CITATION.finditer(text):
        ids.extend(part.strip() for part in match.group(1).split(";") if part.strip())
    return list(dict.fromkeys(ids))


def format_reference(ref: Reference, markdown: bool = False) -> str:
    """'Weir 2017. Weir S, et al. Title. BMJ Open, 2017. PMID 28893756.' for reading; a reference
    not yet verified from a record ends with 'Not yet verified.'"""
    bold, italic = ("**", "*") if markdown else ("", "")
    parts = [f"{bold}{ref.short}{bold}.", f"{ref.authors}." if ref.authors else ""]
    if ref.title:
        parts.append(f"{italic}{ref.title.rstrip('.')}{italic}.")
    if ref.journal:
        parts.append(
            f"{ref.journal}, {ref.year}." if ref.year and str(ref.year) not in ref.journal else f"{ref.journal}."
        )
    elif ref.year:
        parts.append(f"{ref.year}.")
    if ref.pmid:
        parts.append(f"PMID {ref.pmid}.")
    if ref.doi:
        parts.append(f"DOI {ref.doi}.")
    if ref.url and not (ref.pmid or ref.doi):
        parts.append(f"{ref.url}")
    if not ref.verified:
        parts.append(f"{bold}{NOT_VERIFIED}{bold}")
    return " ".join(p for p in parts if p)
