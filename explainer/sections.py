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
    Section("start", "Start here", "app_pages/guide/start.py", "start", "Your guide"),
    Section("spine", "The spine and the operation", "app_pages/guide/spine.py", "spine", "Your guide"),
    Section("causes", "Why pain can continue", "app_pages/guide/causes.py", "causes", "Your guide"),
    Section("symptoms", "Symptoms and feelings", "app_pages/guide/symptoms.py", "symptoms", "Your guide"),
    Section("treatments", "Treatments", "app_pages/guide/treatments.py", "treatments", "Your guide"),
    Section("aims", "What each treatment aims at", "app_pages/guide/aims.py", "treatment-aims", "Your guide"),
    Section("evidence", "What the numbers say", "app_pages/guide/evidence.py", "evidence", "Your guide"),
    Section("next_steps", "Next steps", "app_pages/guide/next_steps.py", "next-steps", "Your guide"),
    Section("summary", "Your summary", "app_pages/guide/summary.py", "summary", "Your guide"),
    Section("sources", "Sources", "app_pages/reference/sources.py", "sources", "About this app", guided=False),
    Section("about", "About this content", "app_pages/reference/about.py", "about", "About this app", guided=False),
)

GUIDED = tuple(s for s in SECTIONS if s.guided)


def by_key(key: str) -> Section:
    return next(s for s in SECTIONS if s.key == key)


def step_of(key: str | None) -> int | None:
    """1-based place of a section on the guided path (None off the path)."""
    keys = [s.key for s in GUIDED]
    return keys.index(key) + 1 if key in keys else None


def neighbours(key: str) -> tuple[Section | None, Section | None]:
    """The guided steps before and after this one (None at either end)."""
    keys = [s.key for s in GUIDED]
    if key not in keys:
        return None, None
    i = keys.index(key)
    return (GUIDED[i - 1] if i > 0 else None, GUIDED[i + 1] if i + 1 < len(GUIDED) else None)
