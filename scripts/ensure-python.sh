#!/usr/bin/env bash
# Create the virtual environment, installing Debian's venv module first if this Python lacks it.
set -euo pipefail
python=${1:-python3.11}
venv=${2:-.venv}
if ! "$python" -m venv --help >/dev/null 2>&1 || ! "$python" -c 'import ensurepip' 2>/dev/null; then
  echo "Installing the venv module for $python (apt)…"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "$(basename "$python")-venv"
fi
rm -rf "$venv"
"$python" -m venv "$venv"
