#!/usr/bin/env bash
# Runs every test: the README's test command, and what .ci/run calls.
#
# The dashboard page's browser tests need Chromium and chromedriver from the operating system's packages
# (Debian/Ubuntu: chromium, chromium-driver). They are installed here when missing, with apt-get (through sudo
# when not root). Where that cannot be done, this says so and goes on: the browser tests then skip themselves.
# Extra arguments go to Maven, e.g. scripts/test.sh -o -pl standalone -am -Dtest='DashboardPage*'.
set -euo pipefail
cd "$(dirname "$0")/.."

install_chromium() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "scripts/test.sh: Chromium is missing and installing it needs root (or password-less sudo);" \
           "the browser tests will be skipped. Install it with: apt-get install -y chromium chromium-driver" >&2
      return 0
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: Chromium is missing and there is no apt-get here; the browser tests will be skipped." \
         "Install chromium and chromedriver at /usr/bin/chromium and /usr/bin/chromedriver to run them." >&2
    return 0
  fi
  echo "scripts/test.sh: installing chromium and chromium-driver for the browser tests" >&2
  if ! { "${sudo[@]}" apt-get update -q \
         && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
              chromium chromium-driver fonts-liberation; } >&2; then
    echo "scripts/test.sh: could not install Chromium; the browser tests will be skipped." >&2
  fi
}

install_chromium
exec ./mvnw -B verify "$@"
