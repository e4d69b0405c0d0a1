"""Text on the page: prose with readable citations, the medical words it uses, where facts come from.

The words a page has explained are remembered per script run by a `PageWords` object (one per run,
made by the router), so each word is explained once on a page and afresh on the next.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence

import streamlit as st

from explainer import markup, sections
from explainer.content import Content, cite, cited_ids, format_reference
from explainer.glossary import terms_in
from explainer.schema import GlossaryTerm, Reference, TeachBack, Treatment
from explainer.vocabulary import BASIS_LABELS, Basis, Tier
from explainer_ui.data import get_content, problem_note

GLOSSARY = "glossary.csv"
GLOSSARY_BROKEN = (
    "The list of medical words (glossary.csv) has a mistake, so words are not explained on this page. "
    "The rest of the page still works. Please let the clinic team know."
)


def plain(text: str) -> str:
    """Text that Markdown shows exactly as written, as one code span: no link (not even a bare web
    address, which the frontend links even when every character is escaped), image, HTML or icon."""
    flat = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


class PageWords:
    """The glossary words already explained on the page being drawn."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.seen: set[str] = set()

    def new(self, text: str) -> list[GlossaryTerm]:
        """The glossary words this text uses that this page has not explained yet (now explained)."""
        found = self.content.remember(("terms_in", text), lambda: tuple(terms_in(text, self.content)))
        fresh = [t for t in found if t.term not in self.seen]
        self.seen.update(t.term for t in fresh)
        return fresh


_run = threading.local()  # each script run has its own thread


def start_page(content: Content) -> None:
    """Called by the router before each page: words are explained afresh on every page."""
    _run.words = PageWords(content)
    if content.broken(GLOSSARY):
        problem_note(content.broken(GLOSSARY), lead=GLOSSARY_BROKEN)


def page_words() -> PageWords:
    words: PageWords | None = getattr(_run, "words", None)
    if words is None:  # a fragment rerun: a fresh page's worth
        words = _run.words = PageWords(get_content())
    return words


def _references(ids: Iterable[str], content: Content) -> list[Reference]:
    return [ref for ref in (content.reference(i) for i in dict.fromkeys(ids)) if ref is not None]


def show(text: str, *, remember: bool = False, small: bool = False) -> None:
    """Markdown text on the page, drawn from HTML made here (explainer.markup.to_html): the same
    words and look as `st.markdown`, several times quicker for the browser to draw. `remember`:
    the text is the same for every patient (content), so its HTML is kept for the next move.
    `small`: a note in small grey type (as st.caption)."""
    st.html(markup.to_html(text, remember=remember, small=small))


def show_blocks(blocks: Sequence[str], *, remember: bool = False) -> None:
    """Whole Markdown blocks as one element, each block's HTML made (and kept) on its own
    (explainer.markup.blocks_html)."""
    st.html(markup.blocks_html(blocks, remember=remember))


def show_parts(mine: str, words: str) -> None:
    """A line about this patient (their mark, made each time) above the content's own words (whose
    HTML is kept), as one element (explainer.markup.parts_html)."""
    st.html(markup.parts_html(mine, words))


def show_fold(
    label: str, text: str | Sequence[str], *, expanded: bool = False, icon: str | None = None, remember: bool = False
) -> None:
    """Text in a fold the browser opens by itself (explainer.markup.fold_html): no rerun, and
    closed or open it costs the page about what its words do. For text, not for controls."""
    st.html(markup.fold_html(label, text, expanded=expanded, icon=icon, remember=remember))


def show_folds(folds: Sequence[tuple[str, str, bool]], *, remember: bool = False) -> None:
    """(label, text, open) folds one under another, as one element."""
    st.html(markup.folds_html(folds, remember=remember))


def reference_line(ref: Reference) -> str:
    return format_reference(ref, markdown=True)


def words_and_sources(words: Sequence[GlossaryTerm], ids: Iterable[str], content: Content) -> None:
    """One fold-out: the glossary words not yet explained on this page, then the sources."""
    refs = _references(ids, content)
    if not words and not refs:
        return
    parts = []
    if words:
        parts.append("\n".join(f"- **{t.term}**: {t.meaning}" for t in words))
    if refs:
        parts.append(
            ("**Where this comes from**\n\n" if words else "") + "\n".join(f"- {reference_line(r)}" for r in refs)
        )
    if words:
        names = ", ".join(t.term for t in words[:3]) + (f" and {len(words) - 3} more" if len(words) > 3 else "")
        label = f"Words used here: {names}" + (" · Where this comes from" if refs else "")
        icon: str | None = ":material/menu_book:"
    else:
        label, icon = "Where this comes from", None
    show_fold(label, "\n\n".join(parts), icon=icon, remember=True)  # glossary and references only


def prose(*names: str) -> None:
    """Prose blocks in a row, as one text with readable citations, then one fold-out with the
    medical words they use and where their facts come from."""
    content = get_content()
    missing = [name for name in names if name not in content.prose]
    if missing:
        problem_note([p for name in missing for p in content.broken(f"prose/{name}.md")])
    texts = [content.prose[name] for name in names if name in content.prose]
    if not texts:
        return
    text = "\n\n".join(texts)
    show(cite(text, content), remember=True)
    words_and_sources(page_words().new(text), cited_ids(text), content)


def words_line(text: str) -> str:
    """'Words explained: **MRI**: a scan ...' for the end of a card's Markdown, or '' if nothing is new."""
    new = page_words().new(text)
    return ("\n\n*Words explained:* " + " ".join(f"**{t.term}**: {_sentence(t.meaning)}" for t in new)) if new else ""


def _sentence(text: str) -> str:
    """Text that ends as a sentence does (a meaning is followed by the next word's)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


def topic_of(item: TeachBack) -> str:
    """A teach-back question's topic: the title of the page it is about."""
    section = next((s for s in sections.SECTIONS if s.key == item.section), None)
    return section.title if section else "Another topic"


def name_list(items: Iterable[tuple[str, str]]) -> str:
    """Markdown for a list of (name, text), each name in bold: one element to draw, where a fold-out
    per item would be two each."""
    return "\n".join(f"- **{name}.** {' '.join(words.split())}" for name, words in items)


def side_by_side(*columns: tuple[str, str]) -> str:
    """Markdown for columns read across, each (heading, text), e.g. benefits beside risks: one
    table, a single element to draw, where st.columns would be several."""
    return markup.table([heading for heading, _ in columns], [[words for _, words in columns]], as_typed=False)


CARDS = "treatment_cards"  # the block of treatment cards: layout.css stacks their two columns on a phone


def treatment_card(treatment: Treatment) -> str:
    """One option's card as one Markdown: what it involves; what it may do beside its risks and
    what guidelines say; recovery, certainty, what it rests on; new words; sources."""
    parts = [
        f"**What it involves:** {treatment.what_it_is}",
        side_by_side(
            (
                "What it may do",
                f"**What it aims at:** {treatment.aims_at} **What the research says:** {treatment.evidence}",
            ),
            ("Risks and guidelines", f"**Risks:** {treatment.risks} **What guidelines say:** {treatment.guidelines}"),
        ),
        f"**Recovery:** {treatment.recovery_text}",
        f"**How sure we can be:** {treatment.certainty.capitalize()}.",
    ]
    if treatment.basis:
        parts.append(f"**Rests on:** {basis_label(treatment.basis)}.")
    if treatment.why_included:
        parts.append(f"**Why it is here:** {treatment.why_included}")
    words = words_line(f"{treatment.name}. {treatment.what_it_is} {treatment.aims_at}")
    return "\n\n".join(parts) + words + sources_line(treatment.source_ids)


def sources(ids: Iterable[str]) -> None:
    """'Where this comes from', folded away: the references behind these ids."""
    words_and_sources([], ids, get_content())


def sources_line(ids: Iterable[str]) -> str:
    """'*Sources: Weir 2017; Inoue 2017.*' to end a card's Markdown (details on the Sources page)."""
    shorts = [ref.short for ref in _references(ids, get_content())]
    return f"\n\n*Sources: {'; '.join(shorts)}.*" if shorts else ""


WARNING_FILES = ("red_flags.csv", "warning_tiers.csv", "settings.csv")
# An icon beside each tier's word cue: neither the icon nor the colour is the only cue.
TIER_ICONS: dict[str, str] = {
    Tier.GO_NOW: ":material/warning:",
    Tier.SAME_DAY: ":material/call:",
    Tier.SOON: ":material/event:",
}
WARNING_PAGE = "app_pages/reference/warning_signs.py"


def warning_signs_markdown(content: Content) -> list[str]:
    """The full tiered list as Markdown, one block per tier, most urgent first: the cue (word and
    icon), the heading, what to do with the numbers to call filled in, then the signs."""
    blocks = []
    for tier, flags in content.red_flags_by_tier:
        icon = TIER_ICONS.get(tier.tier, ":material/warning:")
        signs = "\n".join(f"- {flag.sign}" for flag in flags)
        blocks.append(
            f"#### {icon} {tier.cue.upper()}: {tier.heading}\n\n"
            f"**What to do:** {content.tier_instruction(tier.tier)}\n\n{signs}"
        )
    return blocks


def warning_signs(content: Content, *, heading: bool = True) -> None:
    """The full warning-signs list, in three tiers, each in its own box: the 'When to get help'
    page and the summary page draw it. A calm note instead if a file it needs has a mistake.
    `heading=False` leaves out the intro's own heading (under a page title that says the same)."""
    problems = content.broken(*WARNING_FILES)
    if problems:
        problem_note(problems)
        return
    intro = content.prose.get("red_flags_intro", "")
    shown = intro if heading else re.sub(r"\A\s*#+ [^\n]*\n+", "", intro)
    if shown:
        show(cite(shown, content), remember=True)
    st.html(markup.boxes_html(warning_signs_markdown(content), remember=True))  # a box for each tier
    ids = [ref for flag in content.red_flags for ref in flag.source_ids]
    sources(ids + cited_ids(intro))


def warning_banner_line(content: Content) -> str:
    """One line for the top of every page: the go-now cue and the emergency number."""
    go_now = content.warning_tier(Tier.GO_NOW)
    cue = go_now.cue if go_now else "Go now"
    number = content.settings["emergency_number"]
    return f"{TIER_ICONS[Tier.GO_NOW]} **{cue}:** call {number} for a new or fast-worsening warning sign."


WARNING_LINK = "When to get help"


def basis_label(basis: str | None) -> str:
    """'Study', 'Guideline' or 'Expert view' ('' when a row does not say)."""
    return BASIS_LABELS.get(Basis(basis), "") if basis else ""


def review_line(content: Content) -> str:
    """'Draft: not yet checked by a clinician.' until a clinician is named with a date; then who
    checked it and when. The same words on every page's footer, About, Sources and the handout."""
    status = content.review_status()
    icon = ":material/edit_note:" if status.is_draft else ":material/verified:"
    return f"{icon} **{status.text}.**"
