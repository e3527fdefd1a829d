#!/usr/bin/env bash
# Optional test step: put a CPU build of torch and stanza (claimkit's `stanza` extra) into
# .venv, so that the stanza backend's tests run. The default install (scripts/setup.sh,
# `pip install claimkit`) stays torch-free. Idempotent: returns at once when both are there.
# torch is pinned to a CPU wheel first; installing plain `torch` would pull a CUDA build of
# several GB. No stanza models are downloaded: the tests build stanza documents from CoNLL-U.
set -euo pipefail
cd "$(dirname "$0")/.."
TORCH_VERSION="${CLAIMKIT_TORCH_VERSION:-2.13.0}"
present() {
  .venv/bin/python - <<'PY' 2>/dev/null
import importlib.metadata as m
import sys
torch = m.version("torch")
m.version("stanza")
sys.exit(0 if "+cu" not in torch else 1)
PY
}
if present; then
  exit 0
fi
pip_install() { .venv/bin/python -m pip install -q "$@" 2>&1 | grep -v "^WARNING: Location" || true; }
pip_install "torch==${TORCH_VERSION}"
pip_install -e ".[stanza]"
present || { echo "setup-stanza: torch (CPU) or stanza did not install" >&2; exit 1; }
