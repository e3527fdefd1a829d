#!/usr/bin/env bash
# Install Doccano 1.8.4 into its own virtualenv (default ~/.local/share/claimkit/doccano/venv, per
# user and shared by all checkouts; or $CLAIMKIT_DOCCANO_VENV),
# apart from claimkit's .venv: Doccano pins Django/pydantic versions that clash with ours.
# Idempotent and fast when the right version is already there. The server itself is started by
# `claimkit doccano serve` (and by the test session); this script only installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${CLAIMKIT_DOCCANO_VENV:-${XDG_DATA_HOME:-$HOME/.local/share}/claimkit/doccano/venv}"
VERSION=1.8.4
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"

installed() {
  [ -x "$VENV/bin/doccano" ] && "$VENV/bin/python" - "$VERSION" <<'PYCODE' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if version("doccano") == sys.argv[1] else 1)
PYCODE
}

if installed; then
  exit 0
fi
echo "setup-doccano: installing doccano $VERSION into $VENV (about 2 minutes)" >&2
if [ ! -x "$VENV/bin/python" ]; then
  mkdir -p "$(dirname "$VENV")"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
# marshmallow<4: environs fails at import with marshmallow 4; numpy<2: pandas 1.5.3 is built against numpy 1.
"$VENV/bin/python" -m pip install -q "doccano==$VERSION" "marshmallow<4" "numpy<2" 2>&1 \
  | grep -v "^WARNING: Location" || true
installed || { echo "setup-doccano: doccano $VERSION did not install into $VENV" >&2; exit 1; }
echo "setup-doccano: doccano $VERSION ready in $VENV" >&2
