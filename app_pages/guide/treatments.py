"""Treatments: the options this patient talked about, side by side with "No further treatment";
then every option from least to most invasive, each with what it involves, what it may do, its
risks, what guidelines say and how sure the research is."""

from contextlib import nullcontext

import pandas as pd
import streamlit as st

from explainer import figures
from explainer.figures.numbers import NO_FURTHER
from explainer_ui import charts, compare, state, text
from explainer_ui.data import get_content

content = get_content()
consult = state.consult()
steps = {c.id: c.label for c in content.categories("invasiveness")}


def numbers_picture(ids: tuple[str, ...], with_numbers: tuple[str, ...]) -> None:
    st.subheader("As 100 people", anchor=False)
    charts.chart(
        # Outside consult mode, drawn to fit a phone (the take-home reading).
        charts.treatment_numbers(with_numbers, figures.body_px(consult), narrow=not consult),
        alt="Icon arrays: out of 100 people, how many had a benefit or a harm, for the options you talked about",
        summary=figures.treatment_numbers_summary(content, ids),
        data=figures.treatment_numbers_table(content, ids),
        key="treatment_numbers_chart",
        # Consult mode's type on a phone: the same numbers drawn to fit it, as an image.
        phone=charts.treatment_numbers_svg(with_numbers, figures.body_px(consult)) if consult else None,
    )


def ladder_picture(marked: tuple[str, ...]) -> None:
    st.header("All the options, from least to most invasive", anchor=False)
    charts.chart(
        charts.treatment_ladder(marked),
        alt="Chart of the treatment options, ordered from least to most invasive",
        summary=(
            f"{sum(t.invasiveness == next(iter(steps)) for t in content.treatments)} of the "
            f"{len(content.treatments)} options need no needle or operation. "
            f"The most invasive is {content.treatments[-1].name.lower()}."
            + (" The options you talked about have a bigger mark with a thick ring." if marked else "")
        ),
        data=pd.DataFrame(
            {
                "Treatment": [t.name for t in content.treatments],
                "Type": [steps[t.invasiveness] for t in content.treatments],
                "How sure the research is": [t.certainty.capitalize() for t in content.treatments],
                "Talked about": ["Yes" if t.id in marked else "" for t in content.treatments],
            }
        ),
        key="ladder_chart",
    )


# In the consult the picture comes first, above the picks it follows: the options talked about as
# 100 people, or, when none of them has numbers, every option from least to most invasive.
picture = st.container() if consult else nullcontext()
if not consult:  # at home, read first
    text.prose("treatments_intro")

st.header("Compare the options you talked about", anchor=False)
state.pick_list("treatments", [t.id for t in content.treatments], state.PICK_LABELS["treatments"])
discussed = [t for t in content.treatments if t.id in set(state.picks("treatments"))]
ids = tuple(t.id for t in discussed)
with_numbers = tuple(i for i in ids if figures.load_places().numbers_for(i))
ladder_first = consult and not with_numbers
if not discussed:
    st.info(
        "Pick the options you talked about, above. They will be shown side by side here, "
        f"with a row for {NO_FURTHER.lower()}.",
        icon=":material/touch_app:",
    )
else:
    if with_numbers:
        with picture:
            numbers_picture(ids, with_numbers)
    st.subheader("Side by side", anchor=False)
    # One column per option, "No further treatment" last: read across to compare (on a phone, one
    # block per option, one under the other).
    compare.side_by_side(figures.treatment_compare_table(content, ids))

if consult:  # the words under "Read more": the picture and the comparison stay first
    with charts.more() as read_more:
        if read_more:
            text.prose("treatments_intro")

if ladder_first:
    with picture:
        ladder_picture(ids)
    st.header("Each option", anchor=False)
else:
    ladder_picture(ids)

chosen = {t.id for t in discussed}
# Open for the options this patient talked about. Benefits and risks sit side by side (one under
# the other on a phone: layout.css, by the key).
with st.container(key=text.CARDS):
    text.show_folds(
        [
            (f"**{t.name}** · {steps[t.invasiveness]}", text.treatment_card(t), t.id in chosen)
            for t in content.treatments
        ],
        remember=True,  # the cards' words are the content's; which are open is not kept
    )
