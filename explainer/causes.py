"""The cause groupings: which causes fall in each category of a dimension, as pure functions."""

from __future__ import annotations

import pandas as pd

from explainer.content import Content
from explainer.schema import Cause
from explainer.vocabulary import Dimension

DIMENSIONS: dict[str, str] = {
    Dimension.TIMING: "When it starts",
    Dimension.MECHANISM: "What is going on",
    Dimension.PAIN_TYPE: "Kind of pain",
}


def causes_in_category(content: Content, dimension: str, category_id: str) -> list[Cause]:
    """The causes in one category of one dimension ('timing', 'mechanism' or 'pain_type')."""
    return [cause for cause in content.causes if category_id in cause.categories(dimension)]


def cause_counts(content: Content, dimension: str) -> pd.DataFrame:
    """One row per category in display order: label, number of causes, their names."""
    rows = []
    for category in content.categories(dimension):
        causes = causes_in_category(content, dimension, category.id)
        rows.append(
            {
                "id": category.id,
                "Group": category.label,
                "Number of causes": len(causes),
                "Causes": "; ".join(c.name for c in causes),
            }
        )
    return pd.DataFrame(rows)
