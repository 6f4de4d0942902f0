# 大党委共建共治平台 — everything a developer or CI runs goes through here.
# `make run` and `make test` install whatever is missing and are safe to run again.

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/public -type f 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help run test test-backend test-frontend test-e2e lint fmt schema codegen migrate seed create-admin bench bench-quick setup clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: $(VENV)/.installed frontend/dist/index.html ## serve the SPA and /graphql on http://127.0.0.1:8000 (SQLite, demo data)
	$(PY) -m backend serve

test: $(VENV)/.installed-dev frontend/node_modules/.installed frontend/dist/index.html ## run every test: lint, backend on SQLite and PostgreSQL, browser
	scripts/test.sh

test-backend: $(VENV)/.installed-dev ## backend tests only (both databases)
	$(PY) -m pytest

test-frontend: frontend/node_modules/.installed ## type-check and lint the SPA
	cd frontend && npm run lint

test-e2e: $(VENV)/.installed frontend/dist/index.html ## browser tests in Debian's chromium
	scripts/e2e.sh

lint: $(VENV)/.installed-dev frontend/node_modules/.installed ## ruff, ruff format --check, mypy strict, SPA lint, generated documents current
	$(VENV)/bin/ruff check backend tests bench
	$(VENV)/bin/ruff format --check backend tests bench
	$(VENV)/bin/mypy
	cd frontend && npm run lint && npm run check:generated

fmt: $(VENV)/.installed-dev ## format the Python code
	$(VENV)/bin/ruff check --fix backend tests bench
	$(VENV)/bin/ruff format backend tests bench

schema: $(VENV)/.installed ## export schema.graphql from the code
	$(PY) -m backend export-schema

codegen: frontend/node_modules/.installed ## regenerate the SPA's typed documents from schema.graphql
	cd frontend && npm run codegen

migrate: $(VENV)/.installed ## upgrade the database named by DATABASE_URL
	$(PY) -m backend migrate

seed: $(VENV)/.installed ## load the demo street into an empty database
	$(PY) -m backend seed

create-admin: $(VENV)/.installed ## the first street administrator: make create-admin USERNAME=… STREET=… [NAME=…]
	$(PY) -m backend create-admin --username "$(USERNAME)" --street "$(STREET)" --name "$(NAME)"

bench: $(VENV)/.installed-dev ## the benchmark: GraphQL against hand-written SQL, SQLite and PostgreSQL
	$(PY) -m bench

bench-quick: $(VENV)/.installed-dev ## 20 runs each, no HTTP round (under a minute), for development
	$(PY) -m bench --quick

setup: $(VENV)/.installed-dev frontend/dist/index.html ## install everything without running

clean: ## remove installed and built files (keeps the database in var/)
	rm -rf $(VENV) frontend/node_modules frontend/dist

$(VENV)/bin/python:
	scripts/ensure-python.sh $(PYTHON) $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build
	touch $@
