"""What markup content text may carry (issue 15, M4 and point 3). No Streamlit here.

Content is shown as Markdown (made into HTML here by `to_html`, or by `st.markdown`), which
turns Markdown into images and links. An image or a link to another site in a prose file or a
CSV cell would make every patient's browser fetch it (or offer a click off the machine). The rule:

- allowed: plain text, **bold**, *italic*, lists, headings, the app's citations `[ref:id]`,
  links inside the app (`[Symptoms](/symptoms)`, `[top](#top)`), and `tel:` / `mailto:` links;
- not allowed: any image (`![alt](...)`, reference-style too), raw HTML (`<img>`, `<a>`,
  `<iframe>`, comments), and any link, autolink or bare address that leaves the machine
  (`https://...`, `//host`, `www.`, `javascript:`, `data:`).

`findings(text)` lists what is not allowed, with line and column; the content check reports
each by file, row and field (`content_findings`). `neutralise(text)` is the run-time backstop
before either: images become their alt text, outside links their words, raw HTML and
bare addresses are shown as text, never fetched. `escape(text)` shows any text (e.g. a value
from the address bar) exactly as typed, with no Markdown at all.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

# Fields whose value is an address by design (a reference's record), not text shown as Markdown.
ADDRESS_FIELDS = frozenset({"url", "doi", "pmid"})
# Settings (key, value) whose value is an address or a path by design: the app's own public
# address (printed on the take-home sheet as text) and the logo's path inside content/.
ADDRESS_SETTINGS = frozenset({"public_address", "clinic_logo"})

_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\s*(?:\((?P<target>[^)]*)\)|\[[^\]]*\])")
_LINK = re.compile(r"(?<!!)\[(?P<words>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+[^)]*)?\)")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target>\S+).*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<target>[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_HTML = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--|![A-Za-z][^<>]*)>", re.S
)
_BARE = re.compile(r"(?<![\w/@.])(?:(?:https?|ftp|wss?|file):)?//[^\s<>()\[\]]+|(?<![\w/@.])www\.[^\s<>()\[\]]+", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Finding:
    kind: str  # "image", "html", "link", "address"
    line: int
    column: int
    snippet: str

    @property
    def message(self) -> str:
        what = {
            "image": "an image; content may not show pictures from a link. Remove it",
            "html": "HTML code; write plain text instead",
            "link": "a link that leaves the app; write the name of the site in words instead",
            "address": "a web address; write the name of the site in words instead",
        }[self.kind]
        return f"line {self.line}, column {self.column}: '{self.snippet[:60]}' is {what}."


def internal_target(target: str) -> bool:
    """True for a link that stays in the app (or dials / writes an e-mail), never a fetch."""
    target = target.strip().strip("<>")
    if target.startswith("//"):
        return False
    if target.startswith(("/", "#")):
        return True
    scheme = _SCHEME.match(target)
    if scheme:
        return scheme.group(0).lower() in {"tel:", "mailto:"}
    return not target.lower().startswith("www.")  # a relative page name such as "symptoms"


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _spans(text: str) -> list[tuple[int, int, str, re.Match]]:
    """Non-overlapping pieces of disallowed markup: (start, end, kind, match), by position."""
    found: list[tuple[int, int, str, re.Match]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int) -> bool:
        return not any(a <= start < b for a, b in taken)

    def add(kind: str, match: re.Match) -> None:
        if free(match.start()):
            taken.append(match.span())
            found.append((match.start(), match.end(), kind, match))

    for m in _IMAGE.finditer(text):
        add("image", m)
    for m in _LINK.finditer(text):
        if not internal_target(m.group("target")):
            add("link", m)
        elif free(m.start()):
            taken.append(m.span())  # an allowed link: its address is not a bare address
    for m in _DEFINITION.finditer(text):
        if not internal_target(m.group("target")):
            add("link", m)
    for m in _AUTOLINK.finditer(text):
        if not internal_target(m.group("target")):
            add("link", m)
    for m in _HTML.finditer(text):
        add("html", m)
    for m in _BARE.finditer(text):
        add("address", m)
    return sorted(found, key=lambda item: item[0])


def findings(text: str) -> list[Finding]:
    """Everything in `text` that the app does not allow, in order of position."""
    return [Finding(kind, *_position(text, start), m.group(0)) for start, _, kind, m in _spans(text)]


def allowed(text: str) -> bool:
    return not findings(text)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$])")


def escape(text: str) -> str:
    """Text shown exactly as typed by `st.markdown`: no link, image, emphasis or directive."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def table(header: Sequence[object], rows: Iterable[Sequence[object]], *, as_typed: bool = True) -> str:
    """A Markdown table. Its cells show their text exactly as typed (no links, images or emphasis),
    or with `as_typed=False` keep their Markdown (bold labels) with only `|` escaped; a line break
    becomes a space. The browser draws it as a plain <table> with a header row: several times
    cheaper to draw than `st.table`'s component, and read the same way by a screen reader."""

    def cell(value: object) -> str:
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        text = " ".join(("" if missing else str(value)).split())
        return (escape(text) if as_typed else text.replace("|", "\\|")) or " "

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def table_html(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """The same table as `table` (cells as typed, a line break a space, a missing value empty),
    made straight into HTML: every cell is escaped, nothing in it is read as Markdown. A chart's
    table is the same on most runs of its page: its HTML is kept (a few hundred escaped cells a
    run otherwise). Its cells are the content's words and which of its items are marked, as the
    figures' own cache keys are; never typed words."""
    header, rows = tuple(header), tuple(tuple(row) for row in rows)
    try:
        return _table_html(header, rows)
    except TypeError:  # a cell that cannot be a cache key (a list): made, not kept
        return _table_html.__wrapped__(header, rows)


@lru_cache(maxsize=256)
def _table_html(header: tuple[object, ...], rows: tuple[tuple[object, ...], ...]) -> str:
    def cell(value: object, tag: str) -> str:
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        return f"<{tag}>{html.escape(' '.join(('' if missing else str(value)).split()))}</{tag}>"

    head = "".join(cell(h, "th") for h in header)
    body = "".join("<tr>" + "".join(cell(v, "td") for v in row) + "</tr>\n" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def picture_html(wide_svg: str, phone_svg: str, alt: str) -> str:
    """A drawing made without plotly (explainer.figures.icons), wide and for a phone, as images
    with their text alternative: one element in the page, not four. layout.css shows one of the two
    by the screen's width. Each image says its size, so the page is laid out once, not again when
    the image is decoded. The SVG is the app's own (its text escaped where it is made), carried in
    the address of the image itself: nothing is fetched."""
    return image_html(wide_svg, alt, "picture-wide") + image_html(phone_svg, alt, "picture-phone")


def image_html(svg: str, alt: str, css_class: str = "picture") -> str:
    """One drawing made without plotly as an image with its text alternative and its size (see
    `picture_html`)."""
    size = _SVG_SIZE.search(svg)
    if size is None:
        raise ValueError(f"the {css_class} drawing does not start with <svg ... width=... height=...>")
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f'<img class="{html.escape(css_class, quote=True)}" src="data:image/svg+xml;base64,{data}" '
        f'width="{size["width"]}" height="{size["height"]}" alt="{html.escape(alt, quote=True)}" />'
    )


_SVG_SIZE = re.compile(r'\A<svg\b[^>]*?\swidth="(?P<width>[\d.]+)"[^>]*?\sheight="(?P<height>[\d.]+)"')


def table_fold_html(label: str, header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A table (`table_html`) in a fold the browser opens by itself (`fold_html`)."""
    return _fold(label, table_html(header, rows))


def _replacement(kind: str, m: re.Match) -> str:
    if kind == "image":
        return escape(m.group("alt"))
    if kind == "link" and m.re is _LINK:
        return escape(m.group("words"))
    if kind == "link" and m.re is _DEFINITION:
        return ""  # a reference-style definition: its words stay where they are used
    return escape(m.group(0))  # raw HTML and bare addresses: shown as typed, never fetched


def neutralise(text: str) -> str:
    """The run-time backstop before `st.markdown`: keep what is allowed, show the rest as words."""
    if "<" not in text and "[" not in text and "/" not in text and "www." not in text.lower():
        return text  # nothing that could be markup of the kinds above: the common case, fast
    out: list[str] = []
    position = 0
    for start, end, kind, m in _spans(text):
        out += [text[position:start], _replacement(kind, m)]
        position = end
    out.append(text[position:])
    return "".join(out)


def content_findings(content) -> list[tuple[str, str, int | None, str | None]]:
    """(file, message, row, field) for every disallowed piece of markup in loaded content: each
    text cell of each table (not the address fields of references) and each prose block."""
    out: list[tuple[str, str, int | None, str | None]] = []
    for file in content.tables:
        for line, row in content.numbered(file):
            if file == "settings.csv" and getattr(row, "key", None) in ADDRESS_SETTINGS:
                continue
            for field_name, value in row:
                if field_name in ADDRESS_FIELDS:
                    continue
                for text in value if isinstance(value, list | tuple) else [value]:
                    if not isinstance(text, str):
                        continue
                    for finding in findings(text):
                        message = finding.message.split(": ", 1)[1] if finding.line == 1 else finding.message
                        out.append((file, message, line, field_name))
    for block, text in content.prose.items():
        for finding in findings(text):
            out.append((f"prose/{block}.md", finding.message.split(": ", 1)[1], finding.line, "text"))
    return out


# Streamlit's icon syntax, the one directive the app's own text uses; its name is letters and "_".
_ICON = re.compile(r"(?<!\\):material/([a-z_]+):")
_ICON_MARK = re.compile("\ue000([a-z_]+)\ue001")
_PRIVATE = re.compile("[\ue000\ue001]")


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table").disable("image")  # no image is ever fetched; raw HTML is shown as text

    def link_open(renderer, tokens, idx, options, env):
        token = tokens[idx]
        if not str(token.attrGet("href") or "").startswith("#"):  # as st.markdown: a new tab
            token.attrSet("target", "_blank")
            token.attrSet("rel", "noopener noreferrer")
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


_MARKDOWN = _markdown_it()


def to_html(text: str, *, remember: bool = False, small: bool = False) -> str:
    """Markdown as HTML for `st.html`: the browser draws it several times faster than
    `st.markdown` (which parses Markdown in the page on every move). Raw HTML is escaped, no image
    is drawn, `javascript:` and `data:` links stay text (markdown-it's own check), and the
    browser's sanitiser runs on the result as well. Content text has been through `neutralise`
    (by `cite`) before it gets here, as it had for `st.markdown`. Streamlit's icon syntax
    (`:material/help:`) becomes the same icon, hidden from screen readers (the words say it).

    `remember=True` keeps the result for the next page move: only for the content's own words
    (whichever part of them a page shows), never text that holds what a patient picked, typed or
    guessed, so nothing of a patient outlives them.
    `small=True`: a note in small grey type, as `st.caption` draws it."""
    made = _remembered_html(text) if remember else _html(text)
    return f'<div class="small">{made}</div>' if small else made


def parts_html(mine: str, words: str) -> str:
    """A line that holds what this patient marked, made each time, then the content's own words,
    kept (`to_html` with `remember=True`): one element, and only the short line is made again."""
    return to_html(mine) + to_html(words, remember=True)


@lru_cache(maxsize=512)
def _remembered_html(text: str) -> str:
    return _html(text)


def fold_html(
    label: str,
    text: str | Sequence[str],
    *,
    expanded: bool = False,
    icon: str | None = None,
    remember: bool = False,
) -> str:
    """A fold the browser opens by itself (<details>): the label (one line of Markdown) and the
    text, made as `to_html` makes them. Nothing waits for the server: a tap or Enter opens it,
    a screen reader hears a button that is expanded or collapsed. For text only, never a control.
    `text` may be a list of whole Markdown blocks, each made (and kept) on its own: a block that
    was shown before is not made again when others around it change. `remember`: as for `to_html`
    (the text's HTML is kept; whether the fold is open never is)."""
    return _fold(
        label, blocks_html([text] if isinstance(text, str) else text, remember=remember), expanded=expanded, icon=icon
    )


def blocks_html(blocks: Sequence[str], *, remember: bool = False) -> str:
    """Whole Markdown blocks one after another, each made (and kept, with `remember`) on its own: a
    block shown before is not made again when others around it change."""
    return "".join(to_html(b, remember=remember) for b in blocks)


def _fold(label: str, body: str, *, expanded: bool = False, icon: str | None = None) -> str:
    """The <details> around HTML already made: the label is one line of Markdown, escaped here."""
    return (
        f'<details class="fold"{" open" if expanded else ""}><summary><span>{_fold_head(label, icon)}</span></summary>'
        f'<div class="fold-body">{body}</div></details>'
    )


@lru_cache(maxsize=512)
def _fold_head(label: str, icon: str | None) -> str:
    """A fold's label as HTML, kept: labels are the content's words or the app's own."""
    head = _MARKDOWN.renderInline(_PRIVATE.sub("", label))
    return f"{icon_html(icon)} {head}" if icon else head


def folds_html(folds: Iterable[tuple[str, str, bool]], *, remember: bool = False) -> str:
    """(label, text, open) folds one under another (`fold_html` each)."""
    return "".join(fold_html(label, text, expanded=expanded, remember=remember) for label, text, expanded in folds)


def boxes_html(texts: Iterable[str], *, remember: bool = False) -> str:
    """Texts one under another, each in a box with a border (as st.container(border=True) draws):
    one element for the browser to draw, not a box and a text each. `remember`: as for `to_html`."""
    return "".join(f'<div class="box">{to_html(text, remember=remember)}</div>' for text in texts)


def icon_html(name: str) -> str:
    """`:material/help:` or `help` as the icon, hidden from screen readers (words beside it say it)."""
    name = _ICON.sub(r"\1", name)
    if not re.fullmatch(r"[a-z_]+", name):
        raise ValueError(f"not an icon name: {name!r}")
    return f'<span class="icon" aria-hidden="true">{name}</span>'


# A line with none of these is a paragraph of plain words to CommonMark: no emphasis, link, code,
# entity, escape, heading, list, quote, table or icon. (A digit first could start a numbered list.)
_PLAIN_LINE = re.compile(r"[A-Za-z(\"'][^\\`*_\[\]<>#|!~&\n\r\x00\ue000\ue001]*")


def _plain_html(text: str) -> str | None:
    """What markdown-it makes of one line of plain words, made without it (most of the app's
    generated sentences); None if the line may hold Markdown."""
    if ":material/" in text or text != text.strip() or not _PLAIN_LINE.fullmatch(text):
        return None
    return "<p>" + html.escape(text, quote=False).replace('"', "&quot;") + "</p>\n"


def described_html(summary: str, header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """A picture's words: its one-sentence summary after "In words:", and its data as a table in a
    fold (`table_fold_html`), as one element."""
    plain = _plain_html(summary)
    words = f"<p><strong>In words:</strong> {plain.removeprefix('<p>')}" if plain else _html(f"**In words:** {summary}")
    return words + table_fold_html("See this chart as a table", header, rows)


def _html(text: str) -> str:
    plain = _plain_html(text)
    if plain is not None:
        return plain
    marked = _ICON.sub(lambda m: f"\ue000{m.group(1)}\ue001", _PRIVATE.sub("", text))
    rendered = _MARKDOWN.render(marked)
    return _ICON_MARK.sub(lambda m: icon_html(m.group(1)), rendered)
