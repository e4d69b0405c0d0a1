"""The app's sections in guided order: one list that the navigation, the 'Next' links and
consult mode's 'step n of N' all read, so they can never disagree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    path: str  # page script, relative to the app folder
    url_path: str
    group: str
    guided: bool = True  # part of the step-by-step path


SECTIONS: tuple[Section, ...] = (
    Section("start", "Start here", "pages/guide/start.py", "start", "Your guide"),
    Section("spine", "The spine and the operation", "pages/guide/spine.py", "spine", "Your guide"),
    Section("causes", "Why pain can continue", "pages/guide/causes.py", "causes", "Your guide"),
    Section("symptoms", "Symptoms and feelings", "pages/guide/symptoms.py", "symptoms", "Your guide"),
    Section("treatments", "Treatments", "pages/guide/treatments.py", "treatments", "Your guide"),
    Section("evidence", "What the numbers say", "pages/guide/evidence.py", "evidence", "Your guide"),
    Section("next_steps", "Next steps", "pages/guide/next_steps.py", "next-steps", "Your guide"),
    Section("summary", "Your summary", "pages/guide/summary.py", "summary", "Your guide"),
    Section("sources", "Sources", "pages/reference/sources.py", "sources", "About this app", guided=False),
    Section("about", "About this content", "pages/reference/about.py", "about", "About this app", guided=False),
)

GUIDED = tuple(s for s in SECTIONS if s.guided)


def by_key(key: str) -> Section:
    return next(s for s in SECTIONS if s.key == key)


def neighbours(key: str) -> tuple[Section | None, Section | None]:
    """The guided steps before and after this one (None at either end)."""
    keys = [s.key for s in GUIDED]
    if key not in keys:
        return None, None
    i = keys.index(key)
    return (GUIDED[i - 1] if i > 0 else None, GUIDED[i + 1] if i + 1 < len(GUIDED) else None)
