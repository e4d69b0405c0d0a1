"""Script time in AppTest: every page's rerun and the interactions, each against the bare app.

AppTest runs the script in this process, through app.py as the server does. The cached content
and figures stay warm between reruns, as they do on a running server.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.common import APP, BARE_APP, Plan, alternate, cpu_ms
from benchmarks.report import Row
from explainer import sections
from explainer.content import load_content
from explainer.filters import DIMENSIONS

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
        at = open_app(APP, section.path)
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


def interaction_rows(plan: Plan) -> list[Row]:
    content = load_content()
    treatments = toggle_walk([t.id for t in content.treatments])
    dimensions = itertools.cycle([*list(DIMENSIONS)[1:], next(iter(DIMENSIONS))])
    first_dimension = next(iter(DIMENSIONS))
    groups = itertools.cycle([c.id for c in content.categories(first_dimension)] + [None])
    changes = [
        (
            "Treatment filter: click a pill",
            sections.by_key("aims").path,
            lambda at: at.pills(key="filter_treatments").set_value(next(treatments)),
        ),
        (
            "Causes: sort by another dimension",
            sections.by_key("causes").path,
            lambda at: at.segmented_control(key="cause_dimension").set_value(next(dimensions)),
        ),
        (
            "Causes: pick a group",
            sections.by_key("causes").path,
            lambda at: at.pills(key=f"cause_group_{first_dimension}").set_value(next(groups)),
        ),
    ]
    bare = open_app(BARE_APP)
    rows = []
    for name, page, change in changes:
        at = open_app(APP, page)
        try:
            app_ms, bare_ms = alternate(rerun_step(at, change), bare_click(bare), plan.warmups, plan.reruns)
            note = page_problem(at)
        except (KeyError, ValueError, StopIteration) as err:  # the control is not on the page
            app_ms, bare_ms, note = [], [], f"control not found: {err!r} ({page_problem(at) or 'no error shown'})"
        rows.append(Row("Interaction", name, "ms", app_ms, bare_ms, SCRIPT_BUDGET, note=note))
    return rows
