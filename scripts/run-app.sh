#!/usr/bin/env bash
# Set up (first time) and run the app at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
exec .venv/bin/streamlit run app.py "$@"
