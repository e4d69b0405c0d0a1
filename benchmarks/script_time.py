"""Script time in AppTest: every page's rerun and the interactions, each against the bare app.

AppTest runs the script in this process, through app.py as the server does. The cached content
and figures stay warm between reruns, as they do on a running server.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.common import APP, BARE_APP, Plan, alternate, cpu_ms
from benchmarks.report import Row
from explainer import sections
from explainer.content import load_content

SCRIPT_BUDGET = 5.0  # x the bare page's rerun

# AppTest() warns that it has no script run context; harmless here, and it would bury the progress.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
    lambda record: "missing ScriptRunContext" not in record.getMessage()
)


def open_app(script: Path, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(script), default_timeout=60)
    at.run()
    if page is not None:
        at.switch_page(page).run()
    return at


def page_problem(at: AppTest) -> str:
    """Why a page's timing may not be representative: an exception or a content error shown."""
    if at.exception:
        return f"raised {at.exception[0].value.splitlines()[0][:80]}"
    if any("content file" in info.value for info in at.info):
        return "shows a content error"
    return ""


def rerun_step(at: AppTest, change: Callable[[AppTest], object] | None = None) -> Callable[[], float]:
    """One timed step: optionally set a widget, then rerun."""

    def act() -> None:
        if change is not None:
            change(at)
        at.run()

    return lambda: cpu_ms(act)


def bare_click(at: AppTest) -> Callable[[], float]:
    """The bare interaction: pick the next option of the bare sidebar pill, rerun."""
    options = itertools.cycle(["A", "B", "C"])
    return rerun_step(at, lambda at: at.pills(key="bare_pill").set_value(next(options)))


def page_rows(plan: Plan) -> list[Row]:
    bare = open_app(BARE_APP)
    rows = []
    for section in sections.SECTIONS:
        try:
            at = open_app(APP, section.path)
        except Exception as err:  # a page AppTest cannot open is reported, not fatal
            note = f"skipped: AppTest could not open {section.path}: {err!r}"[:200]
            print(f"  {note}", file=sys.stderr)
            rows.append(Row("Script", section.title, "ms", max_ratio=SCRIPT_BUDGET, note=note))
            continue
        app_ms, bare_ms = alternate(rerun_step(at), rerun_step(bare), plan.warmups, plan.reruns)
        rows.append(Row("Script", section.title, "ms", app_ms, bare_ms, SCRIPT_BUDGET, note=page_problem(at)))
    return rows


def toggle_walk(ids: list[str]) -> Iterator[list[str]]:
    """Selections a person makes by clicking pills one after another: each click toggles one pill.

    The first 2n - 1 selections are all different, so the figure cache cannot hide a new figure.
    """
    chosen: list[str] = []
    for pill in itertools.cycle(ids):
        chosen = [c for c in chosen if c != pill] if pill in chosen else [*chosen, pill]
        yield list(chosen)


def section_path(key: str) -> str | None:
    """The page script of a section, or None if no section has this key any more."""
    return next((s.path for s in sections.SECTIONS if s.key == key), None)


def filter_change() -> Callable[[AppTest], object]:
    treatments = toggle_walk([t.id for t in load_content().treatments])
    return lambda at: at.pills(key="filter_treatments").set_value(next(treatments))


def dimension_change() -> Callable[[AppTest], object]:
    from explainer.causes import DIMENSIONS  # here: a change to the causes module skips one row

    dimensions = itertools.cycle([*list(DIMENSIONS)[1:], next(iter(DIMENSIONS))])
    return lambda at: at.segmented_control(key="cause_dimension").set_value(next(dimensions))


def group_change() -> Callable[[AppTest], object]:
    from explainer.causes import DIMENSIONS

    first_dimension = next(iter(DIMENSIONS))
    groups = itertools.cycle([c.id for c in load_content().categories(first_dimension)] + [None])
    return lambda at: at.pills(key=f"cause_group_{first_dimension}").set_value(next(groups))


INTERACTIONS = (  # name, section key, the change (made fresh for each run)
    ("Treatment filter: click a pill", "aims", filter_change),
    ("Causes: sort by another dimension", "causes", dimension_change),
    ("Causes: pick a group", "causes", group_change),
)


def interaction_rows(plan: Plan) -> list[Row]:
    """Each interaction sets a control by its key and reruns. A control, page or helper that is gone
    gives a row with no figures and the reason, printed as it happens, not a crash."""
    bare = open_app(BARE_APP)
    rows = []
    for name, key, make_change in INTERACTIONS:
        app_ms: list[float] = []
        bare_ms: list[float] = []
        page = section_path(key)
        if page is None:
            note = f"skipped: no section {key!r} in explainer/sections.py"
        else:
            at = open_app(APP, page)
            try:
                change = make_change()
                app_ms, bare_ms = alternate(rerun_step(at, change), bare_click(bare), plan.warmups, plan.reruns)
                note = page_problem(at)
            except (ImportError, KeyError, ValueError, StopIteration, AttributeError, TypeError) as err:
                problem = page_problem(at) or "no error shown"
                note = f"skipped: control not found on {page}: {err!r} ({problem})"
        if not app_ms:
            print(f"  skipped: {name}: {note}", file=sys.stderr)
        rows.append(Row("Interaction", name, "ms", app_ms, bare_ms, SCRIPT_BUDGET, note=note))
    return rows
