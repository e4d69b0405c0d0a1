"""A broken glossary costs the word explanations, not the app: every page works and says which file."""

import pytest

from explainer import sections
from tests.support.app import open_page

BREAKAGES = {
    "garbage": lambda path: path.write_bytes(b'\x00\xff\xfe garbage,,,\n"unclosed\n'),
    "empty": lambda path: path.write_text("", encoding="utf-8"),
    "deleted": lambda path: path.unlink(),
}


@pytest.fixture(autouse=True)
def _fresh(fresh_caches):
    """Each test reads its own copy of the content (see tests/conftest.py)."""


@pytest.mark.parametrize("how", BREAKAGES)
def test_every_page_works_and_names_the_glossary_file(how, content_copy, monkeypatch):
    BREAKAGES[how](content_copy / "glossary.csv")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content_copy))
    for section in sections.SECTIONS:
        at = open_page(section.path)
        assert [t.value for t in at.main.title] == [section.title], section.key
        notes = [i.value for i in at.main.info]
        assert any("glossary.csv" in note for note in notes), (section.key, notes)
        assert not any("content file has a mistake" in note for note in notes), (section.key, notes)
