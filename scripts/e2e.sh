#!/usr/bin/env bash
# Browser tests: serve the built SPA and a freshly seeded demo database on a spare port, then
# drive Debian's chromium with Playwright (no downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-chromium.sh

port=${E2E_PORT:-8765}
workdir=$(mktemp -d)
export DATABASE_URL="sqlite:///$workdir/e2e.db"
export DEMO_DATA=true
.venv/bin/python -m backend serve --port "$port" >"$workdir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$workdir"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $server 2>/dev/null; then cat "$workdir/server.log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$workdir/server.log"; exit 1; }

mkdir -p test-artifacts
cd frontend && E2E_BASE_URL="http://127.0.0.1:$port" npm run e2e
