"""The review pack: every claim a patient reads, with what it rests on, for the clinician who
checks the content before a clinic uses it.

    python -m explainer.review_pack                      # writes review-pack.md
    python -m explainer.review_pack --out FILE           # or another file ('-' for the screen)
    python -m explainer.review_pack --content DIR        # another copy of the content

Grouped by page (the app's sections, in guided order). Each claim is one prose paragraph or
one table row, named by its file and row id, with its basis (study, guideline, expert view, or
not stated) and its sources (short name, title, PMID/DOI, verified or not). It ends with a
sign-off block. Once signed, the clinic puts the reviewer's name and the date into settings.csv
(`reviewer_name`, `review_date`), and the app stops saying "Draft".
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from explainer import sections
from explainer.content import Content, cited_ids, content_dir, load_content
from explainer.readability import READ_FIELDS, block_label, plain_text
from explainer.schema import PROSE_BLOCKS, TABLES, Reference, Row
from explainer.vocabulary import AIM_LABELS, BASIS_LABELS, Aim, Basis

NOT_STATED = "not stated"
NOT_A_CLAIM = "not applicable"
# Tables whose rows are not medical claims: the settings, and the references themselves.
NOT_CLAIMS = frozenset({"settings.csv", "references.csv"})
EVERY_PAGE = "Every page"
DEFAULT_OUT = Path("review-pack.md")

# What each page shows: prose blocks (by name) and tables (by file), in the order a patient
# meets them. "Every page" holds what is shown everywhere (the disclaimer, the glossary).
PAGE_CONTENT: dict[str, tuple[str, ...]] = {
    EVERY_PAGE: ("disclaimer", "glossary.csv"),
    "start": ("start_intro", "start_names", "start_how_common", "start_path"),
    "spine": ("spine_lamina", "spine_diagram_help", "spine_laminectomy", "spine_discectomy", "spine_fusion"),
    "causes": ("causes_intro", "categories.csv", "causes.csv"),
    "symptoms": (
        "symptoms_intro",
        "red_flags_intro",
        "warning_tiers.csv",
        "red_flags.csv",
        "symptoms.csv",
        "feelings_intro",
        "emotions.csv",
    ),
    "treatments": ("treatments_intro", "treatments.csv", "expectations", "another_operation"),
    "aims": ("treatments_filter_help", "treatment_symptom_links.csv"),
    "evidence": ("evidence_intro", "evidence.csv"),
    "next_steps": ("next_steps_intro", "self_help", "questions.csv"),
    "summary": ("values.csv", "teach_back.csv", "readiness.csv"),
    "sources": ("references.csv",),
    "about": ("about_content", "settings.csv"),
}
# Where the pack shows more than the readability check grades (names, numbers, ratings), the
# fields of a row in the order a patient reads them.
PACK_FIELDS: dict[str, tuple[str, ...]] = {
    "references.csv": ("short", "title"),
    "glossary.csv": ("term", "meaning"),
    # Recovery with what it rests on (its own basis: often expert view), then the rating.
    "treatments.csv": (
        *(f for f in READ_FIELDS["treatments.csv"] for f in ((f, "recovery_basis") if f == "recovery" else (f,))),
        "certainty",
    ),
    "treatment_symptom_links.csv": ("aim", "reason"),
    "red_flags.csv": ("tier", "sign"),
    "evidence.csv": (
        "title",
        "guess_prompt",
        "group_a_label",
        "group_a_count",
        "group_b_label",
        "group_b_count",
        "outcome",
        "plain_summary",
        "uncertainty",
    ),
}


@dataclass(frozen=True)
class Claim:
    """One thing a patient reads: a prose paragraph or a table row."""

    ref: str  # e.g. "causes.csv: scar_tissue" or "prose/start_intro.md, paragraph 2"
    texts: tuple[tuple[str, str], ...]  # (field, text); field is "" for prose
    basis: str
    source_ids: tuple[str, ...]


def fields_of(file: str) -> tuple[str, ...]:
    return PACK_FIELDS.get(file) or READ_FIELDS.get(file, ())


def basis_label(row: Row) -> str:
    value = getattr(row, "basis", None)
    return BASIS_LABELS[Basis(value)].lower() if value else NOT_STATED


def table_claims(content: Content, file: str) -> Iterator[Claim]:
    for row in content.rows(file):
        texts = []
        for name in fields_of(file):
            value = getattr(row, name, "")
            if isinstance(value, Aim):
                value = AIM_LABELS[value]
            elif isinstance(value, Basis):
                value = BASIS_LABELS[value].lower()
            if value not in ("", None):
                texts.append((name, content.fill(str(value))))
        if file == "settings.csv":
            texts = [("value", str(row.value) or "(empty)")]  # type: ignore[attr-defined]
        sources = (row.id,) if isinstance(row, Reference) else tuple(getattr(row, "source_ids", ()))
        basis = NOT_A_CLAIM if file in NOT_CLAIMS else basis_label(row)
        yield Claim(f"{file}: {block_label(file, row)}", tuple(texts), basis, sources)


def prose_claims(content: Content, name: str) -> Iterator[Claim]:
    paragraphs = [p for p in re.split(r"\n\s*\n", content.prose.get(name, "")) if p.strip()]
    for number, paragraph in enumerate(paragraphs, start=1):
        yield Claim(
            f"prose/{name}.md, paragraph {number}",
            (("", plain_text(paragraph)),),
            NOT_STATED,
            tuple(cited_ids(paragraph)),
        )


def claims_for(content: Content, item: str) -> list[Claim]:
    if item.endswith(".csv"):
        return list(table_claims(content, item))
    return list(prose_claims(content, item))


def page_items() -> list[tuple[str, tuple[str, ...]]]:
    """(heading, items) for each page, in the app's order; anything no page lists goes last,
    so a new table or block is never left out of the pack."""
    out = [(EVERY_PAGE, PAGE_CONTENT[EVERY_PAGE])]
    out += [(s.title, PAGE_CONTENT.get(s.key, ())) for s in sections.SECTIONS]
    placed = {item for items in PAGE_CONTENT.values() for item in items}
    rest = tuple(f for f in TABLES if f not in placed) + tuple(b for b in PROSE_BLOCKS if b not in placed)
    if rest:
        out.append(("Not yet placed on a page", rest))
    return out


def reference_line(ref: Reference | None, ref_id: str) -> str:
    if ref is None:
        return f"`{ref_id}`: NOT IN references.csv"
    ids = "; ".join(x for x in (f"PMID {ref.pmid}" if ref.pmid else "", f"DOI {ref.doi}" if ref.doi else "") if x)
    found = ids or ref.url or "no identifier"
    verified = "verified from a record" if ref.verified else "**NOT YET VERIFIED**"
    return f"{ref.short}: *{ref.title}*. {found}. ({verified}; id `{ref.id}`)"


def render_claim(claim: Claim, content: Content) -> list[str]:
    lines = [f"#### `{claim.ref}`", ""]
    for field_name, text in claim.texts:
        label = f"*{field_name}*: " if field_name else ""
        lines.append(f"> {label}{text}".replace("\n", " "))
        lines.append(">")
    if claim.texts:
        lines.pop()
    lines += ["", f"- Basis: **{claim.basis}**"]
    if claim.source_ids:
        lines.append("- Sources:")
        lines += [f"  - {reference_line(content.reference(r), r)}" for r in claim.source_ids]
    else:
        lines.append("- Sources: none given")
    lines += ["- [ ] Correct as written   - [ ] Needs a change (write it here): ______________________", ""]
    return lines


def render(content: Content, today: date | None = None) -> str:
    status = content.review_status()
    pages = [(title, [c for item in items for c in claims_for(content, item)]) for title, items in page_items()]
    claims = [c for _, page in pages for c in page]
    unverified = [r for r in content.references if not r.verified]
    lines = [
        "# Content review pack",
        "",
        f"Made on {(today or date.today()).isoformat()} by `python -m explainer.review_pack` from "
        f"the `{(content.folder or content_dir()).name}` folder. Review status now: **{status.text}**.",
        "",
        "This lists every claim a patient reads in the app, page by page: each prose paragraph and each",
        "table row, named by its file and row id, with what it rests on (its *basis*: study, guideline,",
        "expert view, or not stated) and its sources. Please tick each claim, write any change beside it,",
        "and sign at the end. The clinic then puts your name and the date into `settings.csv`",
        "(`reviewer_name`, `review_date`), and the app shows who checked it and when.",
        "",
        "## Overview",
        "",
        f"- Claims: **{len(claims)}**; with basis not stated: **{sum(c.basis == NOT_STATED for c in claims)}**; "
        f"expert view: **{sum(c.basis == BASIS_LABELS[Basis.EXPERT_VIEW].lower() for c in claims)}**.",
        f"- References: **{len(content.references)}**; not yet verified from a record: **{len(unverified)}**"
        + (f" ({', '.join(r.short for r in unverified)})." if unverified else "."),
        "- Numbers to call, as the app shows them now: "
        + "; ".join(
            f"{n.label}: {n.value}" + (" (**default: the clinic must confirm**)" if n.is_default else "")
            for n in content.numbers_to_call
        )
        + ".",
    ]
    if content.problems:
        lines += ["", "## Content problems (the app hides what these files show until they are fixed)", ""]
        lines += [f"- {p}" for p in content.problems]
    if content.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- {w}" for w in content.warnings]
    for title, page in pages:
        if not page:
            continue
        lines += ["", f"## {title}", ""]
        for claim in page:
            lines += render_claim(claim, content)
    lines += [
        "",
        "## Sign-off",
        "",
        "I have read every claim above against its sources. Where I asked for a change, I have written it beside",
        "the claim. With those changes made, the content is fit to show patients in a consult.",
        "",
        "- Name: ________________________________________",
        "- Role: ________________________________________",
        "- Date (YYYY-MM-DD): ____________________________",
        "- Signature: ___________________________________",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m explainer.review_pack",
        description="Write the review pack: every patient-facing claim with its basis and sources, by page.",
    )
    parser.add_argument("--out", metavar="FILE", default=str(DEFAULT_OUT), help="where to write it ('-': the screen)")
    parser.add_argument("--content", metavar="DIR", type=Path, default=None, help="the content folder to read")
    args = parser.parse_args(argv)
    folder: Path = args.content if args.content is not None else content_dir()
    if not folder.is_dir():
        print(f"{folder}: the content folder does not exist.", file=sys.stderr)
        return 1
    text = render(load_content(folder))
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
