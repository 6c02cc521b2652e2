#!/bin/sh
# What the test suite needs beyond Python packages: Chromium (browser tests), PostgreSQL
# (store tests on both backends) and Java (Spark). Each installer is idempotent and quick
# when its tool is already there. In CI a failure stops the run; elsewhere it is a warning
# and the tests that need the tool say why they were skipped.
set -u
status=0
for installer in install_browser.sh install_postgres.sh install_java.sh; do
    if ! bash "scripts/$installer"; then
        echo "scripts/$installer failed" >&2
        status=1
    fi
done
if [ "$status" -ne 0 ] && [ -n "${CI:-}" ]; then
    exit 1
fi
exit 0
