"""Finding the medical words of the glossary in a piece of text, so each page can explain a
word where it first appears."""

from __future__ import annotations

import re
from functools import lru_cache

from explainer.content import Content
from explainer.readability import plain_text
from explainer.schema import GlossaryTerm


@lru_cache(maxsize=8)
def _patterns(words: tuple[tuple[str, ...], ...]) -> list[re.Pattern]:
    """One pattern per glossary entry, from its term and aliases (compiled once)."""
    out = []
    for forms in words:
        alternatives = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True) if w)
        # Acronyms match in capitals only ('CT' is not 'act'); other words in any case.
        flags = 0 if forms[0].isupper() else re.IGNORECASE
        out.append(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags))
    return out


def terms_in(text: str, content: Content) -> list[GlossaryTerm]:
    """Glossary entries used in the text, in the order they first appear."""
    plain = plain_text(text)
    found = []
    forms = tuple((g.term, *g.aliases) for g in content.glossary)
    for entry, pattern in zip(content.glossary, _patterns(forms), strict=True):
        match = pattern.search(plain)
        if match:
            found.append((match.start(), entry))
    return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]
