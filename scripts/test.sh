#!/usr/bin/env bash
# The one test command (`make test`, and CI's .ci/run): lint first (ruff, mypy strict, the
# SPA's type-check, eslint and prettier, generated files current), then the backend on SQLite
# and PostgreSQL and the browser tests side by side: they need different things (pytest one
# core, the server and chromium the other), so together they take as long as the longer one.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint =="
make --no-print-directory lint

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
echo "== backend (SQLite and PostgreSQL) and browser tests, side by side =="
.venv/bin/python -m pytest >"$logs/backend.log" 2>&1 &
backend=$!
scripts/e2e.sh >"$logs/browser.log" 2>&1 &
browser=$!

backend_status=0
browser_status=0
wait "$backend" || backend_status=$?
wait "$browser" || browser_status=$?

echo "== backend: SQLite and PostgreSQL =="
cat "$logs/backend.log"
echo "== browser =="
cat "$logs/browser.log"

if [ "$backend_status" -ne 0 ] || [ "$browser_status" -ne 0 ]; then
  echo "backend tests exited $backend_status, browser tests $browser_status"
  exit 1
fi
