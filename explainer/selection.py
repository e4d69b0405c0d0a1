"""This patient's selection (causes considered, symptoms reported, treatments discussed) and
consult mode, as they travel in the page address.

The address is the only place the selection leaves the browser tab: a clinician can copy it
for the patient. Anything in an address that we do not recognise is dropped and reported in
one short note, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# Address keys, in the clinic's words.
KINDS = ("causes", "symptoms", "treatments")
CONSULT = "consult"
ON_VALUES = {"1", "true", "yes", "on"}
OFF_VALUES = {"0", "false", "no", "off", ""}

# An address longer than this is cut off in e-mails anyway; beyond it we read nothing.
MAX_VALUE_LENGTH = 2000
MAX_VALUES = 50


@dataclass(frozen=True)
class Selection:
    causes: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    treatments: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.causes or self.symptoms or self.treatments)

    def get(self, kind: str) -> tuple[str, ...]:
        return getattr(self, kind)


@dataclass(frozen=True)
class ParsedAddress:
    selection: Selection
    consult: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


def _short(value: str, limit: int = 30) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"


def parse_address(params: Mapping[str, Sequence[str]], known: Mapping[str, Sequence[str]]) -> ParsedAddress:
    """Read the selection from query parameters.

    params: every key with all its values (repeated keys allowed, values may be 'a,b').
    known: for each kind, the ids that exist in the content, in display order.
    """
    chosen: dict[str, list[str]] = {kind: [] for kind in KINDS}
    dropped: list[str] = []
    consult = False
    for key, values in params.items():
        values = [values] if isinstance(values, str) else list(values)
        if key in KINDS:
            valid = set(known.get(key, ()))
            for value in values[:MAX_VALUES]:
                for item in (v.strip() for v in value[:MAX_VALUE_LENGTH].split(",")):
                    if not item:
                        continue
                    if item in valid:
                        chosen[key].append(item)
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

    selection = Selection(**{kind: tuple(i for i in known.get(kind, ()) if i in set(chosen[kind])) for kind in KINDS})
    notes = ()
    if dropped:
        shown = ", ".join(dropped[:5]) + (f" and {len(dropped) - 5} more" if len(dropped) > 5 else "")
        notes = (f"Some parts of the link were not recognised and were left out: {shown}.",)
    return ParsedAddress(selection, consult, notes)


def to_address(selection: Selection, consult: bool) -> dict[str, str]:
    """The query parameters for a selection: short, readable, in content order."""
    params = {kind: ",".join(selection.get(kind)) for kind in KINDS if selection.get(kind)}
    if consult:
        params[CONSULT] = "1"
    return params
