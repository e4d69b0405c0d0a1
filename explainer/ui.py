"""Streamlit building blocks shared by the pages. The only module here that imports Streamlit;
everything it shows comes from content and from the pure functions beside it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explainer import sections
from explainer.content import Content, Problem, cite, cited_ids, format_reference, load_content
from explainer.figures import CHART_CONFIG
from explainer.schema import RED_FLAG_GROUPS


@st.cache_resource(show_spinner=False)
def get_content() -> Content:
    """Read and check content once per server: it never changes while the server runs."""
    return load_content()


def problem_message(problems: list[Problem]) -> None:
    """A calm note for the patient; the exact problems for the clinic's maintainer."""
    st.info(
        "Part of this page could not be shown because a content file has a mistake. "
        "The rest of the app still works. Please let the clinic team know.",
        icon=":material/info:",
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


def prose(*names: str, content: Content | None = None) -> None:
    """Prose blocks in a row, as one text with readable citations, then one fold-out with the
    medical words they use and where their facts come from. One text and one fold-out, not two
    per block: every element costs time when a page is drawn."""
    content = content or get_content()
    missing = [name for name in names if name not in content.prose]
    if missing:
        problem_message([p for name in missing for p in content.broken(f"prose/{name}.md")])
    texts = [content.prose[name] for name in names if name in content.prose]
    if not texts:
        return
    text = "\n\n".join(texts)
    st.markdown(cite(text, content))
    words_and_sources(new_words(text, content), cited_ids(text), content)


def words_and_sources(words: list, ids: list[str], content: Content) -> None:
    """One fold-out: the glossary words not yet explained on this page, then the sources."""
    refs = [ref for ref in (content.reference(i) for i in dict.fromkeys(ids)) if ref is not None]
    if not words and not refs:
        return
    parts = []
    if words:
        parts.append("\n".join(f"- **{t.term}**: {t.meaning}" for t in words))
    if refs:
        parts.append(
            ("**Where this comes from**\n\n" if words else "") + "\n".join(f"- {reference_line(r)}" for r in refs)
        )
    if words:
        names = ", ".join(t.term for t in words[:3]) + (f" and {len(words) - 3} more" if len(words) > 3 else "")
        label = f"Words used here: {names}" + (" · Where this comes from" if refs else "")
        icon = ":material/menu_book:"
    else:
        label, icon = "Where this comes from", None
    with st.expander(label, icon=icon):
        st.markdown("\n\n".join(parts))


def _terms_in(text: str, content: Content) -> tuple:
    """The glossary words a text uses: the same on every rerun, so searched for once per text
    (the search runs every glossary pattern over the text). Kept with the content, not in
    st.cache_resource: hashing the text on every call cost more than the lookup saves."""
    from explainer.glossary import terms_in

    return content.remember(("terms_in", text), lambda: tuple(terms_in(text, content)))


def new_words(text: str, content: Content | None = None) -> list:
    """The glossary words this text uses that this page has not explained yet (now marked explained)."""
    content = content or get_content()
    seen = st.session_state.setdefault("explained_on_page", set())
    new = [t for t in _terms_in(text, content) if t.term not in seen]
    seen.update(t.term for t in new)
    return new


def words_line(text: str, content: Content | None = None) -> str:
    """'Words: **MRI**: a scan ...' for the end of a card's markdown, or '' if nothing is new."""
    new = new_words(text, content)
    return ("\n\n*Words explained:* " + "; ".join(f"**{t.term}**: {t.meaning}" for t in new)) if new else ""


def start_page() -> None:
    """Called by the router before each page: words are explained afresh on every page."""
    st.session_state.explained_on_page = set()


def sources(ids: list[str] | tuple[str, ...], content: Content | None = None) -> None:
    """'Where this comes from', folded away: the references behind these ids."""
    words_and_sources([], ids, content or get_content())


def sources_line(ids, content: Content | None = None) -> str:
    """'*Sources: Weir 2017; Inoue 2017.*' to end a card's markdown (details on the Sources page)."""
    content = content or get_content()
    shorts = [ref.short for ref in (content.reference(i) for i in dict.fromkeys(ids)) if ref is not None]
    return f"\n\n*Sources: {'; '.join(shorts)}.*" if shorts else ""


def reference_line(ref) -> str:
    return format_reference(ref, markdown=True)


def chart(figure: dict, *, alt: str, summary: str, data: pd.DataFrame, key: str) -> None:
    """A chart always comes with its accessible name, a one-sentence summary and its data."""
    # theme=None: the figure's own dark labels, not Streamlit's lighter grey (contrast).
    st.plotly_chart(figure, width="stretch", config=CHART_CONFIG, alt=alt, key=key, theme=None)
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
    with st.container(border=True):
        body = [cite(content.prose["red_flags_intro"], content)]
        for group, heading in RED_FLAG_GROUPS.items():
            flags = [f for f in content.red_flags if f.group == group]
            if flags:
                body.append(f"**{heading}**\n\n" + "\n".join(f"- {flag.sign}" for flag in flags))
        st.markdown("\n\n".join(body))
        ids = [ref for flag in content.red_flags for ref in flag.source_ids]
        sources(ids + cited_ids(content.prose["red_flags_intro"]), content)


def step_footer(key: str) -> None:
    """'Back' and 'Next' along the guided path, as links (they work with the keyboard)."""
    before, after = sections.neighbours(key)
    if before is None and after is None:
        return
    # One row, links at either end: three elements where a divider and columns took six.
    with st.container(horizontal=True, horizontal_alignment="distribute", key="step_footer"):
        if before:
            st.page_link(before.path, label=f"Back: {before.title}", icon=":material/arrow_back:")
        if after:
            st.page_link(after.path, label=f"Next: {after.title}", icon=":material/arrow_forward:")


def page_title(key: str) -> None:
    section = sections.by_key(key)
    step = sections.step_of(key)
    if step and not st.session_state.get("consult"):  # consult mode's bar shows the step
        st.caption(f"Step {step} of {len(sections.GUIDED)}")
    st.title(section.title)


@st.dialog("Words explained", width="medium", position="right")
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
    consult_switch()
    with st.sidebar:
        if st.button(
            "Words explained",
            icon=":material/menu_book:",
            width="stretch",
            help="A list of medical words in plain language",
        ):
            glossary_dialog()
        # One caption for the notes below: every element costs time on each page.
        notes = [picked_so_far(current_selection()) + " Kept only in this browser tab and its link. Nothing is saved."]
        if content.prose.get("disclaimer"):
            notes.append(cite(content.prose["disclaimer"], content))
        if content.problems:
            notes.append(f"Content check: {len(content.problems)} problem(s) found. Some parts may be hidden.")
        st.caption("\n\n".join(notes))


# ------------------------------------------------------------------------------------------
# Figures are built once per set of arguments and shared by every session.


def _builders():
    from explainer import figures

    return {
        "vertebra": lambda content, after: figures.vertebra_figure(after),
        "cause_groups": figures.cause_groups_figure,
        "treatment_ladder": lambda content, chosen: figures.treatment_ladder_figure(content, list(chosen)),
        "aim_matrix": lambda content, t, s, across: figures.aim_matrix_figure(content, list(t), list(s), across),
        "icon_array": lambda content, *args: figures.icon_array_figure(*args),
    }


@st.cache_resource(show_spinner=False, max_entries=512)
def figure(kind: str, *args):
    """A plotly figure by kind and hashable arguments (tuples, strings, numbers), frozen: shared by
    every session, so never changed after it is built."""
    from explainer.figures import freeze

    return freeze(_builders()[kind](get_content(), *args))


# ------------------------------------------------------------------------------------------
# This patient's selection and consult mode. Both live in session state (memory of this
# browser tab only) and in the page address, so a copied link reopens the same view.

SELECTION_KEYS = {"causes": "sel_causes", "symptoms": "sel_symptoms", "treatments": "sel_treatments"}
SELECTION_LABELS = {
    "causes": "Causes being considered",
    "symptoms": "Symptoms you have",
    "treatments": "Treatments we talked about",
}
MARK_LABELS = {
    "causes": "Which of these are being looked into for you?",
    "symptoms": "Which of these do you have?",
    "feelings": "Which of these do you feel?",
    "treatments": "Which of these did we talk about?",
}


def _options(content: Content) -> dict[str, dict[str, str]]:
    return {
        "causes": {c.id: c.name for c in content.causes},
        "symptoms": {s.id: s.name for s in content.symptoms},
        "treatments": {t.id: t.name for t in content.treatments},
    }


def restore_from_address() -> None:
    """On a session's first run, take the selection and consult mode from the address."""
    if st.session_state.get("address_read"):
        return
    from explainer.selection import parse_address

    content = get_content()
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    known = {kind: list(names) for kind, names in _options(content).items()}
    parsed = parse_address(params, known)
    for kind, key in SELECTION_KEYS.items():
        st.session_state[key] = list(parsed.selection.get(kind))
    st.session_state.consult = parsed.consult
    st.session_state.address_notes = parsed.notes
    st.session_state.address_read = True


def current_selection():
    from explainer.selection import Selection

    return Selection(**{kind: tuple(st.session_state.get(key, ())) for kind, key in SELECTION_KEYS.items()})


def write_address() -> None:
    """Keep the address in step with the selection, so 'copy link' always copies this view."""
    from explainer.selection import to_address

    wanted = to_address(current_selection(), bool(st.session_state.get("consult")))
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def address_notes() -> None:
    notes = st.session_state.pop("address_notes", ())
    for note in notes:
        st.info(note, icon=":material/link:")


def _toggle_consult() -> None:
    st.session_state.consult = not st.session_state.get("consult", False)


def _marked(kind: str, offered: tuple[str, ...], widget_key: str) -> None:
    """Fold what was picked on the page into this patient's selection, in the content's order."""
    content = get_content()
    kept = set(st.session_state.get(SELECTION_KEYS[kind], ())) - set(offered)
    chosen = kept | set(st.session_state[widget_key] or ())
    st.session_state[SELECTION_KEYS[kind]] = [i for i in _options(content)[kind] if i in chosen]


def _synced_value(kind: str, offered: list[str], key: str) -> None:
    """Show this patient's selection in a pick widget. The selection lives under its own keys,
    not the widgets' (Streamlit forgets a widget's value on pages that do not show it)."""
    chosen = st.session_state.get(SELECTION_KEYS[kind], ())
    st.session_state[key] = [i for i in offered if i in chosen]


def marks(kind: str, offered: list[str], label: str, key: str | None = None) -> None:
    """One pick list for the items a page shows, to add them to this patient's selection.

    One control, not a tick box per card: fewer elements, so the page draws faster, and the
    choices sit together where they can be seen at a glance."""
    key = key or f"marks_{kind}"
    names = _options(get_content())[kind]
    _synced_value(kind, offered, key)
    st.pills(
        label,
        offered,
        format_func=names.get,
        selection_mode="multi",
        key=key,
        on_change=_marked,
        args=(kind, tuple(offered), key),
        help="Your picks go to your summary. Nothing is saved.",
    )


def choices_editor() -> None:
    """Every choice in one place, to check and change (on the summary page)."""
    for kind, names in _options(get_content()).items():
        key = f"edit_{kind}"
        _synced_value(kind, list(names), key)
        st.multiselect(
            SELECTION_LABELS[kind],
            list(names),
            format_func=names.get,
            key=key,
            placeholder="None chosen",
            on_change=_marked,
            args=(kind, tuple(names), key),
        )


def picked_so_far(selection) -> str:
    """'Picked so far: 2 causes, 1 symptom.' for the sidebar."""
    counts = [
        f"{len(ids)} {kind if len(ids) != 1 else kind[:-1]}"
        for kind, ids in (
            ("causes", selection.causes),
            ("symptoms", selection.symptoms),
            ("treatments", selection.treatments),
        )
        if ids
    ]
    return f"Picked so far: {', '.join(counts)}." if counts else "Nothing picked yet."


def consult_mode_styles() -> None:
    """Presentation form: larger type, wider column, no developer chrome."""
    st.html(
        """<style>
        .stMainBlockContainer { max-width: min(1180px, 100%); }
        .stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer label,
        .stMainBlockContainer [data-testid="stMarkdownContainer"] { font-size: 1.375rem; line-height: 1.55; }
        .stMainBlockContainer h1 { font-size: 3.1rem; }
        .stMainBlockContainer h2 { font-size: 2.3rem; }
        .stMainBlockContainer h3, .stMainBlockContainer h4 { font-size: 1.8rem; }
        [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
        [data-testid="stAppDeployButton"], #MainMenu { display: none !important; }
        </style>"""
    )


def print_styles() -> None:
    """Printing from the browser: content only, no navigation or controls."""
    st.html(
        """<style>
        @media print {
          [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
          [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"],
          [data-testid="stPageLink"], [data-testid="stSegmentedControl"], [data-testid="stButtonGroup"],
          .stSlider, .stCheckbox, .stMultiSelect, .stTextInput, .stDownloadButton { display: none !important; }
          .stMainBlockContainer { max-width: 100% !important; padding: 0 !important; }
          [data-testid="stExpander"] details > div { display: block !important; }
        }
        </style>"""
    )


def consult_bar(key: str | None) -> None:
    """In consult mode: where we are on the path, Back / Next, and the way out."""
    if not st.session_state.get("consult"):
        return
    before, after = sections.neighbours(key) if key else (None, None)
    with st.container(horizontal=True, vertical_alignment="center"):
        step = sections.step_of(key)
        if step:
            st.markdown(f"**Step {step} of {len(sections.GUIDED)}**")
        if before and st.button(f"Back: {before.title}", key="consult_back", icon=":material/arrow_back:"):
            st.switch_page(before.path)
        if after and st.button(
            f"Next: {after.title}", key="consult_next", icon=":material/arrow_forward:", type="primary"
        ):
            st.switch_page(after.path)
        st.button(
            "Leave consult mode",
            key="consult_leave",
            on_click=_toggle_consult,
            shortcut="P",
            help="Shortcut: P",
        )


def consult_switch() -> None:
    if not st.session_state.get("consult"):
        st.sidebar.button(
            "Start consult mode",
            key="consult_start",
            on_click=_toggle_consult,
            icon=":material/co_present:",
            shortcut="P",
            help="Larger text and a step-by-step path for showing on a screen. Shortcut: P",
            width="stretch",
        )
