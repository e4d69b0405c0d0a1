"""An icon array drawn as plain SVG, for the start page: 100 people, the ones counted filled.

The start page is the first a visitor opens. A plotly chart there makes the browser fetch and run
plotly's bundle (about 4.7 MB) before the page is drawn, which doubled the first load; this drawing
needs no script. It follows the plotly icon arrays' look (numbers.py): filled blue circles for the
people counted, grey rings for the others, so shape as well as colour tells them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from explainer.figures.base import BLUE, GREY, INK, NARROWEST_CHART, VERMILLION, sizes, wrap_lines

PER_ROW = 10


def icon_array_svg(
    groups: Sequence[tuple[str, int]], *, heading: str, font_size: float = 16, narrow: bool = False
) -> str:
    """Under a bold heading, each group (label, count out of 100) as a 10 x 10 array, its count and
    label beside it (or above it, `narrow`: for a phone). Text is at the page's body size; the
    drawing is shown as an image (st.image with its alt text), so nothing in it can run or fetch."""
    _small, label_px, _head = sizes(font_size)
    cell = round((1.35 if narrow else 1.8) * font_size)
    radius = 0.36 * cell
    line = round(1.3 * label_px)
    char_px = 0.55 * label_px
    grid = PER_ROW * cell
    label_chars = max(10, int(grid / char_px)) if narrow else 16
    labels = [wrap_lines(label, label_chars) for label, _ in groups]
    label_width = 0 if narrow else round(char_px * label_chars) + cell
    block = grid + label_width  # one group's width
    gap = 2 * cell
    width = len(groups) * block + (len(groups) - 1) * gap
    head = wrap_lines(heading, max(label_chars, int(width / char_px)))
    top = line * len(head) + line // 2  # the groups start under the heading
    above = line * (1 + max((len(lines) for lines in labels), default=0)) if narrow else 0
    height = top + above + grid
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="sans-serif" fill="{INK}">'
    ]
    parts += [
        f'<text x="0" y="{line * (i + 1) - 4}" font-size="{label_px}" font-weight="bold">{escape(text)}</text>'
        for i, text in enumerate(head)
    ]
    for g, ((_label, count), lines) in enumerate(zip(groups, labels, strict=True)):
        x0 = g * (block + gap)
        words_x, words_y = (x0, top) if narrow else (x0 + grid + cell // 2, top)
        parts.append(
            f'<text x="{words_x}" y="{words_y + line - 4}" font-size="{label_px}" font-weight="bold">'
            f"{count} in 100</text>"
        )
        parts += [
            f'<text x="{words_x}" y="{words_y + line * (i + 2) - 4}" font-size="{label_px}">{escape(text)}</text>'
            for i, text in enumerate(lines)
        ]
        for k in range(100):
            cx = x0 + (k % PER_ROW) * cell + cell / 2
            cy = top + above + (k // PER_ROW) * cell + cell / 2
            if k < count:
                style = f'fill="{BLUE}" stroke="{INK}" stroke-width="1.5"'
            else:
                style = f'fill="none" stroke="{GREY}" stroke-width="2"'
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" {style}/>')
    parts.append("</svg>")
    return "".join(parts)


# About how wide a letter is drawn, in em (bold letters are a little wider): for wrapping.
LETTER_EM = 0.55


def icon_rows_svg(
    panels: Sequence[tuple[str, str, str, Sequence[tuple[str, int]]]],
    *,
    font_size: float = 16,
    width: int = NARROWEST_CHART,
) -> str:
    """For a phone: each panel (title, what happened, "benefit" or "harm", groups) under its title
    in bold and what happened, its groups' arrays side by side (two at most), each under its count
    and label. People a harm happened to are vermilion squares, a benefit blue circles, the others
    grey rings: shape as well as colour. Text at the page's body size, `width` px wide (the
    narrowest phone's column), so it is never shrunk to fit."""
    _small, label_px, _head = sizes(font_size)
    line = round(1.3 * label_px)
    chars = max(10, int(width / (LETTER_EM * label_px)))
    cell = width / (2 * 10 + 2.2)
    radius = 0.36 * cell
    group_chars = max(8, int(10 * cell / (LETTER_EM * label_px)))
    parts: list[str] = []
    y = 0

    def text(x: float, lines: list[str], bold: bool = False) -> None:
        nonlocal y
        weight = ' font-weight="bold"' if bold else ""
        for words in lines:
            y += line
            parts.append(f'<text x="{x:.1f}" y="{y - 4}" font-size="{label_px}"{weight}>{escape(words)}</text>')

    for title, outcome, kind, groups in panels:
        text(0, wrap_lines(title, chars), bold=True)
        text(0, wrap_lines(outcome, chars))
        y += line // 2
        top = y
        bottoms = []
        what = " had this harm" if kind == "harm" else ""
        for g, (label, count) in enumerate(groups[:2]):
            x0 = g * 12.2 * cell
            y = top
            text(x0, wrap_lines(f"{count} in 100{what}", group_chars), bold=True)
            text(x0, wrap_lines(label, group_chars))
            bottoms.append(y)
        array_top = max(bottoms, default=top) + line // 3
        for g, (_label, count) in enumerate(groups[:2]):
            x0 = g * 12.2 * cell
            for k in range(100):
                cx = x0 + (k % PER_ROW) * cell + cell / 2
                cy = array_top + (k // PER_ROW) * cell + cell / 2
                if k >= count:
                    style = f'fill="none" stroke="{GREY}" stroke-width="1.5"'
                    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" {style}/>')
                elif kind == "harm":
                    side = 2 * radius
                    parts.append(
                        f'<rect x="{cx - radius:.1f}" y="{cy - radius:.1f}" width="{side:.1f}" height="{side:.1f}" '
                        f'fill="{VERMILLION}" stroke="{INK}" stroke-width="1"/>'
                    )
                else:
                    style = f'fill="{BLUE}" stroke="{INK}" stroke-width="1"'
                    parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" {style}/>')
        y = round(array_top + 10 * cell + line)
    height = max(y, line)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="sans-serif" fill="{INK}">'
    )
    return head + "".join(parts) + "</svg>"
