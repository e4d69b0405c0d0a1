"""Your summary: this patient's choices in plain words, what matters to them, the options side by
side, the warning signs, a link (and, at a public address, a QR code) to reopen it all at home,
a print button and the take-home PDF. What it shows first matches the PDF's first page."""

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from explainer.handout import build_handout
from explainer.qr import can_offer_qr, dark_runs, public_address, qr_png, take_home_link
from explainer.schema import recovery_text
from explainer.selection import to_address
from explainer.summary import (
    LINK_ONLY_HERE,
    LINK_PUBLIC,
    LOOK_AGAIN_HEADING,
    NO_QUESTIONS,
    TakeHome,
    choices_from,
    cited,
    summarise,
    take_home,
)
from explainer_ui import charts, state, text
from explainer_ui.data import get_content
from explainer_ui.download import personal_download_button
from explainer_ui.fold import fold

# Parts of the page by key: the print style sheet below hides the controls and the details.
CONTROLS = "summary_controls"
DETAILS = "summary_details"
TAKE_AWAY = "summary_take_away"
OPTIONS = "summary_options"
PICTURE = "summary_picture"


def picture() -> None:
    """Where the patient stands on the options: not printed (the print is the PDF's first page)."""
    with st.container(key=PICTURE):
        st.subheader("How you feel about each option", anchor=False)
        charts.where_you_stand("summary_where_you_stand")


def _bullets(lines: Sequence[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _first_sentence(value: str, limit: int = 160) -> str:
    value = " ".join(value.split())
    end = value.find(". ")
    first = value if end < 0 else value[: end + 1]
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def options_side_by_side(summary: TakeHome) -> None:
    """The options talked about, in content order (never ranked), with the patient's own leaning."""
    if not summary.options:
        return
    st.header("Your options side by side", anchor=False)
    st.caption("The options we talked about, in no order. This page does not pick one for you.")
    with st.container(key=OPTIONS):
        per_row = 4 if len(summary.options) == 4 else 3
        for start in range(0, len(summary.options), per_row):
            row = summary.options[start : start + per_row]
            for column, option in zip(st.columns(per_row), row, strict=False):
                with column, st.container(border=True):
                    lines = [
                        f"**{option.name}**",
                        f"*How you feel:* **{option.leaning}**",
                        f"*What it involves:* {_first_sentence(option.involves)}",
                        f"*Chance it helps:* {_first_sentence(option.benefit)}",
                        f"*Possible harms:* {_first_sentence(option.harms)}",
                        f"*Recovery:* {recovery_text(_first_sentence(option.recovery), option.recovery_basis)}",
                    ]
                    if option.certainty:
                        lines.append(f"*How sure the research is:* {option.certainty}")
                    text.show("\n\n".join(lines))


def take_home_link_part(summary: TakeHome, link: str) -> None:
    """The link as a tappable link; a QR code beside it only at a public address."""
    st.header("Open it again at home", anchor=False)
    if not link:
        text.show("Mark something on the pages first. Then a link to your choices shows here.", remember=True)
        return
    if not summary.link_is_public:
        text.show(f"[{link}](<{link}>)")
        st.warning(LINK_ONLY_HERE + " The link holds your choices, never your name.", icon=":material/computer:")
        return
    words, code = st.columns([3, 2], vertical_alignment="center")
    with words:
        text.show(f"[{link}](<{link}>)")
        text.show(LINK_PUBLIC + " The link holds your choices, never your name.")
    if can_offer_qr(link):
        # Whole pixels per module at about 240 px, shown as made (a resized or JPEG code blurs).
        modules = dark_runs(link)[0] + 8
        png = qr_png(link, scale=max(3, 240 // modules))
        with code, st.container(key="summary_qr"):
            st.image(png, caption="Scan to open your summary", output_format="PNG")


content = get_content()
selection = state.selection()
choices = choices_from(selection)
address = public_address(content.settings)
# The choices as the address writes them ("leanings=a:leaning"): short and readable, so the QR stays small.
query = urlencode(to_address(selection, consult=False), safe=",:")
summary = take_home(content, selection, choices, address=address, query=query, today=date.today())
link = summary.link
if link and not summary.link_is_public:
    # This computer's own address (st.context.url: the page's address in the browser, with no query).
    here = (st.context.url or "").split("?")[0].rstrip("/")
    base = here.removesuffix("/summary")
    link = take_home_link(base, query) if base.startswith("http") else link

# Printing: only what the PDF's first page holds (no controls, details or sources), on A4.
st.html(
    """<style>
@media print {
  .st-key-summary_controls, .st-key-summary_details, .st-key-summary_take_away, .st-key-summary_picture,
  [data-testid="stExpander"] { display: none !important; }
  .st-key-summary_options [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; }
  .st-key-summary_options [data-testid="stColumn"] { min-width: 0 !important; }
  * { color: #000 !important; background: #fff !important; box-shadow: none !important; }
  img { filter: grayscale(1); }
  @page { size: A4; margin: 10mm 12mm; }
  .stMainBlockContainer [data-testid="stMarkdownContainer"],
  .stMainBlockContainer [data-testid="stMarkdownContainer"] p,
  .stMainBlockContainer [data-testid="stMarkdownContainer"] li,
  .stMainBlockContainer p, .stMainBlockContainer li,
  .stMainBlockContainer [data-testid="stCaptionContainer"] { font-size: 9pt !important; line-height: 1.3 !important; }
  .stMainBlockContainer h1, .stMainBlockContainer h1 * { font-size: 16pt !important; padding: 0 !important; }
  .stMainBlockContainer h2, .stMainBlockContainer h2 * { font-size: 12pt !important; padding: 0.3em 0 0 !important; }
  .stMainBlockContainer h3, .stMainBlockContainer h3 * { font-size: 10.5pt !important; padding: 0.2em 0 0 !important; }
  .stMainBlockContainer p, .stMainBlockContainer li { margin-bottom: 0.1em !important; }
  .stMainBlockContainer [data-testid="stVerticalBlock"] { gap: 0.25rem !important; }
  .st-key-summary_options [data-testid="stVerticalBlockBorderWrapper"],
  .st-key-summary_options [data-testid="stVerticalBlock"] { break-inside: avoid; }
  .st-key-summary_qr img { width: 30mm !important; height: 30mm !important; }
}
</style>"""
)
head = summary.header
text.show(
    f"**From your visit on {head.date_text}**" + (f" · {text.plain(head.clinic_name)}" if head.clinic_name else "")
)
if head.is_draft:
    st.caption(head.review_text)
if state.consult():  # picture first
    picture()

with st.container(key=CONTROLS):
    # Closed, its five lists are not drawn (they cost more than the rest of the page to show).
    with fold("Check or change your choices", key="choices", icon=":material/edit_note:") as is_open:
        if is_open:
            state.choices_editor()
    if selection.is_empty():
        st.info(
            "Nothing is picked yet. Use the pick lists on the pages about causes, symptoms and treatments, "
            "or open “Check or change your choices” above.",
            icon=":material/edit_note:",
        )

st.header("What we talked about", anchor=False)
for pick in summary.picks:
    text.show(f"**{pick.heading}:** " + "; ".join(pick.names) + ".")
if summary.what_matters:
    text.show("**What matters most to you:** " + "; ".join(summary.what_matters) + ".")
else:
    text.show("**What matters most to you:** not said yet. The “What matters to you” page asks this.", remember=True)
answered = [a for a in summary.readiness if a.answer]
if answered:
    text.show("**Ready to choose?**\n\n" + _bullets(f"{a.question} **{a.answer}**" for a in answered))

st.subheader("Questions to ask", anchor=False)
text.show(_bullets(summary.questions) if summary.questions else NO_QUESTIONS)

if summary.look_again:
    st.subheader(LOOK_AGAIN_HEADING, anchor=False)
    text.show(_bullets(f"{item.question} See [{item.page}](<{item.link}>)." for item in summary.look_again))

if not state.consult() and state.picks("treatments"):  # at home, once there are options to show
    picture()
options_side_by_side(summary)
text.warning_signs(content)
take_home_link_part(summary, link)

with st.container(key=TAKE_AWAY):
    st.header("Print or take it with you", anchor=False)
    st.button(
        "Print this page", icon=":material/print:", key=state.Keys.PRINT, on_click=state.ask_print, type="secondary"
    )
    asked = state.take_print_request()
    if asked:
        # The browser's print window, once per press: a container keyed by the press count is a new
        # element each time, so the fixed script runs again (the browser's menu is hidden in consult mode).
        with st.container(key=f"print_{asked}"):
            st.html("<script>window.print();</script>", unsafe_allow_javascript=True)
    name = st.text_input(
        "Name to print on the summary (optional)",
        key=state.Keys.HANDOUT_NAME,
        max_chars=80,
        help="Printed on the PDF only. It is not saved or sent anywhere.",
    )
    # The PDF holds the name: it is made on press, kept for this browser until fetched, then removed.
    personal_download_button(
        "Download summary (PDF)",
        lambda: build_handout(
            content, selection, choices=choices, patient_name=name, today=date.today(), address=address, query=query
        ),
        file_name="summary-pain-after-back-surgery.pdf",
        icon=":material/download:",
        type="primary",
        key=state.Keys.DOWNLOAD_SUMMARY,
    )

with st.container(key=DETAILS):
    st.header("More detail", anchor=False)
    # The long read, folded: closed, none of it is drawn (the PDF holds it all).
    with fold("Each part in more detail, and where it comes from", key="details") as is_open:
        if is_open:
            parts = summarise(content, selection, list(summary.questions))
            for part in parts:
                if part.heading in ("When to get help", "Questions to ask"):
                    continue  # shown above
                st.subheader(part.heading, anchor=False)
                text.show(part.intro)
                for item in part.items:
                    if item.title:
                        text.show(f"**{item.title}**")
                    text.show(_bullets(item.lines))
            text.sources(cited(parts))
