#!/usr/bin/env bash
# Install a Java runtime (Debian's `openjdk-17-jre-headless`) for the Spark job.
# Idempotent and non-interactive: does nothing when `java` 17 or newer is already on
# PATH (or in JAVA_HOME), so `make test` stays fast. Needs root (or sudo) to install.
set -euo pipefail

MIN_JAVA=17

java_major() {
    local java="$1" version
    version=$("$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
    version=${version#1.}          # "1.8.0_x" -> 8
    echo "${version%%[.+-]*}"
}

have_java() {
    local java
    for java in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)"; do
        [ -n "$java" ] && [ -x "$java" ] || continue
        local major
        major=$(java_major "$java")
        if [ -n "$major" ] && [ "$major" -ge "$MIN_JAVA" ] 2> /dev/null; then
            echo "$java (Java $major)"
            return 0
        fi
    done
    return 1
}

if found=$(have_java); then
    echo "java: already installed: $found"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo > /dev/null; then SUDO="sudo -n"; else
        echo "java: Java $MIN_JAVA+ not found and not root; run this script as root" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# The JRE's postinst expects man page folders that slim images leave out.
$SUDO mkdir -p /usr/share/man/man1
$SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless > /dev/null

if ! found=$(have_java); then
    # Installed but not first on PATH (another java shadows it): point at Debian's.
    candidate=$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2> /dev/null | head -1 || true)
    if [ -n "$candidate" ]; then
        echo "java: installed at $candidate; set JAVA_HOME=$(dirname "$(dirname "$candidate")")"
        exit 0
    fi
    echo "java: installation finished but no Java $MIN_JAVA+ found" >&2
    exit 1
fi
echo "java: installed: $found"
