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
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from explainer import schema
from explainer.schema import (
    CITATION,
    PROSE_BLOCKS,
    TABLES,
    Category,
    Cause,
    EvidenceNumber,
    GlossaryTerm,
    Question,
    RedFlag,
    Reference,
    Row,
    Symptom,
    Treatment,
    TreatmentSymptomLink,
)

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def content_dir() -> Path:
    """The shipped content, unless EXPLAINER_CONTENT_DIR points a deployment (or a test) elsewhere."""
    return Path(os.environ.get("EXPLAINER_CONTENT_DIR") or CONTENT_DIR)


# A content file is a few kB; a very large one is a mistake (a pasted export, a wrong file).
MAX_FILE_BYTES = 1_000_000


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


@dataclass
class Content:
    """All content, validated. Tables are tuples of frozen rows in display order."""

    tables: dict[str, tuple[Row, ...]] = field(default_factory=dict)
    prose: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # file -> {id(row): spreadsheet line}, so link problems can name the row.
    lines: dict[str, dict[int, int]] = field(default_factory=dict)
    # Values worked out from the content once and kept (e.g. the glossary words a text uses):
    # the content never changes while the server runs.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    # -- state -------------------------------------------------------------------------
    def broken(self, *files: str) -> list[Problem]:
        """Problems in any of these files (e.g. 'causes.csv', 'prose/start_intro.md')."""
        wanted = set(files)
        return [p for p in self.problems if p.file in wanted]

    def is_ok(self, *files: str) -> bool:
        return not self.broken(*files)

    def remember(self, key: tuple, make):
        """A value worked out from this content once and kept for every rerun and session (it
        never changes while the server runs). Callers must not change what they get back."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    # -- tables ------------------------------------------------------------------------
    def rows(self, file: str) -> tuple[Row, ...]:
        return self.tables.get(file, ())

    @property
    def references(self) -> tuple[Reference, ...]:
        return self.rows("references.csv")  # type: ignore[return-value]

    @property
    def causes(self) -> tuple[Cause, ...]:
        return self.rows("causes.csv")  # type: ignore[return-value]

    @property
    def symptoms(self) -> tuple[Symptom, ...]:
        return self.rows("symptoms.csv")  # type: ignore[return-value]

    @property
    def treatments(self) -> tuple[Treatment, ...]:
        return self.rows("treatments.csv")  # type: ignore[return-value]

    @property
    def links(self) -> tuple[TreatmentSymptomLink, ...]:
        return self.rows("treatment_symptom_links.csv")  # type: ignore[return-value]

    @property
    def red_flags(self) -> tuple[RedFlag, ...]:
        return self.rows("red_flags.csv")  # type: ignore[return-value]

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.rows("questions.csv")  # type: ignore[return-value]

    @property
    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return self.rows("glossary.csv")  # type: ignore[return-value]

    @property
    def evidence(self) -> tuple[EvidenceNumber, ...]:
        return self.rows("evidence.csv")  # type: ignore[return-value]

    @property
    def emotions(self):
        return self.rows("emotions.csv")

    # Take-home tables (TAKEHOME)
    @property
    def values(self) -> tuple[schema.Value, ...]:
        """What may matter most to the patient, in order (values.csv)."""
        return self.rows("values.csv")  # type: ignore[return-value]

    @property
    def teach_back(self) -> tuple[schema.TeachBack, ...]:
        """The clinician's teach-back questions, in order (teach_back.csv)."""
        return self.rows("teach_back.csv")  # type: ignore[return-value]

    @property
    def readiness(self) -> tuple[schema.Readiness, ...]:
        """The four SURE questions, in order (readiness.csv)."""
        return self.rows("readiness.csv")  # type: ignore[return-value]

    @property
    def settings(self) -> dict[str, str]:
        return {row.key: row.value for row in self.rows("settings.csv")}  # type: ignore[attr-defined]

    def categories(self, dimension: str) -> tuple[Category, ...]:
        return tuple(c for c in self.rows("categories.csv") if c.dimension == dimension)  # type: ignore[attr-defined]

    def reference(self, ref_id: str) -> Reference | None:
        return next((r for r in self.references if r.id == ref_id), None)


# ------------------------------------------------------------------------------------------
# Reading one file


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    if not path.is_file():
        problems.append(Problem(name, "the file is missing. Restore it from the last good copy."))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(Problem(name, f"the file is {size:,} bytes; content files must be under {MAX_FILE_BYTES:,}."))
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        problems.append(
            Problem(
                name,
                f"the file is not UTF-8 text (unreadable byte at position {err.start}). "
                "In a spreadsheet, save as 'CSV UTF-8'.",
            )
        )
        return None
    if "\x00" in text:
        problems.append(Problem(name, "the file contains binary data; it is not a text file."))
        return None
    return text


def _read_table(folder: Path, name: str, problems: list[Problem]) -> list[tuple[int, Row]]:
    model, unique_field = TABLES[name]
    text = _read_text(folder / name, name, problems)
    if text is None:
        return []
    if not text.strip():
        problems.append(Problem(name, "the file is empty; it needs a header row and at least one row."))
        return []

    expected = list(model.model_fields)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        lines = list(reader)
    except csv.Error as err:
        problems.append(
            Problem(name, f"the file is not valid CSV near row {reader.line_num}: {err}. Check the quotes.")
        )
        return []

    header = [h.strip() for h in lines[0]]
    missing = [c for c in expected if c not in header]
    unknown = [c for c in header if c not in expected]
    for column in missing:
        problems.append(Problem(name, "this column is missing (or was renamed).", row=1, field=column))
    for column in unknown:
        label = column or "(blank)"
        problems.append(Problem(name, f"unknown column; expected only: {', '.join(expected)}.", row=1, field=label))
    if missing or unknown:
        return []
    if len(set(header)) != len(header):
        problems.append(Problem(name, "a column name appears twice.", row=1))
        return []

    rows: list[tuple[int, Row]] = []
    seen: dict[str, int] = {}
    for line_no, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # blank spreadsheet rows are harmless
        if len(cells) != len(header):
            problems.append(
                Problem(
                    name,
                    f"this row has {len(cells)} cells but the header has {len(header)}. "
                    "Check for a stray comma or a missing quote.",
                    row=line_no,
                )
            )
            continue
        record = dict(zip(header, cells, strict=True))
        try:
            row = model.model_validate(record)
        except ValidationError as err:
            for e in err.errors():
                field_name = str(e["loc"][0]) if e["loc"] else None
                problems.append(Problem(name, _plain_error(e), row=line_no, field=field_name))
            continue
        except (TypeError, ValueError) as err:  # a rule that could not even be applied
            problems.append(Problem(name, f"this row could not be read: {err}", row=line_no))
            continue
        if unique_field:
            key = str(getattr(row, unique_field)).casefold()
            if key in seen:
                problems.append(
                    Problem(
                        name,
                        f"'{getattr(row, unique_field)}' is already used in row {seen[key]}; it must be unique.",
                        row=line_no,
                        field=unique_field,
                    )
                )
                continue
            seen[key] = line_no
        rows.append((line_no, row))

    if not rows and not any(p.file == name for p in problems):
        problems.append(Problem(name, "the file has a header but no rows."))
    if "order" in expected:
        rows.sort(key=lambda pair: pair[1].order)  # type: ignore[attr-defined]
    return rows


def _plain_error(error: dict) -> str:
    """Pydantic's messages, reworded for a person editing a spreadsheet."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "literal_error":
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
        return str(error["msg"]).removeprefix("Value error, ") + "."
    return f"{error['msg']} (got '{error.get('input')}')."


# ------------------------------------------------------------------------------------------
# Links between files


def _check_links(c: Content, problems: list[Problem]) -> None:
    ref_ids = {r.id for r in c.references}
    references_ok = not any(p.file == "references.csv" for p in problems)

    def row_number(file: str, row: Row) -> int | None:
        return c.lines.get(file, {}).get(id(row))

    for file, rows in c.tables.items():
        if file == "references.csv" or not references_ok:
            continue
        for row in rows:
            for ref in getattr(row, "source_ids", []):
                if ref not in ref_ids:
                    problems.append(
                        Problem(
                            file,
                            f"source '{ref}' is not in references.csv.",
                            row=row_number(file, row),
                            field="source_ids",
                        )
                    )

    # Categories: unique per dimension, and every cause/treatment names a real one.
    seen: Counter[tuple[str, str]] = Counter((cat.dimension, cat.id) for cat in c.rows("categories.csv"))
    for (dimension, cat_id), n in seen.items():
        if n > 1:
            problems.append(
                Problem("categories.csv", f"'{cat_id}' appears {n} times in dimension '{dimension}'.", field="id")
            )
    if c.rows("categories.csv"):
        by_dimension = {
            d: {cat.id for cat in c.categories(d)} for d in ("timing", "mechanism", "pain_type", "invasiveness")
        }
        for cause in c.causes:
            for dimension in ("timing", "mechanism", "pain_type"):
                values = getattr(cause, dimension)
                for value in values if isinstance(values, list) else [values]:
                    if value not in by_dimension[dimension]:
                        problems.append(
                            Problem(
                                "causes.csv",
                                f"'{value}' is not a {dimension} category; use one of: "
                                f"{', '.join(sorted(by_dimension[dimension]))}.",
                                row=row_number("causes.csv", cause),
                                field=dimension,
                            )
                        )
        for treatment in c.treatments:
            if treatment.invasiveness not in by_dimension["invasiveness"]:
                problems.append(
                    Problem(
                        "treatments.csv",
                        f"'{treatment.invasiveness}' is not an invasiveness category; use one of: "
                        f"{', '.join(sorted(by_dimension['invasiveness']))}.",
                        row=row_number("treatments.csv", treatment),
                        field="invasiveness",
                    )
                )

    # The treatment-symptom links: every id real, every pair exactly once.
    if c.treatments and c.symptoms:
        treatment_ids = [t.id for t in c.treatments]
        symptom_ids = [s.id for s in c.symptoms]
        pairs: dict[tuple[str, str], int] = {}
        for link in c.links:
            line = row_number("treatment_symptom_links.csv", link)
            if link.treatment_id not in treatment_ids:
                problems.append(
                    Problem(
                        "treatment_symptom_links.csv",
                        f"treatment '{link.treatment_id}' is not in treatments.csv.",
                        line,
                        "treatment_id",
                    )
                )
            if link.symptom_id not in symptom_ids:
                problems.append(
                    Problem(
                        "treatment_symptom_links.csv",
                        f"symptom '{link.symptom_id}' is not in symptoms.csv.",
                        line,
                        "symptom_id",
                    )
                )
            pair = (link.treatment_id, link.symptom_id)
            if pair in pairs:
                problems.append(
                    Problem(
                        "treatment_symptom_links.csv",
                        f"this pair is already given in row {pairs[pair]}.",
                        line,
                        "symptom_id",
                    )
                )
            pairs[pair] = line
        # A row that failed its own checks is already reported; don't report its pair again.
        if c.links and not any(p.file == "treatment_symptom_links.csv" for p in problems):
            missing = [(t, s) for t in treatment_ids for s in symptom_ids if (t, s) not in pairs]
            for t, s in missing[:20]:
                problems.append(
                    Problem(
                        "treatment_symptom_links.csv",
                        f"no row for treatment '{t}' and symptom '{s}'; every pair needs one.",
                    )
                )
            if len(missing) > 20:
                problems.append(
                    Problem("treatment_symptom_links.csv", f"... and {len(missing) - 20} more missing pairs.")
                )

    # Prose citations.
    if references_ok:
        for name, text in c.prose.items():
            for match in CITATION.finditer(text):
                for ref in (part.strip() for part in match.group(1).split(";")):
                    if ref not in ref_ids:
                        line = text.count("\n", 0, match.start()) + 1
                        problems.append(
                            Problem(
                                f"prose/{name}.md",
                                f"source '{ref}' is not in references.csv.",
                                row=line,
                                field="[ref:...]",
                            )
                        )

    for key in ("last_reviewed", "next_review"):
        value = c.settings.get(key)
        if value is not None and schema.parse_date(value) is None:
            problems.append(Problem("settings.csv", f"'{value}' is not a date; write it as YYYY-MM-DD.", field=key))


# ------------------------------------------------------------------------------------------


def load_content(directory: Path | str | None = None) -> Content:
    """Read and check every content file. Never raises for bad content: see .problems."""
    folder = Path(directory) if directory is not None else content_dir()
    problems: list[Problem] = []
    c = Content()
    for name in TABLES:
        numbered = _read_table(folder, name, problems)
        c.tables[name] = tuple(row for _, row in numbered)
        c.lines[name] = {id(row): line for line, row in numbered}
    for block in PROSE_BLOCKS:
        file = f"prose/{block}.md"
        text = _read_text(folder / file, file, problems)
        if text is not None:
            if not text.strip():
                problems.append(Problem(file, "the file is empty."))
            else:
                c.prose[block] = text.strip()
    _check_links(c, problems)
    c.problems = problems
    # A file with problems is not shown at all: a half-valid table could show a fact
    # without its source, or a link that points nowhere.
    for file in {p.file for p in problems}:
        if file in c.tables:
            c.tables[file] = ()
        elif file.startswith("prose/"):
            c.prose.pop(file.removeprefix("prose/").removesuffix(".md"), None)
    return c


def cite(text: str, content: Content) -> str:
    """Turn '[ref:weir2017]' into '(Weir 2017)' for reading."""

    def replace(match) -> str:
        shorts = []
        for ref in (part.strip() for part in match.group(1).split(";")):
            reference = content.reference(ref)
            shorts.append(reference.short if reference else ref)
        return f"({'; '.join(shorts)})"

    return CITATION.sub(replace, text)


def cited_ids(text: str) -> list[str]:
    ids: list[str] = []
    for match in CITATION.finditer(text):
        ids.extend(part.strip() for part in match.group(1).split(";") if part.strip())
    return list(dict.fromkeys(ids))


def format_reference(ref: Reference, markdown: bool = False) -> str:
    """'Weir 2017. Weir S, et al. Title. BMJ Open, 2017. PMID 28893756.' for reading."""
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
    return " ".join(p for p in parts if p)
