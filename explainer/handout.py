"""The take-home handout as a PDF, built in memory (nothing is written to disk).

Page one stands alone: the clinic, the date, this patient's picks, what matters to them, the
options side by side, the warning signs by tier with the numbers to call, the QR code of the
take-home link (when a public address is set) and a box for notes. Then the details, with this
patient's pictures drawn as vectors (the vertebra before and after, and numbers as 100 people), and
the references, one short line each, last.

Black on white only, and every cue is a word or a shape, never a colour alone, so it prints
cleanly in black and white. fpdf2 with DejaVu Sans embedded; a name in another script (Chinese,
Japanese, Korean, Devanagari, Arabic) is printed with bundled fallback fonts and text shaping.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

from explainer.content import Content, cite, content_dir
from explainer.qr import can_offer_qr, draw_qr
from explainer.schema import recovery_text
from explainer.selection import Selection
from explainer.summary import (
    DRAFT_BANNER,
    LINK_HEADING,
    LOOK_AGAIN_HEADING,
    TITLE,
    Choices,
    IconArray,
    TakeHome,
    cited,
    summarise,
    take_home,
)

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
# Fonts for names in scripts DejaVu Sans lacks; each is loaded only when a name needs it.
FALLBACK_FONTS: dict[str, str] = {
    "NotoDevanagari": "NotoSansDevanagari-Regular.ttf",
    "NotoArabic": "NotoSansArabic-Regular.ttf",
    "DroidFallback": "DroidSansFallback.ttf",  # Chinese, Japanese, Korean
}
PAGE_ALIAS = "{nb}"  # used by the footer only: anything else prints as typed
MAX_NAME = 80
# Font tables the PDF never needs (layout rules for shaping, maths): left out of each copy, so
# cutting the font down to the glyphs used is quicker. Shaping a name reads the font file itself.
UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "kern", "MATH", "FFTM")
MAX_LOGO_BYTES = 1_000_000
INK = (0, 0, 0)
GREY_TEXT = (60, 60, 60)


class _Handout(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7.5)
        self.set_text_color(*GREY_TEXT)
        before, self.str_alias_nb_pages = self.str_alias_nb_pages, PAGE_ALIAS  # on only here: see build_handout
        self.cell(0, 5, f"{self.footer_text}   Page {self.page_no()} of {PAGE_ALIAS}", align="C")
        self.str_alias_nb_pages = before
        self.set_text_color(*INK)


def build_handout(
    content: Content,
    selection: Selection,
    *,
    questions: Sequence[str] | None = None,
    choices: Choices | None = None,
    patient_name: str = "",
    today: date | None = None,
    address: str = "",
    query: str | Mapping = "",
) -> bytes:
    """The PDF bytes.

    choices: what the patient said (questions ticked, what matters, leanings, readiness, teach-back),
    by id; questions: ticked question texts, for callers without ids; address: the public address
    ('' = not set: no QR code, see explainer.qr.public_address); query: the selection's query string
    or mapping for the take-home link. `patient_name` is printed only: not stored or logged anywhere."""
    summary = take_home(content, selection, choices, questions=questions, address=address, query=query, today=today)
    pdf = _Handout(format="A4", unit="mm")
    pdf.set_title(TITLE)
    pdf.set_creator("Consult explainer")
    pdf.set_lang("en")
    _add_font(pdf, "", "DejaVuSans.ttf")
    _add_font(pdf, "B", "DejaVuSans-Bold.ttf")
    # '{nb}' in a name or in the content prints as typed: the page total is only put in the footer.
    pdf.str_alias_nb_pages = None  # type: ignore[assignment]  # fpdf2 accepts None: no alias
    status = summary.header.review_text
    pdf.footer_text = "For learning only. It does not replace advice from your care team." + (
        f" {DRAFT_BANNER}." if summary.header.is_draft else ""
    )
    pdf.set_margins(14, 10, 14)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_page()
    writer = _Writer(pdf)

    _page_one(writer, content, summary, _clean_name(patient_name), selection)
    _details(writer, content, selection, summary)
    _references(writer, content, selection, summary)
    if not summary.header.is_draft:
        writer.text(status + ".", size=8, space=0)
    pdf.str_alias_nb_pages = PAGE_ALIAS  # so the footer's page total is filled in at output
    return bytes(pdf.output())


# ------------------------------------------------------------------------------------------
# Fonts: read once per process


@cache
def _font_template(family: str, style: str, file: str) -> TTFFont:
    """The font as fpdf2 reads it (widths, glyph ids, metrics): about 50 ms per font, so done
    once and kept. Never written to: each document gets its own copy (see _add_font)."""
    reader = FPDF()
    reader.add_font(family, style, str(FONTS / file))
    font = reader.fonts[f"{family.lower()}{style}"]
    if not isinstance(font, TTFFont):  # a .ttf file always gives a TTFFont
        raise TypeError(file)
    return font


def _add_font(pdf: FPDF, style: str, file: str, family: str = FONT) -> None:
    """Add a bundled font from the kept template: the copy shares the read-only widths and gets a
    fresh, lazily read font file of its own, because fpdf2 cuts the file down to the glyphs used,
    in place, when it writes the PDF. Falls back to fpdf2's own add_font on any surprise."""
    key = f"{family.lower()}{style}"
    try:
        template = _font_template(family, style, file)
        font = copy.copy(template)
        font.ttfont = TTFont(str(FONTS / file), recalcTimestamp=False, lazy=True)
        for tag in UNUSED_TABLES:  # only text shaping uses them, and it reads the file itself
            if tag in font.ttfont:
                del font.ttfont[tag]
        font.cw = copy.copy(template.cw)  # fpdf2 adds unknown characters to it as it goes
        font.glyph_ids = dict(template.glyph_ids)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.i = len(pdf.fonts) + 1
        font.subset = SubsetMap(font)
        pdf.fonts[key] = font
    except Exception:  # an fpdf2 change: read the font the slow, supported way
        pdf.fonts.pop(key, None)
        pdf.add_font(family, style, str(FONTS / file))


# ------------------------------------------------------------------------------------------
# Writing helpers


class _Writer:
    def __init__(self, pdf: _Handout) -> None:
        self.pdf = pdf
        self.width = pdf.epw

    def text(
        self, body: str, size: float = 9.5, style: str = "", space: float = 1.0, indent: float = 0, width: float = 0
    ) -> None:
        pdf = self.pdf
        _block(pdf, body, pdf.l_margin + indent, (width or self.width) - indent, size, style)
        if space:
            pdf.ln(space)

    def bullets(self, lines: Sequence[str], size: float = 9.5, indent: float = 2, space: float = 0.6) -> None:
        """Bullets with a hanging indent: continuation lines line up with the text, not the bullet."""
        pdf = self.pdf
        for line in lines:
            pdf.set_font(FONT, "", size)
            if pdf.will_page_break(size * 0.45):
                pdf.add_page()
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(3.5, size * 0.45, "•")
            _block(pdf, line, pdf.l_margin + indent + 3.5, self.width - indent - 3.5, size)
            pdf.ln(space)

    def heading(self, title: str, size: float = 12, rule: bool = True) -> None:
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 40:
            pdf.add_page()
        pdf.ln(1)
        self.text(title, size=size, style="B", space=0.5)
        if rule:
            pdf.set_draw_color(*INK)
            pdf.set_line_width(0.3)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + self.width, pdf.get_y())
            pdf.ln(1.2)


def _width(pdf: FPDF, text: str) -> float:
    """The width of text in the current font, from the font's own character widths (fpdf2's
    get_string_width does much more work per call, for features not used here)."""
    try:
        cw: Any = pdf.current_font.cw  # type: ignore[union-attr]  # no font: AttributeError, below
        return float(sum(cw[ord(ch)] for ch in text)) * pdf.font_size_pt * 0.001 / pdf.k
    except (AttributeError, IndexError, KeyError, TypeError):
        return pdf.get_string_width(text)


def _lines(pdf: FPDF, text: str, width: float, first_width: float | None = None) -> list[str]:
    """The text broken into lines that fit `width` (the first line `first_width`, if given) in the
    current font: words kept whole, a word longer than a line (an address) broken between
    characters. Much faster than fpdf2's multi_cell, which measures the line again per character."""
    out: list[str] = []
    space = _width(pdf, " ")
    room = width if first_width is None else first_width
    for paragraph in text.split("\n"):
        line, line_w = "", 0.0
        for word in paragraph.split():
            w = _width(pdf, word)
            if w > room and not line and w > width:
                piece = ""
                for ch in word:
                    if piece and _width(pdf, piece + ch) > room:
                        out.append(piece)
                        room = width
                        piece = ""
                    piece += ch
                line, line_w = piece, _width(pdf, piece)
            elif line_w + (space if line else 0) + w > room and (line or room < width):
                out.append(line)
                room = width
                line, line_w = word, w
            else:
                line_w += (space if line else 0) + w
                line = f"{line} {word}" if line else word
        out.append(line)
        room = width
    return out


def _block(
    pdf: FPDF, text: str, x: float, width: float, size: float, style: str = "", height: float = 0, align: str = "L"
) -> int:
    """Write wrapped text at x, line by line from the current y; returns the number of lines."""
    pdf.set_font(FONT, style, size)
    height = height or size * 0.45
    lines = _lines(pdf, text, width)
    for line in lines:
        if pdf.will_page_break(height):
            pdf.add_page()
        y = pdf.get_y()
        # inset by the cell margin, as fpdf2's cell() (used for the bullets and labels) does
        _put(pdf, x + pdf.c_margin, y, height, line, width - 2 * pdf.c_margin, align)
        pdf.set_y(y + height)
    return len(lines)


def _put(pdf: FPDF, x: float, y: float, height: float, line: str, width: float = 0, align: str = "L") -> None:
    """One line of text in a line box at (x, y), placed as fpdf2's cell would place it, but
    written with text(), which skips the work cell() does for features not used here."""
    if not line:
        return
    if align != "L":
        free = width - _width(pdf, line)
        x += free if align == "R" else free / 2
    pdf.text(x, y + 0.5 * height + 0.3 * pdf.font_size, line)


def _clean_name(name: str) -> str:
    """The name as typed, on one line: control characters dropped, at most 80 characters."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())
    return flat[:MAX_NAME]


@cache
def _cmap(file: str) -> frozenset[int]:
    with TTFont(str(FONTS / file), lazy=True) as font:
        return frozenset(font.getBestCmap())


def _write_name(writer: _Writer, name: str) -> None:
    """'For: <name>' in any script: fallback fonts only when the name needs them, and shaping
    (joined Arabic letters, Devanagari conjuncts, right-to-left order) for this line only."""
    pdf = writer.pdf
    plain = _cmap("DejaVuSans.ttf")
    missing = {ord(ch) for ch in name if not ch.isspace() and ord(ch) not in plain}
    complex_script = any(0x0590 <= ord(ch) <= 0x08FF or 0x0900 <= ord(ch) <= 0x0DFF for ch in name)
    if missing:
        needed = [family for family, file in FALLBACK_FONTS.items() if missing & _cmap(file)]
        for family in needed:
            if family.lower() not in pdf.fonts:
                _add_font(pdf, "", FALLBACK_FONTS[family], family)
        pdf.set_fallback_fonts(needed, exact_match=False)
    if complex_script:
        pdf.set_text_shaping(True)
    pdf.set_font(FONT, "", 11)
    pdf.set_x(pdf.l_margin)
    pdf.multi_cell(writer.width, 5, f"For: {name}", align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    if complex_script:
        pdf.set_text_shaping(False)


def _short(text: str, limit: int = 120) -> str:
    """The first sentence (at most `limit` characters, cut at a word) for the page-one table."""
    text = " ".join(text.split())
    end = text.find(". ")
    first = text if end < 0 else text[: end + 1]
    if len(first) <= limit:
        return first
    return first[: limit - 1].rsplit(" ", 1)[0] + "…"


# ------------------------------------------------------------------------------------------
# Page one


def _page_one(writer: _Writer, content: Content, summary: TakeHome, name: str, selection: Selection) -> None:
    pdf = writer.pdf
    head = summary.header
    top = pdf.get_y()
    logo = _logo(content)
    text_x = pdf.l_margin
    if logo is not None:
        try:
            pdf.image(str(logo), x=pdf.l_margin, y=top, h=16)
            text_x = pdf.l_margin + 40
        except Exception:  # a bad logo costs the logo, not the handout
            text_x = pdf.l_margin
    pdf.set_y(top)
    head_w = writer.width - (text_x - pdf.l_margin) - 45
    _block(pdf, head.clinic_name or "Clinic: ______________________________", text_x, head_w, 14, "B", 6)
    _block(pdf, head.clinic_contact or "Contact: ______________________________", text_x, head_w, 9, "", 4.2)
    bottom = max(pdf.get_y(), top + (17 if logo else 0))
    pdf.set_y(top)
    _block(pdf, f"Your visit on\n{head.date_text}", pdf.l_margin + writer.width - 45, 45, 9, "", 4.2, "R")
    pdf.set_y(max(bottom, pdf.get_y()) + 1)

    if head.is_draft:
        pdf.set_line_width(0.6)
        pdf.set_font(FONT, "B", 10)
        pdf.cell(writer.width, 7, f"{DRAFT_BANNER.upper()}", border=1, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_line_width(0.2)
        pdf.ln(1.5)

    # The QR code sits at the top right, beside the title and the picks.
    qr_size = 30
    offer_qr = bool(summary.link and summary.link_is_public and can_offer_qr(summary.link))
    qr_top = pdf.get_y()
    if offer_qr:
        qr_x = pdf.l_margin + writer.width - qr_size
        draw_qr(pdf, summary.link, qr_x, qr_top, qr_size)
        pdf.set_y(qr_top + qr_size + 0.5)
        _block(pdf, "Scan with your phone's camera to open your summary", qr_x, qr_size, 6.5, "B", 2.8, "C")
        qr_bottom = pdf.get_y()
        pdf.set_y(qr_top)
        pdf.set_right_margin(pdf.r_margin + qr_size + 4)
        writer.width = pdf.epw

    writer.text(TITLE, size=13, style="B", space=0.8)
    if name:
        _write_name(writer, name)
    if selection.is_empty():
        writer.text("No causes, symptoms or treatments were marked during the visit.", size=9.5)
    for pick in summary.picks:
        _label_line(writer, f"{pick.heading}: ", "; ".join(pick.names) + ".")
    if summary.what_matters:
        _label_line(writer, "What matters most to you: ", "; ".join(summary.what_matters) + ".")
    if offer_qr:
        pdf.set_right_margin(pdf.r_margin - qr_size - 4)
        writer.width = pdf.epw
        pdf.set_y(max(pdf.get_y(), qr_bottom + 1))
    if summary.link:
        note = f"{LINK_HEADING}: {summary.link}" if offer_qr else f"{summary.link_note} ({summary.link})"
        _block(pdf, note, pdf.l_margin, writer.width, 6.5, "", 2.8)
        pdf.ln(1)

    if summary.options:
        writer.heading("The options we talked about, side by side (in no order; more on page 2)", size=11)
        _options_table(writer, summary)

    _warning_box(writer, summary)
    _notes_box(writer)


def _label_line(writer: _Writer, label: str, body: str, size: float = 9.5, gap: float = 1.2) -> None:
    """A bold label run into plain text, wrapped with the label on the first line."""
    pdf = writer.pdf
    height = size * 0.45
    pdf.set_font(FONT, "B", size)
    label_w = _width(pdf, label)
    if pdf.will_page_break(height):
        pdf.add_page()
    pdf.set_x(pdf.l_margin)
    pdf.cell(label_w, height, label)
    pdf.set_font(FONT, "", size)
    lines = _lines(pdf, body, writer.width, first_width=writer.width - label_w)
    for k, line in enumerate(lines):
        if k:
            if pdf.will_page_break(height):
                pdf.add_page()
            pdf.set_x(pdf.l_margin)
        pdf.cell(writer.width - (label_w if k == 0 else 0), height, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _options_table(writer: _Writer, summary: TakeHome) -> None:
    """The options side by side: one row each, the same columns for every option, a grid of
    thin black lines (drawn by hand: fpdf2's table measures text far more slowly)."""
    pdf = writer.pdf
    headings = (
        "Option",
        "What it involves",
        "Chance of benefit",
        "Possible harms",
        "How sure",
        "Recovery",
        "Guidelines",
        "Your view",
    )
    parts = (26, 29, 30, 29, 12, 26, 28, 14)
    scale = writer.width / sum(parts)
    widths = tuple(w * scale for w in parts)
    rows = [
        (
            option.name,
            _short(option.involves),
            _short(option.benefit),
            _short(option.harms) if option.harms else "Not given",
            option.certainty or "-",
            recovery_text(_short(option.recovery), option.recovery_basis) if option.recovery else "Not given",
            _short(option.guidelines) if option.guidelines else "Not given",
            option.leaning,
        )
        for option in summary.options
    ]
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.2)
    line_h, pad = 2.8, 0.7
    _table_row(pdf, headings, widths, 6.5, "B", line_h, pad)
    for row in rows:
        _table_row(pdf, row, widths, 6.5, "", line_h, pad, repeat=headings)
    pdf.ln(1)


def _table_row(
    pdf: FPDF,
    cells: Sequence[str],
    widths: Sequence[float],
    size: float,
    style: str,
    line_h: float,
    pad: float,
    repeat: Sequence[str] = (),
) -> None:
    pdf.set_font(FONT, style, size)
    wrapped = [_lines(pdf, text, w - 2 * pad) for text, w in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped) * line_h + 2 * pad
    if pdf.will_page_break(height):
        pdf.add_page()
        if repeat:
            _table_row(pdf, repeat, widths, size, "B", line_h, pad)
            pdf.set_font(FONT, style, size)
    y = pdf.get_y()
    x = pdf.l_margin
    for lines, w in zip(wrapped, widths, strict=True):
        pdf.rect(x, y, w, height)
        for k, line in enumerate(lines):
            _put(pdf, x + pad, y + pad + k * line_h, line_h, line)
        x += w
    pdf.set_xy(pdf.l_margin, y + height)


def _warning_box(writer: _Writer, summary: TakeHome) -> None:
    pdf = writer.pdf
    if not summary.warnings:
        return
    writer.heading("When to get help", size=11)
    numbers = ".   ".join(f"{n.label}: {n.value}" for n in summary.header.numbers)
    _label_line(writer, "Numbers to call. ", numbers + ".", size=7.5, gap=0.6)
    cue_width = 24
    body_x = pdf.l_margin + cue_width + 2
    body_w = writer.width - cue_width - 2
    columns = 3
    column = (body_w - 3 * (columns - 1)) / columns
    for tier in summary.warnings:
        if pdf.will_page_break(20):
            pdf.add_page()
        y = pdf.get_y()
        # The cue as white words on black: it reads the same in black and white.
        pdf.set_fill_color(*INK)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font(FONT, "B", 7.5)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(cue_width, 5, tier.cue.upper(), align="C", fill=True)
        pdf.set_text_color(*INK)
        pdf.set_y(y)
        _block(pdf, tier.heading, body_x, body_w, 8.5, "B", 3.8)
        _block(pdf, tier.instruction, body_x, body_w, 7.5, "", 3.3)
        # The signs in three columns, read across.
        pdf.set_font(FONT, "", 6.8)
        for k in range(0, len(tier.signs), columns):
            row = tier.signs[k : k + columns]
            wrapped = [_lines(pdf, sign, column - 3) for sign in row]
            height = max(len(lines) for lines in wrapped) * 2.8
            if pdf.will_page_break(height):
                pdf.add_page()
            row_y = pdf.get_y()
            for c, lines in enumerate(wrapped):
                x = body_x + c * (column + 3)
                _put(pdf, x, row_y, 2.8, "•")
                for n, line in enumerate(lines):
                    _put(pdf, x + 3, row_y + n * 2.8, 2.8, line)
            pdf.set_xy(pdf.l_margin, row_y + height + 0.4)
        pdf.ln(0.8)


def _notes_box(writer: _Writer) -> None:
    """A box to write in: as tall as page one has room for (at least 10 mm, at most 30 mm)."""
    pdf = writer.pdf
    room = pdf.page_break_trigger - pdf.get_y() - 2
    if room < 10:
        pdf.add_page()
        room = 30
    height = min(room, 30)
    y = pdf.get_y() + 1
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    pdf.rect(pdf.l_margin, y, writer.width, height)
    pdf.set_xy(pdf.l_margin + 1.5, y + 1)
    pdf.set_font(FONT, "B", 8.5)
    pdf.cell(writer.width - 3, 4, "Notes (your next appointment, who to contact)")
    pdf.set_draw_color(150, 150, 150)
    line_y = y + 11
    while line_y < y + height - 2:
        pdf.line(pdf.l_margin + 2, line_y, pdf.l_margin + writer.width - 2, line_y)
        line_y += 6.5
    pdf.set_draw_color(*INK)
    pdf.set_y(y + height + 2)


def _logo(content: Content) -> Path | None:
    """The clinic's logo: a PNG or JPEG inside content/ (never outside it), or None. The content
    check's own rule (Content.clinic_logo) is applied first, then these, in case it is looser."""
    name = (content.settings.get("clinic_logo") or "").strip()
    if not name:
        return None
    try:
        if isinstance(getattr(type(content), "clinic_logo", None), property) and content.clinic_logo is None:
            return None
        folder = Path(getattr(content, "folder", None) or content_dir()).resolve()
        path = (folder / name).resolve()
        if not path.is_relative_to(folder) or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
            return None
        if not path.is_file() or path.stat().st_size > MAX_LOGO_BYTES:
            return None
    except (OSError, ValueError):
        return None
    return path


# ------------------------------------------------------------------------------------------
# The details


def _details(writer: _Writer, content: Content, selection: Selection, summary: TakeHome) -> None:
    pdf = writer.pdf
    pdf.add_page()
    writer.text("The details", size=15, style="B", space=1)
    disclaimer = content.prose.get("disclaimer", "")
    if disclaimer:
        writer.text(_plain(disclaimer, content), size=8.5, space=1)

    if summary.look_again:
        writer.heading(LOOK_AGAIN_HEADING)
        for again in summary.look_again:
            writer.text(f"{again.page}: {again.question}", size=9.5, style="B", space=0.3)
            writer.text(again.link, size=8, space=1.2, indent=3)

    if selection.treatments or selection.causes:
        writer.heading("Your spine: before and after the operation")
        _vertebra_pair(writer)

    for part in summarise(content, selection, list(summary.questions)):
        writer.heading(part.heading)
        writer.text(part.intro, space=1.2)
        for item in part.items:
            if item.title:
                writer.text(item.title, size=10, style="B", space=0.4)
            writer.bullets(item.lines)
            pdf.ln(1)
        if part.heading == "Treatments we talked about" and summary.icon_arrays:
            writer.heading("What the numbers say, as 100 people", size=11)
            for array in summary.icon_arrays:
                _icon_array(writer, array)

    if summary.readiness:
        writer.heading("Are you ready to choose?")
        writer.bullets([f"{a.question} {a.answer or 'Not answered'}." for a in summary.readiness])
        writer.text(
            "If any answer is No, that is normal. Talk it over with your care team before you decide.", size=8.5
        )


def _vertebra_pair(writer: _Writer) -> None:
    pdf = writer.pdf
    size = 62
    if pdf.get_y() > pdf.h - 15 - size - 12:
        pdf.add_page()
    y = pdf.get_y()
    for i, after in enumerate((False, True)):
        x = pdf.l_margin + i * (size + 20)
        pdf.set_xy(x, y)
        pdf.set_font(FONT, "B", 9)
        pdf.cell(size, 4, "After a laminectomy" if after else "Before the operation", align="C")
        _vertebra(pdf, x, y + 5, size, after)
    pdf.set_y(y + size + 6)
    writer.text(
        "Seen from above, belly side at the top. A laminectomy takes away the bony roof (dashed outline) "
        "to give the nerves more room. The nerves are the shaded circles.",
        size=8.5,
        width=writer.width,
    )


def _vertebra(pdf: FPDF, x0: float, y0: float, size: float, after: bool) -> None:
    """The app's vertebra drawing (explainer/figures.py), in grey shades and outlines."""
    scale = size / 9.2

    def pt(x: float, y: float) -> tuple[float, float]:
        return x0 + (x + 4.6) * scale, y0 + (4.5 - y) * scale

    def poly(xs: Sequence[float], ys: Sequence[float], grey: int | None, dashed: bool = False) -> None:
        points = [pt(x, y) for x, y in zip(xs, ys, strict=True)]
        if dashed:
            pdf.set_dash_pattern(dash=1.2, gap=0.8)
        if grey is None:
            pdf.polygon(points, style="D")
        else:
            pdf.set_fill_color(grey, grey, grey)
            pdf.polygon(points, style="DF")
        if dashed:
            pdf.set_dash_pattern()

    def oval(cx: float, cy: float, rx: float, ry: float, grey: int) -> None:
        left, top = pt(cx - rx, cy + ry)
        pdf.set_fill_color(grey, grey, grey)
        pdf.ellipse(left, top, 2 * rx * scale, 2 * ry * scale, style="DF")

    def mirror(xs: Sequence[float]) -> list[float]:
        return [-v for v in xs]

    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    oval(0, 2.3, 2.3, 1.45, 235)  # body
    px, py = [-1.5, -0.85, -0.75, -1.35, -1.5], [1.05, 1.05, -0.35, -0.45, 1.05]
    poly(px, py, 235)
    poly(mirror(px), py, 235)
    tx, ty = [-1.4, -3.4, -3.5, -3.3, -1.3, -1.4], [-0.05, 0.05, -0.3, -0.55, -0.5, -0.05]
    poly(tx, ty, 235)
    poly(mirror(tx), ty, 235)
    lx, ly = [-1.35, -0.75, 0.0, 0.0, -1.15, -1.5, -1.35], [-0.45, -0.35, -1.45, -2.05, -1.05, -0.7, -0.45]
    sx, sy = [-0.28, 0.28, 0.22, 0.0, -0.22, -0.28], [-1.7, -1.7, -3.5, -3.75, -3.5, -1.7]
    if after:
        poly(lx, ly, None, dashed=True)
        poly(mirror(lx), ly, None, dashed=True)
        poly(sx, sy, None, dashed=True)
    else:
        poly(lx, ly, 200)
        poly(mirror(lx), ly, 200)
        poly(sx, sy, 235)
    pdf.set_line_width(0.2)
    oval(0, 0.25, 0.72, 0.75, 255)  # canal
    oval(0, 0.35, 0.5, 0.45, 160)  # nerves
    oval(-1.05, -0.05, 0.2, 0.2, 160)
    oval(1.05, -0.05, 0.2, 0.2, 160)
    pdf.set_font(FONT, "", 6.5)
    labels: list[tuple[float, float, str]] = [
        (0, 2.3, "Vertebral body"),
        (0, 4.35, "Front (belly side)"),
        (0, -4.3, "Back (skin side)"),
    ]
    labels.append((1.9, -2.6, "Lamina removed" if after else "Lamina"))
    for lx_, ly_, label in labels:
        x, y = pt(lx_, ly_)
        width = pdf.get_string_width(label)
        pdf.text(x - width / 2, y + 1, label)


def _icon_array(writer: _Writer, array: IconArray) -> None:
    """100 people as a 10 by 10 grid per group: a filled circle for each person counted, an
    empty circle for the rest (shape, not colour, carries the meaning)."""
    pdf = writer.pdf
    pitch, radius = 2.6, 1.0
    grid = pitch * 10
    need = 10 + grid + 14
    if pdf.get_y() > pdf.h - 15 - need:
        pdf.add_page()
    writer.text(array.title, size=9.5, style="B", space=0.5)
    y = pdf.get_y() + 1
    for g, (label, count) in enumerate(array.groups):
        x = pdf.l_margin + g * (grid + 62)
        pdf.set_draw_color(*INK)
        pdf.set_fill_color(*INK)
        pdf.set_line_width(0.2)
        for i in range(100):
            cx = x + (i % 10) * pitch + pitch / 2
            cy = y + (i // 10) * pitch + pitch / 2
            pdf.circle(cx, cy, radius, style="DF" if i < count else "D")
        pdf.set_y(y)
        _block(pdf, f"{count} in 100", x + grid + 2, 56, 8.5, "B", 3.8)
        _block(pdf, label, x + grid + 2, 56, 8, "", 3.5)
    pdf.set_y(y + grid + 1.5)
    writer.text(
        f"Filled circle: {array.outcome[0].lower() + array.outcome[1:] if array.outcome else 'counted'}. "
        f"{array.summary}",
        size=8,
        space=2,
    )


# ------------------------------------------------------------------------------------------
# References: last, one short line each


def _references(writer: _Writer, content: Content, selection: Selection, summary: TakeHome) -> None:
    parts = summarise(content, selection, list(summary.questions))
    extra = [r for o in summary.options for r in o.source_ids]
    extra += [r for a in summary.icon_arrays for r in a.source_ids]
    if summary.readiness:
        extra += [r for q in content.readiness for r in q.source_ids]
    ids = cited(parts, extra)
    refs = [ref for ref in (content.reference(i) for i in ids) if ref is not None]
    if not refs:
        return
    writer.heading("Where this comes from", size=11)
    writer.text("Each source in one line. The Sources page of the guide has the full list.", size=8, space=1)
    pdf = writer.pdf
    pdf.set_font(FONT, "", 7.5)
    for ref in refs:
        pdf.set_x(pdf.l_margin)
        pdf.cell(writer.width, 3.6, _one_line(pdf, _short_reference(ref), writer.width), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _short_reference(ref) -> str:
    """'Weir 2017. Title. BMJ Open. PMID 123.' with no author list (so no 'et al..')."""
    parts = [ref.short.rstrip(".") + "."]
    if getattr(ref, "title", ""):
        parts.append(ref.title.rstrip(".") + ".")
    if getattr(ref, "journal", ""):
        parts.append(ref.journal.rstrip(".") + ".")
    if getattr(ref, "pmid", ""):
        parts.append(f"PMID {ref.pmid}.")
    elif getattr(ref, "doi", ""):
        parts.append(f"DOI {ref.doi}.")
    return " ".join(parts)


def _one_line(pdf: FPDF, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with an ellipsis
        mid = (low + high + 1) // 2
        if pdf.get_string_width(text[:mid].rstrip() + "…") <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def _plain(markdown: str, content: Content) -> str:
    """Prose as plain text: citations as '(Weir 2017)', no Markdown marks."""
    return cite(markdown, content).replace("**", "").replace("*", "").replace("#", "").strip()
