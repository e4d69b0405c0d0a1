"""The domain package never imports Streamlit: it is tested and used without a server."""

import subprocess
import sys

from tests.support.paths import ROOT

PROBE = """
import importlib, pkgutil, sys
import explainer
for module in pkgutil.walk_packages(explainer.__path__, "explainer."):
    importlib.import_module(module.name)
leaked = sorted(m for m in sys.modules if m == "streamlit" or m.startswith("streamlit."))
print(",".join(leaked))
"""


def test_the_domain_package_never_imports_streamlit():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "", f"explainer imports Streamlit: {result.stdout.strip()[:200]}"


def test_the_probe_would_see_streamlit():
    probe = PROBE.replace("import explainer\n", "import explainer, streamlit\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "streamlit" in result.stdout
