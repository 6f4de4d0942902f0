#!/usr/bin/env bash
# Browser tests: serve the built SPA and a freshly seeded demo database on a spare port, then
# drive Debian's chromium with Playwright (no downloaded browser). The spec files are split
# into E2E_SHARDS shards (default 2) that run side by side, each against its own server and
# its own demo database, so no shard sees another's changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-chromium.sh

shards=${E2E_SHARDS:-2}
base_port=${E2E_PORT:-8765}
workdir=$(mktemp -d)
servers=()
cleanup() {
  for server in "${servers[@]}"; do kill "$server" 2>/dev/null || true; done
  for server in "${servers[@]}"; do wait "$server" 2>/dev/null || true; done
  rm -rf "$workdir"
}
trap cleanup EXIT

for shard in $(seq 1 "$shards"); do
  port=$((base_port + shard - 1))
  DATABASE_URL="sqlite:///$workdir/e2e-$shard.db" DEMO_DATA=true \
    .venv/bin/python -m backend serve --port "$port" >"$workdir/server-$shard.log" 2>&1 &
  servers+=($!)
done

for shard in $(seq 1 "$shards"); do
  port=$((base_port + shard - 1))
  server=${servers[$((shard - 1))]}
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$workdir/server-$shard.log"; exit 1; fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$workdir/server-$shard.log"; exit 1; }
done

mkdir -p test-artifacts
runners=()
for shard in $(seq 1 "$shards"); do
  port=$((base_port + shard - 1))
  (cd frontend && E2E_SHARD="$shard" E2E_BASE_URL="http://127.0.0.1:$port" \
    npm run --silent e2e -- --shard="$shard/$shards") >"$workdir/browser-$shard.log" 2>&1 &
  runners+=($!)
done

failed=0
for shard in $(seq 1 "$shards"); do
  wait "${runners[$((shard - 1))]}" || failed=1
done
for shard in $(seq 1 "$shards"); do
  echo "-- browser tests, shard $shard of $shards --"
  cat "$workdir/browser-$shard.log"
done
exit "$failed"
