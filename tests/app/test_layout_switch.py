"""A wide/phone pair switches by the main column's width as well as the screen's: layout.css holds a
rule for every step phone_below can name, and the Treatments page's comparison is drawn both ways
(a table with one column per option, and one headed block per option), from the same table."""

from __future__ import annotations

import re

from explainer import sections
from explainer.figures.numbers import NO_FURTHER
from explainer_ui import charts
from explainer_ui.frame import STYLES
from tests.support.app import markdown_tables, open_page, texts

FIVE = ["physical_therapy", "pain_psychology", "epidural_steroid", "spinal_cord_stimulation", "revision_surgery"]


def test_layout_css_has_a_rule_for_every_step():
    css = (STYLES / "layout.css").read_text(encoding="utf-8")
    assert "container-type: inline-size" in css
    for step in charts.FIT_STEPS:
        rule = re.search(rf"@container \(max-width: ([\d.]+)px\) \{{[^@]*st-key-fit{step}_[^@]*\}}\s*\}}", css)
        assert rule, f"no rule for {step} px"
        assert step - 1 < float(rule.group(1)) < step  # narrower than the step: the phone variant
        assert f'[class*="st-key-fit{step}_"] [class*="st-key-wide_"] {{ display: none !important; }}' in rule.group(0)
        assert f'[class*="st-key-fit{step}_"] [class*="st-key-phone_"] {{ display: flex !important; }}' in rule.group(0)


def test_five_options_are_drawn_as_a_table_and_as_headed_blocks(content):
    at = open_page(sections.by_key("treatments").path, treatments=",".join(FIVE))
    names = [t.name for t in content.treatments if t.id in FIVE]
    [table] = [t for t in markdown_tables(at) if NO_FURTHER in t.columns]
    assert list(table.columns)[1:] == [*names, NO_FURTHER]
    headings = [t.splitlines()[0] for t in texts(at.main) if t.startswith("#### ")]
    assert [*names, NO_FURTHER] == [h.removeprefix("#### ") for h in headings]
    blocks = "\n".join(texts(at.main))
    for facet in table.iloc[:, 0]:  # every row of the table is named in the blocks
        assert f"**{facet}:**" in blocks


def test_no_style_sheet_holds_a_less_than_sign():
    # st.html sends a .css file as <style>...</style>; a "<" inside (even in a comment) stops Streamlit
    # treating it as styles only, and the whole sheet is lost.
    for sheet in STYLES.glob("*.css"):
        assert "<" not in sheet.read_text(encoding="utf-8"), sheet.name
