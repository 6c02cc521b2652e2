#!/bin/sh
# Install what the browser tests (tests/browser, marked `browser`) need:
# Debian's Chromium at /usr/bin/chromium and the Python Playwright client.
# Playwright's own browser download (`playwright install`) is never used.
set -eu

VENV_PY="${VENV_PY:-.venv/bin/python}"
PLAYWRIGHT_PIN="playwright==1.65.2"

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends chromium
fi

if ! "$VENV_PY" -c "import playwright" 2>/dev/null; then
    "$VENV_PY" -m pip install --quiet "$PLAYWRIGHT_PIN"
fi

/usr/bin/chromium --version
"$VENV_PY" -c "import playwright, importlib.metadata as m; print('playwright', m.version('playwright'))"
