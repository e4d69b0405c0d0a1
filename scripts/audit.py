"""Write docs/plain-language-audit.md: the reading grade of every section (measured now,
never typed by hand) and the PEMAT-P self-audit of the app, item by item.

    .venv/bin/python scripts/audit.py          # rewrite the page
    .venv/bin/python scripts/audit.py --check  # exit 1 if the page is out of date
"""

from __future__ import annotations

import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer import readability, sections  # noqa: E402
from explainer.content import load_content  # noqa: E402

OUTPUT = ROOT / "docs" / "plain-language-audit.md"
ARTICLE = ROOT / "docs" / "source" / "source-article.txt"  # the clinic article we started from

# PEMAT for printable materials (AHRQ, Shoemaker, Wolf & Brach 2014): 17 understandability
# and 7 actionability items. Agree = 1, Disagree = 0, N/A left out of the score.
# The judgement is ours; the "how we know" column says where to check it.
UNDERSTANDABILITY = [
    (
        1,
        "The purpose is completely evident",
        "Agree",
        "Start page, first block: what the guide is for and how to use it.",
    ),
    (
        2,
        "No distracting information",
        "Agree",
        "No adverts or clinic marketing; the article's sales lines were left out.",
    ),
    (3, "Common, everyday language", "Agree", "Every block is at grade 8 or below; see the grades below."),
    (4, "Medical terms are defined", "Agree", "Glossary drawer on every page; words explained where first used."),
    (5, "Active voice", "Agree", "Checked by reading; sentences address 'you' and name who does what."),
    (6, "Numbers are clear and easy", "Agree", "Natural frequencies ('about 48 in 100'), never percentages alone."),
    (7, "No calculations needed", "Agree", "Both groups of a comparison are given as counts out of 100."),
    (8, "Information in short sections", "Agree", "One card per cause, symptom and treatment; short prose blocks."),
    (9, "Informative headers", "Agree", "Headers say what follows ('What a laminectomy does')."),
    (10, "Logical sequence", "Agree", "Guided path: spine, causes, symptoms, treatments, numbers, next steps."),
    (11, "Provides a summary", "Agree", "'Your summary' page and the take-home PDF."),
    (
        12,
        "Visual cues draw attention to key points",
        "Agree",
        "Red-flag box with a heading; bold labels in every card.",
    ),
    (
        15,
        "Visual aids wherever they help",
        "Agree",
        "Vertebra drawing, cause charts, treatment ladder, grid, 100-people charts.",
    ),
    (
        16,
        "Visual aids reinforce the content",
        "Agree",
        "Each chart has a one-sentence summary and its data as a table.",
    ),
    (
        17,
        "Visual aids have clear titles or captions",
        "Agree",
        "Every chart has a heading, an accessible name and 'In words'.",
    ),
    (18, "Illustrations are clear and uncluttered", "Agree", "Plain shapes, labels on the parts, no toolbar."),
    (19, "Simple tables with clear headings", "Agree", "Chart tables have two to four columns with plain headings."),
]
ACTIONABILITY = [
    (
        20,
        "At least one action the user can take",
        "Agree",
        "Warning signs say how soon to act (three tiers) and which number to call; ask these questions.",
    ),
    (21, "Addresses the user directly", "Agree", "Written to 'you' throughout."),
    (22, "Actions broken into explicit steps", "Agree", "Next steps page: what to bring, questions to tick."),
    (23, "A tangible tool (checklist, summary)", "Agree", "Question checklist and the PDF summary."),
    (24, "Simple instructions for any calculation", "N/A", "The app asks for no calculation."),
    (
        25,
        "Explains how to use charts and tables",
        "Agree",
        "'How to read the drawing' and 'How to use the filter' blocks.",
    ),
    (26, "Visual aids that help the user act", "Disagree", "The red flags and next steps are text, not pictures."),
]

PUBLISHED = [
    ("The clinic article this app started from", None, "measured here"),
    ("Spine society articles (Eltorai, Spine 2016)", 10.7, "mean of 125 articles"),
    ("Academic orthopaedic departments (Ryu & Yi, Spine 2016)", 11.4, "mean of 122 articles"),
    ("Spine society pages (Luciani, World Neurosurg 2022)", 11.4, "mean"),
    ("WebMD spine pages (Luciani, World Neurosurg 2022)", 7.57, "mean"),
]


def score(items: list[tuple]) -> tuple[int, int, float]:
    rated = [rating for *_, rating, _ in items if rating != "N/A"]
    agreed = sum(r == "Agree" for r in rated)
    return agreed, len(rated), 100 * agreed / len(rated)


def page_grades() -> list[tuple[str, float]]:
    """What each page shows, every fold open, read through AppTest as the server renders it."""
    from tests.support.app import all_text, open_every_fold, open_page

    return [
        (s.title, readability.grade(all_text(open_every_fold(open_page(s.path)))))
        for s in sections.SECTIONS
        if s.key != "sources"  # reference entries are exempt
    ]


def render() -> str:
    content = load_content()
    blocks = readability.blocks(content)
    by_file: dict[str, list[float]] = defaultdict(list)
    for block in blocks:
        by_file[block.name.split(":")[0]].append(block.grade)
    u_agree, u_total, u_pct = score(UNDERSTANDABILITY)
    a_agree, a_total, a_pct = score(ACTIONABILITY)
    article = readability.grade(ARTICLE.read_text(encoding="utf-8")) if ARTICLE.exists() else None

    lines = [
        "# Plain-language audit",
        "",
        "Generated by `scripts/audit.py` from the current content. Do not edit by hand:",
        "run `.venv/bin/python scripts/audit.py` after changing content. A test fails when this page is out of date.",
        "",
        "Reading grade is the Flesch-Kincaid grade level (textstat 0.7.4). Our limit is 8 for every",
        f"section; the aim is {readability.TARGET_GRADE:g}. Sources and reference entries are exempt.",
        "",
        "## Summary",
        "",
        f"- PEMAT-P understandability: **{u_pct:.0f}%** ({u_agree} of {u_total} items).",
        f"- PEMAT-P actionability: **{a_pct:.0f}%** ({a_agree} of {a_total} applicable items).",
        f"- Content blocks measured: **{len(blocks)}**; highest grade **{max(b.grade for b in blocks):.1f}**, "
        f"median **{statistics.median(b.grade for b in blocks):.1f}**; "
        f"blocks above {readability.MAX_GRADE:g}: **{sum(b.grade > readability.MAX_GRADE for b in blocks)}**.",
        "",
        "## Compared with published material",
        "",
        "| Material | Grade | Note |",
        "|---|---|---|",
    ]
    for name, value, note in PUBLISHED:
        shown = article if value is None else value
        lines.append(f"| {name} | {'n/a' if shown is None else f'{shown:.1f}'} | {note} |")
    lines += ["", "## Reading grade of each page", "", "| Page | Grade |", "|---|---|"]
    lines += [f"| {title} | {value:.1f} |" for title, value in page_grades()]
    lines += [
        "",
        "## Reading grade of each content file",
        "",
        "| File | Blocks | Median | Highest |",
        "|---|---|---|---|",
    ]
    for file, grades in sorted(by_file.items()):
        lines.append(f"| `{file}` | {len(grades)} | {statistics.median(grades):.1f} | {max(grades):.1f} |")
    lines += ["", "## Prose blocks", "", "| Block | Words | Grade |", "|---|---|---|"]
    for block in sorted((b for b in blocks if b.name.startswith("prose/")), key=lambda b: b.name):
        lines.append(f"| `{block.name}` | {block.words} | {block.grade:.1f} |")
    for title, items in (("Understandability", UNDERSTANDABILITY), ("Actionability", ACTIONABILITY)):
        lines += ["", f"## PEMAT-P {title.lower()}, item by item", "", "| # | Item | Rating | How we know |"]
        lines.append("|---|---|---|---|")
        lines += [f"| {n} | {item} | {rating} | {why} |" for n, item, rating, why in items]
    lines += [
        "",
        "PEMAT: Shoemaker SJ, Wolf MS, Brach C. Development of the Patient Education Materials Assessment Tool.",
        "*Patient Educ Couns* 2014;96(3):395-403. Items 13-14 apply to audiovisual material only.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/audit.py")
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date.")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
