"""Text on the page: prose with readable citations, the medical words it uses, where facts come from.

The words a page has explained are remembered per script run by a `PageWords` object (one per run,
made by the router), so each word is explained once on a page and afresh on the next.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence

import streamlit as st

from explainer.content import Content, cite, cited_ids, format_reference
from explainer.glossary import terms_in
from explainer.schema import RED_FLAG_GROUPS, GlossaryTerm, Reference
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
    with st.expander(label, icon=icon):
        st.markdown("\n\n".join(parts))


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
    st.markdown(cite(text, content))
    words_and_sources(page_words().new(text), cited_ids(text), content)


def words_line(text: str) -> str:
    """'Words explained: **MRI**: a scan ...' for the end of a card's Markdown, or '' if nothing is new."""
    new = page_words().new(text)
    return ("\n\n*Words explained:* " + "; ".join(f"**{t.term}**: {t.meaning}" for t in new)) if new else ""


def sources(ids: Iterable[str]) -> None:
    """'Where this comes from', folded away: the references behind these ids."""
    words_and_sources([], ids, get_content())


def sources_line(ids: Iterable[str]) -> str:
    """'*Sources: Weir 2017; Inoue 2017.*' to end a card's Markdown (details on the Sources page)."""
    shorts = [ref.short for ref in _references(ids, get_content())]
    return f"\n\n*Sources: {'; '.join(shorts)}.*" if shorts else ""


def red_flags_box() -> None:
    """The same 'get help now' box wherever symptoms appear."""
    content = get_content()
    problems = content.broken("red_flags.csv", "prose/red_flags_intro.md")
    if problems:
        problem_note(problems)
        return
    with st.container(border=True):
        body = [cite(content.prose["red_flags_intro"], content)]
        for group, heading in RED_FLAG_GROUPS.items():
            flags = [f for f in content.red_flags if f.group == group]
            if flags:
                body.append(f"**{heading}**\n\n" + "\n".join(f"- {flag.sign}" for flag in flags))
        st.markdown("\n\n".join(body))
        ids = [ref for flag in content.red_flags for ref in flag.source_ids]
        sources(ids + cited_ids(content.prose["red_flags_intro"]))
