"""The frame around every page: sidebar, page header, Back/Next footer, consult mode, the glossary,
the 'New patient' control, and the page's styles. The router (app.py) draws it; pages never do."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explainer import sections
from explainer.content import cite
from explainer.sections import Section
from explainer.selection import NOT_RECOGNISED, picked_so_far
from explainer_ui import state
from explainer_ui import text as help_text  # CLIN-UI: the warning banner and the review note
from explainer_ui.data import get_content, problem_note
from explainer_ui.text import GLOSSARY, plain
from explainer_ui.warm import KEY as WARM_KEY
from explainer_ui.warm import hidden, warm_plotly

STYLES = Path(__file__).resolve().parent / "styles"


def styles() -> None:
    """Print styles always; consult mode's larger type when it is on."""
    st.html(STYLES / "print.css")
    st.html(STYLES / "layout.css")
    if state.consult():
        st.html(STYLES / "consult.css")


def header(section: Section) -> None:
    """The page title, with 'Step n of N' on the guided path (consult mode's bar shows the step)."""
    if section.step and not state.consult():
        help_text.show(f"Step {section.step} of {len(sections.GUIDED)}", remember=True, small=True)
    st.title(section.title, anchor=False)
    warning_banner(section)  # CLIN-UI: the "When to get help" line, under the title on every page


def tab_scripts() -> None:
    """Scripts that live in the browser tab, sent on its first run only (each keeps working from then
    on; sent again they would be redrawn on every page move). Fixed scripts that read nothing from the
    content:
    - after a move to another page, keyboard focus goes to the new page's heading (not left on the
      button that was pressed, or dropped on <body>); reruns on the same page leave focus alone;
    - a page move adds one browser-history entry, so Back goes to the page before (an address
      change that keeps the page replaces the current entry);
    - the drawing tools that are modes (pen, circle) say whether they are in hand (aria-pressed);
    - plotly's bundle is loaded once the first page is drawn (explainer_ui.warm)."""
    if not state.first_run_in_tab():
        return
    with hidden(WARM_KEY):  # one hidden block for all of them
        st.html(STYLES / "focus.html", unsafe_allow_javascript=True)
        st.html(STYLES / "address.html", unsafe_allow_javascript=True)
        st.html(STYLES / "tools.html", unsafe_allow_javascript=True)
        warm_plotly(hide=False)


def warning_banner(section: Section) -> None:
    """One line on every page: the go-now cue and the emergency number, with a link to the full
    list of warning signs in three tiers (its own page)."""
    content = get_content()
    if content.broken(*help_text.WARNING_FILES):
        return  # the warning-signs page itself says which file has a mistake
    # One row that wraps (the link goes under the words on a narrow screen): fewer blocks for the
    # browser to draw on every move than two columns.
    with st.container(border=True, key="warning_banner", horizontal=True, vertical_alignment="center"):
        help_text.show(help_text.warning_banner_line(content), remember=True)
        if section.path != help_text.WARNING_PAGE:
            st.page_link(help_text.WARNING_PAGE, label=help_text.WARNING_LINK, icon=":material/arrow_forward:")


def review_note() -> None:
    """Whether a clinician has checked the content: a draft says so plainly, on every page."""
    content = get_content()
    if content.is_ok("settings.csv"):
        help_text.show(help_text.review_line(content), remember=True, small=True)


def footer(section: Section) -> None:
    """'Back' and 'Next' along the guided path, as links (they work with the keyboard), then
    the note on whether a clinician has checked the content."""
    before, after = sections.neighbours(section.key)
    # In consult mode the consult bar has Back and Next: one Next control, not two.
    if (before or after) and not state.consult():
        with st.container(horizontal=True, horizontal_alignment="distribute", key="step_footer"):
            if before:
                st.page_link(before.path, label=f"Back: {before.title}", icon=":material/arrow_back:")
            if after:
                st.page_link(after.path, label=f"Next: {after.title}", icon=":material/arrow_forward:")
    review_note()


def address_notes() -> None:
    """What the address held that we could not use, quoted as plain text (never as Markdown)."""
    unrecognised = state.take_address_unrecognised()
    if unrecognised:
        st.info(f"{NOT_RECOGNISED}: {plain(unrecognised)}", icon=":material/link:")


@st.dialog("Words explained", width="medium", position="right")
def glossary_dialog() -> None:
    content = get_content()
    if content.broken(GLOSSARY):
        problem_note(content.broken(GLOSSARY), lead="The list of medical words could not be read.")
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


def new_patient_button(key: str, where: str) -> None:
    st.button(
        "New patient",
        key=key,
        icon=":material/person_add:",
        width="stretch" if where == "sidebar" else "content",
        on_click=state.ask_new_patient,
        args=(where,),
        help="Clear everything about this patient, after a check",
    )


def new_patient_check(where: str) -> None:
    """The check before New patient clears anything, where the button was pressed."""
    if state.new_patient_asked() != where:
        return
    with st.container(border=True):
        st.markdown(
            "**Start with a new patient?** This clears everything picked, ticked, guessed or typed "
            "for this patient, on every page and in the link."
        )
        with st.container(horizontal=True):
            st.button(
                "Yes, clear everything", key=state.Keys.NEW_PATIENT_CONFIRM, type="primary", on_click=state.new_patient
            )
            st.button("Cancel", key=state.Keys.NEW_PATIENT_CANCEL, on_click=state.ask_new_patient, args=(None,))


def sidebar() -> None:
    content = get_content()
    with st.sidebar:
        if not state.consult():
            st.button(
                "Start consult mode",
                key=state.Keys.CONSULT_START,
                on_click=state.toggle_consult,
                icon=":material/co_present:",
                shortcut="P",
                help="Larger text and a step-by-step path for showing on a screen. Shortcut: P",
                width="stretch",
            )
        if st.button(
            "Words explained",
            icon=":material/menu_book:",
            width="stretch",
            help="A list of medical words in plain language",
        ):
            glossary_dialog()
        new_patient_button(state.Keys.NEW_PATIENT, "sidebar")
        new_patient_check("sidebar")
        notes = [picked_so_far(state.selection()) + " Kept only in this browser tab and its link. Nothing is saved."]
        if content.prose.get("disclaimer"):
            notes.append(cite(content.prose["disclaimer"], content))
        if content.problems:
            notes.append(f"Content check: {len(content.problems)} problem(s) found. Some parts may be hidden.")
        help_text.show("\n\n".join(notes), small=True)


def consult_bar(section: Section) -> None:
    """In consult mode: where we are on the path, Back / Next, New patient and the way out."""
    if not state.consult():
        return
    before, after = sections.neighbours(section.key)
    with st.container(horizontal=True, vertical_alignment="center", key="consult_bar"):
        if section.step:
            st.markdown(f"**Step {section.step} of {len(sections.GUIDED)}**")
        # "Back" alone: with both titles the bar needs two lines on a 1920 px wall screen, and the
        # step it goes back to is the one just shown (its title is the button's tooltip).
        if before and st.button(
            "Back", key=state.Keys.CONSULT_BACK, icon=":material/arrow_back:", help=f"Back to {before.title}"
        ):
            st.switch_page(before.path)
        if after and st.button(
            f"Next: {after.title}", key=state.Keys.CONSULT_NEXT, icon=":material/arrow_forward:", type="primary"
        ):
            st.switch_page(after.path)
        new_patient_button(state.Keys.NEW_PATIENT_BAR, "bar")
        st.button(
            "Leave consult mode",
            key=state.Keys.CONSULT_LEAVE,
            on_click=state.toggle_consult,
            shortcut="P",
            help="Shortcut: P",
        )
    new_patient_check("bar")
