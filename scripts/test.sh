#!/usr/bin/env bash
# The one test command (`make test`, and CI's .ci/run): backend on SQLite and PostgreSQL,
# SPA type-check and lint, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== backend: SQLite and PostgreSQL =="
.venv/bin/python -m pytest

echo "== frontend: type-check and lint =="
(cd frontend && npm run lint)

echo "== browser =="
scripts/e2e.sh
