import shutil
from pathlib import Path

import pytest

from explainer.content import content_dir


@pytest.fixture
def contract_copy(tmp_path: Path) -> Path:
    """A throw-away copy of the content the app loads ($EXPLAINER_CONTENT_DIR or content/)."""
    target = tmp_path / "content"
    shutil.copytree(content_dir(), target)
    return target
