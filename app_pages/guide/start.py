"""Start: what this is for, how common lasting pain is (as 100 people), and the steps, listed once."""

import streamlit as st

from explainer import figures, sections
from explainer_ui import charts, text
from explainer_ui.data import get_content

HOOK = "lasting_pain"  # the evidence row drawn as 100 people: about 1 in 5

content = get_content()
picture, words = st.columns([3, 2], vertical_alignment="center")
with words:
    charts.lead(
        [
            "Some people still have pain after an operation on their back.",
            "**About 1 in 5 people** have pain that lasts. You are not alone.",
            "This guide goes step by step: why pain can go on, and what can help.",
        ]
    )
with picture:
    if any(e.id == HOOK for e in content.evidence):
        # Drawn without plotly: the first page a visitor opens does not wait for plotly's bundle.
        charts.picture(
            charts.evidence_icons_svg(HOOK, charts.font_size()),
            phone=charts.evidence_icons_svg(HOOK, charts.font_size(), narrow=True),
            alt="100 people: about 21 of them have pain that lasts after lower back surgery",
            summary=figures.evidence_icons_summary(content, HOOK),
            data=figures.evidence_icons_table(content, HOOK),
        )

st.header("The steps", anchor=False)
for number, section in enumerate(sections.GUIDED[1:], start=2):
    st.page_link(section.path, label=f"{number}. {section.title}")

with charts.more() as read_more:
    if read_more:
        text.prose("start_intro", "start_names", "start_how_common")
