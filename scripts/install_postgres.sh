#!/usr/bin/env bash
# Install the PostgreSQL server (Debian's `postgresql`) for the store tests and for teams.
# Idempotent and non-interactive: does nothing when a server is already installed, so
# `make test` stays fast on a machine that has it. Needs root (or sudo) to install.
set -euo pipefail

have_server() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null
}

if have_server; then
    echo "postgresql: already installed ($(ls /usr/lib/postgresql | sort -n | tail -1))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null; then SUDO="sudo -n"; else
        echo "postgresql: not installed and not root; run this script as root" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The Debian package would start a cluster on port 5432; the tests run their own
# throwaway server instead, so keep the package from starting services.
POLICY=/usr/sbin/policy-rc.d
CREATED_POLICY=0
if [ ! -e "$POLICY" ] && [ -z "$SUDO" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$POLICY" && chmod +x "$POLICY" && CREATED_POLICY=1
fi
cleanup() { if [ "$CREATED_POLICY" = 1 ]; then rm -f "$POLICY"; fi; }
trap cleanup EXIT
$SUDO apt-get install -y -qq --no-install-recommends postgresql > /dev/null

if ! have_server; then
    echo "postgresql: installation finished but no server binaries under /usr/lib/postgresql" >&2
    exit 1
fi
echo "postgresql: installed ($(ls /usr/lib/postgresql | sort -n | tail -1))"
