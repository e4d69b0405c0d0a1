"""The take-home summary as a PDF, built in memory (nothing is written to disk).

fpdf2 with DejaVu Sans embedded, so the file prints the same everywhere; black text and
plain structure, so it reads well printed in black and white.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF

from explainer.content import Content, format_reference
from explainer.selection import Selection
from explainer.summary import cited, summarise

FONTS = Path(__file__).resolve().parent / "fonts"
TITLE = "Your summary: pain after back surgery"


class _Handout(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", size=8)
        self.set_text_color(60, 60, 60)
        self.cell(0, 6, f"{self.footer_text}   Page {self.page_no()} of {{nb}}", align="C")


def build_handout(
    content: Content,
    selection: Selection,
    *,
    questions: list[str] | None = None,
    patient_name: str = "",
    today: date | None = None,
) -> bytes:
    """The PDF bytes. `patient_name` is printed only: it is not stored or logged anywhere."""
    today = today or date.today()
    pdf = _Handout(format="A4", unit="mm")
    pdf.set_title(TITLE)
    pdf.set_creator("Consult explainer")
    pdf.set_lang("en")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.footer_text = "For learning only. It does not replace advice from your care team."
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    width = pdf.epw

    def text(body: str, size: float = 11, style: str = "", space: float = 1.5, indent: float = 0) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, body, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space)

    text(TITLE, size=18, style="B", space=2)
    text(f"Made on {today.strftime('%d %B %Y').lstrip('0')}", size=10, space=1)
    if patient_name.strip():
        text(f"For: {patient_name.strip()[:80]}", size=10, space=1)
    disclaimer = content.prose.get("disclaimer", "")
    if disclaimer:
        text(_plain(disclaimer, content), size=10, space=4)

    parts = summarise(content, selection, questions)
    if selection.is_empty():
        text("No causes, symptoms or treatments were marked during the visit.", size=11, space=3)
    for part in parts:
        pdf.set_draw_color(0, 0, 0)
        text(part.heading, size=14, style="B", space=1)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(2)
        text(part.intro, size=11, space=2)
        for item in part.items:
            if item.title:
                text(item.title, size=12, style="B", space=0.5)
            for line in item.lines:
                text(f"•  {line}", size=11, space=0.8, indent=3)
            pdf.ln(1.5)

    ids = cited(parts)
    if ids:
        text("Where this comes from", size=14, style="B", space=2)
        for ref_id in ids:
            ref = content.reference(ref_id)
            if ref is not None:
                text(format_reference(ref), size=9, space=0.8)
    settings = content.settings
    if settings.get("last_reviewed"):
        pdf.ln(2)
        text(f"Content last reviewed: {settings['last_reviewed']}.", size=9)
    return bytes(pdf.output())


def _plain(markdown: str, content: Content) -> str:
    from explainer.content import cite

    return cite(markdown, content).replace("**", "").replace("*", "").replace("#", "").strip()
