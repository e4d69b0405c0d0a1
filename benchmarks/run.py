"""Benchmark the explainer against Streamlit's own floor, a bare app, measured in the same run.

    .venv/bin/python -m benchmarks.run [--quick] [--json PATH]

Prints a table of medians, ratios to the bare equivalents and budgets, and writes the same as
JSON (default: benchmarks/results/latest.json). Exits with status 1 if a budget fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from benchmarks import browser_time, handout_time, script_time
from benchmarks.common import FULL, QUICK, Plan
from benchmarks.report import Row, summary, table, write_json
from explainer import sections
from explainer.content import load_content

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_JSON = ROOT / "benchmarks" / "results" / "latest.json"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run, not for budgets")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, metavar="PATH", help="where to write the JSON")
    parser.add_argument(
        "--only",
        type=lambda text: set(text.split(",")),
        default=set(GROUPS),
        metavar="GROUPS",
        help=f"measure only these, comma-separated, while working on one thing: {','.join(GROUPS)} (default: all)",
    )
    args = parser.parse_args(argv)
    if not args.only <= set(GROUPS):
        parser.error(f"--only takes {', '.join(GROUPS)}")
    return args


GROUPS = ("script", "interaction", "server", "browser", "memory", "handout")


class Progress:
    """Say on stderr what is being measured, with the time since the start."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def __call__(self, what: str) -> None:
        print(f"[{self.elapsed:5.0f}s] {what}", file=sys.stderr, flush=True)


def heaviest_page(rows: list[Row]) -> sections.Section:
    """The page with the longest script time: where the memory test opens its sessions."""
    timed = [r for r in rows if r.group == "Script" and r.value is not None]
    if not timed:
        return sections.SECTIONS[0]
    slowest = max(timed, key=lambda r: r.value or 0)
    return next(s for s in sections.SECTIONS if s.title == slowest.name)


def measure(plan: Plan, progress: Progress, only: set[str] = set(GROUPS)) -> list[Row]:  # noqa: B006
    rows: list[Row] = []
    if "script" in only or "memory" in only:  # the memory test opens the slowest page
        progress("Script time of every page (AppTest reruns)")
        rows += script_time.page_rows(plan)
    if "interaction" in only:
        progress("Interactions (AppTest: set a control, rerun)")
        rows += script_time.interaction_rows(plan)
    if "server" in only:
        progress("Server start to healthy")
        rows.append(browser_time.server_start_row(plan))
    if "browser" in only or "memory" in only:
        with browser_time.chromium() as browser:
            if "browser" in only:
                progress("Browser: first load, every page move, first chart visit, the filter click, floor, warming")
                rows += browser_time.browser_rows(browser, plan)
            if "memory" in only:
                heaviest = heaviest_page(rows)
                progress(f"Memory: {plan.sessions} sessions on {heaviest.title}")
                rows += browser_time.memory_rows(browser, plan, heaviest)
    if "handout" in only:
        progress("Handout PDF")
        rows += handout_time.handout_rows(plan)
    return rows


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def meta(plan: Plan, quick: bool, seconds: float, load_before: tuple[float, float, float]) -> dict:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "quick": quick,
        "plan": vars(plan),
        "seconds": round(seconds, 1),
        "content_problems": len(load_content().problems),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "versions": {name: version(name) for name in ("streamlit", "plotly", "pandas", "playwright")},
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    progress = Progress()
    load_before = os.getloadavg()
    rows = measure(plan, progress, args.only)
    info = meta(plan, args.quick, progress.elapsed, load_before)
    write_json(args.json, rows, info)
    print(table(rows))
    counts = summary(rows)
    print(
        f"\n{counts['PASS']} passed, {counts['FAIL']} failed, {counts['N/A']} not available "
        f"({'quick run, ' if args.quick else ''}{info['seconds']:.0f} s). JSON: {args.json}"
    )
    # Only the load before the run: afterwards it includes the benchmark's own 20 browser tabs.
    load = load_before[0]
    if load > (os.cpu_count() or 1):
        print(
            f"Note: the machine was busy before the run (load {load:.1f} on {os.cpu_count()} CPUs): "
            "browser timings are noisy."
        )
    if info["content_problems"]:
        print(f"Warning: the content has {info['content_problems']} problem(s); some pages show an error instead.")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
