"""Paths, repetition counts and the alternating sampler shared by every measurement."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BARE_APP = ROOT / "benchmarks" / "bare" / "app.py"
BARE_PAGES = ("Bare page one", "Bare page two")  # titles, as in benchmarks/bare/app_pages/bare/*.py
BARE_MAX_CHARTS = 8  # the bare app's default: pages with 1 to 8 charts (benchmarks/bare/app.py)


def bare_page(charts: int) -> str:
    """The title of the bare page with this many small plotly charts (0: 'Bare page two')."""
    if charts == 0:
        return BARE_PAGES[1]
    return f"Bare page with {charts} chart{'s' * (charts != 1)}"  # as benchmarks/bare/app_pages/bare/charts.py


@dataclass(frozen=True)
class Plan:
    """How many times to repeat each measurement (after `warmups` untimed rounds)."""

    warmups: int = 2
    reruns: int = 9  # AppTest reruns per page and per interaction
    server_starts: int = 4
    loads: int = 6  # first loads in a fresh browser context
    nav_cycles: int = 5  # rounds through every page via the sidebar
    clicks: int = 8
    sessions: int = 20
    handout: int = 7


FULL = Plan()
QUICK = Plan(warmups=1, reruns=3, server_starts=1, loads=2, nav_cycles=1, clicks=3, sessions=5, handout=3)


def cpu_ms(action: Callable[[], object]) -> float:
    """CPU milliseconds this process spent on one call, all threads (AppTest runs the script in its
    own thread). Unlike wall-clock time, other work on a shared machine hardly moves it."""
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def alternate(
    app: Callable[[], float], bare: Callable[[], float], warmups: int, reps: int
) -> tuple[list[float], list[float]]:
    """Run app and bare measurements in turn (so drift hits both alike); drop the warm-up rounds."""
    app_samples, bare_samples = [], []
    for round_ in range(warmups + reps):
        a, b = app(), bare()
        if round_ >= warmups:
            app_samples.append(a)
            bare_samples.append(b)
    return app_samples, bare_samples
