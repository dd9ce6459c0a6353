#!/usr/bin/env bash
# Headless Chromium for the browser tests (pytest -m browser), from Debian's packages.
# Playwright's Python package (a pinned test dependency) drives it through
# executable_path=/usr/bin/chromium; `playwright install` is never used: it downloads a
# browser build of its own, which fails offline.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version || true
