#!/usr/bin/env bash
# The browser tests drive Debian's Chromium. Installs it with apt-get when it is missing, so a fresh
# CI machine gets it; fails (never skips) when it cannot.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi

echo "ensure-chromium: $chromium is missing; installing Debian's chromium package with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  echo "ensure-chromium: cannot install chromium without root; run 'apt-get install chromium' as root" >&2
  exit 1
fi

if [ ! -x "$chromium" ]; then
  echo "ensure-chromium: chromium was installed but $chromium does not exist; set CHROMIUM_PATH" >&2
  exit 1
fi
