"""One measurement row, the printed table and the JSON file."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path


def median(samples: list[float]) -> float | None:
    return statistics.median(samples) if samples else None


@dataclass
class Row:
    """One measurement: the app's median, the bare equivalent's median from the same run, the budget.

    A budget is either a ratio to the bare equivalent (`max_ratio`) or an absolute ceiling in the
    row's unit (`max_value`); a row with neither is information only.
    """

    group: str
    name: str
    unit: str
    samples: list[float] = field(default_factory=list)
    bare_samples: list[float] = field(default_factory=list)
    max_ratio: float | None = None
    max_value: float | None = None
    note: str = ""

    @property
    def value(self) -> float | None:
        return median(self.samples)

    @property
    def bare(self) -> float | None:
        return median(self.bare_samples)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.bare:
            return None
        return self.value / self.bare

    @property
    def budget(self) -> str:
        if self.max_ratio is not None:
            return f"<= {self.max_ratio:g}x"
        if self.max_value is not None:
            return f"<= {self.max_value:.4g} {self.unit}"
        return ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "N/A"
        if self.max_ratio is not None:
            return "N/A" if self.ratio is None else _pass(self.ratio <= self.max_ratio)
        if self.max_value is not None:
            return _pass(self.value <= self.max_value)
        return "info"

    def to_json(self) -> dict:
        return asdict(self) | {
            "value": self.value,
            "bare": self.bare,
            "ratio": self.ratio,
            "budget": self.budget,
            "status": self.status,
        }


def _pass(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    digits = 0 if unit == "ms" and value >= 100 else 1 if unit in ("ms", "MB") else 2
    return f"{value:,.{digits}f} {unit}"


def table(rows: list[Row]) -> str:
    """A plain-text table, one line per row, notes numbered underneath."""
    header = ("Group", "Measurement", "App", "Bare", "Ratio", "Budget", "Result")
    lines, notes = [], []
    for row in rows:
        name = row.name
        if row.note:
            notes.append(row.note)
            name += f" [{len(notes)}]"
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        lines.append(
            (row.group, name, _number(row.value, row.unit), _number(row.bare, row.unit), ratio, row.budget, row.status)
        )
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]

    def fmt(cells) -> str:
        # text columns (the first two) left-aligned, numbers right-aligned
        padded = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(padded)

    rule = "-" * len(fmt(header))
    out = [fmt(header), rule, *(fmt(cells) for cells in lines), rule]
    out += [f"[{i}] {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(out)


def summary(rows: list[Row]) -> dict[str, int]:
    counts = {"PASS": 0, "FAIL": 0, "N/A": 0, "info": 0}
    for row in rows:
        counts[row.status] += 1
    return counts


def write_json(path: Path, rows: list[Row], meta: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"meta": meta, "summary": summary(rows), "rows": [row.to_json() for row in rows]}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
