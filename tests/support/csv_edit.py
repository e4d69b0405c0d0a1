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
