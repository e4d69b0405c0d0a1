"""'Your summary': the patient's selection and choices in plain words. The summary page and the
PDF handout both print these structures, so what is shown and what is taken home agree.

Nothing here ranks or recommends a treatment: options keep the order of treatments.csv, and a
leaning is the patient's own word about an option, shown as they gave it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from explainer import sections
from explainer.aims import links_for, names_by_aim
from explainer.content import Content
from explainer.selection import NO_TREATMENT_ID, Selection
from explainer.vocabulary import Aim, Direction
from explainer.wording import join_names

# A patient's feeling about one option (contract: leaning / not_sure / not_for_me).
LEANINGS: dict[str, str] = {"leaning": "Leaning towards", "not_sure": "Not sure", "not_for_me": "Not for me"}
NO_LEANING = "Not said"
CERTAINTY_LABELS = {"moderate": "Moderate", "low": "Low", "very low": "Very low", "uncertain": "Not known"}

TITLE = "Your summary: pain after back surgery"
LOOK_AGAIN_HEADING = "Look at again at home"
LINK_HEADING = "Your summary online"
NO_QUESTIONS = "You did not tick any questions. The Next steps page lists questions you may want to ask."
LINK_ONLY_HERE = (
    "This link only works on this computer. Ask the clinic to set the public address so it opens on your phone."
)
LINK_PUBLIC = "Scan the code with your phone's camera, or type the address, to open your summary again."
DRAFT_BANNER = "Draft: not yet checked by a clinician"

# The "no further treatment" row of the side-by-side table: always offered, never ranked. Its
# leaning is stored under selection.NO_TREATMENT_ID.
NO_TREATMENT = {
    "name": "No further treatment",  # one name everywhere: the Treatments page, the summary, the PDF
    "involves": "No new treatment for now. You keep your usual care. You can change your mind later.",
    "benefit": "No new benefit from a new treatment. Your pain may still change over time.",
    "harms": "No risks from a new treatment. Pain that goes on can affect sleep, mood and work.",
    "recovery": "Nothing new to recover from.",
    "certainty": "",
    "guidelines": "It is your choice to make with your care team. You can ask again at any time.",
}


@dataclass(frozen=True)
class Choices:
    """What the patient said during the consult, by content id (never a name).

    questions: question ids ticked; values: what matters most (values.csv ids); leanings:
    treatment id (or NO_TREATMENT_ID) -> 'leaning' | 'not_sure' | 'not_for_me'; readiness: SURE id -> yes (True) or
    no (False); teach_back: teach-back ids marked 'we went over this again'."""

    questions: tuple[str, ...] = ()
    values: tuple[str, ...] = ()
    leanings: Mapping[str, str] = field(default_factory=dict)
    readiness: Mapping[str, bool] = field(default_factory=dict)
    teach_back: tuple[str, ...] = ()


def choices_from(selection: Selection) -> Choices:
    """The Choices a selection (as the address carries it) holds: readiness 'yes'/'no' become True/False."""
    return Choices(
        questions=selection.questions,
        values=selection.values,
        leanings=dict(selection.leanings),
        readiness={i: a == "yes" for i, a in selection.readiness},
        teach_back=selection.teach_back,
    )


# ------------------------------------------------------------------------------------------
# The shared parts


@dataclass(frozen=True)
class Number:
    label: str  # "Emergency", "Your clinic", "Crisis line"
    value: str


@dataclass(frozen=True)
class Header:
    clinic_name: str  # '' when the clinic has not set it
    clinic_contact: str
    numbers: tuple[Number, ...]
    date_text: str  # "30 November 2026"
    is_draft: bool
    review_text: str  # "Draft: not yet checked by a clinician" or "Checked by ... on ..."


@dataclass(frozen=True)
class Pick:
    heading: str  # "Causes we are looking into"
    names: tuple[str, ...]


@dataclass(frozen=True)
class Option:
    """One row of the options side by side."""

    id: str  # treatment id, or NO_TREATMENT_ID
    name: str
    involves: str
    benefit: str  # what the research says about the chance of benefit
    harms: str  # treatments.csv `risks`
    recovery: str  # treatments.csv `recovery`, as written
    recovery_basis: str  # what it rests on; show it with schema.recovery_text (tags expert view)
    certainty: str  # "Low", "Very low", ... ('' when it does not apply)
    guidelines: str  # treatments.csv `guidelines`
    leaning: str  # the patient's word: "Leaning towards", "Not sure", "Not for me" or "Not said"
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class WarningTier:
    tier: str  # go_now, same_day, soon
    cue: str  # a word label that does not depend on colour: "Go now", "Today", "In 1 to 2 days"
    heading: str
    instruction: str  # with the numbers to call filled in
    signs: tuple[str, ...]
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str  # "Yes", "No" or "Not answered"


@dataclass(frozen=True)
class LookAgain:
    question: str  # the teach-back question
    page: str  # the page's title
    link: str  # the page's address (public, or relative when no public address is set)


@dataclass(frozen=True)
class IconArray:
    """A number from evidence.csv as 100 people: filled icons for the count."""

    title: str
    outcome: str
    groups: tuple[tuple[str, int], ...]  # (label, count in 100), one or two groups
    summary: str
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TakeHome:
    """Everything the summary page and the handout's first page show, in one place."""

    header: Header
    picks: tuple[Pick, ...]
    what_matters: tuple[str, ...]
    options: tuple[Option, ...]  # the discussed treatments in content order, then no further treatment
    warnings: tuple[WarningTier, ...]
    questions: tuple[str, ...]  # ticked questions only
    readiness: tuple[Answer, ...]  # empty when none was answered
    look_again: tuple[LookAgain, ...]
    icon_arrays: tuple[IconArray, ...]
    link: str  # the take-home link ('' when there is nothing to link to)
    link_is_public: bool  # False: the link works on this computer only, and no QR code is offered
    link_note: str


def header(content: Content, today: date | None = None) -> Header:
    settings = content.settings
    status = content.review_status()
    is_draft, text = bool(status[0]), str(status[1])
    numbers = tuple(
        Number(label, fill_numbers("{" + key + "}", settings))
        for key, label in (
            ("emergency_number", "Emergency"),
            ("clinic_phone", "Your clinic"),
            ("crisis_line", "Crisis line"),
        )
    )
    today = today or date.today()
    return Header(
        clinic_name=(settings.get("clinic_name") or "").strip(),
        clinic_contact=(settings.get("clinic_contact") or "").strip(),
        numbers=numbers,
        date_text=f"{today.day} {today.strftime('%B %Y')}",
        is_draft=is_draft,
        review_text=text,
    )


def fill_numbers(text: str, settings: Mapping[str, str]) -> str:
    """'{emergency_number}', '{clinic_phone}', '{crisis_line}' filled from the settings."""
    for key in ("emergency_number", "clinic_phone", "crisis_line"):
        text = text.replace("{" + key + "}", (settings.get(key) or "").strip() or key.replace("_", " "))
    return text


def picks(content: Content, selection: Selection) -> tuple[Pick, ...]:
    """This patient's picks by kind, in content order (kinds with no pick are left out)."""
    chosen = (
        ("Causes we are looking into", content.causes, selection.causes),
        ("What you feel", content.symptoms, selection.symptoms),
        ("Treatments we talked about", content.treatments, selection.treatments),
    )
    return tuple(
        Pick(heading, tuple(row.name for row in rows if row.id in set(ids))) for heading, rows, ids in chosen if ids
    )


def what_matters(content: Content, choices: Choices) -> tuple[str, ...]:
    wanted = set(choices.values)
    return tuple(v.label for v in content.values if v.id in wanted)


def options(content: Content, selection: Selection, choices: Choices) -> tuple[Option, ...]:
    """The discussed treatments side by side, then 'no further treatment'. Content order only."""
    wanted = set(selection.treatments)
    rows = []
    for t in content.treatments:
        if t.id not in wanted:
            continue
        rows.append(
            Option(
                id=t.id,
                name=t.name,
                involves=t.what_it_is,
                benefit=t.evidence,
                harms=getattr(t, "risks", "") or "",
                recovery=t.recovery,
                recovery_basis=str(t.recovery_basis),
                certainty=CERTAINTY_LABELS.get(str(t.certainty or ""), str(t.certainty or "").capitalize()),
                guidelines=getattr(t, "guidelines", "") or "",
                leaning=leaning_label(choices.leanings.get(t.id)),
                source_ids=tuple(t.source_ids),
            )
        )
    if rows:
        none = NO_TREATMENT
        rows.append(
            Option(
                id=NO_TREATMENT_ID,
                name=none["name"],
                involves=none["involves"],
                benefit=none["benefit"],
                harms=none["harms"],
                recovery=none["recovery"],
                recovery_basis="",
                certainty=none["certainty"],
                guidelines=none["guidelines"],
                leaning=leaning_label(choices.leanings.get(NO_TREATMENT_ID)),
            )
        )
    return tuple(rows)


def leaning_label(value: str | None) -> str:
    return LEANINGS.get(value or "", NO_LEANING)


def warnings(content: Content) -> tuple[WarningTier, ...]:
    """The warning signs by tier, most urgent first, with the numbers to call filled in."""
    flags = content.red_flags
    out = []
    for tier in content.warning_tiers:
        signs = [f for f in flags if f.tier == tier.tier]
        if not signs:
            continue
        out.append(
            WarningTier(
                tier=str(tier.tier),
                cue=tier.cue,
                heading=tier.heading,
                instruction=fill_numbers(tier.instruction, content.settings),
                signs=tuple(f.sign for f in signs),
                source_ids=tuple(dict.fromkeys(r for f in signs for r in f.source_ids)),
            )
        )
    return tuple(out)


def ticked_questions(content: Content, choices: Choices, texts: Sequence[str] | None = None) -> tuple[str, ...]:
    """The questions the patient ticked (by id in `choices`, or given as texts), in content order."""
    wanted = set(choices.questions)
    by_id = tuple(q.question for q in content.questions if q.id in wanted)
    return tuple(dict.fromkeys([*by_id, *(texts or ())]))


def readiness(content: Content, choices: Choices) -> tuple[Answer, ...]:
    if not choices.readiness:
        return ()
    return tuple(
        Answer(
            q.question,
            "Yes" if choices.readiness.get(q.id) is True else "No" if choices.readiness.get(q.id) is False else "",
        )
        for q in content.readiness
    )


def look_again(
    content: Content, choices: Choices, address: str = "", query: str | Mapping = ""
) -> tuple[LookAgain, ...]:
    """Teach-back topics marked 'we went over this again', each with its page's address."""
    from explainer.qr import page_link

    wanted = set(choices.teach_back)
    out = []
    for item in content.teach_back:
        if item.id not in wanted:
            continue
        try:
            section = sections.by_key(item.section)
        except StopIteration:
            continue
        out.append(LookAgain(item.question, section.title, page_link(address, section.address_path, query)))
    return tuple(out)


def icon_arrays(content: Content, selection: Selection) -> tuple[IconArray, ...]:
    """Numbers from evidence.csv that share a source with a discussed treatment (else the first)."""
    sources = {r for t in content.treatments if t.id in set(selection.treatments) for r in t.source_ids}
    rows = [e for e in content.evidence if sources & set(e.source_ids)] or list(content.evidence[:1])
    out = []
    for e in rows:
        groups = [(e.group_a_label, e.group_a_count)]
        if e.group_b_label and e.group_b_count is not None:
            groups.append((e.group_b_label, e.group_b_count))
        out.append(IconArray(e.title, e.outcome, tuple(groups), e.plain_summary, tuple(e.source_ids)))
    return tuple(out)


def take_home(
    content: Content,
    selection: Selection,
    choices: Choices | None = None,
    *,
    questions: Sequence[str] | None = None,
    address: str = "",
    query: str | Mapping = "",
    today: date | None = None,
) -> TakeHome:
    """Every part of the summary. `address` is the public address ('' when not set, see
    explainer.qr.public_address); `query` is the selection's query string or mapping (as the
    state module writes it); `questions` are ticked question texts, for callers that have no ids."""
    from explainer.qr import take_home_link

    choices = choices or Choices()
    link = take_home_link(address, query) if (address or query) else ""
    is_public = bool(address)
    return TakeHome(
        header=header(content, today),
        picks=picks(content, selection),
        what_matters=what_matters(content, choices),
        options=options(content, selection, choices),
        warnings=warnings(content),
        questions=ticked_questions(content, choices, questions),
        readiness=readiness(content, choices),
        look_again=look_again(content, choices, address, query),
        icon_arrays=icon_arrays(content, selection),
        link=link,
        link_is_public=is_public,
        link_note=LINK_PUBLIC if is_public else LINK_ONLY_HERE,
    )


# ------------------------------------------------------------------------------------------
# The details (page 2 on of the handout, and the summary page below the first screen)


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
    """The details in reading order. Empty parts are left out."""
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
            links = links_for(content, Direction.BY_TREATMENT, [t.id])
            by_aim = names_by_aim(links, Direction.BY_TREATMENT)
            lines = [t.what_it_is]
            if by_aim[Aim.MAIN]:
                lines.append(f"Main aim: {join_names(by_aim[Aim.MAIN])}.")
            if by_aim[Aim.MAY]:
                lines.append(f"May also help: {join_names(by_aim[Aim.MAY])}.")
            yours = [x.symptom for x in links if x.symptom_id in chosen_symptoms and x.aim != "not"]
            if chosen_symptoms:
                lines.append(
                    f"For what you feel, it aims at: {join_names(yours)}."
                    if yours
                    else "It is not aimed at the symptoms you told us about."
                )
            lines.append(f"What the research says: {t.evidence}")
            if getattr(t, "risks", ""):
                lines.append(f"Possible harms: {t.risks}")
            lines.append(f"Recovery: {t.recovery_text}")
            if getattr(t, "guidelines", ""):
                lines.append(f"What guidelines say: {t.guidelines}")
            ids = list(t.source_ids) + [r for x in links if x.aim != "not" for r in x.source_ids]
            items.append(Item(t.name, tuple(lines), tuple(dict.fromkeys(ids))))
        parts.append(Part("Treatments we talked about", "What each one is meant to help:", tuple(items)))

    tiers = warnings(content)
    if tiers:
        parts.append(
            Part(
                "When to get help",
                "Get help the same day or sooner if you notice a new sign, or one that is getting worse.",
                tuple(Item(f"{t.cue}: {t.heading}", (t.instruction, *t.signs), t.source_ids) for t in tiers),
            )
        )

    if questions:
        parts.append(Part("Questions to ask", "You may want to ask your care team:", (Item("", tuple(questions)),)))
    else:
        parts.append(Part("Questions to ask", NO_QUESTIONS))
    return parts


def cited(parts: Sequence[Part], extra: Sequence[str] = ()) -> list[str]:
    """Every source id the summary relies on, in order of first use."""
    return list(dict.fromkeys([*(r for part in parts for item in part.items for r in item.source_ids), *extra]))
