"""'Your summary': the patient's selection in plain words. The summary page and the PDF
handout both print this one structure, so what is shown and what is taken home agree."""

from __future__ import annotations

from dataclasses import dataclass, field

from explainer.content import Content
from explainer.filters import join_names, links_for_treatments, names_by_aim
from explainer.schema import RED_FLAG_GROUPS
from explainer.selection import Selection


@dataclass(frozen=True)
class Item:
    title: str
    lines: tuple[str, ...]
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    heading: str
    intro: str
    items: tuple[Item, ...] = field(default_factory=tuple)


def summarise(content: Content, selection: Selection, questions: list[str] | None = None) -> list[Part]:
    """The summary in reading order. Empty parts are left out."""
    parts: list[Part] = []
    chosen_symptoms = set(selection.symptoms)

    symptoms = [s for s in content.symptoms if s.id in chosen_symptoms]
    if symptoms:
        parts.append(
            Part(
                "What you told us you feel",
                "What each of these often points to:",
                tuple(Item(s.name, (s.usually_signals,), tuple(s.source_ids)) for s in symptoms),
            )
        )

    causes = [c for c in content.causes if c.id in set(selection.causes)]
    if causes:
        parts.append(
            Part(
                "Causes we are looking into",
                "These are possible reasons for your pain. Tests may still be needed.",
                tuple(
                    Item(c.name, (c.explanation, f"How it is found: {c.how_found}"), tuple(c.source_ids))
                    for c in causes
                ),
            )
        )

    treatments = [t for t in content.treatments if t.id in set(selection.treatments)]
    if treatments:
        items = []
        for t in treatments:
            links = links_for_treatments(content, [t.id])
            by_aim = names_by_aim(links, "symptom")
            lines = [t.what_it_is]
            if by_aim["main"]:
                lines.append(f"Main aim: {join_names(by_aim['main'])}.")
            if by_aim["may"]:
                lines.append(f"May also help: {join_names(by_aim['may'])}.")
            yours = [x.symptom for x in links if x.symptom_id in chosen_symptoms and x.aim != "not"]
            if chosen_symptoms:
                lines.append(
                    f"For what you feel, it aims at: {join_names(yours)}."
                    if yours
                    else "It is not aimed at the symptoms you told us about."
                )
            lines.append(f"What the research says: {t.evidence}")
            ids = list(t.source_ids) + [r for x in links if x.aim != "not" for r in x.source_ids]
            items.append(Item(t.name, tuple(lines), tuple(dict.fromkeys(ids))))
        parts.append(Part("Treatments we talked about", "What each one is meant to help:", tuple(items)))

    flags = content.red_flags
    if flags:
        items = []
        for group, heading in RED_FLAG_GROUPS.items():
            signs = [f for f in flags if f.group == group]
            if signs:
                items.append(Item(heading, tuple(f.sign for f in signs), tuple(r for f in signs for r in f.source_ids)))
        parts.append(
            Part(
                "Get help the same day if you notice",
                "Go to an emergency department or call emergency services. "
                "The last group is not an emergency, but tell a doctor soon.",
                tuple(items),
            )
        )

    asked = questions if questions else [q.question for q in content.questions]
    if asked:
        parts.append(Part("Questions to ask", "You may want to ask your care team:", (Item("", tuple(asked)),)))
    return parts


def cited(parts: list[Part]) -> list[str]:
    """Every source id the summary relies on, in order of first use."""
    return list(dict.fromkeys(r for part in parts for item in part.items for r in item.source_ids))
