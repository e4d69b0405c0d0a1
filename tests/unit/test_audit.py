"""The plain-language audit page is generated from the content and must match it."""

import importlib.util

from tests.support.paths import ROOT


def load_audit():
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_audit_page_is_up_to_date():
    audit = load_audit()
    assert audit.OUTPUT.read_text(encoding="utf-8") == audit.render(), "run: .venv/bin/python scripts/audit.py"


def test_audit_states_the_pemat_scores():
    text = (ROOT / "docs" / "plain-language-audit.md").read_text(encoding="utf-8")
    assert "PEMAT-P understandability: **100%** (17 of 17 items)" in text
    assert "PEMAT-P actionability: **83%** (5 of 6 applicable items)" in text
    assert "blocks above 8: **0**" in text
