#!/usr/bin/env bash
# Installs what building JSHost needs from Debian when it is missing: the JavaScriptCore C API
# (libjavascriptcoregtk-4.1-dev) and pkg-config. Needs root or sudo for the install.
set -euo pipefail

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists javascriptcoregtk-4.1; then
  exit 0
fi

echo "jshost: installing libjavascriptcoregtk-4.1-dev and pkg-config ..." >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "jshost: need root or sudo to install libjavascriptcoregtk-4.1-dev" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends libjavascriptcoregtk-4.1-dev pkg-config >/dev/null
pkg-config --exists javascriptcoregtk-4.1
