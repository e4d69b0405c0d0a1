"""The review pack builds from the content the app loads and names every row of every table."""

from explainer import review_pack
from explainer.readability import block_label
from explainer.schema import PROSE_BLOCKS, TABLES
from tests.support.commands import run_module


def test_pack_names_every_row_of_every_table(content):
    text = review_pack.render(content)
    missing = [
        f"{file}: {block_label(file, row)}"
        for file in TABLES
        for row in content.rows(file)
        if f"`{file}: {block_label(file, row)}`" not in text
    ]
    assert missing == []
    assert all(content.rows(file) for file in TABLES), "a table is empty or broken"


def test_pack_has_every_prose_block_every_page_and_a_sign_off(content):
    text = review_pack.render(content)
    for block in PROSE_BLOCKS:
        assert f"`prose/{block}.md, paragraph 1`" in text, block
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert "## Not yet placed on a page" not in headings  # every table and block has a page
    assert headings[-1] == "## Sign-off"
    for line in ("- Name:", "- Role:", "- Date (YYYY-MM-DD):", "- Signature:"):
        assert line in text
    assert content.review_status().text in text


def test_each_claim_gives_its_basis_and_its_sources(content):
    text = review_pack.render(content)
    link = content.links[0]
    block = text.split(f"`treatment_symptom_links.csv: {link.treatment_id}/{link.symptom_id}`", 1)[1]
    block = block.split("#### ", 1)[0]
    assert f"Basis: **{review_pack.BASIS_LABELS[link.basis].lower()}**" in block
    for ref_id in link.source_ids:
        ref = content.reference(ref_id)
        assert ref is not None and ref.title in block
        assert ("verified from a record" if ref.verified else "NOT YET VERIFIED") in block


def test_unverified_references_are_marked(content):
    text = review_pack.render(content)
    for ref in content.references:
        if not ref.verified:
            assert f"NOT YET VERIFIED**; id `{ref.id}`" in text


def test_command_writes_the_file(tmp_path):
    out = tmp_path / "pack.md"
    result = run_module("explainer.review_pack", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Content review pack")


def test_pages_of_the_pack_are_the_apps_sections():
    from explainer import sections

    keys = {s.key for s in sections.SECTIONS}
    assert set(review_pack.PAGE_CONTENT) - {review_pack.EVERY_PAGE} <= keys
    placed = [item for items in review_pack.PAGE_CONTENT.values() for item in items]
    assert len(placed) == len(set(placed))  # each file or block is on one page of the pack
    assert set(placed) == set(TABLES) | set(PROSE_BLOCKS)


def test_pack_shows_every_field_the_readability_check_grades():
    from explainer.readability import READ_FIELDS

    for file, fields in READ_FIELDS.items():
        assert set(fields) <= set(review_pack.fields_of(file)), file


def test_pack_lists_each_treatments_recovery_with_what_it_rests_on(content):
    text = review_pack.render(content)
    for t in content.treatments:
        claim = text.split(f"`treatments.csv: {block_label('treatments.csv', t)}`", 1)[1].split("#### ", 1)[0]
        assert f"> *recovery*: {t.recovery}" in claim, t.id
        assert f"> *recovery_basis*: {str(t.recovery_basis).replace('_', ' ')}" in claim, t.id
