#!/usr/bin/env bash
# Create .venv (if needed), install the pinned requirements given as $1, then this project's own
# packages (explainer, explainer_ui) in editable mode, offline: no build isolation, no dependencies.
# Re-installs only when the requirements file or pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
req="${1:-requirements.txt}"
python_bin="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$req")"
if [ ! -f "$stamp" ] || [ "$req" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$req"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
