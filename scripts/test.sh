#!/usr/bin/env bash
# Set up (first time) and run every check: lint, format, types, then unit, app, browser and deploy tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements-dev.txt
if [ -f tests/browser/package.json ] && [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm ci --silent --no-audit --no-fund)
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy  # the domain package (files and settings in pyproject.toml)
# Two workers: the browser tests (one Streamlit server, one Chromium) on one, the rest on the other
# (tests/conftest.py says how).
.venv/bin/python -m pytest -n 2 "$@"
