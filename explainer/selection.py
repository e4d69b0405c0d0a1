"""This patient's selection, as it travels in the page address (the take-home link).

The address carries what the patient picked or said: causes, symptoms, treatments, the questions
they want to ask, what matters most to them (values), their leaning about each treatment, the
teach-back topics and their readiness answers, and consult mode. Never a name.

The address is the only place the selection leaves the browser tab. Anything in an address that
we do not recognise is dropped and reported in one short note, never an error. The note is plain
text: whoever shows it must not read it as Markdown (it quotes what the address said).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Kinds that are a list of ids, in the order they appear in the address.
LIST_KINDS = ("causes", "symptoms", "treatments", "questions", "values", "teach_back")
# Kinds that give one answer per id: 'id:answer', with the answers each allows.
ANSWER_KINDS: dict[str, tuple[str, ...]] = {
    "leanings": ("leaning", "not_sure", "not_for_me"),
    "readiness": ("yes", "no"),
}
KINDS = LIST_KINDS + tuple(ANSWER_KINDS)
# The three kinds the patient picks on the pages (counted in the sidebar, edited on the summary).
PICK_KINDS = ("causes", "symptoms", "treatments")
# The content table whose ids each kind holds (a leaning is about a treatment).
TABLE_OF_KIND = {
    "causes": "causes.csv",
    "symptoms": "symptoms.csv",
    "treatments": "treatments.csv",
    "questions": "questions.csv",
    "values": "values.csv",
    "teach_back": "teach_back.csv",
    "leanings": "treatments.csv",
    "readiness": "readiness.csv",
}
# "No further treatment" as an option the patient can lean towards: its leaning is stored under
# this id, which a treatment can never have (treatments.csv rejects it).
NO_TREATMENT_ID = "none"
CONSULT = "consult"
NOT_RECOGNISED = "Some parts of the link were not recognised and were left out"
ON_VALUES = {"1", "true", "yes", "on"}
OFF_VALUES = {"0", "false", "no", "off", ""}

# An address longer than this is cut off in e-mails anyway; beyond it we read nothing.
MAX_VALUE_LENGTH = 2000
MAX_VALUES = 50

Answers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Selection:
    causes: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    treatments: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    teach_back: tuple[str, ...] = ()
    leanings: Answers = ()
    readiness: Answers = ()

    def is_empty(self) -> bool:
        """No cause, symptom or treatment picked (the three kinds picked on the pages)."""
        return not (self.causes or self.symptoms or self.treatments)

    def get(self, kind: str) -> tuple[str, ...]:
        """The ids of a list kind ('causes', 'questions', ...)."""
        if kind not in LIST_KINDS:
            raise KeyError(kind)
        ids: tuple[str, ...] = getattr(self, kind)
        return ids

    def answers(self, kind: str) -> dict[str, str]:
        """id -> answer for an answer kind ('leanings', 'readiness')."""
        if kind not in ANSWER_KINDS:
            raise KeyError(kind)
        pairs: Answers = getattr(self, kind)
        return dict(pairs)

    def replaced(self, kind: str, ids: Sequence[str]) -> Selection:
        """A copy with one list kind changed."""
        if kind not in LIST_KINDS:
            raise KeyError(kind)
        changes: dict[str, Any] = {kind: tuple(ids)}
        return dataclasses.replace(self, **changes)

    def answered(self, kind: str, answers: Mapping[str, str]) -> Selection:
        """A copy with one answer kind changed."""
        if kind not in ANSWER_KINDS:
            raise KeyError(kind)
        changes: dict[str, Any] = {kind: tuple(answers.items())}
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class ParsedAddress:
    selection: Selection
    consult: bool
    notes: tuple[str, ...] = field(default_factory=tuple)
    # What the note quotes from the address ('' if nothing): plain text, to be shown as typed.
    unrecognised: str = ""


def _short(value: str, limit: int = 30) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def _items(values: Sequence[str]) -> list[str]:
    return [item for value in values[:MAX_VALUES] for item in (v.strip() for v in value[:MAX_VALUE_LENGTH].split(","))]


def parse_address(params: Mapping[str, Sequence[str]], known: Mapping[str, Sequence[str]]) -> ParsedAddress:
    """Read the selection from query parameters.

    params: every key with all its values (repeated keys allowed, values may be 'a,b').
    known: for each kind, the ids that exist in the content, in display order (for 'leanings',
    the treatments and NO_TREATMENT_ID). A kind missing from `known` (its table does not exist yet)
    is ignored.
    """
    chosen: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    dropped: list[str] = []
    consult = False
    for key, raw in params.items():
        values = [raw] if isinstance(raw, str) else list(raw)
        if key in KINDS:
            if key not in known:
                continue
            valid = set(known[key])
            allowed = ANSWER_KINDS.get(key)
            for item in filter(None, _items(values)):
                item_id, _, answer = item.partition(":") if allowed else (item, "", "")
                if item_id in valid and (allowed is None or answer in allowed):
                    chosen[key][item_id] = answer
                else:
                    dropped.append(f"{key} “{_short(item)}”")
            if len(values) > MAX_VALUES:
                dropped.append(f"{len(values) - MAX_VALUES} more {key} values")
        elif key == CONSULT:
            value = (values[-1] if values else "").strip().lower()
            if value in ON_VALUES:
                consult = True
            elif value not in OFF_VALUES:
                dropped.append(f"consult “{_short(value)}”")
        else:
            dropped.append(f"“{_short(key)}”")

    lists: dict[str, Any] = {kind: tuple(i for i in known.get(kind, ()) if i in chosen[kind]) for kind in LIST_KINDS}
    answers: dict[str, Any] = {
        kind: tuple((i, chosen[kind][i]) for i in known.get(kind, ()) if i in chosen[kind]) for kind in ANSWER_KINDS
    }
    selection = Selection(**lists, **answers)
    notes: tuple[str, ...] = ()
    shown = ""
    if dropped:
        shown = ", ".join(dropped[:5]) + (f" and {len(dropped) - 5} more" if len(dropped) > 5 else "")
        notes = (f"{NOT_RECOGNISED}: {shown}.",)
    return ParsedAddress(selection, consult, notes, shown)


def to_address(selection: Selection, consult: bool) -> dict[str, str]:
    """The query parameters for a selection: short, readable, in content order."""
    params = {kind: ",".join(selection.get(kind)) for kind in LIST_KINDS if selection.get(kind)}
    for kind in ANSWER_KINDS:
        pairs = selection.answers(kind)
        if pairs:
            params[kind] = ",".join(f"{i}:{answer}" for i, answer in pairs.items())
    if consult:
        params[CONSULT] = "1"
    return params


def picked_so_far(selection: Selection) -> str:
    """'Picked so far: 2 causes, 1 symptom.' for the sidebar."""
    counts = [
        f"{len(ids)} {kind if len(ids) != 1 else kind[:-1]}"
        for kind, ids in ((kind, selection.get(kind)) for kind in PICK_KINDS)
        if ids
    ]
    return f"Picked so far: {', '.join(counts)}." if counts else "Nothing picked yet."
