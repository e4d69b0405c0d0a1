"""Plain English helpers shared by the pages, the summary and the figures."""

from __future__ import annotations


def upper_first(text: str) -> str:
    """The first letter as a capital, the rest as written ('ACT' stays 'ACT', as str.capitalize would not)."""
    return text[:1].upper() + text[1:]


def join_names(names: list[str]) -> str:
    """'a, b and c' for reading; names lose their capital unless they are acronyms."""
    names = [n[0].lower() + n[1:] if n[:2] != n[:2].upper() else n for n in names]
    if len(names) <= 1:
        return "".join(names)
    # Names that contain commas ("Sharp, shooting ...") are kept apart with semicolons.
    separator = "; " if any("," in n for n in names) else ", "
    return separator.join(names[:-1]) + " and " + names[-1]
