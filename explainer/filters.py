"""The treatment <-> symptom filter and the cause groupings, as pure functions.

Pages call these; tests call them without Streamlit.
"""

from __future__ import annotations

import pandas as pd

from explainer.content import Content, Link, format_reference
from explainer.schema import Cause, Symptom, Treatment
from explainer.vocabulary import AIM_LABELS, BASIS_LABELS, Aim, Basis, Dimension

AIM_ORDER: tuple[Aim, ...] = tuple(Aim)
AIM_SCORE: dict[Aim, int] = {Aim.NOT: 0, Aim.MAY: 1, Aim.MAIN: 2}


def _links(content: Content) -> tuple[Link, ...]:
    return content.links_with_names


def _sorted_links(content: Content, ids: list[str], by_treatment: bool) -> list[Link]:
    """The links of the chosen items: the chosen side in content order, main aims first, then
    the other side in content order."""
    treatment_rank = {t.id: i for i, t in enumerate(content.treatments)}
    symptom_rank = {s.id: i for i, s in enumerate(content.symptoms)}
    chosen = set(ids)

    def key(x: Link) -> tuple[int, int, int]:
        mine, other = (treatment_rank[x.treatment_id], symptom_rank[x.symptom_id])
        if not by_treatment:
            mine, other = other, mine
        return mine, AIM_ORDER.index(Aim(x.aim)), other

    picked = (x for x in _links(content) if (x.treatment_id if by_treatment else x.symptom_id) in chosen)
    return sorted(picked, key=key)


def links_for_treatments(content: Content, treatment_ids: list[str]) -> list[Link]:
    """Every symptom link of the chosen treatments: treatments in ladder order, main aims first."""
    return _sorted_links(content, treatment_ids, by_treatment=True)


def links_for_symptoms(content: Content, symptom_ids: list[str]) -> list[Link]:
    """Every treatment link of the chosen symptoms: symptoms in order, main aims first."""
    return _sorted_links(content, symptom_ids, by_treatment=False)


def aim_grid(
    content: Content, treatment_ids: list[str], symptom_ids: list[str]
) -> tuple[list[Treatment], list[Symptom], list[list[Aim]]]:
    """(treatments, symptoms, aims): the chosen rows in content order, and aims[i][j] ('main',
    'may' or 'not') for treatment i and symptom j. Plain lists: this runs on every filter click,
    where pandas indexing cell by cell cost more than the rest of the click."""
    treatment_set, symptom_set = set(treatment_ids), set(symptom_ids)
    treatments = [t for t in content.treatments if t.id in treatment_set]
    symptoms = [s for s in content.symptoms if s.id in symptom_set]
    aims = content.aim_by_pair
    return treatments, symptoms, [[aims.get((t.id, s.id), Aim.NOT) for s in symptoms] for t in treatments]


def aim_table(
    content: Content, treatment_ids: list[str], symptom_ids: list[str], treatments_across: bool
) -> pd.DataFrame:
    """The grid in words ('Main aim', 'May help', 'Not aimed at') for the table beside the chart,
    laid out as the chart is: what was picked goes across."""
    treatments, symptoms, aims = aim_grid(content, treatment_ids, symptom_ids)
    if treatments_across:
        columns = {"Symptom": [s.short_name for s in symptoms]}
        columns |= {t.short_name: [AIM_LABELS[a] for a in row] for t, row in zip(treatments, aims, strict=True)}
    else:
        columns = {"Treatment": [t.short_name for t in treatments]}
        columns |= {s.short_name: [AIM_LABELS[row[j]] for row in aims] for j, s in enumerate(symptoms)}
    return pd.DataFrame(columns)


def join_names(names: list[str]) -> str:
    """'a, b and c' for reading; names lose their capital unless they are acronyms."""
    names = [n[0].lower() + n[1:] if n[:2] != n[:2].upper() else n for n in names]
    if len(names) <= 1:
        return "".join(names)
    # Names that contain commas ("Sharp, shooting ...") are kept apart with semicolons.
    separator = "; " if any("," in n for n in names) else ", "
    return separator.join(names[:-1]) + " and " + names[-1]


def aim_summary(content: Content, treatment_ids: list[str], symptom_ids: list[str], by: str) -> str:
    """The grid in one or two sentences: the main aims, read along the chosen side."""
    treatments, symptoms, aims = aim_grid(content, treatment_ids, symptom_ids)
    sentences = []
    if by == "treatment":
        for t, row in zip(treatments, aims, strict=True):
            mains = [s.name for s, aim in zip(symptoms, row, strict=True) if aim == "main"]
            # "Name: mainly aimed at ...": right whether the name is one thing or several.
            target = f"mainly aimed at {join_names(mains)}" if mains else "not mainly aimed at any of these symptoms"
            sentences.append(f"{t.name}: {target}.")
    else:
        for j, s in enumerate(symptoms):
            mains = [t.name for t, row in zip(treatments, aims, strict=True) if row[j] == "main"]
            who = join_names(mains) if mains else "no treatment here"
            sentences.append(f"{s.name} is the main aim of {who}.")
    if len(sentences) > 3:
        return " ".join(sentences[:3]) + f" The table below has all {len(sentences)}."
    return " ".join(sentences)


def names_by_aim(links: list[Link], side: str) -> dict[str, list[str]]:
    """For each aim ('main', 'may', 'not'), the names on one side ('symptom' or 'treatment')."""
    return {aim: [getattr(x, side) for x in links if x.aim == aim] for aim in AIM_ORDER}


def treatment_sentences(content: Content, treatment_ids: list[str]) -> list[tuple[str, str]]:
    """One plain paragraph per chosen treatment: (treatment name, sentence)."""
    out = []
    for treatment in (t for t in content.treatments if t.id in set(treatment_ids)):
        by_aim = names_by_aim(links_for_treatments(content, [treatment.id]), "symptom")
        parts = []
        if by_aim["main"]:
            parts.append(f"It mainly aims at {join_names(by_aim['main'])}.")
        if by_aim["may"]:
            parts.append(f"It may help with {join_names(by_aim['may'])}.")
        if by_aim["not"]:
            parts.append(f"It is not aimed at {join_names(by_aim['not'])}.")
        out.append((treatment.name, " ".join(parts)))
    return out


def symptom_sentences(content: Content, symptom_ids: list[str]) -> list[tuple[str, str]]:
    """One plain paragraph per chosen symptom: (symptom name, sentence)."""
    out = []
    for symptom in (s for s in content.symptoms if s.id in set(symptom_ids)):
        by_aim = names_by_aim(links_for_symptoms(content, [symptom.id]), "treatment")
        parts = []
        if by_aim["main"]:
            parts.append(f"Treatments that mainly aim at it: {join_names(by_aim['main'])}.")
        else:
            parts.append("No treatment here has it as a main aim.")
        if by_aim["may"]:
            parts.append(f"Treatments that may help: {join_names(by_aim['may'])}.")
        out.append((symptom.name, " ".join(parts)))
    return out


# ------------------------------------------------------------------------------------------
# Causes


def basis_note(link: Link, content: Content) -> str:
    """What a link rests on, for reading: 'Expert view' (never a citation that does not show it),
    or 'Study: Weir 2017' / 'Guideline: NICE NG59' with its sources."""
    label = BASIS_LABELS.get(Basis(link.basis), "") if link.basis else ""
    if link.basis == Basis.EXPERT_VIEW:
        return "*Expert view*"
    shorts = [ref.short for ref in (content.reference(r) for r in link.source_ids) if ref]
    if not shorts:
        return f"*{label}*" if label else ""
    return f"*{label}: {'; '.join(shorts)}*" if label else f"*{'; '.join(shorts)}*"


def link_details(content: Content, titles: list[str], links: list[Link], by_treatment: bool) -> str:
    """Markdown: for each picked item (by its title), why each of its links is there and what that
    rests on (study, guideline or expert view); for a treatment, its risks and what guidelines say;
    then the sources behind them all. 'Not aimed at' links are left out: the grid and sentences
    say those."""
    treatments = {t.name: t for t in content.treatments}
    parts = []
    for title in titles:
        mine = [x for x in links if (x.treatment if by_treatment else x.symptom) == title and x.aim != "not"]
        lines = []
        for x in mine:
            note = basis_note(x, content)
            line = f"- {x.symptom if by_treatment else x.treatment} ({x.aim_label.lower()}): {x.reason}"
            lines.append(line + (f" {note}" if note else ""))
        block = f"**{title}**\n\n" + "\n".join(lines)
        treatment = treatments.get(title) if by_treatment else None
        if treatment is not None:
            block += f"\n\n*Risks:* {treatment.risks}\n\n*What guidelines say:* {treatment.guidelines}"
        parts.append(block)
    if not by_treatment:  # the risks and guidelines of every treatment named above
        named = dict.fromkeys(x.treatment for x in links if x.aim != "not" and x.symptom in titles)
        for name in named:
            t = treatments[name]
            parts.append(f"**{name}**\n\n*Risks:* {t.risks}\n\n*What guidelines say:* {t.guidelines}")
    ids = [r for x in links if x.basis != Basis.EXPERT_VIEW for r in x.source_ids]
    refs = [content.reference(r) for r in dict.fromkeys(ids)]
    sources = "\n".join(f"- {format_reference(ref, markdown=True)}" for ref in refs if ref)
    return "\n\n".join(parts) + (f"\n\n**Where this comes from**\n\n{sources}" if sources else "")


def causes_in_category(content: Content, dimension: str, category_id: str) -> list[Cause]:
    """The causes in one category of one dimension ('timing', 'mechanism' or 'pain_type')."""
    return [cause for cause in content.causes if category_id in cause.categories(dimension)]


def cause_counts(content: Content, dimension: str) -> pd.DataFrame:
    """One row per category in display order: label, number of causes, their names."""
    rows = []
    for category in content.categories(dimension):
        causes = causes_in_category(content, dimension, category.id)
        rows.append(
            {
                "id": category.id,
                "Group": category.label,
                "Number of causes": len(causes),
                "Causes": "; ".join(c.name for c in causes),
            }
        )
    return pd.DataFrame(rows)


DIMENSIONS: dict[str, str] = {
    Dimension.TIMING: "When it starts",
    Dimension.MECHANISM: "What is going on",
    Dimension.PAIN_TYPE: "Kind of pain",
}
