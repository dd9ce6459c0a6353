#!/usr/bin/env bash
# Install everything, then run the linters and the whole test suite (slow tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/ruff check src tests benchmarks scripts gold
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
