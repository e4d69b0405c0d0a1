"""Sources: every reference the app cites, whether each was checked against its record, and
whether a clinician has checked the content."""

from explainer_ui import text
from explainer_ui.data import get_content

content = get_content()
text.show(text.review_line(content), remember=True)
text.show(
    "Each fact in this guide names one of these sources. "
    "We checked each source against its record, such as PubMed. "
    "A source marked **not yet verified** could not be checked yet: treat it with care. "
    "Some points rest on **expert view**, not a study. The pages say so where this is the case.",
    remember=True,
)
lines = []
for ref in sorted(content.references, key=lambda r: r.short.casefold()):
    line = text.reference_line(ref)  # ends with "Not yet verified." when it is
    if not ref.verified:
        line = f":material/help: {line}"
    if ref.url and (ref.pmid or ref.doi):  # otherwise the reference line already shows the address
        line += f" [Link]({ref.url})"
    lines.append(f"- {line}")  # the note is for the content team (how it was checked), not shown
text.show("\n".join(lines), remember=True)  # one list, one element: quicker to draw than one per source
