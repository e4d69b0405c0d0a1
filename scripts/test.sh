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
# Two workers, each with half the browser tests (its own Streamlit server and Chromium); the other
# tests go to whichever is free (tests/conftest.py says how).
.venv/bin/python -m pytest -n 2 "$@"
