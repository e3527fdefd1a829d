#!/usr/bin/env bash
# Set up (if needed) and run the main job on the sample article in corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/claimkit extract corpus/ -o out/statements.jsonl --docs out/documents.jsonl
.venv/bin/claimkit validate out/statements.jsonl
.venv/bin/claimkit validate out/documents.jsonl
echo "wrote out/statements.jsonl ($(wc -l < out/statements.jsonl) statements) and out/documents.jsonl"
