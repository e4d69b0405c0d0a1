"""The app's sections in guided order: one list that the navigation, the page header, the content
check before each page, the 'Back'/'Next' links and consult mode's 'step n of N' all read, so they
can never disagree."""

from __future__ import annotations

from dataclasses import dataclass

# Every page cites sources, so every page needs the reference list.
REFERENCES = "references.csv"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    path: str  # page script, relative to the app folder
    url_path: str
    needs: tuple[str, ...]  # content files the page cannot be shown without
    guided: bool = True  # part of the step-by-step path

    @property
    def address_path(self) -> str:
        """Its path in a link: the first page is served at the root only (Streamlit answers its
        url_path, '/start', with a "Page not found" box)."""
        return "" if self.key == FIRST.key else self.url_path

    @property
    def step(self) -> int | None:
        """1-based place on the guided path (None off the path)."""
        return step_of(self.key)


SECTIONS: tuple[Section, ...] = (
    Section("start", "Start here", "app_pages/guide/start.py", "start", (REFERENCES,)),
    Section("spine", "The spine and the operation", "app_pages/guide/spine.py", "spine", (REFERENCES,)),
    Section(
        "causes",
        "Why pain can continue",
        "app_pages/guide/causes.py",
        "causes",
        ("causes.csv", "categories.csv", REFERENCES),
    ),
    Section(
        "symptoms",
        "Symptoms and feelings",
        "app_pages/guide/symptoms.py",
        "symptoms",
        ("symptoms.csv", "emotions.csv", REFERENCES),
    ),
    Section(
        "treatments",
        "Treatments",
        "app_pages/guide/treatments.py",
        "treatments",
        ("treatments.csv", "categories.csv", REFERENCES),
    ),
    Section(
        "aims",
        "What each treatment aims at",
        "app_pages/guide/aims.py",
        "treatment-aims",
        ("treatments.csv", "symptoms.csv", "treatment_symptom_links.csv", REFERENCES),
    ),
    Section(
        "evidence", "What the numbers say", "app_pages/guide/evidence.py", "evidence", ("evidence.csv", REFERENCES)
    ),
    Section(
        "next_steps",
        "Next steps",
        "app_pages/guide/next_steps.py",
        "next-steps",
        ("questions.csv", "settings.csv", REFERENCES),
    ),
    Section(
        "values",
        "What matters to you",
        "app_pages/guide/values.py",
        "what-matters",
        ("values.csv", "readiness.csv", "treatments.csv", REFERENCES),
    ),
    Section(
        "summary",
        "Your summary",
        "app_pages/guide/summary.py",
        "summary",
        (
            "causes.csv",
            "symptoms.csv",
            "treatments.csv",
            "treatment_symptom_links.csv",
            "red_flags.csv",
            "questions.csv",
            REFERENCES,
        ),
    ),
    Section(
        "warning_signs",
        "When to get help",
        "app_pages/reference/warning_signs.py",
        "when-to-get-help",
        ("red_flags.csv", "warning_tiers.csv", "settings.csv", REFERENCES),
        guided=False,
    ),
    Section(
        "sources", "Sources", "app_pages/reference/sources.py", "sources", ("settings.csv", REFERENCES), guided=False
    ),
    Section(
        "about",
        "About this content",
        "app_pages/reference/about.py",
        "about",
        ("settings.csv", REFERENCES),
        guided=False,
    ),
)

GUIDED = tuple(s for s in SECTIONS if s.guided)
FIRST = GUIDED[0]  # the page a bare address opens


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
