import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer.content import content_dir


@pytest.fixture
def contract_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the content the app loads ($EXPLAINER_CONTENT_DIR or content/)."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target


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
    path = folder / file
    text = path.read_text(encoding="utf-8")
    header = [h for h in next(csv.reader(io.StringIO(text))) if h != column]
    rows = [{k: v for k, v in row.items() if k != column} for row in csv.DictReader(io.StringIO(text))]
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
