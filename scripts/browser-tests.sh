#!/usr/bin/env bash
# The browser tests: the service on a random port, driven by Debian's headless Chromium through
# Selenium. Installs chromium and chromium-driver when they are missing (needs root or sudo).
# Screenshots of the main pages land in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v /usr/bin/chromium >/dev/null || ! command -v /usr/bin/chromedriver >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi

exec ./mvnw -B -Pbrowser verify "$@"
