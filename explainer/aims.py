"""The treatment-symptom filter, as pure functions: what each treatment aims at, read from either
side (a `Direction`). Pages call these; tests call them without Streamlit."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainer.content import Content, Link, format_reference
from explainer.schema import Symptom, Treatment
from explainer.vocabulary import AIM_LABELS, BASIS_LABELS, Aim, Basis, Direction
from explainer.wording import join_names

AIM_ORDER: tuple[Aim, ...] = tuple(Aim)
AIM_SCORE: dict[Aim, int] = {Aim.NOT: 0, Aim.MAY: 1, Aim.MAIN: 2}

# How the sentences under the grid say each aim, read from each side; an aim left out is not said.
_SENTENCE: dict[Direction, dict[Aim, str]] = {
    Direction.BY_TREATMENT: {
        Aim.MAIN: "It mainly aims at {}.",
        Aim.MAY: "It may help with {}.",
        Aim.NOT: "It is not aimed at {}.",
    },
    Direction.BY_SYMPTOM: {
        Aim.MAIN: "Treatments that mainly aim at it: {}.",
        Aim.MAY: "Treatments that may help: {}.",
    },
}
_NO_MAIN_AIM: dict[Direction, str] = {Direction.BY_SYMPTOM: "No treatment here has it as a main aim."}


def other_side(direction: Direction) -> Direction:
    """The side the filter shows for what was picked."""
    return Direction.BY_SYMPTOM if direction == Direction.BY_TREATMENT else Direction.BY_TREATMENT


def _id(link: Link, side: Direction) -> str:
    return link.treatment_id if side == Direction.BY_TREATMENT else link.symptom_id


def _name(link: Link, side: Direction) -> str:
    return link.treatment if side == Direction.BY_TREATMENT else link.symptom


def _items(content: Content, side: Direction) -> Sequence[Treatment | Symptom]:
    return content.treatments if side == Direction.BY_TREATMENT else content.symptoms


def links_for(content: Content, direction: Direction, ids: list[str]) -> list[Link]:
    """Every link of the chosen items (treatments or symptoms, as `direction` says): the chosen
    side in content order, main aims first, then the other side in content order."""
    mine = {item.id: i for i, item in enumerate(_items(content, direction))}
    other = other_side(direction)
    theirs = {item.id: i for i, item in enumerate(_items(content, other))}
    chosen = set(ids)

    def key(x: Link) -> tuple[int, int, int]:
        return mine[_id(x, direction)], AIM_ORDER.index(Aim(x.aim)), theirs[_id(x, other)]

    return sorted((x for x in content.links_with_names if _id(x, direction) in chosen), key=key)


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


def _grid_along(
    content: Content, treatment_ids: list[str], symptom_ids: list[str], direction: Direction
) -> tuple[Sequence[Treatment | Symptom], Sequence[Treatment | Symptom], list[list[Aim]]]:
    """The grid read along the chosen side: (chosen items, other items, aims[chosen][other])."""
    treatments, symptoms, aims = aim_grid(content, treatment_ids, symptom_ids)
    if direction == Direction.BY_TREATMENT:
        return treatments, symptoms, aims
    return symptoms, treatments, [[row[j] for row in aims] for j in range(len(symptoms))]


def aim_table(content: Content, treatment_ids: list[str], symptom_ids: list[str], direction: Direction) -> pd.DataFrame:
    """The grid in words ('Main aim', 'May help', 'Not aimed at') for the table beside the chart,
    laid out as the chart is: what was picked goes across."""
    chosen, others, aims = _grid_along(content, treatment_ids, symptom_ids, direction)
    heading = "Symptom" if direction == Direction.BY_TREATMENT else "Treatment"
    columns = {heading: [o.name for o in others]}
    columns |= {c.name: [AIM_LABELS[a] for a in row] for c, row in zip(chosen, aims, strict=True)}
    return pd.DataFrame(columns)


def aim_summary(content: Content, treatment_ids: list[str], symptom_ids: list[str], direction: Direction) -> str:
    """The grid in one or two sentences: the main aims, read along the chosen side."""
    chosen, others, aims = _grid_along(content, treatment_ids, symptom_ids, direction)
    sentences = []
    for item, row in zip(chosen, aims, strict=True):
        mains = [o.name for o, aim in zip(others, row, strict=True) if aim == Aim.MAIN]
        if direction == Direction.BY_TREATMENT:
            # "Name: mainly aimed at ...": right whether the name is one thing or several.
            target = f"mainly aimed at {join_names(mains)}" if mains else "not mainly aimed at any of these symptoms"
            sentences.append(f"{item.name}: {target}.")
        else:
            sentences.append(f"{item.name} is the main aim of {join_names(mains) if mains else 'no treatment here'}.")
    if len(sentences) > 3:
        return " ".join(sentences[:3]) + f" The table below has all {len(sentences)}."
    return " ".join(sentences)


def names_by_aim(links: list[Link], direction: Direction) -> dict[Aim, list[str]]:
    """For each aim, the names on the side the filter shows for `direction`."""
    other = other_side(direction)
    return {aim: [_name(x, other) for x in links if x.aim == aim] for aim in AIM_ORDER}


def aim_sentences(content: Content, direction: Direction, ids: list[str]) -> list[tuple[str, str]]:
    """One plain paragraph per chosen treatment or symptom: (its name, sentence)."""
    chosen, wording, out = set(ids), _SENTENCE[direction], []
    for item in (i for i in _items(content, direction) if i.id in chosen):
        by_aim = names_by_aim(links_for(content, direction, [item.id]), direction)
        parts = []
        for aim, sentence in wording.items():
            if by_aim[aim]:
                parts.append(sentence.format(join_names(by_aim[aim])))
            elif aim == Aim.MAIN and direction in _NO_MAIN_AIM:
                parts.append(_NO_MAIN_AIM[direction])
        out.append((item.name, " ".join(parts)))
    return out


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


def link_detail_parts(content: Content, titles: list[str], links: list[Link], direction: Direction) -> list[str]:
    """Markdown blocks: for each picked item (by its title), why each of its links is there and what that
    rests on (study, guideline or expert view); for a treatment, its risks and what guidelines say;
    then the sources behind them all. 'Not aimed at' links are left out: the grid and sentences
    say those."""
    by_treatment = direction == Direction.BY_TREATMENT
    other = other_side(direction)
    treatments = {t.name: t for t in content.treatments}
    parts = []
    for title in titles:
        mine = [x for x in links if _name(x, direction) == title and x.aim != Aim.NOT]
        lines = []
        for x in mine:
            note = basis_note(x, content)
            line = f"- {_name(x, other)} ({x.aim_label.lower()}): {x.reason}"
            lines.append(line + (f" {note}" if note else ""))
        block = f"**{title}**\n\n" + "\n".join(lines)
        treatment = treatments.get(title) if by_treatment else None
        if treatment is not None:
            block += f"\n\n*Risks:* {treatment.risks}\n\n*What guidelines say:* {treatment.guidelines}"
        parts.append(block)
    if not by_treatment:  # the risks and guidelines of every treatment named above
        named = dict.fromkeys(x.treatment for x in links if x.aim != Aim.NOT and x.symptom in titles)
        for name in named:
            t = treatments[name]
            parts.append(f"**{name}**\n\n*Risks:* {t.risks}\n\n*What guidelines say:* {t.guidelines}")
    ids = [r for x in links if x.basis != Basis.EXPERT_VIEW for r in x.source_ids]
    refs = [content.reference(r) for r in dict.fromkeys(ids)]
    sources = "\n".join(f"- {format_reference(ref, markdown=True)}" for ref in refs if ref)
    # One block a pick (the same whatever else is picked), then the sources behind them all.
    return parts + ([f"**Where this comes from**\n\n{sources}"] if sources else [])
