#!/usr/bin/env bash
# Set up everything the test suite needs (claimkit, the Doccano server's own virtualenv,
# headless Chromium) and run the whole suite. The Doccano server itself is started and
# stopped by the test session (tests/conftest.py). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for step in scripts/setup-doccano.sh scripts/setup-browser.sh scripts/setup-stanza.sh; do
  if [ -f "$step" ]; then bash "$step"; fi
done
.venv/bin/ruff check claimkit tests benchmarks
.venv/bin/ruff format --check claimkit tests benchmarks
exec .venv/bin/python -m pytest -q -ra "$@"
