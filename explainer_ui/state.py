"""Every value that outlives a page, declared once, with typed accessors.

Streamlit forgets a widget's value on any run that does not draw the widget, so a value that must
survive a page move lives under a plain key here, never under a widget's key. Each widget that
edits such a value is drawn by a function in this module: before the widget is drawn its key is
set from the plain value, and its on_change callback copies the new value back. (We chose this
over `persist_state="session"`: the same values are also restored from the address, cleared by
"New patient" and read by other pages, and one plain value per idea serves all of these; a
persisted widget key would still be a widget's key read from another page.)

To add a new patient value: add its plain key to `_Plain` (it is then cleared by New patient,
like everything else not in `_KEEP`), an accessor pair below, and, if a widget edits it, a draw
function that uses `_bind`. If it belongs in the take-home address, add it to
`explainer.selection` instead and reach it through `selection()` / `set_picks()` / `set_answers()`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from explainer.content import Content
from explainer.schema import EvidenceNumber, Question
from explainer.selection import (
    ANSWER_KINDS,
    NO_TREATMENT_ID,
    PICK_KINDS,
    TABLE_OF_KIND,
    Selection,
    parse_address,
    to_address,
)
from explainer.vocabulary import DIRECTION_LABELS, Direction
from explainer_ui.data import get_content


class _Plain:
    """The plain session keys: values that outlive a page. Only this module uses them."""

    SELECTION = "patient.selection"  # Selection: picks, questions, values, leanings, ...
    GUESSES = "patient.guesses"  # dict[number id, int]
    REVEALED = "patient.revealed"  # frozenset[number id]
    FILTER_DIRECTION = "patient.filter_direction"  # "treatments" | "symptoms"
    FILTER_PICKS = "patient.filter_picks"  # dict[direction, tuple[id, ...]]
    CAUSE_DIMENSION = "patient.cause_dimension"  # a dimension key
    CAUSE_GROUP = "patient.cause_group"  # dict[dimension, category id | None]
    SPINE_AFTER = "patient.spine_after"  # bool: the drawing shows the bone after a laminectomy
    CONSULT = "app.consult"  # bool
    ADDRESS_READ = "app.address_read"  # bool: the address was read once for this tab
    ADDRESS_UNRECOGNISED = "app.address_unrecognised"  # str: what the address held that we could not use
    ADDRESS_PAGE = "app.address_page"  # the page key the address was last written on
    NEW_PATIENT_ASKED = "app.new_patient_asked"  # where New patient was pressed, awaiting the check
    PRINT_ASKED = "app.print_asked"  # int: times Print was pressed (a fresh script each time)
    PRINT_DONE = "app.print_done"  # int: the press the browser was last asked to print for
    TAB_SCRIPTS_SENT = "app.tab_scripts_sent"  # bool: the tab's one-off scripts (focus, warming) were sent


# Kept by "New patient": the way the clinician works, not anything about a patient.
_KEEP = {_Plain.CONSULT, _Plain.ADDRESS_READ, _Plain.ADDRESS_PAGE, _Plain.TAB_SCRIPTS_SENT}

DEFAULT_GUESS = 50
PICK_LABELS = {
    "causes": "Which of these are being looked into for you?",
    "symptoms": "Which of these do you have?",
    "feelings": "Which of these do you feel?",
    "treatments": "Which of these did we talk about?",
}
EDITOR_LABELS = {
    "causes": "Causes being considered",
    "symptoms": "Symptoms you have",
    "treatments": "Treatments we talked about",
}


class Keys:
    """Widget keys, for the widgets drawn here and for tests that drive them (never raw strings)."""

    FILTER_DIRECTION = "filter_direction"
    TEACH_BACK = "went_over_again"
    CAUSE_DIMENSION = "cause_dimension"
    SPINE_VIEW = "spine_view"
    HANDOUT_NAME = "handout_name"
    DOWNLOAD_SUMMARY = "download_summary"
    PRINT = "print_summary"
    CONSULT_START = "consult_start"
    CONSULT_LEAVE = "consult_leave"
    CONSULT_BACK = "consult_back"
    CONSULT_NEXT = "consult_next"
    NEW_PATIENT = "new_patient"
    NEW_PATIENT_BAR = "new_patient_bar"
    NEW_PATIENT_CONFIRM = "new_patient_confirm"
    NEW_PATIENT_CANCEL = "new_patient_cancel"

    @staticmethod
    def picks(kind: str, part: str = "") -> str:
        return f"marks_{kind}" + (f"_{part}" if part else "")

    @staticmethod
    def editor(kind: str) -> str:
        return f"edit_{kind}"

    @staticmethod
    def question(question_id: str) -> str:
        return f"ask_{question_id}"

    @staticmethod
    def question_topic(topic: str) -> str:
        """The fold (explainer_ui.fold) that holds one topic's questions."""
        return "questions_" + "_".join(topic.casefold().split())

    @staticmethod
    def guess(number_id: str) -> str:
        return f"guess_{number_id}"

    @staticmethod
    def reveal(number_id: str) -> str:
        return f"reveal_{number_id}"

    @staticmethod
    def filter_picks(direction: str) -> str:
        return f"filter_{direction}"

    @staticmethod
    def cause_group(dimension: str) -> str:
        return f"cause_group_{dimension}"

    @staticmethod
    def answer(kind: str, item_id: str) -> str:
        return f"answer_{kind}_{item_id}"


# -- Reading ------------------------------------------------------------------------------------


def read_selection(session: Mapping[str, Any]) -> Selection:
    """This patient's selection from a session-state mapping (also AppTest's, in tests)."""
    value = session.get(_Plain.SELECTION, None)
    return value if isinstance(value, Selection) else Selection()


def read_guess(session: Mapping[str, Any], number_id: str) -> int:
    guesses = session.get(_Plain.GUESSES, {})
    return int(guesses.get(number_id, DEFAULT_GUESS))


def _get(key: str, default: Any) -> Any:
    return st.session_state.get(key, default)


def selection() -> Selection:
    return read_selection(st.session_state)


def picks(kind: str) -> tuple[str, ...]:
    return selection().get(kind)


def asked_questions(content: Content) -> list[Question]:
    """The questions this patient ticked, in the content's order."""
    ticked = set(selection().questions)
    return [q for q in content.questions if q.id in ticked]


def consult() -> bool:
    return bool(_get(_Plain.CONSULT, False))


def guess(number_id: str) -> int:
    return read_guess(st.session_state, number_id)


def is_revealed(number_id: str) -> bool:
    return number_id in _get(_Plain.REVEALED, frozenset())


def filter_direction() -> Direction:
    """'Start from', as last chosen; until then, from what this patient marked: treatments if any
    were marked, else symptoms if any were (so the grid opens on them, not empty)."""
    marked_only_symptoms = not picks(Direction.BY_TREATMENT) and picks(Direction.BY_SYMPTOM)
    return Direction(
        _get(_Plain.FILTER_DIRECTION, Direction.BY_SYMPTOM if marked_only_symptoms else Direction.BY_TREATMENT)
    )


def filter_picks(direction: Direction) -> tuple[str, ...]:
    """The filter's picks; until the filter is changed, what this patient marked (CLIN-UI)."""
    chosen = _get(_Plain.FILTER_PICKS, {})
    return tuple(chosen[direction]) if direction in chosen else picks(direction)


def cause_dimension() -> str:
    return str(_get(_Plain.CAUSE_DIMENSION, "timing"))


def cause_group(dimension: str) -> str | None:
    group: str | None = _get(_Plain.CAUSE_GROUP, {}).get(dimension)
    return group


def spine_after() -> bool:
    return bool(_get(_Plain.SPINE_AFTER, False))


# -- Writing ------------------------------------------------------------------------------------


def set_selection(value: Selection) -> None:
    st.session_state[_Plain.SELECTION] = value


def _in_content_order(kind: str, ids: Sequence[str], content: Content) -> tuple[str, ...]:
    wanted = set(ids)
    return tuple(row.id for row in content.rows(TABLE_OF_KIND[kind]) if row.id in wanted)


def set_picks(kind: str, ids: Sequence[str]) -> None:
    """Replace one list kind of the selection (kept in the content's order)."""
    set_selection(selection().replaced(kind, _in_content_order(kind, ids, get_content())))


def set_answers(kind: str, answers: Mapping[str, str]) -> None:
    """Replace one answer kind of the selection ('leanings', 'readiness')."""
    allowed = ANSWER_KINDS[kind]
    order = known_ids(get_content()).get(kind, [])  # a leaning can be about no further treatment
    kept = {i: answers[i] for i in order if i in answers and answers[i] in allowed}
    set_selection(selection().answered(kind, kept))


def set_consult(on: bool) -> None:
    st.session_state[_Plain.CONSULT] = on
    _address_due()


def toggle_consult() -> None:
    set_consult(not consult())


def set_guess(number_id: str, value: int) -> None:
    st.session_state[_Plain.GUESSES] = {**_get(_Plain.GUESSES, {}), number_id: int(value)}


def reveal(number_id: str) -> None:
    st.session_state[_Plain.REVEALED] = frozenset(_get(_Plain.REVEALED, frozenset())) | {number_id}


def ask_new_patient(where: str | None) -> None:
    """New patient was pressed ('sidebar' or 'bar'), or the check was cancelled (None)."""
    st.session_state[_Plain.NEW_PATIENT_ASKED] = where


def first_run_in_tab() -> bool:
    """True once per browser tab (one session): on its first run. The tab's own scripts (focus after
    a move, plotly warming) are sent then and keep working in the browser; sending them on every
    run would redraw them on every page move."""
    if _get(_Plain.TAB_SCRIPTS_SENT, False):
        return False
    st.session_state[_Plain.TAB_SCRIPTS_SENT] = True
    return True


def new_patient_asked() -> str | None:
    where: str | None = _get(_Plain.NEW_PATIENT_ASKED, None)
    return where


def new_patient() -> None:
    """Forget everything about this patient: every value and widget, and the address's choices."""
    for key in list(st.session_state):
        if key not in _KEEP:
            del st.session_state[key]
    st.query_params.from_dict(to_address(Selection(), consult()))


# -- The address --------------------------------------------------------------------------------


def known_ids(content: Content) -> dict[str, list[str]]:
    """For each kind whose table exists, its ids in display order (kinds without a table are left out).
    A leaning can also be about no further treatment."""
    known = {
        kind: [row.id for row in content.rows(file)] for kind, file in TABLE_OF_KIND.items() if file in content.tables
    }
    if "leanings" in known:
        known["leanings"].append(NO_TREATMENT_ID)
    return known


def restore_from_address() -> None:
    """On a tab's first run, take the selection and consult mode from the address."""
    if _get(_Plain.ADDRESS_READ, False):
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    parsed = parse_address(params, known_ids(get_content()))
    set_selection(parsed.selection)
    st.session_state[_Plain.CONSULT] = parsed.consult
    st.session_state[_Plain.ADDRESS_UNRECOGNISED] = parsed.unrecognised
    st.session_state[_Plain.ADDRESS_READ] = True


def take_address_unrecognised() -> str:
    """What the address held that we could not use (plain text, as typed), once; '' if nothing."""
    unrecognised: str = st.session_state.pop(_Plain.ADDRESS_UNRECOGNISED, "")
    return unrecognised


def _address_due() -> None:
    st.session_state.pop(_Plain.ADDRESS_PAGE, None)


def write_address(page_key: str) -> None:
    """Bring the address up to date when the page changes (or consult mode does).

    Streamlit's frontend adds a browser-history entry each time the app changes the query string
    (`history.pushState` in its page-info handler). Writing it on every pick would make Back step
    through the picks; writing it with the page move, which adds an entry anyway, keeps Back going
    to the previous page. Which of the two entries Streamlit adds first depends on timing, so the
    tab's address script (`styles/address.html`) makes a change that keeps the page replace the
    current entry: one entry per move. The summary's take-home link is built from the state, never
    the address.
    """
    if _get(_Plain.ADDRESS_PAGE, None) == page_key:
        return
    st.session_state[_Plain.ADDRESS_PAGE] = page_key
    wanted = to_address(selection(), consult())
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# -- Widgets bound to these values --------------------------------------------------------------


def _bind(widget_key: str, value: Any) -> str:
    """Show the plain value in a widget: its key is set before it is drawn."""
    st.session_state[widget_key] = value
    return widget_key


def _widget_value(widget_key: str) -> Any:
    return st.session_state.get(widget_key)


def _names(kind: str, content: Content) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in content.rows(TABLE_OF_KIND[kind]):
        shown = next((getattr(row, field) for field in ("name", "label", "question") if hasattr(row, field)), row.id)
        names[row.id] = str(shown)
    return names


def _fold_in(kind: str, offered: tuple[str, ...], widget_key: str) -> None:
    """Fold what was picked in one widget into the selection; items it does not offer stay."""
    kept = set(picks(kind)) - set(offered)
    set_picks(kind, [*kept, *(_widget_value(widget_key) or ())])


def pick_list(kind: str, offered: Sequence[str], label: str, part: str = "") -> None:
    """One pick list for the items a page shows, to add them to this patient's selection."""
    key = Keys.picks(kind, part)
    names = _names(kind, get_content())
    chosen = set(picks(kind))
    st.pills(
        label,
        list(offered),
        format_func=names.get,
        selection_mode="multi",
        key=_bind(key, [i for i in offered if i in chosen]),
        on_change=_fold_in,
        args=(kind, tuple(offered), key),
        help="Your picks go to your summary. Nothing is saved.",
    )


def choices_editor() -> None:
    """Every choice in one place, to check and change (on the summary page)."""
    content = get_content()
    for kind in PICK_KINDS:
        names = _names(kind, content)
        key = Keys.editor(kind)
        st.multiselect(
            EDITOR_LABELS[kind],
            list(names),
            format_func=names.get,
            key=_bind(key, list(picks(kind))),
            placeholder="None chosen",
            on_change=_fold_in,
            args=(kind, tuple(names), key),
        )


def _tick_question(question_id: str) -> None:
    asked = set(picks("questions"))
    asked ^= {question_id}
    set_picks("questions", list(asked))


def question_checkbox(question: Question) -> None:
    """A tick box for one question; the ticks go to the summary, the PDF and the address."""
    st.checkbox(
        question.question,
        key=_bind(Keys.question(question.id), question.id in picks("questions")),
        help=question.why_ask,
        on_change=_tick_question,
        args=(question.id,),
    )


def teach_back_pills(topics: Mapping[str, str]) -> None:
    """'We went over this again': one toggle per teach-back question (id -> its topic's name). The
    topics go under 'Look at again at home' on the summary, in the PDF and in the address."""
    key = Keys.TEACH_BACK
    st.pills(
        "We went over this again",
        list(topics),
        format_func=topics.get,
        selection_mode="multi",
        key=_bind(key, [i for i in topics if i in picks("teach_back")]),
        on_change=_fold_in,
        args=("teach_back", tuple(topics), key),
        help="Tick a topic you went over again. It goes on the summary under “Look at again at home”.",
    )


def ask_print() -> None:
    """The print button was pressed: the next run asks the browser to print once."""
    st.session_state[_Plain.PRINT_ASKED] = int(_get(_Plain.PRINT_ASKED, 0)) + 1


def take_print_request() -> int:
    """How many times Print has been pressed, if it was pressed since the last run (else 0)."""
    count = int(_get(_Plain.PRINT_ASKED, 0))
    if count and _get(_Plain.PRINT_DONE, 0) != count:
        st.session_state[_Plain.PRINT_DONE] = count
        return count
    return 0


def answer_choice(kind: str, item_id: str, label: str, options: Mapping[str, str]) -> str | None:
    """One answer for one item ('leanings': leaning / not_sure / not_for_me; 'readiness': yes / no)."""
    key = Keys.answer(kind, item_id)

    def changed() -> None:
        answers = selection().answers(kind)
        value = _widget_value(key)
        if value is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = value
        set_answers(kind, answers)

    current = selection().answers(kind).get(item_id)
    answer: str | None = st.segmented_control(
        label, list(options), format_func=options.get, key=_bind(key, current), on_change=changed
    )
    return answer


def guess_slider(number: EvidenceNumber) -> int:
    key = Keys.guess(number.id)
    value: int = st.slider(
        number.guess_prompt,
        min_value=0,
        max_value=100,
        key=_bind(key, guess(number.id)),
        on_change=lambda: set_guess(number.id, _widget_value(key)),
        help="Move the slider to your guess, then show the answer.",
    )
    return value


def reveal_button(number: EvidenceNumber) -> bool:
    """'Show the answer'; True once it has been shown for this patient."""
    st.button(
        "Show the answer",
        key=Keys.reveal(number.id),
        disabled=is_revealed(number.id),
        on_click=reveal,
        args=(number.id,),
    )
    return is_revealed(number.id)


def filter_direction_control() -> Direction:
    """'Start from' treatments or symptoms."""
    key = Keys.FILTER_DIRECTION

    def changed() -> None:
        st.session_state[_Plain.FILTER_DIRECTION] = Direction(_widget_value(key) or Direction.BY_TREATMENT)

    direction: str = st.segmented_control(
        "Start from",
        list(Direction),
        format_func=DIRECTION_LABELS.get,
        key=_bind(key, filter_direction()),
        required=True,
        on_change=changed,
    )
    return Direction(direction)


def filter_pick_list(direction: Direction, names: Mapping[str, str]) -> list[str]:
    """The filter's picks for one direction; each direction keeps its own."""
    key = Keys.filter_picks(direction)

    def changed() -> None:
        picked = {**_get(_Plain.FILTER_PICKS, {}), direction: tuple(_widget_value(key) or ())}
        st.session_state[_Plain.FILTER_PICKS] = picked

    chosen: list[str] = st.pills(
        f"Pick one or more {DIRECTION_LABELS[direction].lower()}",
        list(names),
        format_func=names.get,
        selection_mode="multi",
        key=_bind(key, [i for i in filter_picks(direction) if i in names]),
        on_change=changed,
    )
    return chosen


def cause_dimension_control(dimensions: Mapping[str, str]) -> str:
    key = Keys.CAUSE_DIMENSION

    def changed() -> None:
        st.session_state[_Plain.CAUSE_DIMENSION] = _widget_value(key) or "timing"

    dimension: str = st.segmented_control(
        "Sort the causes by",
        list(dimensions),
        format_func=dimensions.get,
        key=_bind(key, cause_dimension()),
        required=True,
        on_change=changed,
    )
    return dimension


def cause_group_pills(dimension: str, labels: Mapping[str, str]) -> str | None:
    key = Keys.cause_group(dimension)

    def changed() -> None:
        st.session_state[_Plain.CAUSE_GROUP] = {**_get(_Plain.CAUSE_GROUP, {}), dimension: _widget_value(key)}

    current = cause_group(dimension)
    group: str | None = st.pills(
        "Pick a group to see its causes",
        list(labels),
        format_func=labels.get,
        key=_bind(key, current if current in labels else None),
        on_change=changed,
        help="Pick a group again to go back to all causes.",
    )
    return group


def spine_view_control(views: Sequence[str]) -> bool:
    """Before / after a laminectomy; True for after."""
    key = Keys.SPINE_VIEW
    before, after = views

    def changed() -> None:
        st.session_state[_Plain.SPINE_AFTER] = _widget_value(key) == after

    view = st.segmented_control(
        "Show the bone",
        [before, after],
        key=_bind(key, after if spine_after() else before),
        required=True,
        on_change=changed,
    )
    return bool(view == after)
