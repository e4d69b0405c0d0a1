"""Streamlit building blocks shared by the pages. The only module here that imports Streamlit;
everything it shows comes from content and from the pure functions beside it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainer import sections
from explainer.content import Content, Problem, cite, cited_ids, load_content
from explainer.figures import CHART_CONFIG


@st.cache_resource(show_spinner=False)
def get_content() -> Content:
    """Read and check content once per server: it never changes while the server runs."""
    return load_content()


def problem_message(problems: list[Problem]) -> None:
    """A calm note for the patient; the exact problems for the clinic's maintainer."""
    st.info(
        "Part of this page could not be shown because a content file has a mistake. "
        "The rest of the app still works. Please let the clinic team know.",
        icon="ℹ️",
    )
    with st.expander("Details for the clinic's content maintainer"):
        for problem in problems[:50]:
            st.text(str(problem))
        if len(problems) > 50:
            st.text(f"... and {len(problems) - 50} more. Run the content check for the full list.")


def require(*files: str) -> Content:
    """The content, if every file this page needs is sound; otherwise explain and stop the page."""
    content = get_content()
    problems = content.broken(*files, "references.csv")
    if problems:
        problem_message(problems)
        st.stop()
    return content


def prose(name: str, content: Content | None = None) -> None:
    """A prose block with readable citations, then where its facts come from."""
    content = content or get_content()
    text = content.prose.get(name)
    if text is None:
        problem_message(content.broken(f"prose/{name}.md"))
        return
    st.markdown(cite(text, content))
    ids = cited_ids(text)
    if ids:
        sources(ids, content)


def sources(
    ids: list[str] | tuple[str, ...], content: Content | None = None, label: str = "Where this comes from"
) -> None:
    content = content or get_content()
    with st.expander(label):
        for ref_id in dict.fromkeys(ids):
            ref = content.reference(ref_id)
            if ref is not None:
                st.markdown(reference_line(ref))


def reference_line(ref) -> str:
    parts = [f"**{ref.short}**.", ref.authors + "." if ref.authors else "", f"*{ref.title}*."]
    if ref.journal:
        parts.append(f"{ref.journal}{',' if ref.year else ''} {ref.year or ''}.".replace(" .", "."))
    elif ref.year:
        parts.append(f"{ref.year}.")
    if ref.pmid:
        parts.append(f"PMID {ref.pmid}.")
    if ref.doi:
        parts.append(f"DOI {ref.doi}.")
    return " ".join(p for p in parts if p)


def chart(figure: dict, *, alt: str, summary: str, data: pd.DataFrame, key: str) -> None:
    """A chart always comes with its accessible name, a one-sentence summary and its data."""
    st.plotly_chart(figure, width="stretch", config=CHART_CONFIG, alt=alt, key=key)
    st.markdown(f"**In words:** {summary}")
    with st.expander("See this chart as a table"):
        st.table(data, hide_index=True)


def red_flags_box(content: Content | None = None) -> None:
    """The same 'get help now' box wherever symptoms appear."""
    content = content or get_content()
    problems = content.broken("red_flags.csv", "prose/red_flags_intro.md")
    if problems:
        problem_message(problems)
        return
    groups = {
        "cauda_equina": "Signs the nerves at the base of the spine are squeezed",
        "infection": "Signs of infection",
        "weakness": "Weakness",
        "other": "Also tell a doctor soon about",
    }
    with st.container(border=True):
        st.markdown("### ⚠️ Get help the same day")
        st.markdown(cite(content.prose["red_flags_intro"], content))
        for group, heading in groups.items():
            flags = [f for f in content.red_flags if f.group == group]
            if flags:
                st.markdown(f"**{heading}**")
                st.markdown("\n".join(f"- {flag.sign}" for flag in flags))
        ids = [ref for flag in content.red_flags for ref in flag.source_ids]
        sources(ids + cited_ids(content.prose["red_flags_intro"]), content)


def step_footer(key: str) -> None:
    """'Back' and 'Next' along the guided path, as links (they work with the keyboard)."""
    before, after = sections.neighbours(key)
    if before is None and after is None:
        return
    st.divider()
    left, right = st.columns(2)
    with left:
        if before:
            st.page_link(before.path, label=f"Back: {before.title}", icon="⬅️")
    with right:
        if after:
            st.page_link(after.path, label=f"Next: {after.title}", icon="➡️")


def page_title(key: str) -> None:
    section = sections.by_key(key)
    if section.guided:
        step = [s.key for s in sections.GUIDED].index(key) + 1
        st.caption(f"Step {step} of {len(sections.GUIDED)}")
    st.title(section.title)


@st.dialog("Words explained", width="medium")
def glossary_dialog() -> None:
    content = get_content()
    if content.broken("glossary.csv"):
        problem_message(content.broken("glossary.csv"))
        return
    query = st.text_input("Find a word", placeholder="For example: lamina").strip().casefold()
    terms = [
        g
        for g in content.glossary
        if not query or query in g.term.casefold() or any(query in a.casefold() for a in g.aliases)
    ]
    if not terms:
        st.markdown("No word matches. Try a shorter search.")
    for g in sorted(terms, key=lambda g: g.term.casefold()):
        st.markdown(f"**{g.term}**: {g.meaning}")


def sidebar() -> None:
    content = get_content()
    with st.sidebar:
        if st.button("📖 Words explained", width="stretch", help="A list of medical words in plain language"):
            glossary_dialog()
        text = content.prose.get("disclaimer")
        if text:
            st.caption(cite(text, content))
        if content.problems:
            st.caption(f"Content check: {len(content.problems)} problem(s) found. Some parts may be hidden.")


# ------------------------------------------------------------------------------------------
# Figures are built once per set of arguments and shared by every session.


def _builders():
    from explainer import figures

    return {
        "vertebra": lambda content, after: figures.vertebra_figure(after),
        "cause_groups": figures.cause_groups_figure,
        "treatment_ladder": lambda content, chosen: figures.treatment_ladder_figure(content, list(chosen)),
        "aim_matrix": lambda content, t, s: figures.aim_matrix_figure(content, list(t), list(s)),
        "icon_array": lambda content, *args: figures.icon_array_figure(*args),
    }


@st.cache_resource(show_spinner=False, max_entries=512)
def figure(kind: str, *args):
    """A plotly figure by kind and hashable arguments (tuples, strings, numbers)."""
    return _builders()[kind](get_content(), *args)
