"""Editing a content CSV the way a person does in a spreadsheet: one helper for every test."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path


def edit_rows(path: Path, edit: Callable[[list[list[str]]], None]) -> None:
    """Apply edit(rows) to a CSV file, rows as lists of cells including the header."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def edit_csv(path: Path, edit: Callable[[list[dict[str, str]]], None]) -> None:
    """Apply edit(rows) to a CSV file, rows as dicts keyed by column (the header is kept)."""
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    rows = list(csv.DictReader(io.StringIO(text)))
    edit(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def set_cell(folder: Path, file: str, key: str, column: str, value: str) -> int:
    """Set one cell of the row whose first column is `key`; returns its spreadsheet line."""
    line = 0

    def edit(rows: list[dict[str, str]]) -> None:
        nonlocal line
        first = next(iter(rows[0]))
        for number, row in enumerate(rows, start=2):
            if row[first] == key:
                row[column] = value
                line = number
                return
        raise AssertionError(f"no row {key!r} in {file}")

    edit_csv(folder / file, edit)
    return line


def drop_column(folder: Path, file: str, column: str) -> None:
    """Remove one column, header and cells, from a CSV file."""

    def edit(rows: list[list[str]]) -> None:
        index = rows[0].index(column)
        for row in rows:
            del row[index : index + 1]

    edit_rows(folder / file, edit)


def put_cell(path: Path, index: int, column: str, value: str) -> None:
    """Set one cell: row `index` of the file's rows (0 is the header, so spreadsheet line index + 1)."""

    def edit(rows: list[list[str]]) -> None:
        rows[index][rows[0].index(column)] = value

    edit_rows(path, edit)
