"""Content access for the pages: read once per server, checked per section, explained calmly."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explainer.content import Content, Problem, load_content
from explainer.sections import Section

MAX_SHOWN = 50
BROKEN_PART = (
    "Part of this page could not be shown because a content file has a mistake. "
    "The rest of the app still works. Please let the clinic team know."
)


@st.cache_resource(show_spinner=False)
def get_content() -> Content:
    """Read and check content once per server: it never changes while the server runs."""
    return load_content()


def problem_note(problems: Sequence[Problem], lead: str = BROKEN_PART) -> None:
    """A calm note for the patient; the exact problems (file, row, field) for the clinic's maintainer."""
    st.info(lead, icon=":material/info:")
    with st.expander("Details for the clinic's content maintainer"):
        shown = [str(problem) for problem in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            shown.append(f"... and {len(problems) - MAX_SHOWN} more. Run the content check for the full list.")
        st.text("\n".join(shown))


def ready(section: Section) -> bool:
    """True if every file this section needs is sound; otherwise a calm note says what is wrong."""
    problems = get_content().broken(*section.needs)
    if problems:
        problem_note(problems)
    return not problems
