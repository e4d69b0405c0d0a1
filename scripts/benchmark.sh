#!/usr/bin/env bash
# Set up (first time) and run the performance benchmark: app vs a bare Streamlit app, as ratios.
# Needs a Chromium (/usr/bin/chromium, or CHROMIUM=/path). Arguments go to benchmarks.run
# (--quick, --only script,interaction, --json PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements-dev.txt
exec .venv/bin/python -m benchmarks.run "$@"
