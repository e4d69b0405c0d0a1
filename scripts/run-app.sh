#!/usr/bin/env bash
# Set up (first time) and run the app at http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
# serve.py: app.py behind the app's own middleware (security headers, no-store on /media/, origin guard).
exec .venv/bin/streamlit run serve.py "$@"
