"""Where things are, for tests and tools."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "docs" / "source" / "source-article.txt"  # the clinic article we started from
