"""Time to build the PDF handout (`explainer.handout.build_handout`, as the summary page calls it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from benchmarks.common import Plan, cpu_ms
from benchmarks.report import Row
from explainer.content import Content, load_content
from explainer.handout import build_handout
from explainer.selection import Selection

HANDOUT_BUDGET_MS = 1000 / 3  # "under a third of a second on this machine"


def builders(content: Content) -> dict[str, Callable[[], bytes]]:
    """The PDFs to time: a typical consult (three causes, symptoms, treatments and questions),
    and everything ticked."""

    def build(n: int | None) -> Callable[[], bytes]:
        chosen = Selection(
            causes=tuple(c.id for c in content.causes[:n]),
            symptoms=tuple(s.id for s in content.symptoms[:n]),
            treatments=tuple(t.id for t in content.treatments[:n]),
        )
        questions = [q.question for q in content.questions[:n]]
        return lambda: build_handout(
            content, chosen, questions=questions, patient_name="A. Patient", today=date(2026, 1, 1)
        )

    return {"typical: 3 of each": build(3), "everything ticked": build(None)}


def handout_rows(plan: Plan) -> list[Row]:
    content = load_content()
    rows = []
    for i, (what, build) in enumerate(builders(content).items()):
        pdf = build()  # the warm-up, and a check that it is a PDF
        note = "" if pdf[:5] == b"%PDF-" else "the builder did not return PDF bytes"
        samples = [cpu_ms(build) for _ in range(plan.handout)]
        budget = HANDOUT_BUDGET_MS if i == 0 else None  # the budget is for a typical consult
        rows.append(Row("Handout", f"Build the PDF ({what})", "ms", samples, max_value=budget, note=note))
    return rows
